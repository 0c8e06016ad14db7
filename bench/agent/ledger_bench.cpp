// bench-ledger: N producer threads drive charging sessions (start, meter values, stop) through the
// PostgreSQL transaction ledger at a paced rate; prints calls/s, commits/s and call-to-callback latency.
// Usage: bench-ledger --server postgresql://USER@HOST:PORT/DB [--rate 5000] [--seconds 10] ...
#include "store/pg_transaction_ledger.h"
#include "store/store.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <pqxx/pqxx>
#include <spdlog/spdlog.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace voltdesk;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    std::string server;
    int producers = 8;
    int chargersPerProducer = 250;
    double rate = 5000; ///< calls per second over all producers; 0: as fast as the window allows
    int window = 2000;  ///< outstanding calls per producer at most
    double seconds = 10;
    int metersPerSession = 10;
    int samplesPerReading = 4;
    std::size_t maxBatch = 2000;
    int batchDelayUs = 0;
    bool keep = false;
};

[[noreturn]] void usage() {
    std::cerr
        << "usage: bench-ledger --server URI [--producers 8] [--chargers 250] [--rate 5000] [--window 2000]\n"
           "                    [--seconds 10] [--meters 10] [--samples 4] [--max-batch 2000]\n"
           "                    [--batch-delay-us 0] [--keep]\n"
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
        } else if (a == "--producers") {
            o.producers = std::stoi(next());
        } else if (a == "--chargers") {
            o.chargersPerProducer = std::stoi(next());
        } else if (a == "--rate") {
            o.rate = std::stod(next());
        } else if (a == "--window") {
            o.window = std::stoi(next());
        } else if (a == "--seconds") {
            o.seconds = std::stod(next());
        } else if (a == "--meters") {
            o.metersPerSession = std::stoi(next());
        } else if (a == "--samples") {
            o.samplesPerReading = std::stoi(next());
        } else if (a == "--max-batch") {
            o.maxBatch = static_cast<std::size_t>(std::stoul(next()));
        } else if (a == "--batch-delay-us") {
            o.batchDelayUs = std::stoi(next());
        } else if (a == "--keep") {
            o.keep = true;
        } else {
            usage();
        }
    }
    if (o.server.empty()) {
        if (const char* env = std::getenv("VOLTDESK_PG")) {
            o.server = env;
        } else {
            usage();
        }
    }
    return o;
}

std::string withDatabase(const std::string& server, const std::string& name) {
    const auto slash = server.rfind('/');
    const auto query = server.find('?', slash);
    return server.substr(0, slash + 1) + name + (query == std::string::npos ? "" : server.substr(query));
}

/// A charger's session as the producer sees it: idle, waiting for the start's answer, or metering.
struct Session {
    enum class State { Idle, Starting, Active, Stopping } state = State::Idle;
    int transactionId = 0;
    int metersSent = 0;
    std::int64_t meterWh = 0;
    contract::EpochMs clock = 0;
};

domain::MeterReading reading(contract::EpochMs at, std::int64_t wh, int samples) {
    domain::MeterReading r;
    r.timestamp = at;
    static const char* const kMeasurands[] = {"Energy.Active.Import.Register", "Power.Active.Import",
                                              "Current.Import", "Voltage", "SoC"};
    for (int i = 0; i < samples; ++i) {
        domain::MeterSample s;
        s.measurand = kMeasurands[i % 5];
        s.value = std::to_string(i == 0 ? wh : 7400 + i);
        s.unit = i == 0 ? "Wh" : "W";
        s.phase = i >= 5 ? "L" + std::to_string(i % 3 + 1) : "";
        r.samples.push_back(std::move(s));
    }
    return r;
}

struct Shared {
    std::mutex mutex;
    std::vector<double> latenciesMs;
    std::atomic<std::uint64_t> answered{0}, failed{0};
};

class Producer {
public:
    Producer(int index, const Options& o, store::PgTransactionLedger& ledger, Shared& shared)
        : m_index(index), m_options(o), m_ledger(ledger), m_shared(shared),
          m_sessions(static_cast<std::size_t>(o.chargersPerProducer)) {
        for (auto& s : m_sessions) {
            s.clock = contract::nowMs() - 3'600'000;
        }
    }

    void run(Clock::time_point until) {
        const double perProducer = m_options.rate / m_options.producers;
        const auto interval = perProducer > 0 ? std::chrono::duration<double>(1.0 / perProducer)
                                              : std::chrono::duration<double>(0);
        auto next = Clock::now();
        std::size_t cursor = 0;
        while (Clock::now() < until) {
            if (interval.count() > 0) {
                next += std::chrono::duration_cast<Clock::duration>(interval);
                std::this_thread::sleep_until(next);
            }
            if (m_outstanding.load() >= m_options.window) {
                std::this_thread::sleep_for(std::chrono::microseconds(200));
                continue;
            }
            // The next charger that has something to send.
            for (std::size_t tries = 0; tries < m_sessions.size(); ++tries) {
                const std::size_t i = cursor++ % m_sessions.size();
                if (send(i)) {
                    break;
                }
            }
        }
    }

private:
    std::string chargerId(std::size_t i) const {
        return "bench-" + std::to_string(m_index) + "-" + std::to_string(i);
    }

    template <typename T>
    std::function<void(domain::LedgerResult<T>)> timed(std::function<void(const T*)> then) {
        const auto sent = Clock::now();
        ++m_outstanding;
        return [this, sent, then = std::move(then)](domain::LedgerResult<T> r) {
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - sent).count();
            {
                std::lock_guard lock(m_shared.mutex);
                m_shared.latenciesMs.push_back(ms);
            }
            ++m_shared.answered;
            const T* ok = std::get_if<T>(&r);
            if (ok == nullptr) {
                ++m_shared.failed;
            }
            then(ok);
            --m_outstanding;
        };
    }

    bool send(std::size_t i) {
        std::unique_lock lock(m_mutex);
        Session& s = m_sessions[i];
        s.clock += 60'000;
        switch (s.state) {
        case Session::State::Starting:
        case Session::State::Stopping:
            return false;
        case Session::State::Idle: {
            s.state = Session::State::Starting;
            domain::TransactionStart start;
            start.chargerId = chargerId(i);
            start.connectorId = 1;
            start.idTag = "TAG-" + std::to_string(i);
            start.meterStartWh = s.meterWh;
            start.timestamp = s.clock;
            start.idTagInfo.status = domain::AuthorizationStatus::Accepted;
            start.receivedAt = contract::nowMs();
            lock.unlock();
            m_ledger.start(
                std::move(start),
                timed<domain::TransactionStartResult>([this, i](const domain::TransactionStartResult* r) {
                    std::lock_guard guard(m_mutex);
                    Session& session = m_sessions[i];
                    session.state = r != nullptr ? Session::State::Active : Session::State::Idle;
                    session.transactionId = r != nullptr ? r->transactionId : 0;
                    session.metersSent = 0;
                }));
            return true;
        }
        case Session::State::Active:
            break;
        }
        s.meterWh += 500;
        if (s.metersSent < m_options.metersPerSession) {
            ++s.metersSent;
            domain::MeterValuesReport report;
            report.chargerId = chargerId(i);
            report.connectorId = 1;
            report.transactionId = s.transactionId;
            report.readings = {reading(s.clock, s.meterWh, m_options.samplesPerReading)};
            report.receivedAt = contract::nowMs();
            lock.unlock();
            m_ledger.meterValues(std::move(report), timed<bool>([](const bool*) {}));
            return true;
        }
        s.state = Session::State::Stopping;
        domain::TransactionStop stop;
        stop.chargerId = chargerId(i);
        stop.transactionId = s.transactionId;
        stop.meterStopWh = s.meterWh;
        stop.timestamp = s.clock;
        stop.reason = "EVDisconnected";
        stop.transactionData = {reading(s.clock - 30'000, s.meterWh - 250, m_options.samplesPerReading)};
        stop.receivedAt = contract::nowMs();
        lock.unlock();
        m_ledger.stop(std::move(stop), timed<domain::TransactionStopResult>([this, i](const auto*) {
                          std::lock_guard guard(m_mutex);
                          m_sessions[i].state = Session::State::Idle;
                      }));
        return true;
    }

    const int m_index;
    const Options& m_options;
    store::PgTransactionLedger& m_ledger;
    Shared& m_shared;
    std::mutex m_mutex;
    std::vector<Session> m_sessions;
    std::atomic<int> m_outstanding{0};
};

double percentile(std::vector<double>& sorted, double p) {
    if (sorted.empty()) {
        return 0;
    }
    const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
    return sorted[index];
}

} // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    spdlog::set_level(spdlog::level::warn);
    const std::string name = "ledger_bench_" + std::to_string(getpid());
    const std::string uri = withDatabase(o.server, name);
    try {
        pqxx::connection admin(o.server);
        pqxx::nontransaction(admin).exec("CREATE DATABASE " + name);
        store::Store(uri).migrate();
    } catch (const std::exception& e) {
        std::cerr << "bench-ledger: cannot prepare the scratch database: " << e.what() << "\n";
        return 1;
    }

    Shared shared;
    store::PgTransactionLedgerOptions ledgerOptions;
    ledgerOptions.maxBatch = o.maxBatch;
    ledgerOptions.batchDelay = std::chrono::microseconds(o.batchDelayUs);
    auto ledger = std::make_unique<store::PgTransactionLedger>(uri, ledgerOptions);
    std::vector<std::unique_ptr<Producer>> producers;
    producers.reserve(static_cast<std::size_t>(o.producers));
    for (int i = 0; i < o.producers; ++i) {
        producers.push_back(std::make_unique<Producer>(i, o, *ledger, shared));
    }
    const auto begin = Clock::now();
    const auto until =
        begin + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds));
    std::vector<std::thread> threads;
    threads.reserve(producers.size());
    for (auto& p : producers) {
        threads.emplace_back([&p, until] { p->run(until); });
    }
    for (auto& t : threads) {
        t.join();
    }
    ledger->flush(std::chrono::seconds(60));
    const double elapsed = std::chrono::duration<double>(Clock::now() - begin).count();
    const auto stats = ledger->stats();
    ledger.reset();

    long long rows = 0, transactions = 0;
    try {
        pqxx::connection c(uri);
        pqxx::work tx(c);
        rows = tx.query_value<long long>("SELECT count(*) FROM meter_values");
        transactions = tx.query_value<long long>("SELECT count(*) FROM transactions");
    } catch (const std::exception& e) {
        std::cerr << "bench-ledger: counting rows failed: " << e.what() << "\n";
    }
    if (!o.keep) {
        try {
            pqxx::connection admin(o.server);
            pqxx::nontransaction(admin).exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (const std::exception& e) {
            std::cerr << "bench-ledger: dropping " << name << " failed: " << e.what() << "\n";
        }
    }

    std::vector<double> latencies;
    {
        std::lock_guard lock(shared.mutex);
        latencies = shared.latenciesMs;
    }
    std::sort(latencies.begin(), latencies.end());
    std::printf("bench-ledger: producers=%d chargers=%d rate=%s meters/session=%d samples/reading=%d "
                "max-batch=%zu batch-delay-us=%d hardware-threads=%u\n",
                o.producers, o.producers * o.chargersPerProducer,
                o.rate > 0 ? std::to_string(static_cast<int>(o.rate)).c_str() : "unpaced", o.metersPerSession,
                o.samplesPerReading, o.maxBatch, o.batchDelayUs, std::thread::hardware_concurrency());
    std::printf("calls:      %llu answered, %llu failed, in %.1f s -> %.0f calls/s\n",
                static_cast<unsigned long long>(shared.answered.load()),
                static_cast<unsigned long long>(shared.failed.load()), elapsed,
                static_cast<double>(shared.answered.load()) / elapsed);
    std::printf("commits:    %llu batches -> %.0f commits/s, %.1f calls per commit\n",
                static_cast<unsigned long long>(stats.batches), static_cast<double>(stats.batches) / elapsed,
                stats.batches > 0 ? static_cast<double>(stats.committed) / static_cast<double>(stats.batches)
                                  : 0.0);
    std::printf("rows:       %lld transactions, %lld meter values -> %.0f meter rows/s\n", transactions, rows,
                static_cast<double>(rows) / elapsed);
    std::printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f (call to callback)\n",
                percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                latencies.empty() ? 0.0 : latencies.back());
    return shared.failed.load() == 0 ? 0 : 1;
}
