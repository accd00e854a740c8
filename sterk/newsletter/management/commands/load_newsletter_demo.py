"""Load the demo subscribers from `content/demo/newsletter/` (marked as demo, confirmed,
with a recorded consent). For `make run` only; never in production."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from sterk.core import content
from sterk.core.personal_data import text_version
from sterk.identity.models import Krachtlijn
from sterk.network.models import Region
from sterk.newsletter.models import Subscriber, SubscriberStatus, join_interests

DEMO_CONSENT = "Demo: I want to receive the newsletter of Sterk Sociaal Werk by e-mail."


@transaction.atomic
def load_newsletter_demo() -> int:
    created = 0
    for entry in content.demo_items("newsletter"):
        for data in entry.data:
            subscriber, new = Subscriber.objects.get_or_create(
                email=data["email"],
                defaults={
                    "name": data.get("name", ""),
                    "language": data.get("language", "nl"),
                    "interests": join_interests(data.get("interests", [])),
                    "status": SubscriberStatus.ACTIVE,
                    "confirmed_at": timezone.now(),
                    "consent_at": timezone.now(),
                    "consent_text": DEMO_CONSENT,
                    "consent_version": text_version(DEMO_CONSENT),
                    "is_demo": True,
                },
            )
            if new:
                created += 1
                subscriber.regions.set(Region.objects.filter(slug__in=data.get("regions", [])))
                subscriber.krachtlijnen.set(
                    Krachtlijn.objects.filter(slug__in=data.get("krachtlijnen", []))
                )
    return created


class Command(BaseCommand):
    help = "Load the demo newsletter subscribers (content/demo/newsletter/)."

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_newsletter_demo()
        if options["verbosity"]:
            self.stdout.write(f"Demo subscribers created: {created}")
