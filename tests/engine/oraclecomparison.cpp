#include "oraclecomparison.h"

#include <engine/revision/revisiongraph.h>
#include <engine/runner/migrationplanner.h>

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

using namespace Retort;
using namespace Qt::Literals::StringLiterals;

namespace OracleComparison {

namespace {

QStringList strings(const QJsonValue &v)
{
    QStringList result;
    for (const QJsonValue &e : v.toArray())
        result.append(e.toString());
    return result;
}

QJsonArray array(const QStringList &l)
{
    return QJsonArray::fromStringList(l);
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

struct Gen
{
    QRandomGenerator rng;
    QStringList ids;
    QStringList labels;         // per revision, empty if none

    int pick(int n) { return int(rng.bounded(quint32(n))); }
    bool chance(int percent) { return pick(100) < percent; }

    QString newId()
    {
        static const QString hex = u"0123456789abcdef"_s;
        for (;;) {
            QString id = pick(2) ? u"a"_s : u"b"_s;
            const int len = 3 + pick(3);
            for (int k = 0; k < len; ++k)
                id += hex.at(pick(hex.size()));
            if (!ids.contains(id))
                return id;
        }
    }
};

QJsonObject randomRevision(Gen &g, int i)
{
    QJsonObject rev;
    const QString id = g.newId();
    g.ids.append(id);
    QList<int> parents;
    if (i > 0 && !g.chance(12)) {
        parents.append(g.pick(i));
        if (i >= 2 && g.chance(25)) {
            const int other = g.pick(i);
            if (other != parents.first()) // related parents too: Alembic accepts such merges
                parents.append(other);
        }
    }
    QStringList parentIds;
    for (int p : parents)
        parentIds.append(g.ids.at(p));
    g.labels.append(g.chance(18) ? u"lb%1"_s.arg(i) : QString());
    rev[u"id"_s] = id;
    rev[u"parents"_s] = array(parentIds);
    rev[u"labels"_s] = g.labels.last().isEmpty() ? QJsonArray() : array({g.labels.last()});
    QStringList deps;
    for (int k = 0; i > 0 && k < 2 && g.chance(k == 0 ? 14 : 20); ++k) {
        const int dep = g.pick(i);
        const bool byLabel = !g.labels.at(dep).isEmpty() && g.chance(40);
        const QString ref = byLabel ? g.labels.at(dep) : g.ids.at(dep);
        if (!parents.contains(dep) && !deps.contains(ref))
            deps.append(ref);
    }
    if (!deps.isEmpty())
        rev[u"depends_on"_s] = array(deps);
    return rev;
}

QString randomRevisionRef(Gen &g)
{
    const QString id = g.ids.at(g.pick(g.ids.size()));
    return g.chance(25) ? id.left(1 + g.pick(3)) : id;
}

QString randomLabel(Gen &g)
{
    QStringList labels;
    for (const QString &l : std::as_const(g.labels)) {
        if (!l.isEmpty())
            labels.append(l);
    }
    return labels.isEmpty() ? g.ids.first() : labels.at(g.pick(labels.size()));
}

QJsonObject randomCommand(Gen &g)
{
    const QString id = g.ids.at(g.pick(g.ids.size()));
    const int kind = g.pick(10);
    if (kind < 5) {
        const QStringList targets{u"heads"_s, u"head"_s, id, u"+1"_s, u"+2"_s, id + u"+1"_s,
                                  randomLabel(g) + u"@head"_s, randomLabel(g) + u"@+1"_s,
                                  randomRevisionRef(g)};
        return {{u"op"_s, u"upgrade"_s}, {u"target"_s, targets.at(g.pick(targets.size()))}};
    }
    if (kind < 8) {
        const QStringList targets{u"-1"_s, u"-2"_s, id, u"base"_s, randomLabel(g) + u"@base"_s,
                                  id + u"-1"_s, randomLabel(g) + u"@-1"_s, randomRevisionRef(g)};
        return {{u"op"_s, u"downgrade"_s}, {u"target"_s, targets.at(g.pick(targets.size()))}};
    }
    QStringList targets{id};
    if (g.chance(30))
        targets.append(g.ids.at(g.pick(g.ids.size())));
    if (g.chance(15))
        targets = QStringList{g.chance(50) ? u"base"_s : u"heads"_s};
    return {{u"op"_s, u"stamp"_s}, {u"targets"_s, array(targets)}, {u"purge"_s, g.chance(15)}};
}

QJsonArray randomQueries(Gen &g)
{
    QJsonArray q;
    for (const char *op : {"heads", "realheads", "bases", "labels", "history"})
        q.append(QJsonObject{{u"op"_s, QString::fromLatin1(op)}});
    for (int k = 0; k < 3; ++k) {
        const QStringList lowers{g.ids.at(g.pick(g.ids.size())), u"base"_s, QString()};
        const QStringList uppers{g.ids.at(g.pick(g.ids.size())), u"heads"_s, QString()};
        q.append(QJsonObject{{u"op"_s, u"history"_s},
                             {u"range"_s, QString(lowers.at(g.pick(3)) + u':' + uppers.at(g.pick(3)))}});
    }
    for (int k = 0; k < 6; ++k) {
        const QString label = randomLabel(g);
        const QStringList ids{randomRevisionRef(g), u"head"_s, u"heads"_s, u"base"_s,
                              label + u"@head"_s, label + u"@base"_s, label + u"@heads"_s,
                              g.ids.at(g.pick(g.ids.size())) + u"@head"_s, label, u"zzzz"_s};
        q.append(QJsonObject{{u"op"_s, u"resolve"_s}, {u"id"_s, ids.at(g.pick(ids.size()))}});
    }
    for (int k = 0; k < 14; ++k) {
        q.append(randomCommand(g));
        if (g.chance(25))
            q.append(QJsonObject{{u"op"_s, u"current"_s}});
        if (g.chance(20)) {
            q.append(QJsonObject{{u"op"_s, u"history"_s},
                                 {u"range"_s, g.chance(50) ? u"current:"_s : u":current"_s}});
        }
    }
    return q;
}

} // namespace

QJsonObject randomSpec(quint32 seed)
{
    Gen g{QRandomGenerator(seed), {}, {}};
    const int n = 4 + g.pick(g.chance(30) ? 25 : 11);
    QJsonArray revisions;
    for (int i = 0; i < n; ++i)
        revisions.append(randomRevision(g, i));
    return {{u"revisions"_s, revisions}, {u"queries"_s, randomQueries(g)}};
}

QJsonObject crossBranchSpec(quint32 seed)
{
    Gen g{QRandomGenerator(seed ^ 0x9e3779b9u), {}, {}};
    const int branches = 2 + g.pick(3);
    const int n = branches + 3 + g.pick(14);
    QList<QList<int>> members(branches);
    QJsonArray revisions;
    for (int i = 0; i < n; ++i) {
        const int b = i < branches ? i : g.pick(branches);
        const QString id = g.newId();
        g.ids.append(id);
        g.labels.append(i < branches ? u"br%1"_s.arg(b) : QString());
        QStringList parents;
        if (!members.at(b).isEmpty()) {
            // Mostly the branch's newest revision; sometimes an older one (a branch point).
            const QList<int> &m = members.at(b);
            parents.append(g.ids.at(g.chance(80) ? m.last() : m.at(g.pick(m.size()))));
        }
        QStringList deps;
        for (int k = 0; i >= branches && k < 2 && g.chance(k == 0 ? 55 : 25); ++k) {
            const int other = (b + 1 + g.pick(branches - 1)) % branches;
            const QList<int> &m = members.at(other);
            const int dep = m.at(g.pick(m.size()));
            const QString ref = g.labels.at(dep).isEmpty() || g.chance(60) ? g.ids.at(dep)
                                                                             : g.labels.at(dep);
            if (!deps.contains(ref))
                deps.append(ref);
        }
        QJsonObject rev{{u"id"_s, id},
                        {u"parents"_s, array(parents)},
                        {u"labels"_s, g.labels.last().isEmpty() ? QJsonArray()
                                                                : array({g.labels.last()})}};
        if (!deps.isEmpty())
            rev[u"depends_on"_s] = array(deps);
        revisions.append(rev);
        members[b].append(i);
    }
    QJsonArray queries = randomQueries(g);
    // Every graph also answers these, from the base and after reaching each branch's head.
    queries.append(QJsonObject{{u"op"_s, u"downgrade"_s}, {u"target"_s, u"base"_s}});
    for (int b = 0; b < branches; ++b) {
        queries.append(QJsonObject{{u"op"_s, u"upgrade"_s}, {u"target"_s, u"br%1@head"_s.arg(b)}});
        queries.append(QJsonObject{{u"op"_s, u"current"_s}});
    }
    for (const char *target : {"head", "heads", "-1", "base"}) {
        const QString op = QByteArray(target) == "-1" || QByteArray(target) == "base"
                               ? u"downgrade"_s
                               : u"upgrade"_s;
        queries.append(QJsonObject{{u"op"_s, op}, {u"target"_s, QString::fromLatin1(target)}});
        queries.append(QJsonObject{{u"op"_s, u"current"_s}});
    }
    return {{u"revisions"_s, revisions}, {u"queries"_s, queries}};
}

namespace {

QJsonObject failure(const Error &e)
{
    return {{u"ok"_s, false}, {u"error"_s, e.message}};
}

QJsonObject success(const QJsonValue &v)
{
    return {{u"ok"_s, true}, {u"value"_s, v}};
}

QJsonObject planAnswer(const Result<MigrationPlan> &plan, const QStringList &rows)
{
    if (!plan)
        return failure(plan.error());
    QStringList current = plan->purge ? QStringList() : rows;
    QJsonArray steps;
    for (const MigrationStep &s : plan->steps) {
        for (const VersionChange &c : s.versionChanges) {
            current.removeOne(c.from);
            if (!c.to.isEmpty())
                current.append(c.to);
        }
        const QString kind = s.stamp ? u"stamp"_s
                             : s.direction == MigrationStep::Direction::Upgrade ? u"upgrade"_s
                                                                                 : u"downgrade"_s;
        steps.append(QJsonObject{{u"kind"_s, kind},
                                 {u"revision"_s, s.stamp ? QJsonValue() : QJsonValue(s.revision)},
                                 {u"from"_s, array(s.fromRevisions)},
                                 {u"to"_s, array(s.toRevisions)},
                                 {u"rows"_s, array(sorted(current))}});
    }
    if (sorted(current) != sorted(plan->headsAfter))
        return failure(Error(Error::Kind::Internal, u"headsAfter disagrees with the steps"_s));
    return success(QJsonObject{{u"steps"_s, steps}, {u"rows"_s, array(sorted(current))}});
}

QJsonObject idsAnswer(const Result<QStringList> &r)
{
    return r ? success(array(*r)) : failure(r.error());
}

QJsonObject retortAnswer(const RevisionGraph &g, const QJsonObject &q, const QStringList &rows)
{
    const QString op = q.value(u"op"_s).toString();
    if (op == u"heads"_s)
        return success(array(g.heads()));
    if (op == u"realheads"_s)
        return success(array(g.realHeads()));
    if (op == u"bases"_s)
        return success(array(g.bases()));
    if (op == u"labels"_s) {
        QJsonObject labels;
        for (const Revision &r : g.revisions())
            labels[r.id] = array(sorted(g.branchLabels(r.id)));
        return success(labels);
    }
    if (op == u"history"_s)
        return idsAnswer(g.history(q.value(u"range"_s).toString(), rows));
    if (op == u"current"_s) {
        const Result<QStringList> current = g.current(rows);
        return current ? success(array(sorted(*current))) : failure(current.error());
    }
    if (op == u"resolve"_s)
        return idsAnswer(g.resolve(q.value(u"id"_s).toString()));
    if (op == u"upgrade"_s)
        return planAnswer(MigrationPlanner::planUpgrade(g, rows, q.value(u"target"_s).toString()),
                          rows);
    if (op == u"downgrade"_s) {
        return planAnswer(MigrationPlanner::planDowngrade(g, rows, q.value(u"target"_s).toString()),
                          rows);
    }
    return planAnswer(MigrationPlanner::planStamp(g, rows, strings(q.value(u"targets"_s)),
                                                  q.value(u"purge"_s).toBool()),
                      rows);
}

// Alembic words resolution failures differently at its command layer ("Can't locate
// revision ..."), where Retort keeps the precise sentence; those are compared as failures only.
bool alembicCrashed(const QJsonObject &alembic)
{
    static const QStringList crashes{u"AssertionError"_s, u"IndexError"_s, u"KeyError"_s,
                                     u"TypeError"_s, u"AttributeError"_s};
    const QString message = alembic.value(u"error"_s).toString();
    return !alembic.value(u"ok"_s).toBool()
           && std::any_of(crashes.begin(), crashes.end(), [&message](const QString &c) {
                  return message.startsWith(c + u':');
              });
}

// Alembic's own sentences, compared word for word; other failures only as failures.
bool comparableMessage(const QJsonObject &alembic)
{
    const QString message = alembic.value(u"error"_s).toString();
    static const QStringList comparable{u"Multiple head revisions"_s, u"Destination "_s,
                                        u"Relative revision"_s, u"Requested range"_s,
                                        u"Ambiguous"_s};
    if (message.contains(u"('"_s))
        return false; // Alembic prints a Python tuple there (history -r current:...)
    return std::any_of(comparable.begin(), comparable.end(),
                       [&message](const QString &prefix) { return message.startsWith(prefix); });
}

QJsonObject normalized(QJsonObject answer, bool keepMessage)
{
    if (!answer.value(u"ok"_s).toBool()) {
        if (!keepMessage)
            answer[u"error"_s] = u"(failure)"_s;
        answer.remove(u"rows"_s);
        return answer;
    }
    QJsonValue value = answer.value(u"value"_s);
    if (value.isObject() && value.toObject().contains(u"rows"_s)) {
        QJsonObject o = value.toObject();
        o[u"rows"_s] = array(sorted(strings(o.value(u"rows"_s))));
        answer[u"value"_s] = o;
    }
    return answer;
}

// Retort refuses `stamp` of two targets where one is below the other (MigrationPlanner), where
// Alembic writes a version table no command can start from: two rows on one line, or rows
// without the newest target. Accepted only when Alembic's rows are indeed such a table.
bool refusedBrokenStamp(const RevisionGraph &g, const QJsonObject &q, const QJsonObject &ours,
                        const QJsonObject &theirs)
{
    if (q.value(u"op"_s).toString() != u"stamp"_s || ours.value(u"ok"_s).toBool()
        || !ours.value(u"error"_s).toString().startsWith(u"Cannot stamp both "_s)
        || !theirs.value(u"ok"_s).toBool())
        return false;
    QList<int> rows;
    for (const QString &id : strings(theirs.value(u"value"_s).toObject().value(u"rows"_s)))
        rows.append(g.indexOf(id));
    for (int a : rows) {
        for (int b : rows) {
            if (a >= 0 && b >= 0 && a != b && g.reachesDown({a}, b, true))
                return true; // two rows on one line
        }
    }
    QList<int> targets;
    for (const QString &t : strings(q.value(u"targets"_s))) {
        const Result<QStringList> ids = g.resolve(t);
        for (const QString &id : ids ? *ids : QStringList())
            targets.append(g.indexOf(id));
    }
    for (int t : targets) {
        const bool newest = std::none_of(targets.begin(), targets.end(), [&](int o) {
            return o != t && g.reachesDown({o}, t, true);
        });
        if (newest && !rows.contains(t))
            return true; // the newest target is not in the table
    }
    return false;
}

QList<Revision> revisionsOf(const QJsonObject &spec)
{
    QList<Revision> revs;
    for (const QJsonValue &v : spec.value(u"revisions"_s).toArray()) {
        const QJsonObject o = v.toObject();
        Revision r;
        r.id = o.value(u"id"_s).toString();
        r.parents = strings(o.value(u"parents"_s));
        r.branchLabels = strings(o.value(u"labels"_s));
        r.dependsOn = strings(o.value(u"depends_on"_s));
        r.upgradeSql = u"SELECT 1;"_s;
        r.downgradeSql = u"SELECT 2;"_s;
        revs.append(r);
    }
    return revs;
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

QString compare(const QJsonObject &spec, const QJsonArray &oracle)
{
    const Result<RevisionGraph> graph = RevisionGraph::build(revisionsOf(spec));
    if (!graph)
        return u"graph does not build: "_s + graph.error().message;
    const QJsonArray queries = spec.value(u"queries"_s).toArray();
    if (oracle.size() != queries.size())
        return u"oracle gave %1 answers for %2 queries"_s.arg(oracle.size()).arg(queries.size());
    QStringList rows;
    for (int k = 0; k < queries.size(); ++k) {
        const QJsonObject q = queries.at(k).toObject();
        const QJsonObject theirs = oracle.at(k).toObject();
        const QJsonObject ours = retortAnswer(*graph, q, rows);
        if (alembicCrashed(theirs)) {
            // An assertion inside Alembic is no behaviour to copy; Retort answers on its own.
        } else if (refusedBrokenStamp(*graph, q, ours, theirs)) {
            // Retort's refusal before anything runs; the next queries start from Alembic's rows.
        } else if (const bool keepMessage = comparableMessage(theirs);
                   normalized(ours, keepMessage) != normalized(theirs, keepMessage)) {
            if (const QByteArray dump = qgetenv("RETORT_ORACLE_DUMP"); !dump.isEmpty()) {
                QFile f(QString::fromLocal8Bit(dump));
                if (f.open(QIODevice::WriteOnly))
                    f.write(QJsonDocument(spec).toJson());
            }
            return u"query %1 %2 with rows [%3]\n  alembic: %4\n  retort:  %5"_s.arg(k)
                .arg(json(q), rows.join(u", "_s), json(theirs), json(ours));
        }
        const QJsonObject value = theirs.value(u"value"_s).toObject();
        if (theirs.value(u"ok"_s).toBool() && value.contains(u"rows"_s))
            rows = strings(value.value(u"rows"_s));
        else if (theirs.contains(u"rows"_s))
            rows = strings(theirs.value(u"rows"_s));
    }
    return {};
}

} // namespace OracleComparison
