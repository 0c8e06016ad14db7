#include "models/billing/money_format.h"

#include <QRegularExpression>

namespace voltdesk::models::billing {

namespace {

QString group(const QString& digits) {
    QString out;
    const qsizetype n = digits.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) {
            out += QLatin1Char(',');
        }
        out += digits[i];
    }
    return out;
}

QString decimalText(quint64 magnitude, int decimals, bool grouped) {
    QString digits = QString::number(magnitude);
    if (decimals <= 0) {
        return grouped ? group(digits) : digits;
    }
    if (digits.size() <= decimals) {
        digits = QString(decimals + 1 - digits.size(), QLatin1Char('0')) + digits;
    }
    const QString whole = digits.left(digits.size() - decimals);
    return (grouped ? group(whole) : whole) + QLatin1Char('.') + digits.right(decimals);
}

} // namespace

QString formatMinorUnits(qint64 minorUnits, int minorDigits, bool grouped) {
    const bool negative = minorUnits < 0;
    // Unsigned so that the most negative value formats too.
    const quint64 magnitude =
        negative ? 0 - static_cast<quint64>(minorUnits) : static_cast<quint64>(minorUnits);
    const QString text = decimalText(magnitude, qBound(0, minorDigits, 9), grouped);
    return negative ? QLatin1Char('-') + text : text;
}

QString formatMoney(qint64 minorUnits, int minorDigits, const QString& currency) {
    const QString amount = formatMinorUnits(minorUnits, minorDigits);
    return currency.isEmpty() ? amount : currency + QLatin1Char(' ') + amount;
}

QString formatKwh(qint64 milliWh) {
    const bool negative = milliWh < 0;
    const quint64 magnitude = negative ? 0 - static_cast<quint64>(milliWh) : static_cast<quint64>(milliWh);
    const quint64 wh = (magnitude + 500) / 1000; // half up to the Wh; only the shown figure rounds
    const QString text = decimalText(wh, 3, true);
    return negative && wh != 0 ? QLatin1Char('-') + text : text;
}

QString formatUnitPrice(const QString& decimal, int minorDigits) {
    static const QRegularExpression plain(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
    if (!plain.match(decimal).hasMatch()) {
        return decimal;
    }
    const qsizetype dot = decimal.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        return minorDigits > 0 ? decimal + QLatin1Char('.') + QString(minorDigits, QLatin1Char('0'))
                               : decimal;
    }
    QString text = decimal;
    const qsizetype keep = dot + 1 + qMax(0, minorDigits);
    while (text.size() > keep && text.endsWith(QLatin1Char('0'))) {
        text.chop(1);
    }
    if (text.size() < keep) {
        text += QString(keep - text.size(), QLatin1Char('0'));
    }
    if (text.endsWith(QLatin1Char('.'))) {
        text.chop(1);
    }
    return text;
}

QString formatTaxRate(const QString& fraction) {
    static const QRegularExpression plain(QStringLiteral("^([0-9]+)(?:\\.([0-9]+))?$"));
    const auto match = plain.match(fraction);
    if (!match.hasMatch()) {
        return fraction.isEmpty() ? QStringLiteral("0 %") : fraction;
    }
    // Shift the decimal point two places: "0.195" -> "19.5".
    QString decimals = match.captured(2);
    while (decimals.size() < 2) {
        decimals += QLatin1Char('0');
    }
    QString whole = match.captured(1) + decimals.left(2);
    QString rest = decimals.mid(2);
    while (whole.size() > 1 && whole.startsWith(QLatin1Char('0'))) {
        whole.remove(0, 1);
    }
    while (rest.endsWith(QLatin1Char('0'))) {
        rest.chop(1);
    }
    return (rest.isEmpty() ? whole : whole + QLatin1Char('.') + rest) + QStringLiteral(" %");
}

QString formatMinutes(qint64 durationMs) {
    const qint64 seconds = (qMax<qint64>(0, durationMs) + 500) / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace voltdesk::models::billing
