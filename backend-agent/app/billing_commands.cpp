#include "app/billing_commands.h"

#include "app/session_rater.h"
#include "contract/topics.h"
#include "domain/billing/money.h"
#include "domain/billing/tariff_json.h"
#include "domain/billing/tariff_validation.h"

#include <array>
#include <spdlog/spdlog.h>

namespace voltdesk::app {

namespace {

constexpr std::array<std::string_view, 8> kCommands{"GetTariffs",    "PutTariff",        "AssignTariff",
                                                    "PreviewTariff", "GetSessions",      "GetCdr",
                                                    "RerateSession", "GetRevenueSummary"};
constexpr int kMaxSessionsPage = 500;
constexpr contract::EpochMs kMaxRevenueSpanMs = 366LL * 24 * 3600 * 1000;

domain::CommandResult refused(std::string why) {
    return domain::CommandResult{
        contract::CommandOutcome::Refused, nlohmann::json::object(), {}, std::move(why)};
}

domain::CommandResult answered(nlohmann::json response) {
    return domain::CommandResult{contract::CommandOutcome::Completed, std::move(response), {}, {}};
}

/// Payload fields, with the first problem remembered in words.
class Fields {
public:
    explicit Fields(const nlohmann::json& payload) : m_payload(payload) {
        if (!payload.is_null() && !payload.is_object()) {
            m_error = "the payload must be an object";
        }
    }
    std::string text(const char* key, bool required = false) {
        const auto* v = find(key, required);
        if (v == nullptr) {
            return {};
        }
        if (!v->is_string()) {
            fail(std::string(key) + " must be a string");
            return {};
        }
        return v->get<std::string>();
    }
    std::optional<contract::EpochMs> time(const char* key, bool required = false) {
        const std::string t = text(key, required);
        if (t.empty()) {
            return std::nullopt;
        }
        const auto parsed = contract::parseIso8601(t);
        if (!parsed) {
            fail(std::string(key) + " must be an ISO 8601 time");
        }
        return parsed;
    }
    std::int64_t integer(const char* key, std::int64_t fallback, std::int64_t min, std::int64_t max) {
        const auto* v = find(key, false);
        if (v == nullptr) {
            return fallback;
        }
        if (!v->is_number_integer() || v->get<std::int64_t>() < min || v->get<std::int64_t>() > max) {
            fail(std::string(key) + " must be an integer from " + std::to_string(min) + " to " +
                 std::to_string(max));
            return fallback;
        }
        return v->get<std::int64_t>();
    }
    const nlohmann::json* object(const char* key, bool required = false) {
        const auto* v = find(key, required);
        if (v != nullptr && !v->is_object()) {
            fail(std::string(key) + " must be an object");
            return nullptr;
        }
        return v;
    }
    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    void fail(std::string error) {
        if (m_error.empty()) {
            m_error = std::move(error);
        }
    }

private:
    const nlohmann::json* find(const char* key, bool required) {
        if (!m_payload.is_object()) {
            if (required) {
                fail(std::string(key) + " is missing");
            }
            return nullptr;
        }
        const auto it = m_payload.find(key);
        if (it == m_payload.end() || it->is_null()) {
            if (required) {
                fail(std::string(key) + " is missing");
            }
            return nullptr;
        }
        return &*it;
    }

    const nlohmann::json& m_payload;
    std::string m_error;
};

nlohmann::json cdrJson(const contract::ChargeDetailRecord& record) {
    return nlohmann::json::parse(contract::encode(record));
}

nlohmann::json totalsJson(const std::vector<store::CurrencyTotal>& totals) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : totals) {
        out.push_back({{"currency", t.currency},
                       {"sessions", t.sessions},
                       {"energyMilliWh", t.energyMilliWh},
                       {"subtotal", t.subtotal},
                       {"tax", t.tax},
                       {"total", t.total}});
    }
    return out;
}

/// A tariff from a payload's "tariff" object, validated; or every problem in a sentence each.
std::variant<billing::Tariff, domain::CommandResult> tariffOf(const nlohmann::json& payload) {
    Fields f(payload);
    const auto* body = f.object("tariff", true);
    if (!f.ok()) {
        return refused(f.error());
    }
    auto parsed = billing::tariffFromJsonValue(*body);
    if (!parsed.tariff) {
        auto r = refused("The tariff cannot be read: " + parsed.error);
        r.response = {{"errors", nlohmann::json::array({{{"path", ""}, {"message", parsed.error}}})}};
        return r;
    }
    const auto problems = billing::validateTariff(*parsed.tariff);
    if (!problems.empty()) {
        nlohmann::json errors = nlohmann::json::array();
        std::string text;
        for (const auto& p : problems) {
            errors.push_back({{"path", p.path}, {"message", p.message}});
            text += (text.empty() ? "" : " ") + p.message;
        }
        auto r = refused("The tariff is not valid: " + text);
        r.response = {{"errors", std::move(errors)}};
        return r;
    }
    return std::move(*parsed.tariff);
}

domain::CommandResult getTariffs(store::BillingStore& store, const nlohmann::json& payload) {
    Fields f(payload);
    const auto id = f.text("tariffId");
    if (!f.ok()) {
        return refused(f.error());
    }
    nlohmann::json tariffs = nlohmann::json::array();
    for (const auto& t : store.tariffs(id)) {
        tariffs.push_back({{"tariff", billing::tariffToJsonValue(t.tariff)},
                           {"createdAt", contract::toIso8601(t.createdAt)},
                           {"createdBy", t.createdBy}});
    }
    nlohmann::json assignments = nlohmann::json::array();
    for (const auto& a : store.assignments()) {
        assignments.push_back({{"scope", billing::toString(a.assignment.scope)},
                               {"key", a.assignment.key},
                               {"tariffId", a.assignment.tariffId},
                               {"assignedAt", contract::toIso8601(a.assignedAt)},
                               {"assignedBy", a.assignedBy}});
    }
    return answered({{"tariffs", std::move(tariffs)},
                     {"assignments", std::move(assignments)},
                     {"chargerGroups", store.chargerGroups()}});
}

domain::CommandResult putTariff(store::BillingStore& store, const nlohmann::json& payload) {
    auto tariff = tariffOf(payload);
    if (auto* r = std::get_if<domain::CommandResult>(&tariff)) {
        return std::move(*r);
    }
    const auto& t = std::get<billing::Tariff>(tariff);
    const std::string why = store.putTariff(t, Fields(payload).text("requestedBy"));
    if (!why.empty()) {
        return refused(why);
    }
    return answered({{"tariffId", t.id}, {"version", t.version}});
}

domain::CommandResult assignTariff(store::BillingStore& store, const nlohmann::json& payload) {
    Fields f(payload);
    const auto scopeText = f.text("scope", true);
    const auto key = f.text("key", true);
    const auto tariffId = f.text("tariffId");
    if (!f.ok()) {
        return refused(f.error());
    }
    const auto scope = billing::assignmentScopeFromString(scopeText);
    if (!scope) {
        return refused("scope must be site, chargerGroup, charger or customerGroup, not '" + scopeText + "'");
    }
    if (key.empty()) {
        return refused("key names the site, charger group, charger or customer group, and must not be empty");
    }
    if (!tariffId.empty() && store.tariffs(tariffId).empty()) {
        return refused("there is no tariff '" + tariffId + "'; store it with PutTariff first");
    }
    std::optional<std::vector<std::string>> members;
    if (const auto it = payload.find("chargers"); it != payload.end() && !it->is_null()) {
        if (*scope != billing::AssignmentScope::ChargerGroup) {
            return refused("chargers is only for a chargerGroup assignment");
        }
        if (!it->is_array() ||
            !std::all_of(it->begin(), it->end(), [](const auto& c) { return c.is_string(); })) {
            return refused("chargers must be a list of charger ids");
        }
        members = it->get<std::vector<std::string>>();
    }
    store.assign({*scope, key, tariffId}, f.text("requestedBy"), members);
    return answered({{"scope", scopeText}, {"key", key}, {"tariffId", tariffId}});
}

domain::CommandResult previewTariff(const nlohmann::json& payload, contract::EpochMs now) {
    auto tariff = tariffOf(payload);
    if (auto* r = std::get_if<domain::CommandResult>(&tariff)) {
        return std::move(*r);
    }
    Fields f(payload);
    const auto timeZone = f.text("timeZone", true);
    const auto* session = f.object("session", true);
    if (!f.ok()) {
        return refused(f.error());
    }
    Fields s(*session);
    billing::SessionFacts facts;
    facts.chargerId = "preview";
    facts.timeZone = timeZone;
    facts.start = s.time("start", true).value_or(0);
    facts.stop = s.time("stop", true);
    if (!s.ok()) {
        return refused("session." + s.error());
    }
    const auto readings = session->find("readings");
    if (readings != session->end() && !readings->is_array()) {
        return refused("session.readings must be a list of {\"at\", \"energyWh\"}");
    }
    if (readings != session->end()) {
        for (const auto& r : *readings) {
            Fields rf(r);
            const auto at = rf.time("at", true);
            const auto* wh = r.is_object() ? &r["energyWh"] : nullptr;
            std::optional<std::int64_t> mWh;
            if (wh != nullptr && wh->is_number_integer()) {
                mWh = wh->get<std::int64_t>() * 1000;
            } else if (wh != nullptr && wh->is_string()) {
                mWh = billing::parseDecimal(wh->get<std::string>(), 3);
            }
            if (!rf.ok() || !at || !mWh) {
                return refused("session.readings: each reading needs \"at\" (ISO 8601) and \"energyWh\" (an "
                               "integer or a decimal string)");
            }
            facts.readings.push_back({*at, *mWh});
        }
    }
    const auto record = rateWithTariffs({std::get<billing::Tariff>(tariff)}, facts, 1, "preview", now);
    if (billing::isUnrated(record)) {
        return refused("The sample session cannot be rated: " +
                       record.reason.substr(std::string("unrated: ").size()));
    }
    return answered({{"rating", cdrJson(record)}});
}

domain::CommandResult getSessions(store::BillingStore& store, const nlohmann::json& payload) {
    Fields f(payload);
    store::SessionFilter filter;
    filter.siteId = f.text("siteId");
    filter.chargerId = f.text("chargerId");
    filter.customerGroup = f.text("customerGroup");
    filter.idTag = f.text("idTag");
    filter.from = f.time("from");
    filter.to = f.time("to");
    const auto status = f.text("status");
    filter.offset = static_cast<int>(f.integer("offset", 0, 0, 1'000'000'000));
    filter.limit = static_cast<int>(f.integer("limit", 100, 1, kMaxSessionsPage));
    if (!f.ok()) {
        return refused(f.error());
    }
    if (status == "live") {
        filter.status = store::SessionStatus::Live;
    } else if (status == "finished") {
        filter.status = store::SessionStatus::Finished;
    } else if (!status.empty() && status != "all") {
        return refused("status must be live, finished or all");
    }
    const auto page = store.sessions(filter);
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : page.sessions) {
        nlohmann::json j{{"transactionId", s.transactionId},
                         {"cdrId", billing::cdrIdOf(s.chargerId, s.transactionId)},
                         {"chargerId", s.chargerId},
                         {"connectorId", s.connectorId},
                         {"siteId", s.siteId},
                         {"idTag", s.idTag},
                         {"customerGroup", s.customerGroup},
                         {"start", contract::toIso8601(s.start)},
                         {"status", s.stop ? "finished" : "live"},
                         {"meterStartWh", s.meterStartWh}};
        if (s.stop) {
            j["stop"] = contract::toIso8601(*s.stop);
        }
        if (s.meterStopWh) {
            j["meterStopWh"] = *s.meterStopWh;
        }
        if (s.cdr) {
            j["cdr"] = cdrJson(*s.cdr);
        }
        sessions.push_back(std::move(j));
    }
    return answered({{"sessions", std::move(sessions)},
                     {"matching", page.matching},
                     {"offset", filter.offset},
                     {"limit", filter.limit},
                     {"totals", totalsJson(page.totals)}});
}

domain::CommandResult getCdr(store::BillingStore& store, const nlohmann::json& payload) {
    Fields f(payload);
    const auto cdrId = f.text("cdrId", true);
    if (!f.ok()) {
        return refused(f.error());
    }
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& r : store.cdrVersions(cdrId)) {
        versions.push_back(cdrJson(r));
    }
    if (versions.empty()) {
        return refused("there is no charge detail record " + cdrId);
    }
    return answered({{"cdrId", cdrId}, {"versions", std::move(versions)}});
}

domain::CommandResult rerateSession(store::BillingStore& store, const nlohmann::json& payload,
                                    const std::string& agentId, const BillingPublish& publish,
                                    contract::EpochMs now) {
    Fields f(payload);
    const auto cdrId = f.text("cdrId", true);
    const auto note = f.text("note", true);
    if (!f.ok()) {
        return refused(f.error());
    }
    if (note.find_first_not_of(" \t\r\n") == std::string::npos) {
        return refused("a re-rating needs a note saying why (it is the new version's reason)");
    }
    const auto versions = store.cdrVersions(cdrId);
    if (versions.empty()) {
        return refused("there is no charge detail record " + cdrId);
    }
    const auto facts = store.sessionFacts(versions.front().transactionId);
    if (!facts || !facts->stop) {
        return refused("the transaction of " + cdrId + " is not stored as finished");
    }
    auto record = rateStoredSession(store, *facts, 0, note, agentId, now);
    if (billing::isUnrated(record)) {
        record.reason = record.reason + " (" + note + ")";
    }
    const auto stored = store.insertNextVersion(std::move(record), Fields(payload).text("requestedBy"));
    if (!stored.siteId.empty() && publish) {
        publish(contract::siteCdrTopic(stored.siteId), contract::encode(stored), 1, false);
    }
    return answered({{"cdr", cdrJson(stored)}, {"previousTotal", versions.back().total}});
}

domain::CommandResult revenueSummary(store::BillingStore& store, const nlohmann::json& payload) {
    Fields f(payload);
    const auto fromField = f.time("from", true);
    const auto toField = f.time("to", true);
    const auto site = f.text("siteId");
    if (!f.ok() || !fromField || !toField) {
        return refused(f.error());
    }
    const contract::EpochMs from = *fromField;
    const contract::EpochMs to = *toField;
    if (from >= to) {
        return refused("from must be before to");
    }
    if (to - from > kMaxRevenueSpanMs) {
        return refused("the range may span 366 days at most");
    }
    const auto summary = store.revenue(from, to, site);
    const auto rows = [](const std::vector<store::RevenueRow>& in, const char* keyName) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : in) {
            out.push_back({{keyName, r.key},
                           {"currency", r.currency},
                           {"sessions", r.sessions},
                           {"energyMilliWh", r.energyMilliWh},
                           {"amount", r.amount}});
        }
        return out;
    };
    return answered({{"from", contract::toIso8601(from)},
                     {"to", contract::toIso8601(to)},
                     {"bySite", rows(summary.bySite, "siteId")},
                     {"byPeriod", rows(summary.byPeriod, "period")},
                     {"totals", totalsJson(summary.totals)},
                     {"unrated", summary.unrated}});
}

} // namespace

bool isBillingCommand(std::string_view command) {
    return std::find(kCommands.begin(), kCommands.end(), command) != kCommands.end();
}

domain::CommandResult answerBillingCommand(store::BillingStore& store, const std::string& command,
                                           const nlohmann::json& payload, const std::string& agentId,
                                           const BillingPublish& publish, contract::EpochMs now) {
    if (command == "GetTariffs") {
        return getTariffs(store, payload);
    }
    if (command == "PutTariff") {
        return putTariff(store, payload);
    }
    if (command == "AssignTariff") {
        return assignTariff(store, payload);
    }
    if (command == "PreviewTariff") {
        return previewTariff(payload, now);
    }
    if (command == "GetSessions") {
        return getSessions(store, payload);
    }
    if (command == "GetCdr") {
        return getCdr(store, payload);
    }
    if (command == "RerateSession") {
        return rerateSession(store, payload, agentId, publish, now);
    }
    if (command == "GetRevenueSummary") {
        return revenueSummary(store, payload);
    }
    return refused("not a billing command: " + command);
}

BillingCommands::BillingCommands(domain::ChargerCommands& next, const std::string& uri, std::string agentId,
                                 BillingPublish publish, std::size_t maxPending)
    : m_next(next), m_store(uri), m_agentId(std::move(agentId)), m_publish(std::move(publish)),
      m_maxPending(maxPending), m_thread([this] { run(); }) {}

BillingCommands::~BillingCommands() {
    stop();
}

void BillingCommands::send(const std::string& chargerId, const std::string& command, nlohmann::json payload,
                           std::chrono::milliseconds timeout,
                           std::function<void(domain::CommandResult)> done) {
    if (!isBillingCommand(command)) {
        m_next.send(chargerId, command, std::move(payload), timeout, std::move(done));
        return;
    }
    {
        std::unique_lock lock(m_mutex);
        if (m_stopping) {
            lock.unlock();
            done(refused("the agent is stopping"));
            return;
        }
        if (m_jobs.size() >= m_maxPending) {
            lock.unlock();
            done(refused("too many billing requests are waiting; ask again shortly"));
            return;
        }
        m_jobs.push_back(Job{command, std::move(payload), std::move(done)});
    }
    m_wake.notify_one();
}

void BillingCommands::run() {
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [&] { return m_stopping || !m_jobs.empty(); });
        if (m_stopping) {
            break;
        }
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        lock.unlock();
        domain::CommandResult result;
        try {
            result = answerBillingCommand(m_store, job.command, job.payload, m_agentId, m_publish,
                                          contract::nowMs());
        } catch (const std::exception& e) {
            spdlog::warn("billing: {} failed: {}", job.command, e.what());
            result = refused(std::string("the billing store could not answer: ") + e.what());
        }
        job.done(std::move(result));
        lock.lock();
    }
    std::deque<Job> left = std::move(m_jobs);
    m_jobs.clear();
    lock.unlock();
    for (auto& job : left) {
        job.done(refused("the agent is stopping"));
    }
}

void BillingCommands::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

} // namespace voltdesk::app
