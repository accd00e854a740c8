"""A region's member list as CSV or XLSX.

The first six columns use the names the member import reads, so an export can be imported
into another region as it is. Written by `sterk.core.exports` (formulas defused, `;`, BOM).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from sterk.core import exports

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
            user.organisation.name if user.organisation else "",
            m.subregion.name if m.subregion else "",
            _yes_no(user.wants_active_role),
            user.job_title,
            user.get_sector_display() if user.sector else "",
            _yes_no(user.leads_local_consultation),
            timezone.localtime(m.joined_at).replace(tzinfo=None, microsecond=0),
        ]


def members_csv(memberships: Iterable[Membership]) -> str:
    return exports.csv_text(HEADER, member_rows(memberships))


def members_xlsx(memberships: Iterable[Membership], *, title: str) -> bytes:
    return exports.xlsx_bytes(title or "members", HEADER, member_rows(memberships))
