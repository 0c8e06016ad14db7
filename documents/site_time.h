// A site's local time for documents: a CDR carries its site's IANA zone, and people read the times
// of their own charge, not UTC.
#pragma once

#include "contract/iso8601.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <string>

namespace voltdesk::documents {

class SiteTime {
public:
    /// An unknown or empty zone falls back to UTC (isKnown() false), so the document still prints
    /// and says which zone its times are in.
    explicit SiteTime(const std::string& ianaZone);

    bool isKnown() const { return m_known; }
    QString zoneName() const;
    QDateTime local(contract::EpochMs at) const;
    /// "2026-11-03 08:12:05"
    QString dateTime(contract::EpochMs at) const;
    /// "2026-11-03"
    QString date(contract::EpochMs at) const;
    /// "08:12", or "11-04 08:12" when the day is not `sameDayAs`'s local day.
    QString timeOfDay(contract::EpochMs at, contract::EpochMs sameDayAs) const;
    /// "UTC+08:00"
    QString offset(contract::EpochMs at) const;
    /// Whether the UTC offset changes between the two instants (a DST change lies between them).
    bool offsetChanges(contract::EpochMs from, contract::EpochMs to) const;

private:
    QTimeZone m_zone;
    bool m_known = false;
};

} // namespace voltdesk::documents
