// Every colour the GUI chooses itself must read under a light and a dark palette: text against
// its background at WCAG's 4.5:1 at least, for every lexer style, margin, annotation, banner,
// find bar, schema diff row and graph badge.
#include <ui/findbar.h>
#include <ui/graphrow.h>
#include <ui/pendingchangespanel.h>
#include <ui/workspacecontroller.h>
#include <ui/revisiongraphdelegate.h>
#include <ui/revisiongraphmodel.h>
#include <ui/schemadiffview.h>
#include <ui/scripteditor.h>
#include <ui/themecolors.h>

#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;
using namespace Retort::Ui;

namespace {

QPalette lightPalette()
{
    QPalette p(QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

// As qt6ct's "darker" scheme: grey window, darker base, near-white text.
QPalette darkPalette()
{
    QPalette p(QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::WindowText, QColor(0xf0, 0xf0, 0xf0));
    p.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::AlternateBase, QColor(0x42, 0x42, 0x42));
    p.setColor(QPalette::Text, QColor(0xf0, 0xf0, 0xf0));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xf0, 0xf0, 0xf0));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

QColor fromScintilla(long bgr)
{
    return QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff));
}

QString write(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text.toUtf8());
    return path;
}

void checkPair(const QColor &fore, const QColor &back, const QString &what)
{
    const double ratio = ThemeColors::contrast(fore, back);
    QVERIFY2(ratio >= 4.5, qPrintable(u"%1: %2 on %3 is %4:1"_s.arg(what, fore.name(), back.name())
                                          .arg(ratio, 0, 'f', 2)));
}

// Every style the lexer describes, and Scintilla's line numbers (33), as Scintilla will paint them.
void checkScintilla(QsciScintilla *edit, const QString &what)
{
    QsciLexer *lexer = edit->lexer();
    QVERIFY(lexer);
    QList<int> styles{33};
    for (int style = 0; style < 128; ++style) {
        if (!lexer->description(style).isEmpty())
            styles.append(style);
    }
    for (int style : std::as_const(styles)) {
        const QColor fore = fromScintilla(edit->SendScintilla(QsciScintilla::SCI_STYLEGETFORE, style));
        const QColor back = fromScintilla(edit->SendScintilla(QsciScintilla::SCI_STYLEGETBACK, style));
        checkPair(fore, back, u"%1 style %2 (%3)"_s.arg(what).arg(style).arg(lexer->description(style)));
    }
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT
private slots:
    void contrast_data();
    void contrast();
    void dark_editorIsDark();
    void selectedAppliedNodeLooksApplied_data() { contrast_data(); }
    void selectedAppliedNodeLooksApplied();
};

void TestTheme::contrast_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << lightPalette();
    QTest::newRow("dark") << darkPalette();
}

void TestTheme::contrast()
{
    QFETCH(QPalette, palette);
    QTemporaryDir dir;
    const QString sql = write(dir, u"a1_add.sql"_s,
                              u"-- migrate:upgrade\nCREATE TABLE t (id INTEGER, s TEXT DEFAULT 'x');\n"_s);
    const QString py = write(dir, u"a1_add.py"_s,
                             u"\"\"\"add\"\"\"\nfrom alembic import op\n\ndef upgrade():\n    op.execute('x')  # c\n"_s);

    ScriptEditor editor;
    editor.setPalette(palette);
    editor.resize(600, 400);
    QVERIFY(editor.openFile(sql));
    checkScintilla(editor.textEdit(), u"SQL"_s);
    editor.showError(2, u"near \"CREATE\": syntax error, a long message that the editor has to wrap instead of letting it run off the right edge of the window"_s);
    {
        QsciScintilla *edit = editor.textEdit();
        const int style = ScriptEditor::errorAnnotationStyle;
        checkPair(fromScintilla(edit->SendScintilla(QsciScintilla::SCI_STYLEGETFORE, style)),
                  fromScintilla(edit->SendScintilla(QsciScintilla::SCI_STYLEGETBACK, style)),
                  u"error annotation"_s);
    }
    QVERIFY(editor.openFile(py));
    checkScintilla(editor.textEdit(), u"Python"_s);

    editor.setAppliedTo(u"blog.db"_s);
    const QPalette banner = editor.banner()->palette();
    checkPair(banner.color(QPalette::WindowText), banner.color(QPalette::Window), u"banner"_s);

    editor.findBar()->open();
    editor.findBar()->lineEdit()->setText(u"no such text"_s);
    QVERIFY(!editor.findBar()->findNext());
    const QPalette find = editor.findBar()->lineEdit()->palette();
    checkPair(find.color(QPalette::Text), find.color(QPalette::Base), u"find bar, not found"_s);

    SchemaDiffView diff;
    diff.setPalette(palette);
    diff.setSections({{u"users"_s, u"CREATE TABLE users (\n  id INTEGER,\n  name TEXT\n)"_s,
                       u"CREATE TABLE users (\n  id INTEGER,\n  email TEXT,\n  age INT\n)"_s},
                      {u"gone"_s, u"CREATE TABLE gone (id INTEGER)"_s, QString()}});
    int rows = 0;
    for (const char *side : {"schemaBefore", "schemaAfter"}) {
        auto *edit = diff.findChild<QPlainTextEdit *>(QString::fromLatin1(side));
        QVERIFY(edit);
        const QColor text = edit->palette().color(QPalette::Text);
        for (const QTextEdit::ExtraSelection &row : edit->extraSelections()) {
            checkPair(text, row.format.background().color(), u"schema diff %1"_s.arg(QLatin1StringView(side)));
            ++rows;
        }
    }
    QVERIFY(rows > 0);

    // The Pending changes panel's upgrade and downgrade previews.
    WorkspaceController controller;
    PendingChangesPanel panel(&controller);
    panel.setPalette(palette);
    const QList<QsciScintilla *> previews = panel.findChildren<QsciScintilla *>();
    QVERIFY(!previews.isEmpty());
    for (QsciScintilla *preview : previews)
        checkScintilla(preview, u"preview %1"_s.arg(preview->objectName()));

    using Chip = RevisionGraphDelegate::Chip;
    for (Chip chip : {Chip::Current, Chip::Head, Chip::Label}) {
        const auto colors = RevisionGraphDelegate::chipColors(chip, palette);
        checkPair(colors.text, colors.fill, u"graph chip %1"_s.arg(int(chip)));
    }
    checkPair(RevisionGraphDelegate::messageColor(true, false, palette),
              palette.color(QPalette::Base), u"edited-after-applied message"_s);
}

// Not only readable: the paper follows the palette (no white editor in a dark theme).
void TestTheme::dark_editorIsDark()
{
    ScriptEditor editor;
    editor.setPalette(darkPalette());
    QTemporaryDir dir;
    QVERIFY(editor.openFile(write(dir, u"a.py"_s, u"import os\n"_s)));
    const QColor back = fromScintilla(editor.textEdit()->SendScintilla(QsciScintilla::SCI_STYLEGETBACK, 5));
    QCOMPARE(back, darkPalette().color(QPalette::Base));
    const QColor margin = fromScintilla(editor.textEdit()->SendScintilla(QsciScintilla::SCI_STYLEGETBACK, 33));
    QVERIFY2(ThemeColors::isDark(darkPalette()) && ThemeColors::luminance(margin) < 0.2,
             qPrintable(margin.name()));
}

// Filled means applied, also on the selection's highlight (whose colour may be the lane's).
void TestTheme::selectedAppliedNodeLooksApplied()
{
    QFETCH(QPalette, palette);
    RevisionGraphModel model;
    GraphRow applied;
    applied.id = u"bbbbbbbbbbbb"_s;
    applied.parents = {u"aaaaaaaaaaaa"_s};
    applied.state = GraphRow::State::Applied;
    GraphRow pending;
    pending.id = u"aaaaaaaaaaaa"_s;
    pending.state = GraphRow::State::Pending;
    // Drawn newest first: the applied one above its (pretend) pending parent is enough here.
    model.setRows({applied, pending});
    RevisionGraphDelegate delegate;
    const auto centre = [&](int row) {
        QImage image(60, 24, QImage::Format_ARGB32);
        image.fill(Qt::magenta);
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, 60, 24);
        option.palette = palette;
        option.state = QStyle::State_Enabled | QStyle::State_Selected;
        option.font = QFont();
        option.fontMetrics = QFontMetrics(option.font);
        delegate.paint(&painter, option, model.index(row, RevisionGraphModel::GraphColumn));
        painter.end();
        const int w = RevisionGraphDelegate::laneWidth(24);
        return image.pixelColor(w / 2 + 2, 12);
    };
    const QColor appliedCentre = centre(0);
    const QColor pendingCentre = centre(1);
    QCOMPARE(appliedCentre, palette.color(QPalette::HighlightedText));
    QVERIFY2(ThemeColors::contrast(appliedCentre, pendingCentre) >= 3.0,
             qPrintable(appliedCentre.name() + u" vs "_s + pendingCentre.name()));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
