"""Many rows into one table as one plain driver statement (``executemany``).

Ingest writes tens of thousands of fact rows per thousand documents: through a SQLAlchemy
``insert()`` each row's parameters are processed one by one, which cost more than SQLite's
own work. The rows here are plain values (text, numbers, booleans, None), so the driver
takes them as they are; a column the rows leave out gets its scalar default, as
SQLAlchemy would give it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite

__all__ = ["insert_rows"]


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` in one statement."""
    if not rows:
        return
    given = tuple(rows[0])
    defaults = _defaults(table, given)
    sql = _statement(conn.dialect.name, table, given + tuple(defaults))
    fill = tuple(defaults.values())
    conn.exec_driver_sql(sql, [tuple(row[k] for k in given) + fill for row in rows])


def _defaults(table: Table, given: tuple[str, ...]) -> dict[str, Any]:
    """Scalar defaults of the columns left out (a callable default has no place in these tables)."""
    out = {}
    for column in table.columns:
        if column.name not in given and column.default is not None:
            if not column.default.is_scalar:
                raise ValueError(f"{table.name}.{column.name}: a bulk insert needs scalar defaults")
            out[column.name] = column.default.arg  # type: ignore[attr-defined]
    return out


@lru_cache(maxsize=128)
def _statement(dialect: str, table: Table, columns: tuple[str, ...]) -> str:
    """The INSERT for these columns, built once (column names quoted where the dialect needs it)."""
    preparer = (postgresql if dialect == "postgresql" else sqlite).dialect().identifier_preparer
    mark = "%s" if dialect == "postgresql" else "?"
    names = ", ".join(preparer.quote(c) for c in columns)
    return f"INSERT INTO {preparer.quote(table.name)} ({names}) VALUES ({', '.join([mark] * len(columns))})"
