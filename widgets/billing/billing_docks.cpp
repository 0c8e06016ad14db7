#include "widgets/billing/billing_docks.h"

#include "models/billing/tariff_assignments_model.h"
#include "widgets/billing/cdr_breakdown_panel.h"
#include "widgets/billing/revenue_view.h"
#include "widgets/billing/sessions_view.h"
#include "widgets/billing/tariff_assignments_view.h"
#include "widgets/billing/tariff_editor.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

namespace voltdesk::widgets {

namespace {

constexpr const char* kOperatorFileKey = "billing/operatorFile";

} // namespace

BillingDocks::BillingDocks(models::billing::BillingClient& client, models::billing::SessionsModel& sessions,
                           QMainWindow& window, QMenu& menu)
    : QObject(&window), m_window(window) {
    m_operatorFile = QSettings().value(QLatin1String(kOperatorFileKey)).toString();
    m_sessions = new SessionsView(client, sessions);
    m_sessions->setIssuerSource([this](QWidget* parent) { return issuer(parent); });
    m_tariffs = new TariffEditor(client);
    m_revenue = new RevenueView(client);

    const auto makeDock = [&](const QString& title, const char* name, QWidget* content) {
        auto* dock = new QDockWidget(title, &window);
        dock->setObjectName(QLatin1String(name));
        dock->setWidget(content);
        window.addDockWidget(Qt::BottomDockWidgetArea, dock);
        dock->hide(); // shown from the Billing menu; the map keeps its room until then
        return dock;
    };
    m_sessionsDock = makeDock(tr("Charging sessions"), "billingSessionsDock", m_sessions);
    m_tariffDock = makeDock(tr("Tariffs"), "billingTariffDock", m_tariffs);
    m_revenueDock = makeDock(tr("Revenue"), "billingRevenueDock", m_revenue);
    window.tabifyDockWidget(m_sessionsDock, m_tariffDock);
    window.tabifyDockWidget(m_tariffDock, m_revenueDock);

    const auto add = [&](const QString& text, const QKeySequence& key, QDockWidget* dock, auto&& firstOpen) {
        QAction* action = menu.addAction(text);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        auto loaded = std::make_shared<bool>(false);
        connect(action, &QAction::triggered, dock, [dock, loaded, firstOpen] {
            dock->show();
            dock->raise();
            dock->widget()->setFocus(Qt::ShortcutFocusReason);
            if (!*loaded) {
                *loaded = true;
                firstOpen();
            }
        });
        m_actions.push_back(action);
    };
    add(tr("Charging &sessions"), QKeySequence(Qt::CTRL | Qt::Key_4), m_sessionsDock, [this] {
        m_sessions->refresh();
        m_sessions->focusFilters();
    });
    add(tr("&Tariffs"), QKeySequence(Qt::CTRL | Qt::Key_5), m_tariffDock,
        [this] { m_tariffs->reloadTariffs(); });
    add(tr("&Revenue"), QKeySequence(Qt::CTRL | Qt::Key_6), m_revenueDock, [this] { m_revenue->refresh(); });
}

void BillingDocks::tabWithDockOf(QWidget* widget) {
    for (QWidget* w = widget; w != nullptr; w = w->parentWidget()) {
        if (auto* dock = qobject_cast<QDockWidget*>(w)) {
            if (m_window.dockWidgetArea(dock) == Qt::BottomDockWidgetArea) {
                m_window.tabifyDockWidget(dock, m_sessionsDock);
                m_window.tabifyDockWidget(m_sessionsDock, m_tariffDock);
                m_window.tabifyDockWidget(m_tariffDock, m_revenueDock);
            }
            return;
        }
    }
}

void BillingDocks::setOperatorFile(const QString& path) {
    m_operatorFile = path;
}

void BillingDocks::setChargers(const models::ChargerModel& chargers) {
    m_tariffs->assignmentsView()->setInventorySource(
        [&chargers] { return models::billing::inventoryOf(chargers); });
}

std::optional<documents::OperatorInfo> BillingDocks::issuer(QWidget* parent) {
    if (m_operatorFile.isEmpty()) {
        m_operatorFile = QFileDialog::getOpenFileName(
            parent, tr("Choose operator.json (the operator's names and tax id for receipts and statements)"),
            QString(), tr("JSON files (*.json)"));
        if (m_operatorFile.isEmpty()) {
            return std::nullopt;
        }
    }
    const documents::OperatorInfoResult read = documents::readOperatorInfo(m_operatorFile);
    if (!read.info) {
        QMessageBox::warning(parent, tr("Receipt"),
                             tr("%1 cannot be used: %2").arg(m_operatorFile, read.error));
        m_operatorFile.clear();
        return std::nullopt;
    }
    QSettings().setValue(QLatin1String(kOperatorFileKey), m_operatorFile);
    return read.info;
}

} // namespace voltdesk::widgets
