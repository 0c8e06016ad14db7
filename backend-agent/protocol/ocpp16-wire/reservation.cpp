// Field tables of the Reservation profile, as the OCPP 1.6 JSON schemas list them.
#include "protocol/ocpp16-wire/reservation.h"

#include "protocol/ocpp16-wire/message_schema.h"

namespace voltdesk::ocpp16 {

namespace schema {

template <> struct Schema<ReserveNowRequest> {
    using M = ReserveNowRequest;
    static constexpr auto kFields = std::tuple{
        field("connectorId", &M::connectorId, kConnectorId),
        field("expiryDate", &M::expiryDate, kDateTime),
        field("idTag", &M::idTag, CiString{20}),
        field("parentIdTag", &M::parentIdTag, CiString{20}),
        field("reservationId", &M::reservationId),
    };
};

template <> struct Schema<ReserveNowConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &ReserveNowConfirmation::status)};
};

template <> struct Schema<CancelReservationRequest> {
    static constexpr auto kFields =
        std::tuple{field("reservationId", &CancelReservationRequest::reservationId)};
};

template <> struct Schema<CancelReservationConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &CancelReservationConfirmation::status)};
};

} // namespace schema

template struct MessageCodec<ReserveNowRequest>;
template struct MessageCodec<ReserveNowConfirmation>;
template struct MessageCodec<CancelReservationRequest>;
template struct MessageCodec<CancelReservationConfirmation>;

} // namespace voltdesk::ocpp16
