#include "mysqlkeyreader.h"

#include "mysqltypes.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

enum StatisticsColumn { StTable, StIndex, StNonUnique, StSeq, StColumn, StCollation, StSubPart,
                        StType, StExpression };

bool isPlainColumns(const Schema::Index &index)
{
    return std::all_of(index.columns.cbegin(), index.columns.cend(),
                       [](const Schema::IndexColumn &c) {
                           return !c.isExpression() && !c.descending && c.length == 0
                                  && c.collation.isEmpty();
                       });
}

// BTREE is the default of every engine Retort targets; a unique index's HASH is MariaDB's own
// choice for long values (UNIQUE over a BLOB), so it is no user decision either.
QString indexMethod(const QString &indexType, bool unique)
{
    const QString t = indexType.toUpper();
    if (t == u"BTREE"_s || (unique && t == u"HASH"_s))
        return {};
    return t;
}

Schema::IndexColumn indexColumn(const QVariantList &row)
{
    Schema::IndexColumn c;
    c.name = row.at(StColumn).toString();
    if (c.name.isEmpty() && row.size() > StExpression)
        c.expression = row.at(StExpression).toString();
    c.descending = row.at(StCollation).toString() == u"D"_s;
    c.length = row.at(StSubPart).isNull() ? 0 : row.at(StSubPart).toInt();
    return c;
}

void addIndex(Schema::Table &table, const Schema::Index &index)
{
    if (index.name == u"PRIMARY"_s) {
        for (const Schema::IndexColumn &c : index.columns)
            table.primaryKey.columns.append(c.name);
    } else if (index.unique && index.method.isEmpty() && isPlainColumns(index)) {
        Schema::UniqueConstraint u;
        u.name = index.name;
        for (const Schema::IndexColumn &c : index.columns)
            u.columns.append(c.name);
        table.uniqueConstraints.append(u);
    } else {
        table.indexes.append(index);
    }
}

// InnoDB adds an index for a foreign key that no index covers yet, named after the constraint
// (or, for an unnamed one, after its first column), and keeps it when the key is dropped. It is
// the key's, not the user's: leave it out, as Alembic does on MySQL. An index of the same
// columns named like another generated key name (<table>_ibfk_<n>) is one too: it outlived the
// key it was made for when the key was dropped and re-added under a new number.
bool isImplicitForeignKeyIndex(const Schema::Index &index, const QString &table,
                               const QList<Schema::ForeignKey> &fks)
{
    if (index.unique || !index.method.isEmpty() || !isPlainColumns(index))
        return false;
    const QRegularExpression generated(
        u"^"_s + QRegularExpression::escape(table) + u"_ibfk_\\d+$"_s);
    for (const Schema::ForeignKey &fk : fks) {
        if (index.columnNames() == fk.columns
            && (index.name == fk.name || index.name == fk.columns.constFirst()
                || generated.match(index.name).hasMatch()))
            return true;
    }
    return false;
}

void foldJsonColumns(Schema::Table &table)
{
    for (Schema::Column &column : table.columns) {
        if (column.type.normalized != u"LONGTEXT"_s)
            continue;
        const auto check = std::find_if(table.checkConstraints.begin(),
                                        table.checkConstraints.end(),
                                        [&column](const Schema::CheckConstraint &ck) {
                                            return ck.name == column.name
                                                   && MysqlTypes::isJsonValidCheck(ck.expression,
                                                                                   column.name);
                                        });
        if (check == table.checkConstraints.end())
            continue;
        table.checkConstraints.erase(check);
        column.type = MysqlTypes::columnType(u"json"_s);
        if (column.collation == u"utf8mb4_bin"_s)
            column.collation.clear();
    }
}

// Rows grouped by (table, object name) with exact, case-sensitive names (information_schema
// sorts case-insensitively, which would interleave tables `User` and `user`), each group's rows
// ordered by the position column `seq`.
QMap<std::pair<QString, QString>, QList<QVariantList>> groupRows(const QList<QVariantList> &rows,
                                                                int table, int name, int seq)
{
    QMap<std::pair<QString, QString>, QList<QVariantList>> groups;
    for (const QVariantList &row : rows)
        groups[{row.at(table).toString(), row.at(name).toString()}].append(row);
    for (QList<QVariantList> &parts : groups) {
        std::stable_sort(parts.begin(), parts.end(), [seq](const auto &a, const auto &b) {
            return a.at(seq).toInt() < b.at(seq).toInt();
        });
    }
    return groups;
}

template<typename T>
void sortByName(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) { return a.name < b.name; });
}

} // namespace

void MysqlKeyReader::addIndexes(TableMap &tables, const QList<QVariantList> &rows)
{
    const auto groups = groupRows(rows, StTable, StIndex, StSeq);
    for (const auto &[key, parts] : groups.asKeyValueRange()) {
        const auto table = tables.find(key.first);
        if (table == tables.end())
            continue;
        Schema::Index index;
        index.name = key.second;
        index.unique = parts.constFirst().at(StNonUnique).toInt() == 0;
        index.method = indexMethod(parts.constFirst().at(StType).toString(), index.unique);
        for (const QVariantList &row : parts)
            index.columns.append(indexColumn(row));
        addIndex(*table, index);
    }
}

void MysqlKeyReader::addForeignKeys(TableMap &tables, const QList<QVariantList> &keyColumnRows,
                                    const QList<QVariantList> &ruleRows, const QString &schema)
{
    QHash<QString, QVariantList> rules; // "table\nconstraint" -> row
    for (const QVariantList &row : ruleRows)
        rules.insert(row.at(0).toString() + u'\n' + row.at(1).toString(), row);
    const auto groups = groupRows(keyColumnRows, 0, 1, 6);
    for (const auto &[key, parts] : groups.asKeyValueRange()) {
        const auto table = tables.find(key.first);
        if (table == tables.end())
            continue;
        Schema::ForeignKey fk;
        fk.name = key.second;
        const QVariantList &first = parts.constFirst();
        const QString refSchema = first.at(3).toString();
        fk.referencedSchema = refSchema == schema ? QString() : refSchema;
        fk.referencedTable = first.at(4).toString();
        const QVariantList rule = rules.value(key.first + u'\n' + key.second);
        if (rule.size() >= 4) {
            fk.onUpdate = Schema::referentialActionFromSql(rule.at(2).toString());
            fk.onDelete = Schema::referentialActionFromSql(rule.at(3).toString());
        }
        for (const QVariantList &row : parts) {
            fk.columns.append(row.at(2).toString());
            fk.referencedColumns.append(row.at(5).toString());
        }
        table->foreignKeys.append(fk);
    }
}

void MysqlKeyReader::addChecks(TableMap &tables, const QList<QVariantList> &rows)
{
    for (const QVariantList &row : rows) {
        const auto it = tables.find(row.at(0).toString());
        if (it == tables.end())
            continue;
        it->checkConstraints.append({row.at(1).toString(), row.at(2).toString()});
    }
}

void MysqlKeyReader::finish(Schema::Table &table)
{
    foldJsonColumns(table);
    table.indexes.removeIf([&table](const Schema::Index &index) {
        return isImplicitForeignKeyIndex(index, table.name, table.foreignKeys);
    });
    sortByName(table.uniqueConstraints);
    sortByName(table.indexes);
    sortByName(table.foreignKeys);
    sortByName(table.checkConstraints);
}

} // namespace Retort
