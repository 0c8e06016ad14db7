#include "contract/site_info.h"

#include "contract/json_fields.h"

namespace voltdesk::contract {

std::string encodeSiteInfo(const SiteInfo& site) {
    return nlohmann::json{{"v", 1},
                          {"siteId", site.siteId},
                          {"name", site.name},
                          {"address", site.address},
                          {"timeZone", site.timeZone},
                          {"location", {{"lat", site.location.lat}, {"lon", site.location.lon}}}}
        .dump();
}

DecodeResult<SiteInfo> decodeSiteInfo(std::string_view payload) {
    const auto j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return DecodeResult<SiteInfo>::fail("site info is not a JSON object");
    }
    JsonFields f(j);
    SiteInfo s;
    s.siteId = f.string("siteId", true);
    s.name = f.string("name");
    s.address = f.string("address");
    s.timeZone = f.string("timeZone");
    if (!f.ok()) {
        return DecodeResult<SiteInfo>::fail(f.error());
    }
    if (j.contains("location")) {
        JsonFields loc(j["location"], "location.");
        s.location = {loc.number("lat", true), loc.number("lon", true)};
        if (!loc.ok()) {
            return DecodeResult<SiteInfo>::fail(loc.error());
        }
    }
    return DecodeResult<SiteInfo>::ok(std::move(s));
}

} // namespace voltdesk::contract
