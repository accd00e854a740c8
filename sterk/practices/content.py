"""The practices the public texts of Sterk Sociaal Werk name, summarised in our own words
(nl, fr, en), and the call Socius launched. Loaded by `manage.py load_practices`.

Only what the texts say is used: the organisations, the place, what the practice does.
Links are left out where the texts give no address; dates are those of the texts
(the Oost-Vlaanderen practice safari in autumn 2020, the newsletter of spring 2021)."""

from __future__ import annotations

import datetime
from typing import Any


def t(nl: str, fr: str, en: str) -> dict[str, str]:
    return {"nl": nl, "fr": fr, "en": en}


PRACTICES: list[dict[str, Any]] = [
    {
        "slug": "babbelonie-2-0",
        "title": t("Babbelonië 2.0", "Babbelonië 2.0", "Babbelonië 2.0"),
        "summary": t(
            "Vormingplus zette samen met het Agentschap Integratie en Inburgering Babbelonië "
            "2.0 op: mensen die Nederlands leren oefenen in gesprek met vrijwilligers, ook "
            "toen elkaar ontmoeten in coronatijden digitaal moest.",
            "Vormingplus a lancé Babbelonië 2.0 avec l’Agentschap Integratie en Inburgering : "
            "des personnes qui apprennent le néerlandais s’exercent en conversation avec des "
            "bénévoles, même quand les rencontres devaient se faire en ligne pendant le corona.",
            "Vormingplus set up Babbelonië 2.0 with the Agency for Integration and Civic "
            "Integration: people learning Dutch practise in conversation with volunteers, also "
            "when meeting had to move online during the pandemic.",
        ),
        "story": t(
            "Oefenen in het Nederlands gaat het best in een echt gesprek. Babbelonië brengt "
            "mensen die de taal leren samen met vrijwilligers die tijd maken om te praten. "
            "Toen de coronamaatregelen fysieke ontmoetingen onmogelijk maakten, zochten "
            "Vormingplus en het Agentschap Integratie en Inburgering samen naar een digitale "
            "vorm: Babbelonië 2.0.\n\nHet Oost-Vlaamse regionale platform liet de praktijk "
            "aan het woord in zijn online praktijksafari over sociaal werk in (digitale) "
            "coronatijden: hoe blijf je nabij als je elkaar niet meer ziet?",
            "",
            "",
        ),
        "organisations": ["Vormingplus", "Agentschap Integratie en Inburgering"],
        "region": "oost-vlaanderen",
        "sector": "socio_cultural",
        "target_group": "newcomers",
        "krachtlijnen": ["verbindend-werken", "nabijheid"],
        "functions": ["laboratoriumfunctie"],
        "challenges": ["digitalisering", "superdiversiteit"],
        "published": datetime.date(2020, 10, 1),
    },
    {
        "slug": "de-meubelfabriek-brugse-poort",
        "title": t(
            "De Meubelfabriek in de Brugse Poort",
            "De Meubelfabriek dans la Brugse Poort",
            "De Meubelfabriek in the Brugse Poort",
        ),
        "summary": t(
            "Een buurtwerkpraktijk in de Brugse Poort in Gent: de Meubelfabriek is een plek "
            "waar buurtbewoners elkaar ontmoeten en samen aan de slag gaan.",
            "Une pratique de travail de quartier dans la Brugse Poort à Gand : de "
            "Meubelfabriek est un lieu où les habitants se rencontrent et agissent ensemble.",
            "A neighbourhood work practice in the Brugse Poort in Ghent: de Meubelfabriek is a "
            "place where residents meet and get things done together.",
        ),
        "story": t(
            "De Brugse Poort is een dichtbevolkte, superdiverse wijk in Gent. Buurtwerk begint "
            "er bij ontmoeting: een plek waar bewoners binnenlopen, elkaar leren kennen en "
            "samen iets maken.\n\nHet regionale platform Oost-Vlaanderen stelde de "
            "Meubelfabriek voor in zijn online praktijksafari over sociaal werk in "
            "(digitale) coronatijden.",
            "",
            "",
        ),
        "organisation_names": "De Meubelfabriek (buurtwerk Brugse Poort, Gent)",
        "region": "oost-vlaanderen",
        "sector": "community",
        "target_group": "everyone",
        "krachtlijnen": ["nabijheid", "verbindend-werken"],
        "functions": ["laboratoriumfunctie"],
        "challenges": ["vermaatschappelijking", "superdiversiteit"],
        "published": datetime.date(2020, 10, 1),
    },
    {
        "slug": "jeugdhulppraktijk-de-cocon",
        "title": t(
            "Jeugdhulppraktijk de Cocon",
            "De Cocon, une pratique d’aide à la jeunesse",
            "De Cocon, a youth care practice",
        ),
        "summary": t(
            "De Cocon is een jeugdhulppraktijk die het regionale platform Oost-Vlaanderen "
            "voorstelde in zijn praktijksafari over sociaal werk in (digitale) coronatijden.",
            "De Cocon est une pratique d’aide à la jeunesse présentée par la plateforme "
            "régionale de Flandre-Orientale lors de son safari de pratiques sur le travail "
            "social en temps de corona (numérique).",
            "De Cocon is a youth care practice the East Flanders platform presented in its "
            "practice safari on social work in (digital) pandemic times.",
        ),
        "story": t(
            "Jongeren en hun hulpverleners bleven tijdens de coronacrisis zoeken naar "
            "manieren om het contact en het vertrouwen te bewaren. De Cocon vertelde in de "
            "online praktijksafari van het Oost-Vlaamse platform hoe zij dat aanpakten.",
            "",
            "",
        ),
        "organisation_names": "de Cocon",
        "region": "oost-vlaanderen",
        "sector": "youth_care",
        "target_group": "children_youth",
        "krachtlijnen": ["nabijheid", "procesmatig-werken"],
        "functions": ["waarborgfunctie"],
        "challenges": ["vertrouwen", "digitalisering"],
        "published": datetime.date(2020, 10, 1),
    },
    {
        "slug": "cachet-mechelen-grote-stap",
        "title": t(
            "Cachet: de grote stap na de jeugdhulp, samen met Mechelen",
            "Cachet : le grand pas après l’aide à la jeunesse, avec Malines",
            "Cachet: the big step after youth care, together with Mechelen",
        ),
        "summary": t(
            "Op je achttiende op eigen benen staan na jaren in een voorziening is zwaar. "
            "Cachet vzw, door en voor jongeren met jeugdhulpervaring, werkte in Mechelen "
            "samen met het Sociaal Huis en Jeugdzorg Emmaüs, en dat leidde tot structurele "
            "verandering.",
            "À dix-huit ans, voler de ses propres ailes après des années en institution est "
            "difficile. Cachet vzw, par et pour des jeunes ayant l’expérience de l’aide à la "
            "jeunesse, a collaboré à Malines avec le Sociaal Huis et Jeugdzorg Emmaüs, ce qui "
            "a mené à un changement structurel.",
            "Standing on your own feet at eighteen after years in care is hard. Cachet vzw, "
            "run by and for young people with experience of youth care, worked in Mechelen "
            "with the Sociaal Huis and Jeugdzorg Emmaüs, and that led to structural change.",
        ),
        "story": t(
            "Cachet helpt jongeren opdat de overgang naar een zelfstandig leven vlotter "
            "verloopt. In Mechelen bracht Cachet de ervaring van jongeren samen met het "
            "Sociaal Huis en Jeugdzorg Emmaüs. Wat jongeren vertelden, veranderde hoe de "
            "organisaties samenwerken: een politiserende praktijk die structureel iets "
            "verschuift, niet enkel voor één jongere.\n\nWeliswaar interviewde de praktijk "
            "voor het speerpunt politiserend werken.",
            "",
            "",
        ),
        "organisations": ["Cachet vzw", "Sociaal Huis Mechelen", "Jeugdzorg Emmaüs"],
        "region": "antwerpen",
        "subregion": "mechelen",
        "sector": "youth_care",
        "target_group": "young_adults",
        "krachtlijnen": ["politiserend-werken", "verbindend-werken"],
        "functions": ["sociaal-politieke-functie"],
        "challenges": ["vertrouwen", "multidisciplinair"],
        "published": datetime.date(2021, 4, 1),
    },
    {
        "slug": "wonen-met-kansen",
        "title": t(
            "Wonen met Kansen",
            "Wonen met Kansen (Logement et chances)",
            "Wonen met Kansen (Housing with Chances)",
        ),
        "summary": t(
            "Samenlevingsopbouw Antwerpen Stad koppelt de hoge woonnood van thuisloze "
            "jongvolwassenen aan het grote aantal leegstaande sociale woningen. "
            "“Politiserend werken is onze corebusiness.”",
            "Samenlevingsopbouw Antwerpen Stad relie le grand besoin de logement de jeunes "
            "adultes sans abri au grand nombre de logements sociaux vides. « Le travail "
            "politisant est notre cœur de métier. »",
            "Samenlevingsopbouw Antwerpen Stad links the urgent housing need of homeless young "
            "adults to the many empty social homes. “Politicising work is our core business.”",
        ),
        "story": t(
            "Thuisloze jongvolwassenen vinden moeilijk een woning, terwijl sociale woningen "
            "leeg staan. Wonen met Kansen brengt die twee samen en maakt zo zichtbaar waar het "
            "beleid tekortschiet.\n\nSociaal.Net interviewde de opbouwwerkers van het project "
            "voor het speerpunt politiserend werken.",
            "",
            "",
        ),
        "organisations": ["Samenlevingsopbouw Antwerpen Stad"],
        "region": "antwerpen",
        "subregion": "antwerpen-stad",
        "sector": "housing",
        "target_group": "homeless",
        "krachtlijnen": ["politiserend-werken"],
        "functions": ["sociaal-politieke-functie", "waarborgfunctie"],
        "challenges": ["onderbescherming", "hybridisering"],
        "published": datetime.date(2021, 4, 1),
    },
    {
        "slug": "miriam",
        "title": t("MIRIAM", "MIRIAM", "MIRIAM"),
        "summary": t(
            "Voor elke alleenstaande vader met een leefloon zijn er acht alleenstaande "
            "moeders. In MIRIAM, van de Nederlandstalige Vrouwenraad en de POD "
            "Maatschappelijke Integratie, begeleiden casemanagers in OCMW’s en lokale besturen "
            "moeders met een leefloon intensief, om hen te versterken.",
            "Pour chaque père isolé bénéficiant du revenu d’intégration, il y a huit mères "
            "isolées. Dans MIRIAM, du Nederlandstalige Vrouwenraad et du SPP Intégration "
            "sociale, des gestionnaires de cas dans les CPAS et administrations locales "
            "accompagnent intensivement ces mères pour les renforcer.",
            "For every single father on a living wage there are eight single mothers. In "
            "MIRIAM, by the Dutch-speaking Women’s Council and the federal Public Planning "
            "Service for Social Integration, case managers in local welfare centres coach "
            "mothers on a living wage intensively, to strengthen them.",
        ),
        "story": t(
            "MIRIAM vertrekt van een ongelijkheid die cijfers duidelijk maken: het leefloon "
            "gaat veel vaker naar alleenstaande moeders dan naar alleenstaande vaders. "
            "Casemanagers in OCMW’s en lokale besturen werken intensief en op maat met de "
            "moeders, zodat ze sterker staan.\n\nWeliswaar interviewde de praktijk voor het "
            "speerpunt politiserend werken.",
            "",
            "",
        ),
        "organisations": ["Nederlandstalige Vrouwenraad", "POD Maatschappelijke Integratie"],
        "region": None,
        "sector": "local_social_policy",
        "target_group": "families",
        "krachtlijnen": ["procesmatig-werken", "politiserend-werken"],
        "functions": ["waarborgfunctie", "sociaal-politieke-functie"],
        "challenges": ["onderbescherming"],
        "published": datetime.date(2021, 4, 1),
    },
]

SOCIUS_CALL: dict[str, Any] = {
    "slug": "politiserende-praktijken-zorg-en-welzijn",
    "title": t(
        "Politiserende praktijken in zorg en welzijn",
        "Pratiques politisantes dans les soins et l’aide sociale",
        "Politicising practices in care and welfare",
    ),
    "question": t(
        "Socius zoekt politiserende praktijken binnen zorg en welzijn. Ben je actief in een "
        "hulpverleningsorganisatie en heb je (weet je van) een praktijkverhaal gericht op "
        "maatschappelijke verandering? Laat jouw verhaal andere sociale professionals "
        "aansporen.",
        "Socius cherche des pratiques politisantes dans les soins et l’aide sociale. Vous "
        "travaillez dans une organisation d’aide et vous avez (ou connaissez) une pratique "
        "tournée vers le changement social ? Que votre récit inspire d’autres professionnels.",
        "Socius is looking for politicising practices in care and welfare. Do you work in a "
        "care or welfare organisation and do you have (or know of) a practice story aimed at "
        "social change? Let your story encourage other social professionals.",
    ),
    "audience": "Sociale professionals in hulpverleningsorganisaties (zorg en welzijn)",
    "owner": "Socius",
    "krachtlijn": "politiserend-werken",
    "theme": "Draagvlak voor sociaal werk en politiserend werken",
    # The texts give no dates; the call ran in spring 2021 (the newsletter's season).
    "opens_on": datetime.date(2021, 4, 1),
    "closes_on": datetime.date(2021, 6, 30),
    "questions": [
        {
            "label": "Welke maatschappelijke verandering wil de praktijk bereiken?",
            "kind": "text",
            "choices": [],
            "required": True,
        },
        {
            "label": "In welk werkveld?",
            "kind": "choice",
            "choices": ["Zorg", "Welzijn", "Beide"],
            "required": False,
        },
    ],
}
