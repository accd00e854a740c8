"""What the newsletter manages in /beheer/nieuwsbrief/ (imported by sterk.manage at
start-up): its navigation entries and its dashboard panel. The composer itself is
hand-written (views_manage.py)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sterk.core.managed import Nav, Panel, by_roles, register_nav, register_panel

from . import selectors
from .models import EditionStatus, Subscriber, SubscriberStatus

AREA = "newsletter_manage"

register_nav(
    Nav(
        _("Newsletter"),
        f"{AREA}:edition_list",
        "newsletter.view_editions",
        order=40,
        section=AREA,
        sub_label=_("Newsletter editions and subscribers"),
    ),
    Nav(_("Editions"), f"{AREA}:edition_list", None, order=10, area=AREA),
    Nav(
        _("Subscribers"),
        f"{AREA}:subscriber_list",
        "newsletter.view_subscribers",
        order=20,
        area=AREA,
    ),
    Nav(_("Public archive"), "newsletter:archive", None, order=90, area=AREA, external=True),
)


def dashboard_panel(request: HttpRequest) -> dict[str, Any]:
    # One counting query over the editions the person manages, without the list's joins.
    counts = selectors.editions_managed_by(request.user).aggregate(
        drafts=Count("pk", filter=Q(status=EditionStatus.DRAFT)),
        sending=Count("pk", filter=Q(status__in=[EditionStatus.SENDING, EditionStatus.PAUSED])),
    )
    return {
        "newsletter_drafts": counts["drafts"],
        "newsletter_sending": counts["sending"],
        "newsletter_subscribers": Subscriber.objects.filter(status=SubscriberStatus.ACTIVE).count(),
    }


register_panel(
    Panel(
        "newsletter/_dashboard_panel.html",
        dashboard_panel,
        "newsletter.view_editions",
        order=40,
        shared_by=by_roles,
    )
)
