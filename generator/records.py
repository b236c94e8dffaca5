"""Commands that record facts in review.yml: clearance, amendments, withdrawal.

These are the only commands that change content/. Each edits one top-level block of
review.yml as text (keeping the editor's comments elsewhere in the file), validates the
result with the same loader as everything else, and writes it atomically: if the result
would not load, nothing is written.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import yaml

from generator.diagnostics import ContentError
from generator.model import ReviewMeta
from generator.yamlsrc import load_yaml

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def set_block(text: str, key: str, value) -> str:
    """Replace the top-level `key:` block of a YAML document (or append it) with `value`."""
    block = yaml.safe_dump({key: value}, sort_keys=False, allow_unicode=True, width=100)
    lines = text.split("\n")
    start = end = None
    for i, line in enumerate(lines):
        m = _TOP_KEY.match(line)
        if m and m.group(1) == key:
            start = i
            end = len(lines)
            for j in range(i + 1, len(lines)):
                if _TOP_KEY.match(lines[j]):
                    end = j
                    # keep comment lines that introduce the next key with it
                    while end - 1 > i and lines[end - 1].startswith("#"):
                        end -= 1
                    break
            break
    if start is None:
        return text.rstrip("\n") + "\n" + block
    return "\n".join(lines[:start]) + ("\n" if start else "") + block + "\n".join(lines[end:])


def write_review_yml(path: Path, new_text: str) -> list[ContentError]:
    """Validate the new review.yml text and write it atomically. Returns errors (nothing written)."""
    located, errors = load_yaml(new_text, str(path))
    if errors:
        return errors
    try:
        ReviewMeta.model_validate(located.data)
    except Exception as exc:  # pydantic.ValidationError
        return [ContentError(str(path), f"the change would make review.yml invalid: {exc}")]
    fd, tmp = tempfile.mkstemp(prefix=".review.yml.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(new_text)
        os.chmod(tmp, os.stat(path).st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return []
