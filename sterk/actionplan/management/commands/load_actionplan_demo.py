"""DEMO data for the action plan: 13 invented "(demo)" actions with initiatives, regional
proposals in every state, progress updates, and the 2022 evaluation's snapshot.

Nothing here is real. Refuses to run without DEBUG unless --force. Idempotent."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sterk.actionplan import services
from sterk.actionplan.models import (
    Action,
    ActionProposal,
    Challenge,
    Evaluation,
    Origin,
    Plan,
    ProposalStatus,
    SpearheadActivity,
    Status,
)
from sterk.core import content
from sterk.identity.models import Function, Krachtlijn
from sterk.network.models import Organisation, Region, Role, RoleAssignment

D = datetime.date
REGIONS = {
    "antwerpen": "Antwerpen",
    "limburg": "Limburg",
    "oost-vlaanderen": "Oost-Vlaanderen",
    "west-vlaanderen": "West-Vlaanderen",
    "vlaams-brabant": "Vlaams-Brabant",
    "brussel": "Brussel",
}

# (challenge, slug, title, regions, organisations, krachtlijnen, functions, initiatives,
#  updates [(date, status, progress, narrative)])
DEMO_ACTIONS: list[tuple[Any, ...]] = [
    (
        1,
        "demo-buurtgerichte-zorg",
        "Buurtgerichte zorg samen met mantelzorgers",
        ["antwerpen", "limburg"],
        [],
        [1, 5],
        [1],
        [
            "Buurtteams in kaart brengen",
            "Lerend netwerk met mantelzorgers",
            "Vorming voor buurtwerkers",
            "Praktijkverhalen delen",
        ],
        [
            (D(2021, 3, 1), Status.PREPARING, 10, "Buurtteams in kaart gebracht."),
            (D(2022, 2, 1), Status.RUNNING, 40, "Lerend netwerk gestart met twaalf organisaties."),
            (D(2023, 9, 15), Status.RUNNING, 70, "Vorming loopt in beide provincies."),
        ],
    ),
    (
        2,
        "demo-digitale-inclusie",
        "Digitale inclusie in de sociale dienstverlening",
        ["oost-vlaanderen"],
        [],
        [1, 3],
        [2],
        [
            "Toolkit digitale drempels",
            "Digibanken in sociale huizen",
            "Online praktijksafari",
            "Onderzoek naar digitaal-eerst dienstverlening",
            "Vorming voor baliemedewerkers",
        ],
        [
            (D(2020, 11, 19), Status.RUNNING, 20, "Online praktijksafari georganiseerd."),
            (D(2022, 4, 20), Status.RUNNING, 55, "Toolkit getest in drie sociale huizen."),
        ],
    ),
    (
        3,
        "demo-diverse-teams",
        "Diverse teams in sociaalwerkorganisaties",
        ["limburg", "brussel"],
        [],
        [4, 5],
        [3],
        [
            "Webinar diversiteit in organisaties",
            "Lerend netwerk voor leidinggevenden",
            "Wervingsgids",
            "Mentorschap voor nieuwkomers in het werkveld",
        ],
        [
            (D(2021, 4, 22), Status.RUNNING, 30, "Webinar voor leidinggevenden en besturen."),
            (D(2022, 10, 1), Status.RUNNING, 60, "Lerend netwerk gestart."),
        ],
    ),
    (
        3,
        "demo-meertalig-werken",
        "Meertalig werken als kracht",
        ["brussel"],
        [],
        [1, 5],
        [1],
        ["Tolkenpool delen", "Praktijkgids meertalig werken", "Intervisie voor teams"],
        [(D(2021, 10, 1), Status.PREPARING, None, "Verkenning met partners.")],
    ),
    (
        4,
        "demo-energiearmoede",
        "Energiearmoede aanpakken met lokale besturen",
        ["west-vlaanderen"],
        [],
        [2, 4],
        [1, 3],
        [
            "Energiescans aan huis",
            "Signalen bundelen voor beleid",
            "Samenwerking met energiehuizen",
            "Vorming over energierechten",
        ],
        [
            (D(2022, 1, 10), Status.RUNNING, 25, "Eerste energiescans uitgevoerd."),
            (D(2023, 6, 1), Status.COMPLETED, 100, "Signalen gebundeld en aan het beleid bezorgd."),
        ],
    ),
    (
        4,
        "demo-groene-ontmoetingsplekken",
        "Groene ontmoetingsplekken in kwetsbare wijken",
        ["antwerpen"],
        [],
        [1, 5],
        [2],
        ["Wijkmoestuinen", "Samenwerking met natuurverenigingen", "Evaluatie met bewoners"],
        [],
    ),
    (
        5,
        "demo-minder-bureaucratie",
        "Minder bureaucratie, meer hulpverlening",
        ["antwerpen"],
        [],
        [3, 4],
        [1],
        [
            "Administratieve lasten in kaart",
            "Projecten met minder werklast uitlichten",
            "Aanbevelingen voor beleid",
            "Vereenvoudigde formulieren testen",
        ],
        [
            (D(2021, 2, 1), Status.RUNNING, 20, "Bevraging over administratieve werklast."),
            (D(2022, 3, 1), Status.RUNNING, 45, "Zes projecten met minder werklast beschreven."),
            (D(2024, 2, 1), Status.RUNNING, 80, "Aanbevelingen in voorbereiding."),
        ],
    ),
    (
        5,
        "demo-werken-in-vertrouwen",
        "Werken in vertrouwen",
        ["antwerpen", "vlaams-brabant"],
        [],
        [1, 3],
        [3],
        [
            "Praktijken met vertrouwensrelaties",
            "Samenwerkingsverbanden uitbouwen",
            "Intervisie rond beroepsgeheim",
        ],
        [(D(2021, 9, 1), Status.PREPARING, 5, "Werkgroep samengesteld.")],
    ),
    (
        6,
        "demo-bruggen-naar-gezondheid",
        "Bruggen naar de gezondheidszorg",
        ["limburg", "vlaams-brabant"],
        [],
        [4, 5],
        [1],
        [
            "Gezamenlijke casusbesprekingen",
            "Sociaal werk op ELZ-overleg voorstellen",
            "Vorming interprofessioneel samenwerken",
            "Gedeelde taal over sociale noden",
        ],
        [
            (D(2021, 11, 1), Status.RUNNING, 30, "Voorgesteld op drie ELZ-overlegmomenten."),
            (D(2023, 1, 15), Status.RUNNING, 65, "Casusbesprekingen lopen."),
        ],
    ),
    (
        6,
        "demo-onderwijs-en-welzijn",
        "Onderwijs en welzijn samen",
        ["oost-vlaanderen"],
        [],
        [5],
        [2],
        ["Brugfiguren in scholen", "Uitwisseling met CLB's", "Gedeelde vorming"],
        [(D(2022, 9, 1), Status.STOPPED, 15, "Gestopt: opgenomen in een Vlaams project.")],
    ),
    (
        7,
        "demo-burgerinitiatieven-ondersteunen",
        "Burgerinitiatieven ondersteunen zonder over te nemen",
        ["west-vlaanderen", "brussel"],
        [],
        [5, 2],
        [3],
        [
            "Ontmoetingsdagen formeel en informeel",
            "Gids samenwerken met burgerinitiatieven",
            "Lokale netwerken versterken",
            "Praktijkverhalen verzamelen",
        ],
        [(D(2021, 5, 1), Status.RUNNING, 35, "Twee ontmoetingsdagen georganiseerd.")],
    ),
    (
        8,
        "demo-proactief-rechten-toekennen",
        "Proactief rechten toekennen",
        ["limburg", "oost-vlaanderen"],
        [],
        [4, 2],
        [1],
        [
            "Praktijksafari onderbescherming",
            "Automatische rechtentoekenning bepleiten",
            "Signaalbundel onderbescherming",
            "Outreachend werken versterken",
            "Vorming voor OCMW-medewerkers",
        ],
        [
            (D(2020, 11, 19), Status.RUNNING, 20, "Online praktijksafari over onderbescherming."),
            (D(2022, 4, 1), Status.RUNNING, 50, "Signaalbundel in opmaak."),
            (D(2024, 3, 1), Status.COMPLETED, 100, "Signaalbundel voorgesteld aan beleidsmakers."),
        ],
    ),
    (
        8,
        "demo-jongeren-uit-de-jeugdhulp",
        "Jongeren uit de jeugdhulp naar zelfstandigheid",
        ["antwerpen"],
        [],
        [1, 2],
        [1, 3],
        [
            "Samenwerking met ervaringsdeskundigen",
            "Brug naar sociale huisvesting",
            "Begeleiding na achttien jaar",
        ],
        [(D(2022, 6, 1), Status.PREPARING, None, "Verkennende gesprekken.")],
    ),
]

DEMO_PROPOSALS: list[tuple[str, int, str, str, str]] = [
    # (region, challenge, title, status, message)
    (
        "antwerpen",
        5,
        "Administratieve vereenvoudiging in OCMW's (demo)",
        ProposalStatus.SUBMITTED,
        "",
    ),
    (
        "limburg",
        6,
        "Een duidelijke plaats op de eerste lijn (demo)",
        ProposalStatus.CHANGES_REQUESTED,
        "Mooi voorstel. Kunnen jullie de initiatieven concreter maken en partners noemen?",
    ),
    (
        "west-vlaanderen",
        1,
        "Het 40-actiepuntenplan opvolgen (demo)",
        ProposalStatus.APPROVED,
        "Goedgekeurd: een sterk regionaal voorbeeld.",
    ),
    (
        "brussel",
        2,
        "Een eigen Brusselse app (demo)",
        ProposalStatus.DECLINED,
        "Dit overlapt met de actie rond digitale praktijken; sluit daar liever bij aan.",
    ),
]


# The French and English of every Dutch demo text above, so the demo shows a translated
# platform (the real content is complete in the three languages).
TRANSLATIONS: dict[str, tuple[str, str]] = {
    # actions
    "Buurtgerichte zorg samen met mantelzorgers": (
        "Des soins de quartier avec les aidants proches",
        "Neighbourhood care together with informal carers",
    ),
    "Digitale inclusie in de sociale dienstverlening": (
        "L'inclusion numérique dans les services sociaux",
        "Digital inclusion in social services",
    ),
    "Diverse teams in sociaalwerkorganisaties": (
        "Des équipes diversifiées dans les organisations de travail social",
        "Diverse teams in social work organisations",
    ),
    "Meertalig werken als kracht": (
        "Le travail multilingue comme force",
        "Multilingual work as a strength",
    ),
    "Energiearmoede aanpakken met lokale besturen": (
        "Lutter contre la précarité énergétique avec les pouvoirs locaux",
        "Tackling energy poverty with local governments",
    ),
    "Groene ontmoetingsplekken in kwetsbare wijken": (
        "Des lieux de rencontre verts dans les quartiers vulnérables",
        "Green meeting places in vulnerable neighbourhoods",
    ),
    "Minder bureaucratie, meer hulpverlening": (
        "Moins de bureaucratie, plus d'aide",
        "Less bureaucracy, more help",
    ),
    "Werken in vertrouwen": ("Travailler dans la confiance", "Working in trust"),
    "Bruggen naar de gezondheidszorg": (
        "Des ponts vers les soins de santé",
        "Bridges to health care",
    ),
    "Onderwijs en welzijn samen": (
        "Enseignement et bien-être ensemble",
        "Education and welfare together",
    ),
    "Burgerinitiatieven ondersteunen zonder over te nemen": (
        "Soutenir les initiatives citoyennes sans les reprendre",
        "Supporting citizens' initiatives without taking them over",
    ),
    "Proactief rechten toekennen": (
        "Accorder les droits de manière proactive",
        "Granting rights proactively",
    ),
    "Jongeren uit de jeugdhulp naar zelfstandigheid": (
        "Des jeunes de l'aide à la jeunesse vers l'autonomie",
        "Young people from youth care towards independence",
    ),
    # initiatives
    "Buurtteams in kaart brengen": (
        "Cartographier les équipes de quartier",
        "Mapping the neighbourhood teams",
    ),
    "Lerend netwerk met mantelzorgers": (
        "Réseau apprenant avec les aidants proches",
        "Learning network with informal carers",
    ),
    "Vorming voor buurtwerkers": (
        "Formation pour les travailleurs de quartier",
        "Training for neighbourhood workers",
    ),
    "Praktijkverhalen delen": ("Partager des récits de pratique", "Sharing practice stories"),
    "Toolkit digitale drempels": (
        "Boîte à outils sur les obstacles numériques",
        "Toolkit on digital barriers",
    ),
    "Digibanken in sociale huizen": (
        "Espaces numériques dans les maisons sociales",
        "Digital help desks in social centres",
    ),
    "Online praktijksafari": ("Safari de pratiques en ligne", "Online practice safari"),
    "Onderzoek naar digitaal-eerst dienstverlening": (
        "Étude des services « numériques d'abord »",
        "Research into digital-first services",
    ),
    "Vorming voor baliemedewerkers": (
        "Formation pour le personnel d'accueil",
        "Training for front-desk staff",
    ),
    "Webinar diversiteit in organisaties": (
        "Webinaire sur la diversité dans les organisations",
        "Webinar on diversity in organisations",
    ),
    "Lerend netwerk voor leidinggevenden": (
        "Réseau apprenant pour les responsables",
        "Learning network for managers",
    ),
    "Wervingsgids": ("Guide de recrutement", "Recruitment guide"),
    "Mentorschap voor nieuwkomers in het werkveld": (
        "Mentorat pour les nouveaux venus dans le secteur",
        "Mentoring for newcomers to the field",
    ),
    "Tolkenpool delen": ("Partager un pool d'interprètes", "Sharing a pool of interpreters"),
    "Praktijkgids meertalig werken": (
        "Guide pratique du travail multilingue",
        "Practice guide to multilingual work",
    ),
    "Intervisie voor teams": ("Intervision pour les équipes", "Peer review for teams"),
    "Energiescans aan huis": (
        "Scans énergétiques à domicile",
        "Energy scans at home",
    ),
    "Signalen bundelen voor beleid": (
        "Rassembler les signaux pour les décideurs",
        "Bundling signals for policy makers",
    ),
    "Samenwerking met energiehuizen": (
        "Collaboration avec les maisons de l'énergie",
        "Working with energy advice centres",
    ),
    "Vorming over energierechten": (
        "Formation sur les droits en matière d'énergie",
        "Training on energy rights",
    ),
    "Wijkmoestuinen": ("Potagers de quartier", "Neighbourhood vegetable gardens"),
    "Samenwerking met natuurverenigingen": (
        "Collaboration avec les associations de protection de la nature",
        "Working with nature associations",
    ),
    "Evaluatie met bewoners": ("Évaluation avec les habitants", "Evaluation with residents"),
    "Administratieve lasten in kaart": (
        "Cartographier les charges administratives",
        "Mapping the administrative burden",
    ),
    "Projecten met minder werklast uitlichten": (
        "Mettre en avant les projets qui allègent la charge de travail",
        "Highlighting projects with a lighter workload",
    ),
    "Aanbevelingen voor beleid": (
        "Recommandations pour les décideurs",
        "Recommendations for policy makers",
    ),
    "Vereenvoudigde formulieren testen": (
        "Tester des formulaires simplifiés",
        "Testing simplified forms",
    ),
    "Praktijken met vertrouwensrelaties": (
        "Pratiques fondées sur la relation de confiance",
        "Practices built on relationships of trust",
    ),
    "Samenwerkingsverbanden uitbouwen": (
        "Développer des partenariats",
        "Building partnerships",
    ),
    "Intervisie rond beroepsgeheim": (
        "Intervision sur le secret professionnel",
        "Peer review on professional confidentiality",
    ),
    "Gezamenlijke casusbesprekingen": (
        "Discussions de cas communes",
        "Joint case discussions",
    ),
    "Sociaal werk op ELZ-overleg voorstellen": (
        "Présenter le travail social aux concertations des zones de première ligne",
        "Presenting social work at primary care zone meetings",
    ),
    "Vorming interprofessioneel samenwerken": (
        "Formation à la collaboration interprofessionnelle",
        "Training in interprofessional collaboration",
    ),
    "Gedeelde taal over sociale noden": (
        "Un langage commun sur les besoins sociaux",
        "A shared language for social needs",
    ),
    "Brugfiguren in scholen": ("Des médiateurs dans les écoles", "Bridge workers in schools"),
    "Uitwisseling met CLB's": (
        "Échanges avec les centres d'encadrement des élèves",
        "Exchanges with pupil guidance centres",
    ),
    "Gedeelde vorming": ("Formation commune", "Shared training"),
    "Ontmoetingsdagen formeel en informeel": (
        "Journées de rencontre entre acteurs formels et informels",
        "Meeting days for formal and informal actors",
    ),
    "Gids samenwerken met burgerinitiatieven": (
        "Guide pour collaborer avec les initiatives citoyennes",
        "Guide to working with citizens' initiatives",
    ),
    "Lokale netwerken versterken": (
        "Renforcer les réseaux locaux",
        "Strengthening local networks",
    ),
    "Praktijkverhalen verzamelen": (
        "Recueillir des récits de pratique",
        "Collecting practice stories",
    ),
    "Praktijksafari onderbescherming": (
        "Safari de pratiques sur le non-recours aux droits",
        "Practice safari on non-take-up of rights",
    ),
    "Automatische rechtentoekenning bepleiten": (
        "Plaider pour l'octroi automatique des droits",
        "Advocating automatic granting of rights",
    ),
    "Signaalbundel onderbescherming": (
        "Recueil de signaux sur le non-recours aux droits",
        "Collection of signals on non-take-up of rights",
    ),
    "Outreachend werken versterken": (
        "Renforcer le travail de proximité",
        "Strengthening outreach work",
    ),
    "Vorming voor OCMW-medewerkers": (
        "Formation pour le personnel des CPAS",
        "Training for public social welfare centre staff",
    ),
    "Samenwerking met ervaringsdeskundigen": (
        "Collaboration avec des experts du vécu",
        "Working with experts by experience",
    ),
    "Brug naar sociale huisvesting": (
        "Un pont vers le logement social",
        "A bridge to social housing",
    ),
    "Begeleiding na achttien jaar": (
        "Accompagnement après dix-huit ans",
        "Support after the age of eighteen",
    ),
    # the approved regional proposal, its description and its initiatives
    "Het 40-actiepuntenplan opvolgen": (
        "Suivre le plan en 40 points d'action",
        "Following up the 40-point action plan",
    ),
    "Een verzonnen voorstel om de goedkeuring te tonen.": (
        "Une proposition inventée pour montrer l'approbation.",
        "An invented proposal to show the approval.",
    ),
    "Eerste stap": ("Première étape", "First step"),
    "Tweede stap": ("Deuxième étape", "Second step"),
}


DEMO_MARK = {"fr": " (démo)", "en": " (demo)"}


def demo_translations(text_nl: str) -> dict[str, str] | None:
    """The French and English of a Dutch demo text ("… (demo)" keeps its mark, translated)."""
    base = text_nl.removesuffix(" (demo)")
    pair = TRANSLATIONS.get(base)
    if pair is None:
        return None
    marked = base != text_nl
    return {
        lang: text + (DEMO_MARK[lang] if marked else "")
        for lang, text in zip(("fr", "en"), pair, strict=True)
    }


def _missing_translations(obj: Any, fields: tuple[str, ...]) -> dict[str, str]:
    """The fr/en values a demo row lacks: empty, or the Dutch text with a demo mark (what
    earlier versions of this command stored)."""
    data: dict[str, str] = {}
    for name in fields:
        text_nl = getattr(obj, f"{name}_nl") or ""
        translated = demo_translations(text_nl)
        if translated is None:
            continue
        base = text_nl.removesuffix(" (demo)")
        for lang, text in translated.items():
            current = getattr(obj, f"{name}_{lang}") or ""
            if current != text and (not current or current.removesuffix(DEMO_MARK[lang]) == base):
                data[f"{name}_{lang}"] = text
    return data


def _first_user(role: str, region: Region | None = None) -> Any:
    qs = RoleAssignment.objects.filter(role=role, user__is_active=True).select_related("user")
    if region is not None:
        qs = qs.filter(region=region)
    assignment = qs.order_by("id").first()
    return assignment.user if assignment else None


class Command(BaseCommand):
    help = "Add DEMO data to the action plan (13 '(demo)' actions, proposals, progress)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Run even when DEBUG is off (never in production)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "load_actionplan_demo adds invented demo data; it runs only with DEBUG on "
                "(or with --force)."
            )
        if not Plan.objects.filter(slug=content.item("actionplan/plan")["slug"]).exists():
            call_command("load_actionplan", stdout=self.stdout)
        with transaction.atomic():
            summary = self._load()
        self.stdout.write(self.style.WARNING(f"Action plan DEMO data: {summary}."))

    def _load(self) -> str:
        plan = Plan.objects.get(slug=content.item("actionplan/plan")["slug"])
        challenges = {c.number: c for c in Challenge.objects.filter(plan=plan)}
        regions = {}
        for order, (slug, name) in enumerate(REGIONS.items(), start=1):
            region = Region.objects.filter(slug=slug).first()
            if region is None:
                region = Region(slug=slug, name_nl=name, order=order)
                region.full_clean()
                region.save()
            regions[slug] = region
        krachtlijnen = {k.number: k for k in Krachtlijn.objects.all()}
        functions = {f.number: f for f in Function.objects.all()}
        coordinator = _first_user(Role.COORDINATOR)
        new_actions = new_updates = new_proposals = 0

        for (
            number,
            slug,
            title,
            region_slugs,
            _orgs,
            k_numbers,
            f_numbers,
            initiatives,
            updates,
        ) in DEMO_ACTIONS:
            action = Action.objects.filter(slug=slug).first()
            if action is None:
                action = services.action_create(
                    actor=None,
                    data={
                        "challenge": challenges[number],
                        "slug": slug,
                        "title_nl": f"{title} (demo)",
                        **{
                            f"title_{lang}": text
                            for lang, text in (demo_translations(f"{title} (demo)") or {}).items()
                        },
                        "description_nl": "Een verzonnen voorbeeldactie om het platform te "
                        "tonen. (demo)",
                        "description_fr": "Une action d'exemple inventée pour montrer la "
                        "plateforme. (démo)",
                        "description_en": "An invented example action to show the platform. (demo)",
                        "origin": Origin.PLAN,
                        "krachtlijnen": [krachtlijnen[n] for n in k_numbers if n in krachtlijnen],
                        "functions": [functions[n] for n in f_numbers if n in functions],
                        "carrier_regions": [regions[s] for s in region_slugs],
                    },
                )
                for line in initiatives:
                    title_nl = f"{line} (demo)"
                    translated = demo_translations(title_nl) or {}
                    services.initiative_create(
                        actor=None,
                        action=action,
                        data={
                            "title_nl": title_nl,
                            **{f"title_{lang}": text for lang, text in translated.items()},
                        },
                    )
                new_actions += 1
            if not action.updates.exists():
                chair = _first_user(Role.CHAIR, regions[region_slugs[0]]) or coordinator
                for date, status, progress, narrative in updates:
                    services.progress_record(
                        actor=chair,
                        target=action,
                        date=date,
                        status=status,
                        progress=progress,
                        narrative=f"(demo) {narrative}",
                    )
                    new_updates += 1
                first = action.initiatives.first()
                if first is not None and updates:
                    services.progress_record(
                        actor=chair,
                        target=first,
                        date=updates[0][0],
                        status=Status.COMPLETED,
                        narrative="(demo) Afgerond.",
                    )
                    new_updates += 1

        socius = Organisation.objects.filter(normalised_name="socius").first()
        socius_rep = (
            RoleAssignment.objects.filter(role=Role.STAKEHOLDER, organisation=socius)
            .select_related("user")
            .first()
        )
        activity_updates = {
            "Vertellen": [
                (D(2021, 4, 15), Status.RUNNING, 30, "De eerste drie werkpraktijken staan online.")
            ],
            "Verstaan": [
                (
                    D(2022, 5, 5),
                    Status.COMPLETED,
                    100,
                    "Publicatie voorgesteld op de Sociaalwerkconferentie.",
                )
            ],
            "Versterken": [(D(2022, 9, 1), Status.RUNNING, 20, "Eerste vormingsreeks gestart.")],
        }
        for activity in SpearheadActivity.objects.filter(
            spearhead__slug="draagvlak-en-politiserend-werken"
        ):
            if activity.updates.exists():
                continue
            for date, status, progress, narrative in activity_updates.get(activity.title_nl, []):
                services.progress_record(
                    actor=socius_rep.user if socius_rep else coordinator,
                    target=activity,
                    date=date,
                    status=status,
                    progress=progress,
                    narrative=f"(demo) {narrative}",
                )
                new_updates += 1

        for region_slug, number, title, status, message in DEMO_PROPOSALS:
            region = regions[region_slug]
            if ActionProposal.objects.filter(region=region, title=title).exists():
                continue
            chair = _first_user(Role.CHAIR, region)
            proposal = services.proposal_submit(
                actor=chair,
                region=region,
                data={
                    "challenge": challenges[number],
                    "title": title,
                    "description": "Een verzonnen voorstel om de goedkeuring te tonen. (demo)",
                    "initiatives": "Eerste stap (demo)\nTweede stap (demo)",
                    "krachtlijnen": [k for n, k in krachtlijnen.items() if n in (1, 5)],
                    "carrier_regions": [region],
                },
            )
            if status == ProposalStatus.APPROVED:
                services.proposal_approve(actor=coordinator, proposal=proposal, message=message)
            elif status == ProposalStatus.CHANGES_REQUESTED:
                services.proposal_request_changes(
                    actor=coordinator, proposal=proposal, message=message
                )
            elif status == ProposalStatus.DECLINED:
                services.proposal_decline(actor=coordinator, proposal=proposal, reason=message)
            new_proposals += 1

        rows_translated = self._translate(plan)

        snapshot = ""
        evaluation = Evaluation.objects.filter(
            slug=content.item("actionplan/evaluation")["slug"]
        ).first()
        if evaluation is not None and not evaluation.is_frozen:
            services.evaluation_snapshot_take(actor=coordinator, evaluation=evaluation)
            snapshot = ", snapshot of the 2022 evaluation taken"
        return (
            f"{new_actions} actions, {new_updates} progress updates, "
            f"{new_proposals} proposals, {rows_translated} rows translated{snapshot}"
        )

    def _translate(self, plan: Plan) -> int:
        """Give every demo action and initiative its French and English (also those of an
        approved demo proposal, which joins the plan in Dutch as regions write it, and
        rows that an earlier version of this command loaded in Dutch only)."""
        done = 0
        demo_actions = Action.objects.filter(challenge__plan=plan, title_nl__endswith="(demo)")
        for action in demo_actions.prefetch_related("initiatives"):
            data = _missing_translations(action, ("title", "description"))
            if data:
                services.action_update(actor=None, action=action, data=data)
                done += 1
            for initiative in action.initiatives.all():
                data = _missing_translations(initiative, ("title",))
                if data:
                    services.initiative_update(actor=None, initiative=initiative, data=data)
                    done += 1
        return done
