#include "chargepoint/connector_state.h"

namespace voltdesk::sim {

ConnectorStatus ConnectorState::derivedStatus(std::optional<double> limitW) const {
    using S = ConnectorStatus;
    if (faultCode) {
        return S::Faulted;
    }
    if (inTransaction()) {
        if (evSuspended || !plugged) {
            return S::SuspendedEV;
        }
        if (limitW && *limitW <= 0) {
            return S::SuspendedEVSE;
        }
        return S::Charging;
    }
    if (inoperative) {
        return S::Unavailable;
    }
    if (finished && plugged) {
        return S::Finishing;
    }
    if (reservation && !plugged) {
        return S::Reserved;
    }
    if (plugged || authorizedIdTag || authorizingIdTag) {
        return S::Preparing;
    }
    return S::Available;
}

} // namespace voltdesk::sim
