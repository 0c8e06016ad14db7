// Every page of a GetSessions filter, for the exports that need all of them (the settlement CSV, the
// monthly statement): one request after the other, the finished sessions' records collected.
#pragma once

#include "contract/charge_detail_record.h"
#include "models/billing/sessions_model.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <vector>

namespace voltdesk::models::billing {

class BillingClient;

/// Fetches the pages of `filter` (its status and limit as given; offset from 0) until the agent's count
/// is reached or a page comes back empty. Each record (the version in force of a finished session) is
/// kept once, its highest version: a session that finishes meanwhile shifts the newest-first pages,
/// which shows some rows twice, never none. Lives on the Qt thread with its BillingClient.
class SessionPages : public QObject {
    Q_OBJECT

public:
    SessionPages(BillingClient& client, SessionFilter filter, QObject* parent = nullptr);

    /// Sends the first request; finished() follows, also when no agent is known.
    void start();
    /// The records gathered so far, in the order of the pages.
    const std::vector<contract::ChargeDetailRecord>& records() const { return m_records; }
    /// The matching sessions as the agent last counted them.
    qint64 matching() const { return m_matching; }

signals:
    /// After each page: sessions seen so far of the matching ones.
    void progress(qint64 seen, qint64 matching);
    /// ok false: `error` says why (in words); records() holds what came before.
    void finished(bool ok, const QString& error);

private:
    void requestNext();

    BillingClient& m_client;
    SessionFilter m_filter;
    std::vector<contract::ChargeDetailRecord> m_records;
    QHash<QString, std::size_t> m_seen; ///< cdrId -> index in m_records
    qint64 m_matching = 0;
    qint64 m_sessionsSeen = 0;
};

/// GetSessions' largest page.
constexpr int kLargestSessionsPage = 500;

/// The request for a customer group's monthly statement: its finished sessions overlapping the month
/// widened by a day on each side in UTC, so that every session that stopped in the month in its site's
/// local time (any offset from −12 h to +14 h) is among them; documents::statementRecords then keeps
/// those that belong. `month` is any date of the month.
SessionFilter statementFilter(const QString& customerGroup, QDate month);

} // namespace voltdesk::models::billing
