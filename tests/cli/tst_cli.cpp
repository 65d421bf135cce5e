#include "../common/clirunner.h"
#include "../common/projectfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace RetortTest;
using namespace Qt::Literals::StringLiterals;

// The `retort` binary as users run it: exit codes, messages, files written.
class tst_Cli : public QObject
{
    Q_OBJECT
private slots:
    void versionAndHelp();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void initCreatesProject();
    void initRefusesExistingProject();
    void revisionHeadsHistoryMergeLikeAlembic();
    void badProjectsFailWithOneSentence_data();
    void badProjectsFailWithOneSentence();
    void jsonOutputParses();
    void upgradeCurrentDowngradeOnExampleProject();
    void failingStatementExitsOneAndKeepsEarlierRevisions();
    void offlineSqlNeedsNoDatabase();
    void editedAppliedRevisionIsReported();
    void dependsOnAcrossBranchesLikeAlembic();
    void stampOfTwoRevisionsOnOneLineIsRefusedInWords();
    void graphErrorsNameFileAndLine_data();
    void graphErrorsNameFileAndLine();
    void sqliteRebuildOverOrphanRowChangesNothing();
    void transactionControlInRevisionIsRefused();
    void checkSingleHeadExitsOneOnSeveralHeads();
    void preCommitHooksRunRetort();
};

void tst_Cli::versionAndHelp()
{
    const CliResult v = runCli({u"--version"_s});
    QCOMPARE(v.exitCode, 0);
    QCOMPARE(v.out.trimmed(), u"retort " RETORT_VERSION ""_s);
    const CliResult h = runCli({u"--help"_s});
    QCOMPARE(h.exitCode, 0);
    QVERIFY(h.out.contains(u"Usage: retort"_s));
    QVERIFY(h.out.contains(u"  init "_s));
    const CliResult vh = runCli({u"init"_s, u"--help"_s});
    QCOMPARE(vh.exitCode, 0);
    QVERIFY(vh.out.startsWith(u"Usage: retort init [options] [DIR]"_s));
}

void tst_Cli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << u"no command given"_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"unknown command 'frobnicate'"_s;
    QTest::newRow("unknown global option") << QStringList{u"--frob"_s, u"init"_s} << u"unknown option '--frob'"_s;
    QTest::newRow("missing -c value") << QStringList{u"-c"_s} << u"needs a value"_s;
    QTest::newRow("unknown verb option") << QStringList{u"init"_s, u"--bad"_s} << u"Unknown option 'bad'"_s;
    QTest::newRow("too many arguments") << QStringList{u"init"_s, u"a"_s, u"b"_s} << u"unexpected argument 'b'"_s;
}

void tst_Cli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir tmp;
    const CliResult r = runCli(args, tmp.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void tst_Cli::initCreatesProject()
{
    QTemporaryDir tmp;
    const CliResult r = runCli({u"init"_s, u"demo"_s}, tmp.path());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(QFileInfo(tmp.filePath(u"demo/retort.ini"_s)).isFile());
    QVERIFY(QFileInfo(tmp.filePath(u"demo/schema.sql"_s)).isFile());
    QVERIFY(QFileInfo(tmp.filePath(u"demo/migrations/versions"_s)).isDir());
    QVERIFY(r.out.contains(u"Creating file"_s));
}

void tst_Cli::initRefusesExistingProject()
{
    QTemporaryDir tmp;
    QCOMPARE(runCli({u"init"_s, u"demo"_s}, tmp.path()).exitCode, 0);
    QFile schema(tmp.filePath(u"demo/schema.sql"_s));
    QVERIFY(schema.open(QIODevice::WriteOnly));
    schema.write("CREATE TABLE mine (id INTEGER);\n");
    schema.close();
    const CliResult r = runCli({u"init"_s, u"demo"_s}, tmp.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
    QVERIFY(r.err.contains(u"already exists"_s));
    QVERIFY(schema.open(QIODevice::ReadOnly));
    QCOMPARE(schema.readAll(), QByteArray("CREATE TABLE mine (id INTEGER);\n"));
}

static QString makeProject(const QTemporaryDir &tmp)
{
    runCli({u"init"_s, u"p"_s}, tmp.path());
    return tmp.filePath(u"p"_s);
}

static void writeText(const QString &path, const QString &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
}

void tst_Cli::revisionHeadsHistoryMergeLikeAlembic()
{
    QTemporaryDir tmp;
    const QString p = makeProject(tmp);
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"create users"_s, u"--rev-id"_s, u"aaa111"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"posts"_s, u"--rev-id"_s, u"bbb222"_s}, p).exitCode, 0);
    const CliResult c = runCli({u"revision"_s, u"-m"_s, u"comments branch"_s, u"--rev-id"_s,
                                u"ccc333"_s, u"--branch-label"_s, u"cmt"_s}, p);
    QCOMPARE(c.exitCode, 0);
    QVERIFY(c.out.contains(u"migrations/versions/ccc333_comments_branch.sql"_s));
    // A new revision on a non-head needs --splice, as in Alembic.
    const CliResult noSplice = runCli({u"revision"_s, u"-m"_s, u"profile"_s, u"--rev-id"_s,
                                       u"ddd444"_s, u"--head"_s, u"bbb222"_s}, p);
    QCOMPARE(noSplice.exitCode, 1);
    QVERIFY2(noSplice.err.contains(u"Revision bbb222 is not a head revision; please specify --splice"_s),
             qPrintable(noSplice.err));
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"profile"_s, u"--rev-id"_s, u"ddd444"_s, u"--head"_s,
                     u"bbb222"_s, u"--splice"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"heads"_s}, p).out, u"ccc333 (cmt) (head)\nddd444 (head)\n"_s);
    QCOMPARE(runCli({u"branches"_s}, p).out,
             u"bbb222 (branchpoint)\n       -> ccc333 (cmt) (head)\n       -> ddd444 (head)\n\n"_s);
    const CliResult twoHeads = runCli({u"revision"_s, u"-m"_s, u"x"_s}, p);
    QCOMPARE(twoHeads.exitCode, 1);
    QVERIFY(twoHeads.err.contains(u"Multiple heads are present"_s));
    QCOMPARE(runCli({u"merge"_s, u"heads"_s, u"-m"_s, u"merge it"_s, u"--rev-id"_s, u"eee555"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"heads"_s}, p).out, u"eee555 (cmt) (head)\n"_s);
    QCOMPARE(runCli({u"history"_s}, p).out,
             u"ccc333, ddd444 -> eee555 (cmt) (head) (mergepoint), merge it\n"
             "bbb222 -> ccc333 (cmt), comments branch\n"
             "bbb222 -> ddd444, profile\n"
             "aaa111 -> bbb222 (branchpoint), posts\n"
             "<base> -> aaa111, create users\n"_s);
    QCOMPARE(runCli({u"history"_s, u"-r"_s, u"bbb222:ccc333"_s}, p).out,
             u"bbb222 -> ccc333 (cmt), comments branch\naaa111 -> bbb222 (branchpoint), posts\n"_s);
    const CliResult show = runCli({u"show"_s, u"eee5"_s}, p);
    QCOMPARE(show.exitCode, 0);
    QVERIFY(show.out.startsWith(u"Rev: eee555 (head) (mergepoint)\nMerges: ccc333, ddd444\n"_s));
}

void tst_Cli::badProjectsFailWithOneSentence_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString ok = u"-- m\n--\n-- Revision ID: %1\n-- Revises: %2\n\n-- migrate:upgrade\nSELECT 1;\n"_s;
    QTest::newRow("duplicate id") << u"zz_dup.sql"_s << ok.arg(u"aaa111"_s, QString())
                                  << QStringList{u"heads"_s} << u"aaa111"_s;
    QTest::newRow("missing parent") << u"zz_orphan.sql"_s << ok.arg(u"fff666"_s, u"nope99"_s)
                                    << QStringList{u"history"_s} << u"nope99"_s;
    QTest::newRow("cycle") << u"zz_cycle.sql"_s << ok.arg(u"aaa111x"_s, u"bbb222x"_s)
                           << QStringList{u"heads"_s} << u"detected"_s;
    QTest::newRow("no revision id") << u"zz_bad.sql"_s << u"-- m\n--\n-- Revises:\n"_s
                                    << QStringList{u"heads"_s} << u"zz_bad.sql:"_s;
    QTest::newRow("no upgrade marker") << u"zz_bad.sql"_s << u"-- m\n--\n-- Revision ID: q1q1\n\nSELECT 1;\n"_s
                                       << QStringList{u"heads"_s} << u"zz_bad.sql"_s;
    QTest::newRow("unknown revision") << QString() << QString() << QStringList{u"show"_s, u"deadbeef"_s}
                                      << u"No such revision or branch 'deadbeef'"_s;
    QTest::newRow("ambiguous prefix") << u"zz_twin.sql"_s << ok.arg(u"aaa1119"_s, QString())
                                      << QStringList{u"show"_s, u"aaa1"_s} << u"Multiple revisions start with 'aaa1'"_s;
    QTest::newRow("head with two heads") << u"zz_twin.sql"_s << ok.arg(u"abcdef"_s, QString())
                                         << QStringList{u"show"_s, u"head"_s} << u"Multiple head revisions are present"_s;
}

void tst_Cli::badProjectsFailWithOneSentence()
{
    QFETCH(QString, fileName);
    QFETCH(QString, content);
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir tmp;
    const QString p = makeProject(tmp);
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"a"_s, u"--rev-id"_s, u"aaa111"_s}, p).exitCode, 0);
    if (QTest::currentDataTag() == QByteArray("cycle")) {
        writeText(p + u"/migrations/versions/zz_c2.sql"_s,
                  u"-- m\n--\n-- Revision ID: bbb222x\n-- Revises: aaa111x\n\n-- migrate:upgrade\n"_s);
    }
    if (!fileName.isEmpty())
        writeText(p + u"/migrations/versions/"_s + fileName, content);
    const CliResult r = runCli(args, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.err.count(u'\n'), 1); // one sentence, one line
    QVERIFY(r.out.isEmpty());
}

void tst_Cli::jsonOutputParses()
{
    QTemporaryDir tmp;
    const QString p = makeProject(tmp);
    runCli({u"revision"_s, u"-m"_s, u"a"_s, u"--rev-id"_s, u"aaa111"_s}, p);
    runCli({u"revision"_s, u"-m"_s, u"b"_s, u"--rev-id"_s, u"bbb222"_s}, p);
    const CliResult r = runCli({u"history"_s, u"--json"_s}, p);
    QCOMPARE(r.exitCode, 0);
    const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(a.size(), 2);
    QCOMPARE(a.at(0).toObject().value(u"revision"_s).toString(), u"bbb222"_s);
    QCOMPARE(a.at(0).toObject().value(u"parents"_s).toArray().at(0).toString(), u"aaa111"_s);
    QCOMPARE(a.at(0).toObject().value(u"is_head"_s).toBool(), true);
    QCOMPARE(a.at(1).toObject().value(u"is_head"_s).toBool(), false);
}

static QString copyExample(const QTemporaryDir &tmp)
{
    return RetortTest::copyExampleProject(tmp.filePath(u"blog"_s));
}

void tst_Cli::upgradeCurrentDowngradeOnExampleProject()
{
    QTemporaryDir tmp;
    const QString p = copyExample(tmp);
    CliResult r = runCli({u"upgrade"_s, u"heads"_s}, p);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(u"Running upgrade  -> 4b1d2e6f8a10, create users table\n"_s), qPrintable(r.out));
    QVERIFY(r.out.contains(u"Running upgrade 9e5f3b2c1d70, c81a6d4e2f95 -> e2b7a9c05d13, merge comments and profiles\n"_s));
    QCOMPARE(runCli({u"current"_s}, p).out, u"f0d4c8b1a627 (head)\n"_s);
    r = runCli({u"upgrade"_s, u"head"_s}, p);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(u"Nothing to do"_s));
    r = runCli({u"downgrade"_s, u"-1"_s}, p);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, u"Running downgrade f0d4c8b1a627 -> e2b7a9c05d13, index comments by post\n"_s);
    QCOMPARE(runCli({u"current"_s}, p).out, u"e2b7a9c05d13 (mergepoint)\n"_s);
    // Down past the merge: the version table gets both branch heads back.
    QCOMPARE(runCli({u"downgrade"_s, u"7c2e"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"current"_s}, p).out, u"7c2e91d04a3b (branchpoint)\n"_s);
    QCOMPARE(runCli({u"upgrade"_s, u"comments@head"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"stamp"_s, u"base"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"current"_s}, p).out, QString());
    QCOMPARE(runCli({u"stamp"_s, u"heads"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"current"_s}, p).out, u"f0d4c8b1a627 (head)\n"_s);
}

void tst_Cli::failingStatementExitsOneAndKeepsEarlierRevisions()
{
    QTemporaryDir tmp;
    const QString p = copyExample(tmp);
    const QString broken = p + u"/migrations/versions/f0d4c8b1a627_index_comments_by_post.sql"_s;
    QFile f(broken);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(f.readAll());
    f.close();
    text.replace(u"CREATE INDEX ix_comments_post_id ON comments (post_id);"_s,
                 u"CREATE INDEX ix_a ON comments (post_id);\nCREATE INDEX ix_b ON no_such_table (x);"_s);
    writeText(broken, text);
    const CliResult r = runCli({u"upgrade"_s, u"head"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"f0d4c8b1a627_index_comments_by_post.sql:11"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"no such table"_s), qPrintable(r.err));
    QCOMPARE(runCli({u"current"_s}, p).out, u"e2b7a9c05d13 (mergepoint)\n"_s);
}

void tst_Cli::offlineSqlNeedsNoDatabase()
{
    QTemporaryDir tmp;
    const QString p = copyExample(tmp);
    const CliResult r = runCli({u"--url"_s, u"postgresql://nobody:pw@127.0.0.1:1/none"_s, u"upgrade"_s,
                                u"head"_s, u"--sql"_s}, p);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(u"CREATE TABLE alembic_version"_s));
    QVERIFY(r.out.contains(u"INSERT INTO alembic_version (version_num) VALUES ('4b1d2e6f8a10') RETURNING alembic_version.version_num;"_s));
    QVERIFY(!QFileInfo::exists(p + u"/blog.db"_s));
    const CliResult down = runCli({u"downgrade"_s, u"head"_s, u"--sql"_s}, p);
    QCOMPARE(down.exitCode, 1);
    QVERIFY(down.err.contains(u"requires <fromrev>:<torev>"_s));
}

void tst_Cli::editedAppliedRevisionIsReported()
{
    QTemporaryDir tmp;
    const QString p = copyExample(tmp);
    QCOMPARE(runCli({u"upgrade"_s, u"7c2e"_s}, p).exitCode, 0);
    QVERIFY(!runCli({u"current"_s}, p).out.contains(u"WARNING"_s));
    const QString applied = p + u"/migrations/versions/4b1d2e6f8a10_create_users_table.sql"_s;
    const QString pending = p + u"/migrations/versions/f0d4c8b1a627_index_comments_by_post.sql"_s;
    for (const QString &path : {applied, pending}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write("-- an afterthought\n");
    }
    // Plain `current` prints the heads only, as Alembic's (and stays fast); -v looks for edits.
    QVERIFY(!runCli({u"current"_s}, p).out.contains(u"WARNING"_s));
    const CliResult r = runCli({u"current"_s, u"-v"_s}, p);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"WARNING: revision 4b1d2e6f8a10 was edited after it was applied"_s), qPrintable(r.out));
    QVERIFY(!r.out.contains(u"f0d4c8b1a627 was edited"_s)); // not applied: editing it is fine
    const CliResult json = runCli({u"current"_s, u"--json"_s}, p);
    QVERIFY(json.out.contains(u"\"4b1d2e6f8a10\""_s));
}

static QString revisionFile(const QString &id, const QString &parent, const QString &label,
                            const QString &dependsOn)
{
    return u"-- msg %1\n--\n-- Revision ID: %1\n-- Revises: %2\n-- Branch Labels: %3\n"
           "-- Depends On: %4\n\n-- migrate:upgrade\nSELECT 1;\n\n-- migrate:downgrade\n"
           "SELECT 2;\n"_s.arg(id, parent, label, dependsOn);
}

// Two lines of revisions; bbb2 depends on aaa2, the head of the other line; ccc1 depends on a
// label. Expected texts are what Alembic 1.8 prints for the same revisions as Python modules
// (`alembic heads`, `heads -v`, `heads --resolve-dependencies`, `history`, `current`).
void tst_Cli::dependsOnAcrossBranchesLikeAlembic()
{
    QTemporaryDir tmp;
    const QString p = makeProject(tmp);
    const QString versions = p + u"/migrations/versions/"_s;
    writeText(versions + u"aaa1_a.sql"_s, revisionFile(u"aaa1"_s, {}, u"la"_s, {}));
    writeText(versions + u"aaa2_a.sql"_s, revisionFile(u"aaa2"_s, u"aaa1"_s, {}, {}));
    writeText(versions + u"bbb1_b.sql"_s, revisionFile(u"bbb1"_s, {}, u"lb"_s, {}));
    writeText(versions + u"bbb2_b.sql"_s, revisionFile(u"bbb2"_s, u"bbb1"_s, {}, u"aaa2"_s));
    writeText(versions + u"ccc1_c.sql"_s, revisionFile(u"ccc1"_s, {}, {}, u"la"_s));
    QCOMPARE(runCli({u"heads"_s}, p).out,
             u"aaa2 (la) (effective head)\nbbb2 (lb) (head)\nccc1 (head)\n"_s);
    QCOMPARE(runCli({u"heads"_s, u"--resolve-dependencies"_s}, p).out,
             u"bbb2 (lb) (head)\nccc1 (head)\n"_s);
    const CliResult verbose = runCli({u"heads"_s, u"-v"_s}, p);
    QVERIFY2(verbose.out.startsWith(u"Rev: aaa2 (head)\nParent: aaa1\nBranch names: la\n"_s),
             qPrintable(verbose.out));
    QVERIFY2(verbose.out.contains(u"Rev: ccc1 (head)\nParent: <base>\nAlso depends on: la\n"_s),
             qPrintable(verbose.out));
    const CliResult json = runCli({u"heads"_s, u"--json"_s}, p);
    const QJsonArray heads = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(heads.size(), 3);
    QCOMPARE(heads.at(0).toObject().value(u"is_head"_s).toBool(), false);
    QCOMPARE(heads.at(0).toObject().value(u"is_effective_head"_s).toBool(), true);
    QCOMPARE(heads.at(1).toObject().value(u"is_effective_head"_s).toBool(), false);
    QCOMPARE(runCli({u"history"_s}, p).out,
             u"bbb1 (aaa2) -> bbb2 (lb) (head), msg bbb2\n"
             "<base> -> bbb1 (lb), msg bbb1\n"
             "<base> (la) -> ccc1 (head), msg ccc1\n"
             "aaa1 -> aaa2 (la) (effective head), msg aaa2\n"
             "<base> -> aaa1 (la), msg aaa1\n"_s);
    // "head" means one versioned head: the effective head counts, as in Alembic.
    const CliResult head = runCli({u"upgrade"_s, u"head"_s}, p);
    QCOMPARE(head.exitCode, 1);
    QVERIFY2(head.err.contains(u"Multiple head revisions are present for given argument 'head'"_s),
             qPrintable(head.err));
    QCOMPARE(runCli({u"upgrade"_s, u"bbb2"_s}, p).exitCode, 0);
    // The table holds one row, bbb2; Alembic's current also lists aaa2, which bbb2 depends on.
    QCOMPARE(runCli({u"current"_s}, p).out, u"aaa2 (effective head)\nbbb2 (head)\n"_s);
    const CliResult currentVerbose = runCli({u"current"_s, u"-v"_s}, p);
    QVERIFY2(currentVerbose.out.contains(u"Rev: aaa2 (head)\n"_s), qPrintable(currentVerbose.out));
    QVERIFY2(currentVerbose.out.contains(u"Rev: bbb2 (head)\n"_s), qPrintable(currentVerbose.out));
    const QJsonObject current = QJsonDocument::fromJson(
        runCli({u"current"_s, u"--json"_s}, p).out.toUtf8()).object();
    QCOMPARE(current.value(u"heads"_s).toArray().size(), 1); // the version table's rows
    QCOMPARE(current.value(u"current"_s).toArray(),
             QJsonArray::fromStringList({u"aaa2"_s, u"bbb2"_s}));
}

void tst_Cli::stampOfTwoRevisionsOnOneLineIsRefusedInWords()
{
    QTemporaryDir tmp;
    const QString p = makeProject(tmp);
    for (const char *id : {"r1", "r2", "r3"})
        QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"m"_s, u"--rev-id"_s, QString::fromLatin1(id)},
                        p).exitCode, 0);
    QCOMPARE(runCli({u"stamp"_s, u"r1"_s}, p).exitCode, 0);
    const CliResult r = runCli({u"stamp"_s, u"r2"_s, u"r3"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"FAILED: Cannot stamp both r2 and r3: r2 is an ancestor of r3, and a version "
                    "row stands for everything below it; stamp r3 alone\n"_s);
    QCOMPARE(runCli({u"current"_s}, p).out, u"r1\n"_s); // nothing written
}

void tst_Cli::graphErrorsNameFileAndLine_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("where");
    QTest::newRow("missing parent") << revisionFile(u"zz9"_s, u"nope99"_s, {}, {})
                                    << u"zz9_bad.sql:4: Revision nope99 referenced from zz9"_s;
    QTest::newRow("dangling depends-on") << revisionFile(u"zz9"_s, u"aaa111"_s, {}, u"nolabel"_s)
                                         << u"zz9_bad.sql:6: Revision nolabel referenced from zz9"_s;
    QTest::newRow("cycle") << revisionFile(u"zz9"_s, u"zz9x"_s, {}, {})
                           << u"zz9_bad.sql:4: Cycle is detected in revisions (zz9, zz9x)"_s;
    QTest::newRow("dependency cycle") << revisionFile(u"zz9"_s, u"aaa111"_s, {}, u"zz9x"_s)
                                      << u"zz9_bad.sql:6: Dependency cycle is detected"_s;
}

void tst_Cli::graphErrorsNameFileAndLine()
{
    QFETCH(QString, content);
    QFETCH(QString, where);
    QTemporaryDir tmp;
    const QString p = makeProject(tmp);
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"a"_s, u"--rev-id"_s, u"aaa111"_s}, p).exitCode, 0);
    const QString versions = p + u"/migrations/versions/"_s;
    writeText(versions + u"zz9_bad.sql"_s, content);
    writeText(versions + u"zz9x_other.sql"_s, revisionFile(u"zz9x"_s, u"zz9"_s, {}, {}));
    const CliResult r = runCli({u"history"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(where), qPrintable(r.err));
}

namespace {

// Runs SQL on the project's SQLite file directly, as another program would.
QStringList sqliteRows(const QString &dbPath, const QStringList &statements)
{
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"direct"_s);
        db.setDatabaseName(dbPath);
        if (!db.open())
            return {u"cannot open"_s};
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            if (!q.exec(sql))
                return {u"failed: "_s + sql};
            while (q.next())
                rows << q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(u"direct"_s);
    return rows;
}

} // namespace

// Issue #14, 1, as reported: an autogenerated rebuild of a table that another table refers to,
// over a row that breaks the foreign key, used to commit its statements, fail at the version
// row, and fail every re-run on "table extra already exists".
void tst_Cli::sqliteRebuildOverOrphanRowChangesNothing()
{
    QTemporaryDir tmp;
    const QString p = makeProject(tmp);
    const QString db = p + u"/app.db"_s;
    const QString models = u"CREATE TABLE parent (id INTEGER PRIMARY KEY, a INTEGER);\n"
                           "CREATE TABLE child (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES parent (id));\n"_s;
    writeText(p + u"/schema.sql"_s, models);
    QCOMPARE(runCli({u"revision"_s, u"--autogenerate"_s, u"-m"_s, u"one"_s, u"--rev-id"_s, u"aaa111"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"upgrade"_s, u"head"_s}, p).exitCode, 0);
    QCOMPARE(sqliteRows(db, {u"INSERT INTO child VALUES (1, 999)"_s}), QStringList());
    writeText(p + u"/schema.sql"_s, QString(models).replace(u"a INTEGER"_s, u"a TEXT"_s)
                                        + u"CREATE TABLE extra (id INTEGER);\n"_s);
    const CliResult rev = runCli({u"revision"_s, u"--autogenerate"_s, u"-m"_s, u"two"_s, u"--rev-id"_s, u"bbb222"_s}, p);
    QCOMPARE(rev.exitCode, 0);
    QFile file(p + u"/migrations/versions/bbb222_two.sql"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(u"\n-- migrate:foreign-keys-off\n"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"no-transaction"_s) && !text.contains(u"BEGIN"_s), qPrintable(text));

    for (int attempt = 0; attempt < 2; ++attempt) { // the same answer again: nothing half done
        const CliResult r = runCli({u"upgrade"_s, u"head"_s}, p);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"bbb222_two.sql"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"child rowid 1 (no row in parent); nothing was run. Fix or delete "
                                "those rows, or run again with --no-foreign-key-check"_s),
                 qPrintable(r.err));
        QCOMPARE(runCli({u"current"_s}, p).out, u"aaa111\n"_s);
        QCOMPARE(sqliteRows(db, {u"SELECT name FROM sqlite_master WHERE name IN ('extra', '_retort_tmp_parent')"_s,
                                 u"SELECT type FROM pragma_table_info('parent') WHERE name = 'a'"_s}),
                 QStringList{u"INTEGER"_s});
    }
    const CliResult waived = runCli({u"upgrade"_s, u"head"_s, u"--no-foreign-key-check"_s}, p);
    QCOMPARE(waived.exitCode, 0);
    QCOMPARE(runCli({u"current"_s}, p).out, u"bbb222 (head)\n"_s);
    QCOMPARE(sqliteRows(db, {u"SELECT count(*) FROM extra"_s, u"SELECT pid FROM child"_s}),
             (QStringList{u"0"_s, u"999"_s}));
}

// Issue #14, 4: a COMMIT inside a revision that runs in a transaction kept the first row while
// the message said the transaction was rolled back.
void tst_Cli::transactionControlInRevisionIsRefused()
{
    QTemporaryDir tmp;
    const QString p = makeProject(tmp);
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"items"_s, u"--rev-id"_s, u"aaa111"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"more"_s, u"--rev-id"_s, u"bbb222"_s}, p).exitCode, 0);
    const QString first = p + u"/migrations/versions/aaa111_items.sql"_s;
    const QString second = p + u"/migrations/versions/bbb222_more.sql"_s;
    const auto replace = [](const QString &path, const QString &from, const QString &to) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        f.close();
        writeText(path, QString(text).replace(from, to));
    };
    const QString upgrade = u"\n-- migrate:upgrade\n"_s;
    replace(first, upgrade, upgrade + u"CREATE TABLE items (id INTEGER PRIMARY KEY);\n"_s);
    const QString sql = u"INSERT INTO items VALUES (1);\nCOMMIT;\nINSERT INTO missing VALUES (1);\n"_s;
    replace(second, upgrade, upgrade + sql);
    const int line = [&] {
        QFile f(second);
        f.open(QIODevice::ReadOnly);
        return int(QString::fromUtf8(f.readAll()).section(u"COMMIT;"_s, 0, 0).count(u'\n')) + 1;
    }();
    for (const QStringList &args : {QStringList{u"upgrade"_s, u"head"_s},
                                    QStringList{u"upgrade"_s, u"head"_s, u"--sql"_s}}) {
        const CliResult r = runCli(args, p);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"bbb222_more.sql:%1: COMMIT in revision bbb222, which runs in a "
                                "transaction"_s.arg(line)),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(u"-- migrate:no-transaction"_s), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
    QCOMPARE(runCli({u"current"_s}, p).out, QString()); // not even aaa111 ran
    // Marked no-transaction, the revision may commit itself; its failure says what stays.
    replace(second, upgrade + sql, u"-- migrate:no-transaction\n"_s + upgrade + u"BEGIN;\n"_s + sql);
    const CliResult r = runCli({u"upgrade"_s, u"head"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"no such table: missing"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"statements before that point stay applied"_s), qPrintable(r.err));
    QCOMPARE(runCli({u"current"_s}, p).out, u"aaa111\n"_s);
}

// `check --single-head` for CI and pre-commit: the graph only, so it needs no database (the URL
// here leads nowhere), and exit 1 with one sentence naming the heads when there are several.
void tst_Cli::checkSingleHeadExitsOneOnSeveralHeads()
{
    QTemporaryDir tmp;
    const QString p = makeProject(tmp);
    const QStringList check{u"--url"_s, u"postgresql://nobody:pw@127.0.0.1:1/none"_s, u"check"_s,
                            u"--single-head"_s};
    CliResult r = runCli(check, p);
    QCOMPARE(r.exitCode, 0); // no revisions yet: base is the one head
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"a"_s, u"--rev-id"_s, u"aaa111"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"b"_s, u"--rev-id"_s, u"bbb222"_s}, p).exitCode, 0);
    r = runCli(check, p);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"bbb222"_s), qPrintable(r.out));
    QVERIFY(r.err.isEmpty());
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"c"_s, u"--rev-id"_s, u"ccc333"_s, u"--head"_s,
                     u"aaa111"_s, u"--splice"_s}, p).exitCode, 0);
    r = runCli(check, p);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"FAILED: The revision graph has 2 heads (bbb222, ccc333); join them with "
                    "'retort merge heads'.\n"_s);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(runCli({u"merge"_s, u"heads"_s, u"-m"_s, u"join"_s, u"--rev-id"_s, u"mmm000"_s}, p).exitCode, 0);
    QCOMPARE(runCli(check, p).exitCode, 0);
    // A head another revision depends on still counts: `upgrade head` would refuse it too.
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"d"_s, u"--rev-id"_s, u"ddd444"_s, u"--head"_s,
                     u"base"_s, u"--splice"_s, u"--branch-label"_s, u"other"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"e"_s, u"--rev-id"_s, u"eee555"_s, u"--head"_s,
                     u"mmm000"_s, u"--depends-on"_s, u"ddd444"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"heads"_s, u"--resolve-dependencies"_s}, p).out, u"eee555 (head)\n"_s);
    r = runCli(check, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"ddd444"_s), qPrintable(r.err));
    QCOMPARE(runCli({u"upgrade"_s, u"head"_s, u"--sql"_s}, p).exitCode, 1);
}

// The hooks .pre-commit-hooks.yaml offers are commands this retort runs (pre-commit appends a
// hook's args, e.g. -c FILE, after the entry).
void tst_Cli::preCommitHooksRunRetort()
{
    QFile hooks(QStringLiteral(RETORT_SOURCE_DIR "/.pre-commit-hooks.yaml"));
    QVERIFY(hooks.open(QIODevice::ReadOnly));
    QHash<QString, QStringList> entries; // id -> entry's words
    QString id;
    for (const QString &line : QString::fromUtf8(hooks.readAll()).split(u'\n')) {
        if (line.startsWith(u"- id: "_s))
            id = line.mid(6).trimmed();
        else if (line.startsWith(u"  entry: "_s))
            entries.insert(id, line.mid(9).trimmed().split(u' '));
    }
    QCOMPARE(QSet<QString>(entries.keyBegin(), entries.keyEnd()),
             (QSet<QString>{u"retort-check"_s, u"retort-single-head"_s}));
    QTemporaryDir tmp;
    const QString p = copyExample(tmp);
    QCOMPARE(runCli({u"upgrade"_s, u"heads"_s}, p).exitCode, 0);
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        QCOMPARE(it.value().first(), u"retort"_s);
        const CliResult r = runCli(it.value().mid(1) + QStringList{u"-c"_s, p + u"/retort.ini"_s},
                                   tmp.path());
        // The example's models add a column its revisions do not: check says so; one head.
        QCOMPARE(r.exitCode, it.key() == u"retort-check" ? 1 : 0);
        QVERIFY2(it.key() == u"retort-single-head" || r.out.contains(u"last_login_at"_s), qPrintable(r.out));
    }
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
