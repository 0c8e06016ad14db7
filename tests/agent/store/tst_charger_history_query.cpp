// A charger's history read back from a real PostgreSQL: a day of 1 s meter values downsampled in SQL
// to at most maxSamples per connector and mapped like live telemetry, status changes with each
// connector's state at the start, security events and maintenance, all bounded.
#include "store/charger_history_query.h"
#include "store/store.h"
#include "tests/agent/store/store_test_base.h"

#include <QElapsedTimer>
#include <QtTest>
#include <map>
#include <pqxx/pqxx>

using namespace voltdesk;

namespace {

// 2026-11-25T00:00:00Z
constexpr contract::EpochMs kDayStart = 1'795'564'800'000;
constexpr contract::EpochMs kDay = 24LL * 3600 * 1000;

} // namespace

class TestChargerHistoryQuery : public testing::StoreTestBase {
    Q_OBJECT

private:
    void exec(const std::string& sql) {
        pqxx::connection conn(m_uri);
        pqxx::work tx(conn);
        tx.exec(sql);
        tx.commit();
    }

private slots:
    void initTestCase() {
        QVERIFY2(openScratchDatabase(QStringLiteral("tst_charger_history")),
                 "no scratch database: did the services fixture run?");
        store::Store(m_uri).migrate();
        // A day of 1 s readings on connector 1: power in kW on three phases, and the energy register;
        // connector 2 a reading a minute with a value that is no number and a signed one.
        exec(
            "INSERT INTO meter_values (charger_id, connector_id, charger_time, received_at, measurand, "
            "phase, "
            "unit, value) "
            "SELECT 'CP-H', 1, t, t, 'Power.Active.Import', p, 'kW', '2.4' "
            "FROM generate_series(timestamptz '2026-11-25T00:00:00Z', '2026-11-25T23:59:59Z', '1 second') t, "
            "unnest(ARRAY['L1', 'L2', 'L3']) p");
        exec(
            "INSERT INTO meter_values (charger_id, connector_id, charger_time, received_at, measurand, unit, "
            "value) "
            "SELECT 'CP-H', 1, t, t, 'Energy.Active.Import.Register', 'Wh', "
            "(extract(epoch FROM t - '2026-11-25T00:00:00Z') * 2)::text "
            "FROM generate_series(timestamptz '2026-11-25T00:00:00Z', '2026-11-25T23:59:59Z', '1 second') t");
        exec(
            "INSERT INTO meter_values (charger_id, connector_id, charger_time, received_at, measurand, unit, "
            "value, format) "
            "SELECT 'CP-H', 2, t, t, m.measurand, m.unit, m.value, m.format "
            "FROM generate_series(timestamptz '2026-11-25T00:00:00Z', '2026-11-25T23:59:00Z', '1 minute') t, "
            "(VALUES ('SoC', 'Percent', '55', 'Raw'), ('Voltage', 'V', 'n/a', 'Raw'), "
            "        ('Temperature', 'K', '313.15', 'Raw'), ('', '', 'abcdef', 'SignedData')) "
            "AS m(measurand, unit, value, format)");
        // Another charger's values never leak in.
        exec("INSERT INTO meter_values (charger_id, connector_id, charger_time, received_at, measurand, "
             "value) "
             "VALUES ('CP-OTHER', 1, '2026-11-25T12:00:00Z', now(), '', '5')");

        exec("INSERT INTO connector_status_history (charger_id, connector_id, status, error_code, info, "
             "vendor_error_code, charger_time, received_at) VALUES "
             "('CP-H', 1, 'Available', 'NoError', '', '', NULL, '2026-11-20T08:00:00Z'), "
             "('CP-H', 1, 'Charging', 'NoError', '', '', NULL, '2026-11-24T22:00:00Z'), "
             "('CP-H', 1, 'Faulted', 'GroundFailure', 'leak', 'E-17', '2026-11-25T10:00:01Z', "
             " '2026-11-25T10:00:00Z'), "
             "('CP-H', 0, 'Offline', '', '', '', NULL, '2026-11-25T11:00:00Z'), "
             "('CP-H', 0, 'Online', '', '', '', NULL, '2026-11-25T11:40:00Z'), "
             "('CP-H', 1, 'Available', 'NoError', '', '', NULL, '2026-11-26T01:00:00Z'), "
             "('CP-OTHER', 1, 'Faulted', 'OtherError', '', '', NULL, '2026-11-25T10:00:00Z')");
        exec("INSERT INTO security_events (charger_id, type, tech_info, severity, source, charger_time, "
             "received_at) VALUES "
             "('CP-H', 'FailedAuthentication', 'bad password', 'warning', 'agent', NULL, "
             " '2026-11-25T09:00:00Z'), "
             "('CP-H', 'FirmwareUpdated', '', 'info', 'charger', '2026-11-25T09:30:00Z', "
             " '2026-11-25T09:30:02Z')");
        exec("INSERT INTO maintenance_history (charger_id, kind, status, request_id, received_at) VALUES "
             "('CP-H', 'firmware', 'Downloading', -1, '2026-11-25T09:10:00Z'), "
             "('CP-H', 'firmware', 'Installed', -1, '2026-11-25T09:20:00Z'), "
             "('CP-H', 'log', 'Uploaded', 42, '2026-11-25T09:40:00Z')");
    }

    void aDayOfSecondsIsDownsampled() {
        store::ChargerHistoryQuery query(m_uri);
        QElapsedTimer timer;
        timer.start();
        const auto history = query.load(store::HistoryQuery{"CP-H", kDayStart, kDayStart + kDay, 2000});
        qInfo("a day of 1 s values (345,600 rows on connector 1) downsampled in %lld ms", timer.elapsed());

        std::map<int, std::vector<contract::TelemetrySample>> byConnector;
        for (const auto& s : history.samples) {
            byConnector[s.connectorId].push_back(s);
        }
        QCOMPARE(byConnector.size(), std::size_t(2));
        const auto& one = byConnector[1];
        QVERIFY2(one.size() <= 2000 && one.size() >= 1990, qPrintable(QString::number(one.size())));
        for (std::size_t i = 0; i < one.size(); ++i) {
            QCOMPARE(*one[i].powerW, 7200.0); // 3 × 2.4 kW averaged per bucket, then summed
            QVERIFY(one[i].at >= kDayStart && one[i].at < kDayStart + kDay);
            QVERIFY(!one[i].transactionId);
            if (i > 0) {
                QVERIFY(one[i].at > one[i - 1].at);
                QVERIFY(*one[i].energyWh > *one[i - 1].energyWh);
            }
        }
        // The register's highest value in the last bucket is the day's last reading.
        QCOMPARE(*one.back().energyWh, 2.0 * (86'400 - 1));
        QCOMPARE(one.back().at, kDayStart + kDay - 1000);

        const auto& two = byConnector[2];
        QCOMPARE(two.size(), std::size_t(1440)); // one a minute: fewer than the buckets, each kept
        QCOMPARE(*two.front().socPercent, 55.0);
        QVERIFY(std::abs(*two.front().temperatureC - 40.0) < 1e-9);
        QVERIFY(!two.front().voltageV); // "n/a" is no number
        QVERIFY(!two.front().energyWh); // signed data is not charted
        QCOMPARE(two.front().at, kDayStart);
    }

    void statusChangesStartWithTheStateAtFrom() {
        store::ChargerHistoryQuery query(m_uri);
        const auto history = query.load(store::HistoryQuery{"CP-H", kDayStart, kDayStart + kDay, 100});
        std::vector<std::string> seen;
        for (const auto& c : history.statusChanges) {
            seen.push_back(std::to_string(c.connectorId) + ":" + c.status);
        }
        const std::vector<std::string> expected{"1:Charging", "1:Faulted", "0:Offline", "0:Online"};
        QCOMPARE(seen, expected);
        QCOMPARE(history.statusChanges[1].errorCode, std::string("GroundFailure"));
        QCOMPARE(history.statusChanges[1].info, std::string("leak"));
        QCOMPARE(history.statusChanges[1].vendorErrorCode, std::string("E-17"));
        QCOMPARE(history.statusChanges[1].at, kDayStart + 10 * 3'600'000);
        QCOMPARE(history.statusChanges[1].chargerTime, std::optional(kDayStart + 10 * 3'600'000 + 1000));
        QVERIFY(!history.statusChanges[2].chargerTime);

        QCOMPARE(history.securityEvents.size(), std::size_t(2));
        QCOMPARE(history.securityEvents[0].type, std::string("FailedAuthentication"));
        QCOMPARE(history.securityEvents[1].at, kDayStart + 9 * 3'600'000 + 30 * 60'000); // the charger's time
        QCOMPARE(history.maintenance.size(), std::size_t(3));
        QCOMPARE(history.maintenance[1].status, std::string("Installed"));
        QVERIFY(!history.maintenance[1].requestId);
        QCOMPARE(history.maintenance[2].requestId, std::optional(42));
        QVERIFY(!history.truncated);
    }

    void anEmptyRangeIsEmpty() {
        store::ChargerHistoryQuery query(m_uri);
        const auto history = query.load(store::HistoryQuery{"NOBODY", kDayStart, kDayStart + kDay, 2000});
        QVERIFY(history.samples.empty());
        QVERIFY(history.statusChanges.empty());
        QVERIFY(history.securityEvents.empty());
        QVERIFY(history.maintenance.empty());
    }

    void manyConnectorsShareTheSampleBound() {
        // 40 connectors with a reading every 50 s (1,728 a day each), and an absurd connector id.
        exec("INSERT INTO meter_values (charger_id, connector_id, charger_time, received_at, measurand, "
             "value) "
             "SELECT 'CP-WIDE', c, t, t, '', '1' FROM generate_series(1, 40) c, "
             "generate_series(timestamptz '2026-11-25T00:00:00Z', '2026-11-25T23:59:59Z', '50 seconds') t");
        exec("INSERT INTO meter_values (charger_id, connector_id, charger_time, received_at, measurand, "
             "value) "
             "VALUES ('CP-WIDE', 100, '2026-11-25T12:00:00Z', now(), '', '1')");
        store::ChargerHistoryQuery query(m_uri);
        const auto history = query.load(store::HistoryQuery{"CP-WIDE", kDayStart, kDayStart + kDay, 10'000});
        QCOMPARE(history.samplesPerConnector, 1250); // 50,000 / 40
        std::map<int, int> perConnector;
        for (const auto& s : history.samples) {
            ++perConnector[s.connectorId];
        }
        QCOMPARE(perConnector.size(), std::size_t(40));
        QVERIFY(!perConnector.contains(100));
        for (const auto& [connector, n] : perConnector) {
            QVERIFY2(n <= 1250 && n >= 1200, qPrintable(QStringLiteral("%1: %2").arg(connector).arg(n)));
        }
        QVERIFY(history.samples.size() <= store::kMaxTotalSamples);
    }

    void listsAreBoundedToTheNewest() {
        exec("INSERT INTO security_events (charger_id, type, severity, source, received_at) "
             "SELECT 'CP-MANY', 'InvalidMessages', 'warning', 'agent', "
             "timestamptz '2026-11-25T00:00:00Z' + i * interval '1 second' FROM generate_series(1, 1500) i");
        store::ChargerHistoryQuery query(m_uri);
        const auto history = query.load(store::HistoryQuery{"CP-MANY", kDayStart, kDayStart + kDay, 10});
        QCOMPARE(history.securityEvents.size(), store::kMaxSecurityEvents);
        QVERIFY(history.truncated);
        QCOMPARE(history.securityEvents.back().at, kDayStart + 1500 * 1000);
        QVERIFY(history.securityEvents.front().at < history.securityEvents.back().at);
    }
};

QTEST_GUILESS_MAIN(TestChargerHistoryQuery)
#include "tst_charger_history_query.moc"
