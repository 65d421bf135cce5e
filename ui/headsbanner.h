#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QPushButton;

namespace Retort::Ui {

// The bar above the graph while the project has several heads (issue #16, point 2): "2 heads:
// merge them?" and a button that asks for the merge. Hidden with one head or none.
class HeadsBanner : public QFrame
{
    Q_OBJECT
public:
    explicit HeadsBanner(QWidget *parent = nullptr);

    void setHeads(const QStringList &heads);
    const QStringList &heads() const { return m_heads; }
    QString text() const;
    QPushButton *mergeButton() const { return m_merge; }

signals:
    void mergeRequested(const QStringList &heads);

private:
    QLabel *m_label = nullptr;
    QPushButton *m_merge = nullptr;
    QStringList m_heads;
};

} // namespace Retort::Ui
