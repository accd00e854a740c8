"""The real structure of the Vlaams Actieplan Sterk Sociaal Werk 2020-2024, in nl with fr
and en translations. Sources: the platform's own texts (see /work/shared/seeds). Only what
those texts say is loaded; the rest is left for the coordinators to fill in.

Texts are {language: text}."""

from __future__ import annotations

import datetime
from typing import Any

PLAN: dict[str, Any] = {
    "slug": "2020-2024",
    "start_year": 2020,
    "end_year": 2024,
    "title": {
        "nl": "Vlaams Actieplan Sterk Sociaal Werk",
        "fr": "Plan d'action flamand Travail social fort",
        "en": "Flemish Action Plan Strong Social Work",
    },
    "description": {
        "nl": (
            "Een ambitieus vijfjarenplan met concrete acties rond de maatschappelijke "
            "uitdagingen waar het sociaal werk vandaag voor staat. Het is een dynamisch plan: "
            "vanuit de regionale platformen kunnen nog steeds nieuwe acties toegevoegd worden. "
            "Het plan wil het maatschappelijk draagvlak voor sterk sociaal werk vergroten, de "
            "mensenrechtenbenadering op de voorgrond plaatsen en het sociaal werk op de eerste "
            "lijn versterken."
        ),
        "fr": (
            "Un plan quinquennal ambitieux, avec des actions concrètes face aux défis de "
            "société auxquels le travail social est confronté aujourd'hui. C'est un plan "
            "dynamique : les plateformes régionales peuvent toujours y ajouter de nouvelles "
            "actions. Le plan veut élargir l'adhésion de la société à un travail social fort, "
            "mettre en avant l'approche par les droits humains et renforcer le travail social "
            "de première ligne."
        ),
        "en": (
            "An ambitious five-year plan with concrete actions on the societal challenges "
            "social work faces today. It is a dynamic plan: regional platforms can still add "
            "new actions. The plan aims to widen public support for strong social work, put "
            "the human-rights approach first and strengthen social work in the first line."
        ),
    },
}

CHALLENGES: list[dict[str, Any]] = [
    {
        "number": 1,
        "slug": "vermaatschappelijking",
        "title": {
            "nl": "Sociaal werk in een context van vermaatschappelijking",
            "fr": "Le travail social dans un contexte de socialisation des soins",
            "en": "Social work in a context of socialisation of care",
        },
        "summary": {
            "nl": "Vermaatschappelijking van de zorg vraagt een vernieuwende aanpak van het "
            "sociaal werk op de eerste lijn.",
            "fr": "La socialisation des soins demande une approche renouvelée du travail social "
            "de première ligne.",
            "en": "The socialisation of care calls for a new approach to social work in the "
            "first line.",
        },
    },
    {
        "number": 2,
        "slug": "digitalisering",
        "title": {
            "nl": "Sterk Sociaal Werk en digitalisering",
            "fr": "Un travail social fort et la numérisation",
            "en": "Strong Social Work and digitalisation",
        },
        "summary": {
            "nl": "Sterk Sociaal Werk maakt ook deel uit van de digitale samenleving.",
            "fr": "Le travail social fort fait aussi partie de la société numérique.",
            "en": "Strong social work is part of the digital society too.",
        },
    },
    {
        "number": 3,
        "slug": "superdiversiteit",
        "title": {
            "nl": "Sterk Sociaal Werk in een superdiverse context",
            "fr": "Un travail social fort dans un contexte superdivers",
            "en": "Strong Social Work in a superdiverse context",
        },
        "summary": {
            "nl": "Sociaal werk en verbinding in een superdiverse samenleving.",
            "fr": "Travail social et lien dans une société superdiverse.",
            "en": "Social work and connection in a superdiverse society.",
        },
    },
    {
        "number": 4,
        "slug": "ecologie",
        "title": {
            "nl": "Sterk Sociaal Werk verbindt ecologie en sociaal beleid",
            "fr": "Un travail social fort relie écologie et politique sociale",
            "en": "Strong Social Work connects ecology and social policy",
        },
        "summary": {
            "nl": "Ecologische en sociale vragen samen aanpakken.",
            "fr": "Aborder ensemble les questions écologiques et sociales.",
            "en": "Tackling ecological and social questions together.",
        },
    },
    {
        "number": 5,
        "slug": "vertrouwen",
        "title": {
            "nl": "Sterk Sociaal Werk en werken in/met vertrouwen",
            "fr": "Un travail social fort et le travail dans/avec la confiance",
            "en": "Strong Social Work and working in/with trust",
        },
        "summary": {
            "nl": "Werken vanuit een vertrouwensrelatie, met mensen en tussen organisaties.",
            "fr": "Travailler à partir d'une relation de confiance, avec les personnes et entre "
            "organisations.",
            "en": "Working from a relationship of trust, with people and between organisations.",
        },
    },
    {
        "number": 6,
        "slug": "multidisciplinair",
        "title": {
            "nl": "Sterk Sociaal Werk in een multidisciplinaire context",
            "fr": "Un travail social fort dans un contexte multidisciplinaire",
            "en": "Strong Social Work in a multidisciplinary context",
        },
        "summary": {
            "nl": "Bruggen slaan naar andere disciplines.",
            "fr": "Jeter des ponts vers d'autres disciplines.",
            "en": "Building bridges to other disciplines.",
        },
    },
    {
        "number": 7,
        "slug": "hybridisering",
        "title": {
            "nl": "Sterk Sociaal Werk en hybridisering",
            "fr": "Un travail social fort et l'hybridation",
            "en": "Strong Social Work and hybridisation",
        },
        "summary": {
            "nl": "Wat is de impact van marktwerking en zuivere marktlogica op het sociaal "
            "werk, en hoe verhoudt het zich tot burgerinitiatieven?",
            "fr": "Quel est l'impact du marché et de la pure logique marchande sur le travail "
            "social, et quel lien avec les initiatives citoyennes ?",
            "en": "What do market forces and pure market logic do to social work, and how does "
            "it relate to civic initiatives?",
        },
    },
    {
        "number": 8,
        "slug": "onderbescherming",
        "title": {
            "nl": "Sterk Sociaal Werk en onderbescherming",
            "fr": "Un travail social fort et la sous-protection",
            "en": "Strong Social Work and under-protection",
        },
        "summary": {
            "nl": "Zodat alle mensen – ook die in een kwetsbare situatie – gebruik kunnen maken "
            "van hun rechten.",
            "fr": "Pour que tout le monde – y compris les personnes en situation de "
            "vulnérabilité – puisse exercer ses droits.",
            "en": "So that everyone – including people in vulnerable situations – can use "
            "their rights.",
        },
    },
]

# The four actions the platform's texts name. "Function" numbers refer to identity.Function
# (1 waarborgfunctie, 2 laboratoriumfunctie, 3 sociaal-politieke functie) and are set only
# where the source text states that function's definition.
ACTIONS: list[dict[str, Any]] = [
    {
        "slug": "sociaal-werk-versterken-in-de-eerstelijnszones",
        "challenge": 1,
        "functions": [],
        "title": {
            "nl": "Het sociaal werk versterken in de eerstelijnszones",
            "fr": "Renforcer le travail social dans les zones de première ligne",
            "en": "Strengthen social work in the primary-care zones (eerstelijnszones)",
        },
        "description": {
            "nl": "Vermaatschappelijking van de zorg vraagt een vernieuwende aanpak van het "
            "sociaal werk op de eerste lijn. De regionale platformen zoeken aansluiting bij de "
            "initiatieven in de eerstelijnszones (ELZ).",
            "fr": "La socialisation des soins demande une approche renouvelée du travail social "
            "de première ligne. Les plateformes régionales cherchent à rejoindre les initiatives "
            "des zones de première ligne (ELZ).",
            "en": "The socialisation of care calls for a new approach to social work in the "
            "first line. The regional platforms seek ties with the initiatives of the "
            "primary-care zones (ELZ).",
        },
    },
    {
        "slug": "impulsen-voor-nieuwe-digitale-praktijken",
        "challenge": 2,
        "functions": [2],
        "title": {
            "nl": "Impulsen geven aan nieuwe, digitale praktijken binnen het sociaal werk",
            "fr": "Donner des impulsions à de nouvelles pratiques numériques dans le travail "
            "social",
            "en": "Give impetus to new digital practices in social work",
        },
        "description": {
            "nl": "Sterk Sociaal Werk maakt ook deel uit van de digitale samenleving: nieuwe, "
            "digitale praktijken krijgen impulsen.",
            "fr": "Le travail social fort fait aussi partie de la société numérique : de "
            "nouvelles pratiques numériques reçoivent des impulsions.",
            "en": "Strong social work is part of the digital society too: new digital practices "
            "get impetus.",
        },
    },
    {
        "slug": "samenwerking-formeel-aanbod-burgerinitiatieven-verenigingsleven",
        "challenge": 7,
        "functions": [],
        "title": {
            "nl": "Samenwerking stimuleren tussen het formele sociaalwerkaanbod, "
            "burgerinitiatieven en het verenigingsleven",
            "fr": "Stimuler la coopération entre l'offre formelle de travail social, les "
            "initiatives citoyennes et la vie associative",
            "en": "Encourage cooperation between formal social work, civic initiatives and "
            "associations",
        },
        "description": {
            "nl": "Het actieplan stelt de vraag wat de impact is van marktwerking en van "
            "zuivere marktlogica op het sociaal werk, en stimuleert samenwerking tussen het "
            "formele sociaalwerkaanbod, burgerinitiatieven en het verenigingsleven.",
            "fr": "Le plan d'action pose la question de l'impact du marché et de la pure "
            "logique marchande sur le travail social, et stimule la coopération entre l'offre "
            "formelle, les initiatives citoyennes et la vie associative.",
            "en": "The plan asks what market forces and pure market logic do to social work, "
            "and encourages cooperation between formal social work, civic initiatives and "
            "associations.",
        },
    },
    {
        "slug": "onderbescherming-aanpakken",
        "challenge": 8,
        "functions": [1],
        "title": {
            "nl": "Onderbescherming aanpakken",
            "fr": "Lutter contre la sous-protection",
            "en": "Tackle under-protection (non-take-up of rights)",
        },
        "description": {
            "nl": "Onderbescherming aanpakken, zodat alle mensen – ook die in een kwetsbare "
            "situatie – gebruik kunnen maken van hun rechten.",
            "fr": "Lutter contre la sous-protection, pour que tout le monde – y compris les "
            "personnes en situation de vulnérabilité – puisse exercer ses droits.",
            "en": "Tackle under-protection, so that everyone – including people in vulnerable "
            "situations – can use their rights.",
        },
    },
]

ORGANISATIONS: dict[str, tuple[str, str]] = {
    # name: (type, website)
    "Socius": ("support_centre", "https://socius.be"),
    "Weliswaar": ("media_partner", "https://www.weliswaar.be"),
    "Sociaal.Net": ("media_partner", "https://sociaal.net"),
}

SPEARHEADS: list[dict[str, Any]] = [
    {
        "number": 1,
        "slug": "europese-sociaalwerkconferentie",
        "challenges": [],
        "lead": None,
        "partners": [],
        "title": {
            "nl": "Organisatie van een Europese Sociaalwerkconferentie",
            "fr": "Organisation d'une Conférence européenne du travail social",
            "en": "Organising a European Social Work Conference",
        },
        "summary": {
            "nl": "Op 25 en 26 april 2024, naar aanleiding van het Europees voorzitterschap "
            "van België.",
            "fr": "Les 25 et 26 avril 2024, à l'occasion de la présidence belge de l'Union "
            "européenne.",
            "en": "On 25 and 26 April 2024, on the occasion of the Belgian presidency of the "
            "European Union.",
        },
        "activities": [
            {
                "title": {
                    "nl": "Europese Sociaalwerkconferentie",
                    "fr": "Conférence européenne du travail social",
                    "en": "European Social Work Conference",
                },
                "timing": {
                    "nl": "25-26 april 2024",
                    "fr": "25-26 avril 2024",
                    "en": "25-26 April 2024",
                },
                "description": {"nl": "", "fr": "", "en": ""},
                "partners": [],
            }
        ],
    },
    {
        "number": 2,
        "slug": "rechtvaardige-duurzaamheid",
        "challenges": [4],
        "lead": None,
        "partners": [],
        "title": {
            "nl": "Rechtvaardige duurzaamheid",
            "fr": "Durabilité juste",
            "en": "Just sustainability",
        },
        "summary": {"nl": "", "fr": "", "en": ""},
        "activities": [],
    },
    {
        "number": 3,
        "slug": "draagvlak-en-politiserend-werken",
        "challenges": [],
        "lead": "Socius",
        "partners": ["Weliswaar", "Sociaal.Net"],
        "title": {
            "nl": "Draagvlak voor sociaal werk en politiserend werken",
            "fr": "Soutien au travail social et travail politisant",
            "en": "Support for social work and politicising work",
        },
        "summary": {
            "nl": "Politiserend werken maakt deel uit van het DNA van elke sociaal werker. "
            "Socius, steunpunt voor sociaal-cultureel werk, trekt dit thema samen met een breed "
            "netwerk van partners.",
            "fr": "Le travail politisant fait partie de l'ADN de chaque travailleur social. "
            "Socius, centre d'appui du travail socioculturel, porte ce thème avec un large "
            "réseau de partenaires.",
            "en": "Politicising work is part of every social worker's DNA. Socius, the support "
            "centre for socio-cultural work, leads this theme with a broad network of partners.",
        },
        "activities": [
            {
                "title": {"nl": "Vertellen", "fr": "Raconter", "en": "Tell"},
                "timing": {"nl": "", "fr": "", "en": ""},
                "description": {
                    "nl": "Samen met Weliswaar en Sociaal.Net inspirerende politiserende "
                    "praktijken uit de breedte van het sociaal werk tonen.",
                    "fr": "Montrer, avec Weliswaar et Sociaal.Net, des pratiques politisantes "
                    "inspirantes issues de tout le champ du travail social.",
                    "en": "Show inspiring politicising practices from across social work, "
                    "with Weliswaar and Sociaal.Net.",
                },
                "partners": ["Weliswaar", "Sociaal.Net"],
            },
            {
                "title": {"nl": "Verstaan", "fr": "Comprendre", "en": "Understand"},
                "timing": {"nl": "5 mei 2022", "fr": "5 mai 2022", "en": "5 May 2022"},
                "description": {
                    "nl": "Op de Sociaalwerkconferentie van 5 mei 2022 presenteert Socius een "
                    "publicatie over politiserend werken, met handvatten voor sociale "
                    "professionals om hun politiserende rol op te nemen en te versterken.",
                    "fr": "À la Conférence du travail social du 5 mai 2022, Socius présente une "
                    "publication sur le travail politisant, avec des repères pour que les "
                    "professionnels assument et renforcent leur rôle politisant.",
                    "en": "At the Social Work Conference of 5 May 2022, Socius presents a "
                    "publication on politicising work, giving social professionals tools to "
                    "take up and strengthen their politicising role.",
                },
                "partners": [],
            },
            {
                "title": {"nl": "Versterken", "fr": "Renforcer", "en": "Strengthen"},
                "timing": {"nl": "Vanaf 2022", "fr": "À partir de 2022", "en": "From 2022"},
                "description": {
                    "nl": "Een vormingsaanbod voor sociaal werkers.",
                    "fr": "Une offre de formation pour les travailleurs sociaux.",
                    "en": "Training for social workers.",
                },
                "partners": [],
            },
        ],
    },
    {
        "number": 4,
        "slug": "eerste-lijn",
        "challenges": [1, 6],
        "lead": None,
        "partners": [],
        "title": {
            "nl": "Sterk Sociaal Werk op de eerste lijn",
            "fr": "Un travail social fort en première ligne",
            "en": "Strong Social Work in the first line",
        },
        "summary": {"nl": "", "fr": "", "en": ""},
        "activities": [],
    },
    {
        "number": 5,
        "slug": "krapte-op-de-arbeidsmarkt",
        "challenges": [],
        "lead": None,
        "partners": [],
        "title": {
            "nl": "Krapte op de arbeidsmarkt",
            "fr": "Pénurie sur le marché du travail",
            "en": "Labour-market shortage",
        },
        "summary": {"nl": "", "fr": "", "en": ""},
        "activities": [],
    },
]

FIRST_PRIORITIES: list[dict[str, Any]] = [
    {
        "order": 1,
        "challenges": [],
        "title": {
            "nl": "Het maatschappelijk draagvlak voor sociaal werk vergroten",
            "fr": "Élargir l'adhésion de la société au travail social",
            "en": "Widen public support for social work",
        },
    },
    {
        "order": 2,
        "challenges": [6],
        "title": {
            "nl": "Bruggen slaan naar andere disciplines",
            "fr": "Jeter des ponts vers d'autres disciplines",
            "en": "Build bridges to other disciplines",
        },
    },
    {
        "order": 3,
        "challenges": [3],
        "title": {
            "nl": "Inzetten op diversiteit",
            "fr": "Miser sur la diversité",
            "en": "Work on diversity",
        },
    },
    {
        "order": 4,
        "challenges": [7],
        "title": {
            "nl": "Antwoorden op vermarkting en burgerinitiatieven",
            "fr": "Des réponses à la marchandisation et aux initiatives citoyennes",
            "en": "Answers to marketisation and civic initiatives",
        },
    },
]

EVALUATION: dict[str, Any] = {
    "slug": "tussentijdse-evaluatie-2022",
    "date": datetime.date(2022, 5, 5),
    "title": {
        "nl": "Tussentijdse evaluatie op de tweede Sociaalwerkconferentie",
        "fr": "Évaluation intermédiaire à la deuxième Conférence du travail social",
        "en": "Interim evaluation at the second Social Work Conference",
    },
    "description": {
        "nl": "De acties uit het actieplan werden tussentijds geëvalueerd op de tweede "
        "Sociaalwerkconferentie, op 5 mei 2022. Daarna kozen we vijf speerpunten voor de "
        "laatste twee jaar van het actieplan.",
        "fr": "Les actions du plan ont fait l'objet d'une évaluation intermédiaire lors de la "
        "deuxième Conférence du travail social, le 5 mai 2022. Cinq fers de lance ont ensuite "
        "été choisis pour les deux dernières années du plan.",
        "en": "The plan's actions were evaluated midway at the second Social Work Conference, "
        "on 5 May 2022. Five spearheads were then chosen for the plan's last two years.",
    },
}
