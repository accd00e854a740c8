"""Public pages of the newsletter: sign up, confirm (a button: a GET confirms nothing),
preferences and unsubscribe by personal link (the one-click POST of RFC 8058), a member's
choice, and the archive of sent editions."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from sterk.accounts.types import AuthenticatedRequest
from sterk.core.paging import paginate
from sterk.core.ratelimit import client_ip, rate_limited

from . import mail, selectors, services
from .forms import PreferencesForm, SignupForm, member_form
from .models import Edition, Subscriber, SubscriberStatus

SIGNUPS_PER_HOUR = 10  # per client address
MAILS_PER_DAY = 3  # confirmation mails per e-mail address


def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None, place="page")
    if request.method == "POST":
        if form.data.get("website"):
            return redirect("newsletter:signup_thanks")
        if rate_limited(
            f"newsletter:ip:{client_ip(request)}", limit=SIGNUPS_PER_HOUR, period_seconds=3600
        ):
            form.add_error(
                None,
                _("You signed up several times in a short time. Please try again in an hour."),
            )
        elif form.is_valid():
            email = form.cleaned_data["email"].strip().lower()
            digest = hashlib.sha256(email.encode()).hexdigest()[:24]
            # Past the limit the page says the same (nothing tells whether the address is
            # known); only no further mail goes to it today.
            if not rate_limited(
                f"newsletter:mail:{digest}", limit=MAILS_PER_DAY, period_seconds=86400
            ):
                services.subscribe_request(
                    email=email,
                    data=form.preferences(),  # type: ignore[arg-type]
                    consent=str(form.fields["consent"].label),
                )
            return redirect("newsletter:signup_thanks")
    return render(request, "newsletter/signup.html", {"form": form})


def signup_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/signup_thanks.html")


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        subscriber = services.subscription_confirm(token=token)
        if subscriber is None:
            return render(request, "newsletter/confirm.html", {"invalid": True}, status=410)
        return render(
            request,
            "newsletter/confirmed.html",
            {
                "preferences_url": reverse(
                    "newsletter:preferences", kwargs={"token": subscriber.token}
                )
            },
        )
    known = Subscriber.objects.filter(confirm_token=token, status=SubscriberStatus.PENDING).exists()
    # An unknown, used or expired link: the page says so (and how to get a new one), as a 404.
    return render(
        request, "newsletter/confirm.html", {"invalid": not known}, status=200 if known else 404
    )


def _by_token(token: str) -> Subscriber:
    subscriber = Subscriber.objects.filter(token=token).first() if token else None
    if subscriber is None:
        raise Http404
    return subscriber


@csrf_exempt  # the one-click POST of RFC 8058 comes from the mail client, with no token
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a page with a button. POST (that button, or a mail client's one-click
    `List-Unsubscribe=One-Click`): unsubscribed at once, no login. The personal token in
    the URL is the authority, so CSRF protection adds nothing here."""
    subscriber = _by_token(token)
    if request.method == "POST":
        services.unsubscribe(subscriber=subscriber)
        return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


def preferences(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = _by_token(token)
    if subscriber.status != SubscriberStatus.ACTIVE:
        return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
    form = PreferencesForm(request.POST or None, initial=PreferencesForm.initial_of(subscriber))
    if request.method == "POST" and form.is_valid():
        services.preferences_update(subscriber=subscriber, data=form.preferences())  # type: ignore[arg-type]
        messages.success(request, _("Your choices are saved."))
        return redirect("newsletter:preferences", token=token)
    return render(
        request,
        "newsletter/preferences.html",
        {"form": form, "subscriber": subscriber, "token": token},
    )


@login_required
def member(request: AuthenticatedRequest) -> HttpResponse:
    """A member ticks the newsletter (from their page), no separate sign-up."""
    subscriber = selectors.subscription_of(request.user)
    form = member_form(subscriber, request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = services.member_preferences_save(
            user=request.user,
            subscribed=form.cleaned_data["subscribed"],
            data=form.preferences(),  # type: ignore[arg-type]
            consent=services.consent_text(),
        )
        if saved is not None and saved.status == SubscriberStatus.PENDING:
            messages.info(request, _("We sent you a mail: confirm your address to subscribe."))
        else:
            messages.success(request, _("Your choices are saved."))
        return redirect("newsletter:member")
    return render(
        request,
        "newsletter/member.html",
        {"form": form, "subscriber": subscriber, "consent_text": services.consent_text()},
    )


def archive(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "newsletter/archive.html",
        {"page": paginate(request, selectors.archive(), 20)},
    )


def edition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        edition = selectors.public_edition(slug)
    except Edition.DoesNotExist as exc:
        raise Http404 from exc
    language = services.language_of(translation.get_language())
    content = mail.edition_content(edition, language)
    return render(request, "newsletter/edition_detail.html", content)
