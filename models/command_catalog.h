// What the console can ask a charger to do: each command's name for people, the parameters it
// needs, how its payload is built, and the consequence sentence the confirmation shows.
#pragma once

#include "contract/charger_state.h"
#include "models/command_client.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>

namespace voltdesk::models {

struct CommandParameter {
    enum class Kind { Connector, Integer, Decimal, Text, Choice, DateTime, Url };
    QString key;   ///< its name in the payload (dotted names are handled by CommandCatalog::payload)
    QString label; ///< translated
    Kind kind = Kind::Text;
    QStringList choices;      ///< Choice: the values the payload takes
    QStringList choiceLabels; ///< Choice: the same, for people
    QVariant defaultValue;    ///< invalid: no default
    bool required = true;
    double minimum = 0; ///< Integer, Decimal, Connector
    double maximum = 0;
};

/// One entry of the console's command menu. Several entries may send the same OCPP action with
/// different fixed members (Reset.Soft and Reset.Hard).
struct CommandSpec {
    QString id;      ///< stable, e.g. "Reset.Hard"
    QString command; ///< the OCPP action (or agent command) sent, e.g. "Reset"
    QString name;    ///< translated, e.g. "Hard reset"
    QJsonObject fixed;
    QList<CommandParameter> parameters;
    bool destructive = false;    ///< ends sessions or takes chargers down: the confirmation warns
    bool changesNothing = false; ///< a read: no confirmation needed
};

/// The catalogue (translated when asked, so a language switch shows at once).
class CommandCatalog {
    Q_DECLARE_TR_FUNCTIONS(CommandCatalog)

public:
    /// Every command in menu order.
    static QList<CommandSpec> commands();
    static std::optional<CommandSpec> find(const QString& id);

    /// The request payload from the fixed members and the parameter values (by key; missing optional
    /// ones are left out). The charging limit becomes an OCPP TxDefaultProfile.
    static QJsonObject payload(const CommandSpec& spec, const QVariantMap& values);
    /// Parameter values missing or out of range, for people; empty when the values can be sent.
    static QStringList problems(const CommandSpec& spec, const QVariantMap& values);

    /// What the command will do to this charger, in one or two sentences for the confirmation, e.g.
    /// "A hard reset ends the running session on connector 1 at once."
    static QString consequence(const CommandSpec& spec, const QJsonObject& payload,
                               const contract::ChargerState& state);

    /// True when the charger did what was asked (Completed, and its status is not Rejected, Failed,
    /// NotSupported, UnlockFailed or NotImplemented).
    static bool succeeded(const CommandResult& result);
    /// The answer in a line for people: "Accepted", "Rejected by the charger", "Timed out: ...".
    static QString answerText(const CommandResult& result);
    /// The connectors of state that have a session running (by session or by status).
    static QList<int> busyConnectors(const contract::ChargerState& state);
};

} // namespace voltdesk::models
