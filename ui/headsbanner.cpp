#include "headsbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

HeadsBanner::HeadsBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_merge(new QPushButton(tr("Merge..."), this))
{
    setObjectName(u"headsBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    // The tooltip roles: a pair every palette, light or dark, keeps readable.
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    m_label->setForegroundRole(QPalette::ToolTipText);
    m_label->setWordWrap(true);
    m_merge->setObjectName(u"headsBannerMerge"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_merge);
    connect(m_merge, &QPushButton::clicked, this, [this] { emit mergeRequested(m_heads); });
    hide();
}

void HeadsBanner::setHeads(const QStringList &heads)
{
    m_heads = heads;
    m_label->setText(tr("%n heads: merge them?", nullptr, int(heads.size())));
    m_label->setToolTip(heads.join(u", "_s));
    setVisible(heads.size() > 1);
}

QString HeadsBanner::text() const
{
    return m_label->text();
}

} // namespace Retort::Ui
