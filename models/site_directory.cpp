#include "models/site_directory.h"

namespace voltdesk::models {

bool SiteDirectory::upsert(const contract::SiteInfo& site) {
    const QString id = QString::fromStdString(site.siteId);
    auto it = m_sites.find(id);
    if (it != m_sites.end() && *it == site) {
        return false;
    }
    m_sites.insert(id, site);
    return true;
}

bool SiteDirectory::remove(const QString& siteId) {
    return m_sites.remove(siteId) > 0;
}

const contract::SiteInfo* SiteDirectory::find(const QString& siteId) const {
    const auto it = m_sites.constFind(siteId);
    return it == m_sites.constEnd() ? nullptr : &*it;
}

QString SiteDirectory::displayName(const QString& siteId) const {
    const contract::SiteInfo* site = find(siteId);
    if (site == nullptr || site->name.empty()) {
        return siteId;
    }
    return QString::fromStdString(site->name);
}

} // namespace voltdesk::models
