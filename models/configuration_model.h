// A charger's configuration keys as its GetConfiguration answer lists them.
#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace voltdesk::models {

/// Key, value and whether the charger lets it be changed; sorted by key. Keys the charger did not
/// know (unknownKey) are listed apart.
class ConfigurationModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, ReadOnlyColumn, ColumnCount };

    explicit ConfigurationModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Takes the OCPP GetConfiguration.conf payload {"configurationKey":[...],"unknownKey":[...]}.
    void setConfiguration(const QJsonObject& response);
    const QStringList& unknownKeys() const { return m_unknown; }
    /// The value of key, or a null QString if the charger did not list it.
    QString value(const QString& key) const;

private:
    struct Entry {
        QString key;
        QString value;
        bool readOnly = false;
    };
    QVector<Entry> m_entries;
    QStringList m_unknown;
};

} // namespace voltdesk::models
