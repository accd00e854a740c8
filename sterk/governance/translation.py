from modeltranslation.translator import TranslationOptions, register

from .models import Body


@register(Body)
class BodyTranslation(TranslationOptions):
    fields = ("title", "description")
