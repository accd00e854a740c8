"""The language of translated content as shown on a page (WCAG 3.1.2, language of parts).

Content translated with django-modeltranslation falls back to the Dutch columns when the
reader's language has no text. Such text must be marked with its own language
(`lang="nl"`), and a whole untranslated text says so in the reader's language. This module
reads the `<field>_<lang>` attributes directly: no query, whatever the page.

A model whose default-language columns may hold text in another language (a practice is
stored as submitted) says which with an `original_language` attribute.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext

from sterk.core.markdown import render_markdown

# The visible note in the reader's language, per language of the text shown.
_NOTES = {
    "nl": lambda: gettext("(in Dutch)"),
    "fr": lambda: gettext("(in French)"),
    "en": lambda: gettext("(in English)"),
}


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def text_and_language(obj: object, field: str) -> tuple[str, str | None]:
    """The value of `field` shown in the current language and the language it is in
    (None when the field is not translated: it is then in the page's language)."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    current = current_language()
    if not hasattr(obj, f"{field}_{default}"):
        return getattr(obj, field, "") or "", None
    original = getattr(obj, "original_language", None) or default
    value = getattr(obj, f"{field}_{current}", None)
    if value:
        return value, (original if current == default else current)
    for code in settings.MODELTRANSLATION_FALLBACK_LANGUAGES:
        value = getattr(obj, f"{field}_{code}", None)
        if value:
            return value, (original if code == default else code)
    return "", None


def fell_back(obj: object, field: str) -> bool:
    """True when the field's text is not in the reader's language."""
    value, language = text_and_language(obj, field)
    return bool(value) and language is not None and language != current_language()


def language_note(language: str) -> str:
    note = _NOTES.get(language)
    return note() if note else f"({language})"


def render_field(
    obj: object,
    field: str,
    *,
    words: int | None = None,
    chars: int | None = None,
    markdown: bool = False,
    css_class: str = "",
    note: bool | None = None,
) -> SafeString:
    """The field's text as HTML, marked with its language when that is not the page's.

    Inline text becomes `<span lang="nl">…</span>`. Markdown becomes a `<div>` (with
    `css_class`), with `lang` and, before it, the note "(in Dutch)" in the reader's
    language (`note` forces or suppresses the note).
    """
    value, language = text_and_language(obj, field)
    current = current_language()
    foreign = bool(value) and language is not None and language != current
    if markdown:
        html = render_markdown(value) if value else mark_safe("")
        class_attr = format_html(' class="{}"', css_class) if css_class else ""
        lang_attr = format_html(' lang="{}"', language) if foreign else ""
        block = format_html("<div{}{}>{}</div>", class_attr, lang_attr, html)
        if foreign and note is not False:
            return format_html(
                '<p class="meta lang-note">{}</p>{}', language_note(language or "nl"), block
            )
        return block
    if words:
        value = Truncator(value).words(words)
    elif chars:
        value = Truncator(value).chars(chars)
    if not foreign:
        return conditional_escape(value)
    if note:
        return format_html(
            '<span lang="{}">{}</span> <span class="meta lang-note">{}</span>',
            language,
            value,
            language_note(language or "nl"),
        )
    return format_html('<span lang="{}">{}</span>', language, value)


# --- choice labels (filters): <option lang="nl"> ------------------------------------------

# The field that names an object in a list of choices, in order of preference.
NAME_FIELDS = ("title", "name", "label")


def fallback_language(obj: object, fields: tuple[str, ...] = NAME_FIELDS) -> str | None:
    """The language of the object's name when it is not the page's, else None."""
    for name in fields:
        if hasattr(obj, f"{name}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"):
            value, language = text_and_language(obj, name)
            if value and language and language != current_language():
                return language
            return None
    return None


class LanguageLabel(str):
    """A choice label that knows its language (`lang` None: the page's language)."""

    lang: str | None = None


def language_label(obj: object, text: str | None = None) -> LanguageLabel:
    """The label of a choice (the object's name, or `text`), with the language it is in."""
    label = LanguageLabel(text if text is not None else str(obj))
    label.lang = fallback_language(obj)
    return label


class LanguageMarkedSelect(forms.Select):
    """A select whose options carry `lang` when their label is in another language."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        lang = getattr(option["label"], "lang", None)
        if lang:
            option["attrs"] = {**option["attrs"], "lang": lang}
        return option


class LanguageModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose options say their language when it falls back."""

    widget = LanguageMarkedSelect

    def label_from_instance(self, obj: Any) -> str:
        return language_label(obj, super().label_from_instance(obj))


def mark_choice_languages(form: Any) -> None:
    """Let every model choice of the form say its language when its name falls back to
    Dutch: a <select> gets `<option lang="nl">`, a checkbox list a `lang` on the label's
    text (core/_field.html). No query: the names are read from the objects listed."""
    for field in form.fields.values():
        if not isinstance(field, forms.ModelChoiceField) or isinstance(
            field, LanguageModelChoiceField
        ):
            continue
        if getattr(field, "_marks_language", False):
            continue
        plain_label = field.label_from_instance

        def label_from_instance(obj: Any, plain_label: Any = plain_label) -> LanguageLabel:
            return language_label(obj, plain_label(obj))

        field.label_from_instance = label_from_instance  # type: ignore[method-assign]
        field._marks_language = True  # type: ignore[attr-defined]
        if type(field.widget) is forms.Select:
            widget = LanguageMarkedSelect(attrs=field.widget.attrs)
            widget.choices = field.choices  # type: ignore[assignment]
            widget.is_required = field.widget.is_required
            field.widget = widget


def marked_message(message: str, **parts: tuple[object, str]) -> SafeString:
    """A translated message with %(name)s placeholders, each filled with a translated field
    of an object (`name=(obj, "title")`) marked with its language: for a heading (the plain
    text, without markup, goes in <title>)."""
    values = {name: render_field(obj, field) for name, (obj, field) in parts.items()}
    return mark_safe(conditional_escape(message) % values)  # noqa: S308 - message escaped, values from render_field
