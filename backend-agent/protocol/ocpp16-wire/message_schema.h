// Internal to ocpp16-wire: each message and nested type is described once, as a table of fields
// (Schema<T>::kFields); one generic encoder and one generic decoder walk the tables.
#pragma once

#include "protocol/ocpp16-wire/message.h"
#include "protocol/ocpp16-wire/payload_reader.h"

#include <climits>
#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace voltdesk::ocpp16::schema {

using Json = nlohmann::json;

/// Specialised per message and nested type: static constexpr auto kFields = std::tuple{field(...), ...},
/// in schema order (the first violation in that order is the one reported).
template <typename T> struct Schema;

template <typename T> Json encodeObject(const T& value);
template <typename T> T decodeObject(PayloadReader& reader);

// Codecs: how one field's value goes to JSON and is read back through PayloadReader.

struct CiString {
    std::size_t maxLength = PayloadReader::kUnbounded;
    static Json encode(const std::string& v) { return v; }
    std::optional<std::string> read(PayloadReader& r, const char* key, bool required) const {
        return r.string(key, required, maxLength);
    }
};

struct Uri {
    static Json encode(const std::string& v) { return v; }
    static std::optional<std::string> read(PayloadReader& r, const char* key, bool required) {
        return r.uri(key, required);
    }
};

struct Integer {
    long long min = INT_MIN;
    long long max = INT_MAX;
    static Json encode(long long v) { return v; }
    std::optional<long long> read(PayloadReader& r, const char* key, bool required) const {
        return r.integer(key, required, min, max);
    }
};

struct Decimal {
    double multipleOf = 0;
    static Json encode(double v) { return v; }
    std::optional<double> read(PayloadReader& r, const char* key, bool required) const {
        return r.decimal(key, required, multipleOf);
    }
};

struct Boolean {
    static Json encode(bool v) { return v; }
    static std::optional<bool> read(PayloadReader& r, const char* key, bool required) {
        return r.boolean(key, required);
    }
};

struct DateTime {
    static Json encode(contract::EpochMs v) { return contract::toIso8601(v); }
    static std::optional<contract::EpochMs> read(PayloadReader& r, const char* key, bool required) {
        return r.dateTime(key, required);
    }
};

template <WireEnum E> struct Enum {
    static Json encode(E v) { return toString(v); }
    static std::optional<E> read(PayloadReader& r, const char* key, bool required) {
        return r.enumeration<E>(key, required);
    }
};

template <typename T> struct Object {
    static Json encode(const T& v) { return encodeObject(v); }
    static std::optional<T> read(PayloadReader& r, const char* key, bool required) {
        return r.object(key, required, [](PayloadReader& child) { return decodeObject<T>(child); });
    }
};

template <typename T> struct ObjectArray {
    std::size_t minItems = 0;
    static Json encode(const std::vector<T>& items) {
        Json array = Json::array();
        for (const auto& item : items) {
            array.push_back(encodeObject(item));
        }
        return array;
    }
    std::optional<std::vector<T>> read(PayloadReader& r, const char* key, bool required) const {
        return r.objectArray(key, required, minItems,
                             [](PayloadReader& child) { return decodeObject<T>(child); });
    }
};

struct StringArray {
    std::size_t maxLength = PayloadReader::kUnbounded;
    static Json encode(const std::vector<std::string>& items) { return items; }
    std::optional<std::vector<std::string>> read(PayloadReader& r, const char* key, bool required) const {
        return r.stringArray(key, required, maxLength);
    }
};

inline constexpr DateTime kDateTime{};
inline constexpr Uri kUri{};
/// OCPP numbers connectors from 1, with 0 for the charge point as a whole; the schemas only say
/// "integer", the specification's text forbids negatives.
inline constexpr Integer kConnectorId{0, INT_MAX};
/// Meter registers in Wh outgrow 32 bits on a busy DC charger within a few years.
inline constexpr Integer kInt64{LLONG_MIN, LLONG_MAX};

template <typename T> struct IsOptional : std::false_type {};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T> struct IsVector : std::false_type {};
template <typename T> struct IsVector<std::vector<T>> : std::true_type {};

/// The codec a member type implies: enumerations, bool, int, nested structs and arrays of them. Strings,
/// dateTimes, decimals and 64-bit integers always name theirs (a length, a format, a multipleOf).
template <typename V> constexpr auto defaultCodec() {
    if constexpr (WireEnum<V>) {
        return Enum<V>{};
    } else if constexpr (std::is_same_v<V, bool>) {
        return Boolean{};
    } else if constexpr (std::is_same_v<V, int>) {
        return Integer{};
    } else if constexpr (IsVector<V>::value) {
        return ObjectArray<typename V::value_type>{};
    } else {
        static_assert(std::is_class_v<V> && !std::is_same_v<V, std::string>, "name this field's codec");
        return Object<V>{};
    }
}

template <typename Owner, typename Member, typename Codec> struct Field {
    const char* name;
    Member Owner::* member;
    Codec codec;
};

template <typename Member>
using ValueOf =
    typename std::conditional_t<IsOptional<Member>::value, Member, std::optional<Member>>::value_type;

/// One field: required unless the member is a std::optional.
template <typename Owner, typename Member, typename Codec>
constexpr Field<Owner, Member, Codec> field(const char* name, Member Owner::* member, Codec codec) {
    return {name, member, codec};
}

template <typename Owner, typename Member> constexpr auto field(const char* name, Member Owner::* member) {
    return field(name, member, defaultCodec<ValueOf<Member>>());
}

template <typename Owner, typename Member, typename Codec>
void encodeField(Json& out, const Owner& value, const Field<Owner, Member, Codec>& f) {
    const Member& member = value.*f.member;
    if constexpr (IsOptional<Member>::value) {
        if (member) {
            out[f.name] = f.codec.encode(*member);
        }
    } else {
        out[f.name] = f.codec.encode(member);
    }
}

template <typename Owner, typename Member, typename Codec>
void decodeField(PayloadReader& reader, Owner& value, const Field<Owner, Member, Codec>& f) {
    auto read = f.codec.read(reader, f.name, !IsOptional<Member>::value);
    if (read) {
        value.*f.member = static_cast<ValueOf<Member>>(std::move(*read));
    }
}

template <typename T> Json encodeObject(const T& value) {
    Json out = Json::object();
    std::apply([&](const auto&... fields) { (encodeField(out, value, fields), ...); }, Schema<T>::kFields);
    return out;
}

template <typename T> T decodeObject(PayloadReader& reader) {
    T value{};
    std::apply([&](const auto&... fields) { (decodeField(reader, value, fields), ...); }, Schema<T>::kFields);
    return value;
}

/// Schema of a message without fields.
template <typename T> struct EmptySchema {
    static constexpr std::tuple<> kFields{};
};

} // namespace voltdesk::ocpp16::schema

namespace voltdesk::ocpp16 {

template <Message T> nlohmann::json MessageCodec<T>::encode(const T& message) {
    return schema::encodeObject(message);
}

template <Message T> PayloadResult<T> MessageCodec<T>::decode(const nlohmann::json& payload) {
    PayloadReader reader(payload);
    T message = schema::decodeObject<T>(reader);
    if (!reader.ok()) {
        return PayloadResult<T>::fail(reader.error());
    }
    return PayloadResult<T>::ok(std::move(message));
}

} // namespace voltdesk::ocpp16
