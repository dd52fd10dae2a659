"""Turning bytes of unknown encoding into text, and refusing bytes that are not text.

Order: a byte-order mark decides; then a declared charset (HTML ``<meta charset>``) if the
bytes decode with it; then strict UTF-8; then charset-normalizer's best guess. NUL bytes
outside UTF-16/32, no plausible decoding, a high chaos ratio or many control characters
mean "not text".
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from raqib.capture.base import ReaderError

MAX_CHAOS = 0.2
"""charset-normalizer's mess ratio above which bytes are not treated as text."""
MAX_CONTROL_RATIO = 0.01
"""Share of control characters (other than tab, newlines, form feed) tolerated in text."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE = ("utf_16", "utf_32")
# WHATWG: these labels mean windows-1252 on the web.
_WEB_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1b")
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE
)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the encoding that decoded it (a Python codec name)."""

    text: str
    encoding: str


def codec_name(label: str) -> str | None:
    """The canonical Python codec name for an encoding label, or None if unknown."""
    try:
        name = codecs.lookup(label.strip()).name
    except (LookupError, ValueError):
        return None
    return _WEB_ALIASES.get(name, name)


def sniff_html_charset(data: bytes) -> str | None:
    """The charset declared by a ``<meta>`` in the first 4 KiB of an HTML document."""
    match = _META_CHARSET.search(data[:4096])
    name = codec_name(match.group(1).decode("ascii")) if match else None
    # A <meta> readable as ASCII cannot be telling the truth about UTF-16 (WHATWG).
    return "utf-8" if name and name.startswith(("utf-16", "utf-32")) else name


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading BOM is dropped."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _bom_codec(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(data: bytes) -> Decoded:
    best = from_bytes(data).best()
    if best is None:
        raise ReaderError("not text: no plausible character encoding")
    if best.chaos > MAX_CHAOS:
        raise ReaderError(f"not text: high chaos ratio {best.chaos:.2f} as {best.encoding}")
    if b"\x00" in data and not best.encoding.startswith(_WIDE):
        raise ReaderError("not text: contains NUL bytes")
    name = codec_name(best.encoding) or best.encoding
    return Decoded(str(best), name)


def _check_controls(text: str) -> None:
    sample = text[:100_000]
    controls = sum(
        1 for char in sample if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc"
    )
    if sample and controls / len(sample) > MAX_CONTROL_RATIO:
        raise ReaderError(f"not text: {controls} control characters in {len(sample)}")


def _decode_raw(data: bytes, declared: str | None) -> Decoded:
    bom = _bom_codec(data)
    if bom is not None:
        text = _try_decode(data, bom)
        if text is None:
            raise ReaderError(f"not text: invalid {bom} after its byte-order mark")
        return Decoded(text, "utf-8" if bom == "utf-8-sig" else bom)
    if declared and b"\x00" not in data:
        text = _try_decode(data, declared)
        if text is not None:
            return Decoded(text, declared)
    if b"\x00" not in data:
        text = _try_decode(data, "utf-8")
        if text is not None:
            return Decoded(text, "utf-8")
    return _detect(data)


def decode_text(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` as text with normalised newlines; ``ReaderError('not text: ...')``."""
    decoded = _decode_raw(data, codec_name(declared) if declared else None)
    _check_controls(decoded.text)
    return Decoded(normalise_newlines(decoded.text), decoded.encoding)


def looks_like_text(head: bytes) -> bool:
    """Cheap check used for scoring: does the start of an input decode as text?"""
    if not head:
        return False
    if _bom_codec(head) is None and b"\x00" not in head and len(head) >= 8192:
        head = _trim_partial_utf8(head)
    try:
        decode_text(head)
    except ReaderError:
        return False
    return True


def _trim_partial_utf8(head: bytes) -> bytes:
    """Drop an incomplete UTF-8 sequence cut off at the end of a sample."""
    for cut in range(1, 4):
        if len(head) > cut and head[-cut] & 0xC0 == 0xC0:
            return head[:-cut]
        if len(head) > cut and head[-cut] & 0x80 == 0:
            return head
    return head
