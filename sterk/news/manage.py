"""What the news app manages in /beheer/nieuws/ (imported by sterk.manage at start-up): its
navigation entry, its dashboard panel and the posts (publishing is a workflow view in
urls_manage.py)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sterk.core.managed import (
    Column,
    Managed,
    Nav,
    Panel,
    by_roles,
    register,
    register_nav,
    register_panel,
)

from . import selectors, services
from .forms import PostForm
from .models import Post, PostStatus

AREA = "news_manage"

register_nav(
    Nav(_("News"), f"{AREA}:post_list", "news.access_management", order=25, section=AREA),
)


def dashboard_panel(request: HttpRequest) -> dict[str, Any]:
    return {"news_drafts": selectors.drafts_to_publish_count(request.user)}


register_panel(
    Panel(
        "news/_dashboard_panel.html",
        dashboard_panel,
        "news.access_management",
        order=25,
        shared_by=by_roles,
    )
)


def _post_guard(request: HttpRequest, form: Any, data: dict[str, Any], obj: Any) -> Any:
    """The post goes where the user may write: a chair's own region; a representative's
    own organisation (platform news, as a draft); anything for the coordinator."""
    candidate = Post(
        region=data.get("region"),
        organisation=data.get("organisation"),
        status=obj.status if obj is not None else PostStatus.DRAFT,
    )
    if request.user.has_perm("news.change_post", candidate):
        return None
    if data.get("region") is not None:
        return ("region", gettext("You can only write news for your own region."))
    return ("organisation", gettext("You can only write news for your own organisation."))


def _url(name: str, *args: Any) -> str:
    return reverse(f"{AREA}:{name}", args=args)


register(
    Managed(
        namespace=AREA,
        name="post",
        model=Post,
        form=PostForm,
        perm="news.change_post",
        create_perm="news.add_post",
        path="",
        rows=lambda request, parent: selectors.management_list(request.user),
        object_queryset=lambda: Post.objects.select_related("region", "organisation"),
        create=services.post_create,
        update=services.post_update,
        delete=services.post_delete,
        object_arg="post",
        form_kwargs=lambda request, parent, obj: {"user": request.user},
        guard=_post_guard,
        columns=[
            Column(capfirst(_("title")), "title", link=True, header=True),
            Column(_("Status"), template="news/manage/_cells.html#status"),
            Column(_("Region"), template="news/manage/_cells.html#region"),
            Column(_("Author organisation"), "organisation.name"),
        ],
        titles={
            "list": _("News"),
            "create": _("New post"),
            "edit": _("Edit the post"),
            "delete": _("Delete the post “%(title)s”?"),
            "delete_link": _("Delete this post"),
        },
        intro=_(
            "Posts appear on the news page, in the feeds and on the home, region and core "
            "principle pages from their publication date on. Drafts are never public."
        ),
        add_label=_("New post"),
        caption=_("Posts"),
        empty=_("No posts yet."),
        messages={
            "created": _("The post was saved as a draft."),
            "saved": _("The post was saved."),
            "deleted": _("The post was deleted."),
        },
        success_url=lambda obj, parent: _url("post_edit", obj.pk),
        edit_context=lambda request, obj, parent: {
            "post": obj,
            "can_publish": obj is not None and request.user.has_perm("news.publish_post", obj),
        },
        templates={"form": "news/manage/post_form.html"},
    ),
)
