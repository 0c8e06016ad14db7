// OCPP 1.6 Local Auth List Management profile messages (field tables in local_auth_list.cpp).
#pragma once

#include "protocol/ocpp16-wire/common_types.h"
#include "protocol/ocpp16-wire/message.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voltdesk::ocpp16 {

enum class UpdateType { Differential, Full };
enum class UpdateStatus { Accepted, Failed, NotSupported, VersionMismatch };

template <> struct EnumText<UpdateType> {
    using enum UpdateType;
    static constexpr auto kNames = enumNames<UpdateType>({{Differential, "Differential"}, {Full, "Full"}});
};

template <> struct EnumText<UpdateStatus> {
    using enum UpdateStatus;
    static constexpr auto kNames = enumNames<UpdateStatus>({
        {Accepted, "Accepted"},
        {Failed, "Failed"},
        {NotSupported, "NotSupported"},
        {VersionMismatch, "VersionMismatch"},
    });
};

struct AuthorizationData {
    std::string idTag;                  ///< CiString20
    std::optional<IdTagInfo> idTagInfo; ///< absent in a Differential update: remove the idTag
    bool operator==(const AuthorizationData&) const = default;
};

struct GetLocalListVersionRequest {
    static constexpr std::string_view kAction = "GetLocalListVersion";
    bool operator==(const GetLocalListVersionRequest&) const = default;
};

struct GetLocalListVersionConfirmation {
    static constexpr std::string_view kAction = "GetLocalListVersion";
    int listVersion = 0; ///< 0: no list; -1: not supported
    bool operator==(const GetLocalListVersionConfirmation&) const = default;
};

struct SendLocalListRequest {
    static constexpr std::string_view kAction = "SendLocalList";
    int listVersion = 0;
    std::optional<std::vector<AuthorizationData>> localAuthorizationList;
    UpdateType updateType = UpdateType::Full;
    bool operator==(const SendLocalListRequest&) const = default;
};

struct SendLocalListConfirmation {
    static constexpr std::string_view kAction = "SendLocalList";
    UpdateStatus status = UpdateStatus::Accepted;
    bool operator==(const SendLocalListConfirmation&) const = default;
};

// clang-format off
template <> struct Action<"GetLocalListVersion"> : ActionTypes<GetLocalListVersionRequest, GetLocalListVersionConfirmation> {};
template <> struct Action<"SendLocalList"> : ActionTypes<SendLocalListRequest, SendLocalListConfirmation> {};
// clang-format on

} // namespace voltdesk::ocpp16
