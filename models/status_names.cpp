#include "models/status_names.h"

#include <QCoreApplication>

namespace voltdesk::models {

QString statusDisplayName(contract::ChargerStatus status) {
    using contract::ChargerStatus;
    switch (status) {
    case ChargerStatus::Available:
        return QCoreApplication::translate("ChargerStatus", "Available");
    case ChargerStatus::Charging:
        return QCoreApplication::translate("ChargerStatus", "Charging");
    case ChargerStatus::Occupied:
        return QCoreApplication::translate("ChargerStatus", "Occupied");
    case ChargerStatus::Reserved:
        return QCoreApplication::translate("ChargerStatus", "Reserved");
    case ChargerStatus::Unavailable:
        return QCoreApplication::translate("ChargerStatus", "Unavailable");
    case ChargerStatus::Faulted:
        return QCoreApplication::translate("ChargerStatus", "Faulted");
    case ChargerStatus::Offline:
        return QCoreApplication::translate("ChargerStatus", "Offline");
    case ChargerStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("ChargerStatus", "Unknown");
}

QString connectorStatusDisplayName(contract::ConnectorStatus status) {
    using contract::ConnectorStatus;
    switch (status) {
    case ConnectorStatus::Available:
        return QCoreApplication::translate("ConnectorStatus", "Available");
    case ConnectorStatus::Preparing:
        return QCoreApplication::translate("ConnectorStatus", "Preparing");
    case ConnectorStatus::Charging:
        return QCoreApplication::translate("ConnectorStatus", "Charging");
    case ConnectorStatus::SuspendedEVSE:
        return QCoreApplication::translate("ConnectorStatus", "Suspended by charger");
    case ConnectorStatus::SuspendedEV:
        return QCoreApplication::translate("ConnectorStatus", "Suspended by vehicle");
    case ConnectorStatus::Finishing:
        return QCoreApplication::translate("ConnectorStatus", "Finishing");
    case ConnectorStatus::Reserved:
        return QCoreApplication::translate("ConnectorStatus", "Reserved");
    case ConnectorStatus::Unavailable:
        return QCoreApplication::translate("ConnectorStatus", "Unavailable");
    case ConnectorStatus::Faulted:
        break;
    }
    return QCoreApplication::translate("ConnectorStatus", "Faulted");
}

} // namespace voltdesk::models
