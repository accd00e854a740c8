"""The chair's member list and the public region page at 100 and 10,000 members.

Reports the median/p95 latency through Django's test client (no network) and the ratio
large/small: a list page that scales keeps the ratio near 1 (pagination + constant queries).
"""

from bench.setup_django import setup
from bench.timing import measure


def _populate(region, count: int, start: int) -> None:
    from sterk.accounts.models import User
    from sterk.network.models import Membership

    users = User.objects.bulk_create(
        [
            User(
                email=f"bench{start + i}@example.org",
                first_name="Bench",
                last_name=f"{start + i:06d}",
            )
            for i in range(count)
        ],
        batch_size=2000,
    )
    Membership.objects.bulk_create(
        [Membership(user=u, region=region) for u in users], batch_size=2000
    )


def run() -> None:
    setup()
    from django.conf import settings
    from django.test import Client

    from sterk.network.models import Role
    from sterk.network.services import role_assign
    from sterk.network.tests.factories import RegionFactory, UserFactory

    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    region = RegionFactory(slug="antwerpen", name_nl="Antwerpen")
    chair = UserFactory(email="chair@example.org")
    role_assign(actor=None, user=chair, role=Role.CHAIR, region=region)
    client = Client()
    client.force_login(chair)
    pages = {
        "region page": "/nl/regio/antwerpen/",
        "member list": f"/nl/beheer/regio/{region.slug}/leden/",
        "member search": f"/nl/beheer/regio/{region.slug}/leden/?q=0001",
    }
    results: dict[int, dict[str, dict[str, float]]] = {}
    populated = 0
    for size in (100, 10_000):
        _populate(region, size - populated, populated)
        populated = size
        results[size] = {}
        for label, url in pages.items():
            status = client.get(url).status_code
            if status != 200:
                print(f"  {label}: HTTP {status} at {url}; skipped")
                continue
            results[size][label] = measure(lambda url=url: client.get(url))
    for label in pages:
        if label not in results[100] or label not in results[10_000]:
            continue
        small, large = results[100][label], results[10_000][label]
        print(
            f"  {label:14s} 100 members: median {small['median_ms']:.1f} ms, p95 {small['p95_ms']:.1f} ms"
            f" | 10,000: median {large['median_ms']:.1f} ms, p95 {large['p95_ms']:.1f} ms"
            f" | ratio {large['median_ms'] / small['median_ms']:.2f}x"
        )
