// ScriptEditor's guard against losing work: the open file is watched, reloaded when another
// program changes it and nothing is unsaved, offered for reload otherwise, and never
// overwritten on Ctrl+S without asking. Also the editing actions for a window's Edit menu.
#include "scripteditor.h"

#include "findbar.h"

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

void ScriptEditor::setUpActions()
{
    const auto add = [this](const QString &name, const QString &text, const QKeySequence &keys,
                            auto slot, Qt::ShortcutContext context = Qt::WidgetWithChildrenShortcut) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(context);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_editActions.append(action);
        return action;
    };
    add(u"editUndo"_s, tr("&Undo"), QKeySequence::Undo, [this] { m_text->undo(); });
    add(u"editRedo"_s, tr("&Redo"), QKeySequence::Redo, [this] { m_text->redo(); });
    add(u"editCut"_s, tr("Cu&t"), QKeySequence::Cut, [this] { m_text->cut(); });
    add(u"editCopy"_s, tr("&Copy"), QKeySequence::Copy, [this] { m_text->copy(); });
    add(u"editPaste"_s, tr("&Paste"), QKeySequence::Paste, [this] { m_text->paste(); });
    add(u"editFind"_s, tr("&Find..."), QKeySequence::Find, [this] { m_findBar->open(); });
    add(u"editFindNext"_s, tr("Find &Next"), QKeySequence::FindNext, [this] {
        if (m_findBar->lineEdit()->text().isEmpty())
            m_findBar->open();
        else
            m_findBar->findNext();
    });
    add(u"editGoToLine"_s, tr("&Go to Line..."), QKeySequence(Qt::CTRL | Qt::Key_G),
        [this] { askGoToLine(); });
    add(u"editSave"_s, tr("&Save"), QKeySequence::Save, [this] { saveAsking(); },
        Qt::WindowShortcut);
}

void ScriptEditor::setUpReloadBar()
{
    m_reloadBar->setObjectName(u"reloadBar"_s);
    auto *label = new QLabel(tr("Another program changed this file. Reload it and lose your "
                                "unsaved edits?"),
                             m_reloadBar);
    label->setWordWrap(true);
    auto *reloadButton = new QPushButton(tr("Reload"), m_reloadBar);
    reloadButton->setObjectName(u"reloadFromDisk"_s);
    auto *keep = new QPushButton(tr("Keep My Edits"), m_reloadBar);
    keep->setObjectName(u"keepEdits"_s);
    auto *layout = new QHBoxLayout(m_reloadBar);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(label, 1);
    layout->addWidget(reloadButton);
    layout->addWidget(keep);
    m_reloadBar->setAutoFillBackground(true);
    m_reloadBar->hide();
    connect(reloadButton, &QPushButton::clicked, this, [this] {
        if (const Result<> done = reload(); !done)
            emit saveFailed(done.error());
    });
    // Saving later still asks before overwriting the other program's version.
    connect(keep, &QPushButton::clicked, m_reloadBar, &QWidget::hide);

    auto *settle = new QTimer(this);
    settle->setSingleShot(true);
    settle->setInterval(150); // another editor's save may touch the file more than once
    connect(m_watcher, &QFileSystemWatcher::fileChanged, settle, qOverload<>(&QTimer::start));
    connect(settle, &QTimer::timeout, this, &ScriptEditor::onFileChanged);
}

void ScriptEditor::watch(const QString &path)
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (QFileInfo::exists(path))
        m_watcher->addPath(path);
}

void ScriptEditor::onFileChanged()
{
    if (m_path.isEmpty())
        return;
    watch(m_path); // replaced rather than rewritten: watch the new file
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return; // removed: the edits stay, and saving writes the file again
    if (file.readAll() == m_diskText) { // our own save, or the same bytes again
        m_reloadBar->hide();
        return;
    }
    if (!isModified()) {
        if (reload())
            emit reloadedFromDisk(m_path);
        return;
    }
    m_reloadBar->show();
}

bool ScriptEditor::changedOnDisk() const
{
    if (m_path.isEmpty())
        return false;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.readAll() != m_diskText;
}

Result<> ScriptEditor::reload()
{
    int line = 0;
    int index = 0;
    m_text->getCursorPosition(&line, &index);
    const int firstVisible = m_text->firstVisibleLine();
    const QString path = m_path;
    if (Result<> opened = openFile(path); !opened)
        return opened;
    m_text->setCursorPosition(std::min(line, std::max(0, m_text->lines() - 1)), 0);
    m_text->setFirstVisibleLine(firstVisible);
    return {};
}

void ScriptEditor::saveAsking()
{
    if (m_path.isEmpty() || isReadOnly())
        return;
    if (!changedOnDisk()) {
        if (const Result<> result = save(); !result)
            emit saveFailed(result.error());
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("File Changed on Disk"),
                                tr("%1 was changed by another program since it was opened here. "
                                   "Overwrite it with your version?")
                                    .arg(QFileInfo(m_path).fileName()),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"overwriteNewer"_s);
    QPushButton *overwrite = box->addButton(tr("Overwrite"), QMessageBox::DestructiveRole);
    overwrite->setObjectName(u"overwrite"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, overwrite] {
        if (box->clickedButton() != overwrite)
            return;
        if (const Result<> result = save(true); !result)
            emit saveFailed(result.error());
    });
    box->open();
}

QString ScriptEditor::title() const
{
    if (m_path.isEmpty())
        return {};
    const QString name = QFileInfo(m_path).fileName();
    return isModified() ? tr("%1 \u2022 modified").arg(name) : name;
}

bool ScriptEditor::isReloadOfferVisible() const
{
    return !m_reloadBar->isHidden();
}

// open(), not exec(): no nested event loop, and tests can answer it.
void ScriptEditor::askGoToLine()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"goToLineDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Go to Line"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setLabelText(tr("Line (1 to %1):").arg(m_text->lines()));
    dialog->setIntRange(1, std::max(1, m_text->lines()));
    int line = 0;
    int index = 0;
    m_text->getCursorPosition(&line, &index);
    dialog->setIntValue(line + 1);
    connect(dialog, &QInputDialog::intValueSelected, this, [this](int chosen) {
        goToLine(chosen);
        m_text->setFocus();
    });
    dialog->open();
}

} // namespace Retort::Ui
