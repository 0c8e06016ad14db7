// A charging session's bill as the agent records it (charge detail record, CDR) and as consoles,
// receipts and exports read it: the rated line items of docs/BILLING.md plus who, where and when.
// Also the live cost of a running session, which has the same shape and is marked provisional.
#pragma once

#include "contract/decode_result.h"
#include "contract/iso8601.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::contract {

/// Amounts are integers in the currency's minor unit (fen, cent); unit prices are decimal strings in
/// the major unit with the tariff's full precision ("1.234500" CNY per kWh or per minute), so nothing
/// on the wire is a floating-point amount.
struct CdrLine {
    std::string kind; ///< energy, serviceFee, chargingTime, idleTime, sessionFee, minimumPrice, maximumPrice
    std::string tariffId;
    int tariffVersion = 0;
    std::string period; ///< the time-of-use period (energy and serviceFee lines), e.g. "peak"
    EpochMs from = 0;   ///< UTC
    EpochMs to = 0;
    std::string localFrom; ///< site time with its offset, "2026-03-29T01:30:00+01:00"
    std::string localTo;
    std::int64_t milliWh = 0;    ///< energy and serviceFee lines
    std::int64_t durationMs = 0; ///< chargingTime and idleTime lines: the billed time
    std::string unitPrice;       ///< per kWh or per minute; empty for fees and adjustments
    std::int64_t amount = 0;     ///< minor units; negative only for maximumPrice

    bool operator==(const CdrLine&) const = default;
};

/// A meter reading the rating left out (docs/BILLING.md): backwards, jump or conflict.
struct CdrAnomaly {
    std::string kind;
    EpochMs at = 0;
    std::int64_t milliWh = 0; ///< the energy not billed because of it
    std::string detail;       ///< English, for the operator

    bool operator==(const CdrAnomaly&) const = default;
};

struct ChargeDetailRecord {
    /// Stable per session: "<chargerId>/<transactionId>". A re-rating keeps the id and raises version;
    /// every version is kept, the highest is the one in force.
    std::string cdrId;
    int version = 1;
    bool provisional = false; ///< true for a running session's live cost (never stored as a CDR)
    std::string reason;       ///< "stop", or why it was re-rated (the operator's note)
    EpochMs ratedAt = 0;

    std::string agentId;
    std::string siteId;
    std::string siteName;
    std::string timeZone; ///< IANA name of the site's zone, e.g. "Asia/Shanghai"
    std::string chargerId;
    int connectorId = 0;
    int transactionId = 0;
    std::string idTag;
    std::string customerGroup; ///< the id tag's parent (OCPP parentIdTag); empty if none

    EpochMs start = 0;
    EpochMs stop = 0; ///< for a provisional record: the instant it was rated at
    std::optional<EpochMs> chargingFinished;
    std::int64_t meterStartWh = 0;
    std::int64_t meterStopWh = 0;

    std::string currency; ///< ISO 4217, e.g. "CNY"
    int minorDigits = 2;
    std::vector<CdrLine> lines;
    std::int64_t billedMilliWh = 0;
    std::int64_t unbilledMilliWh = 0;
    std::int64_t subtotal = 0; ///< the sum of the lines' amounts
    std::string taxRate;       ///< decimal fraction, "0.06"
    std::int64_t tax = 0;
    std::int64_t total = 0; ///< subtotal + tax
    std::vector<CdrAnomaly> anomalies;

    bool operator==(const ChargeDetailRecord&) const = default;
};

inline constexpr int kChargeDetailRecordSchemaVersion = 1;

std::string encode(const ChargeDetailRecord& record);
/// Refuses a record whose lines do not add up to its subtotal or whose subtotal + tax is not its total,
/// so a consumer never shows a bill that contradicts itself.
DecodeResult<ChargeDetailRecord> decodeChargeDetailRecord(std::string_view payload);

} // namespace voltdesk::contract
