"""The views a `Managed` declaration yields: list, create, edit, delete. Each is a
`management_view` (signed in, a management role, TOTP) that checks the declaration's
rules permission on the parent or the object, calls one service and renders one of the
shared templates."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from sterk.core.access import management_view, require_perm
from sterk.core.content_language import marked_message
from sterk.core.forms import apply_errors
from sterk.core.managed import Managed
from sterk.core.once import once_per_token
from sterk.core.paging import paginate
from sterk.core.templatetags.sterk import tr_label_tag


def _parent(request: HttpRequest, m: Managed, kwargs: dict[str, Any]) -> Any:
    if m.parent is None:
        return None
    p = m.parent
    qs = p.model._default_manager.select_related(*p.select_related)
    parent = get_object_or_404(qs, **{p.lookup: kwargs[p.kwarg]})
    return parent


def _parent_kwargs(m: Managed, parent: Any) -> dict[str, Any]:
    if m.parent is None or parent is None:
        return {}
    return {m.parent.kwarg: getattr(parent, m.parent.lookup)}


def list_url(m: Managed, parent: Any) -> str:
    return reverse(f"{m.namespace}:{m.url_name('list')}", kwargs=_parent_kwargs(m, parent))


def object_url(m: Managed, view: str, obj: Any, parent: Any) -> str:
    kwargs = {m.object_kwarg: obj.pk}
    if m.parent is not None and m.parent.kwarg in m.route(view):
        kwargs.update(_parent_kwargs(m, parent))
    return reverse(f"{m.namespace}:{m.url_name(view)}", kwargs=kwargs)


def _back(m: Managed, obj: Any, parent: Any) -> str:
    if m.back_url is not None:
        return m.back_url(obj, parent)
    return list_url(m, parent)


def _title(m: Managed, key: str, obj: Any = None) -> tuple[str, Any]:
    """The plain title (for <title>) and the heading (names marked with their language).

    A title is a text, with "%(<title_field>)s" for the object's field (a list title
    names the parent's `name_field`); with `title_field=""` the object's str() fills
    "%(name)s"; no text at all for an object: its str(); a callable: title(obj)."""
    text = m.titles.get(key, "")
    if callable(text):
        plain = str(text(obj))
        return plain, tr_label_tag(obj, plain)
    text = str(text)
    if obj is None:
        return text, text
    if not text:
        plain = str(obj)
        return plain, tr_label_tag(obj, plain)
    if "%(" not in text:
        return text, text
    name = m.parent.name_field if key == "list" and m.parent else m.title_field
    if not name:
        plain = str(obj)
        return text % {"name": plain}, mark_safe(  # noqa: S308 - escaped text, safe tag
            conditional_escape(text) % {"name": tr_label_tag(obj, plain)}
        )
    if key == "list":
        key_name = (m.parent.title_key if m.parent else "") or name
    else:
        key_name = m.title_key or name
    plain = text % {key_name: getattr(obj, name, "")}
    return plain, marked_message(text, **{key_name: (obj, name)})


def _context(request: HttpRequest, m: Managed, parent: Any, **extra: Any) -> dict[str, Any]:
    context: dict[str, Any] = {"managed": m, "parent": parent, "section": m.section, **m.context}
    if m.parent is not None:
        context[m.parent.arg] = parent
        context["parent_nav"] = m.parent.nav_template
        if m.parent.crumb is not None and parent is not None:
            context["parent_crumb"] = m.parent.crumb(parent)
        if m.parent.context is not None:
            context.update(m.parent.context(request, parent))
    context.update(extra)
    return context


def _check(request: HttpRequest, m: Managed, parent: Any, obj: Any = None) -> None:
    """The rules permission on the parent (a region, an event) when there is one, else on
    the object (None on a list or a create page)."""
    if m.parent is not None:
        require_perm(request, m.parent.perm or m.perm, parent)
    else:
        require_perm(request, m.perm, obj)


def _object(m: Managed, parent: Any, pk: Any) -> Any:
    qs = m.object_queryset() if m.object_queryset else m.model._default_manager.all()
    filters: dict[str, Any] = {"pk": pk}
    if m.parent is not None and parent is not None:
        filters[m.parent.arg] = parent
    return get_object_or_404(qs, **filters)


def _object_and_parent(m: Managed, kwargs: dict[str, Any], request: HttpRequest) -> tuple[Any, Any]:
    """Edit/delete: the object, and its parent from the URL or (when the URL names only
    the object, e.g. initiatieven/<pk>/) from the object itself."""
    pk = kwargs[m.object_kwarg]
    if m.parent is not None and m.parent.kwarg not in kwargs:
        qs = m.object_queryset() if m.object_queryset else m.model._default_manager.all()
        obj = get_object_or_404(qs.select_related(m.parent.arg), pk=pk)
        return obj, getattr(obj, m.parent.arg)
    parent = _parent(request, m, kwargs)
    return _object(m, parent, pk), parent


def list_view(m: Managed) -> Callable[..., HttpResponse]:
    @management_view
    def view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        parent = _parent(request, m, kwargs)
        _check(request, m, parent)
        rows = m.rows(request, parent) if m.rows else m.model._default_manager.all()
        title, heading = _title(m, "list", parent)
        context = _context(
            request,
            m,
            parent,
            title=title,
            heading=heading,
            page_obj=paginate(request, rows, m.page_size),
            create_url=(
                reverse(f"{m.namespace}:{m.url_name('create')}", kwargs=_parent_kwargs(m, parent))
                if "create" in m.views
                and (m.create_perm is None or request.user.has_perm(m.create_perm))
                else ""
            ),
        )
        return render(request, m.templates.get("list", "manage/list.html"), context)

    return view


def form_view(m: Managed, creating: bool) -> Callable[..., HttpResponse]:
    def view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if creating:
            obj = None
            parent = _parent(request, m, kwargs)
            if m.create_perm:
                require_perm(request, m.create_perm)
            else:
                _check(request, m, parent)
            instance = m.model(**{m.parent.arg: parent}) if m.parent else None
        else:
            obj, parent = _object_and_parent(m, kwargs, request)
            _check(request, m, parent, obj)
            # A bound ModelForm writes its input onto the instance: give it a copy, so the
            # service sees the saved object (audit before/after) and the page around the
            # form keeps showing it.
            instance = copy.copy(obj)
        extra = m.form_kwargs(request, parent, obj) if m.form_kwargs else {}
        form = m.form(request.POST or None, request.FILES or None, instance=instance, **extra)
        if request.method == "POST" and form.is_valid():
            data = form.service_data() if hasattr(form, "service_data") else form.cleaned_data
            refused = m.guard(request, form, data, obj) if m.guard else None
            if refused:
                form.add_error(refused[0], refused[1])
            else:
                try:
                    if obj is None:
                        assert m.create is not None
                        args = {m.parent.arg: parent} if m.parent else {}
                        saved = m.create(actor=request.user, data=data, **args)
                    else:
                        assert m.update is not None
                        saved = m.update(actor=request.user, data=data, **{m.object_arg: obj})
                except ValidationError as exc:
                    apply_errors(form, exc)
                else:
                    key = "created" if obj is None and "created" in m.messages else "saved"
                    text = m.messages.get(key, "")
                    messages.success(
                        request, str(text) % {"name": str(saved)} if "%(" in str(text) else text
                    )
                    if m.success_url is not None:
                        return redirect(m.success_url(saved, parent))
                    return redirect(list_url(m, parent))
        title, heading = _title(m, "create" if obj is None else "edit", obj)
        context = _context(
            request,
            m,
            parent,
            form=form,
            object=obj,
            title=title,
            heading=heading,
            intro=m.form_intro,
            once=m.once,
            parent_name=(
                tr_label_tag(parent, str(parent))
                if m.parent is not None and m.parent.show_name
                else ""
            ),
            cancel_url=_back(m, obj, parent),
            delete_url=(
                object_url(m, "delete", obj, parent)
                if obj is not None and "delete" in m.views and m.titles.get("delete_link")
                else ""
            ),
        )
        if m.edit_context is not None:
            context.update(m.edit_context(request, obj, parent))
        return render(request, m.templates.get("form", "manage/form.html"), context)

    view.__name__ = f"{m.name}_{'create' if creating else 'edit'}"
    wrapped = once_per_token(view) if m.once else view
    return management_view(wrapped)


def delete_view(m: Managed) -> Callable[..., HttpResponse]:
    @management_view
    def view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj, parent = _object_and_parent(m, kwargs, request)
        _check(request, m, parent, obj)
        back = _back(m, obj, parent)
        if request.method == "POST":
            assert m.delete is not None
            try:
                m.delete(actor=request.user, **{m.object_arg: obj})
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                return redirect(back)
            messages.success(request, m.messages.get("deleted", ""))
            if m.after_delete is not None:
                return redirect(m.after_delete(obj, parent))
            return redirect(back)
        title, heading = _title(m, "delete", obj)
        return render(
            request,
            m.templates.get("delete", "manage/confirm_delete.html"),
            _context(
                request,
                m,
                parent,
                object=obj,
                title=title,
                heading=heading,
                consequence=m.consequence(obj, parent) if m.consequence else "",
                note=m.titles.get("delete_note", ""),
                cancel_url=back,
                submit_label=m.titles.get("delete_button") or _("Delete"),
            ),
        )

    return view


def urlpatterns_for(m: Managed) -> list[URLPattern]:
    makers: dict[str, Callable[[], Callable[..., HttpResponse]]] = {
        "list": lambda: list_view(m),
        "create": lambda: form_view(m, creating=True),
        "edit": lambda: form_view(m, creating=False),
        "delete": lambda: delete_view(m),
    }
    return [path(m.route(v), makers[v](), name=m.url_name(v)) for v in m.views]
