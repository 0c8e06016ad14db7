#include "fake_central_system.h"

#include "contract/iso8601.h"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <memory>
#include <nlohmann/json.hpp>

namespace voltdesk::sim::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

class FakeSession : public std::enable_shared_from_this<FakeSession> {
public:
    FakeSession(FakeCentralSystem& cs, asio::ip::tcp::socket socket) : m_cs(cs), m_ws(std::move(socket)) {}

    void start() {
        beast::http::async_read(m_ws.next_layer(), m_buffer, m_request,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                    if (!ec) {
                                        self->upgrade();
                                    }
                                });
    }

private:
    void upgrade() {
        const std::string target(m_request.target());
        m_id = target.substr(target.find_last_of('/') + 1);
        const bool offered =
            m_request[beast::http::field::sec_websocket_protocol].find("ocpp1.6") != beast::string_view::npos;
        m_ws.set_option(websocket::stream_base::decorator([](websocket::response_type& res) {
            res.set(beast::http::field::sec_websocket_protocol, "ocpp1.6");
        }));
        m_ws.async_accept(m_request, [self = shared_from_this(), offered](beast::error_code ec) {
            if (ec) {
                return;
            }
            {
                std::lock_guard lock(self->m_cs.m_mutex);
                self->m_cs.m_chargers[self->m_id].subprotocolOffered = offered;
                ++self->m_cs.m_open;
            }
            self->m_buffer.clear();
            self->read();
        });
    }

    void read() {
        m_ws.async_read(m_buffer, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) {
                std::lock_guard lock(self->m_cs.m_mutex);
                --self->m_cs.m_open;
                return;
            }
            self->handle(beast::buffers_to_string(self->m_buffer.data()));
            self->m_buffer.consume(self->m_buffer.size());
            self->read();
        });
    }

    void handle(const std::string& text) {
        const auto frame = nlohmann::json::parse(text, nullptr, false);
        if (!frame.is_array() || frame.size() != 4 || frame[0] != 2) {
            return; // answers to our (nonexistent) CALLs
        }
        const std::string id = frame[1];
        const std::string action = frame[2];
        const auto& payload = frame[3];
        nlohmann::json answer = nlohmann::json::object();
        {
            std::lock_guard lock(m_cs.m_mutex);
            auto& c = m_cs.m_chargers[m_id];
            if (action == "BootNotification") {
                c.booted = true;
                c.vendor = payload.value("chargePointVendor", "");
                answer = {{"status", "Accepted"},
                          {"currentTime", contract::toIso8601(contract::nowMs())},
                          {"interval", m_cs.m_heartbeatInterval}};
            } else if (action == "Heartbeat") {
                ++c.heartbeats;
                answer = {{"currentTime", contract::toIso8601(contract::nowMs())}};
            } else if (action == "StartTransaction") {
                answer = {{"transactionId", ++m_cs.m_nextTransactionId},
                          {"idTagInfo", {{"status", "Accepted"}}}};
            } else if (action == "Authorize") {
                answer = {{"idTagInfo", {{"status", "Accepted"}}}};
            } else if (action == "StatusNotification") {
                ++c.statusNotifications;
                c.lastStatus[payload.value("connectorId", -1)] = payload.value("status", "");
            }
        }
        m_out.push_back(nlohmann::json::array({3, id, answer}).dump());
        if (m_out.size() == 1) {
            write();
        }
    }

    void write() {
        m_ws.async_write(asio::buffer(m_out.front()),
                         [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec) {
                                 return;
                             }
                             self->m_out.erase(self->m_out.begin());
                             if (!self->m_out.empty()) {
                                 self->write();
                             }
                         });
    }

    FakeCentralSystem& m_cs;
    websocket::stream<asio::ip::tcp::socket> m_ws;
    beast::flat_buffer m_buffer;
    beast::http::request<beast::http::string_body> m_request;
    std::string m_id;
    std::vector<std::string> m_out;
};

FakeCentralSystem::FakeCentralSystem(int heartbeatInterval, unsigned short port)
    : m_acceptor(m_io, {asio::ip::make_address("127.0.0.1"), port}), m_heartbeatInterval(heartbeatInterval) {
    m_port = m_acceptor.local_endpoint().port();
    accept();
    m_thread = std::thread([this] { m_io.run(); });
}

FakeCentralSystem::~FakeCentralSystem() {
    m_io.stop();
    m_thread.join();
}

void FakeCentralSystem::accept() {
    m_acceptor.async_accept([this](beast::error_code ec, asio::ip::tcp::socket socket) {
        if (!ec) {
            std::make_shared<FakeSession>(*this, std::move(socket))->start();
        }
        accept();
    });
}

std::map<std::string, FakeCentralSystem::Charger> FakeCentralSystem::chargers() const {
    std::lock_guard lock(m_mutex);
    return m_chargers;
}

int FakeCentralSystem::openConnections() const {
    std::lock_guard lock(m_mutex);
    return m_open;
}

} // namespace voltdesk::sim::testing
