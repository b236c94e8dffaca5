"""The `reviewsite` command. It parses arguments, calls the pipeline's stages and prints;
it holds no rules of its own.

Exit status: 0 fine; 1 findings that block (check) or a build that failed its audit;
2 bad input or usage (every problem is listed, nothing is changed); 3 an internal error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")  # never fetch the suffix list

from generator.report import FORMATS  # noqa: E402  (after the environment is set)

OK, BLOCKED, BAD_INPUT, INTERNAL = 0, 1, 2, 3


class Usage(Exception):
    """A problem with the command line or the project folder: exit 2 with this message."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: write it as YYYY-MM-DD") from None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reviewsite", description="Publish statutory reviews and their action plans.")
    p.add_argument("--project", type=Path, default=Path("."),
                   help="the project folder holding content/, private/ and mkdocs.yml (default: here)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("new", help="scaffold a new review in content/reviews/SLUG")
    s.add_argument("slug")
    s.add_argument("--title", help="the pseudonym-based title (default: from the slug)")
    s.add_argument("--type", default="dhr", choices=["dhr", "dardr", "case-review", "safeguarding-adult-review",
                                                     "action-plan"])

    s = sub.add_parser("check", help="validate content and run the anonymisation and consistency checks")
    s.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="Markdown or YAML files or folders to check (default: all of content/)")
    s.add_argument("--allow-file", action="append", default=[], type=Path, metavar="FILE",
                   help="extra allowed terms, one per line (# starts a comment)")
    s.add_argument("--register", action="append", default=[], type=Path, metavar="FILE",
                   help="extra private register: identifiers to find, one per line")
    s.add_argument("--format", choices=FORMATS, default="text")
    s.add_argument("--exit-zero", action="store_true",
                   help="exit 0 even if error findings remain (bad input still exits 2); used by make site")

    s = sub.add_parser("build", help="build the public site (atomically) from what may be published")
    s.add_argument("--out", type=Path, help="output folder (default: site/ in the project)")
    s.add_argument("--as-of", type=_date, metavar="DATE", help="build the site as it will be on DATE")

    s = sub.add_parser("serve", help="live preview of the public site, rebuilt when content/, generator/ or theme/ change")
    s.add_argument("--as-of", type=_date, metavar="DATE")
    s.add_argument("--port", type=int, default=8000)

    s = sub.add_parser("status", help="each review's stage, whether it is published and why not, and its actions")
    s.add_argument("--as-of", type=_date, metavar="DATE")

    s = sub.add_parser("clear", help="record the Home Office clearance and fingerprint the cleared documents")
    s.add_argument("slug")
    s.add_argument("--date", type=_date, required=True)
    s.add_argument("--reference", required=True)
    s.add_argument("--letter", type=Path, help="the clearance letter (Markdown); copied to qa-letter.md")
    s.add_argument("--conditions")
    s.add_argument("--by", help="who cleared it (default: Home Office Quality Assurance Panel)")

    s = sub.add_parser("amend", help="record a change made after clearance (shown in the public change history)")
    s.add_argument("slug")
    s.add_argument("--note", required=True)
    s.add_argument("--date", type=_date)

    s = sub.add_parser("withdraw", help="take a published review down, leaving a withdrawal notice")
    s.add_argument("slug")
    s.add_argument("--reason", required=True, help="the public reason, shown on the notice")
    s.add_argument("--date", type=_date)

    s = sub.add_parser("report", help="a Markdown progress report on every action plan, for the committee")
    s.add_argument("--as-of", type=_date, metavar="DATE", help="report as at DATE (default: today)")
    s.add_argument("--since", type=_date, metavar="DATE",
                   help="list actions completed since DATE (default: three months before --as-of)")

    s = sub.add_parser("import-plan", help="turn a spreadsheet action plan (CSV or XLSX) into action-plan.yml")
    s.add_argument("file", type=Path)
    s.add_argument("--review", required=True, metavar="SLUG")
    s.add_argument("--force", action="store_true", help="overwrite an existing action-plan.yml")
    s.add_argument("--as-of", type=_date, metavar="DATE", help="the plan's as_of date (default: today)")

    s = sub.add_parser("eval", help="measure the anonymisation check on the labelled evaluation set")
    s.add_argument("args", nargs=argparse.REMAINDER)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    project = args.project.resolve()
    try:
        handler = globals()[f"cmd_{args.command.replace('-', '_')}"]
        return handler(args, project)
    except Usage as exc:
        print(f"reviewsite: {exc}", file=sys.stderr)
        return BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback for the user; REVIEWSITE_DEBUG=1 shows it
        if os.environ.get("REVIEWSITE_DEBUG"):
            raise
        print(f"reviewsite: internal error: {type(exc).__name__}: {exc}\n"
              f"  (nothing was changed; run with REVIEWSITE_DEBUG=1 for details and report it)", file=sys.stderr)
        return INTERNAL


# --- helpers ---------------------------------------------------------------------------------


def _rel(project: Path):
    def rel(path: Path) -> str:
        path = Path(path)
        try:
            return str(path.resolve().relative_to(project)) if path.is_absolute() else str(path)
        except ValueError:
            return str(path)
    return rel


def _load(project: Path, fmt: str = "text"):
    from generator import report
    from generator.content import load_site

    site, errors = load_site(project / "content")
    if errors:
        report.emit(fmt, errors=errors, out=sys.stderr if fmt == "text" else sys.stdout)
        return None
    return site


def _progress_printer():
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int):
        width = 30
        filled = int(width * done / max(total, 1))
        print(f"\rChecking [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end="", file=sys.stderr)
        if done >= total:
            print("\r" + " " * (width + 30) + "\r", end="", file=sys.stderr)
    return show


def _extra_terms_and_registers(allow_files, register_files):
    """--allow-file and --register files: (terms, registers, errors)."""
    from generator.check.registers import load_register, load_term_file

    errors, terms, regs = [], [], []
    for f in allow_files:
        t, errs = load_term_file(f)
        terms += t
        errors += errs
    for f in register_files:
        r, errs = load_register(f)
        errors += errs
        if r is not None:
            regs.append(r)
    return terms, regs, errors


def _check(site, project: Path, allow_files=(), register_files=(), progress=None):
    from generator.check.run import CheckOptions, check_site

    terms, regs, errors = _extra_terms_and_registers(allow_files, register_files)
    if errors:
        return [], errors
    opts = CheckOptions(private_dir=project / "private", cache_dir=project / ".cache" / "check",
                        extra_terms=terms, extra_registers=regs, progress=progress)
    return check_site(site, opts, _rel(project))


# --- commands --------------------------------------------------------------------------------


def cmd_new(args, project: Path) -> int:
    from generator.content import SLUG
    from generator.scaffold import scaffold

    if not SLUG.match(args.slug):
        raise Usage(f"'{args.slug}' cannot be a review's folder name: use lower-case letters, digits and "
                    f"hyphens, e.g. hana-2021")
    reviews = project / "content" / "reviews"
    if (reviews / args.slug).exists():
        raise Usage(f"content/reviews/{args.slug} already exists; choose another name")
    title = args.title or args.slug.split("-")[0].capitalize()
    for path in scaffold(reviews, args.slug, title, args.type, dt.date.today()):
        print(f"wrote {_rel(project)(path)}")
    print(f"Next: fill in content/reviews/{args.slug}/review.yml, then run: reviewsite check")
    return OK


def cmd_check(args, project: Path) -> int:
    from generator import report

    progress = _progress_printer() if args.format == "text" else None
    if args.paths:
        findings, errors = _check_paths(args, project, progress)
    else:
        site = _load(project, args.format)
        if site is None:
            return BAD_INPUT
        findings, errors = _check(site, project, args.allow_file, args.register, progress)
    report.emit(args.format, errors=errors, findings=findings,
                out=sys.stderr if (errors and args.format == "text") else sys.stdout)
    if errors:
        return BAD_INPUT
    blocking = any(f.severity == "error" and not f.extra.get("waived") for f in findings)
    return BLOCKED if blocking and not args.exit_zero else OK


def _check_paths(args, project: Path, progress):
    """Check any files or folders with the project's public terms plus the files given."""
    from generator.check.anonymise import AllowedTerms
    from generator.check.run import analyser_for
    from generator.content import Loader
    from generator.diagnostics import ContentError
    from generator.model import Allowlist

    terms, regs, errors = _extra_terms_and_registers(args.allow_file, args.register)
    allow_path = project / "content" / "allowlist.yml"
    if allow_path.exists():
        loader = Loader(project / "content")
        text = loader.read_text(allow_path)
        allow = loader.parse(allow_path, text, Allowlist)[0] if text is not None else None
        errors += loader.errors
        if allow is not None:
            terms += allow.all_terms()
    files: list[Path] = []
    for p in args.paths:
        if p.is_dir():
            # waivers.yml never reaches the site (it names what it waives): only checked when named
            files += sorted(x for x in p.rglob("*") if x.is_file() and x.suffix.lower() in (".md", ".yml", ".yaml")
                            and x.name != "waivers.yml")
        elif p.is_file():
            files.append(p)
        else:
            errors.append(ContentError(str(p), "no such file or folder"))
    items = []
    allowed = AllowedTerms(terms=terms)
    per_review = _review_terms_for(files, project, terms, regs)
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            errors.append(ContentError(str(f), "this file is not UTF-8 text", hint="save it as UTF-8"))
            continue
        kind = "markdown" if f.suffix.lower() == ".md" else "yaml"
        items.append((str(f), text, kind, *per_review.get(f, (allowed, regs, None))[:2]))
    if errors:
        return [], errors
    analyser = analyser_for(project / ".cache" / "check")
    findings = analyser.check_many(items)
    for f in files:
        f_allowed, f_regs, _review = per_review.get(f, (allowed, regs, None))
        findings += analyser.check_path_name(str(f), allowed=f_allowed, registers=f_regs)
    from generator.check.run import apply_review_waivers

    reviews = {str(f): review for f, (_allowed, _regs, review) in per_review.items()}
    findings, errors = apply_review_waivers(findings, lambda finding: reviews.get(finding.path),
                                            {path: text for path, text, *_ in items})
    return sorted(findings, key=lambda x: x.sort_key()), errors


def _review_terms_for(files, project: Path, terms, regs) -> dict:
    """A file inside one of the project's reviews is checked as `reviewsite check` with no PATH
    would check it: with that review's pseudonyms, panel and private register too. If the
    project's content does not load, such files fall back to the public terms."""
    from generator.check.run import CheckOptions, allowed_for, load_registers
    from generator.content import load_site

    reviews_dir = (project / "content" / "reviews").resolve()
    inside = [f for f in files if f.resolve().is_relative_to(reviews_dir)]
    if not inside:
        return {}
    site, errors = load_site(project / "content")
    if site is None or errors:
        return {}
    registers, errors = load_registers(site, CheckOptions(private_dir=project / "private", extra_registers=regs))
    if errors:
        return {}
    out = {}
    for f in inside:
        for review in site.reviews:
            if f.resolve().is_relative_to(review.dir.resolve()):
                out[f] = (allowed_for(site, review, terms), registers.get(review.slug, regs), review)
    return out


def _decide(project: Path, as_of: dt.date | None):
    from generator.publication import decide

    site = _load(project)
    if site is None:
        return None, None, None
    findings, errors = _check(site, project, progress=_progress_printer())
    if errors:
        from generator import report
        report.emit("text", errors=errors, out=sys.stderr)
        return None, None, None
    return site, decide(site.reviews, findings, as_of or dt.date.today()), findings


def cmd_status(args, project: Path) -> int:
    from generator import tracking

    site, plan, _ = _decide(project, args.as_of)
    if plan is None:
        return BAD_INPUT
    print(f"Status as of {plan.as_of.isoformat()}:\n")
    for d in plan.decisions:
        r = d.review
        print(f"{r.slug}  ({r.meta.type.label}: {r.meta.title})")
        print(f"  stage: {d.stage}")
        if d.published:
            print(f"  published: yes, since {d.published_on.isoformat()} ({', '.join(d.documents)}"
                  f"{', action plan' if d.with_plan else ''})")
        else:
            print("  published: no")
            for reason in d.reasons:
                print(f"    - {reason}")
        if r.plan is not None:
            prog = tracking.progress(r.plan, plan.as_of, d.published_on)
            print(f"  actions: {prog.total} in all, {prog.done} complete, {len(prog.open)} open, "
                  f"{len(prog.overdue)} overdue, {len(prog.stale)} stale")
            for s in prog.overdue:
                print(f"    overdue: {s.action.id} (target {s.action.target.human()}, {s.overdue_days} days late)")
        print()
    return OK


def cmd_build(args, project: Path) -> int:
    import generator.pdf  # noqa: F401  (registers the PDF step: a PDF of each published report)
    from generator import report
    from generator.audit import make_audit
    from generator.build import BuildFailed, build_site
    from generator.publication import links_to_unpublished, public_content

    site, plan, findings = _decide(project, args.as_of)
    if plan is None:
        return BAD_INPUT
    out = args.out or project / "site"
    broken = links_to_unpublished(plan)
    if broken:
        print("reviewsite: build failed: published pages link to reviews that are not published:", file=sys.stderr)
        report.print_text(findings=[_relative(f, project) for f in broken], out=sys.stderr)
        print(f"The previous {_rel(project)(out)}/ was left as it was.", file=sys.stderr)
        return BLOCKED
    content = public_content(plan)
    try:
        result = build_site(content, site.settings, project=project, out=out,
                            audit=make_audit(site, plan, project))
    except BuildFailed as exc:
        print(f"reviewsite: build failed: {exc}", file=sys.stderr)
        if exc.findings:
            report.print_text(findings=exc.findings, out=sys.stderr)
        print(f"The previous {_rel(project)(out)}/ was left as it was.", file=sys.stderr)
        return BLOCKED
    for d in plan.decisions:
        state = "published" if d.published else f"not published ({d.stage}): {'; '.join(d.reasons)}"
        print(f"  {d.slug}: {state}")
    print(f"Built {result.pages} pages ({result.files} files) into {_rel(project)(result.site_dir)}/ "
          f"as of {plan.as_of.isoformat()}; archive for the web team: {_rel(project)(result.archive)}")
    return OK


def cmd_serve(args, project: Path) -> int:
    from generator.serve import serve

    return serve(project, args.port, args.as_of)


def _relative(f, project: Path):
    from dataclasses import replace
    return replace(f, path=_rel(project)(Path(f.path)))


def _review_or_fail(project: Path, slug: str):
    site = _load(project)
    if site is None:
        raise Usage("fix the content errors above first")
    review = site.review(slug)
    if review is None:
        names = ", ".join(r.slug for r in site.reviews) or "none"
        raise Usage(f"there is no review '{slug}' in content/reviews/ (reviews: {names})")
    return site, review


def _write(project: Path, review, key: str, value) -> int:
    from generator import report
    from generator.records import set_block, write_review_yml

    path = review.dir / "review.yml"
    new_text = set_block(path.read_text(encoding="utf-8"), key, value)
    errors = write_review_yml(path, new_text)
    if errors:
        report.print_text(errors=errors, out=sys.stderr)
        return BAD_INPUT
    print(f"updated {_rel(project)(path)} ({key})")
    return OK


def cmd_clear(args, project: Path) -> int:
    from generator.publication import fingerprints

    site, review = _review_or_fail(project, args.slug)
    letter = None
    if args.letter:
        if not args.letter.is_file():
            raise Usage(f"the letter {args.letter} does not exist")
        target = review.dir / "qa-letter.md"
        if args.letter.resolve() != target.resolve():
            if target.exists():
                raise Usage(f"{_rel(project)(target)} already exists: remove it or pass --letter {target}")
            shutil.copyfile(args.letter, target)
            print(f"copied {args.letter} to {_rel(project)(target)}")
        letter = "qa-letter.md"
        site, review = _review_or_fail(project, args.slug)
    elif "qa-letter.md" in review.documents:
        letter = "qa-letter.md"
    if not review.documents:
        raise Usage(f"{args.slug} has no documents to clear")
    value = {"date": args.date.isoformat(), "reference": args.reference}
    if args.by:
        value["by"] = args.by
    if letter:
        value["letter"] = letter
    if args.conditions:
        value["conditions"] = args.conditions
    value["documents"] = fingerprints(review)
    return _write(project, review, "clearance", value)


def cmd_amend(args, project: Path) -> int:
    from generator.publication import fingerprints

    site, review = _review_or_fail(project, args.slug)
    if review.meta.clearance is None:
        raise Usage(f"{args.slug} has not been cleared: there is nothing to amend (edit it freely until then)")
    entries = [a.model_dump(mode="json") for a in review.meta.amendments]
    entries.append({"date": (args.date or dt.date.today()).isoformat(), "note": args.note,
                    "documents": fingerprints(review)})
    return _write(project, review, "amendments", entries)


def cmd_withdraw(args, project: Path) -> int:
    site, review = _review_or_fail(project, args.slug)
    if review.meta.withdrawal is not None:
        raise Usage(f"{args.slug} was already withdrawn on {review.meta.withdrawal.date}")
    return _write(project, review, "withdrawal",
                  {"date": (args.date or dt.date.today()).isoformat(), "reason": args.reason})


def cmd_report(args, project: Path) -> int:
    from generator.committee import committee_report

    site = _load(project)
    if site is None:
        return BAD_INPUT
    as_of = args.as_of or dt.date.today()
    since = args.since or (as_of - dt.timedelta(days=91))
    print(committee_report(site.reviews, as_of, since, site.settings.partnership.name))
    return OK


def cmd_import_plan(args, project: Path) -> int:
    from generator import report
    from generator.content import Loader
    from generator.importer import import_plan, to_yaml
    from generator.model import ActionPlan

    folder = project / "content" / "reviews" / args.review
    if not folder.is_dir():
        raise Usage(f"there is no review folder content/reviews/{args.review} (create it with: reviewsite new "
                    f"{args.review})")
    target = folder / "action-plan.yml"
    if target.exists() and not args.force:
        raise Usage(f"{_rel(project)(target)} already exists: pass --force to replace it")
    if not args.file.is_file():
        raise Usage(f"{args.file} does not exist")
    if args.file.suffix.lower() not in (".csv", ".xlsx"):
        raise Usage(f"{args.file}: give a .csv or .xlsx file (save other formats as one of these first)")
    try:
        result = import_plan(args.file, args.as_of or dt.date.today())
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        raise Usage(str(exc)) from None
    except Exception as exc:  # a corrupt spreadsheet: openpyxl raises many kinds
        raise Usage(f"{args.file} could not be read as a spreadsheet: {exc}") from None
    text = to_yaml(result, args.file)
    loader = Loader(project / "content")
    plan, _ = loader.parse(target, text, ActionPlan)
    if plan is None:
        report.print_text(errors=loader.errors, out=sys.stderr)
        raise Usage("the imported plan would not be valid; nothing was written")
    loader.check_plan_ids(target, plan, _)
    tmp = target.with_name(".action-plan.yml.new")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)
    n_actions = sum(len(r.actions) for r in plan.recommendations)
    print(f"wrote {_rel(project)(target)}: {len(plan.recommendations)} recommendations, {n_actions} actions, "
          f"{sum(len(a.updates) for r in plan.recommendations for a in r.actions)} dated updates")
    for note in result.notes:
        print(f"  note: {note}")
    return OK


def cmd_eval(args, project: Path) -> int:
    from generator.check import evaluate

    return evaluate.main(args.args)
