// The WebSocket server against a real Beast client over loopback, with a recording echo handler in
// place of the OCPP adapter: admission (Basic credentials), subprotocols, ordering, posted and delayed
// tasks, limits, replacement, timeouts, stop.
#include "tests/agent/transport/ws_test_client.h"
#include "transport/ws_server.h"

#include <QtTest>
#include <mutex>
#include <thread>

using namespace voltdesk::transport;
using voltdesk::testing::basicAuthorization;
using voltdesk::testing::WsTestClient;
using namespace std::chrono_literals;
namespace websocket = boost::beast::websocket;

namespace {

/// Everything the handlers saw, in order, as "open CP1", "text CP1 hello", "close CP1 reason".
struct Journal {
    std::mutex mutex;
    std::vector<std::string> lines;
    std::map<std::string, std::shared_ptr<WsSender>> senders;

    void add(std::string line) {
        std::lock_guard lock(mutex);
        lines.push_back(std::move(line));
    }
    std::vector<std::string> snapshot() {
        std::lock_guard lock(mutex);
        return lines;
    }
    bool contains(const std::string& prefix) {
        std::lock_guard lock(mutex);
        return std::any_of(lines.begin(), lines.end(),
                           [&](const auto& l) { return l.rfind(prefix, 0) == 0; });
    }
    int indexOf(const std::string& prefix) {
        std::lock_guard lock(mutex);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (lines[i].rfind(prefix, 0) == 0) {
                return static_cast<int>(i);
            }
        }
        return -1;
    }
};

class EchoHandler : public WsConnectionHandler {
public:
    EchoHandler(std::string id, std::shared_ptr<WsSender> sender, Journal& journal, std::string tag)
        : m_id(std::move(id)), m_sender(std::move(sender)), m_journal(journal), m_tag(std::move(tag)) {}
    void onOpen(const std::string& remote) override {
        m_journal.add("open " + m_id + " " + m_tag + " " + m_sender->subprotocol() + " " + remote);
    }
    void onText(std::string_view text) override {
        m_journal.add("text " + m_id + " " + std::string(text.substr(0, 40)));
        if (text == "schedule") {
            // Delayed tasks in reverse order of their delays, then an immediate one: they must come out
            // after this call, immediate first, then by delay, each serialized with the handler.
            auto sender = m_sender;
            auto& busy = m_busy;
            m_sender->postAfter(150ms, [sender, &busy] { sender->sendText(busy ? "overlap" : "after 150"); });
            m_sender->postAfter(50ms, [sender, &busy] { sender->sendText(busy ? "overlap" : "after 50"); });
            m_sender->post([sender, &busy] { sender->sendText(busy ? "overlap" : "posted"); });
            m_busy = true;
            std::this_thread::sleep_for(20ms); // a task running now would see busy
            m_sender->sendText("direct");
            m_busy = false;
            return;
        }
        if (text == "schedule late") {
            auto& journal = m_journal;
            const std::string id = m_id;
            m_sender->postAfter(300ms, [&journal, id] { journal.add("late task ran " + id); });
            m_sender->sendText("scheduled");
            return;
        }
        m_sender->sendText("echo:" + std::string(text));
    }
    void onBinary(std::string_view data) override {
        m_journal.add("binary " + m_id + " " + std::to_string(data.size()));
        m_sender->sendText("binary:" + std::to_string(data.size()));
    }
    void onClose(const std::string& reason) override {
        m_journal.add("close " + m_id + " " + m_tag + " " + reason);
    }

private:
    std::string m_id;
    std::shared_ptr<WsSender> m_sender;
    Journal& m_journal;
    std::string m_tag;
    bool m_busy = false;
};

} // namespace

class TestWsServer : public QObject {
    Q_OBJECT

private:
    /// Admits every id but "stranger" (404); "locked" needs Basic credentials locked:secret-key-0123456.
    static Admission admitForTests(const AdmissionRequest& request) {
        if (request.chargerId == "stranger") {
            return Admission::UnknownCharger;
        }
        if (request.chargerId == "locked" && (!request.basic || request.basic->username != "locked" ||
                                              request.basic->password != "secret-key-0123456")) {
            return Admission::Unauthorized;
        }
        return Admission::Admit;
    }

    std::unique_ptr<WsServer> makeServer(Journal& journal, WsServerOptions options = {},
                                         WsServer::AdmitFunction admit = admitForTests) {
        options.host = "127.0.0.1";
        options.port = 0;
        auto counter = std::make_shared<std::atomic<int>>(0);
        auto server = std::make_unique<WsServer>(
            options, std::move(admit),
            [&journal, counter](const std::string& id, std::shared_ptr<WsSender> sender) {
                {
                    std::lock_guard lock(journal.mutex);
                    journal.senders[id] = sender;
                }
                return std::make_unique<EchoHandler>(id, std::move(sender), journal,
                                                     "#" + std::to_string(++*counter));
            });
        server->start();
        return server;
    }

private slots:
    void refusesUnknownChargerWith404() {
        Journal journal;
        auto server = makeServer(journal);
        WsTestClient client;
        const auto ec = client.connect(server->port(), "/ocpp/stranger");
        QVERIFY(ec);
        QCOMPARE(client.response().result_int(), 404u);
        QVERIFY(journal.snapshot().empty());
    }

    void basicAuthenticationGets401ThenAdmits() {
        Journal journal;
        std::mutex mutex;
        std::vector<AdmissionRequest> seen;
        auto server = makeServer(journal, {}, [&](const AdmissionRequest& request) {
            {
                std::lock_guard lock(mutex);
                seen.push_back(request);
            }
            return admitForTests(request);
        });
        WsTestClient anonymous;
        QVERIFY(anonymous.connect(server->port(), "/ocpp/locked"));
        QCOMPARE(anonymous.response().result_int(), 401u);
        QCOMPARE(std::string(anonymous.response()[boost::beast::http::field::www_authenticate]),
                 std::string("Basic realm=\"voltdesk\""));
        WsTestClient wrong;
        QVERIFY(wrong.connect(server->port(), "/ocpp/locked", std::string("ocpp1.6"),
                              basicAuthorization("locked", "not-the-key-0123456")));
        QCOMPARE(wrong.response().result_int(), 401u);
        WsTestClient malformed;
        QVERIFY(malformed.connect(server->port(), "/ocpp/locked", std::string("ocpp1.6"),
                                  std::string("Basic !!notbase64!!")));
        QCOMPARE(malformed.response().result_int(), 401u);
        QVERIFY(journal.snapshot().empty());

        WsTestClient right;
        QVERIFY(!right.connect(server->port(), "/ocpp/locked", std::string("ocpp1.6"),
                               basicAuthorization("locked", "secret-key-0123456")));
        QTRY_VERIFY(journal.contains("open locked #1"));
        QVERIFY(!right.sendText("hi"));
        QCOMPARE(right.read().value_or("<none>"), std::string("echo:hi"));

        std::lock_guard lock(mutex);
        QCOMPARE(seen.size(), std::size_t(4));
        QVERIFY(!seen[0].basic);
        QCOMPARE(seen[1].basic->password, std::string("not-the-key-0123456"));
        QVERIFY(!seen[2].basic); // a malformed header is no credentials
        QCOMPARE(seen[3].basic->username, std::string("locked"));
        for (const auto& request : seen) {
            QCOMPARE(request.chargerId, std::string("locked"));
            QVERIFY(!request.tls);
            QVERIFY(!request.clientCertificateCn);
            QVERIFY2(request.remoteAddress.rfind("127.0.0.1:", 0) == 0, request.remoteAddress.c_str());
        }
    }

    void postedTasksRunInOrderOnTheStrand() {
        Journal journal;
        auto server = makeServer(journal);
        WsTestClient client;
        QVERIFY(!client.connect(server->port(), "/ocpp/CP1"));
        QVERIFY(!client.sendText("schedule"));
        QCOMPARE(client.read().value_or("<none>"), std::string("direct"));
        QCOMPARE(client.read().value_or("<none>"), std::string("posted"));
        QCOMPARE(client.read().value_or("<none>"), std::string("after 50"));
        QCOMPARE(client.read().value_or("<none>"), std::string("after 150"));
    }

    void noTaskRunsAfterTheConnectionEnded() {
        Journal journal;
        auto server = makeServer(journal);
        WsTestClient client;
        QVERIFY(!client.connect(server->port(), "/ocpp/CP1"));
        QVERIFY(!client.sendText("schedule late"));
        QCOMPARE(client.read().value_or("<none>"), std::string("scheduled"));
        client.close();
        QTRY_VERIFY(journal.contains("close CP1 #1"));
        std::shared_ptr<WsSender> sender;
        {
            std::lock_guard lock(journal.mutex);
            sender = journal.senders["CP1"];
        }
        std::atomic<bool> ran{false};
        sender->post([&ran] { ran = true; });
        sender->postAfter(10ms, [&ran] { ran = true; });
        std::this_thread::sleep_for(500ms); // past the 300 ms of the task scheduled before the close
        QVERIFY(!journal.contains("late task ran"));
        QVERIFY(!ran);
        QTRY_COMPARE(server->connectionCount(), std::size_t(0));
    }

    void refusesWrongPathWith404() {
        Journal journal;
        auto server = makeServer(journal);
        WsTestClient client;
        QVERIFY(client.connect(server->port(), "/other/CP1"));
        QCOMPARE(client.response().result_int(), 404u);
    }

    void refusesOnlyUnsupportedSubprotocolWith400() {
        Journal journal;
        auto server = makeServer(journal);
        WsTestClient client;
        QVERIFY(client.connect(server->port(), "/ocpp/CP1", std::string("ocpp2.0.1")));
        QCOMPARE(client.response().result_int(), 400u);
        QVERIFY(journal.snapshot().empty());
    }

    void negotiatesSubprotocol() {
        Journal journal;
        auto server = makeServer(journal);
        WsTestClient client;
        QVERIFY(!client.connect(server->port(), "/ocpp/CP1", std::string("ocpp2.0.1, ocpp1.6")));
        QCOMPARE(std::string(client.response()[boost::beast::http::field::sec_websocket_protocol]),
                 std::string("ocpp1.6"));
        QTRY_VERIFY(journal.contains("open CP1 #1 ocpp1.6 127.0.0.1:"));
    }

    void acceptsClientOfferingNoSubprotocol() {
        Journal journal;
        auto server = makeServer(journal);
        WsTestClient client;
        QVERIFY(!client.connect(server->port(), "/ocpp/CP1", std::nullopt));
        QVERIFY(client.response().find(boost::beast::http::field::sec_websocket_protocol) ==
                client.response().end());
        QTRY_VERIFY(journal.contains("open CP1 #1 ocpp1.6"));
        QVERIFY(!client.sendText("hi"));
        QCOMPARE(client.read().value_or("<none>"), std::string("echo:hi"));
    }

    void roundTripWithPercentDecodedId() {
        Journal journal;
        auto server = makeServer(journal);
        WsTestClient client;
        QVERIFY(!client.connect(server->port(), "/ocpp/CP%2F7"));
        QVERIFY(!client.sendText("[2,\"1\",\"Heartbeat\",{}]"));
        QCOMPARE(client.read().value_or("<none>"), std::string("echo:[2,\"1\",\"Heartbeat\",{}]"));
        QVERIFY(journal.contains("text CP/7 [2,\"1\",\"Heartbeat\",{}]"));
        QCOMPARE(server->connectionCount(), std::size_t(1));
        client.close();
        QTRY_VERIFY(journal.contains("close CP/7 #1 closed by the charger (code 1000)"));
        QTRY_COMPARE(server->connectionCount(), std::size_t(0));
    }

    void binaryFrameGoesToOnBinary() {
        Journal journal;
        auto server = makeServer(journal);
        WsTestClient client;
        QVERIFY(!client.connect(server->port(), "/ocpp/CP1"));
        QVERIFY(!client.sendBinary(std::string("\x00\x01\x02", 3)));
        QCOMPARE(client.read().value_or("<none>"), std::string("binary:3"));
        QVERIFY(!client.sendText("still here"));
        QCOMPARE(client.read().value_or("<none>"), std::string("echo:still here"));
    }

    void tooBigMessageClosesWith1009() {
        Journal journal;
        WsServerOptions options;
        options.maxMessageBytes = 64 * 1024;
        auto server = makeServer(journal, options);
        WsTestClient client;
        QVERIFY(!client.connect(server->port(), "/ocpp/CP1"));
        QVERIFY(!client.sendText(std::string(64 * 1024, 'x')));
        QCOMPARE(client.read().value_or("<none>").size(), std::size_t(5 + 64 * 1024));
        QVERIFY(!client.sendText(std::string(100 * 1024, 'x')));
        QVERIFY(!client.read().has_value());
        QVERIFY2(client.lastError() == websocket::error::closed, client.lastError().message().c_str());
        QCOMPARE(client.closeCode(), 1009);
        QTRY_VERIFY(journal.contains("close CP1 #1 message larger than 65536 bytes"));
    }

    void messagesFromAnotherThreadArriveInOrder() {
        Journal journal;
        auto server = makeServer(journal);
        WsTestClient client;
        QVERIFY(!client.connect(server->port(), "/ocpp/CP1"));
        QTRY_VERIFY(journal.contains("open CP1"));
        std::shared_ptr<WsSender> sender;
        {
            std::lock_guard lock(journal.mutex);
            sender = journal.senders["CP1"];
        }
        constexpr int kCount = 2000;
        std::thread a([&] {
            for (int i = 0; i < kCount; ++i) {
                sender->sendText(std::to_string(i));
            }
        });
        for (int i = 0; i < kCount; ++i) {
            const auto message = client.read();
            QVERIFY2(message.has_value(), client.lastError().message().c_str());
            QCOMPARE(*message, std::to_string(i));
        }
        a.join();
    }

    void newerConnectionReplacesOlder() {
        Journal journal;
        auto server = makeServer(journal);
        WsTestClient first;
        QVERIFY(!first.connect(server->port(), "/ocpp/CP9"));
        QTRY_VERIFY(journal.contains("open CP9 #1"));
        WsTestClient second;
        QVERIFY(!second.connect(server->port(), "/ocpp/CP9"));
        QTRY_VERIFY(journal.contains("open CP9 #2"));
        // The old handler is closed before the new one opens, so one charger's events never interleave.
        const int closedOld = journal.indexOf("close CP9 #1 replaced by a newer connection");
        QVERIFY(closedOld >= 0);
        QVERIFY(closedOld < journal.indexOf("open CP9 #2"));
        QVERIFY(!first.read().has_value());
        QCOMPARE(first.closeCode(), 1000);
        QVERIFY(!second.sendText("ping"));
        QCOMPARE(second.read().value_or("<none>"), std::string("echo:ping"));
        QCOMPARE(server->connectionCount(), std::size_t(1));
    }

    void handlerCanClose() {
        Journal journal;
        auto server = makeServer(journal);
        WsTestClient client;
        QVERIFY(!client.connect(server->port(), "/ocpp/CP1"));
        QTRY_VERIFY(journal.contains("open CP1"));
        {
            std::lock_guard lock(journal.mutex);
            journal.senders["CP1"]->sendText("bye");
            journal.senders["CP1"]->close("done");
        }
        QCOMPARE(client.read().value_or("<none>"), std::string("bye")); // queued text goes out first
        QVERIFY(!client.read().has_value());
        QCOMPARE(client.closeCode(), 1000);
        QTRY_VERIFY(journal.contains("close CP1 #1 done"));
    }

    void silentPeerIsPingedThenDropped() {
        Journal journal;
        WsServerOptions options;
        options.idleTimeout = std::chrono::seconds(1);
        auto server = makeServer(journal, options);
        WsTestClient client;
        QVERIFY(!client.connect(server->port(), "/ocpp/CP1"));
        // The client never reads, so it never answers the server's ping: dead after about 2 s.
        QTRY_VERIFY_WITH_TIMEOUT(journal.contains("close CP1 #1 no data and no answer to ping (timeout)"),
                                 6000);
    }

    void peerAnsweringPingsStaysConnected() {
        Journal journal;
        WsServerOptions options;
        options.idleTimeout = std::chrono::seconds(1);
        auto server = makeServer(journal, options);
        WsTestClient client;
        QVERIFY(!client.connect(server->port(), "/ocpp/CP1"));
        // A pending read answers pings (Beast does it inside read); nothing arrives for 3.5 s.
        QVERIFY(!client.read(std::chrono::milliseconds(3500)).has_value());
        QCOMPARE(client.lastError(), boost::beast::error_code(boost::asio::error::timed_out));
        QVERIFY(!journal.contains("close CP1"));
        QVERIFY(!client.sendText("alive"));
        QCOMPARE(client.read().value_or("<none>"), std::string("echo:alive"));
    }

    void stopClosesEveryConnection() {
        Journal journal;
        auto server = makeServer(journal);
        WsTestClient a;
        WsTestClient b;
        QVERIFY(!a.connect(server->port(), "/ocpp/A"));
        QVERIFY(!b.connect(server->port(), "/ocpp/B"));
        QTRY_COMPARE(server->connectionCount(), std::size_t(2));
        std::thread stopper([&] { server->stop(std::chrono::milliseconds(2000)); });
        QVERIFY(!a.read().has_value());
        QVERIFY(!b.read().has_value());
        stopper.join();
        // Which handler got which number depends on which handshake the io threads finished first.
        const auto closedOnShutdown = [&](const std::string& id) {
            const auto lines = journal.snapshot();
            return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
                return l.rfind("close " + id + " #", 0) == 0 && l.ends_with(" agent shutting down");
            });
        };
        QVERIFY(closedOnShutdown("A"));
        QVERIFY(closedOnShutdown("B"));
        WsTestClient late;
        QVERIFY(late.connect(server->port(), "/ocpp/C"));
    }

    void portInUseIsAClearError() {
        Journal journal;
        auto first = makeServer(journal);
        WsServerOptions options;
        options.host = "127.0.0.1";
        options.port = first->port();
        WsServer second(
            options, [](const AdmissionRequest&) { return Admission::Admit; },
            [](const std::string&, std::shared_ptr<WsSender>) { return nullptr; });
        try {
            second.start();
            QFAIL("start() should have thrown");
        } catch (const TransportError& e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.contains("cannot listen on 127.0.0.1:") && what.contains("in use"), e.what());
        }
    }

    void plainHttpGets426() {
        Journal journal;
        auto server = makeServer(journal);
        namespace net = boost::asio;
        namespace http = boost::beast::http;
        net::io_context ioc;
        net::ip::tcp::socket socket(ioc);
        socket.connect({net::ip::make_address("127.0.0.1"), server->port()});
        http::request<http::empty_body> request(http::verb::get, "/ocpp/CP1", 11);
        request.set(http::field::host, "127.0.0.1");
        http::write(socket, request);
        boost::beast::flat_buffer buffer;
        http::response<http::string_body> response;
        http::read(socket, buffer, response);
        QCOMPARE(response.result_int(), 426u);
    }
};

QTEST_GUILESS_MAIN(TestWsServer)
#include "tst_ws_server.moc"
