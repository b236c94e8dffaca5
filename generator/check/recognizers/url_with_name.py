"""URLs that carry a name: any profile link on a social network (facebook.com/jan.kowalczyk), and
any URL whose host or path contains a known first name or surname, or a register term. Links to
agencies and national bodies (gov.uk pages, helplines) are not flagged."""

import re

from .base import RegexRecognizer

_SOCIAL = re.compile(
    r"(?:^|\.)(?:facebook|fb|instagram|snapchat|tiktok|twitter|x|linkedin|youtube|threads|onlyfans|pinterest|reddit|vk|t)\.(?:com|me|net)$",
    re.I,
)


_TRIBUTE = {"justice", "rip", "remembering", "remember", "memory", "memorial", "tribute", "appeal", "missing", "forever",
            "loving", "angel", "fund", "funeral", "celebrating", "team", "campaign", "family", "for"}


class UrlWithNameRecognizer(RegexRecognizer):
    ENTITY = "URL"
    RULE = "AN171"
    FLAGS = re.I
    PATTERNS = [
        ("url", r"(?<![\w@/.-])(?:https?://|www\.)[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]", 0.9),
        ("bare-domain-path", r"(?<![\w@/.-])(?:[a-z0-9-]+\.)+(?:com|co\.uk|org|net|me|uk)/[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?]", 0.9),
    ]

    def __init__(self, names=None, **kw):
        self.names = names  # a generator.check.recognizers.person_name.NameLexicon or None
        super().__init__(**kw)

    def score_match(self, text, m, pattern, score):
        url = m.group(0)
        rest = re.sub(r"^(?:https?://)?", "", url, flags=re.I)
        host, _, path = rest.partition("/")
        host = host.lower().split(":")[0]
        if host.startswith("www."):
            host = host[4:]
        if _SOCIAL.search(host) and path.strip("/") and not re.match(r"(?i)(?:pages?|help|policies|legal|about)/", path):
            return 0.95
        if re.search(r"(?:^|\.)(?:youtu|youtube|vimeo|twitch|gofundme|justgiving|funeral-notices|muchloved)\b", host) and path.strip("/"):
            return 0.9  # a personal video, fundraising or memorial page
        if self.names is None:
            return None
        parts = [p for p in re.split(r"[^A-Za-zÀ-ž']+", path + " " + host.split(".")[0]) if len(p) > 2]
        hits = [p for p in parts if self.names.is_strong_name(p)]
        if not hits and re.search(r"(?:^|/)[a-z]{3,}[._-][a-z]{3,}(?:[._-]?\d{1,4})?/?$", path, re.I):
            # a profile-like slug "kerryann.campbell.77": a given name or a surname in it is enough
            slug = re.split(r"[._\-/\d]+", path.rstrip("/").rsplit("/", 1)[-1].lower())
            hits = [p for p in slug if p in self.names.first_all or p in self.names.surnames or p in self.names.word_surnames]
        if not hits:
            # a campaign or tribute page: "justice-for-jordan-p", "remembering-amara-2023", "rip_big_dave"
            slug = [p for p in re.split(r"[._\-/\d]+", path.rstrip("/").rsplit("/", 1)[-1].lower()) if p]
            named = [p for p in slug if (p in self.names.first_all or p in self.names.surnames) and len(p) > 2]
            if named and len(slug) >= 2 and (set(slug) & _TRIBUTE or any(
                    len(q) == 1 and k > 0 and slug[k - 1] in named for k, q in enumerate(slug))):
                hits = named
        if hits and not host.endswith((".gov.uk", ".nhs.uk", ".police.uk", ".gov.wales", "legislation.gov.uk")):
            return 0.75
        return None
