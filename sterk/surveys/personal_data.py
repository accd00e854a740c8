"""The survey area's part of a person's data: their identified responses (with every
answer), drafts, and their participations (that they took part, and whether they asked
to be kept informed). Anonymous responses hold nothing about anyone and are not part of
it; erasing deletes the person's identified responses and participations."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from sterk.core.personal_data import ERASED, DataSubject, Provider, address_q, register

from .models import Participation, Response, Survey


def _responses(subject: DataSubject) -> Any:
    return Response.objects.filter(
        Q(user=subject.user) | address_q("email", subject.emails)
    ).select_related("survey")


def _participations(subject: DataSubject) -> Any:
    return Participation.objects.filter(
        Q(user=subject.user) | address_q("email", subject.emails)
    ).select_related("survey")


def export(subject: DataSubject) -> dict[str, Any]:
    responses = []
    for r in _responses(subject).prefetch_related("answers__question", "answers__option"):
        responses.append(
            {
                "survey": r.survey.title_nl,  # type: ignore[attr-defined]
                "status": r.status,
                "email": r.email,
                "started_at": r.started_at,
                "submitted_at": r.submitted_at,
                "answers_so_far": r.draft,
                "answers": [
                    {
                        "question": a.question.text_nl,  # type: ignore[attr-defined]
                        "option": a.option.label_nl if a.option else None,  # type: ignore[attr-defined]
                        "number": a.number,
                        "choice": a.choice,
                        "other": a.other,
                        "text": a.text,
                    }
                    for a in r.answers.all()
                ],
            }
        )
    return {
        "surveys_as_contact_person": [
            {"survey": s.title_nl, "contact_name": s.contact_name, "contact_email": s.contact_email}  # type: ignore[attr-defined]
            for s in Survey.objects.filter(address_q("contact_email", subject.emails))
        ],
        "survey_responses": responses,
        "survey_participations": [
            {
                "survey": p.survey.title_nl,  # type: ignore[attr-defined]
                "email": p.email,
                "answered": p.submitted,
                "keep_informed": p.keep_informed,
                "day": p.day,
            }
            for p in _participations(subject)
        ],
    }


def erase(subject: DataSubject, *, actor: Any = None) -> None:
    from .services import tally_rebuild

    surveys = list(Survey.objects.filter(pk__in=_responses(subject).values("survey_id")))
    _responses(subject).delete()
    for survey in surveys:  # the counts no longer include the erased answers
        tally_rebuild(survey=survey)
    _participations(subject).delete()
    Survey.objects.filter(address_q("contact_email", subject.emails)).update(
        contact_name=ERASED, contact_email=""
    )


def register_provider() -> None:
    register(
        Provider(
            key="surveys",
            export=export,
            erase=erase,
            covers={
                "surveys.Response": ("user", "email", "draft"),
                "surveys.Answer": ("text",),
                "surveys.Participation": ("user", "email"),
                "surveys.Survey": ("contact_name", "contact_email"),
            },
            order=40,
        )
    )
