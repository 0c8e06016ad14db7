#include "models/billing/tariff_draft.h"

#include "contract/iso8601.h"

#include <QJsonArray>

namespace voltdesk::models::billing {

namespace {

constexpr std::array<const char*, 7> kWeekdays{"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};

void putText(QJsonObject& json, const char* key, const QString& value) {
    if (!value.trimmed().isEmpty()) {
        json.insert(QLatin1String(key), value.trimmed());
    }
}

/// A price as text: strings as they are, whole JSON numbers as their digits (a fraction is refused by the
/// agent, so it is refused here too rather than passed through a double).
std::optional<QString> priceText(const QJsonValue& value, const QString& path, QString* error) {
    if (value.isUndefined() || value.isNull()) {
        return QString();
    }
    if (value.isString()) {
        return value.toString();
    }
    if (value.isDouble()) {
        const qint64 whole = value.toInteger(std::numeric_limits<qint64>::min());
        if (whole != std::numeric_limits<qint64>::min()) {
            return QString::number(whole);
        }
    }
    if (error) {
        *error = QStringLiteral("%1: a price is a decimal string such as \"1.35\"").arg(path);
    }
    return std::nullopt;
}

} // namespace

QString TariffDraft::weekdayKey(int index) {
    return QLatin1String(kWeekdays.at(static_cast<std::size_t>(index)));
}

QJsonObject TariffDraft::toJson() const {
    QJsonObject json;
    json.insert(QStringLiteral("id"), id.trimmed());
    json.insert(QStringLiteral("version"), version);
    json.insert(QStringLiteral("currency"), currency.trimmed());
    json.insert(QStringLiteral("minorDigits"), minorDigits);
    putText(json, "validFrom", validFrom);
    putText(json, "validUntil", validUntil);
    QJsonArray periodArray;
    for (const auto& p : periods) {
        periodArray.push_back(QJsonObject{{QStringLiteral("name"), p.name.trimmed()},
                                          {QStringLiteral("energyPrice"), p.energyPrice.trimmed()},
                                          {QStringLiteral("serviceFee"), p.serviceFee.trimmed()}});
    }
    json.insert(QStringLiteral("periods"), periodArray);
    QJsonArray dayTypeArray;
    for (const auto& d : dayTypes) {
        QJsonArray schedule;
        for (const auto& e : d.schedule) {
            schedule.push_back(QJsonObject{{QStringLiteral("from"), e.from.trimmed()},
                                           {QStringLiteral("to"), e.to.trimmed()},
                                           {QStringLiteral("period"), e.period.trimmed()}});
        }
        dayTypeArray.push_back(
            QJsonObject{{QStringLiteral("name"), d.name.trimmed()}, {QStringLiteral("schedule"), schedule}});
    }
    json.insert(QStringLiteral("dayTypes"), dayTypeArray);
    QJsonObject weekObject;
    for (int i = 0; i < 7; ++i) {
        weekObject.insert(weekdayKey(i), week.at(static_cast<std::size_t>(i)).trimmed());
    }
    json.insert(QStringLiteral("week"), weekObject);
    if (!holidays.isEmpty()) {
        QJsonArray holidayArray;
        for (const auto& h : holidays) {
            holidayArray.push_back(QJsonObject{{QStringLiteral("date"), h.date.trimmed()},
                                               {QStringLiteral("dayType"), h.dayType.trimmed()}});
        }
        json.insert(QStringLiteral("holidays"), holidayArray);
    }
    putText(json, "timePricePerMinute", timePricePerMinute);
    putText(json, "sessionFee", sessionFee);
    if (hasIdleFee) {
        QJsonObject idle{{QStringLiteral("perMinute"), idlePerMinute.trimmed()},
                         {QStringLiteral("graceMinutes"), idleGraceMinutes}};
        putText(idle, "cap", idleCap);
        json.insert(QStringLiteral("idleFee"), idle);
    }
    putText(json, "minimumPrice", minimumPrice);
    putText(json, "maximumPrice", maximumPrice);
    putText(json, "taxPercent", taxPercent);
    return json;
}

std::optional<TariffDraft> TariffDraft::fromJson(const QJsonObject& json, QString* error) {
    TariffDraft d;
    d.periods.clear();
    d.dayTypes.clear();
    d.id = json.value(QStringLiteral("id")).toString();
    d.version = json.value(QStringLiteral("version")).toInt(1);
    d.currency = json.value(QStringLiteral("currency")).toString();
    d.minorDigits = json.value(QStringLiteral("minorDigits")).toInt(2);
    d.validFrom = json.value(QStringLiteral("validFrom")).toString();
    d.validUntil = json.value(QStringLiteral("validUntil")).toString();
    const QJsonArray periods = json.value(QStringLiteral("periods")).toArray();
    for (qsizetype i = 0; i < periods.size(); ++i) {
        const QJsonObject p = periods.at(i).toObject();
        const QString path = QStringLiteral("periods[%1]").arg(i);
        const auto energy =
            priceText(p.value(QStringLiteral("energyPrice")), path + QStringLiteral(".energyPrice"), error);
        const auto service =
            priceText(p.value(QStringLiteral("serviceFee")), path + QStringLiteral(".serviceFee"), error);
        if (!energy || !service) {
            return std::nullopt;
        }
        d.periods.push_back({p.value(QStringLiteral("name")).toString(), *energy, *service});
    }
    for (const auto& value : json.value(QStringLiteral("dayTypes")).toArray()) {
        const QJsonObject o = value.toObject();
        DayTypeDraft dayType{o.value(QStringLiteral("name")).toString(), {}};
        for (const auto& entry : o.value(QStringLiteral("schedule")).toArray()) {
            const QJsonObject e = entry.toObject();
            dayType.schedule.push_back({e.value(QStringLiteral("from")).toString(),
                                        e.value(QStringLiteral("to")).toString(),
                                        e.value(QStringLiteral("period")).toString()});
        }
        d.dayTypes.push_back(dayType);
    }
    const QJsonObject week = json.value(QStringLiteral("week")).toObject();
    for (int i = 0; i < 7; ++i) {
        d.week.at(static_cast<std::size_t>(i)) = week.value(weekdayKey(i)).toString();
    }
    for (const auto& value : json.value(QStringLiteral("holidays")).toArray()) {
        const QJsonObject h = value.toObject();
        d.holidays.push_back(
            {h.value(QStringLiteral("date")).toString(), h.value(QStringLiteral("dayType")).toString()});
    }
    const auto text = [&](const QJsonObject& from, const char* key, QString& into) {
        const auto value = priceText(from.value(QLatin1String(key)), QLatin1String(key), error);
        if (value) {
            into = *value;
        }
        return value.has_value();
    };
    if (!text(json, "timePricePerMinute", d.timePricePerMinute) || !text(json, "sessionFee", d.sessionFee) ||
        !text(json, "minimumPrice", d.minimumPrice) || !text(json, "maximumPrice", d.maximumPrice) ||
        !text(json, "taxPercent", d.taxPercent)) {
        return std::nullopt;
    }
    if (json.contains(QStringLiteral("idleFee"))) {
        const QJsonObject idle = json.value(QStringLiteral("idleFee")).toObject();
        d.hasIdleFee = true;
        d.idleGraceMinutes = idle.value(QStringLiteral("graceMinutes")).toInt();
        if (!text(idle, "perMinute", d.idlePerMinute) || !text(idle, "cap", d.idleCap)) {
            return std::nullopt;
        }
    }
    return d;
}

TariffDraft TariffDraft::example() {
    TariffDraft d;
    d.id = QStringLiteral("new-tariff");
    d.periods = {{QStringLiteral("sharp"), QStringLiteral("1.3500"), QStringLiteral("0.8000")},
                 {QStringLiteral("peak"), QStringLiteral("1.1000"), QStringLiteral("0.8000")},
                 {QStringLiteral("flat"), QStringLiteral("0.7000"), QStringLiteral("0.6000")},
                 {QStringLiteral("valley"), QStringLiteral("0.3000"), QStringLiteral("0.4000")}};
    d.dayTypes = {{QStringLiteral("workday"),
                   {{QStringLiteral("00:00"), QStringLiteral("08:00"), QStringLiteral("valley")},
                    {QStringLiteral("08:00"), QStringLiteral("10:00"), QStringLiteral("flat")},
                    {QStringLiteral("10:00"), QStringLiteral("17:00"), QStringLiteral("peak")},
                    {QStringLiteral("17:00"), QStringLiteral("19:00"), QStringLiteral("sharp")},
                    {QStringLiteral("19:00"), QStringLiteral("23:00"), QStringLiteral("flat")},
                    {QStringLiteral("23:00"), QStringLiteral("24:00"), QStringLiteral("valley")}}},
                  {QStringLiteral("weekend"),
                   {{QStringLiteral("00:00"), QStringLiteral("08:00"), QStringLiteral("valley")},
                    {QStringLiteral("08:00"), QStringLiteral("23:00"), QStringLiteral("flat")},
                    {QStringLiteral("23:00"), QStringLiteral("24:00"), QStringLiteral("valley")}}}};
    for (int i = 0; i < 7; ++i) {
        d.week.at(static_cast<std::size_t>(i)) =
            i < 5 ? QStringLiteral("workday") : QStringLiteral("weekend");
    }
    d.taxPercent = QStringLiteral("6");
    return d;
}

QList<TariffProblem> tariffProblems(const QJsonObject& response, const QString& description) {
    QList<TariffProblem> problems;
    for (const auto& value : response.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject o = value.toObject();
        problems.push_back(
            {o.value(QStringLiteral("path")).toString(), o.value(QStringLiteral("message")).toString()});
    }
    if (problems.isEmpty() && !description.trimmed().isEmpty()) {
        problems.push_back({QString(), description.trimmed()});
    }
    return problems;
}

QJsonObject previewRequest(const TariffDraft& draft, const SampleSession& session) {
    const qint64 start = session.start.toMSecsSinceEpoch();
    const qint64 stop = start + qint64{session.durationMinutes} * 60'000;
    const auto iso = [](qint64 ms) { return QString::fromStdString(contract::toIso8601(ms)); };
    const QJsonArray readings{
        QJsonObject{{QStringLiteral("at"), iso(start)}, {QStringLiteral("energyWh"), 0}},
        QJsonObject{{QStringLiteral("at"), iso(stop)}, {QStringLiteral("energyWh"), session.energyWh}}};
    return {{QStringLiteral("tariff"), draft.toJson()},
            {QStringLiteral("timeZone"), session.timeZone},
            {QStringLiteral("session"), QJsonObject{{QStringLiteral("start"), iso(start)},
                                                    {QStringLiteral("stop"), iso(stop)},
                                                    {QStringLiteral("readings"), readings}}}};
}

} // namespace voltdesk::models::billing
