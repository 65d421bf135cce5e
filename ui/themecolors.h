#pragma once

#include <QColor>

class QPalette;

namespace Retort::Ui {

// Colours derived from the widget's palette, so that light and dark themes both stay readable.
// Accent colours (errors, diff rows, chips) are tinted into the palette's base and their text
// pushed lighter or darker until it meets WCAG's 4.5:1 contrast for normal text.
class ThemeColors
{
public:
    static constexpr double minimumContrast = 4.5;

    // WCAG 2 relative luminance (0 black .. 1 white) and contrast ratio (1 .. 21).
    static double luminance(const QColor &color);
    static double contrast(const QColor &a, const QColor &b);

    // A window colour darker than mid-grey.
    static bool isDark(const QPalette &palette);

    // `color` itself when readable on `background`, else the nearest lighter (dark background)
    // or darker (light background) colour of the same hue that is.
    static QColor readable(const QColor &color, const QColor &background,
                           double ratio = minimumContrast);

    // `accent` mixed into `base`: a background that keeps the accent's hue without losing the
    // contrast to the palette's text. `amount` 0 is base, 1 the accent.
    static QColor tint(const QColor &base, const QColor &accent, double amount);
};

} // namespace Retort::Ui
