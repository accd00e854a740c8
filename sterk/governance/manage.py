"""What the governance manages in /beheer/ (imported by sterk.manage at start-up): its
navigation, its dashboard panel, and the declared pages: a partner's communication
channels, meetings and their agenda items, the policy contacts and their documents. The
workflow pages (register, meeting, course watch) are in views_manage.py."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sterk.core.managed import (
    Column,
    Managed,
    Nav,
    Panel,
    Parent,
    register,
    register_nav,
    register_panel,
)
from sterk.core.roles import roles_of
from sterk.network.models import Organisation

from . import selectors, services
from .forms import AgendaItemForm, ChannelForm, MeetingForm, PolicyContactForm, PolicyDocumentForm
from .models import AgendaItem, Channel, Meeting, PolicyContact, PolicyDocument

AREA = "governance_manage"

register_nav(
    Nav(
        _("Governance"),
        f"{AREA}:register",
        "governance.view_register",
        order=35,
        section=AREA,
        sub_label=_("Governance of the network"),
    ),
    Nav(_("Stakeholder register"), f"{AREA}:register", None, order=10, area=AREA),
    Nav(_("Meetings"), f"{AREA}:meeting_list", "governance.view_meetings", order=20, area=AREA),
    Nav(_("Course watch"), f"{AREA}:course_watch", "governance.view_course", order=30, area=AREA),
    Nav(
        _("Dialogue with policy"),
        f"{AREA}:policy_list",
        "governance.manage_policy",
        order=40,
        area=AREA,
    ),
)


def dashboard_panel(request: HttpRequest) -> dict[str, Any]:
    now = timezone.now()
    roles = roles_of(request.user)
    context: dict[str, Any] = {
        "upcoming_meetings": selectors.upcoming_meetings(request.user, now),
        "can_watch": roles.coordinator or roles.steering,
        "past_due": None,
        "inactive": None,
    }
    if roles.coordinator or roles.steering:
        context["past_due"] = selectors.open_follow_ups_past_due(timezone.localdate(now)).count()
    if roles.coordinator:
        context["inactive"] = selectors.inactive_count(now=now)
    return context


def _panel_audience(request: HttpRequest) -> Hashable:
    """Who sees the same panel: coordinators and the steering group see every meeting (by
    roles); a representative the meetings they were invited to (`meetings_visible_to`).
    Its moments by the clock (a meeting's end, a follow-up's due date, the year after a
    meeting that kept an organisation active) are the page cache's (`clock_moments`)."""
    roles = roles_of(request.user)
    if roles.coordinator or roles.steering:
        return roles
    return (roles, request.user.pk)


register_panel(
    Panel(
        "governance/_dashboard_panel.html",
        dashboard_panel,
        "governance.view_panel",
        order=25,
        shared_by=_panel_audience,
    )
)


def _url(name: str, *args: Any) -> str:
    return reverse(f"{AREA}:{name}", args=args)


register(
    Managed(
        namespace=AREA,
        name="channel",
        model=Channel,
        form=ChannelForm,
        perm="governance.change_register_entry",
        path="stakeholders/kanalen/",
        parent=Parent(
            model=Organisation, kwarg="organisation_pk", arg="organisation", show_name=True
        ),
        views=("create", "edit", "delete"),
        paths={"create": "stakeholders/<int:organisation_pk>/kanalen/nieuw/"},
        create=services.channel_create,
        update=services.channel_update,
        delete=services.channel_delete,
        object_arg="channel",
        titles={
            "create": _("New communication channel"),
            "edit": _("Edit the communication channel"),
            "delete": _("Remove the communication channel"),
            "delete_link": _("Remove this channel"),
        },
        title_field="",
        messages={
            "saved": _("The channel was saved."),
            "created": _("The channel was added."),
            "deleted": _("The channel was removed."),
        },
        success_url=lambda obj, org: _url("register_entry", org.pk),
        back_url=lambda obj, org: _url("register_entry", org.pk),
        section=AREA,
    ),
    Managed(
        namespace=AREA,
        name="meeting",
        model=Meeting,
        form=MeetingForm,
        perm="governance.manage_meetings",
        path="vergaderingen/",
        views=("create", "edit", "delete"),
        paths={"edit": "vergaderingen/<int:pk>/bewerken/"},
        create=services.meeting_create,
        update=services.meeting_update,
        delete=services.meeting_delete,
        object_arg="meeting",
        titles={
            "create": _("Plan a meeting"),
            "edit": _("Edit the meeting"),
            "delete": _("Delete the meeting"),
            "delete_link": _("Delete this meeting"),
        },
        messages={
            "created": _("The meeting is planned. Add the agenda and invite."),
            "saved": _("The meeting was saved."),
            "deleted": _("The meeting was deleted."),
        },
        success_url=lambda obj, parent: _url("meeting_detail", obj.pk),
        back_url=lambda obj, parent: (
            _url("meeting_detail", obj.pk) if obj else _url("meeting_list")
        ),
        after_delete=lambda obj, parent: _url("meeting_list"),
        section=AREA,
    ),
    Managed(
        namespace=AREA,
        name="agenda_item",
        model=AgendaItem,
        form=AgendaItemForm,
        perm="governance.manage_meetings",
        path="agendapunten/",
        parent=Parent(model=Meeting, kwarg="meeting_pk", arg="meeting", show_name=True),
        views=("create", "edit", "delete"),
        paths={"create": "vergaderingen/<int:meeting_pk>/agenda/nieuw/"},
        create=services.agenda_item_create,
        update=services.agenda_item_update,
        delete=services.agenda_item_delete,
        object_arg="item",
        titles={
            "create": _("New agenda item"),
            "edit": _("Edit the agenda item"),
            "delete": _("Remove the agenda item"),
            "delete_link": _("Remove this agenda item"),
        },
        messages={
            "saved": _("The agenda item was saved."),
            "created": _("The agenda item was added."),
            "deleted": _("The agenda item was removed."),
        },
        success_url=lambda obj, meeting: _url("meeting_detail", meeting.pk),
        back_url=lambda obj, meeting: _url("meeting_detail", meeting.pk),
        section=AREA,
    ),
    Managed(
        namespace=AREA,
        name="policy",
        model=PolicyContact,
        form=PolicyContactForm,
        perm="governance.manage_policy",
        path="beleid/",
        rows=lambda request, parent: selectors.policy_contacts_for_manage(),
        columns=[
            Column(_("Title"), "title", link=True, header=True),
            Column(_("Kind"), template="governance/manage/_cell_kind.html"),
            Column(_("Date"), "date", format="j M Y"),
            Column(_("With"), "policy_makers"),
            Column(_("Published"), "is_published", format="yesno"),
        ],
        create=services.policy_contact_create,
        update=services.policy_contact_update,
        delete=services.policy_contact_delete,
        object_arg="policy_contact",
        titles={
            "list": _("Dialogue with policy"),
            "create": _("New policy contact"),
            "edit": _("Edit the policy contact"),
            "delete": _("Delete the policy contact"),
            "delete_link": _("Delete this policy contact"),
        },
        intro=_(
            "Contacts with policy makers: meetings, letters, consultation responses and "
            "hearings. Published ones are shown on the public page Dialogue with policy."
        ),
        add_label=_("Record a contact"),
        empty=_("No contacts with policy makers recorded yet."),
        caption=_("Contacts with policy makers"),
        row_actions=False,
        messages={
            "created": _("The contact was recorded."),
            "saved": _("The contact was saved."),
            "deleted": _("The contact was deleted."),
        },
        success_url=lambda obj, parent: _url("policy_edit", obj.pk),
        edit_context=lambda request, obj, parent: (
            {
                "policy": obj,
                "documents": list(obj.documents.all()),
                "public_url": obj.get_absolute_url() if obj.is_published else "",
            }
            if obj is not None
            else {}
        ),
        templates={"form": "governance/manage/policy_form.html"},
        section=AREA,
    ),
    Managed(
        namespace=AREA,
        name="policy_document",
        model=PolicyDocument,
        form=PolicyDocumentForm,
        perm="governance.manage_policy",
        path="beleid/documenten/",
        parent=Parent(
            model=PolicyContact,
            kwarg="policy_pk",
            arg="record",
            name_field="title",
            show_name=True,
        ),
        views=("create", "delete"),
        paths={"create": "beleid/<int:policy_pk>/documenten/nieuw/"},
        create=services.policy_document_create,
        delete=services.policy_document_delete,
        object_arg="document",
        titles={
            "create": _("Add a document"),
            "delete": _("Remove the document"),
        },
        messages={
            "created": _("The document was added."),
            "deleted": _("The document was removed."),
        },
        success_url=lambda obj, parent: _url("policy_edit", parent.pk),
        back_url=lambda obj, parent: _url("policy_edit", parent.pk),
        section=AREA,
    ),
)
