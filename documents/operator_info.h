// Who issues receipts and statements: the charging operator's names, tax id and contact, read from
// operator.json (docs/BILLING.md, "Documents").
#pragma once

#include <QString>
#include <optional>

namespace voltdesk::documents {

struct OperatorInfo {
    QString nameEn;
    QString nameZh;
    QString taxId;
    QString address;  ///< one line; may hold both languages
    QString contact;  ///< phone, e-mail or web address
    QString logoPath; ///< absolute, or relative to operator.json when read from a file; empty: none
};

struct OperatorInfoResult {
    std::optional<OperatorInfo> info;
    QString error;
};

/// Parses operator.json. nameEn, nameZh and taxId are required (a receipt without them is not one);
/// unknown fields are refused so that a misspelt one is not silently left off the documents.
/// A relative logo path is resolved against baseDir.
OperatorInfoResult operatorInfoFromJson(const QByteArray& json, const QString& baseDir = {});
OperatorInfoResult readOperatorInfo(const QString& path);

} // namespace voltdesk::documents
