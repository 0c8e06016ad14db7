// Field tables of the Local Auth List Management profile, as the OCPP 1.6 JSON schemas list them.
#include "protocol/ocpp16-wire/local_auth_list.h"

#include "protocol/ocpp16-wire/common_schemas.h"

namespace voltdesk::ocpp16 {

namespace schema {

template <> struct Schema<AuthorizationData> {
    using M = AuthorizationData;
    static constexpr auto kFields = std::tuple{
        field("idTag", &M::idTag, CiString{20}),
        field("idTagInfo", &M::idTagInfo),
    };
};

template <> struct Schema<GetLocalListVersionRequest> : EmptySchema<GetLocalListVersionRequest> {};

template <> struct Schema<GetLocalListVersionConfirmation> {
    static constexpr auto kFields =
        std::tuple{field("listVersion", &GetLocalListVersionConfirmation::listVersion)};
};

template <> struct Schema<SendLocalListRequest> {
    using M = SendLocalListRequest;
    static constexpr auto kFields = std::tuple{
        field("listVersion", &M::listVersion),
        field("localAuthorizationList", &M::localAuthorizationList),
        field("updateType", &M::updateType),
    };
};

template <> struct Schema<SendLocalListConfirmation> {
    static constexpr auto kFields = std::tuple{field("status", &SendLocalListConfirmation::status)};
};

} // namespace schema

template struct MessageCodec<GetLocalListVersionRequest>;
template struct MessageCodec<GetLocalListVersionConfirmation>;
template struct MessageCodec<SendLocalListRequest>;
template struct MessageCodec<SendLocalListConfirmation>;

} // namespace voltdesk::ocpp16
