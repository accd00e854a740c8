"""news.change_post / news.publish_post for every role, and that the management list
(selectors.posts_managed_by) holds exactly the posts news.change_post allows."""

import pytest

from sterk.events.tests.factories import UserFactory, chair_of, coordinator, steering_member
from sterk.network.models import Role
from sterk.network.tests.factories import OrganisationFactory, RoleAssignmentFactory
from sterk.news import selectors
from sterk.news.models import PostStatus

from .factories import PostFactory, draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(antwerpen, limburg):
    socius = OrganisationFactory(name="Socius", is_stakeholder=True)
    other = OrganisationFactory(name="Ander", is_stakeholder=True)
    representative = RoleAssignmentFactory(role=Role.STAKEHOLDER, organisation=socius).user
    return {
        "coordinator": coordinator(),
        "chair_antwerpen": chair_of(antwerpen),
        "chair_limburg": chair_of(limburg),
        "representative": representative,
        "steering": steering_member(),
        "member": UserFactory(),
        "posts": {
            "antwerpen_draft": draft(region=antwerpen),
            "antwerpen_published": PostFactory(region=antwerpen),
            "platform_published": PostFactory(),
            "socius_draft": draft(organisation=socius),
            "socius_published": PostFactory(organisation=socius),
            "socius_in_antwerpen": draft(organisation=socius, region=antwerpen),
            "other_draft": draft(organisation=other),
        },
    }


EXPECTED_CHANGE = {
    "coordinator": {
        "antwerpen_draft",
        "antwerpen_published",
        "platform_published",
        "socius_draft",
        "socius_published",
        "socius_in_antwerpen",
        "other_draft",
    },
    "chair_antwerpen": {"antwerpen_draft", "antwerpen_published", "socius_in_antwerpen"},
    "chair_limburg": set(),
    "representative": {"socius_draft"},
    "steering": set(),
    "member": set(),
}


@pytest.mark.parametrize("who", sorted(EXPECTED_CHANGE))
def test_who_changes_which_post_and_the_list_agrees(world, who):
    user = world[who]
    allowed = {
        name for name, post in world["posts"].items() if user.has_perm("news.change_post", post)
    }
    assert allowed == EXPECTED_CHANGE[who]
    listed = set(selectors.posts_managed_by(user).values_list("pk", flat=True))
    assert listed == {world["posts"][name].pk for name in allowed}


def test_only_the_coordinator_and_the_region_chair_publish(world):
    posts = world["posts"]
    assert world["coordinator"].has_perm("news.publish_post", posts["socius_draft"])
    assert world["chair_antwerpen"].has_perm("news.publish_post", posts["antwerpen_draft"])
    assert not world["chair_limburg"].has_perm("news.publish_post", posts["antwerpen_draft"])
    assert not world["representative"].has_perm("news.publish_post", posts["socius_draft"])
    assert not world["chair_antwerpen"].has_perm("news.publish_post", posts["socius_draft"])


def test_who_may_write_at_all(world):
    for who in ("coordinator", "chair_antwerpen", "chair_limburg", "representative"):
        assert world[who].has_perm("news.add_post"), who
        assert world[who].has_perm("news.access_management"), who
    for who in ("steering", "member"):
        assert not world[who].has_perm("news.add_post"), who


def test_a_representative_loses_the_post_once_published(world):
    post = world["posts"]["socius_draft"]
    post.status = PostStatus.PUBLISHED
    assert not world["representative"].has_perm("news.change_post", post)
