#pragma once

#include <engine/core/error.h>
#include <engine/workspace/alembiccomparison.h>
#include <engine/workspace/schemacomparison.h>

#include <QMap>
#include <QStandardItemModel>

#include <utility>

namespace Retort::Ui {

// The pending changes as a tree: one row per table, under it one checkable row per operation of
// the comparison, plus a suggestion row for each possible rename. Keeps which operations are
// ticked and which drop+add column pairs the user turned into a rename; chosenOperations() is the
// list to render (a pair becomes one RenameColumn where the drop was).
//
// An Alembic project's comparison (setAlembicComparison) is shown the same way, with the same
// ticks and pairs, but its operations are Alembic's (Python and offline SQL from the project's
// own Alembic); keptOperations() and chosenRenames() are what Alembic writes.
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
    // Destructive operations come unticked; on a re-comparison, operations already listed keep
    // their tick and pairing.
    void setAlembicComparison(const AlembicComparison &comparison);
    bool isAlembic() const { return m_isAlembic; }
    const AlembicComparison &alembicComparison() const { return m_alembic; }
    const SchemaComparison &comparison() const { return m_comparison; }
    bool hasError() const { return !m_error.message.isEmpty(); }
    const Error &error() const { return m_error; }

    int operationCount() const;
    bool isTicked(int operation) const;
    void setTicked(int operation, bool ticked);
    int tickedCount() const;

    // `drop` a DropColumn and `add` an AddColumn of the same table, neither paired yet.
    bool canPair(int drop, int add) const;
    bool pair(int drop, int add);
    bool unpair(int operation); // either side of a pair
    bool isPaired(int operation) const;
    int pairCount() const { return int(m_pairs.size()); }
    int partnerOf(int operation) const; // -1 when not paired

    // Ticked operations in order, pairs replaced by RenameColumn.
    Ops::OperationList chosenOperations() const;
    // Index of `operation` in chosenOperations(); -1 when it is left out.
    int chosenPosition(int operation) const;
    QStringList chosenTables() const; // tables that the chosen operations touch, in order
    // Alembic: the ticked operations that are not part of a pair, and the ticked pairs
    // (drop, add); what the bridge's `revision` gets as keep and renames.
    QList<int> keptOperations() const;
    QList<std::pair<int, int>> chosenRenames() const;
    // Alembic: the ticked operations in order, a pair as one entry at its drop (-1 add when not
    // a pair), for the Python and SQL previews.
    QList<std::pair<int, int>> chosenEntries() const;
    int destructiveChosenCount() const;

    QModelIndex indexOfOperation(int operation) const;
    static int operationAt(const QModelIndex &index); // -1 for other rows
    static RowKind kindAt(const QModelIndex &index);

signals:
    void chosenChanged();

private:
    void rebuild();
    void addOperationRow(QStandardItem *parent, int operation);
    void addSuggestionRows();
    void addAlembicRow(QStandardItem *parent, int operation);
    void addAlembicSuggestionRows();
    QString tableKeyAt(int operation) const;
    void onItemChanged(QStandardItem *item);

    SchemaComparison m_comparison;
    AlembicComparison m_alembic;
    bool m_isAlembic = false;
    Error m_error;
    QList<bool> m_ticked;
    QMap<int, int> m_pairs; // drop index -> add index
    bool m_building = false;
};

} // namespace Retort::Ui
