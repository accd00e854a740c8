"""The survey builder in /beheer/bevragingen/: the list, a survey's settings, its sections
and questions (add, edit, reorder with buttons, duplicate, delete), the preview as a
respondent, and publishing.

Every view: `management_view`, then a rules permission on the survey, then one service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from sterk.accounts.types import AuthenticatedRequest
from sterk.core.access import management_view, require_perm
from sterk.core.forms import apply_errors
from sterk.core.once import once_per_token
from sterk.core.paging import paginate

from . import selectors, services
from .forms import AnswerForm, QuestionForm, SectionForm, SurveyForm
from .models import Question, Section, Survey, SurveyStatus


def _survey(request: AuthenticatedRequest, pk: int) -> Survey:
    survey: Survey = get_object_or_404(
        Survey.objects.select_related("region", "organisation"), pk=pk
    )
    require_perm(request, "surveys.change_survey", survey)
    return survey


@management_view
def survey_list(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "surveys.view_surveys")
    page = paginate(request, selectors.survey_list_rows(request.user), 50)
    return render(request, "surveys/manage/survey_list.html", {"page": page})


def _owner_probe(form: SurveyForm) -> Survey:
    data = form.cleaned_data
    kind = data.get("owner_kind")
    return Survey(
        owner_kind=kind or "",
        region=data.get("region") if kind == "region" else None,
        organisation=data.get("organisation") if kind == "organisation" else None,
    )


@management_view
@once_per_token
def survey_create(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "surveys.add_survey")
    form = SurveyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        require_perm(request, "surveys.change_survey", _owner_probe(form))
        try:
            survey = services.survey_create(actor=request.user, data=form.service_data())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The survey was created. Now add its questions."))
            return redirect("surveys_manage:builder", pk=survey.pk)
    return render(
        request,
        "surveys/manage/survey_form.html",
        {"form": form, "title": _("New survey"), "once": True},
    )


@management_view
def survey_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    form = SurveyForm(request.POST or None, instance=survey, user=request.user)
    if request.method == "POST" and form.is_valid():
        require_perm(request, "surveys.change_survey", _owner_probe(form))
        try:
            services.survey_update(actor=request.user, survey=survey, data=form.service_data())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The survey was saved."))
            return redirect("surveys_manage:builder", pk=survey.pk)
    return render(
        request,
        "surveys/manage/survey_form.html",
        {"form": form, "title": _("Survey settings"), "survey": survey},
    )


@management_view
def builder(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    locked = services.has_answers(survey)
    return render(
        request,
        "surveys/manage/builder.html",
        {
            "survey": survey,
            "sections": selectors.builder_sections(survey),
            "locked": locked,
            "locked_reasons": services.locked_reasons(survey.questions.first()) if locked else [],
            "statuses": SurveyStatus,
        },
    )


@management_view
def survey_status(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    status = request.POST.get("status", "")
    if status not in SurveyStatus.values:
        messages.error(request, _("Choose a state."))
        return redirect("surveys_manage:builder", pk=pk)
    try:
        services.survey_set_status(actor=request.user, survey=survey, status=status)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The state of the survey was changed."))
    return redirect("surveys_manage:builder", pk=pk)


@management_view
@once_per_token
def section_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_create(actor=request.user, survey=survey, data=form.service_data())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The section was added."))
            return redirect("surveys_manage:builder", pk=pk)
    return render(
        request,
        "surveys/manage/item_form.html",
        {"form": form, "survey": survey, "title": _("New section"), "once": True},
    )


def _section(request: AuthenticatedRequest, pk: int, spk: int) -> tuple[Survey, Section]:
    survey = _survey(request, pk)
    return survey, get_object_or_404(Section, pk=spk, survey=survey)


@management_view
def section_edit(request: AuthenticatedRequest, pk: int, spk: int) -> HttpResponse:
    survey, section = _section(request, pk, spk)
    form = SectionForm(request.POST or None, instance=section)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_update(actor=request.user, section=section, data=form.service_data())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The section was saved."))
            return redirect("surveys_manage:builder", pk=pk)
    return render(
        request,
        "surveys/manage/item_form.html",
        {"form": form, "survey": survey, "title": _("Edit section")},
    )


@management_view
def section_delete(request: AuthenticatedRequest, pk: int, spk: int) -> HttpResponse:
    survey, section = _section(request, pk, spk)
    error = ""
    if request.method == "POST":
        try:
            services.section_delete(actor=request.user, section=section)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("The section was deleted."))
            return redirect("surveys_manage:builder", pk=pk)
    return render(
        request,
        "surveys/manage/item_delete.html",
        {"survey": survey, "item": section, "error": error, "title": _("Delete section")},
    )


def _step(request: AuthenticatedRequest) -> int:
    return -1 if request.POST.get("direction") == "up" else 1


@management_view
def section_move(request: AuthenticatedRequest, pk: int, spk: int) -> HttpResponse:
    section = _section(request, pk, spk)[1]
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.section_move(actor=request.user, section=section, step=_step(request))
    return redirect(f"{_builder_url(pk)}#section-{spk}")


def _builder_url(pk: int) -> str:
    from django.urls import reverse

    return reverse("surveys_manage:builder", kwargs={"pk": pk})


@management_view
@once_per_token
def question_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    if not survey.sections.exists():
        messages.error(request, _("Add a section first: questions are asked per section."))
        return redirect("surveys_manage:builder", pk=pk)
    initial = {}
    section_id = request.GET.get("section", "")
    if section_id.isdigit():
        initial["section"] = int(section_id)
    form = QuestionForm(request.POST or None, survey=survey, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            question = services.question_create(
                actor=request.user, survey=survey, data=form.service_data()
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The question was added."))
            return redirect(f"{_builder_url(pk)}#question-{question.pk}")
    return render(
        request,
        "surveys/manage/question_form.html",
        {
            "form": form,
            "survey": survey,
            "title": _("New question"),
            "once": True,
            "locked": services.has_answers(survey),
        },
    )


def _question(request: AuthenticatedRequest, pk: int, qpk: int) -> tuple[Survey, Question]:
    survey = _survey(request, pk)
    return survey, get_object_or_404(
        Question.objects.select_related("section"), pk=qpk, survey=survey
    )


@management_view
def question_edit(request: AuthenticatedRequest, pk: int, qpk: int) -> HttpResponse:
    survey, question = _question(request, pk, qpk)
    form = QuestionForm(request.POST or None, instance=question, survey=survey)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_update(
                actor=request.user, question=question, data=form.service_data()
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The question was saved."))
            return redirect(f"{_builder_url(pk)}#question-{qpk}")
    return render(
        request,
        "surveys/manage/question_form.html",
        {
            "form": form,
            "survey": survey,
            "title": _("Edit question"),
            "locked_reasons": services.locked_reasons(question),
        },
    )


@management_view
def question_delete(request: AuthenticatedRequest, pk: int, qpk: int) -> HttpResponse:
    survey, question = _question(request, pk, qpk)
    error = ""
    if request.method == "POST":
        try:
            services.question_delete(actor=request.user, question=question)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("The question was deleted."))
            return redirect("surveys_manage:builder", pk=pk)
    elif services.has_answers(survey):
        error = _("The question cannot be deleted: answers would be lost.")
    return render(
        request,
        "surveys/manage/item_delete.html",
        {"survey": survey, "item": question, "error": error, "title": _("Delete question")},
    )


@management_view
def question_move(request: AuthenticatedRequest, pk: int, qpk: int) -> HttpResponse:
    _s, question = _question(request, pk, qpk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.question_move(actor=request.user, question=question, step=_step(request))
    return redirect(f"{_builder_url(pk)}#question-{qpk}")


@management_view
@once_per_token
def question_duplicate(request: AuthenticatedRequest, pk: int, qpk: int) -> HttpResponse:
    _s, question = _question(request, pk, qpk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    copy = services.question_duplicate(actor=request.user, question=question)
    messages.success(request, _("The question was duplicated; the copy is right below it."))
    return redirect(f"{_builder_url(pk)}#question-{copy.pk}")


@management_view
def preview(request: AuthenticatedRequest, pk: int, n: int = 1) -> HttpResponse:
    """The survey as a respondent sees it, page by page; nothing is saved."""
    survey = _survey(request, pk)
    sections = list(survey.sections.all())
    if not sections:
        raise Http404
    if not 1 <= n <= len(sections):
        raise Http404
    section = sections[n - 1]
    questions = [q for q in selectors.survey_questions(survey) if q.section_id == section.pk]
    form = AnswerForm(questions=questions, last=n == len(sections))
    return render(
        request,
        "surveys/manage/preview.html",
        {
            "survey": survey,
            "section": section,
            "form": form,
            "n": n,
            "total": len(sections),
            "prev_n": n - 1 if n > 1 else None,
            "next_n": n + 1 if n < len(sections) else None,
        },
    )
