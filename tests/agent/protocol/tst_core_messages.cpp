// OCPP 1.6 Core messages: encode → decode round trips in both directions, and each schema violation
// refused with the CALLERROR code OCPP-J 1.6 gives it.
#include "message_checks.h"
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

    void everyCoreMessageRoundTrips() {
        examples::verifyAction<"Authorize">();
        examples::verifyAction<"BootNotification">();
        examples::verifyAction<"ChangeAvailability">();
        examples::verifyAction<"ChangeConfiguration">();
        examples::verifyAction<"ClearCache">();
        examples::verifyAction<"DataTransfer">();
        examples::verifyAction<"GetConfiguration">();
        examples::verifyAction<"Heartbeat">();
        examples::verifyAction<"MeterValues">();
        examples::verifyAction<"RemoteStartTransaction">();
        examples::verifyAction<"RemoteStopTransaction">();
        examples::verifyAction<"Reset">();
        examples::verifyAction<"StartTransaction">();
        examples::verifyAction<"StatusNotification">();
        examples::verifyAction<"StopTransaction">();
        examples::verifyAction<"UnlockConnector">();
    }

    void absentOptionalsAreNotSent() {
        QCOMPARE(encode(StopTransactionConfirmation{}), Json::object());
        QCOMPARE(encode(GetConfigurationRequest{}), Json::object());
        QCOMPARE(encode(RemoteStartTransactionRequest{std::nullopt, "TAG", std::nullopt}),
                 Json({{"idTag", "TAG"}}));
        const Json sampled =
            encode(MeterValuesRequest{1, std::nullopt, {{examples::kT0, {{"5", {}, {}, {}, {}, {}, {}}}}}});
        QCOMPARE(sampled,
                 Json::parse(R"({"connectorId":1,"meterValue":[{"timestamp":"2026-11-26T09:40:25.123Z",
                                         "sampledValue":[{"value":"5"}]}]})"));
    }

    void wireSpellings() {
        const Json j = encode(examples::example<MeterValuesRequest>());
        const Json& sv = j["meterValue"][0]["sampledValue"][0];
        QCOMPARE(sv["context"], Json("Sample.Periodic"));
        QCOMPARE(sv["measurand"], Json("Energy.Active.Import.Register"));
        QCOMPARE(sv["phase"], Json("L1-N"));
        QCOMPARE(sv["unit"], Json("kWh"));
        QCOMPARE(j["meterValue"][0]["sampledValue"][1]["unit"], Json("Celcius"));
        const Json profile = encode(examples::example<RemoteStartTransactionRequest>())["chargingProfile"];
        QCOMPARE(profile["chargingSchedule"]["chargingSchedulePeriod"][1]["limit"], Json(7400.5));
        QCOMPARE(profile["validTo"], Json("2026-11-26T10:40:25.123Z"));
        QCOMPARE(encode(examples::example<StopTransactionRequest>())["reason"], Json("EVDisconnected"));
    }

    void bothCelsiusSpellingsReadAsCelsius() {
        for (const char* spelling : {"Celcius", "Celsius"}) {
            Json p = encode(examples::example<MeterValuesRequest>());
            p["meterValue"][0]["sampledValue"][0]["unit"] = spelling;
            const auto meter = decode<MeterValuesRequest>(p);
            QVERIFY2(meter, spelling);
            QVERIFY(meter.value().meterValue[0].sampledValue[0].unit == UnitOfMeasure::Celsius);
            Json stop = encode(examples::example<StopTransactionRequest>());
            stop["transactionData"][0]["sampledValue"][2]["unit"] = spelling;
            const auto stopped = decode<StopTransactionRequest>(stop);
            QVERIFY2(stopped, spelling);
            QVERIFY(stopped.value().transactionData.value()[0].sampledValue[2].unit ==
                    UnitOfMeasure::Celsius);
        }
        QCOMPARE(toString(UnitOfMeasure::Celsius), std::string_view("Celcius"));
        QVERIFY(fromString<UnitOfMeasure>("celsius") == std::nullopt);
    }

    void nestedViolationsNameTheirPath_data() {
        QTest::addColumn<QByteArray>("action");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, const char* action, const Json& p, const char* expected) {
            QTest::newRow(name) << QByteArray(action) << QByteArray::fromStdString(p.dump())
                                << QString(expected);
        };
        const Json meter = encode(examples::example<MeterValuesRequest>());
        Json p = meter;
        p["meterValue"][0]["sampledValue"][2]["unit"] = "Celsiuss";
        row("unit unknown", "MeterValues", p,
            "PropertyConstraintViolation at meterValue[0].sampledValue[2].unit");
        p = meter;
        p["meterValue"][1]["sampledValue"][0]["value"] = 12.5;
        row("value as number", "MeterValues", p,
            "TypeConstraintViolation at meterValue[1].sampledValue[0].value");
        p = meter;
        p["meterValue"][1]["sampledValue"][1].erase("value");
        row("value missing", "MeterValues", p,
            "OccurenceConstraintViolation at meterValue[1].sampledValue[1].value");
        p = meter;
        p["meterValue"][0].erase("timestamp");
        row("timestamp missing", "MeterValues", p, "OccurenceConstraintViolation at meterValue[0].timestamp");
        p = meter;
        p["meterValue"][1] = "reading";
        row("element not object", "MeterValues", p, "TypeConstraintViolation at meterValue[1]");
        p = meter;
        p["meterValue"] = Json::object();
        row("array is object", "MeterValues", p, "TypeConstraintViolation at meterValue");
        p = meter;
        p.erase("meterValue");
        row("array missing", "MeterValues", p, "OccurenceConstraintViolation at meterValue");
        p = meter;
        p["meterValue"][0]["sampledValue"][0]["phase"] = "L1N";
        row("phase spelling", "MeterValues", p,
            "PropertyConstraintViolation at meterValue[0].sampledValue[0].phase");
        p = meter;
        p["transactionId"] = "42";
        row("transactionId string", "MeterValues", p, "TypeConstraintViolation at transactionId");

        const Json stop = encode(examples::example<StopTransactionRequest>());
        p = stop;
        p["transactionData"][0]["sampledValue"][1]["measurand"] = "Energy";
        row("stop measurand", "StopTransaction", p,
            "PropertyConstraintViolation at transactionData[0].sampledValue[1].measurand");
        p = stop;
        p["reason"] = "Unplugged";
        row("stop reason", "StopTransaction", p, "PropertyConstraintViolation at reason");
        p = stop;
        p["meterStop"] = 1.5;
        row("meterStop float", "StopTransaction", p, "TypeConstraintViolation at meterStop");

        const Json start = encode(examples::example<RemoteStartTransactionRequest>());
        p = start;
        p["chargingProfile"]["chargingSchedule"]["chargingSchedulePeriod"][1]["limit"] = 7.25;
        row("limit not tenths", "RemoteStartTransaction", p,
            "PropertyConstraintViolation at "
            "chargingProfile.chargingSchedule.chargingSchedulePeriod[1].limit");
        p = start;
        p["chargingProfile"]["chargingSchedule"]["chargingSchedulePeriod"][0]["limit"] = "16";
        row("limit string", "RemoteStartTransaction", p,
            "TypeConstraintViolation at chargingProfile.chargingSchedule.chargingSchedulePeriod[0].limit");
        p = start;
        p["chargingProfile"]["chargingSchedule"].erase("chargingRateUnit");
        row("rate unit missing", "RemoteStartTransaction", p,
            "OccurenceConstraintViolation at chargingProfile.chargingSchedule.chargingRateUnit");
        p = start;
        p["chargingProfile"]["validFrom"] = "tomorrow";
        row("validFrom", "RemoteStartTransaction", p,
            "PropertyConstraintViolation at chargingProfile.validFrom");
        p = start;
        p["chargingProfile"] = Json::array();
        row("profile array", "RemoteStartTransaction", p, "TypeConstraintViolation at chargingProfile");

        p = encode(examples::example<StartTransactionConfirmation>());
        p["idTagInfo"].erase("status");
        row("idTagInfo status", "StartTransaction.conf", p,
            "OccurenceConstraintViolation at idTagInfo.status");
        p = encode(examples::example<StartTransactionConfirmation>());
        p["idTagInfo"]["parentIdTag"] = std::string(21, 'p');
        row("parentIdTag 21", "StartTransaction.conf", p,
            "PropertyConstraintViolation at idTagInfo.parentIdTag");

        p = encode(examples::example<GetConfigurationRequest>());
        p["key"][1] = 5;
        row("key element number", "GetConfiguration", p, "TypeConstraintViolation at key[1]");
        p["key"][1] = std::string(51, 'k');
        row("key element 51", "GetConfiguration", p, "PropertyConstraintViolation at key[1]");
        p["key"] = "HeartbeatInterval";
        row("key not array", "GetConfiguration", p, "TypeConstraintViolation at key");
        p = encode(examples::example<GetConfigurationConfirmation>());
        p["configurationKey"][1]["readonly"] = "true";
        row("readonly string", "GetConfiguration.conf", p,
            "TypeConstraintViolation at configurationKey[1].readonly");
        p["configurationKey"][1].erase("readonly");
        row("readonly missing", "GetConfiguration.conf", p,
            "OccurenceConstraintViolation at configurationKey[1].readonly");
        p = encode(examples::example<GetConfigurationConfirmation>());
        p["configurationKey"][0]["value"] = std::string(501, 'v');
        row("value 501", "GetConfiguration.conf", p,
            "PropertyConstraintViolation at configurationKey[0].value");
        p = encode(examples::example<ChangeConfigurationRequest>());
        p["value"] = std::string(501, 'v');
        row("change value 501", "ChangeConfiguration", p, "PropertyConstraintViolation at value");
        p = encode(examples::example<ChangeAvailabilityRequest>());
        p["type"] = "Operational";
        row("availability type", "ChangeAvailability", p, "PropertyConstraintViolation at type");
        row("payload array", "ChangeAvailability", Json::array(), "FormationViolation at ");
    }

    void nestedViolationsNameTheirPath() {
        QFETCH(QByteArray, action);
        QFETCH(QByteArray, payload);
        QFETCH(QString, expected);
        const Json p = Json::parse(payload.toStdString());
        const std::string a = action.toStdString();
        QString got;
        if (a == "MeterValues") {
            got = examples::violation<MeterValuesRequest>(p);
        } else if (a == "StopTransaction") {
            got = examples::violation<StopTransactionRequest>(p);
        } else if (a == "RemoteStartTransaction") {
            got = examples::violation<RemoteStartTransactionRequest>(p);
        } else if (a == "StartTransaction.conf") {
            got = examples::violation<StartTransactionConfirmation>(p);
        } else if (a == "GetConfiguration") {
            got = examples::violation<GetConfigurationRequest>(p);
        } else if (a == "GetConfiguration.conf") {
            got = examples::violation<GetConfigurationConfirmation>(p);
        } else if (a == "ChangeConfiguration") {
            got = examples::violation<ChangeConfigurationRequest>(p);
        } else if (a == "ChangeAvailability") {
            got = examples::violation<ChangeAvailabilityRequest>(p);
        }
        QCOMPARE(got, expected);
    }

    void numbersAndTexts() {
        Json p = encode(examples::example<RemoteStartTransactionRequest>());
        auto& period = p["chargingProfile"]["chargingSchedule"]["chargingSchedulePeriod"][0];
        for (const Json& limit : {Json(16), Json(0.3), Json(6.1), Json(-3.2), Json(32.0)}) {
            period["limit"] = limit;
            const auto back = decode<RemoteStartTransactionRequest>(p);
            QVERIFY2(back, limit.dump().c_str());
            QCOMPARE(back.value().chargingProfile->chargingSchedule.chargingSchedulePeriod[0].limit,
                     limit.get<double>());
        }
        Json data = encode(examples::example<DataTransferRequest>());
        data["data"] = std::string(100'000, 'd'); // the schema does not bound data
        QVERIFY(decode<DataTransferRequest>(data));
        Json start = encode(examples::example<StartTransactionRequest>());
        QCOMPARE(start["meterStart"], Json(5'000'000'000LL));
        start["connectorId"] = -1;
        QCOMPARE(examples::violation<StartTransactionRequest>(start),
                 QString("PropertyConstraintViolation at connectorId"));
        QVERIFY(decode<GetConfigurationRequest>(Json{{"key", Json::array()}}));
    }

    void registryKnowsEveryAction() {
        QCOMPARE(allActions().size(), std::size_t(39)); // checks of all of them: tst_profile_messages
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
        QVERIFY(authorize != nullptr && authorize->checkRequest != nullptr);
        QVERIFY(findAction("TriggerMessage")->profile == FeatureProfile::RemoteTrigger);
        QVERIFY(findAction("DataTransfer")->initiator == Initiator::Either);
        QVERIFY(findAction("heartbeat") == nullptr);
        QVERIFY(findAction("FooBar") == nullptr);
        QVERIFY(findAction("") == nullptr);
    }
};

QTEST_APPLESS_MAIN(TstCoreMessages)
#include "tst_core_messages.moc"
