import datetime
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sterk.actionplan.tests.factories import KrachtlijnFactory
from sterk.events.tests.factories import EventFactory, chair_of, coordinator
from sterk.news.models import Post, PostStatus
from sterk.practices.tests.factories import published as published_practice

from .factories import PostFactory, draft, scheduled

pytestmark = pytest.mark.django_db
SITE = "https://sterksociaalwerk.test"
LIST = "/nl/nieuws/"


def _bulk(n: int, region=None, krachtlijn=None) -> None:  # type: ignore[no-untyped-def]
    start = timezone.now() - datetime.timedelta(days=1)
    posts = Post.objects.bulk_create(
        Post(
            slug=f"bulk-{n}-{i}-{region.pk if region else 0}",
            title_nl=f"Bulk {i}",
            lead_nl="Kort.",
            region=region,
            status=PostStatus.PUBLISHED,
            publish_at=start - datetime.timedelta(minutes=i),
        )
        for i in range(n)
    )
    if krachtlijn is not None:
        Post.krachtlijnen.through.objects.bulk_create(
            Post.krachtlijnen.through(post_id=p.pk, krachtlijn_id=krachtlijn.pk) for p in posts
        )


class Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta[a.get("property") or a.get("name") or ""] = a.get("content") or ""
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")


def parse(html: str) -> Meta:
    parser = Meta()
    parser.feed(html)
    return parser


def test_drafts_and_scheduled_posts_are_never_public(client, antwerpen):
    PostFactory(title_nl="Zichtbaar bericht")
    hidden = [draft(title_nl="Klad bericht"), scheduled(title_nl="Later bericht")]
    body = client.get(LIST).content.decode()
    assert "Zichtbaar bericht" in body
    assert "Klad bericht" not in body and "Later bericht" not in body
    for post in hidden:
        assert client.get(post.get_absolute_url()).status_code == 404
    for url in ("/nl/", reverse("news:feed")):
        text = client.get(url).content.decode()
        assert "Klad bericht" not in text and "Later bericht" not in text


def test_a_manager_previews_a_draft_a_chair_of_another_region_does_not(client, antwerpen, limburg):
    post = draft(title_nl="Klad Antwerpen", region=antwerpen)
    client.force_login(chair_of(limburg))
    assert client.get(post.get_absolute_url()).status_code == 404
    client.force_login(chair_of(antwerpen))
    response = client.get(f"/en/nieuws/{post.slug}/")
    assert response.status_code == 200
    assert "Preview: this post is a draft" in response.content.decode()


def test_filters_by_region_platform_and_krachtlijn(client, antwerpen, limburg):
    nabij = KrachtlijnFactory(slug="nabijheid", title_nl="Nabijheid")
    PostFactory(title_nl="Antwerps nieuws", region=antwerpen, krachtlijnen=[nabij])
    PostFactory(title_nl="Limburgs nieuws", region=limburg)
    PostFactory(title_nl="Platformnieuws")

    def titles(query: str) -> set[str]:
        body = client.get(LIST + query).content.decode()
        return {t for t in ("Antwerps nieuws", "Limburgs nieuws", "Platformnieuws") if t in body}

    assert titles("") == {"Antwerps nieuws", "Limburgs nieuws", "Platformnieuws"}
    assert titles("?regio=antwerpen") == {"Antwerps nieuws"}
    assert titles("?regio=platform") == {"Platformnieuws"}
    assert titles("?krachtlijn=nabijheid") == {"Antwerps nieuws"}
    assert titles("?regio=limburg&krachtlijn=nabijheid") == set()
    # An unknown value is ignored (the form refuses it), not an error.
    assert client.get(LIST + "?regio=nergens").status_code == 200


def test_paging_with_page(client):
    _bulk(25)
    first = client.get(LIST).content.decode()
    assert 'href="?page=2"' in first and first.count('class="card news-card"') == 10
    third = client.get(LIST + "?page=3").content.decode()
    assert third.count('class="card news-card"') == 5
    assert client.get(LIST + "?page=99").status_code == 200


def test_list_query_count_does_not_grow_with_the_number_of_posts(client, antwerpen):
    krachtlijn = KrachtlijnFactory()
    _bulk(3, antwerpen, krachtlijn)
    with CaptureQueriesContext(connection) as small:
        assert client.get(LIST).status_code == 200
    _bulk(60, antwerpen, krachtlijn)
    with CaptureQueriesContext(connection) as large:
        response = client.get(LIST + "?regio=antwerpen&krachtlijn=" + krachtlijn.slug)
    assert response.status_code == 200
    assert len(large) <= len(small)
    assert re.search(rb"\b63\b", response.content)


def test_composed_pages_show_the_latest_three(client, antwerpen):
    krachtlijn = KrachtlijnFactory(slug="verbinding")
    for i in range(4):
        PostFactory(
            title_nl=f"Regionieuws {i}",
            region=antwerpen,
            krachtlijnen=[krachtlijn],
            publish_at=timezone.now() - datetime.timedelta(hours=i + 1),
        )
    for url in ("/nl/", antwerpen.get_absolute_url(), krachtlijn.get_absolute_url()):
        body = client.get(url).content.decode()
        assert "Regionieuws 0" in body and "Regionieuws 2" in body, url
        assert "Regionieuws 3" not in body, url
    region_page = client.get(antwerpen.get_absolute_url()).content.decode()
    assert reverse("news:region_feed", args=["antwerpen"]) in region_page


def test_post_page_has_open_graph_and_twitter_tags_with_absolute_urls(client, antwerpen):
    post = PostFactory(
        slug="actieplan-2018",
        title_nl="Het actieplan is er",
        lead_nl="Na de conferentie van 2018.",
        image="news/2026/conferentie.png",
        image_alt_nl="Zaal vol sociaal werkers",
        region=antwerpen,
    )
    response = client.get(post.get_absolute_url())
    meta = parse(response.content.decode()).meta
    url = f"{SITE}/nl/nieuws/actieplan-2018/"
    assert meta["og:type"] == "article"
    assert meta["og:title"] == "Het actieplan is er"
    assert meta["og:description"] == "Na de conferentie van 2018."
    assert meta["og:url"] == url
    assert meta["og:image"] == f"{SITE}/media/news/2026/conferentie.png"
    assert meta["og:image:alt"] == "Zaal vol sociaal werkers"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image"] == meta["og:image"]
    assert meta["description"] == "Na de conferentie van 2018."
    assert (
        '<img class="news-image" src="/media/news/2026/conferentie.png" alt="Zaal vol sociaal werkers">'
        in response.content.decode()
    )


def test_without_an_image_a_summary_card(client):
    post = PostFactory()
    meta = parse(client.get(post.get_absolute_url()).content.decode()).meta
    assert meta["twitter:card"] == "summary" and "og:image" not in meta


def test_share_links_are_plain_links_with_the_absolute_address(client):
    post = PostFactory(
        slug="deel-mij", title_nl="Deel mij", share_text_nl="Lees dit #sterksociaalwerk"
    )
    html = client.get(post.get_absolute_url()).content.decode()
    address = f"{SITE}/nl/nieuws/deel-mij/"
    links = parse(html).links
    linkedin = next(h for h in links if "linkedin.com" in h)
    facebook = next(h for h in links if "facebook.com" in h)
    x = next(h for h in links if h.startswith("https://x.com/"))
    mail = next(h for h in links if h.startswith("mailto:"))
    assert parse_qs(urlsplit(linkedin).query)["url"] == [address]
    assert parse_qs(urlsplit(facebook).query)["u"] == [address]
    assert parse_qs(urlsplit(x).query) == {"text": ["Lees dit #sterksociaalwerk"], "url": [address]}
    mail_query = parse_qs(urlsplit(mail).query)
    assert mail_query["subject"] == ["Deel mij"] and address in mail_query["body"][0]
    # No third-party script or pixel: every script is our own.
    for src in re.findall(r'<script[^>]*src="([^"]+)"', html):
        assert src.startswith("/static/"), src
    assert "<iframe" not in html


def test_ties_show_only_what_is_public(client):
    event = EventFactory(title_nl="Open bijeenkomst")
    hidden_event = EventFactory(title_nl="Klad bijeenkomst", status="draft")
    practice = published_practice(title_nl="Gepubliceerde praktijk")
    post = PostFactory()
    post.events.set([event, hidden_event])
    post.practices.set([practice])
    body = client.get(post.get_absolute_url()).content.decode()
    assert "Open bijeenkomst" in body and "Gepubliceerde praktijk" in body
    assert "Klad bijeenkomst" not in body


def test_markdown_is_sanitised(client):
    post = PostFactory(body_nl="Hallo <script>alert(1)</script> [x](javascript:alert(2)) **vet**")
    body = client.get(post.get_absolute_url()).content.decode()
    assert "<script>alert" not in body and "javascript:alert" not in body
    assert "<strong>vet</strong>" in body


def test_main_navigation_links_the_news(client):
    body = client.get(LIST).content.decode()
    assert f'<a href="{LIST}" aria-current="page">' in body


def test_french_version_falls_back_to_dutch(client):
    post = PostFactory(title_nl="Alleen Nederlands", title_fr="", lead_fr="")
    body = client.get(f"/fr/nieuws/{post.slug}/").content.decode()
    assert 'lang="nl"' in body and "Alleen Nederlands" in body
    meta = parse(body).meta
    assert meta["og:url"] == f"{SITE}/fr/nieuws/{post.slug}/" and meta["og:locale"] == "fr_BE"


def test_edit_link_for_a_manager(client):
    post = PostFactory()
    client.force_login(coordinator())
    body = client.get(post.get_absolute_url()).content.decode()
    assert reverse("news_manage:post_edit", args=[post.pk]) in body
