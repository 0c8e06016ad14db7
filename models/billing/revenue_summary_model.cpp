#include "models/billing/revenue_summary_model.h"

#include "contract/iso8601.h"
#include "models/billing/cdr_breakdown_model.h"
#include "models/billing/money_format.h"

#include <QJsonArray>

namespace voltdesk::models::billing {

int minorDigitsOf(const QString& currency) {
    static const QStringList zero{QStringLiteral("JPY"), QStringLiteral("KRW"), QStringLiteral("VND"),
                                  QStringLiteral("CLP"), QStringLiteral("ISK")};
    static const QStringList three{QStringLiteral("BHD"), QStringLiteral("KWD"), QStringLiteral("OMR"),
                                   QStringLiteral("JOD"), QStringLiteral("TND"), QStringLiteral("IQD"),
                                   QStringLiteral("LYD")};
    if (zero.contains(currency)) {
        return 0;
    }
    return three.contains(currency) ? 3 : 2;
}

RevenueSummaryModel::RevenueSummaryModel(Grouping grouping, QObject* parent)
    : QAbstractTableModel(parent), m_grouping(grouping) {}

int RevenueSummaryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RevenueSummaryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevenueSummaryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return index.column() >= SessionsColumn
                   ? QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    const Row& r = m_rows.at(index.row());
    switch (index.column()) {
    case KeyColumn:
        if (m_grouping == Grouping::ByPeriod) {
            // Fees come under their line kind; periods under their name.
            const QString kind = CdrBreakdownModel::kindText(r.key);
            return kind != r.key ? kind : r.key;
        }
        return r.key;
    case CurrencyColumn:
        return r.currency.isEmpty() ? tr("(unrated)") : r.currency;
    case SessionsColumn:
        return QString::number(r.sessions);
    case EnergyColumn:
        return formatKwh(r.energyMilliWh);
    case AmountColumn:
        return formatMinorUnits(r.amount, minorDigitsOf(r.currency));
    default:
        return {};
    }
}

QVariant RevenueSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case KeyColumn:
        return m_grouping == Grouping::BySite ? tr("Site") : tr("Period or fee");
    case CurrencyColumn:
        return tr("Currency");
    case SessionsColumn:
        return tr("Sessions");
    case EnergyColumn:
        return tr("Energy (kWh)");
    case AmountColumn:
        return m_grouping == Grouping::BySite ? tr("Revenue incl. tax") : tr("Revenue before tax");
    default:
        return {};
    }
}

void RevenueSummaryModel::setSummary(const QJsonObject& response) {
    const QString rowsKey =
        m_grouping == Grouping::BySite ? QStringLiteral("bySite") : QStringLiteral("byPeriod");
    const QString keyName =
        m_grouping == Grouping::BySite ? QStringLiteral("siteId") : QStringLiteral("period");
    QList<Row> rows;
    for (const auto& value : response.value(rowsKey).toArray()) {
        const QJsonObject o = value.toObject();
        rows.push_back(Row{o.value(keyName).toString(), o.value(QStringLiteral("currency")).toString(),
                           o.value(QStringLiteral("sessions")).toInteger(),
                           o.value(QStringLiteral("energyMilliWh")).toInteger(),
                           o.value(QStringLiteral("amount")).toInteger()});
    }
    QList<CurrencyTotal> totals;
    for (const auto& value : response.value(QStringLiteral("totals")).toArray()) {
        const QJsonObject t = value.toObject();
        CurrencyTotal total;
        total.currency = t.value(QStringLiteral("currency")).toString();
        total.minorDigits = minorDigitsOf(total.currency);
        total.sessions = t.value(QStringLiteral("sessions")).toInteger();
        total.energyMilliWh = t.value(QStringLiteral("energyMilliWh")).toInteger();
        total.subtotal = t.value(QStringLiteral("subtotal")).toInteger();
        total.tax = t.value(QStringLiteral("tax")).toInteger();
        total.total = t.value(QStringLiteral("total")).toInteger();
        totals.push_back(total);
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_totals = std::move(totals);
    m_unrated = response.value(QStringLiteral("unrated")).toInteger();
    endResetModel();
}

QJsonObject RevenueSummaryModel::request(const QDateTime& from, const QDateTime& to, const QString& siteId) {
    QJsonObject payload{
        {QStringLiteral("from"), QString::fromStdString(contract::toIso8601(from.toMSecsSinceEpoch()))},
        {QStringLiteral("to"), QString::fromStdString(contract::toIso8601(to.toMSecsSinceEpoch()))}};
    if (!siteId.trimmed().isEmpty()) {
        payload.insert(QStringLiteral("siteId"), siteId.trimmed());
    }
    return payload;
}

} // namespace voltdesk::models::billing
