"""`make bench`: speed figures as ratios against a reference run in the same process.

2. `site_bench`: building a site of ~1,000 generated pages with reviewsite against a plain
   mkdocs-material build of the same pages (`make bench` passes its options: --reviews N).

1. The anonymisation check on a long generated report (about 25,000 words) and on a whole
   site of such reports: words per second cold (empty cache) and warm (unchanged, cached),
   against spaCy's own NER pass over the same text with the same model. The figure is the
   ratio: check cold / spaCy NER (target at least 0.8); warm re-check time (target well under
   a second beyond start-up).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
ROOT = Path(__file__).resolve().parent.parent


def long_report(words: int = 25_000, seed_dir: Path = ROOT / "content/reviews/hana-2021") -> str:
    """A realistic long report: the example overview report's paragraphs, repeated with
    section numbers changed, until it reaches `words` words."""
    base = (seed_dir / "overview-report.md").read_text(encoding="utf-8")
    paras = [p for p in base.split("\n\n") if p.strip()]
    out, count, i = [], 0, 0
    while count < words:
        p = paras[i % len(paras)]
        if p.startswith("#"):
            p = f"{p} (part {i // len(paras) + 1})"
        out.append(p)
        count += len(p.split())
        i += 1
    return "\n\n".join(out) + "\n"


def timed(fn, repeat=1):
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - t
        best = elapsed if best is None else min(best, elapsed)
    return best


def bench_check(n_reports: int) -> dict:
    import spacy

    from generator.check.anonymise import AllowedTerms, Analyser

    texts = [long_report() for _ in range(n_reports)]
    words = sum(len(t.split()) for t in texts)
    analyser = Analyser.from_config()
    model = analyser.model_name
    allowed = AllowedTerms(terms=[], pseudonyms=["Hana", "Adult B"])
    items = [(f"bench/report-{i}.md", t + f"\n<!-- {i} -->\n", "markdown", allowed, []) for i, t in enumerate(texts)]

    # Reference: spaCy's own NER pass (only the components NER needs) over the same texts.
    nlp = spacy.load(model, exclude=[p for p in spacy.load(model).pipe_names if p not in ("ner",)])
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 10)
    list(nlp.pipe(["warm up the model"]))
    t_spacy = timed(lambda: list(nlp.pipe([it[1] for it in items])))

    cache_dir = Path(tempfile.mkdtemp(prefix="rs-bench-cache-"))
    analyser.cache_dir = cache_dir
    try:
        analyser.check_many([("warm.md", "warm up the model", "markdown", allowed, [])])
        shutil.rmtree(cache_dir, ignore_errors=True)
        t_cold = timed(lambda: analyser.check_many(items))
        t_warm = timed(lambda: analyser.check_many(items), repeat=3)
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    return {"reports": n_reports, "words": words, "spacy_ner_wps": words / t_spacy,
            "check_cold_wps": words / t_cold, "check_warm_seconds": t_warm,
            "ratio_cold_vs_spacy": t_spacy / t_cold}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    print("reviewsite benchmarks (ratios against a reference run in the same process)\n")
    for n in (1, 4):
        r = bench_check(n)
        label = "one long report" if n == 1 else f"a site of {n} long reports"
        print(f"check, {label} ({r['words']:,} words):")
        print(f"  spaCy NER alone        {r['spacy_ner_wps']:>10,.0f} words/s")
        print(f"  check, cold            {r['check_cold_wps']:>10,.0f} words/s")
        print(f"  ratio cold / spaCy     {r['ratio_cold_vs_spacy']:>10.2f}   (target >= 0.8)")
        print(f"  check, warm (cached)   {r['check_warm_seconds']:>10.3f} s      (target well under 1 s)\n")
    # 2. A site of about a thousand pages against a plain mkdocs-material build of the same pages.
    from benchmarks import site_bench
    return site_bench.main(argv)


if __name__ == "__main__":
    sys.exit(main())
