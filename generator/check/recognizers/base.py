"""Shared base for reviewsite's recognizers.

Every recognizer is a presidio `EntityRecognizer`. Regex recognizers subclass `RegexRecognizer`:
they list `(name, regex, score)` patterns and may override `score_match()` to look at the text
around a match (their own context logic) and return a new score, or None to drop it.

Each result carries `recognition_metadata["rule"]` (the AN code) and, optionally,
`["entity_override"]`-free metadata such as `"why"` used in the finding's message.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

RULE_KEY = "rule"
WHY_KEY = "why"


def result(entity: str, start: int, end: int, score: float, rule: str, recognizer, why: str = "") -> RecognizerResult:
    return RecognizerResult(
        entity_type=entity,
        start=start,
        end=end,
        score=score,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            RULE_KEY: rule,
            WHY_KEY: why,
        },
    )


def window(text: str, start: int, end: int, before: int = 40, after: int = 0) -> str:
    return text[max(0, start - before) : end + after].lower()


class RegexRecognizer(EntityRecognizer):
    ENTITY = ""
    RULE = ""
    PATTERNS: list[tuple[str, str, float]] = []  # (name, regex, score)
    FLAGS = 0

    def __init__(self, **kwargs):
        self._compiled = [(n, re.compile(rx, self.FLAGS), s) for n, rx, s in self.PATTERNS]
        super().__init__(supported_entities=[self.ENTITY], name=self.__class__.__name__, **kwargs)

    def load(self) -> None:  # nothing to load
        pass

    def score_match(self, text: str, m: re.Match, pattern: str, score: float) -> float | None:
        return score

    def span(self, m: re.Match) -> tuple[int, int]:
        return m.span("v") if "v" in m.re.groupindex else m.span()

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        seen = set()
        for name, rx, score in self._compiled:
            for m in rx.finditer(text):
                s = self.score_match(text, m, name, score)
                if s is None or s <= 0:
                    continue
                a, b = self.span(m)
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                out.append(result(self.ENTITY, a, b, s, self.RULE, self, name))
        return out
