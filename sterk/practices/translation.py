from modeltranslation.translator import TranslationOptions, register

from .models import Call, Practice


@register(Practice)
class PracticeTranslation(TranslationOptions):
    # What members submit is stored in the Dutch columns whatever its language (the
    # practice's `language` says which it is); editors add translations.
    fields = ("title", "summary", "story")


@register(Call)
class CallTranslation(TranslationOptions):
    fields = (
        "title",
        "question",
        "audience",
        "theme",
        "consent_publish_text",
        "consent_anonymous_text",
    )
