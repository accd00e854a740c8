"""Public pages of the practice library: the library (search + facets), a practice, a call
with its form and e-mail confirmation, and a member's own practices."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from sterk.accounts.types import AuthenticatedRequest
from sterk.core.forms import apply_errors
from sterk.core.once import once_per_token
from sterk.core.ratelimit import client_ip, rate_limited
from sterk.core.site import absolute_url

from . import selectors, services
from .forms import (
    CallSubmissionForm,
    ImageFormSet,
    LinkFormSet,
    PracticeForm,
    image_data,
    link_data,
    link_initial,
)
from .models import Call, Practice

SUBMISSION_RATE_LIMIT = 10


def library(request: HttpRequest) -> HttpResponse:
    # The options, results and counts of a query are the same for every reader: the
    # template keeps them rendered per data version and query string (`{% kept %}`), so the
    # search runs only when one of those parts is rendered afresh (#14).
    results = SimpleLazyObject(lambda: selectors.library_search(request.GET))
    template = "practices/library.html"
    htmx = getattr(request, "htmx", None)
    if htmx and htmx.target == "library-results":
        template += "#results"
    return render(
        request,
        template,
        {
            "results": results,
            "results_key": request.GET.urlencode(),
            "params": request.GET,
            "q": selectors.query_text(request.GET),
            "open_calls": list(Call.objects.open_now().select_related("owner")[:3]),
        },
    )


def share_links(request: HttpRequest, practice: Practice) -> list[tuple[str, str]]:
    # On the site URL, not the Host header this request came in on (a proxy, 127.0.0.1).
    url = quote(absolute_url(practice.get_absolute_url()), safe="")
    title = quote(practice.title, safe="")
    return [
        ("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
        ("X", f"https://x.com/intent/tweet?url={url}&text={title}"),
        (_("E-mail"), f"mailto:?subject={title}&body={url}"),
    ]


def practice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        practice = selectors.practice_detail(slug)
    except Practice.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "practices/practice_detail.html",
        {
            "practice": practice,
            "related": selectors.related_practices(practice),
            "share_links": share_links(request, practice),
            "can_moderate": request.user.has_perm("practices.moderate_practice", practice),
        },
    )


# --- a member's own practices -------------------------------------------------------------


def _formsets(request: HttpRequest, practice: Practice | None = None) -> tuple[Any, Any]:
    if request.method == "POST":
        return (
            LinkFormSet(request.POST, prefix="links"),
            ImageFormSet(request.POST, request.FILES, prefix="images"),
        )
    return (
        LinkFormSet(prefix="links", initial=link_initial(practice)),
        ImageFormSet(prefix="images"),
    )


@login_required
@once_per_token
def practice_create(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("practices.submit_practice"):
        raise PermissionDenied
    form = PracticeForm(request.POST or None)
    links, images = _formsets(request)
    if request.method == "POST" and form.is_valid() and links.is_valid() and images.is_valid():
        submit = "submit" in request.POST
        try:
            practice = services.practice_create(
                actor=request.user,
                data=form.service_data(),
                links=link_data(links),
                new_images=image_data(images),
                submit=submit,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("Thank you: your practice was sent to the moderators.")
                if submit
                else _("Your draft was saved. Nobody else sees it until you submit it."),
            )
            return redirect("practices:my_practice", pk=practice.pk)
    return render(
        request,
        "practices/practice_form.html",
        {"form": form, "links": links, "images": images, "title": _("Share a practice")},
    )


@login_required
def my_practices(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "practices/my_practices.html",
        {"practices": selectors.submissions_of(request.user)},
    )


@login_required
def my_practice(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    practice = get_object_or_404(
        Practice.objects.select_related("call", "region").prefetch_related("links", "images"), pk=pk
    )
    if not request.user.has_perm("practices.view_own_practice", practice):
        raise Http404
    can_edit = request.user.has_perm("practices.edit_own_practice", practice)
    form = links = images = None
    if can_edit:
        form = PracticeForm(request.POST or None, instance=practice)
        links, images = _formsets(request, practice)
        if request.method == "POST" and form.is_valid() and links.is_valid() and images.is_valid():
            submit = "submit" in request.POST
            try:
                services.practice_update_by_submitter(
                    actor=request.user,
                    practice=practice,
                    data=form.service_data(),
                    links=link_data(links),
                    new_images=image_data(images),
                    remove_image_ids=[i.pk for i in form.cleaned_data.get("remove_images") or []],
                    submit=submit,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Thank you: your practice was sent to the moderators.")
                    if submit
                    else _("Your changes were saved."),
                )
                return redirect("practices:my_practice", pk=practice.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "practices/my_practice.html",
        {"practice": practice, "form": form, "links": links, "images": images},
    )


# --- calls -----------------------------------------------------------------------------------


@once_per_token
def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_object_or_404(selectors.public_calls(), slug=slug)
    member = request.user if request.user.is_authenticated else None
    form = None
    links = images = None
    if call.is_open:
        form = CallSubmissionForm(
            request.POST or None, request.FILES or None, call=call, member=member
        )
        links, images = _formsets(request)
        if request.method == "POST":
            if form.data.get("website"):
                return redirect("practices:call_thanks", slug=call.slug)
            if rate_limited(
                f"practices:call:{client_ip(request)}",
                limit=SUBMISSION_RATE_LIMIT,
                period_seconds=3600,
            ):
                form.add_error(None, _("Too many stories from this address. Try again in an hour."))
            elif form.is_valid() and links.is_valid() and images.is_valid():
                try:
                    services.call_submission_create(
                        call=call,
                        user=request.user,
                        links=link_data(links),
                        new_images=image_data(images),
                        **form.service_kwargs(),
                    )
                except ValidationError as exc:
                    apply_errors(form, exc)
                else:
                    return redirect("practices:call_thanks", slug=call.slug)
    elif request.method == "POST":
        messages.warning(request, _("This call is closed: it no longer takes stories."))
        return redirect(call.get_absolute_url())
    return render(
        request,
        "practices/call_detail.html",
        {
            "call": call,
            "form": form,
            "links": links,
            "images": images,
            "member": member,
            "published": call.published_count,  # type: ignore[attr-defined]
            "can_run": request.user.has_perm("practices.change_call", call),
        },
    )


def call_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_object_or_404(Call, slug=slug)
    return render(
        request,
        "practices/call_thanks.html",
        {"call": call, "member": request.user.is_authenticated},
    )


def call_confirm(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links); POST confirms."""
    call = get_object_or_404(Call, slug=slug)
    if request.method == "POST":
        try:
            practice = services.submission_confirm(token=token)
        except ValidationError as exc:
            return render(
                request,
                "practices/call_confirm.html",
                {"call": call, "error": " ".join(exc.messages)},
                status=400,
            )
        return render(
            request,
            "practices/call_confirm.html",
            {"call": call, "done": True, "practice": practice},
        )
    return render(request, "practices/call_confirm.html", {"call": call, "token": token})
