#include "widgets/fleet_table_view.h"

#include "models/charger_model.h"
#include "models/fleet_table_filter.h"
#include "models/fleet_table_model.h"
#include "models/status_names.h"
#include "widgets/fleet_table_delegate.h"
#include "widgets/status_palette.h"

#include <QComboBox>
#include <QContextMenuEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QLineEdit>
#include <QMap>
#include <QPixmap>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <bitset>

namespace voltdesk::widgets {

using contract::ChargerStatus;
using Statuses = std::bitset<contract::kChargerStatusCount>;
using models::FleetTableModel;

namespace {

Statuses problemStatuses() {
    Statuses s;
    for (ChargerStatus status : StatusPalette::severityOrder()) {
        if (StatusPalette::isProblem(status)) {
            s.set(static_cast<std::size_t>(status));
        }
    }
    return s;
}

} // namespace

FleetTableView::FleetTableView(models::ChargerModel& chargers, models::ChargerHealthStore& health,
                               QWidget* parent)
    : QWidget(parent), m_chargers(chargers) {
    m_model = new FleetTableModel(chargers, health, this);
    m_filter = new models::FleetTableFilter(this);
    m_filter->setSourceModel(m_model);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("fleetSearch"));
    m_search->setPlaceholderText(tr("Search charger, site, firmware…"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &models::FleetTableFilter::setSearchText);

    m_statusChoice = new QComboBox(this);
    m_statusChoice->setObjectName(QStringLiteral("fleetStatusFilter"));
    m_statusChoice->addItem(tr("All statuses"), QVariant::fromValue<qulonglong>(0));
    m_statusChoice->addItem(tr("Needs attention"),
                            QVariant::fromValue<qulonglong>(problemStatuses().to_ullong()));
    for (ChargerStatus status : StatusPalette::legendOrder()) {
        Statuses one;
        one.set(static_cast<std::size_t>(status));
        const QPixmap icon =
            QPixmap::fromImage(StatusPalette::markerSprite(status, false, 14, devicePixelRatioF()));
        m_statusChoice->addItem(QIcon(icon), models::statusDisplayName(status),
                                QVariant::fromValue<qulonglong>(one.to_ullong()));
    }
    connect(m_statusChoice, &QComboBox::currentIndexChanged, this, &FleetTableView::applyStatusChoice);

    m_siteChoice = new QComboBox(this);
    m_siteChoice->setObjectName(QStringLiteral("fleetSiteFilter"));
    m_siteChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_siteChoice->addItem(tr("All sites"), QString());
    connect(m_siteChoice, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_filter->setSiteId(m_siteChoice->itemData(i).toString()); });

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("fleetTable"));
    m_table->setModel(m_filter);
    m_table->setItemDelegate(new FleetTableDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // Every row the same height, fixed: the view never measures 10,000 rows.
    QHeaderView* rows = m_table->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView* columns = m_table->horizontalHeader();
    columns->setSectionsMovable(true);
    columns->setHighlightSections(false);
    // Wide enough for the header (and its sort arrow) and for typical values.
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int widths[FleetTableModel::ColumnCount] = {12, 12, 12, 10, 9, 8, 8, 9, 4, 7, 7, 4};
    const QFontMetrics headerFont(columns->font());
    for (int c = 0; c < FleetTableModel::ColumnCount; ++c) {
        const QString title = m_model->headerData(c, Qt::Horizontal).toString();
        columns->resizeSection(c, std::max(widths[c] * digit, headerFont.horizontalAdvance(title)) + 36);
    }
    // The site name takes the room left over, so the figures stay next to each other.
    columns->setSectionResizeMode(FleetTableModel::SiteColumn, QHeaderView::Stretch);
    // Arrival order until the operator picks a column; a third click goes back to it.
    columns->setSortIndicatorClearable(true);
    columns->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_statusChoice);
    bar->addWidget(m_siteChoice);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_selecting) {
            emit selectionChanged(selectedChargers());
        }
    });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        emit chargerActivated(index.data(FleetTableModel::ChargerIdRole).toString());
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        const QModelIndex index = m_table->indexAt(at);
        if (!index.isValid()) {
            return;
        }
        if (!m_table->selectionModel()->isRowSelected(index.row(), {})) {
            m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
        }
        emit contextMenuRequested(selectedChargers(), m_table->viewport()->mapToGlobal(at));
    });

    // The site list follows the chargers, rebuilt at most once a second.
    m_sitesTimer.setSingleShot(true);
    m_sitesTimer.setInterval(1000);
    connect(&m_sitesTimer, &QTimer::timeout, this, &FleetTableView::updateSiteChoices);
    connect(&chargers, &models::ChargerModel::countChanged, &m_sitesTimer, qOverload<>(&QTimer::start));
    updateSiteChoices();
}

void FleetTableView::applyStatusChoice(int choice) {
    m_filter->setStatuses(Statuses(m_statusChoice->itemData(choice).toULongLong()));
}

void FleetTableView::updateSiteChoices() {
    QMap<QString, QString> byName; // sorted by name for the operator
    QSet<QString> seen;
    for (int row = 0; row < m_chargers.rowCount(); ++row) {
        const QString siteId = QString::fromStdString(m_chargers.stateAt(row).siteId);
        if (seen.contains(siteId)) {
            continue;
        }
        seen.insert(siteId);
        byName.insert(m_chargers.sites().displayName(siteId) + QLatin1Char('\n') + siteId, siteId);
    }
    const QString current = m_siteChoice->currentData().toString();
    const QSignalBlocker block(m_siteChoice);
    while (m_siteChoice->count() > 1) {
        m_siteChoice->removeItem(1);
    }
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        m_siteChoice->addItem(it.key().section(QLatin1Char('\n'), 0, 0), it.value());
    }
    const int again = m_siteChoice->findData(current);
    m_siteChoice->setCurrentIndex(again >= 0 ? again : 0);
    if (again < 0) {
        m_filter->setSiteId({});
    }
}

QByteArray FleetTableView::saveState() const {
    return m_table->horizontalHeader()->saveState();
}

bool FleetTableView::restoreState(const QByteArray& state) {
    // Restoring the sort indicator sorts the table too (the view follows its header).
    return m_table->horizontalHeader()->restoreState(state);
}

QStringList FleetTableView::selectedChargers() const {
    QStringList ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    ids.reserve(rows.size());
    for (const QModelIndex& index : rows) {
        ids.push_back(index.data(FleetTableModel::ChargerIdRole).toString());
    }
    return ids;
}

void FleetTableView::setSelectedChargers(const QStringList& chargerIds) {
    QItemSelection selection;
    QModelIndex first;
    for (const QString& id : chargerIds) {
        const int sourceRow = m_chargers.rowOf(id);
        if (sourceRow < 0) {
            continue;
        }
        const QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
        if (!index.isValid()) {
            continue;
        }
        selection.select(index, index.siblingAtColumn(FleetTableModel::ColumnCount - 1));
        if (!first.isValid()) {
            first = index;
        }
    }
    m_selecting = true;
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (first.isValid()) {
        m_table->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_table->scrollTo(first);
    }
    m_selecting = false;
}

void FleetTableView::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FleetTableView::focusTable() {
    m_table->setFocus(Qt::ShortcutFocusReason);
}

} // namespace voltdesk::widgets
