#include "widgets/billing/revenue_view.h"

#include "models/billing/billing_client.h"
#include "models/billing/money_format.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace voltdesk::widgets {

namespace {

QTableView* makeView(QAbstractItemModel* model, QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    return view;
}

} // namespace

RevenueView::RevenueView(models::billing::BillingClient& client, QWidget* parent)
    : QWidget(parent), m_client(client) {
    auto* layout = new QVBoxLayout(this);
    auto* controls = new QHBoxLayout;
    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(QDate(today.year(), today.month(), 1), this);
    m_to = new QDateEdit(today, this);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_site = new QLineEdit(this);
    m_site->setPlaceholderText(tr("All sites"));
    m_site->setClearButtonEnabled(true);
    auto* refreshButton = new QPushButton(tr("Show"), this);
    controls->addWidget(new QLabel(tr("Sessions that stopped from"), this));
    controls->addWidget(m_from);
    controls->addWidget(new QLabel(tr("to"), this));
    controls->addWidget(m_to);
    controls->addWidget(m_site, 1);
    controls->addWidget(refreshButton);
    layout->addLayout(controls);
    connect(refreshButton, &QPushButton::clicked, this, &RevenueView::refresh);
    connect(m_site, &QLineEdit::returnPressed, this, &RevenueView::refresh);

    auto* tables = new QHBoxLayout;
    auto* siteColumn = new QVBoxLayout;
    siteColumn->addWidget(new QLabel(tr("By site"), this));
    siteColumn->addWidget(makeView(&m_bySite, this));
    auto* periodColumn = new QVBoxLayout;
    periodColumn->addWidget(new QLabel(tr("By period and fee"), this));
    periodColumn->addWidget(makeView(&m_byPeriod, this));
    tables->addLayout(siteColumn);
    tables->addLayout(periodColumn);
    layout->addLayout(tables, 1);
    m_totals = new QLabel(this);
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_totals);
}

void RevenueView::setRange(const QDate& from, const QDate& to) {
    m_from->setDate(from);
    m_to->setDate(to);
}

void RevenueView::refresh() {
    const QDateTime from(m_from->date(), QTime(0, 0));
    const QDateTime to(m_to->date().addDays(1), QTime(0, 0));
    models::CommandCall* call =
        m_client.send(QStringLiteral("GetRevenueSummary"),
                      models::billing::RevenueSummaryModel::request(from, to, m_site->text()));
    if (!call) {
        m_totals->setText(tr("No agent is online to ask for the revenue."));
        return;
    }
    m_totals->setText(tr("Loading…"));
    connect(call, &models::CommandCall::finished, this, [this](const models::CommandResult& result) {
        if (result.outcome != contract::CommandOutcome::Completed) {
            m_totals->setText(tr("Revenue not available: %1").arg(result.description));
            return;
        }
        m_bySite.setSummary(result.response);
        m_byPeriod.setSummary(result.response);
        QStringList parts;
        for (const auto& t : m_bySite.totals()) {
            if (t.currency.isEmpty()) {
                continue;
            }
            parts.push_back(
                tr("%1: %n session(s), %2 kWh, before tax %3, tax %4", nullptr, static_cast<int>(t.sessions))
                    .arg(models::billing::formatMoney(t.total, t.minorDigits, t.currency),
                         models::billing::formatKwh(t.energyMilliWh),
                         models::billing::formatMinorUnits(t.subtotal, t.minorDigits),
                         models::billing::formatMinorUnits(t.tax, t.minorDigits)));
        }
        QString text =
            tr("Total: %1").arg(parts.isEmpty() ? tr("none") : parts.join(QStringLiteral("  ·  ")));
        if (m_bySite.unrated() > 0) {
            text += QLatin1Char('\n') +
                    tr("%n session(s) not rated (no tariff): assign a tariff and re-rate them.", nullptr,
                       static_cast<int>(m_bySite.unrated()));
        }
        m_totals->setText(text);
    });
}

} // namespace voltdesk::widgets
