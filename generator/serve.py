"""`reviewsite serve`: a live preview of the public site.

It builds the docs (render stage) into build/docs, runs mkdocs' own live-reloading server
on build/mkdocs.yml, and re-renders in a fresh process whenever anything under content/,
generator/ or theme/ changes, so code changes take effect too. The preview shows exactly
what `reviewsite build` would publish: unpublished reviews never reach build/docs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

WATCHED = ("content", "generator", "theme", "mkdocs.yml")


def _snapshot(project: Path) -> dict:
    out = {}
    for name in WATCHED:
        base = project / name
        paths = [base] if base.is_file() else (base.rglob("*") if base.exists() else [])
        for p in paths:
            if p.is_file() and "__pycache__" not in p.parts:
                out[p] = p.stat().st_mtime_ns
    return out


def render_docs(project: Path, as_of=None) -> int:
    cmd = [sys.executable, "-m", "generator", "--project", str(project), "build", "--out",
           str(project / "build" / "preview-site")]
    if as_of:
        cmd += ["--as-of", as_of.isoformat()]
    # A preview rebuild skips the PDFs: Chromium printing every report on each save is slow,
    # and `reviewsite build` makes them for the real site.
    return subprocess.call(cmd, env={**os.environ, "REVIEWSITE_PDF": "0"})


def serve(project: Path, port: int, as_of=None) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    if render_docs(project, as_of) != 0:
        print("reviewsite: the first build failed; fix the problems above and run serve again", file=sys.stderr)
        return 1
    stop = threading.Event()

    def watch():
        before = _snapshot(project)
        while not stop.wait(1.0):
            now = _snapshot(project)
            if now != before:
                before = now
                print("reviewsite: change detected, rebuilding…", file=sys.stderr)
                render_docs(project, as_of)

    threading.Thread(target=watch, daemon=True).start()
    try:
        mkdocs_serve(config_file=str(project / "build" / "mkdocs.yml"), dev_addr=f"127.0.0.1:{port}",
                     livereload=True)
    finally:
        stop.set()
    return 0
