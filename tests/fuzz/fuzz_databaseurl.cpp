// Fuzz target: DatabaseUrl::parse. What parses must display without its password.

#include "fuzzcheck.h"

#include <engine/config/databaseurl.h>

#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<DatabaseUrl> url = DatabaseUrl::parse(text, u"/project"_s);
    if (!url)
        return 0;
    // Where the password also appears in a field that is shown, seeing it there is no leak.
    const QString shownFields = url->scheme + url->user + url->host + url->database + url->socket
                                + url->sslMode + u"/project:***"_s;
    if (!url->password.isEmpty() && !shownFields.contains(url->password))
        RETORT_FUZZ_CHECK(!url->toDisplayString().contains(url->password));
    return 0;
}
