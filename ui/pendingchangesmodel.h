#pragma once

#include <engine/core/error.h>
#include <engine/workspace/schemacomparison.h>

#include <QMap>
#include <QStandardItemModel>

namespace Retort::Ui {

// The pending changes as a tree: one row per table, under it one checkable row per operation of
// the comparison, plus a suggestion row for each possible rename. Keeps which operations are
// ticked and which drop+add column pairs the user turned into a rename; chosenOperations() is the
// list to render (a pair becomes one RenameColumn where the drop was).
class PendingChangesModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, OperationRole, PartnerRole, FileRole, LineRole };
    enum class RowKind { Table, Operation, Suggestion, Error };

    explicit PendingChangesModel(QObject *parent = nullptr);

    // New operations come ticked; operations already listed keep their tick and pairing.
    void setComparison(const SchemaComparison &comparison);
    // A models error (schema.sql syntax, a failing schema_command) or an unreachable database.
    void setError(const Error &error);
    const SchemaComparison &comparison() const { return m_comparison; }
    bool hasError() const { return !m_error.message.isEmpty(); }
    const Error &error() const { return m_error; }

    int operationCount() const { return int(m_comparison.diff.operations.size()); }
    bool isTicked(int operation) const;
    void setTicked(int operation, bool ticked);
    int tickedCount() const;

    // `drop` a DropColumn and `add` an AddColumn of the same table, neither paired yet.
    bool canPair(int drop, int add) const;
    bool pair(int drop, int add);
    bool unpair(int operation); // either side of a pair
    bool isPaired(int operation) const;
    int partnerOf(int operation) const; // -1 when not paired

    // Ticked operations in order, pairs replaced by RenameColumn.
    Ops::OperationList chosenOperations() const;
    // Index of `operation` in chosenOperations(); -1 when it is left out.
    int chosenPosition(int operation) const;
    QStringList chosenTables() const; // tables that the chosen operations touch, in order

    QModelIndex indexOfOperation(int operation) const;
    static int operationAt(const QModelIndex &index); // -1 for other rows
    static RowKind kindAt(const QModelIndex &index);

signals:
    void chosenChanged();

private:
    void rebuild();
    void addOperationRow(QStandardItem *parent, int operation);
    void addSuggestionRows();
    void onItemChanged(QStandardItem *item);

    SchemaComparison m_comparison;
    Error m_error;
    QList<bool> m_ticked;
    QMap<int, int> m_pairs; // drop index -> add index
    bool m_building = false;
};

} // namespace Retort::Ui
