// bench-revenue: the monthly revenue report (GetRevenueSummary) over a month of 10 million stored meter
// samples. Generates the month in SQL (generate_series) in a scratch database, rates every session from
// its samples through the agent's own sweep (BillingService), then times the report and the sessions page.
//
// On the bench stack (bench/agent/lib/agent_stack.sh) or any PostgreSQL where it may create a database:
//   scripts/env-run bash -c 'source scripts/lib/services.sh && source bench/agent/lib/agent_stack.sh &&
//     bench_stack_start && build/billing-agent/bin/bench-revenue --server "$VOLTDESK_PG"'
#include "app/billing_commands.h"
#include "app/billing_service.h"
#include "store/billing_store.h"
#include "store/store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <pqxx/pqxx>
#include <spdlog/spdlog.h>
#include <string>
#include <unistd.h>
#include <vector>

using namespace voltdesk;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    std::string server;
    long long samples = 10'000'000;
    int perSession = 240; ///< readings a session (a minute apart: 4 h sessions)
    int chargers = 500;
    int sites = 20;
    int repeats = 5;
    bool keep = false;
};

[[noreturn]] void usage() {
    std::cerr
        << "usage: bench-revenue --server URI [--samples 10000000] [--per-session 240] [--chargers 500]\n"
           "                     [--sites 20] [--repeats 5] [--keep]\n"
           "URI: a PostgreSQL server where a scratch database may be created (dropped at the end)\n";
    std::exit(2);
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                usage();
            }
            return argv[++i];
        };
        if (a == "--server") {
            o.server = next();
        } else if (a == "--samples") {
            o.samples = std::stoll(next());
        } else if (a == "--per-session") {
            o.perSession = std::stoi(next());
        } else if (a == "--chargers") {
            o.chargers = std::stoi(next());
        } else if (a == "--sites") {
            o.sites = std::stoi(next());
        } else if (a == "--repeats") {
            o.repeats = std::stoi(next());
        } else if (a == "--keep") {
            o.keep = true;
        } else {
            usage();
        }
    }
    if (o.server.empty() || o.perSession < 2 || o.samples < o.perSession || o.chargers < 1 || o.sites < 1) {
        usage();
    }
    return o;
}

std::string withDatabase(const std::string& server, const std::string& name) {
    const auto slash = server.rfind('/');
    const auto query = server.find('?', slash);
    return server.substr(0, slash + 1) + name + (query == std::string::npos ? "" : server.substr(query));
}

double secondsSince(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// The Shanghai four-period tariff of docs/BILLING.md (without holidays), energy plus service fee.
constexpr const char* kTariff = R"({"id":"sh-commercial","currency":"CNY","periods":[
{"name":"sharp","energyPrice":"1.3500","serviceFee":"0.8000"},{"name":"peak","energyPrice":"1.1000","serviceFee":"0.8000"},
{"name":"flat","energyPrice":"0.7000","serviceFee":"0.6000"},{"name":"valley","energyPrice":"0.3000","serviceFee":"0.4000"}],
"dayTypes":[{"name":"workday","schedule":[{"from":"00:00","to":"08:00","period":"valley"},
{"from":"08:00","to":"10:00","period":"flat"},{"from":"10:00","to":"12:00","period":"peak"},
{"from":"12:00","to":"14:00","period":"flat"},{"from":"14:00","to":"17:00","period":"peak"},
{"from":"17:00","to":"19:00","period":"sharp"},{"from":"19:00","to":"21:00","period":"peak"},
{"from":"21:00","to":"23:00","period":"flat"},{"from":"23:00","to":"24:00","period":"valley"}]},
{"name":"weekend","schedule":[{"from":"00:00","to":"08:00","period":"valley"},{"from":"08:00","to":"23:00","period":"flat"},
{"from":"23:00","to":"24:00","period":"valley"}]}],
"week":{"monday":"workday","tuesday":"workday","wednesday":"workday","thursday":"workday","friday":"workday",
"saturday":"weekend","sunday":"weekend"},"sessionFee":"1.00","taxPercent":"6.0000"})";

constexpr const char* kMonthStart = "2026-11-01T00:00:00+08:00";

/// Sites, chargers, one session per charger every 8 h, and perSession energy readings a minute apart for
/// each (the last at the stop), all in SQL.
void generate(const std::string& uri, const Options& o, long long sessions) {
    pqxx::connection c(uri);
    pqxx::work tx(c);
    tx.exec("INSERT INTO sites (id, name, time_zone, lat, lon) SELECT 'site-' || g, 'Site ' || g, "
            "'Asia/Shanghai', "
            "31.2, 121.5 FROM generate_series(1, $1) g",
            pqxx::params{o.sites});
    tx.exec(
        "INSERT INTO chargers (id, site_id, max_power_kw) SELECT 'CP-' || g, 'site-' || (g % $2 + 1), 120 "
        "FROM generate_series(1, $1) g",
        pqxx::params{o.chargers, o.sites});
    // Session s: charger s % chargers, starting (s / chargers) x 8 h + (s % chargers) x 37 s into the month,
    // perSession minutes long at 7.2 to 23.4 kW; a quarter of the cards belong to a fleet.
    tx.exec("INSERT INTO transactions (charger_id, connector_id, id_tag, meter_start_wh, start_time, "
            "id_tag_status, "
            "id_tag_parent, start_received_at, meter_stop_wh, stop_time, stop_reason, stop_received_at) "
            "SELECT 'CP-' || (s % $2 + 1), 1, 'TAG-' || (s % 3000), 0, st, 'Accepted', "
            "CASE WHEN s % 4 = 0 THEN 'FLEET-' || (s % 7) END, st, $3::int * (120 + (s % 10) * 30), "
            "st + $3::int * interval '1 minute', 'Local', st + $3::int * interval '1 minute' "
            "FROM generate_series(0, $1 - 1) s, "
            "LATERAL (SELECT $4::timestamptz + (s / $2) * interval '8 hours' + (s % $2) * interval '37 "
            "seconds') t(st)",
            pqxx::params{sessions, o.chargers, o.perSession, kMonthStart});
    tx.exec(
        "INSERT INTO meter_values (charger_id, connector_id, transaction_id, reported_transaction_id, "
        "charger_time, "
        "received_at, measurand, unit, context, value) "
        "SELECT t.charger_id, 1, t.transaction_id, t.transaction_id, t.start_time + i * interval '1 minute', "
        "t.start_time + i * interval '1 minute', 'Energy.Active.Import.Register', 'Wh', 'Sample.Periodic', "
        "(i * (t.meter_stop_wh / $1))::text "
        "FROM transactions t, generate_series(1, $1) i",
        pqxx::params{o.perSession});
    tx.commit();
    pqxx::nontransaction(c).exec("VACUUM ANALYZE");
}

} // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    spdlog::set_level(spdlog::level::warn);
    const std::string name = "revenue_bench_" + std::to_string(getpid());
    const std::string uri = withDatabase(o.server, name);
    const long long sessions = (o.samples + o.perSession - 1) / o.perSession;
    try {
        pqxx::connection admin(o.server);
        pqxx::nontransaction(admin).exec("CREATE DATABASE " + name);
        store::Store(uri).migrate();
    } catch (const std::exception& e) {
        std::cerr << "bench-revenue: cannot prepare the scratch database: " << e.what() << "\n";
        return 1;
    }
    int status = 0;
    try {
        auto t = Clock::now();
        generate(uri, o, sessions);
        const double generated = secondsSince(t);
        long long samples = 0;
        {
            pqxx::connection c(uri);
            pqxx::work tx(c);
            samples = tx.query_value<long long>("SELECT count(*) FROM meter_values");
        }
        std::printf("generated: %lld sessions, %lld meter samples, %d chargers at %d sites in %.1f s\n",
                    sessions, samples, o.chargers, o.sites, generated);

        store::BillingStore billing(uri);
        const auto put =
            app::answerBillingCommand(billing, "PutTariff", {{"tariff", nlohmann::json::parse(kTariff)}},
                                      "bench", {}, contract::nowMs());
        if (put.outcome != contract::CommandOutcome::Completed) {
            throw std::runtime_error("PutTariff: " + put.description);
        }
        for (int s = 1; s <= o.sites; ++s) {
            billing.assign({billing::AssignmentScope::Site, "site-" + std::to_string(s), "sh-commercial"},
                           "bench");
        }

        // Every session rated from its samples by the agent's own start-up sweep.
        t = Clock::now();
        {
            app::BillingService service(uri, "bench", [](std::string, std::string, int, bool) {});
            service.start();
            service.flush(std::chrono::hours(2));
            service.stop();
        }
        const double rated = secondsSince(t);
        {
            pqxx::connection c(uri);
            pqxx::work tx(c);
            const auto cdrs = tx.query_value<long long>("SELECT count(*) FROM cdrs WHERE rated");
            std::printf("rated: %lld sessions from their samples in %.1f s (%.0f sessions/s, the sweep, one "
                        "worker)\n",
                        cdrs, rated, static_cast<double>(cdrs) / rated);
        }
        {
            pqxx::connection c(uri);
            pqxx::nontransaction(c).exec("VACUUM ANALYZE cdrs");
        }

        const auto time = [&](const char* what, const char* command, const nlohmann::json& payload) {
            std::vector<double> ms;
            nlohmann::json response;
            for (int i = 0; i < o.repeats; ++i) {
                store::BillingStore fresh(uri); // a cold connection, as a new worker's
                const auto start = Clock::now();
                const auto r =
                    app::answerBillingCommand(fresh, command, payload, "bench", {}, contract::nowMs());
                ms.push_back(secondsSince(start) * 1000.0);
                if (r.outcome != contract::CommandOutcome::Completed) {
                    throw std::runtime_error(std::string(command) + ": " + r.description);
                }
                response = r.response;
            }
            std::sort(ms.begin(), ms.end());
            std::printf("%s: median %.0f ms, best %.0f ms, worst %.0f ms over %d runs\n", what,
                        ms[ms.size() / 2], ms.front(), ms.back(), o.repeats);
            return response;
        };
        const nlohmann::json month{{"from", "2026-11-01T00:00:00+08:00"},
                                   {"to", "2026-12-01T00:00:00+08:00"}};
        const auto report = time("monthly revenue report (GetRevenueSummary, by site and period)",
                                 "GetRevenueSummary", month);
        for (const auto& row : report["totals"]) {
            std::printf("  month total %s: %lld sessions, %.3f kWh, %.2f with tax\n",
                        row["currency"].get<std::string>().c_str(), row["sessions"].get<long long>(),
                        static_cast<double>(row["energyMilliWh"].get<long long>()) / 1e6,
                        static_cast<double>(row["total"].get<long long>()) / 100.0);
        }
        for (const auto& row : report["byPeriod"]) {
            std::printf("  %-10s %14.3f kWh %14.2f before tax\n", row["period"].get<std::string>().c_str(),
                        static_cast<double>(row["energyMilliWh"].get<long long>()) / 1e6,
                        static_cast<double>(row["amount"].get<long long>()) / 100.0);
        }
        nlohmann::json sessionsPage = month;
        sessionsPage["status"] = "finished";
        time("sessions page with the month's totals (GetSessions, 100 rows)", "GetSessions", sessionsPage);
    } catch (const std::exception& e) {
        std::cerr << "bench-revenue: " << e.what() << "\n";
        status = 1;
    }
    if (!o.keep) {
        try {
            pqxx::connection admin(o.server);
            pqxx::nontransaction(admin).exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (const std::exception& e) {
            std::cerr << "bench-revenue: dropping " << name << " failed: " << e.what() << "\n";
        }
    } else {
        std::printf("kept: %s\n", uri.c_str());
    }
    return status;
}
