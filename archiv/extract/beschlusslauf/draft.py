"""The row of a text table while it is being read: cells are filled as their lines turn up."""

from __future__ import annotations

from dataclasses import dataclass

from ...models import BeschlusslaufRow
from ..normalize import parse_date


@dataclass(slots=True)
class RowDraft:
    gremium: str
    datum: str | None = None  # as printed
    role: str | None = None  # the Zuständigkeit ("Beratung und Empfehlung")
    result: str | None = None  # the vote or outcome as printed
    open_gremium: bool = False  # the committee's name goes on below ("Ausschuss für Bau,")

    def row(self) -> BeschlusslaufRow:
        return BeschlusslaufRow(
            nr=None,
            gremium=self.gremium,
            oeffentlich=None,
            zustaendigkeit=self.role or None,
            datum=parse_date(self.datum),
            ergebnis=self.result or None,
        )
