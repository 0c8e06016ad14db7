#include "domain/billing/charge_record.h"

#include <algorithm>

namespace voltdesk::billing {

namespace {

std::string kindName(LineKind kind) {
    switch (kind) {
    case LineKind::Energy:
        return "energy";
    case LineKind::ServiceFee:
        return "serviceFee";
    case LineKind::ChargingTime:
        return "chargingTime";
    case LineKind::IdleTime:
        return "idleTime";
    case LineKind::SessionFee:
        return "sessionFee";
    case LineKind::MinimumPrice:
        return "minimumPrice";
    case LineKind::MaximumPrice:
        return "maximumPrice";
    }
    return "unknown";
}

std::string anomalyName(AnomalyKind kind) {
    switch (kind) {
    case AnomalyKind::BackwardsStep:
        return "BackwardsStep";
    case AnomalyKind::ImplausibleJump:
        return "ImplausibleJump";
    case AnomalyKind::ConflictingReadings:
        return "ConflictingReadings";
    case AnomalyKind::OutsideSession:
        return "OutsideSession";
    }
    return "Unknown";
}

bool hasUnitPrice(LineKind kind) {
    return kind == LineKind::Energy || kind == LineKind::ServiceFee || kind == LineKind::ChargingTime ||
           kind == LineKind::IdleTime;
}

contract::ChargeDetailRecord header(const SessionFacts& facts, int version, std::string reason,
                                    EpochMs ratedAt) {
    contract::ChargeDetailRecord r;
    r.cdrId = cdrIdOf(facts.chargerId, facts.transactionId);
    r.version = version;
    r.reason = std::move(reason);
    r.ratedAt = ratedAt;
    r.siteId = facts.siteId;
    r.siteName = facts.siteName;
    r.timeZone = facts.timeZone;
    r.chargerId = facts.chargerId;
    r.connectorId = facts.connectorId;
    r.transactionId = facts.transactionId;
    r.idTag = facts.idTag;
    r.customerGroup = facts.customerGroup;
    r.start = facts.start;
    r.stop = facts.stop.value_or(ratedAt);
    r.meterStartWh = facts.meterStartWh;
    r.meterStopWh = facts.meterStopWh.value_or(facts.meterStartWh);
    r.chargingFinished = facts.chargingFinished;
    return r;
}

} // namespace

std::string cdrIdOf(const std::string& chargerId, int transactionId) {
    return chargerId + "/" + std::to_string(transactionId);
}

RatingOptions ratingOptionsFor(const SessionFacts& facts, std::optional<EpochMs> asOf) {
    RatingOptions options;
    if (facts.maxPowerKw > 0) {
        options.meter.maxPlausiblePowerW = static_cast<std::int64_t>(facts.maxPowerKw * 1200.0);
    }
    options.asOf = asOf;
    return options;
}

SessionInput sessionInputOf(const SessionFacts& facts) {
    SessionInput input;
    input.start = facts.start;
    input.stop = facts.stop;
    input.chargingFinished = facts.chargingFinished;
    input.readings = facts.readings;
    return input;
}

contract::ChargeDetailRecord cdrOf(const SessionFacts& facts, const SessionRating& rating, int version,
                                   std::string reason, EpochMs ratedAt) {
    auto r = header(facts, version, std::move(reason), ratedAt);
    r.provisional = rating.provisional;
    if (rating.provisional) {
        r.stop = rating.to;
    }
    r.currency = rating.currency;
    r.minorDigits = rating.minorDigits;
    for (const auto& line : rating.lines) {
        contract::CdrLine l;
        l.kind = kindName(line.kind);
        l.tariffId = line.tariffId;
        l.tariffVersion = line.tariffVersion;
        l.period = line.period;
        l.from = line.from;
        l.to = line.to;
        l.localFrom = line.localFrom;
        l.localTo = line.localTo;
        l.milliWh = line.milliWh;
        l.durationMs = line.durationMs;
        if (hasUnitPrice(line.kind)) {
            l.unitPrice = formatUnitPrice(line.unitPrice, rating.minorDigits);
        }
        l.amount = line.amount;
        r.lines.push_back(std::move(l));
    }
    r.billedMilliWh = rating.billedMilliWh;
    r.unbilledMilliWh = rating.unbilledMilliWh;
    r.subtotal = rating.subtotal;
    r.tax = rating.tax;
    r.total = rating.total;
    for (const auto& a : rating.anomalies) {
        r.anomalies.push_back({anomalyName(a.kind), a.to, a.unbilledMilliWh, a.message});
    }
    return r;
}

contract::ChargeDetailRecord unratedCdr(const SessionFacts& facts, int version, const std::string& why,
                                        EpochMs ratedAt) {
    auto r = header(facts, version, "unrated: " + why, ratedAt);
    // A running session's cost stays provisional even when no tariff rates it yet.
    r.provisional = !facts.stop;
    return r;
}

bool isUnrated(const contract::ChargeDetailRecord& record) {
    return record.reason.starts_with("unrated:");
}

std::string taxRateText(RatePpm rate) {
    std::string text = formatDecimal(rate.ppm, 6);
    while (text.size() > 3 && text.back() == '0' && text[text.size() - 2] != '.') {
        text.pop_back();
    }
    return text;
}

std::string_view toString(AssignmentScope scope) {
    switch (scope) {
    case AssignmentScope::Site:
        return "site";
    case AssignmentScope::ChargerGroup:
        return "chargerGroup";
    case AssignmentScope::Charger:
        return "charger";
    case AssignmentScope::CustomerGroup:
        return "customerGroup";
    }
    return "site";
}

std::optional<AssignmentScope> assignmentScopeFromString(std::string_view text) {
    for (const auto scope : {AssignmentScope::Site, AssignmentScope::ChargerGroup, AssignmentScope::Charger,
                             AssignmentScope::CustomerGroup}) {
        if (toString(scope) == text) {
            return scope;
        }
    }
    return std::nullopt;
}

const TariffAssignment* chooseAssignment(const std::vector<TariffAssignment>& assignments,
                                         const std::string& siteId, const std::string& chargerId,
                                         const std::vector<std::string>& chargerGroups,
                                         const std::string& customerGroup) {
    const auto find = [&](AssignmentScope scope, const std::string& key) -> const TariffAssignment* {
        if (key.empty()) {
            return nullptr;
        }
        const auto it = std::find_if(assignments.begin(), assignments.end(), [&](const TariffAssignment& a) {
            return a.scope == scope && a.key == key;
        });
        return it == assignments.end() ? nullptr : &*it;
    };
    if (const auto* a = find(AssignmentScope::CustomerGroup, customerGroup)) {
        return a;
    }
    if (const auto* a = find(AssignmentScope::Charger, chargerId)) {
        return a;
    }
    auto groups = chargerGroups;
    std::sort(groups.begin(), groups.end());
    for (const auto& group : groups) {
        if (const auto* a = find(AssignmentScope::ChargerGroup, group)) {
            return a;
        }
    }
    return find(AssignmentScope::Site, siteId);
}

} // namespace voltdesk::billing
