#include "widgets/detail/connector_table.h"

#include "models/status_names.h"
#include "widgets/status_palette.h"

#include <QDateTime>
#include <QHeaderView>

namespace voltdesk::widgets {

namespace {

QString duration(qint64 ms) {
    const qint64 minutes = std::max<qint64>(0, ms) / 60'000;
    return QStringLiteral("%1:%2").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

ConnectorTable::ConnectorTable(QWidget* parent) : QTableWidget(0, ColumnCount, parent) {
    setHorizontalHeaderLabels({tr("Connector"), tr("Status"), tr("Id tag"), tr("Started"), tr("Duration"),
                               tr("Energy (kWh)"), tr("Power (kW)"), tr("SoC (%)")});
    verticalHeader()->setVisible(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
}

void ConnectorTable::refresh(const contract::ChargerState& state, const models::TelemetryModel& telemetry,
                             qint64 nowMs) {
    const QString chargerId = QString::fromStdString(state.chargerId);
    QVector<const contract::ConnectorState*> outlets;
    for (const auto& c : state.connectors) {
        if (c.id != 0) {
            outlets.push_back(&c);
        }
    }
    setRowCount(static_cast<int>(outlets.size()));
    const auto put = [this](int row, int column, const QString& text) {
        QTableWidgetItem* item = this->item(row, column);
        if (item == nullptr) {
            item = new QTableWidgetItem;
            setItem(row, column, item);
        }
        if (item->text() != text) {
            item->setText(text);
        }
        return item;
    };
    for (int row = 0; row < outlets.size(); ++row) {
        const contract::ConnectorState& c = *outlets[row];
        put(row, ConnectorColumn, QString::number(c.id));
        QTableWidgetItem* status = put(row, StatusColumn, models::connectorStatusDisplayName(c.status));
        const contract::ConnectorStatus one[] = {c.status};
        status->setData(Qt::DecorationRole, StatusPalette::color(contract::overallStatus(state.online, one)));
        const auto latest = telemetry.latest(chargerId, c.id);
        const auto session = c.session;
        const bool sameSession =
            session && latest && (!latest->transactionId || *latest->transactionId == session->transactionId);
        put(row, IdTagColumn, session ? QString::fromStdString(session->idTag) : QString());
        put(row, StartedColumn,
            session ? QDateTime::fromMSecsSinceEpoch(session->startedAt).toString(QStringLiteral("HH:mm:ss"))
                    : QString());
        put(row, DurationColumn, session ? duration(nowMs - session->startedAt) : QString());
        const auto energy = sameSession ? latest->value(models::Quantity::Energy) : std::nullopt;
        put(row, EnergyColumn,
            energy ? QString::number((*energy - double(session->meterStartWh)) / 1000.0, 'f', 2) : QString());
        const auto power = sameSession ? latest->value(models::Quantity::Power) : std::nullopt;
        put(row, PowerColumn, power ? QString::number(*power / 1000.0, 'f', 1) : QString());
        const auto soc = sameSession ? latest->value(models::Quantity::Soc) : std::nullopt;
        put(row, SocColumn, soc ? QString::number(*soc, 'f', 0) : QString());
    }
}

QString ConnectorTable::cellText(int row, Column column) const {
    const QTableWidgetItem* i = item(row, column);
    return i == nullptr ? QString() : i->text();
}

} // namespace voltdesk::widgets
