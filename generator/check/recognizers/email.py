"""Email addresses. Personal addresses (jane.smith@..., anything with a name in it, any
address on a web-mail domain) are errors. A role mailbox of a public body (enquiries@, info@,
safeguarding@ on .gov.uk, .nhs.uk, .police.uk...) is a warning; allowlisted mailboxes such as
DHREnquiries@homeoffice.gov.uk are not reported at all."""

from .base import RegexRecognizer

_ROLE = {
    "enquiries", "enquiry", "info", "information", "contact", "admin", "office", "help", "helpline",
    "safeguarding", "dhr", "dhrenquiries", "communitysafety", "community.safety", "csp", "reviews",
    "team", "mailbox", "hello", "support", "complaints", "foi", "press", "media", "comms",
    "webmaster", "reception", "referrals", "mash", "marac", "idva", "policy", "secretariat",
    "dardr", "dahr", "feedback", "partnership", "publications",
}
_PUBLIC = (".gov.uk", ".nhs.uk", ".nhs.net", ".police.uk", ".pnn.police.uk", ".org.uk", ".gov.wales", ".llyw.cymru", ".ac.uk", ".sch.uk")


class EmailRecognizer(RegexRecognizer):
    ENTITY = "EMAIL_ADDRESS"
    RULE = "AN122"
    FLAGS = 0
    PATTERNS = [
        ("email", r"(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+'-]{0,63})@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}(?![\w-])", 0.95),
    ]

    def score_match(self, text, m, pattern, score):
        local, _, domain = m.group(0).lower().partition("@")
        if local.replace("-", "").replace("_", "") in _ROLE and domain.endswith(_PUBLIC):
            return 0.35
        return score
