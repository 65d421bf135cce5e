#include <engine/diff/differ.h>

#include <QTest>

class tst_Diff : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() {}
};

QTEST_GUILESS_MAIN(tst_Diff)
#include "tst_diff.moc"
