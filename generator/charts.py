"""Static SVG charts made at build time: no chart library, nothing loaded from anywhere.

Each chart is a horizontal bar chart with a <title> and <desc> (its text alternative), and the
page that shows it also shows the same data as a table.
"""

from __future__ import annotations

from html import escape

PALETTE = "#1d4e89"  # one colour: values are labelled in text, never told by colour alone


def describe(data: dict, unit: str = "") -> str:
    """The chart's text alternative: every value, in words."""
    return "; ".join(f"{k}: {_fmt(v)}{unit}" for k, v in data.items()) or "no data"


def bar_chart(title: str, data: dict, *, unit: str = "", width: int = 640, mark: float | None = None,
              mark_label: str = "") -> str:
    """Horizontal bars, one per (label, value), each labelled with its value. Written to its own
    .svg file and shown with <img alt=...>, so its ids never clash with the page's."""
    rows = list(data.items())
    bar_h, gap, label_w, top = 22, 8, 230, 10
    height = top + len(rows) * (bar_h + gap) + 10
    biggest = max([v for _, v in rows] + [mark or 0, 1])
    scale = (width - label_w - 70) / biggest
    desc = describe(data, unit)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" aria-labelledby="t d">',
        f'<title id="t">{escape(title)}</title>',
        f'<desc id="d">{escape(desc)}</desc>',
    ]
    for i, (label, value) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = max(value * scale, 1)
        parts.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" font-size="13" '
                     f'fill="#0b0c0c">{escape(_short(str(label)))}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{PALETTE}"/>')
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 16}" font-size="13" fill="#0b0c0c">'
                     f'{_fmt(value)}{escape(unit)}</text>')
    if mark is not None:
        x = label_w + mark * scale
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="#0b0c0c" '
                     f'stroke-dasharray="4 3"/>')
        parts.append(f'<text x="{x + 4:.1f}" y="{height - 2}" font-size="12" fill="#0b0c0c">{escape(mark_label)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _fmt(v) -> str:
    return f"{v:.1f}" if isinstance(v, float) else str(v)


def _short(label: str, n: int = 34) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"
