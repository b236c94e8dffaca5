"""UK telephone numbers in every written form: 0115 977 4331, 07700 900461, +44 7700 900 982,
(01632) 960 774, 0044 (0)20 7946 0018, 07700-900-461. Validated by digit count and prefix.
Non-geographic service numbers (080x, 03xx, 084x, 087x) are organisational: scored lower,
so they are warnings unless allowlisted (national helplines are in the allowlist)."""

import re

from .base import RegexRecognizer


class UkPhoneRecognizer(RegexRecognizer):
    ENTITY = "PHONE_NUMBER"
    RULE = "AN121"
    PATTERNS = [
        # no line breaks inside: a number ending a paragraph must not run on into "2.3" on the next line
        ("uk-phone", r"(?<![\w/.+-])(?:(?:\+|00)[ \t]?44[ \t.-]*(?:\(0\)[ \t.-]*)?|\(0|0)\d[\d \t().-]{7,16}\d(?![\w/]|[.-]\d)", 0.9),
    ]

    def span(self, m):
        a, b = m.span()
        if m.group(0).startswith("(") and m.group(0).count("(") != m.group(0).count(")"):
            a += 1  # "Forced Marriage Unit (020 7008 0151)": the bracket opens the aside, not the area code
        return a, b

    def score_match(self, text, m, pattern, score):
        raw = m.group(0)
        if raw.count("(") != raw.count(")") and not raw.startswith("("):
            return None
        if "\n" in raw:
            return None
        digits = re.sub(r"\D", "", raw)
        if digits.startswith("0044"):
            digits = "0" + digits[4:]
        elif digits.startswith("44") and raw.lstrip().startswith("+"):
            digits = "0" + digits[2:]
        digits = digits.replace("00", "0", 1) if digits.startswith("00") else digits
        if digits.startswith("440"):
            digits = digits[2:]
        if not digits.startswith("0") or len(digits) not in (10, 11):
            return None
        if digits[1] in "0":
            return None
        # dates such as 01.02.2021 or 01-02-2021
        if re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", raw.strip()):
            return None
        if digits.startswith(("080", "03", "084", "087", "09", "05")):
            return 0.35
        return score
