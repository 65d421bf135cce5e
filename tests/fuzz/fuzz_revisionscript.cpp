// Fuzz target: RevisionScript::parseUtf8 (the header parser and the section split) on a file's
// bytes. What parses must also render, checksum, and read back the same from its rendering.

#include "fuzzcheck.h"

#include <engine/revision/revisionscript.h>

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString path = u"/project/versions/fuzz.sql"_s;
    const Result<Revision> revision = RevisionScript::parseUtf8(bytes, path);
    if (!revision) {
        RETORT_FUZZ_CHECK(revision.error().line >= 0);
        return 0;
    }
    RETORT_FUZZ_CHECK(RevisionScript::isValidRevisionId(revision->id));
    RETORT_FUZZ_CHECK(RevisionScript::checksumOf(*revision).size() == 64);

    const Result<Revision> again = RevisionScript::parse(RevisionScript::render(*revision), path);
    RETORT_FUZZ_CHECK(again.hasValue());
    RETORT_FUZZ_CHECK(again->id == revision->id);
    RETORT_FUZZ_CHECK(again->parents == revision->parents);
    RETORT_FUZZ_CHECK(again->branchLabels == revision->branchLabels);
    RETORT_FUZZ_CHECK(again->dependsOn == revision->dependsOn);
    RETORT_FUZZ_CHECK(again->noTransaction == revision->noTransaction);
    RETORT_FUZZ_CHECK(again->upgradeSql == revision->upgradeSql);
    RETORT_FUZZ_CHECK(again->downgradeSql == revision->downgradeSql);
    return 0;
}
