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

// 10,000 revisions: a trunk with a side branch every 50 revisions (odd ids), merged back into
// the trunk (even ids) 10 revisions later.
inline QList<Retort::Revision> bigHistory()
{
    QStringList specs;
    QString previous;
    QString side;
    for (int i = 0; i < 10000; ++i) {
        const QString id = QStringLiteral("r%1").arg(i, 5, 10, QChar(u'0'));
        if (i % 50 == 10 && !side.isEmpty()) {
            specs.append(id + QLatin1Char(':') + previous + QLatin1Char(',') + side);
            side.clear();
        } else if (i % 50 == 1 && !previous.isEmpty()) {
            specs.append(id + QLatin1Char(':') + previous);
            side = id;
            continue;
        } else if (!side.isEmpty() && i % 50 < 10 && i % 2 == 1) {
            specs.append(id + QLatin1Char(':') + side);
            side = id;
            continue;
        } else {
            specs.append(id + QLatin1Char(':') + previous);
        }
        previous = id;
    }
    return revisions(specs);
}

} // namespace GraphSpec
