from django.urls import path

from . import views

app_name = "practices"

urlpatterns = [
    path("praktijken/", views.library, name="library"),
    path("praktijken/delen/", views.practice_create, name="practice_create"),
    path("praktijken/mijn/", views.my_practices, name="my_practices"),
    path("praktijken/mijn/<int:pk>/", views.my_practice, name="my_practice"),
    path("praktijken/<slug:slug>/", views.practice_detail, name="practice_detail"),
    path("oproepen/<slug:slug>/", views.call_detail, name="call_detail"),
    path("oproepen/<slug:slug>/verstuurd/", views.call_thanks, name="call_thanks"),
    path("oproepen/<slug:slug>/bevestigen/<str:token>/", views.call_confirm, name="call_confirm"),
]
