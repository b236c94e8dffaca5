"""Protective markings that must not survive into a published page: OFFICIAL-SENSITIVE,
OFFICIAL SENSITIVE, RESTRICTED, CONFIDENTIAL, SECRET, "Confidential – Not to be Photocopied or
Circulated", "Not for publication", "Draft – not for circulation", "In confidence",
"Government Security Classification", and a footer line that is just "OFFICIAL"."""

import re

from .base import RegexRecognizer


# whom a handling caveat limits a document to: "not for disclosure beyond Interested Persons"
_CAVEAT_TAIL = r"\s+(?:beyond|outside)\s+(?:the\s+)?[\w'’]+(?:[ \t]+[\w'’]+){0,3}"


class ProtectiveMarkingRecognizer(RegexRecognizer):
    ENTITY = "PROTECTIVE_MARKING"
    RULE = "AN181"
    FLAGS = 0
    PATTERNS = [
        ("official-sensitive", r"(?i:\bofficial[\s\-–—:]*sensitive\b)(?:[\s\-–—:]+(?:personal|commercial|locsen|not for (?:wider )?circulation|restricted))?", 0.95),
        ("caps-marking", r"(?<![\w-])(?:RESTRICTED|CONFIDENTIAL|SECRET|TOP SECRET|PROTECT|IN CONFIDENCE|NOT PROTECTIVELY MARKED|OFFICIAL)(?:\s*[\-–—:]\s*(?:[A-Z]+(?:\s+[A-Z]+){0,6}))?(?![\w-])", 0.9),
        ("confidential-not-to-be", r"(?i:\b(?:strictly\s+)?(?:confidential|restricted|private)\b[\s\-–—:,]*(?:\(?\s*)?(?:not\s+(?:to\s+be\s+)?(?:for\s+)?(?:photocopied|copied|circulated|circulation|disclosed|shared|distributed|published|publication|forwarded)(?:\s*,?\s+or\s+(?:photocopied|copied|circulated|circulation|disclosed|shared|distributed|published|forwarded|circulation))?|until\s+published|draft))", 0.95),
        ("strictly-confidential", r"(?i:\bstrictly\s+(?:private\s+and\s+)?confidential\b(?:[\s\-–—:,]+(?:patient|personal|sensitive|medical|client)[\w\s-]{0,30}?(?:information|data|details)\b)?)", 0.9),
        ("not-for-disclosure", rf"(?i:\bnot\s+for\s+(?:onward\s+)?disclosure\b(?:{_CAVEAT_TAIL})?|\b(?:private\s+and\s+)?confidential\s*[\-–—:]\s*addressee\s+only\b)", 0.85),
        ("identifiable-information", r"(?i:\b(?:patient|person|client)[\s-]+identifiable\s+(?:information|data)\b)", 0.85),
        ("not-for-publication", r"(?i:\bnot\s+(?:for|to\s+be)\s+(?:publication|published|circulation|circulated|wider\s+circulation|onward\s+transmission)\b"
                                rf"(?:{_CAVEAT_TAIL})?)", 0.8),
        # the Welsh markings of bilingual bodies: SWYDDOGOL – SENSITIF (OFFICIAL – SENSITIVE), CYFRINACHOL (CONFIDENTIAL),
        # CYFYNGEDIG (RESTRICTED), PREIFAT A CHYFRINACHOL (PRIVATE AND CONFIDENTIAL)
        ("welsh-marking", r"(?i:\bswyddogol[\s\-–—:]*sensitif\b)|(?<![\w-])(?:(?:PREIFAT[ \t]+A[ \t]+)?CHYFRINACHOL|CYFRINACHOL|CYFYNGEDIG)(?:\s*[\-–—:]\s*[A-Z]+(?:\s+[A-Z]+){0,6})?(?![\w-])", 0.95),
        ("gsc", r"(?i:\bgovernment\s+security\s+classifications?\b)", 0.8),
        ("in-confidence", r"(?i:\b(?:in|medical|commercial|staff|police|management)[\s\-–—]+in[\s\-–—]+confidence\b)", 0.8),
        ("confidential-word", r"(?<![\w-])Confidential(?=\s*(?:$|[\-–—:|]))", 0.85),
        # a handling line that starts with the marking word: "Restricted: for panel members only."
        # a marking line in sentence case with its category, alone on its line: "Restricted – Health"
        ("marking-category-line", r"(?m)^[ \t*_#>]*(?P<v>(?:Restricted|Confidential)[ \t]*[-–—:][ \t]*(?:Health|Medical|Personal|Staff|Police|Legal|Clinical|Patient|Management|Sensitive)(?:[ \t]+(?:[Ii]nformation|[Rr]ecords?|[Dd]ata|[Ii]n[ \t]+[Cc]onfidence))?)[ \t*_]*$", 0.9),
        ("restricted-line", r"(?im)^[ \t*_#>|]*(?:restricted|confidential)[ \t]*:[^\n]{0,60}?\bonly\b", 0.85),
        # "DRAFT" is a status, not a marking: a warning (a draft should not be published either)
        ("caps-draft", r"(?<![\w-])DRAFT(?:\s*[\-–—:]\s*[A-Z ]+)?(?![\w-])", 0.4),
    ]

    def score_match(self, text, m, pattern, score):
        s = m.group(0)
        if pattern == "caps-marking":
            word = re.match(r"[A-Z ]+", s).group(0).strip()
            if word in ("OFFICIAL", "PROTECT", "SECRET"):
                # only as a marking: alone on its line (a header or footer) or with a qualifier
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.end())
                line = text[line_start : line_end if line_end >= 0 else len(text)].strip(" \t|*_#-")
                if line.upper() != line and len(s) == len(word):
                    return None
            if word == "OFFICIAL" and re.match(r"OFFICIAL\s+(?:USE|SOURCES?|STATISTICS|RECORDS?|GUIDANCE)", s):
                return None
            if word in ("CONFIDENTIAL", "RESTRICTED") and len(s) == len(word) and re.match(r"[ \t]+[A-Z]{3,}\b", text[m.end():]):
                return 0.4  # "CONFIDENTIAL PLACEMENT ADDRESS": a heading's adjective; a warning, not a marking
        if pattern == "confidential-not-to-be" or pattern == "official-sensitive":
            return 0.95
        if pattern in ("not-for-disclosure", "not-for-publication") and not s.isupper():
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : line_end if line_end >= 0 else len(text)].strip(" \t*_#|>.-–—:")
            if line != s.strip(" .") and not re.search(r"(?i)\b(?:restricted|confidential|official|secret|sensitive|draft)\b", line):
                # "Prepared for the panel only. Not for onward disclosure without the SIO's agreement.": a
                # handling note inside a sentence, for the panel to decide (a warning); "NOT FOR PUBLICATION"
                # or a line of its own is a marking
                return 0.4
        return score
