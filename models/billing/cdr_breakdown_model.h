// The line items of one CDR version (the breakdown of a session's bill), with every version of the
// record from GetCdr and the one in force (the highest) marked.
#pragma once

#include "contract/charge_detail_record.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

namespace voltdesk::models::billing {

class CdrBreakdownModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        KindColumn,
        PeriodColumn,
        TimeColumn,
        QuantityColumn,
        UnitPriceColumn,
        AmountColumn,
        ColumnCount
    };

    explicit CdrBreakdownModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Takes a GetCdr answer: every version, oldest first; shows the one in force. false if none decoded.
    bool setVersions(const QJsonObject& response);
    /// Shows one record alone (a live cost, a preview's rating, a CDR from the sessions list).
    void setRecord(const contract::ChargeDetailRecord& record);
    void clear();

    bool hasRecord() const { return m_shown >= 0; }
    /// The version shown (index into versions()).
    int shownIndex() const { return m_shown; }
    void showVersion(int index);
    const std::vector<contract::ChargeDetailRecord>& versions() const { return m_versions; }
    /// The record shown; only when hasRecord().
    const contract::ChargeDetailRecord& record() const {
        return m_versions.at(static_cast<std::size_t>(m_shown));
    }
    /// The index of the version in force (the highest), -1 without versions.
    int inForceIndex() const { return m_versions.empty() ? -1 : static_cast<int>(m_versions.size()) - 1; }
    /// "v1 · stop", "v2 · tariff corrected (in force)": one entry per version for a chooser.
    QStringList versionLabels() const;

    QString subtotalText() const;
    QString taxText() const; ///< "6 %: CNY 3.48"
    QString totalText() const;
    QString energyText() const; ///< billed (and not billed) kWh
    /// One sentence per meter anomaly (kind, energy left out, the engine's words).
    QStringList anomalyTexts() const;

    /// The line kind as shown: "Energy fee", "Service fee", ...
    static QString kindText(const QString& kind);

signals:
    void recordChanged();

private:
    std::vector<contract::ChargeDetailRecord> m_versions;
    int m_shown = -1;
};

} // namespace voltdesk::models::billing
