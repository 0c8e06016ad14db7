#include "widgets/connection_state.h"

namespace voltdesk::widgets {

QString ConnectionStateText::label(ConnectionState state) {
    switch (state) {
    case ConnectionState::Connected:
        return tr("Live");
    case ConnectionState::AgentOffline:
        return tr("Agent offline");
    case ConnectionState::Disconnected:
        break;
    }
    return tr("Broker disconnected");
}

QString ConnectionStateText::explanation(ConnectionState state) {
    switch (state) {
    case ConnectionState::Connected:
        return tr("Connected to the broker; charger states are live.");
    case ConnectionState::AgentOffline:
        return tr(
            "The broker is reachable but no agent is online; markers show the last known state, greyed out.");
    case ConnectionState::Disconnected:
        break;
    }
    return tr("No connection to the broker; markers show the last known state, greyed out.");
}

QColor ConnectionStateText::color(ConnectionState state) {
    switch (state) {
    case ConnectionState::Connected:
        return QColor(0x00, 0x9E, 0x73);
    case ConnectionState::AgentOffline:
        return QColor(0xE6, 0x9F, 0x00);
    case ConnectionState::Disconnected:
        break;
    }
    return QColor(0xD5, 0x5E, 0x00);
}

} // namespace voltdesk::widgets
