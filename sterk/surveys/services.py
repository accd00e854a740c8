"""Writes of the survey area: the builder (surveys, sections, questions, options) and
answering (participations, drafts, submitted responses).

Once a survey has answers, only changes that keep them meaningful are accepted
(`locked_reasons` says which and why): rewording, reordering, adding optional questions
and appending options are fine; deleting a question or an option, changing a kind, the
scale or the list, or making a question required are not."""

from __future__ import annotations

import datetime
import secrets
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from sterk.core import outbox
from sterk.core.audit import audit_record
from sterk.core.services import instance_update_audited
from sterk.core.site import absolute_url
from sterk.core.slugs import SlugSource, save_with_unique_slug, unique_slug

from .models import (
    ActionPoint,
    Answer,
    Finding,
    Kind,
    Option,
    Participation,
    PointStatus,
    Question,
    Response,
    ResponseStatus,
    Section,
    Survey,
    SurveyStatus,
)
from .types import QuestionData, SectionData, SurveyData

if TYPE_CHECKING:
    from sterk.accounts.models import User

RESERVED_SLUGS = ("nieuw",)


def grace_period() -> datetime.timedelta:
    return datetime.timedelta(minutes=getattr(settings, "STERK_SURVEY_GRACE_MINUTES", 30))


def has_answers(survey: Survey) -> bool:
    return Response.objects.filter(survey=survey).exists()


def _region_id(survey: Survey) -> int | None:
    return survey.region_id


# --- surveys ----------------------------------------------------------------------------

SURVEY_M2M = ("audience_regions",)


def _owner_fields(data: dict[str, Any]) -> None:
    kind = data.get("owner_kind")
    if kind == "platform":
        data["region"], data["organisation"] = None, None
    elif kind == "region":
        data["organisation"] = None
    elif kind == "organisation":
        data["region"] = None
    if kind in ("platform", "region"):
        data["spearhead"] = None  # a spearhead's survey is its partner organisation's


def _check_survey(survey: Survey) -> None:
    errors: dict[str, Any] = {}
    if survey.owner_kind == "region" and survey.region_id is None:
        errors["region"] = _("Choose the region that owns this survey.")
    if survey.owner_kind == "organisation" and survey.organisation_id is None:
        errors["organisation"] = _("Choose the organisation that owns this survey.")
    if survey.opens_at and survey.closes_at and survey.closes_at <= survey.opens_at:
        errors["closes_at"] = _("The survey must close after it opens.")
    spearhead = survey.spearhead if survey.spearhead_id else None
    if (
        spearhead is not None
        and survey.organisation_id is not None
        and spearhead.lead_organisation_id != survey.organisation_id
        and not spearhead.partners.filter(pk=survey.organisation_id).exists()
    ):
        errors["spearhead"] = _(
            "The organisation neither leads nor takes part in this spearhead: choose one "
            "of its own spearheads, or none."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def survey_create(*, actor: User, data: SurveyData) -> Survey:
    values: dict[str, Any] = dict(data)
    _owner_fields(values)
    many = {k: values.pop(k) for k in SURVEY_M2M if k in values}
    slug = values.pop("slug", "")
    survey = Survey(**values)
    _check_survey(survey)
    source = SlugSource(str(survey.title_nl), "bevraging", RESERVED_SLUGS)  # type: ignore[attr-defined]
    survey.slug = slug or unique_slug(Survey, source)
    survey.full_clean()
    save_with_unique_slug(survey, source)
    for key, value in many.items():
        getattr(survey, key).set(value)
    audit_record(
        actor=actor,
        action="surveys.survey_create",
        obj=survey,
        region_id=_region_id(survey),
        changes={"title": [None, str(survey.title)]},
    )
    return survey


@transaction.atomic
def survey_update(*, actor: User, survey: Survey, data: SurveyData) -> Survey:
    values: dict[str, Any] = dict(data)
    _owner_fields(values)
    stored = Survey.objects.get(pk=survey.pk)
    if has_answers(survey) and "anonymous" in values and values["anonymous"] != stored.anonymous:
        raise ValidationError(
            {
                "anonymous": _(
                    "People answered on the promise that this survey is "
                    "%(state)s; that cannot change now."
                )
                % {"state": _("anonymous") if stored.anonymous else _("identified")}
            }
        )
    probe = Survey(**{k: v for k, v in values.items() if k not in SURVEY_M2M})
    probe.owner_kind = values.get("owner_kind", survey.owner_kind)
    probe.region_id = values["region"].pk if values.get("region") else None
    probe.organisation_id = values["organisation"].pk if values.get("organisation") else None
    probe.opens_at = values.get("opens_at", survey.opens_at)
    probe.closes_at = values.get("closes_at", survey.closes_at)
    _check_survey(probe)
    return instance_update_audited(
        actor=actor,
        instance=survey,
        data=values,
        action="surveys.survey_update",
        region_id=probe.region_id,
    )


@transaction.atomic
def survey_set_status(*, actor: User, survey: Survey, status: str) -> Survey:
    if status == SurveyStatus.PUBLISHED and not survey.questions.exists():
        raise ValidationError(_("Add at least one question before publishing the survey."))
    if status == SurveyStatus.DRAFT and has_answers(survey):
        raise ValidationError(
            _("People have answered this survey; it can be archived but not set back to draft.")
        )
    return instance_update_audited(
        actor=actor,
        instance=survey,
        data={"status": status},
        action="surveys.survey_status",
        region_id=_region_id(survey),
    )


# --- sections ---------------------------------------------------------------------------


def _next_position(qs: Any) -> int:
    return int(qs.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def section_create(*, actor: User, survey: Survey, data: SectionData) -> Section:
    section = Section(survey=survey, position=_next_position(survey.sections.all()), **data)
    section.full_clean()
    section.save()
    audit_record(
        actor=actor,
        action="surveys.section_create",
        obj=section,
        region_id=_region_id(survey),
        changes={"survey": [None, survey.pk], "title": [None, str(section.title)]},
    )
    return section


def section_update(*, actor: User, section: Section, data: SectionData) -> Section:
    return instance_update_audited(
        actor=actor,
        instance=section,
        data=dict(data),
        action="surveys.section_update",
        region_id=_region_id(section.survey),
    )


@transaction.atomic
def section_delete(*, actor: User, section: Section) -> None:
    survey = section.survey
    if has_answers(survey) and section.questions.exists():
        raise ValidationError(
            _("People answered the questions of this section: it cannot be deleted.")
        )
    audit_record(
        actor=actor,
        action="surveys.section_delete",
        obj=section,
        region_id=_region_id(survey),
        changes={"title": [str(section.title), None]},
    )
    section.delete()


def _swap(items: list[Any], index: int, step: int) -> list[Any]:
    other = index + step
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    return items


def _move(
    *, actor: User, item: Any, siblings: QuerySet[Any], step: int, action: str, survey: Survey
) -> None:
    """Move `item` one place up (step -1) or down (+1) among its siblings, locked while
    they are numbered again from 1, and record it."""
    rows = list(siblings.select_for_update().order_by("position", "pk"))
    ordered = _swap(rows, [r.pk for r in rows].index(item.pk), step)
    for position, row in enumerate(ordered, start=1):
        if row.position != position:
            type(row).objects.filter(pk=row.pk).update(position=position)
    audit_record(
        actor=actor,
        action=action,
        obj=item,
        region_id=_region_id(survey),
        changes={"step": [None, step]},
    )


@transaction.atomic
def section_move(*, actor: User, section: Section, step: int) -> None:
    _move(
        actor=actor,
        item=section,
        siblings=section.survey.sections.all(),
        step=step,
        action="surveys.section_move",
        survey=section.survey,
    )


# --- questions --------------------------------------------------------------------------


def locked_reasons(question: Question | None) -> list[str]:
    """What cannot change in this question any more, and why (shown by the builder)."""
    if question is None or not has_answers(question.survey):
        return []
    return [
        _(
            "The kind of question, the scale and the list stay as they are: answers were given to them."
        ),
        _("Options can be reworded and added, not removed: answers point to them."),
        _("The question cannot become required: earlier respondents could skip it."),
        _("The condition stays as it is: earlier respondents saw the question under it."),
        _("The question cannot be deleted: answers would be lost."),
    ]


def _check_question(question: Question, options: list[str]) -> None:
    errors: dict[str, Any] = {}
    if question.kind in (Kind.SINGLE, Kind.MULTIPLE) and len(options) < 2:
        errors["options"] = _("A choice needs at least two options, one per line.")
    if question.kind == Kind.MATRIX and not options:
        errors["options"] = _("A matrix needs at least one row, one per line.")
    if question.kind == Kind.LIST and not question.list_source:
        errors["list_source"] = _("Choose the platform list to choose from.")
    if question.kind in (Kind.SCALE, Kind.MATRIX) and not 2 <= question.scale_max <= 10:
        errors["scale_max"] = _("A scale goes from 1 to a number between 2 and 10.")
    if question.condition_question_id:
        cq = question.condition_question
        assert cq is not None
        if cq.survey_id != question.survey_id or cq.section.position >= question.section.position:
            errors["condition_question"] = _(
                "A condition can only refer to a question of an earlier section."
            )
        elif question.condition_option is None or question.condition_option.question_id != cq.pk:
            errors["condition_option"] = _("Choose one of the options of that question.")
    elif question.condition_option_id:
        errors["condition_question"] = _("Choose the question the condition is about.")
    if errors:
        raise ValidationError(errors)


def _set_options(question: Question, options: list[str], *, locked: bool) -> None:
    existing = list(question.options.order_by("position", "pk"))
    if locked and len(options) < len(existing):
        raise ValidationError(
            {"options": _("Options can be reworded and added, not removed: answers point to them.")}
        )
    if question.kind not in (Kind.SINGLE, Kind.MULTIPLE, Kind.MATRIX):
        if existing and not locked:
            question.options.all().delete()
        return
    for position, label in enumerate(options, start=1):
        if position <= len(existing):
            option = existing[position - 1]
            if option.label_nl != label or option.position != position:  # type: ignore[attr-defined]
                option.label_nl = label  # type: ignore[attr-defined]
                option.position = position
                option.save(update_fields=["label_nl", "label", "position"])
        else:
            Option.objects.create(question=question, position=position, label_nl=label)
    for option in existing[len(options) :]:
        option.delete()


@transaction.atomic
def question_create(*, actor: User, survey: Survey, data: QuestionData) -> Question:
    values: dict[str, Any] = dict(data)
    options = [o for o in values.pop("options", []) if o]
    section = values["section"]
    locked = has_answers(survey)
    if locked and values.get("required"):
        raise ValidationError(
            {"required": _("People already answered: a question added now must be optional.")}
        )
    question = Question(survey=survey, position=_next_position(section.questions.all()), **values)
    question.full_clean()
    _check_question(question, options)
    question.save()
    _set_options(question, options, locked=False)
    audit_record(
        actor=actor,
        action="surveys.question_create",
        obj=question,
        region_id=_region_id(survey),
        changes={"survey": [None, survey.pk], "kind": [None, question.kind]},
    )
    return question


LOCKED_FIELDS = ("kind", "scale_max", "list_source", "condition_question", "condition_option")


@transaction.atomic
def question_update(*, actor: User, question: Question, data: QuestionData) -> Question:
    values: dict[str, Any] = dict(data)
    options = [o for o in values.pop("options", []) if o]
    locked = has_answers(question.survey)
    if locked:
        # The form has already set the new values on the instance: compare with the row.
        stored = Question.objects.get(pk=question.pk)
        errors: dict[str, Any] = {}
        for name in LOCKED_FIELDS:
            if name in values:
                now = getattr(stored, name)
                if now != values[name]:
                    errors[name] = _("This cannot change any more: people answered the question.")
        if values.get("required") and not stored.required:
            errors["required"] = _(
                "The question cannot become required: earlier respondents could skip it."
            )
        if errors:
            raise ValidationError(errors)
    probe = Question(**{**{f: getattr(question, f) for f in ("survey", "section", "kind")}})
    for key, value in values.items():
        setattr(probe, key, value)
    probe.pk = question.pk
    _check_question(probe, options)
    updated = instance_update_audited(
        actor=actor,
        instance=question,
        data=values,
        action="surveys.question_update",
        region_id=_region_id(question.survey),
    )
    _set_options(updated, options, locked=locked)
    return updated


@transaction.atomic
def question_delete(*, actor: User, question: Question) -> None:
    if has_answers(question.survey):
        raise ValidationError(_("The question cannot be deleted: answers would be lost."))
    audit_record(
        actor=actor,
        action="surveys.question_delete",
        obj=question,
        region_id=_region_id(question.survey),
        changes={"text": [str(question.text), None]},
    )
    question.delete()


@transaction.atomic
def question_move(*, actor: User, question: Question, step: int) -> None:
    _move(
        actor=actor,
        item=question,
        siblings=Question.objects.filter(section_id=question.section_id),
        step=step,
        action="surveys.question_move",
        survey=question.survey,
    )


@transaction.atomic
def question_duplicate(*, actor: User, question: Question) -> Question:
    """A copy right after the original (optional when the survey has answers)."""
    options = list(question.options.order_by("position", "pk"))
    Question.objects.filter(section_id=question.section_id, position__gt=question.position).update(
        position=F("position") + 1
    )
    original_pk = question.pk
    copy = Question.objects.get(pk=original_pk)
    copy.pk = None
    copy.position = question.position + 1
    if has_answers(question.survey):
        copy.required = False
    copy.save()
    Option.objects.bulk_create(
        Option(
            question=copy,
            position=o.position,
            label_nl=o.label_nl,  # type: ignore[attr-defined]
            label_fr=o.label_fr,  # type: ignore[attr-defined]
            label_en=o.label_en,  # type: ignore[attr-defined]
            label=o.label,
        )
        for o in options
    )
    audit_record(
        actor=actor,
        action="surveys.question_duplicate",
        obj=copy,
        region_id=_region_id(question.survey),
        changes={"copy_of": [None, original_pk]},
    )
    return copy


# --- answering --------------------------------------------------------------------------


def new_token() -> str:
    return secrets.token_urlsafe(32)


def participation_for_member(survey: Survey, user: Any) -> Participation | None:
    return Participation.objects.filter(survey=survey, user=user).first()


@transaction.atomic
def visitor_start(*, survey: Survey, email: str, language: str) -> Participation:
    """A visitor gives their address: one participation per address, and a private link
    mailed to it (to confirm the address and to come back to the answers). Asking again
    mails the same link again (a new outbox key per day, so a lost mail can be re-sent,
    but a double click mails once)."""
    email = email.strip().lower()
    participation = Participation.objects.filter(survey=survey, email=email).first()
    if participation is not None and participation.submitted:
        raise ValidationError(
            {"email": _("This address has already answered this survey. Thank you!")}
        )
    if participation is None:
        try:
            with transaction.atomic():
                participation = Participation.objects.create(
                    survey=survey, email=email, token=new_token()
                )
        except IntegrityError:
            participation = Participation.objects.get(survey=survey, email=email)
    link = absolute_url(f"/{language}/bevragingen/{survey.slug}/link/{participation.token}/")
    outbox.enqueue(
        key=f"surveys.link:{participation.pk}:{timezone.localdate().isoformat()}",
        to=email,
        subject=_("Your link to the survey “%(title)s”") % {"title": survey.title},
        body=_(
            "Hello,\n\nWith this private link you confirm your address and answer the "
            "survey “%(title)s”. You can come back to your answers with it until you "
            "send them:\n\n%(link)s\n\nDo not share this link.\n"
        )
        % {"title": survey.title, "link": link},
    )
    return participation


def participation_confirm(*, participation: Participation) -> Participation:
    if not participation.confirmed:
        Participation.objects.filter(pk=participation.pk).update(confirmed=True)
        participation.confirmed = True
    return participation


def draft_response(
    *, survey: Survey, user: Any = None, participation: Participation | None = None
) -> Response | None:
    """The draft (or submitted) response of an identified respondent, or None."""
    if survey.anonymous:
        return None
    if user is not None:
        return Response.objects.filter(survey=survey, user=user).first()
    if participation is not None:
        return Response.objects.filter(survey=survey, email=participation.email).first()
    return None


@transaction.atomic
def draft_save(
    *,
    survey: Survey,
    values: dict[str, Any],
    current: int,
    user: Any = None,
    participation: Participation | None = None,
) -> Response:
    """Keep the answers of an identified respondent so far (on their account, or under
    their confirmed address)."""
    assert not survey.anonymous
    lookup: dict[str, Any] = (
        {"user": user} if user is not None else {"email": participation.email}  # type: ignore[union-attr]
    )
    response = Response.objects.select_for_update().filter(survey=survey, **lookup).first()
    if response is None:
        try:
            with transaction.atomic():
                response = Response.objects.create(
                    survey=survey, token=new_token(), draft=values, current=current, **lookup
                )
        except IntegrityError:
            response = Response.objects.select_for_update().get(survey=survey, **lookup)
    if response.status == ResponseStatus.SUBMITTED:
        return response
    response.draft = {**response.draft, **values}
    response.current = max(response.current, current)
    response.save(update_fields=["draft", "current"])
    return response


def accepts_answers(survey: Survey, started_at: datetime.datetime | None) -> tuple[bool, bool]:
    """(accepted, late): open now, or closed less than the grace period ago for someone who
    started before it closed."""
    now = timezone.now()
    if survey.is_open(now):
        return True, False
    if (
        survey.status == SurveyStatus.PUBLISHED
        and started_at is not None
        and started_at < survey.closes_at <= now < survey.closes_at + grace_period()
    ):
        return True, True
    return False, False


def _answer_rows(questions: list[Question], values: dict[str, Any]) -> list[Answer]:
    """The narrow answer rows of the given (visible) questions from the form values."""
    rows: list[Answer] = []
    for q in questions:
        name = f"q{q.pk}"
        if q.kind in (Kind.SINGLE, Kind.MULTIPLE):
            chosen = values.get(name) or []
            if isinstance(chosen, str):
                chosen = [chosen]
            for value in chosen:
                if value == "other":
                    rows.append(
                        Answer(question=q, other=True, text=str(values.get(f"{name}_other", "")))
                    )
                elif str(value).isdigit():
                    rows.append(Answer(question=q, option_id=int(value)))
        elif q.kind == Kind.MATRIX:
            for option in q.options.all():
                value = values.get(f"{name}_r{option.pk}")
                if value not in (None, ""):
                    rows.append(Answer(question=q, option_id=option.pk, number=int(value)))
        elif q.kind in (Kind.SCALE, Kind.NUMBER):
            value = values.get(name)
            if value not in (None, ""):
                rows.append(Answer(question=q, number=int(value)))
        elif q.kind == Kind.LIST:
            value = values.get(name)
            if value:
                rows.append(Answer(question=q, choice=str(value)[:40]))
        else:
            value = str(values.get(name) or "").strip()
            if value:
                rows.append(Answer(question=q, text=value))
    return rows


@transaction.atomic
def response_submit(
    *,
    survey: Survey,
    values: dict[str, Any],
    visible: list[Question],
    started_at: datetime.datetime | None,
    keep_informed: bool,
    user: Any = None,
    participation: Participation | None = None,
) -> Response:
    """Turn the answers into one submitted response. One per member and per confirmed
    address (unique constraints; a second submit finds the first and changes nothing).
    For an anonymous survey the response gets no user, no address and times only to the
    day; the participation row records that the person took part, not which response."""
    accepted, late = accepts_answers(survey, started_at)
    if not accepted:
        raise ValidationError(_("This survey is closed; your answers could not be taken."))
    if user is not None:
        p_lookup: dict[str, Any] = {"user": user}
    elif participation is not None:
        p_lookup = {"email": participation.email}
    else:
        p_lookup = {}
    if p_lookup:
        existing = (
            Participation.objects.select_for_update().filter(survey=survey, **p_lookup).first()
        )
        if existing is not None and existing.submitted:
            raise ValidationError(_("You have already answered this survey. Thank you!"))
    now = timezone.now()
    if survey.anonymous:
        day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
        response = Response.objects.create(
            survey=survey,
            token=new_token(),
            status=ResponseStatus.SUBMITTED,
            started_at=day,
            submitted_at=day,
            late=late,
        )
    else:
        r_lookup: dict[str, Any] = (
            {"user": user} if user is not None else {"email": participation.email}  # type: ignore[union-attr]
        )
        found = Response.objects.select_for_update().filter(survey=survey, **r_lookup).first()
        response = (
            found
            if found is not None
            else Response.objects.create(
                survey=survey, token=new_token(), started_at=started_at or now, **r_lookup
            )
        )
        if response.status == ResponseStatus.SUBMITTED:
            raise ValidationError(_("You have already answered this survey. Thank you!"))
        response.status = ResponseStatus.SUBMITTED
        response.submitted_at = now
        response.late = late
        response.draft = {}
        response.save(update_fields=["status", "submitted_at", "late", "draft"])
    rows = _answer_rows(visible, values)
    for row in rows:
        row.response = response
    Answer.objects.bulk_create(rows)
    _tally_add(survey, rows)
    if p_lookup:
        updated = Participation.objects.filter(survey=survey, **p_lookup).update(
            submitted=True, keep_informed=keep_informed, confirmed=True
        )
        if not updated:
            Participation.objects.create(
                survey=survey,
                token=new_token(),
                submitted=True,
                confirmed=True,
                keep_informed=keep_informed,
                **p_lookup,
            )
    return response


# --- results ----------------------------------------------------------------------------


@transaction.atomic
def results_publish(
    *, actor: User, survey: Survey, question_ids: list[int], publish: bool
) -> Survey:
    """Choose the questions of the public results, and publish them (or take them down)."""
    chosen = set(question_ids)
    before = sorted(survey.questions.filter(publish=True).values_list("pk", flat=True))
    survey.questions.exclude(pk__in=chosen).update(publish=False)
    survey.questions.filter(pk__in=chosen).update(publish=True)
    was = survey.results_published_at
    if publish and not chosen:
        raise ValidationError({"questions": _("Choose at least one question to publish.")})
    survey.results_published_at = (was or timezone.now()) if publish else None
    survey.save(update_fields=["results_published_at"])
    audit_record(
        actor=actor,
        action="surveys.results_publish",
        obj=survey,
        region_id=_region_id(survey),
        changes={
            "questions": [before, sorted(chosen)],
            "published": [was is not None, publish],
        },
    )
    return survey


@transaction.atomic
def answer_approve(*, actor: User, answer: Answer, approved: bool) -> Answer:
    """Approve a free-text answer for the public results (or withdraw it). The trail
    records the question and the answer's row, not who gave it (it cannot know)."""
    if answer.approved != approved:
        Answer.objects.filter(pk=answer.pk).update(approved=approved)
        answer.approved = approved
        audit_record(
            actor=actor,
            action="surveys.answer_approve" if approved else "surveys.answer_withdraw",
            obj=answer.question,
            region_id=_region_id(answer.question.survey),
            changes={"answer": [None, answer.pk]},
        )
    return answer


# --- jullie zeiden, wij deden -----------------------------------------------------------


@transaction.atomic
def finding_create(*, actor: User, survey: Survey, data: dict[str, Any]) -> Finding:
    values = dict(data)
    questions = values.pop("questions", [])
    quotes = values.pop("quotes", [])
    finding = Finding(survey=survey, position=_next_position(survey.findings.all()), **values)
    finding.full_clean()
    finding.save()
    finding.questions.set(questions)
    finding.quotes.set(quotes)
    audit_record(
        actor=actor,
        action="surveys.finding_create",
        obj=finding,
        region_id=_region_id(survey),
        changes={"statement": [None, str(finding.statement)]},
    )
    return finding


def finding_update(*, actor: User, finding: Finding, data: dict[str, Any]) -> Finding:
    return instance_update_audited(
        actor=actor,
        instance=finding,
        data=data,
        action="surveys.finding_update",
        region_id=_region_id(finding.survey),
    )


@transaction.atomic
def finding_delete(*, actor: User, finding: Finding) -> None:
    audit_record(
        actor=actor,
        action="surveys.finding_delete",
        obj=finding,
        region_id=_region_id(finding.survey),
        changes={"statement": [str(finding.statement), None]},
    )
    finding.delete()


@transaction.atomic
def point_create(*, actor: User, finding: Finding, data: dict[str, Any]) -> ActionPoint:
    point = ActionPoint(finding=finding, **data)
    point.full_clean()
    point.save()
    audit_record(
        actor=actor,
        action="surveys.point_create",
        obj=point,
        region_id=_region_id(finding.survey),
        changes={"title": [None, str(point.title)]},
    )
    notify_point_done(point)
    return point


@transaction.atomic
def point_update(*, actor: User, point: ActionPoint, data: dict[str, Any]) -> ActionPoint:
    point = instance_update_audited(
        actor=actor,
        instance=point,
        data=data,
        action="surveys.point_update",
        region_id=_region_id(point.finding.survey),
    )
    notify_point_done(point)
    return point


@transaction.atomic
def point_delete(*, actor: User, point: ActionPoint) -> None:
    audit_record(
        actor=actor,
        action="surveys.point_delete",
        obj=point,
        region_id=_region_id(point.finding.survey),
        changes={"title": [str(point.title), None]},
    )
    point.delete()


@transaction.atomic
def point_propose(*, actor: User, point: ActionPoint, challenge: Any, description: str) -> Any:
    """The action point becomes a regional action proposal in the action plan (the steering
    group decides on it there); the point then follows the proposal and its action."""
    from sterk.actionplan.services import proposal_submit

    survey = point.finding.survey
    if survey.region is None:
        raise ValidationError(
            _("Only a region's survey can propose a regional action to the steering group.")
        )
    if point.proposal_id or point.action_id:
        raise ValidationError(_("This action point is already linked to the action plan."))
    proposal = proposal_submit(
        actor=actor,
        region=survey.region,
        data={
            "challenge": challenge,
            "title": str(point.title)[:255],
            "description": description,
        },
    )
    point.proposal = proposal
    point.status = PointStatus.PROPOSED
    point.save(update_fields=["proposal", "status"])
    audit_record(
        actor=actor,
        action="surveys.point_propose",
        obj=point,
        region_id=_region_id(survey),
        changes={"proposal": [None, proposal.pk]},
    )
    return proposal


def _informed(survey: Survey) -> list[tuple[int, str]]:
    """(participation id, address) of everyone who asked to be kept informed."""
    rows = Participation.objects.filter(
        survey=survey, keep_informed=True, submitted=True
    ).values_list("pk", "email", "user__email")
    return [(pk, email or user_email) for pk, email, user_email in rows if email or user_email]


def _followup_link(survey: Survey) -> str:
    return absolute_url(f"/nl/bevragingen/{survey.slug}/opvolging/")


@transaction.atomic
def followup_publish(*, actor: User, survey: Survey, publish: bool) -> Survey:
    """Publish the follow-up page (or take it down). On the first publication everyone who
    asked to be kept informed is mailed once (the outbox key names the survey and them)."""
    if publish and not survey.findings.exists():
        raise ValidationError(_("Write at least one finding before publishing the follow-up."))
    was = survey.followup_published_at
    survey.followup_published_at = (was or timezone.now()) if publish else None
    survey.save(update_fields=["followup_published_at"])
    audit_record(
        actor=actor,
        action="surveys.followup_publish",
        obj=survey,
        region_id=_region_id(survey),
        changes={"published": [was is not None, publish]},
    )
    if publish:
        for pk, address in _informed(survey):
            outbox.enqueue(
                key=f"surveys.followup:{survey.pk}:{pk}",
                to=address,
                subject=_("What we did with the survey “%(title)s”") % {"title": survey.title},
                body=_(
                    "Hello,\n\nYou answered the survey “%(title)s” and asked to be kept "
                    "informed. What you said, and what we do about it, is now online:\n\n"
                    "%(link)s\n\nThank you for taking part.\n"
                )
                % {"title": survey.title, "link": _followup_link(survey)},
            )
    return survey


def notify_point_done(point: ActionPoint) -> bool:
    """Once an action point is done (by hand, or because its linked action, event or call
    is), mail everyone who asked to be kept informed, once: only while the follow-up is
    published; the flag and the outbox keys make a second run a no-op."""
    survey = point.finding.survey
    if (
        point.done_notified
        or survey.followup_published_at is None
        or point.effective_status != PointStatus.DONE
    ):
        return False
    for pk, address in _informed(survey):
        outbox.enqueue(
            key=f"surveys.point_done:{point.pk}:{pk}",
            to=address,
            subject=_("Done: %(title)s") % {"title": point.title},
            body=_(
                "Hello,\n\nIn answer to the survey “%(survey)s” we promised: “%(title)s”. "
                "That is now done. See what else came of it:\n\n%(link)s\n"
            )
            % {"survey": survey.title, "title": point.title, "link": _followup_link(survey)},
        )
    ActionPoint.objects.filter(pk=point.pk).update(done_notified=True)
    point.done_notified = True
    return True


def notify_done_points() -> int:
    """For the cron (`send_survey_updates`): action points whose linked item is now done."""
    points = ActionPoint.objects.filter(
        done_notified=False, finding__survey__followup_published_at__isnull=False
    ).select_related("finding__survey", "action", "proposal__action", "event", "call")
    return sum(1 for point in points if notify_point_done(point))


# --- tallies ------------------------------------------------------------------------------


def _tally_add(survey: Survey, rows: list[Answer]) -> None:
    """Count one submitted response's answer rows into the tallies (inside the submit's
    transaction, under a lock on the survey so two submits do not lose a count)."""
    from collections import Counter

    from django.db.models import F

    from .models import TEXT_KINDS, AnswerTally, QuestionTally, tally_key

    Survey.objects.select_for_update().filter(pk=survey.pk).first()
    kinds = dict(Question.objects.filter(survey=survey).values_list("pk", "kind"))
    counts: Counter[tuple[int, str]] = Counter()
    values: dict[tuple[int, str], Answer] = {}
    answered: set[int] = set()
    texts: Counter[int] = Counter()
    for row in rows:
        answered.add(row.question_id)
        if row.text and (row.other or kinds.get(row.question_id) in TEXT_KINDS):
            texts[row.question_id] += 1
        if kinds.get(row.question_id) in TEXT_KINDS:
            continue
        key = (row.question_id, tally_key(row.option_id, row.number, row.choice, row.other))
        counts[key] += 1
        values[key] = row
    if counts:
        existing = {
            (t.question_id, t.key): t
            for t in AnswerTally.objects.filter(
                question_id__in={q for q, _k in counts}, key__in={k for _q, k in counts}
            )
        }
        for key, n in counts.items():
            if key in existing:
                AnswerTally.objects.filter(pk=existing[key].pk).update(n=F("n") + n)
        AnswerTally.objects.bulk_create(
            AnswerTally(
                question_id=key[0],
                key=key[1],
                option_id=values[key].option_id,
                number=values[key].number,
                choice=values[key].choice,
                other=values[key].other,
                n=n,
            )
            for key, n in counts.items()
            if key not in existing
        )
    _cross_add(survey, rows, kinds)
    have = set(
        QuestionTally.objects.filter(question_id__in=answered).values_list("question_id", flat=True)
    )
    QuestionTally.objects.bulk_create(QuestionTally(question_id=q) for q in answered - have)
    for q in answered:
        QuestionTally.objects.filter(question_id=q).update(
            respondents=F("respondents") + 1, texts=F("texts") + texts.get(q, 0)
        )


@transaction.atomic
def tally_rebuild(*, survey: Survey, groups: bool = True) -> None:
    """Recompute a survey's tallies from its answers (GROUP BY queries); with `groups`,
    the group tallies too."""
    if groups:
        cross_rebuild(survey=survey)
    from django.db.models import Count, Q

    from .models import TEXT_KINDS, AnswerTally, QuestionTally, tally_key

    AnswerTally.objects.filter(question__survey=survey).delete()
    QuestionTally.objects.filter(question__survey=survey).delete()
    answers = Answer.objects.filter(question__survey=survey)
    AnswerTally.objects.bulk_create(
        (
            AnswerTally(
                question_id=row["question_id"],
                key=tally_key(row["option_id"], row["number"], row["choice"], row["other"]),
                option_id=row["option_id"],
                number=row["number"],
                choice=row["choice"],
                other=row["other"],
                n=row["n"],
            )
            for row in answers.exclude(question__kind__in=TEXT_KINDS)
            .values("question_id", "option_id", "number", "choice", "other")
            .annotate(n=Count("id"))
            .order_by()
        ),
        batch_size=1000,
    )
    QuestionTally.objects.bulk_create(
        QuestionTally(question_id=row["question_id"], respondents=row["r"], texts=row["t"])
        for row in answers.values("question_id")
        .annotate(
            r=Count("response_id", distinct=True),
            t=Count(
                "id",
                filter=(Q(other=True) | Q(question__kind__in=TEXT_KINDS)) & ~Q(text=""),
            ),
        )
        .order_by()
    )


CHUNK = 500


def _cross_add(survey: Survey, rows: list[Answer], kinds: dict[int, str]) -> None:
    """Count one response into the group tallies: every (group it belongs to) x (value it
    gave, or question it answered) pair gets n + 1 in one UPDATE per chunk; missing pairs
    are created. Runs under the survey lock taken by `_tally_add`."""
    from django.db.models import F

    from .models import CHOICE_KINDS, TEXT_KINDS, CrossTally, cross_pair, group_key_of, tally_key

    dims = sorted(
        {
            (r.question_id, group_key_of(r.option_id, r.choice, r.other))
            for r in rows
            if kinds.get(r.question_id) in CHOICE_KINDS
        }
    )
    if not dims:
        return
    values: dict[str, Answer | None] = {}
    for r in rows:
        values[f"{r.question_id}|a"] = None
        if kinds.get(r.question_id) not in TEXT_KINDS:
            values[f"{r.question_id}|{tally_key(r.option_id, r.number, r.choice, r.other)}"] = r
    wanted: dict[str, tuple[int, str, str, Answer | None]] = {}
    for gq, gk in dims:
        for qkey, row in values.items():
            qid, key = qkey.split("|", 1)
            wanted[cross_pair(gq, gk, int(qid), key)] = (gq, gk, qkey, row)
    pairs = list(wanted)
    existing: set[str] = set()
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start : start + CHUNK]
        existing.update(CrossTally.objects.filter(pair__in=chunk).values_list("pair", flat=True))
        CrossTally.objects.filter(pair__in=chunk).update(n=F("n") + 1)
    new = []
    for pair, (gq, gk, qkey, row) in wanted.items():
        if pair in existing:
            continue
        new.append(
            CrossTally(
                survey=survey,
                pair=pair,
                group_question_id=gq,
                group_key=gk,
                question_id=int(qkey.split("|", 1)[0]),
                answered=row is None,
                option_id=row.option_id if row is not None else None,
                number=row.number if row is not None else None,
                choice=row.choice if row is not None else "",
                other=row.other if row is not None else False,
                n=1,
            )
        )
    CrossTally.objects.bulk_create(new, batch_size=CHUNK)


def cross_rebuild(*, survey: Survey) -> None:
    """Recompute a survey's group tallies from its answers: two GROUP BY queries over the
    answers joined with the answers of the same response."""
    from django.db import connection

    from .models import CrossTally, cross_pair, tally_key

    CrossTally.objects.filter(survey=survey).delete()
    group = (
        "CASE WHEN g.other THEN 'other' WHEN g.option_id IS NOT NULL "
        "THEN CAST(g.option_id AS TEXT) ELSE g.choice END"
    )
    base = (
        " FROM surveys_answer g JOIN surveys_answer a ON a.response_id = g.response_id"
        " JOIN surveys_question gq ON gq.id = g.question_id"
        " JOIN surveys_question aq ON aq.id = a.question_id"
        " WHERE gq.survey_id = %s AND gq.kind IN ('single', 'multiple', 'list')"
    )
    rows: list[CrossTally] = []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT g.question_id, {group}, a.question_id, a.option_id, a.number, a.choice,"
            f" a.other, COUNT(*){base} AND aq.kind NOT IN ('short_text', 'long_text')"
            f" GROUP BY g.question_id, {group}, a.question_id, a.option_id, a.number,"
            " a.choice, a.other",
            [survey.pk],
        )
        for gq, gk, qid, option_id, number, choice, other, n in cursor.fetchall():
            key = tally_key(option_id, number, choice, bool(other))
            rows.append(
                CrossTally(
                    survey=survey,
                    pair=cross_pair(gq, str(gk), qid, key),
                    group_question_id=gq,
                    group_key=str(gk),
                    question_id=qid,
                    option_id=option_id,
                    number=number,
                    choice=choice,
                    other=bool(other),
                    n=n,
                )
            )
        cursor.execute(
            f"SELECT g.question_id, {group}, a.question_id, COUNT(DISTINCT a.response_id){base}"
            f" GROUP BY g.question_id, {group}, a.question_id",
            [survey.pk],
        )
        for gq, gk, qid, n in cursor.fetchall():
            rows.append(
                CrossTally(
                    survey=survey,
                    pair=cross_pair(gq, str(gk), qid, "a"),
                    group_question_id=gq,
                    group_key=str(gk),
                    question_id=qid,
                    answered=True,
                    n=n,
                )
            )
    CrossTally.objects.bulk_create(rows, batch_size=CHUNK)
