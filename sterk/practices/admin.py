from django.contrib import admin

from .models import Call, Practice


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    """Read-only: practices change through the services (moderation in /beheer/)."""

    list_display = ["title", "status", "region", "published_at"]
    list_filter = ["status", "language"]
    search_fields = ["title_nl", "summary_nl"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "opens_on", "closes_on"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
