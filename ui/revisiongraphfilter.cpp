#include "revisiongraphfilter.h"

#include "revisiongraphmodel.h"

namespace Retort::Ui {

RevisionGraphFilter::RevisionGraphFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void RevisionGraphFilter::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    // Qt 6.4 has no begin/endFilterChange(); invalidateFilter() is its equivalent here.
    m_text = trimmed;
    invalidateFilter();
}

bool RevisionGraphFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto contains = [this](const QString &s) {
        return s.contains(m_text, Qt::CaseInsensitive);
    };
    if (contains(index.data(RevisionGraphModel::IdRole).toString())
        || contains(index.data(RevisionGraphModel::MessageRole).toString())) {
        return true;
    }
    const QStringList labels = index.data(RevisionGraphModel::LabelsRole).toStringList();
    return std::any_of(labels.cbegin(), labels.cend(), contains);
}

} // namespace Retort::Ui
