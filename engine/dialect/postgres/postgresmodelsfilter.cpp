#include "postgresmodelsfilter.h"

#include <engine/core/enginetr.h>
#include <engine/dialect/modelsstatement.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

Error otherSchema(const ModelsStatement &s, int token, const QString &schema,
                  const QString &target)
{
    return s.refusal(token, Tr::tr("The models name the schema '%1', which is not the target "
                                    "schema '%2': they run in a scratch schema in place of the "
                                    "target schema and must not reach any other schema.")
                                 .arg(schema, target));
}

bool isTransactionControl(const ModelsStatement &s)
{
    const QString first = s.keyword(0);
    if (first == u"START"_s)
        return s.keyword(1) == u"TRANSACTION"_s;
    const QString second = s.keyword(1);
    const bool bare = s.size() == 1
                      || (s.size() == 2 && (second == u"WORK"_s || second == u"TRANSACTION"_s));
    return bare && (first == u"BEGIN"_s || first == u"COMMIT"_s || first == u"END"_s);
}

// What a statement may leave out on the scratch schema: owners and privileges are not part of
// the compared schema, and their roles need not exist where the models run.
bool isOwnershipOrPrivilege(const ModelsStatement &s, const QString &target)
{
    const QString first = s.keyword(0);
    if (first == u"GRANT"_s || first == u"REVOKE"_s)
        return true;
    if (first == u"ALTER"_s) {
        for (int i = 1; i < s.size(); ++i) {
            if (s.keywordsAt(i, {u"OWNER"_s, u"TO"_s}))
                return true;
        }
        return s.keywordsAt(1, {u"DEFAULT"_s, u"PRIVILEGES"_s});
    }
    // pg_dump's "COMMENT ON SCHEMA public IS ...": the target's own, not the models'.
    return s.keywordsAt(0, {u"COMMENT"_s, u"ON"_s, u"SCHEMA"_s}) && s.identifier(3) == target;
}

// The schema a regclass literal is qualified with ('public.t' -> public, '"My".t' -> My) and
// the offset of the dot after it; dot -1 if the literal is not qualified.
struct Qualifier
{
    QString name;
    qsizetype dot = -1;
};

Qualifier qualifierOf(const QString &literal)
{
    if (!literal.startsWith(u'"')) {
        const qsizetype dot = literal.indexOf(u'.');
        return dot > 0 ? Qualifier{literal.left(dot).toLower(), dot} : Qualifier{};
    }
    for (qsizetype i = 1; i < literal.size(); ++i) {
        if (literal.at(i) != u'"')
            continue;
        if (i + 1 < literal.size() && literal.at(i + 1) == u'"') {
            ++i; // a doubled quote stands for itself
            continue;
        }
        if (i + 1 >= literal.size() || literal.at(i + 1) != u'.')
            return {};
        return Qualifier{literal.mid(1, i - 1).replace(u"\"\""_s, u"\""_s), i + 1};
    }
    return {};
}

// One entry of a search_path: the target, pg_catalog, "$user" and '' leave the scratch path as
// it is (scratch, target).
bool isNeutralPathEntry(const QString &name, const QString &target)
{
    return name.isEmpty() || name == target || name == u"pg_catalog"_s || name == u"$user"_s;
}

// pg_dump -n app writes "CREATE SCHEMA app;": the scratch schema stands in for it.
bool createsTargetSchema(const ModelsStatement &s, const QString &target)
{
    if (!s.keywordsAt(0, {u"CREATE"_s, u"SCHEMA"_s}))
        return false;
    const int name = s.keywordsAt(2, {u"IF"_s, u"NOT"_s, u"EXISTS"_s}) ? 5 : 2;
    if (s.identifier(name) != target || s.keyword(name) == u"AUTHORIZATION"_s)
        return false;
    return s.size() == name + 1
           || (s.size() == name + 3 && s.keyword(name + 1) == u"AUTHORIZATION"_s);
}

struct Edit
{
    qsizetype begin;
    qsizetype end;
    QString text;
};

// The statement without psql's meta-commands ("\\restrict key", which pg_dump 15.14 and later
// writes): a backslash that starts a line outside quotes, to the end of that line. The line
// break stays, so lines keep their numbers.
Result<Statement> withoutMetaCommands(const Statement &statement)
{
    const Result<ModelsStatement> s = ModelsStatement::parse(statement, SqlDialect::PostgreSQL);
    if (!s)
        return s.error();
    Statement out = statement;
    for (int i = s->size() - 1; i >= 0; --i) {
        const ModelsStatement::Token &t = s->tokens().at(i);
        if (!s->isPunctuation(i, u'\\'))
            continue;
        const qsizetype lineStart = statement.text.lastIndexOf(u'\n', t.begin) + 1;
        if (!statement.text.mid(lineStart, t.begin - lineStart).trimmed().isEmpty())
            continue;
        const qsizetype lineEnd = statement.text.indexOf(u'\n', t.begin);
        out.text.remove(t.begin, (lineEnd < 0 ? statement.text.size() : lineEnd) - t.begin);
    }
    while (!out.text.isEmpty() && out.text.front().isSpace()) {
        if (out.text.front() == u'\n')
            ++out.line;
        out.text.remove(0, 1);
    }
    return out;
}

} // namespace

Result<std::optional<QString>> PostgresModelsFilter::prepare(const Statement &statement,
                                                             const QString &targetSchema,
                                                             const QStringList &otherSchemas)
{
    const Result<Statement> plain = withoutMetaCommands(statement);
    if (!plain)
        return plain.error();
    const Result<ModelsStatement> s = ModelsStatement::parse(*plain, SqlDialect::PostgreSQL);
    if (!s)
        return s.error();
    // The scratch transaction is ours: a COMMIT would leave the scratch schema behind.
    if (s->size() == 0 || isTransactionControl(*s) || isOwnershipOrPrivilege(*s, targetSchema)
        || createsTargetSchema(*s, targetSchema))
        return std::optional<QString>();
    const Result<bool> neutral = isNeutralSetting(*s, targetSchema);
    if (!neutral)
        return neutral.error();
    if (*neutral)
        return std::optional<QString>();
    if (Result<> r = checkKind(*s, targetSchema); !r)
        return r.error();
    Result<QString> text = unqualified(*s, targetSchema, otherSchemas);
    if (!text)
        return text.error();
    return std::optional<QString>(*text);
}

// search_path settings: true if the statement only names the target schema (it is then left
// out), an error if it names another one, false if it sets no search_path.
Result<bool> PostgresModelsFilter::isNeutralSetting(const ModelsStatement &s,
                                                    const QString &target)
{
    QList<QPair<QString, int>> entries; // name, token
    const QString first = s.keyword(0);
    if (first == u"RESET"_s) {
        const QString what = s.identifier(1);
        return s.size() == 2 && (what == u"search_path"_s || what == u"all"_s);
    }
    if (first == u"SET"_s) {
        int i = 1;
        if (s.keyword(i) == u"SESSION"_s || s.keyword(i) == u"LOCAL"_s)
            ++i;
        if (s.identifier(i) != u"search_path"_s)
            return false;
        for (i += 2; i < s.size(); ++i) { // past TO or '='
            if (s.isPunctuation(i, u','))
                continue;
            const QString name = s.tokens().at(i).kind == SqlLexer::TokenKind::String
                                     ? s.stringValue(i)
                                     : s.identifier(i);
            if (s.keyword(i) != u"DEFAULT"_s)
                entries << qMakePair(name, i);
        }
    } else if (first == u"SELECT"_s) {
        // pg_dump: SELECT pg_catalog.set_config('search_path', '', false);
        int i = 1;
        if (s.identifier(i) == u"pg_catalog"_s && s.isPunctuation(i + 1, u'.'))
            i += 2;
        if (s.identifier(i) != u"set_config"_s || !s.isPunctuation(i + 1, u'(')
            || s.stringValue(i + 2) != u"search_path"_s || !s.isPunctuation(i + 3, u',')
            || s.size() != i + 8)
            return false;
        const QStringList names = s.stringValue(i + 4).split(u',');
        for (QString name : names) {
            name = name.trimmed();
            const bool quoted = name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"');
            entries << qMakePair(quoted ? name.mid(1, name.size() - 2) : name.toLower(), i + 4);
        }
    } else {
        return false;
    }
    for (const auto &[name, token] : std::as_const(entries)) {
        if (isNeutralPathEntry(name, target))
            continue;
        return s.refusal(token, Tr::tr("The models set search_path to the schema '%1', which is "
                                        "not the target schema '%2': they run in a scratch "
                                        "schema in place of the target schema and must not "
                                        "reach any other schema.")
                                     .arg(name, target));
    }
    return true;
}

Result<> PostgresModelsFilter::checkKind(const ModelsStatement &s, const QString &target)
{
    const QString first = s.keyword(0);
    static const QStringList allowed{u"CREATE"_s, u"ALTER"_s, u"COMMENT"_s, u"SET"_s, u"DO"_s};
    if (!allowed.contains(first)) {
        return s.refusal(0, Tr::tr("%1 is refused in the models: they run in a scratch schema "
                                    "and may hold only CREATE, ALTER, COMMENT, SET and DO "
                                    "statements.")
                                 .arg(first.isEmpty() ? s.tokens().first().text : first));
    }
    if ((first == u"CREATE"_s || first == u"ALTER"_s) && s.keyword(1) == u"SCHEMA"_s) {
        return s.refusal(1, Tr::tr("%1 SCHEMA is refused in the models: they run in a scratch "
                                    "schema and must not create or change any other.")
                                 .arg(first));
    }
    for (int i = 1; first == u"ALTER"_s && i < s.size(); ++i) {
        if (s.keywordsAt(i, {u"SET"_s, u"SCHEMA"_s})) {
            return s.refusal(i, Tr::tr("ALTER ... SET SCHEMA is refused in the models: they "
                                        "run in a scratch schema, and nothing may leave it."));
        }
    }
    // COMMENT ON SCHEMA x (the target's is skipped before), CREATE EXTENSION ... SCHEMA x.
    int schema = -1;
    if (s.keywordsAt(0, {u"COMMENT"_s, u"ON"_s, u"SCHEMA"_s}))
        schema = 2;
    else if (s.keywordsAt(0, {u"CREATE"_s, u"EXTENSION"_s}))
        schema = s.findKeyword({u"SCHEMA"_s}, 2);
    const QString named = schema > 0 ? s.identifier(schema + 1) : QString();
    if (!named.isEmpty() && named != target)
        return otherSchema(s, schema + 1, named, target);
    return {};
}

Result<QString> PostgresModelsFilter::unqualified(const ModelsStatement &s, const QString &target,
                                                  const QStringList &otherSchemas)
{
    using Kind = SqlLexer::TokenKind;
    QList<Edit> edits;
    const QList<ModelsStatement::Token> &tokens = s.tokens();
    // "a.b" is a schema and an object, or a table and a column: only the names of existing
    // schemas tell them apart, and only those could be reached.
    for (const int q : s.qualifiers()) {
        const QString name = s.identifier(q);
        if (name == target)
            edits << Edit{tokens.at(q).begin, tokens.at(q + 1).end, {}};
        else if (otherSchemas.contains(name))
            return otherSchema(s, q, name, target);
    }
    // pg_dump: DEFAULT nextval('public.users_id_seq'::regclass).
    for (int i = 0; i + 3 < s.size(); ++i) {
        if (tokens.at(i).kind != Kind::String || !s.isPunctuation(i + 1, u':')
            || !s.isPunctuation(i + 2, u':') || s.keyword(i + 3) != u"REGCLASS"_s)
            continue;
        const QString value = s.stringValue(i);
        const Qualifier qualifier = qualifierOf(value);
        if (qualifier.dot > 0 && qualifier.name == target) {
            QString rest = value.mid(qualifier.dot + 1);
            edits << Edit{tokens.at(i).begin, tokens.at(i).end,
                          u'\'' + rest.replace(u'\'', u"''"_s) + u'\''};
        } else if (qualifier.dot > 0 && otherSchemas.contains(qualifier.name)) {
            return otherSchema(s, i, qualifier.name, target);
        }
    }
    std::sort(edits.begin(), edits.end(),
              [](const Edit &a, const Edit &b) { return a.begin > b.begin; });
    QString text = s.statement().text;
    for (const Edit &e : std::as_const(edits))
        text.replace(e.begin, e.end - e.begin, e.text);
    return text;
}

} // namespace Retort
