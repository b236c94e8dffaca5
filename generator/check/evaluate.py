"""Measure the anonymisation check on the labelled evaluation set in `evaluation/`.

    python -m generator.check.evaluate [--root evaluation] [--split dev|test|all] [--verbose]

For each split it prints:
- recall per identifier type: the share of gold spans overlapped by an ERROR finding (and, in
  brackets, by any finding);
- overall recall of direct identifiers reported as errors;
- error findings per 1,000 words on the clean (properly anonymised) documents: the noise;
- error findings outside any gold span per 1,000 words on the identifying documents.

Gold format: see evaluation/README.md (`[[text|TYPE]]` inline; `NAME.meta.yml` beside each file).
Exit status 0 (it measures; it does not judge), 2 if the set cannot be read.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .anonymise import AllowedTerms, Analyser
from .extract import kind_for, mask

# the labelled sets in evaluation/, in the order they were written (see evaluation/README.md)
SPLITS = ["dev", "test", "holdout", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33", "blind34", "blind35", "blind36", "blind37", "blind38", "blind39", "blind40", "blind41", "blind42", "blind43", "blind44", "blind45", "blind46", "blind47", "blind48", "blind49", "blind50"]

GOLD = re.compile(r"\[\[(.+?)\|([A-Z_/]+)\]\]", re.S)


@dataclass
class Doc:
    path: str
    text: str
    kind: str
    gold: list[tuple[int, int, str, str]]  # start, end, type, text
    allowed: AllowedTerms
    clean: bool = False
    words: int = 0


def parse_gold(marked: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    out, gold, pos = [], [], 0
    length = 0
    for m in GOLD.finditer(marked):
        out.append(marked[pos : m.start()])
        length += m.start() - pos
        span = m.group(1)
        gold.append((length, length + len(span), m.group(2), span))
        out.append(span)
        length += len(span)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), gold


def _allowlist_terms(root: Path) -> list[str]:
    p = root / "allowlist.yml"
    if not p.exists():
        return []
    data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    return [t for v in data.values() if isinstance(v, list) for t in v]


def load_split(root: Path, split: str) -> list[Doc]:
    base_terms = _allowlist_terms(root)
    docs = []
    for p in sorted((root / split).iterdir()):
        if p.name.endswith(".meta.yml") or p.suffix not in (".md", ".yml", ".yaml", ".txt"):
            continue
        text, gold = parse_gold(p.read_text(encoding="utf-8"))
        meta_p = p.with_name(p.stem + ".meta.yml")
        meta = yaml.safe_load(meta_p.read_text(encoding="utf-8")) if meta_p.exists() else {}
        meta = meta or {}
        allowed = AllowedTerms(terms=[*base_terms, *meta.get("panel", []), *meta.get("terms", [])],
                               pseudonyms=list(meta.get("pseudonyms", [])))
        kind = kind_for(p.name)
        words = len(re.findall(r"[A-Za-z0-9][\w'’.-]*", mask(text, kind)))
        docs.append(Doc(f"{split}/{p.name}", text, kind, gold, allowed, bool(meta.get("clean")), words))
    return docs


@dataclass
class Scores:
    per_type: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))  # type: [gold, as error, any]
    clean_words: int = 0
    clean_errors: int = 0
    dirty_words: int = 0
    dirty_fp: int = 0
    missed: list = field(default_factory=list)
    noise: list = field(default_factory=list)
    seconds: float = 0.0


def evaluate(analyser: Analyser, docs: list[Doc]) -> Scores:
    s = Scores()
    t0 = time.perf_counter()
    items = [(d.path, d.text, d.kind, d.allowed, []) for d in docs]
    findings = analyser.check_many(items)
    s.seconds = time.perf_counter() - t0
    by_path = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    for d in docs:
        fs = by_path[d.path]
        errors = [f for f in fs if f.severity == "error"]
        for a, b, typ, text in d.gold:
            row = s.per_type[typ]
            row[0] += 1
            hit_err = any(f.start < b and a < f.end for f in errors)
            hit_any = any(f.start < b and a < f.end for f in fs)
            row[1] += hit_err
            row[2] += hit_any
            if not hit_err:
                s.missed.append((d.path, typ, text, "warning" if hit_any else "none"))
        if d.clean:
            s.clean_words += d.words
            s.clean_errors += len(errors)
            s.noise.extend((d.path, f.line, f.entity, f.text) for f in errors)
        else:
            s.dirty_words += d.words
            for f in errors:
                if not any(f.start < b and a < f.end for a, b, _t, _x in d.gold):
                    s.dirty_fp += 1
                    s.noise.append((d.path, f.line, f.entity, f.text))
    return s


def report(name: str, s: Scores, verbose: bool, out=sys.stdout) -> None:
    total = sum(r[0] for r in s.per_type.values())
    as_err = sum(r[1] for r in s.per_type.values())
    print(f"== {name} ==", file=out)
    print(f"{'type':24} {'gold':>5} {'error':>7} {'any':>7}", file=out)
    for typ in sorted(s.per_type):
        g, e, a = s.per_type[typ]
        print(f"{typ:24} {g:5d} {100 * e / g:6.1f}% {100 * a / g:6.1f}%", file=out)
    if total:
        print(f"direct identifiers reported as errors: {as_err}/{total} = {100 * as_err / total:.1f}%", file=out)
    if s.clean_words:
        print(f"noise on clean documents: {s.clean_errors} errors in {s.clean_words} words = "
              f"{1000 * s.clean_errors / s.clean_words:.2f} per 1,000 words", file=out)
    if s.dirty_words:
        print(f"errors outside gold spans on identifying documents: {s.dirty_fp} in {s.dirty_words} words = "
              f"{1000 * s.dirty_fp / s.dirty_words:.2f} per 1,000 words", file=out)
    print(f"time: {s.seconds:.2f}s", file=out)
    if verbose:
        for m in s.missed:
            print("  missed:", *m, file=out)
        for n in s.noise:
            print("  noise: ", *n, file=out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="reviewsite eval", description=__doc__.split("\n")[0])
    ap.add_argument("--root", default="evaluation")
    ap.add_argument("--split", default="all", choices=[*SPLITS, "all"])
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--config", default=None)
    args = ap.parse_args(argv)
    root = Path(args.root)
    if not (root / "dev").is_dir():
        print(f"no evaluation set at {root}/dev", file=sys.stderr)
        return 2
    analyser = Analyser.from_config(args.config)
    analyser.use_cache = False
    splits = SPLITS if args.split == "all" else [args.split]
    for split in splits:
        if (root / split).is_dir():
            report(split, evaluate(analyser, load_split(root, split)), args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
