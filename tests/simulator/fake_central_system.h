// A minimal OCPP 1.6J central system on loopback for the simulator's client tests: accepts any
// charger, answers BootNotification (Accepted), Heartbeat, StatusNotification and transactions, and
// records them.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace voltdesk::sim::testing {

class FakeCentralSystem {
public:
    struct Charger {
        bool booted = false;
        bool subprotocolOffered = false;
        std::string vendor;
        int heartbeats = 0;
        int statusNotifications = 0;
        std::map<int, std::string> lastStatus; ///< by connector id
    };

    /// Listens on 127.0.0.1 (on a free port when `port` is 0); `heartbeatInterval` is what
    /// BootNotification answers.
    explicit FakeCentralSystem(int heartbeatInterval, unsigned short port = 0);
    ~FakeCentralSystem();

    unsigned short port() const { return m_port; }
    std::map<std::string, Charger> chargers() const;
    int openConnections() const;

private:
    void accept();
    friend class FakeSession;

    boost::asio::io_context m_io;
    boost::asio::ip::tcp::acceptor m_acceptor;
    unsigned short m_port = 0;
    int m_heartbeatInterval;
    mutable std::mutex m_mutex;
    std::map<std::string, Charger> m_chargers;
    int m_open = 0;
    int m_nextTransactionId = 0;
    std::thread m_thread;
};

} // namespace voltdesk::sim::testing
