"""Answering: the open surveys (/bevragingen/), a survey's start page, one page per
section, the visitor's private link and the thanks page.

Who answers: a signed-in member (their account), or a visitor whose address was confirmed
by the mailed link (the link's token is kept in the session). What was answered so far:
for an identified survey on the response draft (the account or the address), for an
anonymous one only in the session."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from sterk.core.once import once_per_token
from sterk.core.paging import paginate
from sterk.core.ratelimit import client_ip, rate_limited

from . import selectors, services
from .forms import AnswerForm, VisitorEmailForm
from .models import Participation, Response, ResponseStatus, Survey, SurveyStatus


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=gettext_lazy("I have read what my answers will be used for and I agree"),
        required=True,
        error_messages={"required": gettext_lazy("Tick this box to take part.")},
    )


class VisitorStartForm(ConsentForm, VisitorEmailForm):
    pass


def _key(survey: Survey, what: str) -> str:
    return f"surveys:{what}:{survey.pk}"


def _get_survey(slug: str) -> Survey:
    survey: Survey = get_object_or_404(
        Survey.objects.select_related("region", "organisation").prefetch_related(
            "audience_regions"
        ),
        slug=slug,
    )
    if survey.status != SurveyStatus.PUBLISHED:
        raise Http404
    return survey


class Respondent:
    """The person answering this survey in this request (or nobody yet)."""

    def __init__(self, request: HttpRequest, survey: Survey) -> None:
        self.request = request
        self.survey = survey
        self.user: Any = request.user if request.user.is_authenticated else None
        self.participation: Participation | None = None
        if self.user is None:
            token = request.session.get(_key(survey, "p"), "")
            if token:
                self.participation = Participation.objects.filter(
                    survey=survey, token=token, confirmed=True
                ).first()
        self.response: Response | None = services.draft_response(
            survey=survey, user=self.user, participation=self.participation
        )

    @property
    def known(self) -> bool:
        return self.user is not None or self.participation is not None

    @property
    def done(self) -> bool:
        if self.response is not None and self.response.status == ResponseStatus.SUBMITTED:
            return True
        if self.user is not None:
            p = services.participation_for_member(self.survey, self.user)
            return p is not None and p.submitted
        return self.participation is not None and self.participation.submitted

    def started_at(self) -> datetime.datetime | None:
        stamp = self.request.session.get(_key(self.survey, "start"))
        moments = [m for m in (parse_datetime(stamp) if stamp else None,) if m]
        if self.response is not None:
            moments.append(self.response.started_at)
        return min(moments) if moments else None

    def start(self) -> None:
        if not self.request.session.get(_key(self.survey, "start")):
            self.request.session[_key(self.survey, "start")] = timezone.now().isoformat()

    def values(self) -> dict[str, Any]:
        if self.survey.anonymous:
            return dict(self.request.session.get(_key(self.survey, "draft"), {}))
        return dict(self.response.draft) if self.response is not None else {}

    def save(self, values: dict[str, Any], current: int) -> None:
        if self.survey.anonymous:
            draft = dict(self.request.session.get(_key(self.survey, "draft"), {}))
            draft.update(values)
            self.request.session[_key(self.survey, "draft")] = draft
            return
        self.response = services.draft_save(
            survey=self.survey,
            values=values,
            current=current,
            user=self.user,
            participation=self.participation,
        )

    def forget(self) -> None:
        for what in ("draft", "start"):
            self.request.session.pop(_key(self.survey, what), None)


def survey_list(request: HttpRequest) -> HttpResponse:
    surveys = selectors.open_surveys_for(request.user)
    answered = selectors.answered_survey_ids(request.user)
    earlier = paginate(request, selectors.surveys_with_public_outcome(), per_page=20)
    return render(
        request,
        "surveys/survey_list.html",
        {"surveys": surveys, "answered": answered, "earlier": earlier},
    )


def _closed_note(survey: Survey, respondent: Respondent) -> str:
    _accepted, late = services.accepts_answers(survey, respondent.started_at())
    if late:
        until = timezone.localtime(survey.closes_at + services.grace_period())
        return _(
            "This survey closed at %(closed)s. You started before that, so your answers "
            "are still taken until %(until)s."
        ) % {
            "closed": timezone.localtime(survey.closes_at).strftime("%H:%M"),
            "until": until.strftime("%H:%M"),
        }
    return ""


def survey_start(request: HttpRequest, slug: str) -> HttpResponse:
    survey = _get_survey(slug)
    if not selectors.may_answer(survey, request.user):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        return render(request, "surveys/not_for_you.html", {"survey": survey}, status=403)
    respondent = Respondent(request, survey)
    accepted, _late = services.accepts_answers(survey, respondent.started_at())
    if respondent.done:
        return render(request, "surveys/already.html", {"survey": survey})
    form: forms.Form
    if respondent.known:
        form = ConsentForm(request.POST or None, prefix="start")
    else:
        form = VisitorStartForm(request.POST or None, prefix="start")
    if request.method == "POST" and accepted and form.is_valid():
        if respondent.known:
            respondent.start()
            return redirect("surveys:survey_page", slug=slug, n=max(1, _current(respondent)))
        if rate_limited(f"surveys-link:{client_ip(request)}", limit=10, period_seconds=3600):
            form.add_error(None, _("Too many requests from this address; try again later."))
        else:
            try:
                services.visitor_start(
                    survey=survey,
                    email=form.cleaned_data["email"],
                    language=get_language() or "nl",
                )
            except ValidationError as exc:
                from sterk.core.forms import apply_errors

                apply_errors(form, exc)
            else:
                return redirect("surveys:survey_link_sent", slug=slug)
    return render(
        request,
        "surveys/survey_start.html",
        {
            "survey": survey,
            "form": form,
            "accepted": accepted,
            "respondent": respondent,
            "sections": survey.sections.count(),
            "note": _closed_note(survey, respondent),
        },
    )


def _current(respondent: Respondent) -> int:
    return respondent.response.current if respondent.response is not None else 1


def survey_link_sent(request: HttpRequest, slug: str) -> HttpResponse:
    survey = _get_survey(slug)
    return render(request, "surveys/link_sent.html", {"survey": survey})


def survey_link(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The private link: confirms the address and lets the visitor (back) in."""
    survey = _get_survey(slug)
    participation = Participation.objects.filter(survey=survey, token=token).first()
    if participation is None or participation.user_id is not None:
        raise Http404
    services.participation_confirm(participation=participation)
    request.session[_key(survey, "p")] = participation.token
    if participation.submitted:
        return render(request, "surveys/already.html", {"survey": survey})
    respondent = Respondent(request, survey)
    respondent.start()
    return redirect("surveys:survey_page", slug=slug, n=max(1, _current(respondent)))


def _page_questions(survey: Survey, section_id: int, values: dict[str, Any]) -> list[Any]:
    return [
        q
        for q in selectors.survey_questions(survey)
        if q.section_id == section_id and selectors.question_visible(q, values)
    ]


@once_per_token
def survey_page(request: HttpRequest, slug: str, n: int) -> HttpResponse:
    survey = _get_survey(slug)
    if not selectors.may_answer(survey, request.user):
        raise Http404
    respondent = Respondent(request, survey)
    if not respondent.known:
        return redirect("surveys:survey_start", slug=slug)
    if respondent.done:
        return render(request, "surveys/already.html", {"survey": survey})
    sections = list(survey.sections.all())
    if not 1 <= n <= len(sections):
        raise Http404
    accepted, _late = services.accepts_answers(survey, respondent.started_at())
    if not accepted:
        return render(request, "surveys/closed.html", {"survey": survey}, status=410)
    respondent.start()
    section = sections[n - 1]
    values = respondent.values()
    questions = _page_questions(survey, section.pk, values)
    last = n == len(sections)
    if request.method == "POST":
        form = AnswerForm(request.POST, questions=questions, last=last)
        go = request.POST.get("go", "next")
        valid = form.is_valid()
        if go == "prev":
            # Keep what is valid on this page, then go back without complaining.
            respondent.save({k: v for k, v in form.cleaned_data.items() if k != "keep_informed"}, n)
            return redirect("surveys:survey_page", slug=slug, n=max(1, n - 1))
        if valid:
            respondent.save(form.values(), n + 1 if not last else n)
            if not last:
                return redirect("surveys:survey_page", slug=slug, n=n + 1)
            return _submit(request, survey, respondent, sections, form)
    else:
        form = AnswerForm(initial=values, questions=questions, last=last)
    return render(
        request,
        "surveys/survey_page.html",
        {
            "survey": survey,
            "section": section,
            "form": form,
            "n": n,
            "total": len(sections),
            "percent": int(100 * (n - 1) / len(sections)),
            "last": last,
            "note": _closed_note(survey, respondent),
            "saved_where": _saved_where(survey, respondent),
        },
    )


def _saved_where(survey: Survey, respondent: Respondent) -> str:
    if survey.anonymous:
        return _("Your answers are kept in this browser while you answer, with no link to you.")
    if respondent.user is not None:
        return _("Your answers are saved on your account with every page.")
    return _("Your answers are saved with every page; the link we mailed you brings you back.")


def _submit(
    request: HttpRequest,
    survey: Survey,
    respondent: Respondent,
    sections: list[Any],
    form: AnswerForm,
) -> HttpResponse:
    values = respondent.values()
    visible = [
        q for q in selectors.survey_questions(survey) if selectors.question_visible(q, values)
    ]
    # Every page once more: a required answer skipped (e.g. by opening a later page
    # directly) sends the person back to that page.
    for index, section in enumerate(sections, start=1):
        page = [q for q in visible if q.section_id == section.pk]
        check = AnswerForm(dict(values.items()), questions=page, last=False)
        if not check.is_valid():
            messages.error(request, _("Some required questions on this page are not answered yet."))
            return redirect("surveys:survey_page", slug=survey.slug, n=index)
    try:
        services.response_submit(
            survey=survey,
            values=values,
            visible=visible,
            started_at=respondent.started_at(),
            keep_informed=bool(form.cleaned_data.get("keep_informed")),
            user=respondent.user,
            participation=respondent.participation,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("surveys:survey_start", slug=survey.slug)
    respondent.forget()
    return redirect("surveys:survey_thanks", slug=survey.slug)


def survey_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    survey = _get_survey(slug)
    return render(request, "surveys/thanks.html", {"survey": survey})


def _published_or_404(slug: str) -> Survey:
    survey: Survey = get_object_or_404(selectors.surveys_with_public_results(), slug=slug)
    return survey


def results(request: HttpRequest, slug: str) -> HttpResponse:
    from . import results as survey_results

    survey = _published_or_404(slug)
    count, items = survey_results.published(survey)
    return render(
        request,
        "surveys/results.html",
        {"survey": survey, "count": count, "results": items},
    )


def results_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    from . import exports
    from . import results as survey_results

    survey = _published_or_404(slug)
    count, items = survey_results.published(survey)
    pdf = exports.results_pdf(
        survey, {"survey": survey, "count": count, "results": items}, get_language() or "nl"
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="resultaten-{survey.slug}.pdf"'
    return response


def followup(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Jullie zeiden, wij deden": per finding, the numbers and quotes, and the action
    points with their state and links."""
    from . import results as survey_results

    survey = get_object_or_404(selectors.surveys_with_public_followup(), slug=slug)
    count, rows = survey_results.followup(survey)
    return render(
        request,
        "surveys/followup.html",
        {"survey": survey, "rows": rows, "count": count},
    )
