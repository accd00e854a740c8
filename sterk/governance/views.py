"""Public pages: the dialogue with policy, and the approved minutes a coordinator published."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from sterk.core.paging import paginate

from . import selectors
from .models import PolicyContact


def policy_list(request: HttpRequest) -> HttpResponse:
    page = paginate(
        request, selectors.policy_contacts_published().prefetch_related("challenges"), 20
    )
    return render(request, "governance/policy_list.html", {"page": page})


def policy_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        contact = selectors.policy_contact_detail(slug)
    except PolicyContact.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "governance/policy_detail.html", {"contact": contact})


def meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(selectors.published_meetings(), pk=pk)
    return render(
        request,
        "governance/meeting_minutes.html",
        {
            "meeting": meeting,
            "decisions": list(meeting.decisions.all()),
            "agenda": list(meeting.agenda_items.all()),
        },
    )
