"""Social media handles: @name (not inside an email address), and "Snapchat: name",
"on Instagram as name", "TikTok account name". Profile URLs are caught by url_with_name."""

import re

from .base import RegexRecognizer

# the last part of a domain or a file name, never of a user name
_NOT_HANDLE_ENDS = set(
    """com org net uk gov nhs sch police ac co io me info biz eu wales scot london cymru html htm pdf doc docx xls xlsx
    csv md txt jpg jpeg png gif svg yml yaml json xml zip js css aspx php""".split()
)

_PLATFORM = r"(?:facebook|instagram|snapchat|snap|tiktok|twitter|x|threads|telegram|whatsapp|kik|discord|youtube|twitch|reddit|linkedin|onlyfans)"


_PLATFORM_RX = re.compile(rf"(?i)\b{_PLATFORM}\b")


class SocialHandleRecognizer(RegexRecognizer):
    ENTITY = "SOCIAL_HANDLE"
    RULE = "AN161"
    FLAGS = 0
    PATTERNS = [
        ("at-handle", r"(?<![\w@.+-])@(?P<v>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@-]|\.[A-Za-z])", 0.9),
        (
            "platform-name",
            rf"\b(?i:{_PLATFORM})\b(?:[ \t]+(?i:accounts?|profiles?|user(?:name)?s?|handles?|names?|ids?))?[ \t]*(?:(?i:name|as|called|is|was|handle)[ \t]+){{0,2}}[:\-–]?[ \t]*[\"'“‘]?(?P<v>[A-Za-z0-9_.]*[_.0-9][A-Za-z0-9_.]*|[a-z][a-z0-9_.]{{3,29}})[\"'”’]?(?![\w@])",
            0.85,
        ),
        # a name used on a site: 'posted under "YasminsEx82"', 'messaged her as Callum Docherty 85'
        ("posted-under", r"\b(?i:posted|posting|messaged|messaging|commented|reviewed|wrote|writing)\s+(?i:under|as)\s+[\"“']?(?P<v>[A-Za-z][A-Za-z0-9_.]{2,29}\d{1,4}|[A-Za-z0-9_.]*[_.0-9][A-Za-z0-9_.]*)[\"”']?", 0.8),
                # user names written without the @: "samz_elm", "sunny.days.rao", "princess.kd_x"
        ("underscored", r"(?<![\w@./:-])[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*(?:_[A-Za-z0-9]+)+(?:\.[A-Za-z0-9_]+)*(?![\w@-]|\.\w)", 0.7),
        ("dotted", r"(?<![\w@./:-])[a-z][a-z0-9]+(?:\.[a-z0-9]{2,}){2,3}(?![\w@-]|\.\w)", 0.0),
        # "Snapchat message to ambz.c from sunny.b86": a dotted name after to/from/by (on a line that names a platform)
        ("to-from-on-platform", r"\b(?:to|from|by)[ \t]+(?P<v>[a-z][a-z0-9]*(?:[._][a-z0-9]+)+)(?![\w@-]|\.\w)", 0.0),
        # or a quoted name with digits: '14 Snapchat msgs from "dazzac87"'
        ("quoted-to-from-on-platform", r"\b(?:to|from|by)[ \t]+[\"“](?P<v>[a-z][a-z0-9_]{2,}\d{1,4})[\"”]", 0.0),
        # the cell after a platform's cell in a table of accounts: "| Snapchat | dazzac87 |" (cells are lines by now)
        ("platform-cell", rf"\n[ \t]*(?i:{_PLATFORM})[ \t]*\n[ \t]*(?P<v>[A-Za-z][A-Za-z0-9_.]*[_.0-9][A-Za-z0-9_.]*)[ \t]*\n", 0.8),
    ]

    def span(self, m):
        if m.re.pattern.startswith("(?<![\\w@.+-])@"):
            return m.start(), m.end()
        a, b = m.span("v") if "v" in m.re.groupindex else m.span()
        while b > a and m.string[b - 1] == ".":
            b -= 1  # "Snapchat damik.87." ends a sentence
        return a, b

    def score_match(self, text, m, pattern, score):
        v = m.group("v") if "v" in m.re.groupindex else m.group(0)
        if pattern == "underscored" and "." in v and v.rsplit(".", 1)[-1].lower() in _NOT_HANDLE_ENDS:
            return None  # a file name: "action_plan_v2.docx"
        if pattern in ("to-from-on-platform", "quoted-to-from-on-platform"):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if v.rsplit(".", 1)[-1].lower() in _NOT_HANDLE_ENDS or not _PLATFORM_RX.search(text, line_start, m.start()):
                return None  # "to example.org"; "from j.smith" on a line about no platform
            return 0.8
        if pattern == "dotted":
            last = v.rsplit(".", 1)[-1]
            if last in _NOT_HANDLE_ENDS or re.search(r"\d\.\d", v):
                return None  # a domain name, a file name or a version number
            return 0.7
        if pattern == "platform-name":
            if v.lower() in {"and", "the", "messages", "message", "account", "profile", "group", "page", "post", "posts",
                             "which", "where", "when", "with", "from", "that", "this", "about", "after", "before"}:
                return None
            if v.strip(".") == "" or v.strip(".").isdigit() or re.fullmatch(r"\d+(?:\.\d+)?[a-z]{0,3}\.?", v):
                return None  # "Sertraline reissued x 56", "ulcer 2 x 1.5cm": a quantity, not a user on X
            if re.fullmatch(r"[a-z]+\.?", v):  # ("Old Facebook closed.": a word ending a sentence)
                # a plain lower-case word is a user name only after a label: "Snapchat usernames: kaydunx",
                # "on Instagram as sunnyrao"; never after the bare platform ("Mr X convicted", "Snap said")
                between = m.group(0)[: m.start("v") - m.start()]
                platform = re.match(r"\w+", between).group(0).lower()
                labelled = re.search(r"(?i)\b(?:accounts?|profiles?|user(?:name)?s?|handles?|names?|ids?|as|called)\b|:", between[len(platform):])
                if not labelled or (platform in ("x", "snap") and ":" not in between):
                    return None
        return score
