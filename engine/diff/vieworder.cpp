#include "vieworder.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ops {

namespace {

const Schema::View *viewOf(const Operation &op)
{
    if (const auto *c = std::get_if<CreateView>(&op))
        return &c->view;
    if (const auto *r = std::get_if<ReplaceView>(&op))
        return &r->to;
    if (const auto *d = std::get_if<DropView>(&op))
        return &d->view;
    return nullptr;
}

bool reads(const Schema::View &reader, const Schema::View &read)
{
    if (reader.name.compare(read.name, Qt::CaseInsensitive) == 0)
        return false;
    const QRegularExpression word(u"(?<![\\w$])"_s + QRegularExpression::escape(read.name)
                                      + u"(?![\\w$])"_s,
                                  QRegularExpression::CaseInsensitiveOption);
    return word.match(reader.definition).hasMatch();
}

// Reorders the view operations among themselves (their positions in `ops` stay): an operation goes
// after those it must follow. `follows(a, b)`: a must come after b.
template<typename Follows>
void sortViews(OperationList &ops, const Follows &follows)
{
    QList<qsizetype> positions;
    QList<const Schema::View *> views;
    for (qsizetype i = 0; i < ops.size(); ++i) {
        if (const Schema::View *v = viewOf(ops.at(i))) {
            positions << i;
            views << v;
        }
    }
    const qsizetype n = views.size();
    QList<QList<qsizetype>> before(n); // before[a]: the operations a must follow
    for (qsizetype a = 0; a < n; ++a) {
        for (qsizetype b = 0; b < n; ++b) {
            if (a != b && follows(*views.at(a), *views.at(b)))
                before[a] << b;
        }
    }
    // Kahn's algorithm, always taking the first ready operation in input order; with none ready
    // (a cycle), the first not yet placed.
    QList<bool> placed(n, false);
    QList<qsizetype> order;
    while (order.size() < n) {
        qsizetype next = -1;
        for (qsizetype a = 0; a < n && next < 0; ++a) {
            if (!placed.at(a) && std::all_of(before.at(a).cbegin(), before.at(a).cend(),
                                             [&](qsizetype b) { return placed.at(b); }))
                next = a;
        }
        for (qsizetype a = 0; a < n && next < 0; ++a) {
            if (!placed.at(a))
                next = a;
        }
        placed[next] = true;
        order << next;
    }
    const OperationList original = ops;
    for (qsizetype k = 0; k < n; ++k)
        ops[positions.at(k)] = original.at(positions.at(order.at(k)));
}

} // namespace

void ViewOrder::sortCreates(OperationList &ops)
{
    sortViews(ops, [](const Schema::View &a, const Schema::View &b) { return reads(a, b); });
}

void ViewOrder::sortDrops(OperationList &ops)
{
    sortViews(ops, [](const Schema::View &a, const Schema::View &b) { return reads(b, a); });
}

} // namespace Retort::Ops
