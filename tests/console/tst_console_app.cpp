// The console program's helpers: the command line, and the translations built into it.
#include "app/command_line.h"
#include "app/translations.h"
#include "models/status_names.h"

#include <QFile>
#include <QTranslator>
#include <QtTest>

using namespace voltdesk;
using app::CommandLine;
using Outcome = CommandLine::Outcome;

namespace {

CommandLine parse(QStringList args, const QString& envPassword = {}) {
    args.prepend(QStringLiteral("voltdesk"));
    return app::parseCommandLine(args, envPassword);
}

void removeOurTranslators() {
    for (QTranslator* t : QCoreApplication::instance()->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

} // namespace

class TestConsoleApp : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { removeOurTranslators(); }

    void defaults() {
        const CommandLine c = parse({});
        QCOMPARE(c.outcome, Outcome::Run);
        QCOMPARE(c.options.broker.uri, QStringLiteral("tcp://127.0.0.1:1883"));
        QVERIFY(c.options.broker.username.isEmpty());
        QVERIFY(c.options.language.isEmpty());
        QVERIFY(c.options.map.tileServerUrl.isEmpty());
        QVERIFY(!c.options.map.center.isValid());
        QVERIFY(c.options.screenshotFile.isEmpty());
        QCOMPARE(c.options.screenshotDelayMs, 3000);
        QVERIFY(!c.options.theme); // the saved choice, else dark
    }

    void theme() {
        QCOMPARE(parse({"--theme", "light"}).options.theme,
                 std::optional<widgets::Theme>(widgets::Theme::Light));
        QCOMPARE(parse({"--theme=Dark"}).options.theme, std::optional<widgets::Theme>(widgets::Theme::Dark));
    }

    void role() {
        QCOMPARE(parse({}).options.assumedRole, std::optional(contract::Role::Viewer));
        QCOMPARE(parse({"--role", "operator"}).options.assumedRole, std::optional(contract::Role::Operator));
        QCOMPARE(parse({"--role", "admiral"}).outcome, Outcome::Error);
    }

    void everyOption() {
        const CommandLine c =
            parse({"--broker", "ssl://mqtt.example.net:8883", "--user", "ops", "--password", "s3cret",
                   "--lang", "zh_CN", "--tile-server", "http://127.0.0.1:8080/tiles/", "--center",
                   "52.52, 13.40", "--zoom", "14.5", "--screenshot", "out.png", "--screenshot-delay=500"});
        QCOMPARE(c.outcome, Outcome::Run);
        QCOMPARE(c.options.broker.uri, QStringLiteral("ssl://mqtt.example.net:8883"));
        QCOMPARE(c.options.broker.username, QStringLiteral("ops"));
        QCOMPARE(c.options.broker.password, QStringLiteral("s3cret"));
        QCOMPARE(c.options.language, QStringLiteral("zh_CN"));
        QCOMPARE(c.options.map.tileServerUrl, QStringLiteral("http://127.0.0.1:8080/tiles/"));
        QCOMPARE(c.options.map.center, QGeoCoordinate(52.52, 13.40));
        QCOMPARE(c.options.map.zoomLevel, 14.5);
        QCOMPARE(c.options.screenshotFile, QStringLiteral("out.png"));
        QCOMPARE(c.options.screenshotDelayMs, 500);
    }

    void passwordFromEnvironment() {
        QCOMPARE(parse({}, QStringLiteral("fromenv")).options.broker.password, QStringLiteral("fromenv"));
        QCOMPARE(parse({"--password", "flag"}, QStringLiteral("fromenv")).options.broker.password,
                 QStringLiteral("flag"));
    }

    void helpAndVersion() {
        const CommandLine help = parse({"--help"});
        QCOMPARE(help.outcome, Outcome::Help);
        for (const char* option : {"--broker", "--user", "--password", "--lang", "--theme", "--tile-server",
                                   "--screenshot", "--screenshot-delay"}) {
            QVERIFY2(help.text.contains(QLatin1String(option)), option);
        }
        QCOMPARE(parse({"--version"}).outcome, Outcome::Version);
    }

    void errors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown option") << QStringList{"--bogus"} << "bogus";
        QTest::newRow("missing value") << QStringList{"--broker"} << "broker";
        QTest::newRow("stray argument") << QStringList{"extra"} << "extra";
        QTest::newRow("broker without scheme") << QStringList{"--broker", "localhost"} << "localhost";
        QTest::newRow("unknown language") << QStringList{"--lang", "fr"} << "fr";
        QTest::newRow("unknown theme") << QStringList{"--theme", "pink"} << "pink";
        QTest::newRow("tile server ftp") << QStringList{"--tile-server", "ftp://x/"} << "ftp://x/";
        QTest::newRow("center one number") << QStringList{"--center", "52.5"} << "latitude";
        QTest::newRow("center out of range") << QStringList{"--center", "95,13"} << "latitude";
        QTest::newRow("zoom text") << QStringList{"--zoom", "near"} << "zoom";
        QTest::newRow("zoom 30") << QStringList{"--zoom", "30"} << "zoom";
        QTest::newRow("negative delay") << QStringList{"--screenshot-delay", "-5"} << "delay";
        QTest::newRow("delay text") << QStringList{"--screenshot-delay", "soon"} << "delay";
    }
    void errors() {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const CommandLine c = parse(args);
        QCOMPARE(c.outcome, Outcome::Error);
        QVERIFY2(c.text.contains(mentions, Qt::CaseInsensitive), qPrintable(c.text));
    }

    void languageIsFoundBeforeParsing() {
        QCOMPARE(app::languageArgument({"voltdesk", "--lang", "zh_CN"}), QStringLiteral("zh_CN"));
        QCOMPARE(app::languageArgument({"voltdesk", "--broker", "tcp://h:1", "--lang=en"}),
                 QStringLiteral("en"));
        QVERIFY(app::languageArgument({"voltdesk", "--lang"}).isEmpty());
    }

    void chineseIsBuiltIn() {
        QCOMPARE(app::installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN")),
                 QStringLiteral("zh_CN"));
        using contract::ChargerStatus;
        const QList<QPair<ChargerStatus, QString>> expected{
            {ChargerStatus::Available, QStringLiteral("可用")},
            {ChargerStatus::Charging, QStringLiteral("充电中")},
            {ChargerStatus::Occupied, QStringLiteral("占用")},
            {ChargerStatus::Reserved, QStringLiteral("预约")},
            {ChargerStatus::Unavailable, QStringLiteral("不可用")},
            {ChargerStatus::Faulted, QStringLiteral("故障")},
            {ChargerStatus::Offline, QStringLiteral("离线")},
            {ChargerStatus::Unknown, QStringLiteral("未知")},
        };
        for (const auto& [status, text] : expected) {
            QCOMPARE(models::statusDisplayName(status), text);
        }
        QCOMPARE(models::connectorStatusDisplayName(contract::ConnectorStatus::SuspendedEV),
                 QStringLiteral("车辆暂停"));
        QCOMPARE(QCoreApplication::translate("voltdesk::models::BrokerLink",
                                             "No connection to %1 (%2); retrying in %n s", nullptr, 4),
                 QStringLiteral("无法连接 %1（%2）；4 秒后重试"));
    }

    void englishIsBuiltIn() {
        QCOMPARE(app::installTranslations(*QCoreApplication::instance(), QStringLiteral("en")),
                 QStringLiteral("en"));
        QCOMPARE(models::statusDisplayName(contract::ChargerStatus::Charging), QStringLiteral("Charging"));
    }

    void unknownLanguageFallsBackToSource() {
        QVERIFY(app::installTranslations(*QCoreApplication::instance(), QStringLiteral("fr_FR")).isEmpty());
        QCOMPARE(models::statusDisplayName(contract::ChargerStatus::Faulted), QStringLiteral("Faulted"));
    }

    // Every string lupdate found must be translated; an "unfinished" entry means someone added a
    // tr() string without running update_translations and translating it.
    void chineseIsComplete() {
        QFile ts(qEnvironmentVariable("VOLTDESK_SOURCE_DIR") +
                 QStringLiteral("/translations/voltdesk_zh_CN.ts"));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        const QByteArray text = ts.readAll();
        QVERIFY(text.count("<message") > 50);
        QCOMPARE(text.count("type=\"unfinished\""), 0);
        QCOMPARE(text.count("type=\"vanished\"") + text.count("type=\"obsolete\""), 0);
    }
};

QTEST_GUILESS_MAIN(TestConsoleApp)
#include "tst_console_app.moc"
