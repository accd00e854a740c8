from modeltranslation.translator import TranslationOptions, register

from .models import Block, Edition


@register(Edition)
class EditionTranslation(TranslationOptions):
    fields = ("title", "intro")


@register(Block)
class BlockTranslation(TranslationOptions):
    fields = ("heading", "text")
