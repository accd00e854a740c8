"""One way to write a spreadsheet: every CSV and XLSX export of the platform goes through
here, so every one defuses formulas the same way, headers included.

- CSV: UTF-8 with a byte order mark (Excel reads the accents right) and `;` between
  fields, which is what Excel expects with Belgian and most continental locales (the
  list separator of nl-BE and fr-BE); comma-separated files open as one column there.
  The member import reads `;`, `,` and tabs alike.
- XLSX: text cells are written as text (never a formula), headers bold, the first row
  frozen, a sheet title that Excel accepts.
- Every text cell that a spreadsheet would run as a formula (starting with = + - @, a
  tab or a carriage return, also after leading spaces) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.http import HttpResponse

DELIMITER = ";"
BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
DATETIME_FORMAT = "%Y-%m-%d %H:%M"
_SHEET_TITLE_FORBIDDEN = "[]:*?/\\"


def defuse(value: Any) -> Any:
    """The value as a spreadsheet cell: lists joined, None empty, formula-like text
    neutralised with a leading apostrophe. Numbers, dates and booleans stay as they are."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    elif not isinstance(value, (str, int, float, decimal.Decimal, datetime.date)):
        value = str(value)  # lazy translations, enums
    if isinstance(value, str) and (
        value.startswith(FORMULA_START) or value.lstrip(" \u00a0").startswith(FORMULA_START)
    ):
        return "'" + value
    return value


def _csv_value(value: Any) -> Any:
    value = defuse(value)
    if isinstance(value, datetime.datetime):
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def csv_text(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=DELIMITER)
    writer.writerow([_csv_value(h) for h in header])
    for row in rows:
        writer.writerow([_csv_value(v) for v in row])
    return out.getvalue()


class _Line:
    """A file-like object that hands back what the csv writer wrote (for streaming)."""

    def write(self, value: str) -> str:
        return value


def csv_stream(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The same CSV as `csv_text`, line by line, for a StreamingHttpResponse: memory stays
    flat however many rows there are."""
    writer = csv.writer(_Line(), delimiter=DELIMITER)
    yield BOM + writer.writerow([_csv_value(h) for h in header])
    for row in rows:
        yield writer.writerow([_csv_value(v) for v in row])


def sheet_title(title: Any, default: str = "Export") -> str:
    text = str(title)
    for char in _SHEET_TITLE_FORBIDDEN:
        text = text.replace(char, " ")
    text = text.strip().strip("'").strip()[:31].strip()
    return text or default


def xlsx_bytes(title: Any, header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title(title))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def cell(value: Any, *, header: bool = False) -> Any:
        value = defuse(value)
        if isinstance(value, str):
            result = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
            result.data_type = "s"  # text, never a formula
        else:
            if isinstance(value, datetime.datetime) and value.tzinfo is not None:
                value = value.replace(tzinfo=None)  # the caller gives local time
            result = WriteOnlyCell(sheet, value=value)
            if isinstance(value, datetime.datetime):
                result.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, datetime.date):
                result.number_format = "yyyy-mm-dd"
        if header:
            result.font = bold
        return result

    sheet.append([cell(h, header=True) for h in header])
    for row in rows:
        sheet.append([cell(v) for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def file_response(body: str | bytes, filename: str) -> HttpResponse:
    """An export as a download; the content type follows the extension (.csv or .xlsx)."""
    if filename.endswith(".csv"):
        content_type = CSV_CONTENT_TYPE
    elif filename.endswith(".xlsx"):
        content_type = XLSX_CONTENT_TYPE
    else:
        raise ValueError(f"Not an export file name: {filename}")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
