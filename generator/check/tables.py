"""Column context for Markdown tables: what a cell holds is said once, in its column's header.

| Child | Date of birth | Mosaic ID |
|---|---|---|
| Tyler | 08/10/2011    | 1184520   |

"08/10/2011" alone is an exact date (a warning) and "1184520" a bare number (nothing); under
"Date of birth" and "Mosaic ID" they are a date of birth and a record number (errors). The
engine asks `column_cells(text)` for the body cells of every table with the header of their column.
"""

from __future__ import annotations

import re

from .extract import _TABLE_RULE  # the |---|---| line under a table's header


DOB_HEADER = re.compile(r"\b(?:date\s+of\s+birth|d\.?o\.?b\.?|born|birth\s*date|dyddiad\s+geni)\b", re.I)
REFERENCE_HEADER = re.compile(
    r"\b(?:id|ref(?:erence)?|no\.?|number|urn|crn|pnc|nhs|mosaic|case|crime|log|occurrence|incident|custody|record|"
    r"hospital|patient|rio|emis|nomis|prison|tenancy|account|upn|uln|lcs|eclipse|liquidlogic|visor|cro|order|claim|payroll|staff|employee)\b", re.I)


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell of a table row, offsets into the whole text."""
    out = []
    bars = [m.start() for m in re.finditer(r"(?<!\\)\|", line)]
    if not bars:
        return out
    edges = bars if line.strip().startswith("|") else [-1, *bars]
    if not line.strip().endswith("|"):
        edges = [*edges, len(line)]
    for a, b in zip(edges, edges[1:]):
        raw = line[a + 1 : b]
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        out.append((offset + a + 1 + lead, offset + a + 1 + lead + len(stripped), stripped))  # empty cells keep their place
    return out


def column_cells(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, cell text, column header) of each body cell of each Markdown table."""
    out = []
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    k = 0
    while k + 1 < len(lines):
        if "|" in lines[k] and _TABLE_RULE.fullmatch(lines[k + 1]):
            headers = [c[2] for c in _cells(lines[k], offsets[k])]
            j = k + 2
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                row = _cells(lines[j], offsets[j])
                label = row[0][2] if row else ""
                for col, (a, b, cell) in enumerate(row):
                    if col < len(headers) and cell:
                        out.append((a, b, cell, headers[col]))
                    if col > 0 and cell and label:
                        out.append((a, b, cell, label))  # a row label is a header too: "| Date of birth | 14/06/1938 |"
                j += 1
            k = j
        else:
            k += 1
    return out
