from django.db.models import QuerySet

from .models import Function, Krachtlijn, Page


def krachtlijnen() -> QuerySet[Krachtlijn]:
    return Krachtlijn.objects.all()


def functions() -> QuerySet[Function]:
    return Function.objects.all()


def page_or_none(slug: str) -> Page | None:
    return Page.objects.filter(slug=slug).first()
