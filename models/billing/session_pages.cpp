#include "models/billing/session_pages.h"

#include "models/billing/billing_client.h"

#include <QTimeZone>

namespace voltdesk::models::billing {

SessionPages::SessionPages(BillingClient& client, SessionFilter filter, QObject* parent)
    : QObject(parent), m_client(client), m_filter(std::move(filter)) {
    m_filter.offset = 0;
}

void SessionPages::start() {
    requestNext();
}

void SessionPages::requestNext() {
    CommandCall* call = m_client.send(QStringLiteral("GetSessions"), m_filter.toPayload());
    if (!call) {
        // Asynchronous like every other ending, so that a caller may connect after start().
        QMetaObject::invokeMethod(
            this, [this] { emit finished(false, tr("No agent is online to ask for sessions.")); },
            Qt::QueuedConnection);
        return;
    }
    connect(call, &CommandCall::finished, this, [this](const CommandResult& result) {
        if (result.outcome != contract::CommandOutcome::Completed) {
            emit finished(false, commandFailureText(result));
            return;
        }
        SessionsModel page;
        page.setResponse(result.response);
        m_matching = page.matching();
        m_sessionsSeen += page.rowCount();
        for (const SessionRow& row : page.rows()) {
            if (!row.record || row.record->provisional) {
                continue;
            }
            const auto seen = m_seen.constFind(row.cdrId);
            if (seen == m_seen.cend()) {
                m_seen.insert(row.cdrId, m_records.size());
                m_records.push_back(*row.record);
            } else if (m_records.at(*seen).version < row.record->version) {
                m_records.at(*seen) = *row.record; // re-rated between two pages
            }
        }
        emit progress(std::min(m_sessionsSeen, m_matching), m_matching);
        m_filter.offset += m_filter.limit;
        if (page.rowCount() > 0 && m_filter.offset < m_matching) {
            requestNext();
            return;
        }
        emit finished(true, QString());
    });
}

SessionFilter statementFilter(const QString& customerGroup, QDate month) {
    const QDate first(month.year(), month.month(), 1);
    SessionFilter filter;
    filter.customerGroup = customerGroup.trimmed();
    filter.status = QStringLiteral("finished");
    filter.from = QDateTime(first.addDays(-1), QTime(0, 0), QTimeZone::UTC);
    filter.to = QDateTime(first.addMonths(1).addDays(1), QTime(0, 0), QTimeZone::UTC);
    filter.limit = kLargestSessionsPage;
    return filter;
}

} // namespace voltdesk::models::billing
