// OCPP 1.6 Reservation cases of the OCA test tool's CSMS list: the CSMS reserves a connector or the
// whole charger for an idTag, cancels reservations, takes every refusal, and records which transaction
// used which reservation.
#include "tests/conformance/conformance_case.h"

#include <QtTest>

using namespace voltdesk;
using namespace voltdesk::testing;
using contract::ConnectorStatus;
using Json = nlohmann::json;

namespace {

constexpr int kReservationId = 4711;

CaseOptions withBehaviour(const std::function<void(sim::ChargePointBehaviour&)>& change) {
    CaseOptions options;
    change(options.fleet.behaviour);
    return options;
}

Json reserveNow(int connectorId, std::chrono::milliseconds validFor = std::chrono::minutes(15)) {
    return Json{{"connectorId", connectorId},
                {"expiryDate", contract::toIso8601(contract::nowMs() + validFor.count())},
                {"idTag", kValidTag},
                {"reservationId", kReservationId}};
}

/// The reservationId of a StartTransaction the charger sent, 0 when it has none.
int reservationOf(const sim::ExchangedCall* start) {
    if (start == nullptr) {
        return 0;
    }
    const auto it = start->payload.find("reservationId");
    return it != start->payload.end() && it->is_number_integer() ? it->get<int>() : 0;
}

std::string connectorStatusSql(ConformanceCase& c, int connectorId) {
    return "SELECT status FROM connectors WHERE charger_id = '" + c.chargerId() +
           "' AND connector_id = " + std::to_string(connectorId);
}

std::string auditSql(const std::string& action) {
    return "SELECT string_agg(outcome, ',' ORDER BY id) FROM command_audit WHERE action = '" + action + "'";
}

/// ReserveNow on connectorId answered with status, recorded as such, and the charger holds no
/// reservation afterwards.
void reservationRefused(ConformanceCase& c, int connectorId, const std::string& status) {
    CASE_COMPARE(c, c.commandStatus("ReserveNow", reserveNow(connectorId)), status);
    CASE_VERIFY(c, c.waitDb(auditSql("ReserveNow"), status));
    const auto s = c.charger().snapshot();
    CASE_VERIFY(c, !s.connector(connectorId)->reservationId.has_value());
    CASE_VERIFY(c, s.connector(connectorId)->status != ConnectorStatus::Reserved);
}

} // namespace

class TstOcttReservation : public QObject {
    Q_OBJECT

private slots:
    void TC_046_CSMS() {
        // Reserve a connector, then the reserving idTag starts on it: the CSMS answers the Reserved
        // status, and stores the transaction with the reservation it consumed.
        CASE_SETUP(c);
        auto& cp = c.charger();
        CASE_COMPARE(c, c.commandStatus("ReserveNow", reserveNow(1)), std::string("Accepted"));
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Reserved));
        CASE_VERIFY(c, c.waitDb(connectorStatusSql(c, 1), "Reserved"));
        CASE_VERIFY(c, c.waitDb(auditSql("ReserveNow"), "Accepted"));
        cp.plugIn(1);
        cp.presentIdTag(1, kValidTag);
        const auto tx = c.waitStarted(1);
        CASE_VERIFY(c, tx.has_value());
        const auto s = cp.snapshot();
        const auto* start = s.lastSent("StartTransaction");
        CASE_VERIFY(c, reservationOf(start) == kReservationId);
        CASE_COMPARE(c, start->result->at("idTagInfo").value("status", ""), std::string("Accepted"));
        CASE_VERIFY(c, c.waitDb("SELECT reservation_id || '/' || id_tag FROM transactions WHERE "
                                "transaction_id = " +
                                    std::to_string(*tx),
                                std::to_string(kReservationId) + "/" + kValidTag));
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Charging));
        CASE_VERIFY(c, c.waitDb(connectorStatusSql(c, 1), "Charging"));
    }

    void TC_047_CSMS() {
        // The reservation expires unused: the connector goes from Reserved back to Available, the CSMS
        // follows, and no transaction carries the reservation.
        CASE_SETUP(c);
        CASE_COMPARE(c, c.commandStatus("ReserveNow", reserveNow(1, std::chrono::seconds(3))),
                     std::string("Accepted"));
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Reserved));
        CASE_VERIFY(c, c.waitDb(connectorStatusSql(c, 1), "Reserved"));
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Available, 0, std::chrono::seconds(15)));
        CASE_VERIFY(c, c.waitDb(connectorStatusSql(c, 1), "Available"));
        CASE_VERIFY(c,
                    c.waitDb("SELECT (string_agg(status, ',' ORDER BY id) LIKE '%Reserved,Available')::text "
                             "FROM status_history WHERE charger_id = '" +
                                 c.chargerId() + "' AND connector_id = 1",
                             "true"));
        CASE_VERIFY(c, !c.charger().snapshot().connector(1)->reservationId.has_value());
        CASE_COMPARE(c, c.system().scalar("SELECT count(*) FROM transactions"), std::string("0"));
    }

    void TC_048_1_CSMS() {
        // Reserving a faulted connector: Faulted.
        CASE_SETUP(c);
        c.charger().fault(1, "GroundFailure");
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Faulted));
        reservationRefused(c, 1, "Faulted");
    }

    void TC_048_2_CSMS() {
        // Reserving a connector in a transaction: Occupied; the transaction goes on.
        CASE_SETUP(c);
        c.charger().plugIn(1);
        c.charger().presentIdTag(1, kOtherValidTag);
        CASE_VERIFY(c, c.waitStarted(1).has_value());
        reservationRefused(c, 1, "Occupied");
        if (QTest::currentTestFailed()) {
            return;
        }
        CASE_VERIFY(c, c.charger().snapshot().activeTransaction(1) != nullptr);
    }

    void TC_048_3_CSMS() {
        // Reserving an unavailable connector: Unavailable.
        CASE_SETUP(c);
        CASE_COMPARE(c, c.commandStatus("ChangeAvailability", {{"connectorId", 1}, {"type", "Inoperative"}}),
                     std::string("Accepted"));
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Unavailable));
        reservationRefused(c, 1, "Unavailable");
    }

    void TC_048_4_CSMS() {
        // A charger configured not to take reservations: Rejected.
        CASE_SETUP(c, withBehaviour([](auto& b) { b.reservationSupported = false; }));
        reservationRefused(c, 1, "Rejected");
    }

    void TC_049_CSMS() {
        // Reserve the charger as a whole (connector 0); the reserving idTag starts on a connector and
        // the CSMS stores the transaction with the reservation.
        CASE_SETUP(c);
        auto& cp = c.charger();
        CASE_COMPARE(c, c.commandStatus("ReserveNow", reserveNow(0)), std::string("Accepted"));
        CASE_VERIFY(c, cp.snapshot().connector(0)->reservationId == kReservationId);
        cp.plugIn(1);
        cp.presentIdTag(1, kValidTag);
        const auto tx = c.waitStarted(1);
        CASE_VERIFY(c, tx.has_value());
        const auto started = cp.snapshot();
        const auto* start = started.lastSent("StartTransaction");
        CASE_VERIFY(c, reservationOf(start) == kReservationId);
        CASE_VERIFY(c, c.waitDb("SELECT reservation_id FROM transactions WHERE transaction_id = " +
                                    std::to_string(*tx),
                                std::to_string(kReservationId)));
        CASE_VERIFY(c, !cp.snapshot().connector(0)->reservationId.has_value());
    }

    void TC_051_CSMS() {
        // Cancel a reservation: Accepted, the connector is Available again for anyone.
        CASE_SETUP(c);
        CASE_COMPARE(c, c.commandStatus("ReserveNow", reserveNow(1)), std::string("Accepted"));
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Reserved));
        CASE_VERIFY(c, c.waitDb(connectorStatusSql(c, 1), "Reserved"));
        CASE_COMPARE(c, c.commandStatus("CancelReservation", {{"reservationId", kReservationId}}),
                     std::string("Accepted"));
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Available));
        CASE_VERIFY(c, c.waitDb(connectorStatusSql(c, 1), "Available"));
        CASE_VERIFY(c, c.waitDb(auditSql("CancelReservation"), "Accepted"));
        // Another driver may start now.
        c.charger().plugIn(1);
        c.charger().presentIdTag(1, kOtherValidTag);
        const auto tx = c.waitStarted(1);
        CASE_VERIFY(c, tx.has_value());
        CASE_VERIFY(c, c.waitDb("SELECT coalesce(reservation_id::text, 'none') FROM transactions WHERE "
                                "transaction_id = " +
                                    std::to_string(*tx),
                                "none"));
    }

    void TC_052_CSMS() {
        // Cancel a reservation the charger does not hold: Rejected; an existing one is untouched.
        CASE_SETUP(c);
        CASE_COMPARE(c, c.commandStatus("ReserveNow", reserveNow(1)), std::string("Accepted"));
        CASE_VERIFY(c, c.waitStatus(1, ConnectorStatus::Reserved));
        CASE_COMPARE(c, c.commandStatus("CancelReservation", {{"reservationId", kReservationId + 1}}),
                     std::string("Rejected"));
        CASE_VERIFY(c, c.waitDb(auditSql("CancelReservation"), "Rejected"));
        CASE_VERIFY(c, c.charger().snapshot().connector(1)->reservationId == kReservationId);
        CASE_COMPARE(c, c.system().scalar(connectorStatusSql(c, 1)), std::string("Reserved"));
    }
};

QTEST_GUILESS_MAIN(TstOcttReservation)
#include "tst_octt_reservation.moc"
