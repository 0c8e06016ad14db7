#include "models/status_letters.h"

#include "models/status_names.h"

#include <QCoreApplication>

namespace voltdesk::models {

using contract::ConnectorStatus;

namespace {

bool shown(const contract::ConnectorState& c) {
    return c.id != 0 || c.status == ConnectorStatus::Faulted || c.status == ConnectorStatus::Unavailable;
}

} // namespace

QString connectorStatusLetter(ConnectorStatus status) {
    switch (status) {
    case ConnectorStatus::Available:
        return QCoreApplication::translate("StatusLetters", "A", "connector Available");
    case ConnectorStatus::Preparing:
        return QCoreApplication::translate("StatusLetters", "P", "connector Preparing");
    case ConnectorStatus::Charging:
        return QCoreApplication::translate("StatusLetters", "C", "connector Charging");
    case ConnectorStatus::SuspendedEVSE:
        return QCoreApplication::translate("StatusLetters", "SE", "connector Suspended by the charger");
    case ConnectorStatus::SuspendedEV:
        return QCoreApplication::translate("StatusLetters", "SV", "connector Suspended by the vehicle");
    case ConnectorStatus::Finishing:
        return QCoreApplication::translate("StatusLetters", "Fi", "connector Finishing");
    case ConnectorStatus::Reserved:
        return QCoreApplication::translate("StatusLetters", "R", "connector Reserved");
    case ConnectorStatus::Unavailable:
        return QCoreApplication::translate("StatusLetters", "U", "connector Unavailable");
    case ConnectorStatus::Faulted:
        return QCoreApplication::translate("StatusLetters", "F", "connector Faulted");
    }
    return QStringLiteral("?");
}

QString connectorSummary(const std::vector<contract::ConnectorState>& connectors) {
    QString text;
    for (const contract::ConnectorState& c : connectors) {
        if (!shown(c)) {
            continue;
        }
        if (!text.isEmpty()) {
            text += QStringLiteral(" · ");
        }
        text += QString::number(c.id) + QLatin1Char(' ') + connectorStatusLetter(c.status);
    }
    return text;
}

QString connectorDetails(const std::vector<contract::ConnectorState>& connectors) {
    QStringList lines;
    for (const contract::ConnectorState& c : connectors) {
        QString line = QStringLiteral("%1: %2").arg(c.id).arg(connectorStatusDisplayName(c.status));
        if (!c.errorCode.empty() && c.errorCode != "NoError") {
            line += QStringLiteral(" (%1)").arg(QString::fromStdString(c.errorCode));
        }
        lines.push_back(line);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace voltdesk::models
