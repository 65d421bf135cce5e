#include "../common/testdatabases.h"

#include <engine/db/connection.h>
#include <engine/dialect/mysql/mysqlscratch.h>
#include <engine/diff/differ.h>
#include <engine/diff/operationapplier.h>
#include <engine/sql/statementsplitter.h>

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Retort;
using namespace Qt::Literals::StringLiterals;

namespace {

// One corpus file (tests/data/schema/mysql/diff): "-- @before", "-- @after", "-- @expect",
// "-- @candidates" sections and "-- @rename TABLE.OLD=NEW" lines. Expected lines are
// "-- <describe()>", prefixed "! " when the operation is destructive.
struct CorpusCase
{
    QString before;
    QString after;
    QStringList expect;
    QStringList candidates;
    QStringList renames;
};

CorpusCase parseCase(const QString &text)
{
    CorpusCase c;
    QString section;
    for (const QString &line : text.split(u'\n')) {
        if (line.startsWith(u"-- @rename "_s)) {
            c.renames << line.mid(11).trimmed();
        } else if (line.startsWith(u"-- @"_s)) {
            section = line.mid(4).trimmed();
        } else if (section == u"before"_s) {
            c.before += line + u'\n';
        } else if (section == u"after"_s) {
            c.after += line + u'\n';
        } else if (section == u"expect"_s && line.startsWith(u"-- "_s)) {
            c.expect << line.mid(3).trimmed();
        } else if (section == u"candidates"_s && line.startsWith(u"-- "_s)) {
            c.candidates << line.mid(3).trimmed();
        }
    }
    return c;
}

QStringList describeWithFlags(const Ops::OperationList &ops)
{
    QStringList lines;
    for (const Ops::Operation &op : ops) {
        const QString prefix = Ops::isDestructive(op) ? u"! "_s : QString();
        for (const QString &line : Ops::describe(op).split(u'\n'))
            lines << prefix + line;
    }
    return lines;
}

QString corpusDir()
{
    return QStringLiteral(RETORT_TEST_DATA_DIR) + u"/schema/mysql/diff"_s;
}

} // namespace

// Before/after pairs of MySQL DDL, each applied by MysqlScratch to a database of its own on the
// real MariaDB, introspected, and compared by the Differ: the expected describe() lines, and the
// operations take one model to the other and back.
class tst_MysqlDiffCorpus : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void corpus_data();
    void corpus();

private:
    Result<Schema::Database> modelOf(const QString &file, const QString &ddl);
    std::unique_ptr<Connection> m_target;
};

void tst_MysqlDiffCorpus::initTestCase()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    const auto parsed = DatabaseUrl::parse(url);
    QVERIFY(parsed);
    auto c = Connection::open(*parsed);
    QVERIFY2(c, qPrintable(c ? QString() : c.error().toString()));
    m_target = std::move(*c);
}

Result<Schema::Database> tst_MysqlDiffCorpus::modelOf(const QString &file, const QString &ddl)
{
    const auto statements = StatementSplitter::split(ddl, SqlDialect::MySQL);
    if (!statements)
        return statements.error();
    return MysqlScratch::introspectModels(*m_target, {{file, *statements}}, IntrospectOptions());
}

void tst_MysqlDiffCorpus::corpus_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(corpusDir());
    const QStringList files = dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 40);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void tst_MysqlDiffCorpus::corpus()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const CorpusCase c = parseCase(QString::fromUtf8(file.readAll()));
    const Result<Schema::Database> a = modelOf(u"before"_s, c.before);
    QVERIFY2(a, qPrintable(a ? QString() : a.error().toString()));
    const Result<Schema::Database> b = modelOf(u"after"_s, c.after);
    QVERIFY2(b, qPrintable(b ? QString() : b.error().toString()));
    Ops::DiffOptions options;
    for (const QString &spec : c.renames) {
        const Result<Ops::ColumnRename> r = Ops::ColumnRename::parse(spec);
        QVERIFY(r);
        options.renames << *r;
    }
    const Ops::DiffResult result = Ops::Differ::diff(*a, *b, options);
    const QStringList actual = describeWithFlags(result.operations);
    if (actual != c.expect) // the whole list, ready to paste into the case file
        qInfo("actual:\n-- %s", qPrintable(actual.join(u"\n-- "_s)));
    QCOMPARE(actual, c.expect);
    QStringList candidates;
    for (const Ops::RenameCandidate &rc : result.renameCandidates)
        candidates << rc.describe();
    QCOMPARE(candidates, c.candidates);

    // The operations take the model from before to after, and their reverse takes it back.
    Schema::Database applied = *a;
    const Result<void> up = Ops::OperationApplier::apply(applied, result.operations);
    QVERIFY2(up, qPrintable(up ? QString() : up.error().toString()));
    QCOMPARE(Ops::Differ::diff(applied, *b).describe(), QStringList());
    const Result<void> down = Ops::OperationApplier::apply(applied,
                                                         Ops::reverse(result.operations));
    QVERIFY2(down, qPrintable(down ? QString() : down.error().toString()));
    QCOMPARE(Ops::Differ::diff(applied, *a).describe(), QStringList());
    QCOMPARE(Ops::Differ::diff(*a, *a).describe(), QStringList());
    QCOMPARE(Ops::Differ::diff(*b, *b).describe(), QStringList());
}

QTEST_GUILESS_MAIN(tst_MysqlDiffCorpus)
#include "tst_mysqldiffcorpus.moc"
