// Everything about one charger in one widget: header, connectors and sessions, live plots, the
// status timeline, fault and security history, configuration keys. Several can be open in docks.
#pragma once

#include "models/charger_history_model.h"
#include "models/configuration_model.h"
#include "models/telemetry_model.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>
#include <array>

class QLabel;
class QTimer;
class QVBoxLayout;

namespace voltdesk::models {
class ChargerModel;
class CommandClient;
} // namespace voltdesk::models

namespace voltdesk::widgets {

class ConnectorTable;
class LivePlot;
class StatusTimeline;

/// Reads the charger from ChargerModel (header, connectors, sessions) and TelemetryModel (live values
/// and plots). With a CommandClient it asks the agent for GetChargerHistory when it opens and every
/// kHistoryRefreshMs, and the charger for GetConfiguration when it opens and on Refresh; without one
/// (null), history and configuration come only through setHistory()/setConfiguration().
class ChargerDetailView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kHistoryRefreshMs = 5 * 60 * 1000;
    static constexpr qint64 kHistorySpanMs = 24LL * 3600 * 1000;
    /// The quantities plotted, top to bottom.
    static constexpr std::array<models::Quantity, 5> kPlotted = {
        models::Quantity::Power, models::Quantity::Current, models::Quantity::Voltage,
        models::Quantity::Temperature, models::Quantity::Soc};

    /// The models must outlive the view. The view watches its charger in the TelemetryModel while
    /// it exists.
    ChargerDetailView(QString chargerId, models::ChargerModel& chargers, models::TelemetryModel& telemetry,
                      models::CommandClient* commands, QWidget* parent = nullptr);
    ~ChargerDetailView() override;

    const QString& chargerId() const { return m_chargerId; }

    /// Where the integrator puts the command buttons (CONSOLE-COMMANDS); the view takes ownership and
    /// replaces any previous bar.
    void setCommandBar(QWidget* bar);
    QWidget* commandBar() const { return m_commandBar; }

    /// Takes a GetChargerHistory response: event table, timeline and the plots' past.
    void setHistory(const QJsonObject& response);
    /// Takes a GetConfiguration response.
    void setConfiguration(const QJsonObject& response);

    LivePlot* plot(models::Quantity quantity) const;
    StatusTimeline* timeline() const { return m_timeline; }
    ConnectorTable* connectorTable() const { return m_connectors; }
    const models::ChargerHistoryModel& history() const { return m_history; }
    const models::ConfigurationModel& configuration() const { return m_configuration; }
    /// The header's lines as shown (title, equipment, connection).
    QString headerText() const;

public slots:
    /// Asks the agent for the last 24 h (no-op without a CommandClient or before the charger is known).
    void refreshHistory();
    /// Asks the charger for its configuration keys.
    void refreshConfiguration();

private:
    void buildHeader(QVBoxLayout* layout);
    QWidget* buildPlots();
    QWidget* buildEvents();
    QWidget* buildConfiguration();
    void refreshState();
    void refreshTimeline();
    QString agentId() const;

    QString m_chargerId;
    models::ChargerModel& m_chargers;
    models::TelemetryModel& m_telemetry;
    QPointer<models::CommandClient> m_commands;
    models::ChargerHistoryModel m_history;
    models::ConfigurationModel m_configuration;

    QLabel* m_title = nullptr;
    QLabel* m_equipment = nullptr;
    QLabel* m_connection = nullptr;
    QLabel* m_historyStatus = nullptr;
    QLabel* m_configurationStatus = nullptr;
    QVBoxLayout* m_commandBarSlot = nullptr;
    QWidget* m_commandBar = nullptr;
    ConnectorTable* m_connectors = nullptr;
    StatusTimeline* m_timeline = nullptr;
    std::array<LivePlot*, kPlotted.size()> m_plots{};
    QTimer* m_clock = nullptr;
    QTimer* m_historyTimer = nullptr;
    bool m_historyPending = false;
    bool m_configurationPending = false;
    bool m_fetchedOnOpen = false;
};

} // namespace voltdesk::widgets
