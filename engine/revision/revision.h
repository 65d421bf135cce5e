#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Retort {

// One revision file's content as plain data. Produced by RevisionScript, consumed by RevisionGraph.
struct Revision
{
    QString id;                // "Revision ID:"
    QStringList parents;       // "Revises:" (empty: a base; two or more: a merge point)
    QStringList branchLabels;  // "Branch Labels:" as written on this revision
    QStringList dependsOn;     // "Depends On:" as written: ids, prefixes or labels
    QString message;           // first header line
    QString createDate;        // "Create Date:" as written
    QList<QPair<QString, QString>> extraHeaders; // unknown header fields, kept in order
    bool noTransaction = false; // "-- migrate:no-transaction"
    // "-- migrate:foreign-keys-off": SQLite's runner turns foreign keys off before the
    // revision's transaction and checks them before it commits (a table rebuild); no effect on
    // PostgreSQL and MySQL, whose ALTER TABLE changes a table in place.
    bool foreignKeysOff = false;
    // 1-based file lines of the header fields (0: absent or built in memory), so that graph
    // errors (missing parent, dangling depends-on, cycle) can name file:line.
    int idLine = 0;
    int parentsLine = 0;
    int branchLabelsLine = 0;
    int dependsOnLine = 0;

    QString upgradeSql;                  // text after "-- migrate:upgrade"
    int upgradeLine = 0;                 // 1-based file line of upgradeSql's first line
    std::optional<QString> downgradeSql; // absent: irreversible
    int downgradeLine = 0;

    QString filePath; // absolute; empty for revisions built in memory
    // The file's bytes as read. Kept (about 300 bytes a revision) so that the checksum
    // (RevisionScript::checksumOf) is only computed for the revisions that need one: hashing
    // every file of a 10,000-revision project was a fifth of `retort current`.
    QByteArray source;

    bool isBase() const { return parents.isEmpty(); }
    bool isMergePoint() const { return parents.size() > 1; }
    bool operator==(const Revision &) const = default;
};

} // namespace Retort
