#include "store/sql_text.h"

#include "contract/text_encoding.h"

namespace voltdesk::store {

std::string sqlText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\0') {
            ++i;
            continue;
        }
        const std::size_t n = contract::utf8SequenceLength(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

} // namespace voltdesk::store
