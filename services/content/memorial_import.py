"""Memorial CSV import, run in the background by the job framework.

The CSV's first line names the columns (any case; spaces, dashes and underscores ignored):
`name` (required), `hebrew_name`, `date_of_death` (YYYY-MM-DD), `after_sunset` (yes/no),
`hebrew_day` + `hebrew_month` + `hebrew_year` (instead of `date_of_death`), `plaque`, `family_email`.
Every row is validated as the memorial form validates; each bad row is reported with its line number
and reason. Good rows are written in one transaction together with the job's completion; with
`all_or_nothing` a single bad row means none is written.

Spreadsheet exports are read as they come: a UTF-8 byte-order mark is ignored, lines may end in LF,
CRLF or CR, quoted cells may hold commas and line breaks, a file whose first line has no comma but
semicolons (or tabs) uses those as its separator, and columns without a name are ignored. An upload
over `MAX_CSV_BYTES` or `MAX_ROWS` is refused at once (the request-body limit, MAX_BODY_BYTES, may
refuse a large upload even earlier, with HTTP 413).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from typing import Any

from models.content import Memorial
from models.outbox import Job
from models.webhooks import WebhookEvent
from services.content.memorials import memorial_values
from services.content.yahrzeit_reminders import ensure_reminders
from services.infra.problems import Problem, Problems
from services.outbox.queue import JobRun, announce_job, enqueue, handler, notify_content_changed
from services.webhooks.endpoints import emit, hears

KIND = "memorial_import"
MAX_ROWS = 20_000
MAX_CSV_BYTES = 5_000_000
REPORT_EVERY = 250
COLUMNS = {
    "name", "hebrewname", "dateofdeath", "aftersunset", "hebrewday", "hebrewmonth", "hebrewyear", "plaque",
    "familyemail",
}  # fmt: skip
_TRUE = {"yes", "y", "true", "1", "x"}
_FALSE = {"no", "n", "false", "0", ""}
_MONTH_ALIASES = {"IYAR": "IYYAR", "SHEVAT": "SHVAT", "TAMMUZ": "TAMUZ", "HESHVAN": "CHESHVAN", "TEVES": "TEVET"}


def _column(name: str) -> str:
    return re.sub(r"[\s_\-]", "", name).lower()


def _delimiter(text: str) -> str:
    first = text.lstrip("\r\n").splitlines()[0] if text.strip() else ""
    if "," in first:
        return ","
    return next((sep for sep in (";", "\t") if sep in first), ",")


def _records(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and (first line number, cells) of each non-empty record."""
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=_delimiter(text))
    header: list[str] = []
    records: list[tuple[int, list[str]]] = []
    line = 1
    for cells in reader:
        start, line = line, reader.line_num + 1
        if not header:
            header = [_column(c) for c in cells]
            continue
        if any(c.strip() for c in cells):
            records.append((start, cells))
    return header, records


def check_csv(text: str) -> Problems:
    """Problems that refuse the whole upload at once (before any job is queued)."""
    problems = Problems()
    if not text.removeprefix("\ufeff").strip():
        problems.add("csv", "REQUIRED", "the CSV is empty")
        return problems
    if len(text.encode()) > MAX_CSV_BYTES:
        problems.add("csv", "TOO_LONG", f"the CSV is larger than {MAX_CSV_BYTES // 1_000_000} MB; split it")
        return problems
    try:
        header, records = _records(text)
    except csv.Error as exc:
        problems.add("csv", "INVALID", f"unreadable CSV: {exc}")
        return problems
    unknown = [c for c in header if c and c not in COLUMNS]
    repeated = sorted({c for c in header if c and header.count(c) > 1})
    if "name" not in header:
        problems.add("csv", "INVALID", "the first line must name the columns, including name")
    elif unknown:
        problems.add("csv", "INVALID", f"unknown columns: {', '.join(unknown)}")
    elif repeated:
        problems.add("csv", "INVALID", f"columns named twice: {', '.join(repeated)}")
    elif not records:
        problems.add("csv", "REQUIRED", "the CSV has no rows")
    elif len(records) > MAX_ROWS:
        problems.add("csv", "TOO_LONG", f"at most {MAX_ROWS} rows per import")
    return problems


def _values(row: dict[str, str], problems: Problems) -> dict[str, Any]:
    values: dict[str, Any] = {"name": row.get("name", "")}
    for column, key in (("hebrewname", "hebrew_name"), ("plaque", "plaque"), ("familyemail", "family_email")):
        if row.get(column):
            values[key] = row[column]
    flag = row.get("aftersunset", "").strip().lower()
    if flag in _TRUE:
        values["after_sunset"] = True
    elif flag not in _FALSE:
        problems.add("afterSunset", "INVALID", "after_sunset must be yes or no")
    if row.get("dateofdeath", "").strip():
        try:
            values["date_of_death"] = date.fromisoformat(row["dateofdeath"].strip())
        except ValueError:
            problems.add("dateOfDeath", "INVALID_DATE", "date_of_death must be YYYY-MM-DD")
    parts = [row.get(c, "").strip() for c in ("hebrewday", "hebrewmonth", "hebrewyear")]
    if any(parts):
        month = re.sub(r"[\s\-]+", "_", parts[1].replace("'", "").upper())
        values["hebrew_date_of_death"] = {"day": parts[0], "month": _MONTH_ALIASES.get(month, month), "year": parts[2]}
    return values


def validate_record(header: list[str], cells: list[str], today: date) -> tuple[dict[str, Any], list[Problem]]:
    if len(cells) > len(header):
        return {}, [Problem("csv", "INVALID", f"{len(cells)} cells but {len(header)} columns")]
    row = dict(zip(header, (c.strip() for c in cells), strict=False))
    problems = Problems()
    values = _values(row, problems)
    clean, found = memorial_values(values, None, today)
    reported = {p.field for p in problems}
    return clean, [*problems, *(p for p in found if p.field not in reported)]


async def start_import(text: str, all_or_nothing: bool, today: date) -> tuple[Job | None, Problems]:
    """Check the upload and queue its job (in the caller's transaction)."""
    problems = check_csv(text)
    if problems:
        return None, problems
    total = len(_records(text)[1])
    payload = {"csv": text, "all_or_nothing": all_or_nothing, "today": today.isoformat()}
    return await enqueue(KIND, payload, total=total), problems


@handler(KIND)
async def run_import(run: JobRun) -> None:
    header, records = _records(run.payload["csv"])
    today = date.fromisoformat(run.payload["today"])
    await run.report(0, len(records))
    good: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for index, (line, cells) in enumerate(records, start=1):
        clean, problems = validate_record(header, cells, today)
        if problems:
            errors.extend({"line": line, "field": p.field, "code": p.code, "message": p.message} for p in problems)
        else:
            good.append(clean)
        if index % REPORT_EVERY == 0:
            await run.report(index)
    failed = len(records) - len(good)
    write = bool(good) and not (run.payload["all_or_nothing"] and errors)
    async with run.scope():
        if write:
            await Memorial.bulk_create([Memorial(**values) for values in good], batch_size=500)
        await run.report(len(records))
        summary = {"imported": len(good) if write else 0, "failed": failed, "total": len(records)}
        await emit(WebhookEvent.MEMORIAL_IMPORT_FINISHED, {"jobId": run.job_id, **summary})
        if write and (
            any(values.get("family_email") for values in good) or await hears(WebhookEvent.YAHRZEIT_UPCOMING)
        ):
            await ensure_reminders()
        await run.finish(summary, errors)
    await announce_job(run.job_id, run.tenant_id)
    if write and run.tenant_id is not None:
        await notify_content_changed(run.tenant_id)
