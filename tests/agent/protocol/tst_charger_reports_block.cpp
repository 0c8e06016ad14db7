// ChargerReportsBlock: firmware, diagnostics, signed firmware and log progress become maintenance
// events; security events reach the sink with their severity; DataTransfer gets UnknownVendorId.
#include "fake_charge_point_services.h"
#include "protocol/ocpp16-wire/rpc_frame.h"
#include "protocol/ocpp16/charger_reports_block.h"
#include "protocol/ocpp16/ocpp16_connection.h"

#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::ocpp16;
using Json = nlohmann::json;

namespace {

struct RecordingSink final : domain::SecurityEventSink {
    void report(const domain::SecurityEvent& event) override { events.push_back(event); }
    std::vector<domain::SecurityEvent> events;
};

struct Harness {
    testing::FakeChargePointServices services;
    RecordingSink sink;
    std::vector<std::string> sent;
    Ocpp16Connection connection{"CP-1", services,
                                [this](std::string frame) { sent.push_back(std::move(frame)); }};

    Harness() { connection.addBlock(std::make_unique<ChargerReportsBlock>(services, &sink)); }

    ParsedFrame exchange(const std::string& action, const Json& payload) {
        connection.onText(serialize(Call{"m1", action, payload}));
        return parseFrame(sent.back());
    }
};

} // namespace

class TstChargerReportsBlock : public QObject {
    Q_OBJECT

private slots:
    void maintenanceProgress_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("payload");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("status");
        using Kind = domain::MaintenanceStatusReported::Kind;
        QTest::newRow("firmware") << "FirmwareStatusNotification" << R"({"status":"Downloading"})"
                                  << static_cast<int>(Kind::Firmware) << "Downloading";
        QTest::newRow("diagnostics") << "DiagnosticsStatusNotification" << R"({"status":"Uploaded"})"
                                     << static_cast<int>(Kind::Diagnostics) << "Uploaded";
        QTest::newRow("signed firmware") << "SignedFirmwareStatusNotification"
                                         << R"({"status":"InvalidSignature","requestId":7})"
                                         << static_cast<int>(Kind::SignedFirmware) << "InvalidSignature";
        QTest::newRow("log") << "LogStatusNotification" << R"({"status":"Uploading","requestId":3})"
                             << static_cast<int>(Kind::Log) << "Uploading";
    }

    void maintenanceProgress() {
        QFETCH(QString, action);
        QFETCH(QString, payload);
        QFETCH(int, kind);
        QFETCH(QString, status);
        Harness h;
        const ParsedFrame reply = h.exchange(action.toStdString(), Json::parse(payload.toStdString()));
        QVERIFY(std::holds_alternative<CallResult>(reply));
        QCOMPARE(std::get<CallResult>(reply).payload, Json::object());
        const auto events = h.services.eventsOf<domain::MaintenanceStatusReported>();
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(static_cast<int>(events[0].kind), kind);
        QCOMPARE(events[0].status, status.toStdString());
    }

    void invalidStatusIsRefused() {
        Harness h;
        const ParsedFrame reply = h.exchange("FirmwareStatusNotification", {{"status", "Exploded"}});
        QVERIFY(std::holds_alternative<CallError>(reply));
        QVERIFY(std::get<CallError>(reply).code == ErrorCode::PropertyConstraintViolation);
        QVERIFY(h.services.events.empty());
    }

    void securityEventsReachTheSink() {
        Harness h;
        QVERIFY(std::holds_alternative<CallResult>(
            h.exchange("SecurityEventNotification", {{"type", "TamperDetectionActivated"},
                                                     {"timestamp", "2027-01-15T08:00:00Z"},
                                                     {"techInfo", "door"}})));
        QVERIFY(std::holds_alternative<CallResult>(
            h.exchange("SecurityEventNotification", {{"type", "InvalidCentralSystemCertificate"},
                                                     {"timestamp", "2027-01-15T08:00:01Z"}})));
        QCOMPARE(h.sink.events.size(), std::size_t(2));
        QCOMPARE(h.sink.events[0].type, std::string("TamperDetectionActivated"));
        QCOMPARE(h.sink.events[0].detail, std::string("door"));
        QCOMPARE(h.sink.events[0].chargerId, std::string("CP-1"));
        QVERIFY(h.sink.events[0].source == domain::SecurityEventSource::Charger);
        QVERIFY(h.sink.events[0].severity == domain::SecuritySeverity::Critical);
        QVERIFY(h.sink.events[1].severity == domain::SecuritySeverity::Info);
        QVERIFY(h.sink.events[0].chargerTime.has_value());
    }

    void dataTransferUnknownVendor() {
        Harness h;
        const ParsedFrame reply = h.exchange("DataTransfer", {{"vendorId", "com.example"}, {"data", "x"}});
        QCOMPARE(std::get<CallResult>(reply).payload, (Json{{"status", "UnknownVendorId"}}));
    }
};

QTEST_APPLESS_MAIN(TstChargerReportsBlock)
#include "tst_charger_reports_block.moc"
