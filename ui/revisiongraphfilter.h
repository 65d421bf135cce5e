#pragma once

#include <QSortFilterProxyModel>

namespace Retort::Ui {

// Keeps the revisions whose id, message or a branch label contains the text (case-insensitive).
// While it filters, rows are no longer adjacent, so the view paints nodes without edges.
class RevisionGraphFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RevisionGraphFilter(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    bool isFiltering() const { return !m_text.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace Retort::Ui
