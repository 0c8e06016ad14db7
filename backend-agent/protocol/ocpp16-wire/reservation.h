// OCPP 1.6 Reservation profile messages (field tables in reservation.cpp).
#pragma once

#include "protocol/ocpp16-wire/common_types.h"
#include "protocol/ocpp16-wire/message.h"

#include <optional>
#include <string>
#include <string_view>

namespace voltdesk::ocpp16 {

enum class ReservationStatus { Accepted, Faulted, Occupied, Rejected, Unavailable };
enum class CancelReservationStatus { Accepted, Rejected };

template <> struct EnumText<ReservationStatus> {
    using enum ReservationStatus;
    static constexpr auto kNames = enumNames<ReservationStatus>({
        {Accepted, "Accepted"},
        {Faulted, "Faulted"},
        {Occupied, "Occupied"},
        {Rejected, "Rejected"},
        {Unavailable, "Unavailable"},
    });
};

template <> struct EnumText<CancelReservationStatus> {
    using enum CancelReservationStatus;
    static constexpr auto kNames =
        enumNames<CancelReservationStatus>({{Accepted, "Accepted"}, {Rejected, "Rejected"}});
};

struct ReserveNowRequest {
    static constexpr std::string_view kAction = "ReserveNow";
    int connectorId = 0; ///< 0: any connector
    EpochMs expiryDate = 0;
    std::string idTag;                      ///< CiString20
    std::optional<std::string> parentIdTag; ///< CiString20
    int reservationId = 0;
    bool operator==(const ReserveNowRequest&) const = default;
};

struct ReserveNowConfirmation {
    static constexpr std::string_view kAction = "ReserveNow";
    ReservationStatus status = ReservationStatus::Accepted;
    bool operator==(const ReserveNowConfirmation&) const = default;
};

struct CancelReservationRequest {
    static constexpr std::string_view kAction = "CancelReservation";
    int reservationId = 0;
    bool operator==(const CancelReservationRequest&) const = default;
};

struct CancelReservationConfirmation {
    static constexpr std::string_view kAction = "CancelReservation";
    CancelReservationStatus status = CancelReservationStatus::Accepted;
    bool operator==(const CancelReservationConfirmation&) const = default;
};

template <> struct Action<"ReserveNow"> : ActionTypes<ReserveNowRequest, ReserveNowConfirmation> {};
template <>
struct Action<"CancelReservation"> : ActionTypes<CancelReservationRequest, CancelReservationConfirmation> {};

} // namespace voltdesk::ocpp16
