#include "models/command_client.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUuid>
#include <algorithm>

namespace voltdesk::models {

namespace {

Q_LOGGING_CATEGORY(lcCommands, "voltdesk.commands")

QString fromStd(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// How much earlier than the console's own deadline the charger must answer, so the agent's
/// Timeout answer (naming the charger) normally wins over the console's "no answer".
int chargerTimeoutFor(int timeoutMs) {
    const int margin = std::clamp(timeoutMs / 5, 200, 5000);
    return std::max(1, timeoutMs - margin);
}

} // namespace

nlohmann::json toJson(const QJsonObject& object) {
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    auto parsed = nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    return parsed.is_object() ? parsed : nlohmann::json::object();
}

QJsonObject toQJson(const nlohmann::json& object) {
    if (!object.is_object()) {
        return {};
    }
    const std::string text = object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return QJsonDocument::fromJson(QByteArray(text.data(), static_cast<qsizetype>(text.size()))).object();
}

CommandCall::CommandCall(QString requestId, CommandResult pending, QObject* parent)
    : QObject(parent), m_requestId(std::move(requestId)), m_result(std::move(pending)) {
    m_timeout.setSingleShot(true);
}

void CommandCall::finish(CommandResult result) {
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_timeout.stop();
    m_result = std::move(result);
    emit finished(m_result);
    deleteLater();
}

CommandClient::CommandClient(BrokerLink& link, QObject* parent) : QObject(parent), m_link(link) {
    qRegisterMetaType<CommandResult>();
    connect(&link, &BrokerLink::responseReceived, this, &CommandClient::onResponse);
    connect(&link, &BrokerLink::publishRefused, this, &CommandClient::onPublishRefused);
    connect(&link, &BrokerLink::messagesReceived, this, &CommandClient::applyMessages);
}

QString CommandClient::user() const {
    return m_link.topicUser();
}

std::optional<contract::Role> CommandClient::role() const {
    return m_profileRole ? m_profileRole : m_fallbackRole;
}

void CommandClient::setFallbackRole(std::optional<contract::Role> role) {
    const auto before = this->role();
    m_fallbackRole = role;
    if (this->role() != before) {
        emit roleChanged();
    }
}

std::optional<QString> CommandClient::refusal(const QString& command, const QJsonObject& payload) const {
    const auto r = role();
    if (!r) {
        return tr("Your role is not known yet, so no command can be sent");
    }
    const auto why = contract::CommandPolicy::refusal(*r, command.toStdString(), toJson(payload));
    return why ? std::optional<QString>(fromStd(*why)) : std::nullopt;
}

CommandCall* CommandClient::send(const QString& agentId, const QString& chargerId, const QString& command,
                                 const QJsonObject& payload, int timeoutMs) {
    const QString requestId = QStringLiteral("%1-%2").arg(QUuid::createUuid().toString(QUuid::Id128).left(12),
                                                          QString::number(++m_sequence));
    CommandResult pending;
    pending.requestId = requestId;
    pending.chargerId = chargerId;
    pending.command = command;
    auto* call = new CommandCall(requestId, pending, this);
    m_calls.insert(requestId, call);

    contract::CommandRequest request;
    request.requestId = requestId.toStdString();
    request.chargerId = chargerId.toStdString();
    const auto r = role();
    request.requestedBy = {user().toStdString(), r ? std::string(contract::toString(*r)) : std::string()};
    request.payload = toJson(payload);
    request.timeoutMs = chargerTimeoutFor(timeoutMs);
    request.responseTopic = m_link.responseTopic().toStdString();
    const QString topic = fromStd(contract::commandTopic(agentId.toStdString(), user().toStdString(),
                                                         command.toStdString(), request.payload));

    CommandResult failed = pending;
    if (agentId.isEmpty()) {
        failed.errorCode = QStringLiteral("NoAgent");
        failed.description = tr("No agent holds this charger's connection; nothing was sent");
        finishLater(call, failed);
        return call;
    }
    const std::string body = contract::encodeCommandRequest(request);
    if (!m_link.publishRequest(topic, QByteArray(body.data(), static_cast<qsizetype>(body.size())),
                               requestId.toUtf8())) {
        failed.errorCode = QStringLiteral("NotConnected");
        failed.description = tr("Not connected to the broker; nothing was sent");
        finishLater(call, failed);
        return call;
    }
    qCInfo(lcCommands) << "sent" << command << "to" << chargerId << "via" << agentId << "request"
                       << requestId;
    connect(&call->m_timeout, &QTimer::timeout, this, [this, requestId, pending, timeoutMs] {
        CommandResult timedOut = pending;
        timedOut.outcome = contract::CommandOutcome::Timeout;
        timedOut.errorCode = QStringLiteral("NoAnswer");
        timedOut.description =
            tr("No answer from the agent within %n s", nullptr, std::max(1, (timeoutMs + 999) / 1000));
        complete(requestId, timedOut);
    });
    call->m_timeout.start(timeoutMs);
    return call;
}

void CommandClient::finishLater(CommandCall* call, const CommandResult& result) {
    // Queued, so the caller can connect to finished() after send() returned.
    const QString& requestId = call->requestId();
    QMetaObject::invokeMethod(
        this, [this, requestId, result] { complete(requestId, result); }, Qt::QueuedConnection);
}

void CommandClient::complete(const QString& requestId, CommandResult result) {
    const QPointer<CommandCall> call = m_calls.take(requestId);
    if (call) {
        call->finish(std::move(result));
    }
}

void CommandClient::onResponse(const QByteArray& correlation, const QByteArray& payload) {
    auto decoded = contract::decodeCommandResponse(
        std::string_view(payload.constData(), static_cast<std::size_t>(payload.size())));
    if (!decoded) {
        qCWarning(lcCommands) << "unreadable command response:" << fromStd(decoded.error());
        return;
    }
    const contract::CommandResponse r = std::move(decoded).value();
    // Correlation data is the request id; the body's requestId serves clients without MQTT 5.
    const QString requestId = correlation.isEmpty() ? fromStd(r.requestId) : QString::fromUtf8(correlation);
    if (!m_calls.contains(requestId)) {
        return; // an answer after the console gave up, or to another console of the same user
    }
    CommandResult result;
    result.requestId = requestId;
    result.chargerId = fromStd(r.chargerId);
    result.command = fromStd(r.command);
    result.outcome = r.outcome;
    result.response = toQJson(r.response);
    result.errorCode = fromStd(r.errorCode);
    result.description = fromStd(r.description);
    complete(requestId, std::move(result));
}

void CommandClient::onPublishRefused(const QByteArray& correlation, int reasonCode, const QString& reason) {
    const QString requestId = QString::fromUtf8(correlation);
    const auto it = m_calls.constFind(requestId);
    if (it == m_calls.constEnd() || !*it) {
        return;
    }
    CommandResult result = (*it)->result();
    result.outcome = contract::CommandOutcome::Refused;
    if (reasonCode == BrokerLink::kNotDelivered) {
        result.errorCode = QStringLiteral("NotDelivered");
        result.description = tr("The command did not reach the broker: %1").arg(reason);
    } else {
        result.errorCode = reasonCode == 0x87
                               ? QStringLiteral("NotAuthorized")
                               : QStringLiteral("0x%1").arg(reasonCode, 2, 16, QLatin1Char('0'));
        result.description = tr("The broker refused the command (%1, reason code 0x%2)")
                                 .arg(reason, QStringLiteral("%1").arg(reasonCode, 2, 16, QLatin1Char('0')));
    }
    qCWarning(lcCommands) << "broker refused request" << requestId << reasonCode << reason;
    complete(requestId, std::move(result));
}

void CommandClient::applyMessages(const voltdesk::models::MqttMessages& messages) {
    const QString topic = m_link.profileTopic();
    if (topic.isEmpty()) {
        return;
    }
    for (const MqttMessage& m : messages) {
        if (m.topic != topic) {
            continue;
        }
        const auto before = role();
        const QJsonObject profile = QJsonDocument::fromJson(m.payload).object();
        const auto parsed =
            contract::roleFromString(profile.value(QStringLiteral("role")).toString().toStdString());
        m_profileRole = parsed;
        m_displayName = profile.value(QStringLiteral("displayName")).toString();
        if (!parsed && !m.payload.isEmpty()) {
            qCWarning(lcCommands) << "profile" << topic << "names no known role:" << m.payload;
        }
        if (role() != before) {
            emit roleChanged();
        }
    }
}

} // namespace voltdesk::models
