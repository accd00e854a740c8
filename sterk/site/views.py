"""Pages that compose several apps. Each app contributes a selector and a small include
template (e.g. `events/_upcoming.html`, `practices/_region_practices.html`); this module
puts them together, so the apps below never import each other upwards."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from sterk.actionplan import selectors as actionplan_selectors
from sterk.actionplan.models import Action, Challenge
from sterk.core import versioned
from sterk.core.roles import roles_of
from sterk.events import selectors as events_selectors
from sterk.governance import selectors as governance_selectors
from sterk.identity import selectors as identity_selectors
from sterk.identity.models import Krachtlijn
from sterk.network import selectors as network_selectors
from sterk.network.forms import JoinForm
from sterk.network.models import Region
from sterk.news import selectors as news_selectors
from sterk.newsletter import selectors as newsletter_selectors
from sterk.newsletter.forms import member_fields, member_initial
from sterk.newsletter.services import consent_text as newsletter_consent_text
from sterk.practices import selectors as practices_selectors
from sterk.surveys import selectors as surveys_selectors

# People whose /mijn/ rows are kept per worker (`my_page`).
MY_PAGES_KEPT = 2000


def _home_content() -> dict[str, Any]:
    return {
        "mission": identity_selectors.page_or_none("missie"),
        "krachtlijnen": list(identity_selectors.krachtlijnen()),
        "functions": list(identity_selectors.functions()),
        "regions": list(network_selectors.regions_with_counts()),
        "plan_teaser": actionplan_selectors.home_teaser(),
        "latest_news": news_selectors.latest(),
    }


def home(request: HttpRequest) -> HttpResponse:
    # The same for every reader (the sign-up form, with its CSRF token, is rendered per
    # request): read once per data version and clock moment, not eight queries per visit
    # (#14). The objects do not depend on the language; the template picks it.
    content = versioned.per_data_version("site.home", "", _home_content, clock=True)
    return render(request, "site/home.html", dict(content))


def krachtlijn_detail(request: HttpRequest, slug: str) -> HttpResponse:
    krachtlijn = get_object_or_404(Krachtlijn, slug=slug)
    return render(
        request,
        "site/krachtlijn_detail.html",
        {
            "item": krachtlijn,
            "siblings": identity_selectors.krachtlijnen(),
            "kind": "krachtlijn",
            "plan_actions": actionplan_selectors.actions_for_krachtlijn(krachtlijn),
            "upcoming_events": events_selectors.upcoming_for_krachtlijn(krachtlijn, request.user),
            "practices": practices_selectors.practices_for_krachtlijn(krachtlijn),
            "latest_news": news_selectors.latest(krachtlijn=krachtlijn),
        },
    )


def _region_content(slug: str) -> dict[str, Any]:
    """What a region's page shows to everyone; DoesNotExist for an unknown slug."""
    region = network_selectors.region_detail(slug)
    return {
        "region": region,
        "plan_actions": list(actionplan_selectors.actions_for_region(region)),
        "practices": practices_selectors.practices_for_region(region),
        "latest_news": news_selectors.latest(region=region),
    }


def region_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        # Read once per data version and clock moment (the region with its people, its
        # actions, practices and news: seven queries, #14); what depends on the reader
        # (the events they may see, their membership) is read per request.
        content = versioned.per_data_version(
            "site.region", slug, lambda: _region_content(slug), clock=True
        )
    except Region.DoesNotExist as exc:
        raise Http404 from exc
    region = content["region"]
    return render(
        request,
        "site/region_detail.html",
        {
            **content,
            "upcoming_events": events_selectors.upcoming_for_region(region, request.user),
            "membership": network_selectors.membership_of(request.user, region),
            "join_form": JoinForm(region=region) if request.user.is_authenticated else None,
        },
    )


def steering_group(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "site/steering_group.html",
        {
            "page": identity_selectors.page_or_none("stuurgroep"),
            "members": network_selectors.steering_group_members(),
        },
    )


def stakeholders(request: HttpRequest) -> HttpResponse:
    organisations = list(network_selectors.stakeholder_organisations())
    commitments = governance_selectors.public_commitments(organisations)
    for org in organisations:
        org.public = commitments[org.pk]  # type: ignore[attr-defined]
    return render(
        request,
        "site/stakeholders.html",
        {
            "page": identity_selectors.page_or_none("stakeholders"),
            "organisations": organisations,
            "minutes": list(governance_selectors.published_meetings()[:6]),
        },
    )


def challenge_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        challenge = actionplan_selectors.challenge_detail(slug)
    except Challenge.DoesNotExist as exc:
        raise Http404 from exc
    context = actionplan_selectors.challenge_page(challenge)
    context["practices"] = practices_selectors.practices_for_challenge(challenge)
    return render(request, "site/challenge_detail.html", context)


def action_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An action's page: the action plan's page with the survey findings it answers."""
    try:
        action = actionplan_selectors.action_detail(slug)
    except Action.DoesNotExist as exc:
        raise Http404 from exc
    context = actionplan_selectors.action_page(action)
    context["can_post"] = request.user.has_perm("actionplan.post_progress", action)
    context["survey_findings"] = surveys_selectors.findings_for_action(action)
    return render(request, "site/action_detail.html", context)


def _my_page_data(user: Any) -> dict[str, Any]:
    """What /mijn/ shows of the person: their platforms, registrations to come (with a
    waiting list's place), practices, organisation and newsletter choice."""
    memberships = list(network_selectors.memberships_of(user))
    joined = {m.region_id for m in memberships}
    subscription = newsletter_selectors.subscription_of(user)
    return {
        "memberships": memberships,
        "other_regions": list(Region.objects.exclude(pk__in=joined)),
        "my_registrations": list(events_selectors.my_agenda(user)),
        "my_practices": list(practices_selectors.submissions_of(user)[:10]),
        "organisation": user.organisation,
        "newsletter_subscription": subscription,
        "newsletter_initial": member_initial(subscription),
    }


@login_required
def my_page(request: HttpRequest) -> HttpResponse:
    # Six queries of the person's own rows, read once per data version and clock moment
    # (registrations to come end with their event) per person and worker (#14): any
    # write, theirs or another's (a waiting list moving up), reads them again.
    user = request.user
    data = versioned.per_data_version(
        "site.my_page", user.pk, lambda: _my_page_data(user), clock=True, limit=MY_PAGES_KEPT
    )
    return render(
        request,
        "site/my_page.html",
        {
            **data,
            "roles": roles_of(user),
            "newsletter_fields": member_fields(data["newsletter_initial"]),
            "newsletter_consent": newsletter_consent_text(),
        },
    )
