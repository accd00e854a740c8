"""The audit trail in the reader's language: field names as the model's verbose names,
stored choice values as their labels, action codes ("event.created") as words.

Entries store the model label (`object_type`), raw field names and JSON values; anything
that cannot be resolved (a removed model or field) is shown as stored.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext

# Verbs of the action codes, in the words of the trail ("Event: created").
_VERBS = {
    "created": lambda: pgettext("audit", "created"),
    "updated": lambda: pgettext("audit", "changed"),
    "changed": lambda: pgettext("audit", "changed"),
    "deleted": lambda: pgettext("audit", "deleted"),
    "approved": lambda: pgettext("audit", "approved"),
    "proposed": lambda: pgettext("audit", "proposed"),
    "submitted": lambda: pgettext("audit", "submitted"),
    "resubmitted": lambda: pgettext("audit", "submitted again"),
    "recorded": lambda: pgettext("audit", "recorded"),
    "assigned": lambda: pgettext("audit", "assigned"),
    "revoked": lambda: pgettext("audit", "revoked"),
    "cancelled": lambda: pgettext("audit", "cancelled"),
    "checked_in": lambda: pgettext("audit", "checked in"),
    "exported": lambda: pgettext("audit", "exported"),
    "imported": lambda: pgettext("audit", "imported"),
    "withdrawn": lambda: pgettext("audit", "withdrawn"),
    "message_sent": lambda: pgettext("audit", "message sent"),
    "reported": lambda: pgettext("audit", "report added"),
    "snapshot_taken": lambda: pgettext("audit", "snapshot taken"),
    "published": lambda: pgettext("audit", "published"),
    "declined": lambda: pgettext("audit", "declined"),
    "sent": lambda: pgettext("audit", "sent"),
    "test_sent": lambda: pgettext("audit", "test sent"),
    "paused": lambda: pgettext("audit", "paused"),
    "resumed": lambda: pgettext("audit", "resumed"),
}
# Subjects of action codes that are not a model name.
_SUBJECTS = {
    "members": lambda: gettext("Members"),
    "proposal": lambda: gettext("Proposal"),
    "progress": lambda: gettext("Progress"),
}


def _model(object_type: str) -> type[models.Model] | None:
    if "." not in object_type:
        return None
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def _subject_model(subject: str, model: type[models.Model] | None) -> type[models.Model] | None:
    name = subject.replace("_", "")
    if model is not None and model._meta.model_name == name:
        return model
    candidates = [m for m in apps.get_models() if m._meta.model_name == name]
    if model is not None:
        same_app = [m for m in candidates if m._meta.app_label == model._meta.app_label]
        candidates = same_app or candidates
    return candidates[0] if candidates else None


def action_label(action: str, object_type: str = "") -> str:
    """ "event.created" -> "Event: created" in the active language; unknown codes as stored."""
    subject, _, verb = action.partition(".")
    verb_label = _VERBS.get(verb)
    if verb_label is None:
        return action
    if subject in _SUBJECTS:
        return f"{_SUBJECTS[subject]()}: {verb_label()}"
    model = _subject_model(subject, _model(object_type))
    if model is None:
        return action
    return f"{capfirst(model._meta.verbose_name)}: {verb_label()}"


def object_type_label(object_type: str) -> str:
    model = _model(object_type)
    return str(capfirst(model._meta.verbose_name)) if model is not None else object_type


def _field(model: type[models.Model] | None, name: str) -> tuple[Any, str]:
    """The model field for a stored name and the language suffix of a translated column."""
    if model is None:
        return None, ""
    base, _, language = name.rpartition("_")
    if base and language in dict(settings.LANGUAGES):
        # A modeltranslation column ("tagline_nl"): the field's own name and the language.
        try:
            return model._meta.get_field(base), language
        except FieldDoesNotExist:
            pass
    try:
        return model._meta.get_field(name), ""
    except FieldDoesNotExist:
        return None, ""


# Keys of changes that are not model fields.
_KEYS = {
    "rows": lambda: gettext("rows"),
    "format": lambda: gettext("format"),
    "subject": lambda: gettext("subject"),
}


def field_label(model: type[models.Model] | None, name: str) -> str:
    field, language = _field(model, name)
    if field is None or not hasattr(field, "verbose_name"):
        return capfirst(_KEYS[name]()) if name in _KEYS else name
    label = capfirst(str(field.verbose_name))
    return f"{label} ({language.upper()})" if language else label


def _item_label(choices: dict[Any, Any], item: Any) -> str:
    """One item of a list value: its choice label, or, for a record (a link, an answer:
    a dict or a list), its values."""
    if isinstance(item, dict):
        return " – ".join(str(v) for v in item.values() if v not in (None, ""))
    if isinstance(item, list):
        return " – ".join(str(v) for v in item if v not in (None, ""))
    return str(choices.get(item, item))


def value_label(model: type[models.Model] | None, name: str, value: Any) -> Any:
    if value is None or value == "":
        return value
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    field, _language = _field(model, name)
    choices = dict(getattr(field, "flatchoices", None) or []) if field is not None else {}
    if isinstance(value, list):
        return ", ".join(_item_label(choices, v) for v in value)
    if choices:
        return choices.get(value, value)
    return value


def change_rows(entry: Any) -> list[tuple[str, Any, Any, bool]]:
    """(field label, before, after, is_pair) of an entry's changes, in the reader's words;
    a plain value (e.g. the number of imported rows) has no before."""
    changes = entry.changes
    rows: list[tuple[str, Any, Any, bool]] = []
    if not isinstance(changes, dict):
        return rows
    model = _model(entry.object_type)
    for name, value in changes.items():
        label = field_label(model, name)
        if isinstance(value, list) and len(value) == 2:
            before, after = (value_label(model, name, v) for v in value)
            rows.append((label, before, after, True))
        else:
            rows.append((label, None, value_label(model, name, value), False))
    return rows
