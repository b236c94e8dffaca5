"""Street addresses: "24 Kestrel Close", "Flat 3, 12 Mill Road", "14a Bryn Terrace", and named
streets without a number ("lived on Kestrel Close"). House numbers and a street word make it
an error; a street name alone scores lower (still an error by default)."""

import re

from .base import RegexRecognizer

STREET = (  # in any case: "ROAD" in police logs (the name before it must still be capitalised)
    r"(?i:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Gardens|Gdns|Grove|Gr|"
    r"Terrace|Terr|Hill|Park|Walk|Mews|Row|Square|Sq|View|Rise|Green|Parade|Vale|Heights|Fields|Meadows|Wharf|Quay|Yard|"
    r"Boulevard|Gate|Chase|Croft|Nook|Drove|Path|Wynd|Brae|Loan|End|Side|Bank|Hollow|Mount|Mead|Garth|Fold|Cottages|"
    r"Buildings|House|Hse|Lodge|Farm|Estate|Approach|Circus|Broadway|Esplanade|Promenade|Embankment|Dale|Glade|Paddock|Orchard|"
    r"Ridge|Spinney|Copse|Dell|Leys|Pastures|Ffordd|Heol|Stryd|Lôn|Rhodfa|Cilgant)"
)
_NAME = r"(?:[A-Z][\w'’.-]*|of|the|de|la|upon|on)"


_NOT_LOWER_STREET = set(
    """the a an of to on in at by up down across along over under from one two this that other more less same main wrong
    right long short first second new old way lane road street minute minutes hour hours day days week weeks month
    months year years mile miles time times people person car cars bus buses lanes roads way ways and or mins hrs
    yards metres meters steps doors houses blocks stops km miles her his their my our your its whose very so too
    quite all any some each every no not per min mins step wheel dog bed crown magistrates county family youth
    high supreme appeal criminal civil took take takes taking make made makes""".split()
)


_HOUSE_NUMBER_BEFORE = re.compile(
    r"\b(?i:live[sd]?|living|stay(?:s|ed|ing)?|went|go(?:es|ing)?|came|come|moved|back|round|over|outside|visit(?:s|ed|ing)?|"
    r"neighbou?rs?|next\s+door|door|house|home|address|address\s+is|knocked|attended|called)[ \t]+(?:(?:at|to|from|into|of|in)[ \t]+)?$"
)


_GATE_WORDS = {"delegate", "relegate", "aggregate", "investigate", "navigate", "mitigate", "irrigate", "instigate", "litigate",
               "propagate", "castigate", "congregate", "abrogate", "interrogate", "surrogate", "segregate", "obligate",
               "subjugate", "promulgate", "tailgate", "floodgate", "variegate", "legate", "agate", "negate", "frigate"}
_PLACE_OF_SERVICE_AFTER = re.compile(
    r"[ \t]+(?:Surgery|Medical[ \t]+(?:Centre|Center|Practice)|Health[ \t]+Centre|Practice|Clinic|Primary|School|Academy|"
    r"Nursery|Library|Police[ \t]+Station|Fire[ \t]+Station|Community[ \t]+Centre|Mosque|Church|Chapel|Gurdwara|Temple|Pharmacy|Dental)\b")


# a block or a street named somewhere in the text, which makes "flat 1104" on its own an address
_BLOCK_NAMED = re.compile(r"\b[A-Z][\w'’-]+[ \t]+(?:House|Court|Lodge|Building|Tower|Block|Point|Heights|Mansions|Road|Street|Avenue|Close|Lane|Drive|Way|Gardens|Crescent|Terrace|Place|Walk|Grove)\b"
                          r"|\b(?:Llys|Tŷ|Ty|Heol|Ffordd|Stryd|Maes|Rhodfa|Cilgant|Lôn|Parc)[ \t]+[A-Z]")  # Welsh: the street word first


class AddressRecognizer(RegexRecognizer):
    ENTITY = "ADDRESS"
    RULE = "AN112"
    FLAGS = 0
    PATTERNS = [
        ("numbered", rf"(?<![\w/.:-])(?:(?i:Flat|Apartment|Apt|Unit|Room)[ \t]+\d+[A-Za-z]?,?[ \t]+(?:[A-Z][\w'’-]+[ \t]+(?i:House|Court|Lodge|Building|Tower|Block),?[ \t]+)?)?\d{{1,4}}[A-Za-z]?(?:[ \t]*-[ \t]*\d{{1,4}})?,?[ \t]+(?:{_NAME}[ \t]+){{0,3}}[A-Z][\w'’-]+[ \t]+{STREET}\b", 0.9),
        ("welsh-numbered", r"(?<![\w/.-])\d{1,4}[A-Za-z]?,?[ \t]+(?i:Heol|Ffordd|Stryd|Lôn|Rhodfa|Cilgant|Maes|Bryn|Pant|Cwm|Ty|Tŷ)(?:['’]r)?[ \t]+(?:(?i:y|yr)[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?", 0.9),
        # a Welsh house name and its lane: "Tŷ Hir, Lôn y Felin", "Bryn Awel, Heol y Dderwen"
        ("welsh-house", r"(?<![\w/.-])(?:Tŷ|Ty|Bryn|Pen|Plas|Bwthyn|Fferm|Hafod|Glan|Maes)[ \t]+[A-Z][\w'’-]+,[ \t]*(?:Heol|Ffordd|Stryd|Lôn|Rhodfa|Cilgant)(?:['’]r)?[ \t]+(?:(?:y|yr)[ \t]+)?[A-Z][\w'’-]+", 0.85),
        # a Welsh house name after "of", "at", "from": "Mr Emrys ab Iorwerth of Tŷ Newydd"
        # a Welsh flat: "Fflat 4, Glan yr Afon"
        ("welsh-flat", r"(?<![\w/.-])Fflat[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+[A-ZŴŶ][\w'’-]+(?:[ \t]+(?:yr|y|[A-ZŴŶ][\w'’-]+)){0,3}", 0.85),
        ("welsh-house-name", r"(?<![\w/.-])(?:Tŷ|Ty|Plas|Bwthyn|Fferm|Hafod|Bryn|Pen)[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?", 0.0),
        # a Welsh street without a number, where an address goes: "staying with her mother on Maes y Coed"
        ("welsh-house-name", r"(?<![\w/.-])(?:Maes|Heol|Stryd|Lôn|Ffordd|Rhodfa|Cilgant|Clos|Rhes|Teras|Cwrt)(?:['’]r)?[ \t]+(?:(?:y|yr)[ \t]+)?[A-Z][\w'’-]+", 0.0),
        # a flat number on its own, in a block named elsewhere: "flat 1104", "FLAT 1105"
        ("flat-number", r"(?<![\w/.-])(?i:flat|apartment)[ \t]+\d{1,4}[A-Za-z]?\b(?![ \t]*(?:-|(?i:miles?|mins?|minutes?|doors?|floors?|streets?|roads?|houses?|years?|months?|weeks?|days?)\b))", 0.6),
        # "Flat 6, Tennyson House, Greyfriars Walk": a flat, its block and the street
        ("flat-block-street", rf"(?<![\w/.-])(?i:flat|apartment|apt)[ \t]+\d+[A-Za-z]?,?[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){{0,2}}[ \t]+(?i:House|Court|Lodge|Building|Tower|Block|Point|Heights|Mansions),[ \t]*(?:[A-Z][\w'’-]+[ \t]+){{1,2}}{STREET}\b", 0.9),
        ("flat-of", r"(?<![\w/.-])(?:Flat|Apartment|Apt)[ \t]+\d+[A-Za-z]?,?[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}[ \t]+(?:House|Court|Lodge|Building|Tower|Block|Point)\b", 0.9),
        ("named-street", r"(?<![\w/.-])(?:[A-Z][\w'’-]+[ \t]+){1,2}(?:Road|Street|Avenue|Lane|Close|Drive|Crescent|Gardens|Grove|Terrace|Mews|Rise|Parade|Way)\b", 0.55),
        # a home with a name and no number, where an address goes: "of Greenriggs Farm", "| Address | Low Howgill Cottage, ..."
        ("named-home", r"(?<![\w/.-])(?:[A-Z][\w'’-]+[ \t]+){1,2}(?:Farm|Farmhouse|Cottage|Grange|Barn|Bungalow)\b", 0.0),
        ("numbered-the", r"(?<![\w/.-])(?<!Recommendation )(?<!Figure )(?<!Table )(?<!Section )(?<!Appendix )(?<!Paragraph )(?<!Chapter )(?<!Stage )(?<!Step )(?<!Action )(?<!Page )(?<!page )\d{1,4}[A-Za-z]?,?[ \t]+The[ \t]+(?:[A-Z][a-z]+(?:ies|s)|Green|Close|Crescent|Drive|Mews|Grove|Square|Avenue|Parade|Chase|Croft|Spinney|Copse|Rise|Glade|Dell|Hamlet|Courtyard|Strand|Mall|Quadrant|Circus|Maltings|Ridings|Sidings)\b", 0.8),
        # sloppy lower-case notes: "4 kestrel way", "12b mill road"
        ("lower-numbered", r"(?<![\w/.,-])\d{1,4}[a-z]?[ \t]+(?:[a-z][a-z'’-]+[ \t]+){1,2}(?:road|rd|street|st|avenue|ave|lane|ln|drive|dr|crescent|cres|way|gardens|gdns|grove|gr|terrace|terr|tce|mews|close|cl|court|ct|place|pl|walk|rise|view|row|parade|square|sq|cottages|cotts)\b(?![ \t]*-)", 0.6),
        ("lower-flat-of", r"(?<![\w/.-])(?:flat|apartment|apt|unit|room)[ \t]+\d+[a-z]?,?[ \t]+(?:[a-z][a-z'’-]+[ \t]+){1,2}(?:house|court|lodge|building|tower|block|point|heights|mansions)\b", 0.7),
        # northern streets named "-gate" with no street word: "41 Wellgate", "12 micklegate"
        ("gate-street", r"(?<![\w/.,-])\d{1,4}[A-Za-z]?,?[ \t]+(?:[A-Z][a-z]+[ \t]+)?[A-Za-z][a-z]{1,12}gate\b", 0.85),
        # a house number alone where the street is known from the context: "she went back to no. 14", "lives at number 9"
        ("house-number", r"(?<![\w/.-])(?i:no\.|number)[ \t]*\d{1,4}[A-Za-z]?\b(?![/.:-]\d)", 0.0),
    ]

    _NOT_STREET = re.compile(
        r"^(?:The|A|An|High|Main|Station|Church|Market|Park|School|London|Victoria|Downing|Baker|Police|Hospital|Court|Oxford|Regent|Bond|Fleet|Harley|Whitehall|Abbey)[ \t]+(?:Road|Street|Lane|Close|Drive|Avenue)\b"
    )

    def score_match(self, text, m, pattern, score):
        s = m.group(0)
        if pattern == "named-street":
            first = s.split()[0]
            if first in ("In", "On", "At", "From", "To", "Of", "The", "And", "Her", "His", "Their", "Near", "Off", "Along", "By"):
                return None
            if self._NOT_STREET.match(s):
                return 0.3
        if pattern == "named-home":
            if re.match(r"[ \t]+(?:Surgery|Practice|Medical|Health|Centre|Center|Clinic|School|Primary|Academy|Nursery|Shop|Stores|"
                        r"Park|Estate|Industrial|Business|Care|Home|Hotel|Inn|Road|Lane|Close|Way|Drive)\b", text[m.end() : m.end() + 20]):
                return None  # "Manor Farm Surgery", "Mill Farm Road": an organisation or a street, found as such elsewhere
            before = text[max(0, m.start() - 30) : m.start()]
            if re.search(r"(?i)\b(?:at|of|from|home|lives|lived|living|address|farm)[\s:|]*$", before) \
                    or re.search(r"\b[A-Z][\w'’-]+[ \t]+[A-Z][\w'’-]+,[ \t]*$", before) or re.match(  # "Neighbour Wilf Routledge, Low Gillhead Farm"
                    r",[ \t]*[A-Z][\w'’-]+(?:,?[ \t]+[A-Z][\w'’-]+)?,?[ \t]+[A-Z]{1,2}\d", text[m.end() : m.end() + 40]):
                return 0.6
            return None
        if pattern == "gate-street" and s.split()[-1].lower() in _GATE_WORDS:
            return None  # "2 delegates", "3 aggregate"
        if pattern == "named-street" and _PLACE_OF_SERVICE_AFTER.match(text, m.end()):
            return None  # "Elmvale Road Surgery", "Tannery Lane Medical Centre": a place of service named after its street
        if pattern == "house-number":
            before = text[max(0, m.start() - 30) : m.start()]
            after = text[m.end() : m.end() + 12]
            if _HOUSE_NUMBER_BEFORE.search(before) and not re.match(r"[ \t]*(?:of|in|on|to|for|and|or|[-–%])\b", after):
                return 0.7
            return None
        if pattern == "welsh-house-name" and re.search(r"[ \t](?:Fawr|Fach)$", s):
            return None  # "Stryd Fawr", "Heol Fawr": the high street of a town
        if pattern == "welsh-house-name":
            return 0.7 if re.search(r"\b(?:of|at|from|to|in|on|lived|lives|address)[ \t:]*$", text[max(0, m.start() - 12) : m.start()]) else None
        if pattern == "lower-numbered" and re.match(r"(?:19|20)\d\d\b", s):
            return None  # "in 2021 took place": a year, not a house number
        if pattern in ("lower-numbered", "lower-flat-of"):
            words = s.split()[1:-1]
            if any(w.strip(",").lower() in _NOT_LOWER_STREET for w in words):
                return None  # "2 minutes down the road", "3 other lane"
        if pattern == "flat-number" and not re.search(r"\d{3}", s) and not _BLOCK_NAMED.search(text):
            return 0.4  # "the neighbour in flat 1": a low flat number of no named block or street is a warning ("flat 1104" is not)
        if pattern == "numbered" and re.match(r"\d{1,4}[ \t]+(?:Years?|Days?|Weeks?|Months?|Hours?|Minutes?|Police|Court|Park|"
                                              r"Stages?|Steps?|Tiers?|Phases?|Points?|Pronged|Parts?|Levels?)\b", s):
            return None
        return score
