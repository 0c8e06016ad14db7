#include "app/logging.h"

#include <cctype>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace voltdesk::app {

namespace {

bool isKeyChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

/// Length of "key=" at s[i] (i at a token start), or 0 when it is not one.
std::size_t keyAt(std::string_view s, std::size_t i) {
    std::size_t j = i;
    while (j < s.size() && isKeyChar(s[j])) {
        ++j;
    }
    return (j > i && j < s.size() && s[j] == '=') ? j - i : 0;
}

std::string unquote(std::string_view v) {
    while (!v.empty() && v.back() == ' ') {
        v.remove_suffix(1);
    }
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
        v = v.substr(1, v.size() - 2);
    }
    return std::string(v);
}

/// The whole JSON line, so that one place decides its shape (jsonLogLine).
class JsonLine : public spdlog::custom_flag_formatter {
public:
    void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
        const auto since = msg.time.time_since_epoch();
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since);
        const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since - seconds).count();
        const std::time_t t = seconds.count();
        std::tm utc{};
        gmtime_r(&t, &utc);
        char stamp[40];
        const auto length = std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &utc);
        const std::string time =
            std::string(stamp, length) + "." + std::to_string(1000 + millis).substr(1) + "Z";
        const auto level = spdlog::level::to_string_view(msg.level);
        const std::string line = jsonLogLine(time, std::string_view(level.data(), level.size()),
                                             std::string_view(msg.payload.data(), msg.payload.size()));
        dest.append(line.data(), line.data() + line.size());
    }
    std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<JsonLine>(); }
};

} // namespace

LogLine splitLogLine(std::string_view message) {
    LogLine line;
    const std::size_t n = message.size();
    // The value of a field, or the text, ends where a " key=" token starts.
    const auto boundaryFrom = [&](std::size_t from) {
        for (std::size_t pos = from; pos < n; ++pos) {
            if (message[pos] == ' ' && pos + 1 < n && keyAt(message, pos + 1) > 0) {
                return pos;
            }
        }
        return n;
    };
    std::size_t i = keyAt(message, 0) > 0 ? 0 : boundaryFrom(0);
    line.text = unquote(message.substr(0, i));
    if (i < n && message[i] == ' ') {
        ++i;
    }
    while (i < n) {
        const std::size_t keyLength = keyAt(message, i);
        const std::size_t valueStart = i + keyLength + 1;
        std::size_t end = boundaryFrom(valueStart);
        if (valueStart < n && message[valueStart] == '"') {
            // A quoted value may itself contain " key=".
            const auto close = message.find('"', valueStart + 1);
            if (close != std::string_view::npos) {
                end = boundaryFrom(close + 1);
            }
        }
        line.fields.emplace_back(std::string(message.substr(i, keyLength)),
                                 unquote(message.substr(valueStart, end - valueStart)));
        i = end + 1;
    }
    return line;
}

std::string jsonLogLine(std::string_view time, std::string_view level, std::string_view message) {
    const auto line = splitLogLine(message);
    nlohmann::ordered_json object;
    object["time"] = time;
    object["level"] = level;
    object["msg"] = line.text;
    for (const auto& [key, value] : line.fields) {
        if (key != "msg" && key != "time" && key != "level") {
            object[key] = value;
        }
    }
    return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void configureLogging(const std::string& level, LogFormat format) {
    auto logger =
        std::make_shared<spdlog::logger>("voltdesk-agent", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
    if (format == LogFormat::Json) {
        formatter->add_flag<JsonLine>('*').set_pattern("%*");
    } else {
        formatter->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %-5l %v");
    }
    logger->set_formatter(std::move(formatter));
    logger->set_level(spdlog::level::from_str(level));
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(std::move(logger));
}

} // namespace voltdesk::app
