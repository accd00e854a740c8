from django.urls import path

app_name = "practices"

urlpatterns: list = []
