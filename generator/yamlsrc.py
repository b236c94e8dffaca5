"""Read YAML the way an editor needs it read: every value remembers its line and column,
duplicate keys are errors (PyYAML would silently keep the last), and dates stay text so
that `2021-02-30` is reported as an impossible date instead of crashing the loader.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from generator.diagnostics import ContentError

try:  # the C parser is much faster on long plans; same behaviour
    _Base = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader


class _Loader(_Base):
    pass


# Keep dates as strings: generator.dates parses them with messages an editor understands.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

Path = tuple  # a location inside the document: ("panel", "members", 2, "name")


@dataclass
class Located:
    """Plain Python data plus where each piece of it came from."""

    data: object
    positions: dict = field(default_factory=dict)  # Path -> (line, column), 1-based
    line_offset: int = 0

    def where(self, path: Path) -> tuple[int | None, int | None]:
        """The position of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if path in self.positions:
                line, col = self.positions[path]
                return line + self.line_offset, col
            if not path:
                return (1 + self.line_offset, 1)
            path = path[:-1]


def load_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Located | None, list[ContentError]]:
    """Parse one YAML document. Returns (Located, []) or (None, errors)."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        col = mark.column + 1 if mark else None
        problem = (exc.problem or "").strip()
        context = (exc.context or "").strip()
        msg = f"this is not valid YAML: {problem}" + (f" ({context})" if context else "")
        return None, [ContentError(path, msg, line, col, hint=_yaml_hint(problem))]
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        return None, [ContentError(path, f"this is not valid YAML: {exc}", 1 + line_offset, 1)]
    located = Located(None, {}, line_offset)
    errors: list[ContentError] = []
    if node is None:
        return located, []
    located.data = _convert(node, (), located, errors, path, line_offset)
    return located, errors


def _yaml_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be put in quotes, e.g. text: \"Note: the panel agreed\""
    if "found character '\\t'" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "check the indentation of this line and the one before it: items at the same level must line up"
    return "check the quotes, colons and indentation on this line"


def _convert(node, path: Path, located: Located, errors: list, file: str, off: int):
    located.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        seen: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                errors.append(ContentError(file, "a key must be plain text", key_node.start_mark.line + 1 + off,
                                           key_node.start_mark.column + 1))
                continue
            key = key_node.value
            kline = key_node.start_mark.line + 1
            if key in seen:
                errors.append(ContentError(
                    file, f"the key '{key}' appears twice (first on line {seen[key] + off})",
                    kline + off, key_node.start_mark.column + 1, field=_dotted(path + (key,)),
                    hint="keep one of them: YAML would silently use only the last", code="duplicate-key"))
                continue
            seen[key] = kline
            located.positions[path + (key,)] = (kline, key_node.start_mark.column + 1)
            out[key] = _convert(value_node, path + (key,), located, errors, file, off)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), located, errors, file, off) for i, item in enumerate(node.value)]
    # Scalar: let the resolver decide (null, bool, int, float, str), dates stay str.
    loader = _Loader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def _dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split `---` front matter from a Markdown file.

    Returns (front matter text or None, body, line number of the body's first line - 1)."""
    if not text.startswith("---"):
        return None, text, 0
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return None, text, 0
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:]), i + 1
    return None, text, 0
