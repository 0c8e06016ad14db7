// The detail view's history models without any UI: GetChargerHistory and GetConfiguration answers
// turned into the event table, the timeline's status changes and the key table; error codes in words.
#include "models/charger_history_model.h"
#include "models/configuration_model.h"
#include "models/ocpp_error_text.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace voltdesk;
using models::ChargerHistoryModel;
using models::ConfigurationModel;

namespace {

QJsonObject change(int connectorId, const QString& status, const QString& at, const QString& errorCode = {},
                   const QString& info = {}) {
    return {{QStringLiteral("connectorId"), connectorId},   {QStringLiteral("status"), status},
            {QStringLiteral("errorCode"), errorCode},       {QStringLiteral("info"), info},
            {QStringLiteral("vendorErrorCode"), QString()}, {QStringLiteral("at"), at}};
}

QString cell(const QAbstractItemModel& m, int row, int column) {
    return m.index(row, column).data().toString();
}

} // namespace

class TestChargerHistoryModel : public QObject {
    Q_OBJECT

private slots:
    void explainsErrorCodes() {
        QVERIFY(
            models::ocppErrorText(QStringLiteral("GroundFailure")).contains(QStringLiteral("Earth fault")));
        QVERIFY(
            models::ocppErrorText(QStringLiteral("ReaderFailure")).contains(QStringLiteral("card reader")));
        QVERIFY(models::ocppErrorText(QStringLiteral("NoError")).isEmpty());
        QVERIFY(models::ocppErrorText(QString()).isEmpty());
        QCOMPARE(models::ocppErrorText(QStringLiteral("ACME-42")),
                 QStringLiteral("Code reported by the charger: ACME-42"));
    }

    void historyBecomesEventsAndStatusChanges() {
        ChargerHistoryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&m, &ChargerHistoryModel::historyChanged);
        QJsonArray changes{
            change(1, QStringLiteral("Charging"), QStringLiteral("2026-11-26T08:00:00Z"),
                   QStringLiteral("NoError")),
            change(1, QStringLiteral("Faulted"), QStringLiteral("2026-11-26T09:00:00Z"),
                   QStringLiteral("GroundFailure"), QStringLiteral("RCD tripped")),
            change(0, QStringLiteral("Offline"), QStringLiteral("2026-11-26T09:30:00Z")),
            change(0, QStringLiteral("Online"), QStringLiteral("2026-11-26T09:40:00Z")),
            change(1, QStringLiteral("Available"), QStringLiteral("2026-11-26T07:00:00Z"),
                   QStringLiteral("NoError")),
            change(1, QStringLiteral("Available"), QStringLiteral("not a time")),
        };
        const QJsonObject response{
            {QStringLiteral("samples"), QJsonArray()},
            {QStringLiteral("statusChanges"), changes},
            {QStringLiteral("securityEvents"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("InvalidCentralSystemCertificate")},
                             {QStringLiteral("at"), QStringLiteral("2026-11-26T09:50:00Z")},
                             {QStringLiteral("techInfo"), QStringLiteral("expired")}}}},
            {QStringLiteral("maintenance"),
             QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("firmware")},
                                    {QStringLiteral("status"), QStringLiteral("Installed")},
                                    {QStringLiteral("at"), QStringLiteral("2026-11-26T06:00:00Z")}}}},
        };
        m.setHistory(response);
        QCOMPARE(changed.count(), 1);
        QVERIFY(m.hasHistory());

        // Oldest first for the timeline; the malformed one is skipped.
        QCOMPARE(m.statusChanges().size(), 5);
        QCOMPARE(m.statusChanges().first().status, QStringLiteral("Available"));
        QCOMPARE(m.statusChanges().last().status, QStringLiteral("Online"));

        // Events newest first: security, online, offline, fault, maintenance (plain statuses are not events).
        QCOMPARE(m.rowCount(), 5);
        QCOMPARE(cell(m, 0, ChargerHistoryModel::CodeColumn),
                 QStringLiteral("InvalidCentralSystemCertificate"));
        QCOMPARE(cell(m, 1, ChargerHistoryModel::EventColumn), QStringLiteral("Connected"));
        QCOMPARE(cell(m, 2, ChargerHistoryModel::EventColumn), QStringLiteral("Connection lost"));
        QCOMPARE(cell(m, 3, ChargerHistoryModel::EventColumn), QStringLiteral("Faulted"));
        QCOMPARE(cell(m, 3, ChargerHistoryModel::ConnectorColumn), QStringLiteral("1"));
        QCOMPARE(cell(m, 3, ChargerHistoryModel::CodeColumn), QStringLiteral("GroundFailure"));
        const QString explanation = cell(m, 3, ChargerHistoryModel::ExplanationColumn);
        QVERIFY2(explanation.contains(QStringLiteral("Earth fault")), qPrintable(explanation));
        QVERIFY2(explanation.contains(QStringLiteral("RCD tripped")), qPrintable(explanation));
        QCOMPARE(m.index(4, 0).data(ChargerHistoryModel::KindRole).toInt(),
                 static_cast<int>(ChargerHistoryModel::Kind::Maintenance));

        m.setHistory(QJsonObject{});
        QCOMPARE(m.rowCount(), 0);
        QVERIFY(m.statusChanges().isEmpty());
    }

    void configurationKeysAreListedByKey() {
        ConfigurationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setConfiguration(QJsonObject{
            {QStringLiteral("configurationKey"),
             QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("MeterValueSampleInterval")},
                                    {QStringLiteral("readonly"), false},
                                    {QStringLiteral("value"), QStringLiteral("60")}},
                        QJsonObject{{QStringLiteral("key"), QStringLiteral("HeartbeatInterval")},
                                    {QStringLiteral("readonly"), false},
                                    {QStringLiteral("value"), QStringLiteral("300")}},
                        QJsonObject{{QStringLiteral("key"), QStringLiteral("NumberOfConnectors")},
                                    {QStringLiteral("readonly"), true},
                                    {QStringLiteral("value"), QStringLiteral("2")}}}},
            {QStringLiteral("unknownKey"), QJsonArray{QStringLiteral("Foo")}}});
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(cell(m, 0, ConfigurationModel::KeyColumn), QStringLiteral("HeartbeatInterval"));
        QCOMPARE(cell(m, 2, ConfigurationModel::ReadOnlyColumn), QStringLiteral("read-only"));
        QCOMPARE(m.value(QStringLiteral("MeterValueSampleInterval")), QStringLiteral("60"));
        QVERIFY(m.value(QStringLiteral("Nope")).isNull());
        QCOMPARE(m.unknownKeys(), QStringList{QStringLiteral("Foo")});
    }
};

QTEST_GUILESS_MAIN(TestChargerHistoryModel)
#include "tst_charger_history_model.moc"
