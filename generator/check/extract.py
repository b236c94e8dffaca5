"""What of a file reaches the site, as a same-length "masked" copy of its text.

The check never analyses a transformed copy whose offsets differ from the file: `mask()` returns
a string exactly as long as the file's text in which every character that does not reach a
reader (Markdown syntax, YAML keys and comments, HTML tag names) is replaced by a space, and
structural boundaries (table cell separators) by a newline. A finding at offset *i* in the mask
is therefore at offset *i* in the file, and `line_col()` turns it into a 1-based line and column.

What is kept, for kind "markdown":
    prose, headings, list items, block quotes, table cells, emphasis text, link text AND link
    targets, image alt text, src and titles, reference definitions, inline and fenced code,
    HTML comments (they survive into page source), raw HTML attribute values and text, and
    YAML front matter values.
For kind "yaml": every string scalar value (keys, comments and syntax are blanked).
For kind "text": everything.

`segments()` gives the kept runs as `Segment(start, end, kind)` for callers that want them.
File and folder names are checked separately (`Analyser.check_path_name`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    kind: str  # "prose" | "front-matter" | "yaml-value" | "comment" | "html" | "code" | "text"


def _blank(buf: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if buf[i] not in "\n":
            buf[i] = " "


# --- YAML ---------------------------------------------------------------------------------


# The content model's own dates (process steps, clearance, plan updates and targets) and the
# clearance fingerprints are records of the review's process, shown as month or day, not
# quasi-identifiers about the people in it: an ISO value under one of these keys is not analysed.
RECORD_DATE_KEYS = {"date", "as_of", "target", "completed", "notified", "signed_off", "submitted", "death",
                    "prepared", "reviewed"}
_ISO = re.compile(r"(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?")


def _is_record_value(key, value) -> bool:
    if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)):
        return False
    if key.value in RECORD_DATE_KEYS and _ISO.fullmatch(value.value.strip()):
        return True
    return value.value.startswith("sha256:") and re.fullmatch(r"sha256:[0-9a-f]{64}", value.value) is not None


def _yaml_value_ranges(text: str) -> list[tuple[int, int]] | None:
    """Character ranges of every scalar value (not keys) in a YAML text, or None if unparsable."""
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    ranges: list[tuple[int, int]] = []

    def walk(node):
        if isinstance(node, yaml.ScalarNode):
            ranges.append((node.start_mark.index, node.end_mark.index))
        elif isinstance(node, yaml.SequenceNode):
            for child in node.value:
                walk(child)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if _is_record_value(key, value):
                    continue
                walk(value)

    for node in nodes:
        if node is not None:
            walk(node)
    return ranges


def _mask_yaml(text: str, offset: int, buf: list[str]) -> None:
    """Blank everything in buf[offset:offset+len(text)] that is not a YAML scalar value."""
    ranges = _yaml_value_ranges(text)
    if ranges is None:  # unreadable YAML: check all of it rather than nothing
        return
    keep = [False] * len(text)
    for a, b in ranges:
        for i in range(a, min(b, len(text))):
            keep[i] = True
    for i, k in enumerate(keep):
        if not k and buf[offset + i] != "\n":
            buf[offset + i] = " "


# --- Markdown -----------------------------------------------------------------------------

_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_COMMENT = re.compile(r"<!--(.*?)(-->|\Z)", re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>")
_ATTR_VALUE = re.compile(r"""=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_FENCE = re.compile(r"^[ \t]{0,3}(```+|~~~+)[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.S | re.M)
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})(?=[ \t]|$)", re.M)
_HEADING_CLOSE = re.compile(r"[ \t]#+[ \t]*$", re.M)
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$", re.M)
_LIST = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*([-*+]|\d{1,9}[.)])(?=[ \t])", re.M)
_QUOTE = re.compile(r"^[ \t]*(>[ \t]?)+", re.M)
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$", re.M)
_HR = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M)
_LINK_SYNTAX = re.compile(r"!?\[|\]\(|\]\[|\]:|\]")
_LINK_CLOSE = re.compile(r"\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(\s+(\"[^\"]*\"|'[^']*'))?\)")
_EMPHASIS = re.compile(r"(?<![\w\\])(\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(\*{1,3}|_{1,3}|~~)(?![\w])")
_BACKTICK = re.compile(r"`+")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>~<])")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]+|[^<>\s@]+@[^<>\s]+)>")
_AUTOLINK_OPEN = re.compile(r"<(?=(?:https?|mailto|ftp):|[^<>\s@]+@[^<>\s]+>)")
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,5}|#x[0-9A-Fa-f]{2,4});")


def _mask_markdown(text: str) -> list[str]:
    buf = list(text)
    n = len(text)
    protected = [False] * n  # code and comments: their inner text is kept verbatim

    m = _FRONT.match(text)
    if m:
        body_start = m.start(1) if m.group(1) is not None else m.end()
        _blank(buf, 0, body_start)
        if m.group(1) is not None:
            _mask_yaml(m.group(1), body_start, buf)
            _blank(buf, m.end(1), m.end())
        for i in range(0, m.end()):
            protected[i] = True

    for m in _COMMENT.finditer(text):
        if protected[m.start()]:
            continue
        _blank(buf, m.start(), m.start(1))
        _blank(buf, m.end(1), m.end())
        for i in range(m.start(), m.end()):
            protected[i] = True

    for m in _FENCE.finditer(text):
        if protected[m.start()]:
            continue
        first_nl = text.find("\n", m.start())
        _blank(buf, m.start(), m.start() + len(m.group(0).split("\n", 1)[0]) if first_nl >= 0 else m.end())
        last = m.group(0).rstrip("\n").rsplit("\n", 1)[-1]
        if re.fullmatch(r"[ \t]*(```+|~~~+)[ \t]*", last):
            end = m.start() + len(m.group(0).rstrip("\n"))
            _blank(buf, end - len(last), end)
        for i in range(m.start(), m.end()):
            protected[i] = True

    def sub_blank(pattern: re.Pattern, group: int = 0, newline: bool = False):
        for mm in pattern.finditer(text):
            a, b = mm.span(group)
            if a < 0 or protected[a]:
                continue
            if newline:
                for i in range(a, b):
                    if buf[i] != "\n":
                        buf[i] = "\n" if i == a else " "
            else:
                _blank(buf, a, b)

    # raw HTML tags: blank the syntax, keep attribute values (alt, title, href, ...)
    for mm in _TAG.finditer(text):
        if protected[mm.start()]:
            continue
        keep = [False] * (mm.end() - mm.start())
        for av in _ATTR_VALUE.finditer(mm.group(0)):
            g = 2 if av.group(2) is not None else 3 if av.group(3) is not None else 4
            for i in range(av.start(g), av.end(g)):
                keep[i] = True
        for i, k in enumerate(keep):
            if not k:
                buf[mm.start() + i] = " " if buf[mm.start() + i] != "\n" else "\n"
            protected[mm.start() + i] = True
        # a tag separates what is around it
        buf[mm.start()] = "\n"
        buf[mm.end() - 1] = "\n"

    sub_blank(_TABLE_RULE)
    sub_blank(_HR)
    sub_blank(_SETEXT, 1)
    sub_blank(_HEADING, 1, newline=True)
    sub_blank(_HEADING_CLOSE)
    sub_blank(_QUOTE)
    sub_blank(_LIST, 1)
    sub_blank(_AUTOLINK_OPEN)
    for mm in _AUTOLINK.finditer(text):
        if not protected[mm.start()]:
            buf[mm.end() - 1] = " "
    # link and image syntax: keep text, target and title
    for mm in _LINK_CLOSE.finditer(text):
        if protected[mm.start()]:
            continue
        buf[mm.start()] = " "
        buf[mm.start() + 1] = " "
        buf[mm.end() - 1] = " "
        if mm.group(3):
            buf[mm.start(3)] = " "
            buf[mm.end(3) - 1] = " "
    sub_blank(_LINK_SYNTAX)
    sub_blank(_EMPHASIS, 0)
    sub_blank(_BACKTICK)
    sub_blank(_ESCAPE)
    sub_blank(_ENTITY)
    # table cell separators become line breaks so cells do not run into one another
    for i, ch in enumerate(text):
        if ch == "|" and not protected[i] and buf[i] == "|":
            buf[i] = "\n"
    return buf


def mask(text: str, kind: str) -> str:
    """A copy of `text`, the same length, with what does not reach the site blanked."""
    if kind == "yaml":
        buf = list(text)
        _mask_yaml(text, 0, buf)
        return "".join(buf)
    if kind == "markdown":
        return "".join(_mask_markdown(text))
    return text


def segments(text: str, kind: str) -> list[Segment]:
    """The runs of the file's text that reach the site (maximal non-blank runs of the mask)."""
    masked = mask(text, kind)
    seg_kind = {"yaml": "yaml-value", "markdown": "prose"}.get(kind, "text")
    out = []
    for m in re.finditer(r"[^\s]+(?:[ \t]+[^\s]+)*", masked):
        out.append(Segment(m.start(), m.end(), seg_kind))
    return out


class LineIndex:
    """Offsets to 1-based (line, column)."""

    def __init__(self, text: str):
        self.starts = [0]
        for m in re.finditer("\n", text):
            self.starts.append(m.end())

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def line_col(text: str, offset: int) -> tuple[int, int]:
    return LineIndex(text).line_col(offset)


def kind_for(path: str) -> str:
    p = path.lower()
    if p.endswith((".md", ".markdown")):
        return "markdown"
    if p.endswith((".yml", ".yaml")):
        return "yaml"
    return "text"
