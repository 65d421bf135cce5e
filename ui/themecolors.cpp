#include "themecolors.h"

#include <QPalette>

#include <cmath>

namespace Retort::Ui {

namespace {
double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
} // namespace

double ThemeColors::luminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
           + 0.0722 * channel(rgb.blueF());
}

double ThemeColors::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool ThemeColors::isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Window)) < 0.2;
}

QColor ThemeColors::readable(const QColor &color, const QColor &background, double ratio)
{
    if (contrast(color, background) >= ratio)
        return color;
    // Towards white on a dark background, towards black on a light one; white or black
    // themselves reach at least 4.58:1 on any background.
    const bool lighten = luminance(background) < 0.18;
    const QColor end = lighten ? QColor(Qt::white) : QColor(Qt::black);
    for (int step = 1; step <= 20; ++step) {
        const QColor mixed = tint(color, end, step / 20.0);
        if (contrast(mixed, background) >= ratio)
            return mixed;
    }
    return contrast(Qt::white, background) > contrast(Qt::black, background) ? QColor(Qt::white)
                                                                               : QColor(Qt::black);
}

QColor ThemeColors::tint(const QColor &base, const QColor &accent, double amount)
{
    const QColor a = base.toRgb();
    const QColor b = accent.toRgb();
    const auto mix = [amount](double x, double y) { return x + (y - x) * amount; };
    return QColor::fromRgbF(float(mix(a.redF(), b.redF())), float(mix(a.greenF(), b.greenF())),
                            float(mix(a.blueF(), b.blueF())));
}

} // namespace Retort::Ui
