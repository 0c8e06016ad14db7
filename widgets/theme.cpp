#include "widgets/theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace voltdesk::widgets {

namespace {

QPalette darkPalette() {
    // Dark grey rather than black, so the black Offline marker keeps its white ring visible and
    // text contrast stays well above WCAG AA without glare.
    const QColor window(0x1E, 0x22, 0x27);
    const QColor base(0x16, 0x19, 0x1D);
    const QColor alternate(0x1F, 0x24, 0x2A);
    const QColor text(0xE8, 0xEA, 0xED);
    const QColor dim(0x7D, 0x86, 0x91);
    const QColor button(0x2A, 0x2F, 0x36);
    const QColor highlight(0x2F, 0x6F, 0xB0);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, dim);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xFF, 0x6B, 0x6B));
    p.setColor(QPalette::Link, QColor(0x56, 0xB4, 0xE9));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x3A, 0x40, 0x48));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x39, 0x40));
    p.setColor(QPalette::Mid, QColor(0x26, 0x2B, 0x31));
    p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x17));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, dim);
    }
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, QColor(0xB8, 0xC4, 0xD0));
    return p;
}

QPalette lightPalette() {
    QPalette p = QApplication::style()->standardPalette();
    p.setColor(QPalette::Window, QColor(0xF3, 0xF4, 0xF6));
    p.setColor(QPalette::AlternateBase, QColor(0xF0, 0xF3, 0xF7));
    p.setColor(QPalette::Highlight, QColor(0x1F, 0x63, 0xB0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9A, 0xA0, 0xA8));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9A, 0xA0, 0xA8));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, QColor(0xD8, 0xE2, 0xEE));
    return p;
}

} // namespace

QString themeName(Theme theme) {
    return theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

std::optional<Theme> themeFromName(const QString& name) {
    if (name.compare(QLatin1String("dark"), Qt::CaseInsensitive) == 0) {
        return Theme::Dark;
    }
    if (name.compare(QLatin1String("light"), Qt::CaseInsensitive) == 0) {
        return Theme::Light;
    }
    return std::nullopt;
}

void applyTheme(Theme theme) {
    // Fusion draws the same everywhere and honours every palette role, unlike native styles.
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    }
    QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
    QFont font = QApplication::font();
    if (font.pointSizeF() > 0 && font.pointSizeF() < kMinimumPointSize) {
        font.setPointSizeF(kMinimumPointSize);
        QApplication::setFont(font);
    }
}

} // namespace voltdesk::widgets
