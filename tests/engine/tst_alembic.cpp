#include "alembicoracle.h"

#include <engine/alembic/alembicdirectory.h>
#include <engine/alembic/alembicmodulecache.h>
#include <engine/alembic/alembicini.h>
#include <engine/alembic/alembicscript.h>
#include <engine/alembic/pythontokenizer.h>
#include <engine/alembic/sqlalchemyurl.h>
#include <engine/config/databaseurl.h>
#include <engine/revision/revisiongraph.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Retort;
using namespace Qt::Literals::StringLiterals;

namespace {

// Skips without Alembic, but fails under `make test` (RETORT_REQUIRE_SERVERS=1).
#define REQUIRE_ALEMBIC() \
    do { \
        if (!AlembicOracle::available()) { \
            if (qEnvironmentVariableIntValue("RETORT_REQUIRE_SERVERS") == 1) \
                QFAIL("/usr/bin/python3 cannot import alembic although RETORT_REQUIRE_SERVERS=1."); \
            QSKIP("/usr/bin/python3 cannot import alembic"); \
        } \
    } while (0)

const QString kPath = u"/project/versions/abc_test.py"_s;

// A minimal module around the given assignment lines.
QString module(const QString &assignments)
{
    return u"\"\"\"message\"\"\"\nfrom alembic import op\n\n"_s + assignments
           + u"\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n"_s;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

// Runs tests/tools/alembic_graph_dump.py from the ini's folder (Alembic resolves relative
// paths against the working directory).
QJsonObject alembicDump(const QString &iniPath, QString *error)
{
    QProcess p;
    p.setWorkingDirectory(QFileInfo(iniPath).absolutePath());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    env.insert(u"PYTHONWARNINGS"_s, u"ignore"_s);
    p.setProcessEnvironment(env);
    p.start(AlembicOracle::python(),
            {QStringLiteral(RETORT_SOURCE_DIR "/tests/tools/alembic_graph_dump.py"), iniPath});
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

// Replaces dynamic modules' revisions by what Alembic read from the same files, as the
// caller of AlembicDirectory does through the project's Python.
void resolveDynamic(QList<AlembicModule> &modules, const QJsonObject &dump)
{
    for (AlembicModule &m : modules) {
        if (!m.dynamic)
            continue;
        const QString real = QFileInfo(m.revision.filePath).canonicalFilePath();
        for (const QJsonValue &v : dump.value(u"revisions"_s).toArray()) {
            const QJsonObject r = v.toObject();
            if (r.value(u"path"_s).toString() != real)
                continue;
            m.revision.id = r.value(u"id"_s).toString();
            m.revision.parents = toStringList(r.value(u"parents"_s));
            m.revision.branchLabels = toStringList(r.value(u"labels"_s));
            m.revision.dependsOn = toStringList(r.value(u"depends_on"_s));
            m.revision.message = r.value(u"doc"_s).toString();
            m.dynamic = false;
        }
    }
}

// Every difference between Alembic's graph (dump) and the one Retort builds from modules.
QString compareWithAlembic(QList<AlembicModule> modules, const QJsonObject &dump)
{
    resolveDynamic(modules, dump);
    QList<Revision> revisions;
    for (const AlembicModule &m : modules) {
        if (m.dynamic)
            return u"unresolved dynamic module "_s + m.revision.filePath;
        revisions.append(m.revision);
    }
    const Result<RevisionGraph> graph = RevisionGraph::build(revisions);
    if (!graph)
        return u"RevisionGraph::build failed: "_s + graph.error().toString();
    QStringList problems;
    const QJsonArray expected = dump.value(u"revisions"_s).toArray();
    if (expected.size() != graph->count())
        problems << u"count %1, Alembic %2"_s.arg(graph->count()).arg(expected.size());
    for (const QJsonValue &v : expected) {
        const QJsonObject e = v.toObject();
        const QString id = e.value(u"id"_s).toString();
        const Revision *r = graph->revision(id);
        if (!r) {
            problems << u"missing "_s + id;
            continue;
        }
        auto check = [&](const char *what, const QStringList &ours, const QStringList &theirs) {
            if (ours != theirs)
                problems << u"%1 %2: ours [%3], Alembic [%4]"_s.arg(id, QLatin1String(what),
                                                                   ours.join(u','),
                                                                   theirs.join(u','));
        };
        check("parents", r->parents, toStringList(e.value(u"parents"_s)));
        check("labels", sorted(r->branchLabels), toStringList(e.value(u"labels"_s)));
        check("depends_on", r->dependsOn, toStringList(e.value(u"depends_on"_s)));
        check("message", {r->message}, {e.value(u"doc"_s).toString()});
        check("path", {QFileInfo(r->filePath).canonicalFilePath()},
              {e.value(u"path"_s).toString()});
        check("propagated labels", sorted(graph->branchLabels(id)),
              toStringList(dump.value(u"propagated_labels"_s).toObject().value(id)));
    }
    auto checkSet = [&](const char *what, const QStringList &ours, const QString &key) {
        const QStringList theirs = toStringList(dump.value(key));
        if (sorted(ours) != theirs)
            problems << u"%1: ours [%2], Alembic [%3]"_s.arg(QLatin1String(what),
                                                             sorted(ours).join(u','),
                                                             theirs.join(u','));
    };
    checkSet("heads", graph->heads(), u"heads"_s);
    checkSet("real heads", graph->realHeads(), u"realheads"_s);
    checkSet("bases", graph->bases(), u"bases"_s);
    return problems.join(u"; "_s);
}

// ---- random projects in randomly varied literal shapes ----

class ShapeWriter
{
public:
    explicit ShapeWriter(quint32 seed) : m_rng(seed) {}

    int pick(int n) { return int(m_rng.bounded(n)); }
    bool chance(int percent) { return pick(100) < percent; }

    QString quoted(const QString &s)
    {
        switch (pick(7)) {
        case 0: return u'"' + s + u'"';
        case 1: return u'\'' + s + u'\'';
        case 2: return u"r\""_s + s + u'"';
        case 3: return u"u'"_s + s + u'\'';
        case 4: return u"\"\"\""_s + s + u"\"\"\""_s;
        case 5: {
            const int k = s.size() > 1 ? 1 + pick(int(s.size()) - 1) : 0;
            return u"\"%1\" '%2'"_s.arg(s.left(k), s.mid(k)); // implicit concatenation
        }
        default: {
            const int k = s.size() > 1 ? 1 + pick(int(s.size()) - 1) : 0;
            return u"(\"%1\" + \"%2\")"_s.arg(s.left(k), s.mid(k));
        }
        }
    }

    // A value for a field holding `items` (for down_revision: parents).
    QString value(const QStringList &items)
    {
        if (items.isEmpty()) {
            const int k = pick(10);
            return k < 8 ? u"None"_s : k == 8 ? u"()"_s : u"[]"_s;
        }
        if (items.size() == 1 && chance(60))
            return quoted(items.first());
        QStringList q;
        for (const QString &i : items)
            q.append(quoted(i));
        switch (pick(5)) {
        case 0: return u'(' + q.join(u", "_s) + (items.size() == 1 ? u",)"_s : u")"_s);
        case 1: return u'[' + q.join(u", "_s) + u']';
        case 2: return u"(\n    "_s + q.join(u",\n    "_s) + u",  # Black\n)"_s;
        case 3: return u"[\n    # comment inside\n    "_s + q.join(u",\n\n    "_s) + u"\n]"_s;
        default: return q.join(u", "_s) + (items.size() == 1 ? u","_s : QString());
        }
    }

    QString annotation(const QString &name)
    {
        if (!chance(40))
            return QString();
        return name == u"revision" ? u": str"_s : u": Union[str, Sequence[str], None]"_s;
    }

    QByteArray file(const Revision &r)
    {
        QStringList lines;
        const bool cookie = chance(20);
        if (cookie)
            lines << u"# -*- coding: utf-8 -*-"_s;
        const QString doc = r.message + (chance(50) ? u"\n\nRevision ID: "_s + r.id + u"\n"_s
                                                    : QString());
        lines << (chance(50) ? u"\"\"\""_s + doc + u"\"\"\""_s : u"'''"_s + doc + u"'''"_s);
        lines << u"from typing import Sequence, Union"_s << u"from alembic import op"_s << QString();
        struct Field { QString name; QStringList items; int line; };
        QList<Field> fields{{u"revision"_s, {r.id}, 0}, {u"down_revision"_s, r.parents, 0},
                            {u"branch_labels"_s, r.branchLabels, 0},
                            {u"depends_on"_s, r.dependsOn, 0}};
        for (Field &f : fields) {
            if (chance(10)) // overridden later: the last assignment wins
                lines << f.name + u" = \"stale\""_s;
            if (f.name == u"revision" && chance(25)) { // through a name bound earlier
                lines << u"_rev = "_s + quoted(r.id);
                lines << u"revision = _rev"_s;
                continue;
            }
            QString v = f.name == u"revision" ? quoted(r.id) : value(f.items);
            if (chance(10) && !v.contains(u'\n'))
                v = u"\\\n    "_s + v; // backslash continuation
            lines << f.name + annotation(f.name) + u" = "_s + v;
        }
        lines << QString() << QString() << u"def upgrade():"_s
              << u"    revision = \"local, not the module's\""_s << u"    pass"_s << QString()
              << u"def downgrade():"_s << u"    pass"_s;
        QByteArray out = lines.join(u'\n').toUtf8() + '\n';
        if (chance(20))
            out.replace("\n", "\r\n");
        if (chance(15) && !cookie)
            out.prepend("\xEF\xBB\xBF");
        return out;
    }

    QString id(int n)
    {
        static const char hex[] = "0123456789abcdef";
        if (chance(70)) {
            QString s;
            for (int i = 0; i < 12; ++i)
                s += QLatin1Char(hex[pick(16)]);
            return s + QString::number(n); // unique
        }
        return u"rev_%1_x"_s.arg(n);
    }

    QList<Revision> graph()
    {
        QList<Revision> revisions;
        const int n = 4 + pick(20);
        for (int i = 0; i < n; ++i) {
            Revision r;
            r.id = id(i);
            r.message = QStringList{u"add table"_s, u"Café: accents"_s, u"merge heads"_s,
                                    u"two\nlines"_s}.at(pick(4));
            if (i > 0 && !chance(8)) {
                const int parents = chance(75) ? 1 : 2 + pick(2);
                for (int k = 0; k < parents; ++k) {
                    const QString p = revisions.at(pick(i)).id;
                    if (!r.parents.contains(p))
                        r.parents.append(p);
                }
            }
            if (chance(15))
                r.branchLabels << u"label%1"_s.arg(i);
            if (chance(10))
                r.branchLabels << u"extra%1"_s.arg(i);
            if (i > 0 && chance(20)) {
                const Revision &target = revisions.at(pick(i));
                const QString dep = !target.branchLabels.isEmpty() && chance(50)
                                        ? target.branchLabels.first()
                                        : target.id;
                if (!r.parents.contains(dep))
                    r.dependsOn << dep;
            }
            revisions.append(r);
        }
        return revisions;
    }

private:
    QRandomGenerator m_rng;
};

} // namespace

class tst_Alembic : public QObject
{
    Q_OBJECT

private slots:
    void literalShapes_data();
    void literalShapes();
    void dynamicShapes_data();
    void dynamicShapes();
    void scriptErrors_data();
    void scriptErrors();
    void messageIsFirstParagraph_data();
    void messageIsFirstParagraph();
    void revisionIsReversibleAndKeepsSource();
    void tokenizerSurvivesHostileInput();
    void iniValues_data();
    void iniValues();
    void iniErrors_data();
    void iniErrors();
    void iniRelativeScriptLocation();
    void iniFindWalksUp();
    void sqlalchemyUrl_data();
    void sqlalchemyUrl();
    void sqlalchemyUrlErrorsHidePassword();
    void directoryRules();
    void directorySourcelessAndRecursive();
    void directoryDuplicateIdNamesBothFiles();
    void moduleCacheKeepsEveryField();
    void moduleCacheFollowsContent();
    void fixtureMatchesAlembic();
    void randomProjectsMatchAlembic_data();
    void randomProjectsMatchAlembic();
};

void tst_Alembic::literalShapes_data()
{
    QTest::addColumn<QString>("assignments");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("parents");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QStringList>("dependsOn");

    const QStringList none;
    auto row = [&](const char *name, const QString &a, const QString &id, const QStringList &p,
                   const QStringList &l = {}, const QStringList &d = {}) {
        QTest::newRow(name) << a << id << p << l << d;
    };
    row("1.8 template", u"revision = '1975ea83b712'\ndown_revision = None\nbranch_labels = None\ndepends_on = None"_s,
        u"1975ea83b712"_s, none);
    row("double quotes", u"revision = \"a1\"\ndown_revision = \"b2\""_s, u"a1"_s, {u"b2"_s});
    row("annotated 1.11+", u"revision: str = \"a1\"\ndown_revision: Union[str, None] = \"b2\"\nbranch_labels: Union[str, Sequence[str], None] = None\ndepends_on: Union[str, Sequence[str], None] = None"_s,
        u"a1"_s, {u"b2"_s});
    row("annotated merge tuple", u"revision: str = 'm'\ndown_revision: Union[str, Sequence[str], None] = ('a', 'b')"_s,
        u"m"_s, {u"a"_s, u"b"_s});
    row("r prefix", u"revision = r'a1'\ndown_revision = R\"b2\""_s, u"a1"_s, {u"b2"_s});
    row("u prefix", u"revision = u'a1'\ndown_revision = U'b2'"_s, u"a1"_s, {u"b2"_s});
    row("triple quotes", u"revision = '''a1'''\ndown_revision = \"\"\"b2\"\"\""_s, u"a1"_s, {u"b2"_s});
    row("implicit concatenation", u"revision = 'a' \"1\" r'x'\ndown_revision = None"_s, u"a1x"_s, none);
    row("plus concatenation", u"revision = 'a' + \"1\"\ndown_revision = ('b',) + ('c',)"_s, u"a1"_s,
        {u"b"_s, u"c"_s});
    row("escapes decoded", u"revision = 'a\\x62\\u0063'\ndown_revision = None"_s, u"abc"_s, none);
    row("parenthesized string", u"revision = ('a1')\ndown_revision = (('b2'))"_s, u"a1"_s, {u"b2"_s});
    row("tuple", u"revision = 'm'\ndown_revision = ('a', 'b')"_s, u"m"_s, {u"a"_s, u"b"_s});
    row("one-item tuple", u"revision = 'm'\ndown_revision = ('a',)"_s, u"m"_s, {u"a"_s});
    row("bare tuple", u"revision = 'm'\ndown_revision = 'a', 'b'"_s, u"m"_s, {u"a"_s, u"b"_s});
    row("list", u"revision = 'm'\ndown_revision = ['a', 'b']"_s, u"m"_s, {u"a"_s, u"b"_s});
    row("black multi-line with comments",
        u"revision = 'm'\ndown_revision = (\n    'a',  # first\n    # between\n    'b',\n)"_s,
        u"m"_s, {u"a"_s, u"b"_s});
    row("empty string is a base", u"revision = 'm'\ndown_revision = ''"_s, u"m"_s, none);
    row("empty tuple is a base", u"revision = 'm'\ndown_revision = ()"_s, u"m"_s, none);
    row("empty list is a base", u"revision = 'm'\ndown_revision = []"_s, u"m"_s, none);
    row("label string", u"revision = 'm'\ndown_revision = None\nbranch_labels = 'lbl'"_s, u"m"_s,
        none, {u"lbl"_s});
    row("label tuple", u"revision = 'm'\ndown_revision = None\nbranch_labels = ('x', 'y')"_s, u"m"_s,
        none, {u"x"_s, u"y"_s});
    row("depends_on list", u"revision = 'm'\ndown_revision = None\ndepends_on = ['a', 'lbl']"_s,
        u"m"_s, none, {}, {u"a"_s, u"lbl"_s});
    row("depends_on string", u"revision = 'm'\ndown_revision = None\ndepends_on = 'a'"_s, u"m"_s,
        none, {}, {u"a"_s});
    row("name bound earlier", u"rev = 'x1'\nrevision = rev\ndown_revision = None"_s, u"x1"_s, none);
    row("names in a tuple", u"A = 'a'\nB = 'b' + 'c'\nrevision = 'm'\ndown_revision = (A, B)"_s,
        u"m"_s, {u"a"_s, u"bc"_s});
    row("semicolons", u"rev = 'x1'; revision = rev; down_revision = None"_s, u"x1"_s, none);
    row("chained assignment", u"revision = other = 'x1'\ndown_revision = None"_s, u"x1"_s, none);
    row("last assignment wins", u"revision = 'old'\ndown_revision = 'p'\nrevision = 'new'"_s,
        u"new"_s, {u"p"_s});
    row("line continuation", u"revision = \\\n    'x1'\ndown_revision = \\\n None"_s, u"x1"_s, none);
    row("function locals ignored",
        u"revision = 'x1'\ndown_revision = None\ndef f():\n    revision = 'no'\n    down_revision = g()\nclass C:\n    revision = 'no'"_s,
        u"x1"_s, none);
    row("if with only other names",
        u"if TYPE_CHECKING:\n    from foo import Bar\nrevision = 'x1'\ndown_revision = None"_s,
        u"x1"_s, none);
    row("mutated other list", u"other = ['z']\nother.append('y')\nrevision = 'x1'\ndown_revision = ['a']"_s,
        u"x1"_s, {u"a"_s});
    row("comment with quote", u"# don't\nrevision = 'x1'  # it's\ndown_revision = None"_s, u"x1"_s, none);
    row("bare annotation binds nothing", u"revision: str\nrevision = 'x1'\ndown_revision = None\ndown_revision: str"_s,
        u"x1"_s, none);
    row("numbers and dicts elsewhere", u"N = 1e+5\nD = {'a': 1}\nrevision = 'x1'\ndown_revision = None"_s,
        u"x1"_s, none);
}

void tst_Alembic::literalShapes()
{
    QFETCH(QString, assignments);
    QFETCH(QString, id);
    QFETCH(QStringList, parents);
    QFETCH(QStringList, labels);
    QFETCH(QStringList, dependsOn);
    const Result<AlembicModule> m = AlembicScript::parse(module(assignments).toUtf8(), kPath);
    QVERIFY2(m, qPrintable(m ? QString() : m.error().toString()));
    QVERIFY2(!m->dynamic, qPrintable(m->dynamicReason));
    QCOMPARE(m->revision.id, id);
    QCOMPARE(m->revision.parents, parents);
    QCOMPARE(m->revision.branchLabels, labels);
    QCOMPARE(m->revision.dependsOn, dependsOn);
    QCOMPARE(m->revision.message, u"message"_s);
    QVERIFY(m->revision.idLine > 3);
    QVERIFY(m->revision.parentsLine > 3);
}

void tst_Alembic::dynamicShapes_data()
{
    QTest::addColumn<QString>("assignments");
    QTest::addColumn<int>("line"); // of the module() text: assignments start on line 4
    QTest::addColumn<QString>("reasonPart");

    auto row = [](const char *name, const QString &a, int line, const QString &reason) {
        QTest::newRow(name) << a << line << reason;
    };
    row("call", u"revision = compute()\ndown_revision = None"_s, 4, u"function call"_s);
    row("imported", u"from ids import REV\nrevision = REV\ndown_revision = None"_s, 5, u"REV"_s);
    row("unbound name", u"revision = REV\ndown_revision = None"_s, 4, u"REV"_s);
    // Even before the assignments: it may replace the docstring (a module's __all__ may list it).
    row("star import before", u"from x import *\nrevision = 'x1'\ndown_revision = None\nbranch_labels = depends_on = None"_s,
        4, u"__doc__"_s);
    row("star import, no assignment", u"from ids import *\nrevision = 'a'\ndown_revision = None"_s, 4,
        u"import *"_s);
    row("attribute", u"revision = ids.REV\ndown_revision = None"_s, 4, u"attribute"_s);
    row("method on literal", u"revision = 'X'.lower()\ndown_revision = None"_s, 4, u"attribute"_s);
    row("f-string", u"revision = f'a{1}'\ndown_revision = None"_s, 4, u"f-string"_s);
    row("percent format", u"revision = 'a%s' % 1\ndown_revision = None"_s, 4, u"'%'"_s);
    row("conditional expression", u"revision = 'a' if X else 'b'\ndown_revision = None"_s, 4, u"conditional"_s);
    row("inside if", u"revision = 'a'\nif X:\n    revision = 'b'\ndown_revision = None"_s, 6, u"'if'"_s);
    row("inside else", u"if X:\n    pass\nelse:\n    down_revision = 'b'\nrevision = 'a'"_s, 7, u"'else'"_s);
    row("inside try", u"try:\n    revision = 'a'\nexcept Exception:\n    pass\ndown_revision = None"_s, 5, u"'try'"_s);
    row("inside nested with", u"with x:\n    for y in z:\n        if w:\n            revision = 'a'\ndown_revision = None"_s,
        7, u"'with'"_s);
    row("inside one-line if", u"revision = 'a'\nif X: revision = 'b'\ndown_revision = None"_s, 5, u"'if'"_s);
    row("for target", u"for revision in ('a',): pass\ndown_revision = None"_s, 4, u"'for'"_s);
    row("name bound in if", u"if X:\n    rev = 'a'\nrevision = rev\ndown_revision = None"_s, 6, u"rev"_s);
    row("function named revision", u"def revision():\n    pass\ndown_revision = None"_s, 4, u"function"_s);
    row("global in function", u"revision = 'a'\ndown_revision = None\ndef f():\n    global down_revision\n    down_revision = 'x'"_s,
        7, u"global"_s);
    row("star import after", u"revision = 'a'\ndown_revision = None\nfrom ids import *"_s, 6, u"import *"_s);
    row("import as", u"revision = 'a'\nimport ids as down_revision"_s, 5, u"imported"_s);
    row("augmented", u"revision = 'a'\nrevision += 'b'\ndown_revision = None"_s, 5, u"+="_s);
    row("list appended", u"revision = 'a'\ndown_revision = ['b']\ndown_revision.append('c')"_s, 6, u"down_revision"_s);
    row("aliased list appended", u"revision = 'a'\nparents = ['b']\ndown_revision = parents\nparents.append('c')"_s,
        6, u"parents"_s);
    row("unpacking", u"revision, down_revision = 'a', None"_s, 4, u"unpacking"_s);
    row("walrus", u"revision = 'a'\ndown_revision = None\nprint(down_revision := 'x')"_s, 6, u":="_s);
    row("del", u"revision = 'a'\ndown_revision = None\ndel revision"_s, 6, u"del"_s);
    row("exec", u"revision = 'a'\ndown_revision = None\nexec('revision = 1')"_s, 6, u"exec"_s);
    row("globals", u"revision = 'a'\ndown_revision = None\ndef f():\n    globals()['revision'] = 'b'"_s, 7, u"globals"_s);
    row("bytes", u"revision = b'a'\ndown_revision = None"_s, 4, u"not a string"_s);
    row("number", u"revision = 1\ndown_revision = None"_s, 4, u"not a string"_s);
    row("None in tuple", u"revision = 'a'\ndown_revision = ('b', None)"_s, 5, u"other than strings"_s);
    row("dict", u"revision = 'a'\ndown_revision = None\nbranch_labels = {'x': 1}"_s, 6, u"dict"_s);
    row("named escape", u"revision = 'a\\N{BULLET}'\ndown_revision = None"_s, 4, u"escape"_s);
    row("starred", u"revision = 'a'\nA = ('b',)\ndown_revision = (*A, 'c')"_s, 6, u"unpacking"_s);
    QString deep = u"revision = 'a'\ndown_revision = "_s + QString(200, u'(') + u"'b'"_s + QString(200, u')');
    row("nested too deeply", deep, 5, u"too deeply"_s);
}

void tst_Alembic::dynamicShapes()
{
    QFETCH(QString, assignments);
    QFETCH(int, line);
    QFETCH(QString, reasonPart);
    const Result<AlembicModule> m = AlembicScript::parse(module(assignments).toUtf8(), kPath);
    QVERIFY2(m, qPrintable(m ? QString() : m.error().toString()));
    QVERIFY(m->dynamic);
    QVERIFY2(m->dynamicReason.contains(reasonPart), qPrintable(m->dynamicReason));
    QCOMPARE(m->dynamicLine, line);
}

void tst_Alembic::scriptErrors_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("no revision") << QByteArray("down_revision = None\n") << u"x_test.py"_s << 1
                                 << u"'revision'"_s;
    QTest::newRow("no down_revision") << QByteArray("\"\"\"m\"\"\"\nrevision = 'a'\n")
                                      << u"x_test.py"_s << 2 << u"'down_revision'"_s;
    QTest::newRow("unterminated string") << QByteArray("revision = 'a\ndown_revision = None\n")
                                         << u"x_test.py"_s << 1 << u"Unterminated"_s;
    QTest::newRow("unterminated triple") << QByteArray("x = 1\n\"\"\"doc\n\nrevision = 'a'\n")
                                         << u"x_test.py"_s << 2 << u"triple-quoted"_s;
    QTest::newRow("unclosed bracket") << QByteArray("revision = 'a'\ndown_revision = (\n 'b',\n")
                                      << u"x_test.py"_s << 2 << u"'('"_s;
    QTest::newRow("invalid utf-8") << QByteArray("revision = 'a'\n# caf\xe9\ndown_revision = None\n")
                                   << u"x_test.py"_s << 2 << u"UTF-8"_s;
    QTest::newRow("bom with latin-1 cookie")
        << QByteArray("\xEF\xBB\xBF# coding: latin-1\nrevision = 'a'\ndown_revision = None\n")
        << u"x_test.py"_s << 1 << u"latin-1"_s;
}

void tst_Alembic::scriptErrors()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, fileName);
    QFETCH(int, line);
    QFETCH(QString, messagePart);
    const QString path = u"/p/versions/"_s + fileName;
    const Result<AlembicModule> m = AlembicScript::parse(source, path);
    QVERIFY(!m);
    QCOMPARE(m.error().kind, Error::Kind::Script);
    QCOMPARE(m.error().file, path);
    QCOMPARE(m.error().line, line);
    QVERIFY2(m.error().message.contains(messagePart), qPrintable(m.error().message));
}

void tst_Alembic::messageIsFirstParagraph_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("id");

    const QByteArray tail = "revision = 'a'\ndown_revision = None\n";
    QTest::newRow("first paragraph") << "\"\"\"Add users\n\nRevision ID: a\n\"\"\"\n" + tail
                                     << u"Add users"_s << u"a"_s;
    QTest::newRow("stripped, two lines") << "\"\"\"\n  Add users\nand more  \n\nRevision\"\"\"\n" + tail
                                         << u"Add users\nand more  "_s << u"a"_s; // as re.split: not stripped again
    QTest::newRow("no docstring") << "import os\n\"\"\"not a docstring\"\"\"\n" + tail << QString() << u"a"_s;
    QTest::newRow("f-string is no docstring") << "f'''x'''\n" + tail << QString() << u"a"_s;
    QTest::newRow("bytes is no docstring") << "b'''x'''\n" + tail << QString() << u"a"_s;
    QTest::newRow("implicit concatenation") << "'Add ' \"users\"\n" + tail << u"Add users"_s << u"a"_s;
    QTest::newRow("crlf") << "\"\"\"Add users\r\n\r\nRevision ID: a\r\n\"\"\"\r\n" + tail
                          << u"Add users"_s << u"a"_s;
    QTest::newRow("bom and cookie") << "\xEF\xBB\xBF# -*- coding: utf-8 -*-\n'''Caf\xc3\xa9'''\n" + tail
                                    << u"Café"_s << u"a"_s;
    QTest::newRow("latin-1 cookie") << "#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\n'''Caf\xe9'''\n" + tail
                                    << u"Café"_s << u"a"_s;
    QTest::newRow("__doc__ reassigned") << "'''old'''\n__doc__ = 'new'\n" + tail << u"new"_s << u"a"_s;
    QTest::newRow("legacy hex file name") << QByteArray("'''old style'''\ndown_revision = None\n")
                                          << u"old style"_s << u"1975ea83"_s;
}

void tst_Alembic::messageIsFirstParagraph()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, message);
    QFETCH(QString, id);
    const Result<AlembicModule> m = AlembicScript::parse(source, u"/p/versions/1975ea83.py"_s);
    QVERIFY2(m, qPrintable(m ? QString() : m.error().toString()));
    QVERIFY2(!m->dynamic, qPrintable(m->dynamicReason));
    QCOMPARE(m->revision.message, message);
    QCOMPARE(m->revision.id, id);
}

void tst_Alembic::revisionIsReversibleAndKeepsSource()
{
    const QByteArray source = module(u"revision = 'a'\ndown_revision = None\nbranch_labels = 'x'\ndepends_on = 'b'"_s).toUtf8();
    const Result<AlembicModule> m = AlembicScript::parse(source, kPath);
    QVERIFY(m);
    QVERIFY(m->revision.downgradeSql.has_value()); // absent would mean irreversible
    QVERIFY(m->revision.downgradeSql->isEmpty());
    QVERIFY(m->revision.upgradeSql.isEmpty());
    QCOMPARE(m->revision.source, source);
    QCOMPARE(m->revision.filePath, kPath);
    QCOMPARE(m->revision.idLine, 4);
    QCOMPARE(m->revision.parentsLine, 5);
    QCOMPARE(m->revision.branchLabelsLine, 6);
    QCOMPARE(m->revision.dependsOnLine, 7);
}

// Whatever the bytes, the reader returns (a value or an error); it never crashes or hangs.
// Mutations of real modules reach the deep paths; the fuzz target does the same at scale.
void tst_Alembic::tokenizerSurvivesHostileInput()
{
    QFile f(QStringLiteral(RETORT_TEST_DATA_DIR "/alembic/fixture/migrations/versions/3f0a5e1c9d2b_merge_features.py"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray seed = f.readAll();
    static const char pieces[][8] = {"(", ")", "[", "]", "'", "\"", "\"\"\"", "\\", "\n", "\r",
                                     ":", "=", ";", "#", " ", "\t", "if ", "def ", "\xff", "r'",
                                     "f'", "*", ",", "+", ":="};
    QRandomGenerator rng(15);
    int errors = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray data = seed;
        const int edits = 1 + int(rng.bounded(8));
        for (int e = 0; e < edits; ++e) {
            const int at = int(rng.bounded(int(data.size()) + 1));
            if (rng.bounded(2) && !data.isEmpty())
                data.remove(std::min<qsizetype>(at, data.size() - 1), 1 + rng.bounded(5));
            else
                data.insert(at, pieces[rng.bounded(int(std::size(pieces)))]);
        }
        const Result<AlembicModule> m = AlembicScript::parse(data, kPath);
        errors += m ? 0 : 1;
        if (!m) // every error names the file and a line
            QVERIFY2(m.error().file == kPath && m.error().line > 0, qPrintable(m.error().toString()));
    }
    QVERIFY(errors > 0); // the mutations did reach the error paths
    const QByteArray deep = "revision = " + QByteArray(100000, '(') + "'a'" + QByteArray(100000, ')')
                            + "\ndown_revision = None\n";
    const Result<AlembicModule> m = AlembicScript::parse(deep, kPath);
    QVERIFY(m && m->dynamic);
}

void tst_Alembic::iniValues_data()
{
    QTest::addColumn<QString>("ini");
    QTest::addColumn<QString>("key"); // field of AlembicConfig to check
    QTest::addColumn<QString>("expected"); // "HERE" stands for the ini's folder

    auto row = [](const char *name, const QString &ini, const QString &key, const QString &expected) {
        QTest::newRow(name) << ini << key << expected;
    };
    const QString sl = u"[alembic]\nscript_location = %(here)s/migrations\n"_s;
    row("here", sl, u"script"_s, u"HERE/migrations"_s);
    row("default versions", sl, u"versions"_s, u"HERE/migrations/versions"_s);
    row("relative script location", u"[alembic]\nscript_location = migrations\n"_s, u"script"_s,
        u"HERE/migrations"_s);
    row("name from section", sl + u"root = %(here)s/db\nsqlalchemy.url = sqlite:///%(root)s/app.db\n"_s,
        u"url"_s, u"sqlite:///HERE/db/app.db"_s);
    row("name from DEFAULT", u"[DEFAULT]\nname = app\n"_s + sl + u"sqlalchemy.url = sqlite:///%(name)s.db\n"_s,
        u"url"_s, u"sqlite:///app.db"_s);
    row("section overrides DEFAULT", u"[DEFAULT]\nname = app\n"_s + sl + u"name = mine\nsqlalchemy.url = %(name)s\n"_s,
        u"url"_s, u"mine"_s);
    row("keys lowercased in refs", sl + u"Root = x\nsqlalchemy.url = %(ROOT)s\n"_s, u"url"_s, u"x"_s);
    row("percent escape", sl + u"file_template = %%(year)d_%%(rev)s_%%(slug)s\n"_s, u"template"_s,
        u"%(year)d_%(rev)s_%(slug)s"_s);
    row("default template", sl, u"template"_s, u"%(rev)s_%(slug)s"_s);
    // Alembic 1.8's own `alembic init` template: the separator keeps its inline comment, which
    // Alembic never reads without version_locations.
    row("template separator line", sl + u"version_path_separator = os  # Use os.pathsep.\n"
                                        "sqlalchemy.url = x\n"_s, u"url"_s, u"x"_s);
    row("colon separator", u"[alembic]\nscript_location: %(here)s/m\nsqlalchemy.url: postgresql://u@h/d\n"_s,
        u"url"_s, u"postgresql://u@h/d"_s);
    row("keys lowercased", u"[alembic]\nScript_Location = %(here)s/m\nSQLAlchemy.URL = x\n"_s, u"url"_s, u"x"_s);
    row("inline comment kept", sl + u"sqlalchemy.url = sqlite:///a.db  # not a comment\n"_s, u"url"_s,
        u"sqlite:///a.db  # not a comment"_s);
    row("comment lines", u"# top\n[alembic]\n; semi\nscript_location = %(here)s/m\n  # indented\nsqlalchemy.url = x\n"_s,
        u"url"_s, u"x"_s);
    row("continuation lines", sl + u"version_path_separator = newline\nversion_locations =\n    %(here)s/a\n    # skipped\n\n    %(here)s/b\n"_s,
        u"versions"_s, u"HERE/a|HERE/b"_s);
    row("separator os", sl + u"version_path_separator = os\nversion_locations = %(here)s/a:%(here)s/b\n"_s,
        u"versions"_s, u"HERE/a|HERE/b"_s);
    row("separator ;", sl + u"version_path_separator = ;\nversion_locations = %(here)s/a b;%(here)s/c\n"_s,
        u"versions"_s, u"HERE/a b|HERE/c"_s);
    row("separator space", sl + u"version_path_separator = space\nversion_locations = %(here)s/a %(here)s/b\n"_s,
        u"versions"_s, u"HERE/a|HERE/b"_s);
    row("legacy split", sl + u"version_locations = %(here)s/a, %(here)s/b %(here)s/c\n"_s,
        u"versions"_s, u"HERE/a|HERE/b|HERE/c"_s);
    row("truncate slug", sl + u"truncate_slug_length = 20\n"_s, u"slug"_s, u"20"_s);
    row("truncate slug default", sl, u"slug"_s, u"40"_s);
    row("truncate slug zero", sl + u"truncate_slug_length = 0\n"_s, u"slug"_s, u"40"_s);
    row("recursive", sl + u"recursive_version_locations = true\n"_s, u"recursive"_s, u"1"_s);
    row("not recursive", sl + u"recursive_version_locations = false\n"_s, u"recursive"_s, u"0"_s);
    row("timezone", sl + u"timezone = UTC\n"_s, u"timezone"_s, u"UTC"_s);
    row("prepend_sys_path", sl + u"prepend_sys_path = .\n"_s, u"syspath"_s, u"."_s);
    row("other section ignored", sl + u"[other]\nsqlalchemy.url = no\n"_s, u"url"_s, QString());
}

void tst_Alembic::iniValues()
{
    QFETCH(QString, ini);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString here = QFileInfo(dir.path()).canonicalFilePath();
    const QString iniPath = here + u"/alembic.ini"_s;
    QVERIFY(writeFile(iniPath, ini.toUtf8()));
    const Result<AlembicConfig> c = AlembicIni::read(iniPath, u"alembic"_s, u"/nonexistent"_s);
    QVERIFY2(c, qPrintable(c ? QString() : c.error().toString()));
    QCOMPARE(c->iniPath, iniPath);
    QString actual;
    if (key == u"script")
        actual = c->scriptLocation;
    else if (key == u"versions")
        actual = c->versionLocations.join(u'|');
    else if (key == u"url")
        actual = c->sqlalchemyUrl;
    else if (key == u"template")
        actual = c->fileTemplate;
    else if (key == u"slug")
        actual = QString::number(c->truncateSlugLength);
    else if (key == u"recursive")
        actual = QString::number(c->recursiveVersionLocations);
    else if (key == u"timezone")
        actual = c->timezone;
    else if (key == u"syspath")
        actual = c->prependSysPath.join(u'|');
    QCOMPARE(actual, QString(expected).replace(u"HERE"_s, here));
}

void tst_Alembic::iniErrors_data()
{
    QTest::addColumn<QString>("ini");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("no section") << u"[other]\nx = 1\n"_s << 0 << u"[alembic]"_s;
    QTest::newRow("no script_location") << u"[alembic]\nsqlalchemy.url = x\n"_s << 0 << u"script_location"_s;
    QTest::newRow("package resource") << u"[alembic]\nscript_location = myapp:migrations\n"_s << 2
                                      << u"package resource"_s;
    QTest::newRow("missing reference") << u"[alembic]\nscript_location = %(nothere)s/m\n"_s << 2
                                       << u"nothere"_s;
    QTest::newRow("lone percent") << u"[alembic]\nscript_location = 100%/m\n"_s << 2 << u"'%%'"_s;
    QTest::newRow("bad separator") << u"[alembic]\nscript_location = m\nversion_path_separator = ,\n"
                                      "version_locations = a,b\n"_s
                                   << 3 << u"version_path_separator"_s;
    QTest::newRow("duplicate key") << u"[alembic]\nscript_location = m\nScript_location = n\n"_s << 3
                                   << u"twice"_s;
    QTest::newRow("duplicate section") << u"[alembic]\nscript_location = m\n[alembic]\n"_s << 3 << u"twice"_s;
    QTest::newRow("text before section") << u"script_location = m\n"_s << 1 << u"section"_s;
    QTest::newRow("no separator") << u"[alembic]\nscript_location\n"_s << 2 << u"key = value"_s;
    QTest::newRow("recursion") << u"[alembic]\na = %(b)s\nb = %(a)s\nscript_location = %(a)s\n"_s << 4
                               << u"levels"_s;
    QTest::newRow("bad slug length") << u"[alembic]\nscript_location = m\ntruncate_slug_length = x\n"_s << 3
                                     << u"truncate_slug_length"_s;
}

void tst_Alembic::iniErrors()
{
    QFETCH(QString, ini);
    QFETCH(int, line);
    QFETCH(QString, messagePart);
    const Result<AlembicConfig> c = AlembicIni::parse(ini, u"/p/alembic.ini"_s);
    QVERIFY(!c);
    QCOMPARE(c.error().kind, Error::Kind::Config);
    QCOMPARE(c.error().file, u"/p/alembic.ini"_s);
    QCOMPARE(c.error().line, line);
    QVERIFY2(c.error().message.contains(messagePart), qPrintable(c.error().message));
}

void tst_Alembic::iniRelativeScriptLocation()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = QFileInfo(dir.path()).canonicalFilePath();
    QVERIFY(QDir().mkpath(root + u"/cwd/migrations"_s));
    QVERIFY(QDir().mkpath(root + u"/proj"_s));
    const QString ini = u"[alembic]\nscript_location = migrations\n"_s;
    // Nothing beside the ini, but the working directory has it: that one.
    Result<AlembicConfig> c = AlembicIni::parse(ini, root + u"/proj/alembic.ini"_s, u"alembic"_s,
                                                root + u"/cwd"_s);
    QVERIFY(c);
    QCOMPARE(c->scriptLocation, root + u"/cwd/migrations"_s);
    // Beside the ini wins.
    QVERIFY(QDir().mkpath(root + u"/proj/migrations"_s));
    c = AlembicIni::parse(ini, root + u"/proj/alembic.ini"_s, u"alembic"_s, root + u"/cwd"_s);
    QVERIFY(c);
    QCOMPARE(c->scriptLocation, root + u"/proj/migrations"_s);
}

void tst_Alembic::iniFindWalksUp()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = QFileInfo(dir.path()).canonicalFilePath();
    QVERIFY(QDir().mkpath(root + u"/a/b/c"_s));
    QVERIFY(writeFile(root + u"/a/alembic.ini"_s, "[alembic]\n"));
    QCOMPARE(AlembicIni::find(root + u"/a/b/c"_s), root + u"/a/alembic.ini"_s);
    QCOMPARE(AlembicIni::find(root + u"/a"_s), root + u"/a/alembic.ini"_s);
    QVERIFY(writeFile(root + u"/a/b/alembic.ini"_s, "[alembic]\n"));
    QCOMPARE(AlembicIni::find(root + u"/a/b/c"_s), root + u"/a/b/alembic.ini"_s);
}

void tst_Alembic::sqlalchemyUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *name, const QString &url, const QString &expected) {
        QTest::newRow(name) << url << expected;
    };
    row("psycopg2", u"postgresql+psycopg2://u:p%40ss@db:5433/app"_s, u"postgresql://u:p%40ss@db:5433/app"_s);
    row("asyncpg", u"postgresql+asyncpg://u@db/app"_s, u"postgresql://u@db/app"_s);
    row("psycopg3", u"postgresql+psycopg://u@db/app"_s, u"postgresql://u@db/app"_s);
    row("pg8000", u"postgresql+pg8000://u@db/app"_s, u"postgresql://u@db/app"_s);
    row("plain postgresql", u"postgresql://u@db/app"_s, u"postgresql://u@db/app"_s);
    row("postgres alias", u"postgres://u@db/app"_s, u"postgresql://u@db/app"_s);
    row("pg socket", u"postgresql+psycopg2://u@/app?host=/var/run/postgresql"_s,
        u"postgresql://u@/app?socket=/var/run/postgresql"_s);
    row("pg sslmode", u"postgresql://u@db/app?sslmode=require&application_name=x"_s,
        u"postgresql://u@db/app?sslmode=require"_s);
    row("pymysql", u"mysql+pymysql://root:pw@127.0.0.1:3307/app?charset=utf8mb4"_s,
        u"mysql://root:pw@127.0.0.1:3307/app"_s);
    row("mysqldb", u"mysql+mysqldb://u@h/app"_s, u"mysql://u@h/app"_s);
    row("mysqlconnector", u"mysql+mysqlconnector://u@h/app"_s, u"mysql://u@h/app"_s);
    row("aiomysql", u"mysql+aiomysql://u@h/app"_s, u"mysql://u@h/app"_s);
    row("mysql socket", u"mysql+pymysql://u@localhost/app?unix_socket=/run/mysqld/mysqld.sock"_s,
        u"mysql://u@localhost/app?socket=/run/mysqld/mysqld.sock"_s);
    row("mariadbconnector", u"mariadb+mariadbconnector://u@h/app"_s, u"mariadb://u@h/app"_s);
    row("mariadb pymysql", u"mariadb+pymysql://u@h/app"_s, u"mariadb://u@h/app"_s);
    row("database literal percent", u"postgresql://u@h/a%b"_s, u"postgresql://u@h/a%25b"_s);
    row("ipv6", u"postgresql://u@[::1]:5432/app"_s, u"postgresql://u@[::1]:5432/app"_s);
    row("sqlite relative", u"sqlite:///app.db"_s, u"sqlite:////work/dir/app.db"_s);
    row("sqlite relative subdir", u"sqlite:///./data/../app.db"_s, u"sqlite:////work/dir/app.db"_s);
    row("pysqlite", u"sqlite+pysqlite:///app.db"_s, u"sqlite:////work/dir/app.db"_s);
    row("aiosqlite absolute", u"sqlite+aiosqlite:////var/db/app.db"_s, u"sqlite:////var/db/app.db"_s);
    row("sqlite memory", u"sqlite://"_s, u"sqlite://"_s);
    row("sqlite memory explicit", u"sqlite:///:memory:"_s, u"sqlite://"_s);
    row("sqlite percent literal", u"sqlite:////tmp/a%20b.db"_s, u"sqlite:////tmp/a%2520b.db"_s);
}

void tst_Alembic::sqlalchemyUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const Result<QString> mapped = SqlAlchemyUrl::toRetortUrl(url, u"/work/dir"_s);
    QVERIFY2(mapped, qPrintable(mapped ? QString() : mapped.error().toString()));
    QCOMPARE(*mapped, expected);
    // Retort's own parser accepts what we made.
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(*mapped);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
}

void tst_Alembic::sqlalchemyUrlErrorsHidePassword()
{
    Result<QString> r = SqlAlchemyUrl::toRetortUrl(u"mssql+pyodbc://sa:s3cret@h/db"_s);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(u"mssql"_s));
    QVERIFY(!r.error().toString().contains(u"s3cret"_s));
    r = SqlAlchemyUrl::toRetortUrl(u"oracle://sa:s3cret@h/db"_s);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(u"oracle"_s));
    r = SqlAlchemyUrl::toRetortUrl(u"postgresql://sa:s3cret@h/db?options=-csearch_path%3Dx"_s);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(u"options"_s));
    QVERIFY(!r.error().toString().contains(u"s3cret"_s));
    r = SqlAlchemyUrl::toRetortUrl(u"not a url with s3cret"_s);
    QVERIFY(!r);
}

void tst_Alembic::directoryRules()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString v = QFileInfo(dir.path()).canonicalFilePath() + u"/versions"_s;
    const QByteArray ok = "revision = 'REV'\ndown_revision = None\n";
    QVERIFY(writeFile(v + u"/b_second.py"_s, QByteArray(ok).replace("REV", "b")));
    QVERIFY(writeFile(v + u"/a_first.py"_s, QByteArray(ok).replace("REV", "a")));
    QVERIFY(writeFile(v + u"/.hidden_third.py"_s, QByteArray(ok).replace("REV", "c")));
    QVERIFY(writeFile(v + u"/__init__.py"_s, "raise RuntimeError\n"));
    QVERIFY(writeFile(v + u"/__init__x.py"_s, "raise RuntimeError\n"));
    QVERIFY(writeFile(v + u"/.#a_first.py"_s, "raise RuntimeError\n"));
    QVERIFY(writeFile(v + u"/notes.txt"_s, "x"));
    QVERIFY(writeFile(v + u"/a_first.pyc"_s, "\x00binary"));
    QVERIFY(writeFile(v + u"/orphan.pyc"_s, "\x00binary")); // ignored without sourceless
    QVERIFY(writeFile(v + u"/__pycache__/gone.cpython-311.pyc"_s, "\x00binary"));
    QVERIFY(writeFile(v + u"/sub/d_nested.py"_s, QByteArray(ok).replace("REV", "d")));
    QVERIFY(QDir().mkpath(v + u"/folder.py"_s));
    AlembicConfig config;
    config.iniPath = dir.path() + u"/alembic.ini"_s;
    config.versionLocations = {v};
    const Result<QList<AlembicModule>> modules = AlembicDirectory::load(config);
    QVERIFY2(modules, qPrintable(modules ? QString() : modules.error().toString()));
    QStringList ids;
    for (const AlembicModule &m : *modules)
        ids << m.revision.id;
    QCOMPARE(ids, (QStringList{u"c"_s, u"a"_s, u"b"_s})); // sorted by file name
    QCOMPARE(modules->at(1).revision.filePath, v + u"/a_first.py"_s);

    // The default versions folder must exist; a written location that does not is skipped.
    config.versionLocations = {v + u"/missing"_s};
    QVERIFY(!AlembicDirectory::load(config));
    config.versionLocationsSet = true;
    const Result<QList<AlembicModule>> none = AlembicDirectory::load(config);
    QVERIFY(none);
    QVERIFY(none->isEmpty());
    // The same location twice: each file once.
    config.versionLocations = {v, v + u"/../versions"_s};
    const Result<QStringList> files = AlembicDirectory::scriptFiles(config);
    QVERIFY(files);
    QCOMPARE(files->size(), 3);
}

void tst_Alembic::directorySourcelessAndRecursive()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString v = QFileInfo(dir.path()).canonicalFilePath() + u"/versions"_s;
    const QByteArray ok = "revision = 'REV'\ndown_revision = None\n";
    QVERIFY(writeFile(v + u"/a_first.py"_s, QByteArray(ok).replace("REV", "a")));
    QVERIFY(writeFile(v + u"/a_first.pyc"_s, "\x00")); // shadowed by its source
    QVERIFY(writeFile(v + u"/b_only.pyc"_s, "\x00"));
    QVERIFY(writeFile(v + u"/b_only.pyo"_s, "\x00"));  // .pyc preferred
    QVERIFY(writeFile(v + u"/c_only.pyo"_s, "\x00"));
    QVERIFY(writeFile(v + u"/__pycache__/a_first.cpython-311.pyc"_s, "\x00")); // stem in folder
    QVERIFY(writeFile(v + u"/__pycache__/e_cached.cpython-311.pyc"_s, "\x00"));
    QVERIFY(writeFile(v + u"/sub/d_nested.py"_s, QByteArray(ok).replace("REV", "d")));
    QVERIFY(writeFile(v + u"/sub/__pycache__/x.cpython-311.pyc"_s, "\x00"));
    AlembicConfig config;
    config.versionLocations = {v};
    config.sourceless = true;
    Result<QStringList> files = AlembicDirectory::scriptFiles(config);
    QVERIFY(files);
    QStringList names;
    for (const QString &f : *files)
        names << QDir(v).relativeFilePath(f);
    QCOMPARE(names, (QStringList{u"a_first.py"_s, u"b_only.pyc"_s, u"c_only.pyo"_s,
                                 u"__pycache__/e_cached.cpython-311.pyc"_s}));
    const Result<QList<AlembicModule>> modules = AlembicDirectory::load(config);
    QVERIFY(modules);
    QVERIFY(!modules->at(0).dynamic);
    QVERIFY(modules->at(1).dynamic); // compiled: only Python reads it

    config.sourceless = false;
    config.recursiveVersionLocations = true;
    files = AlembicDirectory::scriptFiles(config);
    QVERIFY(files);
    names.clear();
    for (const QString &f : *files)
        names << QDir(v).relativeFilePath(f);
    QCOMPARE(names, (QStringList{u"a_first.py"_s, u"sub/d_nested.py"_s}));
}

void tst_Alembic::directoryDuplicateIdNamesBothFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString v = QFileInfo(dir.path()).canonicalFilePath() + u"/versions"_s;
    QVERIFY(writeFile(v + u"/one.py"_s, "revision = 'same'\ndown_revision = None\n"));
    QVERIFY(writeFile(v + u"/two.py"_s, "\n\nrevision = 'same'\ndown_revision = None\n"));
    AlembicConfig config;
    config.versionLocations = {v};
    const Result<QList<AlembicModule>> modules = AlembicDirectory::load(config);
    QVERIFY(!modules);
    QCOMPARE(modules.error().file, v + u"/two.py"_s);
    QCOMPARE(modules.error().line, 3);
    QVERIFY2(modules.error().message.contains(v + u"/one.py"_s), qPrintable(modules.error().message));
    QVERIFY(modules.error().message.contains(u"'same'"_s));
}

// Every field survives the cache: a field added to Revision or AlembicModule but not to the
// cache's format makes this fail (the module below sets every field to a non-default value).
void tst_Alembic::moduleCacheKeepsEveryField()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    qputenv("RETORT_CACHE_DIR", dir.path().toUtf8());
    const auto restore = qScopeGuard([] { qunsetenv("RETORT_CACHE_DIR"); });
    AlembicModule m;
    Revision &r = m.revision;
    r.id = u"abc"_s;
    r.parents = {u"p1"_s, u"p2"_s};
    r.branchLabels = {u"lbl"_s};
    r.dependsOn = {u"dep"_s};
    r.message = u"Message \u00e9"_s;
    r.createDate = u"2026-12-08"_s;
    r.extraHeaders = {{u"K"_s, u"V"_s}};
    r.noTransaction = true;
    r.foreignKeysOff = true;
    r.idLine = 3;
    r.parentsLine = 4;
    r.branchLabelsLine = 5;
    r.dependsOnLine = 6;
    r.upgradeSql = u"up"_s;
    r.upgradeLine = 7;
    r.downgradeSql = u"down"_s;
    r.downgradeLine = 8;
    r.filePath = u"/x/abc.py"_s;
    r.source = "bytes";
    m.dynamic = true;
    m.dynamicReason = u"why"_s;
    m.dynamicLine = 9;
    const QByteArray digest = AlembicModuleCache::digestOf(r.source);
    AlembicModuleCache cache = AlembicModuleCache::open(u"/x/alembic.ini"_s);
    QVERIFY(cache.path().startsWith(dir.path()));
    cache.insert(digest, m);
    cache.save();
    AlembicModuleCache reopened = AlembicModuleCache::open(u"/x/alembic.ini"_s);
    const std::optional<AlembicModule> found = reopened.find(digest, r.filePath, r.source);
    QVERIFY(found);
    QVERIFY(*found == m);
    // No downgrade at all is not an empty downgrade.
    m.revision.downgradeSql.reset();
    cache.insert(digest, m);
    cache.save();
    const std::optional<AlembicModule> none =
        AlembicModuleCache::open(u"/x/alembic.ini"_s).find(digest, r.filePath, r.source);
    QVERIFY(none);
    QVERIFY(!none->revision.downgradeSql.has_value());
    // Another project's cache is another file.
    QVERIFY(!AlembicModuleCache::open(u"/y/alembic.ini"_s).find(digest, r.filePath, r.source));
}

// The cache is keyed by content: an edit that keeps the size and the modification time is
// still seen; a corrupt cache file is ignored; RETORT_CACHE_DIR="" turns the cache off.
void tst_Alembic::moduleCacheFollowsContent()
{
    QTemporaryDir dir;
    QTemporaryDir cacheDir;
    QVERIFY(dir.isValid() && cacheDir.isValid());
    qputenv("RETORT_CACHE_DIR", cacheDir.path().toUtf8());
    const auto restore = qScopeGuard([] { qunsetenv("RETORT_CACHE_DIR"); });
    const QString v = QFileInfo(dir.path()).canonicalFilePath() + u"/versions"_s;
    QVERIFY(writeFile(v + u"/a_first.py"_s, "revision = 'aa'\ndown_revision = None\n"));
    QVERIFY(writeFile(v + u"/b_second.py"_s,
                      "import os\nrevision = os.environ['X']\ndown_revision = 'aa'\n"));
    QVERIFY(QFile::link(v + u"/a_first.py"_s, v + u"/c_link.py"_s)); // the same file twice
    AlembicConfig config;
    config.iniPath = dir.path() + u"/alembic.ini"_s;
    config.versionLocations = {v};
    const Result<QList<AlembicModule>> first = AlembicDirectory::load(config);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
    QCOMPARE(first->size(), 2);
    QVERIFY(first->at(1).dynamic);
    const QString cachePath = AlembicModuleCache::open(config.iniPath).path();
    QVERIFY(QFileInfo::exists(cachePath));
    const Result<QList<AlembicModule>> second = AlembicDirectory::load(config);
    QVERIFY(second);
    QVERIFY(*second == *first);

    // Same size, same modification time, another id.
    QFile a(v + u"/a_first.py"_s);
    const QDateTime modified = QFileInfo(a).lastModified();
    QVERIFY(writeFile(a.fileName(), "revision = 'zz'\ndown_revision = None\n"));
    QVERIFY(a.open(QIODevice::ReadWrite));
    QVERIFY(a.setFileTime(modified, QFileDevice::FileModificationTime));
    a.close();
    const Result<QList<AlembicModule>> edited = AlembicDirectory::load(config);
    QVERIFY(edited);
    QCOMPARE(edited->at(0).revision.id, u"zz"_s);

    QVERIFY(writeFile(cachePath, "RAMC garbage that is not a cache"));
    const Result<QList<AlembicModule>> corrupt = AlembicDirectory::load(config);
    QVERIFY(corrupt);
    QVERIFY(*corrupt == *edited);

    QVERIFY(QFile::remove(cachePath));
    qputenv("RETORT_CACHE_DIR", QByteArray());
    QVERIFY(AlembicDirectory::load(config));
    QVERIFY(!QFileInfo::exists(cachePath));
}

void tst_Alembic::fixtureMatchesAlembic()
{
    const QString ini = QStringLiteral(RETORT_TEST_DATA_DIR "/alembic/fixture/alembic.ini");
    const Result<AlembicConfig> config = AlembicIni::read(ini);
    QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
    QCOMPARE(config->versionLocations.size(), 2);
    const Result<QList<AlembicModule>> modules = AlembicDirectory::load(*config);
    QVERIFY2(modules, qPrintable(modules ? QString() : modules.error().toString()));
    QCOMPARE(modules->size(), 9); // __init__.py and the .# lock file are not revisions
    int dynamic = 0;
    for (const AlembicModule &m : *modules) {
        if (!m.dynamic)
            continue;
        ++dynamic;
        QVERIFY(m.revision.filePath.endsWith(u"d1e2f3a4b5c6_dynamic.py"_s));
        QCOMPARE(m.dynamicLine, 9);
        QVERIFY2(m.dynamicReason.contains(u"'revision'"_s), qPrintable(m.dynamicReason));
    }
    QCOMPARE(dynamic, 1);

    REQUIRE_ALEMBIC();
    QString error;
    const QJsonObject dump = alembicDump(ini, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString mismatch = compareWithAlembic(*modules, dump);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void tst_Alembic::randomProjectsMatchAlembic_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 32; ++seed)
        QTest::newRow(qPrintable(u"seed %1"_s.arg(seed))) << seed;
}

void tst_Alembic::randomProjectsMatchAlembic()
{
    QFETCH(quint32, seed);
    REQUIRE_ALEMBIC();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = QFileInfo(dir.path()).canonicalFilePath();
    QVERIFY(writeFile(root + u"/alembic.ini"_s, "[alembic]\nscript_location = %(here)s/migrations\n"));
    ShapeWriter writer(seed);
    const QList<Revision> revisions = writer.graph();
    for (int i = 0; i < revisions.size(); ++i) {
        const QString name = u"%1/migrations/versions/%2_%3.py"_s.arg(root).arg(i, 3, 10, QLatin1Char('0'))
                                 .arg(revisions[i].id);
        QVERIFY(writeFile(name, writer.file(revisions[i])));
    }
    const Result<AlembicConfig> config = AlembicIni::read(root + u"/alembic.ini"_s);
    QVERIFY(config);
    const Result<QList<AlembicModule>> modules = AlembicDirectory::load(*config);
    QVERIFY2(modules, qPrintable(modules ? QString() : modules.error().toString()));
    for (const AlembicModule &m : *modules)
        QVERIFY2(!m.dynamic, qPrintable(m.revision.filePath + u": "_s + m.dynamicReason));
    QString error;
    const QJsonObject dump = alembicDump(root + u"/alembic.ini"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString mismatch = compareWithAlembic(*modules, dump);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

QTEST_GUILESS_MAIN(tst_Alembic)
#include "tst_alembic.moc"
