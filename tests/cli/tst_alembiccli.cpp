#include "../common/clirunner.h"
#include "../common/testdatabases.h"

#include <engine/db/connection.h>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace RetortTest;

// `retort -c alembic.ini VERB` on a project made by Alembic's own `alembic init`, on the three
// engines: the graph natively, the runs through the project's Alembic, and `alembic current`
// agreeing with Retort after each step.
class tst_AlembicCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void lifecycle_data();
    void lifecycle();
    void pythonMissingIsOneSentence();
    void xArgumentsReachEnvPy();

private:
    QString makeProject(const QTemporaryDir &tmp, const QString &table);
};

namespace {

const QString python = u"/usr/bin/python3"_s;

CliResult alembic(const QStringList &args, const QString &dir, const QStringList &env = {})
{
    return runProgram(python, QStringList{u"-m"_s, u"alembic"_s} + args, dir, env);
}

void writeUpgrade(const QString &path, const QString &upgrade, const QString &downgrade)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(f.readAll());
    f.close();
    const qsizetype up = text.indexOf(u"def upgrade() -> None:\n    pass"_s);
    QVERIFY2(up >= 0, qPrintable(text));
    text.replace(up, 31, u"def upgrade() -> None:\n    op.execute(\"%1\")"_s.arg(upgrade));
    const qsizetype down = text.indexOf(u"def downgrade() -> None:\n    pass"_s);
    QVERIFY(down >= 0);
    text.replace(down, 33, u"def downgrade() -> None:\n    op.execute(\"%1\")"_s.arg(downgrade));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.toUtf8());
}

// models.py with the table the revisions make (plus `age` when asked), and env.py reading it.
void writeModels(const QString &dir, const QString &table, bool withAge)
{
    QFile models(dir + u"/models.py"_s);
    QVERIFY(models.open(QIODevice::WriteOnly | QIODevice::Truncate));
    models.write(u"import sqlalchemy as sa\n\nmetadata = sa.MetaData()\n"
                 "sa.Table('%1', metadata, sa.Column('id', sa.Integer, primary_key=True),\n"
                 "         sa.Column('name', sa.String(20))%2)\n"_s
                     .arg(table, withAge ? u", sa.Column('age', sa.Integer)"_s : QString())
                     .toUtf8());
    QFile env(dir + u"/alembic/env.py"_s);
    QVERIFY(env.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(env.readAll());
    env.close();
    text.replace(u"\ntarget_metadata = None\n"_s,
                 u"\nfrom models import metadata as target_metadata\n"_s);
    QVERIFY2(text.contains(u"from models import metadata"_s), qPrintable(text));
    QVERIFY(env.open(QIODevice::WriteOnly | QIODevice::Truncate));
    env.write(text.toUtf8());
}

QString firstLine(const QString &text)
{
    return text.section(u'\n', 0, 0).trimmed();
}

} // namespace

void tst_AlembicCli::initTestCase()
{
    RETORT_REQUIRE_TOOL(alembic({u"--version"_s}, QDir::tempPath()).exitCode == 0,
                        "alembic for /usr/bin/python3");
}

QString tst_AlembicCli::makeProject(const QTemporaryDir &tmp, const QString &table)
{
    const QString dir = tmp.filePath(u"app"_s);
    QDir().mkpath(dir);
    const CliResult init = alembic({u"init"_s, u"alembic"_s}, dir);
    if (init.exitCode != 0)
        return {};
    for (const auto &[id, message, up, down] :
         {std::tuple{u"a1"_s, u"create items"_s, u"CREATE TABLE %1 (id INTEGER NOT NULL PRIMARY KEY)"_s,
                     u"DROP TABLE %1"_s},
          std::tuple{u"b2"_s, u"add name"_s, u"ALTER TABLE %1 ADD COLUMN name VARCHAR(20)"_s,
                     u"ALTER TABLE %1 DROP COLUMN name"_s}}) {
        if (alembic({u"revision"_s, u"-m"_s, message, u"--rev-id"_s, id}, dir).exitCode != 0)
            return {};
        const QStringList files = QDir(dir + u"/alembic/versions"_s)
                                      .entryList({id + u"_*.py"_s}, QDir::Files);
        if (files.size() != 1)
            return {};
        writeUpgrade(dir + u"/alembic/versions/"_s + files.first(), up.arg(table),
                     down.arg(table));
    }
    return dir;
}

void tst_AlembicCli::lifecycle_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
    QTest::newRow("mariadb") << u"mariadb"_s;
}

void tst_AlembicCli::lifecycle()
{
    QFETCH(QString, engine);
    QTemporaryDir tmp;
    // Each run has its own table and version table on the shared servers.
    const QString suffix = QString::number(QRandomGenerator::global()->generate() % 1000000);
    const QString table = u"items_"_s + suffix;
    const QString dir = makeProject(tmp, table);
    QVERIFY(!dir.isEmpty());
    QString retortUrl;
    QString alembicUrl;
    if (engine == u"sqlite") {
        retortUrl = u"sqlite:///"_s + dir + u"/app.db"_s;
        alembicUrl = retortUrl;
    } else {
        RETORT_REQUIRE_SERVER(engine == u"postgresql" ? Retort::SqlDialect::PostgreSQL
                                                      : Retort::SqlDialect::MySQL,
                              retortUrl);
        // A database of its own, so that its alembic_version is this test's alone.
        const Retort::Result<Retort::DatabaseUrl> server = Retort::DatabaseUrl::parse(retortUrl);
        QVERIFY(server);
        auto admin = Retort::Connection::open(*server);
        QVERIFY2(admin, qPrintable(admin ? QString() : admin.error().toString()));
        const QString database = u"alembiccli_"_s + suffix;
        QVERIFY((*admin)->exec(u"CREATE DATABASE "_s + database));
        retortUrl = retortUrl.section(u'/', 0, -2) + u'/' + database;
        alembicUrl = retortUrl;
        if (alembicUrl.startsWith(u"mysql://"))
            alembicUrl.replace(0, 8, u"mysql+pymysql://"_s);
    }
    // The project's own ini names the database, as users' projects do.
    {
        QFile ini(dir + u"/alembic.ini"_s);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(ini.readAll());
        ini.close();
        text.replace(QRegularExpression(u"^sqlalchemy\\.url = .*$"_s,
                                        QRegularExpression::MultilineOption),
                     u"sqlalchemy.url = "_s + QString(alembicUrl).replace(u'%', u"%%"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ini.write(text.toUtf8());
    }
    const QStringList env{u"RETORT_PYTHON="_s + python};
    const QString ini = dir + u"/alembic.ini"_s;
    const auto retort = [&](const QStringList &args) {
        return runCli(QStringList{u"-c"_s, ini} + args, tmp.path(), env);
    };
    const auto alembicCurrent = [&] {
        return firstLine(alembic({u"current"_s}, dir).out);
    };

    CliResult r = retort({u"history"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, u"a1 -> b2 (head), add name\n<base> -> a1, create items\n"_s);
    QCOMPARE(retort({u"heads"_s}).out, u"b2 (head)\n"_s);
    // check is Alembic's own comparison (as `alembic check` of Alembic 1.9): the project's
    // models through env.py. Behind the head, it compares nothing and says why.
    writeModels(dir, table, false);
    r = retort({u"check"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: Target database is not up to date"_s), qPrintable(r.err));

    r = retort({u"upgrade"_s, u"head"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(u"Running upgrade a1 -> b2, add name"_s), qPrintable(r.out));
    QCOMPARE(retort({u"current"_s}).out, u"b2 (head)\n"_s);
    QCOMPARE(alembicCurrent(), u"b2 (head)"_s);

    r = retort({u"check"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(r.out, u"No new upgrade operations detected.\n"_s);
    writeModels(dir, table, true); // the models gain a column
    r = retort({u"check"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, u"Detected added column '%1.age'\n"_s.arg(table));
    QCOMPARE(r.err, u"FAILED: New upgrade operations detected (1).\n"_s);
    writeModels(dir, table, false);

    r = retort({u"downgrade"_s, u"-1"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(retort({u"current"_s}).out, u"a1\n"_s);
    QCOMPARE(alembicCurrent(), u"a1"_s);

    // A second head from Alembic's own command line, merged and upgraded through Retort.
    QCOMPARE(alembic({u"revision"_s, u"-m"_s, u"x"_s, u"--head"_s, u"a1"_s, u"--splice"_s,
                      u"--rev-id"_s, u"c3"_s}, dir).exitCode, 0);
    QCOMPARE(retort({u"heads"_s}).out, u"b2 (head)\nc3 (head)\n"_s);
    r = retort({u"merge"_s, u"heads"_s, u"-m"_s, u"join"_s, u"--rev-id"_s, u"d4"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(dir + u"/alembic/versions/d4_join.py"_s));
    QCOMPARE(retort({u"heads"_s}).out, u"d4 (head)\n"_s);
    r = retort({u"upgrade"_s, u"head"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(retort({u"current"_s}).out, u"d4 (head) (mergepoint)\n"_s);
    QCOMPARE(alembicCurrent(), u"d4 (head) (mergepoint)"_s);

    // Stamp (with --purge) and a new revision, both written by Alembic.
    r = retort({u"stamp"_s, u"--purge"_s, u"a1"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(alembicCurrent(), u"a1 (branchpoint)"_s);
    r = retort({u"revision"_s, u"-m"_s, u"more"_s, u"--rev-id"_s, u"e5"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(dir + u"/alembic/versions/e5_more.py"_s));

    // --sql goes through Alembic's offline mode and changes nothing.
    r = retort({u"upgrade"_s, u"a1:b2"_s, u"--sql"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(u"ADD COLUMN name"_s), qPrintable(r.out));
    QCOMPARE(alembicCurrent(), u"a1 (branchpoint)"_s);

    // A failing revision: the stamp left the table with its column, so b2's ADD COLUMN fails.
    // One sentence naming the file and line, the driver's words, Retort's exit code.
    r = retort({u"upgrade"_s, u"b2"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"b2_add_name.py:20: "_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"name"_s), qPrintable(r.err));
    QVERIFY2(!r.err.contains(u"Traceback"_s), qPrintable(r.err));
    QCOMPARE(alembicCurrent(), u"a1 (branchpoint)"_s);

    // Leave the shared servers as they were.
    QCOMPARE(retort({u"downgrade"_s, u"base"_s}).exitCode, 0);
    QCOMPARE(alembicCurrent(), QString());
}

void tst_AlembicCli::pythonMissingIsOneSentence()
{
    QTemporaryDir tmp;
    const QString dir = makeProject(tmp, u"items"_s);
    QVERIFY(!dir.isEmpty());
    // The graph needs no Python; running a revision does.
    const QStringList env{u"RETORT_PYTHON="_s + tmp.filePath(u"no-such-python"_s)};
    QCOMPARE(runCli({u"-c"_s, dir + u"/alembic.ini"_s, u"heads"_s}, tmp.path(), env).exitCode, 0);
    const CliResult r = runCli({u"-c"_s, dir + u"/alembic.ini"_s, u"upgrade"_s, u"head"_s},
                               tmp.path(), env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"no-such-python"_s), qPrintable(r.err));
    QCOMPARE(r.err.count(u'\n'), 1);
}

// `retort -x KEY=VALUE` as `alembic -x`: env.py reads it with context.get_x_argument (here
// for the URL, as multi-tenant projects do), also when Retort asks env.py for its URL.
void tst_AlembicCli::xArgumentsReachEnvPy()
{
    QTemporaryDir tmp;
    const QString dir = makeProject(tmp, u"items"_s);
    QVERIFY(!dir.isEmpty());
    QFile env(dir + u"/alembic/env.py"_s);
    QVERIFY(env.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(env.readAll());
    env.close();
    const QString anchor = u"config = context.config\n"_s;
    QVERIFY(text.contains(anchor));
    text.replace(anchor, anchor + u"_x = context.get_x_argument(as_dictionary=True)\n"
                                  "if 'db' in _x:\n"
                                  "    config.set_main_option('sqlalchemy.url', _x['db'])\n"_s);
    QVERIFY(env.open(QIODevice::WriteOnly | QIODevice::Truncate));
    env.write(text.toUtf8());
    env.close();
    const QString url = u"sqlite:///"_s + dir + u"/tenant.db"_s;
    const QString ini = dir + u"/alembic.ini"_s;
    const QStringList pythonEnv{u"RETORT_PYTHON="_s + python};
    const CliResult up = runCli({u"-c"_s, ini, u"-x"_s, u"db="_s + url, u"upgrade"_s, u"head"_s},
                                tmp.path(), pythonEnv);
    QVERIFY2(up.exitCode == 0, qPrintable(up.err));
    QVERIFY(QFile::exists(dir + u"/tenant.db"_s));
    const CliResult theirs = alembic({u"-x"_s, u"db="_s + url, u"current"_s}, dir);
    QVERIFY2(theirs.out.contains(u"b2 (head)"_s), qPrintable(theirs.out + theirs.err));
    // The URL env.py computes from -x is also where `current` looks.
    const CliResult ours = runCli({u"-c"_s, ini, u"-xdb="_s + url, u"current"_s}, tmp.path(),
                                  pythonEnv);
    QVERIFY2(ours.exitCode == 0 && ours.out.contains(u"b2"_s), qPrintable(ours.out + ours.err));

    // A Retort project has no env.py: -x is refused, not ignored.
    const QString sql = tmp.filePath(u"sqlproject"_s);
    QCOMPARE(runCli({u"init"_s, sql}, tmp.path()).exitCode, 0);
    const CliResult refused = runCli({u"-x"_s, u"db=x"_s, u"heads"_s}, sql);
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.err.contains(u"-x db=x"_s), qPrintable(refused.err));
}

QTEST_GUILESS_MAIN(tst_AlembicCli)
#include "tst_alembiccli.moc"
