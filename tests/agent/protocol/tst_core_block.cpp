// The core block alone: what it reports to the domain and how it answers, without a connection.
#include "fake_charge_point_services.h"
#include "protocol/ocpp16/core_block.h"

#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::ocpp16;
using Json = nlohmann::json;

namespace {

constexpr contract::EpochMs kNow = 1795686025123;

} // namespace

class TstCoreBlock : public QObject {
    Q_OBJECT

private slots:
    void handlesItsActionsOnly() {
        testing::FakeChargePointServices services;
        CoreBlock block(services);
        QVERIFY(block.handles("BootNotification"));
        QVERIFY(block.handles("Heartbeat"));
        QVERIFY(block.handles("StatusNotification"));
        QVERIFY(!block.handles("Authorize"));
        QVERIFY(!block.handles("heartbeat"));
    }

    void bootRecordsDecisionInSession() {
        testing::FakeChargePointServices services;
        services.decision = {domain::RegistrationStatus::Pending, std::chrono::seconds(30)};
        CoreBlock block(services);
        ConnectionSession session{"CP-1", std::nullopt};
        const Call call{"1", "BootNotification",
                        Json{{"chargePointVendor", "V"},
                             {"chargePointModel", "M"},
                             {"chargeBoxSerialNumber", "BOX"},
                             {"firmwareVersion", "9.9"}}};
        const CallReply reply = block.handle(IncomingCall{call, kNow, session, nullptr});
        const auto* payload = std::get_if<Json>(&reply);
        QVERIFY(payload != nullptr);
        QCOMPARE((*payload)["status"], Json("Pending"));
        QCOMPARE((*payload)["interval"], Json(30));
        QCOMPARE((*payload)["currentTime"], Json(contract::toIso8601(kNow)));
        QVERIFY(session.registration == domain::RegistrationStatus::Pending);
        const auto booted = services.eventsOf<domain::ChargerBooted>();
        QCOMPARE(booted.size(), std::size_t(1));
        QCOMPARE(booted[0].chargerId, std::string("CP-1"));
        QCOMPARE(booted[0].serialNumber, std::string("BOX")); // deprecated field used when it is the only one
        QCOMPARE(booted[0].firmwareVersion, std::string("9.9"));
        QCOMPARE(booted[0].at, kNow);
    }

    void invalidPayloadReportsNothing() {
        testing::FakeChargePointServices services;
        CoreBlock block(services);
        ConnectionSession session{"CP-1", std::nullopt};
        const Call call{"1", "BootNotification", Json{{"chargePointVendor", "V"}}};
        const CallReply reply = block.handle(IncomingCall{call, kNow, session, nullptr});
        const auto* error = std::get_if<PayloadError>(&reply);
        QVERIFY(error != nullptr);
        QVERIFY(error->code == ErrorCode::OccurenceConstraintViolation);
        QVERIFY(services.events.empty());
        QVERIFY(!session.registration);
    }

    void statusNotificationMapsEveryField() {
        testing::FakeChargePointServices services;
        CoreBlock block(services);
        ConnectionSession session{"CP-9", std::nullopt};
        const Call call{"7", "StatusNotification",
                        Json{{"connectorId", 2},
                             {"errorCode", "GroundFailure"},
                             {"status", "SuspendedEVSE"},
                             {"info", "i"},
                             {"vendorErrorCode", "E1"},
                             {"timestamp", "2026-11-26T09:00:00Z"}}};
        const CallReply reply = block.handle(IncomingCall{call, kNow, session, nullptr});
        QCOMPARE(std::get<Json>(reply), Json::object());
        const auto reports = services.eventsOf<domain::ConnectorStatusReported>();
        QCOMPARE(reports.size(), std::size_t(1));
        const auto& r = reports[0];
        QCOMPARE(r.chargerId, std::string("CP-9"));
        QCOMPARE(r.connectorId, 2);
        QVERIFY(r.status == contract::ConnectorStatus::SuspendedEVSE);
        QCOMPARE(r.errorCode, std::string("GroundFailure"));
        QCOMPARE(r.info, std::string("i"));
        QCOMPARE(r.vendorErrorCode, std::string("E1"));
        QCOMPARE(r.at, *contract::parseIso8601("2026-11-26T09:00:00Z"));
        QCOMPARE(r.receivedAt, kNow);
    }

    void statusMappingIsOneToOne() {
        for (const char* name : {"Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV",
                                 "Finishing", "Reserved", "Unavailable", "Faulted"}) {
            const auto wire = chargePointStatusFromString(name);
            QVERIFY(wire);
            QCOMPARE(contract::toString(toConnectorStatus(*wire)), std::string_view(name));
        }
    }
};

QTEST_APPLESS_MAIN(TstCoreBlock)
#include "tst_core_block.moc"
