"""Stage: build. Render the public pages into a fresh docs dir, run mkdocs into a fresh
temporary directory, audit every file produced, and only then swap it into place.

A failed build (a rendering problem, a mkdocs warning under --strict, a leak found by the
audit) leaves the previous site directory exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Finding
from generator.model import SiteSettings
from generator.publication import PublicContent
from generator.render import render


class BuildFailed(Exception):
    def __init__(self, message: str, findings: list[Finding] | None = None):
        super().__init__(message)
        self.findings = findings or []


@dataclass
class BuildResult:
    site_dir: Path
    pages: int
    files: int
    archive: Path | None = None


# Steps that add files to the built site before it is audited, each `step(site_dir, content)`;
# e.g. the PDF copies of the reports. Whatever they write is audited like everything else.
POST_BUILD_STEPS: list = []


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def build_site(content: PublicContent, settings: SiteSettings, *, project: Path, out: Path,
               audit=None) -> BuildResult:
    """Build the public site into `out`, atomically. `audit(site_dir) -> list[Finding]` runs on
    the finished files before they replace `out`."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    build_root = project / "build"
    docs_dir = build_root / "docs"
    if docs_dir.exists():
        shutil.rmtree(docs_dir)
    result = render(content, settings, docs_dir)

    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    collector = _Collect()
    mk_logger = logging.getLogger("mkdocs")
    mk_logger.addHandler(collector)
    try:
        config_file = write_config(project, docs_dir, result.nav, settings)
        config = load_config(config_file=str(config_file), site_dir=str(staging), strict=True)
        try:
            mkdocs_build(config)
        except (MkDocsException, SystemExit) as exc:
            detail = "; ".join(collector.messages) or str(exc)
            raise BuildFailed(f"mkdocs could not build the site: {detail}") from None
        for step in POST_BUILD_STEPS:
            step(staging, content)
        if audit is not None:
            leaks = audit(staging)
            if leaks:
                raise BuildFailed(f"the output audit found {len(leaks)} problem(s) in the built files", leaks)
        files = sum(1 for p in staging.rglob("*") if p.is_file())
        archive = _archive(staging, out)
        _swap(staging, out)
        staging = None
        return BuildResult(out, len(result.pages), files, archive)
    finally:
        mk_logger.removeHandler(collector)
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def write_config(project: Path, docs_dir: Path, nav: list, settings: SiteSettings) -> Path:
    """Write build/mkdocs.yml: the project's mkdocs.yml plus what the generator decided (the nav,
    the site name, the help block). `mkdocs serve -f build/mkdocs.yml` previews it too."""
    import yaml

    config = {
        "INHERIT": str((project / "mkdocs.yml").resolve()),
        "docs_dir": str(docs_dir.resolve()),
        "site_name": settings.title,
        "theme": {"custom_dir": str((project / "theme").resolve())},
        "nav": nav,
        "extra": {"reviewsite": {
            "partnership": settings.partnership.model_dump(),
            "helplines": [h.model_dump() for h in settings.helplines],
            "exit_url": settings.exit_url,
        }},
    }
    path = docs_dir.parent / "mkdocs.yml"
    path.write_text("# Written by reviewsite build: do not edit (edit ../mkdocs.yml instead).\n"
                    + yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _archive(site_dir: Path, out: Path) -> Path:
    """A single zip of the audited site, for the council's web team: <out>.zip beside <out>/."""
    target = out.with_name(out.name + ".zip")
    tmp = Path(shutil.make_archive(str(out.with_name(f".{out.name}.zip-{os.getpid()}")), "zip", site_dir))
    os.replace(tmp, target)
    return target


def _swap(new: Path, out: Path) -> None:
    """Replace `out` by `new` with renames, so readers see the old site or the new one."""
    os.chmod(new, 0o755)
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.rename(out, old)
        try:
            os.rename(new, out)
        except OSError:
            os.rename(old, out)
            raise
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(new, out)
