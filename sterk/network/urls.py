from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("regio/", views.region_list, name="region_list"),
    path("regio/<slug:slug>/", views.region_detail, name="region_detail"),
    path("regio/<slug:slug>/aansluiten/", views.region_join, name="region_join"),
    path("regio/<slug:slug>/verlaten/", views.region_leave, name="region_leave"),
    path("leden/", views.member_directory, name="member_directory"),
    path("stuurgroep/", views.steering_group, name="steering_group"),
    path("stakeholders/", views.stakeholders, name="stakeholders"),
    path("contact/", views.contact, name="contact"),
    path("contact/bedankt/", views.contact_thanks, name="contact_thanks"),
]
