"""What the apps declare in their `manage.py`: managed models (`Managed`), navigation
entries (`Nav`) and dashboard panels (`Panel`). The management app turns them into views,
URLs, the one navigation and the dashboard.

It lives in core (it imports nothing of the apps) so that an app can declare what it
manages without importing the management app above it."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model
from django.http import HttpRequest

Request = HttpRequest


@dataclass(frozen=True)
class Column:
    """A list column: a label and either a field (a translated field in the reader's
    language, marked when it falls back; "plan.period" follows relations; an empty value
    shows "–") or a template, usually a partial of the app's `manage/_cells.html` (the
    row is `row`)."""

    label: Any
    field: str = ""
    template: str = ""
    numeric: bool = False
    # A date format ("j M Y") or "yesno" for a field's value.
    format: str = ""
    # The cell links to the row's edit page; the row's header cell (<th scope="row">).
    link: bool = False
    header: bool = False


@dataclass(frozen=True)
class Parent:
    """The object a managed model lives under: a region, an event, an action, a
    spearhead, an evaluation. `kwarg` is the URL keyword, `lookup` the model field it
    matches, `arg` the keyword the services take (and the foreign key on the model)."""

    model: type[Model]
    kwarg: str
    arg: str
    lookup: str = "pk"
    select_related: tuple[str, ...] = ()
    # Permission checked on the parent; None: the declaration's `perm` (on the parent).
    perm: str | None = None
    # The parent's field that names it in a list title ("Priorities of %(name)s"), and
    # the placeholder it fills when that differs ("Priorities of %(region)s").
    name_field: str = "name"
    title_key: str = ""
    # Extra context of every page under this parent (e.g. a region's tabs).
    context: Callable[[HttpRequest, Any], dict[str, Any]] | None = None
    # The include with the parent's navigation (region tabs, event tabs).
    nav_template: str = ""
    # The form page names the parent above its heading.
    show_name: bool = False
    # A breadcrumb to the parent's page: crumb(parent) -> (label, url).
    crumb: Callable[[Any], tuple[Any, str]] | None = None


@dataclass
class Managed:
    """A model managed through services: list, create, edit and delete pages on one set of
    templates. Services are called as `create(actor=, data=, <parent.arg>=parent)`,
    `update(actor=, data=, <object_arg>=obj)` and `delete(actor=, <object_arg>=obj)`;
    their ValidationError goes onto the form, which keeps the input."""

    namespace: str
    name: str
    model: type[Model]
    form: type[Any]
    perm: str
    path: str
    create: Callable[..., Any] | None = None
    update: Callable[..., Any] | None = None
    delete: Callable[..., Any] | None = None
    object_arg: str = ""
    parent: Parent | None = None
    # The list's selector: rows(request, parent) -> queryset or list.
    rows: Callable[[HttpRequest, Any], Any] | None = None
    columns: list[Column] = field(default_factory=list)
    # URL paths relative to the area, per view; missing ones derive from `path`.
    paths: dict[str, str] = field(default_factory=dict)
    views: tuple[str, ...] = ("list", "create", "edit", "delete")
    object_kwarg: str = "pk"
    object_queryset: Callable[[], Any] | None = None
    # Texts: titles of the list/create/edit/delete pages (see viewset._title), the
    # delete page's note and button ("delete_note", "delete_button"), the form's link to
    # it ("delete_link"); the list's lead text, add button, caption and empty text; the
    # success messages ("created", "saved", "deleted").
    titles: dict[str, Any] = field(default_factory=dict)
    title_field: str = "title"
    # The placeholder the field fills in the titles when its name differs ("%(q)s").
    title_key: str = ""
    intro: Any = ""
    form_intro: Any = ""
    add_label: Any = ""
    empty: Any = ""
    caption: Any = ""
    # An "Actions" column with edit and delete links (else a column links, `link=True`).
    row_actions: bool = True
    messages: dict[str, Any] = field(default_factory=dict)
    # Permission for create when it differs from `perm` (checked without an object).
    create_perm: str | None = None
    # The form's extra keyword arguments: form_kwargs(request, parent, obj) -> dict.
    form_kwargs: Callable[[HttpRequest, Any, Any], dict[str, Any]] | None = None
    # Where a save goes: success_url(obj, parent) -> url; default: the list.
    success_url: Callable[[Any, Any], str] | None = None
    # Where cancel/back goes: back_url(obj, parent) -> url; default: the list.
    back_url: Callable[[Any, Any], str] | None = None
    # Where a deletion goes: after_delete(obj, parent) -> url; default: back_url.
    after_delete: Callable[[Any, Any], str] | None = None
    # A check before the service on the valid form (raise PermissionDenied, or return
    # an error message for the form): guard(request, form, data, obj) -> str | None.
    guard: Callable[..., Any] | None = None
    # Hand-written templates that replace the generic ones (extending them).
    templates: dict[str, str] = field(default_factory=dict)
    # Extra context of the edit page: edit_context(request, obj, parent) -> dict.
    edit_context: Callable[[HttpRequest, Any, Any], dict[str, Any]] | None = None
    # Consequence text on the delete page: consequence(obj, parent) -> str.
    consequence: Callable[[Any, Any], str] | None = None
    # Section of the shell navigation marked current, and static context of every page.
    section: str = ""
    context: dict[str, Any] = field(default_factory=dict)
    once: bool = True
    page_size: int = 50

    def url_name(self, view: str) -> str:
        return f"{self.name}_{view}"

    def route(self, view: str) -> str:
        if view in self.paths:
            return self.paths[view]
        pk = f"<int:{self.object_kwarg}>/"
        return {
            "list": self.path,
            "create": f"{self.path}nieuw/",
            "edit": f"{self.path}{pk}",
            "delete": f"{self.path}{pk}verwijderen/",
        }[view]


@dataclass(frozen=True)
class Nav:
    """An entry of the management navigation. `area` is the URL namespace whose pages
    show it in the area's sub-navigation; empty: the main navigation."""

    label: Any
    url: str
    perm: str | None = None
    order: int = 100
    area: str = ""
    section: str = ""
    external: bool = False
    # An area's entry: the accessible name of the area's sub-navigation.
    sub_label: Any = ""


@dataclass(frozen=True)
class Panel:
    """A dashboard panel: an include template and its context, for users with `perm`."""

    template: str
    context: Callable[[HttpRequest], dict[str, Any]]
    perm: str | None = None
    order: int = 100
    # Who sees the same context (#14): a function of the request giving everything the
    # context depends on besides the data, the management area's own data and the clock
    # (the reader's roles, see `by_roles`); the dashboard reads the context once per such
    # key and version. None: read for every request (a context from files, or one that
    # depends on more than the key could say).
    shared_by: Callable[[HttpRequest], Hashable] | None = None


def by_roles(request: HttpRequest) -> Hashable:
    """A panel whose context depends on the reader's roles alone (`Panel.shared_by`)."""
    from .roles import roles_of

    return roles_of(request.user)


@dataclass
class Registry:
    managed: list[Managed] = field(default_factory=list)
    nav: list[Nav] = field(default_factory=list)
    panels: list[Panel] = field(default_factory=list)

    def in_namespace(self, namespace: str) -> list[Managed]:
        return [m for m in self.managed if m.namespace == namespace]


registry = Registry()


def register(*declarations: Managed) -> None:
    for declaration in declarations:
        if any(
            m.namespace == declaration.namespace and m.name == declaration.name
            for m in registry.managed
        ):
            continue  # autodiscovery may import a module twice in tests
        registry.managed.append(declaration)


def register_nav(*entries: Nav) -> None:
    for entry in entries:
        if entry not in registry.nav:
            registry.nav.append(entry)


def register_panel(*panels: Panel) -> None:
    for panel in panels:
        if all(p.template != panel.template for p in registry.panels):
            registry.panels.append(panel)


def nav_entries(area: str = "") -> Iterable[Nav]:
    return sorted((n for n in registry.nav if n.area == area), key=lambda n: n.order)
