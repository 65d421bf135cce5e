#include "revisiongraphview.h"

#include "revisiongraphdelegate.h"
#include "revisiongraphfilter.h"
#include "revisiongraphmodel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWheelEvent>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

RevisionGraphView::RevisionGraphView(QWidget *parent)
    : QWidget(parent)
    , m_model(new RevisionGraphModel(this))
    , m_filter(new RevisionGraphFilter(this))
    , m_delegate(new RevisionGraphDelegate(this))
    , m_filterEdit(new QLineEdit(this))
    , m_tree(new QTreeView(this))
{
    m_filter->setSourceModel(m_model);
    m_filterEdit->setPlaceholderText(tr("Filter by id, message or label"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->installEventFilter(this);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        updateGraphColumnWidth();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_tree);
    setUpTree();
    setUpShortcuts();
    m_basePointSize = m_tree->font().pointSizeF();

    m_emptyHint = new QLabel(m_tree->viewport());
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    m_emptyHint->setObjectName(u"emptyHint"_s);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RevisionGraphView::updateEmptyHint);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &RevisionGraphView::updateEmptyHint);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &RevisionGraphView::updateEmptyHint);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &RevisionGraphView::updateEmptyHint);
    updateEmptyHint();
}

void RevisionGraphView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    updateEmptyHint();
}

QString RevisionGraphView::shownEmptyText() const
{
    return m_emptyHint->isVisibleTo(m_tree->viewport()) ? m_emptyHint->text() : QString();
}

void RevisionGraphView::updateEmptyHint()
{
    const bool empty = m_filter->rowCount() == 0;
    const QString text = empty && m_filter->isFiltering() && m_model->rowCount() > 0
                             ? tr("No revision matches \"%1\".").arg(m_filter->text())
                             : m_emptyText;
    m_emptyHint->setText(text);
    m_emptyHint->setGeometry(m_tree->viewport()->rect().adjusted(16, 16, -16, -16));
    m_emptyHint->setVisible(empty && !text.isEmpty());
}

void RevisionGraphView::setUpTree()
{
    m_tree->setModel(m_filter);
    m_tree->setItemDelegate(m_delegate);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_tree->viewport()->installEventFilter(this);
    m_tree->installEventFilter(this);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(RevisionGraphModel::MessageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(RevisionGraphModel::IdColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RevisionGraphModel::DateColumn, QHeaderView::ResizeToContents);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { emit currentRevisionChanged(idAt(current)); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { emit selectionChanged(selectedRevisions()); });
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        emit contextMenuRequested(m_tree->viewport()->mapToGlobal(pos), selectedRevisions());
    });
    connect(m_tree, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { emit activated(idAt(index)); });
    connect(m_filter, &QAbstractItemModel::modelReset, this,
            &RevisionGraphView::updateGraphColumnWidth);
}

void RevisionGraphView::setUpShortcuts()
{
    const auto add = [this](const QKeySequence &keys, void (RevisionGraphView::*slot)()) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    add(QKeySequence(Qt::CTRL | Qt::Key_Equal), &RevisionGraphView::zoomIn);
    add(QKeySequence(Qt::CTRL | Qt::Key_Plus), &RevisionGraphView::zoomIn);
    add(QKeySequence(Qt::CTRL | Qt::Key_Minus), &RevisionGraphView::zoomOut);
    add(QKeySequence(Qt::CTRL | Qt::Key_0), &RevisionGraphView::resetZoom);
}

void RevisionGraphView::setRows(const QList<GraphRow> &rows)
{
    const QString current = currentRevision();
    m_model->setRows(rows);
    if (!current.isEmpty())
        selectRevision(current);
}

void RevisionGraphView::setCurrentBadge(const QString &text)
{
    m_delegate->setCurrentBadge(text);
    m_tree->viewport()->update();
}

QString RevisionGraphView::idAt(const QModelIndex &proxyIndex) const
{
    return proxyIndex.isValid() ? proxyIndex.data(RevisionGraphModel::IdRole).toString()
                                : QString();
}

QString RevisionGraphView::currentRevision() const
{
    return idAt(m_tree->currentIndex());
}

QStringList RevisionGraphView::selectedRevisions() const
{
    QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &index : std::as_const(rows))
        ids.append(idAt(index));
    return ids;
}

bool RevisionGraphView::selectRevisions(const QStringList &ids)
{
    if (ids.isEmpty() || !selectRevision(ids.first()))
        return false;
    bool all = true;
    for (const QString &id : ids.mid(1)) {
        const int sourceRow = m_model->rowOf(id);
        const QModelIndex index = sourceRow < 0 ? QModelIndex()
                                                : m_filter->mapFromSource(m_model->index(sourceRow, 0));
        if (!index.isValid()) {
            all = false;
            continue;
        }
        m_tree->selectionModel()->select(index, QItemSelectionModel::Select
                                                    | QItemSelectionModel::Rows);
    }
    return all;
}

void RevisionGraphView::setBanner(QWidget *banner)
{
    banner->setParent(this);
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, banner);
}

bool RevisionGraphView::selectRevision(const QString &id)
{
    const int sourceRow = m_model->rowOf(id);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_tree->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(index);
    return true;
}

void RevisionGraphView::setZoom(double factor)
{
    m_zoom = std::clamp(factor, 0.5, 3.0);
    QFont font = m_tree->font();
    font.setPointSizeF(m_basePointSize * m_zoom);
    m_tree->setFont(font);
    updateGraphColumnWidth();
    m_tree->doItemsLayout();
}

void RevisionGraphView::updateGraphColumnWidth()
{
    // Wide enough for the whole graph also while filtering, so that the columns stay put as
    // the user types, and for the header's text.
    const int rowHeight = QFontMetrics(m_tree->font()).height() + 10;
    const int lanes = std::max({1, m_model->maxLaneCount(), m_filter->maxLaneCount()});
    m_tree->setColumnWidth(
        RevisionGraphModel::GraphColumn,
        std::max(RevisionGraphDelegate::laneWidth(rowHeight) * lanes + 8,
                 m_tree->header()->sectionSizeHint(RevisionGraphModel::GraphColumn)));
}

bool RevisionGraphView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize && m_emptyHint)
        updateEmptyHint();
    if (watched == m_tree->viewport() && event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            if (wheel->angleDelta().y() > 0)
                zoomIn();
            else if (wheel->angleDelta().y() < 0)
                zoomOut();
            return true;
        }
    }
    if ((watched == m_tree || watched == m_filterEdit) && event->type() == QEvent::KeyPress
        && handleKey(static_cast<QKeyEvent *>(event)))
        return true;
    return QWidget::eventFilter(watched, event);
}

// Esc clears the filter; the Menu key and Shift+F10 open the current node's context menu (Qt
// sends a context-menu event for neither on every platform).
bool RevisionGraphView::handleKey(QKeyEvent *key)
{
    if (key->key() == Qt::Key_Escape && !m_filterEdit->text().isEmpty()) {
        m_filterEdit->clear();
        return true;
    }
    const bool menuKey = key->key() == Qt::Key_Menu
                         || (key->key() == Qt::Key_F10 && key->modifiers() == Qt::ShiftModifier);
    if (!menuKey || selectedRevisions().isEmpty())
        return false;
    QRect rect = m_tree->visualRect(m_tree->currentIndex());
    if (!rect.isValid() || !m_tree->viewport()->rect().intersects(rect))
        rect = QRect(QPoint(0, 0), QSize(1, 1));
    emit contextMenuRequested(m_tree->viewport()->mapToGlobal(QPoint(rect.left() + 24, rect.bottom())),
                              selectedRevisions());
    return true;
}

} // namespace Retort::Ui
