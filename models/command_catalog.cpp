#include "models/command_catalog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrl>
#include <algorithm>

namespace voltdesk::models {

namespace {

using Kind = CommandParameter::Kind;
using contract::ConnectorStatus;

/// Id of the profile a charging limit is sent as, so a later limit replaces it rather than stacks.
constexpr int kLimitProfileId = 7100;

CommandParameter connector(const QString& label, int minimum, QVariant defaultValue = 1) {
    return {QStringLiteral("connectorId"), label, Kind::Connector, {}, {},
            std::move(defaultValue),       true,  double(minimum), 99};
}

QString listOf(const QList<int>& connectors) {
    QStringList parts;
    for (const int c : connectors) {
        parts << QString::number(c);
    }
    return parts.join(QStringLiteral(", "));
}

bool isBusy(ConnectorStatus s) {
    return s == ConnectorStatus::Charging || s == ConnectorStatus::SuspendedEV ||
           s == ConnectorStatus::SuspendedEVSE;
}

QString chargerName(const contract::ChargerState& state) {
    return QString::fromStdString(state.chargerId);
}

} // namespace

QList<CommandSpec> CommandCatalog::commands() {
    QList<CommandSpec> all;
    all.append({QStringLiteral("RemoteStartTransaction"),
                QStringLiteral("RemoteStartTransaction"),
                tr("Start charging"),
                {},
                {connector(tr("Connector"), 1),
                 {QStringLiteral("idTag"), tr("Id tag"), Kind::Text, {}, {}, {}, true, 0, 20}},
                false,
                false});
    all.append({QStringLiteral("RemoteStopTransaction"),
                QStringLiteral("RemoteStopTransaction"),
                tr("Stop charging"),
                {},
                {{QStringLiteral("transactionId"),
                  tr("Transaction"),
                  Kind::Integer,
                  {},
                  {},
                  {},
                  true,
                  0,
                  2147483647}},
                true,
                false});
    all.append({QStringLiteral("Reset.Soft"),
                QStringLiteral("Reset"),
                tr("Soft reset"),
                {{QStringLiteral("type"), QStringLiteral("Soft")}},
                {},
                true,
                false});
    all.append({QStringLiteral("Reset.Hard"),
                QStringLiteral("Reset"),
                tr("Hard reset"),
                {{QStringLiteral("type"), QStringLiteral("Hard")}},
                {},
                true,
                false});
    all.append({QStringLiteral("UnlockConnector"),
                QStringLiteral("UnlockConnector"),
                tr("Unlock connector"),
                {},
                {connector(tr("Connector"), 1)},
                true,
                false});
    all.append({QStringLiteral("ChangeAvailability.Inoperative"),
                QStringLiteral("ChangeAvailability"),
                tr("Take out of service"),
                {{QStringLiteral("type"), QStringLiteral("Inoperative")}},
                {connector(tr("Connector (0: the whole charger)"), 0, 0)},
                true,
                false});
    all.append({QStringLiteral("ChangeAvailability.Operative"),
                QStringLiteral("ChangeAvailability"),
                tr("Put back in service"),
                {{QStringLiteral("type"), QStringLiteral("Operative")}},
                {connector(tr("Connector (0: the whole charger)"), 0, 0)},
                false,
                false});
    const QStringList messages{QStringLiteral("StatusNotification"),
                               QStringLiteral("MeterValues"),
                               QStringLiteral("Heartbeat"),
                               QStringLiteral("BootNotification"),
                               QStringLiteral("FirmwareStatusNotification"),
                               QStringLiteral("DiagnosticsStatusNotification")};
    all.append({QStringLiteral("TriggerMessage"),
                QStringLiteral("TriggerMessage"),
                tr("Trigger message"),
                {},
                {{QStringLiteral("requestedMessage"), tr("Message"), Kind::Choice, messages, messages,
                  messages.first(), true, 0, 0},
                 {QStringLiteral("connectorId"),
                  tr("Connector (empty: all)"),
                  Kind::Connector,
                  {},
                  {},
                  {},
                  false,
                  0,
                  99}},
                false,
                true});
    all.append({QStringLiteral("GetConfiguration"),
                QStringLiteral("GetConfiguration"),
                tr("Read configuration"),
                {},
                {},
                false,
                true});
    all.append({QStringLiteral("ChangeConfiguration"),
                QStringLiteral("ChangeConfiguration"),
                tr("Change configuration"),
                {},
                {{QStringLiteral("key"), tr("Key"), Kind::Text, {}, {}, {}, true, 0, 50},
                 {QStringLiteral("value"), tr("Value"), Kind::Text, {}, {}, {}, true, 0, 500}},
                false,
                false});
    all.append({QStringLiteral("SetChargingLimit"),
                QStringLiteral("SetChargingProfile"),
                tr("Set charging limit"),
                {},
                {connector(tr("Connector (0: the whole charger)"), 0, 0),
                 {QStringLiteral("limit"), tr("Limit"), Kind::Decimal, {}, {}, 11000.0, true, 0, 1'000'000},
                 {QStringLiteral("unit"),
                  tr("Unit"),
                  Kind::Choice,
                  {QStringLiteral("W"), QStringLiteral("A")},
                  {tr("watts"), tr("amperes")},
                  QStringLiteral("W"),
                  true,
                  0,
                  0}},
                false,
                false});
    all.append({QStringLiteral("ClearChargingProfile"),
                QStringLiteral("ClearChargingProfile"),
                tr("Clear charging limit"),
                {{QStringLiteral("id"), kLimitProfileId}},
                {},
                false,
                false});
    all.append(
        {QStringLiteral("UpdateFirmware"),
         QStringLiteral("UpdateFirmware"),
         tr("Update firmware"),
         {},
         {{QStringLiteral("location"), tr("Firmware URL"), Kind::Url, {}, {}, {}, true, 0, 0},
          {QStringLiteral("retrieveDate"), tr("Download from"), Kind::DateTime, {}, {}, {}, true, 0, 0},
          {QStringLiteral("retries"), tr("Retries"), Kind::Integer, {}, {}, 3, false, 0, 10}},
         true,
         false});
    all.append({QStringLiteral("GetDiagnostics"),
                QStringLiteral("GetDiagnostics"),
                tr("Upload diagnostics"),
                {},
                {{QStringLiteral("location"), tr("Upload URL"), Kind::Url, {}, {}, {}, true, 0, 0}},
                false,
                false});
    return all;
}

std::optional<CommandSpec> CommandCatalog::find(const QString& id) {
    for (const CommandSpec& spec : commands()) {
        if (spec.id == id) {
            return spec;
        }
    }
    return std::nullopt;
}

QStringList CommandCatalog::problems(const CommandSpec& spec, const QVariantMap& values) {
    QStringList out;
    for (const CommandParameter& p : spec.parameters) {
        const QVariant v = values.value(p.key, p.defaultValue);
        const bool empty = !v.isValid() || v.toString().trimmed().isEmpty();
        if (empty) {
            if (p.required) {
                out << tr("%1 is missing").arg(p.label);
            }
            continue;
        }
        switch (p.kind) {
        case Kind::Connector:
        case Kind::Integer:
        case Kind::Decimal: {
            bool ok = false;
            const double n = v.toDouble(&ok);
            if (!ok || n < p.minimum || n > p.maximum ||
                (p.kind != Kind::Decimal && n != static_cast<double>(static_cast<long long>(n)))) {
                out << tr("%1 must be a number from %2 to %3").arg(p.label).arg(p.minimum).arg(p.maximum);
            }
            break;
        }
        case Kind::Text:
            if (p.maximum > 0 && static_cast<double>(v.toString().size()) > p.maximum) {
                out << tr("%1 is longer than %2 characters").arg(p.label).arg(p.maximum);
            }
            break;
        case Kind::Choice:
            if (!p.choices.contains(v.toString())) {
                out << tr("%1 must be one of %2").arg(p.label, p.choices.join(QStringLiteral(", ")));
            }
            break;
        case Kind::Url: {
            const QUrl url(v.toString(), QUrl::StrictMode);
            if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
                out << tr("%1 is not a URL").arg(p.label);
            }
            break;
        }
        case Kind::DateTime:
            if (!v.toDateTime().isValid() && !QDateTime::fromString(v.toString(), Qt::ISODate).isValid()) {
                out << tr("%1 is not a date and time").arg(p.label);
            }
            break;
        }
    }
    return out;
}

QJsonObject CommandCatalog::payload(const CommandSpec& spec, const QVariantMap& values) {
    QJsonObject out = spec.fixed;
    for (const CommandParameter& p : spec.parameters) {
        const QVariant v = values.value(p.key, p.defaultValue);
        if (!v.isValid() || v.toString().trimmed().isEmpty()) {
            continue;
        }
        switch (p.kind) {
        case Kind::Connector:
        case Kind::Integer:
            out.insert(p.key, static_cast<qint64>(v.toDouble()));
            break;
        case Kind::Decimal:
            out.insert(p.key, v.toDouble());
            break;
        case Kind::DateTime: {
            QDateTime t = v.toDateTime();
            if (!t.isValid()) {
                t = QDateTime::fromString(v.toString(), Qt::ISODate);
            }
            out.insert(p.key, t.toUTC().toString(Qt::ISODateWithMs));
            break;
        }
        default:
            out.insert(p.key, v.toString().trimmed());
        }
    }
    if (spec.command == QStringLiteral("SetChargingProfile")) {
        // One period from the start of every session, replacing an earlier limit (same id).
        const QJsonObject period{{QStringLiteral("startPeriod"), 0},
                                 {QStringLiteral("limit"), out.take(QStringLiteral("limit")).toDouble()}};
        const QJsonObject schedule{
            {QStringLiteral("chargingRateUnit"), out.take(QStringLiteral("unit")).toString()},
            {QStringLiteral("chargingSchedulePeriod"), QJsonArray{period}}};
        out.insert(QStringLiteral("csChargingProfiles"),
                   QJsonObject{{QStringLiteral("chargingProfileId"), kLimitProfileId},
                               {QStringLiteral("stackLevel"), 0},
                               {QStringLiteral("chargingProfilePurpose"), QStringLiteral("TxDefaultProfile")},
                               {QStringLiteral("chargingProfileKind"), QStringLiteral("Relative")},
                               {QStringLiteral("chargingSchedule"), schedule}});
    }
    return out;
}

QList<int> CommandCatalog::busyConnectors(const contract::ChargerState& state) {
    QList<int> busy;
    for (const auto& c : state.connectors) {
        if (c.id > 0 && (c.session || isBusy(c.status))) {
            busy << c.id;
        }
    }
    return busy;
}

QString CommandCatalog::consequence(const CommandSpec& spec, const QJsonObject& payload,
                                    const contract::ChargerState& state) {
    const QString name = chargerName(state);
    const QList<int> busy = busyConnectors(state);
    const int connectorId = payload.value(QStringLiteral("connectorId")).toInt(-1);
    const bool busyHere = connectorId == 0 ? !busy.isEmpty() : busy.contains(connectorId);
    const QString offline =
        state.online ? QString()
                     : QLatin1Char(' ') +
                           tr("%1 is offline now, so the agent will answer that nothing was sent.").arg(name);

    const QString& id = spec.id;
    QString text;
    if (id == QStringLiteral("Reset.Hard")) {
        if (busy.isEmpty()) {
            text = tr("%1 reboots at once and is offline for a minute or two.").arg(name);
        } else if (busy.size() == 1) {
            text = tr("A hard reset ends the running session on connector %1 at once, and %2 reboots.")
                       .arg(busy.first())
                       .arg(name);
        } else {
            text = tr("A hard reset ends the running sessions on connectors %1 at once, and %2 reboots.")
                       .arg(listOf(busy), name);
        }
    } else if (id == QStringLiteral("Reset.Soft")) {
        text = busy.isEmpty() ? tr("%1 restarts its software and is offline for about a minute.").arg(name)
                              : tr("%1 first stops the running session on connector(s) %2 cleanly, then "
                                   "restarts its software.")
                                    .arg(name, listOf(busy));
    } else if (id == QStringLiteral("RemoteStartTransaction")) {
        text = tr("%1 starts a session on connector %2 for id tag %3 if a car is plugged in.")
                   .arg(name)
                   .arg(connectorId)
                   .arg(payload.value(QStringLiteral("idTag")).toString());
    } else if (id == QStringLiteral("RemoteStopTransaction")) {
        text = tr("Transaction %1 on %2 ends now; the driver is billed up to this moment.")
                   .arg(payload.value(QStringLiteral("transactionId")).toInteger())
                   .arg(name);
    } else if (id == QStringLiteral("UnlockConnector")) {
        text = busyHere ? tr("Unlocking connector %1 of %2 ends the running session there.")
                              .arg(connectorId)
                              .arg(name)
                        : tr("The cable on connector %1 of %2 is released.").arg(connectorId).arg(name);
    } else if (id == QStringLiteral("ChangeAvailability.Inoperative")) {
        const QString what = connectorId == 0 ? tr("all of %1").arg(name)
                                              : tr("connector %1 of %2").arg(connectorId).arg(name);
        text = busyHere ? tr("New sessions cannot start on %1; the running session finishes first, then it "
                             "goes out of service.")
                              .arg(what)
                        : tr("%1 goes out of service: no new sessions can start.").arg(what);
    } else if (id == QStringLiteral("ChangeAvailability.Operative")) {
        const QString what = connectorId == 0 ? tr("All of %1").arg(name)
                                              : tr("Connector %1 of %2").arg(connectorId).arg(name);
        text = tr("%1 takes new sessions again.").arg(what);
    } else if (id == QStringLiteral("TriggerMessage")) {
        text = tr("%1 sends a %2 now; nothing else changes.")
                   .arg(name, payload.value(QStringLiteral("requestedMessage")).toString());
    } else if (id == QStringLiteral("GetConfiguration")) {
        text = tr("Reads the configuration of %1; nothing changes.").arg(name);
    } else if (id == QStringLiteral("ChangeConfiguration")) {
        text = tr("Sets %1 to \"%2\" on %3; some keys take effect only after a reboot.")
                   .arg(payload.value(QStringLiteral("key")).toString(),
                        payload.value(QStringLiteral("value")).toString(), name);
    } else if (id == QStringLiteral("SetChargingLimit")) {
        const QJsonObject schedule = payload.value(QStringLiteral("csChargingProfiles"))
                                         .toObject()
                                         .value(QStringLiteral("chargingSchedule"))
                                         .toObject();
        const double limit = schedule.value(QStringLiteral("chargingSchedulePeriod"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QStringLiteral("limit"))
                                 .toDouble();
        const QString unit = schedule.value(QStringLiteral("chargingRateUnit")).toString();
        const QString where = connectorId == 0 ? name : tr("connector %1 of %2").arg(connectorId).arg(name);
        text = busyHere ? tr("Sessions on %1 are limited to %2 %3 from now on, the running one too, until "
                             "the limit is cleared.")
                              .arg(where)
                              .arg(limit)
                              .arg(unit)
                        : tr("Sessions on %1 are limited to %2 %3 until the limit is cleared.")
                              .arg(where)
                              .arg(limit)
                              .arg(unit);
    } else if (id == QStringLiteral("ClearChargingProfile")) {
        text = tr("The charging limit set from the console on %1 is removed; sessions may draw full power "
                  "again.")
                   .arg(name);
    } else if (id == QStringLiteral("UpdateFirmware")) {
        text = busy.isEmpty()
                   ? tr("%1 downloads new firmware and installs it; it reboots and is offline for several "
                        "minutes.")
                         .arg(name)
                   : tr("%1 downloads new firmware and installs it once the running session on connector(s) "
                        "%2 ends; it then reboots and is offline for several minutes.")
                         .arg(name, listOf(busy));
    } else if (id == QStringLiteral("GetDiagnostics")) {
        text = tr("%1 uploads its diagnostics file; charging goes on.").arg(name);
    } else {
        text = tr("%1 is sent to %2.").arg(spec.name, name);
    }
    return text + offline;
}

bool CommandCatalog::succeeded(const CommandResult& result) {
    if (result.outcome != contract::CommandOutcome::Completed) {
        return false;
    }
    static const QStringList kFailures{QStringLiteral("Rejected"), QStringLiteral("Failed"),
                                       QStringLiteral("NotSupported"), QStringLiteral("UnlockFailed"),
                                       QStringLiteral("NotImplemented")};
    return !kFailures.contains(result.response.value(QStringLiteral("status")).toString());
}

QString CommandCatalog::answerText(const CommandResult& result) {
    using contract::CommandOutcome;
    const QString status = result.response.value(QStringLiteral("status")).toString();
    const QString detail =
        result.description.isEmpty() ? QString() : QStringLiteral(": ") + result.description;
    switch (result.outcome) {
    case CommandOutcome::Completed:
        if (status.isEmpty()) {
            return tr("Answered");
        }
        return succeeded(result) ? status : tr("%1 by the charger").arg(status);
    case CommandOutcome::ChargerError:
        return tr("Charger error %1").arg(result.errorCode) + detail;
    case CommandOutcome::InvalidResponse:
        return tr("Invalid answer from the charger") + detail;
    case CommandOutcome::Timeout:
        return tr("Timed out") + detail;
    case CommandOutcome::Offline:
        return tr("Charger offline, nothing sent") + detail;
    case CommandOutcome::Disconnected:
        return tr("Charger disconnected before answering") + detail;
    case CommandOutcome::Refused:
        return tr("Refused") + detail;
    }
    return tr("Refused") + detail;
}

} // namespace voltdesk::models
