from modeltranslation.translator import TranslationOptions, register

from .models import (
    Action,
    Challenge,
    Evaluation,
    EvaluationConclusion,
    FirstPriority,
    Initiative,
    Plan,
    Spearhead,
    SpearheadActivity,
)


@register(Plan)
class PlanTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Challenge)
class ChallengeTranslation(TranslationOptions):
    fields = ("title", "summary", "description")


@register(Action)
class ActionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Initiative)
class InitiativeTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Spearhead)
class SpearheadTranslation(TranslationOptions):
    fields = ("title", "summary", "description")


@register(SpearheadActivity)
class SpearheadActivityTranslation(TranslationOptions):
    fields = ("title", "description", "timing")


@register(FirstPriority)
class FirstPriorityTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Evaluation)
class EvaluationTranslation(TranslationOptions):
    fields = ("title", "description")


@register(EvaluationConclusion)
class EvaluationConclusionTranslation(TranslationOptions):
    fields = ("text",)
