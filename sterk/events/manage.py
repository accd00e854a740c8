"""What the agenda manages in /beheer/agenda/ (imported by sterk.manage at start-up): its
navigation entries, its dashboard panel, series, and an event's questions and sessions."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sterk.accounts.models import User
from sterk.core.content_language import render_field
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

from . import selectors, services
from .forms_manage import EventForm, QuestionForm, SeriesForm, SessionForm
from .models import Event, Question, Series, Session
from .types import QuestionData, SessionData

AREA = "events_manage"

register_nav(
    Nav(_("Agenda"), f"{AREA}:event_list", "events.access_management", order=20, section=AREA),
)


def dashboard_panel(request: HttpRequest) -> dict[str, Any]:
    return {"cadence": selectors.current_stakeholder_cadence()}


register_panel(
    Panel("events/_stakeholder_cadence.html", dashboard_panel, "events.view_cadence", order=20)
)


# --- declarations -----------------------------------------------------------------------


def _url(name: str, *args: Any) -> str:
    return reverse(f"{AREA}:{name}", args=args)


def _event_parent() -> Parent:
    return Parent(
        model=Event,
        kwarg="pk",
        arg="event",
        select_related=("region",),
        perm="events.manage_event",
        name_field="title",
        nav_template="events/manage/_event_tabs.html",
        crumb=lambda event: (render_field(event, "title"), _url("event_edit", event.pk)),
    )


def _event_guard(request: HttpRequest, form: Any, data: dict[str, Any], obj: Any) -> Any:
    """An event belongs to a region the user organises for; an event without a region
    (platform, partner) is the coordinators' (`events.add_event_for` with None)."""
    if not request.user.has_perm("events.add_event_for", data.get("region")):
        return ("region", gettext("You can only organise events for your own region."))
    return None


def _question_update(*, actor: User, question: Question, data: QuestionData) -> Question:
    return services.question_save(actor=actor, event=question.event, data=data, question=question)


def _session_update(*, actor: User, session: Session, data: SessionData) -> Session:
    return services.session_save(actor=actor, event=session.event, data=data, session=session)


def _session_initial(request: HttpRequest, event: Event, obj: Any) -> dict[str, Any]:
    return {} if obj else {"initial": {"starts_at": event.starts_at, "ends_at": event.ends_at}}


def _sessions(request: HttpRequest, event: Event) -> Any:
    return event.sessions.annotate(
        seats_taken=Count(
            "registrations", filter=Q(registrations__status__in=["confirmed", "offered"])
        )
    )


_REMOVE = {"delete_button": _("Remove")}

register(
    Managed(
        namespace=AREA,
        name="event",
        model=Event,
        form=EventForm,
        perm="events.manage_event",
        create_perm="events.add_event",
        path="",
        views=("create", "edit", "delete"),
        object_queryset=lambda: Event.objects.select_related("region"),
        create=services.event_create,
        update=services.event_update,
        delete=services.event_delete,
        object_arg="event",
        form_kwargs=lambda request, parent, obj: {
            "user": request.user,
            "initial": {} if obj else {"invited_roles": []},
        },
        guard=_event_guard,
        edit_context=lambda request, obj, parent: {"event": obj, "tab": "edit"},
        titles={
            "create": _("New event"),
            "edit": _("Edit the event"),
            "delete": _("Delete the draft “%(title)s”?"),
        },
        messages={"saved": _("The event was saved."), "deleted": _("The draft was deleted.")},
        success_url=lambda obj, parent: _url("event_edit", obj.pk),
        back_url=lambda obj, parent: _url("event_edit", obj.pk) if obj else _url("event_list"),
        after_delete=lambda obj, parent: _url("event_list"),
        templates={"form": "events/manage/event_edit.html"},
    ),
    Managed(
        namespace=AREA,
        name="series",
        model=Series,
        form=SeriesForm,
        perm="events.manage_series",
        path="reeksen/",
        views=("list", "create", "edit"),
        rows=lambda request, parent: Series.objects.annotate(event_count=Count("events")),
        create=services.series_save,
        update=services.series_save,
        object_arg="series",
        columns=[
            Column(capfirst(_("series")), "title", link=True, header=True),
            Column(_("Events"), template="events/manage/_cells.html#event_count", numeric=True),
            Column(_("Public page"), template="events/manage/_cells.html#public"),
        ],
        row_actions=False,
        titles={
            "list": _("Series and campaigns"),
            "create": _("New series or campaign"),
            "edit": _("Edit the series"),
        },
        add_label=_("New series or campaign"),
        empty=_("No series yet."),
        messages={"saved": _("The series was saved.")},
    ),
    Managed(
        namespace=AREA,
        name="question",
        model=Question,
        form=QuestionForm,
        perm="events.manage_event",
        parent=_event_parent(),
        path="<int:pk>/vragen/",
        object_kwarg="qpk",
        rows=lambda request, event: event.questions.all(),
        create=services.question_save,
        update=_question_update,
        delete=services.question_delete,
        object_arg="question",
        columns=[
            Column(_("Question"), "label", link=True, header=True),
            Column(capfirst(_("kind")), template="events/manage/_cells.html#kind"),
        ],
        title_field="label",
        title_key="q",
        titles={
            "list": _("Registration questions"),
            "create": _("Registration question"),
            "edit": _("Registration question"),
            "delete": _("Remove the question “%(q)s”?"),
            **_REMOVE,
        },
        caption=_("Questions"),
        add_label=_("New question"),
        empty=_("No questions: people only give their name and e-mail address."),
        messages={
            "saved": _("The question was saved."),
            "deleted": _("The question was removed."),
        },
        context={"tab": "questions"},
    ),
    Managed(
        namespace=AREA,
        name="session",
        model=Session,
        form=SessionForm,
        perm="events.manage_event",
        parent=_event_parent(),
        path="<int:pk>/sessies/",
        object_kwarg="spk",
        rows=_sessions,
        create=services.session_save,
        update=_session_update,
        delete=services.session_delete,
        object_arg="session",
        form_kwargs=_session_initial,
        columns=[
            Column(_("When"), template="events/manage/_cells.html#session_when"),
            Column(_("Session"), "title", link=True, header=True),
            Column(_("Seats"), template="events/manage/_cells.html#session_seats"),
        ],
        title_key="t",
        titles={
            "list": _("Programme and sessions"),
            "create": _("Session"),
            "edit": _("Session"),
            "delete": _("Remove the session “%(t)s”?"),
            **_REMOVE,
        },
        intro=_(
            "Registrants choose sessions that do not overlap; each session can have its own capacity."
        ),
        caption=_("Sessions"),
        add_label=_("New session"),
        empty=_("No sessions."),
        messages={
            "saved": _("The session was saved."),
            "deleted": _("The session was removed."),
        },
        context={"tab": "sessions"},
    ),
)
