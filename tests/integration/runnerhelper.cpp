// Test helper for tst_runner_servers: runs the Runner in its own process.
//   runner_helper URL upgrade N       upgrade chainGraph(N) to its head
//   runner_helper URL sleep           upgrade chainGraph(3) where r02 sleeps in a statement;
//                                     prints "SLEEPING" before that statement starts
// Exit 0 on success, 1 with the error on stderr.
#include "runnertestkit.h"

#include <engine/runner/runner.h>

#include <QCoreApplication>

#include <cstdio>

using namespace Retort;
using namespace RunnerTestKit;

namespace {

class PrintingSink final : public ProgressSink
{
public:
    explicit PrintingSink(bool sleeping) : m_sleeping(sleeping) {}
    void report(const Progress::Event &event) override
    {
        // r02's first statement is done: its sleeping statement comes right after the second.
        const auto *done = std::get_if<Progress::StatementDone>(&event);
        if (m_sleeping && done) {
            if (done->sql.startsWith(QStringLiteral("INSERT INTO t_r02"))) {
                std::fputs("SLEEPING\n", stdout);
                std::fflush(stdout);
            }
        }
    }

private:
    bool m_sleeping = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 2;
    const Result<DatabaseUrl> url = DatabaseUrl::parse(args.at(1));
    if (!url) {
        std::fprintf(stderr, "%s\n", qPrintable(url.error().toString()));
        return 1;
    }
    const bool sleep = args.at(2) == QStringLiteral("sleep");
    const int length = sleep ? 3 : args.value(3).toInt();
    QHash<QString, Revision> graph = chainGraph(length);
    if (sleep)
        graph[chainId(2)].upgradeSql += sleepStatement(url->dialect) + QStringLiteral(";\n");
    Result<std::unique_ptr<Connection>> connection = Connection::open(*url);
    if (!connection) {
        std::fprintf(stderr, "%s\n", qPrintable(connection.error().toString()));
        return 1;
    }
    RunOptions o = options();
    o.lockTimeoutMs = 120'000;
    Runner runner(**connection, o, [&](const QString &id) -> const Revision * {
        const auto it = graph.constFind(id);
        return it == graph.constEnd() ? nullptr : &*it;
    });
    PrintingSink sink(sleep);
    CancelToken cancel;
    const Result<RunReport> report =
        runner.migrate([length](const QStringList &heads) { return planChain(heads, length); },
                       sink, cancel);
    if (!report) {
        std::fprintf(stderr, "%s\n", qPrintable(report.error().toString()));
        return 1;
    }
    std::printf("OK %d\n", int(report->steps.size()));
    return 0;
}
