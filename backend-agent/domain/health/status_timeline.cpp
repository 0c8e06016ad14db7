#include "domain/health/status_timeline.h"

#include <algorithm>
#include <map>

namespace voltdesk::domain {

namespace {

struct ConnectorNow {
    std::string status;
    std::string errorCode;
};

/// The state a sweep through the records carries.
class TimelineState {
public:
    explicit TimelineState(std::span<const StatusRecord> records) {
        for (const auto& r : records) {
            if (r.connectorId > 0) {
                m_connectors.try_emplace(r.connectorId);
            }
        }
    }

    /// Applies r; true when it is a new fault.
    bool apply(const StatusRecord& r) {
        if (isConnectivity(r)) {
            const bool online = r.status == "Online";
            if (m_online && !online) {
                m_offlineSince = r.at;
            }
            m_online = online;
            return false;
        }
        ConnectorNow& c = r.connectorId == 0 ? m_charger : m_connectors[r.connectorId];
        const bool newFault = r.status == "Faulted" && (c.status != "Faulted" || c.errorCode != r.errorCode);
        c.status = r.status;
        c.errorCode = r.errorCode;
        return newFault;
    }

    /// Connectors down, as a fraction of all of them.
    double downShare() const {
        if (!m_online || isOutOfService(m_charger.status)) {
            return 1.0;
        }
        if (m_connectors.empty()) {
            return 0.0;
        }
        const auto down = std::count_if(m_connectors.begin(), m_connectors.end(),
                                        [](const auto& c) { return isOutOfService(c.second.status); });
        return static_cast<double>(down) / static_cast<double>(m_connectors.size());
    }

    bool online() const { return m_online; }

    ChargerCondition condition() const {
        ChargerCondition out;
        out.online = m_online;
        out.offlineSince = m_online ? 0 : m_offlineSince;
        if (m_charger.status == "Faulted") {
            out.faulted.push_back({0, m_charger.errorCode});
        }
        for (const auto& [id, c] : m_connectors) {
            if (c.status == "Faulted") {
                out.faulted.push_back({id, c.errorCode});
            }
        }
        return out;
    }

private:
    bool m_online = true;
    contract::EpochMs m_offlineSince = 0;
    ConnectorNow m_charger;
    std::map<int, ConnectorNow> m_connectors;
};

} // namespace

bool isConnectivity(const StatusRecord& record) {
    return record.connectorId == 0 && (record.status == "Online" || record.status == "Offline");
}

bool isOutOfService(const std::string& status) {
    return status == "Unavailable" || status == "Faulted";
}

bool isError(const std::string& errorCode) {
    return !errorCode.empty() && errorCode != "NoError";
}

std::optional<double> TimelineSummary::availability() const {
    if (knownMs <= 0) {
        return std::nullopt;
    }
    return std::clamp(1.0 - downMs / static_cast<double>(knownMs), 0.0, 1.0);
}

TimelineSummary summarizeTimeline(std::span<const StatusRecord> records, contract::EpochMs from,
                                  contract::EpochMs to) {
    TimelineSummary out;
    if (records.empty() || to <= from) {
        return out;
    }
    const contract::EpochMs start = std::max(from, records.front().at);
    if (start >= to) {
        return out;
    }
    TimelineState state(records);
    contract::EpochMs previous = start;
    const auto accumulate = [&](contract::EpochMs until) {
        const contract::EpochMs span = until - previous;
        if (span <= 0) {
            return;
        }
        out.downMs += state.downShare() * static_cast<double>(span);
        if (!state.online()) {
            out.offlineMs += span;
        }
        previous = until;
    };
    for (const auto& r : records) {
        if (r.at >= to) {
            break;
        }
        const bool inWindow = r.at >= from;
        if (inWindow) {
            accumulate(r.at);
        }
        const bool newFault = state.apply(r);
        if (!inWindow) {
            continue;
        }
        out.faults += newFault ? 1 : 0;
        if (!isConnectivity(r) && isError(r.errorCode) &&
            std::find(out.errorCodes.begin(), out.errorCodes.end(), r.errorCode) == out.errorCodes.end()) {
            out.errorCodes.push_back(r.errorCode);
        }
    }
    accumulate(to);
    out.knownMs = to - start;
    return out;
}

ChargerCondition conditionOf(std::span<const StatusRecord> records) {
    TimelineState state(records);
    for (const auto& r : records) {
        state.apply(r);
    }
    return state.condition();
}

} // namespace voltdesk::domain
