// The command policy every part shares: which role may send which command, with the payloads that
// raise the role needed (hard resets, security keys).
#include "contract/command_policy.h"

#include <QtTest>

using namespace voltdesk::contract;

class TstCommandPolicy : public QObject {
    Q_OBJECT

private slots:
    void roleNames() {
        for (auto role : {Role::Viewer, Role::Dispatcher, Role::Operator, Role::Supervisor}) {
            QCOMPARE(roleFromString(toString(role)), std::optional<Role>(role));
        }
        QVERIFY(!roleFromString("Operator"));
        QVERIFY(!roleFromString(""));
    }

    void refusals_data() {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("payload");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("viewer history") << "viewer" << "GetChargerHistory" << "{}" << true;
        QTest::newRow("viewer configuration") << "viewer" << "GetConfiguration" << "{}" << true;
        QTest::newRow("viewer soft reset") << "viewer" << "Reset" << R"({"type":"Soft"})" << false;
        QTest::newRow("viewer clear cache") << "viewer" << "ClearCache" << "{}" << false;
        QTest::newRow("dispatcher availability") << "dispatcher" << "ChangeAvailability" << "{}" << true;
        QTest::newRow("dispatcher soft reset") << "dispatcher" << "Reset" << R"({"type":"Soft"})" << false;
        QTest::newRow("operator soft reset") << "operator" << "Reset" << R"({"type":"Soft"})" << true;
        QTest::newRow("operator hard reset") << "operator" << "Reset" << R"({"type":"Hard"})" << false;
        QTest::newRow("operator firmware") << "operator" << "UpdateFirmware" << "{}" << false;
        QTest::newRow("operator security key")
            << "operator" << "ChangeConfiguration" << R"({"key":"AuthorizationKey","value":"x"})" << false;
        QTest::newRow("operator plain key")
            << "operator" << "ChangeConfiguration" << R"({"key":"HeartbeatInterval","value":"60"})" << true;
        QTest::newRow("supervisor hard reset") << "supervisor" << "Reset" << R"({"type":"Hard"})" << true;
        QTest::newRow("supervisor firmware") << "supervisor" << "UpdateFirmware" << "{}" << true;
        QTest::newRow("type of unexpected kind") << "operator" << "Reset" << R"({"type":7})" << true;
        QTest::newRow("unknown command") << "supervisor" << "Explode" << "{}" << false;
        QTest::newRow("viewer sessions") << "viewer" << "GetSessions" << "{}" << true;
        QTest::newRow("viewer cdr") << "viewer" << "GetCdr" << "{}" << true;
        QTest::newRow("viewer tariffs") << "viewer" << "GetTariffs" << "{}" << true;
        QTest::newRow("viewer preview") << "viewer" << "PreviewTariff" << "{}" << true;
        QTest::newRow("viewer revenue") << "viewer" << "GetRevenueSummary" << "{}" << true;
        QTest::newRow("viewer put tariff") << "viewer" << "PutTariff" << "{}" << false;
        QTest::newRow("operator put tariff") << "operator" << "PutTariff" << "{}" << false;
        QTest::newRow("operator assign tariff") << "operator" << "AssignTariff" << "{}" << false;
        QTest::newRow("operator re-rate") << "operator" << "RerateSession" << "{}" << false;
        QTest::newRow("supervisor put tariff") << "supervisor" << "PutTariff" << "{}" << true;
        QTest::newRow("supervisor assign tariff") << "supervisor" << "AssignTariff" << "{}" << true;
        QTest::newRow("supervisor re-rate") << "supervisor" << "RerateSession" << "{}" << true;
    }
    void refusals() {
        QFETCH(QString, role);
        QFETCH(QString, command);
        QFETCH(QString, payload);
        QFETCH(bool, allowed);
        const auto r = roleFromString(role.toStdString());
        QVERIFY(r);
        const auto why =
            CommandPolicy::refusal(*r, command.toStdString(), nlohmann::json::parse(payload.toStdString()));
        QCOMPARE(!why.has_value(), allowed);
    }

    void leastRoles() {
        QCOMPARE(CommandPolicy::leastRole("GetChargerHistory"), std::optional<Role>(Role::Viewer));
        QCOMPARE(CommandPolicy::leastRole("Reset"), std::optional<Role>(Role::Operator));
        QCOMPARE(CommandPolicy::leastRole("UpdateFirmware"), std::optional<Role>(Role::Supervisor));
        QVERIFY(!CommandPolicy::leastRole("Explode"));
        const auto& all = CommandPolicy::commands();
        QVERIFY(std::find(all.begin(), all.end(), "GetChargerHistory") != all.end());
        for (const auto command : all) {
            QVERIFY(CommandPolicy::leastRole(command).has_value());
        }
    }

    void actions() {
        QCOMPARE(CommandPolicy::action("Reset", {{"type", "Soft"}}), std::string("Reset"));
        QCOMPARE(CommandPolicy::action("Reset", {{"type", "Hard"}}), std::string("Reset.Hard"));
        QCOMPARE(CommandPolicy::action("Reset", nlohmann::json::array()), std::string("Reset"));
        QCOMPARE(CommandPolicy::action("ChangeConfiguration", {{"key", "SecurityProfile"}}),
                 std::string("ChangeConfiguration.Security"));
        QCOMPARE(CommandPolicy::action("ChangeConfiguration", {{"key", "MeterValueSampleInterval"}}),
                 std::string("ChangeConfiguration"));
        QCOMPARE(CommandPolicy::commandOf("Reset.Hard"), std::string_view("Reset"));
        QCOMPARE(CommandPolicy::commandOf("ClearCache"), std::string_view("ClearCache"));
        QCOMPARE(CommandPolicy::leastRole("Reset.Hard"), std::optional<Role>(Role::Supervisor));
        QCOMPARE(CommandPolicy::leastRole("ChangeConfiguration.Security"),
                 std::optional<Role>(Role::Supervisor));
        const auto& all = CommandPolicy::actions();
        QCOMPARE(all.size(), CommandPolicy::commands().size() + 2);
        // An action is never sent as a command name: the topic carries it, the request the command.
        QVERIFY(CommandPolicy::refusal(Role::Supervisor, "Reset.Hard", nlohmann::json::object()));
    }
};

QTEST_APPLESS_MAIN(TstCommandPolicy)
#include "tst_command_policy.moc"
