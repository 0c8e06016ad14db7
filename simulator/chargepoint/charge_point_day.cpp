// The autonomous day: the connector days of core/ decide when drivers arrive, charge and leave; each
// session becomes a transaction (StartTransaction, MeterValues, StopTransaction) with a generated idTag.
#include "chargepoint/charge_point.h"

#include <cstdio>

namespace voltdesk::sim {

void ChargePoint::runDay(EpochMs now, bool report) {
    const EpochMs simNow = m_clock.simAt(now);
    while (auto change = m_day.step(simNow)) {
        applyDayChange(*change, now, report);
    }
}

void ChargePoint::applyDayChange(const ConnectorChange& change, EpochMs now, bool report) {
    auto* c = connectorAt(change.connectorId);
    if (c == nullptr) {
        return;
    }
    using S = ConnectorStatus;
    const S next = change.change.status;
    c->dayStatus = change.change;
    if (!report) {
        // Catching up silently before the first report: only where the cable is matters.
        c->plugged =
            next != S::Available && next != S::Unavailable && next != S::Faulted && next != S::Reserved;
        return;
    }
    switch (next) {
    case S::Preparing:
        c->plugged = true;
        break;
    case S::Charging:
    case S::SuspendedEV:
    case S::SuspendedEVSE:
        c->plugged = true;
        if (!c->inTransaction() && !c->faultCode && !c->inoperative) {
            std::array<char, 24> tag{};
            std::snprintf(tag.data(), tag.size(), "SIM-%05d-%04d", m_charger.number % 100'000,
                          ++m_autoTagCounter % 10'000);
            c->authorizedIdTag = tag.data();
            startTransaction(*c, now);
        }
        break;
    case S::Finishing:
        endTransaction(*c, "Local", now);
        break;
    case S::Available:
        endTransaction(*c, "EVDisconnected", now);
        c->plugged = false;
        c->finished = false;
        break;
    case S::Faulted:
    case S::Unavailable:
    case S::Reserved:
        endTransaction(*c, "Other", now);
        break;
    }
    updatePower(*c, now);
    refreshStatus(*c, now);
}

} // namespace voltdesk::sim
