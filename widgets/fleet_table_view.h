// The fleet health table dock: search, status and site filters above a sortable table.
#pragma once

#include <QStringList>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace voltdesk::models {
class ChargerModel;
class ChargerHealthStore;
class FleetTableFilter;
class FleetTableModel;
} // namespace voltdesk::models

namespace voltdesk::widgets {

/// Shows every charger as a row of figures. It owns its table model and filter; the data comes from
/// chargers and health, which must outlive it.
///
/// Selection: selectionChanged() reports what the operator selected here; setSelectedChargers()
/// selects rows from elsewhere (the map) without echoing it back.
class FleetTableView : public QWidget {
    Q_OBJECT

public:
    FleetTableView(models::ChargerModel& chargers, models::ChargerHealthStore& health,
                   QWidget* parent = nullptr);

    models::FleetTableModel& tableModel() const { return *m_model; }
    models::FleetTableFilter& filter() const { return *m_filter; }
    QTableView* table() const { return m_table; }

    /// Column order, widths and sort column, for the operator's saved layout.
    QByteArray saveState() const;
    bool restoreState(const QByteArray& state);

    QStringList selectedChargers() const;
    /// Selects these chargers' rows (those the filter shows) and scrolls to the first.
    void setSelectedChargers(const QStringList& chargerIds);

public slots:
    void focusSearch();
    void focusTable();

signals:
    /// The operator changed the selection in the table.
    void selectionChanged(const QStringList& chargerIds);
    /// Double-click or Enter on a row.
    void chargerActivated(const QString& chargerId);
    /// Right-click: the selected chargers (the clicked row joins the selection first).
    void contextMenuRequested(const QStringList& chargerIds, const QPoint& globalPos);

private:
    void updateSiteChoices();
    void applyStatusChoice(int choice);

    models::ChargerModel& m_chargers;
    models::FleetTableModel* m_model = nullptr;
    models::FleetTableFilter* m_filter = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_statusChoice = nullptr;
    QComboBox* m_siteChoice = nullptr;
    QTableView* m_table = nullptr;
    QTimer m_sitesTimer;
    bool m_selecting = false; ///< setSelectedChargers() is running: do not report it back
};

} // namespace voltdesk::widgets
