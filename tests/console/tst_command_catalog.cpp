// The command catalogue: every entry is a command the policy knows, payloads are what OCPP 1.6
// expects, parameters are checked, and the confirmation names the charger and what happens to it.
#include "contract/command_policy.h"
#include "models/command_catalog.h"

#include <QJsonArray>
#include <QtTest>

using namespace voltdesk;
using models::CommandCatalog;
using models::CommandResult;
using CS = contract::ConnectorStatus;

namespace {

contract::ChargerState charger(std::vector<CS> statuses, bool online = true) {
    contract::ChargerState s;
    s.chargerId = "CP-7";
    s.online = online;
    int id = 1;
    for (const CS status : statuses) {
        contract::ConnectorState c;
        c.id = id++;
        c.status = status;
        s.connectors.push_back(c);
    }
    return s;
}

} // namespace

class TestCommandCatalog : public QObject {
    Q_OBJECT

private slots:
    void everyEntryIsACommandThePolicyKnows() {
        const auto all = CommandCatalog::commands();
        QVERIFY(all.size() >= 14);
        QSet<QString> ids;
        for (const auto& spec : all) {
            QVERIFY2(contract::CommandPolicy::leastRole(spec.command.toStdString()).has_value(),
                     qPrintable(spec.command));
            QVERIFY(!spec.name.isEmpty());
            QVERIFY2(!ids.contains(spec.id), qPrintable(spec.id));
            ids.insert(spec.id);
            QVERIFY(CommandCatalog::find(spec.id).has_value());
        }
        QVERIFY(!CommandCatalog::find(QStringLiteral("Nope")));
    }

    void theRoleOfAHardResetIsSupervisor() {
        const auto hard = CommandCatalog::find(QStringLiteral("Reset.Hard"));
        const auto soft = CommandCatalog::find(QStringLiteral("Reset.Soft"));
        const auto hardPayload = models::toJson(CommandCatalog::payload(*hard, {}));
        const auto softPayload = models::toJson(CommandCatalog::payload(*soft, {}));
        QCOMPARE(QString::fromStdString(hardPayload.dump()), QStringLiteral(R"({"type":"Hard"})"));
        QVERIFY(contract::CommandPolicy::refusal(contract::Role::Operator, "Reset", hardPayload));
        QVERIFY(!contract::CommandPolicy::refusal(contract::Role::Supervisor, "Reset", hardPayload));
        QVERIFY(!contract::CommandPolicy::refusal(contract::Role::Operator, "Reset", softPayload));
        QVERIFY(contract::CommandPolicy::refusal(contract::Role::Viewer, "Reset", softPayload));
    }

    void parametersAreChecked() {
        const auto start = *CommandCatalog::find(QStringLiteral("RemoteStartTransaction"));
        QCOMPARE(CommandCatalog::problems(start, {}).size(), 1); // idTag; the connector has a default
        QVERIFY(
            CommandCatalog::problems(start, {{QStringLiteral("idTag"), QStringLiteral("CARD-1")}}).isEmpty());
        QVERIFY(!CommandCatalog::problems(start, {{QStringLiteral("idTag"), QStringLiteral("CARD-1")},
                                                  {QStringLiteral("connectorId"), 0}})
                     .isEmpty());
        QVERIFY(!CommandCatalog::problems(start, {{QStringLiteral("idTag"), QString(21, QLatin1Char('x'))}})
                     .isEmpty());
        const QJsonObject payload =
            CommandCatalog::payload(start, {{QStringLiteral("idTag"), QStringLiteral(" CARD-1 ")},
                                            {QStringLiteral("connectorId"), 2}});
        QCOMPARE(payload.value(QStringLiteral("idTag")).toString(), QStringLiteral("CARD-1"));
        QCOMPARE(payload.value(QStringLiteral("connectorId")).toInt(), 2);

        const auto firmware = *CommandCatalog::find(QStringLiteral("UpdateFirmware"));
        QVERIFY(!CommandCatalog::problems(firmware,
                                          {{QStringLiteral("location"), QStringLiteral("not a url")},
                                           {QStringLiteral("retrieveDate"), QDateTime::currentDateTimeUtc()}})
                     .isEmpty());
        const QVariantMap ok{
            {QStringLiteral("location"), QStringLiteral("https://fw.example.com/v2.bin")},
            {QStringLiteral("retrieveDate"), QDateTime(QDate(2026, 11, 26), QTime(18, 0), QTimeZone::UTC)}};
        QVERIFY(CommandCatalog::problems(firmware, ok).isEmpty());
        const QJsonObject fw = CommandCatalog::payload(firmware, ok);
        QCOMPARE(fw.value(QStringLiteral("retrieveDate")).toString(),
                 QStringLiteral("2026-11-26T18:00:00.000Z"));
        QCOMPARE(fw.value(QStringLiteral("retries")).toInt(), 3);
    }

    void theChargingLimitIsATxDefaultProfile() {
        const auto limit = *CommandCatalog::find(QStringLiteral("SetChargingLimit"));
        const QJsonObject p = CommandCatalog::payload(limit, {{QStringLiteral("connectorId"), 1},
                                                              {QStringLiteral("limit"), 7400.0},
                                                              {QStringLiteral("unit"), QStringLiteral("W")}});
        QCOMPARE(p.value(QStringLiteral("connectorId")).toInt(), 1);
        QVERIFY(!p.contains(QStringLiteral("limit")));
        const QJsonObject profile = p.value(QStringLiteral("csChargingProfiles")).toObject();
        QCOMPARE(profile.value(QStringLiteral("chargingProfilePurpose")).toString(),
                 QStringLiteral("TxDefaultProfile"));
        const QJsonObject schedule = profile.value(QStringLiteral("chargingSchedule")).toObject();
        QCOMPARE(schedule.value(QStringLiteral("chargingRateUnit")).toString(), QStringLiteral("W"));
        QCOMPARE(schedule.value(QStringLiteral("chargingSchedulePeriod"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("limit"))
                     .toDouble(),
                 7400.0);
        const QString text = CommandCatalog::consequence(limit, p, charger({CS::Charging}));
        QVERIFY2(text.contains(QStringLiteral("7400 W")) && text.contains(QStringLiteral("CP-7")),
                 qPrintable(text));
    }

    void theConsequenceNamesTheChargerAndTheSession() {
        const auto hard = *CommandCatalog::find(QStringLiteral("Reset.Hard"));
        const QString busy =
            CommandCatalog::consequence(hard, hard.fixed, charger({CS::Charging, CS::Available}));
        QVERIFY2(busy.contains(QStringLiteral("ends the running session on connector 1")) &&
                     busy.contains(QStringLiteral("CP-7")),
                 qPrintable(busy));
        const QString idle = CommandCatalog::consequence(hard, hard.fixed, charger({CS::Available}));
        QVERIFY2(!idle.contains(QStringLiteral("session")) && idle.contains(QStringLiteral("CP-7")),
                 qPrintable(idle));
        const QString two =
            CommandCatalog::consequence(hard, hard.fixed, charger({CS::Charging, CS::SuspendedEV}));
        QVERIFY2(two.contains(QStringLiteral("connectors 1, 2")), qPrintable(two));

        // A session known from the agent counts even while the status says otherwise.
        auto withSession = charger({CS::Preparing});
        withSession.connectors[0].session =
            contract::ConnectorSession{.transactionId = 5, .idTag = "T", .startedAt = 1, .meterStartWh = 0};
        QCOMPARE(CommandCatalog::busyConnectors(withSession), QList<int>{1});

        const auto unlock = *CommandCatalog::find(QStringLiteral("UnlockConnector"));
        const QString u =
            CommandCatalog::consequence(unlock, CommandCatalog::payload(unlock, {}), charger({CS::Charging}));
        QVERIFY2(u.contains(QStringLiteral("ends the running session")), qPrintable(u));
        const QString off = CommandCatalog::consequence(unlock, CommandCatalog::payload(unlock, {}),
                                                        charger({CS::Available}, false));
        QVERIFY2(off.contains(QStringLiteral("offline")), qPrintable(off));
        for (const auto& spec : CommandCatalog::commands()) {
            QVERIFY(!CommandCatalog::consequence(spec, spec.fixed, charger({CS::Available})).isEmpty());
        }
    }

    void answersForPeople() {
        CommandResult r;
        r.outcome = contract::CommandOutcome::Completed;
        r.response = {{QStringLiteral("status"), QStringLiteral("Accepted")}};
        QVERIFY(CommandCatalog::succeeded(r));
        QCOMPARE(CommandCatalog::answerText(r), QStringLiteral("Accepted"));
        r.response = {{QStringLiteral("status"), QStringLiteral("Rejected")}};
        QVERIFY(!CommandCatalog::succeeded(r));
        QVERIFY(CommandCatalog::answerText(r).contains(QStringLiteral("Rejected")));
        r.response = {{QStringLiteral("configurationKey"), QJsonArray{}}};
        QVERIFY(CommandCatalog::succeeded(r));
        r.outcome = contract::CommandOutcome::Refused;
        r.description = QStringLiteral("a viewer may not send Reset");
        QVERIFY(!CommandCatalog::succeeded(r));
        QVERIFY(CommandCatalog::answerText(r).contains(QStringLiteral("viewer")));
    }
};

QTEST_GUILESS_MAIN(TestCommandCatalog)
#include "tst_command_catalog.moc"
