// What the console knows about its data feed, in the words and colours the status bar and the map
// badge both show.
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace voltdesk::widgets {

enum class ConnectionState {
    Connected,    ///< broker up and at least one agent online: the map is live
    AgentOffline, ///< broker up, but the agents say they are offline: states are old
    Disconnected, ///< no broker connection: states are old
};

/// Text and colour for a ConnectionState.
class ConnectionStateText {
    Q_DECLARE_TR_FUNCTIONS(voltdesk::widgets::ConnectionStateText)

public:
    static QString label(ConnectionState state);
    /// A longer sentence for tooltips: what the operator sees and why.
    static QString explanation(ConnectionState state);
    static QColor color(ConnectionState state);
};

} // namespace voltdesk::widgets
