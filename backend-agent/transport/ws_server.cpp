#include "transport/ws_server.h"

#include "transport/ws_session.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <spdlog/spdlog.h>
#include <thread>
#include <vector>

namespace voltdesk::transport {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// Out of descriptors or kernel memory: accepting again at once would spin; wait, then retry.
bool isResourceExhaustion(const boost::system::error_code& ec) {
    return ec == boost::system::errc::too_many_files_open ||
           ec == boost::system::errc::too_many_files_open_in_system ||
           ec == boost::system::errc::no_buffer_space || ec == boost::system::errc::not_enough_memory;
}

} // namespace

class WsServer::Impl {
public:
    Impl(WsServerOptions options, AdmitFunction admit, HandlerFactory factory)
        : m_ioc(std::max(1, options.ioThreads)), m_acceptor(net::make_strand(m_ioc)),
          m_backoff(m_acceptor.get_executor()), m_shared(std::make_shared<ServerShared>()) {
        m_shared->options = std::move(options);
        m_shared->admit = std::move(admit);
        m_shared->factory = std::move(factory);
    }

    void start() {
        const auto& options = m_shared->options;
        const std::string where = options.host + ":" + std::to_string(options.port);
        if (options.tls) {
            m_shared->tls = makeTlsContext(*options.tls);
        }
        try {
            tcp::resolver resolver(m_ioc);
            const auto results = resolver.resolve(options.host, std::to_string(options.port),
                                                  tcp::resolver::passive | tcp::resolver::numeric_service);
            const tcp::endpoint endpoint = results.begin()->endpoint();
            m_acceptor.open(endpoint.protocol());
            m_acceptor.set_option(net::socket_base::reuse_address(true));
            m_acceptor.bind(endpoint);
            // A whole fleet reconnects at once after an outage; let the kernel queue as many as it allows.
            m_acceptor.listen(net::socket_base::max_listen_connections);
            m_acceptor.non_blocking(true); // for the burst of synchronous accepts in onAccept()
            m_port = m_acceptor.local_endpoint().port();
        } catch (const boost::system::system_error& e) {
            throw TransportError("cannot listen on " + where + ": " + e.code().message());
        }
        m_work.emplace(m_ioc.get_executor());
        net::post(m_acceptor.get_executor(), [this] { doAccept(); });
        const int threads = std::max(1, options.ioThreads);
        for (int i = 0; i < threads; ++i) {
            m_threads.emplace_back([this] { runLoop(); });
        }
    }

    void stop(std::chrono::milliseconds grace) {
        if (m_threads.empty() || m_shared->stopping.exchange(true)) {
            return;
        }
        net::post(m_acceptor.get_executor(), [this] {
            boost::system::error_code ec;
            if (m_acceptor.close(ec)) {
                spdlog::debug("transport: closing the listener: {}", ec.message());
            }
            m_backoff.cancel();
        });
        std::vector<std::shared_ptr<SessionBase>> sessions;
        {
            std::lock_guard lock(m_shared->mutex);
            sessions.reserve(m_shared->byCharger.size());
            for (const auto& [id, weak] : m_shared->byCharger) {
                if (auto session = weak.lock()) {
                    sessions.push_back(std::move(session));
                }
            }
        }
        for (const auto& session : sessions) {
            session->retire("agent shutting down", [] {});
        }
        sessions.clear();
        const auto deadline = std::chrono::steady_clock::now() + grace;
        while ((m_shared->openSessions > 0 || m_shared->pendingUpgrades > 0) &&
               std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        m_work.reset();
        m_ioc.stop();
        for (auto& thread : m_threads) {
            thread.join();
        }
        m_threads.clear();
    }

    std::uint16_t port() const { return m_port; }
    std::size_t connectionCount() const {
        std::lock_guard lock(m_shared->mutex);
        return m_shared->byCharger.size();
    }

private:
    void runLoop() {
        while (true) {
            try {
                m_ioc.run();
                return;
            } catch (const std::exception& e) {
                spdlog::error("transport: unexpected error on an I/O thread: {}", e.what());
            }
        }
    }

    void doAccept() {
        m_acceptor.async_accept(
            net::make_strand(m_ioc),
            [this](boost::system::error_code ec, tcp::socket socket) { onAccept(ec, std::move(socket)); });
    }

    void onAccept(boost::system::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || m_shared->stopping) {
            return;
        }
        if (ec) {
            if (isResourceExhaustion(ec)) {
                m_acceptDelay = std::min(std::max(m_acceptDelay * 2, std::chrono::milliseconds(50)),
                                         std::chrono::milliseconds(1000));
                const auto now = std::chrono::steady_clock::now();
                if (now - m_lastAcceptWarning > std::chrono::seconds(10)) {
                    m_lastAcceptWarning = now;
                    spdlog::warn("transport: cannot accept connections: {} ({} open); retrying in {} ms. "
                                 "Raise the open-files limit (LimitNOFILE) for more chargers",
                                 ec.message(), m_shared->openSessions.load(), m_acceptDelay.count());
                }
                m_backoff.expires_after(m_acceptDelay);
                m_backoff.async_wait([this](boost::system::error_code waitError) {
                    if (!waitError && !m_shared->stopping) {
                        doAccept();
                    }
                });
                return;
            }
            spdlog::warn("transport: accept failed: {}", ec.message());
            doAccept();
            return;
        }
        m_acceptDelay = std::chrono::milliseconds(0);
        startUpgrade(std::move(socket));
        // In a reconnect storm thousands wait in the listen queue while the I/O threads also serve
        // handshakes and boots: take what is already waiting now, not one per pass through the loop.
        for (int i = 0; i < kAcceptBurst; ++i) {
            boost::system::error_code burstError;
            tcp::socket next(net::make_strand(m_ioc));
            if (m_acceptor.accept(next, burstError); burstError) {
                break; // would_block, or an error the asynchronous accept will meet and report
            }
            startUpgrade(std::move(next));
        }
        doAccept();
    }

    void startUpgrade(tcp::socket socket) {
        boost::system::error_code optionError;
        if (socket.set_option(tcp::no_delay(true), optionError)) {
            spdlog::debug("transport: TCP_NODELAY not set: {}", optionError.message());
        }
        if (m_shared->tls) {
            std::make_shared<HttpUpgrade<TlsStream>>(TlsStream(std::move(socket), *m_shared->tls), m_shared)
                ->run();
        } else {
            std::make_shared<HttpUpgrade<PlainStream>>(PlainStream(std::move(socket)), m_shared)->run();
        }
    }

    static constexpr int kAcceptBurst = 64;

    net::io_context m_ioc;
    tcp::acceptor m_acceptor;
    net::steady_timer m_backoff;
    std::shared_ptr<ServerShared> m_shared;
    std::optional<net::executor_work_guard<net::io_context::executor_type>> m_work;
    std::vector<std::thread> m_threads;
    std::uint16_t m_port = 0;
    std::chrono::milliseconds m_acceptDelay{0};
    std::chrono::steady_clock::time_point m_lastAcceptWarning{};
};

WsServer::WsServer(WsServerOptions options, AdmitFunction admit, HandlerFactory factory)
    : m_impl(std::make_unique<Impl>(std::move(options), std::move(admit), std::move(factory))) {}

WsServer::~WsServer() {
    stop();
}

void WsServer::start() {
    m_impl->start();
}
std::uint16_t WsServer::port() const {
    return m_impl->port();
}
std::size_t WsServer::connectionCount() const {
    return m_impl->connectionCount();
}
void WsServer::stop(std::chrono::milliseconds grace) {
    m_impl->stop(grace);
}

} // namespace voltdesk::transport
