"""The SQL builder: one statement per page of a planned connection.

The page, one row more than asked (it tells whether another page follows), with the list's whole length beside
every row (`count(*) OVER ()`, computed before LIMIT: no second statement for `totalCount`) and, when a selected
field needs it, the synagogue's time zone (an uncorrelated subquery, evaluated once; or `$4`, read from the central
registry first, for a synagogue placed in a database of its own). Parameters: `$1` the tenant (given by
`models.compiled`, the tenant in context), `$2` the row limit, `$3` the offset.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.compiled import PageStatement
from schema.compiled.roots import Root

TOTAL = "total_count"
ZONE = "tenant_timezone"


def page_statement(root: Root, columns: Iterable[str], *, zone: bool) -> PageStatement:
    def statement(zone_sql: str | None) -> str:
        selected = [f"{root.sql_columns[name]} AS {name}" for name in sorted(set(columns))]
        selected.append(f"count(*) OVER () AS {TOTAL}")
        if zone_sql is not None:
            selected.append(f"{zone_sql} AS {ZONE}")
        # Every name comes from `roots` (code, never input); the values are parameters.
        return (
            f"SELECT {', '.join(selected)} FROM {root.from_sql} WHERE {root.tenant_sql} "  # noqa: S608
            f"ORDER BY {root.order_sql} LIMIT $2 OFFSET $3"
        )

    subquery = "(SELECT s.timezone FROM synagogue AS s WHERE s.id = $1)" if zone else None
    given = "$4::text" if zone else None
    return PageStatement(statement(subquery), statement(given), zone=zone, central=root.central)
