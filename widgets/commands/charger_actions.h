// The command menu and buttons for one charger or a selection: one QAction per catalogue entry,
// enabled, disabled (with a tooltip naming the role that may) or hidden as the user's role allows.
#pragma once

#include "models/bulk_command_run.h"
#include "models/command_catalog.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QAction;
class QPoint;
class QDialog;
class QMenu;
class QWidget;

namespace voltdesk::models {
class ChargerModel;
class CommandClient;
} // namespace voltdesk::models

namespace voltdesk::widgets {

class CommandDialog;
class CommandProgressDialog;
class BulkProgressDialog;

class ChargerActions : public QObject {
    Q_OBJECT

public:
    /// What a command the role may not send looks like.
    enum class Forbidden { Disabled, Hidden };

    /// client and chargers must outlive this; dialogs open over dialogParent.
    ChargerActions(models::CommandClient& client, const models::ChargerModel& chargers,
                   QWidget* dialogParent);

    /// The chargers the actions act on (one: the detail view; several: a selection).
    void setChargers(const QStringList& chargerIds);
    const QStringList& chargers() const { return m_chargers; }
    void setForbidden(Forbidden mode);
    /// Bulk runs: chargers first, failures allowed, in flight (defaults: 3, 0, 10, 3).
    void setBulkOptions(models::BulkCommandRun::Options options) { m_bulkOptions = options; }

    QList<QAction*> actions() const { return m_actions; }
    /// The action of a catalogue entry, e.g. "Reset.Soft"; nullptr if there is none.
    QAction* action(const QString& specId) const;
    /// A menu of all actions (grouped), for context menus; owned by the caller.
    QMenu* createMenu(QWidget* parent) const;
    /// A row of buttons for a detail view (setCommandBar); owned by the caller.
    QWidget* createButtonBar(QWidget* parent) const;

    /// Acts on chargerIds and shows the command menu at globalPos (for MainWindow::contextMenuRequested).
    void popupMenu(const QStringList& chargerIds, const QPoint& globalPos);

    /// The dialog open now, if any (for tests, which accept it as an operator would).
    CommandDialog* openDialog() const { return m_dialog; }
    CommandProgressDialog* lastProgressDialog() const { return m_progress; }
    BulkProgressDialog* lastBulkDialog() const { return m_bulk; }

signals:
    /// Role or chargers changed: enabled state and tooltips were updated.
    void actionsChanged();
    /// A single-charger command ended (also shown in its progress dialog).
    void commandFinished(const voltdesk::models::CommandResult& result);

private:
    void refresh();
    void trigger(const models::CommandSpec& spec);
    void send(const models::CommandSpec& spec, const QJsonObject& payload);
    QList<contract::ChargerState> targetStates() const;
    QString neededRoleText(const models::CommandSpec& spec) const;

    models::CommandClient& m_client;
    const models::ChargerModel& m_model;
    QWidget* m_dialogParent;
    QStringList m_chargers;
    Forbidden m_forbidden = Forbidden::Disabled;
    models::BulkCommandRun::Options m_bulkOptions;
    QList<models::CommandSpec> m_specs;
    QList<QAction*> m_actions;
    QPointer<CommandDialog> m_dialog;
    QPointer<CommandProgressDialog> m_progress;
    QPointer<BulkProgressDialog> m_bulk;
};

} // namespace voltdesk::widgets
