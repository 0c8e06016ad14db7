#include "protocol/ocpp16-wire/rpc_frame.h"

#include <algorithm>
#include <utility>

namespace voltdesk::ocpp16 {

namespace {

using Json = nlohmann::json;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skipSpace(std::string_view s, std::size_t pos) {
    while (pos < s.size() && isSpace(s[pos])) {
        ++pos;
    }
    return pos;
}

// Ids go back to the sender verbatim, so only ones that are valid and safe to echo are kept.
bool isValidId(std::string_view id) {
    if (id.empty() || id.size() > kMaxMessageIdLength) {
        return false;
    }
    for (const char c : id) {
        if (c < 0x20 || c > 0x7e) {
            return false;
        }
    }
    return true;
}

std::optional<MessageType> messageTypeOf(long long value) {
    switch (value) {
    case 2:
        return MessageType::Call;
    case 3:
        return MessageType::CallResult;
    case 4:
        return MessageType::CallError;
    default:
        return std::nullopt;
    }
}

// Deepest [ or { nesting outside strings; stops early once past the limit.
std::size_t nestingDepth(std::string_view s, std::size_t limit) {
    std::size_t depth = 0, deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit) {
                return deepest;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

std::string dumpJson(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// A default-constructed (null) payload means "no fields": OCPP-J always sends an object.
std::string dumpObject(const Json& j) {
    return j.is_null() ? std::string("{}") : dumpJson(j);
}

FrameError frameError(std::string id, std::optional<MessageType> type, ErrorCode code,
                      std::string description) {
    return FrameError{makeCallError(id.empty() ? std::string(kUnknownMessageId) : std::move(id), code,
                                    std::move(description)),
                      type};
}

FrameError errorFromPrefix(std::string_view text, ErrorCode code, std::string description) {
    FramePrefix prefix = scanFramePrefix(text);
    return frameError(prefix.messageId.value_or(std::string()), prefix.messageType, code,
                      std::move(description));
}

std::string idOf(const Json& element) {
    if (element.is_string()) {
        const auto& s = element.get_ref<const std::string&>();
        return isValidId(s) ? s : std::string();
    }
    if (element.is_number_integer()) {
        return std::to_string(element.get<long long>());
    }
    return {};
}

std::string_view elementCountText(MessageType type) {
    switch (type) {
    case MessageType::Call:
        return "a CALL has 4 elements [2, id, action, payload]";
    case MessageType::CallResult:
        return "a CALLRESULT has 3 elements [3, id, payload]";
    case MessageType::CallError:
        return "a CALLERROR has 5 elements [4, id, errorCode, errorDescription, errorDetails]";
    }
    return {};
}

} // namespace

FramePrefix scanFramePrefix(std::string_view s) {
    FramePrefix result;
    std::size_t pos = skipSpace(s, 0);
    if (pos >= s.size() || s[pos] != '[') {
        return result;
    }
    pos = skipSpace(s, pos + 1);
    const std::size_t typeStart = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && pos - typeStart < 3) {
        ++pos;
    }
    if (pos == typeStart || pos >= s.size()) {
        return result;
    }
    if (s[pos] != ',' && !isSpace(s[pos])) {
        return result;
    }
    result.messageType = messageTypeOf(std::stoll(std::string(s.substr(typeStart, pos - typeStart))));
    const std::size_t afterType = skipSpace(s, pos);
    if (afterType >= s.size() || s[afterType] != ',') {
        return result;
    }
    pos = skipSpace(s, afterType + 1);
    if (pos >= s.size()) {
        return result;
    }
    if (s[pos] == '"') {
        const std::size_t end = s.find('"', pos + 1);
        if (end == std::string_view::npos) {
            return result;
        }
        const std::string_view id = s.substr(pos + 1, end - pos - 1);
        // An escape would need decoding; ids with one are not worth the risk of echoing them wrong.
        if (isValidId(id) && id.find('\\') == std::string_view::npos) {
            result.messageId = std::string(id);
        }
    } else if (s[pos] >= '0' && s[pos] <= '9') {
        const std::size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            ++pos;
        }
        // Only a number the text shows complete: "12" of a truncated "123" would be the wrong id.
        if (pos < s.size() && pos - start <= kMaxMessageIdLength) {
            const std::size_t next = skipSpace(s, pos);
            if (next < s.size() && (s[next] == ',' || s[next] == ']')) {
                result.messageId = std::string(s.substr(start, pos - start));
            }
        }
    }
    return result;
}

ParsedFrame parseFrame(std::string_view text, const FrameLimits& limits) {
    if (text.size() > limits.maxFrameBytes) {
        return errorFromPrefix(text, ErrorCode::FormationViolation,
                               "frame of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                                   std::to_string(limits.maxFrameBytes) + " bytes");
    }
    if (nestingDepth(text, limits.maxNestingDepth) > limits.maxNestingDepth) {
        return errorFromPrefix(text, ErrorCode::FormationViolation,
                               "JSON nested deeper than " + std::to_string(limits.maxNestingDepth) +
                                   " levels");
    }
    Json json = Json::parse(text, nullptr, false);
    if (json.is_discarded()) {
        return errorFromPrefix(text, ErrorCode::FormationViolation, "frame is not valid JSON");
    }
    if (!json.is_array()) {
        return frameError({}, std::nullopt, ErrorCode::FormationViolation, "frame is not a JSON array");
    }
    auto& a = json;
    if (a.empty()) {
        return frameError({}, std::nullopt, ErrorCode::ProtocolError, "frame is an empty array");
    }
    std::string id = a.size() > 1 ? idOf(a[1]) : std::string();
    if (!a[0].is_number_integer()) {
        return frameError(std::move(id), std::nullopt, ErrorCode::FormationViolation,
                          "message type id must be the integer 2, 3 or 4");
    }
    const auto type = messageTypeOf(a[0].get<long long>());
    if (!type) {
        return frameError(std::move(id), std::nullopt, ErrorCode::FormationViolation,
                          "unknown message type id " + dumpJson(a[0]) + " (2, 3 or 4 expected)");
    }
    const std::size_t needed = *type == MessageType::Call ? 4 : *type == MessageType::CallResult ? 3 : 5;
    // A CALLERROR without details is accepted; see the header.
    const std::size_t least = *type == MessageType::CallError ? 4 : needed;
    if (a.size() < least) {
        return frameError(std::move(id), type, ErrorCode::ProtocolError,
                          "incomplete frame: " + std::string(elementCountText(*type)));
    }
    if (a.size() > needed) {
        return frameError(std::move(id), type, ErrorCode::FormationViolation,
                          "too many elements: " + std::string(elementCountText(*type)));
    }
    if (!a[1].is_string()) {
        return frameError(std::move(id), type, ErrorCode::FormationViolation, "message id must be a string");
    }
    if (id.empty()) {
        return frameError({}, type, ErrorCode::FormationViolation,
                          "message id must be 1 to 36 printable characters");
    }
    switch (*type) {
    case MessageType::Call:
        if (!a[2].is_string()) {
            return frameError(std::move(id), type, ErrorCode::FormationViolation, "action must be a string");
        }
        if (!a[3].is_object()) {
            return frameError(std::move(id), type, ErrorCode::FormationViolation,
                              "payload must be a JSON object");
        }
        return Call{std::move(id), a[2].get<std::string>(), std::move(a[3])};
    case MessageType::CallResult:
        if (!a[2].is_object()) {
            return frameError(std::move(id), type, ErrorCode::FormationViolation,
                              "payload must be a JSON object");
        }
        return CallResult{std::move(id), std::move(a[2])};
    case MessageType::CallError: {
        if (!a[2].is_string() || !a[3].is_string() || (a.size() == 5 && !a[4].is_object())) {
            return frameError(
                std::move(id), type, ErrorCode::FormationViolation,
                "a CALLERROR needs a string code, a string description and an object of details");
        }
        CallError error;
        error.messageId = std::move(id);
        error.code =
            errorCodeFromString(a[2].get_ref<const std::string&>()).value_or(ErrorCode::GenericError);
        error.description = a[3].get<std::string>();
        if (a.size() == 5) {
            error.details = std::move(a[4]);
        }
        return error;
    }
    }
    return frameError(std::move(id), type, ErrorCode::InternalError, "unreachable");
}

std::string serialize(const Call& call) {
    return "[2," + dumpJson(call.messageId) + "," + dumpJson(call.action) + "," + dumpObject(call.payload) +
           "]";
}

std::string serialize(const CallResult& result) {
    return "[3," + dumpJson(result.messageId) + "," + dumpObject(result.payload) + "]";
}

std::string serialize(const CallError& error) {
    return "[4," + dumpJson(error.messageId) + "," + dumpJson(std::string(toString(error.code))) + "," +
           dumpJson(error.description) + "," + dumpObject(error.details) + "]";
}

CallError makeCallError(std::string messageId, ErrorCode code, std::string description) {
    return CallError{std::move(messageId), code, std::move(description), Json::object()};
}

} // namespace voltdesk::ocpp16
