#include "models/bulk_command_run.h"

#include <QCoreApplication>
#include <algorithm>

namespace voltdesk::models {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("BulkCommandRun", text);
}

} // namespace

BulkCommandRun::BulkCommandRun(const QStringList& chargerIds, Options options) : m_options(options) {
    m_options.pilotCount = std::max(0, m_options.pilotCount);
    m_options.maxInFlight = std::max(1, m_options.maxInFlight);
    for (const QString& id : chargerIds) {
        if (indexOf(id) < 0) {
            m_items.append(Item{id, ItemState::Waiting, {}});
        }
    }
    m_pilotEnd = std::min(m_options.pilotCount, static_cast<int>(m_items.size()));
    m_stage = m_pilotEnd > 0 ? Stage::Pilot : Stage::Rest;
    advance();
}

int BulkCommandRun::indexOf(const QString& chargerId) const {
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items[i].chargerId == chargerId) {
            return i;
        }
    }
    return -1;
}

int BulkCommandRun::count(ItemState state) const {
    return static_cast<int>(
        std::count_if(m_items.begin(), m_items.end(), [state](const Item& i) { return i.state == state; }));
}

QStringList BulkCommandRun::takeReady() {
    QStringList ready;
    if (m_stage == Stage::Pilot) {
        for (; m_next < m_pilotEnd; ++m_next) {
            m_items[m_next].state = ItemState::Running;
            ready << m_items[m_next].chargerId;
        }
    } else if (m_stage == Stage::Rest) {
        int running = inFlight();
        for (; m_next < m_items.size() && running < m_options.maxInFlight; ++m_next, ++running) {
            m_items[m_next].state = ItemState::Running;
            ready << m_items[m_next].chargerId;
        }
    }
    return ready;
}

void BulkCommandRun::finish(const QString& chargerId, bool succeeded, const QString& detail) {
    const int i = indexOf(chargerId);
    if (i < 0 || m_items[i].state != ItemState::Running) {
        return;
    }
    m_items[i].state = succeeded ? ItemState::Succeeded : ItemState::Failed;
    m_items[i].detail = detail;
    const int failed = count(ItemState::Failed);
    if (m_stage == Stage::Pilot && failed > m_options.pilotFailuresAllowed) {
        stop(tr("Stopped: the first chargers failed"));
    } else if ((m_stage == Stage::Pilot || m_stage == Stage::Rest) && failed > m_options.maxFailures) {
        stop(tr("Stopped: too many chargers failed"));
    }
    advance();
}

void BulkCommandRun::cancel(const QString& reason) {
    if (m_stage == Stage::Pilot || m_stage == Stage::Rest) {
        stop(reason.isEmpty() ? tr("Cancelled") : reason);
        advance();
    }
}

void BulkCommandRun::stop(const QString& reason) {
    m_stopReason = reason;
    m_stage = Stage::Stopping;
    for (Item& item : m_items) {
        if (item.state == ItemState::Waiting) {
            item.state = ItemState::Skipped;
            item.detail = reason;
        }
    }
    m_next = static_cast<int>(m_items.size());
}

void BulkCommandRun::advance() {
    const bool idle = inFlight() == 0;
    if (m_stage == Stage::Pilot && idle && m_next >= m_pilotEnd) {
        m_stage = Stage::Rest;
    }
    if ((m_stage == Stage::Rest && idle && m_next >= m_items.size()) ||
        (m_stage == Stage::Stopping && idle)) {
        m_stage = Stage::Done;
    }
}

} // namespace voltdesk::models
