"""Social media handles: @name (not inside an email address), and "Snapchat: name",
"on Instagram as name", "TikTok account name". Profile URLs are caught by url_with_name."""

from .base import RegexRecognizer

_PLATFORM = r"(?:facebook|instagram|snapchat|snap|tiktok|twitter|x|threads|telegram|whatsapp|kik|discord|youtube|twitch|reddit|linkedin|onlyfans)"


class SocialHandleRecognizer(RegexRecognizer):
    ENTITY = "SOCIAL_HANDLE"
    RULE = "AN161"
    FLAGS = 0
    PATTERNS = [
        ("at-handle", r"(?<![\w@.+-])@(?P<v>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@-]|\.[A-Za-z])", 0.9),
        (
            "platform-name",
            rf"\b(?i:{_PLATFORM})\b(?:\s+(?i:account|profile|user(?:name)?|handle|name|id))?\s*(?:(?i:name|as|called)\s+)?[:\-–]?\s*[\"'“‘]?(?P<v>[A-Za-z0-9_.]*[_.0-9][A-Za-z0-9_.]*|[a-z][a-z0-9_.]{3,29})[\"'”’]?(?![\w@])",
            0.85,
        ),
    ]

    def span(self, m):
        if m.re.pattern.startswith("(?<![\\w@.+-])@"):
            return m.start(), m.end()
        return m.span("v")

    def score_match(self, text, m, pattern, score):
        v = m.group("v")
        if pattern == "platform-name":
            if v.lower() in {"and", "the", "messages", "message", "account", "profile", "group", "page", "post", "posts",
                             "which", "where", "when", "with", "from", "that", "this", "about", "after", "before"}:
                return None
            if v.endswith("."):
                return None
        return score
