#include "widgets/commands/charger_actions.h"

#include "contract/command_policy.h"
#include "models/bulk_command_runner.h"
#include "models/charger_model.h"
#include "models/command_client.h"
#include "widgets/commands/bulk_progress_dialog.h"
#include "widgets/commands/command_dialog.h"
#include "widgets/commands/command_progress_dialog.h"

#include <QAction>
#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>
#include <QWidget>

namespace voltdesk::widgets {

namespace {

QString roleName(contract::Role role) {
    switch (role) {
    case contract::Role::Viewer:
        return QCoreApplication::translate("ChargerActions", "viewer");
    case contract::Role::Dispatcher:
        return QCoreApplication::translate("ChargerActions", "dispatcher");
    case contract::Role::Operator:
        return QCoreApplication::translate("ChargerActions", "operator");
    case contract::Role::Supervisor:
        return QCoreApplication::translate("ChargerActions", "supervisor");
    }
    return {};
}

/// Menu groups: a separator goes before these entries.
bool startsGroup(const QString& id) {
    return id == QStringLiteral("Reset.Soft") || id == QStringLiteral("ChangeAvailability.Inoperative") ||
           id == QStringLiteral("TriggerMessage") || id == QStringLiteral("SetChargingLimit") ||
           id == QStringLiteral("UpdateFirmware");
}

} // namespace

ChargerActions::ChargerActions(models::CommandClient& client, const models::ChargerModel& chargers,
                               QWidget* dialogParent)
    : QObject(dialogParent), m_client(client), m_model(chargers), m_dialogParent(dialogParent),
      m_specs(models::CommandCatalog::commands()) {
    for (const auto& spec : std::as_const(m_specs)) {
        auto* a = new QAction(
            spec.name + (spec.changesNothing || spec.parameters.isEmpty() ? QString() : QStringLiteral("…")),
            this);
        a->setObjectName(spec.id);
        a->setData(spec.id);
        connect(a, &QAction::triggered, this, [this, spec] { trigger(spec); });
        m_actions << a;
    }
    connect(&client, &models::CommandClient::roleChanged, this, &ChargerActions::refresh);
    refresh();
}

void ChargerActions::setChargers(const QStringList& chargerIds) {
    m_chargers = chargerIds;
    refresh();
}

void ChargerActions::setForbidden(Forbidden mode) {
    m_forbidden = mode;
    refresh();
}

QAction* ChargerActions::action(const QString& specId) const {
    for (QAction* a : m_actions) {
        if (a->objectName() == specId) {
            return a;
        }
    }
    return nullptr;
}

QString ChargerActions::neededRoleText(const models::CommandSpec& spec) const {
    const auto payload = models::toJson(spec.fixed);
    for (auto r : {contract::Role::Viewer, contract::Role::Dispatcher, contract::Role::Operator,
                   contract::Role::Supervisor}) {
        if (!contract::CommandPolicy::refusal(r, spec.command.toStdString(), payload)) {
            const auto mine = m_client.role();
            return mine ? tr("Needs the %1 role or higher; you are %2.").arg(roleName(r), roleName(*mine))
                        : tr("Needs the %1 role or higher; your role is not known yet.").arg(roleName(r));
        }
    }
    return tr("No role may send this.");
}

void ChargerActions::refresh() {
    for (int i = 0; i < m_actions.size(); ++i) {
        const auto& spec = m_specs[i];
        QAction* a = m_actions[i];
        const bool allowed = !m_client.refusal(spec.command, spec.fixed).has_value();
        a->setEnabled(allowed && !m_chargers.isEmpty());
        a->setVisible(allowed || m_forbidden == Forbidden::Disabled);
        const QString tip = allowed ? spec.name : neededRoleText(spec);
        a->setToolTip(tip);
        a->setStatusTip(tip);
    }
    emit actionsChanged();
}

QMenu* ChargerActions::createMenu(QWidget* parent) const {
    auto* menu = new QMenu(tr("Commands"), parent);
    menu->setToolTipsVisible(true); // the role a disabled command needs
    for (QAction* a : m_actions) {
        if (startsGroup(a->objectName())) {
            menu->addSeparator();
        }
        menu->addAction(a);
    }
    return menu;
}

void ChargerActions::popupMenu(const QStringList& chargerIds, const QPoint& globalPos) {
    setChargers(chargerIds);
    QMenu* menu = createMenu(m_dialogParent);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

QWidget* ChargerActions::createButtonBar(QWidget* parent) const {
    auto* bar = new QWidget(parent);
    bar->setObjectName(QStringLiteral("commandBar"));
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    // The everyday commands as buttons; all of them in the "More" menu.
    for (const QString& id : {QStringLiteral("Reset.Soft"), QStringLiteral("UnlockConnector"),
                              QStringLiteral("RemoteStopTransaction"), QStringLiteral("TriggerMessage")}) {
        auto* b = new QToolButton(bar);
        b->setDefaultAction(action(id));
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        layout->addWidget(b);
    }
    auto* more = new QToolButton(bar);
    more->setText(tr("More commands"));
    more->setPopupMode(QToolButton::InstantPopup);
    more->setMenu(createMenu(more));
    layout->addWidget(more);
    layout->addStretch();
    return bar;
}

QList<contract::ChargerState> ChargerActions::targetStates() const {
    QList<contract::ChargerState> states;
    for (const QString& id : m_chargers) {
        const int row = m_model.rowOf(id);
        if (row >= 0) {
            states << m_model.stateAt(row);
        } else {
            contract::ChargerState unknown;
            unknown.chargerId = id.toStdString();
            states << unknown;
        }
    }
    return states;
}

void ChargerActions::trigger(const models::CommandSpec& spec) {
    if (m_chargers.isEmpty()) {
        return;
    }
    const auto states = targetStates();
    auto* dialog = new CommandDialog(spec, states, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] { send(dialog->spec(), dialog->payload()); });
    dialog->open(); // window-modal, never a nested event loop
}

void ChargerActions::send(const models::CommandSpec& spec, const QJsonObject& payload) {
    const auto states = targetStates();
    if (states.size() == 1) {
        const QString chargerId = QString::fromStdString(states.first().chargerId);
        auto* progress = new CommandProgressDialog(spec.name, chargerId, m_dialogParent);
        progress->setAttribute(Qt::WA_DeleteOnClose);
        m_progress = progress;
        models::CommandCall* call =
            m_client.send(QString::fromStdString(states.first().agentId), chargerId, spec.command, payload);
        connect(call, &models::CommandCall::finished, progress, &CommandProgressDialog::showResult);
        connect(call, &models::CommandCall::finished, this, &ChargerActions::commandFinished);
        progress->show();
        return;
    }
    QList<QPair<QString, QString>> targets;
    for (const auto& s : states) {
        targets.append({QString::fromStdString(s.chargerId), QString::fromStdString(s.agentId)});
    }
    auto* runner = new models::BulkCommandRunner(m_client, spec.command, payload, targets, m_bulkOptions);
    auto* bulk = new BulkProgressDialog(spec.name, runner, m_dialogParent);
    bulk->setAttribute(Qt::WA_DeleteOnClose);
    m_bulk = bulk;
    bulk->show();
}

} // namespace voltdesk::widgets
