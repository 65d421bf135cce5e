#include "../common/clirunner.h"
#include "../common/projectfiles.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace RetortTest;
using namespace Qt::Literals::StringLiterals;

// `retort completion bash|zsh|fish` (README "Shell completion"): the scripts are run by the
// shells themselves against a real project, with `retort` on PATH as users have it.
class tst_Completion : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void bashCompletesVerbsOptionsAndRevisions();
    void bashCompletesWhatEachVerbTakes();
    void bashHonoursConfigOption();
    void zshScriptParsesAndCompletes();
    void fishScriptParsesAndCompletes();
    void unknownShellIsAUsageError();

private:
    QStringList bash(const QStringList &words, const QString &dir) const;
    QSet<QString> revisionWords(const QString &project) const;

    QTemporaryDir m_tmp;
    QString m_project;
    QString m_bashScript;
    QStringList m_env;
};

namespace {

QSet<QString> toSet(const QStringList &list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

// The long options a verb's --help lists: what its completion must offer.
QSet<QString> helpLongOptions(const QString &verb)
{
    const CliResult help = runCli({verb, u"--help"_s});
    QSet<QString> out;
    static const QRegularExpression option(u"^\\s+(?:-\\w, )?(--[\\w-]+)"_s,
                                           QRegularExpression::MultilineOption);
    for (auto it = option.globalMatch(help.out); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

// The verbs `retort --help` lists.
QStringList helpVerbs()
{
    const QString help = runCli({u"--help"_s}).out;
    const QString commands = help.section(u"Commands:\n"_s, 1).section(u"\n\n"_s, 0, 0);
    QStringList out;
    for (const QString &line : commands.split(u'\n', Qt::SkipEmptyParts))
        out << line.trimmed().section(u' ', 0, 0);
    return out;
}

QString writeScript(const QString &dir, const QString &shell)
{
    const CliResult r = runCli({u"completion"_s, shell});
    if (r.exitCode != 0 || r.out.isEmpty())
        return {};
    const QString path = dir + u"/completion."_s + shell;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(r.out.toUtf8());
    return path;
}

} // namespace

void tst_Completion::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_project = copyExampleProject(m_tmp.filePath(u"blog"_s));
    QVERIFY(!m_project.isEmpty());
    m_bashScript = writeScript(m_tmp.path(), u"bash"_s);
    QVERIFY(!m_bashScript.isEmpty());
    // The scripts call back into `retort` by the name typed: put the built one first on PATH.
    m_env = {u"PATH="_s + QFileInfo(QStringLiteral(RETORT_CLI_PATH)).absolutePath() + u':'
             + qEnvironmentVariable("PATH")};
}

// Sources the script in bash, sets COMP_WORDS/COMP_CWORD (the last word is the one completed)
// and calls the completion function as bash would; returns COMPREPLY.
QStringList tst_Completion::bash(const QStringList &words, const QString &dir) const
{
    const QString script = u"source \"$1\" && shift && COMP_WORDS=(\"$@\") && "
                           "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) && _retort && "
                           "printf '%s\\n' \"${COMPREPLY[@]}\""_s;
    const CliResult r = runProgram(u"bash"_s, QStringList{u"-c"_s, script, u"bash"_s, m_bashScript} + words,
                                   dir, m_env);
    if (r.exitCode != 0 || !r.err.isEmpty())
        qWarning("bash: exit %d: %s", r.exitCode, qPrintable(r.err));
    return r.out.split(u'\n', Qt::SkipEmptyParts);
}

// What a revision argument completes to, from the project's own state: head, heads, base, every
// id and every branch label (also as LABEL@head and LABEL@base), read through `history --json`.
QSet<QString> tst_Completion::revisionWords(const QString &project) const
{
    QSet<QString> out{u"head"_s, u"heads"_s, u"base"_s};
    const QJsonArray history =
        QJsonDocument::fromJson(runCli({u"history"_s, u"--json"_s}, project).out.toUtf8()).array();
    for (const QJsonValue &v : history) {
        out << v.toObject().value(u"revision"_s).toString();
        for (const QJsonValue &label : v.toObject().value(u"branch_labels"_s).toArray())
            out << label.toString() << label.toString() + u"@head"_s << label.toString() + u"@base"_s;
    }
    return out;
}

void tst_Completion::bashCompletesVerbsOptionsAndRevisions()
{
    QCOMPARE(bash({u"retort"_s, u"upg"_s}, m_project), QStringList{u"upgrade"_s});
    const QSet<QString> upgradeOptions = helpLongOptions(u"upgrade"_s);
    QVERIFY(upgradeOptions.contains(u"--sql"_s) && upgradeOptions.contains(u"--no-foreign-key-check"_s));
    QCOMPARE(toSet(bash({u"retort"_s, u"upgrade"_s, u"--"_s}, m_project)), upgradeOptions);
    const QSet<QString> revisions = revisionWords(m_project);
    QVERIFY(revisions.contains(u"f0d4c8b1a627"_s) && revisions.contains(u"comments@head"_s));
    QCOMPARE(toSet(bash({u"retort"_s, u"upgrade"_s, QString()}, m_project)), revisions);
    QCOMPARE(bash({u"retort"_s, u"downgrade"_s, u"9e5"_s}, m_project), QStringList{u"9e5f3b2c1d70"_s});
    QCOMPARE(toSet(bash({u"retort"_s, u"revision"_s, u"--head"_s, QString()}, m_project)), revisions);
    // bash splits --head=REV at the '='.
    QCOMPARE(bash({u"retort"_s, u"revision"_s, u"--head"_s, u"="_s, u"f0"_s}, m_project),
             QStringList{u"f0d4c8b1a627"_s});
    // A relative revision is not an option, and a free-text value completes to nothing.
    QCOMPARE(toSet(bash({u"retort"_s, u"downgrade"_s, u"-1"_s, QString()}, m_project)), revisions);
    QCOMPARE(bash({u"retort"_s, u"revision"_s, u"-m"_s, QString()}, m_project), QStringList());
    QCOMPARE(toSet(bash({u"retort"_s, u"completion"_s, QString()}, m_project)),
             (QSet<QString>{u"bash"_s, u"zsh"_s, u"fish"_s}));
    // Outside a project there are no revisions to offer, and nothing is printed.
    QCOMPARE(bash({u"retort"_s, u"upgrade"_s, QString()}, m_tmp.path()), QStringList());
}

// Generated from the tables: every verb --help lists completes, and with each verb exactly the
// options its --help lists.
void tst_Completion::bashCompletesWhatEachVerbTakes()
{
    const QStringList verbs = helpVerbs();
    QVERIFY(verbs.size() > 10);
    QCOMPARE(toSet(bash({u"retort"_s, QString()}, m_project)), toSet(verbs));
    for (const QString &verb : verbs) {
        const QSet<QString> options = helpLongOptions(verb);
        QVERIFY2(options.contains(u"--help"_s), qPrintable(verb));
        QCOMPARE(toSet(bash({u"retort"_s, verb, u"--"_s}, m_project)), options);
    }
    QCOMPARE(toSet(bash({u"retort"_s, u"--"_s}, m_project)),
             (QSet<QString>{u"--help"_s, u"--config"_s, u"--url"_s, u"--version"_s}));
}

void tst_Completion::bashHonoursConfigOption()
{
    const QString ini = m_project + u"/retort.ini"_s;
    const QSet<QString> revisions = revisionWords(m_project);
    QCOMPARE(toSet(bash({u"retort"_s, u"-c"_s, ini, u"show"_s, QString()}, m_tmp.path())), revisions);
    QCOMPARE(toSet(bash({u"retort"_s, u"show"_s, u"--config"_s, ini, QString()}, m_tmp.path())),
             revisions);
    QCOMPARE(bash({u"retort"_s, u"-c"_s, m_project + u"/retort.i"_s}, m_tmp.path()), QStringList{ini});
}

void tst_Completion::zshScriptParsesAndCompletes()
{
    if (QStandardPaths::findExecutable(u"zsh"_s).isEmpty())
        QSKIP("zsh is not installed (the Makefile's deps install it)");
    const QString script = writeScript(m_tmp.path(), u"zsh"_s);
    QVERIFY(!script.isEmpty());
    const CliResult parse = runProgram(u"zsh"_s, {u"-n"_s, script});
    QVERIFY2(parse.exitCode == 0 && parse.err.isEmpty(), qPrintable(parse.err));
    // Outside zle there is no completion system: stand-ins print what would be offered.
    const QString driver = u"compdef() { :; }\n"
                           "compadd() { if [[ $1 == -a ]]; then print -l -- ${(P)2}; else print -l -- \"$@\"; fi }\n"
                           "_describe() { print -l -- ${${(P)4}%%:*}; }\n"
                           "source \"$1\"; shift\n"
                           "words=(\"$@\"); CURRENT=$#words\n"
                           "_retort\n"_s;
    auto zsh = [&](const QStringList &words) {
        const CliResult r = runProgram(u"zsh"_s, QStringList{u"-f"_s, u"-c"_s, driver, u"zsh"_s, script} + words,
                                       m_project, m_env);
        if (!r.err.isEmpty())
            qWarning("zsh: %s", qPrintable(r.err));
        return toSet(r.out.split(u'\n', Qt::SkipEmptyParts));
    };
    QCOMPARE(zsh({u"retort"_s, u"upg"_s}), toSet(helpVerbs())); // _describe filters by prefix itself
    QSet<QString> upgradeOptions = helpLongOptions(u"upgrade"_s);
    QVERIFY(zsh({u"retort"_s, u"upgrade"_s, u"--"_s}).contains(upgradeOptions));
    QCOMPARE(zsh({u"retort"_s, u"upgrade"_s, QString()}), revisionWords(m_project));
}

void tst_Completion::fishScriptParsesAndCompletes()
{
    if (QStandardPaths::findExecutable(u"fish"_s).isEmpty())
        QSKIP("fish is not installed (the Makefile's deps install it)");
    const QString script = writeScript(m_tmp.path(), u"fish"_s);
    QVERIFY(!script.isEmpty());
    const CliResult parse = runProgram(u"fish"_s, {u"-n"_s, script});
    QVERIFY2(parse.exitCode == 0 && parse.err.isEmpty(), qPrintable(parse.err));
    auto fish = [&](const QString &line) {
        const CliResult r = runProgram(u"fish"_s, {u"--no-config"_s, u"-c"_s,
                                                  u"source $argv[1]; complete -C $argv[2]"_s,
                                                  script, line},
                                       m_project, m_env);
        if (!r.err.isEmpty())
            qWarning("fish: %s", qPrintable(r.err));
        QSet<QString> out;
        for (const QString &l : r.out.split(u'\n', Qt::SkipEmptyParts))
            out << l.section(u'\t', 0, 0);
        return out;
    };
    QCOMPARE(fish(u"retort upg"_s), QSet<QString>{u"upgrade"_s});
    QCOMPARE(fish(u"retort upgrade --"_s), helpLongOptions(u"upgrade"_s));
    QCOMPARE(fish(u"retort upgrade "_s), revisionWords(m_project));
    QCOMPARE(fish(u"retort revision --head "_s), revisionWords(m_project));
}

void tst_Completion::unknownShellIsAUsageError()
{
    const CliResult r = runCli({u"completion"_s, u"tcsh"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"unknown shell 'tcsh'"_s), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Completion)
#include "tst_completion.moc"
