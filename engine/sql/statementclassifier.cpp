#include "statementclassifier.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

QStringView StatementClassifier::firstWordOnwards(QStringView sql)
{
    qsizetype i = 0;
    while (i < sql.size()) {
        if (sql[i].isSpace()) {
            ++i;
        } else if (sql.sliced(i).startsWith(u"--")) {
            const qsizetype nl = sql.indexOf(u'\n', i);
            i = nl < 0 ? sql.size() : nl + 1;
        } else if (sql.sliced(i).startsWith(u"/*")) {
            const qsizetype end = sql.indexOf(u"*/", i + 2);
            if (end < 0)
                return {};
            i = end + 2;
        } else {
            break;
        }
    }
    return sql.sliced(i);
}

bool StatementClassifier::mayBreakForeignKeys(QStringView sql)
{
    static const QRegularExpression harmless(
        u"^CREATE\\s+((TEMP|TEMPORARY)\\s+)?(TABLE|VIEW|TRIGGER|(UNIQUE\\s+)?INDEX)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QStringView statement = firstWordOnwards(sql);
    return statement.isEmpty() || !harmless.match(statement).hasMatch();
}

bool StatementClassifier::dropsData(QStringView sql)
{
    static const QRegularExpression drops(
        u"^(DROP\\s+(TABLE|VIEW|SCHEMA|DATABASE|COLUMN)\\b|TRUNCATE\\b|DELETE\\s+FROM\\b"
        "|ALTER\\s+TABLE\\b.*\\bDROP\\s+(COLUMN\\b|(?!CONSTRAINT|INDEX|KEY|FOREIGN|CHECK|DEFAULT|NOT)\\w))"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    return drops.match(firstWordOnwards(sql)).hasMatch();
}

} // namespace Retort
