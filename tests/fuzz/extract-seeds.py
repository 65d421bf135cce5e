#!/usr/bin/env python3
"""Writes the string literals of C++ test sources into a fuzz corpus folder, one file each.

Usage: extract-seeds.py OUT_DIR FILE...

Adjacent literals ("a\\n" "b\\n") are joined, as the compiler does. Escapes are decoded (\\n, \\t,
\\", \\\\, \\xHH, \\uHHHH, \\UHHHHHHHH, octal); the text is written as UTF-8. Literals shorter than
two bytes are left out: they seed nothing the fuzzer does not find by itself. Only the standard
library: any python3 will do.
"""
import hashlib
import os
import re
import sys

# An optional prefix (u, u8, L, U), a quoted body, an optional user-defined suffix (_s, _L1).
LITERAL = re.compile(r'(?<![A-Za-z0-9_])(?:u8|u|U|L)?"((?:[^"\\\n]|\\.)*)"(?:_[A-Za-z0-9]+)?')
BETWEEN = re.compile(r'\s*')
ESCAPE = re.compile(r'\\(x[0-9A-Fa-f]+|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0-7]{1,3}|.)', re.S)
SIMPLE = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', 'b': '\b',
          '0': '\0', '"': '"', "'": "'", '\\': '\\', '?': '?'}


def unescape(body):
    def one(m):
        e = m.group(1)
        if e[0] in 'xuU':
            return chr(int(e[1:], 16) & 0x10FFFF)
        if e[0].isdigit() and e[0] in '01234567':
            return chr(int(e, 8))
        return SIMPLE.get(e, e)
    return ESCAPE.sub(one, body)


def literals(source):
    """Yields each run of adjacent string literals, joined."""
    pos = 0
    while True:
        m = LITERAL.search(source, pos)
        if not m:
            return
        parts = [m.group(1)]
        pos = m.end()
        while True:
            gap = BETWEEN.match(source, pos).end()
            nxt = LITERAL.match(source, gap)
            if not nxt:
                break
            parts.append(nxt.group(1))
            pos = nxt.end()
        yield unescape(''.join(parts))


def main():
    out_dir, files = sys.argv[1], sys.argv[2:]
    os.makedirs(out_dir, exist_ok=True)
    count = 0
    for path in files:
        with open(path, encoding='utf-8') as f:
            source = f.read()
        for text in literals(source):
            data = text.encode('utf-8', 'surrogatepass')
            if len(data) < 2:
                continue
            name = 'literal-' + hashlib.sha1(data).hexdigest()[:16]
            with open(os.path.join(out_dir, name), 'wb') as f:
                f.write(data)
            count += 1
    print(f'{count} seeds from string literals of {len(files)} file(s)')


if __name__ == '__main__':
    main()
