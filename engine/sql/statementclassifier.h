#pragma once

#include <QStringView>

namespace Retort {

// What a single statement (as StatementSplitter cuts it) may do, judged from its leading words.
// Conservative where it must be: an unknown statement may break a foreign key. Any thread.
class StatementClassifier
{
public:
    // CREATE TABLE (a new table is empty; CREATE TABLE AS has no constraints), CREATE INDEX, VIEW
    // or TRIGGER cannot leave a row that breaks a foreign key; anything else may. SQLite's
    // foreign_key_check, which reads every table, is skipped after the harmless ones.
    static bool mayBreakForeignKeys(QStringView sql);
    // DROP TABLE/VIEW/SCHEMA/DATABASE/COLUMN, ALTER TABLE ... DROP (a column), TRUNCATE, DELETE
    // FROM: what the GUI names before an upgrade that loses data.
    static bool dropsData(QStringView sql);
    // `sql` without the blanks and comments before its first word; empty when a comment is not
    // closed.
    static QStringView firstWordOnwards(QStringView sql);
};

} // namespace Retort
