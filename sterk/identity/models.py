"""The shared identity of social work: the mission, the 5 krachtlijnen, the 3 functions."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sterk.core.fields import SingleLineCharField


class IdentityItem(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    number = models.PositiveSmallIntegerField(_("number"))
    title = SingleLineCharField(_("title"), max_length=150)
    summary = models.CharField(_("summary"), max_length=400)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown."))

    class Meta:
        abstract = True
        ordering = ["number"]

    def __str__(self) -> str:
        return self.title


class Krachtlijn(IdentityItem):
    class Meta(IdentityItem.Meta):
        verbose_name = _("core principle (krachtlijn)")
        verbose_name_plural = _("core principles (krachtlijnen)")

    def get_absolute_url(self) -> str:
        return reverse("identity:krachtlijn_detail", kwargs={"slug": self.slug})


class Function(IdentityItem):
    class Meta(IdentityItem.Meta):
        verbose_name = _("function of social work")
        verbose_name_plural = _("functions of social work")

    def get_absolute_url(self) -> str:
        return reverse("identity:function_detail", kwargs={"slug": self.slug})


class Page(models.Model):
    """A fixed text of the site (mission, about the platform, the stakeholder meeting...)."""

    slug = models.SlugField(_("slug"), unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown."))

    class Meta:
        ordering = ["slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self) -> str:
        return self.title
