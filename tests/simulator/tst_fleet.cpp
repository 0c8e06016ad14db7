// The generated fleet: the same seed gives the same fleet, in any split across processes, and every
// charger is believable (1-4 connectors, in Berlin, near its site, a known model).
#include "core/berlin_streets.h"
#include "core/fleet.h"

#include <QtTest>
#include <cmath>
#include <set>

using namespace voltdesk;
using namespace voltdesk::sim;

namespace {

double metresBetween(contract::GeoPoint a, contract::GeoPoint b) {
    const double dLat = (a.lat - b.lat) * 111'320.0;
    const double dLon = (a.lon - b.lon) * 111'320.0 * std::cos(a.lat * 3.14159265 / 180.0);
    return std::hypot(dLat, dLon);
}

} // namespace

class TestFleet : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameFleet() {
        const auto a = toInventory(generateFleet({.seed = 7, .count = 300}));
        const auto b = toInventory(generateFleet({.seed = 7, .count = 300}));
        QVERIFY(a == b);
        QCOMPARE(contract::encodeInventory(a), contract::encodeInventory(b));
    }

    void otherSeedOtherFleet() {
        const auto a = toInventory(generateFleet({.seed = 7, .count = 50}));
        const auto b = toInventory(generateFleet({.seed = 8, .count = 50}));
        QVERIFY(!(a == b));
    }

    void countsAndIds() {
        const auto fleet = generateFleet({.seed = 1, .count = 200});
        QCOMPARE(fleet.chargers.size(), std::size_t(200));
        QCOMPARE(QString::fromStdString(fleet.chargers.front().chargerId), QString("VD-BER-00001"));
        QCOMPARE(QString::fromStdString(fleet.chargers[41].chargerId), QString("VD-BER-00042"));
        std::set<std::string> ids;
        for (const auto& c : fleet.chargers) {
            QVERIFY(ids.insert(c.chargerId).second);
        }
        QVERIFY(fleet.sites.size() > 20);
        QVERIFY(fleet.sites.size() < 200);
        QVERIFY(generateFleet({.seed = 1, .count = 0}).chargers.empty());
    }

    void rangesComposeToTheWholeFleet() {
        const auto whole = generateFleet({.seed = 3, .count = 1000});
        for (int first : {1, 2, 137, 500, 999}) {
            const auto part = generateFleet({.seed = 3, .count = 1001 - first, .firstIndex = first});
            QCOMPARE(part.chargers.size(), std::size_t(1001 - first));
            for (std::size_t i = 0; i < part.chargers.size(); ++i) {
                const auto& p = part.chargers[i];
                const auto& w = whole.chargers[static_cast<std::size_t>(first - 1) + i];
                QCOMPARE(p.chargerId, w.chargerId);
                QCOMPARE(p.serialNumber, w.serialNumber);
                QVERIFY(p.location == w.location);
                QVERIFY(part.sites[p.siteIndex].info == whole.sites[w.siteIndex].info);
            }
        }
    }

    void chargersAreBelievable() {
        const auto fleet = generateFleet({.seed = 11, .count = 10'000});
        QCOMPARE(fleet.chargers.size(), std::size_t(10'000));
        std::set<int> connectorCounts;
        int dc = 0;
        for (const auto& c : fleet.chargers) {
            QVERIFY2(c.connectorCount >= 1 && c.connectorCount <= 4, c.chargerId.c_str());
            connectorCounts.insert(c.connectorCount);
            QVERIFY(kBerlinBounds.contains(c.location));
            const auto& site = fleet.sites[c.siteIndex].info;
            QVERIFY2(metresBetween(c.location, site.location) <= 25, c.chargerId.c_str());
            QVERIFY(c.maxPowerKw == 11 || c.maxPowerKw == 22 || c.maxPowerKw >= 50);
            QCOMPARE(c.dc, c.maxPowerKw >= 50);
            QVERIFY(!c.vendor.empty() && c.vendor.size() <= 20); // OCPP CiString20
            QVERIFY(!c.model.empty() && c.model.size() <= 20);
            QVERIFY(!c.serialNumber.empty() && c.serialNumber.size() <= 25);
            QVERIFY(!c.firmwareVersion.empty());
            dc += c.dc ? 1 : 0;
        }
        QCOMPARE(connectorCounts, (std::set<int>{1, 2, 3, 4}));
        // Most public chargers in a city are AC; fast chargers are a sizeable minority.
        QVERIFY(dc > 1000 && dc < 4000);
    }

    void sitesAreOnBerlinStreets() {
        const auto fleet = generateFleet({.seed = 5, .count = 2000});
        std::set<std::string> streets;
        for (const auto& s : fleet.sites) {
            QVERIFY(kBerlinBounds.contains(s.info.location));
            QCOMPARE(QString::fromStdString(s.info.timeZone), QString("Europe/Berlin"));
            const QString address = QString::fromStdString(s.info.address);
            QVERIFY2(QRegularExpression(R"(^\D+ \d+, \d{5} Berlin$)").match(address).hasMatch(),
                     s.info.address.c_str());
            QVERIFY(s.info.siteId.starts_with("VD-BER-S"));
            streets.insert(
                s.info.address.substr(0, s.info.address.find_last_of(' ', s.info.address.find(','))));
        }
        QVERIFY(streets.size() > 25);
        for (const auto& seg : berlinStreets()) {
            QVERIFY(kBerlinBounds.contains(seg.from) && kBerlinBounds.contains(seg.to));
            QVERIFY(seg.firstNumber >= 1 && seg.firstNumber < seg.lastNumber);
        }
    }

    void inventoryRoundTrips() {
        const auto inv = toInventory(generateFleet({.seed = 2, .count = 500, .idPrefix = "SIM-"}));
        const auto decoded = contract::decodeInventory(contract::encodeInventory(inv));
        QVERIFY2(decoded, decoded ? "" : decoded.error().c_str());
        QCOMPARE(decoded.value().chargers.size(), std::size_t(500));
        QCOMPARE(QString::fromStdString(decoded.value().chargers[0].chargerId), QString("SIM-00001"));
    }

    void refusesBadOptions() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateFleet({.count = -1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateFleet({.firstIndex = 0}));
    }
};

QTEST_APPLESS_MAIN(TestFleet)
#include "tst_fleet.moc"
