"""Private registers: the real identifiers of the people in a review, which must never be published.

`private/<slug>.yml` (git-ignored, read by the check and the output audit, never by the build):

    people:
      - name: Łucja Kowalczyk-Nowak        # required: the real full name
        aliases: [Lucy, "Lulu K"]          # nicknames, maiden names, other spellings
        born: 1984-03-12                   # date of birth (any of: 1984-03-12, 12/03/1984, 12 March 1984)
        addresses: ["24 Kestrel Close, Elmvale EV4 7QT"]
        schools: [St Dwynwen's Primary School]
        workplaces: [Elmvale Leisure Centre]
        phones: ["07700 900461"]
        emails: [lucja.k@example.org]
        identifiers: [AB12 CDE, "QQ 12 34 56 C", "@lulu_k"]   # anything else: NHS no., car, handle
        role: victim                       # optional, for the editor
    terms: [Kestrel Close, "Elmvale Boxing Club"]   # anything else that must not appear

A plain register file (`--register FILE`) holds one term per line; `#` starts a comment. Each
line that looks like a person's name (two or more capitalised words) is treated as a name.

How terms are matched (every occurrence, in every variant):
- letter case, diacritics (Łucja == Lucja == LUCJA) and hyphens/spaces/line breaks between the
  words of a term are ignored ("Kowalczyk-Nowak", "Kowalczyk Nowak", "Kowalczyk-\\nNowak");
- every part of a name alone ("Łucja", "Kowalczyk", "Nowak"), and so initials with a surname
  ("Ł. Kowalczyk", "L Nowak"), "Surname, First" and possessives ("Kowalczyk's");
- the short forms of the given name ("Alasdair" -> "Ally", "Katarzyna" -> "Kasia"; see
  `person_name.short_forms`), capitalised, and the initials ("Jordan Lloyd Doherty" -> "JD",
  "JLD") in capitals, unless they are an acronym of the work ("DV", "GP");
- a name part that is an ordinary English word ("Rose", "Young") matches only when capitalised,
  so "a young woman" is not flagged while "Rose" and "ROSE" are;
- phone numbers, NHS and NI numbers and other identifiers ignoring spaces and punctuation;
- dates of birth in any common written form of that date.

A register name part that is also a declared pseudonym is a conflict: `conflicts()` reports it,
and the register wins (every occurrence is an error), because the "pseudonym" is a real name.

Errors in a register file are ContentErrors with line numbers.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.diagnostics import ContentError

_FOLD_EXTRA = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "s", "æ": "a", "Æ": "A", "œ": "o",
               "Œ": "O", "ı": "i", "þ": "t", "ð": "d", "’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"}


def fold_char(c: str) -> str:
    """One character, lower-cased and without diacritics; always exactly one character."""
    if c in _FOLD_EXTRA:
        return _FOLD_EXTRA[c].lower()
    d = unicodedata.normalize("NFKD", c)
    base = d[0] if d else c
    low = base.lower()
    return low if len(low) == 1 else base


def fold(text: str) -> str:
    """Same-length, case- and diacritic-folded copy of text (offsets are preserved)."""
    if text.isascii():
        return text.lower()
    table = {ord(c): fold_char(c) for c in set(text) if ord(c) > 127}
    out = text.translate(table)
    low = out.lower()
    return low if len(low) == len(out) else "".join(c.lower() if len(c.lower()) == 1 else c for c in out)


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]


@dataclass(frozen=True)
class RegisterTerm:
    text: str  # as written in the register
    kind: str  # "name" | "name-part" | "short-form" | "initials" | "date" | "number" | "term"
    person: str | None = None  # the person's full name, for the message
    source: str = ""  # "private/slug.yml:4"
    capitalised_only: bool = False


@dataclass
class Register:
    """The terms of one register file, compiled for matching."""

    path: str
    terms: list[RegisterTerm] = field(default_factory=list)
    _patterns: list[tuple[re.Pattern, RegisterTerm]] | None = field(default=None, repr=False)

    def key(self) -> str:
        return "\n".join(f"{t.kind}\t{t.text}\t{t.capitalised_only}" for t in self.terms)

    def name_parts(self) -> set[str]:
        return {fold(t.text) for t in self.terms if t.kind in ("name", "name-part")}

    def patterns(self) -> list[tuple[re.Pattern, RegisterTerm]]:
        if self._patterns is None:
            self._patterns = [(p, t) for t in self.terms for p in _compile(t)]
        return self._patterns

    def find(self, text: str, folded: str | None = None) -> list[tuple[int, int, RegisterTerm]]:
        """Every match in text as (start, end, term), longest first where they overlap."""
        folded = folded if folded is not None else fold(text)
        hits = []
        for pat, term in self.patterns():
            for m in pat.finditer(folded):
                a, b = m.span()
                if term.capitalised_only and not text[a].isupper():
                    continue
                if term.kind == "initials" and text[a:b] != term.text:
                    continue  # "JD" in capitals only, not "jd" or "Jd"
                hits.append((a, b, term))
        return hits


def _sep() -> str:
    # between the words of a term: spaces, line breaks, hyphens, Markdown emphasis or quote marks
    return r"(?:[\s\-*_>|]*)"


def _word_pattern(words: list[str]) -> str:
    return _sep().join(re.escape(w) for w in words)


def _compile(term: RegisterTerm) -> list[re.Pattern]:
    t = fold(term.text)
    if term.kind == "number":
        chars = [c for c in t if c.isalnum()]
        if len(chars) < 4:
            return []
        body = r"[\s\-./()]*".join(re.escape(c) for c in chars)
        if t.startswith("0") and len(chars) >= 10:  # a UK phone number: also +44 / 0044 forms
            rest = r"[\s\-./()]*".join(re.escape(c) for c in chars[1:])
            body = rf"(?:{body}|(?:\+|00)\s*44\s*(?:\(0\)\s*)?{rest})"
        return [re.compile(rf"(?<![\w]){body}(?![\w])")]
    if term.kind == "date":
        return [re.compile(p) for p in _date_patterns(term.text)]
    if term.kind == "email":
        return [re.compile(rf"(?<![\w.+-]){re.escape(t)}(?![\w-])")]
    words = [w for w in re.split(r"[\s\-]+", t) if w]
    if not words:
        return []
    return [re.compile(rf"(?<![\w]){_word_pattern(words)}(?![\w])")]


def _date_patterns(value: str) -> list[str]:
    d = _parse_date(value)
    if d is None:
        return [rf"(?<![\w]){re.escape(fold(value))}(?![\w])"]
    day, month, year = d.day, d.month, d.year
    mname = _MONTHS[month - 1]
    yy = f"{year % 100:02d}"
    sep = r"\s*[/.\-]\s*"
    ords = r"(?:st|nd|rd|th)?"
    return [
        rf"(?<![\d])0?{day}{sep}0?{month}{sep}(?:{year}|{yy})(?![\d])",
        rf"(?<![\d]){year}{sep}0?{month}{sep}0?{day}(?![\d])",
        rf"(?<![\d])0?{day}{ords}\s+(?:of\s+)?(?:{mname}|{mname[:3]}\.?),?\s+(?:{year}|'?{yy})(?![\d])",
        rf"\b(?:{mname}|{mname[:3]}\.?)\s+0?{day}{ords},?\s+{year}(?![\d])",
    ]


def _parse_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%d/%m/%y"):
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    m = re.match(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})$", s)
    if m:
        try:
            return dt.datetime.strptime(f"{m.group(1)} {m.group(2)} {m.group(3)}", "%d %B %Y").date()
        except ValueError:
            return None
    return None


_dictionary: set[str] | None = None


def _is_english_word(w: str) -> bool:
    """Is a name part an ordinary word? Uses a small built-in list (no model load here)."""
    global _dictionary
    if _dictionary is None:
        from .recognizers.person_name import AMBIGUOUS_FIRST, MONTHS_DAYS

        common = set(AMBIGUOUS_FIRST) | MONTHS_DAYS
        common |= set(
            """young green brown white black gray grey hill wood woods king little long short hall street field fields
            lane rose may will mark bill hope grace joy dawn west north south east park bush cook baker mason smith
            taylor turner walker wright rich page pole bird fox wolf swan lamb bell best good love moon star sun
            frost rain snow day knight bishop dean judge miller fisher hunter archer bond banks church cross chance
            summer winter spring autumn storm brook brooks lake marsh moss stone rock ash oak elm lord sharp strong
            sweet wise may major sterling noble golden silver gold steel price cash ward gill well wells house
            case child close""".split()
        )
        _dictionary = common
    return fold(w) in _dictionary


def _name_terms(name: str, source: str, aliases=()) -> list[RegisterTerm]:
    out = [RegisterTerm(name, "name", name, source)]
    seen = {fold(name)}
    for alias in aliases:
        if fold(alias) not in seen:
            seen.add(fold(alias))
            out.append(RegisterTerm(alias, "name", name, source, capitalised_only=_is_english_word(alias)))
    for full in [name, *aliases]:
        for part in re.split(r"[\s,]+", full):
            part = part.strip(".'’\"()")
            pieces = [part] + (part.split("-") if "-" in part else [])
            for p in pieces:
                if len(p) < 2 or fold(p) in seen:
                    continue
                seen.add(fold(p))
                out.append(RegisterTerm(p, "name-part", name, source, capitalised_only=_is_english_word(p)))
    # the short forms of the given name ("Alasdair" -> "Ally") and the initials ("Jordan Lloyd
    # Doherty" -> "JD", "JLD"), which records use for the person they are about
    from .recognizers.person_name import short_forms

    words = [w.strip(".'’\"()") for w in re.split(r"[\s,]+", name) if len(w.strip(".'’\"()")) > 1]
    if words:
        for form in sorted(short_forms(words[0])):
            if fold(form) not in seen:
                seen.add(fold(form))
                out.append(RegisterTerm(form.capitalize(), "short-form", name, source, capitalised_only=True))
    for ini in sorted(initials_of(words) - WORK_ACRONYMS):
        out.append(RegisterTerm(ini, "initials", name, source))
    return out


def initials_of(words: list[str]) -> set[str]:
    """A person's initials as records use them: given name and surname ("JD"), and all three of a
    three-part name ("JLD"). Nothing for a single word."""
    if len(words) < 2:
        return set()
    out = {(words[0][0] + words[-1][0]).upper()}
    if len(words) == 3:
        out.add("".join(w[0] for w in words).upper())
    return out


# acronyms of the work that are also two or three people's initials ("DV" is not Daniel Vaughan): never
# registered as initials, nor taken for the initials of a person named in a text (anonymise.py)
WORK_ACRONYMS = {"DV", "DA", "MH", "CP", "CIN", "LA", "SW", "ED", "AE", "OT", "PT", "CT", "DC", "DS", "DI", "PS", "OD",
                  "BD", "GP", "PC", "HR", "IT", "MP", "SG", "ASB", "CPS", "CSE", "CCE", "FGM", "HBV", "PIC", "OIC", "MAP",
                  "NFA", "RTC", "TDS", "QDS", "PRN", "BMI", "BP", "AF", "MI", "UTI", "MRI", "ECG", "CBT", "DWP", "HMP", "PDU"}


def _classify_term(value: str) -> str:
    v = value.strip()
    if "@" in v and "." in v.split("@")[-1] and not v.startswith("@"):
        return "email"
    if _parse_date(v) is not None:
        return "date"
    alnum = re.sub(r"[^A-Za-z0-9]", "", v)
    if alnum and sum(c.isdigit() for c in alnum) >= max(3, len(alnum) // 2):
        return "number"
    return "term"


def _looks_like_name(v: str) -> bool:
    words = v.split()
    return 2 <= len(words) <= 5 and all(re.match(r"^[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*$", w) for w in words)


def _term(value: str, source: str, person: str | None = None) -> list[RegisterTerm]:
    kind = _classify_term(value)
    if kind == "term" and not person and _looks_like_name(value) and not re.search(
        r"\b(?:Road|Street|Close|Lane|Avenue|Drive|School|Academy|College|Centre|Club|Ltd|Limited|Hospital|Court|Way|Crescent)\b", value
    ):
        return _name_terms(value, source)
    if kind == "term":
        return [RegisterTerm(value, "term", person, source, capitalised_only=_is_english_word(value) and " " not in value.strip())]
    return [RegisterTerm(value, kind, person, source)]


_PERSON_KEYS = {"name", "aliases", "born", "date_of_birth", "dob", "addresses", "address", "schools", "school",
                "workplaces", "workplace", "employers", "phones", "phone", "emails", "email", "identifiers", "role",
                "notes", "handles", "vehicles", "postcodes"}


def load_register(path: Path) -> tuple[Register | None, list[ContentError]]:
    """Load `private/<slug>.yml` (YAML) or a plain one-term-per-line file."""
    path = Path(path)
    display = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return None, [ContentError(display, f"cannot read the register: {e}", hint="check the path")]
    if path.suffix.lower() not in (".yml", ".yaml"):
        terms, errors = load_term_file(path)
        if errors:
            return None, errors
        reg = Register(display)
        for term, line in _term_lines(raw):
            reg.terms.extend(_term(term, f"{display}:{line}"))
        return reg, []
    try:
        node = yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        return None, [ContentError(display, f"the register is not valid YAML: {getattr(e, 'problem', e)}",
                                   line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
                                   hint="fix the YAML syntax (indentation, quotes, colons)")]
    errors: list[ContentError] = []
    reg = Register(display)
    if node is None:
        return reg, []
    if not isinstance(node, yaml.MappingNode):
        return None, [ContentError(display, "a register is a mapping with `people:` and/or `terms:`", line=node.start_mark.line + 1,
                                   hint="start the file with `people:`")]

    def line_of(n):
        return n.start_mark.line + 1

    def scalars(n, where) -> list[tuple[str, int]]:
        if isinstance(n, yaml.ScalarNode):
            return [(str(n.value), line_of(n))] if str(n.value).strip() else []
        if isinstance(n, yaml.SequenceNode):
            out = []
            for item in n.value:
                if isinstance(item, yaml.ScalarNode):
                    if str(item.value).strip():
                        out.append((str(item.value), line_of(item)))
                else:
                    errors.append(ContentError(display, f"`{where}` items must be plain text", line=line_of(item), field=where))
            return out
        errors.append(ContentError(display, f"`{where}` must be text or a list of text", line=line_of(n), field=where))
        return []

    for knode, vnode in node.value:
        key = knode.value
        if key == "people":
            if not isinstance(vnode, yaml.SequenceNode):
                errors.append(ContentError(display, "`people` must be a list", line=line_of(vnode), field="people",
                                           hint="write each person as `- name: ...`"))
                continue
            for i, pnode in enumerate(vnode.value):
                where = f"people[{i}]"
                if not isinstance(pnode, yaml.MappingNode):
                    errors.append(ContentError(display, "each person is a mapping with at least `name:`", line=line_of(pnode), field=where))
                    continue
                fields = {k.value: v for k, v in pnode.value}
                for k, v in pnode.value:
                    if k.value not in _PERSON_KEYS:
                        errors.append(ContentError(display, f"unknown key `{k.value}` for a person", line=line_of(k),
                                                   field=f"{where}.{k.value}",
                                                   hint="use name, aliases, born, addresses, schools, workplaces, phones, emails, identifiers, role"))
                if "name" not in fields or not isinstance(fields["name"], yaml.ScalarNode) or not str(fields["name"].value).strip():
                    errors.append(ContentError(display, "a person needs a `name`", line=line_of(pnode), field=f"{where}.name"))
                    continue
                name = str(fields["name"].value).strip()
                src = f"{display}:{line_of(fields['name'])}"
                aliases = [a for a, _ in scalars(fields["aliases"], f"{where}.aliases")] if "aliases" in fields else []
                reg.terms.extend(_name_terms(name, src, aliases))
                for k in ("born", "date_of_birth", "dob"):
                    if k in fields:
                        for v, ln in scalars(fields[k], f"{where}.{k}"):
                            if _parse_date(v) is None:
                                errors.append(ContentError(display, f"`{k}` is not a date: {v!r}", line=ln, field=f"{where}.{k}",
                                                           hint="write the date as 1984-03-12"))
                            else:
                                reg.terms.append(RegisterTerm(v, "date", name, f"{display}:{ln}"))
                for k in ("addresses", "address", "schools", "school", "workplaces", "workplace", "employers", "phones",
                          "phone", "emails", "email", "identifiers", "handles", "vehicles", "postcodes"):
                    if k in fields:
                        for v, ln in scalars(fields[k], f"{where}.{k}"):
                            reg.terms.extend(_address_terms(v, f"{display}:{ln}", name) if k.startswith("address")
                                             else [_t for _t in _term(v, f"{display}:{ln}", name)])
        elif key == "terms":
            for v, ln in scalars(vnode, "terms"):
                reg.terms.extend(_term(v, f"{display}:{ln}"))
        else:
            errors.append(ContentError(display, f"unknown key `{key}` in the register", line=line_of(knode), field=key,
                                       hint="a register has `people:` and `terms:`"))
    if errors:
        return None, errors
    return reg, []


def _address_terms(value: str, source: str, person: str) -> list[RegisterTerm]:
    """An address and each of its comma-separated parts (street, postcode), but not a bare town."""
    out = [RegisterTerm(value, "term", person, source)]
    for part in [p.strip() for p in value.split(",")][1:] if "," in value else []:
        if re.search(r"\d", part) or re.search(r"\b(?:Road|Street|Close|Lane|Avenue|Drive|Way|Crescent|Court|Terrace|Gardens)\b", part):
            out.append(RegisterTerm(part, "number" if _classify_term(part) == "number" else "term", person, source))
    first = value.split(",")[0].strip()
    street = re.sub(r"^(?:Flat|Apartment)\s+\w+,?\s*", "", first)
    street = re.sub(r"^\d+[A-Za-z]?\s+", "", street)
    if street and street != value:
        out.append(RegisterTerm(street, "term", person, source))
    pc = re.search(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", value, re.I)
    if pc:
        out.append(RegisterTerm(pc.group(0), "number", person, source))
    return out


def _term_lines(raw: str):
    for i, line in enumerate(raw.splitlines(), 1):
        term = line.split("#", 1)[0].strip()
        if term:
            yield term, i


def load_term_file(path: Path) -> tuple[list[str], list[ContentError]]:
    """A plain file of terms, one per line; `#` starts a comment; blank lines are ignored."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [], [ContentError(str(path), "the file is not UTF-8 text", hint="save it as UTF-8")]
    except OSError as e:
        return [], [ContentError(str(path), f"cannot read the file: {e}", hint="check the path")]
    terms, errors = [], []
    for i, line in enumerate(raw.splitlines(), 1):
        term = line.split("#", 1)[0].strip()
        if not term:
            continue
        if len(term) < 2:
            errors.append(ContentError(str(path), f"the term {term!r} is too short to match safely", line=i,
                                       hint="write at least two characters, or remove the line"))
            continue
        terms.append(term)
    return terms, errors


def conflicts(register: Register, pseudonyms) -> list[ContentError]:
    """Register names that are also declared pseudonyms (the register wins in the check)."""
    parts = {}
    for t in register.terms:
        if t.kind in ("name", "name-part"):
            parts.setdefault(fold(t.text), t)
    out = []
    for p in pseudonyms:
        for word in [p, *p.split()]:
            t = parts.get(fold(word))
            if t and len(word) > 1:
                line = int(t.source.rsplit(":", 1)[1]) if ":" in t.source else None
                out.append(ContentError(register.path, f"the pseudonym {p!r} is also a real name in the register ({t.person})",
                                        line=line, hint="choose a different pseudonym with the family; the check flags every occurrence meanwhile"))
                break
    return out
