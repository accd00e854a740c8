"""Bar charts drawn on the server as SVG: role="img" with a title and a description that
say the numbers; the same numbers are in the table beside each chart."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()

LABEL_WIDTH = 230
BAR_SPACE = 330
ROW = 30


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@register.inclusion_tag("surveys/_chart.html")
def bar_chart(
    bars: list[Any], prefix: str, question_id: int, row: int, title: str
) -> dict[str, Any]:
    chart_id = f"{prefix}-chart-{question_id}-{row}"
    rows = []
    for index, bar in enumerate(bars):
        y = 8 + index * ROW
        rows.append(
            {
                "label": _short(str(bar.label)),
                "y": y,
                "text_y": y + 15,
                "width": round(BAR_SPACE * bar.percent / 100, 1),
                "value_x": LABEL_WIDTH + round(BAR_SPACE * bar.percent / 100, 1) + 6,
                "n": bar.n,
                # The same number as the table beside it, in the reader's notation.
                "percent": number_format(bar.percent, decimal_pos=1),
            }
        )
    desc = "; ".join(
        _("%(label)s: %(n)s (%(percent)s%%)")
        % {"label": b.label, "n": b.n, "percent": number_format(b.percent, decimal_pos=1)}
        for b in bars
    )
    return {
        "rows": rows,
        "id": chart_id,
        "title": title,
        "desc": desc,
        "height": 16 + len(bars) * ROW,
        "label_width": LABEL_WIDTH,
        "bar_x": LABEL_WIDTH,
    }
