"""Who may do what with news posts. Deny by default: what is not declared here is refused.

- the coordinator manages, publishes and deletes every post;
- a regional chair manages and publishes the posts of their region;
- a stakeholder representative drafts posts for their own organisation (platform news,
  no region) and edits them while they are drafts; the coordinator publishes them.

`selectors.posts_managed_by` is the queryset twin of `news.change_post`
(tests/test_scoping.py checks that they agree)."""

from __future__ import annotations

from typing import Any

import rules

from sterk.core.rules import (
    chairs_region_id,
    is_any_chair,
    is_any_stakeholder,
    is_coordinator,
    represents_organisation_id,
)

from .models import Post, PostStatus


@rules.predicate
def no_post(user: Any, post: Any) -> bool:
    """Asked without an object (the list, the create page)."""
    return post is None


@rules.predicate
def chairs_post_region(user: Any, post: Any) -> bool:
    return isinstance(post, Post) and chairs_region_id(user, post.region_id)


@rules.predicate
def drafts_for_post_organisation(user: Any, post: Any) -> bool:
    """A draft of platform news from an organisation the user represents."""
    return (
        isinstance(post, Post)
        and post.status == PostStatus.DRAFT
        and post.region_id is None
        and represents_organisation_id(user, post.organisation_id)
    )


is_news_author = is_coordinator | is_any_chair | is_any_stakeholder

rules.add_perm("news.access_management", is_news_author)
# Without an object: may this person write a post at all?
rules.add_perm("news.add_post", is_news_author)
# obj: a Post (also an unsaved one built from a form's data, to check where a post goes);
# None: the list of posts this person manages.
rules.add_perm(
    "news.change_post",
    is_coordinator | (no_post & is_news_author) | chairs_post_region | drafts_for_post_organisation,
)
rules.add_perm("news.publish_post", is_coordinator | chairs_post_region)
