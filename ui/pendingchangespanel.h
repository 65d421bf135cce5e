#pragma once

#include <engine/core/error.h>
#include <engine/workspace/alembiccomparison.h>
#include <engine/workspace/schemacomparison.h>
#include "alembicpreview.h"
#include "schemadiffview.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QsciScintilla;
class QTabWidget;
class QToolButton;
class QTreeView;

namespace Retort::Ui {

class PendingChangesModel;
class WorkspaceController;

// The "Pending changes" dock (README "The GUI"): what autogenerate would write, operation by operation.
// Tick operations in or out, pair a dropped and an added column as a rename, watch the upgrade
// and downgrade SQL and the schema diff follow, and write the revision. The comparison itself
// runs on the controller's pool (compareSchema); re-rendering a subset is pure and runs here.
//
// On an Alembic project the comparison is Alembic's own (compareAlembic): the same ticks and
// pairs, a Python preview of what will be written and the offline SQL instead of Retort's SQL,
// and the pitfalls named before the file is run (the database behind its head, the missing
// `import sqlmodel` that Retort adds, an empty migration).
class PendingChangesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PendingChangesPanel(WorkspaceController *controller, QWidget *parent = nullptr);

    PendingChangesModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    SchemaDiffView *diffView() const { return m_diff; }
    QPushButton *createButton() const { return m_create; }
    QLineEdit *messageEdit() const { return m_message; }
    QString upgradeText() const;
    QString downgradeText() const;
    QList<int> highlightedUpgradeLines() const; // 0-based lines marked for the current row
    QString statusText() const;
    QString reasonText() const; // why Create revision is disabled; empty when enabled
    bool isComparing() const { return m_comparing; }
    const SchemaComparison &rendered() const { return m_rendered; }
    // Alembic projects.
    QString pythonText() const;
    QString offlineSqlText() const;
    QString bannerText() const;   // "the database is behind"; empty when hidden
    QString noteText() const;     // pitfalls and what the last Create revision did
    QPushButton *upgradeFirstButton() const { return m_upgradeFirst; }
    QTabWidget *tabs() const { return m_tabs; }

    // Pairs the two selected rows (a dropped and an added column) / unpairs the current row.
    bool pairSelected();
    bool unpairCurrent();
    // The schema diff in a window of its own (the tab is narrow in a dock).
    void openDiffWindow();

signals:
    // A models error row was clicked: open the file at the line.
    void locationActivated(const QString &file, int line, const QString &message);
    void sectionsChanged(const QList<Retort::Ui::SchemaDiffView::Section> &sections);

public slots:
    void compare(); // asks the controller for a fresh comparison
    // compare() now, except on an Alembic project whose panel is hidden: its comparison runs
    // env.py in the project's Python for seconds and keeps the controller busy (every action
    // disabled), so it waits until the panel is shown.
    void compareWhenShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void setUpTree();
    QWidget *createToolRow();
    QWidget *createRevisionRow();
    QsciScintilla *createPreview(const QString &name, bool python = false);
    QWidget *createBanner();
    void showTabsFor(bool alembic);
    void onComparisonReady(const SchemaComparison &comparison);
    void onAlembicComparisonReady(const AlembicComparison &comparison);
    void onAlembicRevisionWritten(const AlembicWrittenRevision &written);
    void rerenderAlembic();
    void updateAlembicNotes();
    void upgradeFirst();
    void onComparisonFailed(const Error &error);
    void rerender();
    void updateDiff();
    void updateHighlight();
    void updateButtons();
    void updateStatus();
    void onClicked(const QModelIndex &index);
    void onDoubleClicked(const QModelIndex &index);
    void showContextMenu(const QPoint &pos);
    void createRevision();
    QList<int> selectedOperations() const;

    WorkspaceController *m_controller;
    PendingChangesModel *m_model;
    QTreeView *m_tree = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_refresh = nullptr;
    QToolButton *m_pair = nullptr;
    QToolButton *m_unpair = nullptr;
    QToolButton *m_diffButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QsciScintilla *m_upgrade = nullptr;
    QsciScintilla *m_downgrade = nullptr;
    SchemaDiffView *m_diff = nullptr;
    QsciScintilla *m_python = nullptr;
    QsciScintilla *m_offlineSql = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_upgradeFirst = nullptr;
    QLabel *m_notes = nullptr;
    QString m_written; // what the last Create revision did, until the next comparison changes
    QLineEdit *m_message = nullptr;
    QPushButton *m_create = nullptr;
    QLabel *m_reason = nullptr;
    SchemaComparison m_rendered; // the comparison narrowed to the chosen operations
    Error m_renderError;
    QList<QPair<int, int>> m_upgradeLines;   // per statement: first and last line
    QList<QPair<int, int>> m_downgradeLines;
    AlembicPreview m_alembicPreview;
    QList<QPair<int, int>> m_pythonLines; // Alembic: per chosen entry, first and last line
    QList<QPair<int, int>> m_offlineLines;
    bool m_comparing = false;
    bool m_stale = false; // a comparison is owed for when the panel is shown
    bool m_writing = false;
};

} // namespace Retort::Ui
