from django.urls import path

app_name = "practices_manage"

urlpatterns: list = []
