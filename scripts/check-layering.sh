#!/usr/bin/env bash
# Fails when a layer reaches past its boundary (STYLE.md section 1):
# the engine never touches widgets or prints, the ui never runs SQL, the CLI links no GUI library.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:-}
status=0

hits=$(grep -rnE 'QtWidgets|QtGui|QWidget|QMessageBox|QApplication|std::cout|std::cerr|printf|qDebug\(\)' \
       "$root/engine" --include='*.h' --include='*.cpp' | grep -v 'RETORT_ASSERT\|qWarning("RETORT_ASSERT' || true)
if [ -n "$hits" ]; then
    echo "engine/ must not use widgets, GUI classes or print:"; echo "$hits"; status=1
fi

hits=$(grep -rnE 'QSqlDatabase|QSqlQuery|#include <engine/(dialect|runner|db)/' \
       "$root/ui" --include='*.h' --include='*.cpp' || true)
if [ -n "$hits" ]; then
    echo "ui/ must not run SQL or include engine/dialect, engine/runner or engine/db:"; echo "$hits"; status=1
fi

if [ -n "$cli" ]; then
    libs=$(ldd "$cli" | grep -E 'libQt6(Gui|Widgets)' || true)
    if [ -n "$libs" ]; then
        echo "$cli links GUI libraries:"; echo "$libs"; status=1
    fi
fi
[ $status = 0 ] && echo "layering: engine, ui and cli keep to their layers"
exit $status
