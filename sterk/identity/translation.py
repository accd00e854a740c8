from modeltranslation.translator import TranslationOptions, register

from .models import Function, Krachtlijn, Page


@register(Krachtlijn)
class KrachtlijnTranslation(TranslationOptions):
    fields = ("title", "summary", "body")


@register(Function)
class FunctionTranslation(TranslationOptions):
    fields = ("title", "summary", "body")


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "lead", "body")
