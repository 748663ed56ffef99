// Light or dark: by default the window follows the system's palette (and the charts follow the
// window); a person may force light or dark from View ▸ Appearance, remembered in the settings.
#pragma once

#include <QString>

namespace complab {

enum class Appearance { System, Light, Dark };

QString appearanceId(Appearance appearance); // "system", "light", "dark"
Appearance parseAppearance(const QString& id); // unknown ids follow the system

// Applies to the whole application. The first call remembers the system's style and palette so
// that choosing "system" again restores them.
void applyAppearance(Appearance appearance);

} // namespace complab
