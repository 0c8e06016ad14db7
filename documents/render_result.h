// What rendering a document gives back: its page count, or why no PDF was written.
#pragma once

#include <QString>

namespace voltdesk::documents {

struct RenderResult {
    int pageCount = 0;
    QString error; ///< empty on success

    explicit operator bool() const { return error.isEmpty(); }
};

} // namespace voltdesk::documents
