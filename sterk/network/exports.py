"""A region's member list as CSV or XLSX.

The first six columns use the names the member import reads, so an export can be imported
into another region as it is. Cells that a spreadsheet would run as a formula are defused.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Membership

HEADER = (
    "email",
    "first_name",
    "last_name",
    "organisation",
    "subregion",
    "wants_active_role",
    "job_title",
    "sector",
    "leads_local_consultation",
    "joined_at",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def member_rows(memberships: Iterable[Membership]) -> Iterator[list[Any]]:
    """One list of values per membership (the queryset should use `for_list()`)."""
    for m in memberships:
        user = m.user
        yield [
            user.email,
            user.first_name,
            user.last_name,
            user.organisation.name if user.organisation_id else "",
            m.subregion.name if m.subregion_id else "",
            _yes_no(user.wants_active_role),
            user.job_title,
            user.get_sector_display() if user.sector else "",
            _yes_no(user.leads_local_consultation),
            timezone.localtime(m.joined_at).replace(tzinfo=None, microsecond=0),
        ]


def _defuse(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def members_csv(memberships: Iterable[Membership]) -> str:
    """CSV with a byte-order mark, so that Excel reads the accents right."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for row in member_rows(memberships):
        writer.writerow(
            [_defuse(v.strftime("%Y-%m-%d %H:%M") if hasattr(v, "strftime") else v) for v in row]
        )
    return out.getvalue()


def members_xlsx(memberships: Iterable[Membership], *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    sheet.append(list(HEADER))
    for row in member_rows(memberships):
        cells = []
        for value in row:
            if isinstance(value, str):
                cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
                # A text that starts with "=" stays text, never a formula.
                cell.data_type = "s"
            else:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd hh:mm"
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _sheet_title(title: str) -> str:
    for char in "[]:*?/\\":
        title = title.replace(char, " ")
    return title[:31] or "members"
