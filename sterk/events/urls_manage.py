from django.urls import path

app_name = "events_manage"

urlpatterns: list = []
