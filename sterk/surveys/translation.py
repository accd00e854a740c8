from modeltranslation.translator import TranslationOptions, register

from .models import ActionPoint, Finding, Option, Question, Section, Survey


@register(Survey)
class SurveyTranslation(TranslationOptions):
    fields = ("title", "intro", "consent_text", "purpose")


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "intro")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "help", "label_low", "label_high")


@register(Option)
class OptionTranslation(TranslationOptions):
    fields = ("label",)


@register(Finding)
class FindingTranslation(TranslationOptions):
    fields = ("statement",)


@register(ActionPoint)
class ActionPointTranslation(TranslationOptions):
    fields = ("title", "description")
