#include "store/pg_transaction_ledger.h"

#include "store/store.h"

#include <algorithm>
#include <pqxx/pqxx>
#include <spdlog/spdlog.h>
#include <utility>

namespace voltdesk::store {

namespace {

template <typename Callback> struct CallbackArgument;
template <typename Argument> struct CallbackArgument<std::function<void(Argument)>> {
    using Type = Argument;
};

template <typename Result, typename Callback> void invoke(const Callback& done, Result result) {
    if (!done) {
        return;
    }
    try {
        done(std::move(result));
    } catch (const std::exception& e) {
        spdlog::error("store: a transaction ledger callback threw: {}", e.what());
    }
}

} // namespace

PgTransactionLedger::PgTransactionLedger(std::string uri, PgTransactionLedgerOptions options)
    : m_uri(std::move(uri)), m_options(options), m_session(m_uri, "ledger", ledger::prepareStatements),
      m_queue(options.maxBatch, options.batchDelay, [this](std::vector<Item>& batch) { process(batch); }) {
    m_queue.start();
}

PgTransactionLedger::~PgTransactionLedger() {
    shutdown();
}

void PgTransactionLedger::start(
    domain::TransactionStart start,
    std::function<void(domain::LedgerResult<domain::TransactionStartResult>)> done) {
    enqueue(std::move(start), std::move(done));
}

void PgTransactionLedger::stop(
    domain::TransactionStop stop,
    std::function<void(domain::LedgerResult<domain::TransactionStopResult>)> done) {
    enqueue(std::move(stop), std::move(done));
}

void PgTransactionLedger::meterValues(domain::MeterValuesReport report,
                                      std::function<void(domain::LedgerResult<bool>)> done) {
    enqueue(std::move(report), std::move(done));
}

void PgTransactionLedger::enqueue(ledger::Call call, Done done) {
    Item item{std::move(call), std::move(done), Clock::now()};
    // Approximate under concurrency, which is all a memory bound needs.
    item.overflow = m_queue.size() >= m_options.maxQueued;
    if (!m_queue.push(item)) {
        fail(item, "the transaction ledger is shut down");
    }
}

bool PgTransactionLedger::flush(std::chrono::milliseconds timeout) {
    return m_queue.flush(timeout);
}

void PgTransactionLedger::shutdown(std::chrono::milliseconds timeout) {
    m_queue.stop(timeout);
}

TransactionLedgerStats PgTransactionLedger::stats() const {
    std::lock_guard lock(m_statsMutex);
    return m_stats;
}

void PgTransactionLedger::process(std::vector<Item>& batch) {
    std::vector<Item*> items;
    items.reserve(batch.size());
    std::size_t overflow = 0;
    for (auto& item : batch) {
        if (item.overflow) {
            ++overflow;
            fail(item, "the transaction ledger's queue is full");
        } else {
            items.push_back(&item);
        }
    }
    if (overflow > 0) {
        spdlog::warn("store: transaction ledger queue full ({} calls); answered {} calls with a failure",
                     m_options.maxQueued, overflow);
    }
    if (!items.empty()) {
        write(items);
    }
}

void PgTransactionLedger::write(std::span<Item*> items) {
    std::vector<const ledger::Call*> calls;
    calls.reserve(items.size());
    Clock::time_point oldest = Clock::time_point::max();
    bool onlyMeterValues = true; // then writeBatch runs one INSERT, which needs no transaction around it
    for (const Item* item : items) {
        calls.push_back(&item->call);
        oldest = std::min(oldest, item->enqueuedAt);
        onlyMeterValues = onlyMeterValues && std::holds_alternative<domain::MeterValuesReport>(item->call);
    }
    std::vector<ledger::Answer> answers;
    const auto result = m_session.run(
        [&](pqxx::transaction_base& tx) { answers = ledger::writeBatch(tx, calls); },
        [&] { return std::min(oldest + m_options.unreachableDeadline, m_queue.stopDeadline()); },
        onlyMeterValues);
    switch (result.outcome) {
    case SessionResult::Outcome::Committed: {
        {
            std::lock_guard lock(m_statsMutex);
            ++m_stats.batches;
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
            answer(*items[i], std::move(answers[i]));
        }
        return;
    }
    case SessionResult::Outcome::GaveUp:
        spdlog::error("store: transaction ledger answered {} calls with a failure: {}", items.size(),
                      result.error);
        for (Item* item : items) {
            fail(*item, result.error);
        }
        return;
    case SessionResult::Outcome::Refused:
        if (items.size() == 1) {
            spdlog::error("store: the database refused a transaction message of charger={}: {}",
                          std::visit([](const auto& c) { return c.chargerId; }, items.front()->call),
                          result.error);
            fail(*items.front(), "refused by the database: " + result.error);
            return;
        }
        // Halves keep arrival order: the first half commits before the second is written.
        const std::size_t half = items.size() / 2;
        write(items.first(half));
        write(items.subspan(half));
        return;
    }
}

void PgTransactionLedger::answer(Item& item, ledger::Answer result) {
    {
        std::lock_guard lock(m_statsMutex);
        ++m_stats.committed;
        if (const auto* start = std::get_if<domain::TransactionStartResult>(&result);
            start && start->replay) {
            ++m_stats.replays;
        } else if (const auto* stop = std::get_if<domain::TransactionStopResult>(&result)) {
            m_stats.replays += stop->outcome == domain::StopOutcome::Replay ? 1 : 0;
            m_stats.reviews += stop->outcome == domain::StopOutcome::UnknownTransaction ? 1 : 0;
        }
    }
    std::visit(
        [&](const auto& done) {
            using Callback = std::decay_t<decltype(done)>;
            using Argument = typename CallbackArgument<Callback>::Type;
            using Value = std::variant_alternative_t<0, Argument>;
            invoke(done, Argument(std::get<Value>(std::move(result))));
        },
        item.done);
}

void PgTransactionLedger::fail(Item& item, const std::string& reason) {
    {
        std::lock_guard lock(m_statsMutex);
        ++m_stats.failures;
    }
    std::visit(
        [&](const auto& done) {
            using Callback = std::decay_t<decltype(done)>;
            invoke(done, typename CallbackArgument<Callback>::Type(domain::LedgerFailure{reason}));
        },
        item.done);
}

std::vector<domain::ActiveTransaction> PgTransactionLedger::activeTransactions() {
    std::vector<domain::ActiveTransaction> out;
    try {
        pqxx::connection connection(withWriterTimeouts(m_uri));
        pqxx::work tx(connection);
        for (auto [id, charger, connector, tag, meter, started] :
             tx.query<int, std::string, int, std::string, std::int64_t, std::int64_t>(
                 "SELECT transaction_id, charger_id, connector_id, id_tag, meter_start_wh, "
                 "(extract(epoch FROM start_time) * 1000)::int8 FROM transactions "
                 "WHERE stop_received_at IS NULL ORDER BY transaction_id")) {
            out.push_back({id, std::move(charger), connector, std::move(tag), meter, started});
        }
    } catch (const std::exception& e) {
        throw StoreError(std::string("reading the open transactions failed: ") + e.what());
    }
    return out;
}

} // namespace voltdesk::store
