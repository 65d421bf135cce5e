#include "outputpane.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QTextDocument>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {
enum Roles { FileRole = Qt::UserRole + 1, LineRole, MessageRole };
const QColor errorColor(0xc0, 0x1c, 0x28);

QString now()
{
    return QTime::currentTime().toString(u"HH:mm:ss"_s);
}

// A tooltip that wraps at a readable width instead of running across the screen.
// A list of 2,000 ids would still fill the screen: the tooltip stops at a few lines, and the
// row's context menu copies the whole text.
QString wrappedToolTip(const QString &text)
{
    constexpr qsizetype most = 600;
    const QString shown = text.size() <= most
                              ? text
                              : text.left(most) + OutputPane::tr("… (%1 more characters: Copy "
                                                                 "in the row's menu has them all)")
                                                      .arg(text.size() - most);
    return u"<p style='white-space:pre-wrap'>"_s + shown.toHtmlEscaped() + u"</p>"_s;
}

QStringList sentences(const QString &text)
{
    static const QRegularExpression end(u"(?<=[.!?:])\\s+(?=[A-Z])"_s);
    return text.split(end, Qt::SkipEmptyParts);
}

QString firstLine(const QString &sql)
{
    const QString simplified = sql.simplified();
    return simplified.size() > 160 ? simplified.left(157) + u"..."_s : simplified;
}
} // namespace

OutputPane::OutputPane(QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Time"), tr("Output"), tr("Duration")});
    m_list->setRootIsDecorated(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString file = item->data(1, FileRole).toString();
        if (!file.isEmpty())
            emit locationActivated(file, item->data(1, LineRole).toInt(),
                                   item->data(1, MessageRole).toString());
    });
    connect(m_list, &QTreeWidget::itemClicked, m_list, &QTreeWidget::itemActivated);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy"), m_list);
    copy->setObjectName(u"outputCopy"_s);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] {
        if (QTreeWidgetItem *item = m_list->currentItem())
            QGuiApplication::clipboard()->setText(item->text(1));
    });
    m_list->addAction(copy);

    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(14);
    m_cancel->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, this, &OutputPane::cancelRequested);

    m_progressRow = new QWidget(this);
    auto *bar = new QHBoxLayout(m_progressRow);
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_progressLabel);
    bar->addWidget(m_progress, 1);
    bar->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_progressRow);
    setBusy(false);
}

QTreeWidgetItem *OutputPane::append(const QString &time, const QString &text,
                                    QTreeWidgetItem *parent)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_list);
    item->setText(0, time);
    item->setText(1, text);
    item->setToolTip(1, text.size() > 80 ? wrappedToolTip(text) : text);
    if (!parent || parent->isExpanded())
        m_list->scrollToItem(item);
    return item;
}

void OutputPane::addInfo(const QString &text)
{
    m_step = nullptr;
    append(now(), text, nullptr);
}

void OutputPane::addError(const Error &error)
{
    QTreeWidgetItem *item = append(now(), error.toString(), m_step);
    QFont bold = item->font(1);
    bold.setBold(true);
    item->setFont(1, bold);
    for (int column = 0; column < 3; ++column)
        item->setForeground(column, errorColor);
    item->setData(1, FileRole, error.file);
    item->setData(1, LineRole, error.line);
    item->setData(1, MessageRole, error.message);
    // The row is cut at the pane's edge, and the end of a long message matters as much as its
    // start ("... Committed before it and still applied: ..."): each sentence gets a row.
    const QStringList parts = sentences(error.message);
    if (parts.size() > 1) {
        for (const QString &part : parts)
            append(QString(), part, item)->setForeground(1, errorColor);
    }
    if (!error.detail.isEmpty())
        append(QString(), error.detail, item)->setForeground(1, errorColor);
    item->setExpanded(true);
    if (m_step)
        m_step->setExpanded(true);
    m_step = nullptr;
}

void OutputPane::addOutcome(const QString &text, const QString &file, int line,
                            const QString &message)
{
    m_step = nullptr;
    QTreeWidgetItem *item = append(now(), text, nullptr);
    QFont font = item->font(1);
    font.setBold(true);
    if (!file.isEmpty()) {
        font.setUnderline(true);
        item->setForeground(1, palette().color(QPalette::Link));
        item->setData(1, FileRole, file);
        item->setData(1, LineRole, std::max(line, 1));
        item->setData(1, MessageRole, message);
        item->setToolTip(1, tr("%1\nOpens %2 at line %3.").arg(text, file).arg(std::max(line, 1)));
    }
    item->setFont(1, font);
    m_list->scrollToItem(item);
}

void OutputPane::startStep(int index, int count, const QString &revision, const QString &message,
                           const QString &file)
{
    m_step = append(now(), tr("%1 %2").arg(revision, message), nullptr);
    m_step->setData(1, FileRole, file);
    m_step->setData(1, LineRole, 1);
    m_stepFile = file;
    m_progress->setRange(0, count);
    m_progress->setValue(index);
    m_progressLabel->setText(tr("%1 of %2").arg(index + 1).arg(count));
}

void OutputPane::addStatement(const QString &sql, int line, qint64 ms)
{
    QTreeWidgetItem *item = append(now(), firstLine(sql), m_step);
    item->setText(2, tr("%1 ms").arg(ms));
    item->setData(1, FileRole, m_stepFile);
    item->setData(1, LineRole, line);
}

void OutputPane::finishStep(const QString &revision, qint64 ms)
{
    Q_UNUSED(revision)
    if (m_step)
        m_step->setText(2, tr("%1 ms").arg(ms));
    m_progress->setValue(m_progress->value() + 1);
}

void OutputPane::setPlan(int steps)
{
    m_progress->setRange(0, std::max(steps, 1));
    m_progress->setValue(0);
    m_progressLabel->setText(tr("0 of %1").arg(steps));
}

void OutputPane::setBusy(bool busy)
{
    m_cancel->setEnabled(busy);
    m_progressRow->setVisible(busy);
    if (!busy) {
        m_progressLabel->clear();
        m_step = nullptr;
    }
}

void OutputPane::clear()
{
    m_list->clear();
    m_step = nullptr;
}

QString OutputPane::progressText() const
{
    return m_progressLabel->text();
}

} // namespace Retort::Ui
