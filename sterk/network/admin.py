from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import ContactRequest, Membership, Organisation, Region, RoleAssignment, SubRegion


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ("name", "slug", "order")


@admin.register(SubRegion)
class SubRegionAdmin(TranslationAdmin):
    list_display = ("name", "region")


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ("name", "type", "is_stakeholder", "is_approved")
    search_fields = ("name",)


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "region", "organisation")


admin.site.register(Membership)
admin.site.register(ContactRequest)
