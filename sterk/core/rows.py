"""One row's chosen columns by primary key, in a statement written once per process.

On the busiest paths (every signed-in request reads its person; every registration locks
its event), building the query with the ORM cost more CPU than the database took to
answer it: a QuerySet, its compiler and the SQL are made afresh on each call (#14). Here
the SQL is written once per model, columns, database vendor and lock. The values come
back through the columns' own converters from Django, so SQLite's booleans, datetimes
and JSON arrive as the ORM would give them. Identifiers come from the model and are
quoted; the key is a parameter. Tests: sterk/core/tests/test_rows.py, and the callers'
(events/tests/test_seats.py, accounts/tests/test_kept_user.py)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Field, Model
from django.db.models.sql import Query


@dataclass(frozen=True)
class RowStatement:
    model: type[Model]
    sql: str
    compiler: Any
    converters: dict[int, Any]

    def params(self, pk: Any) -> list[Any] | None:
        """The key as the database takes it; None for a key the column cannot hold (a
        session naming "abc"): no row has it."""
        pk_field = self.model._meta.pk
        assert pk_field is not None
        try:
            return [pk_field.get_db_prep_value(pk_field.to_python(pk), connection)]
        except (ValidationError, TypeError, ValueError):
            return None

    def convert(self, rows: list[tuple[Any, ...]]) -> tuple[Any, ...] | None:
        """The first row, converted as the ORM converts it; None without rows."""
        if not rows:
            return None
        if not self.converters:
            return tuple(rows[0])
        return tuple(next(iter(self.compiler.apply_converters(rows, self.converters))))

    def fetch(self, pk: Any) -> tuple[Any, ...] | None:
        params = self.params(pk)
        if params is None:
            return None
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            return self.convert(cursor.fetchall())


def by_pk(model: type[Model], names: tuple[str, ...], *, for_update: bool = False) -> RowStatement:
    """The statement reading `names` (field names, in this order) of one `model` row by its
    key; with `for_update`, locking that row where the database has row locks."""
    lock = for_update and connection.features.has_select_for_update
    return _statement(model, names, connection.vendor, lock)


@functools.cache
def _statement(
    model: type[Model], names: tuple[str, ...], vendor: str, for_update: bool
) -> RowStatement:
    quote = connection.ops.quote_name
    fields = [cast(Field, model._meta.get_field(name)) for name in names]
    table = model._meta.db_table
    pk_field = model._meta.pk
    assert pk_field is not None
    sql = "SELECT {} FROM {} WHERE {} = %s{}".format(  # noqa: S608 - identifiers, quoted
        ", ".join(quote(str(field.column)) for field in fields),
        quote(table),
        quote(str(pk_field.column)),
        " FOR UPDATE" if for_update else "",
    )
    compiler = Query(model).get_compiler(connection=connection)
    converters = compiler.get_converters([field.get_col(table) for field in fields])
    return RowStatement(model, sql, compiler, converters)
