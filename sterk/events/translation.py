from modeltranslation.translator import TranslationOptions, register

from .models import Event, Question, Series, Session


@register(Series)
class SeriesTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "audience_note", "report")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("label", "choices")
