from django.urls import path

from . import views_manage as views

urlpatterns = [
    path("", views.edition_list, name="edition_list"),
    path("nieuw/", views.edition_create, name="edition_create"),
    path("<int:pk>/", views.edition_detail, name="edition_detail"),
    path("<int:pk>/voortgang/", views.edition_progress, name="edition_progress"),
    path("<int:pk>/blok/nieuw/", views.block_create, name="block_create"),
    path("<int:pk>/blok/<int:bpk>/", views.block_edit, name="block_edit"),
    path("<int:pk>/blok/<int:bpk>/verwijderen/", views.block_delete, name="block_delete"),
    path("<int:pk>/blok/<int:bpk>/verplaatsen/", views.block_move, name="block_move"),
    path("<int:pk>/voorbeeld/<str:language>/", views.preview, name="preview"),
    path("<int:pk>/voorbeeld/<str:language>/mail/", views.preview_mail, name="preview_mail"),
    path("<int:pk>/test/", views.test_send, name="test_send"),
    path("<int:pk>/verzenden/", views.send, name="send"),
    path("<int:pk>/pauzeren/", views.pause, name="pause"),
    path("<int:pk>/hervatten/", views.resume, name="resume"),
    path("<int:pk>/annuleren/", views.cancel, name="cancel"),
    path("<int:pk>/ontvangers/", views.recipients, name="recipients"),
    path("abonnees/", views.subscriber_list, name="subscriber_list"),
    path("abonnees/<int:pk>/", views.subscriber_detail, name="subscriber_detail"),
]
