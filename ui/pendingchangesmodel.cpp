#include "pendingchangesmodel.h"

#include "operationicons.h"

#include <QDir>
#include <QHash>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {

// Readable on the palette in use: the light colours on a dark base.
bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

QColor destructiveColor()
{
    return darkPalette() ? QColor(0xef, 0x6c, 0x6c) : QColor(0xc6, 0x28, 0x28);
}

QColor suggestionColor()
{
    return darkPalette() ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1e, 0x63, 0xb8);
}

QString tableKey(const Ops::Operation &op)
{
    const QString table = Ops::tableName(op);
    return table.isEmpty() ? QObject::tr("(views and types)") : table;
}

} // namespace

PendingChangesModel::PendingChangesModel(QObject *parent)
    : QStandardItemModel(parent)
{
    connect(this, &QStandardItemModel::itemChanged, this, &PendingChangesModel::onItemChanged);
}

void PendingChangesModel::setComparison(const SchemaComparison &comparison)
{
    // A re-comparison (the models file saved again) keeps the user's choices for the operations
    // that are still there: left out stays left out, a pair stays paired.
    const Ops::OperationList old = m_comparison.diff.operations;
    const QList<bool> oldTicked = m_ticked;
    const QMap<int, int> oldPairs = m_pairs;
    const Ops::OperationList &ops = comparison.diff.operations;
    m_comparison = comparison;
    m_alembic = AlembicComparison();
    m_isAlembic = false;
    m_error = Error();
    m_ticked = QList<bool>(ops.size(), true);
    m_pairs.clear();
    for (int i = 0; i < ops.size(); ++i) {
        const qsizetype before = old.indexOf(ops.at(i));
        if (before >= 0)
            m_ticked[i] = oldTicked.value(before, true);
    }
    for (auto it = oldPairs.cbegin(); it != oldPairs.cend(); ++it) {
        const int drop = int(ops.indexOf(old.at(it.key())));
        const int add = int(ops.indexOf(old.at(it.value())));
        if (canPair(drop, add))
            m_pairs.insert(drop, add);
    }
    rebuild();
    emit chosenChanged();
}

namespace {

// An operation of Alembic's comparison, recognised again in the next comparison: indexes shift
// when the models change, what the operation does does not.
QString alembicKey(const AlembicOperation &op)
{
    return op.kind + u'\x1f' + op.schema + u'\x1f' + op.table + u'\x1f' + op.name + u'\x1f'
           + op.python;
}

// "add column age", "drop table legacy", "create index ix_user_email".
QString alembicText(const AlembicOperation &op)
{
    QString text = QString(op.kind).replace(u'_', u' ');
    if (!op.name.isEmpty())
        text += u' ' + op.name;
    else if (op.kind.endsWith(u"_table"))
        text += u' ' + op.table;
    return text;
}

} // namespace

void PendingChangesModel::setAlembicComparison(const AlembicComparison &comparison)
{
    QHash<QString, int> before;
    if (m_isAlembic) {
        for (const AlembicOperation &op : m_alembic.operations)
            before.insert(alembicKey(op), op.index);
    }
    const QList<bool> oldTicked = m_ticked;
    const QMap<int, int> oldPairs = m_pairs;
    m_comparison = SchemaComparison();
    m_alembic = comparison;
    m_isAlembic = true;
    m_error = Error();
    m_pairs.clear();
    m_ticked.clear();
    QHash<int, int> newIndexOf; // old index -> new index
    for (int i = 0; i < comparison.operations.size(); ++i) {
        const AlembicOperation &op = comparison.operations.at(i);
        const int old = before.value(alembicKey(op), -1);
        if (old >= 0)
            newIndexOf.insert(old, i);
        // Data loss is opt-in: a destructive operation waits for the user's tick.
        m_ticked << (old >= 0 ? oldTicked.value(old, !op.destructive) : !op.destructive);
    }
    for (auto it = oldPairs.cbegin(); it != oldPairs.cend(); ++it) {
        const int drop = newIndexOf.value(it.key(), -1);
        const int add = newIndexOf.value(it.value(), -1);
        if (canPair(drop, add))
            m_pairs.insert(drop, add);
    }
    rebuild();
    emit chosenChanged();
}

int PendingChangesModel::operationCount() const
{
    return int(m_isAlembic ? m_alembic.operations.size() : m_comparison.diff.operations.size());
}

void PendingChangesModel::setError(const Error &error)
{
    m_comparison = SchemaComparison();
    m_alembic = AlembicComparison();
    m_isAlembic = false;
    m_error = error;
    m_ticked.clear();
    m_pairs.clear();
    rebuild();
    emit chosenChanged();
}

bool PendingChangesModel::isTicked(int operation) const
{
    return operation >= 0 && operation < m_ticked.size() && m_ticked.at(operation);
}

void PendingChangesModel::setTicked(int operation, bool ticked)
{
    if (operation < 0 || operation >= m_ticked.size() || m_ticked.at(operation) == ticked)
        return;
    m_ticked[operation] = ticked;
    if (const int partner = partnerOf(operation); partner >= 0)
        m_ticked[partner] = ticked;
    const int shown = m_pairs.contains(partnerOf(operation)) ? partnerOf(operation) : operation;
    if (QStandardItem *item = itemFromIndex(indexOfOperation(shown))) {
        m_building = true;
        item->setCheckState(ticked ? Qt::Checked : Qt::Unchecked);
        m_building = false;
    }
    emit chosenChanged();
}

int PendingChangesModel::tickedCount() const
{
    int count = 0;
    for (int i = 0; i < m_ticked.size(); ++i) {
        if (m_ticked.at(i) && (m_pairs.contains(i) || !isPaired(i)))
            ++count;
    }
    return count;
}

bool PendingChangesModel::canPair(int drop, int add) const
{
    if (drop < 0 || add < 0 || drop >= operationCount() || add >= operationCount()
        || isPaired(drop) || isPaired(add)) {
        return false;
    }
    if (m_isAlembic) // the bridge rendered every pair it can write
        return m_alembic.rename(drop, add) != nullptr;
    const Ops::OperationList &ops = m_comparison.diff.operations;
    const auto *d = std::get_if<Ops::DropColumn>(&ops.at(drop));
    const auto *a = std::get_if<Ops::AddColumn>(&ops.at(add));
    return d && a && d->table == a->table;
}

bool PendingChangesModel::pair(int drop, int add)
{
    if (!canPair(drop, add))
        return false;
    m_pairs.insert(drop, add);
    const bool ticked = m_ticked.at(drop) || m_ticked.at(add);
    m_ticked[drop] = ticked;
    m_ticked[add] = ticked;
    rebuild();
    emit chosenChanged();
    return true;
}

bool PendingChangesModel::unpair(int operation)
{
    const int drop = m_pairs.contains(operation) ? operation : m_pairs.key(operation, -1);
    if (drop < 0)
        return false;
    m_pairs.remove(drop);
    rebuild();
    emit chosenChanged();
    return true;
}

bool PendingChangesModel::isPaired(int operation) const
{
    return partnerOf(operation) >= 0;
}

int PendingChangesModel::partnerOf(int operation) const
{
    if (const auto it = m_pairs.constFind(operation); it != m_pairs.cend())
        return it.value();
    return m_pairs.key(operation, -1);
}

Ops::OperationList PendingChangesModel::chosenOperations() const
{
    Ops::OperationList chosen;
    const Ops::OperationList &ops = m_comparison.diff.operations;
    for (int i = 0; i < ops.size(); ++i) {
        if (!m_ticked.value(i))
            continue;
        if (const auto it = m_pairs.constFind(i); it != m_pairs.cend()) {
            const auto &drop = std::get<Ops::DropColumn>(ops.at(i));
            const auto &add = std::get<Ops::AddColumn>(ops.at(it.value()));
            chosen.append(Ops::RenameColumn{drop.table, drop.column.name, add.column.name});
        } else if (!isPaired(i)) {
            chosen.append(ops.at(i));
        }
    }
    return chosen;
}

int PendingChangesModel::chosenPosition(int operation) const
{
    if (!isTicked(operation))
        return -1;
    const int drop = m_pairs.key(operation, -1);
    const int target = drop >= 0 ? drop : operation; // a pair sits where its drop was
    int position = 0;
    for (int i = 0; i < target; ++i) {
        if (m_ticked.value(i) && (m_pairs.contains(i) || !isPaired(i)))
            ++position;
    }
    return position;
}

QList<int> PendingChangesModel::keptOperations() const
{
    QList<int> kept;
    for (int i = 0; i < m_ticked.size(); ++i) {
        if (m_ticked.at(i) && !isPaired(i))
            kept << i;
    }
    return kept;
}

QList<std::pair<int, int>> PendingChangesModel::chosenRenames() const
{
    QList<std::pair<int, int>> renames;
    for (auto it = m_pairs.cbegin(); it != m_pairs.cend(); ++it) {
        if (m_ticked.value(it.key()))
            renames << std::pair{it.key(), it.value()};
    }
    return renames;
}

QList<std::pair<int, int>> PendingChangesModel::chosenEntries() const
{
    QList<std::pair<int, int>> entries;
    for (int i = 0; i < m_ticked.size(); ++i) {
        if (!m_ticked.at(i))
            continue;
        if (m_pairs.contains(i))
            entries << std::pair{i, m_pairs.value(i)};
        else if (!isPaired(i))
            entries << std::pair{i, -1};
    }
    return entries;
}

int PendingChangesModel::destructiveChosenCount() const
{
    if (!m_isAlembic) {
        const Ops::OperationList chosen = chosenOperations();
        return int(std::count_if(chosen.cbegin(), chosen.cend(),
                                 [](const Ops::Operation &op) { return Ops::isDestructive(op); }));
    }
    int count = 0;
    for (const auto &[operation, add] : chosenEntries()) {
        if (add < 0 && m_alembic.operations.at(operation).destructive)
            ++count; // a rename keeps the column's data
    }
    return count;
}

QStringList PendingChangesModel::chosenTables() const
{
    QStringList tables;
    if (m_isAlembic)
        return tables; // the schema diff view is Retort's own comparison's
    for (const Ops::Operation &op : chosenOperations()) {
        const QString table = Ops::tableName(op);
        if (!table.isEmpty() && !tables.contains(table))
            tables.append(table);
    }
    return tables;
}

QModelIndex PendingChangesModel::indexOfOperation(int operation) const
{
    const QModelIndexList found = match(index(0, 0), OperationRole, operation, 1,
                                        Qt::MatchExactly | Qt::MatchRecursive);
    for (const QModelIndex &i : found) {
        if (kindAt(i) == RowKind::Operation)
            return i;
    }
    return {};
}

int PendingChangesModel::operationAt(const QModelIndex &index)
{
    if (kindAt(index) != RowKind::Operation)
        return -1;
    return index.data(OperationRole).toInt();
}

PendingChangesModel::RowKind PendingChangesModel::kindAt(const QModelIndex &index)
{
    if (!index.isValid())
        return RowKind::Table;
    return RowKind(index.data(KindRole).toInt());
}

void PendingChangesModel::rebuild()
{
    m_building = true;
    clear();
    if (hasError()) {
        const QString where = m_error.file.isEmpty()
                                  ? QString()
                                  : QDir::toNativeSeparators(QFileInfo(m_error.file).fileName())
                                        + (m_error.line > 0 ? u":%1"_s.arg(m_error.line) : QString())
                                        + u": "_s;
        auto *item = new QStandardItem(OperationIcons::error(), where + m_error.message);
        item->setData(int(RowKind::Error), KindRole);
        item->setData(m_error.file, FileRole);
        item->setData(m_error.line, LineRole);
        item->setForeground(destructiveColor());
        item->setToolTip(m_error.toString());
        item->setEditable(false);
        appendRow(item);
    }
    QMap<QString, QStandardItem *> tables;
    for (int i = 0; i < operationCount(); ++i) {
        if (m_pairs.key(i, -1) >= 0)
            continue; // the add of a pair: shown as the rename on its drop's row
        const QString key = tableKeyAt(i);
        QStandardItem *&table = tables[key];
        if (!table) {
            table = new QStandardItem(OperationIcons::table(), key);
            table->setData(int(RowKind::Table), KindRole);
            table->setEditable(false);
            QFont font = table->font();
            font.setBold(true);
            table->setFont(font);
            appendRow(table);
        }
        if (m_isAlembic)
            addAlembicRow(table, i);
        else
            addOperationRow(table, i);
    }
    if (m_isAlembic)
        addAlembicSuggestionRows();
    else
        addSuggestionRows();
    m_building = false;
}

QString PendingChangesModel::tableKeyAt(int operation) const
{
    if (!m_isAlembic)
        return tableKey(m_comparison.diff.operations.at(operation));
    const AlembicOperation &op = m_alembic.operations.at(operation);
    if (op.table.isEmpty())
        return tr("(other)");
    return op.schema.isEmpty() ? op.table : op.schema + u'.' + op.table;
}

void PendingChangesModel::addAlembicRow(QStandardItem *parent, int operation)
{
    const AlembicOperation &op = m_alembic.operations.at(operation);
    const int add = m_pairs.value(operation, -1);
    QString text = alembicText(op);
    QIcon icon = OperationIcons::forAlembicKind(op.kind);
    if (add >= 0) {
        text = tr("rename column %1 to %2").arg(op.name, m_alembic.operations.at(add).name);
        icon = OperationIcons::forAlembicKind(u"rename_column"_s);
    }
    auto *item = new QStandardItem(icon, text);
    item->setData(int(RowKind::Operation), KindRole);
    item->setData(operation, OperationRole);
    item->setData(partnerOf(operation), PartnerRole);
    item->setCheckable(true);
    item->setEditable(false);
    item->setCheckState(m_ticked.value(operation) ? Qt::Checked : Qt::Unchecked);
    if (add >= 0) {
        item->setToolTip(tr("A dropped and an added column written as one "
                            "op.alter_column(..., new_column_name=...); unpair to undo."));
    } else if (op.destructive) {
        item->setText(tr("%1 (loses data)").arg(text));
        item->setForeground(destructiveColor());
        item->setToolTip(tr("Destructive: %1. Left out unless you tick it.")
                             .arg(op.reason.isEmpty() ? text : op.reason));
    } else {
        item->setToolTip(op.python);
    }
    parent->appendRow(item);
}

// A table that lost exactly one column and gained exactly one: likely a rename, which Alembic
// never detects by itself.
void PendingChangesModel::addAlembicSuggestionRows()
{
    QMap<QString, QList<int>> drops;
    QMap<QString, QList<int>> adds;
    for (const AlembicOperation &op : m_alembic.operations) {
        if (op.isDropColumn())
            drops[tableKeyAt(op.index)] << op.index;
        else if (op.isAddColumn())
            adds[tableKeyAt(op.index)] << op.index;
    }
    for (auto it = drops.cbegin(); it != drops.cend(); ++it) {
        const QList<int> added = adds.value(it.key());
        if (it->size() != 1 || added.size() != 1 || !canPair(it->first(), added.first()))
            continue;
        const int drop = it->first();
        const int add = added.first();
        QStandardItem *parent = itemFromIndex(indexOfOperation(drop).parent());
        if (!parent)
            continue;
        auto *item = new QStandardItem(
            OperationIcons::suggestion(),
            tr("Possible rename of '%1' to '%2': double-click to pair")
                .arg(m_alembic.operations.at(drop).name, m_alembic.operations.at(add).name));
        item->setData(int(RowKind::Suggestion), KindRole);
        item->setData(drop, OperationRole);
        item->setData(add, PartnerRole);
        item->setEditable(false);
        item->setForeground(suggestionColor());
        QFont font = item->font();
        font.setItalic(true);
        item->setFont(font);
        parent->appendRow(item);
    }
}

void PendingChangesModel::addOperationRow(QStandardItem *parent, int operation)
{
    const Ops::OperationList &ops = m_comparison.diff.operations;
    Ops::Operation op = ops.at(operation);
    if (const auto it = m_pairs.constFind(operation); it != m_pairs.cend()) {
        const auto &drop = std::get<Ops::DropColumn>(op);
        const auto &add = std::get<Ops::AddColumn>(ops.at(it.value()));
        op = Ops::RenameColumn{drop.table, drop.column.name, add.column.name};
    }
    QString text = OperationIcons::text(op);
    auto *item = new QStandardItem(OperationIcons::forOperation(op), text);
    item->setData(int(RowKind::Operation), KindRole);
    item->setData(operation, OperationRole);
    item->setData(partnerOf(operation), PartnerRole);
    item->setCheckable(true);
    item->setEditable(false);
    item->setCheckState(m_ticked.value(operation) ? Qt::Checked : Qt::Unchecked);
    if (Ops::isDestructive(op)) {
        item->setText(tr("%1 (loses data)").arg(text));
        item->setForeground(destructiveColor());
        item->setToolTip(tr("Destructive: %1. The data in it is lost on upgrade.").arg(text));
    } else if (isPaired(operation)) {
        item->setToolTip(tr("A dropped and an added column paired as a rename; unpair to undo."));
    }
    parent->appendRow(item);
}

void PendingChangesModel::addSuggestionRows()
{
    const Ops::OperationList &ops = m_comparison.diff.operations;
    for (const Ops::RenameCandidate &candidate : m_comparison.diff.renameCandidates) {
        int drop = -1;
        int add = -1;
        for (int i = 0; i < ops.size(); ++i) {
            if (const auto *d = std::get_if<Ops::DropColumn>(&ops.at(i));
                d && d->table == candidate.table && d->column.name == candidate.from.name) {
                drop = i;
            } else if (const auto *a = std::get_if<Ops::AddColumn>(&ops.at(i));
                       a && a->table == candidate.table && a->column.name == candidate.to.name) {
                add = i;
            }
        }
        if (!canPair(drop, add))
            continue;
        const QModelIndex at = indexOfOperation(drop);
        QStandardItem *parent = itemFromIndex(at.parent());
        if (!parent)
            continue;
        auto *item = new QStandardItem(
            OperationIcons::suggestion(),
            tr("Possible rename of '%1' to '%2': double-click to pair")
                .arg(candidate.from.name, candidate.to.name));
        item->setData(int(RowKind::Suggestion), KindRole);
        item->setData(drop, OperationRole);
        item->setData(add, PartnerRole);
        item->setEditable(false);
        item->setForeground(suggestionColor());
        QFont font = item->font();
        font.setItalic(true);
        item->setFont(font);
        parent->appendRow(item);
    }
}

void PendingChangesModel::onItemChanged(QStandardItem *item)
{
    if (m_building || kindAt(item->index()) != RowKind::Operation)
        return;
    const int operation = item->data(OperationRole).toInt();
    const bool ticked = item->checkState() == Qt::Checked;
    if (m_ticked.value(operation) == ticked)
        return;
    m_ticked[operation] = ticked;
    if (const int partner = partnerOf(operation); partner >= 0)
        m_ticked[partner] = ticked;
    emit chosenChanged();
}

} // namespace Retort::Ui
