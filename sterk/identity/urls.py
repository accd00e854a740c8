from django.urls import path

from . import views

app_name = "identity"

urlpatterns = [
    path("", views.home, name="home"),
    path("over/", views.about, name="about"),
    path("over/krachtlijnen/<slug:slug>/", views.krachtlijn_detail, name="krachtlijn_detail"),
    path("over/functies/<slug:slug>/", views.function_detail, name="function_detail"),
]
