"""The newsletter's e-mails in core's outbox, rendered when sent.

- `newsletter.edition` {"edition_id", "subscriber_id"}: an edition to one subscriber, in
  their language, HTML (CSS inlined with css-inline) and plain text, with their personal
  links and the List-Unsubscribe headers of RFC 2369 / RFC 8058;
- `newsletter.test` {"edition_id", "language"}: the same to a composer (test send);
- `newsletter.confirm` / `newsletter.known` {"subscriber_id"}: the double opt-in link, or
  (already subscribed) the link to one's preferences.

The blocks are rendered from the live items; the part every recipient of one language
shares is kept in this process for `SHARED_TTL` seconds, so a send of 30,000 renders an
edition once per language and minute, not once per mail."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

import css_inline
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from sterk.core import outbox
from sterk.core.site import absolute_url

PREFIX = "newsletter."
EDITION_KIND = PREFIX + "edition"
TEST_KIND = PREFIX + "test"
CONFIRM_KIND = PREFIX + "confirm"
KNOWN_KIND = PREFIX + "known"
SHARED_TTL = 60.0

_inliner = css_inline.CSSInliner(load_remote_stylesheets=False)
_shared: dict[tuple[int, str], tuple[float, str, dict[str, Any]]] = {}


def edition_prefix(edition_id: int) -> str:
    return f"newsletter:{edition_id}:"


def edition_key(edition_id: int, subscriber_id: int) -> str:
    return f"{edition_prefix(edition_id)}{subscriber_id}"


def _url(name: str, language: str, **kwargs: Any) -> str:
    with translation.override(language):
        return absolute_url(reverse(name, kwargs=kwargs))


def block_items(block: Any) -> dict[str, Any]:
    """What a block shows, read live (in the active language)."""
    from sterk.actionplan import selectors as actionplan_selectors
    from sterk.events.models import Event

    from .models import BlockKind

    if block.kind == BlockKind.NEWS:
        from sterk.news.models import Post

        return {"post": Post.objects.public().filter(pk=block.post_id).first()}
    if block.kind == BlockKind.EVENTS:
        if block.next_count:
            events = Event.objects.visible_to(None).upcoming()
            region_ids = [r.pk for r in block.next_regions.all()]
            if region_ids:
                events = events.filter(region_id__in=region_ids)
            return {"events": list(events.order_by("starts_at")[: block.next_count])}
        return {"events": [e for e in block.events.all() if e.status != "cancelled"]}
    if block.kind == BlockKind.PRACTICES:
        return {"practices": [p for p in block.practices.all() if p.status == "published"]}
    if block.kind == BlockKind.ACTION_PLAN:
        return {"plan": actionplan_selectors.home_teaser()}
    return {}


def edition_content(edition: Any, language: str) -> dict[str, Any]:
    """The shared part of an edition in one language: its blocks with their live items
    and absolute links."""
    from .selectors import edition_with_blocks

    with translation.override(language):
        blocks = [{"block": b, **block_items(b)} for b in edition_with_blocks(edition)]
        return {
            "edition": edition,
            "blocks": blocks,
            "language": language,
            "archive_url": absolute_url(edition.get_absolute_url()),
            "site_url": absolute_url(reverse("identity:home")),
        }


def _with_blocks(context: dict[str, Any], language: str) -> dict[str, Any]:
    with translation.override(language):
        context["subject"] = str(context["edition"].title)
        context["blocks_html"] = render_to_string("newsletter/email/_blocks.html", context)
        context["blocks_text"] = render_to_string("newsletter/email/_blocks.txt", context)
    return context


def preview(edition: Any, language: str) -> outbox.Rendered:
    """The mail as a subscriber reading `language` gets it, rendered now (no cache), with
    sample personal links: the composer's browser preview."""
    shared = _with_blocks(edition_content(edition, language), language)
    return _compose(shared, language, {"preferences_url": "#", "unsubscribe_url": "#"})


def _shared_content(edition_id: int, language: str) -> tuple[str, dict[str, Any]]:
    from .models import Edition

    now = time.monotonic()
    hit = _shared.get((edition_id, language))
    if hit is not None and now - hit[0] < SHARED_TTL:
        return hit[1], hit[2]
    edition = Edition.objects.filter(pk=edition_id).first()
    if edition is None:
        raise outbox.Gone(f"edition {edition_id}")
    context = _with_blocks(edition_content(edition, language), language)
    if len(_shared) > 64:
        _shared.clear()
    _shared[(edition_id, language)] = (now, context["subject"], context)
    return context["subject"], context


def personal_links(subscriber: Any) -> dict[str, str]:
    language = subscriber.language
    return {
        "preferences_url": _url("newsletter:preferences", language, token=subscriber.token),
        "unsubscribe_url": _url("newsletter:unsubscribe", language, token=subscriber.token),
    }


def _edition_mail(edition_id: int, language: str, links: Mapping[str, str]) -> outbox.Rendered:
    _subject, shared = _shared_content(edition_id, language)
    return _compose(shared, language, links)


def _compose(shared: Mapping[str, Any], language: str, links: Mapping[str, str]) -> outbox.Rendered:
    subject = shared["subject"]
    context = {**shared, **links}
    with translation.override(language):
        html = render_to_string("newsletter/email/edition.html", context)
        text = render_to_string("newsletter/email/edition.txt", context)
    headers = {}
    if links.get("unsubscribe_url", "#") != "#":
        headers = {
            "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    return outbox.Rendered(subject=subject, body=text, html=_inliner.inline(html), headers=headers)


def render_edition_mail(context: Mapping[str, Any]) -> outbox.Rendered:
    """One query per mail (the subscriber): the edition is rendered once per language and
    minute. Pausing and cancelling act on the queued rows themselves (services), so a row
    that reaches this point was claimed while the send was running."""
    from .models import Subscriber, SubscriberStatus

    subscriber = (
        Subscriber.objects.filter(pk=context["subscriber_id"])
        .only("pk", "status", "language", "token")
        .first()
    )
    if subscriber is None or subscriber.status != SubscriberStatus.ACTIVE:
        raise outbox.Gone("unsubscribed")
    return _edition_mail(context["edition_id"], subscriber.language, personal_links(subscriber))


def render_test_mail(context: Mapping[str, Any]) -> outbox.Rendered:
    language = context.get("language", "nl")
    rendered = _edition_mail(context["edition_id"], language, {})
    with translation.override(language):
        from django.utils.translation import gettext as _

        return outbox.Rendered(
            subject=f"[{_('Test')}] {rendered.subject}", body=rendered.body, html=rendered.html
        )


def _subscriber_mail(context: Mapping[str, Any], template: str) -> outbox.Rendered:
    from .models import Subscriber

    subscriber = Subscriber.objects.filter(pk=context["subscriber_id"]).first()
    if subscriber is None:
        raise outbox.Gone("subscriber")
    language = subscriber.language
    mail_context = {
        "subscriber": subscriber,
        "confirm_url": _url("newsletter:confirm", language, token=subscriber.confirm_token)
        if subscriber.confirm_token
        else "",
        **personal_links(subscriber),
    }
    if template == "confirm" and not subscriber.confirm_token:
        raise outbox.Gone("confirmed or expired")
    with translation.override(language):
        body = render_to_string(f"newsletter/email/{template}.txt", mail_context)
    subject, _sep, text = body.partition("\n")
    return outbox.Rendered(subject=subject.strip(), body=text.lstrip())


def render_confirm_mail(context: Mapping[str, Any]) -> outbox.Rendered:
    return _subscriber_mail(context, "confirm")


def render_known_mail(context: Mapping[str, Any]) -> outbox.Rendered:
    return _subscriber_mail(context, "known")


def register() -> None:
    outbox.register_renderer(EDITION_KIND, render_edition_mail)
    outbox.register_renderer(TEST_KIND, render_test_mail)
    outbox.register_renderer(CONFIRM_KIND, render_confirm_mail)
    outbox.register_renderer(KNOWN_KIND, render_known_mail)
