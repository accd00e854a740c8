"""The survey builder in /beheer/bevragingen/: the list, a survey's settings, its sections
and questions (add, edit, reorder with buttons, duplicate, delete), the preview as a
respondent, and publishing.

Every view: `management_view`, then a rules permission on the survey, then one service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sterk.accounts.types import AuthenticatedRequest
from sterk.core.access import (
    management_view,
    personal_data_export,
    personal_data_gate,
    require_perm,
)
from sterk.core.exports import CSV_CONTENT_TYPE, csv_text, file_response
from sterk.core.forms import apply_errors
from sterk.core.once import once_per_token
from sterk.core.paging import paginate
from sterk.core.params import parse_id
from sterk.core.widgets import use_checkbox_lists

from . import exports, results, selectors, services
from .forms import (
    AnswerForm,
    FindingForm,
    PointForm,
    ProposeForm,
    QuestionForm,
    SectionForm,
    SurveyForm,
)
from .models import ActionPoint, Answer, Finding, Question, Section, Survey, SurveyStatus


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


def _item_form(
    request: AuthenticatedRequest,
    *,
    form: Any,
    survey: Survey,
    title: str,
    save: Callable[[Any], object],
    done: str,
    back: str,
    once: bool = False,
) -> HttpResponse:
    """An item form of the builder or the follow-up (a section, a finding, an action
    point): saved through its service; an error the service raises lands on the form,
    which keeps what was typed."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.service_data())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect(back, pk=survey.pk)
    context: dict[str, Any] = {"form": form, "survey": survey, "title": title}
    if once:
        context["once"] = True
    return render(request, "surveys/manage/item_form.html", context)


def _item_delete(
    request: AuthenticatedRequest,
    *,
    survey: Survey,
    item: object,
    title: str,
    delete: Callable[[], object],
    done: str,
    back: str,
    error: str = "",
) -> HttpResponse:
    """The confirmation page of a delete; the service's refusal is shown on it."""
    if request.method == "POST":
        try:
            delete()
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, done)
            return redirect(back, pk=survey.pk)
    return render(
        request,
        "surveys/manage/item_delete.html",
        {"survey": survey, "item": item, "error": error, "title": title},
    )


@management_view
@once_per_token
def section_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    return _item_form(
        request,
        form=SectionForm(request.POST or None),
        survey=survey,
        title=_("New section"),
        save=lambda data: services.section_create(actor=request.user, survey=survey, data=data),
        done=_("The section was added."),
        back="surveys_manage:builder",
        once=True,
    )


def _section(request: AuthenticatedRequest, pk: int, spk: int) -> tuple[Survey, Section]:
    survey = _survey(request, pk)
    return survey, get_object_or_404(Section, pk=spk, survey=survey)


@management_view
def section_edit(request: AuthenticatedRequest, pk: int, spk: int) -> HttpResponse:
    survey, section = _section(request, pk, spk)
    return _item_form(
        request,
        form=SectionForm(request.POST or None, instance=section),
        survey=survey,
        title=_("Edit section"),
        save=lambda data: services.section_update(actor=request.user, section=section, data=data),
        done=_("The section was saved."),
        back="surveys_manage:builder",
    )


@management_view
def section_delete(request: AuthenticatedRequest, pk: int, spk: int) -> HttpResponse:
    survey, section = _section(request, pk, spk)
    return _item_delete(
        request,
        survey=survey,
        item=section,
        title=_("Delete section"),
        delete=lambda: services.section_delete(actor=request.user, section=section),
        done=_("The section was deleted."),
        back="surveys_manage:builder",
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
    answered = request.method != "POST" and services.has_answers(survey)
    return _item_delete(
        request,
        survey=survey,
        item=question,
        title=_("Delete question"),
        delete=lambda: services.question_delete(actor=request.user, question=question),
        done=_("The question was deleted."),
        back="surveys_manage:builder",
        error=_("The question cannot be deleted: answers would be lost.") if answered else "",
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


# --- results ----------------------------------------------------------------------------


def _group(questions: list[Question], value: str) -> results.Group | None:
    """A group from "qid:value" (a choice question of the survey and one of its values)."""
    qid, _sep, choice = value.partition(":")
    if not qid.isdigit() or not choice:
        return None
    for q in results.filter_questions(questions):
        if q.pk == int(qid) and choice in {k for k, _label in results.group_choices(q)}:
            return results.Group(question=q, value=choice)
    return None


def _group_options(questions: list[Question]) -> list[tuple[str, str]]:
    options = []
    for q in results.filter_questions(questions):
        for key, label in results.group_choices(q):
            options.append((f"{q.pk}:{key}", f"{str(q.text)[:60]}: {label}"))
    return options


@management_view
def results_page(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    require_perm(request, "surveys.view_results", survey)
    questions = selectors.survey_questions(survey)
    a = _group(questions, request.GET.get("a", ""))
    b = _group(questions, request.GET.get("b", ""))
    context: dict[str, object] = {
        "survey": survey,
        "group_options": _group_options(questions),
        "a_value": request.GET.get("a", ""),
        "b_value": request.GET.get("b", ""),
        "min_group": results.MIN_GROUP,
    }
    if a is not None and b is not None:
        context["comparison"] = results.compare(survey, questions, a, b)
    else:
        group = a or b
        count = results.respondent_count(survey, group)
        context["group"] = group
        context["count"] = count
        context["hidden"] = group is not None and count < results.MIN_GROUP
        context["results"] = (
            [] if context["hidden"] else results.question_results(survey, questions, group)
        )
    return render(request, "surveys/manage/results.html", context)


@management_view
def texts_page(request: AuthenticatedRequest, pk: int, qpk: int) -> HttpResponse:
    survey, question = _question(request, pk, qpk)
    require_perm(request, "surveys.view_results", survey)
    if request.method == "POST":
        answer_id = parse_id(request.POST.get("answer"))
        if answer_id is None:
            messages.error(request, _("Choose a written answer."))
            return redirect("surveys_manage:texts", pk=pk, qpk=qpk)
        answer = get_object_or_404(
            Answer.objects.select_related("question__survey"), pk=answer_id or 0, question=question
        )
        services.answer_approve(
            actor=request.user, answer=answer, approved=request.POST.get("approved") == "1"
        )
        messages.success(request, _("Saved."))
        page_no = request.POST.get("page", "1")
        return redirect(
            f"{reverse('surveys_manage:texts', kwargs={'pk': pk, 'qpk': qpk})}?page={page_no if page_no.isdigit() else 1}#answer-{answer.pk}"
        )
    page = paginate(request, results.free_texts(question), 25)
    return render(
        request,
        "surveys/manage/texts.html",
        {"survey": survey, "question": question, "page": page},
    )


class PublishForm(forms.Form):
    questions = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Questions in the public results"), coerce=int, required=False
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Publish the results on the public page"), required=False
    )

    def __init__(self, *args: object, survey: Survey, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["questions"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(q.pk, str(q.text)[:120]) for q in selectors.survey_questions(survey)]
        use_checkbox_lists(self)


@management_view
def results_publish(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    initial = {
        "questions": list(survey.questions.filter(publish=True).values_list("pk", flat=True)),
        "publish": survey.results_published_at is not None,
    }
    form = PublishForm(request.POST or None, survey=survey, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.results_publish(
                actor=request.user,
                survey=survey,
                question_ids=form.cleaned_data["questions"],
                publish=form.cleaned_data["publish"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The public results were saved."))
            return redirect("surveys_manage:results", pk=pk)
    return render(
        request,
        "surveys/manage/item_form.html",
        {
            "form": form,
            "survey": survey,
            "title": _("Publish results"),
            "intro": _(
                "Choose the questions to show on the public results page. Free-text "
                "answers appear there only once you approve them one by one."
            ),
        },
    )


@personal_data_export
def export(request: AuthenticatedRequest, pk: int, fmt: str) -> HttpResponse:
    survey = _survey(request, pk)
    require_perm(request, "surveys.view_results", survey)
    if (gate := personal_data_gate(request)) is not None:
        return gate
    name = f"bevraging-{survey.slug}-{timezone.localdate():%Y-%m-%d}"
    if fmt == "csv":
        response = StreamingHttpResponse(exports.csv_chunks(survey), content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response  # type: ignore[return-value]  # streamed: same headers, a body iterator
    if fmt == "xlsx":
        return file_response(exports.xlsx(survey), f"{name}.xlsx")
    if fmt == "codeboek":
        header, rows = exports.codebook(survey)
        return file_response(csv_text(header, rows), f"{name}-codeboek.csv")
    raise Http404


# --- follow-up: jullie zeiden, wij deden ------------------------------------------------


@management_view
def followup(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    findings = selectors.findings_of(survey)
    return render(
        request,
        "surveys/manage/followup.html",
        {"survey": survey, "findings": findings, "can_propose": survey.region_id is not None},
    )


@management_view
def followup_publish(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.followup_publish(
            actor=request.user, survey=survey, publish=request.POST.get("publish") == "1"
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The follow-up page was saved."))
    return redirect("surveys_manage:followup", pk=pk)


@management_view
@once_per_token
def finding_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    return _item_form(
        request,
        form=FindingForm(request.POST or None, survey=survey),
        survey=survey,
        title=_("New finding"),
        save=lambda data: services.finding_create(actor=request.user, survey=survey, data=data),
        done=_("The finding was added."),
        back="surveys_manage:followup",
        once=True,
    )


def _finding(request: AuthenticatedRequest, pk: int, fpk: int) -> tuple[Survey, Finding]:
    survey = _survey(request, pk)
    return survey, get_object_or_404(Finding, pk=fpk, survey=survey)


@management_view
def finding_edit(request: AuthenticatedRequest, pk: int, fpk: int) -> HttpResponse:
    survey, finding = _finding(request, pk, fpk)
    return _item_form(
        request,
        form=FindingForm(request.POST or None, instance=finding, survey=survey),
        survey=survey,
        title=_("Edit finding"),
        save=lambda data: services.finding_update(actor=request.user, finding=finding, data=data),
        done=_("The finding was saved."),
        back="surveys_manage:followup",
    )


@management_view
def finding_delete(request: AuthenticatedRequest, pk: int, fpk: int) -> HttpResponse:
    survey, finding = _finding(request, pk, fpk)
    return _item_delete(
        request,
        survey=survey,
        item=finding,
        title=_("Delete finding"),
        delete=lambda: services.finding_delete(actor=request.user, finding=finding),
        done=_("The finding was deleted."),
        back="surveys_manage:followup",
    )


@management_view
@once_per_token
def point_create(request: AuthenticatedRequest, pk: int, fpk: int) -> HttpResponse:
    survey, finding = _finding(request, pk, fpk)
    return _item_form(
        request,
        form=PointForm(request.POST or None),
        survey=survey,
        title=_("New action point"),
        save=lambda data: services.point_create(actor=request.user, finding=finding, data=data),
        done=_("The action point was added."),
        back="surveys_manage:followup",
        once=True,
    )


def _point(request: AuthenticatedRequest, pk: int, ppk: int) -> tuple[Survey, ActionPoint]:
    survey = _survey(request, pk)
    point = get_object_or_404(
        ActionPoint.objects.select_related("finding__survey"), pk=ppk, finding__survey=survey
    )
    return survey, point


@management_view
def point_edit(request: AuthenticatedRequest, pk: int, ppk: int) -> HttpResponse:
    survey, point = _point(request, pk, ppk)
    return _item_form(
        request,
        form=PointForm(request.POST or None, instance=point),
        survey=survey,
        title=_("Edit action point"),
        save=lambda data: services.point_update(actor=request.user, point=point, data=data),
        done=_("The action point was saved."),
        back="surveys_manage:followup",
    )


@management_view
def point_delete(request: AuthenticatedRequest, pk: int, ppk: int) -> HttpResponse:
    survey, point = _point(request, pk, ppk)
    return _item_delete(
        request,
        survey=survey,
        item=point,
        title=_("Delete action point"),
        delete=lambda: services.point_delete(actor=request.user, point=point),
        done=_("The action point was deleted."),
        back="surveys_manage:followup",
    )


@management_view
@once_per_token
def point_propose(request: AuthenticatedRequest, pk: int, ppk: int) -> HttpResponse:
    """The action point as a regional action proposal (the chair proposes; the steering
    group decides in the action plan's proposal workflow)."""
    survey, point = _point(request, pk, ppk)
    if survey.region is None or not request.user.has_perm(
        "actionplan.propose_action_for_region", survey.region
    ):
        raise PermissionDenied
    form = ProposeForm(
        request.POST or None, initial={"description": point.description or point.finding.statement}
    )
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.point_propose(
                actor=request.user,
                point=point,
                challenge=form.cleaned_data["challenge"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The proposal was sent to the steering group."))
            return redirect("actionplan_manage:proposal_detail", pk=proposal.pk)
    return render(
        request,
        "surveys/manage/item_form.html",
        {
            "form": form,
            "survey": survey,
            "title": _("Propose as an action of the action plan"),
            "intro": _(
                "The steering group reads the proposal and approves it, asks for changes or "
                "declines it. This action point then follows its state."
            ),
            "once": True,
        },
    )
