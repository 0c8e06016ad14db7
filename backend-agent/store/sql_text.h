// Internal to the store: text from chargers made safe for PostgreSQL's text type, so one odd string
// can never make a whole batch fail.
#pragma once

#include <string>
#include <string_view>

namespace voltdesk::store {

/// Drops NUL bytes (text cannot hold them) and replaces invalid UTF-8 with U+FFFD.
std::string sqlText(std::string_view text);

} // namespace voltdesk::store
