from django.urls import path

from . import views

app_name = "identity"

# The home page and the krachtlijn pages (same namespace) are in sterk.site.urls.

urlpatterns = [
    path("over/", views.about, name="about"),
    path("over/functies/<slug:slug>/", views.function_detail, name="function_detail"),
]
