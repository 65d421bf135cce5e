// `retort completion SHELL` and the hidden verb its scripts call back into (README "Shell
// completion").
#include "commands.h"
#include "completionscript.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Cli {

int runCompletion(CliContext &c)
{
    QCommandLineParser p;
    if (!c.parse(p, u"Print the completion script for SHELL (%1); see README \"Shell completion\"."_s
                        .arg(CompletionScript::shells().join(u", "_s))))
        return c.exitCode();
    const QString shell = CliContext::positional(p).first();
    const std::optional<QString> script = CompletionScript::generate(shell);
    if (!script) {
        c.err << "retort completion: error: unknown shell '" << shell << "'; choose one of "
              << CompletionScript::shells().join(u", "_s) << "\n";
        return 2;
    }
    c.out << *script;
    return 0;
}

// One identifier a line: head, heads, base, every id, every label with LABEL@head and
// LABEL@base. Runs at each TAB, so it prints nothing on failure (no project here, a broken
// file): the shell then offers nothing.
int runCompleteRevisions(CliContext &c)
{
    QCommandLineParser p;
    if (!c.parse(p, u"List the project's revision identifiers, for the completion scripts."_s))
        return c.exitCode();
    // The graph needs no database. A placeholder URL keeps an Alembic project without one in
    // its ini from asking env.py (a Python start per keystroke).
    const Result<Workspace> ws = Workspace::open(c.configFile, u"sqlite://"_s);
    if (!ws)
        return 1;
    const Result<RevisionGraph> graph = ws->loadGraph();
    if (!graph)
        return 1;
    QStringList words{u"head"_s, u"heads"_s, u"base"_s};
    words << graph->topologicalOrder();
    QStringList labels = graph->labelIndexes().keys();
    labels.sort();
    for (const QString &label : std::as_const(labels))
        words << label << label + u"@head"_s << label + u"@base"_s;
    c.out << words.join(u'\n') << '\n';
    return 0;
}

} // namespace Retort::Cli
