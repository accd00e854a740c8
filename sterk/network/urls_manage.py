from django.urls import path

from . import views_manage as views

app_name = "manage"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("contact/", views.contact_inbox, name="contact_inbox"),
    path("contact/<int:pk>/", views.contact_detail, name="contact_detail"),
]
