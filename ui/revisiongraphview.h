#pragma once

#include "graphrow.h"

#include <QWidget>

class QKeyEvent;
class QLabel;
class QLineEdit;
class QTreeView;

namespace Retort::Ui {

class RevisionGraphDelegate;
class RevisionGraphFilter;
class RevisionGraphModel;

// The revision graph: a filter box over a uniform-row tree view, newest on top. Only visible
// rows are painted, so 10,000 revisions scroll as smoothly as ten. Ctrl+wheel, Ctrl+= and
// Ctrl+- zoom; Esc clears the filter; the Menu key and Shift+F10 ask for the context menu.
class RevisionGraphView : public QWidget
{
    Q_OBJECT
public:
    explicit RevisionGraphView(QWidget *parent = nullptr);

    void setRows(const QList<GraphRow> &rows);
    RevisionGraphModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    void setCurrentBadge(const QString &text);
    // Shown in the middle of the list while it has no rows (the filter's own "nothing matches"
    // wins while a filter is typed). Empty: nothing shown.
    void setEmptyText(const QString &text);
    QString shownEmptyText() const; // what is on screen now; empty when rows are shown

    QString currentRevision() const;
    QStringList selectedRevisions() const; // newest first
    // Makes `id` current and the only selection; false if it is not in the (filtered) list.
    bool selectRevision(const QString &id);
    // Selects all of `ids` (the first current); false if any is not in the (filtered) list.
    bool selectRevisions(const QStringList &ids);
    // A bar above the filter and the graph (the heads banner); the view takes it.
    void setBanner(QWidget *banner);

    double zoom() const { return m_zoom; }
    void setZoom(double factor);
    void zoomIn() { setZoom(m_zoom * 1.15); }
    void zoomOut() { setZoom(m_zoom / 1.15); }
    void resetZoom() { setZoom(1.0); }

signals:
    void currentRevisionChanged(const QString &id);
    void selectionChanged(const QStringList &ids);
    void contextMenuRequested(const QPoint &globalPos, const QStringList &ids);
    void activated(const QString &id); // double click or Enter

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setUpTree();
    void setUpShortcuts();
    void updateGraphColumnWidth();
    void updateEmptyHint();
    bool handleKey(QKeyEvent *key);
    QString idAt(const QModelIndex &proxyIndex) const;

    RevisionGraphModel *m_model = nullptr;
    RevisionGraphFilter *m_filter = nullptr;
    RevisionGraphDelegate *m_delegate = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_emptyHint = nullptr;
    QString m_emptyText;
    double m_zoom = 1.0;
    double m_basePointSize = 0;
};

} // namespace Retort::Ui
