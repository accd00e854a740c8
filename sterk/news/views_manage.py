"""Workflow views of the news management area: publish (now or at the post's date) and
take back to a draft. The list and the form are declared in manage.py."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from sterk.accounts.types import AuthenticatedRequest
from sterk.core.access import management_view, require_perm

from . import services
from .models import Post


def _post(request: AuthenticatedRequest, pk: int) -> Post:
    post = get_object_or_404(Post.objects.select_related("region"), pk=pk)
    require_perm(request, "news.publish_post", post)
    return post


@management_view
def post_publish(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    post = _post(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        post = services.post_publish(actor=request.user, post=post)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if post.is_scheduled:
            messages.success(
                request, _("The post is scheduled: it appears at its publication date.")
            )
        else:
            messages.success(request, _("The post is published."))
    return redirect("news_manage:post_edit", pk=post.pk)


@management_view
def post_unpublish(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    post = _post(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.post_unpublish(actor=request.user, post=post)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The post is a draft again and no longer public."))
    return redirect("news_manage:post_edit", pk=post.pk)
