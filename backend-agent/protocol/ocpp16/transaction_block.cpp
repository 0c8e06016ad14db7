#include "protocol/ocpp16/transaction_block.h"

#include <utility>

namespace voltdesk::ocpp16 {

namespace {

const PayloadError kNotStored{ErrorCode::InternalError,
                              "the central system could not store this message; keep it and retry"};

std::string textOf(const auto& optionalEnum) {
    return optionalEnum ? std::string(toString(*optionalEnum)) : std::string();
}

} // namespace

IdTagInfo toWire(const domain::IdTagInfo& info) {
    IdTagInfo wire;
    wire.status =
        fromString<AuthorizationStatus>(domain::toString(info.status)).value_or(AuthorizationStatus::Invalid);
    wire.expiryDate = info.expiryDate;
    wire.parentIdTag = info.parentIdTag;
    return wire;
}

domain::IdTagInfo fromWire(const IdTagInfo& info) {
    domain::IdTagInfo d;
    d.status = domain::authorizationStatusFromString(toString(info.status))
                   .value_or(domain::AuthorizationStatus::Invalid);
    d.expiryDate = info.expiryDate;
    d.parentIdTag = info.parentIdTag;
    return d;
}

std::vector<domain::MeterReading> fromWire(const std::vector<MeterValue>& values) {
    std::vector<domain::MeterReading> readings;
    readings.reserve(values.size());
    for (const auto& value : values) {
        domain::MeterReading reading;
        reading.timestamp = value.timestamp;
        for (const auto& sampled : value.sampledValue) {
            reading.samples.push_back(domain::MeterSample{
                sampled.value, textOf(sampled.measurand), textOf(sampled.unit), textOf(sampled.phase),
                textOf(sampled.location), textOf(sampled.context), textOf(sampled.format)});
        }
        readings.push_back(std::move(reading));
    }
    return readings;
}

TransactionBlock::TransactionBlock(domain::TransactionService& transactions) : m_transactions(transactions) {}

bool TransactionBlock::handles(std::string_view action) const {
    return action == AuthorizeRequest::kAction || action == StartTransactionRequest::kAction ||
           action == StopTransactionRequest::kAction || action == MeterValuesRequest::kAction;
}

CallReply TransactionBlock::handle(const IncomingCall& incoming) {
    const std::string& action = incoming.call.action;
    if (action == AuthorizeRequest::kAction) {
        return authorize(incoming);
    }
    if (action == StartTransactionRequest::kAction) {
        return startTransaction(incoming);
    }
    if (action == StopTransactionRequest::kAction) {
        return stopTransaction(incoming);
    }
    if (action == MeterValuesRequest::kAction) {
        return meterValues(incoming);
    }
    return PayloadError{ErrorCode::NotSupported,
                        "action " + action + " is not handled by the transaction block"};
}

CallReply TransactionBlock::authorize(const IncomingCall& incoming) {
    auto request = decode<AuthorizeRequest>(incoming.call.payload);
    if (!request) {
        return request.error();
    }
    return encode(AuthorizeConfirmation{toWire(m_transactions.authorize(request.value().idTag))});
}

CallReply TransactionBlock::startTransaction(const IncomingCall& incoming) {
    auto request = decode<StartTransactionRequest>(incoming.call.payload);
    if (!request) {
        return request.error();
    }
    const auto& r = request.value();
    domain::TransactionStart start;
    start.chargerId = incoming.session.chargerId;
    start.connectorId = r.connectorId;
    start.idTag = r.idTag;
    start.meterStartWh = r.meterStart;
    start.timestamp = r.timestamp;
    start.reservationId = r.reservationId;
    start.receivedAt = incoming.receivedAt;
    m_transactions.start(std::move(start), [reply = incoming.defer()](
                                               domain::LedgerResult<domain::TransactionStartResult> result) {
        if (const auto* ok = std::get_if<domain::TransactionStartResult>(&result)) {
            reply.result(encode(StartTransactionConfirmation{toWire(ok->idTagInfo), ok->transactionId}));
        } else {
            reply.error(kNotStored);
        }
    });
    return Deferred{};
}

CallReply TransactionBlock::stopTransaction(const IncomingCall& incoming) {
    auto request = decode<StopTransactionRequest>(incoming.call.payload);
    if (!request) {
        return request.error();
    }
    const auto& r = request.value();
    domain::TransactionStop stop;
    stop.chargerId = incoming.session.chargerId;
    stop.transactionId = r.transactionId;
    stop.idTag = r.idTag;
    stop.meterStopWh = r.meterStop;
    stop.timestamp = r.timestamp;
    stop.reason = r.reason ? std::string(toString(*r.reason)) : std::string();
    if (r.transactionData) {
        stop.transactionData = fromWire(*r.transactionData);
    }
    stop.receivedAt = incoming.receivedAt;
    m_transactions.stop(
        std::move(stop),
        [reply = incoming.defer()](const domain::LedgerResult<domain::TransactionStopResult>& result) {
            const auto* stopped = std::get_if<domain::TransactionStopResult>(&result);
            if (stopped == nullptr) {
                reply.error(kNotStored);
                return;
            }
            // Replays and unknown transactions get the same answer as a first stop: the
            // charger has done its part, and anything unusual is the operator's to review,
            // not the charger's to retry.
            StopTransactionConfirmation conf;
            if (stopped->idTagInfo) {
                conf.idTagInfo = toWire(*stopped->idTagInfo);
            }
            reply.result(encode(conf));
        });
    return Deferred{};
}

CallReply TransactionBlock::meterValues(const IncomingCall& incoming) {
    auto request = decode<MeterValuesRequest>(incoming.call.payload);
    if (!request) {
        return request.error();
    }
    const auto& r = request.value();
    domain::MeterValuesReport report;
    report.chargerId = incoming.session.chargerId;
    report.connectorId = r.connectorId;
    report.transactionId = r.transactionId;
    report.readings = fromWire(r.meterValue);
    report.receivedAt = incoming.receivedAt;
    m_transactions.meterValues(std::move(report),
                               [reply = incoming.defer()](const domain::LedgerResult<bool>& result) {
                                   if (std::holds_alternative<domain::LedgerFailure>(result)) {
                                       reply.error(kNotStored);
                                   } else {
                                       reply.result(encode(MeterValuesConfirmation{}));
                                   }
                               });
    return Deferred{};
}

} // namespace voltdesk::ocpp16
