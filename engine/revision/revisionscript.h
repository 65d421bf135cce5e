#pragma once

#include "revision.h"

#include <engine/core/result.h>

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace Retort {

// Reads and writes one revision file (README "A user's project"). Pure functions, any thread.
//
// Layout, as render() writes it:
//   -- <message>                      first header line, always the message
//   --
//   -- Revision ID: <id>              required; letters, digits, '_'; at most 32 characters
//   -- Revises: <a>, <b>              parents; empty or absent: a base
//   -- Create Date: <as written>
//   -- Branch Labels: <l1>, <l2>
//   -- Depends On: <ids or labels>
//   -- <Other Field>: <value>         kept in Revision::extraHeaders, in order
//   -- migrate:no-transaction         optional: the revision runs without a transaction
//   -- migrate:foreign-keys-off       optional (SQLite table rebuilds): foreign keys off around
//                                     the revision's transaction; excludes no-transaction
//   <blank line>
//   -- migrate:upgrade                required
//   <sql>
//   <blank line>
//   -- migrate:downgrade              optional: without it the revision is irreversible
//   <sql>
//
// The header is everything before "-- migrate:upgrade": blank lines and "--" lines only. Its
// first comment line is the message; following comment lines that are neither blank, a field
// nor a marker continue the message (joined with '\n'). A later comment line that is not a field
// ("Name: value") is kept in extraHeaders with an empty name. Field names match case-insensitively.
// Each section's SQL is the text after its marker line, up to the next marker, without trailing
// whitespace; upgradeLine/downgradeLine is the file line just after the marker.
class RevisionScript
{
public:
    static Result<Revision> parse(const QString &text, const QString &filePath);
    static Result<Revision> read(const QString &filePath);
    // parse() of a file's bytes, kept in Revision::source; invalid UTF-8 is an error.
    static Result<Revision> parseUtf8(const QByteArray &utf8, const QString &filePath);
    static QString render(const Revision &revision);
    // Atomic (QSaveFile); refuses to replace an existing file.
    static Result<> write(const Revision &revision, const QString &filePath);

    // SHA-256, lowercase hex, of the UTF-8 of the normalised text: a leading BOM dropped, spaces,
    // tabs, '\r', '\v' and '\f' at line ends dropped (so CRLF counts as LF), trailing empty lines
    // dropped, lines joined by '\n' with none after the last. Editors' whitespace habits do not
    // change it; any other edit does.
    static QString checksum(const QString &text);
    static QString checksumOfUtf8(QByteArrayView utf8);
    // checksumOfUtf8(revision.source); empty for a revision without source.
    static QString checksumOf(const Revision &revision);

    // "Create Date:" as Alembic writes it (Python's str(datetime)): "2026-11-24 03:00:00.123000";
    // the fraction (Qt has milliseconds) is left out when zero, as Python does.
    static QString formatCreateDate(const QDateTime &when);

    // 12 random lowercase hex digits, as Alembic's uuid4().hex[-12:].
    static QString newRevisionId();
    // Alembic's slug: the message's runs of word characters joined by '_', lowercased; beyond 40
    // characters cut to 40 and back to the last '_', which is kept.
    static QString slugify(const QString &message);
    // file_template with Python %-placeholders: rev, slug, epoch, year, month, day, hour,
    // minute, second (flags, width and precision as Python's: "%(month).2d"), "%%" for '%';
    // plus ".sql". An unknown or malformed placeholder is kept as written.
    static QString fileName(const QString &fileTemplate,
                            const Revision &revision,
                            const QDateTime &createDate);

    // Letters, digits and '_'; at most MaxRevisionIdLength characters.
    static bool isValidRevisionId(QStringView id);
    static constexpr int MaxRevisionIdLength = 32; // alembic_version.version_num is VARCHAR(32)
};

} // namespace Retort
