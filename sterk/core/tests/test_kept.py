"""`{% kept %}` (sterk/core/templatetags/kept.py): a part of a page rendered once per data
version, language and key; rendered again after a committed change or at the next clock
moment; blind to the page's context, so nothing personal reaches another reader (#14)."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, RequestContext, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.utils import timezone, translation

from sterk.core import pagecache
from sterk.core.tests.support import without_page_cache  # noqa: F401
from sterk.network.models import Region
from sterk.network.tests.factories import RegionFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("without_page_cache"),
]


def _render(source: str, **context) -> str:
    return Template("{% load kept %}" + source).render(Context(context))


def _names() -> str:
    return ",".join(Region.objects.order_by("name_nl").values_list("name_nl", flat=True))


PART = '{% kept "t.names" with names=names %}{{ names }}{% endkept %}'


def test_rendered_once_per_data_version_and_again_after_a_change():
    RegionFactory(name_nl="Antwerpen")
    calls = []

    def names() -> str:
        calls.append(1)
        return _names()

    assert _render(PART, names=names) == "Antwerpen"
    assert _render(PART, names=names) == "Antwerpen"
    assert len(calls) == 1  # a callable value is read only when the part is rendered
    RegionFactory(name_nl="Limburg")  # commits: the data version moves on
    assert _render(PART, names=names) == "Antwerpen,Limburg"
    assert len(calls) == 2


def test_the_key_and_the_language_keep_parts_apart():
    source = (
        '{% kept "t.key" n with n=n %}{% load i18n %}{{ n }}-{% translate "Home" %}{% endkept %}'
    )
    with translation.override("nl"):
        assert _render(source, n=1) == "1-Home"
        assert _render(source, n=2) == "2-Home"
    with translation.override("fr"):
        assert _render(source, n=1) == "1-Accueil"  # not the Dutch part


def test_the_part_sees_only_what_it_is_given():
    request = RequestFactory().get("/nl/")
    request.user = UserFactory(first_name="Persoonlijk")
    request.csp_nonce = "nonce-of-this-request"
    source = (
        "{% load kept %}"
        '{% kept "t.blind" with shown=shown %}'
        "[{{ shown }}|{{ user.first_name }}|{{ request.path }}|{{ secret }}|{% csrf_token %}"
        "|{{ request.csp_nonce }}|{{ perms }}]"
        "{% endkept %}"
    )
    context = RequestContext(request, {"shown": "gedeeld", "secret": "van de pagina"})
    assert Template(source).render(context) == "[gedeeld||||||]"


def test_an_include_inside_a_part_works_with_the_given_values():
    source = (
        '{% kept "t.include" with event=event %}{% include "events/_seats.html" %}{% endkept %}'
    )

    class Event:
        status = "cancelled"

    with translation.override("en"):
        assert "Cancelled" in _render(source, event=Event())


def test_clock_renders_the_part_again_at_the_next_clock_moment():
    source = '{% kept "t.clock" clock with names=names %}{{ names }}{% endkept %}'
    calls = []

    def names() -> str:
        calls.append(1)
        return "x"

    now = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=now):
        _render(source, names=names)
        _render(source, names=names)
    assert len(calls) == 1
    later = pagecache.next_change(now) + datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        _render(source, names=names)
    assert len(calls) == 2


def test_limit_keeps_only_the_newest_keys():
    source = '{% kept "t.limit" n limit=2 with n=read %}{{ n }}{% endkept %}'
    calls = []

    def render(n: int) -> None:
        def read() -> int:
            calls.append(n)
            return n

        assert _render(source, n=n, read=read) == str(n)

    for n in (1, 2, 3):
        render(n)
    render(3)
    assert calls == [1, 2, 3]  # 3 was kept
    render(1)
    assert calls == [1, 2, 3, 1]  # the oldest had gone


def test_bad_arguments_are_a_clear_syntax_error():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load kept %}{% kept %}x{% endkept %}")
    with pytest.raises(TemplateSyntaxError):
        Template('{% load kept %}{% kept "t" with nonsense %}x{% endkept %}')


def test_an_anonymous_and_a_signed_in_reader_get_the_same_part():
    source = (
        "{% load kept %}"
        '{% kept "t.readers" with names=names %}{{ names }}{% endkept %}'
        "{{ user.is_authenticated }}"
    )
    visitor = RequestFactory().get("/")
    visitor.user = AnonymousUser()
    member = RequestFactory().get("/")
    member.user = UserFactory()
    first = Template(source).render(RequestContext(visitor, {"names": "a"}))
    second = Template(source).render(RequestContext(member, {"names": "b"}))
    assert first == "aFalse"
    assert second == "aTrue"  # the part is the one kept; the page around it is the reader's
