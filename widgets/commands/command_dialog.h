// Asks for a command's parameters and for confirmation, naming the charger(s) and what will happen.
#pragma once

#include "models/command_catalog.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QWidget;

namespace voltdesk::widgets {

class CommandDialog : public QDialog {
    Q_OBJECT

public:
    /// targets: the states of the chargers the command goes to (at least one).
    CommandDialog(models::CommandSpec spec, QList<contract::ChargerState> targets, QWidget* parent = nullptr);

    const models::CommandSpec& spec() const { return m_spec; }
    QVariantMap values() const;
    QJsonObject payload() const;
    /// The consequence sentence shown now (for tests and screenshots).
    QString consequenceText() const;
    /// Sets a parameter's editor (as the operator would type it).
    void setValue(const QString& key, const QVariant& value);
    bool canAccept() const;

private:
    QWidget* editorFor(const models::CommandParameter& parameter);
    void refresh();

    models::CommandSpec m_spec;
    QList<contract::ChargerState> m_targets;
    QHash<QString, QWidget*> m_editors;
    QLabel* m_consequence = nullptr;
    QLabel* m_problems = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace voltdesk::widgets
