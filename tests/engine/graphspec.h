#pragma once

// Test helper: revisions from compact specs "id:parent1,parent2[@label1,label2][~dep1,dep2]".

#include <engine/revision/revision.h>

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace GraphSpec {

inline QList<Retort::Revision> revisions(const QStringList &specs)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\w+):([\\w,]*)(?:@([\\w,]+))?(?:~([\\w,]+))?$"));
    QList<Retort::Revision> result;
    for (const QString &spec : specs) {
        const QRegularExpressionMatch m = re.match(spec);
        Q_ASSERT_X(m.hasMatch(), "GraphSpec", qPrintable(spec));
        Retort::Revision r;
        r.id = m.captured(1);
        r.parents = m.captured(2).split(u',', Qt::SkipEmptyParts);
        r.branchLabels = m.captured(3).split(u',', Qt::SkipEmptyParts);
        r.dependsOn = m.captured(4).split(u',', Qt::SkipEmptyParts);
        r.message = QStringLiteral("m ") + r.id;
        r.upgradeSql = QStringLiteral("SELECT 1;");
        r.downgradeSql = QStringLiteral("SELECT 2;");
        result.append(r);
    }
    return result;
}

} // namespace GraphSpec
