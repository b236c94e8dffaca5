"""The two kinds of problem the pipeline reports, shared by every stage.

`ContentError`: the input is malformed (bad YAML, unknown key, impossible date, missing file).
Any ContentError means exit status 2: nothing can be decided about unreadable content.

`Finding`: the input is readable but something in it blocks publication (severity "error",
exit status 1) or needs a human decision (severity "warning"). The anonymisation check,
the consistency checks and the output audit all produce Findings.

Both carry 1-based line and column numbers where known; `report.py` prints either.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ContentError:
    path: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None  # dotted location inside the file, e.g. "panel.members[2].name"
    hint: str | None = None  # how to fix it
    code: str = "content"

    def sort_key(self):
        return (self.path, self.line or 0, self.column or 0, self.message)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    entity: str  # e.g. PERSON, UK_POSTCODE, RECOMMENDATION_COUNT
    severity: str  # "error" blocks publication; "warning" is for the panel to decide
    rule: str  # the rule or recognizer that raised it, e.g. "RS101" or "person-name"
    message: str
    text: str = ""  # the matched text
    end_line: int | None = None
    end_column: int | None = None
    start: int | None = None  # 0-based character offsets into the file's text
    end: int | None = None
    hint: str | None = None
    review: str | None = None  # slug of the review the file belongs to, if any
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def sort_key(self):
        return (self.path, self.line, self.column, self.rule)

