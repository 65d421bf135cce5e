#include "pythondialog.h"

#include "projectpythonsettings.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

PythonDialog::PythonDialog(const PythonLocator::Options &options, QWidget *parent)
    : QDialog(parent)
    , m_options(options)
    , m_interpreter(new QLineEdit(options.setting, this))
    , m_prefix(new QLineEdit(this))
    , m_pathMap(new QPlainTextEdit(ProjectPythonSettings::pathMapText(options.pathMap), this))
    , m_problem(new QLabel(this))
{
    setObjectName(u"pythonDialog"_s);
    setWindowTitle(tr("Project Python"));
    QStringList words;
    for (const QString &word : options.prefix) // quoted as QProcess::splitCommand reads them back
        words << (word.contains(u' ') ? u'"' + word + u'"' : word);
    m_prefix->setText(words.join(u' '));
    m_interpreter->setPlaceholderText(tr("Empty: .venv or venv beside the project, else python3"));
    m_prefix->setPlaceholderText(u"docker compose exec -T backend"_s);
    m_pathMap->setPlaceholderText(u"/home/me/shop = /app"_s);
    m_pathMap->setTabChangesFocus(true);
    m_pathMap->setFixedHeight(m_pathMap->fontMetrics().lineSpacing() * 4 + 12);

    auto *browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, &PythonDialog::browse);
    auto *interpreterRow = new QHBoxLayout;
    interpreterRow->addWidget(m_interpreter, 1);
    interpreterRow->addWidget(browse);

    auto *form = new QFormLayout;
    // A label of its own: a row whose field is a layout gets no buddy, so "&" would show.
    auto *interpreterLabel = new QLabel(tr("&Interpreter:"), this);
    interpreterLabel->setBuddy(m_interpreter);
    form->addRow(interpreterLabel, interpreterRow);
    form->addRow(tr("Command &prefix:"), m_prefix);
    form->addRow(tr("Path &map:"), m_pathMap);

    QString order = tr("Retort runs the project's own Alembic in this Python. It is chosen in "
                       "this order: RETORT_PYTHON, this setting, .venv/bin/python or "
                       "venv/bin/python beside alembic.ini or above it, the alembic command's "
                       "Python, python3 on PATH. With a "
                       "prefix the interpreter runs inside it (a container), and the path map "
                       "turns host folders into the container's, one \"host = container\" per "
                       "line.");
    const QString environment = qEnvironmentVariable("RETORT_PYTHON");
    if (!environment.isEmpty())
        order += u"\n\n"_s + tr("RETORT_PYTHON is set to %1 and wins over this setting.")
                                 .arg(environment);
    auto *note = new QLabel(order, this);
    note->setWordWrap(true);
    note->setObjectName(u"pythonOrderNote"_s);

    m_problem->setWordWrap(true);
    m_problem->setObjectName(u"pythonProblem"_s);
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_problem->setPalette(warning);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pathMap, &QPlainTextEdit::textChanged, this, &PythonDialog::validate);
    connect(m_prefix, &QLineEdit::textChanged, this, &PythonDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());
    validate();
}

PythonLocator::Options PythonDialog::options() const
{
    PythonLocator::Options options = m_options;
    options.setting = m_interpreter->text().trimmed();
    // Shell-like words, so that a quoted argument with spaces stays one.
    options.prefix = QProcess::splitCommand(m_prefix->text().trimmed());
    options.pathMap = ProjectPythonSettings::parsePathMap(m_pathMap->toPlainText());
    return options;
}

QString PythonDialog::problem() const
{
    const QStringList lines = m_pathMap->toPlainText().split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        if (ProjectPythonSettings::parsePathMap(line).isEmpty())
            return tr("Path map line %1 is not \"host folder = container folder\": %2")
                .arg(i + 1)
                .arg(line);
    }
    if (!m_pathMap->toPlainText().trimmed().isEmpty() && m_prefix->text().trimmed().isEmpty())
        return tr("A path map needs a command prefix: without one, the interpreter sees the "
                  "host's folders.");
    return {};
}

void PythonDialog::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

void PythonDialog::browse()
{
    const QString start = m_interpreter->text().isEmpty()
                              ? QFileInfo(m_options.iniPath).absolutePath()
                              : QFileInfo(m_interpreter->text()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Python Interpreter"), start);
    if (!file.isEmpty())
        m_interpreter->setText(QDir::toNativeSeparators(file));
}

} // namespace Retort::Ui
