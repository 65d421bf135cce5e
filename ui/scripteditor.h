#pragma once

#include <engine/core/result.h>
#include <engine/core/sqldialect.h>

#include <QWidget>

class QAction;
class QFileSystemWatcher;
class QLabel;
class QsciLexer;
class QsciLexerPython;
class QsciLexerSQL;
class QsciScintilla;

namespace Retort::Ui {

class FindBar;

// One revision file in a QScintilla editor (SQL, or Python for an Alembic project's .py
// revisions), with a find bar (Ctrl+F) and, for applied revisions, a read-only banner above the
// text. Ctrl+S saves. Every colour follows the widget's palette (light or dark).
class ScriptEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ScriptEditor(QWidget *parent = nullptr);

    // Loads the file and marks the text unmodified. Keeps the current dialect and read-only state.
    Result<> openFile(const QString &path);
    // Refuses (an error) when the file changed on disk since it was read or saved here, unless
    // `overwriteNewer`; Ctrl+S asks first (a message box, objectName "overwriteNewer").
    Result<> save(bool overwriteNewer = false);
    // The file on disk differs from what was last read or saved here.
    bool changedOnDisk() const;
    // Reads the file again, keeping the cursor's line; drops unsaved edits.
    Result<> reload();
    // "name.sql" and, with unsaved edits, a marker; empty without a file.
    QString title() const;
    // The bar offering to reload a file changed on disk while there are unsaved edits.
    bool isReloadOfferVisible() const;
    void clear();

    QString filePath() const { return m_path; }
    QString text() const;
    bool isModified() const;
    bool isReadOnly() const;

    // Non-empty: the revision is applied to that database; the text becomes read-only and the
    // banner says why. Empty: editable, no banner.
    void setAppliedTo(const QString &databaseName);
    QString bannerText() const;
    bool isBannerVisible() const;

    // MySQL/MariaDB: `#` comments and backslash escapes in strings.
    void setDialect(SqlDialect dialect);

    // Marks a 1-based line with an error marker, underline and the message below it.
    void showError(int line, const QString &message);
    void clearErrors();
    int errorLine() const { return m_errorLine; }
    void goToLine(int line); // 1-based

    QsciScintilla *textEdit() const { return m_text; }
    QsciLexer *lexer() const; // the one in use: SQL, or Python for a .py file
    QWidget *banner() const;
    // Editing actions (Undo, Redo, Cut, Copy, Paste, Find, Find Next, Go to Line, Save) for a
    // window's Edit menu; their shortcuts work while the editor has the focus (Save: the window).
    QList<QAction *> editActions() const { return m_editActions; }
    void askGoToLine();
    // The Scintilla style number of error annotations.
    static constexpr int errorAnnotationStyle = 60; // a style number both lexers leave unused
    FindBar *findBar() const { return m_findBar; }

signals:
    void saved(const QString &path);
    void saveFailed(const Error &error);
    void modificationChanged(bool modified);
    void titleChanged(const QString &title);
    // Read again after another program changed it (no unsaved edits were lost).
    void reloadedFromDisk(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setUpText();
    void applyPalette();
    void useLexerFor(const QString &path);
    void setUpActions();
    void setUpReloadBar();
    void onFileChanged();
    void saveAsking();
    void watch(const QString &path);

    QLabel *m_banner = nullptr;
    QsciScintilla *m_text = nullptr;
    QsciLexerSQL *m_lexer = nullptr;
    QsciLexerPython *m_pythonLexer = nullptr;
    FindBar *m_findBar = nullptr;
    QLabel *m_title = nullptr;
    QWidget *m_reloadBar = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QByteArray m_diskText; // the file's bytes as last read or written here
    QList<QAction *> m_editActions;
    QString m_path;
    int m_errorLine = 0;
    int m_errorMarker = -1;
    int m_errorIndicator = -1;
};

} // namespace Retort::Ui
