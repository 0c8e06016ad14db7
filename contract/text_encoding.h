// Byte-level text rules shared by every wire of ours: percent-encoding digits and UTF-8 validity.
#pragma once

#include <cstddef>
#include <string_view>

namespace voltdesk::contract {

/// 0..15 for a hexadecimal digit (either case), -1 otherwise.
int hexDigitValue(char c);

/// Length of the well-formed UTF-8 sequence starting at text[pos] (1..4), or 0 when there is none
/// there (overlong forms, surrogates and code points above U+10FFFF are not well-formed).
std::size_t utf8SequenceLength(std::string_view text, std::size_t pos);

bool isValidUtf8(std::string_view text);

} // namespace voltdesk::contract
