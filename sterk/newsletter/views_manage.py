"""The composer in the management area (/beheer/nieuwsbrief/): editions, their blocks, the
segment with its exact number of recipients (and, for the coordinator, the list), preview
per language, test send, send, progress with pause/resume/cancel, and the subscribers with
their history. Every view: `management_view`, a rules permission on the object, one
service call."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from sterk.accounts.types import AuthenticatedRequest
from sterk.core.access import management_view, require_perm
from sterk.core.forms import apply_errors
from sterk.core.paging import paginate
from sterk.network.models import Region
from sterk.network.selectors import regions_managed_by

from . import mail, selectors, services
from .forms import BLOCK_FIELDS, BlockForm, EditionForm, SendForm, TestSendForm
from .models import LANGUAGE_CHOICES, Block, BlockKind, Edition, EditionStatus, Subscriber

PREVIEW_CSP = {
    "style-src": ["'unsafe-inline'"],
    "img-src": ["'self'", "https:", "http:", "data:"],
    "frame-ancestors": ["'self'"],
}


def _regions_for(request: AuthenticatedRequest) -> Any:
    if request.user.has_perm("newsletter.view_subscribers"):
        return Region.objects.all()
    return regions_managed_by(request.user)


def _edition(
    request: AuthenticatedRequest, pk: int, perm: str = "newsletter.change_edition"
) -> Edition:
    edition = get_object_or_404(Edition.objects.select_related("region"), pk=pk)
    require_perm(request, perm, edition)
    return edition


@management_view
def edition_list(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "newsletter.view_editions")
    return render(
        request,
        "newsletter/manage/edition_list.html",
        {"page_obj": paginate(request, selectors.editions_for(request.user))},
    )


def _edition_data(form: EditionForm) -> dict[str, Any]:
    data = dict(form.cleaned_data)
    data["segment_interests"] = list(data.get("segment_interests") or [])
    return data


@management_view
def edition_create(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "newsletter.view_editions")
    form = EditionForm(request.POST or None, regions=_regions_for(request))
    if request.method == "POST" and form.is_valid():
        try:
            edition = services.edition_create(actor=request.user, data=_edition_data(form))  # type: ignore[arg-type]
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The edition is created. Add its blocks."))
            return redirect("newsletter_manage:edition_detail", pk=edition.pk)
    return render(
        request,
        "manage/form.html",
        {"form": form, "title": _("New newsletter edition")},
    )


@management_view
def edition_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The composer: the edition's fields, its blocks, the segment and what sending does."""
    edition = _edition(request, pk)
    editable = edition.status == EditionStatus.DRAFT
    form = EditionForm(
        request.POST or None,
        regions=_regions_for(request),
        initial=EditionForm.initial_of(edition),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.edition_update(
                actor=request.user,
                edition=edition,
                data=_edition_data(form),  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("newsletter_manage:edition_detail", pk=edition.pk)
    count = selectors.recipients(edition).count() if editable else edition.mailed_count
    progress = None if editable else selectors.progress(edition)
    if progress is not None:
        edition = services.edition_finish_if_done(edition)
    return render(
        request,
        "newsletter/manage/edition_detail.html",
        {
            "edition": edition,
            "form": form,
            "editable": editable,
            "blocks": selectors.edition_with_blocks(edition),
            "kinds": BlockKind.choices,
            "count": count,
            "languages": LANGUAGE_CHOICES,
            "test_form": TestSendForm(initial={"language": "nl"}),
            "progress": progress,
            "can_list": request.user.has_perm("newsletter.view_recipient_list"),
        },
    )


@management_view
def edition_progress(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The progress panel alone (htmx refreshes it; without JavaScript, reload the page)."""
    edition = _edition(request, pk)
    progress = selectors.progress(edition)
    edition = services.edition_finish_if_done(edition)
    return render(
        request,
        "newsletter/manage/_progress.html",
        {"edition": edition, "progress": progress, "failures": selectors.failures(edition)[:20]},
    )


def _block_form_fields(form: BlockForm, kind: str) -> list[Any]:
    wanted = BLOCK_FIELDS.get(kind, ())  # type: ignore[call-overload]
    fields = []
    for bound in form:
        base = (
            bound.name.rsplit("_", 1)[0]
            if bound.name.endswith(("_nl", "_fr", "_en"))
            else bound.name
        )
        if base in wanted:
            fields.append(bound)
    return fields


def _block_page(
    request: AuthenticatedRequest, edition: Edition, block: Block | None, kind: str
) -> HttpResponse:
    if kind not in BlockKind.values:
        raise Http404
    form = BlockForm(
        request.POST or None,
        instance=block,
        initial={"kind": kind},
    )
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "kind": kind}
        try:
            services.block_save(actor=request.user, edition=edition, data=data, block=block)  # type: ignore[arg-type]
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The block is saved."))
            return redirect("newsletter_manage:edition_detail", pk=edition.pk)
    return render(
        request,
        "newsletter/manage/block_form.html",
        {
            "edition": edition,
            "form": form,
            "fields": _block_form_fields(form, kind),
            "kind_label": BlockKind(kind).label,
            "kind": kind,
            "block": block,
        },
    )


@management_view
def block_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    edition = _edition(request, pk)
    kind = request.GET.get("kind") or request.POST.get("kind") or BlockKind.TEXT
    return _block_page(request, edition, None, kind)


def _block(request: AuthenticatedRequest, pk: int, bpk: int) -> Block:
    edition = _edition(request, pk)
    return get_object_or_404(Block, pk=bpk, edition=edition)


@management_view
def block_edit(request: AuthenticatedRequest, pk: int, bpk: int) -> HttpResponse:
    block = _block(request, pk, bpk)
    return _block_page(request, block.edition, block, block.kind)


@management_view
def block_delete(request: AuthenticatedRequest, pk: int, bpk: int) -> HttpResponse:
    block = _block(request, pk, bpk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.block_delete(actor=request.user, block=block)
        messages.success(request, _("The block is removed."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("newsletter_manage:edition_detail", pk=pk)


@management_view
def block_move(request: AuthenticatedRequest, pk: int, bpk: int) -> HttpResponse:
    block = _block(request, pk, bpk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.block_move(actor=request.user, block=block, up=request.POST.get("up") == "1")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("newsletter_manage:edition_detail", pk=pk)


@management_view
def preview(request: AuthenticatedRequest, pk: int, language: str) -> HttpResponse:
    """The composer's preview page: the HTML mail in a frame, as a subscriber reading
    `language` gets it, and a link to its plain-text part."""
    edition = _edition(request, pk)
    if language not in dict(LANGUAGE_CHOICES):
        raise Http404
    return render(
        request,
        "newsletter/manage/preview.html",
        {
            "edition": edition,
            "language": language,
            "language_name": dict(LANGUAGE_CHOICES)[language],
            "languages": LANGUAGE_CHOICES,
        },
    )


@management_view
def preview_mail(request: AuthenticatedRequest, pk: int, language: str) -> HttpResponse:
    """The rendered mail (CSS inlined), or with ?format=text its plain-text part."""
    edition = _edition(request, pk)
    if language not in dict(LANGUAGE_CHOICES):
        raise Http404
    rendered = mail.preview(edition, language)
    if request.GET.get("format") == "text":
        return HttpResponse(rendered.body, content_type="text/plain; charset=utf-8")
    response = HttpResponse(rendered.html)
    # Shown in the preview page's frame, with the inlined styles mail clients need and
    # images by URL (django-csp reads this attribute, as its csp_replace decorator sets it).
    response["X-Frame-Options"] = "SAMEORIGIN"
    response._csp_replace = PREVIEW_CSP  # type: ignore[attr-defined]
    return response


@management_view
def test_send(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    edition = _edition(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = TestSendForm(request.POST)
    language = form.cleaned_data["language"] if form.is_valid() else "nl"
    services.test_send(actor=request.user, edition=edition, language=language)
    messages.success(request, _("A test mail goes to %(email)s.") % {"email": request.user.email})
    return redirect("newsletter_manage:edition_detail", pk=pk)


@management_view
def send(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """GET: the number of recipients and a button; POST: send (if the number still holds)."""
    edition = _edition(request, pk, "newsletter.send_edition")
    count = selectors.recipients(edition).count()
    form = SendForm(request.POST or None, initial={"expected": count})
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.edition_send(
                actor=request.user, edition=edition, expected=form.cleaned_data["expected"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
            form = SendForm(initial={"expected": count})
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("Sending to %(count)s subscribers has started.") % {"count": sent}
            )
            return redirect("newsletter_manage:edition_detail", pk=pk)
    return render(
        request,
        "newsletter/manage/send.html",
        {"edition": edition, "count": count, "form": form},
    )


def _status_action(request: AuthenticatedRequest, pk: int, action: Any, done: str) -> HttpResponse:
    edition = _edition(request, pk, "newsletter.send_edition")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        action(actor=request.user, edition=edition)
        messages.success(request, done)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("newsletter_manage:edition_detail", pk=pk)


@management_view
def pause(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _status_action(request, pk, services.edition_pause, _("Sending is paused."))


@management_view
def resume(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _status_action(request, pk, services.edition_resume, _("Sending goes on."))


@management_view
def cancel(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _status_action(
        request, pk, services.edition_cancel, _("Sending is cancelled; what was sent stays sent.")
    )


@management_view
def recipients(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Who exactly the segment reaches (coordinator only: names and addresses)."""
    edition = _edition(request, pk)
    require_perm(request, "newsletter.view_recipient_list")
    return render(
        request,
        "newsletter/manage/recipients.html",
        {
            "edition": edition,
            "page_obj": paginate(
                request, selectors.recipients(edition).only("email", "name", "language")
            ),
        },
    )


@management_view
def subscriber_list(request: AuthenticatedRequest) -> HttpResponse:
    require_perm(request, "newsletter.view_subscribers")
    return render(
        request,
        "newsletter/manage/subscriber_list.html",
        {"page_obj": paginate(request, selectors.subscribers())},
    )


@management_view
def subscriber_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_perm(request, "newsletter.view_subscribers")
    subscriber = get_object_or_404(Subscriber, pk=pk)
    return render(
        request,
        "newsletter/manage/subscriber_detail.html",
        {"subscriber": subscriber, "history": selectors.history(subscriber)},
    )
