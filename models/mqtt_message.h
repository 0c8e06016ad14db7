// One MQTT message as it crosses from Paho's threads to the Qt thread.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace voltdesk::models {

/// A received message: its topic and raw payload (an empty payload is a retained delete).
struct MqttMessage {
    QString topic;
    QByteArray payload;
};

using MqttMessages = QList<MqttMessage>;

} // namespace voltdesk::models

Q_DECLARE_METATYPE(voltdesk::models::MqttMessage)
