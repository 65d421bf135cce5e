#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Retort {

// One operation of Alembic's own autogenerate comparison, as the bridge's `compare` lists it.
// `index` is what a revision's keep list and rename pairs refer to.
struct AlembicOperation
{
    int index = 0;
    QString kind;     // add_table, drop_table, add_column, drop_column, alter_column, ...
    QString table;
    QString schema;
    QString name;     // the column, index or constraint; empty for a table
    bool destructive = false;
    QString reason;   // why it is destructive
    QString python;   // the op.* call Alembic would write (ops of a table in batch mode included)
    QString sql;      // offline SQL for the database's dialect; empty when it cannot render
    QString sqlError; // why it cannot render offline (e.g. a batch operation on SQLite)

    bool isDropColumn() const { return kind == QLatin1String("drop_column"); }
    bool isAddColumn() const { return kind == QLatin1String("add_column"); }
};

// A drop_column and an add_column of one table written as one alter_column(new_column_name=),
// rendered in advance for every such pair so that pairing in the GUI needs no second comparison.
struct AlembicRenamePreview
{
    int drop = -1;
    int add = -1;
    QString python;
    QString sql;
    QString sqlError;
};

// An Alembic project's models against its database, compared by the project's own Alembic
// through env.py (as `alembic check` does; Alembic 1.8 has no `check`). A value.
struct AlembicComparison
{
    bool upToDate = true;  // the database is at the heads; otherwise nothing was compared
    QStringList current;   // the database's revisions
    QStringList heads;     // the scripts' heads
    QString dialect;       // sqlite, postgresql, mysql, ...
    QList<AlembicOperation> operations;
    QList<AlembicRenamePreview> renames;

    // nullptr when `drop`/`add` are not a drop and an add of one table.
    const AlembicRenamePreview *rename(int drop, int add) const;
    // One "Detected ..." line per operation, as `alembic check` words them.
    QStringList describe() const;

    static AlembicComparison fromJson(const QJsonObject &result);
};

// What writing an Alembic revision from a comparison did.
struct AlembicWrittenRevision
{
    QString path;                // empty when nothing was written (no changes, skipEmpty)
    QString revision;
    bool empty = false;          // the migration has no operations
    QStringList addedImports;    // imports Retort added, e.g. "sqlmodel" for AutoString
};

} // namespace Retort
