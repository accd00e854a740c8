"""The real content of the Vlaams Platform Sterk Sociaal Werk, as Python data.

`manage.py load_content` writes it to the database (idempotently). Dutch is the source:
taken from the platform's own public texts where they exist, in our own clear words where
they do not. French and English are our translations. Slugs stay Dutch in every language.

No people live here: only pages, the 5 krachtlijnen, the 3 functions, the 6 regional
platforms (with sub-regions and priorities) and the organisations the public texts name.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

LANGUAGES = ("nl", "fr", "en")

Text = dict[str, str]

_LIST_ITEM = re.compile(r"^(?:[-*] |\d+\. )")


def t(nl: str, fr: str, en: str) -> Text:
    """One text in the three languages of the platform."""
    return {"nl": nl, "fr": fr, "en": en}


def md(text: str) -> str:
    """Markdown written soft-wrapped in this file, stored with one line per paragraph and
    one line per list item (so the admin shows clean text)."""
    blocks = textwrap.dedent(text).strip().split("\n\n")
    out: list[str] = []
    for block in blocks:
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if not line:
                continue
            if lines and not _LIST_ITEM.match(line) and not line.startswith("#"):
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
        out.append("\n".join(lines))
    return "\n\n".join(out)


def md3(nl: str, fr: str, en: str) -> Text:
    return t(md(nl), md(fr), md(en))


# --- pages ------------------------------------------------------------------------------

PAGES: list[dict[str, Any]] = [
    {
        "slug": "missie",
        "title": t(
            "Wat is Sterk Sociaal Werk?",
            "Qu’est-ce que Sterk Sociaal Werk ?",
            "What is Strong Social Work?",
        ),
        "lead": t(
            "De identiteit en de positie van sociaal werk versterken, in Vlaanderen en "
            "daarbuiten. Dat is de missie van Sterk Sociaal Werk: een platform van een brede "
            "groep partners uit het werkveld, het onderwijs en de Vlaamse overheid.",
            "Renforcer l’identité et la position du travail social, en Flandre et au-delà. "
            "Telle est la mission de Sterk Sociaal Werk (pour un travail social fort) : une "
            "plateforme qui réunit un large éventail de partenaires issus du terrain, de "
            "l’enseignement et du gouvernement flamand.",
            "To strengthen the identity and the position of social work, in Flanders and "
            "beyond. That is the mission of Strong Social Work (Sterk Sociaal Werk): a platform "
            "of a broad group of partners from the field, education and the Flemish government.",
        ),
        "body": md3(
            """
            ## Sociaal werk doe je nooit alleen

            Het Vlaams Platform Sterk Sociaal Werk versterkt de verbinding tussen sociale
            professionals, over sectoren heen, zodat we samen verder geraken. Dat doen we
            door samen acties op te zetten rond de uitdagingen waarmee sociale professionals
            geconfronteerd worden, door Sociaalwerkconferenties te organiseren en door in
            dialoog te gaan met beleidsmakers.

            ## Het DNA van sociaal werk

            Sociaal werk heeft als doel mensenrechten en sociale rechtvaardigheid te
            realiseren. De mensenrechten vormen daarbij het kompas: ze geven de richting aan
            waar we met de samenleving naartoe willen.

            Op de eerste Sociaalwerkconferentie, in 2018, werden de vijf krachtlijnen van
            sociaal werk voorgesteld: nabijheid, politiserend werken, procesmatig werken,
            generalistisch werken en verbindend werken. Iedere sociale professional werkt op
            de een of andere manier rond deze krachtlijnen. Ze zijn met elkaar verbonden en
            kunnen elkaar zelfs versterken. Daarnaast onderscheiden we drie functies van
            sociaal werk: de waarborgfunctie, de laboratoriumfunctie en de sociaal-politieke
            functie.

            ## Een platform van partners

            Om blijvend in te zetten op sterk sociaal werk werd in 2019 het Vlaams Platform
            opgericht: een brede groep partners uit het werkveld, het onderwijs en de Vlaamse
            overheid. In elke Vlaamse provincie en in Brussel brengt een regionaal platform
            praktijkwerkers samen. Zij delen kennis en ervaring, ontwikkelen nieuwe praktijken
            en maken het sociaal werk in hun regio zichtbaarder.

            ## Het Vlaams Actieplan Sterk Sociaal Werk 2020-2024

            Het platform werkte een Vlaams actieplan uit dat loopt van 2020 tot 2024. Het
            benoemt acht maatschappelijke uitdagingen waarrond we met vele partners aan de
            slag gaan:

            1. Sociaal werk in een context van vermaatschappelijking van de zorg
            2. Sterk Sociaal Werk en digitalisering
            3. Sterk Sociaal Werk in een superdiverse context
            4. Sterk Sociaal Werk verbindt ecologie en sociaal beleid
            5. Sterk Sociaal Werk en werken in/met vertrouwen
            6. Sterk Sociaal Werk in een multidisciplinaire context
            7. Sterk Sociaal Werk en hybridisering
            8. Sterk Sociaal Werk en onderbescherming

            Bij die uitdagingen horen concrete acties, zoals het sociaal werk versterken in de
            eerstelijnszones, impulsen geven aan nieuwe digitale praktijken, samenwerking
            stimuleren tussen het formele sociaalwerkaanbod, burgerinitiatieven en het
            verenigingsleven, en onderbescherming aanpakken zodat alle mensen gebruik kunnen
            maken van hun rechten. Het is een dynamisch plan: vanuit de regionale platformen
            kunnen altijd nieuwe acties worden toegevoegd.

            ## Vijf speerpunten

            Op de tweede Sociaalwerkconferentie, op 5 mei 2022, werd het actieplan tussentijds
            geëvalueerd. Daarna kozen we vijf speerpunten voor de laatste twee jaar van het
            actieplan:

            1. De organisatie van een Europese Sociaalwerkconferentie op 25 en 26 april 2024,
               naar aanleiding van het Belgische voorzitterschap van de Europese Unie
            2. Rechtvaardige duurzaamheid
            3. Draagvlak voor sociaal werk en politiserend werken
            4. Sterk Sociaal Werk op de eerste lijn
            5. Krapte op de arbeidsmarkt
            """,
            """
            ## On ne fait jamais du travail social seul

            La plateforme flamande Sterk Sociaal Werk renforce les liens entre professionnels
            du social, par-delà les secteurs, pour que nous avancions ensemble. Pour y arriver,
            nous montons ensemble des actions autour des défis que rencontrent les
            professionnels du social, nous organisons des conférences du travail social et
            nous dialoguons avec les décideurs politiques.

            ## L’ADN du travail social

            Le travail social a pour but de réaliser les droits humains et la justice sociale.
            Les droits humains en sont la boussole : ils indiquent la direction dans laquelle
            nous voulons faire évoluer la société.

            Lors de la première conférence du travail social (Sociaalwerkconferentie), en 2018,
            cinq lignes de force du travail social ont été présentées : la proximité, le
            travail politisant, le travail axé sur le processus, le travail généraliste et le
            travail de mise en lien. Chaque professionnel du social travaille, d’une manière ou
            d’une autre, selon ces lignes de force. Elles sont liées entre elles et peuvent même
            se renforcer mutuellement. Nous distinguons en outre trois fonctions du travail
            social : la fonction de garantie, la fonction de laboratoire et la fonction
            sociopolitique.

            ## Une plateforme de partenaires

            Pour miser durablement sur un travail social fort, la plateforme flamande a été
            créée en 2019 : un large groupe de partenaires issus du terrain, de l’enseignement
            et du gouvernement flamand. Dans chaque province flamande et à Bruxelles, une
            plateforme régionale réunit les praticiens. Ils partagent connaissances et
            expériences, développent de nouvelles pratiques et rendent le travail social plus
            visible dans leur région.

            ## Le plan d’action flamand Sterk Sociaal Werk 2020-2024

            La plateforme a élaboré un plan d’action flamand qui court de 2020 à 2024. Il
            identifie huit défis de société sur lesquels nous travaillons avec de nombreux
            partenaires :

            1. Le travail social dans un contexte de socialisation des soins
            2. Un travail social fort et la numérisation
            3. Un travail social fort dans un contexte de superdiversité
            4. Un travail social fort relie écologie et politique sociale
            5. Un travail social fort et le travail dans et avec la confiance
            6. Un travail social fort dans un contexte pluridisciplinaire
            7. Un travail social fort et l’hybridation
            8. Un travail social fort et la sous-protection (le non-recours aux droits)

            À ces défis répondent des actions concrètes : renforcer le travail social dans les
            zones de première ligne, donner de l’élan à de nouvelles pratiques numériques,
            encourager la collaboration entre l’offre formelle de travail social, les
            initiatives citoyennes et le monde associatif, et s’attaquer à la sous-protection
            pour que chacun puisse exercer ses droits. C’est un plan dynamique : les
            plateformes régionales peuvent à tout moment y ajouter de nouvelles actions.

            ## Cinq priorités

            Lors de la deuxième conférence du travail social, le 5 mai 2022, le plan d’action a
            fait l’objet d’une évaluation intermédiaire. Nous avons ensuite retenu cinq
            priorités pour les deux dernières années du plan :

            1. L’organisation d’une conférence européenne du travail social les 25 et 26 avril
               2024, à l’occasion de la présidence belge de l’Union européenne
            2. Une durabilité juste
            3. L’adhésion au travail social et au travail politisant
            4. Un travail social fort en première ligne
            5. La pénurie sur le marché du travail
            """,
            """
            ## Social work is never done alone

            The Flemish Platform for Strong Social Work strengthens the ties between social
            professionals across sectors, so that together we get further. We do so by setting
            up actions together on the challenges social professionals face, by organising
            social work conferences, and by talking with policy makers.

            ## The DNA of social work

            Social work aims to realise human rights and social justice. Human rights are our
            compass: they show the direction in which we want society to go.

            At the first Social Work Conference (Sociaalwerkconferentie), in 2018, five core
            principles of social work were presented: proximity, politicising work,
            process-based work, generalist work and connecting work. Every social professional
            works with these principles in one way or another. They are linked and can even
            reinforce each other. We also distinguish three functions of social work: the
            guarantee function, the laboratory function and the socio-political function.

            ## A platform of partners

            To keep investing in strong social work, the Flemish Platform was set up in 2019:
            a broad group of partners from the field, education and the Flemish government. In
            every Flemish province and in Brussels, a regional platform brings practitioners
            together. They share knowledge and experience, develop new practices and make
            social work more visible in their region.

            ## The Flemish Action Plan for Strong Social Work 2020-2024

            The platform drew up a Flemish action plan that runs from 2020 to 2024. It names
            eight societal challenges that we take on with many partners:

            1. Social work in a context of the socialisation of care
            2. Strong social work and digitalisation
            3. Strong social work in a superdiverse context
            4. Strong social work connects ecology and social policy
            5. Strong social work and working in and with trust
            6. Strong social work in a multidisciplinary context
            7. Strong social work and hybridisation
            8. Strong social work and under-protection (the non-take-up of rights)

            Concrete actions answer these challenges: strengthening social work in the
            primary-care zones, giving impetus to new digital practices, encouraging
            cooperation between formal social work services, civic initiatives and
            associations, and tackling under-protection so that everyone can exercise their
            rights. It is a dynamic plan: the regional platforms can add new actions at any
            time.

            ## Five spearheads

            At the second Social Work Conference, on 5 May 2022, the action plan was evaluated
            at mid-term. We then chose five spearheads for the last two years of the plan:

            1. Organising a European Social Work Conference on 25 and 26 April 2024, on the
               occasion of the Belgian presidency of the European Union
            2. Just sustainability
            3. Support for social work and for politicising work
            4. Strong social work in the first line
            5. Labour-market shortages
            """,
        ),
    },
    {
        "slug": "organisatie",
        "title": t(
            "Hoe is het platform georganiseerd?",
            "Comment la plateforme est-elle organisée ?",
            "How the platform is organised",
        ),
        "lead": t(
            "Een stuurgroep, zes regionale platformen en een brede kring van stakeholders, "
            "met procesbegeleiding door SAM.",
            "Un groupe de pilotage, six plateformes régionales et un large cercle de parties "
            "prenantes, avec un accompagnement de processus assuré par SAM.",
            "A steering group, six regional platforms and a wide circle of stakeholders, with "
            "process support by SAM.",
        ),
        "body": md3(
            """
            ## De stuurgroep

            De [stuurgroep](/nl/stuurgroep/) waakt erover dat we de gestelde ambities
            waarmaken en op koers blijven. Ze is intersectoraal samengesteld, met partners uit
            het werkveld, het onderwijs en de Vlaamse overheid, en vertrekt vanuit een
            gezamenlijk geloof in de maatschappelijke meerwaarde van sociaal werk.

            ## Zes regionale platformen

            In elke Vlaamse provincie en in Brussel is er een [regionaal platform
            Sterk Sociaal Werk](/nl/regio/): Antwerpen, Limburg, Oost-Vlaanderen,
            West-Vlaanderen, Vlaams-Brabant en Brussel. Daar treffen praktijkwerkers elkaar en
            gaan ze samen aan de slag. Ze verzamelen goede praktijken, benoemen bezorgdheden
            en zetten acties op als antwoord op de maatschappelijke uitdagingen. Elk platform
            legt eigen klemtonen, afgestemd op wat er in de regio leeft, en versterkt de
            lokale dynamieken die er al zijn.

            De regionale platformen worden getrokken door één of meerdere voorzitters uit de
            hogescholen. Zij komen regelmatig samen om hun acties vorm te geven. De platformen
            zoeken ook aansluiting bij de eerstelijnszones.

            ## Stakeholders

            [Stakeholders](/nl/stakeholders/) zijn partners en organisaties die verankerd zijn
            in de sociale praktijk en hun eigen expertise meebrengen. Ze geven mee vorm aan
            acties en helpen het draagvlak te vergroten. Minstens twee keer per jaar komen ze
            samen op een stakeholdersmeeting.

            ## Procesbegeleiding

            SAM, steunpunt Mens en Samenleving, neemt de procesbegeleiding van het platform
            op. SAM coördineert het geheel, ondersteunt de stuurgroep en de regionale
            platformen, bereidt de stakeholdersmeetings voor en volgt samen met de regio's het
            actieplan op.

            ## In dialoog met beleidsmakers

            Op basis van wat de regionale platformen aanbrengen, volgt het platform het
            actieplan op, evalueert het en rapporteert het erover. Zo brengen we de stem van
            sociale professionals, en van de mensen met wie ze werken, tot bij het beleid.
            """,
            """
            ## Le groupe de pilotage

            Le [groupe de pilotage](/fr/stuurgroep/) veille à ce que nous réalisions nos
            ambitions et gardions le cap. Sa composition est intersectorielle, avec des
            partenaires du terrain, de l’enseignement et du gouvernement flamand, et repose
            sur une conviction commune : le travail social apporte une réelle plus-value à la
            société.

            ## Six plateformes régionales

            Chaque province flamande et Bruxelles ont leur [plateforme régionale
            Sterk Sociaal Werk](/fr/regio/) : Anvers, Limbourg, Flandre-Orientale,
            Flandre-Occidentale, Brabant flamand et Bruxelles. Les praticiens s’y rencontrent
            et passent ensemble à l’action. Ils rassemblent de bonnes pratiques, nomment leurs
            préoccupations et montent des actions pour répondre aux défis de société. Chaque
            plateforme met ses propres accents, selon ce qui vit dans la région, et renforce
            les dynamiques locales existantes.

            Les plateformes régionales sont animées par un ou plusieurs présidents issus des
            hautes écoles. Ils se réunissent régulièrement pour donner forme à leurs actions.
            Les plateformes cherchent aussi à se relier aux zones de première ligne.

            ## Les parties prenantes

            Les [parties prenantes](/fr/stakeholders/) sont des partenaires et des
            organisations ancrés dans la pratique sociale, qui apportent leur propre
            expertise. Elles contribuent à façonner les actions et à élargir l’adhésion. Elles
            se retrouvent au moins deux fois par an lors d’une réunion des parties prenantes.

            ## L’accompagnement de processus

            SAM, centre d’appui Mens en Samenleving, assure l’accompagnement de processus de la
            plateforme. SAM coordonne l’ensemble, soutient le groupe de pilotage et les
            plateformes régionales, prépare les réunions des parties prenantes et suit le plan
            d’action avec les régions.

            ## En dialogue avec les décideurs

            À partir de ce que font remonter les plateformes régionales, la plateforme suit et
            évalue le plan d’action et en rend compte. Nous portons ainsi la voix des
            professionnels du social, et des personnes avec qui ils travaillent, jusqu’aux
            décideurs politiques.
            """,
            """
            ## The steering group

            The [steering group](/en/stuurgroep/) makes sure that we live up to our ambitions
            and stay on course. It is intersectoral, with partners from the field, education
            and the Flemish government, and starts from a shared belief in the value social
            work adds to society.

            ## Six regional platforms

            Every Flemish province and Brussels has its own [regional platform for Strong
            Social Work](/en/regio/): Antwerp, Limburg, East Flanders, West Flanders, Flemish
            Brabant and Brussels. There, practitioners meet and get to work together. They
            collect good practices, name their concerns and set up actions in answer to the
            societal challenges. Each platform sets its own accents, attuned to what matters in
            the region, and strengthens the local dynamics that are already there.

            The regional platforms are led by one or more chairs from the university colleges.
            They meet regularly to shape their actions. The platforms also seek ties with the
            primary-care zones.

            ## Stakeholders

            [Stakeholders](/en/stakeholders/) are partners and organisations rooted in social
            practice, each with its own expertise. They help shape actions and widen support.
            They meet at least twice a year in a stakeholder meeting.

            ## Process support

            SAM, the support centre Mens en Samenleving, provides the platform’s process
            support. SAM coordinates the whole, supports the steering group and the regional
            platforms, prepares the stakeholder meetings and follows up the action plan with
            the regions.

            ## In dialogue with policy makers

            Building on what the regional platforms bring in, the platform monitors and
            evaluates the action plan and reports on it. In this way we carry the voice of
            social professionals, and of the people they work with, to policy makers.
            """,
        ),
    },
    {
        "slug": "stuurgroep",
        "title": t("Stuurgroep", "Groupe de pilotage", "Steering group"),
        "lead": t(
            "De stuurgroep waakt erover dat we de gestelde ambities waarmaken en dat we op "
            "koers blijven.",
            "Le groupe de pilotage veille à ce que nous réalisions nos ambitions et gardions "
            "le cap.",
            "The steering group makes sure that we live up to our ambitions and stay on course.",
        ),
        "body": md3(
            """
            ## Wat doet de stuurgroep?

            - Ze houdt het Vlaams Actieplan Sterk Sociaal Werk op koers en volgt de voortgang
              op.
            - Ze keurt de acties goed die de regionale platformen voorstellen, zodat het
              actieplan een levend plan blijft.
            - Ze leest de rapporten over de voortgang en over wat sociale professionals in de
              regio's aanbrengen.
            - Ze ondersteunt het sociaal werk en bouwt mee aan een sociaalwerkcommunity.

            De stuurgroep is intersectoraal samengesteld. Die samenstelling vertrekt vanuit
            een gezamenlijk geloof in de maatschappelijke meerwaarde van sociaal werk.

            ## Samenstelling

            In de stuurgroep zetelen partners uit:

            - **het werkveld**: organisaties uit de sociale praktijk, over sectoren heen;
            - **het onderwijs**: de hogescholen met een opleiding sociaal werk;
            - **de Vlaamse overheid**: het Departement Welzijn, Volksgezondheid en Gezin.

            SAM, steunpunt Mens en Samenleving, neemt de procesbegeleiding op.
            """,
            """
            ## Que fait le groupe de pilotage ?

            - Il maintient le cap du plan d’action flamand Sterk Sociaal Werk et en suit
              l’avancement.
            - Il approuve les actions proposées par les plateformes régionales, pour que le
              plan d’action reste un plan vivant.
            - Il prend connaissance des rapports sur l’avancement et sur ce que les
              professionnels du social font remonter des régions.
            - Il soutient le travail social et contribue à construire une communauté du
              travail social.

            Le groupe de pilotage a une composition intersectorielle, fondée sur une conviction
            commune : le travail social apporte une réelle plus-value à la société.

            ## Composition

            Le groupe de pilotage réunit des partenaires issus :

            - **du terrain** : des organisations de la pratique sociale, tous secteurs
              confondus ;
            - **de l’enseignement** : les hautes écoles qui proposent une formation en travail
              social ;
            - **du gouvernement flamand** : le Departement Welzijn, Volksgezondheid en Gezin
              (département Bien-être, Santé publique et Famille).

            SAM, centre d’appui Mens en Samenleving, assure l’accompagnement de processus.
            """,
            """
            ## What does the steering group do?

            - It keeps the Flemish Action Plan for Strong Social Work on course and follows
              its progress.
            - It approves the actions that the regional platforms propose, so that the action
              plan stays a living plan.
            - It reads the reports on progress and on what social professionals in the
              regions bring in.
            - It supports social work and helps build a social work community.

            The steering group is intersectoral. Its composition starts from a shared belief
            in the value social work adds to society.

            ## Composition

            The steering group brings together partners from:

            - **the field**: organisations from social work practice, across sectors;
            - **education**: the university colleges that train social workers;
            - **the Flemish government**: the Department of Welfare, Public Health and Family
              (Departement Welzijn, Volksgezondheid en Gezin).

            SAM, the support centre Mens en Samenleving, provides process support.
            """,
        ),
    },
    {
        "slug": "stakeholders",
        "title": t("Stakeholders", "Parties prenantes", "Stakeholders"),
        "lead": t(
            "Partners en organisaties die verankerd zijn in de sociale praktijk en hun eigen "
            "expertise meebrengen. Samen vergroten we de impact van sociaal werk.",
            "Des partenaires et des organisations ancrés dans la pratique sociale, qui "
            "apportent leur propre expertise. Ensemble, nous augmentons l’impact du travail "
            "social.",
            "Partners and organisations rooted in social practice, each bringing its own "
            "expertise. Together we increase the impact of social work.",
        ),
        "body": md3(
            """
            Sociaal werk is niet gelinkt aan één bepaalde beroepsgroep of één bepaald
            diploma. Het is een brede professie, aanwezig in verschillende beleidsdomeinen.
            Wat ons bindt, is het werken vanuit het mensenrechtenperspectief en de vijf
            krachtlijnen.

            We gaan voor maximale impact, en daarvoor hebben we iedereen nodig. Om die
            veelheid aan stemmen te horen en ze een plaats te geven, zetten we volop in op het
            betrekken van stakeholders: partners en organisaties die verankerd zijn in de
            sociale praktijk en hun eigen expertise hebben.

            ## Wat doen stakeholders?

            - Ze geven mee vorm aan acties van het actieplan, en trekken soms zelf een
              speerpunt. Socius trekt bijvoorbeeld het speerpunt politiserend werken.
            - Ze helpen via hun werking en hun communicatiekanalen het draagvlak te vergroten,
              zoals mediapartners Weliswaar en Sociaal.Net die praktijken in de kijker zetten.
            - Ze spelen een sleutelrol bij het slagen van de acties.

            ## De stakeholdersmeeting

            Minstens twee keer per jaar organiseren we een stakeholdersmeeting. Daar bespreken
            we samen de voortgang van het actieplan en geven we nieuwe acties vorm. Wil je
            graag deelnemen? [Neem contact op](/nl/contact/?onderwerp=stakeholder_meeting).
            """,
            """
            Le travail social n’est pas lié à un seul groupe professionnel ni à un seul
            diplôme. C’est une profession large, présente dans différents domaines politiques.
            Ce qui nous unit, c’est le travail fondé sur les droits humains et sur les cinq
            lignes de force.

            Nous visons un impact maximal, et pour cela nous avons besoin de tout le monde.
            Pour entendre cette multitude de voix et leur donner une place, nous misons
            pleinement sur la participation des parties prenantes : des partenaires et des
            organisations ancrés dans la pratique sociale, qui ont leur propre expertise.

            ## Que font les parties prenantes ?

            - Elles contribuent à façonner les actions du plan d’action, et portent parfois
              elles-mêmes une priorité. Socius porte par exemple la priorité du travail
              politisant.
            - Par leur action et leurs canaux de communication, elles aident à élargir
              l’adhésion, comme les partenaires médias Weliswaar et Sociaal.Net qui mettent des
              pratiques en lumière.
            - Elles jouent un rôle clé dans la réussite des actions.

            ## La réunion des parties prenantes

            Au moins deux fois par an, nous organisons une réunion des parties prenantes. Nous
            y faisons ensemble le point sur l’avancement du plan d’action et nous donnons forme
            à de nouvelles actions. Vous souhaitez y participer ?
            [Contactez-nous](/fr/contact/?onderwerp=stakeholder_meeting).
            """,
            """
            Social work is not tied to one profession or one diploma. It is a broad
            profession, present in many policy areas. What binds us is working from a human
            rights perspective and from the five core principles.

            We aim for the greatest possible impact, and for that we need everyone. To hear
            this wealth of voices and give them a place, we put real effort into involving
            stakeholders: partners and organisations rooted in social practice, each with its
            own expertise.

            ## What do stakeholders do?

            - They help shape the actions of the action plan, and some lead a spearhead
              themselves. Socius, for example, leads the spearhead on politicising work.
            - Through their work and their communication channels they help widen support,
              like the media partners Weliswaar and Sociaal.Net, who put practices in the
              spotlight.
            - They play a key role in making the actions succeed.

            ## The stakeholder meeting

            At least twice a year we hold a stakeholder meeting. Together we review the
            progress of the action plan and shape new actions. Would you like to take part?
            [Get in touch](/en/contact/?onderwerp=stakeholder_meeting).
            """,
        ),
    },
]


# --- the 5 krachtlijnen -----------------------------------------------------------------

KRACHTLIJNEN: list[dict[str, Any]] = [
    {
        "slug": "nabijheid",
        "number": 1,
        "title": t("Nabijheid", "Proximité", "Proximity"),
        "summary": t(
            "Sociaal werk is dichtbij: aanwezig en bereikbaar in de leefwereld van mensen, en "
            "nabij in de relatie met hen.",
            "Le travail social est proche : présent et accessible dans le milieu de vie des "
            "gens, et proche dans la relation avec eux.",
            "Social work is close by: present and within reach in people’s everyday lives, "
            "and close in the relationship with them.",
        ),
        "body": md3(
            """
            Sociale professionals zoeken mensen op waar ze zijn: in de buurt, op straat, aan
            huis, op school of online. Ze werken laagdrempelig en toegankelijk, zodat ook
            mensen die de weg naar hulp of ondersteuning niet vanzelf vinden, bereikt worden.

            Nabijheid gaat niet alleen over afstand in kilometers. Het gaat ook over een
            relatie die vertrekt van wat mensen zelf belangrijk vinden, met tijd en aandacht
            voor hun verhaal en hun leefwereld. Die nabijheid maakt het mogelijk om vertrouwen
            op te bouwen.

            Nabijheid vraagt voortdurend nieuwe vormen. Toen corona veel contacten digitaal
            maakte, zochten sociale professionals hoe ze ook op afstand nabij konden blijven
            voor de mensen met wie ze werken.
            """,
            """
            Les professionnels du social vont à la rencontre des gens là où ils se trouvent :
            dans le quartier, dans la rue, à domicile, à l’école ou en ligne. Ils travaillent
            de manière accessible et sans seuil, afin d’atteindre aussi les personnes qui ne
            trouvent pas spontanément le chemin de l’aide ou du soutien.

            La proximité ne se mesure pas seulement en kilomètres. Elle désigne aussi une
            relation qui part de ce qui compte pour les personnes elles-mêmes, avec du temps et
            de l’attention pour leur histoire et leur milieu de vie. C’est cette proximité qui
            permet de construire la confiance.

            La proximité demande sans cesse de nouvelles formes. Quand le coronavirus a rendu
            de nombreux contacts numériques, les professionnels du social ont cherché comment
            rester proches, même à distance, des personnes avec qui ils travaillent.
            """,
            """
            Social professionals go to where people are: in the neighbourhood, on the street,
            at home, at school or online. They work in an accessible, low-threshold way, so
            that they also reach people who do not find their own way to help or support.

            Proximity is not only a matter of distance in kilometres. It is also a
            relationship that starts from what people themselves find important, with time and
            attention for their story and their world. That closeness makes it possible to
            build trust.

            Proximity keeps calling for new forms. When the pandemic moved many contacts
            online, social professionals looked for ways to stay close to the people they work
            with, even at a distance.
            """,
        ),
    },
    {
        "slug": "politiserend-werken",
        "number": 2,
        "title": t("Politiserend werken", "Travail politisant", "Politicising work"),
        "summary": t(
            "Sociaal werk maakt de maatschappelijke oorzaken van problemen zichtbaar en zet "
            "ze op de publieke en politieke agenda, samen met de mensen die ze ervaren.",
            "Le travail social rend visibles les causes sociétales des problèmes et les inscrit "
            "à l’agenda public et politique, avec les personnes qui les vivent.",
            "Social work makes the societal causes of problems visible and puts them on the "
            "public and political agenda, together with the people who experience them.",
        ),
        "body": md3(
            """
            Wat mensen als persoonlijk probleem ervaren, heeft vaak een maatschappelijke
            oorzaak: een woningmarkt die mensen uitsluit, regels die niet passen bij hun
            leven, rechten die ze niet krijgen. Politiserend werken betekent dat sociale
            professionals die patronen zien, benoemen en aankaarten, en zo bijdragen aan
            structurele verandering.

            Politiserend werken maakt deel uit van het DNA van elke sociaal werker. Het
            gebeurt niet alleen in actie of protest, maar ook in het signaleren van knelpunten
            aan beleidsmakers, in het samenbrengen van mensen rond een gedeelde zorg en in het
            laten horen van de stem van mensen in kwetsbare posities.

            Politiserend werken is een van de speerpunten van Sterk Sociaal Werk. Socius trekt
            dat speerpunt met een breed netwerk van partners: praktijken vertellen, het
            politiserend werken beter verstaan en sociale professionals erin versterken.
            """,
            """
            Ce que les personnes vivent comme un problème personnel a souvent une cause
            sociétale : un marché du logement qui exclut, des règles inadaptées à leur vie, des
            droits qu’elles n’obtiennent pas. Le travail politisant signifie que les
            professionnels du social repèrent ces mécanismes, les nomment et les dénoncent,
            contribuant ainsi à un changement structurel.

            Le travail politisant fait partie de l’ADN de chaque travailleur social. Il ne
            passe pas seulement par l’action ou la protestation, mais aussi par le signalement
            des problèmes aux décideurs politiques, par le rassemblement de personnes autour
            d’une préoccupation commune et par la mise en avant de la voix des personnes en
            situation de vulnérabilité.

            Le travail politisant est l’une des priorités de Sterk Sociaal Werk. Socius porte
            cette priorité avec un large réseau de partenaires : raconter les pratiques, mieux
            comprendre le travail politisant et y renforcer les professionnels du social.
            """,
            """
            What people experience as a personal problem often has a societal cause: a housing
            market that shuts people out, rules that do not fit their lives, rights they do
            not receive. Politicising work means that social professionals see these patterns,
            name them and raise them, and so contribute to structural change.

            Politicising work is part of the DNA of every social worker. It happens not only in
            action or protest, but also in flagging problems to policy makers, in bringing
            people together around a shared concern and in making the voices of people in
            vulnerable positions heard.

            Politicising work is one of the spearheads of Strong Social Work. Socius leads this
            spearhead with a broad network of partners: telling the stories of practices,
            understanding politicising work better and strengthening social professionals in
            it.
            """,
        ),
    },
    {
        "slug": "procesmatig-werken",
        "number": 3,
        "title": t("Procesmatig werken", "Travail axé sur le processus", "Process-based work"),
        "summary": t(
            "Sociaal werk gaat een traject aan met mensen, in hun tempo en met ruimte voor "
            "wat onderweg verandert, in plaats van een vooraf vastgelegd resultaat af te "
            "vinken.",
            "Le travail social s’engage dans un parcours avec les personnes, à leur rythme et "
            "en laissant de la place à ce qui change en chemin, plutôt que de cocher un "
            "résultat fixé d’avance.",
            "Social work goes on a journey with people, at their pace and with room for what "
            "changes along the way, rather than ticking off a result fixed in advance.",
        ),
        "body": md3(
            """
            Veranderingen in het leven van mensen en in de samenleving verlopen zelden in een
            rechte lijn. Procesmatig werken betekent dat sociale professionals samen met
            mensen stappen zetten, bijsturen waar nodig en de tijd nemen die een proces vraagt.

            Het doel wordt onderweg mee bepaald door de mensen zelf. Dat vraagt ruimte om te
            zoeken en te experimenteren, en een duurzame relatie die ook tegenslagen kan
            dragen.

            Procesmatig werken staat soms op gespannen voet met de vraag naar snelle, meetbare
            resultaten. Sterk sociaal werk maakt zichtbaar wat een proces oplevert, ook
            wanneer dat niet meteen in cijfers te vatten is.
            """,
            """
            Les changements dans la vie des personnes et dans la société suivent rarement une
            ligne droite. Travailler de manière axée sur le processus signifie que les
            professionnels du social avancent pas à pas avec les personnes, ajustent quand
            c’est nécessaire et prennent le temps qu’exige un processus.

            Le but se précise en chemin, avec les personnes elles-mêmes. Cela demande de
            l’espace pour chercher et expérimenter, et une relation durable qui résiste aussi
            aux revers.

            Ce travail est parfois en tension avec la demande de résultats rapides et
            mesurables. Un travail social fort rend visible ce qu’un processus apporte, même
            quand cela ne se traduit pas tout de suite en chiffres.
            """,
            """
            Change in people’s lives and in society seldom follows a straight line.
            Process-based work means that social professionals take steps together with
            people, adjust where needed and take the time a process requires.

            The goal is shaped along the way, together with the people themselves. That takes
            room to search and experiment, and a lasting relationship that can also weather
            setbacks.

            Process-based work is sometimes at odds with the demand for quick, measurable
            results. Strong social work shows what a process achieves, even when that cannot
            be captured in figures straight away.
            """,
        ),
    },
    {
        "slug": "generalistisch-werken",
        "number": 4,
        "title": t("Generalistisch werken", "Travail généraliste", "Generalist work"),
        "summary": t(
            "Sociaal werk kijkt naar de hele mens in zijn context en naar alle levensdomeinen "
            "samen, niet naar één afgebakend probleem.",
            "Le travail social considère la personne dans sa globalité et dans son contexte, "
            "en tenant compte de tous les domaines de vie, et non d’un seul problème isolé.",
            "Social work looks at the whole person in their context and at all areas of life "
            "together, not at one isolated problem.",
        ),
        "body": md3(
            """
            Wonen, werk, inkomen, gezondheid, onderwijs, relaties: in het leven van mensen
            hangen die domeinen samen. Generalistisch werken betekent dat sociale
            professionals niet alleen naar de vraag kijken waarmee iemand binnenkomt, maar
            naar de hele situatie.

            Een generalistische blik voorkomt dat mensen van het ene loket naar het andere
            worden gestuurd. Sociale professionals bieden een brede toegang en houden het
            overzicht, ook als er gespecialiseerde hulp nodig is.

            Generalistisch werken gaat dus hand in hand met samenwerken: met specialisten, met
            andere disciplines en met andere organisaties op de eerste lijn en daarbuiten.
            """,
            """
            Logement, travail, revenus, santé, enseignement, relations : dans la vie des
            personnes, ces domaines sont liés. Le travail généraliste signifie que les
            professionnels du social ne s’arrêtent pas à la demande avec laquelle quelqu’un
            arrive, mais considèrent l’ensemble de sa situation.

            Un regard généraliste évite que les personnes soient renvoyées d’un guichet à
            l’autre. Les professionnels du social offrent une porte d’entrée large et gardent
            une vue d’ensemble, même lorsqu’une aide spécialisée est nécessaire.

            Le travail généraliste va donc de pair avec la collaboration : avec des
            spécialistes, avec d’autres disciplines et avec d’autres organisations, en
            première ligne et au-delà.
            """,
            """
            Housing, work, income, health, education, relationships: in people’s lives these
            areas are bound up with each other. Generalist work means that social
            professionals look not only at the question someone comes in with, but at their
            whole situation.

            A generalist view keeps people from being sent from one desk to the next. Social
            professionals offer a broad point of entry and keep the overview, also when
            specialised help is needed.

            Generalist work therefore goes hand in hand with cooperation: with specialists,
            with other disciplines and with other organisations, in the first line and beyond.
            """,
        ),
    },
    {
        "slug": "verbindend-werken",
        "number": 5,
        "title": t("Verbindend werken", "Travail de mise en lien", "Connecting work"),
        "summary": t(
            "Sociaal werk verbindt mensen met elkaar, met voorzieningen en met de samenleving, "
            "en bouwt bruggen tussen organisaties, sectoren en beleid.",
            "Le travail social relie les personnes entre elles, aux services et à la société, "
            "et jette des ponts entre organisations, secteurs et politiques.",
            "Social work connects people with each other, with services and with society, and "
            "builds bridges between organisations, sectors and policy.",
        ),
        "body": md3(
            """
            Sociale professionals brengen mensen samen: buren, lotgenoten, vrijwilligers,
            burgerinitiatieven. Zo ontstaan netwerken van steun en solidariteit, en groeit het
            gevoel ergens bij te horen.

            Verbindend werken betekent ook bruggen bouwen tussen mensen en voorzieningen, en
            tussen organisaties en sectoren die elkaar niet vanzelf vinden. In een
            superdiverse samenleving gaat het om verbinding over verschillen heen.

            Het Vlaams Platform Sterk Sociaal Werk wil zelf verbindend werken: sociale
            professionals over sectorgrenzen heen samenbrengen, want sociaal werk doe je nooit
            alleen.
            """,
            """
            Les professionnels du social rassemblent les gens : voisins, personnes vivant la
            même situation, bénévoles, initiatives citoyennes. Des réseaux de soutien et de
            solidarité naissent ainsi, et le sentiment d’appartenance grandit.

            Créer du lien, c’est aussi jeter des ponts entre les personnes et les services, et
            entre des organisations et des secteurs qui ne se trouvent pas spontanément. Dans
            une société superdiverse, il s’agit de tisser des liens par-delà les différences.

            La plateforme flamande Sterk Sociaal Werk veut elle-même créer du lien : réunir les
            professionnels du social par-delà les frontières sectorielles, car on ne fait
            jamais du travail social seul.
            """,
            """
            Social professionals bring people together: neighbours, peers in the same
            situation, volunteers, civic initiatives. Networks of support and solidarity grow
            from this, and so does the sense of belonging.

            Connecting work also means building bridges between people and services, and
            between organisations and sectors that do not find each other by themselves. In a
            superdiverse society, it means connecting across differences.

            The Flemish Platform for Strong Social Work sets out to connect, too: to bring
            social professionals together across sector boundaries, because social work is
            never done alone.
            """,
        ),
    },
]


# --- the 3 functions ------------------------------------------------------------------

FUNCTIONS: list[dict[str, Any]] = [
    {
        "slug": "waarborgfunctie",
        "number": 1,
        "title": t("Waarborgfunctie", "Fonction de garantie", "Guarantee function"),
        "summary": t(
            "Ervoor (trachten te) zorgen dat alle mensen en groepen krijgen waar ze recht op "
            "hebben.",
            "(Chercher à) faire en sorte que toutes les personnes et tous les groupes "
            "obtiennent ce à quoi ils ont droit.",
            "(Seeking to) ensure that all people and groups get what they are entitled to.",
        ),
        "body": md3(
            """
            Rechten bestaan pas echt wanneer mensen ze ook krijgen. Sociale professionals
            informeren, begeleiden en komen op voor mensen, zodat zij toegang krijgen tot
            inkomen, huisvesting, zorg, onderwijs en de andere rechten die hen toekomen.

            De waarborgfunctie richt zich in het bijzonder op onderbescherming: mensen die hun
            rechten niet opnemen omdat ze ze niet kennen, omdat de drempels te hoog zijn of
            omdat het systeem hen niet bereikt.
            """,
            """
            Les droits n’existent vraiment que lorsque les personnes les obtiennent. Les
            professionnels du social informent, accompagnent et défendent les personnes, afin
            qu’elles aient accès aux revenus, au logement, aux soins, à l’enseignement et aux
            autres droits qui leur reviennent.

            La fonction de garantie vise en particulier la sous-protection : les personnes qui
            n’exercent pas leurs droits parce qu’elles ne les connaissent pas, parce que les
            obstacles sont trop élevés ou parce que le système ne les atteint pas.
            """,
            """
            Rights only truly exist when people actually receive them. Social professionals
            inform, accompany and stand up for people, so that they gain access to income,
            housing, care, education and the other rights that are theirs.

            The guarantee function pays particular attention to under-protection: people who
            do not take up their rights because they do not know them, because the barriers
            are too high or because the system does not reach them.
            """,
        ),
    },
    {
        "slug": "laboratoriumfunctie",
        "number": 2,
        "title": t("Laboratoriumfunctie", "Fonction de laboratoire", "Laboratory function"),
        "summary": t(
            "Nieuwe praktijken ontwikkelen door te experimenteren, die mogelijke verandering "
            "in onze samenleving kunnen voorbeelden.",
            "Développer de nouvelles pratiques en expérimentant, des pratiques qui peuvent "
            "préfigurer un changement possible dans notre société.",
            "Developing new practices through experiment, practices that can model possible "
            "change in our society.",
        ),
        "body": md3(
            """
            Sociaal werk is een plek waar nieuwe antwoorden ontstaan. Sociale professionals
            zien als eersten waar bestaande oplossingen tekortschieten, en proberen samen met
            mensen iets nieuws uit.

            Zo'n experiment toont in het klein hoe het anders kan. Wat werkt, kan uitgroeien
            tot een nieuwe praktijk of inspiratie bieden voor beleid. Praktijken delen, zoals
            in de praktijksafari's van de regionale platformen, helpt om van elkaar te leren.
            """,
            """
            Le travail social est un lieu où naissent de nouvelles réponses. Les professionnels
            du social sont les premiers à voir où les solutions existantes sont insuffisantes,
            et ils essaient quelque chose de neuf avec les personnes concernées.

            Une telle expérience montre à petite échelle qu’il est possible de faire autrement.
            Ce qui fonctionne peut devenir une nouvelle pratique ou inspirer les politiques.
            Partager les pratiques, comme dans les « safaris de pratiques » des plateformes
            régionales, aide à apprendre les uns des autres.
            """,
            """
            Social work is a place where new answers emerge. Social professionals are the first
            to see where existing solutions fall short, and they try out something new together
            with the people concerned.

            Such an experiment shows on a small scale how things can be done differently. What
            works can grow into a new practice or inspire policy. Sharing practices, as in the
            regional platforms’ practice safaris, helps us learn from each other.
            """,
        ),
    },
    {
        "slug": "sociaal-politieke-functie",
        "number": 3,
        "title": t(
            "Sociaal-politieke functie", "Fonction sociopolitique", "Socio-political function"
        ),
        "summary": t(
            "Streven naar sociale verandering door machts- en onderdrukkingsmechanismen in "
            "vraag te stellen. De mensenrechten vormen daarbij het kompas.",
            "Œuvrer au changement social en remettant en question les mécanismes de pouvoir "
            "et d’oppression. Les droits humains servent de boussole.",
            "Striving for social change by questioning mechanisms of power and oppression. "
            "Human rights are the compass.",
        ),
        "body": md3(
            """
            Sociaal werk staat niet neutraal tegenover onrecht. Waar mensen uitgesloten,
            achtergesteld of onderdrukt worden, stelt het de mechanismen in vraag die dat
            veroorzaken, en werkt het aan sociale verandering.

            De mensenrechten vormen daarbij het kompas: ze geven de richting aan waar we met de
            samenleving naartoe willen. Deze functie hangt nauw samen met de krachtlijn
            politiserend werken.
            """,
            """
            Le travail social n’est pas neutre face à l’injustice. Là où des personnes sont
            exclues, défavorisées ou opprimées, il remet en question les mécanismes qui en sont
            la cause et œuvre au changement social.

            Les droits humains en sont la boussole : ils indiquent la direction dans laquelle
            nous voulons faire évoluer la société. Cette fonction est étroitement liée à la
            ligne de force du travail politisant.
            """,
            """
            Social work is not neutral in the face of injustice. Where people are excluded,
            disadvantaged or oppressed, it questions the mechanisms that cause this and works
            for social change.

            Human rights are the compass: they show the direction in which we want society to
            go. This function is closely linked to the core principle of politicising work.
            """,
        ),
    },
]


# --- the 6 regional platforms -----------------------------------------------------------

REGIONS: list[dict[str, Any]] = [
    {
        "slug": "antwerpen",
        "order": 1,
        "short_name": "",
        "name": t("Antwerpen", "Anvers", "Antwerp"),
        "tagline": t(
            "Sociale professionals verbinden vanuit de gedeelde identiteit van de vijf "
            "krachtlijnen.",
            "Relier les professionnels du social à partir de l’identité commune des cinq "
            "lignes de force.",
            "Connecting social professionals through the shared identity of the five core "
            "principles.",
        ),
        "description": md3(
            """
            In Antwerpen willen we sociale professionals verbinden vanuit de gedeelde
            identiteit van de vijf krachtlijnen. Geen eenvoudige klus, dus creatieve ideeën
            zijn meer dan welkom.

            We zoeken ook mensen die een actieve rol willen opnemen, vanuit hun organisatie of
            als trekker van een overleg waar sociale professionals samenkomen.

            Naast de community werken we aan concrete acties die sociale professionals helpen
            in hun opdracht tegenover mensen in kwetsbare posities. We zetten in op twee
            prioriteiten: werken in vertrouwen, en minder bureaucratie voor meer
            hulpverlening.

            Ben je actief in Antwerpen? Sluit dan vandaag nog aan!
            """,
            """
            À Anvers, nous voulons relier les professionnels du social à partir de l’identité
            commune des cinq lignes de force. Ce n’est pas une mince affaire : les idées
            créatives sont donc plus que bienvenues.

            Nous cherchons aussi des personnes prêtes à jouer un rôle actif, au nom de leur
            organisation ou en tant qu’animateur d’une concertation qui réunit des
            professionnels du social.

            Au-delà de la communauté, nous menons des actions concrètes pour aider les
            professionnels du social dans leur mission auprès des personnes en situation de
            vulnérabilité. Nous misons sur deux priorités : travailler dans la confiance, et
            moins de bureaucratie pour plus d’aide.

            Vous êtes actif à Anvers ? Rejoignez-nous dès aujourd’hui !
            """,
            """
            In Antwerp we want to connect social professionals through the shared identity of
            the five core principles. No easy task, so creative ideas are more than welcome.

            We are also looking for people who want to take an active role, on behalf of their
            organisation or as the lead of a consultation where social professionals meet.

            Beyond the community, we work on concrete actions that help social professionals
            in their work with people in vulnerable positions. We focus on two priorities:
            working in trust, and less red tape for more help.

            Are you active in Antwerp? Join us today!
            """,
        ),
        "subregions": [
            {
                "slug": "antwerpen-stad",
                "name": t("Antwerpen stad", "Anvers ville", "Antwerp city"),
                "description": t(
                    "De stad Antwerpen en haar districten.",
                    "La ville d’Anvers et ses districts.",
                    "The city of Antwerp and its districts.",
                ),
            },
            {
                "slug": "antwerpen-rand",
                "name": t("Antwerpen rand", "Périphérie d’Anvers", "Antwerp periphery"),
                "description": t(
                    "De gemeenten rond de stad Antwerpen.",
                    "Les communes autour de la ville d’Anvers.",
                    "The municipalities around the city of Antwerp.",
                ),
            },
            {
                "slug": "mechelen",
                "name": t("Mechelen", "Malines", "Mechelen"),
                "description": t(
                    "Mechelen en de gemeenten van het arrondissement Mechelen.",
                    "Malines et les communes de l’arrondissement de Malines.",
                    "Mechelen and the municipalities of the Mechelen district.",
                ),
            },
            {
                "slug": "kempen",
                "name": t("Kempen", "Campine", "Kempen"),
                "description": t(
                    "De Kempen, met onder meer Turnhout, Geel, Mol en Herentals.",
                    "La Campine, avec notamment Turnhout, Geel, Mol et Herentals.",
                    "The Kempen (Campine), with Turnhout, Geel, Mol and Herentals among others.",
                ),
            },
        ],
        "priorities": [
            {
                "title": t(
                    "Werken in vertrouwen",
                    "Travailler dans la confiance",
                    "Working in trust",
                ),
                "description": t(
                    "De focus ligt op praktijken waarin gewerkt wordt vanuit een "
                    "vertrouwensrelatie, en op hoe van daaruit sterke samenwerkingsverbanden "
                    "kunnen worden uitgebouwd.",
                    "L’accent est mis sur les pratiques fondées sur une relation de confiance, "
                    "et sur la manière d’en faire la base de partenariats solides.",
                    "The focus is on practices built on a relationship of trust, and on how "
                    "strong partnerships can grow from there.",
                ),
            },
            {
                "title": t(
                    "Minder bureaucratie, meer hulpverlening",
                    "Moins de bureaucratie, plus d’aide",
                    "Less red tape, more help",
                ),
                "description": t(
                    "We gaan op zoek naar projecten die resulteren in minder administratieve "
                    "werklast voor sociaal werkers.",
                    "Nous recherchons des projets qui allègent la charge administrative des "
                    "travailleurs sociaux.",
                    "We look for projects that reduce the administrative workload of social "
                    "workers.",
                ),
            },
        ],
    },
    {
        "slug": "limburg",
        "order": 2,
        "short_name": "",
        "name": t("Limburg", "Limbourg", "Limburg"),
        "tagline": t(
            "De samenleving aansteken met inspirerende ideeën over Sterk Sociaal Werk.",
            "Inspirer la société avec des idées enthousiasmantes pour un travail social fort.",
            "Inspiring society with bright ideas about strong social work.",
        ),
        "description": md3(
            """
            Het Limburgse platform wil de samenleving aansteken met inspirerende ideeën over
            Sterk Sociaal Werk. Uit gesprekken en brainstormsessies met een vijftigtal
            Limburgse sleutelfiguren uit het welzijnsveld kwamen drie uitdagingen naar voren:
            diversiteit, een duidelijke plaats op de eerste lijn, en onderbescherming.

            Met die drie uitdagingen gaan we aan de slag, en voor het Limburgse platform
            ontwikkelen we er een eigen actieplan rond.

            Op World Social Work Day 2021 wandelden sociale professionals in Limburg met
            ministers en burgemeesters. Spring je mee op de kar? Neem dan zeker contact op!
            """,
            """
            La plateforme limbourgeoise veut inspirer la société avec des idées
            enthousiasmantes pour un travail social fort. Des entretiens et des séances de
            réflexion avec une cinquantaine de personnes clés du secteur social limbourgeois
            ont fait émerger trois défis : la diversité, une place claire en première ligne, et
            la sous-protection.

            Nous travaillons sur ces trois défis et élaborons autour d’eux un plan d’action
            propre à la plateforme limbourgeoise.

            Lors de la Journée mondiale du travail social 2021, des professionnels du social
            limbourgeois ont marché avec des ministres et des bourgmestres. Vous voulez monter
            à bord ? N’hésitez pas à nous contacter !
            """,
            """
            The Limburg platform wants to inspire society with bright ideas about strong
            social work. Conversations and brainstorming sessions with some fifty key figures
            from the Limburg welfare field brought three challenges to the fore: diversity, a
            clear place in the first line, and under-protection.

            We are taking on these three challenges and are building an action plan of our own
            for the Limburg platform around them.

            On World Social Work Day 2021, social professionals in Limburg went on walks with
            ministers and mayors. Want to get on board? Do get in touch!
            """,
        ),
        "subregions": [],
        "priorities": [
            {
                "title": t("Diversiteit", "Diversité", "Diversity"),
                "description": t(
                    "Sociaal werk dat de diversiteit van de Limburgse samenleving weerspiegelt "
                    "en iedereen bereikt.",
                    "Un travail social qui reflète la diversité de la société limbourgeoise et "
                    "atteint chacun.",
                    "Social work that reflects the diversity of Limburg’s society and reaches "
                    "everyone.",
                ),
            },
            {
                "title": t(
                    "Een duidelijke plaats op de eerste lijn",
                    "Une place claire en première ligne",
                    "A clear place in the first line",
                ),
                "description": t(
                    "Sociaal werk krijgt een herkenbare en sterke rol in de eerstelijnszorg en "
                    "in de eerstelijnszones.",
                    "Le travail social obtient un rôle reconnaissable et fort dans les soins de "
                    "première ligne et dans les zones de première ligne.",
                    "Social work gets a recognisable, strong role in primary care and in the "
                    "primary-care zones.",
                ),
            },
            {
                "title": t("Onderbescherming", "Sous-protection", "Under-protection"),
                "description": t(
                    "Samen aanpakken dat mensen hun rechten niet opnemen, zodat iedereen "
                    "krijgt waar hij of zij recht op heeft.",
                    "S’attaquer ensemble au non-recours aux droits, pour que chacun obtienne ce "
                    "à quoi il a droit.",
                    "Tackling the non-take-up of rights together, so that everyone gets what "
                    "they are entitled to.",
                ),
            },
        ],
    },
    {
        "slug": "oost-vlaanderen",
        "order": 3,
        "short_name": "",
        "name": t("Oost-Vlaanderen", "Flandre-Orientale", "East Flanders"),
        "tagline": t(
            "Praktijken zichtbaar maken, onder meer met online praktijksafari's.",
            "Rendre les pratiques visibles, notamment grâce à des safaris de pratiques en ligne.",
            "Making practices visible, among other things through online practice safaris.",
        ),
        "description": md3(
            """
            Het Oost-Vlaamse platform organiseerde een online praktijksafari over sociaal
            werk in (digitale) coronatijden. Vormingplus kwam er aan het woord over Babbelonië
            2.0, een project dat het samen met het Agentschap Integratie en Inburgering
            opzette. Daarna maakten we kennis met de buurtwerkpraktijk van de Meubelfabriek in
            de Brugse Poort in Gent, en tot slot met de jeugdhulppraktijk de Cocon. De opname
            van de safari blijft online te bekijken.

            Een volgende online praktijksafari zoomde in op onderbescherming. Wil je erbij
            zijn op de volgende safari, of wil je zelf een praktijk voorstellen? Neem contact
            op.
            """,
            """
            La plateforme de Flandre-Orientale a organisé un safari de pratiques en ligne sur
            le travail social en période de coronavirus (et de numérique). Vormingplus y a
            présenté Babbelonië 2.0, un projet mené avec l’Agentschap Integratie en
            Inburgering (agence flamande Intégration et Intégration civique). Nous avons
            ensuite découvert le travail de quartier de la Meubelfabriek, dans le quartier de
            la Brugse Poort à Gand, et enfin la pratique d’aide à la jeunesse de Cocon.
            L’enregistrement du safari reste disponible en ligne.

            Un safari en ligne suivant s’est penché sur la sous-protection. Vous souhaitez
            participer au prochain safari, ou présenter vous-même une pratique ?
            Contactez-nous.
            """,
            """
            The East Flanders platform organised an online practice safari on social work in
            (digital) pandemic times. Vormingplus spoke about Babbelonië 2.0, a project it set
            up with the Agency for Integration and Civic Integration (Agentschap Integratie en
            Inburgering). Next we visited the neighbourhood work of the Meubelfabriek in the
            Brugse Poort district of Ghent, and finally the youth-care practice de Cocon. The
            recording of the safari can still be watched online.

            A later online practice safari focused on under-protection. Would you like to join
            the next safari, or present a practice yourself? Get in touch.
            """,
        ),
        "subregions": [],
        "priorities": [],
    },
    {
        "slug": "west-vlaanderen",
        "order": 4,
        "short_name": "",
        "name": t("West-Vlaanderen", "Flandre-Occidentale", "West Flanders"),
        "tagline": t(
            "Van een bevraging bij 435 sociale professionals naar een 40-actiepuntenplan.",
            "D’une enquête auprès de 435 professionnels du social à un plan en 40 points d’action.",
            "From a survey of 435 social professionals to a 40-point action plan.",
        ),
        "description": md3(
            """
            Het West-Vlaamse platform bevroeg 435 sociale professionals over de uitdagingen
            voor sterk sociaal werk. Samen met 70 sociale professionals vertaalden we de
            resultaten van die bevraging in een 40-actiepuntenplan.

            West-Vlaanderen heeft een eigen, digitale regionale stuurgroep: de stuurgroep
            Sterk Sociaal Werk West-Vlaanderen. Daar bespreken we hoe we verder aan de slag
            gaan met het plan.

            Op World Social Work Day 2021 liep in West-Vlaanderen een fotoproject.
            Interesse om aan te sluiten? Laat van je horen!
            """,
            """
            La plateforme de Flandre-Occidentale a interrogé 435 professionnels du social sur
            les défis d’un travail social fort. Avec 70 d’entre eux, nous avons traduit les
            résultats de cette enquête en un plan en 40 points d’action.

            La Flandre-Occidentale dispose de son propre groupe de pilotage régional,
            numérique : le groupe de pilotage Sterk Sociaal Werk West-Vlaanderen. C’est là que
            nous discutons de la suite à donner au plan.

            Lors de la Journée mondiale du travail social 2021, un projet photo a été mené en
            Flandre-Occidentale. Envie de nous rejoindre ? Faites-vous connaître !
            """,
            """
            The West Flanders platform surveyed 435 social professionals on the challenges
            facing strong social work. Together with 70 social professionals, we turned the
            results of that survey into a 40-point action plan.

            West Flanders has its own digital regional steering group: the steering group
            Sterk Sociaal Werk West-Vlaanderen. That is where we discuss how to take the plan
            further.

            On World Social Work Day 2021, West Flanders ran a photo project. Interested in
            joining? Let us know!
            """,
        ),
        "subregions": [],
        "priorities": [
            {
                "title": t(
                    "Het 40-actiepuntenplan",
                    "Le plan en 40 points d’action",
                    "The 40-point action plan",
                ),
                "description": t(
                    "Samen met 70 sociale professionals vertaalden we de bevraging bij 435 "
                    "collega's in 40 actiepunten. De digitale regionale stuurgroep volgt de "
                    "uitvoering op.",
                    "Avec 70 professionnels du social, nous avons traduit l’enquête menée "
                    "auprès de 435 collègues en 40 points d’action. Le groupe de pilotage "
                    "régional numérique en suit la mise en œuvre.",
                    "Together with 70 social professionals, we turned the survey of 435 "
                    "colleagues into 40 action points. The digital regional steering group "
                    "follows up their implementation.",
                ),
            },
        ],
    },
    {
        "slug": "vlaams-brabant",
        "order": 5,
        "short_name": "",
        "name": t("Vlaams-Brabant", "Brabant flamand", "Flemish Brabant"),
        "tagline": t(
            "Sterk lokaal verankerd, in vier subregio's.",
            "Solidement ancré localement, dans quatre sous-régions.",
            "Firmly rooted locally, in four sub-regions.",
        ),
        "description": md3(
            """
            Het regionale platform in Vlaams-Brabant staat voor heel wat uitdagingen,
            mobiliteit bijvoorbeeld. Om te waken over een sterke lokale verankering delen we
            de provincie op in vier subregio's: Hageland, Leuven, Halle en Pajottenland, en
            Vilvoorde. We zoeken ook aansluiting bij de regio Dilbeek en Asse.

            In elke subregio gaan we in gesprek met enthousiaste sociale professionals uit
            verschillende sociaalwerkpraktijken. Samen staan we stil bij drie vragen: hoe
            brengen we beweging in de regio, hoe realiseren we ontmoeting, en hoe brengen we
            sterk sociaal werk vanuit de vijf krachtlijnen op het spoor en dragen we het uit?
            Elke subregio vertrekt vanuit één van de uitdagingen uit het actieplan Sterk
            Sociaal Werk.

            De eerste concrete actie was de uitwerking van World Social Work Day op 16 maart
            2021.

            Het platform zoekt ook aansluiting bij de eerstelijnszones (ELZ). Werk je in een
            ELZ? We komen het regionale platform graag voorstellen op jullie overleg. Neem
            contact op!
            """,
            """
            La plateforme régionale du Brabant flamand fait face à de nombreux défis, comme la
            mobilité. Pour garantir un solide ancrage local, nous avons divisé la province en
            quatre sous-régions : le Hageland, Louvain, Hal et le Pajottenland, et Vilvorde.
            Nous cherchons aussi à nous relier à la région de Dilbeek et d’Asse.

            Dans chaque sous-région, nous échangeons avec des professionnels du social
            enthousiastes issus de pratiques variées. Ensemble, nous nous penchons sur trois
            questions : comment créer du mouvement dans la région, comment favoriser la
            rencontre, et comment mettre sur les rails et porter un travail social fort à
            partir des cinq lignes de force ? Chaque sous-région part de l’un des défis du plan
            d’action Sterk Sociaal Werk.

            La première action concrète a été l’organisation de la Journée mondiale du travail
            social du 16 mars 2021.

            La plateforme cherche aussi à se relier aux zones de première ligne (ELZ). Vous
            travaillez dans une zone de première ligne ? Nous venons volontiers présenter la
            plateforme régionale lors de votre concertation. Contactez-nous !
            """,
            """
            The regional platform in Flemish Brabant faces many challenges, mobility for one.
            To keep strong local roots, we divide the province into four sub-regions: the
            Hageland, Leuven, Halle and Pajottenland, and Vilvoorde. We also seek ties with the
            Dilbeek and Asse area.

            In each sub-region we talk with enthusiastic social professionals from many kinds
            of social work practice. Together we consider three questions: how do we get
            things moving in the region, how do we bring people together, and how do we put
            strong social work, grounded in the five core principles, on track and carry it
            further? Each sub-region starts from one of the challenges of the Strong Social
            Work action plan.

            The first concrete action was organising World Social Work Day on 16 March 2021.

            The platform also seeks ties with the primary-care zones (eerstelijnszones, ELZ).
            Do you work in a primary-care zone? We would be glad to present the regional
            platform at one of your meetings. Get in touch!
            """,
        ),
        "subregions": [
            {
                "slug": "hageland",
                "name": t("Hageland", "Hageland", "Hageland"),
                "description": t(
                    "Het oosten van de provincie, met onder meer Aarschot, Diest en Tienen.",
                    "L’est de la province, avec notamment Aarschot, Diest et Tirlemont.",
                    "The east of the province, with Aarschot, Diest and Tienen among others.",
                ),
            },
            {
                "slug": "leuven",
                "name": t("Leuven", "Louvain", "Leuven"),
                "description": t(
                    "De stad Leuven en de gemeenten eromheen.",
                    "La ville de Louvain et les communes environnantes.",
                    "The city of Leuven and the surrounding municipalities.",
                ),
            },
            {
                "slug": "halle-en-pajottenland",
                "name": t("Halle en Pajottenland", "Hal et Pajottenland", "Halle and Pajottenland"),
                "description": t(
                    "Het zuidwesten van de provincie, rond Halle en het Pajottenland.",
                    "Le sud-ouest de la province, autour de Hal et du Pajottenland.",
                    "The south-west of the province, around Halle and the Pajottenland.",
                ),
            },
            {
                "slug": "vilvoorde",
                "name": t("Vilvoorde", "Vilvorde", "Vilvoorde"),
                "description": t(
                    "Vilvoorde en de gemeenten in de noordrand rond Brussel.",
                    "Vilvorde et les communes de la périphérie nord de Bruxelles.",
                    "Vilvoorde and the municipalities on the northern edge of Brussels.",
                ),
            },
        ],
        "priorities": [
            {
                "title": t(
                    "World Social Work Day op 16 maart 2021 als eerste concrete actie",
                    "La Journée mondiale du travail social du 16 mars 2021 comme première "
                    "action concrète",
                    "World Social Work Day on 16 March 2021 as the first concrete action",
                ),
                "description": t(
                    "De subregio's werkten samen World Social Work Day op 16 maart 2021 uit, "
                    "als eerste concrete actie van het platform.",
                    "Les sous-régions ont préparé ensemble la Journée mondiale du travail "
                    "social du 16 mars 2021, première action concrète de la plateforme.",
                    "The sub-regions worked together on World Social Work Day on 16 March "
                    "2021, the platform’s first concrete action.",
                ),
            },
            {
                "title": t(
                    "Aansluiting bij de eerstelijnszones",
                    "Des liens avec les zones de première ligne",
                    "Ties with the primary-care zones",
                ),
                "description": t(
                    "We stellen het regionale platform voor op overlegmomenten van de "
                    "eerstelijnszones (ELZ) en zoeken er aansluiting bij hun initiatieven.",
                    "Nous présentons la plateforme régionale lors des concertations des zones "
                    "de première ligne (ELZ) et cherchons à nous relier à leurs initiatives.",
                    "We present the regional platform at meetings of the primary-care zones "
                    "(ELZ) and seek ties with their initiatives.",
                ),
            },
        ],
    },
    {
        "slug": "brussel",
        "order": 6,
        "short_name": "BXL",
        "name": t("Brussel", "Bruxelles", "Brussels"),
        "tagline": t(
            "Samen nadenken, netwerken en acties opzetten voor sociale professionals in Brussel.",
            "Réfléchir, tisser des réseaux et monter des actions ensemble pour les "
            "professionnels du social à Bruxelles.",
            "Thinking, networking and setting up actions together for social professionals "
            "in Brussels.",
        ),
        "description": md3(
            """
            Het regionale platform Sterk Sociaal Werk BXL brengt sociale professionals in
            Brussel samen.

            In juni 2020 bevroeg het platform Brusselse sociale professionals over sociaal
            werk in tijden van corona. In oktober 2020 stonden we stil bij de resultaten en
            kozen we de uitdagingen waarop we in Brussel inzetten.

            Wil je mee nadenken, netwerken uitbouwen of acties opzetten ter ondersteuning van
            sociale professionals in Brussel? Neem contact op en sluit aan!
            """,
            """
            La plateforme régionale Sterk Sociaal Werk BXL rassemble les professionnels du
            social à Bruxelles.

            En juin 2020, la plateforme a interrogé des professionnels du social bruxellois sur
            le travail social en temps de coronavirus. En octobre 2020, nous avons examiné les
            résultats et choisi les défis sur lesquels nous misons à Bruxelles.

            Vous souhaitez réfléchir avec nous, développer des réseaux ou monter des actions
            pour soutenir les professionnels du social à Bruxelles ? Contactez-nous et
            rejoignez-nous !
            """,
            """
            The regional platform Sterk Sociaal Werk BXL brings social professionals in
            Brussels together.

            In June 2020 the platform surveyed Brussels social professionals on social work in
            times of COVID-19. In October 2020 we discussed the results and chose the
            challenges we focus on in Brussels.

            Would you like to think along, build networks or set up actions to support social
            professionals in Brussels? Get in touch and join us!
            """,
        ),
        "subregions": [],
        "priorities": [],
    },
]


# --- organisations the public texts name --------------------------------------------------

ORGANISATIONS: list[dict[str, Any]] = [
    {
        "name": "Socius",
        "type": "support_centre",
        "website": "https://socius.be",
        "is_stakeholder": True,
        "regions": [],
        "description": t(
            "Steunpunt voor sociaal-cultureel werk. Socius trekt het speerpunt politiserend "
            "werken van Sterk Sociaal Werk, samen met een breed netwerk van partners: "
            "praktijken vertellen (met Weliswaar en Sociaal.Net), politiserend werken beter "
            "verstaan (met een publicatie op de Sociaalwerkconferentie van 5 mei 2022) en "
            "sociaal werkers versterken (met een vormingsaanbod vanaf 2022).",
            "Centre d’appui du travail socioculturel. Socius porte la priorité du travail "
            "politisant de Sterk Sociaal Werk, avec un large réseau de partenaires : raconter "
            "les pratiques (avec Weliswaar et Sociaal.Net), mieux comprendre le travail "
            "politisant (avec une publication présentée à la conférence du 5 mai 2022) et "
            "renforcer les travailleurs sociaux (avec une offre de formation dès 2022).",
            "Support centre for socio-cultural work. Socius leads the Strong Social Work "
            "spearhead on politicising work, with a broad network of partners: telling the "
            "stories of practices (with Weliswaar and Sociaal.Net), understanding politicising "
            "work better (with a publication at the conference of 5 May 2022) and "
            "strengthening social workers (with training from 2022).",
        ),
        "themes": t(
            "politiserend werken, sociaal-cultureel werk, vorming",
            "travail politisant, travail socioculturel, formation",
            "politicising work, socio-cultural work, training",
        ),
    },
    {
        "name": "Weliswaar",
        "type": "media_partner",
        "website": "https://www.weliswaar.be",
        "is_stakeholder": True,
        "regions": [],
        "description": t(
            "Nieuwsmedium over welzijn en zorg. Als mediapartner van het speerpunt "
            "politiserend werken brengt Weliswaar interviews met inspirerende politiserende "
            "praktijken.",
            "Média d’information sur le bien-être et les soins. Partenaire média de la "
            "priorité du travail politisant, Weliswaar publie des interviews de pratiques "
            "politisantes inspirantes.",
            "News outlet on welfare and care. As media partner of the spearhead on "
            "politicising work, Weliswaar publishes interviews with inspiring politicising "
            "practices.",
        ),
        "themes": t(
            "welzijn en zorg, praktijkverhalen, interviews",
            "bien-être et soins, récits de pratiques, interviews",
            "welfare and care, practice stories, interviews",
        ),
    },
    {
        "name": "Sociaal.Net",
        "type": "media_partner",
        "website": "https://sociaal.net",
        "is_stakeholder": True,
        "regions": [],
        "description": t(
            "Onafhankelijk online magazine over sociaal werk en sociaal beleid. Als "
            "mediapartner van het speerpunt politiserend werken zet Sociaal.Net politiserende "
            "praktijken in de kijker.",
            "Magazine en ligne indépendant consacré au travail social et à la politique "
            "sociale. Partenaire média de la priorité du travail politisant, Sociaal.Net met "
            "en lumière des pratiques politisantes.",
            "Independent online magazine on social work and social policy. As media partner "
            "of the spearhead on politicising work, Sociaal.Net puts politicising practices in "
            "the spotlight.",
        ),
        "themes": t(
            "sociaal werk, sociaal beleid, praktijkverhalen",
            "travail social, politique sociale, récits de pratiques",
            "social work, social policy, practice stories",
        ),
    },
    {
        "name": "Cachet vzw",
        "type": "association",
        "website": "https://www.cachet.be",
        "is_stakeholder": True,
        "regions": [],
        "description": t(
            "Organisatie door en voor jongeren met ervaring in de jeugdhulp. Cachet helpt "
            "jongeren zodat de grote stap naar een zelfstandig leven vlotter verloopt. In "
            "Mechelen zette Cachet een samenwerking op met het Sociaal Huis en Jeugdzorg "
            "Emmaüs, wat tot structurele verandering leidde.",
            "Organisation par et pour des jeunes ayant l’expérience de l’aide à la jeunesse. "
            "Cachet aide les jeunes à franchir plus facilement le grand pas vers une vie "
            "autonome. À Malines, Cachet a mis en place une collaboration avec le Sociaal Huis "
            "et Jeugdzorg Emmaüs, qui a débouché sur un changement structurel.",
            "Organisation by and for young people with experience of youth care. Cachet helps "
            "young people take the big step towards independent living more smoothly. In "
            "Mechelen, Cachet set up a partnership with the Sociaal Huis and Jeugdzorg Emmaüs "
            "that led to structural change.",
        ),
        "themes": t(
            "jeugdhulp, ervaringsdeskundigheid, zelfstandig leven",
            "aide à la jeunesse, expertise du vécu, vie autonome",
            "youth care, lived experience, independent living",
        ),
    },
    {
        "name": "SAM",
        "type": "support_centre",
        "website": "https://www.samvzw.be",
        "is_stakeholder": True,
        "regions": [],
        "description": t(
            "SAM, steunpunt Mens en Samenleving, neemt de procesbegeleiding van Sterk Sociaal "
            "Werk op: het coördineert het platform, ondersteunt de stuurgroep en de regionale "
            "platformen en volgt samen met de regio's het actieplan op.",
            "SAM, centre d’appui Mens en Samenleving, assure l’accompagnement de processus de "
            "Sterk Sociaal Werk : il coordonne la plateforme, soutient le groupe de pilotage et "
            "les plateformes régionales et suit le plan d’action avec les régions.",
            "SAM, the support centre Mens en Samenleving, provides process support for Strong "
            "Social Work: it coordinates the platform, supports the steering group and the "
            "regional platforms, and follows up the action plan with the regions.",
        ),
        "themes": t(
            "procesbegeleiding, sociaal werk, ondersteuning van praktijken",
            "accompagnement de processus, travail social, soutien aux pratiques",
            "process support, social work, support for practice",
        ),
    },
    {
        "name": "Departement Welzijn, Volksgezondheid en Gezin",
        "type": "government",
        "website": "",
        "is_stakeholder": False,
        "regions": [],
        "description": t(
            "Departement van de Vlaamse overheid voor welzijn, volksgezondheid en gezin. Het "
            "is partner van Sterk Sociaal Werk namens de Vlaamse overheid, zetelt in de "
            "stuurgroep en ondersteunt het Vlaams Actieplan Sterk Sociaal Werk.",
            "Département du gouvernement flamand chargé du bien-être, de la santé publique et "
            "de la famille. Partenaire de Sterk Sociaal Werk au nom du gouvernement flamand, il "
            "siège au groupe de pilotage et soutient le plan d’action flamand.",
            "Department of the Flemish government for welfare, public health and family. It "
            "is a partner of Strong Social Work on behalf of the Flemish government, sits on "
            "the steering group and supports the Flemish action plan.",
        ),
        "themes": t(
            "welzijnsbeleid, actieplan sociaal werk",
            "politique du bien-être, plan d’action pour le travail social",
            "welfare policy, social work action plan",
        ),
    },
    {
        "name": "Vormingplus",
        "type": "association",
        "website": "",
        "is_stakeholder": False,
        "regions": ["oost-vlaanderen"],
        "description": t(
            "Centra voor vorming en ontmoeting voor volwassenen. Op de Oost-Vlaamse "
            "praktijksafari stelde Vormingplus Babbelonië 2.0 voor, een project dat het samen "
            "met het Agentschap Integratie en Inburgering opzette.",
            "Centres de formation et de rencontre pour adultes. Lors du safari de pratiques de "
            "Flandre-Orientale, Vormingplus a présenté Babbelonië 2.0, un projet mené avec "
            "l’Agentschap Integratie en Inburgering.",
            "Centres for adult learning and encounter. At the East Flanders practice safari, "
            "Vormingplus presented Babbelonië 2.0, a project it set up with the Agency for "
            "Integration and Civic Integration.",
        ),
        "themes": t(
            "vorming, ontmoeting, sociaal-cultureel werk",
            "formation, rencontre, travail socioculturel",
            "adult learning, encounter, socio-cultural work",
        ),
    },
    {
        "name": "Agentschap Integratie en Inburgering",
        "type": "government",
        "website": "",
        "is_stakeholder": False,
        "regions": [],
        "description": t(
            "Vlaams agentschap voor integratie en inburgering. Samen met Vormingplus zette het "
            "Babbelonië 2.0 op, een project dat op de Oost-Vlaamse praktijksafari werd "
            "voorgesteld.",
            "Agence flamande pour l’intégration et l’intégration civique. Avec Vormingplus, "
            "elle a mis sur pied Babbelonië 2.0, un projet présenté lors du safari de "
            "pratiques de Flandre-Orientale.",
            "Flemish agency for integration and civic integration. Together with Vormingplus "
            "it set up Babbelonië 2.0, a project presented at the East Flanders practice "
            "safari.",
        ),
        "themes": t(
            "integratie, inburgering, superdiversiteit",
            "intégration, intégration civique, superdiversité",
            "integration, civic integration, superdiversity",
        ),
    },
    {
        "name": "Samenlevingsopbouw Antwerpen Stad",
        "type": "association",
        "website": "",
        "is_stakeholder": False,
        "regions": ["antwerpen"],
        "description": t(
            "Werkt samen met mensen in kwetsbare posities aan structurele verandering. "
            "“Politiserend werken is onze corebusiness.” Met het project Wonen met Kansen "
            "koppelt het de hoge woonnood van thuisloze jongvolwassenen aan het grote aantal "
            "leegstaande sociale woningen.",
            "Travaille avec des personnes en situation de vulnérabilité à un changement "
            "structurel. « Le travail politisant, c’est notre cœur de métier. » Avec le projet "
            "Wonen met Kansen, il relie le besoin criant de logement de jeunes adultes sans "
            "abri au grand nombre de logements sociaux vides.",
            "Works with people in vulnerable positions towards structural change. "
            "“Politicising work is our core business.” Its project Wonen met Kansen matches "
            "the urgent housing need of homeless young adults with the large number of empty "
            "social homes.",
        ),
        "themes": t(
            "samenlevingsopbouw, wonen, thuisloosheid",
            "développement communautaire, logement, sans-abrisme",
            "community development, housing, homelessness",
        ),
    },
    {
        "name": "Nederlandstalige Vrouwenraad",
        "type": "association",
        "website": "",
        "is_stakeholder": False,
        "regions": [],
        "description": t(
            "Werkt rond gelijke kansen voor vrouwen. Ontwikkelde samen met de POD "
            "Maatschappelijke Integratie het project MIRIAM: in OCMW's en lokale besturen "
            "begeleiden casemanagers alleenstaande moeders met een leefloon intensief, om hen "
            "te versterken.",
            "Œuvre pour l’égalité des chances des femmes. A développé avec le SPP Intégration "
            "sociale le projet MIRIAM : dans les CPAS et les administrations locales, des "
            "case managers accompagnent de manière intensive des mères seules bénéficiaires "
            "du revenu d’intégration, afin de les renforcer.",
            "Works for equal opportunities for women. Developed the MIRIAM project with the "
            "federal Public Planning Service for Social Integration: in public social welfare "
            "centres (OCMW) and local governments, case managers give intensive support to "
            "single mothers on the social integration income (leefloon), to strengthen them.",
        ),
        "themes": t(
            "gendergelijkheid, armoede, alleenstaande moeders",
            "égalité de genre, pauvreté, mères seules",
            "gender equality, poverty, single mothers",
        ),
    },
    {
        "name": "POD Maatschappelijke Integratie",
        "type": "government",
        "website": "https://www.mi-is.be",
        "is_stakeholder": False,
        "regions": [],
        "description": t(
            "Federale overheidsdienst voor maatschappelijke integratie en armoedebestrijding. "
            "Ontwikkelde samen met de Nederlandstalige Vrouwenraad het project MIRIAM, dat "
            "alleenstaande moeders met een leefloon versterkt.",
            "Service public fédéral de programmation Intégration sociale (SPP IS), chargé de "
            "l’intégration sociale et de la lutte contre la pauvreté. A développé avec la "
            "Nederlandstalige Vrouwenraad le projet MIRIAM, qui renforce les mères seules "
            "bénéficiaires du revenu d’intégration.",
            "Federal public service for social integration and the fight against poverty. "
            "Developed the MIRIAM project with the Nederlandstalige Vrouwenraad, which "
            "strengthens single mothers on the social integration income.",
        ),
        "themes": t(
            "maatschappelijke integratie, leefloon, armoedebestrijding",
            "intégration sociale, revenu d’intégration, lutte contre la pauvreté",
            "social integration, social integration income, fight against poverty",
        ),
    },
]
