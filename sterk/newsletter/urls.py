from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("nieuwsbrief/", views.archive, name="archive"),
    path("nieuwsbrief/inschrijven/", views.signup, name="signup"),
    path("nieuwsbrief/inschrijven/bedankt/", views.signup_thanks, name="signup_thanks"),
    path("nieuwsbrief/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("nieuwsbrief/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("nieuwsbrief/voorkeuren/<str:token>/", views.preferences, name="preferences"),
    path("nieuwsbrief/mijn/", views.member, name="member"),
    path("nieuwsbrief/<slug:slug>/", views.edition_detail, name="edition_detail"),
]
