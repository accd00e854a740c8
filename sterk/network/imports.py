"""Reading a member list (CSV or XLSX) for the import of a region's members.

Two steps, so that a chair sees every problem before anything is written:

1. `read_upload` turns the file into plain rows ({"line": 2, "email": ..., ...}), JSON-safe so
   they can wait in the session between the preview and the confirmation;
2. `check_rows` validates those rows against the region (per-row errors, in the user's
   language) and returns `services.ImportRow`s for `services.members_import`.

The check runs again on confirmation: the region's sub-regions may have changed meanwhile.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sterk.core.validators import has_control_characters

from .models import Membership, Region
from .services import ImportRow

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
COLUMNS = ("email", "first_name", "last_name", "organisation", "subregion", "wants_active_role")

# Header names we accept, after normalising (lower case, spaces and dashes as "_").
HEADER_ALIASES: dict[str, str] = {
    "email": "email",
    "e_mail": "email",
    "emailadres": "email",
    "e_mailadres": "email",
    "email_address": "email",
    "e_mail_address": "email",
    "first_name": "first_name",
    "firstname": "first_name",
    "voornaam": "first_name",
    "last_name": "last_name",
    "lastname": "last_name",
    "surname": "last_name",
    "achternaam": "last_name",
    "familienaam": "last_name",
    "organisation": "organisation",
    "organization": "organisation",
    "organisatie": "organisation",
    "subregion": "subregion",
    "sub_region": "subregion",
    "subregio": "subregion",
    "sub_regio": "subregion",
    "wants_active_role": "wants_active_role",
    "active_role": "wants_active_role",
    "actieve_rol": "wants_active_role",
}
TRUE_VALUES = {"1", "x", "yes", "y", "ja", "j", "true", "waar", "oui", "vrai"}
FALSE_VALUES = {"", "0", "no", "n", "nee", "false", "onwaar", "non", "faux"}
MAX_LENGTHS = {"first_name": 150, "last_name": 150, "organisation": 200, "email": 254}

STATUS_NEW = gettext_lazy("New account")
STATUS_EXISTING = gettext_lazy("Existing account")
STATUS_MEMBER = gettext_lazy("Already a member")


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is shown to the user."""


@dataclass
class CheckedRow:
    row: ImportRow
    status: str
    raw: dict[str, Any]


def _normalise_header(value: Any) -> str:
    text = str(value or "").replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows in Flanders saves CSV as Windows-1252.
        return data.decode("cp1252", errors="replace")


def parse_csv(data: bytes) -> list[list[str]]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        return [
            [_cell(c) for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise ImportFileError(
            _("The CSV file could not be read: %(error)s") % {"error": exc}
        ) from exc


def parse_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it ignores (styles, data validation).
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                table: list[list[str]] = []
                for values in sheet.iter_rows(values_only=True):
                    table.append([_cell(v) for v in values])
                    if len(table) > MAX_ROWS + 1:
                        break
            finally:
                workbook.close()
    except Exception as exc:
        raise ImportFileError(
            _("The Excel file could not be read. Save it as .xlsx and try again.")
        ) from exc
    return table


def rows_from_table(table: list[list[str]]) -> list[dict[str, Any]]:
    """Map the header row to our columns; keep the spreadsheet line number of every row."""
    if not table:
        raise ImportFileError(_("The file is empty."))
    header = [HEADER_ALIASES.get(_normalise_header(h), "") for h in table[0]]
    if "email" not in header:
        raise ImportFileError(
            _("The first row must name the columns; we found no column “email” (or “e-mail”).")
        )
    rows: list[dict[str, Any]] = []
    for index, values in enumerate(table[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        row: dict[str, Any] = {"line": index, **dict.fromkeys(COLUMNS, "")}
        for column, value in zip(header, values, strict=False):
            if column and not row[column]:
                row[column] = value.strip()
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise ImportFileError(
                _("The file has more than %(max)s rows; split it into smaller files.")
                % {"max": MAX_ROWS}
            )
    if not rows:
        raise ImportFileError(_("The file has no rows below the header row."))
    return rows


def read_upload(uploaded: Any) -> list[dict[str, Any]]:
    """An uploaded file (Django UploadedFile) as plain rows, or ImportFileError."""
    name = (getattr(uploaded, "name", "") or "").lower()
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise ImportFileError(
            _("The file is larger than %(max)s MB.") % {"max": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    data = uploaded.read()
    if name.endswith(".xlsx") or data[:2] == b"PK":
        table = parse_xlsx(data)
    elif name.endswith((".csv", ".txt")):
        table = parse_csv(data)
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    return rows_from_table(table)


def _parse_bool(value: str) -> bool | None:
    text = value.strip().lower()
    if text in TRUE_VALUES:
        return True
    if text in FALSE_VALUES:
        return False
    return None


def _subregion_lookup(region: Region) -> tuple[dict[str, str], list[str]]:
    """Every way to name a sub-region (name in each language, slug) -> the name that
    `services.members_import` looks up (the name in the active language)."""
    lookup: dict[str, str] = {}
    names: list[str] = []
    for sub in region.subregions.all():
        names.append(sub.name)
        for key in (sub.name_nl, sub.name_fr, sub.name_en, sub.slug, sub.name):
            if key:
                lookup[key.strip().lower()] = sub.name
    return lookup, names


def check_rows(raw_rows: list[dict[str, Any]], region: Region) -> list[CheckedRow]:
    """Validate every row; errors are listed per row, in the active language."""
    User = get_user_model()
    subregions, subregion_names = _subregion_lookup(region)
    emails = {str(r.get("email", "")).strip().lower() for r in raw_rows} - {""}
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    members = set(
        Membership.objects.filter(region=region, user__email__in=emails).values_list(
            "user__email", flat=True
        )
    )
    first_line: dict[str, int] = {}
    checked: list[CheckedRow] = []
    for raw in raw_rows:
        errors: list[str] = []
        line = int(raw.get("line", 0))
        email = str(raw.get("email", "")).strip().lower()
        first_name = str(raw.get("first_name", "")).strip()
        last_name = str(raw.get("last_name", "")).strip()
        organisation = str(raw.get("organisation", "")).strip()
        subregion_text = str(raw.get("subregion", "")).strip()
        active_text = str(raw.get("wants_active_role", "")).strip()

        if not email:
            errors.append(_("The e-mail address is missing."))
        else:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(_("“%(value)s” is not a valid e-mail address.") % {"value": email})
            else:
                if email in first_line:
                    errors.append(
                        _("This e-mail address is already on line %(line)s.")
                        % {"line": first_line[email]}
                    )
                else:
                    first_line[email] = line

        is_new = email not in existing
        if is_new:
            # An existing account keeps its own name; a new one needs a name.
            if not first_name and not last_name:
                errors.append(_("The name is missing."))
            elif not first_name:
                errors.append(_("The first name is missing."))
            elif not last_name:
                errors.append(_("The last name is missing."))
        for key, value in (
            ("first_name", first_name),
            ("last_name", last_name),
            ("organisation", organisation),
            ("email", email),
        ):
            if len(value) > MAX_LENGTHS[key]:
                errors.append(
                    _("“%(value)s” is longer than %(max)s characters.")
                    % {"value": value[:40] + "…", "max": MAX_LENGTHS[key]}
                )

        # What the confirmation would fail on (PostgreSQL refuses NUL in text; names and
        # organisations are single-line), refused here, so the preview shows it per row.
        for key, value in (
            ("email", email),
            ("first_name", first_name),
            ("last_name", last_name),
            ("organisation", organisation),
            ("subregion", subregion_text),
            ("wants_active_role", active_text),
        ):
            if has_control_characters(value):
                errors.append(
                    _(
                        "The column “%(column)s” contains a control character (such as a line "
                        "break or a NUL byte); remove it."
                    )
                    % {"column": key}
                )

        subregion_name = ""
        if subregion_text:
            subregion_name = subregions.get(subregion_text.lower(), "")
            if not subregion_name:
                if subregion_names:
                    errors.append(
                        _("Unknown sub-region “%(value)s”. Known sub-regions: %(names)s.")
                        % {"value": subregion_text, "names": ", ".join(subregion_names)}
                    )
                else:
                    errors.append(
                        _(
                            "Unknown sub-region “%(value)s”: this region has no "
                            "sub-regions, leave the column empty."
                        )
                        % {"value": subregion_text}
                    )

        wants_active_role = _parse_bool(active_text)
        if wants_active_role is None:
            errors.append(
                _("“%(value)s” in the column active role is not yes or no.")
                % {"value": active_text}
            )
            wants_active_role = False

        if email in members:
            status = str(STATUS_MEMBER)
        elif is_new:
            status = str(STATUS_NEW)
        else:
            status = str(STATUS_EXISTING)
        checked.append(
            CheckedRow(
                row=ImportRow(
                    line=line,
                    email=email,
                    first_name=first_name,
                    last_name=last_name,
                    organisation=organisation,
                    subregion=subregion_name,
                    wants_active_role=wants_active_role,
                    errors=errors,
                ),
                status=status,
                raw=raw,
            )
        )
    return checked
