#include "pythonliteralevaluator.h"

#include <engine/core/enginetr.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

PythonLiteralEvaluator::PythonLiteralEvaluator(const QList<PythonToken> &tokens, qsizetype begin,
                                               qsizetype end, Lookup lookup, int *nextListId)
    : m_tokens(tokens)
    , m_pos(begin)
    , m_end(std::min(end, tokens.size()))
    , m_lookup(std::move(lookup))
    , m_nextListId(nextListId)
{}

std::optional<PythonValue> PythonLiteralEvaluator::fail(const QString &reason)
{
    if (m_reason.isEmpty())
        m_reason = reason;
    return std::nullopt;
}

QString PythonLiteralEvaluator::describeUnexpected() const
{
    if (atEnd())
        return Tr::tr("an incomplete expression");
    const PythonToken &t = current();
    if (t.isOp(u"("))
        return Tr::tr("a function call");
    if (t.isOp(u"."))
        return Tr::tr("an attribute access");
    if (t.isOp(u"["))
        return Tr::tr("a subscript");
    if (t.isName(u"if"))
        return Tr::tr("a conditional expression");
    if (t.kind == PythonToken::Kind::Op)
        return Tr::tr("an expression using '%1'").arg(t.text);
    return Tr::tr("an expression");
}

std::optional<PythonValue> PythonLiteralEvaluator::evaluate(QString *reason)
{
    bool sawComma = false;
    std::optional<PythonValue> value = sequence(0, QString(), &sawComma);
    if (value && !atEnd())
        value = fail(describeUnexpected());
    if (!value) {
        *reason = m_reason.isEmpty() ? Tr::tr("an expression") : m_reason;
        return std::nullopt;
    }
    if (!sawComma)
        return value;
    value->kind = PythonValue::Kind::Tuple;
    return value;
}

// Items separated by commas up to `close` (or the end when close is empty). Returns a Tuple
// holding the items when a comma was seen, else the single item.
std::optional<PythonValue> PythonLiteralEvaluator::sequence(int depth, const QString &close,
                                                            bool *sawComma)
{
    PythonValue tuple;
    tuple.kind = PythonValue::Kind::Tuple;
    auto atClose = [&] { return close.isEmpty() ? atEnd() : atOp(close); };
    while (!atClose()) {
        if (atOp(u"*"))
            return fail(Tr::tr("an unpacking ('*')"));
        std::optional<PythonValue> item = sum(depth + 1);
        if (!item)
            return std::nullopt;
        tuple.items.append(std::move(*item));
        if (atOp(u",")) {
            *sawComma = true;
            ++m_pos;
            continue;
        }
        if (!atClose())
            return fail(describeUnexpected());
    }
    if (*sawComma || tuple.items.isEmpty())
        return tuple;
    return tuple.items.first();
}

std::optional<PythonValue> PythonLiteralEvaluator::sum(int depth)
{
    std::optional<PythonValue> left = atom(depth);
    while (left && atOp(u"+")) {
        ++m_pos;
        std::optional<PythonValue> right = atom(depth);
        if (!right)
            return std::nullopt;
        if (left->kind != right->kind || left->kind == PythonValue::Kind::None
            || left->kind == PythonValue::Kind::Other)
            return fail(Tr::tr("'+' of values of different kinds"));
        left->text += right->text;
        left->items += right->items;
        if (left->kind == PythonValue::Kind::List)
            left->listId = (*m_nextListId)++; // '+' makes a new list
    }
    return left;
}

std::optional<PythonValue> PythonLiteralEvaluator::strings()
{
    PythonValue value;
    bool first = true;
    while (!atEnd() && current().kind == PythonToken::Kind::String) {
        const PythonToken &t = current();
        if (t.isFormat)
            return fail(Tr::tr("an f-string"));
        if (t.undecodable)
            return fail(Tr::tr("an escape sequence read only by Python"));
        const PythonValue::Kind kind = t.isBytes ? PythonValue::Kind::Bytes
                                                 : PythonValue::Kind::Str;
        if (!first && kind != value.kind)
            return fail(Tr::tr("bytes and str literals joined"));
        value.kind = kind;
        value.text += t.value;
        first = false;
        ++m_pos;
    }
    return value;
}

std::optional<PythonValue> PythonLiteralEvaluator::atom(int depth)
{
    if (depth > MaxDepth)
        return fail(Tr::tr("an expression nested too deeply"));
    if (atEnd())
        return fail(Tr::tr("an incomplete expression"));
    const PythonToken &t = current();
    PythonValue value;
    switch (t.kind) {
    case PythonToken::Kind::String:
        return strings();
    case PythonToken::Kind::Number:
        ++m_pos;
        value.kind = PythonValue::Kind::Other;
        value.text = t.text;
        return value;
    case PythonToken::Kind::Name:
        ++m_pos;
        if (t.text == u"None")
            return value;
        if (t.text == u"True" || t.text == u"False") {
            value.kind = PythonValue::Kind::Other;
            value.text = t.text;
            return value;
        } else {
            // A call, attribute or subscript: name it, whatever the name holds.
            if (atOp(u"(") || atOp(u".") || atOp(u"["))
                return fail(describeUnexpected());
            QString reason;
            std::optional<PythonValue> bound = m_lookup(t.text, &reason);
            if (!bound)
                return fail(reason);
            return bound;
        }
    case PythonToken::Kind::Op:
        break;
    }
    if (t.isOp(u"...")) {
        ++m_pos;
        value.kind = PythonValue::Kind::Other;
        value.text = t.text;
        return value;
    }
    if ((t.isOp(u"-") || t.isOp(u"+")) && m_pos + 1 < m_end
        && m_tokens[m_pos + 1].kind == PythonToken::Kind::Number) {
        value.kind = PythonValue::Kind::Other;
        value.text = t.text + m_tokens[m_pos + 1].text;
        m_pos += 2;
        return value;
    }
    if (t.isOp(u"(") || t.isOp(u"[")) {
        const bool isList = t.isOp(u"[");
        ++m_pos;
        bool sawComma = isList; // a list is a list even with one item
        std::optional<PythonValue> inner = sequence(depth + 1, isList ? u"]"_s : u")"_s,
                                                    &sawComma);
        if (!inner)
            return std::nullopt;
        if (!atOp(isList ? u"]" : u")"))
            return fail(describeUnexpected());
        ++m_pos;
        if (isList) {
            inner->kind = PythonValue::Kind::List;
            inner->listId = (*m_nextListId)++;
        }
        return inner;
    }
    if (t.isOp(u"{"))
        return fail(Tr::tr("a dict or set"));
    return fail(describeUnexpected());
}

} // namespace Retort
