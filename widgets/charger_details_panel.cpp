#include "widgets/charger_details_panel.h"

#include "models/charger_model.h"
#include "models/status_names.h"
#include "widgets/status_palette.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace voltdesk::widgets {

namespace {

QString orDash(const QString& text) {
    return text.isEmpty() ? QStringLiteral("—") : text;
}

QString formatTime(const QDateTime& utc) {
    if (!utc.isValid())
        return QStringLiteral("—");
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

ChargerDetailsPanel::ChargerDetailsPanel(models::ChargerModel& chargers, QWidget* parent)
    : QWidget(parent), m_chargers(chargers) {
    auto* outer = new QVBoxLayout(this);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    m_placeholder = new QLabel(tr("Click a marker on the map or search for a charger id."), this);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_placeholder);

    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    m_badge = new QLabel(page);
    m_title = new QLabel(page);
    m_title->setObjectName(QStringLiteral("detail-id"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    header->addWidget(m_badge);
    header->addWidget(m_title, 1);
    layout->addLayout(header);
    // Where it is, in the words a field technician needs: the site's name, then its address.
    m_siteName = new QLabel(page);
    m_siteName->setObjectName(QStringLiteral("detail-siteName"));
    m_siteName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_siteName->setWordWrap(true);
    QFont siteFont = m_siteName->font();
    siteFont.setBold(true);
    m_siteName->setFont(siteFont);
    layout->addWidget(m_siteName);
    m_address = new QLabel(page);
    m_address->setObjectName(QStringLiteral("detail-address"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_address->setWordWrap(true);
    layout->addWidget(m_address);
    layout->addSpacing(4);
    m_statusText = new QLabel(page);
    m_statusText->setObjectName(QStringLiteral("detail-status"));
    layout->addWidget(m_statusText);

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    m_site = addField(form, tr("Site id"), QStringLiteral("site"));
    m_location = addField(form, tr("Location"), QStringLiteral("location"));
    m_vendor = addField(form, tr("Vendor"), QStringLiteral("vendor"));
    m_model = addField(form, tr("Model"), QStringLiteral("model"));
    m_firmware = addField(form, tr("Firmware"), QStringLiteral("firmware"));
    m_serial = addField(form, tr("Serial number"), QStringLiteral("serial"));
    m_power = addField(form, tr("Max power"), QStringLiteral("power"));
    m_protocol = addField(form, tr("Protocol"), QStringLiteral("protocol"));
    m_online = addField(form, tr("Connection"), QStringLiteral("online"));
    m_lastSeen = addField(form, tr("Last seen"), QStringLiteral("lastSeen"));
    layout->addLayout(form);

    auto* connectorsTitle = new QLabel(tr("Connectors"), page);
    QFont bold = connectorsTitle->font();
    bold.setBold(true);
    connectorsTitle->setFont(bold);
    layout->addWidget(connectorsTitle);
    m_connectors = new QTableWidget(0, 5, page);
    m_connectors->setObjectName(QStringLiteral("detail-connectors"));
    m_connectors->setHorizontalHeaderLabels(
        {tr("#"), tr("Status"), tr("Error code"), tr("Info"), tr("Since")});
    m_connectors->verticalHeader()->hide();
    m_connectors->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_connectors->setSelectionMode(QAbstractItemView::NoSelection);
    m_connectors->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_connectors->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_connectors, 1);
    m_stack->addWidget(page);

    const auto refreshIfShown = [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
        const int row = m_chargers.rowOf(m_chargerId);
        if (row >= topLeft.row() && row <= bottomRight.row())
            refresh();
    };
    connect(&m_chargers, &QAbstractItemModel::dataChanged, this, refreshIfShown);
    connect(&m_chargers, &QAbstractItemModel::rowsRemoved, this, [this] { refresh(); });
    connect(&m_chargers, &QAbstractItemModel::rowsInserted, this, [this] { refresh(); });
    connect(&m_chargers, &QAbstractItemModel::modelReset, this, [this] { refresh(); });
    refresh();
}

QLabel* ChargerDetailsPanel::addField(QFormLayout* form, const QString& name, const QString& key) {
    auto* value = new QLabel(this);
    value->setObjectName(QStringLiteral("detail-") + key);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    form->addRow(name + QLatin1Char(':'), value);
    return value;
}

void ChargerDetailsPanel::setCharger(const QString& chargerId) {
    m_chargerId = chargerId;
    refresh();
}

void ChargerDetailsPanel::refresh() {
    const int row = m_chargerId.isEmpty() ? -1 : m_chargers.rowOf(m_chargerId);
    if (row < 0) {
        m_placeholder->setText(m_chargerId.isEmpty()
                                   ? tr("Click a marker on the map or search for a charger id.")
                                   : tr("Charger %1 is no longer reported by the network.").arg(m_chargerId));
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }
    const QModelIndex index = m_chargers.index(row);
    const contract::ChargerState& state = m_chargers.stateAt(row);
    const contract::ChargerStatus status = m_chargers.statusAt(row);
    const bool stale = index.data(models::ChargerModel::StaleRole).toBool();
    const QLocale locale;

    m_badge->setPixmap(
        QPixmap::fromImage(StatusPalette::markerSprite(status, stale, 24, devicePixelRatioF())));
    m_title->setText(m_chargerId);
    const QString statusName = models::statusDisplayName(status);
    m_statusText->setText(stale ? tr("%1 (last known, not live)").arg(statusName) : statusName);

    const QString siteId = index.data(models::ChargerModel::SiteIdRole).toString();
    const QString siteName = index.data(models::ChargerModel::SiteNameRole).toString();
    const contract::SiteInfo* site = m_chargers.sites().find(siteId);
    const QString address = site ? QString::fromStdString(site->address) : QString();
    // Until the site's info arrives its id is all there is; say so rather than show the id twice.
    m_siteName->setText(siteName.isEmpty() || siteName == siteId ? tr("Site %1").arg(orDash(siteId))
                                                                 : siteName);
    m_address->setText(address.isEmpty() ? tr("Address not known yet") : address);
    m_site->setText(orDash(siteId));
    m_location->setText(state.location
                            ? QStringLiteral("%1, %2").arg(locale.toString(state.location->lat, 'f', 5),
                                                           locale.toString(state.location->lon, 'f', 5))
                            : tr("not placed on the map"));
    m_vendor->setText(orDash(QString::fromStdString(state.vendor)));
    m_model->setText(orDash(QString::fromStdString(state.model)));
    m_firmware->setText(orDash(QString::fromStdString(state.firmwareVersion)));
    m_serial->setText(orDash(QString::fromStdString(state.serialNumber)));
    m_power->setText(state.maxPowerKw > 0 ? tr("%1 kW").arg(locale.toString(state.maxPowerKw, 'f', 1))
                                          : QStringLiteral("—"));
    m_protocol->setText(orDash(QString::fromStdString(state.protocol)));
    m_online->setText(state.online ? tr("Online") : tr("Offline"));
    m_lastSeen->setText(formatTime(index.data(models::ChargerModel::LastSeenRole).toDateTime()));

    m_connectors->setRowCount(static_cast<int>(state.connectors.size()));
    int r = 0;
    for (const contract::ConnectorState& c : state.connectors) {
        const auto set = [this, r](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(text);
            m_connectors->setItem(r, column, item);
        };
        set(0, c.id == 0 ? tr("charger") : QString::number(c.id));
        set(1, models::connectorStatusDisplayName(c.status));
        set(2, c.errorCode == "NoError" ? QStringLiteral("—") : orDash(QString::fromStdString(c.errorCode)));
        QString info = QString::fromStdString(c.info);
        if (!c.vendorErrorCode.empty())
            info = info.isEmpty()
                       ? QString::fromStdString(c.vendorErrorCode)
                       : tr("%1 (vendor code %2)").arg(info, QString::fromStdString(c.vendorErrorCode));
        set(3, orDash(info));
        set(4,
            formatTime(c.since == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(c.since, QTimeZone::UTC)));
        ++r;
    }
    m_stack->setCurrentWidget(m_stack->widget(1));
}

} // namespace voltdesk::widgets
