#include "documents/operator_info.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace voltdesk::documents {

namespace {

OperatorInfoResult failure(const QString& error) {
    return {std::nullopt, error};
}

} // namespace

OperatorInfoResult operatorInfoFromJson(const QByteArray& json, const QString& baseDir) {
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return failure(
            QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    }
    if (!doc.isObject()) {
        return failure(QStringLiteral("must be a JSON object"));
    }
    const auto object = doc.object();
    static const QStringList kKnown = {QStringLiteral("nameEn"),  QStringLiteral("nameZh"),
                                       QStringLiteral("taxId"),   QStringLiteral("address"),
                                       QStringLiteral("contact"), QStringLiteral("logo")};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!kKnown.contains(it.key())) {
            return failure(QStringLiteral("unknown field '%1' (known: %2)").arg(it.key(), kKnown.join(", ")));
        }
        if (!it.value().isString()) {
            return failure(QStringLiteral("%1 must be a string").arg(it.key()));
        }
    }
    OperatorInfo info;
    info.nameEn = object.value("nameEn").toString().trimmed();
    info.nameZh = object.value("nameZh").toString().trimmed();
    info.taxId = object.value("taxId").toString().trimmed();
    info.address = object.value("address").toString().trimmed();
    info.contact = object.value("contact").toString().trimmed();
    const auto logo = object.value("logo").toString().trimmed();
    for (const auto& [key, value] : {std::pair{"nameEn", &info.nameEn}, std::pair{"nameZh", &info.nameZh},
                                     std::pair{"taxId", &info.taxId}}) {
        if (value->isEmpty()) {
            return failure(QStringLiteral("%1 is missing or empty").arg(QLatin1StringView(key)));
        }
    }
    if (!logo.isEmpty()) {
        info.logoPath =
            QFileInfo(logo).isAbsolute() || baseDir.isEmpty() ? logo : QDir(baseDir).filePath(logo);
    }
    return {std::move(info), {}};
}

OperatorInfoResult readOperatorInfo(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return failure(QStringLiteral("%1: %2").arg(path, file.errorString()));
    }
    auto result = operatorInfoFromJson(file.readAll(), QFileInfo(path).absolutePath());
    if (!result.info) {
        result.error = path + QStringLiteral(": ") + result.error;
    }
    return result;
}

} // namespace voltdesk::documents
