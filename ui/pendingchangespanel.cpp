#include "pendingchangespanel.h"

#include "lexertheme.h"
#include "pendingchangesmodel.h"
#include "previeweditor.h"
#include "schemadiffview.h"
#include "workspacecontroller.h"

#include <Qsci/qsciscintilla.h>

#include <QDialog>
#include <QDir>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {

constexpr int highlightMarker = PreviewEditor::highlightMarker;

QString destructiveHtmlColor(const QWidget *widget)
{
    return PreviewEditor::isDark(widget) ? u"#ef6c6c"_s : u"#c62828"_s;
}

void setPreview(QsciScintilla *edit, const QString &text)
{
    PreviewEditor::setText(edit, text);
}

} // namespace

PendingChangesPanel::PendingChangesPanel(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new PendingChangesModel(this))
{
    setObjectName(u"pendingChangesPanel"_s);
    setUpTree();
    m_tabs = new QTabWidget(this);
    m_upgrade = createPreview(u"upgradePreview"_s);
    m_downgrade = createPreview(u"downgradePreview"_s);
    m_diff = new SchemaDiffView(this);
    m_tabs->addTab(m_upgrade, tr("Upgrade"));
    m_tabs->addTab(m_downgrade, tr("Downgrade"));
    m_tabs->addTab(m_diff, tr("Schema diff"));
    m_python = createPreview(u"pythonPreview"_s, true);
    m_offlineSql = createPreview(u"offlineSqlPreview"_s);
    m_tabs->addTab(m_python, tr("Python"));
    m_tabs->addTab(m_offlineSql, tr("SQL (offline)"));
    m_tabs->setTabToolTip(3, tr("The upgrade operations Alembic will write, as it renders them"));
    m_tabs->setTabToolTip(4, tr("The same operations as offline SQL (alembic upgrade --sql)"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(createToolRow());
    layout->addWidget(createBanner());
    layout->addWidget(splitter, 1);
    layout->addWidget(createRevisionRow());
    showTabsFor(false);

    connect(m_controller, &WorkspaceController::comparisonReady, this,
            &PendingChangesPanel::onComparisonReady);
    connect(m_controller, &WorkspaceController::comparisonFailed, this,
            &PendingChangesPanel::onComparisonFailed);
    connect(m_controller, &WorkspaceController::alembicComparisonReady, this,
            &PendingChangesPanel::onAlembicComparisonReady);
    connect(m_controller, &WorkspaceController::alembicRevisionWritten, this,
            &PendingChangesPanel::onAlembicRevisionWritten);
    connect(m_controller, &WorkspaceController::busyChanged, this,
            &PendingChangesPanel::updateButtons);
    connect(m_controller, &WorkspaceController::revisionWritten, this, [this] {
        if (m_writing)
            m_message->clear();
        m_writing = false;
        updateButtons();
    });
    connect(m_controller, &WorkspaceController::operationFailed, this, [this] {
        m_writing = false; // the message stays for another try
        updateButtons();
    });
    connect(m_model, &PendingChangesModel::chosenChanged, this, &PendingChangesPanel::rerender);
    connect(m_model, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_model, &QAbstractItemModel::rowsInserted, m_tree, &QTreeView::expandAll);
    m_status->setText(tr("No project."));
    updateButtons();
}

void PendingChangesPanel::setUpTree()
{
    m_tree = new QTreeView(this);
    m_tree->setObjectName(u"pendingTree"_s);
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setUniformRowHeights(true);
    connect(m_tree, &QTreeView::clicked, this, &PendingChangesPanel::onClicked);
    connect(m_tree, &QTreeView::doubleClicked, this, &PendingChangesPanel::onDoubleClicked);
    connect(m_tree, &QWidget::customContextMenuRequested, this,
            &PendingChangesPanel::showContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PendingChangesPanel::updateHighlight);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PendingChangesPanel::updateButtons);
}

QWidget *PendingChangesPanel::createToolRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto button = [row, layout](const QString &text, const QIcon &icon, const QString &tip) {
        auto *b = new QToolButton(row);
        b->setText(text);
        b->setIcon(icon);
        b->setToolTip(tip);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setAutoRaise(true);
        layout->addWidget(b);
        return b;
    };
    m_refresh = button(tr("Refresh"), style()->standardIcon(QStyle::SP_BrowserReload),
                       tr("Compare the database with the models again"));
    m_pair = button(tr("Pair as rename"), style()->standardIcon(QStyle::SP_ArrowRight),
                    tr("Turn the selected dropped and added column into one rename"));
    m_unpair = button(tr("Unpair"), style()->standardIcon(QStyle::SP_DialogResetButton),
                      tr("Split the selected rename back into a drop and an add"));
    m_diffButton = button(tr("Schema diff…"), style()->standardIcon(QStyle::SP_FileDialogContentsView),
                          tr("Before and after DDL of the affected tables, in a window"));
    m_diffButton->setObjectName(u"pendingDiffWindow"_s);
    m_refresh->setObjectName(u"pendingRefresh"_s);
    m_pair->setObjectName(u"pendingPair"_s);
    m_unpair->setObjectName(u"pendingUnpair"_s);
    m_status = new QLabel(row);
    m_status->setObjectName(u"pendingStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status, 1);
    connect(m_refresh, &QToolButton::clicked, this, &PendingChangesPanel::compare);
    connect(m_pair, &QToolButton::clicked, this, &PendingChangesPanel::pairSelected);
    connect(m_unpair, &QToolButton::clicked, this, &PendingChangesPanel::unpairCurrent);
    connect(m_diffButton, &QToolButton::clicked, this, &PendingChangesPanel::openDiffWindow);
    return row;
}

QWidget *PendingChangesPanel::createRevisionRow()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_notes = new QLabel(box);
    m_notes->setObjectName(u"pendingNotes"_s);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->hide();
    layout->addWidget(m_notes);
    auto *line = new QHBoxLayout;
    m_message = new QLineEdit(box);
    m_message->setObjectName(u"pendingMessage"_s);
    m_message->setPlaceholderText(tr("Revision message, e.g. add last login"));
    m_create = new QPushButton(tr("Create revision"), box);
    m_create->setObjectName(u"pendingCreate"_s);
    line->addWidget(m_message, 1);
    line->addWidget(m_create);
    m_reason = new QLabel(box);
    m_reason->setObjectName(u"pendingReason"_s);
    m_reason->setWordWrap(true);
    layout->addLayout(line);
    layout->addWidget(m_reason);
    connect(m_message, &QLineEdit::textChanged, this, &PendingChangesPanel::updateButtons);
    connect(m_message, &QLineEdit::returnPressed, this, &PendingChangesPanel::createRevision);
    connect(m_create, &QPushButton::clicked, this, &PendingChangesPanel::createRevision);
    return box;
}

QWidget *PendingChangesPanel::createBanner()
{
    m_banner = new QFrame(this);
    m_banner->setObjectName(u"pendingBanner"_s);
    static_cast<QFrame *>(m_banner)->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(6, 4, 6, 4);
    auto *icon = new QLabel(m_banner);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(u"pendingBannerText"_s);
    m_bannerText->setWordWrap(true);
    m_upgradeFirst = new QPushButton(tr("Upgrade to head first"), m_banner);
    m_upgradeFirst->setObjectName(u"pendingUpgradeFirst"_s);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(m_bannerText, 1);
    layout->addWidget(m_upgradeFirst, 0, Qt::AlignVCenter);
    connect(m_upgradeFirst, &QPushButton::clicked, this, &PendingChangesPanel::upgradeFirst);
    m_banner->hide();
    return m_banner;
}

// Retort's comparison shows its SQL both ways and the schema diff; Alembic's shows the Python
// it will write and that Python's offline SQL.
void PendingChangesPanel::showTabsFor(bool alembic)
{
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabVisible(i, alembic == (i >= 3));
    if (!m_tabs->isTabVisible(m_tabs->currentIndex()))
        m_tabs->setCurrentIndex(alembic ? 3 : 0);
    m_diffButton->setVisible(!alembic);
}

QsciScintilla *PendingChangesPanel::createPreview(const QString &name, bool python)
{
    return PreviewEditor::create(this, name, python ? PreviewEditor::Language::Python
                                                    : PreviewEditor::Language::Sql);
}

void PendingChangesPanel::compareWhenShown()
{
    if (m_controller->comparesWithAlembic() && !isVisible()) {
        m_stale = true;
        return;
    }
    compare();
}

void PendingChangesPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        compare();
}

void PendingChangesPanel::compare()
{
    m_stale = false;
    if (!m_controller->hasProject())
        return;
    m_comparing = true;
    updateButtons();
    if (m_controller->comparesWithAlembic()) {
        m_status->setText(tr("The project's Alembic compares the database with the models…"));
        m_controller->compareAlembic();
    } else {
        m_status->setText(tr("Comparing the database with the models…"));
        m_controller->compareSchema();
    }
}

void PendingChangesPanel::onComparisonReady(const SchemaComparison &comparison)
{
    m_comparing = false;
    showTabsFor(false);
    m_banner->hide();
    m_notes->clear();
    m_notes->hide();
    m_model->setComparison(comparison); // rerender() and updateStatus() follow
    updateButtons();
}

void PendingChangesPanel::onAlembicComparisonReady(const AlembicComparison &comparison)
{
    m_comparing = false;
    showTabsFor(true);
    if (!comparison.upToDate) {
        const QString at = comparison.current.isEmpty() ? tr("base")
                                                        : comparison.current.join(u", "_s);
        m_bannerText->setText(
            tr("The database is behind: it is at %1, the head is %2. Alembic compares the "
               "models only with a database at head (\"Target database is not up to date\").")
                .arg(at, comparison.heads.join(u", "_s)));
    }
    m_banner->setVisible(!comparison.upToDate);
    m_model->setAlembicComparison(comparison); // rerender() and updateStatus() follow
    updateButtons();
}

void PendingChangesPanel::upgradeFirst()
{
    // "heads": every head, as `alembic upgrade heads`; the reload after it compares again.
    m_controller->upgrade(u"heads"_s);
    updateButtons();
}

void PendingChangesPanel::onAlembicRevisionWritten(const AlembicWrittenRevision &written)
{
    m_writing = false;
    if (written.path.isEmpty()) {
        m_written = tr("No changes: nothing was written.");
    } else {
        m_message->clear();
        m_written = tr("Wrote %1.").arg(QDir::toNativeSeparators(written.path));
        if (written.addedImports.contains(u"sqlmodel"_s))
            m_written += u' '
                         + tr("Added \"import sqlmodel\": the file uses "
                              "sqlmodel.sql.sqltypes.AutoString, which Alembic's template does "
                              "not import.");
        if (written.empty)
            m_written += u' ' + tr("It has no operations.");
    }
    updateAlembicNotes();
    updateButtons();
}

void PendingChangesPanel::rerenderAlembic()
{
    m_rendered = SchemaComparison();
    m_renderError = Error();
    m_upgradeLines.clear();
    m_downgradeLines.clear();
    m_pythonLines.clear();
    m_offlineLines.clear();
    m_alembicPreview =
        AlembicPreview::build(m_model->alembicComparison(), m_model->chosenEntries());
    m_pythonLines = m_alembicPreview.pythonLines;
    m_offlineLines = m_alembicPreview.sqlLines;
    setPreview(m_python, m_alembicPreview.python);
    setPreview(m_offlineSql, m_alembicPreview.sql);
    m_diff->setSections({});
    emit sectionsChanged({});
    updateHighlight();
    updateStatus();
    updateAlembicNotes();
    updateButtons();
}

// The pitfalls a generated Alembic revision is known for, said before the file is run.
void PendingChangesPanel::updateAlembicNotes()
{
    QStringList notes;
    if (m_model->isAlembic() && !m_comparing)
        notes = m_alembicPreview.notes;
    if (!m_written.isEmpty())
        notes << m_written;
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
}

void PendingChangesPanel::updateStatus()
{
    if (m_comparing || m_model->hasError())
        return;
    const int count = m_model->operationCount();
    const int destructive = m_model->destructiveChosenCount();
    QString text = count == 0 ? tr("No pending changes: the database matches the models.")
                              : tr("%n change(s) ticked", nullptr, m_model->tickedCount());
    if (m_model->isAlembic() && !m_model->alembicComparison().upToDate)
        text = tr("Not compared: the database is behind its head.");
    else if (m_model->isAlembic() && count > 0) // a pair is one change
        text = tr("%1 of %n change(s) ticked", nullptr, count - m_model->pairCount())
                   .arg(m_model->tickedCount());
    if (destructive > 0)
        text += tr(", <span style='color:%1'>%n destructive</span>", nullptr, destructive)
                    .arg(destructiveHtmlColor(this));
    m_status->setText(text);
}

void PendingChangesPanel::onComparisonFailed(const Error &error)
{
    m_comparing = false;
    m_banner->hide();
    m_model->setError(error);
    m_status->setText(tr("<span style='color:%1'>Cannot compare: click the error to open "
                         "its file</span>")
                          .arg(destructiveHtmlColor(this)));
    updateButtons();
}

void PendingChangesPanel::rerender()
{
    if (m_model->isAlembic()) {
        rerenderAlembic();
        return;
    }
    m_rendered = SchemaComparison();
    m_renderError = Error();
    if (m_model->operationCount() > 0) {
        const Result<SchemaComparison> rendered =
            m_controller->withOperations(m_model->comparison(), m_model->chosenOperations());
        if (rendered)
            m_rendered = *rendered;
        else
            m_renderError = rendered.error();
    }
    if (!m_renderError.message.isEmpty()) {
        setPreview(m_upgrade, u"-- "_s + m_renderError.toString());
        setPreview(m_downgrade, QString());
    } else {
        setPreview(m_upgrade, RenderedStatement::join(m_rendered.upgrade, &m_upgradeLines));
        setPreview(m_downgrade, RenderedStatement::join(m_rendered.downgrade, &m_downgradeLines));
    }
    updateDiff();
    updateHighlight();
    updateStatus();
    updateButtons();
}

void PendingChangesPanel::updateDiff()
{
    const SchemaComparison &comparison = m_model->comparison();
    const Ops::OperationList chosen = m_model->chosenOperations();
    // "After": the database's schema with the ticked operations applied; the models' tables
    // when that fails (it should not: the renderer applied them already).
    const Result<Schema::Database> after = WorkspaceController::applied(comparison.current, chosen);
    const Schema::Database &afterDb = after ? *after : comparison.desired;
    const auto ddl = [this](const Schema::Table *table) {
        if (!table)
            return QString();
        const Result<QString> text = m_controller->tableDdl(*table);
        return text ? *text : u"-- "_s + text.error().message;
    };
    QList<SchemaDiffView::Section> sections;
    for (const QString &table : m_model->chosenTables())
        sections.append({table, ddl(comparison.current.table(table)), ddl(afterDb.table(table))});
    m_diff->setSections(sections);
    emit sectionsChanged(sections);
}

void PendingChangesPanel::openDiffWindow()
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Schema diff"));
    auto *view = new SchemaDiffView(dialog);
    view->setSections(m_diff->sections());
    connect(this, &PendingChangesPanel::sectionsChanged, view, &SchemaDiffView::setSections);
    auto *layout = new QVBoxLayout(dialog);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view);
    dialog->resize(1000, 600);
    dialog->show();
}

void PendingChangesPanel::updateHighlight()
{
    for (QsciScintilla *edit : {m_upgrade, m_downgrade, m_python, m_offlineSql})
        edit->markerDeleteAll(highlightMarker);
    const int operation = PendingChangesModel::operationAt(m_tree->currentIndex());
    const int position = m_model->chosenPosition(operation);
    if (position < 0)
        return;
    const int count = int(m_model->chosenOperations().size());
    const auto mark = [](QsciScintilla *edit, const RenderedStatementList &statements,
                         const QList<QPair<int, int>> &lines, int index) {
        int first = -1;
        for (int i = 0; i < statements.size() && i < lines.size(); ++i) {
            if (!statements.at(i).serves(index))
                continue;
            for (int line = lines.at(i).first; line <= lines.at(i).second; ++line)
                edit->markerAdd(line, highlightMarker);
            if (first < 0)
                first = lines.at(i).first;
        }
        if (first >= 0)
            edit->ensureLineVisible(first);
    };
    if (m_model->isAlembic()) {
        for (const auto &[edit, lines] : {std::pair{m_python, &m_pythonLines},
                                          std::pair{m_offlineSql, &m_offlineLines}}) {
            if (position >= lines->size())
                continue;
            for (int line = lines->at(position).first; line <= lines->at(position).second; ++line)
                edit->markerAdd(line, highlightMarker);
            edit->ensureLineVisible(lines->at(position).first);
        }
        return;
    }
    mark(m_upgrade, m_rendered.upgrade, m_upgradeLines, position);
    // The downgrade renders the reversed list: the operation's inverse sits mirrored.
    mark(m_downgrade, m_rendered.downgrade, m_downgradeLines, count - 1 - position);
}

QList<int> PendingChangesPanel::highlightedUpgradeLines() const
{
    QList<int> lines;
    for (int line = 0; line < m_upgrade->lines(); ++line) {
        if (m_upgrade->markersAtLine(line) & (1 << highlightMarker))
            lines.append(line);
    }
    return lines;
}

QString PendingChangesPanel::upgradeText() const
{
    return m_upgrade->text();
}

QString PendingChangesPanel::downgradeText() const
{
    return m_downgrade->text();
}

QString PendingChangesPanel::pythonText() const
{
    return m_python->text();
}

QString PendingChangesPanel::offlineSqlText() const
{
    return m_offlineSql->text();
}

QString PendingChangesPanel::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_bannerText->text() : QString();
}

QString PendingChangesPanel::noteText() const
{
    return m_notes->isVisibleTo(this) ? m_notes->text() : QString();
}

QString PendingChangesPanel::statusText() const
{
    return m_status->text();
}

QString PendingChangesPanel::reasonText() const
{
    return m_reason->text();
}

void PendingChangesPanel::updateButtons()
{
    const QList<int> selected = selectedOperations();
    m_pair->setEnabled(selected.size() == 2
                       && (m_model->canPair(selected.at(0), selected.at(1))
                           || m_model->canPair(selected.at(1), selected.at(0))));
    m_unpair->setEnabled(m_model->isPaired(PendingChangesModel::operationAt(m_tree->currentIndex())));
    m_refresh->setEnabled(m_controller->hasProject());
    m_upgradeFirst->setEnabled(m_controller->hasProject() && !m_controller->isBusy());
    m_diffButton->setEnabled(!m_diff->sections().isEmpty());
    QString reason;
    if (!m_controller->hasProject())
        reason = tr("Open a project first.");
    else if (m_comparing)
        reason = tr("Comparing…");
    else if (m_model->hasError())
        reason = tr("Fix the error above first.");
    else if (m_model->isAlembic() && !m_model->alembicComparison().upToDate)
        reason = tr("The database is behind its head: upgrade it first, then Alembic compares "
                    "the models.");
    else if (m_model->operationCount() == 0)
        reason = tr("Nothing to write: the database matches the models.");
    else if (!m_model->comparison().atHead)
        reason = tr("The database is not at head: upgrade it before writing a revision.");
    else if (m_model->tickedCount() == 0)
        reason = tr("Tick at least one change.");
    else if (!m_renderError.message.isEmpty())
        reason = m_renderError.message;
    else if (m_message->text().trimmed().isEmpty())
        reason = tr("Write a message for the revision.");
    else if (m_writing || m_controller->isBusy())
        reason = tr("Busy…");
    m_create->setEnabled(reason.isEmpty());
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

QList<int> PendingChangesPanel::selectedOperations() const
{
    QList<int> operations;
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (const int operation = PendingChangesModel::operationAt(index); operation >= 0)
            operations.append(operation);
    }
    return operations;
}

bool PendingChangesPanel::pairSelected()
{
    const QList<int> selected = selectedOperations();
    if (selected.size() != 2)
        return false;
    const bool paired = m_model->pair(selected.at(0), selected.at(1))
                        || m_model->pair(selected.at(1), selected.at(0));
    if (paired)
        m_tree->setCurrentIndex(m_model->indexOfOperation(std::min(selected.at(0), selected.at(1))));
    return paired;
}

bool PendingChangesPanel::unpairCurrent()
{
    return m_model->unpair(PendingChangesModel::operationAt(m_tree->currentIndex()));
}

void PendingChangesPanel::onClicked(const QModelIndex &index)
{
    if (PendingChangesModel::kindAt(index) != PendingChangesModel::RowKind::Error)
        return;
    const QString file = index.data(PendingChangesModel::FileRole).toString();
    if (!file.isEmpty())
        emit locationActivated(file, index.data(PendingChangesModel::LineRole).toInt(),
                               m_model->error().message);
}

void PendingChangesPanel::onDoubleClicked(const QModelIndex &index)
{
    if (PendingChangesModel::kindAt(index) != PendingChangesModel::RowKind::Suggestion)
        return;
    const int drop = index.data(PendingChangesModel::OperationRole).toInt();
    if (m_model->pair(drop, index.data(PendingChangesModel::PartnerRole).toInt()))
        m_tree->setCurrentIndex(m_model->indexOfOperation(drop));
}

void PendingChangesPanel::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    QAction *pair = menu.addAction(m_pair->icon(), m_pair->text(), this,
                                   &PendingChangesPanel::pairSelected);
    pair->setEnabled(m_pair->isEnabled());
    QAction *unpair = menu.addAction(m_unpair->icon(), m_unpair->text(), this,
                                     &PendingChangesPanel::unpairCurrent);
    unpair->setEnabled(m_unpair->isEnabled());
    menu.addSeparator();
    menu.addAction(m_refresh->icon(), m_refresh->text(), this, &PendingChangesPanel::compare);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void PendingChangesPanel::createRevision()
{
    updateButtons();
    if (!m_create->isEnabled())
        return;
    m_writing = true;
    if (m_model->isAlembic()) {
        NewRevision request;
        request.message = m_message->text().trimmed();
        request.autogenerate = true;
        request.keepOperations = m_model->keptOperations();
        request.renameOperations = m_model->chosenRenames();
        request.writeEmpty = false; // the models may have changed since: never an empty file
        m_written.clear();
        updateAlembicNotes();
        m_controller->writeAlembicRevision(request);
        updateButtons();
        return;
    }
    m_controller->writeAutogenerated(m_message->text().trimmed(), m_rendered);
    updateButtons(); // the message stays until the revision is written (a failure keeps it)
}

} // namespace Retort::Ui
