// Everything known about the selected charger, kept live while it is shown.
#pragma once

#include <QString>
#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedWidget;
class QTableWidget;

namespace voltdesk::models {
class ChargerModel;
}

namespace voltdesk::widgets {

/// Identity, site (name and address under the id), hardware, connection and each connector's status with its
/// error code and info. Value labels are named "detail-<field>" (tests read them).
class ChargerDetailsPanel : public QWidget {
    Q_OBJECT

public:
    explicit ChargerDetailsPanel(models::ChargerModel& chargers, QWidget* parent = nullptr);

    /// Shows this charger (empty: nothing selected).
    void setCharger(const QString& chargerId);
    QString chargerId() const { return m_chargerId; }

private:
    void refresh();
    QLabel* addField(QFormLayout* form, const QString& name, const QString& key);

    models::ChargerModel& m_chargers;
    QString m_chargerId;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_badge = nullptr;
    QLabel* m_statusText = nullptr;
    QLabel* m_siteName = nullptr;
    QLabel* m_site = nullptr;
    QLabel* m_address = nullptr;
    QLabel* m_location = nullptr;
    QLabel* m_vendor = nullptr;
    QLabel* m_model = nullptr;
    QLabel* m_firmware = nullptr;
    QLabel* m_serial = nullptr;
    QLabel* m_power = nullptr;
    QLabel* m_protocol = nullptr;
    QLabel* m_online = nullptr;
    QLabel* m_lastSeen = nullptr;
    QTableWidget* m_connectors = nullptr;
};

} // namespace voltdesk::widgets
