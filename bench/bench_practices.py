"""The practice library (search + facets) at 10,000 and 100,000 published practices.

A generator bulk-inserts practices, their tags, their facet rows and their search-index
rows (plain INSERTs: the database's own triggers build the tsvector / FTS5 entries), then
times typical library requests through Django's test client (without the page cache):
everything, one word, two words, a facet, words plus facets. Reports median/p95 per
request and the ratio 100k/10k, the first request of each kind with nothing cached, and
the first one after a new practice was published. `BENCH_PRACTICES_SIZES=10000,50000` picks other sizes.
"""

from __future__ import annotations

import datetime
import os
import random
import time
from typing import Any

from bench.setup_django import setup
from bench.timing import measure

WORDS = [
    "sociaal",
    "werk",
    "buurt",
    "jongeren",
    "armoede",
    "onderbescherming",
    "rechten",
    "nabijheid",
    "vertrouwen",
    "wonen",
    "woning",
    "thuisloos",
    "gezin",
    "moeders",
    "kinderen",
    "school",
    "jeugdhulp",
    "zorg",
    "welzijn",
    "ocmw",
    "leefloon",
    "schulden",
    "energie",
    "digitaal",
    "smartphone",
    "loket",
    "ontmoeting",
    "vrijwilligers",
    "nieuwkomers",
    "taal",
    "inburgering",
    "diversiteit",
    "samenwerking",
    "netwerk",
    "eerstelijn",
    "huisarts",
    "mantelzorg",
    "ouderen",
    "eenzaamheid",
    "wijk",
    "straathoekwerk",
    "opbouwwerk",
    "politiserend",
    "structurele",
    "verandering",
    "beleid",
    "gemeente",
    "stad",
    "dorp",
    "platteland",
    "mobiliteit",
    "vervoer",
    "werk",
    "opleiding",
    "arbeidsmarkt",
    "krapte",
    "vorming",
    "ervaring",
    "deskundigheid",
    "participatie",
    "inspraak",
    "stem",
    "verhaal",
    "praktijk",
    "methodiek",
    "aanpak",
    "traject",
    "begeleiding",
    "casemanager",
    "outreachend",
    "laagdrempelig",
    "toegankelijk",
    "gezondheid",
    "psychisch",
    "welbevinden",
    "corona",
    "crisis",
    "solidariteit",
    "burgerinitiatief",
    "vereniging",
    "markt",
    "hybride",
    "ecologie",
    "duurzaam",
    "groen",
    "voedsel",
    "sociale",
    "kruidenier",
    "huurders",
    "leegstand",
    "kansen",
    "toekomst",
    "dromen",
]
EXTRA = [
    f"{a}{b}"
    for a in ("buurt", "zorg", "werk", "jeugd", "woon", "taal")
    for b in ("team", "punt", "huis", "plan", "netwerk", "project", "café", "winkel")
]


def _vocabulary() -> tuple[list[str], list[float]]:
    """About 6,000 word types with Zipf frequencies; the real words sit at ranks 30-700,
    so that a topical word is in a few percent of the practices, as in real text."""
    rng = random.Random(7)  # noqa: S311 - benchmark data
    filler = [
        f"{a}{b}{c}"
        for a in "bdgklmnprstvwz"
        for b in ("a", "e", "i", "o", "u", "oe", "ie", "aa")
        for c in (
            "l",
            "n",
            "r",
            "s",
            "t",
            "k",
            "m",
            "nd",
            "rt",
            "ng",
            "ld",
            "st",
            "ls",
            "rk",
            "mp",
            "ft",
            "cht",
            "lt",
            "nk",
            "rd",
            "ns",
            "rm",
            "ts",
            "nt",
            "rs",
            "pt",
            "sk",
            "lm",
            "lk",
            "rn",
            "rp",
            "ks",
            "wt",
            "ds",
            "gt",
            "ps",
            "mt",
            "ms",
            "nn",
            "ll",
            "ss",
            "tt",
            "mm",
            "kk",
            "rr",
            "dd",
            "pp",
            "ff",
            "gg",
            "bb",
        )
    ]
    rng.shuffle(filler)
    real = WORDS + EXTRA
    words = filler[:30]
    positions = sorted(rng.sample(range(30, 30 + len(filler) - 30 + len(real)), len(real)))
    rest, r = iter(filler[30:]), iter(real)
    for i in range(30, 30 + len(filler) - 30 + len(real)):
        words.append(
            next(r)
            if positions and i == positions[0] and positions.pop(0) is not None
            else next(rest)
        )
    weights = [1.0 / (i + 1) for i in range(len(words))]
    return words, weights


def _base() -> dict[str, Any]:
    from sterk.actionplan.models import Challenge, Plan
    from sterk.identity.models import Function, Krachtlijn
    from sterk.network.models import Organisation, Region

    regions = [
        Region.objects.create(slug=s, name_nl=s.title(), order=i)
        for i, s in enumerate(
            [
                "antwerpen",
                "limburg",
                "oost-vlaanderen",
                "west-vlaanderen",
                "vlaams-brabant",
                "brussel",
            ]
        )
    ]
    krachtlijnen = [
        Krachtlijn.objects.create(slug=s, number=i + 1, title_nl=s.title(), summary_nl=".")
        for i, s in enumerate(
            [
                "nabijheid",
                "politiserend-werken",
                "procesmatig-werken",
                "generalistisch-werken",
                "verbindend-werken",
            ]
        )
    ]
    functions = [
        Function.objects.create(slug=s, number=i + 1, title_nl=s.title(), summary_nl=".")
        for i, s in enumerate(
            ["waarborgfunctie", "laboratoriumfunctie", "sociaal-politieke-functie"]
        )
    ]
    plan = Plan.objects.create(
        slug="2020-2024", title_nl="Actieplan", start_year=2020, end_year=2024, is_current=True
    )
    challenges = [
        Challenge.objects.create(
            plan=plan, number=i + 1, slug=f"uitdaging-{i + 1}", title_nl=f"Uitdaging {i + 1}"
        )
        for i in range(8)
    ]
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(name=f"Organisatie {i}", normalised_name=f"organisatie {i}")
            for i in range(400)
        ]
    )
    return {
        "regions": regions,
        "krachtlijnen": krachtlijnen,
        "functions": functions,
        "challenges": challenges,
        "organisations": organisations,
    }


def generate(base: dict[str, Any], count: int, start: int, rng: random.Random) -> None:
    from django.db import connection
    from django.utils import timezone

    from sterk.core import search
    from sterk.practices.models import (
        Practice,
        PracticeFacet,
        PracticeSearchEntry,
        Sector,
        Status,
        TargetGroup,
    )

    words, weights = _vocabulary()
    stem_cache: dict[str, str] = {}
    sqlite = connection.vendor == "sqlite"

    def stemmed(text: str) -> str:
        out = []
        for w in search.words(text):
            s = stem_cache.get(w)
            if s is None:
                s = stem_cache[w] = search.stem(w)
            out.append(s)
        return " ".join(out)

    def sentence(n: int) -> str:
        return " ".join(rng.choices(words, weights=weights, k=n))

    through = {
        "krachtlijnen": Practice.krachtlijnen.through,
        "functions": Practice.functions.through,
        "challenges": Practice.challenges.through,
        "organisations": Practice.organisations.through,
    }
    batch = 2000
    now = timezone.now()
    for offset in range(0, count, batch):
        size = min(batch, count - offset)
        practices = []
        for i in range(size):
            n = start + offset + i
            published = now - datetime.timedelta(days=rng.randint(0, 5 * 365))
            practices.append(
                Practice(
                    slug=f"bench-{n}",
                    title_nl=sentence(5).capitalize(),
                    summary_nl=sentence(25),
                    story_nl=sentence(60),
                    status=Status.PUBLISHED,
                    published_at=published,
                    region=rng.choice(base["regions"]),
                    sector=rng.choice(Sector.values),
                    target_group=rng.choice(TargetGroup.values),
                )
            )
        Practice.objects.bulk_create(practices, batch_size=batch)
        links: dict[str, list[Any]] = {k: [] for k in through}
        facets: list[PracticeFacet] = []
        entries: list[PracticeSearchEntry] = []
        for p in practices:
            tags = {
                "krachtlijnen": rng.sample(base["krachtlijnen"], rng.randint(1, 2)),
                "functions": rng.sample(base["functions"], 1),
                "challenges": rng.sample(base["challenges"], rng.randint(1, 2)),
                "organisations": [base["organisations"][min(int(rng.paretovariate(1.2)) - 1, 399)]],
            }
            for name, objs in tags.items():
                field = through[name]
                key = {
                    "krachtlijnen": "krachtlijn",
                    "functions": "function",
                    "challenges": "challenge",
                    "organisations": "organisation",
                }[name]
                links[name] += [field(practice_id=p.pk, **{f"{key}_id": o.pk}) for o in objs]
            values = [("k", o.pk) for o in tags["krachtlijnen"]] + [
                ("f", o.pk) for o in tags["functions"]
            ]
            values += [("c", o.pk) for o in tags["challenges"]] + [
                ("o", o.pk) for o in tags["organisations"]
            ]
            values += [("r", p.region_id), ("s", p.sector), ("t", p.target_group)]
            values += [("y", timezone.localtime(p.published_at).year)]
            facets += [PracticeFacet(practice_id=p.pk, facet=f, value=str(v)) for f, v in values]
            body = f"{p.story_nl} {' '.join(o.title_nl for o in tags['krachtlijnen'])}"
            entries.append(
                PracticeSearchEntry(
                    practice_id=p.pk,
                    published_at=p.published_at,
                    title=p.title_nl,
                    summary=p.summary_nl,
                    body=body,
                    stem_title=stemmed(p.title_nl) if sqlite else "",
                    stem_body=stemmed(f"{p.summary_nl} {body}") if sqlite else "",
                )
            )
        for name, rows in links.items():
            through[name].objects.bulk_create(rows, batch_size=5000)
        PracticeFacet.objects.bulk_create(facets, batch_size=5000)
        PracticeSearchEntry.objects.bulk_create(entries, batch_size=batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


REQUESTS = {
    "everything": "/nl/praktijken/",
    "one word": "/nl/praktijken/?q=onderbescherming",
    "two words": "/nl/praktijken/?q=jongeren+wonen",
    "stemmed word": "/nl/praktijken/?q=nabijheid",
    "one facet": "/nl/praktijken/?regio=antwerpen",
    "two facets": "/nl/praktijken/?sector=housing&jaar={year}",
    "words+facets": "/nl/praktijken/?q=armoede&regio=limburg&krachtlijn=nabijheid",
    "page 20": "/nl/praktijken/?q=buurt&pagina=20",
}


def publish_one(base: dict[str, Any], n: int, rng: random.Random) -> None:
    """One new practice through the library's own service (`practice_reindex`): a change
    as a moderator makes it, recorded when it commits."""
    from django.db import transaction
    from django.utils import timezone

    from sterk.practices import services
    from sterk.practices.models import Practice, Sector, Status, TargetGroup

    words, weights = _vocabulary()
    with transaction.atomic():
        practice = Practice.objects.create(
            slug=f"bench-new-{n}",
            title_nl=" ".join(rng.choices(words, weights=weights, k=5)).capitalize(),
            summary_nl=" ".join(rng.choices(words, weights=weights, k=25)),
            story_nl=" ".join(rng.choices(words, weights=weights, k=60)),
            status=Status.PUBLISHED,
            published_at=timezone.now(),
            region=rng.choice(base["regions"]),
            sector=rng.choice(Sector.values),
            target_group=rng.choice(TargetGroup.values),
        )
        practice.krachtlijnen.set(rng.sample(base["krachtlijnen"], 2))
        practice.functions.set(rng.sample(base["functions"], 1))
        practice.challenges.set(rng.sample(base["challenges"], 1))
        practice.organisations.set([rng.choice(base["organisations"])])
        services.practice_reindex(practice)


def run() -> None:
    setup()
    from django.template import Template
    from django.test.utils import _TestState

    # setup_test_environment instruments template rendering for the test client's
    # context capture; production renders without it.
    Template._render = _TestState.saved_data.template_render  # type: ignore[method-assign]
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    # The library's own work, as a signed-in reader gets it: without the page cache, which
    # would answer every repeated request from one stored copy.
    settings.STERK_PAGE_CACHE = False

    sizes = [int(s) for s in os.environ.get("BENCH_PRACTICES_SIZES", "10000,100000").split(",")]
    rng = random.Random(42)  # noqa: S311 - benchmark data
    base = _base()
    client = Client()
    year = timezone.localdate().year - 1
    results: dict[int, dict[str, dict[str, float]]] = {}
    done = 0
    print(f"  database: {connection.vendor}")
    for size in sizes:
        started = time.perf_counter()
        generate(base, size - done, done, rng)
        print(f"  generated {size - done:,} practices in {time.perf_counter() - started:.0f} s")
        done = size
        cache.clear()
        results[size] = {}
        cold: dict[str, float] = {}
        for label, url in REQUESTS.items():
            url = url.format(year=year)
            client.get("/nl/praktijken/")  # the unfiltered counts are cached once per change
            start = time.perf_counter()
            response = client.get(url)
            cold[label] = (time.perf_counter() - start) * 1000
            assert response.status_code == 200, (url, response.status_code)
            results[size][label] = measure(lambda url=url: client.get(url), repeat=30, warmup=2)
        print(
            "  first request (counts not cached yet): "
            + ", ".join(f"{k} {v:.0f} ms" for k, v in cold.items())
        )
        # A new practice is published before each request: the first visitor after it.
        after: dict[str, float] = {}
        for label, url in REQUESTS.items():
            url = url.format(year=year)
            publish_one(base, size * 10 + len(after), rng)
            start = time.perf_counter()
            response = client.get(url)
            after[label] = (time.perf_counter() - start) * 1000
            assert response.status_code == 200, (url, response.status_code)
        print(
            "  first request after a new practice: "
            + ", ".join(f"{k} {v:.0f} ms" for k, v in after.items())
        )
        worst_after = max(after.values())
        print(
            f"  {size:,} practices: worst first request after a new practice {worst_after:.0f} ms"
        )
        worst = max(r["p95_ms"] for r in results[size].values())
        print(f"  {size:,} practices: worst p95 {worst:.1f} ms")
    small, large = sizes[0], sizes[-1]
    for label in REQUESTS:
        a, b = results[small][label], results[large][label]
        print(
            f"  {label:13s} {small:,}: median {a['median_ms']:.1f} p95 {a['p95_ms']:.1f} ms"
            f" | {large:,}: median {b['median_ms']:.1f} p95 {b['p95_ms']:.1f} ms"
            f" | ratio {b['median_ms'] / a['median_ms']:.2f}x"
        )
