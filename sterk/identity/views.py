"""identity's own pages: /over/ and the functions. The home page and the krachtlijn pages
compose several apps and live in sterk.site."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from sterk.network import selectors as network_selectors

from . import selectors
from .models import Function


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


def function_detail(request: HttpRequest, slug: str) -> HttpResponse:
    function = get_object_or_404(Function, slug=slug)
    return render(
        request,
        "identity/item_detail.html",
        {"item": function, "siblings": selectors.functions(), "kind": "function"},
    )
