// OCPP 1.6 Firmware, Local Auth List, Reservation, Smart Charging, Remote Trigger and Security
// Whitepaper messages: round trips, violations with their code and path, and the action registry.
#include "message_checks.h"
#include "protocol/ocpp16-wire/action_registry.h"
#include "protocol/ocpp16-wire/messages.h"

#include <QtTest>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

using namespace voltdesk::ocpp16;
using examples::example;
using Json = nlohmann::json;

namespace {

// "Code at path" as the registry's check of that action reports it, or "no violation".
QString registryViolation(const std::string& action, bool confirmation, const Json& payload) {
    const ActionSpec* spec = findAction(action);
    if (spec == nullptr) {
        return "unknown action";
    }
    const auto error = confirmation ? spec->checkConfirmation(payload) : spec->checkRequest(payload);
    if (!error) {
        return "no violation";
    }
    return QString::fromStdString(std::string(toString(error->code)) + " at " + error->path);
}

template <typename T> Json with(const std::string& pointer, const Json& value) {
    Json p = encode(example<T>());
    p[Json::json_pointer(pointer)] = value;
    return p;
}

template <typename T> Json without(const std::string& pointer) {
    Json p = encode(example<T>());
    const Json::json_pointer ptr(pointer);
    p[ptr.parent_pointer()].erase(ptr.back());
    return p;
}

// Examples of every action's request and confirmation, encoded, for the registry test.
template <ActionName Name> std::pair<Json, Json> encodedExample() {
    using Types = Action<Name>;
    return {encode(example<typename Types::Request>()), encode(example<typename Types::Confirmation>())};
}

} // namespace

class TstProfileMessages : public QObject {
    Q_OBJECT

private slots:
    void everyProfileMessageRoundTrips() {
        examples::verifyAction<"GetDiagnostics">();
        examples::verifyAction<"DiagnosticsStatusNotification">();
        examples::verifyAction<"FirmwareStatusNotification">();
        examples::verifyAction<"UpdateFirmware">();
        examples::verifyAction<"GetLocalListVersion">();
        examples::verifyAction<"SendLocalList">();
        examples::verifyAction<"ReserveNow">();
        examples::verifyAction<"CancelReservation">();
        examples::verifyAction<"SetChargingProfile">();
        examples::verifyAction<"ClearChargingProfile">();
        examples::verifyAction<"GetCompositeSchedule">();
        examples::verifyAction<"TriggerMessage">();
        examples::verifyAction<"SecurityEventNotification">();
        examples::verifyAction<"SignCertificate">();
        examples::verifyAction<"CertificateSigned">();
        examples::verifyAction<"InstallCertificate">();
        examples::verifyAction<"DeleteCertificate">();
        examples::verifyAction<"GetInstalledCertificateIds">();
        examples::verifyAction<"GetLog">();
        examples::verifyAction<"LogStatusNotification">();
        examples::verifyAction<"SignedUpdateFirmware">();
        examples::verifyAction<"SignedFirmwareStatusNotification">();
        examples::verifyAction<"ExtendedTriggerMessage">();
    }

    void wireSpellings() {
        QCOMPARE(
            encode(
                example<GetInstalledCertificateIdsConfirmation>())["certificateHashData"][0]["hashAlgorithm"],
            Json("SHA384"));
        QCOMPARE(encode(example<ExtendedTriggerMessageRequest>())["requestedMessage"],
                 Json("SignChargePointCertificate"));
        QCOMPARE(encode(example<GetLogConfirmation>()).count("filename"), std::size_t(1));
        QCOMPARE(encode(example<GetDiagnosticsConfirmation>()).count("fileName"), std::size_t(1));
        QCOMPARE(encode(example<SignedUpdateFirmwareRequest>())["firmware"]["installDateTime"],
                 Json("2026-11-26T10:40:25.123Z"));
        QCOMPARE(encode(example<SendLocalListRequest>())["localAuthorizationList"][1],
                 Json({{"idTag", "TAG-2"}}));
        QCOMPARE(encode(ClearChargingProfileRequest{}), Json::object());
        QCOMPARE(encode(GetCompositeScheduleConfirmation{}), Json({{"status", "Accepted"}}));
    }

    void violations_data() {
        QTest::addColumn<QByteArray>("action");
        QTest::addColumn<bool>("confirmation");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, const char* action, bool conf, const Json& p,
                            const char* expected) {
            QTest::newRow(name) << QByteArray(action) << conf << QByteArray::fromStdString(p.dump())
                                << QString(expected);
        };
        // Firmware Management
        row("location not a URI", "GetDiagnostics", false,
            with<GetDiagnosticsRequest>("/location", "diag server"),
            "PropertyConstraintViolation at location");
        row("location relative", "UpdateFirmware", false,
            with<UpdateFirmwareRequest>("/location", "/fw/1.bin"), "PropertyConstraintViolation at location");
        row("location missing", "GetDiagnostics", false, without<GetDiagnosticsRequest>("/location"),
            "OccurenceConstraintViolation at location");
        row("retries float", "UpdateFirmware", false, with<UpdateFirmwareRequest>("/retries", 1.5),
            "TypeConstraintViolation at retries");
        row("retrieveDate", "UpdateFirmware", false, with<UpdateFirmwareRequest>("/retrieveDate", "now"),
            "PropertyConstraintViolation at retrieveDate");
        row("fileName 256", "GetDiagnostics", true,
            with<GetDiagnosticsConfirmation>("/fileName", std::string(256, 'f')),
            "PropertyConstraintViolation at fileName");
        row("firmware status", "FirmwareStatusNotification", false,
            with<FirmwareStatusNotificationRequest>("/status", "DownloadScheduled"),
            "PropertyConstraintViolation at status");
        // Local Auth List Management
        row("list entry status", "SendLocalList", false,
            with<SendLocalListRequest>("/localAuthorizationList/0/idTagInfo/status", "Unknown"),
            "PropertyConstraintViolation at localAuthorizationList[0].idTagInfo.status");
        row("list entry idTag 21", "SendLocalList", false,
            with<SendLocalListRequest>("/localAuthorizationList/1/idTag", std::string(21, 't')),
            "PropertyConstraintViolation at localAuthorizationList[1].idTag");
        row("list entry idTag missing", "SendLocalList", false,
            without<SendLocalListRequest>("/localAuthorizationList/1/idTag"),
            "OccurenceConstraintViolation at localAuthorizationList[1].idTag");
        row("updateType missing", "SendLocalList", false, without<SendLocalListRequest>("/updateType"),
            "OccurenceConstraintViolation at updateType");
        row("listVersion string", "GetLocalListVersion", true,
            with<GetLocalListVersionConfirmation>("/listVersion", "3"),
            "TypeConstraintViolation at listVersion");
        // Reservation
        row("expiryDate missing", "ReserveNow", false, without<ReserveNowRequest>("/expiryDate"),
            "OccurenceConstraintViolation at expiryDate");
        row("parentIdTag 21", "ReserveNow", false,
            with<ReserveNowRequest>("/parentIdTag", std::string(21, 'p')),
            "PropertyConstraintViolation at parentIdTag");
        row("reservationId float", "CancelReservation", false,
            with<CancelReservationRequest>("/reservationId", 1.0),
            "TypeConstraintViolation at reservationId");
        row("reservation status", "ReserveNow", true, with<ReserveNowConfirmation>("/status", "Busy"),
            "PropertyConstraintViolation at status");
        // Smart Charging
        row("period startPeriod missing", "SetChargingProfile", false,
            without<SetChargingProfileRequest>(
                "/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/1/startPeriod"),
            "OccurenceConstraintViolation at "
            "csChargingProfiles.chargingSchedule.chargingSchedulePeriod[1].startPeriod");
        row("profile kind", "SetChargingProfile", false,
            with<SetChargingProfileRequest>("/csChargingProfiles/chargingProfileKind", "Once"),
            "PropertyConstraintViolation at csChargingProfiles.chargingProfileKind");
        row("profile missing", "SetChargingProfile", false,
            without<SetChargingProfileRequest>("/csChargingProfiles"),
            "OccurenceConstraintViolation at csChargingProfiles");
        row("minChargingRate hundredths", "GetCompositeSchedule", true,
            with<GetCompositeScheduleConfirmation>("/chargingSchedule/minChargingRate", 0.05),
            "PropertyConstraintViolation at chargingSchedule.minChargingRate");
        row("numberPhases float", "GetCompositeSchedule", true,
            with<GetCompositeScheduleConfirmation>("/chargingSchedule/chargingSchedulePeriod/0/numberPhases",
                                                   3.0),
            "TypeConstraintViolation at chargingSchedule.chargingSchedulePeriod[0].numberPhases");
        row("purpose", "ClearChargingProfile", false,
            with<ClearChargingProfileRequest>("/chargingProfilePurpose", "TxMaxProfile"),
            "PropertyConstraintViolation at chargingProfilePurpose");
        row("rate unit", "GetCompositeSchedule", false,
            with<GetCompositeScheduleRequest>("/chargingRateUnit", "kW"),
            "PropertyConstraintViolation at chargingRateUnit");
        // Remote Trigger
        row("trigger security message", "TriggerMessage", false,
            with<TriggerMessageRequest>("/requestedMessage", "LogStatusNotification"),
            "PropertyConstraintViolation at requestedMessage");
        row("trigger connector negative", "TriggerMessage", false,
            with<TriggerMessageRequest>("/connectorId", -1), "PropertyConstraintViolation at connectorId");
        // Security Whitepaper
        row("extended trigger diagnostics", "ExtendedTriggerMessage", false,
            with<ExtendedTriggerMessageRequest>("/requestedMessage", "DiagnosticsStatusNotification"),
            "PropertyConstraintViolation at requestedMessage");
        row("serial 41", "GetInstalledCertificateIds", true,
            with<GetInstalledCertificateIdsConfirmation>("/certificateHashData/1/serialNumber",
                                                         std::string(41, '0')),
            "PropertyConstraintViolation at certificateHashData[1].serialNumber");
        row("hash list empty", "GetInstalledCertificateIds", true,
            with<GetInstalledCertificateIdsConfirmation>("/certificateHashData", Json::array()),
            "OccurenceConstraintViolation at certificateHashData");
        row("hash algorithm", "DeleteCertificate", false,
            with<DeleteCertificateRequest>("/certificateHashData/hashAlgorithm", "MD5"),
            "PropertyConstraintViolation at certificateHashData.hashAlgorithm");
        row("issuerKeyHash missing", "DeleteCertificate", false,
            without<DeleteCertificateRequest>("/certificateHashData/issuerKeyHash"),
            "OccurenceConstraintViolation at certificateHashData.issuerKeyHash");
        row("log remoteLocation missing", "GetLog", false, without<GetLogRequest>("/log/remoteLocation"),
            "OccurenceConstraintViolation at log.remoteLocation");
        row("log oldestTimestamp", "GetLog", false, with<GetLogRequest>("/log/oldestTimestamp", 1795686025),
            "TypeConstraintViolation at log.oldestTimestamp");
        row("log not object", "GetLog", false, with<GetLogRequest>("/log", "https://logs"),
            "TypeConstraintViolation at log");
        row("signature 801", "SignedUpdateFirmware", false,
            with<SignedUpdateFirmwareRequest>("/firmware/signature", std::string(801, 's')),
            "PropertyConstraintViolation at firmware.signature");
        row("signed firmware status", "SignedFirmwareStatusNotification", false,
            with<SignedFirmwareStatusNotificationRequest>("/status", "Updating"),
            "PropertyConstraintViolation at status");
        row("certificateChain 10001", "CertificateSigned", false,
            with<CertificateSignedRequest>("/certificateChain", std::string(10001, 'c')),
            "PropertyConstraintViolation at certificateChain");
        row("csr missing", "SignCertificate", false, Json::object(), "OccurenceConstraintViolation at csr");
        row("event type 51", "SecurityEventNotification", false,
            with<SecurityEventNotificationRequest>("/type", std::string(51, 't')),
            "PropertyConstraintViolation at type");
        row("install status", "InstallCertificate", true,
            with<InstallCertificateConfirmation>("/status", "NotFound"),
            "PropertyConstraintViolation at status");
        row("log status payload", "LogStatusNotification", false, Json::array({"Idle"}),
            "FormationViolation at ");
    }

    void violations() {
        QFETCH(QByteArray, action);
        QFETCH(bool, confirmation);
        QFETCH(QByteArray, payload);
        QFETCH(QString, expected);
        QCOMPARE(registryViolation(action.toStdString(), confirmation, Json::parse(payload.toStdString())),
                 expected);
    }

    void registryChecksAllThirtyNineActions() {
        const std::map<std::string_view, std::pair<Json, Json>> examples{
            {"Authorize", encodedExample<"Authorize">()},
            {"BootNotification", encodedExample<"BootNotification">()},
            {"ChangeAvailability", encodedExample<"ChangeAvailability">()},
            {"ChangeConfiguration", encodedExample<"ChangeConfiguration">()},
            {"ClearCache", encodedExample<"ClearCache">()},
            {"DataTransfer", encodedExample<"DataTransfer">()},
            {"GetConfiguration", encodedExample<"GetConfiguration">()},
            {"Heartbeat", encodedExample<"Heartbeat">()},
            {"MeterValues", encodedExample<"MeterValues">()},
            {"RemoteStartTransaction", encodedExample<"RemoteStartTransaction">()},
            {"RemoteStopTransaction", encodedExample<"RemoteStopTransaction">()},
            {"Reset", encodedExample<"Reset">()},
            {"StartTransaction", encodedExample<"StartTransaction">()},
            {"StatusNotification", encodedExample<"StatusNotification">()},
            {"StopTransaction", encodedExample<"StopTransaction">()},
            {"UnlockConnector", encodedExample<"UnlockConnector">()},
            {"GetDiagnostics", encodedExample<"GetDiagnostics">()},
            {"DiagnosticsStatusNotification", encodedExample<"DiagnosticsStatusNotification">()},
            {"FirmwareStatusNotification", encodedExample<"FirmwareStatusNotification">()},
            {"UpdateFirmware", encodedExample<"UpdateFirmware">()},
            {"GetLocalListVersion", encodedExample<"GetLocalListVersion">()},
            {"SendLocalList", encodedExample<"SendLocalList">()},
            {"ReserveNow", encodedExample<"ReserveNow">()},
            {"CancelReservation", encodedExample<"CancelReservation">()},
            {"SetChargingProfile", encodedExample<"SetChargingProfile">()},
            {"ClearChargingProfile", encodedExample<"ClearChargingProfile">()},
            {"GetCompositeSchedule", encodedExample<"GetCompositeSchedule">()},
            {"TriggerMessage", encodedExample<"TriggerMessage">()},
            {"SecurityEventNotification", encodedExample<"SecurityEventNotification">()},
            {"SignCertificate", encodedExample<"SignCertificate">()},
            {"CertificateSigned", encodedExample<"CertificateSigned">()},
            {"InstallCertificate", encodedExample<"InstallCertificate">()},
            {"DeleteCertificate", encodedExample<"DeleteCertificate">()},
            {"GetInstalledCertificateIds", encodedExample<"GetInstalledCertificateIds">()},
            {"GetLog", encodedExample<"GetLog">()},
            {"LogStatusNotification", encodedExample<"LogStatusNotification">()},
            {"SignedUpdateFirmware", encodedExample<"SignedUpdateFirmware">()},
            {"SignedFirmwareStatusNotification", encodedExample<"SignedFirmwareStatusNotification">()},
            {"ExtendedTriggerMessage", encodedExample<"ExtendedTriggerMessage">()},
        };
        QCOMPARE(allActions().size(), std::size_t(39));
        QCOMPARE(examples.size(), std::size_t(39));
        std::map<FeatureProfile, int> perProfile;
        std::set<std::string_view> names;
        for (const ActionSpec& spec : allActions()) {
            const std::string name(spec.name);
            QVERIFY2(names.insert(spec.name).second, name.c_str());
            QVERIFY2(findAction(spec.name) == &spec, name.c_str());
            QVERIFY2(spec.checkRequest != nullptr && spec.checkConfirmation != nullptr, name.c_str());
            const auto it = examples.find(spec.name);
            QVERIFY2(it != examples.end(), name.c_str());
            QVERIFY2(!spec.checkRequest(it->second.first), name.c_str());
            QVERIFY2(!spec.checkConfirmation(it->second.second), name.c_str());
            const auto notObject = spec.checkRequest(Json::array());
            QVERIFY2(notObject && notObject->code == ErrorCode::FormationViolation, name.c_str());
            ++perProfile[spec.profile];
        }
        QCOMPARE(perProfile[FeatureProfile::Core], 16);
        QCOMPARE(perProfile[FeatureProfile::FirmwareManagement], 4);
        QCOMPARE(perProfile[FeatureProfile::LocalAuthListManagement], 2);
        QCOMPARE(perProfile[FeatureProfile::Reservation], 2);
        QCOMPARE(perProfile[FeatureProfile::SmartCharging], 3);
        QCOMPARE(perProfile[FeatureProfile::RemoteTrigger], 1);
        QCOMPARE(perProfile[FeatureProfile::Security], 11);
        QVERIFY(findAction("SignCertificate")->initiator == Initiator::ChargePoint);
        QVERIFY(findAction("CertificateSigned")->initiator == Initiator::CentralSystem);
        QVERIFY(findAction("SignedFirmwareStatusNotification")->initiator == Initiator::ChargePoint);
    }

    void actionTraitMapsNamesToTypes() {
        static_assert(std::is_same_v<Action<"GetLog">::Request, GetLogRequest>);
        static_assert(std::is_same_v<Action<"GetLog">::Confirmation, GetLogConfirmation>);
        static_assert(
            std::is_same_v<Action<"SetChargingProfile">::Confirmation, SetChargingProfileConfirmation>);
        static_assert(Action<"ExtendedTriggerMessage">::kName == "ExtendedTriggerMessage");
        QVERIFY(true);
    }
};

QTEST_APPLESS_MAIN(TstProfileMessages)
#include "tst_profile_messages.moc"
