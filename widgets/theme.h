// The console's two looks: dark for a control room (the default) and light for a bright office.
#pragma once

#include <QString>
#include <optional>

namespace voltdesk::widgets {

enum class Theme { Dark, Light };

/// "dark" / "light".
QString themeName(Theme theme);
/// nullopt for anything but "dark" or "light" (case-insensitive).
std::optional<Theme> themeFromName(const QString& name);

/// Applies the theme to the whole application: the Fusion style with a dark or light palette, and
/// a base font of at least kMinimumPointSize so the figures read from a few metres away.
void applyTheme(Theme theme);

inline constexpr double kMinimumPointSize = 11.0;

} // namespace voltdesk::widgets
