"""The governance's public side: the dialogue with policy (/nl/beleid/) and the published
minutes of the stakeholder meetings. Never the stakeholder register, the invitations and
attendance, the follow-up points or a meeting whose minutes are not published."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from sterk.api.texts import lazy as _
from sterk.core.site import absolute_url
from sterk.governance import selectors
from sterk.governance.models import Meeting, PolicyContact

from ..datasets import Dataset
from ..fields import DateTime, page_url
from ..paging import Common, Page, Paging, page

TAG = (
    "governance",
    _("The dialogue with policy makers and the published minutes of the stakeholder meetings."),
)
router = Router(tags=[TAG[0]])


class GovernanceLinkOut(Schema):
    title: str
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return page_url(obj)


class GovernanceFindingOut(Schema):
    """A survey finding the contact brought to the table, on its survey's follow-up."""

    statement: str
    survey: str = Field(description="The survey's title.")
    url: str = Field(description="The survey's follow-up page.")

    @staticmethod
    def resolve_survey(obj: Any) -> str:
        return str(obj.survey.title)

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return absolute_url(reverse("surveys:followup", kwargs={"slug": obj.survey.slug}))


class GovernanceDocumentOut(Schema):
    title: str
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return absolute_url(obj.file.url)


class PolicyContactOut(Schema):
    slug: str
    title: str
    kind: str = Field(description="meeting, letter, consultation or hearing.")
    kind_label: str
    date: datetime.date
    policy_makers: str = Field(description="With whom: a minister, a cabinet, a committee.")
    asked: str = Field(description="What the network asked (Markdown).")
    answer: str = Field(description="What came back (Markdown); empty: no answer yet.")
    challenges: list[GovernanceLinkOut] = Field(description="Challenges of the action plan.")
    actions: list[GovernanceLinkOut] = Field(description="Actions of the action plan.")
    findings: list[GovernanceFindingOut] = Field(
        description="Survey findings, while their follow-up is public."
    )
    documents: list[GovernanceDocumentOut]
    url: str

    @staticmethod
    def resolve_kind_label(obj: PolicyContact) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_challenges(obj: PolicyContact) -> list[Any]:
        return list(obj.challenges.all())

    @staticmethod
    def resolve_actions(obj: PolicyContact) -> list[Any]:
        return list(obj.actions.all())

    @staticmethod
    def resolve_findings(obj: PolicyContact) -> list[Any]:
        return list(obj.public_findings)  # type: ignore[attr-defined]

    @staticmethod
    def resolve_documents(obj: PolicyContact) -> list[Any]:
        return list(obj.documents.all())

    @staticmethod
    def resolve_url(obj: PolicyContact) -> str:
        return page_url(obj)


class MeetingOut(Schema):
    id: int
    title: str
    starts_at: DateTime
    minutes_approved_at: DateTime | None = Field(
        description="The start of the meeting that approved these minutes."
    )
    agenda: list[str] = Field(description="The agenda items' titles, in order.")
    minutes: str = Field(description="Markdown.")
    decisions: list[str]
    url: str

    @staticmethod
    def resolve_minutes_approved_at(obj: Meeting) -> datetime.datetime | None:
        approving = obj.minutes_approved_in
        return approving.starts_at if approving is not None else None

    @staticmethod
    def resolve_agenda(obj: Meeting) -> list[str]:
        return [item.title for item in obj.agenda_items.all()]

    @staticmethod
    def resolve_decisions(obj: Meeting) -> list[str]:
        return [decision.text for decision in obj.decisions.all()]

    @staticmethod
    def resolve_url(obj: Meeting) -> str:
        return page_url(obj)


def policy_contacts() -> Any:
    """The published contacts with policy makers, newest first (the downloads read it)."""
    return selectors.policy_contacts_with_ties().order_by("-date", "-pk")


def meetings() -> Any:
    """The stakeholder meetings whose minutes are published, newest first."""
    return selectors.published_minutes().order_by("-starts_at", "-pk")


@router.get(
    "/policy-contacts",
    response=Page[PolicyContactOut],
    summary=_("Dialogue with policy"),
    description=_(
        "The published contacts with policy makers, newest first: what the network asked, "
        "on which challenges and actions, and what came back."
    ),
    operation_id="policy_contacts_list",
)
def policy_contacts_list(request: HttpRequest, params: Query[Paging]) -> dict[str, Any]:
    return page(request, policy_contacts(), params)


@router.get(
    "/policy-contacts/{slug}",
    response=PolicyContactOut,
    summary=_("One contact with policy makers"),
    operation_id="policy_contacts_detail",
)
def policy_contacts_detail(request: HttpRequest, slug: str, params: Query[Common]) -> Any:
    try:
        return selectors.policy_contact_detail(slug)
    except PolicyContact.DoesNotExist as exc:
        raise Http404 from exc


@router.get(
    "/meetings",
    response=Page[MeetingOut],
    summary=_("Minutes of the stakeholder meetings"),
    description=_(
        "The stakeholder meetings whose approved minutes are published, newest first, "
        "with their agenda, minutes and decisions."
    ),
    operation_id="meetings_list",
)
def meetings_list(request: HttpRequest, params: Query[Paging]) -> dict[str, Any]:
    return page(request, meetings(), params)


@router.get(
    "/meetings/{int:meeting_id}",
    response=MeetingOut,
    summary=_("Minutes of one stakeholder meeting"),
    operation_id="meetings_detail",
)
def meetings_detail(request: HttpRequest, meeting_id: int, params: Query[Common]) -> Meeting:
    meeting: Meeting = get_object_or_404(meetings(), pk=meeting_id)
    return meeting


DATASETS = [
    Dataset(
        "policy-contacts",
        _("Dialogue with policy"),
        _("The published contacts of the network with policy makers."),
        PolicyContactOut,
        policy_contacts,
    ),
    Dataset(
        "meetings",
        _("Minutes of the stakeholder meetings"),
        _("The published minutes of the stakeholder meetings."),
        MeetingOut,
        meetings,
    ),
]
