"""Names of people (PERSON, errors) and small places (LOCATION, warnings).

spaCy's NER alone is both deaf (lower case, CAPITALS, Polish or West African names) and noisy
("the Review Panel", "Multi-Agency Risk Assessment Conference"). This recognizer combines it with
its own logic over the same spaCy doc (no extra pipeline pass):

1. Chunks: runs of capitalised tokens on one line (with name particles such as "van", "bin",
   "ap", hyphens and initials inside), split before titles and after agency words.
2. Each token gets a class: TITLE (Mrs, PC, DS, Dr...), AGENCY (Council, Police, Trust...),
   ROLE/COMMON (an English dictionary word from the model's own lemma tables, stop words,
   months, role words), FIRST (a given-name gazetteer), SURNAME (a surname gazetteer, less
   dictionary words), INITIAL (one letter: "Adult C", "Mr X" are pseudonym styles), ACRONYM
   (DHR, MARAC), UNKNOWN (name-shaped, in no list: a rare name, a place or a brand).
3. Evidence raises the score: a title, a first name followed by a capitalised word, NER PERSON,
   a possessive ("Kowalczyk's"), a relation or naming word before it ("her son", "named",
   "known as"), two or more unknown words together. Agency words, all-common chunks, acronyms
   and pseudonym styles lower it to nothing.
4. Lower-case names ("jan kowalczyk") are found when a gazetteer first name is followed by a
   gazetteer surname; CAPITALS are title-cased before NER (see anonymise.py) and classified by
   their title-case form.

Allowed terms (pseudonyms, panel members, the allowlist) are removed afterwards by the analyser,
which knows the review; this recognizer does not.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from pathlib import Path

from presidio_analyzer import EntityRecognizer

from .. import welsh as welsh_words
from .base import result
from .quasi import LANGUAGES, NATIONALITIES

DATA = Path(__file__).resolve().parent.parent / "data"

TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "pc", "dc", "ds", "di", "dci", "dsu", "dsupt",
    "supt", "sgt", "sergeant", "insp", "inspector", "constable", "detective", "cllr", "councillor", "rev",
    "reverend", "fr", "father", "sister", "nurse", "judge", "lord", "lady", "dame", "sir", "hhj", "dj", "psc",
    "pcso", "sir", "imam", "rabbi", "pastor", "mrs.", "mr.", "dr.", "ms.", "chief", "officer", "sergeant",
    "wpc", "tdc", "dcs", "acc", "cc", "ch", "supt.", "sgt.", "insp.", "ps",
    "uncle", "auntie", "aunty", "aunt", "nan", "nanna", "nana", "nanny", "grandad", "granddad", "grandpa", "grandma",
    "granny", "cousin",
    # military ranks ("Capt Iain Macrae", "LCpl PRYCE", "Maj Strachan")
    "capt", "maj", "lt", "col", "brig", "cpl", "lcpl", "l/cpl", "ssgt", "wo1", "wo2", "pte", "spr", "gnr", "tpr", "rfn", "cfn",
}
# titles that are also ordinary capitalised words: they only count right before a name token
WEAK_TITLES = {"sister", "nurse", "father", "chief", "officer", "judge", "lord", "lady", "detective",
               "constable", "inspector", "sergeant", "pastor", "imam", "rabbi", "councillor", "professor", "di", "dc", "ds", "cc", "ch", "acc",
               "ps", "uncle", "auntie", "aunty", "aunt", "nan", "nanna", "nana", "nanny", "grandad", "granddad", "grandpa",
               "grandma", "granny", "cousin"}

AGENCY = {
    "council", "police", "constabulary", "trust", "service", "services", "team", "panel", "board", "act", "partnership",
    "hospital", "nhs", "unit", "centre", "center", "court", "courts", "foundation", "group", "agency", "agencies", "office",
    "department", "authority", "association", "project", "programme", "program", "conference", "assessment", "review",
    "reviews", "safeguarding", "health", "care", "housing", "probation", "ltd", "limited", "plc", "university", "college",
    "school", "academy", "committee", "forum", "strategy", "policy", "procedure", "protocol", "guidance", "framework",
    "plan", "report", "summary", "chair", "law", "laws", "bill", "regulations", "order", "network", "alliance", "aid",
    "support", "helpline", "line", "charity", "society", "institute", "commission", "commissioner", "ministry", "government",
    "county", "borough", "city", "district", "region", "clinic", "surgery", "practice", "pharmacy", "ambulance", "fire",
    "rescue", "prison", "hmp", "yoi", "cps", "crown", "magistrates", "tribunal", "church", "mosque", "temple", "gurdwara",
    "synagogue", "bank", "company", "council's", "police's", "station", "ward", "hub", "house", "home", "homes", "refuge",
    "homecare", "healthcare", "domiciliary",
    # firms: "Qureshi Lindley Solicitors" is a firm, and its words are no one's name elsewhere in the text
    "solicitors", "llp", "associates", "chambers", "accountants", "dental", "opticians", "nursery", "garage", "motors",
    "estates", "lettings",
    "hms", "hmnb", "rnas",  # naval bases and ships: "HMS Raleigh"
    "shelter", "initiative", "scheme", "pathway", "model", "toolkit", "tool", "checklist", "form", "meeting", "meetings",
    "marac", "mash", "mappa", "idva", "isva", "dhr", "dardr", "sar", "csp", "gp", "gps", "ae", "a&e", "icb", "ccg", "cmht",
    "directorate", "division", "branch", "sector", "system", "systems", "register", "database", "records", "record",
    "directive", "standard", "standards", "principles", "terms", "reference", "recommendation", "recommendations",
    "appendix", "annex", "chapter", "section", "part", "paragraph", "table", "figure", "glossary", "contents",
    "introduction", "conclusion", "conclusions", "analysis", "chronology", "findings", "lessons", "methodology",
    "executive", "overview", "action", "actions", "quality", "assurance", "home", "letter", "response",
}
ROLE = {
    "headteacher", "teacher", "hidva",  # "the Headteacher and the Deputy Headteacher"
    "gp", "chair", "author", "victim", "perpetrator", "officer", "manager", "worker", "nurse", "doctor", "consultant",
    "sergeant", "constable", "inspector", "detective", "superintendent", "lead", "head", "director", "coordinator",
    "co-ordinator", "advisor", "adviser", "practitioner", "clinician", "therapist", "psychiatrist", "psychologist",
    "midwife", "visitor", "paramedic", "caseworker", "social", "support", "independent", "named", "designated",
    "specialist", "senior", "deputy", "assistant", "principal", "member", "members", "secretary", "administrator",
    "analyst", "investigator", "reviewer", "panel", "family", "friend", "neighbour", "partner", "son", "daughter",
    "mother", "father", "brother", "sister", "child", "children", "adult", "subject", "deceased", "witness",
    "referrer", "referrers", "attendee", "attendees", "caller", "informant", "tenant", "applicant", "claimant",
    "registrar", "receptionist", "solicitor", "barrister", "counsel", "interpreter", "coroner", "recorder", "magistrate",
    "clerk", "usher", "keyworker", "handler", "dispatcher", "controller", "supervisor", "trainee", "student", "locum",
    "matron", "sho", "fy1", "fy2", "hca", "rgn", "rmn", "cpn", "amhp", "idva", "isva", "iosa",
}
MONTHS_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter", "eid", "ramadan",
    "diwali", "spring", "summer", "autumn", "winter", "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri",
    "sat", "sun", "covid", "covid-19", "coronavirus", "lockdown",
}
# given names that are also ordinary words, capitalised for other reasons in review text
AMBIGUOUS_FIRST = set(
    """will may june april august mark bill hope faith grace joy dawn summer autumn winter holly ivy rose shin hung
    victoria chase grant page lane major king prince royal lady young long christian irish german india china asia
    georgia paris jordan kenya israel florence ok in an so see man many son numbers genesis marine manual brain angle
    aide desire era echo delta alpha omega golden noble star sun moon love honey marry carry lean nova sage season
    spring sunday easter santa trinity liberty harmony destiny charity mercy patience glory heath forest ivory justice
    lincoln jack art pat sue ray rob carol don guy crystal amber jade ruby pearl misty sunny sandy rusty precious
    storm stormy sonny kit
    unique early light bright hunt glen dale wood west north south east temple monday jean gene else rich sterling
    cliff clay buck hunter tanner major marshall warren lance cole chance miles price constance prudence tracy
    ernest earnest frank hazel olive violet daisy iris poppy fern heather willow pansy lily dot penny sky storm river
    rain blue precious china kai ping min mi ha ma na li bo fang an lan so do else ada sol dean bob chip chuck
    don drew gay kit kip ward wade walker ward reed reid ross more mae ma pa ira val van vi sam sky ivy
    rowan robin ash wren aspen briar clover ember juniper laurel sorrel linden skye river""".split()
)
# surnames that are first of all ordinary words: they need a first name or a title beside them
COMMON_WORD_SURNAMES = set(
    """price park song long stan mann gill king young bell white green brown black hill wood do ye oh su lu han ma an
    so ding bo sun hong kang jang lim cho tan pan fan dong yuan lee kim mac ap ni rao ali shah islam butt kang hong
    wells gay mason baker cook walker hunter fisher miller turner taylor wright rich more bond banks cross""".split()
)
# abbreviations written with a capital
ABBREVIATIONS = {"tel", "mob", "fax", "ref", "refs", "no", "nos", "dob", "para", "paras", "fig", "figs", "approx", "etc", "ie",
                 "eg", "cf", "vs", "dept", "govt", "inc", "ltd", "co", "rd", "ave", "cont", "contd", "encl", "enc", "ext",
                 "appx", "app", "vol", "pp", "pg", "sec", "ch", "nb", "ps", "re", "att", "attn", "tbc", "tba", "n/a", "asap",
                 "rec", "recs", "recomm", "org", "orgs", "anpr", "bwv", "cctv", "tgt", "upd", "resp", "rag", "amb", "obs", "reg", "regd", "regn",
                 "oapa", "pace", "dvpn", "dvpo", "nfa", "rui", "ncrs", "pnd", "ppn", "oic", "sio", "imr", "imrs", "camhs",
                 "cmht", "iapt", "dash", "ridge", "mash", "soca", "dvds", "dvpp", "cpo", "nmo", "sgo", "emo", "epo", "ipp",
                 "acct", "appt", "appts", "hse", "flt", "prop", "info", "msg", "msgs", "txt", "txts", "mgr", "sw", "hv",
                 "pt", "pts", "nok", "dna", "poss", "prob", "probs", "wk", "wks", "yr", "yrs", "hrs", "mins", "conv",
                 "corr", "docs", "meds", "hosp", "admin", "ref'd", "req", "reqd", "rcvd", "recd", "wrt", "inc", "incl",
                 # qualifications and specialties after a clinician's name: "FRCS (Tr & Orth)", "MRCPsych", "RMN"
                 "orth", "tr", "frcs", "frcp", "mrcp", "mrcgp", "frcgp", "mbbs", "mbchb", "frcpsych", "mrcpsych", "frcog", "mrcog",
                 "frcem", "frca", "frcr", "frcpch", "mrcpch", "dch", "drcog", "dfsrh", "rgn", "rmn", "rnld", "bsc", "msc", "phd",
                 "dphil", "llb", "bds", "dipsw", "cqsw", "surg", "paed", "paeds", "gynae", "psych", "sho", "fy1", "fy2",
                 # "Op Encompass": an operation; "Occ 2023-0417": an occurrence
                 "op", "ops", "occ", "sch", "nkda", "nka", "rel", "dexa", "dxa",
                 # alcohol; a forwarded email; an Achieving Best Evidence interview; history, diagnosis, treatment...
                 "etoh", "fwd", "fw", "abe", "husb", "hx", "dx", "tx", "rx", "px", "sx", "fx",
                 # youth justice; offences; a platoon; form column heads ("Init.", "Civ")
                 "yjs", "yot", "jdm", "oocd", "abh", "gbh", "pl", "init", "civ"}
# Welsh words of public life, capitalised in bilingual documents: words before given names
WELSH = welsh_words.PUBLIC_WORDS
# agency words that are also surnames: after a given name they are the surname
SURNAME_AGENCY_WORDS = {"ward", "house", "bank", "banks", "court", "cross", "church", "hall", "college", "law", "chambers",
                        "fields", "park", "green", "hill", "marsh", "parish", "temple", "chapel", "chase"}
# Welsh words that come before the name of an organisation or its area
WELSH_ORG_BEFORE = set(
    """heddlu cyngor bwrdd prifysgol cymdeithas partneriaeth ymddiriedolaeth canolfan ysbyty llys gwasanaeth
    gwasanaethau cymorth comisiynydd swyddfa llywodraeth coleg""".split()
)
# makes, models and big employers: capitalised, in no dictionary, never a person
BRANDS = set(
    """vauxhall ford toyota nissan volkswagen vw bmw audi peugeot renault citroen citroën fiat skoda kia hyundai honda
    mazda mercedes mercedes-benz volvo seat mini jaguar landrover suzuki mitsubishi lexus tesla dacia astra corsa
    fiesta focus golf polo qashqai juke transit sprinter yaris micra clio octavia tesco asda sainsbury sainsbury's
    morrisons aldi lidl waitrose greggs primark amazon deliveroo uber argos boots wickes homebase ikea costa starbucks
    mcdonald's mcdonalds kfc subway iceland poundland matalan currys halfords netflix google apple android iphone
    samsung whatsapp facebook instagram snapchat tiktok youtube twitter messenger wechat telegram signal paypal ebay
    gumtree vinted airbnb zoom teams skype microsoft outlook gmail hotmail yahoo kuga puma ka mondeo galaxy zafira
    insignia mokka crossland grandland captur megane scenic kadjar sandero duster jazz civic tucson sportage ceed picanto
    niro x-trail navara hilux aygo corolla prius auris passat tiguan touran caddy fabia kodiaq karoq ibiza leon ateca
    arona vitara panda punto berlingo picasso evoque freelander countryman clubman outlander shogun vivaro trafic ducato
    partner combo ranger cherokee wrangler insta snap fb whatsapp""".split()
)
# words for family members in the languages of many families: "Abbu was angry", "Nain's house"
KINSHIP = set(
    """abbu ammi abba amma ammu nani nana dadi dada baba mama papa bhai bhaiya didi baji apa chacha chachi khala khalu
    mamu mami phupho phuphi babcia dziadek mamusia tata nain taid mamgu tadcu bibi yaya lola lolo tita tito ate kuya
    nonna nonno oma opa abuela abuelo tia tío tía tio ammamma appa anna akka thatha paati babaanne anneanne anne dede
    nine teyze hala amca dayı dayi abla abi ağabey ciocia wujek bunica bunicul ayeeyo awoowe hooyo aabo teta jiddo sitti
    nainai yeye laolao laoye iya maami maame biji pitaji mataji nanaji naniji dadaji dadiji beta beti mamó daideó
    seanmhair mamgu""".split()
)
PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "bin", "binti", "bint", "ibn", "al", "el",
             "ap", "ab", "ben", "ní", "ni", "nic", "mhic", "uí", "ua", "dos", "das", "del", "della", "ter", "ten", "st", "st.", "o'", "mac", "mc", "ní", "nic", "ó", "ui", "uí"}
RELATION = re.compile(
    r"(?:\b(?:named|called|known\s+as|aka|a\.k\.a\.|nicknamed|name\s+(?:is|was)|son|daughter|husband|wife|partner|"
    r"ex-partner|boyfriend|girlfriend|brother|sister|mother|father|mum|mam|dad|grandmother|grandfather|nan|aunt|uncle|"
    r"cousin|niece|nephew|friend|neighbour|colleague|landlord|employer|stepfather|stepmother|stepson|stepdaughter|"
    r"fianc[ée]e?|spouse|child|baby|sibling|mr|mrs|ms|miss|dr|spoke\s+to|met|visited|told|contacted|called|"
    r"with|and|by|from|to)\b[\s,]*)$",
    re.I,
)
STRONG_RELATION = re.compile(
    r"\b(?:named|called|known\s+as|aka|nicknamed|name\s+(?:is|was)|son|daughter|husband|wife|partner|ex-partner|"
    r"boyfriend|girlfriend|brother|sister|mother|father|mum|dad|grandmother|grandfather|aunt|uncle|cousin|niece|nephew|"
    r"friend|neighbour|colleague|landlord|stepfather|stepmother|fianc[ée]e?|spouse|sibling|nanny|nana|nan|gran|granny|grandma|"
    r"grandad|auntie|aunty|bestie|mate|sis|bro|hubby|bf|gf)\b[\s,:–—-]*(?:[\"'“‘(]\s*)?(?:[A-Z][a-z]+\s+)?$",
    re.I,
)
# letters of names: Latin with the accents of Polish, Romanian (ș, ț), Vietnamese (ễ, ạ, ơ, ư) and others
_L = "A-Za-zÀ-ÖØ-öø-ÿĀ-ɏḀ-ỿ"
_LANGUAGES = {w.lower() for w in LANGUAGES.split("|")} | {w.lower() for w in NATIONALITIES.split("|")}  # and nationalities
_NAMEISH_RX = re.compile(rf"^[{_L}][{_L}'’]*$")
_LOWER_NAMEISH_RX = re.compile(rf"^[{_L}][{_L}'’]+$")


class _CaseRx:
    """A letters-only pattern plus a case test (the accented ranges mix upper and lower case)."""

    def __init__(self, rx, first_upper: bool | None, all_lower: bool = False):
        self.rx, self.first_upper, self.all_lower = rx, first_upper, all_lower

    def match(self, t: str):
        if not self.rx.match(t):
            return None
        if self.all_lower:
            return True if t == t.lower() else None
        return True if t[:1].isupper() else None


_NAMEISH = _CaseRx(_NAMEISH_RX, True)
_LOWER_NAMEISH = _CaseRx(_LOWER_NAMEISH_RX, False, all_lower=True)
_INITIAL = re.compile(r"^(?:[A-Z]\.?|(?:[A-Z]\.){2,3})$")
_EXPANSION_AFTER = re.compile(r"[ \t]*\((?:[A-Z][\w'’-]*[ \t]+(?:(?:and|of|for|the|in|to|&)[ \t]+)?){1,6}")  # AVA (Against Violence...)
_INITIAL_DOT = re.compile(r"^(?:[A-Z]\.){1,3}$")
_STAFF_INITIALS = re.compile(r"^[A-Z]{1,3}(?:Mc|Mac|O')[A-Z]?$")
_CAPS_THEN_LOWER = re.compile(r"^[A-Z]{2,}[a-z]{1,4}$")
class _CapsRx:
    def match(self, t: str):
        return True if len(t) > 1 and _NAMEISH_RX.match(t) and t == t.upper() and t != t.lower() else None


_CAPS = _CapsRx()


def plain(word: str) -> str:
    """Lower case without accents: "Iași" and "Iaşi" are both "iasi"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _read_lines(name: str) -> set[str]:
    p = DATA / name
    if not p.exists():
        return set()
    return {line.strip() for line in p.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}


def _read_words(name: str) -> set[str]:
    out = set()
    p = DATA / name
    if not p.exists():
        return out
    for line in p.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        out.update(w.strip().lower() for w in line.split() if w.strip())
    return out


_SHORT_FORMS: dict[str, set[str]] | None = None


def short_forms(given: str) -> set[str]:
    """Short forms of a given name, lower case: the `nicknames` package (curated, mostly English
    and American) and data/extra_nicknames.txt (British, Irish, Welsh, Polish, Caribbean, South Asian)."""
    global _SHORT_FORMS
    if _SHORT_FORMS is None:
        from nicknames import NickNamer  # a pinned dependency (pyproject.toml): a missing one must fail, not go quiet

        table: dict[str, set[str]] = {}
        for name, shorts in NickNamer().nickname_lookup.items():
            table.setdefault(name, set()).update(shorts)
        p = DATA / "extra_nicknames.txt"
        for line in p.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0]
            if ":" in line:
                names, shorts = line.split(":", 1)
                for name in names.split():
                    table.setdefault(name, set()).update(shorts.split())
        _SHORT_FORMS = table
    return {s for s in _SHORT_FORMS.get(given.lower(), set()) if len(s) > 1 and s != given.lower()}


class NameLexicon:
    """Gazetteers and the English dictionary used to tell names from words."""

    def __init__(self, dictionary: set[str], stop_words: set[str]):
        # and the words of the work the model does not know ("criminogenic", "buprenorphine")
        self.dictionary = dictionary | _read_words("domain_words.txt")
        # less the given names WordNet lists as people ("jason", "gary", "tyler"): names, not words
        # (names_not_words.txt, built from Webster's word list, which keeps their capital)
        self.dictionary -= _read_words("names_not_words.txt")
        # the dictionary's common words (common_words.txt, from wordfreq): the others are rare ("coulter", "snook")
        self.common_words = _read_words("common_words.txt")
        self.stop_words = stop_words
        # the hand-written list is read too, so a name added there counts without rebuilding first_names.txt
        self.places = _read_lines("places.txt")  # towns and cities, lower case without accents (build_places.py)
        self.extra_places = _read_lines("extra_places.txt")  # counties and garrison towns, by hand
        self.places |= self.extra_places
        # many origins, from Faker's lists (build_more_names.py), less town names ("Bradford")
        more_first = {w for w in _read_words("more_first_names.txt") if plain(w) not in self.places}
        self.first_all = _read_words("first_names.txt") | _read_words("extra_first_names.txt") | more_first
        self.first = {f for f in self.first_all - AMBIGUOUS_FIRST if f not in stop_words and len(f) > 1}
        self.surnames = set()
        self.surnames = {
            s for s in _read_words("surnames.txt")
            if not self.is_word(s) and s not in PARTICLES and len(s) > 2
        }
        # hand-written surnames of many origins count even when WordNet knows them (Hughes, Jones, Khan)
        self.surnames |= {s for s in _read_words("extra_surnames.txt") if s not in COMMON_WORD_SURNAMES and len(s) > 2}
        self.surnames |= _read_words("more_surnames.txt")  # already filtered by build_more_names.py
        # surnames a dictionary also knows ("Campbell", "Dempsey"): a surname only right after a given name
        self.word_surnames = _read_words("word_surnames.txt")
        self._cache: dict[str, str] = {}

    @classmethod
    def from_nlp(cls, nlp) -> "NameLexicon":
        words: set[str] = set()
        try:
            lookups = nlp.get_pipe("lemmatizer").lookups
            for ws in lookups.get_table("lemma_index").values():
                words.update(w.lower() for w in ws)
            for table in lookups.get_table("lemma_exc").values():
                words.update(w.lower() for w in table)
        except Exception:  # a model without a rule lemmatizer: fall back on the stop words
            pass
        return cls(words, set(nlp.Defaults.stop_words))

    def is_word(self, w: str) -> bool:
        w = w.lower().strip("'’")
        if w in _PREFIXES:
            return True
        if w in self.dictionary or w in self.stop_words or w in MONTHS_DAYS or w in AGENCY or w in ROLE or w in _IRREGULAR:
            return True
        if "-" in w:
            parts = [p for p in w.split("-") if p]
            return bool(parts) and all(self.is_word(p) or p in _PREFIXES for p in parts)
        for suf, rep in _SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= 2:
                base = w[: len(w) - len(suf)] + rep
                if len(base) >= 3 and base in self.dictionary:  # "tries" -> "try"
                    return True
        for pre in _WORD_PREFIXES:  # "rebooked", "unreported", "overdosed": a prefix and a word
            if w.startswith(pre) and len(w) - len(pre) >= 5 and self.is_word(w[len(pre):]):
                return True
        return False

    def is_rare_word(self, w: str) -> bool:
        """A dictionary word rarely met in English ("coulter", "snook", "pounder"): after a given name, a surname."""
        w = w.lower()
        return w in self.dictionary and w not in self.common_words and w not in self.stop_words and w.isalpha()

    def is_compound(self, w: str) -> bool:
        """Two dictionary words run together: "Phoneline", "Jobcentre" (used only for words in no name list)."""
        w = w.lower()
        for k in range(3, len(w) - 2):
            tail = w[k:]
            if self._plain(w[:k]) and (self._plain(tail) or (tail.endswith("s") and self._plain(tail[:-1]))):
                return True  # "Phoneline", "Timescales"
        return False

    def _plain(self, w: str) -> bool:
        return w in self.dictionary and w not in self.first_all and len(w) >= 3

    def is_first(self, w: str) -> bool:
        return w.lower() in self.first

    def is_surname(self, w: str) -> bool:
        return w.lower() in self.surnames

    def is_strong_name(self, w: str) -> bool:
        lw = w.lower()
        return (lw in self.first or lw in self.surnames) and lw not in self.dictionary and len(lw) > 2

    def classify(self, w: str) -> str:
        c = self._cache.get(w)
        if c is None:
            c = self._classify(w)
            self._cache[w] = c
        return c

    def classify_any_case(self, w: str) -> str:
        """classify() for a word that may be written in capitals ("HARGREAVES" as "Hargreaves")."""
        return self.classify(w.capitalize() if w.isupper() else w)

    def _classify(self, w: str) -> str:
        lw = w.lower()
        if lw.endswith(("'d", "’d")) and (lw[:-2] in ABBREVIATIONS or w[:-2].isupper()):
            return "ACRONYM"  # "DNA'd" (did not attend), "OD'd"
        if lw in TITLES or lw.rstrip(".") in TITLES:
            return "TITLE"
        if lw in AGENCY or lw.rstrip("'’s") in AGENCY:
            return "AGENCY"
        if lw in self.first and lw in ABBREVIATIONS and w[:1].isupper() and w[1:].islower():
            return "FIRST"  # "my husband Rui": a given name; "RUI" (released under investigation) stays an abbreviation
        if lw in MONTHS_DAYS or lw in ROLE or lw in BRANDS or lw in WELSH or lw in KINSHIP or lw.rstrip(".") in ABBREVIATIONS \
                or lw in _LANGUAGES:
            return "COMMON"
        if w in ("A", "I"):
            return "COMMON"  # the article and the pronoun ("A Stanley knife"); "A." stays an initial
        if _INITIAL.match(w) or _STAFF_INITIALS.match(w):
            return "INITIAL"  # "K", "KMc", "JMcK": staff initials are an accepted pseudonym form
        if _CAPS_THEN_LOWER.match(w):
            return "ACRONYM"  # "OASys", "NHSmail", "CAMHs"
        if re.match(r"^(?:O|D|Mc|Mac|Fitz)['’]?[A-Z][a-z]+", w) and not self.is_word(w.replace("'", "").replace("’", "")):
            return "SURNAME"  # O'Neill, D'Souza, McAllister
        if lw in self.first:
            return "FIRST"
        if lw in self.surnames:
            return "SURNAME"
        if self.is_word(lw):
            return "COMMON"
        if len(lw) >= 7 and self.is_compound(lw):
            return "COMMON"
        return "UNKNOWN"


_IRREGULAR = {"died", "dies", "lied", "lies", "tied", "ties", "dyed", "eyed", "women", "men", "children", "people", "feet", "teeth", "mice", "geese", "grandchildren", "policemen",
              "gentlemen", "ladies", "wives", "lives", "knives", "halves", "selves", "themselves", "ourselves"}
_PREFIXES = {"multi", "non", "pre", "post", "inter", "co", "re", "sub", "anti", "self", "ex", "cross", "under", "over",
             "de", "mis", "un", "in", "pro", "semi", "step", "half", "well", "long", "short", "high", "low", "e", "x"}
_DETERMINERS = {"my", "your", "his", "her", "our", "their", "its", "the", "an", "this", "that", "these", "those", "no",
                "any", "some", "every", "each"}  # "My English is not perfect": never a given name before a surname
_WORD_PREFIXES = ("re", "un", "pre", "mis", "dis", "over", "under", "non", "out")
_SUFFIXES = [
    ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
    ("ing", ""), ("ing", "e"), ("ly", ""), ("ers", ""), ("er", ""), ("ers", "e"), ("er", "e"), ("ness", ""), ("ment", ""),
    ("ments", ""), ("isation", "ization"), ("isations", "ization"), ("ise", "ize"), ("ised", "ize"), ("ising", "ize"),
    ("our", "or"), ("re", "er"), ("tres", "ters"), ("'s", ""), ("’s", ""), ("men", "man"),
]


# words that follow "Nurse", "Officer", "Chief"... in role names rather than names
_ROLE_WORDS_AFTER_TITLE = {
    "practitioner", "specialist", "commanding", "manager", "lead", "executive", "constable", "inspector", "superintendent",
    "sergeant", "officer", "nurse", "prescriber", "consultant", "adviser", "advisor", "in", "of", "for", "on",
    "safety", "training", "team", "service", "services", "staff", "station", "unit", "visitor", "cadet", "reserve",
    "response", "investigator", "investigation", "constables", "sergeants", "officers", "nurses", "judge", "court",
    "commissioner", "clinical", "medical", "operating", "financial", "nursing", "probation", "police", "fire",
    "education", "welfare", "liaison", "family", "social", "health", "mental", "specialist", "community", "district",
    "school", "practice", "charge", "ward", "staff", "senior", "deputy", "assistant", "principal", "designated", "named",
}


_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|near|around|across|within|outside|inside|towards|into|via|through|of\s+the|visiting)|"
    r"\b(?:moved|move|moving|travelled|went|returned|relocated|drove|driven|go|going|came|come|born|lived|living|based)\s+(?:back\s+)?to)"
    r"\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+)?$"
)
# moving, visiting or living somewhere: the strongest place context ("visiting from Bradford", "moved to Preston")
_PLACE_MOTION_BEFORE = re.compile(
    r"\b(?:visit(?:ing|ed|s)?|mov(?:ed|ing|es?)|travell?(?:ed|ing)|return(?:ed|ing)|came|come|coming|liv(?:ed|ing|es)|"
    r"born|relocat(?:ed|ing)|drove|flew|grew\s+up)\s+(?:back\s+)?(?:from|to|in|into|near)\s+$")
# a given name at the start of a line or cell, or after a comma, right before a full name
_WORD_GIVEN_NAME_BEFORE = re.compile(r"(?:^|[\n|,(]|\band)[ \t]*(?P<w>[A-Z][a-z]{2,})[ \t]$")
# a name with an age in brackets: "Precious (14)", "Jay (8 yrs)", "(Jay, 8, Storm, 3)"
_NAME_WITH_AGE = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][a-z'’-]{1,})(?:[ \t]*\((?:aged?[ \t]+)?\d{1,2}(?:[ \t]*(?:yrs?|years?|y/?o|months?|mths?))?\)"
    r"|,[ \t]*\d{1,2}(?=[ \t]*[),;]))")
_PRISON_BEFORE = re.compile(r"\b(?:HMP|HMYOI|YOI|HMP/YOI|HM[ \t]+Prison)[ \t]+$")
_CAPITALISED_PHRASE = re.compile(r"\b[A-Z][a-z]+(?:['’]s)?(?:[ \t]+(?:of[ \t]+|and[ \t]+)?[A-Z][a-z]+(?:['’]s)?){1,4}")
# roles and plans written as acronyms that are also given names or words in capitals
_ROLE_ACRONYMS = {"elsa", "senco", "sendco", "lado", "pcso", "ehcp", "chisva", "ypva", "iom", "dsl",
                  "sara", "odara", "ogrs", "ovp", "ospc", "flo", "spoc"}  # and risk tools: SARA, ODARA
# a medicine: a dose, a form or a course after the word ("Enoxaparin 40 mg", "Adcal-D3 one tablet twice daily"),
# or a drug-name ending ("Lansoprazole", "Bisoprolol", "Dalteparin")
_DOSE_AFTER = re.compile(
    r"(?:-[A-Z0-9]+)?\)?(?:[ \t]*[|\n])?[ \t]+(?:\d+(?:\.\d+)?[ \t]*(?:mg|mcg|micrograms?|g|ml|units?|iu|mmol|%)(?![\w])|"
    r"(?:one|two|three|four|half|a|1|2|3|4)[ \t]+(?:tablets?|tabs?|capsules?|caps?|puffs?|sachets?|drops?|patch(?:es)?|injections?|ampoules?)\b|"
    r"(?:tablets?|capsules?|injection|cream|gel|patch(?:es)?|inhaler|oral|solution|suspension|depot|acid|MR|SR|XL)\b)", re.I)
_DRUG_ENDING = re.compile(
    r"(?:prazole|olol|statin|parin|cillin|mycin|oxetine|triptyline|apine|azepam|zolam|tidine|floxacin|sartan|pril|dronate|"
    r"codamol|cetamol|profen|thiazide|semide|gabalin|pentin|tiapine|peridol|azine|dopa|barbital|xaban|gatran|pram|traline|epine|"
    r"idone|ipramine|fenac|codone|orphine|dipine|etanide|olone|asone|sonide|terol|butamol|lukast|tropium|azole|cycline|"
    r"vudine|navir|tegravir|formin|gliptin|glizide|clopidogrel|oxaban)$", re.I)
_BUILDING_COMMA_BEFORE = re.compile(
    r"\b(?:Headquarters|HQ|Hospital|Infirmary|Surgery|Station|Centre|Center|Council|Offices|Practice|Clinic|Academy|College|"
    r"Prison|Court|Hall)[ \t]*,[ \t]*$")
_BIRTHPLACE_BEFORE = re.compile(
    r"(?:place[ \t]+of[ \t]+birth|birth[ \t]*place|\bPOB|born[ \t]+(?:in|at))\b[: \t]*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4})?[, \t]*$", re.I)
_CLASS_AFTER = re.compile(r"[ \t]+class(?:es)?\b", re.I)
_YEAR_GROUP_BEFORE = re.compile(r"\b(?:Y|Yr|Year|Reception|Nursery)[ \t]*\d{0,2}[ \t]*\([ \t]*$")
_LEGAL_TEST_AFTER = re.compile(r"[ \t]+(?:test|tests|competence|competent|competency|guidelines|principles|criteria)\b")
_PLACE_HYPHEN_AFTER = re.compile(r"-(?:super|upon|under|on|in|le|la|de|by|cum|next|sub|over)-[A-Z]", re.I)
_PLACE_HYPHEN_BEFORE = re.compile(r"[A-Z][a-z]+-(?:super|upon|under|on|in|le|la|de|by|cum|next|sub|over)-$", re.I)
_WORD_THEN_DOSE = re.compile(r"\b([A-Z][a-z]{3,})(?:-[A-Z0-9]+)?[ \t]+\d+(?:\.\d+)?[ \t]*(?:mg|mcg|micrograms?|ml|units|iu|mmol)\b")
_PLACE_WORD_AFTER = re.compile(r"[ \t]+(?:Vale|Valley|Heath|Moor|Bay|Cross|Green|Common|Bridge|Hill|on[ \t]+Sea|upon[ \t]+\w+|Heights|Tower|Towers|Mansions|Flats|Estate)\b(?![ \t]+[A-Z][a-z])")
_COUNTRY_AFTER = re.compile(
    r",[ \t]*(?:Romania|Poland|Lithuania|Latvia|Estonia|Bulgaria|Hungary|Slovakia|Czechia|Czech Republic|Ukraine|Russia|"
    r"Moldova|Belarus|Pakistan|India|Bangladesh|Sri Lanka|Nepal|Nigeria|Ghana|Somalia|Somaliland|Eritrea|Ethiopia|Sudan|"
    r"Kenya|Uganda|Zimbabwe|Zambia|Jamaica|Trinidad|Philippines|Vietnam|Viet Nam|China|Hong Kong|Iran|Iraq|Syria|"
    r"Afghanistan|Turkey|Türkiye|Albania|Kosovo|Portugal|Spain|Italy|France|Germany|Ireland|Scotland|Wales|England|"
    r"Northern Ireland|Brazil|Colombia|Morocco|Algeria|Egypt|Yemen|Kurdistan|Thailand|Malaysia|Indonesia|Greece|Cyprus)\b"
)
_PLACE_AFTER = re.compile(
    r"[\s,]*(?:area|town|city|village|county|borough|district|estate|ward|region|valley|road|street|avenue|lane|"
    r"station|airport|hospital|prison|court|park|centre|bay|beach|harbour|island|coast|council|police|shire|vale|heath|moor)\b"
    r"|(?:[ \t]+[A-Z][a-z]+)?,?[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b",
    re.I,
)


_RANK = r"(?:PC|PCSO|WPC|DC|TDC|DS|PS|DI|DCI|Sgt|SGT|Sergeant|SERGEANT|Insp|INSP|Inspector|Constable)"
_COLLAR = re.compile(
    rf"\b{_RANK}\.?[ \t]+\d{{2,6}}(?:[A-Z]{{2}}\b)?[ \t]+"  # and the Met's borough letters: "PC 1187KG WISNIEWSKI"
    r"(?P<name>[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][\w'’-]+(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][\w'’-]+){0,2})"
)
# a collar number alone still identifies the officer: "PC 4471:", "| PC 3320 |"
_COLLAR_ALONE = re.compile(rf"\b{_RANK}\.?[ \t]+\d{{3,6}}(?:[A-Z]{{2}})?\b(?![/-]\d)")
# a prose line wrapped inside an organisation's name: "commissioned by Bro Hafren\nCommunity Safety Partnership"
# (table cells, masked into lines, have spaces around their line breaks and do not match)
_AGENCY_AFTER_WRAP = re.compile(r"^\n[ \t]*(?=[A-Z])(?:[A-Z][\w'’-]*[ \t]+){0,3}(?P<w>[A-Z][\w'’]*)\b")
# an organisation named with a possessive: "Bro Hafren Women's Aid", "Elmvale Children's Services"
_POSSESSIVE_AGENCY_AFTER = re.compile(r"^[ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,2}[A-Z][\w-]*(?:['’]s|s['’])[ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,2}(?P<w>[A-Z][\w'’]*)\b")
_AND_AGENCY_AFTER = re.compile(
    r"^[ \t]+(?:and|&)[ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,4}(?P<w>[A-Z][\w'’]*)\b"
)
LOWER_TITLES = {"mr", "mrs", "ms", "miss", "dr", "pc", "pcso", "ds", "dc", "di", "dci", "sgt", "cllr", "insp"}
_PROSE_BEFORE = re.compile(r"^[ \t\n(\"“‘]$")  # a word in running text, not in code, a URL or an attribute
_PROSE_AFTER = re.compile(r"^(?:[ \t\n),;!?\"”’]|[.:](?:\s|$)|'s|’s|$)")
_ALIAS = re.compile(
    r"\b(?:alias(?:es)?|aka|a\.k\.a\.?|nicknamed|nickname|also\s+known\s+as)[\s,:]+[\"“‘']"
    r"(?P<name>[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][\w'’.-]*(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][\w'’.-]*){0,2})[\"”’']",
    re.I,
)
# a contact saved under a nickname, or the other side of a chat: '"Sunny": 07700 900951', 'SMS with "Sunny"'
_CONTACT_ALIAS = re.compile(
    r"(?:^[ \t]*(?:[-*•][ \t]*)?[\"“](?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]*)?)[\"”][ \t]*[:–-][ \t]*(?:\+44|\(?0)\d"
    r"|\b(?i:whatsapp|sms|imessage|messenger|chat|thread|texts?|messages?|calls?|conversation)[ \t]+(?i:with|from|to)[ \t]+[\"“]"
    r"(?P<name2>[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]*)?)[\"”])", re.M)
_ALIAS_OR = re.compile(r"[\"”’']?[ \t]*(?:,|(?i:or|and))[ \t]+[\"“‘'](?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]*)[\"”’']")
_NICKNAME_IN_BRACKETS = re.compile(
    r"(?<![\w'’-])(?P<prev>[A-ZÀ-ÖØ-Þ][\w'’-]+)(?:[ \t]*\([ \t]*[\"“‘'](?P<name>[A-ZÀ-ÖØ-Þ][\w'’.-]*)[\"”’'][ \t]*\)"
    # or after a dash: 'Shontelle Brennan – "Telly", which is what she asked me to call her'
    r"|[ \t]+[–—][ \t]+[\"“](?P<name2>[A-ZÀ-ÖØ-Þ][\w'’.-]*)[\"”])")
_BRACKET_AFTER = re.compile(r"(?:['’]s)?[ \t]*\(([^()\n]{1,80})\)")
_QUOTED_NAME = re.compile(r"[\"“‘']\s*(?P<name>[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][\w'’.-]*(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][\w'’.-]*){0,2})\s*[\"”’']")
_USER_NAME = re.compile(r"(?<![\w@./:-])[a-z]{1,2}[._](?P<sur>(?:mc|mac|o)?[a-z][a-z'-]{2,})(?P<num>\d{0,3})(?![\w@-]|\.\w)")
# a login without a dot: "smistry3", "nbhatti" (an initial and a gazetteer surname, with digits or after a user word)
_LOGIN = re.compile(r"(?<![\w@./:-])[a-z](?P<sur>[a-z]{3,})(?P<num>\d{0,3})(?![\w@-]|\.\w)")
_CAPS_LOGIN = re.compile(r"\b(?:user(?:name)?|login|by)[ \t:]+(?P<login>[A-Z](?P<sur>[A-Z]{3,})\d{0,3})\b")
_OR_NAME_AFTER = re.compile(r",?[ \t]+or[ \t]+[\"“‘']?(?P<w>[A-Z][\w'’-]{1,20})[\"”’']?(?![ \t]+[A-Z])")
_JOINED_BEFORE = re.compile(r"(?<![\w'’-])(?P<w>[A-Z][a-z]{2,})(?:[ \t]+(?:and|&)|,)[ \t]+$")
_JOINED_AFTER = re.compile(r"[ \t]+(?:and|&)[ \t]+(?P<w>[A-Z][a-z]{2,})\b(?!['’-]\w)")
_ALONE_BEFORE = re.compile(r"(?:^|\n)[ \t]*$")  # alone in a table cell or on its line
_ALONE_AFTER = re.compile(r"[ \t]*(?:\n|$)")
_USER_WORD_BEFORE = re.compile(r"(?:\b(?:user(?:name)?|login|logged\s+(?:in\s+)?by|entered\s+by|updated\s+by|recorded\s+by|"
                               r"created\s+by|author|by|officer|staff|worker|cpn|sw|ho)\b[\s:]*|\|\s*)$", re.I)
RELATION_WORDS = (r"mum|mam|mother|dad|father|sister|brother|son|daughter|partner|ex|ex-partner|husband|wife|boyfriend|"
                   r"girlfriend|friend|neighbour|nan|nana|aunt|auntie|uncle|cousin|niece|nephew|grandmother|grandfather|"
                   r"grandma|grandad|stepdad|stepmum|stepfather|stepmother|sibling|fiance|fiancee|mate|bestie|nanny|nanna|gran|granny|"
                   r"grandson|granddaughter|stepson|stepdaughter|landlord|landlady")
# a relation word (or a naming word) right before a word: "his mum Marsh", "known as Marsh"
_KIN_JUST_BEFORE = re.compile(rf"\b(?:{RELATION_WORDS}|aunty|colleague|spouse|named|called|known[ \t]+as)[ \t]*$", re.I)
_NOT_NAME_BEFORE_RELATION = set(
    """new current former previous late ex violent abusive older younger elder eldest youngest male female own their
    her his alleged estranged married unmarried long-term longterm then now same other second first third""".split()
)
_INITIALS_AFTER_RELATION = re.compile(rf"(?<![\w-])(?:{RELATION_WORDS})[ \t]+(?P<name>[A-Z]{{2,3}})(?=['’]s\b|[ \t]*[,.;:)]|[ \t]+(?:was|is|said|has|had|and)\b)")
_NAME_THEN_RELATION = re.compile(
    rf"(?<![\w'’-])(?P<name>[A-Z][a-z'’-]+),[ \t]+(?:my|her|his|our|their)[ \t]+(?:(?:first|eldest|oldest|youngest|little|baby|big|"
    rf"older|younger|only|late|darling|beautiful)[ \t]+)?(?:{RELATION_WORDS}|grandchild|girl|boy)(?=[ \t]*[,.;)]|[ \t]+(?:is|was|who)\b)"
    # "Jordan is my sister's boy", "Hope was our youngest": a family member's own words
    rf"|(?<![\w'’-])(?P<name2>[A-Z][a-z'’-]+)[ \t]+(?:is|was)[ \t]+(?:my|our)[ \t]+(?:(?:first|eldest|oldest|youngest|little|baby|big|"
    rf"older|younger|only|late|darling|beautiful)[ \t]+)?(?:{RELATION_WORDS}|grandchild|girl|boy)\b")
_LOWER_ROLES = (r"pharmacist|gp|nurse|hv|sw|idva|isva|cpn|ot|physio|midwife|keyworker|key\s+worker|worker|officer|manager|"
                r"social\s+worker|support\s+worker|housing\s+officer|teacher|dsl|senco|receptionist|carer|advocate|psychiatrist|"
                r"mgr|boss|supervisor|line\s+manager|team\s+leader")
_LOWER_NAME_RULES = [
    (re.compile(r"(?<![\w.])(?:mr|mrs|ms|miss|dr|pc|ds|dc|sgt|cllr)\.?[ \t]+[a-z]\.?[ \t]+(?P<name>[a-z][a-z'’-]{2,})\b"),
     "a title, an initial and a name in lower case", 0.8),
    (re.compile(rf"(?<![\w-])(?:{RELATION_WORDS})(?:['’]s)?[ \t]+(?P<name>[a-z][a-z'’-]{{2,}})\b(?!['’-]\w)"),
     "a name in lower case after a relation word", 0.7),
    # "faith (mgr)", "rocky (cal mate)", "jo (sua's sister)": an owner may come before the relation
    (re.compile(rf"(?<![\w-])(?P<name>[a-z][a-z'’-]{{2,}})[ \t]+\((?:[a-z]+(?:['’]s)?[ \t]+)?(?:{RELATION_WORDS}|perp|perpetrator|victim|pt|patient|{_LOWER_ROLES})\)"),
     "a name in lower case before its relation", 0.7),
    (re.compile(rf"(?<![\w-])(?:{_LOWER_ROLES})[ \t]+\((?P<name>[a-z][a-z'’-]{{2,}})\)"),
     "a name in lower case in brackets after a role", 0.7),
]
_KNOWN_AS_FIELD = re.compile(
    r"\b(?i:known\s+as|preferred\s+name|nick\s?name|also\s+known\s+as|previous\s+names?|maiden\s+name|other\s+names?)"
    r"[ \t]*(?::|\|[ \t]*|[ \t]*\n)[ \t]*[\"“‘']?"  # "Known as: Sunny", or the next cell of a table: '| Known as | "Telly" |'
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]*){0,2})")
_ALIAS_LINE = re.compile(r"\b(?i:aka|a\.k\.a\.?|alias(?:es)?|also\s+known\s+as)\b[:|\s]+(?P<rest>[^\n]{1,80})")
_NAMED_AS = re.compile(
    r"\b(?:(?:known|referred\s+to)\s+(?:to\s+(?:\w+\s+){1,2})?as|called\s+(?:him|her|them|me|us)|calls\s+(?:him|her|them|me)|"
    r"(?i:they|we|everyone|everybody|people|friends|he|she)\s+call(?:ed|s)?(?:\s+(?:him|her|them|me))?|(?i:know)\s+(?:him|her|them)\s+as|"
    r"(?i:call\s+me)|(?i:names?\s+(?:given|recorded|stated)\s+as)|"  # 'Egidijus ("call me Egis")', 'NAMES GIVEN AS "EGIS"'

    r"nicknamed|went\s+by|goes\s+by|(?:nick)?name\s+for\s+(?:him|her)\s+was)[\s,]+[\"“‘']?"
    r"(?P<name>[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][\w'’-]*(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][\w'’-]*)?)(?!['’]s\b)"
)
# a case title: "R v TANSLEY" names the defendant; with a law report's year after it ("[2006]", its brackets
# blanked by the Markdown mask), it is a published case
_CASE_TITLE = re.compile(r"\bR\.?[ \t]+v\.?[ \t]+(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})\b(?![ \t]*[\[(]?[ \t]*(?:19|20)\d\d\b)")
_PUBLISHED_CASE_BEFORE = re.compile(r"\b(?:R|[A-Z][\w'’-]+)\.?[ \t]+v\.?[ \t]+$")
_PUBLISHED_CASE_AFTER = re.compile(r"[ \t]*[\[(]?[ \t]*(?:19|20)\d\d\b[ \t]*[\])]?")  # ("[2006]" is masked as a link's brackets)
# a worker named in brackets after the role, as records sign entries: "Reception (Chantelle)", "text sent by reception (Jade)"
_ROLE_THEN_NAME = re.compile(r"\b(?P<role>[A-Za-z]+)[ \t]*\([ \t]*(?P<name>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+)?)[ \t]*\)")
_DESK_ROLES = {"reception", "receptionist", "admin", "administrator", "clerk", "porter", "duty", "operator", "handler"}
# an email's or a letter's greeting: "Hi Shiv,", "Dear Marlene,"
_GREETING = re.compile(r"(?m)^[ \t>]*(?:Hi|Hiya|Hello|Hey|Dear|Morning|Afternoon|Evening)[ \t]+(?P<name>[A-Z][a-z'’-]+)[ \t]*[,!]")
_NOT_GREETED = {"all", "team", "everyone", "everybody", "colleague", "colleagues", "sir", "madam", "both", "there", "guys",
                "folks", "panel", "chair", "friends", "friend", "mum", "mam", "dad", "nan", "gran", "again", "you", "reader",
                "members", "member", "partners", "sirs", "manager", "doctor", "nurse", "officer", "love", "darling", "babe", "hun"}
_FAMILY_PLURAL = re.compile(r"\b[Tt]he[ \t]+(?P<name>[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?)s\b")
_SURNAME_FIRST = re.compile(r"(?:^|(?<=[\n|:]))[ \t]*(?P<w>[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][\w'’-]+),[ \t]*$")
_NAME_BEFORE_PREFERENCE = re.compile(
    r"(?P<name>[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][\w'’-]*)[ \t]*\((?i:as[ \t]+(?:she|he|they|I)[ \t]+(?:asked|prefer(?:s|red)?|like[sd]?|want(?:s|ed)?|wish(?:es|ed)?|chose)"
    r"[ \t]+to[ \t]+be[ \t]+(?:called|known)|(?:her|his|their|my)[ \t]+(?:preferred|chosen)[ \t]+name)")
_LOWER_SPEAKER_VERB = re.compile(
    r"[ \t]+(?:said|says|told|tells|texted|rang|phoned|called|hit|punched|pushed|kicked|grabbed|slapped|strangled|threatened|"
    r"arrived|stated|reported|disclosed|denied|admitted|refused|agreed|asked|wants|wanted|went|came|turned[ \t]+up|"
    r"collected|dropped|messaged|answered|shouted|screamed|cried|left[ \t]+(?:the|her|his|at|with))\b")
_APPOSITIVE_ORG_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,6}(?:service|charity|organisation|organization|project|clinic|centre|center|"
    r"helpline|programme|agency|provider|trust|network|partnership|group)\b")
_REFERENCE_LINE = re.compile(
    r"^[ \t]*(?:[-*][ \t]+|\d+\.[ \t]+)?(?:[A-ZÀ-ÖØ-Þ][\w'’-]+[ \t]+)?[A-ZÀ-ÖØ-Þ][\w'’-]+,[ \t]+(?:[A-Z]\.[ \t]*){1,3}[^\n]{0,160}?\((?:19|20)\d\d[a-z]?\)")
_HOSPITAL_WARD_BEFORE = re.compile(r"(?:\b(?:to|on|onto|from|at|in|of)|[(,])[ \t]*$")
SEASONS = {"spring", "summer", "autumn", "winter"}  # in MONTHS_DAYS, yet also given names ("Summer said")
_SAY_VERB = re.compile(r"[ \t]+(?:said|says|told|tells|texted|rang|phoned|asked|messaged|shouted)\b")
_CLAUSE_START_BEFORE = re.compile(r"(?:^|[.;:!?,(|\n\"“]|\b(?:and|but|then|that|when|so|because|as|if|while|said|says|told|with|by))[ \t]*$")
_CHAT_SPEAKER = re.compile(  # a WhatsApp export; its brackets are masked out (they look like link text)
    r"^[ \t]*\[?[ \t]*\d{1,2}[/.]\d{1,2}[/.]\d{2,4},[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp][Mm])?[ \t]*\]?[ \t]*(?P<name>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,2})[ \t]*(?:[^\w\s:]{1,4}[ \t]*)?:", re.M)
_MESSENGER_SPEAKER = re.compile(
    r"^[ \t]*(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+){0,2})[ \t]+·[ \t]+(?:\d|[A-Z][a-z]{2}\b|Yesterday|Today)", re.M)
_NICK_INSIDE = re.compile(
    r"(?<![\w'’-])(?P<first>[A-ZÀ-ÖØ-Þ][\w'’-]+)[ \t]+[\"“‘'](?P<nick>[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*)?)[\"”’'][ \t]+(?P<last>[A-ZÀ-ÖØ-Þ][\w'’-]+)")
_NAME_BEFORE_PSEUDONYM = re.compile(
    r"(?<![\w'’-])(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+)?)[ \t]*\((?:(?:referred[ \t]+to|known)[ \t]+as[ \t]+|now[ \t]+)?[\"“‘']?"
    r"(?:Child|Adult|Baby|Son|Daughter|Sibling|Person|Victim|Subject|Family[ \t]+[Mm]ember|Mr|Mrs|Ms|Miss)[ \t]+[A-Z0-9]\b")
_LOWER_GAELIC_NAME = re.compile(r"(?<![\w'’.@-])(?P<first>[a-z]{3,})[ \t]+(?:o['’]|mc|mac)[a-z]{3,}\b(?![@.]\w)")
_BY_NUMBER = re.compile(r"\b(?:BY|OFFICER|OFFR)[ \t]+(?P<num>\d{4})\b(?![/:.-]\d)")
_BIG_NICKNAME = re.compile(r"(?<![\w'’-])(?P<name>(?:Big|Little|Lil|Lil'|Wee)[ \t]+(?P<w>[A-Z][a-z]{0,9}))\b(?![ \t]+[A-Z])")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|these|those|its|our|their|his|her|my|your)\s+$", re.I)
_SUBJECT_VERB_AFTER = re.compile(
    r"[ \t]+(?:has|had|was|is|said|says|told|tells|hit|punched|pushed|grabbed|kicked|threatened|went|came|left|returned|"
    r"called|rang|texted|messaged|phoned|arrived|admitted|denied|stated|reported|refused|attended|lived|moved|became|"
    r"would|could|did|does|wanted|asked|agreed|claimed)\b")
_NAME_WORD_AFTER = re.compile(r"[ \t]+[A-Z][\w'’-]*")
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
_CAMEL = re.compile(r"[a-z][A-Z]")
_NAME_CAMEL = re.compile(r"^(?:Mc|Mac|Nic|Ní|Ni|Mhic|Uí|Ui|Ó|De|Di|Da|La|Le|Van|Von|Fitz|O'|D')[A-ZÀ-ÖØ-Þ]")


def _after_determiner(text: str, a: int) -> bool:
    """The word at `a` follows "the", "a", "her", "their"...: a noun ("the summer", "her hope"), not a name."""
    return bool(_DETERMINER_BEFORE.search(text[max(0, a - 14) : a]))


def _sentence_start(text: str, a: int) -> bool:
    k = a - 1
    while k >= 0 and text[k] in " \t\"'“‘(*_":
        k -= 1
    return k < 0 or text[k] in ".!?:\n|#>-•"


def _inside(spans: list[tuple[int, int]], a: int) -> bool:
    k = bisect.bisect_right(spans, (a, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= a < spans[k][1]


def _line_start(text: str, a: int) -> bool:
    """Is position a the first word of its line (after spaces, bullets, heading marks or a number)?"""
    ls = text.rfind("\n", 0, a) + 1
    return re.fullmatch(r"[ \t>*#\-•]*(?:\d+[.)][ \t]*)?", text[ls:a]) is not None


def _brand(t: str) -> bool:
    return bool(_CAMEL.search(t)) and not _NAME_CAMEL.match(t)


def _wordlike(t: str) -> bool:
    low = t.lower()
    vowels = sum(c in "aeiouy" for c in low)
    return len(low) >= 4 and vowels >= 2 and not re.search(r"[^aeiouy]{4}", low)


def _in_caps_run(text: str, a: int, b: int) -> bool:
    """Is text[a:b] one of three or more words in capitals on its line?"""
    ls = text.rfind("\n", 0, a) + 1
    le = text.find("\n", b)
    line = text[ls : len(text) if le < 0 else le]
    words = re.findall(r"[A-Za-zÀ-ž'’]+", line)
    caps = [w for w in words if w.isupper() and len(w) > 1]
    return len(caps) >= 3 and len(caps) >= 0.7 * len(words)


# the reason given for a name that looks like a cited author: a warning, and other rules read it
CITED_AUTHOR = "a cited author? (check it is a publication)"
_AUTHOR = r"[A-Z][\w'’-]+"
# more authors after the first: "Hartigan and Okonjo", "Sørensen, Mahmood and Price", "Delacroix-Mbeki et al."
_MORE_AUTHORS = rf"(?:(?:,[ \t]*{_AUTHOR}){{0,4}},?\s+(?:and|&)\s+{_AUTHOR}|\s+et\s+al\.?)"
_CITATION_AFTER = re.compile(rf"^(?:[ \t]+{_AUTHOR})?{_MORE_AUTHORS}?\s*\(\s*(?:19|20)\d\d[a-z]?\s*[),;:]")
_NOT_CITATION_BEFORE = re.compile(r"\b(?:re|against|v|vs)\.?[ \t]+$")  # "Caution re K. Ellwood (2016)": a record, not a citation
_AUTHOR_AND_BEFORE = re.compile(rf"{_AUTHOR}[ \t]+(?:and|&)[ \t]+$")
_CITATION_IN = re.compile(rf"^(?:[ \t]+{_AUTHOR})?{_MORE_AUTHORS}?,?\s+(?:19|20)\d\d[a-z]?\s*[),;]")  # "(Monckton Smith, 2020)"
_CITATION_OPEN_BEFORE = re.compile(rf"(?:\(|;[ \t]|(?:\(|;)[ \t]*{_AUTHOR}(?:,[ \t]*{_AUTHOR})*(?:,?[ \t]+(?:and|&)[ \t]+|,[ \t]*))$")
_THE_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|our|their)\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+[a-z]")
_FAMILY_AFTER = re.compile(
    r"\s+(?:family|families|household|home|house|children|brothers|sisters|twins|boys|girls|couple|parents|siblings|"
    r"case|murder|killing|homicide|inquest|trial|investigation)\b"
)


class Token:
    __slots__ = ("text", "start", "end", "cls", "shape", "i")

    def __init__(self, text, start, end, cls, shape, i):
        self.text, self.start, self.end, self.cls, self.shape, self.i = text, start, end, cls, shape, i


class PersonNameRecognizer(EntityRecognizer):
    """PERSON (errors at the configured threshold) and LOCATION (warnings)."""

    def __init__(self, lexicon: NameLexicon | None = None, **kw):
        self.lexicon = lexicon
        self._welsh: list[tuple[int, int]] = []  # Welsh passages of the text being analysed
        self._ents: dict[int, str] = {}  # the NER label of each token of the text being analysed
        super().__init__(supported_entities=["PERSON", "LOCATION"], name="PersonNameRecognizer", **kw)

    def load(self) -> None:
        pass

    # -- helpers -------------------------------------------------------------------------

    def _shape(self, t: str) -> str:
        if _INITIAL_DOT.match(t):
            return "TITLE"  # "F." as one token: an initial
        if _CAPS.match(t) and len(t) > 1:
            return "CAPS"
        if _NAMEISH.match(t):
            return "TITLE"
        if _LOWER_NAMEISH.match(t):
            return "LOWER"
        return "OTHER"

    def analyze(self, text, entities, nlp_artifacts=None):
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        doc = nlp_artifacts.tokens
        lex = self.lexicon
        ents = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                ents[i] = ent.label_
        out = []
        toks = list(doc)
        n = len(toks)
        welsh = self._welsh = welsh_words.welsh_spans(text)
        self._ents = ents
        self._org_words: set[str] = set()
        # words with a dose after them somewhere in this text are medicines everywhere in it
        # ("Acamprosate 333mg ... Acamprosate stopped")
        self._medicines = {m.group(1).lower() for m in _WORD_THEN_DOSE.finditer(text)}

        # initials of capitalised phrases in this text: "EWA" after "Elmvale Women's Aid" is an acronym, not Ewa
        org_initials = {"".join(w[0] for w in ph.split()) for ph in _CAPITALISED_PHRASE.findall(text)}

        # 1. build chunks of name-shaped tokens on one line
        chunks: list[list[Token]] = []
        cur: list[Token] = []

        def flush():
            nonlocal cur
            if cur:
                # trailing connectors are not part of a name
                while cur and cur[-1].cls in ("PARTICLE", "HYPHEN"):
                    cur.pop()
                if cur:
                    chunks.append(cur)
            cur = []

        for i, tok in enumerate(toks):
            t = text[tok.idx : tok.idx + len(tok.text)]  # the original characters (not title-cased)
            if tok.is_space:
                if "\n" in tok.text or "\t" in tok.text or len(tok.text) >= 2:
                    flush()  # a line break, or a gap between two fields ("SIVALINGAM, Tharshan    Team: HTT")
                continue
            shape = self._shape(t)
            word = t
            if shape == "CAPS":
                word = t.capitalize()
            if shape in ("TITLE", "CAPS"):
                cls = lex.classify(word)
                if shape == "CAPS" and cls == "FIRST" and t.lower() in ABBREVIATIONS:
                    cls = "COMMON"  # "RUI" (released under investigation), though "Rui" is a given name
                in_welsh = bool(welsh) and _inside(welsh, tok.idx)
                if cls == "TITLE" and word.lower() == "sir" and (in_welsh or (cur and cur[-1].text.lower() in ("cyngor", "cyngor's"))):
                    cls = "COMMON"  # "Cyngor Sir Bro Hafren": "sir" is a county in Welsh
                if in_welsh and cls == "UNKNOWN" and any(r in lex.first for r in welsh_words.radicals(word.lower())[1:]):
                    cls = "FIRST"  # a mutated given name: "i Fethan" (Bethan), "gan Gatrin" (Catrin)
                elif in_welsh and cls not in ("TITLE", "INITIAL", "AGENCY") and (
                        cls == "UNKNOWN" or welsh_words.is_welsh_word(word)):
                    cls = "COMMON"  # a word of a Welsh sentence: "Mae Partneriaeth Cymunedau Diogelach ..."
                    ents.pop(i, None)  # the English NER model's labels mean nothing in Welsh
                elif cls in ("UNKNOWN", "SURNAME") and welsh_words.is_welsh_word(word):
                    cls = "COMMON"  # "Llinell Gymorth", "Ysgol Gynradd" in English text
                elif cls not in ("TITLE", "AGENCY") and i + 1 < n and toks[i + 1].text in ("'r", "’r") and welsh_words.is_welsh_word(word):
                    cls = "COMMON"  # "Mae'r e-bost hwn": Welsh "is the", not Mae
                if shape == "CAPS" and (len(t) <= 2 or (len(t) <= 4 and not re.search(r"[AEIOUY]", t))
                                        or (len(t) <= 6 and _EXPANSION_AFTER.match(text, tok.idx + len(t)))) and cls not in ("TITLE", "AGENCY"):
                    cls = "ACRONYM"  # "ED", "GP", "DS" without a number: never a name on their own
                elif shape == "CAPS" and cls not in ("FIRST", "SURNAME", "TITLE", "AGENCY") and ents.get(i) != "PERSON":
                    # an acronym, unless it is a pronounceable word inside a line of capitals ("SOMTO EZEOKE WAS ...")
                    if len(t) <= 6 and not (_in_caps_run(text, tok.idx, tok.idx + len(t)) and _wordlike(t)):
                        cls = "ACRONYM"
                if (shape == "CAPS" and cls in ("ACRONYM", "COMMON", "UNKNOWN") and len(t) <= 6 and bool(cur)
                        and cur[-1].cls in ("FIRST", "UNKNOWN") and cur[-1].shape == "TITLE" and cur[-1].end == tok.idx - 1
                        and _wordlike(t) and t.lower() not in ABBREVIATIONS and t not in org_initials):
                    cls = "SURNAME"  # a short surname in capitals right after a given name, as police records write them: "Naseem BIBI"
                elif shape == "TITLE" and cls == "UNKNOWN" and (_PLURAL_ACRONYM.match(t) or _brand(t)):
                    cls = "ACRONYM"  # IMRs, SIOs; WeChat, SystmOne
                if shape == "CAPS" and (t.lower() in _ROLE_ACRONYMS or (len(t) <= 5 and t in org_initials and ents.get(i) != "PERSON" and cls != "TITLE")):
                    cls = "ACRONYM"  # "check-in with ELSA" (an Emotional Literacy Support Assistant), not Elsa
                if cls == "ACRONYM" and shape == "CAPS" and cur and cur[-1].cls == "HYPHEN" and len(t) >= 3 and re.search(r"[AEIOUY]", t):
                    cls = "COMMON"  # the second half of a double-barrelled name in capitals: "THOMPSON-HINDS"
                cur.append(Token(t, tok.idx, tok.idx + len(tok.text), cls, shape, i))
                if cls == "TITLE" and tok.whitespace_ == "" and i + 1 < n and toks[i + 1].text == ".":
                    pass
                continue
            if cur and t in ("-", "‐") and tok.whitespace_ == "" and i > 0 and toks[i - 1].whitespace_ == "":
                cur.append(Token(t, tok.idx, tok.idx + len(t), "HYPHEN", "OTHER", i))
                continue
            if cur and t == "." and cur[-1].cls in ("INITIAL", "TITLE") and cur[-1].end == tok.idx and len(cur[-1].text) <= 4:
                cur[-1].end = tok.idx + 1
                cur[-1].text += "."
                continue
            if cur and shape == "LOWER" and t.lower() in PARTICLES:
                cur.append(Token(t, tok.idx, tok.idx + len(t), "PARTICLE", shape, i))
                continue
            flush()
            if welsh and shape == "LOWER" and _inside(welsh, tok.idx):
                continue  # lower-case words of a Welsh sentence are Welsh words
            # lower-case names: two lower-case words in no dictionary, one of them in a gazetteer
            if shape == "LOWER" and len(t) > 2 and i + 2 < n and tok.whitespace_ and not re.fullmatch(RELATION_WORDS, t.lower()) and (
                    t.lower() in lex.first or not lex.is_word(t) or (t in lex.first_all and t not in lex.stop_words)):
                j = i + 1
                while j < n and toks[j].is_space and "\n" not in toks[j].text:
                    j += 1
                if j < n:
                    nt = text[toks[j].idx : toks[j].idx + len(toks[j].text)]
                    if _LOWER_NAMEISH.match(nt) and len(nt) > 2 and not lex.is_word(nt) and (
                        t.lower() in lex.first or nt.lower() in lex.surnames or t.lower() in lex.surnames
                    ) and (t.lower() in lex.first or not lex.is_word(t) or nt.lower() in lex.surnames):  # "rose brennan"
                        out.append(result("PERSON", tok.idx, toks[j].idx + len(nt), 0.8, "AN101", self, "a name in lower case"))
                    elif _LOWER_NAMEISH.match(nt) and t.lower() in lex.first_all and t not in lex.stop_words and nt.lower() in lex.word_surnames \
                            and STRONG_RELATION.search(text[max(0, tok.idx - 30) : tok.idx]):
                        # "her partner lee chance": a given name and a surname that is also a word, after a relation
                        out.append(result("PERSON", tok.idx, toks[j].idx + len(nt), 0.8, "AN101", self, "a name in lower case"))
            # a title in lower case before a name-like word: "mrs okafor", "ds kowalski"
            if shape == "LOWER" and t in LOWER_TITLES and tok.whitespace_:
                j = i + 1
                while j < n and toks[j].is_space and "\n" not in toks[j].text:
                    j += 1
                if j < n:
                    nt = text[toks[j].idx : toks[j].idx + len(toks[j].text)]
                    strong_title = t in ("mr", "mrs", "ms", "miss", "dr", "cllr")
                    if _LOWER_NAMEISH.match(nt) and (len(nt) > 2 or (strong_title and not nt.isascii())) and (
                        nt.lower() in lex.surnames or nt.lower() in lex.first or not lex.is_word(nt)
                        or (strong_title and nt.lower() in lex.word_surnames | lex.first_all)
                    ):
                        end = toks[j].idx + len(nt)
                        k = j + 1  # more name words in no dictionary: "mrs đỗ thị hạnh"
                        while k + 1 < n and toks[k - 1].whitespace_ == " " and _LOWER_NAMEISH.match(toks[k].text) \
                                and not toks[k].text.isascii() and not lex.is_word(toks[k].text):
                            end = toks[k].idx + len(toks[k].text)
                            k += 1
                        out.append(result("PERSON", tok.idx, end, 0.8, "AN102", self, "a title and a name in lower case"))
            # a lower-case word as the subject of a speech or action verb in notes: "gemma said", "anji texted"
            if (shape == "LOWER" and len(t) > 2 and _LOWER_SPEAKER_VERB.match(text, tok.idx + len(t))
                    and _PROSE_BEFORE.match(text[max(0, tok.idx - 1) : tok.idx] or " ")
                    and not _after_determiner(text, tok.idx)
                    and t not in lex.stop_words and t not in ROLE | AGENCY | KINSHIP
                    and (t not in MONTHS_DAYS or (t in SEASONS and _SAY_VERB.match(text, tok.idx + len(t))))
                    and t.rstrip(".") not in ABBREVIATIONS and t not in _LANGUAGES):
                if t in lex.first_all and (not lex.is_word(t) or _CLAUSE_START_BEFORE.search(text[max(0, tok.idx - 12) : tok.idx])):
                    # a given name that is also a word ("precious", "grace") only where a clause starts: not "an older man came"
                    out.append(result("PERSON", tok.idx, tok.idx + len(t), 0.6, "AN101", self, "a first name in lower case (the subject of a verb)"))
                elif not lex.is_word(t) and re.search(r"[aeiouy]", t) and not welsh_words.is_welsh_word(t):
                    out.append(result("PERSON", tok.idx, tok.idx + len(t), 0.55, "AN101", self, "a lower-case word in no dictionary, the subject of a verb"))
            # a given name alone in lower case ("darren was there"): in the gazetteer and in no dictionary
            if (shape == "LOWER" and len(t) > 2 and t in lex.first and not lex.is_word(t) and t not in lex.dictionary
                    and _PROSE_BEFORE.match(text[max(0, tok.idx - 1) : tok.idx] or " ")
                    and _PROSE_AFTER.match(text[tok.idx + len(t) : tok.idx + len(t) + 2] or " ")):
                out.append(result("PERSON", tok.idx, tok.idx + len(t), 0.6, "AN101", self, "a first name in lower case"))
        flush()

        # 2. split chunks at titles and agency words, then score
        scored = []
        for chunk in chunks:
            for part, has_title, agency_before in self._split(chunk):
                r = self._score(part, has_title, agency_before, text, toks, ents, n)
                if r:
                    scored.append(r)
        # a word in no dictionary that names an organisation elsewhere in this text is a place or an
        # organisation alone too ("Kelsby Recovery Service" ... "seen in Kelsby"), unless a name holds it
        in_names = {w.lower() for r in scored if r.entity_type == "PERSON" and " " in text[r.start : r.end].strip()
                    for w in re.findall(r"[\w'’-]+", text[r.start : r.end])}
        for r in scored:
            m = _WORD_GIVEN_NAME_BEFORE.search(text, max(0, r.start - 20), r.start)
            if m and r.entity_type == "PERSON" and r.score >= 0.85 and " " in text[r.start : r.end].strip() \
                    and text[r.start : r.start + 1].isupper() and self._word_given_name(m.group("w")):
                # "Storm Callum Drummond" at the start of a cell: a given name that is also a word, before a full name
                r = result("PERSON", m.start("w"), r.end, r.score, "AN101", self, (r.recognition_metadata or {}).get("why", "a name"))
            w = text[r.start : r.end]
            if r.entity_type == "PERSON" and r.score < 0.9 and w.lower() in self._org_words - in_names \
                    and w.lower() not in lex.first:
                # a surname too, with nothing but the language model to say it is a name: "Brightwell Homecare" ... "Brightwell coordinator"
                r = result("LOCATION", r.start, r.end, 0.4, "AN206", self, "a place or organisation (named so elsewhere in this text)")
            out.append(r)
        # an alias or nickname in quotes: alias "Con T", nicknamed 'Daz'
        for m in _ALIAS.finditer(text):
            out.append(result("PERSON", m.start("name"), m.end("name"), 0.8, "AN101", self, "an alias or nickname"))
        for m in _NAME_WITH_AGE.finditer(text):  # Children: Precious (14), Jay (8), Storm (3); (Jay, 8, Storm, 3)
            if self._word_given_name(m.group("name")) or m.group("name").lower() in lex.first:
                out.append(result("PERSON", m.start("name"), m.end("name"), 0.7, "AN101", self, "a given name with an age"))
        for m in _NAME_THEN_RELATION.finditer(text):  # "Precious, my first grandchild, is so like her"
            g = "name" if m.group("name") else "name2"
            if self._word_given_name(m.group(g)) or m.group(g).lower() in lex.first:
                out.append(result("PERSON", m.start(g), m.end(g), 0.7, "AN101", self, "a given name before its relation"))
        for m in _INITIALS_AFTER_RELATION.finditer(text):  # "her brother PJ's trailer"
            if m.group("name").lower() not in ABBREVIATIONS | AGENCY | ROLE | _ROLE_ACRONYMS:
                out.append(result("PERSON", m.start("name"), m.end("name"), 0.6, "AN101", self, "initials used as a name, after a relation word"))
        for m in _CONTACT_ALIAS.finditer(text):
            g = "name" if m.group("name") else "name2"
            if lex.classify(m.group(g).split()[0]) not in ("AGENCY", "TITLE"):
                out.append(result("PERSON", m.start(g), m.end(g), 0.8, "AN101", self, "an alias or nickname (a contact or chat name)"))
        for m in _ROLE_THEN_NAME.finditer(text):
            words = m.group("name").split()
            if (m.group("role").lower() in ROLE | _DESK_ROLES and words[0].lower() not in ROLE | AGENCY | MONTHS_DAYS | _LANGUAGES
                    and words[0].lower() not in lex.stop_words and lex.classify_any_case(words[0]) not in ("AGENCY", "TITLE")
                    and (words[0].lower() in lex.first_all or not lex.is_word(words[0]))):
                out.append(result("PERSON", m.start("name"), m.end("name"), 0.75, "AN101", self, "a worker named in brackets after the role"))
        for m in _GREETING.finditer(text):
            w = m.group("name")
            if w.lower() not in _NOT_GREETED and w.lower() not in ROLE | AGENCY | MONTHS_DAYS | KINSHIP \
                    and lex.classify_any_case(w) not in ("AGENCY", "TITLE") and w.lower() not in lex.stop_words \
                    and not welsh_words.is_welsh_word(w):  # any word: "Hi Shiv," (a short form that is also a word)
                out.append(result("PERSON", m.start("name"), m.end("name"), 0.75, "AN101", self, "a name in a greeting"))
        for m in _CASE_TITLE.finditer(text):  # "R v TANSLEY – Nottingham Crown Court"
            if lex.classify_any_case(m.group("name").split()[0]) not in ("AGENCY", "TITLE") and m.group("name").split()[0].lower() not in ROLE:
                out.append(result("PERSON", m.start("name"), m.end("name"), 0.85, "AN101", self, "a defendant named in a case title"))
        for m in _FAMILY_PLURAL.finditer(text):  # "The Routledges at the farm": a family by its surname
            base = m.group("name").lower()
            if base in lex.surnames and not lex.is_word(base) and not lex.is_word(base + "s") and base not in lex.places \
                    and not re.match(r"[ \t]+[A-Z]", text[m.end() : m.end() + 2]):  # not "the Mass Choir"
                out.append(result("PERSON", m.start("name"), m.end("name") + 1, 0.75, "AN101", self, "a family named by its surname"))
        for m in _KNOWN_AS_FIELD.finditer(text):  # Known as: Sunny
            out.append(result("PERSON", m.start("name"), m.end("name"), 0.8, "AN101", self, "an alias or nickname (a form's known-as field)"))
        for m in _ALIAS_LINE.finditer(text):  # AKA:  MARK KOVAL; "KOWAL"
            for q in _QUOTED_NAME.finditer(m.group("rest")):
                a = m.start("rest") + q.start("name")
                out.append(result("PERSON", a, a + len(q.group("name")), 0.8, "AN101", self, "an alias or nickname"))
        for m in _NAMED_AS.finditer(text):  # known to everyone as Bear; called her Princess
            words = m.group("name").split()
            if all((lex.classify(w) == "AGENCY" and len(words) > 1) or lex.classify(w) == "TITLE" or w.lower() in ROLE
                   or w.lower() in MONTHS_DAYS for w in words):
                continue  # "known as the Review Panel"; but "I know him as Bill" (a bill is also a draft law)
            if _NAME_WORD_AFTER.match(text, m.end("name")):
                continue  # "known as Domestic Abuse Related Death Reviews": a long capitalised title
            out.append(result("PERSON", m.start("name"), m.end("name"), 0.8, "AN101", self, "an alias or nickname"))
            more = _ALIAS_OR.match(text, m.end("name"))  # calls her "Clo" or "Coco"
            if more:
                out.append(result("PERSON", more.start("name"), more.end("name"), 0.8, "AN101", self, "an alias or nickname"))
        for m in _NICKNAME_IN_BRACKETS.finditer(text):  # Jayden ("JJ"), Akosua ("Sue"), Shontelle Brennan – "Telly"
            g = "name" if m.group("name") else "name2"
            if lex.classify(m.group("prev")) in ("FIRST", "SURNAME", "UNKNOWN") or self._word_given_name(m.group("prev")):
                out.append(result("PERSON", m.start(g), m.end(g), 0.8, "AN101", self, "an alias or nickname (in brackets after a name)"))
        # sloppy notes in lower case: "dr n. balogun", "mum farida", "sister yasmin", "sami (partner)"
        for rx, why, score in _LOWER_NAME_RULES:
            for m in rx.finditer(text):
                w = m.group("name").lower()
                word_ok = (why.endswith(("before its relation", "after a role")) and w not in _NOT_NAME_BEFORE_RELATION
                           and w in lex.first_all) or (  # "faith (mgr)", not "tried safe number (sister)"
                    why.endswith("after a relation word") and w in lex.first_all and w not in lex.stop_words
                    and bool(_LOWER_SPEAKER_VERB.match(text, m.end("name"))))  # "landlord bill said"
                if why.endswith("after a relation word") and re.search(r"['’]s[ \t]", m.group(0)) \
                        and w not in lex.first_all and w not in lex.surnames:
                    continue  # "her daughter's birthstone": what the relation owns, not a name
                if (lex.is_word(w) and not word_ok) or w in lex.stop_words or w.rstrip(".") in ABBREVIATIONS or w in ROLE or w in AGENCY \
                        or w in MONTHS_DAYS or w in KINSHIP or re.search(r"['’](?:t|ve|ll|re|d|m)$", w):
                    continue  # "mum isn't answering": a contraction, not a name
                a, b = (m.start(), m.end("name")) if why.startswith("a title") else m.span("name")
                if welsh and _inside(welsh, a):
                    continue
                out.append(result("PERSON", a, b, score, "AN101", self, why))
        # user names made of initials and a surname: "ho k.mcinnes", "by j_okafor"
        for m in _USER_NAME.finditer(text):
            sur = m.group("sur").lower()
            if welsh and _inside(welsh, m.start()):
                continue
            if (m.group("num") and sur not in lex.stop_words) or re.fullmatch(r"[a-z]{2,}-[a-z]{2,}", sur) or not lex.is_word(sur) and not welsh_words.is_welsh_word(sur) and (
                    sur in lex.surnames or sur in lex.first or len(sur) >= 5):
                out.append(result("PERSON", m.start(), m.end(), 0.8, "AN101", self, "a user name made of an initial and a surname"))
        for m in _LOGIN.finditer(text):
            sur = m.group("sur").lower()
            if welsh and _inside(welsh, m.start()):
                continue
            if sur in lex.surnames and not lex.is_word(sur) and not lex.is_word(m.group(0).rstrip("0123456789")) and (
                    m.group("num") or _USER_WORD_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
                    or (_ALONE_BEFORE.search(text[max(0, m.start() - 10) : m.start()]) and _ALONE_AFTER.match(text, m.end()))):
                out.append(result("PERSON", m.start(), m.end(), 0.75, "AN101", self, "a user name made of an initial and a surname"))
        # a login in capitals after a user word: "entered by user RKHATUN"
        for m in _CAPS_LOGIN.finditer(text):
            sur = m.group("sur").lower()
            login = m.group("login").lower()
            if (sur in lex.surnames or len(sur) >= 4) and not lex.is_word(sur) \
                    and login not in ABBREVIATIONS | AGENCY | _ROLE_ACRONYMS:  # "prompted by CAMHS": an acronym
                out.append(result("PERSON", m.start("login"), m.end("login"), 0.75, "AN101", self, "a user name made of an initial and a surname"))
        # other names for the same person: "she was Tanisha, or Tee, or Nish to her brother"
        for r in [r for r in out if r.entity_type == "PERSON" and r.score >= 0.7]:
            pos = r.end
            while (m := _OR_NAME_AFTER.match(text, pos)) is not None:
                w = m.group("w")
                if w.lower() in lex.stop_words or w.lower() in ROLE | AGENCY | MONTHS_DAYS or lex.classify(w) == "TITLE":
                    break
                out.append(result("PERSON", m.start("w"), m.end("w"), 0.7, "AN101", self, "an alias or nickname (another name for the same person)"))
                pos = m.end()
        # a given name joined to a name found: "her children, Precious and Victor"
        for r in [r for r in out if r.entity_type == "PERSON" and r.score >= 0.7]:
            for m in (_JOINED_BEFORE.search(text, max(0, r.start - 30), r.start), _JOINED_AFTER.match(text, r.end)):
                if m and m.group("w").lower() in lex.first_all and m.group("w").lower() not in ROLE | MONTHS_DAYS | AGENCY \
                        and not _sentence_start(text, m.start("w")):
                    out.append(result("PERSON", m.start("w"), m.end("w"), 0.6, "AN101", self, "a given name joined to another name"))
        # a surname written first in a field or cell: "| SUSPECT | HARGREAVES, Lee James |", "Name: Nowak, Agnieszka"
        for r in [r for r in out if r.entity_type == "PERSON" and r.score >= 0.55]:
            line_start = text.rfind("\n", 0, r.start) + 1
            m = _SURNAME_FIRST.search(text, line_start, r.start)
            if m and (r.score >= 0.85 or (m.group("w").isupper() and len(m.group("w")) > 2)):  # "BRENNAN, Rose", "SIVALINGAM, Tharshan"
                w = m.group("w")
                c = lex.classify_any_case(w)
                if c in ("SURNAME", "UNKNOWN", "FIRST") or (c == "COMMON" and (w.lower() in lex.word_surnames or not lex.is_word(w))):
                    out.append(result("PERSON", m.start("w"), r.end, 0.9, "AN101", self, "a name written surname first"))
        # who speaks in a message transcript: "[02/10/2023, 21:14] Tope 🦋: ...", "Connor Fairbairn · 00:43"
        for rx in (_CHAT_SPEAKER, _MESSENGER_SPEAKER):
            for m in rx.finditer(text):
                words = m.group("name").split()
                if all(w.lower() in lex.stop_words or w.lower() in ROLE | AGENCY | MONTHS_DAYS or lex.classify(w) in ("TITLE", "AGENCY")
                       for w in words):
                    continue  # "[21:14] You:", "Police:"
                out.append(result("PERSON", m.start("name"), m.end("name"), 0.8, "AN101", self, "an alias or nickname (who speaks in a message transcript)"))
        # a nickname inside a name: DOUGLAS "DOUGIE" BAIRD, Kevin 'Kev' Brannigan
        for m in _NICK_INSIDE.finditer(text):
            first = m.group("first")
            if first.lower() in lex.first_all or lex.classify_any_case(first) in ("FIRST", "UNKNOWN"):
                out.append(result("PERSON", m.start(), m.end(), 0.9, "AN101", self, "a name with a nickname inside it"))
                out.append(result("PERSON", m.start("nick"), m.end("nick"), 0.8, "AN101", self, "an alias or nickname (inside a name)"))
        # a real name beside the pseudonym that replaces it: "Ivy (Child C, dob ...)"
        for m in _NAME_BEFORE_PSEUDONYM.finditer(text):
            words = m.group("name").split()
            if any(w.lower() in ROLE | AGENCY | KINSHIP | MONTHS_DAYS or w.lower() in lex.stop_words or lex.classify(w) in ("TITLE", "AGENCY")
                   for w in words):
                continue
            out.append(result("PERSON", m.start("name"), m.end("name"), 0.8, "AN101", self, "a name given beside its pseudonym"))
        # a lower-case given name before an Irish or Scottish surname: "summer o'donnell"
        for m in _LOWER_GAELIC_NAME.finditer(text):
            if m.group("first") in lex.first_all and not (welsh and _inside(welsh, m.start())):
                out.append(result("PERSON", m.start(), m.end(), 0.8, "AN101", self, "a name in lower case"))
        # an officer's number alone in a custody log in capitals: "VISITED BY 3092"
        for m in _BY_NUMBER.finditer(text):
            num = m.group("num")
            if _in_caps_run(text, m.start(), m.end()) and not (int(num[:2]) < 24 and int(num[2:]) < 60) and not num.startswith(("19", "20")):
                out.append(result("PERSON", m.start("num"), m.end("num"), 0.6, "AN102", self, "a police officer's collar number"))
        # "Big Mo", "Little Jay", "Wee Tam": a nickname made of a size word and a short name
        for m in _BIG_NICKNAME.finditer(text):
            w = m.group("w")
            c = lex.classify(w)
            if c in ("FIRST", "UNKNOWN", "SURNAME") or (len(w) <= 3 and c not in ("TITLE", "AGENCY", "ACRONYM")
                                                        and w.lower() not in lex.stop_words) or w.lower() in lex.first_all:
                if w.lower() not in ROLE | MONTHS_DAYS | AGENCY and not (welsh and _inside(welsh, m.start())):
                    out.append(result("PERSON", m.start("name"), m.end("name"), 0.75, "AN101", self, "a nickname"))
        # a name given beside its own explanation: "Aga (as she asked to be called)"
        for m in _NAME_BEFORE_PREFERENCE.finditer(text):
            w = m.group("name")
            if lex.classify(w) not in ("TITLE", "AGENCY") and w.lower() not in ROLE | MONTHS_DAYS and w.lower() not in lex.stop_words:
                out.append(result("PERSON", m.start("name"), m.end("name"), 0.8, "AN101", self, "an alias or nickname (the name a person asked to be called)"))
        # nicknames in brackets right after a name: Kevin Brannigan ("Kev", or "Big K" to his mates)
        for r in [r for r in out if r.entity_type == "PERSON" and r.score >= 0.85]:
            m = _BRACKET_AFTER.match(text, r.end)
            if m:
                for q in _QUOTED_NAME.finditer(m.group(1)):
                    a = m.start(1) + q.start("name")
                    out.append(result("PERSON", a, a + len(q.group("name")), 0.8, "AN101", self, "a nickname given beside a name"))
        # 3. police ranks with a collar or warrant number: "PC 4471 Hargreaves", "Sgt 1190 Whitfield"
        pos = 0
        while True:
            m = _COLLAR.search(text, pos)
            if not m:
                break
            pos = m.start("name")  # the next rank may start inside this match: "PC 1 HUGHES AND PC 2 ABIODUN"
            words = m.group("name").split()
            keep = []
            for w in words:
                base = w.rstrip("'’s") if w.endswith(("'s", "’s")) else w
                c = lex.classify_any_case(base)
                # a surname that is also a word, right after the given name: "PC 6027NA Thomas Rudd"
                surname_after_given = len(keep) == 1 and lex.classify_any_case(keep[0]) == "FIRST" and base[:1].isupper()
                if c in ("AGENCY", "TITLE") or w.lower() in MONTHS_DAYS or w.lower() in ROLE or w.lower() in lex.stop_words \
                        or (keep and c == "COMMON" and not surname_after_given):  # but "PC 6027NA Thomas Rudd"
                    break
                keep.append(w)
            if keep:
                end = m.start("name") + len(" ".join(keep))
                if text[end - 2 : end] in ("'s", "’s"):
                    end -= 2
                out.append(result("PERSON", m.start(), end, 0.9, "AN102", self, "a police rank and number followed by a name"))
        for m in _COLLAR_ALONE.finditer(text):
            out.append(result("PERSON", m.start(), m.end(), 0.7, "AN102", self, "a police officer's collar number"))
        return out

    def _word_given_name(self, w: str) -> bool:
        """A given name that is also a word ("Storm", "Precious", "Faith"), but not a month, a role or a small word."""
        low = w.lower()
        return low in self.lexicon.first_all and low not in self.lexicon.stop_words and low not in MONTHS_DAYS \
            and low not in ROLE and low not in AGENCY and low not in TITLES and low not in _LANGUAGES and low not in KINSHIP \
            and not re.fullmatch(RELATION_WORDS, low) \
            and not welsh_words.is_welsh_word(w)  # "Mae Bethan Llwyd ...": Welsh for "is"

    def _form_label_after_title(self, chunk: list[Token], k: int) -> bool:
        """A weak title and one word in capitals that is neither a surname nor a given name, with no
        name after it: a form label ("OFFICER COMPLETING"), not "NURSE SHEPHERD" or "DI Sutherland"."""
        word = chunk[k + 1].text.lower()
        after = chunk[k + 2] if k + 2 < len(chunk) else None
        label_shaped = chunk[k].shape == "CAPS" and chunk[k + 1].shape == "CAPS"
        return (label_shaped and word not in self.lexicon.word_surnames and word not in self.lexicon.first_all
                and (after is None or after.cls not in ("FIRST", "SURNAME", "UNKNOWN", "INITIAL")))

    def _split(self, chunk: list[Token]):
        """Yield (tokens, title_token_or_None, follows_agency_word)."""
        parts = []
        cur: list[Token] = []
        title = None
        agency = False
        for k, tk in enumerate(chunk):
            if tk.cls == "TITLE":
                nxt = chunk[k + 1] if k + 1 < len(chunk) else None
                weak = tk.text.lower().rstrip(".") in WEAK_TITLES
                nxt_low = nxt.text.lower() if nxt is not None else ""
                if nxt is None or (nxt_low in self.lexicon.stop_words and len(nxt_low) > 1) or (weak and (nxt.cls in ("AGENCY", "ACRONYM", "TITLE") or (
                        nxt.cls == "COMMON" and (nxt_low in ROLE or nxt_low in MONTHS_DAYS or nxt_low in _ROLE_WORDS_AFTER_TITLE
                                                 or self._form_label_after_title(chunk, k))))):
                    # "Detective Sergeant", "Chief Officer", "OFFICER COMPLETING": a role or label, not before a name;
                    # "INSP TO INFORM", "Dr to review": an instruction
                    if cur:
                        parts.append((cur, title, agency))
                    cur, title = [], None
                    continue
                if cur:
                    parts.append((cur, title, agency))
                cur, title, agency = [], tk, False
                continue
            if tk.cls == "AGENCY" and cur and tk.text.lower() in SURNAME_AGENCY_WORDS and (cur[-1].cls == "FIRST" or (
                    cur[-1].text.lower() in self.lexicon.first_all and self._ents.get(cur[-1].i) == "PERSON")):
                tk.cls = "SURNAME"  # "Lee Anthony WARD", "Tom House": a surname, not a hospital ward
            if tk.cls == "AGENCY":
                # everything up to an agency word names an organisation ("Kelsby Recovery Service")
                self._org_words.update(t.text.lower() for t in cur if t.cls in ("UNKNOWN", "SURNAME") and t.shape == "TITLE")
                cur, title, agency = [], None, True
                continue
            if tk.text.lower() == "uk" or any(r in WELSH_ORG_BEFORE for r in welsh_words.radicals(tk.text.lower())):
                # Welsh puts the agency word first: everything after it names the organisation and its
                # area ("Heddlu Bro Hafren", "Cyngor Sir Ddinbych", "Cymdeithas Tai Glanyrafon")
                if cur:
                    parts.append((cur, title, agency))
                return parts
            cur.append(tk)
        if cur:
            parts.append((cur, title, agency))
        return parts

    def _score(self, part, title, agency_before, text, toks, ents, n):
        r = self._score_inner(part, title, agency_before, text, toks, ents, n)
        if r is None or r.entity_type != "PERSON":
            return r
        if not title and len(part) == 1 and part[0].cls == "UNKNOWN" and (
                _DOSE_AFTER.match(text, r.end) or _DRUG_ENDING.search(part[0].text) or part[0].text.lower() in self._medicines
                or re.match(r"-[A-Z]{0,2}\d{1,4}[A-Z]?\b", text[r.end : r.end + 8])):  # "Adcal-D3": a brand with its strength
            return None  # a medicine: "Enoxaparin 40 mg", "Sertraline"
        if not title and len(part) == 1 and r.score < 0.9 \
                and _BUILDING_COMMA_BEFORE.search(text, max(0, r.start - 30), r.start) and re.match(r"[ \t]*(?:$|\n|,|[A-Z]{1,2}\d)", text[r.end : r.end + 6]):
            return result("LOCATION", r.start, r.end, 0.4, "AN206", self, "a town after a building's name")  # "Police Headquarters, Penrith"
        if not title and r.score < 0.9 and plain(text[r.start : r.end]) in self.lexicon.extra_places \
                and text[r.end : r.end + 2] not in ("'s", "’s") and not STRONG_RELATION.search(text[max(0, r.start - 30) : r.start]):
            return result("LOCATION", r.start, r.end, 0.4, "AN206", self, "a county or a garrison town")  # "Brunei and Kent", "RMP Bulford"
        if not title and len(part) == 1 and r.score < 0.9 \
                and _BIRTHPLACE_BEFORE.search(text, max(0, r.start - 60), r.start):
            return result("LOCATION", r.start, r.end, 0.4, "AN206", self, "a place of birth")  # "place of birth: 03/07/1966, Walsall"
        joined = re.search(r"([A-Za-z]+)-$", text[max(0, r.start - 12) : r.start])
        if joined and f"{joined.group(1)}-{text[r.start:r.end]}".lower() in self.lexicon.dictionary:
            return None  # "Wi-Fi": half of a hyphenated word, not Fi
        if not title and len(part) == 1 and _LEGAL_TEST_AFTER.match(text, r.end):
            return None  # "the Hotak test", "Gillick competence", "Fraser guidelines": a judgment's name, not a person here
        if not title and (
                re.search(r"[ \t]class$", text[r.start : r.end], re.I) or _CLASS_AFTER.match(text, r.end)
                or _YEAR_GROUP_BEFORE.search(text, max(0, r.start - 16), r.start)):
            return result("LOCATION", r.start, r.end, 0.4, "AN206", self, "a school class")  # "Maple Class", "Yr 2 (Hazel)"
        if (_PLACE_HYPHEN_AFTER.match(text, r.end) or _PLACE_HYPHEN_BEFORE.search(text, max(0, r.start - 12), r.start)):
            return result("LOCATION", r.start, r.end, 0.4, "AN206", self, "part of a place name joined by hyphens")  # "Weston-super-Mare"
        if not title and text[r.start : r.end].endswith(("Ward", "WARD")) \
                and " " in text[r.start : r.end].strip() and _HOSPITAL_WARD_BEFORE.search(text, max(0, r.start - 12), r.start):
            return result("LOCATION", r.start, r.end, 0.4, "AN206", self, "a hospital ward")  # "admitted to Hazel Ward"
        if not title and r.score < 0.9 and _PRISON_BEFORE.search(text, max(0, r.start - 12), r.start):
            return result("LOCATION", r.start, r.end, 0.4, "AN206", self, "a prison named after its place")  # "HMP Kelsby"
        if not title and r.score < 0.9:
            m = _AND_AGENCY_AFTER.match(text[r.end : r.end + 80]) or _AGENCY_AFTER_WRAP.match(text[r.end : r.end + 80]) \
                or _POSSESSIVE_AGENCY_AFTER.match(text[r.end : r.end + 80])
            if m and any(self.lexicon.classify(w.strip(",.;:")) == "AGENCY" for w in m.group(0).split()[1:]):
                # "Kellingford and Vale NHS Foundation Trust": the first half of an organisation's name
                return result("LOCATION", r.start, r.end, 0.4, "AN206", self, "part of an organisation's name")
            if _APPOSITIVE_ORG_AFTER.match(text, r.end):
                # "referred to Brook, the young people's sexual health service": an organisation described
                return result("LOCATION", r.start, r.end, 0.4, "AN206", self, "an organisation (described after its name)")
        academic = title is not None and title.text.lower().rstrip(".") in ("professor", "prof", "dr")
        if (not title or academic) and r.score < 0.95:
            after = text[r.end : r.end + 80]
            before = text[max(0, r.start - 40) : r.start]
            first_word = text[r.start : r.end].split()[0].lower() if text[r.start : r.end].split() else ""
            given = first_word in self.lexicon.first and not academic and text[r.start - 1 : r.start] != "-"  # "Marwick-Doyle (2017)"
            if given and first_word in self.lexicon.surnames and " " not in text[r.start : r.end].strip() and (
                    re.match(_MORE_AUTHORS, after) or _CITATION_OPEN_BEFORE.search(before) and not before.endswith("(")
                    or _AUTHOR_AND_BEFORE.search(before) and _CITATION_AFTER.match(after)):  # "Sharp-Jeffs and Kelly (2016)"
                given = False  # one of several authors: "Sørensen, Mahmood and Price (2019)", "(Hartigan, Okonjo and Lyle, 2020)"
            if given and " " not in text[r.start : r.end].strip() and (
                    before.endswith("(") or _CITATION_OPEN_BEFORE.search(before) or _AUTHOR_AND_BEFORE.search(before)) \
                    and re.match(r",?[ \t]+(?:19|20)\d\d[a-z]?[ \t]*[);,]", after):
                given = False  # "(Omer, 2004)", "(Routt and Anderson, 2015)": an author, whatever the name
            line_start = text.rfind("\n", 0, r.start) + 1
            line_end = text.find("\n", r.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            ref = _REFERENCE_LINE.match(line)
            if _PUBLISHED_CASE_BEFORE.search(before) and _PUBLISHED_CASE_AFTER.match(after):
                # "R v Dhaliwal [2006] EWCA Crim 1139": a party to a published case, for the panel to confirm
                r.score = 0.4
                r.recognition_metadata["why"] = CITED_AUTHOR
            elif ref and r.start - line_start < line.find("("):
                # "Farrowdale, J. and Quenby, R. (2021) 'Separation...'": an entry of a reference list
                r.score = 0.4
                r.recognition_metadata["why"] = CITED_AUTHOR
            elif ref and r.start - line_start >= ref.end():
                return None  # after the year: the title, the journal, the publisher ("... Rural America. Sydney: ...")
            elif re.match(r"[ \t]+and[ \t]+(?:colleagues|co-?authors)\b", after) and " " not in text[r.start : r.end].strip():
                # "Preston-Shoot and colleagues, in the national analysis": an author of a study
                r.score = 0.4
                r.recognition_metadata["why"] = CITED_AUTHOR
            elif not given and not _NOT_CITATION_BEFORE.search(before) and (
                    _CITATION_AFTER.match(after) or (_CITATION_OPEN_BEFORE.search(before) and _CITATION_IN.match(after))):
                # "Monckton-Smith (2019)", "(Stark, 2007)": a published author, for the panel to confirm
                r.score = 0.4
                r.recognition_metadata["why"] = CITED_AUTHOR
        return r

    def _score_inner(self, part, title, agency_before, text, toks, ents, n):
        lex = self.lexicon
        if len(part) >= 3 and part[1].cls == "FIRST" and re.fullmatch(RELATION_WORDS, part[0].text.lower()):
            part = part[1:]  # "Son Gareth Pughe" at the start of a sentence: the relation, then the name
        # an acronym-looking word in capitals beside a name is part of it ("EILISH CALLAGHAN")
        for k, p in enumerate(part):
            if p.cls == "ACRONYM" and p.shape == "CAPS" and _wordlike(p.text):
                nb = [q for q in part[max(0, k - 1) : k + 2] if q is not p]
                if any(q.cls in ("FIRST", "SURNAME") or (q.cls == "UNKNOWN" and q.shape == "CAPS" and _wordlike(q.text)) for q in nb):
                    p.cls = "UNKNOWN"
        # two given names joined by a hyphen are a given name: "Lily-Mae", "Ellie-Rose"
        for k in range(len(part) - 2):
            a0, h, a1 = part[k], part[k + 1], part[k + 2]
            if h.cls == "HYPHEN" and a0.text.lower() in lex.first_all and a1.text.lower() in lex.first_all \
                    and a0.cls in ("COMMON", "FIRST") and a1.cls in ("COMMON", "FIRST"):
                a0.cls = a1.cls = "FIRST"
        # a surname made of two words ("Testwell", "Ashgrove") right after a given name is a surname
        for k in range(1, len(part)):
            p, prev = part[k], part[k - 1]
            if (p.cls == "COMMON" and p.shape == "TITLE" and len(p.text) >= 7 and not lex.is_word(p.text)
                    and lex.is_compound(p.text) and not welsh_words.is_welsh_word(p.text)
                    and p.text.lower() not in BRANDS and prev.text.lower() not in BRANDS
                    and not (self._welsh and _inside(self._welsh, p.start))
                    and (prev.cls == "FIRST" or (prev.cls == "COMMON" and (
                        prev.text.lower() in lex.first_all or ents.get(prev.i) == "PERSON" or ents.get(p.i) == "PERSON")))):
                p.cls = "SURNAME"
        if len(part) == 1 and not title and part[0].cls == "COMMON" and part[0].shape == "TITLE":
            p0 = part[0]
            nxt_tok = toks[p0.i + 1].text if p0.i + 1 < n else ""
            poss = nxt_tok in ("'s", "’s")
            rel = bool(STRONG_RELATION.search(text[max(0, p0.start - 30) : p0.start]))
            low0 = p0.text.lower()
            ok = low0 in lex.first_all and low0 not in MONTHS_DAYS and low0 not in ROLE and low0 not in AGENCY and low0 not in _LANGUAGES
            if ok and (rel or poss) and not _sentence_start(text, p0.start):
                return result("PERSON", p0.start, p0.end, 0.6, "AN101", self, "a first name after a relation word or with a possessive")
            if low0 in MONTHS_DAYS and low0 in lex.first_all and _KIN_JUST_BEFORE.search(text, max(0, p0.start - 30), p0.start) \
                    and rel and not _sentence_start(text, p0.start):
                # "her sister Summer", "his daughter May": a season or a month right after a relation word is her name
                return result("PERSON", p0.start, p0.end, 0.6, "AN101", self, "a first name after a relation word or with a possessive")
            if rel and _KIN_JUST_BEFORE.search(text, max(0, p0.start - 30), p0.start) and low0 in lex.word_surnames and low0 not in lex.places and low0 not in ROLE | MONTHS_DAYS | AGENCY | _LANGUAGES \
                    and low0 not in lex.stop_words and not _sentence_start(text, p0.start):
                # "my sister Marsh's boy", "his mum Marsh won't": a name that is also a word, after a relation word
                return result("PERSON", p0.start, p0.end, 0.6, "AN101", self, "a name after a relation word or with a possessive")
            if ok and ents.get(p0.i) == "PERSON":
                return result("PERSON", p0.start, p0.end, 0.55, "AN101", self, "a first name (the language model agrees)")
            if low0 in SEASONS and _SAY_VERB.match(text, p0.end) and not _after_determiner(text, p0.start):
                return result("PERSON", p0.start, p0.end, 0.6, "AN101", self, "a first name (the subject of a verb)")  # "Summer said"
            if ok and low0 not in lex.stop_words and low0 not in KINSHIP and not _after_determiner(text, p0.start) and (
                    _LOWER_SPEAKER_VERB.match(text, p0.end) or (_SUBJECT_VERB_AFTER.match(text, p0.end) and not _sentence_start(text, p0.start))):
                # "Grace told the GP", "... when Hope was seen": a given name that is also a word, as the subject of a verb
                return result("PERSON", p0.start, p0.end, 0.6, "AN101", self, "a first name (the subject of a verb)")
            if low0 in lex.word_surnames and low0 not in lex.places and _SUBJECT_VERB_AFTER.match(text, p0.end) \
                    and not _sentence_start(text, p0.start) and not _after_determiner(text, p0.start) \
                    and low0 not in ROLE | MONTHS_DAYS | AGENCY | _LANGUAGES and low0 not in lex.stop_words:
                # "Victim states Hargreaves has become ...": a surname that is also a word, as the subject of a verb
                return result("PERSON", p0.start, p0.end, 0.6, "AN101", self, "a surname alone (the subject of a verb)")
        # trim common words and connectors at the edges (sentence-initial "The", "When"...)
        def name_next(k):
            nxt = [p for p in part[k + 1 :] if p.cls not in ("HYPHEN", "PARTICLE")]
            return bool(nxt) and (nxt[0].cls in ("SURNAME", "UNKNOWN", "FIRST") or (
                nxt[0].cls == "COMMON" and nxt[0].text.lower() in lex.word_surnames) or (
                # "Dean Coulter", "Carol Snook": a word English rarely uses, after a given name, is the surname
                nxt[0].cls == "COMMON" and nxt[0].shape in ("TITLE", "CAPS") and lex.is_rare_word(nxt[0].text)
                and nxt[0].text.lower() not in ROLE | AGENCY | _LANGUAGES) or (
                nxt[0].cls == "INITIAL" and len(nxt) == 1 and len(nxt[0].text.rstrip(".")) == 1
                and part[k].text.lower() not in MONTHS_DAYS - SEASONS))  # "Summer D", not "May B"

        while part and part[0].cls in ("COMMON", "ACRONYM", "HYPHEN", "PARTICLE") and not title:
            if (part[0].shape == "CAPS" and len(part) >= 2 and part[1].cls == "FIRST" and part[1].shape == "TITLE"
                    and _wordlike(part[0].text) and part[0].text.lower() not in ABBREVIATIONS | ROLE | AGENCY
                    and _line_start(text, part[0].start)):
                part[0].cls = "SURNAME"  # "| POUNDER Jayden Michael |": a police nominal, the surname first in capitals
                break
            if part[0].cls == "COMMON" and part[0].text.lower() in lex.first_all and name_next(0) \
                    and part[0].text.lower() not in BRANDS and part[0].text.lower() not in _DETERMINERS \
                    and not (self._welsh and _inside(self._welsh, part[0].start)):
                part[0].cls = "FIRST"  # "Jan Kowalczyk", "Will Okafor"
                break
            part = part[1:]
        while part and part[-1].cls in ("COMMON", "ACRONYM", "HYPHEN", "PARTICLE"):
            if part[-1].cls == "COMMON" and len(part) >= 3 and part[-2].cls == "HYPHEN" and (
                    part[-3].cls in ("UNKNOWN", "SURNAME", "FIRST")
                    or (part[-3].cls == "COMMON" and len(part) >= 4 and part[-4].cls in ("FIRST", "INITIAL"))):
                break  # a double-barrelled name: "Monckton-Smith", "Okafor-Brown", "J. Harlow-Reid"
            core = [p for p in part[:-1] if p.cls not in ("HYPHEN", "PARTICLE")]
            if part[-1].cls == "COMMON" and part[-1].shape in ("TITLE", "CAPS") and (
                (title and len(core) <= 1) or (core and core[-1].cls in ("FIRST", "INITIAL") and len(core) <= 2)
            ):
                break  # "PC Evans", "Amy Bell", "J. Baker": a surname that is also a word
            part = part[:-1]
        if not part:
            return None
        classes = [p.cls for p in part if p.cls not in ("HYPHEN", "PARTICLE")]
        if not classes:
            return None
        if not title and part[0].text in ("St", "St.", "Saint", "Ste"):
            # St Mungo's, St Helens, Saint Brides: a church, charity, hospital or place
            return result("LOCATION", part[0].start, part[-1].end, 0.4, "AN206", self, "a place or body named after a saint")
        start = (title.start if title else part[0].start)
        end = part[-1].end
        name_start = part[0].start
        labels = {ents.get(p.i) for p in part}
        ner_person = "PERSON" in labels
        ner_place = bool(labels & {"GPE", "LOC", "FAC"})
        ner_org = bool(labels & {"ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})
        last_i = part[-1].i
        possessive = last_i + 1 < n and toks[last_i + 1].text in ("'s", "’s", "'", "’")
        before = text[max(0, name_start - 30) : (title.start if title else name_start)]
        relation = bool(STRONG_RELATION.search(before))
        shapes_caps = all(p.shape == "CAPS" for p in part if p.cls not in ("HYPHEN", "PARTICLE"))
        strong = [c for c in classes if c in ("FIRST", "SURNAME", "UNKNOWN")]
        strong_tokens = [p for p in part if p.cls in ("FIRST", "SURNAME", "UNKNOWN")]
        all_initials = all(c == "INITIAL" for c in classes)
        if shapes_caps and len(classes) == 1 and len(part[0].text) < 3:
            return None

        if all_initials:
            # "Mr C", "Adult A", "J." alone: pseudonym styles, never a name on their own
            return None
        if title:
            while (len(part) >= 2 and part[-1].cls == "COMMON" and part[-2].cls == "INITIAL" and part[-2].text.endswith(".")
                   and (part[-1].text.lower() in lex.stop_words or welsh_words.is_welsh_word(part[-1].text)
                        or (self._welsh and _inside(self._welsh, part[-1].start)))):
                part = part[:-1]  # "Mr R. Cyfeirir at ...", "Mr R. Then ...": the initial ends a sentence
                classes = [p.cls for p in part if p.cls not in ("HYPHEN", "PARTICLE")]
                end = part[-1].end
            if all(c == "INITIAL" for c in classes):
                return None
            if classes == ["COMMON"] and part[0].text.lower() in ROLE | MONTHS_DAYS:
                return None
            return result("PERSON", start, end, 0.9, "AN102", self, f"a title ({title.text}) followed by a name")
        if agency_before and not strong:
            return None
        if not strong and classes[0] == "INITIAL" and part[0].text.endswith(".") and len(classes) >= 2 and (
                not _line_start(text, part[0].start) or any(p.cls == "HYPHEN" for p in part)) and all(
                c == "COMMON" and p.text.lower() not in ROLE | MONTHS_DAYS and p.text.lower() not in lex.stop_words for c, p in zip(classes[1:], [q for q in part if q.cls not in ("HYPHEN", "PARTICLE")][1:])):
            # "J. Harlow-Reid", "T. Baker": an initial and a surname that is also a word (not "A. Background" at a line start)
            return result("PERSON", start, end, 0.6, "AN101", self, "an initial and a surname")
        if not strong:
            # only dictionary words: "Review Panel", "Grace", "Will"
            if ner_person and relation and len(classes) <= 3:
                return result("PERSON", start, end, 0.55, "AN101", self, "a name after a relation word")
            if len(classes) == 1 and part[0].text.lower() in lex.first_all and (relation or possessive) and not _sentence_start(text, part[0].start):
                return result("PERSON", start, end, 0.6, "AN101", self, "a first name after a relation word or with a possessive")
            if ner_person and len(classes) == 2 and all(c in ("COMMON",) for c in classes) and lex.is_first(part[0].text) is False:
                first_word = part[0].text.lower()
                if (first_word in lex.first or first_word in AMBIGUOUS_FIRST) and not any(p.text.lower() in BRANDS for p in part):
                    return result("PERSON", start, end, 0.6, "AN101", self, "a first name and surname")
            return None
        first = classes[0]
        n_name = len(strong)
        if first == "FIRST" and len(classes) >= 2 and classes[1] != "INITIAL":
            return result("PERSON", start, end, 0.9, "AN101", self, "a first name followed by a surname")
        if first == "INITIAL" and len(classes) >= 2 and classes[-1] in ("SURNAME", "UNKNOWN", "FIRST"):
            return result("PERSON", start, end, 0.85, "AN101", self, "an initial and a surname")
        if not title and not relation and not possessive and "FIRST" not in classes and "SURNAME" not in classes \
                and all(welsh_words.looks_welsh(p.text) for p in part if p.cls == "UNKNOWN"):
            return result("LOCATION", start, end, 0.4, "AN206", self, "a Welsh word or place name")  # "Bro Hafren"
        place_ctx = bool(_PLACE_BEFORE.search(before)) or bool(_PLACE_AFTER.match(text[end : end + 25]))
        if n_name >= 2 and len(classes) <= 4:
            if ner_place and not ner_person and place_ctx and "FIRST" not in classes:
                return result("LOCATION", start, end, 0.4, "AN206", self, "a place name")
            score = 0.85 if (ner_person or "FIRST" in classes or "SURNAME" in classes or relation) else 0.7
            if ner_org and not ner_person and "FIRST" not in classes and "SURNAME" not in classes:
                score = 0.6
            return result("PERSON", start, end, score, "AN101", self, "a name")
        if len(classes) > 4 and not ner_person:
            return None
        # one name-like word, possibly with dictionary words around it
        if ("FIRST" not in classes or _PLACE_MOTION_BEFORE.search(before)) and not relation and not possessive and len(strong) == 1 and (
                plain(" ".join(p.text for p in part)) in lex.places or plain(strong_tokens[0].text) in lex.places) and (
                _PLACE_BEFORE.search(before) or ner_place or text[end : end + 1] == "," or (text[start - 1 : start] == "(" and text[end : end + 1] == ")")):
            return result("LOCATION", start, end, 0.4, "AN206", self, "a town or city")  # "visiting from Bradford"
        if part[-1].text.lower().endswith("shire") and len(part) == 1 and not relation and not possessive:
            return result("LOCATION", start, end, 0.4, "AN206", self, "a county")  # "Ambershire"
        if "FIRST" not in classes and not relation and not possessive and (
                _PLACE_WORD_AFTER.match(text[end : end + 25]) or _COUNTRY_AFTER.match(text[end : end + 40])):
            return result("LOCATION", start, end, 0.4, "AN206", self, "a place name")  # "Thornbury Vale", "Iași, Romania"
        if ner_person:
            return result("PERSON", start, end, 0.85, "AN101", self, "a name")
        if "FIRST" in classes:
            return result("PERSON", start, end, 0.75, "AN101", self, "a first name")
        if relation or possessive:
            return result("PERSON", start, end, 0.7, "AN101", self, "a name (possessive or after a relation word)")
        if place_ctx:
            return result("LOCATION", start, end, 0.4, "AN206", self, "a place name")
        if _THE_BEFORE.search(before) and _NOUN_AFTER.match(text[end : end + 30]) and not _FAMILY_AFTER.match(text[end : end + 30]):
            # "the Southwark adult safeguarding board": a place or body used as a modifier
            return result("LOCATION", start, end, 0.4, "AN206", self, "a place or body name")
        if shapes_caps:
            return None
        if "SURNAME" in classes:
            return result("PERSON", start, end, 0.6, "AN101", self, "a surname")
        if ner_org:
            return result("PERSON", start, end, 0.5, "AN101", self, "a capitalised word in no dictionary")
        return result("PERSON", start, end, 0.55, "AN101", self, "a capitalised word in no dictionary")
