// The status bar's connection light: broker connected, disconnected or agent offline.
#pragma once

#include "widgets/connection_state.h"

#include <QWidget>

class QLabel;

namespace voltdesk::widgets {

/// A coloured dot and a word; the tooltip explains what it means for the map.
class ConnectionIndicator : public QWidget {
    Q_OBJECT

public:
    explicit ConnectionIndicator(QWidget* parent = nullptr);

    /// detail: e.g. BrokerLink::stateText(), shown after the state.
    void setState(ConnectionState state, const QString& detail);
    ConnectionState state() const { return m_state; }
    QString text() const;

private:
    QLabel* m_dot = nullptr;
    QLabel* m_label = nullptr;
    ConnectionState m_state = ConnectionState::Disconnected;
};

} // namespace voltdesk::widgets
