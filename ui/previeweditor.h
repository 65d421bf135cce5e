#pragma once

#include <QString>

class QWidget;
class QsciScintilla;

namespace Retort::Ui {

// Read-only code previews of the Pending changes panel (SQL or Python), with line numbers and a
// highlight marker, in colours that read on the palette in use.
class PreviewEditor
{
public:
    enum class Language { Sql, Python };
    static constexpr int highlightMarker = 1;

    static QsciScintilla *create(QWidget *parent, const QString &objectName, Language language);
    static void setText(QsciScintilla *edit, const QString &text);
    static bool isDark(const QWidget *widget);
};

} // namespace Retort::Ui
