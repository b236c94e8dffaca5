"""Crime, incident and case reference numbers: CR/012345/21, 43/123456/21, URN 12AB3456789,
"crime reference 4521/21", "log 0634 of 12/03/2021", "incident number 1234-567". Strong formats are
errors alone; a number with at least four digits after a reference word is an error too.
The review's own references (DHR/2021/003, CSP, SAR) are not flagged."""

import re

from .base import RegexRecognizer

_OWN = re.compile(r"^(?:DHR|DARDR|CSP|SAR|HO|CSPR|LCSPR|DAHR)\b", re.I)
_CTX = re.compile(
    r"(?<![a-z])(?:crime|incident|occurrence|case|custody|court|reference|ref|urn|log|cad|record|file|claim|"
    r"referral|report|job|storm|niche|athena|datix|cris|crn|cr|no|number|upn|uln|pnc|cro|visor|nominal|ppn|mosaic|epr|prf|"
    r"lccs|eclipse|liquidlogic|occ|rio|emis|systmone|nomis|prison|prisoner|employee|payroll|staff|patient|hospital|mrn|"
    r"tenancy|account|membership|cyfeirnod|rhif|attendance|admission|episode|encounter|id|order|injunction|warrant|summons|"
    r"application|petition|licence|ticket|pcn|fpn|certificate|cert|fac|sgc|cph|holding|service|"
    r"brp|passport|visa|gwf|permit|uan|cos)\b\.?\s*(?:(?:ref(?:erence)?|no|number|num|id|form)\b\.?\s*)?(?:\([A-Z]{2,6}\)\s*)?[:#–—-]?\s*"
    r"(?:(?:is|was|as|of|:)\s+)?\(?$"
    # a label that ends with a colon: "Legacy LCS number for the family: LCS-0098123"
    r"|\b(?:ref(?:erence)?|number|no|id)\b[^:\n.]{1,30}:\s*$"
    # or the label cell of a form's row: "| Service No / Rank / Name | 30187452 LCpl ... |"
    r"|\b(?:ref(?:erence)?|number|no|id)\b[^:\n.]{0,30}\n[ \t]*$",
    re.I,
)


_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn_checksum_ok(upn: str) -> bool:
    """A Unique Pupil Number's check letter (the DfE's UPN guide): characters 2-13 weighted 2-13,
    a letter in place 13 (a temporary UPN) by its place in the 23 letters; the sum mod 23 names the letter."""
    if len(upn) != 13 or upn[0] not in _UPN_LETTERS or not upn[1:12].isdigit():
        return False
    last = upn[12]
    values = [int(c) for c in upn[1:12]] + [int(last) if last.isdigit() else _UPN_LETTERS.find(last)]
    if values[-1] < 0:
        return False
    return _UPN_LETTERS[sum(v * w for v, w in zip(values, range(2, 14))) % 23] == upn[0]


_CTX_AFTER = re.compile(
    r"[ \t]*[(\[,-]?[ \t]*(?:the[ \t]+)?(?:crime|incident|occurrence|case|custody|log|cad|urn|reference|ref)\b", re.I
)


class CrimeReferenceRecognizer(RegexRecognizer):
    ENTITY = "CASE_REFERENCE"
    RULE = "AN151"
    PATTERNS = [
        ("slashed", r"(?<![\w/-])(?:[A-Z]{1,5}[/-])?\d{1,6}[/-]\d{4,8}[/-]\d{2,4}(?![\w/-])", 0.9),
        ("lettered", r"(?<![\w/-])[A-Z]{1,5}[/-]?\d{4,}[/-]\d{2,4}(?![\w/-])", 0.85),
        ("prefixed-year", r"(?<![\w/-])[A-Z]{1,5}[/-]\d{2,4}[/-]\d{3,8}(?![\w/-])", 0.85),
        ("letters-year", r"(?<![\w/-])[A-Z]{1,5}\d{2}/\d{4,8}(?![\w/-])", 0.85),  # ED22/118409
        # professional registration numbers identify the professional: GMC 7281946, NMC 14J0293E, HCPC PA48213
        ("registration", r"\b(?:GMC|NMC|HCPC|GPhC|SWE|SSSC|SCW|GDC|GOC|NMBI)(?:[ \t]+(?i:no\.?|number|reg(?:istration)?\.?|pin))?[ \t]*[:#]?[ \t]*[A-Z]{0,3}\d[A-Z0-9]{4,9}\b", 0.85),
        ("urn", r"(?<![\w/-])\d{2,4}[A-Z]{2}\d{5,9}(?:/\d{2})?(?![\w/-])", 0.85),
        ("lettered-segments", r"(?<![\w/-])[A-Z]{1,5}(?:/[A-Z]{1,5}){1,2}/\d{2,4}/\d{3,8}(?![\w/-])", 0.85),  # CT/PL/2023/00417
        ("three-digit-middle", r"(?<![\w/-])\d{2,6}/\d{3}/\d{2,4}(?![\w/-])", 0.85),  # 08/305/0017: never a date
        # a force's occurrence number, letters and digits mixed: GW2311N051260
        ("mixed", r"(?<![\w/-])[A-Z]{1,4}\d{2,6}[A-Z]{1,3}\d{4,8}(?![\w/-])", 0.85),
        # a crime number and its year: 5602871/23
        ("number-year", r"(?<![\w/.-])\d{5,8}/\d{2}(?![\w/-]|\.\d)", 0.85),
        ("two-letter-segments", r"(?<![\w/-])[A-Z]{2,6}-[A-Z]{2,6}-\d{2,4}-\d{3,6}(?![\w/-])", 0.85),  # AV-MARAC-23-0041
        ("date-number", r"(?<![\w/-])\d{1,2}/\d{1,2}/\d{2,4}-\d{3,5}(?![\w/-])", 0.85),  # a STORM log: 14/03/23-0992
        ("two-letters-long-number", r"(?<![\w/-])[A-Z]{2}\d{10,12}(?![\w/-])", 0.85),  # CF0019020122
        ("letters-number-letter", r"(?<![\w/-])[A-Z]{1,5}/\d{3,6}/[A-Z]{1,3}(?![\w/-])", 0.85),  # SR/0193/K
        ("pnc", r"(?<![\w/-])(?:19|20)?\d{2}/\d{5,7}[A-Z](?![\w/-])", 0.9),  # PNC ID: 19/0338271T
        # a bank account: sort code and account number ("30-94-17 41873302")
        ("sort-code-account", r"(?<![\w/-])\d{2}-\d{2}-\d{2},?[ \t]+(?:(?i:a/?c|account)(?:[ \t]+(?i:no\.?|number))?[ \t:]*)?\d{8}(?![\w/-])", 0.9),
        ("upn", r"(?<![\w/-])[A-Z]\d{11}[0-9A-Z](?![\w/-])", 0.9),  # a pupil number with its check letter: Z822300612041
        ("after-word", r"(?<![\w/-])[A-Z0-9]{0,6}[/-]?\d{4,}(?:[/-][A-Z0-9]{1,10})*(?![\w/-])", 0.0),
        # letters, digits, letters: a prison number "A4471CK", a record number "RIO1104877X" (after a reference word)
        ("alnum", r"(?<![\w/-])[A-Z]{1,4}\d{4,}[A-Z]{1,3}(?![\w/-])", 0.0),
        # segments of letters and digits: "BF-21-CUS-009812", "CUS/BF/21/0098" (after a reference word)
        # (a system's name may start in lower case: "ePR-06-3372914")
        ("segmented", r"(?<![\w/-])[a-z]?[A-Z0-9]{1,6}(?:[/-][A-Z0-9]{1,10}){2,5}(?![\w/-])", 0.0),
    ]

    def score_match(self, text, m, pattern, score):
        s = m.group(0)
        if _OWN.match(s):
            return None
        if re.fullmatch(r"\d{1,2}[/-]\d{1,2}[/-]\d{2,4}", s) or re.fullmatch(r"(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?", s):
            return None  # a date (13/03/2021, 2021-03-13, 2021-03)
        if re.fullmatch(r"(?:0?[1-9]|1[0-2])/(?:19|20)\d\d", s):
            return None  # a month: "discussed at MARAC 11/2023"
        if pattern == "upn":
            if upn_checksum_ok(s):
                return score
            pattern = "after-word"  # without a valid check letter, only after a reference word
        if pattern == "alnum":
            pattern = "after-word"
        if pattern == "segmented":
            if re.search(r"(?i)\b(?:cph|holding[ \t]+(?:no|number))\b[.:# \t]*$", text[max(0, m.start() - 20) : m.start()]):
                return 0.8  # a farm's County Parish Holding number: "CPH: 08/305/0017"
            if sum(c.isdigit() for c in s) < 4 or not (re.search(r"[A-Z]", s) or re.search(r"\d{5}", s)):
                return None  # digits only, as in a date, unless one part is longer than a year: "47/23/118204"
            pattern = "after-word"
        if pattern == "after-word":
            before = text[max(0, m.start() - 40) : m.start()]
            after = text[m.end() : m.end() + 30]
            if not _CTX.search(before) and not _CTX_AFTER.match(after):
                if re.fullmatch(r"[1-9]\d{8,15}", s):
                    return 0.6  # a long bare number that is no phone number: a reference of some kind
                return None
            if re.fullmatch(r"(?:19|20)\d\d", s):
                return None  # a year
            return 0.8
        return score
