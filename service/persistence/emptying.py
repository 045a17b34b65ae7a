"""A unit of work that starts by emptying every table: ``discimus reset``.

The emptying and the reload of the demo data are one transaction, so a server that is
running meanwhile sees the old data or the new one, never an empty database.
"""
from __future__ import annotations

from discimus_service.persistence import tables
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork


class EmptyingUnitOfWork(SqlAlchemyUnitOfWork):
    def __enter__(self) -> "EmptyingUnitOfWork":
        super().__enter__()
        connection = self._connection
        newest_first = list(reversed(tables.metadata.sorted_tables))
        if connection.dialect.name == "postgresql":
            # RESTART IDENTITY: Discimus numbers start again where the seed had them.
            # TRUNCATE waits for running transactions and holds new ones until commit.
            names = ", ".join(f'"{t.name}"' for t in newest_first)
            connection.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY")
        else:
            # SQLite hands out rowid max+1 (no AUTOINCREMENT): emptied tables restart at 1.
            for table in newest_first:
                connection.execute(table.delete())
        return self
