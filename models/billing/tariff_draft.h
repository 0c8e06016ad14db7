// A tariff as the editor holds it: the JSON form of docs/BILLING.md field by field, prices as the
// decimal text the operator typed (never a double), and the agent's refusal messages by path.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace voltdesk::models::billing {

struct TariffPeriodDraft {
    QString name;
    QString energyPrice; ///< major unit per kWh, "1.3500"
    QString serviceFee;
    bool operator==(const TariffPeriodDraft&) const = default;
};

struct ScheduleEntryDraft {
    QString from; ///< "HH:MM"
    QString to;   ///< "HH:MM", "24:00" ends the day
    QString period;
    bool operator==(const ScheduleEntryDraft&) const = default;
};

struct DayTypeDraft {
    QString name;
    QList<ScheduleEntryDraft> schedule;
    bool operator==(const DayTypeDraft&) const = default;
};

struct HolidayDraft {
    QString date; ///< "YYYY-MM-DD"
    QString dayType;
    bool operator==(const HolidayDraft&) const = default;
};

/// Every field of the tariff's JSON form. Empty text means "absent" for the optional ones.
struct TariffDraft {
    QString id;
    int version = 1;
    QString currency = QStringLiteral("CNY");
    int minorDigits = 2;
    QString validFrom; ///< ISO 8601 with an offset; empty: open
    QString validUntil;
    QList<TariffPeriodDraft> periods;
    QList<DayTypeDraft> dayTypes;
    std::array<QString, 7> week; ///< day type per weekday, Monday first
    QList<HolidayDraft> holidays;
    QString timePricePerMinute;
    QString sessionFee;
    bool hasIdleFee = false;
    QString idlePerMinute;
    int idleGraceMinutes = 0;
    QString idleCap;
    QString minimumPrice;
    QString maximumPrice;
    QString taxPercent;

    bool operator==(const TariffDraft&) const = default;

    /// The JSON form; optional fields that are empty are left out.
    QJsonObject toJson() const;
    /// Reads the JSON form (prices as strings or whole numbers); nullopt with *error naming the field.
    static std::optional<TariffDraft> fromJson(const QJsonObject& json, QString* error = nullptr);
    /// A four-period Shanghai-style tariff to start from.
    static TariffDraft example();

    /// "monday" ... "sunday" as the JSON form names them.
    static QString weekdayKey(int index);
};

/// One message of the agent's refusal: where ("dayTypes[0].schedule", "" for the whole tariff) and what.
struct TariffProblem {
    QString path;
    QString message;
};

/// The problems of a PutTariff or PreviewTariff refusal: response.errors when it has them, else the
/// description as one problem; none for an empty description.
QList<TariffProblem> tariffProblems(const QJsonObject& response, const QString& description);

/// A sample session the preview rates: a straight line of energy from start to stop.
struct SampleSession {
    QDateTime start;
    int durationMinutes = 60;
    qint64 energyWh = 20000;
    QString timeZone = QStringLiteral("Asia/Shanghai");
};

/// The PreviewTariff payload for the draft and the sample session.
QJsonObject previewRequest(const TariffDraft& draft, const SampleSession& session);

} // namespace voltdesk::models::billing
