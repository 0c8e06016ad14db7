// Charging sessions as the sessions view lists them: a GetSessions page (newest first, with totals per
// currency over every matching finished session) kept current by the live cost and CDR topics.
#pragma once

#include "contract/charge_detail_record.h"
#include "models/mqtt_message.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>
#include <vector>

namespace voltdesk::models::billing {

/// What GetSessions is asked for; empty fields do not filter. Times are the period the sessions overlap.
struct SessionFilter {
    QString siteId;
    QString chargerId;
    QString customerGroup;
    QString idTag;
    QDateTime from;                         ///< invalid: open
    QDateTime to;                           ///< invalid: open
    QString status = QStringLiteral("all"); ///< "live", "finished" or "all"
    int offset = 0;
    int limit = 100;

    /// The GetSessions request payload.
    QJsonObject toPayload() const;
    /// Whether a running session (its live cost) belongs in the list this filter asks for.
    bool admitsLive(const contract::ChargeDetailRecord& cost) const;
};

/// The sum over one currency's sessions; currency "" for unrated ones.
struct CurrencyTotal {
    QString currency;
    int minorDigits = 2;
    qint64 sessions = 0;
    qint64 energyMilliWh = 0;
    qint64 subtotal = 0;
    qint64 tax = 0;
    qint64 total = 0;
};

struct SessionRow {
    QString cdrId; ///< "<chargerId>/<transactionId>"
    QString chargerId;
    int connectorId = 0;
    int transactionId = 0;
    QString siteId;
    QString idTag;
    QString customerGroup;
    qint64 startMs = 0;
    std::optional<qint64> stopMs;
    bool live = false; ///< running: its cost is provisional
    qint64 meterStartWh = 0;
    std::optional<qint64> meterStopWh;
    /// The version in force, or the running session's latest live cost; none before either arrived.
    std::optional<contract::ChargeDetailRecord> record;

    bool isUnrated() const { return record && record->reason.starts_with("unrated:"); }
    qint64 energyMilliWh() const;
};

/// The sessions table. setResponse() replaces the page; applyMessages() updates rows in place from the
/// retained live cost topic (.../connectors/{n}/session-cost) and the sites' CDR topic, and adds a
/// session that starts while the first page of a list that shows live sessions is open.
class SessionsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        StatusColumn,
        StartColumn,
        SiteColumn,
        ChargerColumn,
        EnergyColumn,
        TotalColumn,
        IdTagColumn,
        CustomerGroupColumn,
        ColumnCount
    };
    enum Role {
        LiveRole = Qt::UserRole + 1, ///< bool: running session, provisional cost
        CdrIdRole,                   ///< QString
        UnratedRole,                 ///< bool
    };

    explicit SessionsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The filter the next request is for (its page is set by the answer's offset and limit).
    void setFilter(const SessionFilter& filter) { m_filter = filter; }
    const SessionFilter& filter() const { return m_filter; }
    /// Takes a GetSessions answer; sessions that do not decode are skipped and counted in skipped().
    void setResponse(const QJsonObject& response);
    /// Live cost and CDR messages; other topics are ignored.
    void applyMessages(const voltdesk::models::MqttMessages& messages);

    const SessionRow& rowAt(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }
    int rowOfCdr(const QString& cdrId) const;
    const std::vector<SessionRow>& rows() const { return m_rows; }
    /// Matching sessions in all pages, as the agent counted them (plus live ones added since).
    qint64 matching() const { return m_matching; }
    int offset() const { return m_offset; }
    int limit() const { return m_limit; }
    bool hasPreviousPage() const { return m_offset > 0; }
    bool hasNextPage() const { return m_offset + static_cast<qint64>(m_rows.size()) < m_matching; }
    /// The agent's totals over every matching finished session, per currency.
    const QList<CurrencyTotal>& totals() const { return m_totals; }
    /// The provisional costs of the running sessions on this page, per currency.
    QList<CurrencyTotal> liveTotals() const;
    bool hasResponse() const { return m_hasResponse; }
    int skipped() const { return m_skipped; }

signals:
    /// The page, the totals or a row's record changed.
    void summaryChanged();
    /// A row's record changed (live cost, new CDR version): a breakdown showing it may refresh.
    void recordChanged(const QString& cdrId);

private:
    void applyLiveCost(const QString& topic, const QByteArray& payload);
    void applyCdr(const QByteArray& payload);
    void rowChanged(int row);
    void addToTotals(const contract::ChargeDetailRecord& record, int sign, int sessions);

    std::vector<SessionRow> m_rows;
    QHash<QString, QString> m_liveTopicCdr;                   ///< cost topic -> cdrId shown there
    QHash<QString, contract::ChargeDetailRecord> m_liveCosts; ///< cdrId -> latest live cost
    QList<CurrencyTotal> m_totals;
    SessionFilter m_filter;
    qint64 m_matching = 0;
    int m_offset = 0;
    int m_limit = 100;
    int m_skipped = 0;
    bool m_hasResponse = false;
};

/// A CDR from its JSON object as answers carry it (the contract's codec, so a bill that does not add up
/// is refused); nullopt if it does not decode.
std::optional<contract::ChargeDetailRecord> recordFromJson(const QJsonObject& object);
/// An instant as the site's wall clock ("2025-11-26 16:30"), through the record's IANA zone; the console's
/// own zone when the site has none (or it is unknown).
QString siteTimeText(qint64 ms, const std::string& timeZone);
/// The record as a JSON object (contract::encode).
QJsonObject recordToJson(const contract::ChargeDetailRecord& record);

} // namespace voltdesk::models::billing
