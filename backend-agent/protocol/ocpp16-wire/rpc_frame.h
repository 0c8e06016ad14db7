// OCPP-J 1.6 RPC framing (section 4): CALL [2,id,action,{}], CALLRESULT [3,id,{}] and
// CALLERROR [4,id,code,description,{}]; parsing turns any broken frame into the CALLERROR to answer.
#pragma once

#include "protocol/ocpp16-wire/error_code.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace voltdesk::ocpp16 {

enum class MessageType { Call = 2, CallResult = 3, CallError = 4 };

/// OCPP-J 1.6 4.1.3: a message id is a string of at most 36 characters.
inline constexpr std::size_t kMaxMessageIdLength = 36;
/// The id a CALLERROR carries when the offending frame's id cannot be read (or is not a valid id).
/// OCPP-J gives no rule for this case; "-1" is what most central systems send and cannot collide
/// with a UUID a charger generated.
inline constexpr std::string_view kUnknownMessageId = "-1";
inline constexpr std::size_t kDefaultMaxFrameBytes = std::size_t{64} * 1024;
/// No OCPP 1.6 payload nests deeper than about 6 levels; the cap keeps recursive JSON code safe.
inline constexpr std::size_t kDefaultMaxNestingDepth = 32;

struct Call {
    std::string messageId;
    std::string action;
    nlohmann::json payload = nlohmann::json::object();
};

struct CallResult {
    std::string messageId;
    nlohmann::json payload = nlohmann::json::object();
};

struct CallError {
    std::string messageId;
    ErrorCode code = ErrorCode::GenericError;
    std::string description;
    nlohmann::json details = nlohmann::json::object();
};

/// A frame that could not be parsed, and the CALLERROR that answers it.
struct FrameError {
    CallError reply;
    /// The message type id when it could be read, even from a broken frame.
    std::optional<MessageType> messageType;

    /// OCPP-J answers CALLs only: a broken CALLRESULT or CALLERROR gets no reply (answering an error
    /// with an error can loop between two peers). Anything else, including frames whose type cannot
    /// be read, is answered so the sender learns what was wrong.
    bool shouldReply() const {
        return messageType != MessageType::CallResult && messageType != MessageType::CallError;
    }
};

using ParsedFrame = std::variant<Call, CallResult, CallError, FrameError>;

struct FrameLimits {
    std::size_t maxFrameBytes = kDefaultMaxFrameBytes;
    std::size_t maxNestingDepth = kDefaultMaxNestingDepth;
};

/// Parses one text frame. Never throws. Broken frames map to these CALLERROR codes:
/// - larger than maxFrameBytes (not parsed; id read from the prefix): FormationViolation
/// - nested deeper than maxNestingDepth, invalid or truncated JSON, not an array, type id not the
///   integer 2, 3 or 4, an element of the wrong JSON type, an id that is empty or longer than 36
///   characters, more elements than the type has: FormationViolation
/// - fewer elements than the type needs (including []): ProtocolError ("incomplete")
/// The reply's id is the frame's id whenever it can be read (from the parsed array, or from the
/// `[2,"<id>"` prefix of broken JSON), else kUnknownMessageId. A numeric id is read as its digits.
/// A CALLERROR without its details element is accepted (several chargers omit it).
ParsedFrame parseFrame(std::string_view text, const FrameLimits& limits = {});

/// What a best-effort scan of the start of a frame found; the text need not be complete JSON.
struct FramePrefix {
    std::optional<MessageType> messageType;
    std::optional<std::string> messageId; ///< only a valid id: 1..36 printable ASCII characters
};

/// Reads `[<type>,"<id>"` (whitespace allowed, numeric ids too) from the start of text.
FramePrefix scanFramePrefix(std::string_view text);

/// Frames as compact JSON text. Never throws: invalid UTF-8 in strings is replaced by U+FFFD.
std::string serialize(const Call& call);
std::string serialize(const CallResult& result);
std::string serialize(const CallError& error);

/// A CALLERROR answering messageId.
CallError makeCallError(std::string messageId, ErrorCode code, std::string description);

} // namespace voltdesk::ocpp16
