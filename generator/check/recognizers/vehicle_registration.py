"""UK vehicle registrations: current (AB12 CDE), prefix (K123 ABC) and suffix (ABC 123K) formats,
in capitals (lower-case "the 60s" never matches). Older and personalised formats only with a
vehicle word nearby (registration, reg, vehicle, car, van, VRM, number plate)."""

import re

from .base import RegexRecognizer, window

_CONTEXT = re.compile(r"\b(?:registration|reg\b|vrm|vehicle|cars?\b|vans?\b|plates?\b|index|driving|drove|drives|motorbike|moped|taxi|anpr)")


class VehicleRegistrationRecognizer(RegexRecognizer):
    ENTITY = "VEHICLE_REGISTRATION"
    RULE = "AN141"
    PATTERNS = [
        ("current", r"(?<![\w-])[A-HJ-PR-Y][A-HJ-PR-Y]\d{2}[ ]?[A-HJ-PR-Z]{3}(?![\w-])", 0.9),
        ("prefix", r"(?<![\w-])[A-HJ-NPR-Y]\d{1,3}[ ]?[A-HJ-PR-Y][A-HJ-PR-Z]{2}(?![\w-])", 0.6),
        ("suffix", r"(?<![\w-])[A-HJ-PR-Y][A-HJ-PR-Z]{2}[ ]?\d{1,3}[A-HJ-NPR-Y](?![\w-])", 0.6),
        # sloppy notes in lower case: "car outside was yf21 kzl" (only with a vehicle word nearby)
        ("current-lower", r"(?<![\w-])[a-hj-pr-y]{2}\d{2}[ ]?[a-hj-pr-z]{3}(?![\w-])", 0.0),
        ("dateless", r"(?<![\w:.-])(?:[A-Z]{1,3}[ ]?\d{1,4}|\d{1,4}[ ]?[A-Z]{1,3})(?![\w-])", 0.0),  # not after "19:" of a time
    ]

    def score_match(self, text, m, pattern, score):
        ctx = window(text, m.start(), m.end(), 50, 0)
        near = bool(_CONTEXT.search(ctx))
        if re.search(r"(?:\bs|\bss|section)\.?[ \t]*$", text[max(0, m.start() - 9) : m.start()], re.I):
            return None  # "s.165 RTA": a section of an Act
        if pattern == "current-lower":
            return 0.8 if near else None
        if re.match(r"[:.]\d\d\b", text[m.end():m.end() + 3]):
            return None  # "AP 13:10": a time, not a plate
        if pattern == "dateless":
            s = m.group(0)
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            if re.fullmatch(r"[AMB]\d{1,4}", s) or re.search(r"[A-Z]0\d", s) or not text[line_start : line_end if line_end >= 0 else len(text)].strip(" \t|").replace(s, "", 1).strip():
                return None  # "the A258" (a road), "D0917" (a call sign; plates have no leading zero), a cell of its own (a call sign column)
            return 0.7 if near and any(ch.isdigit() for ch in m.group(0)) and any(ch.isalpha() for ch in m.group(0)) and len(m.group(0)) >= 4 else None
        if pattern in ("prefix", "suffix"):
            return 0.85 if near else score
        return score
