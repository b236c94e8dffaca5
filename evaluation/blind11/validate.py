"""Validate the blind11 gold markup and sidecars (run from anywhere: python3 validate.py)."""
import collections, re, sys
from pathlib import Path
import yaml

HERE = Path(__file__).resolve().parent
TYPES = {"PERSON", "ADDRESS", "UK_POSTCODE", "PHONE_NUMBER", "EMAIL_ADDRESS", "DATE_OF_BIRTH", "NHS_NUMBER",
         "UK_NINO", "VEHICLE_REGISTRATION", "CASE_REFERENCE", "SOCIAL_HANDLE", "URL", "PROTECTIVE_MARKING"}
LINE_GOLD = re.compile(r"\[\[([^\[\]\n|]+?)\|([A-Z_/]+)\]\]")
OFCOM = [r"07700 ?900 ?\d{3}", r"01632 ?960 ?\d{3}", r"0(113|115|118|121|131|141|161) ?496 ?0\d{3}",
         r"0191 ?498 ?0\d{3}", r"020 ?7946 ?0\d{3}", r"029 ?2018 ?0\d{3}"]
errors = []

def nhs_ok(n):
    d = [int(c) for c in re.sub(r"\D", "", n)]
    if len(d) != 10:
        return False
    c = 11 - sum(d[i] * (10 - i) for i in range(9)) % 11
    c = 0 if c == 11 else c
    return c != 10 and c == d[9]

totals, per_doc = collections.Counter(), {}
for p in sorted(HERE.iterdir()):
    if p.name.endswith(".meta.yml") or p.suffix not in (".md", ".yml"):
        continue
    text = p.read_text(encoding="utf-8")
    meta_p = p.with_name(p.stem + ".meta.yml")
    if not meta_p.exists():
        errors.append(f"{p.name}: no meta"); meta = {}
    else:
        meta = yaml.safe_load(meta_p.read_text(encoding="utf-8")) or {}
        for k in meta:
            if k not in ("pseudonyms", "panel", "terms", "clean"):
                errors.append(f"{meta_p.name}: unknown key {k}")
    declared = {x.lower() for x in [*meta.get("pseudonyms", []), *meta.get("panel", [])]}
    spans = []
    for ln, line in enumerate(text.splitlines(), 1):
        found = LINE_GOLD.findall(line)
        if line.count("[[") != len(found) or line.count("]]") != len(found):
            errors.append(f"{p.name}:{ln}: malformed or multi-line span: {line!r}")
        for span, typ in found:
            if typ not in TYPES:
                errors.append(f"{p.name}:{ln}: bad type {typ}")
            if span != span.strip():
                errors.append(f"{p.name}:{ln}: span has outer spaces {span!r}")
            if span.lower() in declared:
                errors.append(f"{p.name}:{ln}: gold span equals declared name {span!r}")
            if typ == "NHS_NUMBER" and not nhs_ok(span):
                errors.append(f"{p.name}:{ln}: bad NHS check digit {span}")
            if typ == "PHONE_NUMBER" and not any(re.fullmatch(o, span) for o in OFCOM):
                errors.append(f"{p.name}:{ln}: phone not in drama range {span}")
            if typ == "EMAIL_ADDRESS" and not re.search(r"@example\.(org|com|net)$", span):
                errors.append(f"{p.name}:{ln}: email not at example domain {span}")
            spans.append((span, typ))
    plain = LINE_GOLD.sub(lambda m: m.group(1), text)
    if p.suffix == ".yml":
        try:
            yaml.safe_load(plain)
        except yaml.YAMLError as e:
            errors.append(f"{p.name}: YAML does not parse: {e}")
    if meta.get("clean") and spans:
        errors.append(f"{p.name}: clean document has gold spans")
    for m in re.finditer(r"\b\d{3} ?\d{3} ?\d{4}\b", plain):
        if not nhs_ok(m.group()):
            errors.append(f"{p.name}: 10-digit number {m.group()} is not a valid NHS number")
    words = len(re.findall(r"[A-Za-z0-9][\w'’.-]*", plain))
    c = collections.Counter(t for _, t in spans)
    totals.update(c)
    per_doc[p.name] = (words, len(spans), bool(meta.get("clean")))

for k, (w, n, clean) in per_doc.items():
    print(f"{k:32} words={w:5d} spans={n:3d} {'clean' if clean else ''}")
print("total spans", sum(totals.values()))
for t in sorted(totals):
    print(f"  {t:22} {totals[t]}")
print("\n".join(errors) if errors else "OK: no problems")
sys.exit(1 if errors else 0)
