"""What the newsletter manages in /beheer/nieuwsbrief/ (imported by sterk.manage at
start-up): its navigation entries and its dashboard panel. The composer itself is
hand-written (views_manage.py)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sterk.core.managed import Nav, Panel, register_nav, register_panel

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
    editions = selectors.editions_for(request.user)
    return {
        "newsletter_drafts": editions.filter(status=EditionStatus.DRAFT).count(),
        "newsletter_sending": editions.filter(
            status__in=[EditionStatus.SENDING, EditionStatus.PAUSED]
        ).count(),
        "newsletter_subscribers": Subscriber.objects.filter(status=SubscriberStatus.ACTIVE).count(),
    }


register_panel(
    Panel("newsletter/_dashboard_panel.html", dashboard_panel, "newsletter.view_editions", order=40)
)
