"""Quasi-identifiers, reported as WARNINGS for the panel to decide: exact dates (with a day),
exact ages, schools, employers, ethnicity and nationality. (Small places come from the person
recognizer's LOCATION output.) Each may be acceptable; together they can identify a family."""

import re

from .base import RegexRecognizer
from .date_of_birth import DAY_DATE


class ExactDateRecognizer(RegexRecognizer):
    ENTITY = "DATE"
    RULE = "AN201"
    FLAGS = re.I
    PATTERNS = [("exact-date", rf"(?<![\w/.-]){DAY_DATE}(?![\w/-])", 0.5),
                ("day-month", r"(?<![\w/.-])\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b(?![ \t,]+\d)", 0.4)]


    def score_match(self, text, m, pattern, score):
        s = m.group(0)
        if re.fullmatch(r"(?:19|20)\d\d-\d\d-\d\d", s):
            # an ISO date alone on its line is a structured field (a YAML date: a target, a meeting, a
            # process step), not a personal date written in prose
            ls = text.rfind("\n", 0, m.start()) + 1
            le = text.find("\n", m.end())
            line = text[ls : len(text) if le < 0 else le]
            if line.strip(" \t-'\"") == s:
                return None
        return score


class AgeRecognizer(RegexRecognizer):
    ENTITY = "AGE"
    RULE = "AN202"
    FLAGS = re.I
    PATTERNS = [
        ("aged", r"\b(?:aged|age|ages)[ \t]+(?P<v>\d{1,3}(?:[ \t]+(?:and|&)[ \t]+\d{1,3})?)\b", 0.5),
        ("years-old", r"\b(?P<v>\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-?(?:one|two|three|four|five|six|seven|eight|nine)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ \t-]+(?:years?|yrs?|months?)[ \t-]+old\b", 0.5),
        ("year-old", r"\b\d{1,3}-year-old\b", 0.5),
    ]

    def span(self, m):
        return m.span("v") if m.groupdict().get("v") else m.span()


class SchoolRecognizer(RegexRecognizer):
    ENTITY = "SCHOOL"
    RULE = "AN203"
    FLAGS = 0
    PATTERNS = [
        ("welsh-school", r"\bYsgol(?:[ \t\n]+(?:Gynradd|Uwchradd|Gyfun|Feithrin|Arbennig|Sant|Santes|y|yr|Gymraeg))*(?:[ \t\n]+[A-Z][\w'’-]+){1,3}", 0.5),
        ("school", r"\b(?:St\.?[ \t]+)?(?:[A-Z][\w'’.-]+[ \t]+){1,4}(?:(?:C\.?[ \t]?of[ \t]?E\.?|CE|RC|Catholic|Church of England|Community|Primary|Junior|Infant|Infants|Nursery|Secondary|High|Grammar|Comprehensive|Free|Special|Independent)[ \t]+)*(?:School|Academy|College|Sixth Form|Nursery|Primary)\b", 0.5),
        ("ysgol", r"\bYsgol(?:[ \t]+[A-Z][\w'’-]+){1,3}", 0.5),
    ]

    def score_match(self, text, m, pattern, score):
        s = m.group(0)
        if re.match(r"(?:The|A|An|Each|Every|Her|His|Their|This|That|Local|Primary|Secondary|High|Further|Royal)\s+(?:School|Academy|College|Sixth|Nursery|Primary)", s):
            return None
        if re.search(r"\b(?:Royal College of|College of Policing|College of Nursing|Royal College)\b", s):
            return None
        return score


# A person's language is a quasi-identifier like their nationality, never a name.
LANGUAGES = (
    "Amharic|Arabic|Bengali|Cantonese|Dari|Farsi|Gujarati|Hausa|Hindi|Igbo|Kurmanji|Lingala|Malayalam|Mandarin|Marathi|"
    "Mirpuri|Pahari|Pothwari|Pahari-Pothwari|Potohari|Pashto|Persian|Punjabi|Sorani|Swahili|Sylheti|Tagalog|Telugu|Tigrinya|Twi|Urdu|Yoruba"
)

NATIONALITIES = (
    "Afghan|Albanian|Algerian|American|Angolan|Arab|Bangladeshi|Belgian|Brazilian|British|Bulgarian|Cameroonian|Canadian|"
    "Caribbean|Chinese|Colombian|Congolese|Croatian|Czech|Dutch|Egyptian|English|Eritrean|Estonian|Ethiopian|Filipino|French|"
    "German|Ghanaian|Greek|Gypsy|Hungarian|Indian|Iranian|Iraqi|Irish|Italian|Jamaican|Japanese|Kenyan|Korean|Kosovan|Kurdish|"
    "Latvian|Lithuanian|Moroccan|Nepalese|Nigerian|Pakistani|Polish|Portuguese|Roma|Romanian|Russian|Scottish|Senegalese|Sierra Leonean|"
    "Slovak|Somali|Spanish|Sri Lankan|Sudanese|Syrian|Tamil|Thai|Traveller|Turkish|Ugandan|Ukrainian|Vietnamese|Welsh|Yemeni|Zimbabwean|"
    + LANGUAGES
)
_NATIONALITIES = NATIONALITIES


class EthnicityRecognizer(RegexRecognizer):
    ENTITY = "ETHNICITY/NATIONALITY"
    RULE = "AN205"
    FLAGS = 0
    PATTERNS = [
        ("ethnicity", rf"\b(?:(?:White|Black|Asian|Mixed|Other)[ \t]+(?:British|Irish|African|Caribbean|Other|European|and[ \t]+\w+)|(?:{_NATIONALITIES})(?:[ \t]+(?:national|nationality|heritage|origin|descent|citizen))?|(?:Muslim|Sikh|Hindu|Jewish|Buddhist|Christian|Catholic|Jehovah's Witness)|(?:Gypsy|Irish)[ \t]+Traveller)\b", 0.5),
        ("ethnic-word", r"\b(?:ethnicity|nationality|heritage|ethnic origin)\b[ \t]*(?:is|was|:|of)?[ \t]*(?P<v>[A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+){0,2})", 0.5),
    ]

    def span(self, m):
        return m.span("v") if m.groupdict().get("v") else m.span()

    def score_match(self, text, m, pattern, score):
        s = m.group(0)
        # "British Transport Police", "English language", "Polish Embassy" stay warnings only when about a person
        if re.match(r"(?:British|English|Welsh|Scottish)\b", s) and re.match(r"[ \t]+(?:Transport|Association|Medical|Red|Psychological|Sign|Government|Parliament|Assembly|language|Language)", text[m.end():m.end() + 15]):
            return None
        return score


class EmployerRecognizer(RegexRecognizer):
    ENTITY = "EMPLOYER"
    RULE = "AN204"
    FLAGS = 0
    PATTERNS = [
        ("worked-at", r"\b(?:work(?:ed|s|ing)?|employed|job|shifts?|employment|manager|supervisor|apprenticeship)[ \t]+(?:as[ \t]+an?[ \t]+[\w -]{2,30}?[ \t]+)?(?:at|for|by|with)[ \t]+(?:the[ \t]+)?(?P<v>(?:[A-Z][\w&'’.-]*)(?:[ \t]+(?:&|and|of|the|[A-Z][\w&'’.-]*)){0,5}[A-Za-z’'])", 0.5),
    ]

    def span(self, m):
        return m.span("v")
