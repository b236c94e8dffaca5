"""NHS numbers: ten digits written 3-3-4. With a valid modulus-11 check digit they are errors on
their own; without one, only when "NHS" is written nearby."""

import re

from .base import RegexRecognizer, window


def nhs_checksum_ok(digits: str) -> bool:
    if len(digits) != 10:
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


class NhsNumberRecognizer(RegexRecognizer):
    ENTITY = "NHS_NUMBER"
    RULE = "AN131"
    PATTERNS = [("nhs-number", r"(?<![\w/.-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w/]|[.-]\d)", 0.9)]

    def score_match(self, text, m, pattern, score):
        digits = re.sub(r"\D", "", m.group(0))
        near = "nhs" in window(text, m.start(), m.end(), 60)
        if digits.startswith("0") and not near:
            return None  # a phone number
        if nhs_checksum_ok(digits):
            return 0.95 if (near or " " in m.group(0) or "-" in m.group(0)) else 0.6
        return 0.8 if near else None
