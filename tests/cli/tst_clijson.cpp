#include "../common/clirunner.h"
#include "../common/projectfiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace RetortTest;
using namespace Qt::Literals::StringLiterals;

// `--json` of every read verb (README "JSON output"): each test parses the output and checks its
// fields against the project as it is on disk and in the database, read here independently.
class tst_CliJson : public QObject
{
    Q_OBJECT
private slots:
    void historyListsEveryRevisionFile();
    void headsAreTheRevisionsNothingRevises();
    void branchesListBranchPointsWithTheirChildren();
    void showGivesTheRevisionWithItsSql();
    void currentMatchesTheVersionTable();
    void checkSaysWhatDiffersAndIsCleanAfterUpgrade();
    void diffGivesTheStatementsTheTextOutputPrints();
    void inspectMatchesTheDatabaseCatalog();
    void checkSingleHeadListsTheHeads();
};

namespace {

// One revision file as read by the test itself, not by Retort.
struct FileRevision
{
    QString id;
    QStringList parents;
    QStringList labels;
    QString message;
    QString path;
    QString upgradeSql;
    QString downgradeSql;
};

QStringList headerList(const QString &text, const QString &field)
{
    const QRegularExpression re(u"^-- "_s + field + u":[ \\t]*(.*)$"_s,
                                QRegularExpression::MultilineOption);
    const QString value = re.match(text).captured(1).trimmed();
    QStringList out = value.split(u',', Qt::SkipEmptyParts);
    for (QString &v : out)
        v = v.trimmed();
    return out;
}

QHash<QString, FileRevision> readRevisionFiles(const QString &project)
{
    QHash<QString, FileRevision> out;
    const QDir versions(project + u"/migrations/versions"_s);
    for (const QFileInfo &info : versions.entryInfoList({u"*.sql"_s}, QDir::Files)) {
        QFile f(info.filePath());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QString text = QString::fromUtf8(f.readAll());
        FileRevision r;
        r.id = headerList(text, u"Revision ID"_s).value(0);
        r.parents = headerList(text, u"Revises"_s);
        r.labels = headerList(text, u"Branch Labels"_s);
        r.message = text.section(u'\n', 0, 0).mid(3);
        r.path = info.absoluteFilePath();
        const qsizetype up = text.indexOf(u"-- migrate:upgrade\n"_s);
        const qsizetype down = text.indexOf(u"-- migrate:downgrade\n"_s);
        r.upgradeSql = text.mid(up + 19, down - up - 19).trimmed();
        r.downgradeSql = text.mid(down + 21).trimmed();
        out.insert(r.id, r);
    }
    return out;
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

QSet<QString> idsOf(const QJsonArray &revisions)
{
    QSet<QString> out;
    for (const QJsonValue &v : revisions)
        out << v.toObject().value(u"revision"_s).toString();
    return out;
}

QJsonDocument runJson(const QStringList &args, const QString &dir, int expectedExit = 0)
{
    const CliResult r = runCli(args, dir);
    if (r.exitCode != expectedExit)
        qWarning("%s exited %d: %s", qPrintable(args.join(u' ')), r.exitCode, qPrintable(r.err));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("%s: not JSON (%s): %s", qPrintable(args.join(u' ')),
                 qPrintable(error.errorString()), qPrintable(r.out));
    return r.exitCode == expectedExit ? doc : QJsonDocument();
}

// Children by parent edge, from the files.
QHash<QString, QStringList> childrenOf(const QHash<QString, FileRevision> &files)
{
    QHash<QString, QStringList> out;
    for (const FileRevision &r : files) {
        for (const QString &parent : r.parents)
            out[parent] << r.id;
    }
    return out;
}

QStringList sqliteColumn(const QString &dbPath, const QString &sql)
{
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"direct"_s);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql)) {
                while (q.next())
                    rows << q.value(0).toString();
            }
        }
    }
    QSqlDatabase::removeDatabase(u"direct"_s);
    return rows;
}

void appendText(const QString &path, const QString &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    f.write(text.toUtf8());
}

} // namespace

void tst_CliJson::historyListsEveryRevisionFile()
{
    QTemporaryDir tmp;
    const QString p = copyExampleProject(tmp.filePath(u"blog"_s));
    const QHash<QString, FileRevision> files = readRevisionFiles(p);
    QVERIFY(files.size() > 3);
    const QJsonArray history = runJson({u"history"_s, u"--json"_s}, p).array();
    QCOMPARE(history.size(), files.size());
    const QHash<QString, QStringList> children = childrenOf(files);
    QSet<QString> seen;
    for (const QJsonValue &v : history) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(u"revision"_s).toString();
        QVERIFY2(files.contains(id), qPrintable(id));
        const FileRevision &file = files[id];
        // Newest first: nothing listed before a revision is an ancestor of it.
        for (const QString &parent : file.parents)
            QVERIFY2(!seen.contains(parent), qPrintable(id + u" after its parent "_s + parent));
        seen << id;
        QCOMPARE(strings(o.value(u"parents"_s)), file.parents);
        QCOMPARE(o.value(u"message"_s).toString(), file.message);
        QCOMPARE(QFileInfo(o.value(u"path"_s).toString()).canonicalFilePath(),
                 QFileInfo(file.path).canonicalFilePath());
        for (const QString &label : file.labels)
            QVERIFY(strings(o.value(u"branch_labels"_s)).contains(label));
        QCOMPARE(o.value(u"is_head"_s).toBool(), !children.contains(id));
        QCOMPARE(o.value(u"is_branch_point"_s).toBool(), children.value(id).size() > 1);
        QCOMPARE(o.value(u"is_merge_point"_s).toBool(), file.parents.size() > 1);
        QVERIFY(o.value(u"depends_on"_s).isArray());
        QVERIFY(o.value(u"create_date"_s).isString());
        QVERIFY(o.value(u"is_effective_head"_s).isBool());
    }
}

void tst_CliJson::headsAreTheRevisionsNothingRevises()
{
    QTemporaryDir tmp;
    const QString p = copyExampleProject(tmp.filePath(u"blog"_s));
    // A second head: a new branch off the first revision.
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"side"_s, u"--rev-id"_s, u"5ide00"_s, u"--head"_s,
                     u"4b1d2e6f8a10"_s, u"--splice"_s}, p).exitCode, 0);
    const QHash<QString, FileRevision> files = readRevisionFiles(p);
    const QHash<QString, QStringList> children = childrenOf(files);
    QSet<QString> expected;
    for (const FileRevision &r : files) {
        if (!children.contains(r.id))
            expected << r.id;
    }
    QCOMPARE(expected.size(), 2);
    const QJsonArray heads = runJson({u"heads"_s, u"--json"_s}, p).array();
    QCOMPARE(idsOf(heads), expected);
    for (const QJsonValue &v : heads)
        QVERIFY(v.toObject().value(u"is_head"_s).toBool());
}

void tst_CliJson::branchesListBranchPointsWithTheirChildren()
{
    QTemporaryDir tmp;
    const QString p = copyExampleProject(tmp.filePath(u"blog"_s));
    const QHash<QString, QStringList> children = childrenOf(readRevisionFiles(p));
    QSet<QString> expectedPoints;
    for (auto it = children.cbegin(); it != children.cend(); ++it) {
        if (it.value().size() > 1)
            expectedPoints << it.key();
    }
    QVERIFY(!expectedPoints.isEmpty());
    const QJsonArray branches = runJson({u"branches"_s, u"--json"_s}, p).array();
    QCOMPARE(idsOf(branches), expectedPoints);
    for (const QJsonValue &v : branches) {
        const QJsonObject point = v.toObject();
        QVERIFY(point.value(u"is_branch_point"_s).toBool());
        const QStringList expectedChildren = children.value(point.value(u"revision"_s).toString());
        QCOMPARE(idsOf(point.value(u"children"_s).toArray()),
                 QSet<QString>(expectedChildren.cbegin(), expectedChildren.cend()));
    }
}

void tst_CliJson::showGivesTheRevisionWithItsSql()
{
    QTemporaryDir tmp;
    const QString p = copyExampleProject(tmp.filePath(u"blog"_s));
    const QHash<QString, FileRevision> files = readRevisionFiles(p);
    for (const FileRevision &file : files) {
        const QJsonArray shown = runJson({u"show"_s, file.id.left(6), u"--json"_s}, p).array();
        QCOMPARE(shown.size(), 1);
        const QJsonObject o = shown.first().toObject();
        QCOMPARE(o.value(u"revision"_s).toString(), file.id);
        QCOMPARE(strings(o.value(u"parents"_s)), file.parents);
        QCOMPARE(o.value(u"upgrade_sql"_s).toString().trimmed(), file.upgradeSql);
        QCOMPARE(o.value(u"downgrade_sql"_s).toString().trimmed(), file.downgradeSql);
    }
    // An identifier standing for several revisions shows each.
    const QJsonArray heads = runJson({u"heads"_s, u"--json"_s}, p).array();
    QCOMPARE(idsOf(runJson({u"show"_s, u"heads"_s, u"--json"_s}, p).array()), idsOf(heads));
}

void tst_CliJson::currentMatchesTheVersionTable()
{
    QTemporaryDir tmp;
    const QString p = copyExampleProject(tmp.filePath(u"blog"_s));
    const QString db = p + u"/blog.db"_s;
    for (const QString &target : {u"7c2e"_s, u"heads"_s}) {
        QCOMPARE(runCli({u"upgrade"_s, target}, p).exitCode, 0);
        const QStringList rows = sqliteColumn(db, u"SELECT version_num FROM alembic_version"_s);
        QVERIFY(!rows.isEmpty());
        const QJsonObject current = runJson({u"current"_s, u"--json"_s}, p).object();
        QCOMPARE(idsOf(current.value(u"heads"_s).toArray()), QSet<QString>(rows.cbegin(), rows.cend()));
        QCOMPARE(strings(current.value(u"current"_s)), rows); // linear here: the rows themselves
        QVERIFY(current.value(u"url"_s).toString().endsWith(u"blog.db"_s));
        QCOMPARE(current.value(u"unknown"_s).toArray().size(), 0);
        QCOMPARE(current.value(u"edited_after_applied"_s).toArray().size(), 0);
    }
    // A row no file has is listed as unknown, and as a head with its id only.
    QCOMPARE(sqliteColumn(db, u"UPDATE alembic_version SET version_num = 'feedfacecafe'"_s), QStringList());
    const QJsonObject current = runJson({u"current"_s, u"--json"_s}, p).object();
    QCOMPARE(strings(current.value(u"unknown"_s)), QStringList{u"feedfacecafe"_s});
    QCOMPARE(current.value(u"heads"_s).toArray().first().toObject(),
             (QJsonObject{{u"revision"_s, u"feedfacecafe"_s}}));
}

void tst_CliJson::checkSaysWhatDiffersAndIsCleanAfterUpgrade()
{
    QTemporaryDir tmp;
    const QString p = copyExampleProject(tmp.filePath(u"blog"_s));
    appendText(p + u"/schema.sql"_s, u"\nCREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT);\n"_s);
    QJsonObject check = runJson({u"check"_s, u"--json"_s}, p, 1).object();
    QCOMPARE(check.value(u"clean"_s).toBool(), false);
    QCOMPARE(check.value(u"at_head"_s).toBool(), false); // nothing applied yet
    QVERIFY(!check.value(u"problems"_s).toArray().isEmpty());
    QVERIFY(check.value(u"url"_s).toString().endsWith(u"blog.db"_s));

    QCOMPARE(runCli({u"upgrade"_s, u"heads"_s}, p).exitCode, 0);
    check = runJson({u"check"_s, u"--json"_s}, p, 1).object();
    QCOMPARE(check.value(u"at_head"_s).toBool(), true);
    const QStringList changes = strings(check.value(u"changes"_s));
    QVERIFY2(changes.filter(u"'tags'"_s).size() == 1, qPrintable(changes.join(u'\n')));
    QCOMPARE(check.value(u"problems"_s).toArray().size(), 1);

    QCOMPARE(runCli({u"revision"_s, u"--autogenerate"_s, u"-m"_s, u"catch up"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"upgrade"_s, u"head"_s}, p).exitCode, 0);
    check = runJson({u"check"_s, u"--json"_s}, p, 0).object();
    QCOMPARE(check.value(u"clean"_s).toBool(), true);
    QCOMPARE(check.value(u"changes"_s).toArray().size(), 0);
    QCOMPARE(check.value(u"problems"_s).toArray().size(), 0);
    QCOMPARE(check.value(u"unknown"_s).toArray().size(), 0);
    QCOMPARE(check.value(u"edited_after_applied"_s).toArray().size(), 0);
}

void tst_CliJson::diffGivesTheStatementsTheTextOutputPrints()
{
    QTemporaryDir tmp;
    const QString p = copyExampleProject(tmp.filePath(u"blog"_s));
    QCOMPARE(runCli({u"upgrade"_s, u"heads"_s}, p).exitCode, 0);
    appendText(p + u"/schema.sql"_s, u"\nCREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT);\n"_s);
    const QJsonObject diff = runJson({u"diff"_s, u"--json"_s}, p).object();
    const QJsonArray upgrade = diff.value(u"upgrade"_s).toArray();
    QVERIFY(!upgrade.isEmpty());
    // The text output is each statement, its note as a comment above it.
    QString text;
    for (const QJsonValue &v : upgrade) {
        const QString note = v.toObject().value(u"note"_s).toString();
        text += (note.isEmpty() ? QString() : u"-- "_s + note + u'\n')
                + v.toObject().value(u"sql"_s).toString() + u";\n\n"_s;
    }
    QCOMPARE(text, runCli({u"diff"_s}, p).out);
    QVERIFY(text.contains(u"CREATE TABLE tags"_s));
    const QJsonArray downgrade = diff.value(u"downgrade"_s).toArray();
    QVERIFY(std::any_of(downgrade.begin(), downgrade.end(), [](const QJsonValue &v) {
        return v.toObject().value(u"sql"_s).toString().contains(u"DROP TABLE tags"_s);
    }));
    QVERIFY(strings(diff.value(u"changes"_s)).join(u'\n').contains(u"'tags'"_s));
}

void tst_CliJson::inspectMatchesTheDatabaseCatalog()
{
    QTemporaryDir tmp;
    const QString p = copyExampleProject(tmp.filePath(u"blog"_s));
    QCOMPARE(runCli({u"upgrade"_s, u"heads"_s}, p).exitCode, 0);
    const QString db = p + u"/blog.db"_s;
    const QJsonObject schema = runJson({u"inspect"_s, u"--json"_s}, p).object();
    QCOMPARE(schema.value(u"dialect"_s).toString(), u"sqlite"_s);
    QSet<QString> tables;
    for (const QJsonValue &v : schema.value(u"tables"_s).toArray()) {
        const QJsonObject table = v.toObject();
        const QString name = table.value(u"name"_s).toString();
        tables << name;
        QStringList columns;
        for (const QJsonValue &c : table.value(u"columns"_s).toArray())
            columns << c.toObject().value(u"name"_s).toString();
        QCOMPARE(columns, sqliteColumn(db, u"SELECT name FROM pragma_table_info('%1') ORDER BY cid"_s.arg(name)));
    }
    // Retort's own tables are not the application's schema.
    const QStringList catalog = sqliteColumn(db, u"SELECT name FROM sqlite_master WHERE type = 'table' "
                                                 "AND name NOT LIKE 'sqlite_%' AND name NOT IN "
                                                 "('alembic_version', 'retort_history')"_s);
    QCOMPARE(tables, QSet<QString>(catalog.cbegin(), catalog.cend()));
}

void tst_CliJson::checkSingleHeadListsTheHeads()
{
    QTemporaryDir tmp;
    const QString p = copyExampleProject(tmp.filePath(u"blog"_s));
    QJsonObject check = runJson({u"check"_s, u"--single-head"_s, u"--json"_s}, p, 0).object();
    QCOMPARE(check.value(u"clean"_s).toBool(), true);
    QCOMPARE(idsOf(check.value(u"heads"_s).toArray()),
             idsOf(runJson({u"heads"_s, u"--json"_s}, p).array()));
    QCOMPARE(runCli({u"revision"_s, u"-m"_s, u"side"_s, u"--head"_s, u"4b1d2e6f8a10"_s, u"--splice"_s},
                    p).exitCode, 0);
    check = runJson({u"check"_s, u"--single-head"_s, u"--json"_s}, p, 1).object();
    QCOMPARE(check.value(u"clean"_s).toBool(), false);
    QCOMPARE(check.value(u"heads"_s).toArray().size(), 2);
    QCOMPARE(idsOf(check.value(u"heads"_s).toArray()),
             idsOf(runJson({u"heads"_s, u"--json"_s}, p).array()));
    QCOMPARE(check.value(u"problems"_s).toArray().size(), 1);
}

QTEST_GUILESS_MAIN(tst_CliJson)
#include "tst_clijson.moc"
