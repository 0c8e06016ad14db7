#include "models/billing/cdr_breakdown_model.h"

#include "models/billing/money_format.h"
#include "models/billing/sessions_model.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>
#include <algorithm>

namespace voltdesk::models::billing {

namespace {

QString fromStd(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// "16:30" from the line's local time with its offset ("2026-11-26T16:30:00+08:00"): the site's clock.
QString localClock(const std::string& local, contract::EpochMs utc) {
    const QString text = fromStd(local);
    if (text.size() >= 16) {
        return text.mid(11, 5);
    }
    return QDateTime::fromMSecsSinceEpoch(utc, QTimeZone::UTC).toString(QStringLiteral("HH:mm 'UTC'"));
}

} // namespace

CdrBreakdownModel::CdrBreakdownModel(QObject* parent) : QAbstractTableModel(parent) {}

int CdrBreakdownModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !hasRecord() ? 0 : static_cast<int>(record().lines.size());
}

int CdrBreakdownModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString CdrBreakdownModel::kindText(const QString& kind) {
    if (kind == QLatin1String("energy")) {
        return tr("Energy fee");
    }
    if (kind == QLatin1String("serviceFee")) {
        return tr("Service fee");
    }
    if (kind == QLatin1String("chargingTime")) {
        return tr("Charging time");
    }
    if (kind == QLatin1String("idleTime")) {
        return tr("Idle fee");
    }
    if (kind == QLatin1String("sessionFee")) {
        return tr("Session fee");
    }
    if (kind == QLatin1String("minimumPrice")) {
        return tr("Minimum price");
    }
    if (kind == QLatin1String("maximumPrice")) {
        return tr("Maximum price");
    }
    return kind;
}

static QString anomalyText(const QString& kind) {
    if (kind == QLatin1String("BackwardsStep")) {
        return CdrBreakdownModel::tr("Meter went backwards");
    }
    if (kind == QLatin1String("ImplausibleJump")) {
        return CdrBreakdownModel::tr("Implausible meter jump");
    }
    if (kind == QLatin1String("ConflictingReadings")) {
        return CdrBreakdownModel::tr("Conflicting meter readings");
    }
    if (kind == QLatin1String("OutsideSession")) {
        return CdrBreakdownModel::tr("Reading outside the session");
    }
    return kind;
}

/// The period names operators use most, translated; any other name as the tariff spells it.
static QString periodText(const QString& period) {
    if (period == QLatin1String("sharp")) {
        return CdrBreakdownModel::tr("Sharp");
    }
    if (period == QLatin1String("peak")) {
        return CdrBreakdownModel::tr("Peak");
    }
    if (period == QLatin1String("flat")) {
        return CdrBreakdownModel::tr("Flat");
    }
    if (period == QLatin1String("valley")) {
        return CdrBreakdownModel::tr("Valley");
    }
    return period;
}

QVariant CdrBreakdownModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const contract::CdrLine& line = record().lines.at(static_cast<std::size_t>(index.row()));
    if (role == Qt::TextAlignmentRole) {
        return index.column() >= QuantityColumn
                   ? QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    }
    if (role == Qt::ToolTipRole && index.column() == TimeColumn) {
        return QStringLiteral("%1 – %2").arg(fromStd(line.localFrom), fromStd(line.localTo));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    const int digits = record().minorDigits;
    switch (index.column()) {
    case KindColumn:
        return kindText(fromStd(line.kind));
    case PeriodColumn:
        return periodText(fromStd(line.period));
    case TimeColumn:
        if (line.localFrom.empty()) {
            return {};
        }
        return QStringLiteral("%1–%2").arg(localClock(line.localFrom, line.from),
                                           localClock(line.localTo, line.to));
    case QuantityColumn:
        if (line.kind == "energy" || line.kind == "serviceFee") {
            return tr("%1 kWh").arg(formatKwh(line.milliWh));
        }
        if (line.kind == "chargingTime" || line.kind == "idleTime") {
            return tr("%1 min").arg(formatMinutes(line.durationMs));
        }
        return {};
    case UnitPriceColumn:
        if (line.unitPrice.empty()) {
            return {};
        }
        return line.kind == "energy" || line.kind == "serviceFee"
                   ? tr("%1 /kWh").arg(formatUnitPrice(fromStd(line.unitPrice), digits))
                   : tr("%1 /min").arg(formatUnitPrice(fromStd(line.unitPrice), digits));
    case AmountColumn:
        return formatMinorUnits(line.amount, digits);
    default:
        return {};
    }
}

QVariant CdrBreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case KindColumn:
        return tr("Item");
    case PeriodColumn:
        return tr("Period");
    case TimeColumn:
        return tr("Time (site)");
    case QuantityColumn:
        return tr("Quantity");
    case UnitPriceColumn:
        return tr("Unit price");
    case AmountColumn:
        return hasRecord() && !record().currency.empty() ? tr("Amount (%1)").arg(fromStd(record().currency))
                                                         : tr("Amount");
    default:
        return {};
    }
}

bool CdrBreakdownModel::setVersions(const QJsonObject& response) {
    std::vector<contract::ChargeDetailRecord> versions;
    for (const auto& value : response.value(QStringLiteral("versions")).toArray()) {
        if (auto record = recordFromJson(value.toObject())) {
            versions.push_back(std::move(*record));
        }
    }
    std::sort(versions.begin(), versions.end(),
              [](const auto& a, const auto& b) { return a.version < b.version; });
    beginResetModel();
    m_versions = std::move(versions);
    m_shown = inForceIndex();
    endResetModel();
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    emit recordChanged();
    return hasRecord();
}

void CdrBreakdownModel::setRecord(const contract::ChargeDetailRecord& record) {
    beginResetModel();
    m_versions = {record};
    m_shown = 0;
    endResetModel();
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    emit recordChanged();
}

void CdrBreakdownModel::clear() {
    beginResetModel();
    m_versions.clear();
    m_shown = -1;
    endResetModel();
    emit recordChanged();
}

void CdrBreakdownModel::showVersion(int index) {
    if (index < 0 || index >= static_cast<int>(m_versions.size()) || index == m_shown) {
        return;
    }
    beginResetModel();
    m_shown = index;
    endResetModel();
    emit recordChanged();
}

QStringList CdrBreakdownModel::versionLabels() const {
    QStringList labels;
    for (std::size_t i = 0; i < m_versions.size(); ++i) {
        const auto& r = m_versions[i];
        // The agent's own reasons in words; an operator's re-rating note as written.
        const QString reason = r.reason == "stop"   ? tr("charge stopped")
                               : r.reason == "live" ? tr("so far")
                                                    : fromStd(r.reason);
        QString label = tr("v%1 · %2").arg(r.version).arg(reason);
        if (r.provisional) {
            label += tr(" (running, provisional)");
        } else if (static_cast<int>(i) == inForceIndex()) {
            label += tr(" (in force)");
        }
        labels.push_back(label);
    }
    return labels;
}

QString CdrBreakdownModel::subtotalText() const {
    return hasRecord() ? formatMoney(record().subtotal, record().minorDigits, fromStd(record().currency))
                       : QString();
}

QString CdrBreakdownModel::taxText() const {
    if (!hasRecord()) {
        return {};
    }
    return QStringLiteral("%1: %2").arg(
        formatTaxRate(fromStd(record().taxRate)),
        formatMoney(record().tax, record().minorDigits, fromStd(record().currency)));
}

QString CdrBreakdownModel::totalText() const {
    if (!hasRecord()) {
        return {};
    }
    if (record().reason.starts_with("unrated:")) {
        return tr("not rated");
    }
    return formatMoney(record().total, record().minorDigits, fromStd(record().currency));
}

QString CdrBreakdownModel::energyText() const {
    if (!hasRecord()) {
        return {};
    }
    if (record().unbilledMilliWh > 0) {
        return tr("%1 kWh billed, %2 kWh not billed")
            .arg(formatKwh(record().billedMilliWh), formatKwh(record().unbilledMilliWh));
    }
    return tr("%1 kWh billed").arg(formatKwh(record().billedMilliWh));
}

QStringList CdrBreakdownModel::anomalyTexts() const {
    QStringList texts;
    if (!hasRecord()) {
        return texts;
    }
    for (const auto& a : record().anomalies) {
        texts.push_back(tr("%1 at %2: %3 kWh not billed. %4")
                            .arg(anomalyText(fromStd(a.kind)), siteTimeText(a.at, record().timeZone),
                                 formatKwh(a.milliWh), fromStd(a.detail)));
    }
    return texts;
}

} // namespace voltdesk::models::billing
