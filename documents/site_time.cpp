#include "documents/site_time.h"

namespace voltdesk::documents {

SiteTime::SiteTime(const std::string& ianaZone) : m_zone(QByteArray::fromStdString(ianaZone)) {
    m_known = !ianaZone.empty() && m_zone.isValid();
    if (!m_known) {
        m_zone = QTimeZone(QTimeZone::UTC);
    }
}

QString SiteTime::zoneName() const {
    return m_known ? QString::fromUtf8(m_zone.id()) : QStringLiteral("UTC");
}

QDateTime SiteTime::local(contract::EpochMs at) const {
    return QDateTime::fromMSecsSinceEpoch(at, m_zone);
}

QString SiteTime::dateTime(contract::EpochMs at) const {
    return local(at).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString SiteTime::date(contract::EpochMs at) const {
    return local(at).toString(QStringLiteral("yyyy-MM-dd"));
}

QString SiteTime::timeOfDay(contract::EpochMs at, contract::EpochMs sameDayAs) const {
    const auto t = local(at);
    return t.date() == local(sameDayAs).date() ? t.toString(QStringLiteral("HH:mm"))
                                               : t.toString(QStringLiteral("MM-dd HH:mm"));
}

QString SiteTime::offset(contract::EpochMs at) const {
    const int seconds = local(at).offsetFromUtc();
    const int minutes = (seconds < 0 ? -seconds : seconds) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(seconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

bool SiteTime::offsetChanges(contract::EpochMs from, contract::EpochMs to) const {
    return local(from).offsetFromUtc() != local(to).offsetFromUtc();
}

} // namespace voltdesk::documents
