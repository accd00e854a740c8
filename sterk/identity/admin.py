from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Function, Krachtlijn, Page


@admin.register(Krachtlijn, Function)
class IdentityItemAdmin(TranslationAdmin):
    list_display = ("number", "title", "slug")


@admin.register(Page)
class PageAdmin(TranslationAdmin):
    list_display = ("slug", "title")
