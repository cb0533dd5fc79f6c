"""File names as any byte string a file system allows, written where only printable text may go.

On POSIX a file name is bytes; Python spells the bytes that are not UTF-8 as lone surrogates
(U+DC80–U+DCFF, PEP 383), which neither DuckDB nor a UTF-8 terminal can take. `escaped(text)`
is the one printable spelling used for store keys, stored messages and terminal output:

- a backslash becomes `\\\\` (two backslashes), so every backslash of the result starts an escape;
- each byte that is not valid UTF-8 (a surrogate-escaped byte) becomes `\\xHH`;
- each character that would act on a terminal or reorder text rather than show (C0 and C1
  controls such as ESC and newline, DEL, line and paragraph separators, the bidirectional
  embedding, override and isolate controls) becomes `\\xHH` for each byte of its UTF-8 encoding;
- everything else (Vietnamese letters included) is kept as is.

The spelling is lossless: `unescaped(escaped(name)) == name` for every name, and the raw bytes
come back with `os.fsencode(unescaped(key))`. A name that is valid UTF-8 with no backslash and
no control character is its own spelling, so the store keys of ordinary files are as before; a
name with a backslash or a control character got a new key with this scheme (such a file is
extracted again once, under its new key).
"""

from __future__ import annotations

import re
import unicodedata

_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ESCAPE = re.compile(r"\\(?:\\|x([0-9a-fA-F]{2}))")


def _unprintable(ch: str) -> bool:
    if ch in _BIDI_CONTROLS:
        return True
    return unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp")


def escaped(text: str) -> str:
    """The printable, lossless spelling of `text` (see the module's text)."""
    if text.isprintable() and "\\" not in text and not any(ch in _BIDI_CONTROLS for ch in text):
        return text  # the common case, without a loop in Python
    out: list[str] = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif "\udc80" <= ch <= "\udcff":  # a byte that is not UTF-8 (os.fsdecode's surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif _unprintable(ch):
            out.append("".join(f"\\x{b:02x}" for b in ch.encode("utf-8", "surrogatepass")))
        else:
            out.append(ch)
    return "".join(out)


def unescaped(key: str) -> str:
    """The name `escaped` was given (its bytes: `os.fsencode(unescaped(key))`)."""
    if "\\" not in key:
        return key
    parts: list[bytes] = []
    last = 0
    for m in _ESCAPE.finditer(key):
        parts.append(key[last:m.start()].encode("utf-8", "surrogateescape"))
        parts.append(b"\\" if m.group(1) is None else bytes([int(m.group(1), 16)]))
        last = m.end()
    parts.append(key[last:].encode("utf-8", "surrogateescape"))
    return b"".join(parts).decode("utf-8", "surrogateescape")


def shown(text: str) -> str:
    """`text` (a message that may hold file names) for a terminal or a log: escaped, except that
    its newlines and tabs stay (a traceback keeps its lines)."""
    if text.isprintable() and not any(ch in _BIDI_CONTROLS for ch in text):
        return text
    return "\n".join("\t".join(_shown_line(part) for part in line.split("\t")) for line in text.split("\n"))


def _shown_line(text: str) -> str:
    # Backslashes are kept in messages: only what could act on the terminal is escaped.
    return "\\".join(escaped(part) for part in text.split("\\"))
