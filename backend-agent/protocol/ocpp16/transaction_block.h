// OCPP 1.6 Core, the transaction part: Authorize, StartTransaction, StopTransaction and MeterValues.
// Transaction messages are answered only once the ledger has committed them.
#pragma once

#include "domain/transaction_service.h"
#include "protocol/ocpp16-wire/core.h"
#include "protocol/ocpp16/functional_block.h"

namespace voltdesk::ocpp16 {

IdTagInfo toWire(const domain::IdTagInfo& info);
domain::IdTagInfo fromWire(const IdTagInfo& info);
std::vector<domain::MeterReading> fromWire(const std::vector<MeterValue>& values);

class TransactionBlock final : public FunctionalBlock {
public:
    explicit TransactionBlock(domain::TransactionService& transactions);

    bool handles(std::string_view action) const override;
    /// Authorize: answered at once from the id tag registry. StartTransaction, StopTransaction and
    /// MeterValues: deferred until committed; a ledger failure is answered InternalError so that the
    /// charger keeps the message and retries. Business outcomes (an invalid card, an unknown
    /// transaction) are always CALLRESULTs.
    CallReply handle(const IncomingCall& incoming) override;

private:
    CallReply authorize(const IncomingCall& incoming);
    CallReply startTransaction(const IncomingCall& incoming);
    CallReply stopTransaction(const IncomingCall& incoming);
    CallReply meterValues(const IncomingCall& incoming);

    domain::TransactionService& m_transactions;
};

} // namespace voltdesk::ocpp16
