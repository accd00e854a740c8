"""A mypy plugin: the `<field>_<lang>` attributes that modeltranslation adds to a model.

modeltranslation creates `title_nl`, `title_fr`, `title_en`… at runtime from each app's
translation.py, so django-stubs cannot see them and every `practice.title_nl` would be an
attr-defined error. This plugin reads the runtime registry (Django is already set up by
django-stubs' plugin, listed before this one) and declares each translation field on its
model with the type of the field: `str` for a text field, `str | None` when it is nullable.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import MDEF, MypyFile, SymbolTableNode, Var
from mypy.plugin import ClassDefContext, Plugin
from mypy.types import AnyType, NoneType, Type, TypeOfAny, UnionType


def _registry() -> dict[str, dict[str, tuple[str, bool]]]:
    """model fullname -> {attribute: (kind, nullable)}."""
    from django.db import models
    from modeltranslation.translator import translator

    found: dict[str, dict[str, tuple[str, bool]]] = {}
    for model in translator.get_registered_models(abstract=False):
        options = translator.get_options_for_model(model)
        attributes: dict[str, tuple[str, bool]] = {}
        for fields in options.all_fields.values():
            for field in fields:
                kind = "str" if isinstance(field, models.CharField | models.TextField) else "any"
                attributes[field.name] = (kind, bool(field.null))
        found[f"{model.__module__}.{model.__qualname__}"] = attributes
    return found


class ModeltranslationPlugin(Plugin):
    _models: dict[str, dict[str, tuple[str, bool]]] | None = None

    def _translated(self) -> dict[str, dict[str, tuple[str, bool]]]:
        if self._models is None:
            self._models = _registry()
        return self._models

    def get_additional_deps(self, file: MypyFile) -> list[tuple[int, str, int]]:
        """A models module depends on its app's translation.py, so that mypy's cache of the
        models is refreshed when a translated field is added there."""
        modules = {name.rsplit(".", 1)[0] for name in self._translated()}
        if file.fullname not in modules:
            return []
        app = file.fullname.rsplit(".", 1)[0]
        return [(10, f"{app}.translation", -1)]  # 10: mypy's PRI_MED

    def get_customize_class_mro_hook(
        self, fullname: str
    ) -> Callable[[ClassDefContext], None] | None:
        attributes = self._translated().get(fullname)
        if not attributes:
            return None

        def add_attributes(ctx: ClassDefContext) -> None:
            info = ctx.cls.info
            for name, (kind, nullable) in attributes.items():
                if name in info.names:
                    continue
                typ: Type = (
                    ctx.api.named_type("builtins.str")
                    if kind == "str"
                    else AnyType(TypeOfAny.special_form)
                )
                if nullable:
                    typ = UnionType([typ, NoneType()])
                var = Var(name, typ)
                var.info = info
                var._fullname = f"{info.fullname}.{name}"
                var.is_inferred = False
                info.names[name] = SymbolTableNode(MDEF, var, plugin_generated=True)

        return add_attributes


def plugin(version: str) -> type[Plugin]:
    return ModeltranslationPlugin
