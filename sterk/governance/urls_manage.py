"""The governance's workflow pages, mounted under /beheer/ in sterk/manage/urls.py."""

from django.urls import path

from . import views_manage as views

urlpatterns = [
    path("stakeholders/", views.register, name="register"),
    path("stakeholders/<int:pk>/", views.register_entry, name="register_entry"),
    path("vergaderingen/", views.meeting_list, name="meeting_list"),
    path("vergaderingen/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("vergaderingen/<int:pk>/uitnodigen/", views.meeting_invite, name="meeting_invite"),
    path(
        "vergaderingen/<int:pk>/uitnodigingen-versturen/",
        views.meeting_send_invitations,
        name="meeting_send_invitations",
    ),
    path(
        "vergaderingen/<int:pk>/aanwezigheid/", views.meeting_attendance, name="meeting_attendance"
    ),
    path("vergaderingen/<int:pk>/verslag/", views.meeting_minutes, name="meeting_minutes"),
    path(
        "vergaderingen/<int:pk>/verslag-versturen/",
        views.meeting_send_minutes,
        name="meeting_send_minutes",
    ),
    path(
        "vergaderingen/<int:pk>/verslag-goedkeuren/",
        views.meeting_approve_previous,
        name="meeting_approve_previous",
    ),
    path("vergaderingen/<int:pk>/publiceren/", views.meeting_publish, name="meeting_publish"),
    path("vergaderingen/<int:pk>/beslissing/", views.meeting_decision, name="meeting_decision"),
    path("vergaderingen/<int:pk>/opvolging/", views.meeting_follow_up, name="meeting_follow_up"),
    path(
        "vergaderingen/<int:pk>/opvolging/<int:follow_up_pk>/afsluiten/",
        views.follow_up_close,
        name="follow_up_close",
    ),
    path("koers/", views.course_watch, name="course_watch"),
]
