// A charging site as the consoles see it: where it is and what it is called.
#pragma once

#include "contract/charger_state.h"
#include "contract/decode_result.h"

#include <string>
#include <string_view>

namespace voltdesk::contract {

struct SiteInfo {
    std::string siteId;
    std::string name;
    std::string address;
    std::string timeZone; ///< IANA name, e.g. "Europe/Berlin"
    GeoPoint location;

    bool operator==(const SiteInfo&) const = default;
};

std::string encodeSiteInfo(const SiteInfo& site);
DecodeResult<SiteInfo> decodeSiteInfo(std::string_view payload);

} // namespace voltdesk::contract
