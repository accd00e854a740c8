"""The URLs of the composed pages.

They keep the paths and the URL names they had before this app existed (links are shared,
and `{% url 'identity:home' %}` is used by every app's breadcrumbs): `config/urls.py`
mounts each list below in the namespace of the app whose page it was, in front of that
app's own patterns. A new composed page goes into the list of the namespace it belongs to.
"""

from django.urls import URLPattern, path

from . import views

# Mounted at "" in the `identity` namespace.
identity_patterns: list[URLPattern] = [
    path("", views.home, name="home"),
    path("over/krachtlijnen/<slug:slug>/", views.krachtlijn_detail, name="krachtlijn_detail"),
]

# Mounted at "" in the `network` namespace.
network_patterns: list[URLPattern] = [
    path("regio/<slug:slug>/", views.region_detail, name="region_detail"),
    path("stuurgroep/", views.steering_group, name="steering_group"),
    path("stakeholders/", views.stakeholders, name="stakeholders"),
]

# Mounted at "actieplan/" in the `actionplan` namespace.
actionplan_patterns: list[URLPattern] = [
    path("uitdagingen/<slug:slug>/", views.challenge_detail, name="challenge_detail"),
    path("acties/<slug:slug>/", views.action_detail, name="action_detail"),
]

# Mounted at "mijn/" in the `accounts` namespace.
accounts_patterns: list[URLPattern] = [
    path("", views.my_page, name="my_page"),
]
