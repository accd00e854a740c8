from modeltranslation.translator import TranslationOptions, register

from .models import Organisation, Region, RegionPriority, RoleAssignment, SubRegion


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name", "tagline", "description")


@register(SubRegion)
class SubRegionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(RegionPriority)
class RegionPriorityTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("description", "themes")


@register(RoleAssignment)
class RoleAssignmentTranslation(TranslationOptions):
    fields = ("capacity",)
