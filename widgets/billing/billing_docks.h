// The Billing menu and its docks (Sessions, Tariffs, Revenue) on the console's main window.
#pragma once

#include "documents/operator_info.h"

#include <QList>
#include <QObject>
#include <optional>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QWidget;

namespace voltdesk::models {
class ChargerModel;
}

namespace voltdesk::models::billing {
class BillingClient;
class SessionsModel;
} // namespace voltdesk::models::billing

namespace voltdesk::widgets {

class RevenueView;
class SessionsView;
class TariffEditor;

/// Builds the three docks (hidden until asked for, tabbed over the bottom area) and fills `menu` with
/// an action per dock: Ctrl+4 Sessions, Ctrl+5 Tariffs, Ctrl+6 Revenue (after Ctrl+1–3 of the View menu).
/// The first opening of a dock loads its data.
class BillingDocks : public QObject {
    Q_OBJECT

public:
    BillingDocks(models::billing::BillingClient& client, models::billing::SessionsModel& sessions,
                 QMainWindow& window, QMenu& menu);

    SessionsView* sessionsView() const { return m_sessions; }
    TariffEditor* tariffEditor() const { return m_tariffs; }
    RevenueView* revenueView() const { return m_revenue; }
    QDockWidget* sessionsDock() const { return m_sessionsDock; }
    QDockWidget* tariffDock() const { return m_tariffDock; }
    QDockWidget* revenueDock() const { return m_revenueDock; }
    /// The menu's actions with their shortcuts (for the window's shortcut list).
    QList<QAction*> actions() const { return m_actions; }

    /// Puts the billing docks in the same tab group as the dock holding `widget` (e.g. the fleet table), so
    /// that they open with its full width.
    void tabWithDockOf(QWidget* widget);

    /// operator.json for receipts and statements; when none is set, the first of them asks for it once
    /// and keeps it.
    void setOperatorFile(const QString& path);
    /// The console's chargers: their sites and ids are offered when assigning a tariff. `chargers` must
    /// outlive the docks.
    void setChargers(const models::ChargerModel& chargers);

private:
    std::optional<documents::OperatorInfo> issuer(QWidget* parent);

    QMainWindow& m_window;
    SessionsView* m_sessions = nullptr;
    TariffEditor* m_tariffs = nullptr;
    RevenueView* m_revenue = nullptr;
    QDockWidget* m_sessionsDock = nullptr;
    QDockWidget* m_tariffDock = nullptr;
    QDockWidget* m_revenueDock = nullptr;
    QList<QAction*> m_actions;
    QString m_operatorFile;
};

} // namespace voltdesk::widgets
