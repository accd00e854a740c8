"""The public pages of the governance: the dialogue with policy and the published minutes
of the stakeholder meetings."""

from django.urls import path

from . import views

app_name = "governance"

urlpatterns = [
    path("beleid/", views.policy_list, name="policy_list"),
    path("beleid/<slug:slug>/", views.policy_detail, name="policy_detail"),
    path("stakeholders/vergaderingen/<int:pk>/", views.meeting_minutes, name="meeting_minutes"),
]
