// Sites by id, as the agent publishes them; the charger model looks names up here.
#pragma once

#include "contract/site_info.h"

#include <QHash>
#include <QString>

namespace voltdesk::models {

/// Site id → SiteInfo. Plain data, owned by ChargerModel and used on the Qt thread only.
class SiteDirectory {
public:
    /// Inserts or replaces; true if anything the console shows (name, address, location) changed.
    bool upsert(const contract::SiteInfo& site);
    /// True if the site was known.
    bool remove(const QString& siteId);
    /// nullptr for an unknown site.
    const contract::SiteInfo* find(const QString& siteId) const;
    /// The site's name, or its id while its info has not arrived.
    QString displayName(const QString& siteId) const;
    int size() const { return static_cast<int>(m_sites.size()); }
    QList<QString> siteIds() const { return m_sites.keys(); }

private:
    QHash<QString, contract::SiteInfo> m_sites;
};

} // namespace voltdesk::models
