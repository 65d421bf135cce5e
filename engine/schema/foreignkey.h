#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Retort::Schema {

enum class ReferentialAction { NoAction, Restrict, Cascade, SetNull, SetDefault };

QString referentialActionSql(ReferentialAction action); // "NO ACTION", "CASCADE", ...
// Accepts SQL words in any case and PostgreSQL pg_constraint codes; unknown = NoAction.
ReferentialAction referentialActionFromSql(const QString &text);

// A FOREIGN KEY constraint.
struct ForeignKey
{
    QString name; // empty when unnamed (SQLite)
    QStringList columns;
    QString referencedSchema; // empty = same schema/database
    QString referencedTable;
    QStringList referencedColumns; // always filled (SQLite's implicit primary-key target resolved)
    ReferentialAction onDelete = ReferentialAction::NoAction;
    ReferentialAction onUpdate = ReferentialAction::NoAction;
    bool deferrable = false;
    bool initiallyDeferred = false;

    QJsonObject toJson() const;
    bool operator==(const ForeignKey &) const = default;
};

} // namespace Retort::Schema
