#include "documents/cdr_lines.h"

#include "documents/site_time.h"

#include <QFile>
#include <QRegularExpression>
#include <algorithm>
#include <cstdio>
#include <map>

namespace voltdesk::documents {

CdrLines parseCdrLines(QIODevice& input) {
    CdrLines result;
    int lineNumber = 0;
    while (!input.atEnd()) {
        QByteArray line = input.readLine();
        ++lineNumber;
        if (lineNumber == 1 && line.startsWith("\xEF\xBB\xBF")) {
            line.remove(0, 3); // a byte order mark from an editor is not part of the JSON
        }
        if (line.trimmed().isEmpty()) {
            continue;
        }
        auto decoded = contract::decodeChargeDetailRecord(std::string_view(line.constData(), line.size()));
        if (!decoded) {
            result.errors.push_back({lineNumber, QString::fromStdString(decoded.error())});
            continue;
        }
        result.records.push_back(std::move(decoded).value());
    }
    return result;
}

CdrLines readCdrLines(const QString& path) {
    const bool fromStdin = path == QStringLiteral("-");
    QFile file(fromStdin ? QString() : path);
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened) {
        CdrLines result;
        result.errors.push_back({0, QStringLiteral("%1: %2").arg(path, file.errorString())});
        return result;
    }
    return parseCdrLines(file);
}

std::vector<contract::ChargeDetailRecord>
latestVersions(const std::vector<contract::ChargeDetailRecord>& all) {
    std::vector<contract::ChargeDetailRecord> latest;
    std::map<std::string, std::size_t> indexOf;
    for (const auto& record : all) {
        const auto [it, inserted] = indexOf.try_emplace(record.cdrId, latest.size());
        if (inserted) {
            latest.push_back(record);
        } else if (record.version > latest[it->second].version) {
            latest[it->second] = record;
        }
    }
    return latest;
}

std::optional<YearMonth> parseYearMonth(const QString& text) {
    static const QRegularExpression kPattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto match = kPattern.match(text);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    const YearMonth ym{match.captured(1).toInt(), match.captured(2).toInt()};
    if (ym.month < 1 || ym.month > 12) {
        return std::nullopt;
    }
    return ym;
}

std::vector<contract::ChargeDetailRecord>
statementRecords(const std::vector<contract::ChargeDetailRecord>& all, const QString& customerGroup,
                 YearMonth month) {
    std::vector<contract::ChargeDetailRecord> selected;
    const auto group = customerGroup.toStdString();
    for (auto& record : latestVersions(all)) {
        if (record.provisional || record.customerGroup != group) {
            continue;
        }
        const QDate stopDate = SiteTime(record.timeZone).local(record.stop).date();
        if (stopDate.year() == month.year && stopDate.month() == month.month) {
            selected.push_back(std::move(record));
        }
    }
    std::stable_sort(selected.begin(), selected.end(), [](const auto& a, const auto& b) {
        return a.stop != b.stop ? a.stop < b.stop : a.cdrId < b.cdrId;
    });
    return selected;
}

} // namespace voltdesk::documents
