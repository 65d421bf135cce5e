#pragma once

#include <QString>

namespace Retort {

// True when text[0] is '(' and its matching ')' is the last character: "(a + b)" yes,
// "(a) + (b)" no. Parentheses inside '…', "…" and `…` quotes do not count. Used where an SQL
// expression is compared or written without its redundant outer parentheses.
bool isParenthesized(const QString &text);

} // namespace Retort
