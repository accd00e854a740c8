"""What the survey area manages in /beheer/bevragingen/ (imported by sterk.manage at
start-up): its navigation entries. The builder's views are hand-written
(`urls_manage.py`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sterk.core.managed import Nav, register_nav

AREA = "surveys_manage"

register_nav(
    Nav(
        _("Surveys"),
        f"{AREA}:survey_list",
        "surveys.view_surveys",
        order=40,
        section=AREA,
        sub_label=_("Survey management"),
    ),
    Nav(_("Surveys"), f"{AREA}:survey_list", None, order=10, area=AREA),
    Nav(_("New survey"), f"{AREA}:survey_create", "surveys.add_survey", order=20, area=AREA),
    Nav(_("Public surveys page"), "surveys:survey_list", None, order=90, area=AREA, external=True),
)
