from django.urls import path

from . import views_manage as views

urlpatterns = [
    path("", views.queue, name="queue"),
    path("<int:pk>/", views.practice_detail, name="practice_detail"),
    path("<int:pk>/bewerken/", views.practice_edit, name="practice_edit"),
    path("oproepen/", views.call_list, name="call_list"),
    path("oproepen/<int:pk>/", views.call_detail, name="call_detail"),
    path("oproepen/<int:pk>/export.<str:fmt>", views.call_export, name="call_export"),
]
