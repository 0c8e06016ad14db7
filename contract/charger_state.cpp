#include "contract/charger_state.h"

#include "contract/json_fields.h"

#include <algorithm>

namespace voltdesk::contract {

namespace {

DecodeResult<ConnectorSession> decodeSession(const nlohmann::json& j) {
    JsonFields f(j, "connectors[].session.");
    ConnectorSession session;
    session.transactionId = f.integer("transactionId", true);
    session.idTag = f.string("idTag");
    session.startedAt = f.timestamp("startedAt");
    if (j.is_object() && j.contains("meterStartWh") && !j["meterStartWh"].is_null()) {
        if (!j["meterStartWh"].is_number_integer()) {
            return DecodeResult<ConnectorSession>::fail(
                "connectors[].session.meterStartWh must be an integer");
        }
        session.meterStartWh = j["meterStartWh"].get<std::int64_t>();
    }
    if (!f.ok()) {
        return DecodeResult<ConnectorSession>::fail(f.error());
    }
    return DecodeResult<ConnectorSession>::ok(std::move(session));
}

} // namespace

ChargerStatus ChargerState::overall() const {
    std::vector<ConnectorStatus> statuses;
    statuses.reserve(connectors.size());
    for (const auto& c : connectors) {
        statuses.push_back(c.status);
    }
    return overallStatus(online, statuses);
}

std::string encodeChargerState(const ChargerState& s) {
    nlohmann::json connectors = nlohmann::json::array();
    for (const auto& c : s.connectors) {
        nlohmann::json connector{
            {"id", c.id},     {"status", toString(c.status)},         {"errorCode", c.errorCode},
            {"info", c.info}, {"vendorErrorCode", c.vendorErrorCode}, {"since", toIso8601(c.since)}};
        if (c.session) {
            connector["session"] = {{"transactionId", c.session->transactionId},
                                    {"idTag", c.session->idTag},
                                    {"startedAt", toIso8601(c.session->startedAt)},
                                    {"meterStartWh", c.session->meterStartWh}};
        }
        connectors.push_back(std::move(connector));
    }
    nlohmann::json j{{"v", kChargerStateSchemaVersion},
                     {"chargerId", s.chargerId},
                     {"siteId", s.siteId},
                     {"vendor", s.vendor},
                     {"model", s.model},
                     {"serialNumber", s.serialNumber},
                     {"firmwareVersion", s.firmwareVersion},
                     {"maxPowerKw", s.maxPowerKw},
                     {"protocol", s.protocol},
                     {"agentId", s.agentId},
                     {"online", s.online},
                     {"registration", s.registration},
                     {"lastSeen", toIso8601(s.lastSeen)},
                     {"updatedAt", toIso8601(s.updatedAt)},
                     {"status", toString(s.overall())},
                     {"connectors", std::move(connectors)}};
    if (s.location) {
        j["location"] = {{"lat", s.location->lat}, {"lon", s.location->lon}};
    }
    return j.dump();
}

DecodeResult<ChargerState> decodeChargerState(std::string_view payload) {
    const auto j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return DecodeResult<ChargerState>::fail("charger state is not a JSON object");
    }
    JsonFields f(j);
    ChargerState s;
    const int version = f.integer("v", true);
    if (f.ok() && version != kChargerStateSchemaVersion) {
        return DecodeResult<ChargerState>::fail("unsupported charger state version " +
                                                std::to_string(version));
    }
    s.chargerId = f.string("chargerId", true);
    s.siteId = f.string("siteId", true);
    s.vendor = f.string("vendor");
    s.model = f.string("model");
    s.serialNumber = f.string("serialNumber");
    s.firmwareVersion = f.string("firmwareVersion");
    s.maxPowerKw = f.number("maxPowerKw");
    s.protocol = f.string("protocol");
    s.agentId = f.string("agentId");
    s.online = f.boolean("online", true);
    s.registration = f.string("registration");
    s.lastSeen = f.timestamp("lastSeen");
    s.updatedAt = f.timestamp("updatedAt");
    if (j.contains("location")) {
        JsonFields loc(j["location"], "location.");
        GeoPoint p{loc.number("lat", true), loc.number("lon", true)};
        if (!loc.ok()) {
            return DecodeResult<ChargerState>::fail(loc.error());
        }
        if (p.lat < -90 || p.lat > 90 || p.lon < -180 || p.lon > 180) {
            return DecodeResult<ChargerState>::fail("location out of range");
        }
        s.location = p;
    }
    if (!f.ok()) {
        return DecodeResult<ChargerState>::fail(f.error());
    }
    const auto connectors = j.find("connectors");
    if (connectors == j.end() || !connectors->is_array()) {
        return DecodeResult<ChargerState>::fail("connectors must be an array");
    }
    for (const auto& cj : *connectors) {
        JsonFields c(cj, "connectors[].");
        ConnectorState cs;
        cs.id = c.integer("id", true);
        const std::string status = c.string("status", true);
        cs.errorCode = c.string("errorCode");
        cs.info = c.string("info");
        cs.vendorErrorCode = c.string("vendorErrorCode");
        cs.since = c.timestamp("since");
        if (!c.ok()) {
            return DecodeResult<ChargerState>::fail(c.error());
        }
        if (const auto session = cj.find("session"); session != cj.end() && !session->is_null()) {
            auto decoded = decodeSession(*session);
            if (!decoded) {
                return DecodeResult<ChargerState>::fail(decoded.error());
            }
            cs.session = std::move(decoded).value();
        }
        const auto parsed = connectorStatusFromString(status);
        if (!parsed) {
            return DecodeResult<ChargerState>::fail("unknown connector status '" + status + "'");
        }
        cs.status = *parsed;
        s.connectors.push_back(std::move(cs));
    }
    std::sort(s.connectors.begin(), s.connectors.end(),
              [](const ConnectorState& a, const ConnectorState& b) { return a.id < b.id; });
    return DecodeResult<ChargerState>::ok(std::move(s));
}

} // namespace voltdesk::contract
