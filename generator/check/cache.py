"""On-disk cache of findings under `.cache/check/`, one JSON file per analysed item.

The key (computed by `Analyser._cache_key`) is the sha256 of the file's path and text, its kind,
the allowed terms, the registers, the review, the check's configuration text, the model name and
version, and a hash of the check's own code and data, so any change analyses the file again.
A corrupt or unreadable entry is treated as a miss.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from generator.diagnostics import Finding


def _path(root: Path, key: str) -> Path:
    return Path(root) / key[:2] / f"{key}.json"


def get(root: Path, key: str) -> list[Finding] | None:
    p = _path(root, key)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        return [Finding(**d) for d in data]
    except (OSError, ValueError, TypeError):
        return None


def put(root: Path, key: str, findings: list[Finding]) -> None:
    p = _path(root, key)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        data = [asdict(f) for f in findings]
        for d in data:
            d["extra"] = {k: v for k, v in d["extra"].items() if not k.startswith("_")}
        fd, tmp = tempfile.mkstemp(dir=p.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
        os.replace(tmp, p)
    except OSError:
        pass  # a read-only tree: the check still works, only slower


def clear(root: Path) -> None:
    import shutil

    shutil.rmtree(root, ignore_errors=True)
