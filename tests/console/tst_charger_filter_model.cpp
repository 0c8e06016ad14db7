// ChargerFilterModel: status toggles, search text, and re-filtering as chargers change.
#include "models/charger_filter_model.h"
#include "models/charger_model.h"
#include "tests/console/model_fixtures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace voltdesk;
using models::ChargerFilterModel;
using models::ChargerModel;
using CS = contract::ConnectorStatus;
using contract::ChargerStatus;
using testing::stateMessage;

namespace {

QStringList idsOf(const QAbstractItemModel& m) {
    QStringList ids;
    for (int r = 0; r < m.rowCount(); ++r) {
        ids << m.index(r, 0).data(ChargerModel::ChargerIdRole).toString();
    }
    ids.sort();
    return ids;
}

contract::ChargerState withVendor(contract::ChargerState s, const char* vendor, const char* model) {
    s.vendor = vendor;
    s.model = model;
    return s;
}

} // namespace

class TestChargerFilterModel : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_source = std::make_unique<ChargerModel>();
        m_filter = std::make_unique<ChargerFilterModel>();
        m_filter->setSourceModel(m_source.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_filter.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_source->applyMessages({
            stateMessage(
                withVendor(testing::chargerState("mitte", "CP-001", {CS::Available}), "ABB", "Terra 54")),
            stateMessage(
                withVendor(testing::chargerState("mitte", "CP-002", {CS::Charging}), "Alpitronic", "HYC300")),
            stateMessage(withVendor(testing::chargerState("kreuzberg", "KB-1", {CS::Faulted}), "Kempower",
                                    "S-Series")),
            stateMessage(
                withVendor(testing::chargerState("kreuzberg", "KB-2", {CS::Charging}), "ABB", "Terra 184")),
            testing::siteMessage("mitte", "Alexanderplatz"),
            testing::siteMessage("kreuzberg", "Görlitzer Park"),
        });
    }
    void cleanup() {
        m_tester.reset();
        m_filter.reset();
        m_source.reset();
    }

    void showsEverythingAtFirst() {
        QCOMPARE(m_filter->rowCount(), 4);
        for (int s = 0; s < contract::kChargerStatusCount; ++s) {
            QVERIFY(m_filter->isStatusVisible(s));
        }
        QVERIFY(m_filter->searchText().isEmpty());
    }

    void togglesStatuses() {
        QSignalSpy changed(m_filter.get(), &ChargerFilterModel::statusFilterChanged);
        m_filter->setStatusVisible(ChargerStatus::Charging, false);
        QCOMPARE(idsOf(*m_filter), (QStringList{"CP-001", "KB-1"}));
        QVERIFY(!m_filter->isStatusVisible(ChargerStatus::Charging));
        m_filter->setStatusVisible(ChargerStatus::Faulted, false);
        QCOMPARE(idsOf(*m_filter), QStringList{"CP-001"});
        m_filter->setStatusVisible(ChargerStatus::Faulted, false); // no change, no signal
        QCOMPARE(changed.count(), 2);
        m_filter->setStatusVisible(static_cast<int>(ChargerStatus::Charging), true);
        QCOMPARE(idsOf(*m_filter), (QStringList{"CP-001", "CP-002", "KB-2"}));
        m_filter->showAllStatuses();
        QCOMPARE(m_filter->rowCount(), 4);
        m_filter->setStatusVisible(99, false); // out of range: ignored
        QCOMPARE(m_filter->rowCount(), 4);
    }

    void searches_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("id") << "cp-00" << QStringList{"CP-001", "CP-002"};
        QTest::newRow("exact id") << "KB-1" << QStringList{"KB-1"};
        QTest::newRow("site name") << "alexander" << QStringList{"CP-001", "CP-002"};
        QTest::newRow("site name non-ascii") << "GÖRLITZER" << QStringList{"KB-1", "KB-2"};
        QTest::newRow("site id") << "kreuz" << QStringList{"KB-1", "KB-2"};
        QTest::newRow("vendor") << "abb" << QStringList{"CP-001", "KB-2"};
        QTest::newRow("model") << "hyc" << QStringList{"CP-002"};
        QTest::newRow("surrounding spaces") << "  terra 184 " << QStringList{"KB-2"};
        QTest::newRow("nothing") << "zzz" << QStringList{};
        QTest::newRow("empty") << "" << QStringList{"CP-001", "CP-002", "KB-1", "KB-2"};
    }
    void searches() {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        m_filter->setSearchText(text);
        QCOMPARE(idsOf(*m_filter), ids);
    }

    void searchAndStatusCombine() {
        m_filter->setSearchText(QStringLiteral("abb"));
        m_filter->setStatusVisible(ChargerStatus::Available, false);
        QCOMPARE(idsOf(*m_filter), QStringList{"KB-2"});
    }

    void refiltersWhenChargersChange() {
        m_filter->setStatusVisible(ChargerStatus::Faulted, false);
        QCOMPARE(m_filter->rowCount(), 3);
        const auto fault = stateMessage("mitte", "CP-001", {CS::Faulted});
        m_source->applyMessage(fault.topic, fault.payload);
        QCOMPARE(idsOf(*m_filter), (QStringList{"CP-002", "KB-2"}));
        const auto repaired = stateMessage("kreuzberg", "KB-1", {CS::Available});
        m_source->applyMessage(repaired.topic, repaired.payload);
        QCOMPARE(idsOf(*m_filter), (QStringList{"CP-002", "KB-1", "KB-2"}));
        const auto added = stateMessage("mitte", "CP-003", {CS::Available});
        m_source->applyMessage(added.topic, added.payload);
        QCOMPARE(m_filter->rowCount(), 4);
        const auto removed = testing::removalMessage("mitte", "CP-002");
        m_source->applyMessage(removed.topic, removed.payload);
        QCOMPARE(idsOf(*m_filter), (QStringList{"CP-003", "KB-1", "KB-2"}));
    }

private:
    std::unique_ptr<ChargerModel> m_source;
    std::unique_ptr<ChargerFilterModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestChargerFilterModel)
#include "tst_charger_filter_model.moc"
