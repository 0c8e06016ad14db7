#include "documents/money_text.h"

#include <algorithm>

namespace voltdesk::documents {

namespace {

/// Digits of |value| (as unsigned, so INT64_MIN works) with "," between groups of three.
std::string groupedDigits(std::uint64_t value) {
    std::string digits = std::to_string(value);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out.push_back(',');
        }
        out.push_back(digits[i]);
    }
    return out;
}

std::uint64_t magnitude(std::int64_t value) {
    return value < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(value)
                     : static_cast<std::uint64_t>(value);
}

std::string formatScaled(std::int64_t value, int decimals) {
    std::uint64_t scale = 1;
    for (int i = 0; i < decimals; ++i) {
        scale *= 10;
    }
    const std::uint64_t abs = magnitude(value);
    std::string text = value < 0 ? "-" : "";
    text += groupedDigits(abs / scale);
    if (decimals > 0) {
        std::string fraction = std::to_string(abs % scale);
        text += '.';
        text += std::string(static_cast<std::size_t>(decimals) - fraction.size(), '0');
        text += fraction;
    }
    return text;
}

bool isPlainDecimal(std::string_view text) {
    std::size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
    bool digits = false;
    bool dot = false;
    for (; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9') {
            digits = true;
        } else if (text[i] == '.' && !dot) {
            dot = true;
        } else {
            return false;
        }
    }
    return digits;
}

} // namespace

std::string formatAmount(std::int64_t minorUnits, int minorDigits) {
    return formatScaled(minorUnits, minorDigits < 0 ? 0 : minorDigits);
}

std::string formatKwh(std::int64_t milliWh) {
    return formatScaled(milliWh < 0 ? -((-milliWh + 500) / 1000) : (milliWh + 500) / 1000, 3);
}

std::string formatUnitPrice(std::string_view decimal, int minorDigits) {
    if (!isPlainDecimal(decimal)) {
        return std::string(decimal);
    }
    std::string text(decimal);
    const auto dot = text.find('.');
    if (dot == std::string::npos) {
        if (minorDigits > 0) {
            text += '.' + std::string(static_cast<std::size_t>(minorDigits), '0');
        }
        return text;
    }
    const std::size_t keep = dot + 1 + static_cast<std::size_t>(minorDigits < 0 ? 0 : minorDigits);
    while (text.size() > keep && text.back() == '0') {
        text.pop_back();
    }
    while (text.size() < keep) {
        text.push_back('0');
    }
    if (text.back() == '.') {
        text.pop_back();
    }
    return text;
}

std::string formatRatePercent(std::string_view fraction) {
    if (fraction.empty() || !isPlainDecimal(fraction)) {
        return fraction.empty() ? "0" : std::string(fraction);
    }
    const bool negative = fraction[0] == '-';
    std::string_view digits = negative ? fraction.substr(1) : fraction;
    const auto dot = digits.find('.');
    std::string whole(digits.substr(0, dot));
    std::string part = dot == std::string_view::npos ? std::string() : std::string(digits.substr(dot + 1));
    // Moving the decimal point two places right is the whole multiplication by 100.
    part.resize(std::max<std::size_t>(part.size(), 2), '0');
    whole += part.substr(0, 2);
    part = part.substr(2);
    while (!part.empty() && part.back() == '0') {
        part.pop_back();
    }
    const auto firstNonZero = whole.find_first_not_of('0');
    whole = firstNonZero == std::string::npos ? "0" : whole.substr(firstNonZero);
    std::string text = negative && (whole != "0" || !part.empty()) ? "-" : "";
    text += whole;
    if (!part.empty()) {
        text += '.' + part;
    }
    return text;
}

std::string formatMinutes(std::int64_t durationMs) {
    const std::uint64_t ms = magnitude(durationMs);
    const std::uint64_t seconds = (ms + 500) / 1000;
    std::string text = durationMs < 0 ? "-" : "";
    text += std::to_string(seconds / 60) + ':';
    const auto s = seconds % 60;
    text += (s < 10 ? "0" : "") + std::to_string(s);
    return text;
}

} // namespace voltdesk::documents
