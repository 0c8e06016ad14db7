// The revenue summary (GetRevenueSummary): amounts per site (with tax) or per period (the lines before
// tax), each currency on its own row, never added across currencies.
#pragma once

#include "models/billing/sessions_model.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace voltdesk::models::billing {

class RevenueSummaryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class Grouping { BySite, ByPeriod };
    enum Column { KeyColumn, CurrencyColumn, SessionsColumn, EnergyColumn, AmountColumn, ColumnCount };

    explicit RevenueSummaryModel(Grouping grouping, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Takes a GetRevenueSummary answer (its bySite or byPeriod rows, by this model's grouping).
    void setSummary(const QJsonObject& response);
    /// The answer's totals per currency (with tax).
    const QList<CurrencyTotal>& totals() const { return m_totals; }
    /// Records without a tariff in the range.
    qint64 unrated() const { return m_unrated; }
    Grouping grouping() const { return m_grouping; }

    /// The GetRevenueSummary payload for [from, to), optionally one site.
    static QJsonObject request(const QDateTime& from, const QDateTime& to, const QString& siteId);

private:
    struct Row {
        QString key;
        QString currency;
        qint64 sessions = 0;
        qint64 energyMilliWh = 0;
        qint64 amount = 0;
    };

    Grouping m_grouping;
    QList<Row> m_rows;
    QList<CurrencyTotal> m_totals;
    qint64 m_unrated = 0;
};

/// Digits of a currency's minor unit (ISO 4217) for sums that carry none: 0 for JPY and KRW, 3 for the
/// dinars, else 2.
int minorDigitsOf(const QString& currency);

} // namespace voltdesk::models::billing
