from django.urls import path

from . import views

app_name = "network"

# The region page, the steering group and the stakeholders (same namespace) compose other
# apps: sterk.site.urls.

urlpatterns = [
    path("regio/", views.region_list, name="region_list"),
    path("regio/<slug:slug>/aansluiten/", views.region_join, name="region_join"),
    path("regio/<slug:slug>/verlaten/", views.region_leave, name="region_leave"),
    path("leden/", views.member_directory, name="member_directory"),
    path("contact/", views.contact, name="contact"),
    path("contact/bedankt/", views.contact_thanks, name="contact_thanks"),
]
