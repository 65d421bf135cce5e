#include "previewdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {

QString rows(const QStringList &heads)
{
    return heads.isEmpty() ? PreviewDialog::tr("empty (base)") : heads.join(u", "_s);
}

QString questionFor(const MigrationRequest &request, const MigrationPreview &preview,
                    const QString &database)
{
    const int count = int(preview.steps.size());
    const QString targets = request.targets.join(u", "_s);
    switch (request.kind) {
    case MigrationRequest::Kind::Downgrade:
        return PreviewDialog::tr("Downgrade %1 to %2? %n revision(s) are undone, in this order:",
                                 nullptr, count).arg(database, targets);
    case MigrationRequest::Kind::Stamp:
        return PreviewDialog::tr("Stamp %1 at %2? No script runs; only the version table is "
                                 "rewritten, so the schema is no longer checked against it.")
            .arg(database, targets);
    case MigrationRequest::Kind::Upgrade:
        break;
    }
    return PreviewDialog::tr("Upgrade %1 to %2? %n revision(s) run, in this order:", nullptr, count)
        .arg(database, targets);
}

} // namespace

PreviewDialog::PreviewDialog(const MigrationRequest &request, const MigrationPreview &preview,
                             const QString &database, QWidget *parent)
    : QDialog(parent)
    , m_request(request)
    , m_question(new QLabel(this))
    , m_steps(new QListWidget(this))
    , m_rows(new QLabel(this))
    , m_sql(new QPlainTextEdit(this))
{
    setObjectName(u"previewDialog"_s);
    const bool stamp = request.kind == MigrationRequest::Kind::Stamp;
    const bool downgrade = request.kind == MigrationRequest::Kind::Downgrade;
    setWindowTitle(stamp ? tr("Stamp") : downgrade ? tr("Downgrade") : tr("Upgrade"));
    resize(760, 600);
    m_question->setWordWrap(true);
    m_question->setText(questionFor(request, preview, database));
    for (const MigrationPreview::Step &step : preview.steps) {
        const QString arrow = step.stamp ? tr("stamp") : step.downgrade ? u"\u2193"_s : u"\u2191"_s;
        m_steps->addItem(u"%1. %2 %3  %4"_s.arg(m_steps->count() + 1).arg(arrow, step.revision,
                                                                         step.message));
    }
    if (preview.steps.isEmpty())
        m_steps->addItem(tr("Nothing to run: the database is already there."));
    m_steps->setMaximumHeight(std::min(160, 24 + 20 * int(m_steps->count())));
    m_rows->setWordWrap(true);
    m_rows->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rows->setText(tr("Version table before: %1\nVersion table after: %2")
                        .arg(rows(preview.headsBefore), rows(preview.headsAfter)));
    m_sql->setReadOnly(true);
    m_sql->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *drops = new QLabel(this);
    drops->setWordWrap(true);
    if (!preview.sqlUnavailable.isEmpty()) {
        m_sql->setPlainText(preview.sqlUnavailable);
    } else {
        markDestructive(preview);
        drops->setText(preview.destructive.isEmpty()
                           ? tr("No statement drops data.")
                           : tr("<b>%n statement(s) drop data</b>, marked \u26a0 below.", nullptr,
                                int(preview.destructive.size())));
    }

    auto *buttons = new QDialogButtonBox(this);
    m_run = buttons->addButton(stamp ? tr("Stamp") : downgrade ? tr("Downgrade") : tr("Upgrade"),
                               QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    // Enter cancels: running is a deliberate click.
    m_run->setAutoDefault(false);
    m_cancel->setDefault(true);
    m_cancel->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_question);
    layout->addWidget(m_steps);
    layout->addWidget(m_rows);
    layout->addWidget(drops);
    layout->addWidget(m_sql, 1);
    layout->addWidget(buttons);
}

QString PreviewDialog::destructiveMarker()
{
    return tr("-- \u26a0 drops data:");
}

// A comment line above each statement that drops data, and the statement's lines highlighted.
void PreviewDialog::markDestructive(const MigrationPreview &preview)
{
    QStringList lines = preview.sql.split(u'\n');
    QList<int> marked; // 0-based lines of the text as shown
    QList<int> at = preview.destructiveLines;
    std::sort(at.begin(), at.end());
    for (qsizetype i = at.size() - 1; i >= 0; --i) {
        const int line = at.at(i) - 1;
        if (line < 0 || line > lines.size())
            continue;
        lines.insert(line, destructiveMarker());
    }
    for (qsizetype i = 0; i < at.size(); ++i)
        marked << at.at(i) - 1 + int(i); // each marker above moves the rest down by one
    m_sql->setPlainText(lines.join(u'\n'));
    QList<QTextEdit::ExtraSelection> selections;
    QColor background = palette().color(QPalette::Base);
    const QColor red(0xd0, 0x30, 0x30);
    background.setRgb((background.red() * 3 + red.red()) / 4,
                      (background.green() * 3 + red.green()) / 4,
                      (background.blue() * 3 + red.blue()) / 4);
    for (int line : marked) {
        for (int l : {line, line + 1}) { // the marker and the statement's first line
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(m_sql->document()->findBlockByNumber(l));
            selection.format.setBackground(background);
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections << selection;
        }
    }
    m_sql->setExtraSelections(selections);
    if (!marked.isEmpty()) { // the first statement that drops data in sight
        m_sql->setTextCursor(QTextCursor(m_sql->document()->findBlockByNumber(marked.first())));
        m_sql->ensureCursorVisible();
    }
}

QString PreviewDialog::question() const
{
    return m_question->text();
}

QStringList PreviewDialog::stepTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_steps->count(); ++i)
        texts << m_steps->item(i)->text();
    return texts;
}

QString PreviewDialog::rowsText() const
{
    return m_rows->text();
}

QString PreviewDialog::sqlText() const
{
    return m_sql->toPlainText();
}

} // namespace Retort::Ui
