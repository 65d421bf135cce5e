#include "progressrelay.h"

namespace Retort::Ui {

ProgressRelay::ProgressRelay(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Progress::Event>();
}

} // namespace Retort::Ui
