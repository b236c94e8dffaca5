"""National Insurance numbers: two prefix letters (not D, F, I, Q, U, V; not BG, GB, KN, NK, NT,
TN, ZZ), six digits, a suffix A-D, in any spacing: QQ 12 34 56 C."""

from .base import RegexRecognizer

_BAD = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


class NiNumberRecognizer(RegexRecognizer):
    ENTITY = "UK_NINO"
    RULE = "AN132"
    PATTERNS = [
        ("ni-number", r"(?<![\w-])[A-Z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D](?![\w-])", 0.95),
        ("ni-number-lower", r"(?<![\w-])[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z] ?\d{2} ?\d{2} ?\d{2} ?[a-d](?![\w-])", 0.7),
    ]

    def score_match(self, text, m, pattern, score):
        prefix = m.group(0)[:2].upper()
        if prefix in _BAD:
            return None
        if prefix[0] in "DFIQUV" or prefix[1] in "DFIOQUV":
            return 0.75  # not issued (QQ is HMRC's example prefix), but still a NI number shape
        return score
