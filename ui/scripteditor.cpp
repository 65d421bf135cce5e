#include "scripteditor.h"

#include "findbar.h"
#include "lexertheme.h"
#include "themecolors.h"

#include <engine/core/enginetr.h>
#include <engine/core/filewriter.h>

#include <Qsci/qscilexerpython.h>
#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>
#include <Qsci/qscistyle.h>

#include <QAction>
#include <QEvent>
#include <QFile>
#include <QFileSystemWatcher>
#include <QFontDatabase>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {
const QColor errorColor(0xd6, 0x27, 0x28);
const QColor bannerAccent(0xf0, 0xc0, 0x30); // amber: "careful", in either theme

constexpr int styleDefault = 32; // Scintilla's STYLE_DEFAULT

// A line in characters of the editor's visible width; Scintilla does not wrap annotations.
QString wrapped(const QString &message, int columns)
{
    QStringList lines;
    for (const QString &paragraph : message.split(u'\n')) {
        QString line;
        for (const QString &word : paragraph.split(u' ')) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > columns) {
                lines.append(line);
                line.clear();
            }
            line += (line.isEmpty() ? QString() : u" "_s) + word;
        }
        lines.append(line);
    }
    return lines.join(u'\n');
}
} // namespace

ScriptEditor::ScriptEditor(QWidget *parent)
    : QWidget(parent)
    , m_banner(new QLabel(this))
    , m_text(new QsciScintilla(this))
    , m_lexer(new QsciLexerSQL(m_text)) // setLexer() does not take ownership
    , m_pythonLexer(new QsciLexerPython(m_text))
    , m_findBar(new FindBar(m_text, this))
    , m_title(new QLabel(this))
    , m_reloadBar(new QWidget(this))
    , m_watcher(new QFileSystemWatcher(this))
{
    m_title->setObjectName(u"editorTitle"_s);
    m_title->setMargin(3);
    m_title->hide();
    m_banner->setWordWrap(true);
    m_banner->setMargin(6);
    m_banner->setAutoFillBackground(true);
    m_banner->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addWidget(m_banner);
    layout->addWidget(m_reloadBar);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_findBar);
    setUpText();
    setUpActions();
    setUpReloadBar();
    setFocusProxy(m_text);
}

void ScriptEditor::setUpText()
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_lexer->setDefaultFont(mono);
    m_lexer->setFont(mono);
    m_lexer->setFoldComments(true);
    m_lexer->setFoldCompact(false);
    m_pythonLexer->setDefaultFont(mono);
    m_pythonLexer->setFont(mono);
    m_pythonLexer->setFoldComments(true);
    m_text->setLexer(m_lexer);
    m_text->setUtf8(true);
    m_text->setMarginType(0, QsciScintilla::NumberMargin);
    m_text->setMarginLineNumbers(0, true);
    m_text->setMarginsFont(mono);
    m_text->setMarginWidth(0, u"0000"_s);
    m_text->setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    m_text->setMarginType(1, QsciScintilla::SymbolMargin);
    m_text->setMarginWidth(1, 14);
    m_errorMarker = m_text->markerDefine(QsciScintilla::Circle);
    m_text->setMarginMarkerMask(1, 1 << m_errorMarker);
    m_errorIndicator = m_text->indicatorDefine(QsciScintilla::SquiggleIndicator);
    m_text->setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    m_text->setCaretLineVisible(true);
    m_text->setScrollWidth(1);
    m_text->setScrollWidthTracking(true);
    m_text->setTabWidth(4);
    m_text->setIndentationsUseTabs(false);
    m_text->setAutoIndent(true);
    m_text->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    connect(m_text, &QsciScintilla::modificationChanged, this, [this](bool modified) {
        emit modificationChanged(modified);
        m_title->setText(title());
        emit titleChanged(title());
    });
    applyPalette();
}

void ScriptEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

// The lexers' own colours are made for white paper: each keeps its hue, on the palette's
// base, made lighter or darker where it would not be readable there.
void ScriptEditor::applyPalette()
{
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor margin = pal.color(QPalette::Window);
    // Both lexers: the one not in use is ready when a file of its kind opens.
    LexerTheme::apply(m_text, m_pythonLexer);
    LexerTheme::apply(m_text, m_lexer);
    const QColor marker = ThemeColors::readable(errorColor, margin, 3.0); // a graphic: 3:1
    m_text->setMarkerBackgroundColor(marker, m_errorMarker);
    m_text->setMarkerForegroundColor(marker, m_errorMarker);
    m_text->setIndicatorForegroundColor(ThemeColors::readable(errorColor, base, 3.0), m_errorIndicator);
    m_text->recolor();

    const QColor bannerBack = ThemeColors::tint(margin, bannerAccent, ThemeColors::isDark(pal) ? 0.3 : 0.35);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, bannerBack);
    bannerPalette.setColor(QPalette::WindowText, ThemeColors::readable(pal.color(QPalette::WindowText), bannerBack));
    m_banner->setPalette(bannerPalette);
    if (m_errorLine > 0) { // the annotation's style was made for the old palette
        const int line = m_errorLine;
        const QString message = m_text->annotation(line - 1);
        showError(line, message);
    }
}

QsciLexer *ScriptEditor::lexer() const
{
    return m_text->lexer();
}

QWidget *ScriptEditor::banner() const
{
    return m_banner;
}

// setLexer() resets margins' and Scintilla's own styles: the palette is applied again.
void ScriptEditor::useLexerFor(const QString &path)
{
    QsciLexer *wanted = path.endsWith(u".py"_s, Qt::CaseInsensitive)
                            ? static_cast<QsciLexer *>(m_pythonLexer)
                            : static_cast<QsciLexer *>(m_lexer);
    if (m_text->lexer() == wanted)
        return;
    m_text->setLexer(wanted);
    applyPalette();
}

Result<> ScriptEditor::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Script, Tr::tr("Cannot read %1: %2").arg(path, file.errorString()), path);
    clearErrors();
    useLexerFor(path);
    m_diskText = file.readAll();
    m_text->setText(QString::fromUtf8(m_diskText));
    m_path = path;
    m_text->setModified(false); // setText() leaves the text modified
    m_reloadBar->hide();
    watch(path);
    m_title->setText(title());
    m_title->show();
    emit titleChanged(title());
    return {};
}

Result<> ScriptEditor::save(bool overwriteNewer)
{
    if (m_path.isEmpty() || isReadOnly())
        return Error(Error::Kind::Script, Tr::tr("This revision cannot be saved here."), m_path);
    if (!overwriteNewer && changedOnDisk())
        return Error(Error::Kind::Script,
                     Tr::tr("%1 was changed by another program since it was opened here; reload "
                            "it, or save again and choose to overwrite it.")
                         .arg(m_path),
                     m_path);
    const QByteArray bytes = m_text->text().toUtf8();
    if (Result<> written = FileWriter::write(m_path, bytes, Error::Kind::Script); !written)
        return written.error();
    m_diskText = bytes;
    m_reloadBar->hide();
    watch(m_path); // written by replacing the file: the watcher lost it
    // The marked line may no longer say what the error was about: the next load or run
    // marks it again if the error stays.
    clearErrors();
    m_text->setModified(false);
    emit saved(m_path);
    return {};
}

void ScriptEditor::clear()
{
    clearErrors();
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    m_diskText.clear();
    m_reloadBar->hide();
    m_title->clear();
    m_title->hide();
    m_text->setReadOnly(false);
    m_text->clear();
    m_text->setModified(false);
    m_path.clear();
    setAppliedTo({});
    emit titleChanged(QString());
}

QString ScriptEditor::text() const
{
    return m_text->text();
}

bool ScriptEditor::isModified() const
{
    return m_text->isModified();
}

bool ScriptEditor::isReadOnly() const
{
    return m_text->isReadOnly();
}

void ScriptEditor::setAppliedTo(const QString &databaseName)
{
    m_text->setReadOnly(!databaseName.isEmpty());
    m_banner->setVisible(!databaseName.isEmpty());
    m_banner->setText(databaseName.isEmpty()
                          ? QString()
                          : tr("Applied to %1: editing an applied migration will not change the "
                               "database; make a new revision instead.")
                                .arg(databaseName));
}

QString ScriptEditor::bannerText() const
{
    return m_banner->text();
}

bool ScriptEditor::isBannerVisible() const
{
    return !m_banner->isHidden();
}

void ScriptEditor::setDialect(SqlDialect dialect)
{
    const bool mysql = dialect == SqlDialect::MySQL;
    m_lexer->setHashComments(mysql);
    m_lexer->setBackslashEscapes(mysql);
    m_text->recolor();
}

void ScriptEditor::showError(int line, const QString &message)
{
    clearErrors();
    if (line < 1 || line > m_text->lines())
        return;
    m_errorLine = line;
    const int zeroBased = line - 1;
    m_text->markerAdd(zeroBased, m_errorMarker);
    m_text->fillIndicatorRange(zeroBased, 0, zeroBased, m_text->text(zeroBased).length(),
                               m_errorIndicator);
    const QColor base = palette().color(QPalette::Base);
    const QColor back = ThemeColors::tint(base, errorColor, ThemeColors::isDark(palette()) ? 0.25 : 0.12);
    QsciStyle style(errorAnnotationStyle, u"error"_s, ThemeColors::readable(errorColor, back), back,
                    m_text->font());
    const int charWidth = std::max(1, int(m_text->SendScintilla(QsciScintilla::SCI_TEXTWIDTH, styleDefault, "n")));
    const int textWidth = m_text->viewport()->width() - 8;
    const int columns = std::max(30, textWidth / charWidth - 4);
    m_text->annotate(zeroBased, wrapped(message, columns), style);
    goToLine(line);
}

void ScriptEditor::clearErrors()
{
    if (m_errorLine > 0) {
        m_text->markerDeleteAll(m_errorMarker);
        m_text->clearIndicatorRange(0, 0, m_text->lines(), 0, m_errorIndicator);
        m_text->clearAnnotations();
    }
    m_errorLine = 0;
}

void ScriptEditor::goToLine(int line)
{
    m_text->setCursorPosition(std::max(0, line - 1), 0);
    m_text->ensureLineVisible(std::max(0, line - 1));
}

} // namespace Retort::Ui
