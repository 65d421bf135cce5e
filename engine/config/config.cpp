#include "config.h"

#include <QFileInfo>

namespace Retort {

QString Config::name() const
{
    return QFileInfo(projectDir).fileName();
}

} // namespace Retort
