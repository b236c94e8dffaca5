"""UK postcodes (full unit postcodes, with or without the space). Presidio's own scores 0.1;
a well-formed full postcode is a direct identifier and scores 0.95 here."""

from .base import RegexRecognizer

_OUT = r"(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|[A-PR-UWYZ]\d[A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRVWXY])"
_IN = r"\d[ABD-HJLNP-UW-Z]{2}"


class UkPostcodeRecognizer(RegexRecognizer):
    ENTITY = "UK_POSTCODE"
    RULE = "AN111"
    PATTERNS = [
        ("uk-postcode", rf"(?<![\w-])(?:{_OUT}[ \t]?{_IN}|GIR ?0AA)(?![\w-])", 0.95),
        ("uk-postcode-lower", rf"(?<![\w-])(?:{_OUT.lower()}[ \t]?{_IN.lower()})(?![\w-])", 0.6),
    ]

    def score_match(self, text, m, pattern, score):
        if pattern == "uk-postcode-lower":
            if not any(c.isdigit() for c in m.group(0)[:2]) and " " not in m.group(0):
                return None
        return score
