from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sterk.core.fields import fit_to_field
from sterk.core.once import once_per_token
from sterk.core.ratelimit import client_ip, rate_limited

from . import selectors, services
from .forms import ContactForm, JoinForm
from .models import ContactRequest, ContactTopic, Region

PENDING_JOIN_SESSION_KEY = "sterk_pending_join"


def region_list(request: HttpRequest) -> HttpResponse:
    return render(request, "network/region_list.html", {"regions": selectors.regions_with_counts()})


def region_join(request: HttpRequest, slug: str) -> HttpResponse:
    """GET asks to confirm (and a visitor is sent through sign-up first); POST joins."""
    region = get_object_or_404(Region, slug=slug)
    if not request.user.is_authenticated:
        # Remembered through sign-up or log-in: the account is joined as soon as it exists.
        request.session[PENDING_JOIN_SESSION_KEY] = region.pk
        messages.info(
            request,
            _("Create an account or log in to join %(region)s.") % {"region": region.name},
        )
        return redirect_to_login(request.get_full_path(), login_url=reverse("account_signup"))
    if request.method == "GET" and selectors.membership_of(request.user, region):
        # Already joined (e.g. at sign-up after clicking "join"): nothing left to confirm.
        return redirect(region.get_absolute_url())
    form = JoinForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_join(
                user=request.user, region=region, subregion=form.cleaned_data.get("subregion")
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Welcome! You are now a member of %(region)s.") % {"region": region.name}
            )
            return redirect(region.get_absolute_url())
    return render(request, "network/region_join.html", {"region": region, "form": form})


@require_POST
def region_leave(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Region, slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(region.get_absolute_url())
    if services.membership_leave(user=request.user, region=region):
        messages.success(request, _("You left %(region)s.") % {"region": region.name})
    next_url = request.POST.get("next", "")
    if next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect(region.get_absolute_url())


@login_required
def member_directory(request: HttpRequest) -> HttpResponse:
    """Members who made their profile visible; only for signed-in members."""
    search = request.GET.get("q", "").strip()
    region_slug = request.GET.get("regio", "")
    people = selectors.member_directory(search=search, region_slug=region_slug)
    page = Paginator(people, 48).get_page(request.GET.get("pagina"))
    return render(
        request,
        "network/member_directory.html",
        {
            "page": page,
            "search": search,
            "region_slug": region_slug,
            "regions": Region.objects.all(),
        },
    )


@once_per_token
def contact(request: HttpRequest) -> HttpResponse:
    initial: dict[str, object] = {}
    region_slug = request.GET.get("regio")
    if region_slug:
        initial["region"] = Region.objects.filter(slug=region_slug).first()
    topic = request.GET.get("onderwerp")
    if topic in ContactTopic.values:
        initial["topic"] = topic
    if request.user.is_authenticated:
        initial["name"] = fit_to_field(ContactRequest, "name", request.user.get_full_name())
        initial["email"] = request.user.email
        if request.user.organisation:
            initial["organisation_name"] = request.user.organisation.name
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.data.get("website"):
            # The honeypot was filled in: answer as if all went well, store nothing.
            return redirect("network:contact_thanks")
        if rate_limited(
            f"contact:{client_ip(request)}",
            limit=settings.STERK_CONTACT_RATE_LIMIT,
            period_seconds=3600,
        ):
            form.add_error(
                None,
                _("You sent several requests in a short time. Please try again in an hour."),
            )
        elif form.is_valid():
            data = form.cleaned_data
            try:
                services.contact_request_submit(
                    name=data["name"],
                    email=data["email"],
                    organisation_name=data["organisation_name"],
                    topic=data["topic"],
                    region=data["region"],
                    message=data["message"],
                    consent=data["consent"],
                    language=get_language() or "nl",
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return redirect("network:contact_thanks")
    return render(request, "network/contact.html", {"form": form})


def contact_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "network/contact_thanks.html")
