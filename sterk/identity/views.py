from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from sterk.actionplan import selectors as actionplan_selectors
from sterk.events.selectors import upcoming_for_krachtlijn
from sterk.network import selectors as network_selectors
from sterk.practices.selectors import practices_for_krachtlijn

from . import selectors
from .models import Function, Krachtlijn


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "identity/home.html",
        {
            "mission": selectors.page_or_none("missie"),
            "krachtlijnen": selectors.krachtlijnen(),
            "functions": selectors.functions(),
            "regions": network_selectors.regions_with_counts(),
            "plan_teaser": actionplan_selectors.home_teaser(),
        },
    )


def about(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "identity/about.html",
        {
            "mission": selectors.page_or_none("missie"),
            "organisation": selectors.page_or_none("organisatie"),
            "krachtlijnen": selectors.krachtlijnen(),
            "functions": selectors.functions(),
            "regions": network_selectors.regions_with_counts(),
        },
    )


def krachtlijn_detail(request: HttpRequest, slug: str) -> HttpResponse:
    krachtlijn = get_object_or_404(Krachtlijn, slug=slug)
    return render(
        request,
        "identity/item_detail.html",
        {
            "item": krachtlijn,
            "siblings": selectors.krachtlijnen(),
            "kind": "krachtlijn",
            "plan_actions": actionplan_selectors.actions_for_krachtlijn(krachtlijn),
            "upcoming_events": upcoming_for_krachtlijn(krachtlijn, request.user),
            "practices": practices_for_krachtlijn(krachtlijn),
        },
    )


def function_detail(request: HttpRequest, slug: str) -> HttpResponse:
    function = get_object_or_404(Function, slug=slug)
    return render(
        request,
        "identity/item_detail.html",
        {"item": function, "siblings": selectors.functions(), "kind": "function"},
    )
