#pragma once

#include <engine/diff/operation.h>

#include <QIcon>

namespace Retort::Ui {

// Small icons drawn in code, one per kind of schema operation: + added/created (green),
// - dropped (red), ~ altered (amber), > renamed (blue), ! raw SQL (grey).
class OperationIcons
{
public:
    static QIcon forOperation(const Ops::Operation &op);
    // For an operation of Alembic's own comparison, by its kind (add_column, drop_table, ...).
    static QIcon forAlembicKind(const QString &kind);
    static QIcon table();
    static QIcon suggestion();
    static QIcon error();
    // describe() without the "Detected " prefix, several changes joined with "; ".
    static QString text(const Ops::Operation &op);

private:
    static QIcon badge(QChar glyph, const QColor &color);
};

} // namespace Retort::Ui
