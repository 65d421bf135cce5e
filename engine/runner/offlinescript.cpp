#include "offlinescript.h"

#include "versiontable.h"

#include <engine/core/enginetr.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// Statements end with ';' on their own line when the last line ends in a comment.
QString terminated(const QString &sql)
{
    const QString lastLine = sql.section(u'\n', -1);
    return sql + (lastLine.contains(u"--"_s) ? u"\n;\n\n"_s : u";\n\n"_s);
}

void applyChange(QStringList &heads, const VersionChange &change)
{
    if (change.kind != VersionChange::Kind::Insert)
        heads.removeAll(change.from);
    if (change.kind != VersionChange::Kind::Delete)
        heads << change.to;
}

class ScriptWriter
{
public:
    ScriptWriter(SqlDialect dialect, const RunOptions &options)
        : m_dialect(dialect)
        , m_table(options.tables.versionTable)
        , m_transactional(dialect != SqlDialect::MySQL)
        , m_whole(m_transactional && !options.transactionPerMigration)
    {}

    void write(const QString &text) { m_out += terminated(text); }
    // A MySQL statement with ';' inside (a trigger or routine body) needs the mysql client's
    // DELIMITER around it.
    void writeStatement(const QString &text)
    {
        if (m_dialect != SqlDialect::MySQL || !text.contains(u';'))
            return write(text);
        m_out += u"DELIMITER //\n\n"_s + text
                 + (text.section(u'\n', -1).contains(u"--"_s) ? u"\n//\n\n"_s : u"//\n\n"_s)
                 + u"DELIMITER ;\n\n"_s;
    }
    void comment(const QString &text) { m_out += u"-- "_s + text + u"\n\n"_s; }

    void step(const PreparedStep &p, QStringList &heads)
    {
        const bool own = m_transactional && !m_whole && !p.noTransaction;
        // SQLite ignores PRAGMA foreign_keys inside a transaction, so it goes before BEGIN (the
        // command's BEGIN when one transaction spans it). The check cannot stop a script; it
        // lists the rows that break a foreign key before the COMMIT.
        const bool foreignKeysOff = p.foreignKeysOff && m_dialect == SqlDialect::SQLite;
        m_foreignKeysOff = m_foreignKeysOff || foreignKeysOff;
        if (own && foreignKeysOff)
            write(u"PRAGMA foreign_keys=OFF"_s);
        if (own)
            write(u"BEGIN"_s);
        if (p.noTransaction && m_whole)
            write(u"COMMIT"_s);
        if (heads.isEmpty())
            write(VersionTable::createSql(m_dialect, m_table));
        comment(u"Running "_s + p.shortLog());
        for (const Statement &s : p.statements)
            writeStatement(s.text);
        if (p.noTransaction && m_whole)
            write(u"BEGIN"_s);
        for (const VersionChange &change : p.step.versionChanges) {
            write(VersionTable::changeSql(m_dialect, m_table, change, true));
            applyChange(heads, change);
        }
        if (own && foreignKeysOff)
            write(u"PRAGMA foreign_key_check"_s);
        if (own)
            write(u"COMMIT"_s);
        if (own && foreignKeysOff)
            write(u"PRAGMA foreign_keys=ON"_s);
    }

    QString finish(const QString &body, const QStringList &heads)
    {
        const bool foreignKeysOff = m_whole && m_foreignKeysOff;
        QString out = foreignKeysOff ? terminated(u"PRAGMA foreign_keys=OFF"_s) : QString();
        out += m_whole ? terminated(u"BEGIN"_s) : QString();
        out += body;
        if (heads.isEmpty())
            out += terminated(VersionTable::dropSql(m_dialect, m_table));
        if (foreignKeysOff)
            out += terminated(u"PRAGMA foreign_key_check"_s);
        if (m_whole)
            out += terminated(u"COMMIT"_s);
        if (foreignKeysOff)
            out += terminated(u"PRAGMA foreign_keys=ON"_s);
        return out;
    }

    QString &body() { return m_out; }

private:
    SqlDialect m_dialect;
    QString m_table;
    bool m_transactional = true;
    bool m_whole = false;
    bool m_foreignKeysOff = false; // some step is a SQLite foreign-keys-off revision
    QString m_out;
};

} // namespace

Result<QString> OfflineScript::render(SqlDialect dialect, const MigrationPlan &plan,
                                      const RevisionLookup &lookup, const RunOptions &options)
{
    return renderSteps(dialect, plan, false, lookup, options);
}

Result<QString> OfflineScript::renderStamp(SqlDialect dialect, const MigrationPlan &plan,
                                           const RevisionLookup &lookup,
                                           const RunOptions &options)
{
    return renderSteps(dialect, plan, true, lookup, options);
}

Result<QString> OfflineScript::renderSteps(SqlDialect dialect, const MigrationPlan &plan,
                                           bool stamping, const RevisionLookup &lookup,
                                           const RunOptions &options)
{
    if (plan.purge) // Alembic's words
        return Error(Error::Kind::Usage, Tr::tr("Can't use --purge with --sql mode"));
    const Result<QList<PreparedStep>> steps =
        PreparedStep::prepareAll(plan, stamping, lookup, options, dialect);
    if (!steps)
        return steps.error();
    ScriptWriter writer(dialect, options);
    QStringList heads = plan.headsBefore;
    for (const PreparedStep &p : *steps)
        writer.step(p, heads);
    return writer.finish(writer.body(), heads);
}

} // namespace Retort
