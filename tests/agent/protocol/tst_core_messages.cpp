// OCPP 1.6 Core messages: encode → decode round trips in both directions, and each schema violation
// refused with the CALLERROR code OCPP-J 1.6 gives it.
#include "protocol/ocpp16-wire/action_registry.h"
#include "protocol/ocpp16-wire/core.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace voltdesk::ocpp16;
using Json = nlohmann::json;

namespace {

Json bootPayload() {
    return Json{{"chargePointVendor", "Alpitronic"}, {"chargePointModel", "HYC300"}};
}

Json statusPayload() {
    return Json{{"connectorId", 1}, {"errorCode", "NoError"}, {"status", "Available"}};
}

template <typename T> ErrorCode codeOf(const Json& payload) {
    const auto result = decode<T>(payload);
    if (result) {
        return ErrorCode::GenericError; // "no error" shows up as a mismatch in the test
    }
    return result.error().code;
}

} // namespace

class TstCoreMessages : public QObject {
    Q_OBJECT

private slots:
    void bootRequestRoundTrip() {
        BootNotificationRequest m;
        m.chargePointVendor = "Alpitronic";
        m.chargePointModel = "HYC300";
        m.chargePointSerialNumber = "SN-1";
        m.chargeBoxSerialNumber = "BOX-1";
        m.firmwareVersion = "1.2.3";
        m.iccid = "8949";
        m.imsi = "262";
        m.meterType = "EEM";
        m.meterSerialNumber = "M-1";
        const auto back = decode<BootNotificationRequest>(encode(m));
        QVERIFY(back);
        QVERIFY(back.value() == m);
    }

    void bootRequestMinimal() {
        const auto back = decode<BootNotificationRequest>(bootPayload());
        QVERIFY(back);
        QCOMPARE(back.value().chargePointVendor, std::string("Alpitronic"));
        QVERIFY(!back.value().firmwareVersion);
        QCOMPARE(encode(back.value()), bootPayload()); // absent optionals are not sent
    }

    void bootRequestIgnoresUnknownFieldsAndNullOptionals() {
        Json p = bootPayload();
        p["vendorSpecificThing"] = Json{{"x", 1}};
        p["firmwareVersion"] = nullptr;
        const auto back = decode<BootNotificationRequest>(p);
        QVERIFY(back);
        QVERIFY(!back.value().firmwareVersion);
    }

    void bootRequestViolations_data() {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("code");
        const auto row = [](const char* name, Json p, const char* code) {
            QTest::newRow(name) << QByteArray::fromStdString(p.dump()) << QString(code);
        };
        Json p = bootPayload();
        p.erase("chargePointVendor");
        row("vendor missing", p, "OccurenceConstraintViolation");
        p = bootPayload();
        p.erase("chargePointModel");
        row("model missing", p, "OccurenceConstraintViolation");
        row("empty payload", Json::object(), "OccurenceConstraintViolation");
        p = bootPayload();
        p["chargePointVendor"] = 42;
        row("vendor number", p, "TypeConstraintViolation");
        p = bootPayload();
        p["chargePointVendor"] = nullptr;
        row("required null", p, "TypeConstraintViolation");
        p = bootPayload();
        p["chargePointModel"] = Json::array({"HYC"});
        row("model array", p, "TypeConstraintViolation");
        p = bootPayload();
        p["chargePointVendor"] = std::string(21, 'v');
        row("vendor 21 chars", p, "PropertyConstraintViolation");
        p = bootPayload();
        p["firmwareVersion"] = std::string(51, 'f');
        row("firmware 51 chars", p, "PropertyConstraintViolation");
        p = bootPayload();
        p["chargePointSerialNumber"] = std::string(26, 's');
        row("serial 26 chars", p, "PropertyConstraintViolation");
        p = bootPayload();
        p["iccid"] = true;
        row("iccid bool", p, "TypeConstraintViolation");
    }

    void bootRequestViolations() {
        QFETCH(QByteArray, payload);
        QFETCH(QString, code);
        const auto result = decode<BootNotificationRequest>(Json::parse(payload.toStdString()));
        QVERIFY(!result);
        QCOMPARE(QString::fromStdString(std::string(toString(result.error().code))), code);
        QVERIFY(!result.error().description.empty());
    }

    void ciStringLimitCountsCharactersNotBytes() {
        Json p = bootPayload();
        p["chargePointVendor"] = std::string(20, 'v');
        QVERIFY(decode<BootNotificationRequest>(p));
        std::string umlauts;
        for (int i = 0; i < 20; ++i) {
            umlauts += "\xc3\xbc"; // ü: 2 bytes, 1 character
        }
        p["chargePointVendor"] = umlauts;
        QVERIFY(decode<BootNotificationRequest>(p));
        p["chargePointVendor"] = umlauts + "x";
        QVERIFY(codeOf<BootNotificationRequest>(p) == ErrorCode::PropertyConstraintViolation);
    }

    void bootConfirmationRoundTrip() {
        const BootNotificationConfirmation m{RegistrationStatus::Pending, 1795686025123, 60};
        const Json j = encode(m);
        QCOMPARE(j["status"], Json("Pending"));
        QCOMPARE(j["currentTime"], Json("2026-11-26T09:40:25.123Z"));
        QCOMPARE(j["interval"], Json(60));
        const auto back = decode<BootNotificationConfirmation>(j);
        QVERIFY(back);
        QVERIFY(back.value() == m);
    }

    void bootConfirmationViolations() {
        const Json good = encode(BootNotificationConfirmation{RegistrationStatus::Accepted, 0, 300});
        Json p = good;
        p["status"] = "Maybe";
        QVERIFY(codeOf<BootNotificationConfirmation>(p) == ErrorCode::PropertyConstraintViolation);
        p = good;
        p["currentTime"] = "yesterday";
        QVERIFY(codeOf<BootNotificationConfirmation>(p) == ErrorCode::PropertyConstraintViolation);
        p = good;
        p.erase("interval");
        QVERIFY(codeOf<BootNotificationConfirmation>(p) == ErrorCode::OccurenceConstraintViolation);
        p = good;
        p["interval"] = "300";
        QVERIFY(codeOf<BootNotificationConfirmation>(p) == ErrorCode::TypeConstraintViolation);
        p = good;
        p["interval"] = 1.5;
        QVERIFY(codeOf<BootNotificationConfirmation>(p) == ErrorCode::TypeConstraintViolation);
    }

    void heartbeat() {
        QVERIFY(decode<HeartbeatRequest>(Json::object()));
        QVERIFY(decode<HeartbeatRequest>(Json{{"extra", 1}}));
        QCOMPARE(encode(HeartbeatRequest{}), Json::object());
        const auto conf = decode<HeartbeatConfirmation>(encode(HeartbeatConfirmation{1795686025000}));
        QVERIFY(conf);
        QCOMPARE(conf.value().currentTime, 1795686025000);
        QVERIFY(codeOf<HeartbeatConfirmation>(Json::object()) == ErrorCode::OccurenceConstraintViolation);
        QVERIFY(codeOf<HeartbeatConfirmation>(Json{{"currentTime", 5}}) ==
                ErrorCode::TypeConstraintViolation);
    }

    void payloadMustBeObject() {
        QVERIFY(codeOf<HeartbeatRequest>(Json::array()) == ErrorCode::FormationViolation);
        QVERIFY(codeOf<StatusNotificationRequest>(Json("x")) == ErrorCode::FormationViolation);
    }

    void statusRequestRoundTrip() {
        StatusNotificationRequest m;
        m.connectorId = 2;
        m.errorCode = ChargePointErrorCode::GroundFailure;
        m.info = "earth leak";
        m.status = ChargePointStatus::Faulted;
        m.timestamp = 1795686025123;
        m.vendorId = "com.example";
        m.vendorErrorCode = "E-17";
        const auto back = decode<StatusNotificationRequest>(encode(m));
        QVERIFY(back);
        QVERIFY(back.value() == m);
    }

    void statusRequestMinimalAndOffsets() {
        Json p = statusPayload();
        p["connectorId"] = 0;
        p["timestamp"] = "2026-11-26T10:40:25+01:00";
        const auto back = decode<StatusNotificationRequest>(p);
        QVERIFY(back);
        QCOMPARE(back.value().connectorId, 0);
        QCOMPARE(back.value().timestamp.value_or(0), 1795686025000);
        QVERIFY(decode<StatusNotificationConfirmation>(Json::object()));
    }

    void everyStatusAndErrorCode() {
        for (const char* s : {"Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV",
                              "Finishing", "Reserved", "Unavailable", "Faulted"}) {
            Json p = statusPayload();
            p["status"] = s;
            const auto back = decode<StatusNotificationRequest>(p);
            QVERIFY2(back, s);
            QCOMPARE(toString(back.value().status), std::string_view(s));
        }
        for (const char* e : {"ConnectorLockFailure", "EVCommunicationError", "GroundFailure",
                              "HighTemperature", "InternalError", "LocalListConflict", "NoError",
                              "OtherError", "OverCurrentFailure", "PowerMeterFailure", "PowerSwitchFailure",
                              "ReaderFailure", "ResetFailure", "UnderVoltage", "OverVoltage", "WeakSignal"}) {
            Json p = statusPayload();
            p["errorCode"] = e;
            const auto back = decode<StatusNotificationRequest>(p);
            QVERIFY2(back, e);
            QCOMPARE(toString(back.value().errorCode), std::string_view(e));
        }
    }

    void statusRequestViolations_data() {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("code");
        const auto row = [](const char* name, const char* key, Json value, const char* code) {
            Json p = statusPayload();
            if (value.is_discarded()) {
                p.erase(key);
            } else {
                p[key] = value;
            }
            QTest::newRow(name) << QByteArray::fromStdString(p.dump()) << QString(code);
        };
        const Json missing = Json(Json::value_t::discarded);
        row("connectorId missing", "connectorId", missing, "OccurenceConstraintViolation");
        row("status missing", "status", missing, "OccurenceConstraintViolation");
        row("errorCode missing", "errorCode", missing, "OccurenceConstraintViolation");
        row("connectorId negative", "connectorId", -1, "PropertyConstraintViolation");
        row("connectorId string", "connectorId", "1", "TypeConstraintViolation");
        row("connectorId float", "connectorId", 1.0, "TypeConstraintViolation");
        row("connectorId huge", "connectorId", 99999999999LL, "PropertyConstraintViolation");
        row("connectorId huge unsigned", "connectorId", 18446744073709551615ULL,
            "PropertyConstraintViolation");
        row("connectorId bool", "connectorId", true, "TypeConstraintViolation");
        row("status unknown", "status", "Occupied", "PropertyConstraintViolation");
        row("status lower case", "status", "available", "PropertyConstraintViolation");
        row("status number", "status", 1, "TypeConstraintViolation");
        row("errorCode unknown", "errorCode", "Meltdown", "PropertyConstraintViolation");
        row("info 51 chars", "info", std::string(51, 'i'), "PropertyConstraintViolation");
        row("info object", "info", Json::object(), "TypeConstraintViolation");
        row("vendorId 256 chars", "vendorId", std::string(256, 'v'), "PropertyConstraintViolation");
        row("vendorErrorCode 51 chars", "vendorErrorCode", std::string(51, 'e'),
            "PropertyConstraintViolation");
        row("timestamp malformed", "timestamp", "26/11/2026 10:40", "PropertyConstraintViolation");
        row("timestamp number", "timestamp", 1795686025, "TypeConstraintViolation");
    }

    void statusRequestViolations() {
        QFETCH(QByteArray, payload);
        QFETCH(QString, code);
        const auto result = decode<StatusNotificationRequest>(Json::parse(payload.toStdString()));
        QVERIFY(!result);
        QCOMPARE(QString::fromStdString(std::string(toString(result.error().code))), code);
    }

    void firstViolationWins() {
        Json p = statusPayload();
        p.erase("connectorId");
        p["status"] = "Nope";
        const auto result = decode<StatusNotificationRequest>(p);
        QVERIFY(!result);
        QVERIFY(result.error().code == ErrorCode::OccurenceConstraintViolation);
        QVERIFY(result.error().description.find("connectorId") != std::string::npos);
    }

    void registryKnowsEveryAction() {
        QCOMPARE(allActions().size(), std::size_t(28));
        const ActionSpec* heartbeat = findAction("Heartbeat");
        QVERIFY(heartbeat != nullptr);
        QVERIFY(heartbeat->profile == FeatureProfile::Core);
        QVERIFY(heartbeat->initiator == Initiator::ChargePoint);
        QVERIFY(heartbeat->checkRequest != nullptr && heartbeat->checkConfirmation != nullptr);
        QVERIFY(!heartbeat->checkRequest(Json::object()));
        const ActionSpec* boot = findAction("BootNotification");
        QVERIFY(boot != nullptr);
        const auto error = boot->checkRequest(Json::object());
        QVERIFY(error && error->code == ErrorCode::OccurenceConstraintViolation);
        const ActionSpec* authorize = findAction("Authorize");
        QVERIFY(authorize != nullptr && authorize->checkRequest == nullptr);
        QVERIFY(findAction("TriggerMessage")->profile == FeatureProfile::RemoteTrigger);
        QVERIFY(findAction("DataTransfer")->initiator == Initiator::Either);
        QVERIFY(findAction("heartbeat") == nullptr);
        QVERIFY(findAction("FooBar") == nullptr);
        QVERIFY(findAction("") == nullptr);
    }
};

QTEST_APPLESS_MAIN(TstCoreMessages)
#include "tst_core_messages.moc"
