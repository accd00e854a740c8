"""Plain share links for a post: a link per network that opens its own share dialog with
the post's address (no script, no tracking pixel, no button widgets), and e-mail."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _

from sterk.core.site import absolute_url

from .models import Post


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: object
    url: str


def share_text(post: Post) -> str:
    return (post.share_text or post.title or "").strip()


def share_links(post: Post) -> list[ShareLink]:
    address = absolute_url(post.get_absolute_url())
    text = share_text(post)
    mail = "mailto:?" + urlencode(
        {"subject": post.title, "body": f"{text}\n\n{address}"}, quote_via=quote
    )
    return [
        ShareLink(
            "linkedin",
            _("Share on LinkedIn"),
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": address}),
        ),
        ShareLink(
            "facebook",
            _("Share on Facebook"),
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": address}),
        ),
        ShareLink(
            "x",
            _("Share on X"),
            "https://x.com/intent/post?" + urlencode({"text": text, "url": address}),
        ),
        ShareLink("email", _("Share by e-mail"), mail),
    ]
