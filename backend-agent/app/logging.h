// The agent's logs on stderr: "key=value" text or JSON lines, one format for every part. Parts log
// through spdlog's default logger as "part: what happened key=value key=\"value with spaces\"".
#pragma once

#include "app/agent_config.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace voltdesk::app {

/// Replaces spdlog's default logger. Timestamps are UTC.
void configureLogging(const std::string& level, LogFormat format);

struct LogLine {
    std::string text;                                        ///< the words before the first key=value
    std::vector<std::pair<std::string, std::string>> fields; ///< in order; quotes removed
};

/// Splits "bus: connected to x broker=tcp://h:1 error=no route" into text and fields. A field's value
/// runs to the next " key=" token, so unquoted values with spaces survive.
LogLine splitLogLine(std::string_view message);

/// One JSON object: {"time":...,"level":...,"msg":text, ...fields}.
std::string jsonLogLine(std::string_view time, std::string_view level, std::string_view message);

} // namespace voltdesk::app
