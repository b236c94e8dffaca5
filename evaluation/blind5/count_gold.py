"""Validate and count the gold spans of the blind5 identifying documents (not clean-*).

    python evaluation/blind5/count_gold.py
"""
import re
import sys
from collections import Counter
from pathlib import Path

TYPES = {"PERSON", "ADDRESS", "UK_POSTCODE", "PHONE_NUMBER", "EMAIL_ADDRESS", "DATE_OF_BIRTH",
         "NHS_NUMBER", "UK_NINO", "VEHICLE_REGISTRATION", "CASE_REFERENCE", "SOCIAL_HANDLE", "URL",
         "PROTECTIVE_MARKING"}
EVAL_GOLD = re.compile(r"\[\[(.+?)\|([A-Z_/]+)\]\]", re.S)   # as in generator/check/evaluate.py
STRICT = re.compile(r"\[\[([^\[\]|\n]+)\|([A-Z_]+)\]\]")      # one line, no nesting, no pipe
WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")

here = Path(__file__).parent
total, problems = Counter(), 0
for p in sorted(here.glob("*.md")):
    if p.name.startswith("clean-"):
        continue
    text = p.read_text(encoding="utf-8")
    strict = [(m.start(), m.group(1), m.group(2)) for m in STRICT.finditer(text)]
    loose = [(m.start(), m.group(1), m.group(2)) for m in EVAL_GOLD.finditer(text)]
    if strict != loose:
        problems += 1
        print(f"{p.name}: evaluate.py regex and strict regex disagree")
    for _, span, typ in strict:
        if typ not in TYPES:
            problems += 1
            print(f"{p.name}: bad type {typ} for {span!r}")
        if span != span.strip():
            problems += 1
            print(f"{p.name}: span with outer spaces {span!r}")
    rest = STRICT.sub(lambda m: m.group(1), text)
    for n, line in enumerate(rest.splitlines(), 1):
        if "[[" in line or "]]" in line or re.search(r"\|[A-Z_]{4,}\]", line):
            problems += 1
            print(f"{p.name}:{n}: stray markup: {line}")
    c = Counter(t for _, _, t in strict)
    total += c
    words = len(WORD.findall(rest))
    print(f"{p.name:42} words {words:4d}  gold {sum(c.values()):3d}  " +
          ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
print()
n = sum(total.values())
for k, v in sorted(total.items(), key=lambda kv: -kv[1]):
    print(f"{k:22} {v:4d}  {100 * v / n:5.1f}%")
print(f"{'TOTAL':22} {n:4d}")
sys.exit(1 if problems else 0)
