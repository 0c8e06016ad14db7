// Help → Keyboard shortcuts: every action of the window that has a shortcut, in one table.
#pragma once

#include <QDialog>
#include <QList>

class QAction;

namespace voltdesk::widgets {

/// Lists the actions' texts and shortcuts as they are now (so it never disagrees with the menus).
class ShortcutsDialog : public QDialog {
    Q_OBJECT

public:
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
};

} // namespace voltdesk::widgets
