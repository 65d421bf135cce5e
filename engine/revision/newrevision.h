#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Retort {

// What `retort revision` and `retort merge` ask for (Alembic's revision / merge options).
struct NewRevision
{
    QString message;
    QString revId;              // empty: 12 random hex digits
    QString head = QStringLiteral("head"); // where it goes: a head, LABEL@head, base, or (splice) any revision
    bool splice = false;        // allow a non-head parent: starts a new branch
    QStringList branchLabels;
    QStringList dependsOn;      // ids, prefixes or labels
    QStringList mergeOf;        // merge: the revisions to join (ids, prefixes, labels, "heads")
    QString upgradeSql;
    QString downgradeSql;
    bool noTransaction = false; // "-- migrate:no-transaction"
    // Kinds that compare the models themselves (an Alembic project's own autogenerate) fill the
    // revision from that comparison.
    bool autogenerate = false;
    // With autogenerate on an Alembic project: the indexes of the comparison's operations to
    // keep (unset: all), drop/add index pairs written as one column rename, and whether a
    // migration without operations is written at all (Alembic writes it; the GUI does not).
    std::optional<QList<int>> keepOperations;
    QList<std::pair<int, int>> renameOperations;
    bool writeEmpty = true;
    bool foreignKeysOff = false; // "-- migrate:foreign-keys-off"
    QDateTime createDate;       // invalid: now
};

} // namespace Retort
