#include "pythonliteralreader.h"

#include "pythonliteralevaluator.h"

#include <engine/core/enginetr.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

using Tokens = QList<PythonToken>;

const QStringList &conditionalKeywords()
{
    static const QStringList keywords{u"if"_s, u"elif"_s, u"else"_s, u"try"_s, u"except"_s,
                                      u"finally"_s, u"for"_s, u"while"_s, u"with"_s};
    return keywords;
}

// Index of the first token in [begin, end) outside brackets for which `match` holds; -1 if none.
template<typename Match>
qsizetype findTopLevel(const Tokens &tokens, qsizetype begin, qsizetype end, Match match)
{
    int depth = 0;
    for (qsizetype i = begin; i < end; ++i) {
        const PythonToken &t = tokens[i];
        if (t.kind == PythonToken::Kind::Op) {
            if (t.text == u"(" || t.text == u"[" || t.text == u"{")
                ++depth;
            else if ((t.text == u")" || t.text == u"]" || t.text == u"}") && depth > 0)
                --depth;
        }
        if (depth == 0 && match(t))
            return i;
    }
    return -1;
}

bool isAugmentedOp(const PythonToken &t)
{
    static const QStringList ops{u"+="_s, u"-="_s, u"*="_s, u"/="_s, u"//="_s, u"%="_s,
                                 u"**="_s, u">>="_s, u"<<="_s, u"&="_s, u"|="_s, u"^="_s,
                                 u"@="_s};
    return t.kind == PythonToken::Kind::Op && ops.contains(t.text);
}

bool precededByDot(const Tokens &tokens, qsizetype i)
{
    return i > 0 && tokens[i - 1].isOp(u".");
}

} // namespace

PythonLiteralReader::PythonLiteralReader(const QList<PythonLogicalLine> &lines)
{
    m_bindings.insert(u"__doc__"_s, PythonBinding{PythonBinding::State::Literal, {}, 1, {}});
    if (!lines.isEmpty() && lines.first().indent == 0)
        readDocstring(lines.first());
    findMutations(lines);
    QList<Block> blocks;
    for (const PythonLogicalLine &line : lines) {
        while (!blocks.isEmpty() && line.indent <= blocks.last().indent)
            blocks.removeLast();
        Context context;
        for (const Block &b : blocks) {
            context.inScope = context.inScope || b.isScope;
            if (!b.isScope && context.conditionalKeyword.isEmpty()) {
                context.conditionalKeyword = b.keyword;
                context.conditionalLine = b.line;
            }
        }
        Block opened;
        if (readHeader(line, context, &opened))
            blocks.append(opened);
    }
}

// A module docstring is a first statement made of str literals only (in parentheses or not);
// an f-string or bytes there is no docstring.
void PythonLiteralReader::readDocstring(const PythonLogicalLine &first)
{
    const Tokens &t = first.tokens;
    qsizetype end = findTopLevel(t, 0, t.size(), [](const PythonToken &x) { return x.isOp(u";"); });
    if (end < 0)
        end = t.size();
    qsizetype begin = 0;
    if (end >= 2 && t[0].isOp(u"(") && t[end - 1].isOp(u")")) {
        begin = 1;
        --end;
    }
    if (begin >= end)
        return;
    QString doc;
    for (qsizetype i = begin; i < end; ++i) {
        if (t[i].kind != PythonToken::Kind::String || t[i].isBytes || t[i].isFormat)
            return;
        if (t[i].undecodable) {
            m_bindings[u"__doc__"_s] = {PythonBinding::State::Dynamic, {}, t[i].line,
                                        Tr::tr("the docstring has an escape sequence read only "
                                               "by Python")};
            return;
        }
        doc += t[i].value;
    }
    PythonValue value;
    value.kind = PythonValue::Kind::Str;
    value.text = doc;
    m_bindings[u"__doc__"_s] = {PythonBinding::State::Literal, value, first.line, {}};
}

// Handles a compound statement's header (if, def, ...); returns true when it opens a block on
// the following lines (*opened). Any other line is read as simple statements.
bool PythonLiteralReader::readHeader(const PythonLogicalLine &line, const Context &context,
                                     Block *opened)
{
    const Tokens &t = line.tokens;
    qsizetype k = 0;
    if (t[0].isName(u"async") && t.size() > 1)
        k = 1;
    const QString keyword = t[k].kind == PythonToken::Kind::Name ? t[k].text : QString();
    const bool isScope = keyword == u"def" || keyword == u"class";
    const bool isSoft = (keyword == u"match" || keyword == u"case") && t.last().isOp(u":")
                        && t.size() > k + 2 && !t[k + 1].isOp(u"=") && !t[k + 1].isOp(u".");
    if (!isScope && !isSoft && !conditionalKeywords().contains(keyword)) {
        readStatements(t, 0, t.size(), context);
        return false;
    }
    qsizetype colon = findTopLevel(t, k + 1, t.size(),
                                   [](const PythonToken &x) { return x.isOp(u":"); });
    if (colon < 0)
        colon = t.size();
    // What the header itself binds, in the enclosing context.
    if (isScope && k + 1 < t.size() && t[k + 1].kind == PythonToken::Kind::Name) {
        bindDynamic(t[k + 1].text, line.line,
                    keyword == u"def" ? Tr::tr("it is defined as a function")
                                      : Tr::tr("it is defined as a class"),
                    context);
    } else if (!isScope) {
        // The walrus operator inside a header binds in the enclosing scope too.
        for (qsizetype i = k + 1; i + 1 < colon; ++i)
            if (t[i].kind == PythonToken::Kind::Name && t[i + 1].isOp(u":="))
                bindDynamic(t[i].text, t[i].line, Tr::tr("it is assigned with ':='"), context);
        const qsizetype in = keyword == u"for"
                                 ? findTopLevel(t, k + 1, colon,
                                                [](const PythonToken &x) { return x.isName(u"in"); })
                                 : -1;
        for (qsizetype i = k + 1; i < colon; ++i) {
            const bool forTarget = in > 0 && i < in && t[i].kind == PythonToken::Kind::Name;
            const bool asTarget = t[i].kind == PythonToken::Kind::Name && i > 0
                                  && t[i - 1].isName(u"as");
            const bool caseCapture = keyword == u"case" && t[i].kind == PythonToken::Kind::Name
                                     && !precededByDot(t, i);
            if (forTarget || asTarget || caseCapture)
                bindDynamic(t[i].text, line.line,
                            Tr::tr("it is bound by a '%1' statement").arg(keyword), context);
        }
    }
    Context inner = context;
    inner.inScope = context.inScope || isScope;
    if (!isScope && inner.conditionalKeyword.isEmpty()) {
        inner.conditionalKeyword = keyword;
        inner.conditionalLine = line.line;
    }
    if (colon + 1 < t.size()) { // the body on the header's line: "if x: a = 1"
        readStatements(t, colon + 1, t.size(), inner);
        return false;
    }
    *opened = Block{line.indent, isScope, keyword, line.line};
    return true;
}

void PythonLiteralReader::readStatements(const Tokens &tokens, qsizetype begin, qsizetype end,
                                         const Context &context)
{
    while (begin < end) {
        qsizetype semicolon = findTopLevel(tokens, begin, end,
                                           [](const PythonToken &x) { return x.isOp(u";"); });
        if (semicolon < 0)
            semicolon = end;
        if (semicolon > begin)
            readSimple(tokens, begin, semicolon, context);
        begin = semicolon + 1;
    }
}

void PythonLiteralReader::readSimple(const Tokens &t, qsizetype begin, qsizetype end,
                                     const Context &context)
{
    const PythonToken &first = t[begin];
    if (context.inScope) {
        // Function and class bodies bind locally, except names declared global.
        if (first.isName(u"global"))
            for (qsizetype i = begin + 1; i < end; ++i)
                if (t[i].kind == PythonToken::Kind::Name)
                    bindDynamic(t[i].text, first.line,
                                Tr::tr("a function declares it 'global' and may change it"),
                                Context{});
        return;
    }
    for (qsizetype i = begin; i + 1 < end; ++i)
        if (t[i].kind == PythonToken::Kind::Name && t[i + 1].isOp(u":="))
            bindDynamic(t[i].text, t[i].line, Tr::tr("it is assigned with ':='"), context);
    if (first.isName(u"import") || first.isName(u"from")) {
        readImport(t, begin, end, context);
    } else if (first.isName(u"del")) {
        for (qsizetype i = begin + 1; i < end; ++i)
            if (t[i].kind == PythonToken::Kind::Name && !precededByDot(t, i))
                bindDynamic(t[i].text, first.line, Tr::tr("it is changed by 'del'"), context);
    } else {
        readAssignment(t, begin, end, context);
    }
}

void PythonLiteralReader::readImport(const Tokens &t, qsizetype begin, qsizetype end,
                                     const Context &context)
{
    const int line = t[begin].line;
    qsizetype i = begin + 1;
    if (t[begin].isName(u"from")) {
        while (i < end && !t[i].isName(u"import"))
            ++i;
        ++i;
        if (i < end && t[i].isOp(u"*")) {
            const QString reason = Tr::tr("'from %1 import *' may replace it")
                                       .arg(t[begin + 1].text);
            // Bindings made before it are overridden (see binding()); later ones win.
            m_starImport = {PythonBinding::State::Dynamic, {}, line, reason};
            m_starImportOrder = ++m_bindOrder;
            return;
        }
    }
    // Each item is "a.b.c [as x]" (import) or "a [as x]" (from ... import): the name bound is
    // x, or the first name of the item.
    bool itemStart = true;
    for (; i < end; ++i) {
        const PythonToken &tok = t[i];
        if (tok.isOp(u",")) {
            itemStart = true;
        } else if (tok.kind == PythonToken::Kind::Name && tok.text != u"as"
                   && (itemStart || t[i - 1].isName(u"as"))) {
            bindDynamic(tok.text, line, Tr::tr("it is imported"), context);
            itemStart = false;
        }
    }
}

void PythonLiteralReader::readAssignment(const Tokens &t, qsizetype begin, qsizetype end,
                                         const Context &context)
{
    const qsizetype augmented = findTopLevel(t, begin, end, isAugmentedOp);
    const qsizetype firstEq = findTopLevel(t, begin, end,
                                           [](const PythonToken &x) { return x.isOp(u"="); });
    if (augmented >= 0 && (firstEq < 0 || augmented < firstEq)) {
        if (t[begin].kind == PythonToken::Kind::Name)
            bindDynamic(t[begin].text, t[begin].line,
                        Tr::tr("it is changed by '%1'").arg(t[augmented].text), context);
        return;
    }
    if (firstEq < 0)
        return; // an expression, or a bare annotation "x: int", which binds nothing
    // Targets: "a = b = value", or the annotated "a: T = value".
    QList<QPair<qsizetype, qsizetype>> targets;
    qsizetype valueBegin = begin;
    const qsizetype colon = findTopLevel(t, begin, firstEq,
                                         [](const PythonToken &x) { return x.isOp(u":"); });
    if (colon >= 0) {
        targets.append({begin, colon});
        valueBegin = firstEq + 1;
    } else {
        qsizetype from = begin;
        for (;;) {
            const qsizetype eq = findTopLevel(t, from, end,
                                              [](const PythonToken &x) { return x.isOp(u"="); });
            if (eq < 0)
                break;
            targets.append({from, eq});
            from = eq + 1;
        }
        valueBegin = from;
    }
    QString reason;
    PythonLiteralEvaluator evaluator(
        t, valueBegin, end,
        [this](const QString &name, QString *why) -> std::optional<PythonValue> {
            const PythonBinding b = binding(name);
            if (b.state == PythonBinding::State::Literal)
                return b.value;
            *why = b.state == PythonBinding::State::Unbound
                       ? Tr::tr("'%1' is not bound to a literal in this file").arg(name)
                       : Tr::tr("'%1' is not a literal (line %2: %3)")
                             .arg(name, QString::number(b.line), b.reason);
            return std::nullopt;
        },
        &m_nextListId);
    const std::optional<PythonValue> value = evaluator.evaluate(&reason);
    for (const auto &[from, to] : targets) {
        if (to - from == 1 && t[from].kind == PythonToken::Kind::Name) {
            if (value)
                bindLiteral(t[from].text, *value, t[from].line, context);
            else
                bindDynamic(t[from].text, t[from].line,
                            Tr::tr("its value is %1").arg(reason), context);
            continue;
        }
        // Unpacking "a, b = ...", or "x.y = ..." and "x[0] = ..." which change x.
        for (qsizetype i = from; i < to; ++i)
            if (t[i].kind == PythonToken::Kind::Name && !precededByDot(t, i))
                bindDynamic(t[i].text, t[i].line,
                            Tr::tr("it is the target of an unpacking or item assignment"),
                            context);
    }
}

void PythonLiteralReader::bindLiteral(const QString &name, const PythonValue &value, int line,
                                      const Context &context)
{
    if (context.inScope)
        return;
    if (!context.conditionalKeyword.isEmpty()) {
        bindDynamic(name, line, QString(), context);
        return;
    }
    m_bindings[name] = {PythonBinding::State::Literal, value, line, {}};
    m_bindOrders[name] = ++m_bindOrder;
    QList<const PythonValue *> pending{&value};
    while (!pending.isEmpty()) {
        const PythonValue *v = pending.takeLast();
        if (v->listId)
            m_listHolders[v->listId].insert(name);
        for (const PythonValue &item : v->items)
            pending.append(&item);
    }
}

void PythonLiteralReader::bindDynamic(const QString &name, int line, const QString &reason,
                                      const Context &context)
{
    if (context.inScope)
        return;
    QString why = reason;
    if (!context.conditionalKeyword.isEmpty())
        why = Tr::tr("it is assigned inside an '%1' block (line %2), so its value depends on "
                     "running the file")
                  .arg(context.conditionalKeyword)
                  .arg(context.conditionalLine);
    m_bindings[name] = {PythonBinding::State::Dynamic, {}, line, why};
    m_bindOrders[name] = ++m_bindOrder;
}

// Names that some statement may change in place: `name.append(...)`, `name[0] = ...`. Lists
// are the only mutable literals; strings and tuples cannot be changed this way.
void PythonLiteralReader::findMutations(const QList<PythonLogicalLine> &lines)
{
    static const QStringList tampering{u"exec"_s, u"eval"_s, u"globals"_s, u"vars"_s,
                                       u"setattr"_s, u"locals"_s};
    for (const PythonLogicalLine &line : lines) {
        const Tokens &t = line.tokens;
        for (qsizetype i = 0; i < t.size(); ++i) {
            if (t[i].kind != PythonToken::Kind::Name || precededByDot(t, i))
                continue;
            if (tampering.contains(t[i].text) && m_tamper.state == PythonBinding::State::Unbound)
                m_tamper = {PythonBinding::State::Dynamic, {}, t[i].line,
                            Tr::tr("the file uses '%1', which may set module variables")
                                .arg(t[i].text)};
            if (i + 1 < t.size() && (t[i + 1].isOp(u".") || t[i + 1].isOp(u"[")))
                m_mutatedNames.insert(t[i].text, t[i].line);
        }
    }
}

bool PythonLiteralReader::containsMutatedList(const PythonValue &value, QString *name) const
{
    if (value.listId) {
        for (const QString &holder : m_listHolders.value(value.listId)) {
            if (m_mutatedNames.contains(holder)) {
                *name = holder;
                return true;
            }
        }
    }
    for (const PythonValue &item : value.items)
        if (containsMutatedList(item, name))
            return true;
    return false;
}

PythonBinding PythonLiteralReader::binding(const QString &name) const
{
    if (m_tamper.state == PythonBinding::State::Dynamic)
        return m_tamper;
    const auto it = m_bindings.constFind(name);
    // Unbound, or bound before a star import that may have replaced it.
    if (it == m_bindings.cend() || m_bindOrders.value(name) < m_starImportOrder)
        return m_starImport;
    if (it->state == PythonBinding::State::Literal) {
        QString holder;
        if (containsMutatedList(it->value, &holder))
            return {PythonBinding::State::Dynamic, {}, m_mutatedNames.value(holder),
                    Tr::tr("the list it holds may be changed through '%1'").arg(holder)};
    }
    return *it;
}

} // namespace Retort
