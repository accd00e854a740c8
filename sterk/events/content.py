"""The real events the seeds name (all in the past), for `load_events`. Times that the
sources do not give are set to a plain working day (09:00-17:00) or afternoon."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def at(y: int, m: int, d: int, h: int, mi: int = 0) -> datetime.datetime:
    return datetime.datetime(y, m, d, h, mi, tzinfo=BRUSSELS)


SERIES: list[dict[str, Any]] = [
    {
        "slug": "world-social-work-day-2021",
        "title_nl": "World Social Work Day 2021",
        "title_fr": "Journée mondiale du travail social 2021",
        "title_en": "World Social Work Day 2021",
        "description_nl": "Tweeduizend sociale professionals in acht webinars, wandelingen met ministers en burgemeesters in Limburg, een fotoproject in West-Vlaanderen, acties in verschillende hogescholen, dankkaarten en zaadbommen.",
        "description_fr": "Deux mille professionnels du social dans huit webinaires, des promenades avec des ministres et des bourgmestres au Limbourg, un projet photo en Flandre occidentale, des actions dans les hautes écoles.",
        "description_en": "Two thousand social professionals in eight webinars, walks with ministers and mayors in Limburg, a photo project in West Flanders, actions at university colleges, thank-you cards and seed bombs.",
    },
    {
        "slug": "world-social-work-day-2022",
        "title_nl": "World Social Work Day 2022",
        "title_fr": "Journée mondiale du travail social 2022",
        "title_en": "World Social Work Day 2022",
    },
]

EVENTS: list[dict[str, Any]] = [
    {
        "slug": "sociaalwerkconferentie-2018",
        "type": "conference",
        "organiser": "platform",
        "format": "on_site",
        "venue": "Brussel",
        "starts_at": at(2018, 5, 24, 9),
        "ends_at": at(2018, 5, 24, 17),
        "title_nl": "Eerste Sociaalwerkconferentie",
        "title_fr": "Première conférence du travail social",
        "title_en": "First Social Work Conference",
        "summary_nl": "De eerste Vlaamse Sociaalwerkconferentie stelde de 5 krachtlijnen voor sociaal werk voor.",
        "summary_fr": "La première conférence flamande du travail social a présenté les 5 lignes de force du travail social.",
        "summary_en": "The first Flemish Social Work Conference presented the 5 core principles of social work.",
        "krachtlijnen": "all",
    },
    {
        "slug": "online-praktijksafari-onderbescherming",
        "type": "praktijksafari",
        "organiser": "region",
        "region": "oost-vlaanderen",
        "format": "online",
        "starts_at": at(2020, 11, 19, 13, 30),
        "ends_at": at(2020, 11, 19, 16, 0),
        "title_nl": "Online praktijksafari rond onderbescherming",
        "title_fr": "Safari de pratiques en ligne sur le non-recours aux droits",
        "title_en": "Online practice safari on non-take-up of rights",
        "summary_nl": "Het regionaal platform Oost-Vlaanderen toont praktijken die onderbescherming aanpakken.",
        "summary_fr": "La plateforme régionale de Flandre orientale montre des pratiques qui luttent contre le non-recours aux droits.",
        "summary_en": "The regional platform of East Flanders shows practices that tackle the non-take-up of rights.",
        "challenges": ["onderbescherming"],
    },
    {
        "slug": "world-social-work-day-2021",
        "series": "world-social-work-day-2021",
        "type": "campaign_day",
        "organiser": "platform",
        "format": "hybrid",
        "starts_at": at(2021, 3, 16, 9),
        "ends_at": at(2021, 3, 16, 17),
        "title_nl": "World Social Work Day 2021",
        "title_fr": "Journée mondiale du travail social 2021",
        "title_en": "World Social Work Day 2021",
        "summary_nl": "Acht webinars en acties in elke regio. De eerste concrete actie van de regionale platformen.",
        "summary_fr": "Huit webinaires et des actions dans chaque région.",
        "summary_en": "Eight webinars and actions in every region.",
        "report_nl": "Tweeduizend sociale professionals in acht webinars. Wandelingen met ministers en burgemeesters in Limburg. Een fotoproject in West-Vlaanderen. Trending op Twitter. Een eigen kanaal op YouTube. Een ODE aan de sociaal werker van dichteres Lieve Desmet. Acties in verschillende hogescholen.",
        "report_en": "Two thousand social professionals in eight webinars. Walks with ministers and mayors in Limburg. A photo project in West Flanders. Trending on Twitter. A YouTube channel of its own. An ode to the social worker by the poet Lieve Desmet. Actions at several university colleges.",
        "report_fr": "Deux mille professionnels du social dans huit webinaires. Des promenades avec des ministres et des bourgmestres au Limbourg. Un projet photo en Flandre occidentale. Des actions dans plusieurs hautes écoles.",
        "attendance_count": 2000,
    },
    {
        "slug": "webinar-kies-voor-een-diverse-organisatie",
        "type": "webinar",
        "organiser": "platform",
        "format": "online",
        "starts_at": at(2021, 4, 22, 10),
        "ends_at": at(2021, 4, 22, 15),
        "registration_closes_at": at(2021, 4, 19, 23, 59),
        "audience": "managers",
        "price": 0,
        "title_nl": "Webinar: Kies voor een diverse organisatie!",
        "title_fr": "Webinaire : choisissez une organisation diverse !",
        "title_en": "Webinar: choose a diverse organisation!",
        "summary_nl": "Organisaties die de stap naar een inclusieve organisatie zetten: hun drijfveren en waar ze nu staan. Interviews, workshops en goede praktijken.",
        "summary_fr": "Des organisations qui sont devenues inclusives : leurs motivations et où elles en sont. Interviews, ateliers et bonnes pratiques.",
        "summary_en": "Organisations that became inclusive: what drove them and where they stand now. Interviews, workshops and good practices.",
        "audience_note_nl": "Leidinggevenden, directieleden en bestuurders van sociaalwerkorganisaties",
        "audience_note_fr": "Cadres, directions et administrateurs d'organisations de travail social",
        "audience_note_en": "Managers, directors and board members of social work organisations",
        "challenges": ["superdiversiteit"],
    },
    {
        "slug": "world-social-work-day-2022",
        "series": "world-social-work-day-2022",
        "type": "campaign_day",
        "organiser": "platform",
        "format": "hybrid",
        "starts_at": at(2022, 3, 15, 9),
        "ends_at": at(2022, 3, 15, 17),
        "title_nl": "World Social Work Day 2022",
        "title_fr": "Journée mondiale du travail social 2022",
        "title_en": "World Social Work Day 2022",
    },
    {
        "slug": "sociaalwerkconferentie-2022",
        "type": "conference",
        "organiser": "platform",
        "format": "on_site",
        "starts_at": at(2022, 5, 5, 9),
        "ends_at": at(2022, 5, 5, 17),
        "title_nl": "Tweede Sociaalwerkconferentie",
        "title_fr": "Deuxième conférence du travail social",
        "title_en": "Second Social Work Conference",
        "summary_nl": "Tussentijdse evaluatie van het Vlaams Actieplan Sterk Sociaal Werk. Socius stelt een publicatie over politiserend werken voor.",
        "summary_fr": "Évaluation intermédiaire du plan d'action flamand. Socius présente une publication sur le travail politisant.",
        "summary_en": "Interim evaluation of the Flemish action plan. Socius presents a publication on politicising work.",
        "krachtlijnen": ["politiserend-werken"],
    },
    {
        "slug": "european-social-work-conference-2024",
        "type": "conference",
        "organiser": "platform",
        "format": "on_site",
        "starts_at": at(2024, 4, 25, 9),
        "ends_at": at(2024, 4, 26, 17),
        "title_nl": "European Social Work Conference (Engelstalig)",
        "title_fr": "European Social Work Conference (en anglais)",
        "title_en": "European Social Work Conference",
        "summary_nl": "Europese Sociaalwerkconferentie naar aanleiding van het Belgisch voorzitterschap van de Europese Unie. De conferentie was Engelstalig.",
        "summary_fr": "Conférence européenne du travail social à l'occasion de la présidence belge de l'Union européenne. La conférence se tenait en anglais.",
        "summary_en": "European Social Work Conference on the occasion of the Belgian presidency of the European Union.",
    },
]
