#pragma once

#include "pythontokenizer.h"
#include "pythonvalue.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace Retort {

// What a module-level name holds once the module has run, as far as reading can tell.
struct PythonBinding
{
    enum class State { Unbound, Literal, Dynamic };

    State state = State::Unbound;
    PythonValue value; // Literal only
    int line = 0;      // 1-based line of the statement that bound it (Dynamic: the cause)
    QString reason;    // Dynamic only: why the value is not known without running Python
};

// Reads which literal values a Python module binds at module level, without running it: the
// statements at column 0 in file order, the last binding winning. A name is Literal when its
// last binding is an assignment (plain, chained or annotated) of a literal built from strings
// (implicit and '+' concatenation), None, numbers, tuples and lists, or of names already bound to
// literals. It is Dynamic, with the reason and line, whenever Python could make it something
// else: a non-literal value (a call, an attribute, an operator, an f-string, an unbound name), a
// binding inside if/try/for/while/with/match at any depth, an import, def or class of that
// name, `del`, an augmented assignment, tuple unpacking, `:=`, a `global` declaration of it in
// a function, `from m import *` after its binding, a list it shares being changed through any
// name holding it, or exec/eval/globals/vars/setattr anywhere in the file. Statements inside
// def and class bodies bind nothing at module level.
//
// "__doc__" is bound to the module docstring (a first statement made only of str literals), or
// to None. Evaluation depth is capped, so no input can exhaust the stack. Pure, any thread.
class PythonLiteralReader
{
public:
    explicit PythonLiteralReader(const QList<PythonLogicalLine> &lines);

    PythonBinding binding(const QString &name) const;

    static constexpr int MaxDepth = 64;

private:
    struct Block
    {
        int indent = 0;
        bool isScope = false; // def or class
        QString keyword;
        int line = 0;
    };
    struct Context
    {
        bool inScope = false;
        QString conditionalKeyword; // empty at module level
        int conditionalLine = 0;
    };
    using Tokens = QList<PythonToken>;

    void readDocstring(const PythonLogicalLine &first);
    bool readHeader(const PythonLogicalLine &line, const Context &context, Block *opened);
    void readStatements(const Tokens &tokens, qsizetype begin, qsizetype end,
                        const Context &context);
    void readSimple(const Tokens &tokens, qsizetype begin, qsizetype end, const Context &context);
    void readImport(const Tokens &tokens, qsizetype begin, qsizetype end, const Context &context);
    void readAssignment(const Tokens &tokens, qsizetype begin, qsizetype end,
                        const Context &context);
    void bindLiteral(const QString &name, const PythonValue &value, int line,
                     const Context &context);
    void bindDynamic(const QString &name, int line, const QString &reason,
                     const Context &context);
    void findMutations(const QList<PythonLogicalLine> &lines);
    bool containsMutatedList(const PythonValue &value, QString *name) const;

    QHash<QString, PythonBinding> m_bindings;
    QHash<int, QSet<QString>> m_listHolders; // list id -> every name ever bound to it
    QHash<QString, int> m_mutatedNames;      // name -> line of `name.` or `name[`
    int m_nextListId = 1;
    QHash<QString, int> m_bindOrders; // name -> m_bindOrder of its last binding
    int m_bindOrder = 0;
    PythonBinding m_starImport; // Dynamic once a `from m import *` ran (the last one)
    int m_starImportOrder = 0;
    PythonBinding m_tamper;     // Dynamic when exec() and friends appear
};

} // namespace Retort
