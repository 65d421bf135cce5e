#pragma once

#include "linediff.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace Retort::Ui {

// Before and after DDL of the tables a migration touches, side by side, changed lines
// highlighted (removed red on the left, added green on the right, filler rows grey).
class SchemaDiffView : public QWidget
{
    Q_OBJECT
public:
    struct Section
    {
        QString table;
        QString before; // empty: the table does not exist yet
        QString after;  // empty: the table is dropped
    };

    explicit SchemaDiffView(QWidget *parent = nullptr);

    void setSections(const QList<Section> &sections);
    QList<Section> sections() const { return m_sections; }
    QString beforeText() const;
    QString afterText() const;
    int changedRowCount() const { return m_changed; }

private:
    QPlainTextEdit *makeSide();
    void highlight(const QList<LineDiff::Kind> &kinds, const QList<bool> &present);

    QPlainTextEdit *m_before = nullptr;
    QPlainTextEdit *m_after = nullptr;
    QLabel *m_summary = nullptr;
    QList<Section> m_sections;
    int m_changed = 0;
};

} // namespace Retort::Ui
