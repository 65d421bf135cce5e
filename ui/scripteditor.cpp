#include "scripteditor.h"

#include "findbar.h"

#include <engine/core/enginetr.h>
#include <engine/core/filewriter.h>

#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>
#include <Qsci/qscistyle.h>

#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {
const QColor errorColor(0xd6, 0x27, 0x28);
constexpr int errorAnnotationStyle = 60; // a style number the SQL lexer leaves unused
} // namespace

ScriptEditor::ScriptEditor(QWidget *parent)
    : QWidget(parent)
    , m_banner(new QLabel(this))
    , m_text(new QsciScintilla(this))
    , m_lexer(new QsciLexerSQL(m_text)) // setLexer() does not take ownership
    , m_findBar(new FindBar(m_text, this))
{
    m_banner->setWordWrap(true);
    m_banner->setMargin(6);
    m_banner->setStyleSheet(
        u"QLabel { background: #fff4ce; color: #5a4600; border-bottom: 1px solid #e0c060; }"_s);
    m_banner->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_findBar);
    setUpText();
    setUpShortcuts();
    setFocusProxy(m_text);
}

void ScriptEditor::setUpText()
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_lexer->setDefaultFont(mono);
    m_lexer->setFont(mono);
    m_lexer->setFoldComments(true);
    m_lexer->setFoldCompact(false);
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
    m_text->setMarkerBackgroundColor(errorColor, m_errorMarker);
    m_text->setMarkerForegroundColor(errorColor, m_errorMarker);
    m_text->setMarginMarkerMask(1, 1 << m_errorMarker);
    m_errorIndicator = m_text->indicatorDefine(QsciScintilla::SquiggleIndicator);
    m_text->setIndicatorForegroundColor(errorColor, m_errorIndicator);
    m_text->setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    m_text->setCaretLineVisible(true);
    m_text->setCaretLineBackgroundColor(QColor(0xf4, 0xf7, 0xfb));
    m_text->setScrollWidth(1);
    m_text->setScrollWidthTracking(true);
    m_text->setTabWidth(4);
    m_text->setIndentationsUseTabs(false);
    m_text->setAutoIndent(true);
    m_text->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    connect(m_text, &QsciScintilla::modificationChanged, this, &ScriptEditor::modificationChanged);
}

void ScriptEditor::setUpShortcuts()
{
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, m_findBar, &FindBar::open);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        const Result<> result = save();
        if (!result)
            emit saveFailed(result.error());
    });
}

Result<> ScriptEditor::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Script, Tr::tr("Cannot read %1: %2").arg(path, file.errorString()), path);
    clearErrors();
    m_text->setText(QString::fromUtf8(file.readAll()));
    m_text->setModified(false); // setText() leaves the text modified
    m_path = path;
    return {};
}

Result<> ScriptEditor::save()
{
    if (m_path.isEmpty() || isReadOnly())
        return Error(Error::Kind::Script, Tr::tr("This revision cannot be saved here."), m_path);
    if (Result<> written = FileWriter::write(m_path, m_text->text().toUtf8(), Error::Kind::Script);
        !written)
        return written.error();
    m_text->setModified(false);
    emit saved(m_path);
    return {};
}

void ScriptEditor::clear()
{
    clearErrors();
    m_text->setReadOnly(false);
    m_text->clear();
    m_text->setModified(false);
    m_path.clear();
    setAppliedTo({});
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
    QsciStyle style(errorAnnotationStyle, u"error"_s, errorColor, QColor(0xfd, 0xec, 0xec),
                    m_text->font());
    m_text->annotate(zeroBased, message, style);
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
