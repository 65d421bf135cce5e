#include "sqliteddlparser.h"

#include "sqlitetokenizer.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

using Token = SqliteTokenizer::Token;
using TableDef = SqliteDdlParser::TableDef;

// A token list with its source, and helpers over index ranges [begin, end).
struct Cursor
{
    QString sql;
    QList<Token> tokens;

    bool word(int i, const char16_t *kw) const { return i < tokens.size() && tokens[i].isWord(kw); }
    bool punct(int i, QChar c) const { return i < tokens.size() && tokens[i].isPunct(c); }

    // Index of the ')' matching the '(' at `open` (or `end` when unbalanced).
    int closing(int open, int end) const
    {
        int depth = 0;
        for (int i = open; i < end; ++i) {
            if (tokens[i].isPunct(u'('))
                ++depth;
            else if (tokens[i].isPunct(u')') && --depth == 0)
                return i;
        }
        return end;
    }
    // Source text of tokens [begin, end), as written.
    QString text(int begin, int end) const
    {
        if (begin >= end)
            return {};
        return sql.mid(tokens[begin].start, tokens[end - 1].end - tokens[begin].start);
    }
    // Top-level comma-separated ranges of [begin, end).
    QList<std::pair<int, int>> items(int begin, int end) const
    {
        QList<std::pair<int, int>> out;
        int depth = 0, start = begin;
        for (int i = begin; i < end; ++i) {
            if (tokens[i].isPunct(u'('))
                ++depth;
            else if (tokens[i].isPunct(u')'))
                --depth;
            else if (depth == 0 && tokens[i].isPunct(u',')) {
                out.append({start, i});
                start = i + 1;
            }
        }
        if (start < end)
            out.append({start, end});
        return out;
    }
    // First top-level token at or after `from` that is the word `kw`; -1 if none.
    int findWord(int from, int end, const char16_t *kw) const
    {
        int depth = 0;
        for (int i = from; i < end; ++i) {
            if (tokens[i].isPunct(u'('))
                ++depth;
            else if (tokens[i].isPunct(u')'))
                --depth;
            else if (depth == 0 && tokens[i].isWord(kw))
                return i;
        }
        return -1;
    }
    // Names in "( a, b COLLATE x DESC )" at `open`: the first name of each item.
    QStringList nameList(int open, int *after) const
    {
        const int close = closing(open, tokens.size());
        QStringList names;
        for (const auto &[b, e] : items(open + 1, close)) {
            if (b < e)
                names.append(tokens[b].value);
        }
        *after = close + 1;
        return names;
    }
};

Cursor makeCursor(const QString &sql)
{
    return Cursor{sql, SqliteTokenizer::tokenize(sql)};
}

bool isColumnConstraintStart(const Cursor &c, int i)
{
    static const char16_t *const words[] = {u"CONSTRAINT",
                                            u"PRIMARY",
                                            u"NOT",
                                            u"NULL",
                                            u"UNIQUE",
                                            u"CHECK",
                                            u"DEFAULT",
                                            u"COLLATE",
                                            u"REFERENCES",
                                            u"GENERATED",
                                            u"AS"};
    for (const char16_t *w : words) {
        if (c.word(i, w))
            return true;
    }
    return false;
}

Schema::ReferentialAction action(const Cursor &c, int *i)
{
    auto take = [&](int n) { *i += n; };
    if (c.word(*i, u"SET") && c.word(*i + 1, u"NULL"))
        return take(2), Schema::ReferentialAction::SetNull;
    if (c.word(*i, u"SET") && c.word(*i + 1, u"DEFAULT"))
        return take(2), Schema::ReferentialAction::SetDefault;
    if (c.word(*i, u"CASCADE"))
        return take(1), Schema::ReferentialAction::Cascade;
    if (c.word(*i, u"RESTRICT"))
        return take(1), Schema::ReferentialAction::Restrict;
    if (c.word(*i, u"NO") && c.word(*i + 1, u"ACTION"))
        return take(2), Schema::ReferentialAction::NoAction;
    take(1);
    return Schema::ReferentialAction::NoAction;
}

// "REFERENCES parent [(cols)] [ON DELETE/UPDATE ..] [MATCH x] [[NOT] DEFERRABLE [INITIALLY ..]]"
// starting at the REFERENCES token; returns the index after the clause.
int parseReferences(const Cursor &c, int i, int end, Schema::ForeignKey &fk)
{
    ++i; // REFERENCES
    if (i < end)
        fk.referencedTable = c.tokens[i++].value;
    if (c.punct(i, u'('))
        fk.referencedColumns = c.nameList(i, &i);
    while (i < end) {
        if (c.word(i, u"ON") && c.word(i + 1, u"DELETE")) {
            i += 2;
            fk.onDelete = action(c, &i);
        } else if (c.word(i, u"ON") && c.word(i + 1, u"UPDATE")) {
            i += 2;
            fk.onUpdate = action(c, &i);
        } else if (c.word(i, u"MATCH")) {
            i += 2;
        } else if (c.word(i, u"NOT") && c.word(i + 1, u"DEFERRABLE")) {
            fk.deferrable = false;
            i += 2;
        } else if (c.word(i, u"DEFERRABLE")) {
            fk.deferrable = true;
            ++i;
        } else if (c.word(i, u"INITIALLY")) {
            fk.initiallyDeferred = c.word(i + 1, u"DEFERRED") && fk.deferrable;
            i += 2;
        } else {
            break;
        }
    }
    return i;
}

// One column constraint at `i` (after an optional CONSTRAINT name); returns the next index.
int parseColumnConstraint(const Cursor &c,
                          int i,
                          int end,
                          const QString &name,
                          SqliteDdlParser::ColumnDef &col,
                          TableDef &table)
{
    if (c.word(i, u"PRIMARY")) {
        table.primaryKeyName = name;
        for (i += 2; i < end && !isColumnConstraintStart(c, i); ++i)
            col.autoincrement = col.autoincrement || c.word(i, u"AUTOINCREMENT");
        return i;
    }
    if (c.word(i, u"UNIQUE")) {
        table.uniqueConstraints.append({name, {col.name}, false, false});
        return i + 1;
    }
    if (c.word(i, u"CHECK") && c.punct(i + 1, u'(')) {
        const int close = c.closing(i + 1, end);
        table.checkConstraints.append({name, c.text(i + 2, close)});
        return close + 1;
    }
    if (c.word(i, u"COLLATE") && i + 1 < end) {
        col.collation = c.tokens[i + 1].value;
        return i + 2;
    }
    if (c.word(i, u"REFERENCES")) {
        Schema::ForeignKey fk;
        fk.name = name;
        fk.columns = {col.name};
        i = parseReferences(c, i, end, fk);
        table.foreignKeys.append(fk);
        return i;
    }
    if (c.word(i, u"GENERATED") || c.word(i, u"AS")) {
        const int as = c.word(i, u"AS") ? i : c.findWord(i, end, u"AS");
        if (as < 0 || !c.punct(as + 1, u'('))
            return i + 1;
        const int close = c.closing(as + 1, end);
        col.generationExpression = c.text(as + 2, close);
        col.generated
            = c.word(close + 1, u"STORED") ? Schema::Generated::Stored : Schema::Generated::Virtual;
        return close + (c.word(close + 1, u"STORED") || c.word(close + 1, u"VIRTUAL") ? 2 : 1);
    }
    if (c.word(i, u"DEFAULT")) {
        ++i;
        if (c.punct(i, u'-') || c.punct(i, u'+'))
            ++i;
        return c.punct(i, u'(') ? c.closing(i, end) + 1 : i + 1;
    }
    return i + 1; // NOT NULL, NULL, ON CONFLICT x, ...: nothing to keep
}

void parseColumn(const Cursor &c, int begin, int end, TableDef &table)
{
    SqliteDdlParser::ColumnDef col;
    col.name = c.tokens[begin].value;
    int i = begin + 1;
    const int typeStart = i;
    while (i < end && !isColumnConstraintStart(c, i))
        i = c.punct(i, u'(') ? c.closing(i, end) + 1 : i + 1;
    col.type = c.text(typeStart, std::min(i, end));
    while (i < end) {
        QString name;
        if (c.word(i, u"CONSTRAINT") && i + 1 < end) {
            name = c.tokens[i + 1].value;
            i += 2;
        }
        if (i < end)
            i = parseColumnConstraint(c, i, end, name, col, table);
    }
    table.columns.append(col);
}

void parseTableConstraint(const Cursor &c, int i, int end, TableDef &table)
{
    QString name;
    if (c.word(i, u"CONSTRAINT") && i + 1 < end) {
        name = c.tokens[i + 1].value;
        i += 2;
    }
    if (c.word(i, u"PRIMARY")) {
        table.primaryKeyName = name;
    } else if (c.word(i, u"UNIQUE") && c.punct(i + 1, u'(')) {
        int after = 0;
        table.uniqueConstraints.append({name, c.nameList(i + 1, &after), false, false});
    } else if (c.word(i, u"CHECK") && c.punct(i + 1, u'(')) {
        table.checkConstraints.append({name, c.text(i + 2, c.closing(i + 1, end))});
    } else if (c.word(i, u"FOREIGN") && c.punct(i + 2, u'(')) {
        Schema::ForeignKey fk;
        fk.name = name;
        int after = 0;
        fk.columns = c.nameList(i + 2, &after);
        if (c.word(after, u"REFERENCES"))
            parseReferences(c, after, end, fk);
        table.foreignKeys.append(fk);
    }
}

bool isTableConstraintStart(const Cursor &c, int i)
{
    return c.word(i, u"CONSTRAINT") || c.word(i, u"PRIMARY") || c.word(i, u"UNIQUE")
           || c.word(i, u"CHECK") || c.word(i, u"FOREIGN");
}

} // namespace

SqliteDdlParser::TableDef SqliteDdlParser::parseTable(const QString &sql)
{
    const Cursor c = makeCursor(sql);
    TableDef table;
    table.isVirtual = c.word(1, u"VIRTUAL");
    int open = 0;
    while (open < c.tokens.size() && !c.tokens[open].isPunct(u'(') && !c.word(open, u"AS"))
        ++open;
    if (!c.punct(open, u'('))
        return table;
    table.hasColumnList = true;
    const int close = c.closing(open, c.tokens.size());
    for (const auto &[b, e] : c.items(open + 1, close)) {
        if (b >= e)
            continue;
        if (isTableConstraintStart(c, b))
            parseTableConstraint(c, b, e, table);
        else
            parseColumn(c, b, e, table);
    }
    for (int i = close + 1; i < c.tokens.size(); ++i) {
        table.withoutRowid = table.withoutRowid || c.word(i, u"ROWID");
        table.strict = table.strict || c.word(i, u"STRICT");
    }
    return table;
}

SqliteDdlParser::IndexDef SqliteDdlParser::parseIndex(const QString &sql)
{
    const Cursor c = makeCursor(sql);
    IndexDef index;
    const int on = c.findWord(0, c.tokens.size(), u"ON");
    int open = on < 0 ? c.tokens.size() : on + 1;
    while (open < c.tokens.size() && !c.tokens[open].isPunct(u'('))
        ++open;
    const int close = c.closing(open, c.tokens.size());
    for (auto [b, e] : c.items(open + 1, close)) {
        Schema::IndexColumn col;
        if (e > b && (c.word(e - 1, u"DESC") || c.word(e - 1, u"ASC"))) {
            col.descending = c.word(e - 1, u"DESC");
            --e;
        }
        if (e - b >= 2 && c.word(e - 2, u"COLLATE")) {
            col.collation = c.tokens[e - 1].value;
            e -= 2;
        }
        if (e - b == 1 && c.tokens[b].isName())
            col.name = c.tokens[b].value;
        else
            col.expression = c.text(b, e);
        index.columns.append(col);
    }
    if (c.word(close + 1, u"WHERE")) {
        int end = c.tokens.size();
        while (end > close + 2 && c.punct(end - 1, u';'))
            --end;
        index.where = c.text(close + 2, end);
    }
    return index;
}

QString SqliteDdlParser::viewDefinition(const QString &sql)
{
    const Cursor c = makeCursor(sql);
    const int as = c.findWord(0, c.tokens.size(), u"AS");
    if (as < 0 || as + 1 >= c.tokens.size())
        return {};
    int end = c.tokens.size();
    while (end > as + 1 && c.punct(end - 1, u';'))
        --end;
    return c.text(as + 1, end);
}

} // namespace Retort
