"""`archiv eval`: per-field accuracy of the extraction against a labelled set.

The labels are JSON Lines in the form of ../shared/corpus/labels/dev.jsonl: one object per
document with "path" (relative to the root folder) and any of the record's fields as truth.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputFileError
from .extract.vocabulary import ARTEN
from .models import Vorlage
from .text.keys import identifier_key
from .text.lines import join_lines

# The fields of the RIS-metadata labels first (their columns stay where they were), then the rest of the
# record in the order of SCHEMA.md; a column is printed where some label holds the field.
FIELDS = ("vorlage_nr", "betreff", "art", "datum")
ALL_FIELDS = (
    *FIELDS,
    "aktenzeichen",
    "koerperschaft",
    "einreicher",
    "basis_nr",
    "fachbereich",
    "beteiligungen",
    "beschlusslauf",
    "beschlussvorschlag_prefix",
    "begruendung_prefix",
    "anlagen",
)


_TYPOGRAPHY = str.maketrans({"–": "-", "—": "-", "‐": "-", "„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'"})
# The RIS names an Antrag or Anfrage "Anfrage SPD: <title>" where the paper prints the kind and the
# originator in its header and only <title> as its subject.
_RIS_PREFIX = re.compile(
    r"^(?:Antrag|Anfrage|Änderungsantrag|Ergänzungsantrag|Zusatzantrag|Änderungs-/Ergänzungsantrag)\b[^:]{0,120}:\s+"
)


def _text(value: str | None) -> str:
    """Whitespace collapsed, a word broken at a line end joined (labels carry the PDF's line breaks too),
    typographic dashes and quotes written plain (the RIS retypes them)."""
    return " ".join(join_lines((value or "").split("\n")).split()).translate(_TYPOGRAPHY)


def _kinds(label: str | None) -> set[str]:
    """The kinds a label names: "Änderungs-/Ergänzungsantrag" is the RIS's one type for
    "Änderungsantrag" and "Ergänzungsantrag" (the shared tail taken from the known kinds)."""
    label = (label or "").strip().lower()
    m = re.fullmatch(r"(\w+)-/(\w+)", label)
    if not m:
        return {label}
    tail = next((a.lower() for a in sorted(ARTEN, key=len) if m.group(2).endswith(a.lower())), "")
    return {label, m.group(1) + tail, m.group(2)}


_RIS_SUFFIX = re.compile(r"(?:\s+-|:)\s+(?:Antrag|Anfrage)\s[^:]{1,80}$")


def _without_ris_prefix(got: str | None, want: str | None) -> bool:
    """The label is the RIS's "<kind> <originator>: <title>" (or "<title> - Antrag CDU-Fraktion")
    and our Betreff is its <title>."""
    if not got:
        return False
    label = _text(want)
    m = _RIS_PREFIX.match(label)
    if m and _text(got) == label[m.end() :]:
        return True
    m = _RIS_SUFFIX.search(label)
    return bool(m) and _text(got) == label[: m.start()]


def _same_text(got: str | None, want: str | None) -> bool:
    """Equal once whitespace, hyphenation and typography are set aside; an empty value is no value."""
    return _text(got).casefold() == _text(want).casefold()


def _prefix(got: str | None, want: str | None) -> bool:
    """The labels hold the first 80 characters after the heading: ours must begin with them."""
    g, w = _text(got).replace("\u00ad", ""), _text(want)
    if not w:
        return not g
    return bool(g) and g.startswith(w)


# "1.", "3.1.", "Anlage 2:", "- ": the list's numbering, which the labels keep and the record leaves off
_ITEM_MARK = re.compile(
    r"^(?:Anlage\s*\d+[a-z]?\s*[:.)–-]?\s*(?:[-–]\s*)?|\d+(?:\.\d+)*[.)]?\s+(?:[-–]\s+)?|[-–•]\s*)", re.I
)


def _same_list(got: list[str] | None, want: list[str] | None) -> bool:
    """One entry per item, in order: two items merged or a paragraph taken along is a miss; the items'
    numbering is set aside."""

    def key(items: list[str] | None) -> list[str]:
        return [_ITEM_MARK.sub("", _text(x)).casefold() for x in items or []]

    return key(got) == key(want)


def _same_set(got: list[str] | None, want: list[str] | None) -> bool:
    """Beteiligungen: the same offices, in any order."""
    return sorted(_text(x).casefold() for x in got or []) == sorted(_text(x).casefold() for x in want or [])


def _same_id(got: str | None, want: str | None) -> bool:
    # The RIS writes "DS 26/2007" where the paper prints "Drucksache Nr. 26/2007": compare by identifier key.
    if not want:
        return not got
    return identifier_key(got or "") == identifier_key(want)


def _same_rows(got: list[dict[str, Any]], want: list[dict[str, Any]]) -> bool:
    return Counter(_row_key(r) for r in got or []) == Counter(_row_key(r) for r in want or [])


COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "vorlage_nr": _same_id,
    "basis_nr": _same_id,
    "betreff": lambda got, want: _text(got) == _text(want),
    # Labels read before minutes had a kind give a Niederschrift none; issue 13 asks art "Niederschrift".
    "art": lambda got, want: (got or "").strip().lower() in _kinds(want) if want else got in (None, "Niederschrift"),
    "datum": lambda got, want: got == want,
    "aktenzeichen": _same_text,
    "koerperschaft": _same_text,
    "einreicher": _same_text,
    "fachbereich": _same_text,
    "beteiligungen": _same_set,
    "beschlusslauf": _same_rows,
    "beschlussvorschlag_prefix": _prefix,
    "begruendung_prefix": _prefix,
    "anlagen": _same_list,
}
# A label field -> the record field it is compared with.
RECORD_FIELD = {"beschlussvorschlag_prefix": "beschlussvorschlag", "begruendung_prefix": "begruendung"}


@dataclass
class FieldScore:
    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else float("nan")


@dataclass
class EvalReport:
    scores: dict[str, dict[str, FieldScore]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(FieldScore))
    )
    rows: Counter = field(default_factory=Counter)  # true positives, predicted, expected Beschlusslauf rows
    errors: list[str] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    prefixed: int = 0  # Betreffs right only once the RIS's "Anfrage SPD: " prefix is taken off the label

    def overall(self, name: str) -> FieldScore:
        total = FieldScore()
        for per_field in self.scores.values():
            s = per_field.get(name)
            if s:
                total.right += s.right
                total.total += s.total
        return total

    def all_fields(self, group: str | None = None) -> FieldScore:
        """Every scored field together, of one group or of all."""
        total = FieldScore()
        for g, per_field in self.scores.items():
            if group is None or g == group:
                for s in per_field.values():
                    total.right += s.right
                    total.total += s.total
        return total

    def columns(self) -> list[str]:
        present = {name for per_field in self.scores.values() for name, s in per_field.items() if s.total}
        return [*FIELDS, *(f for f in ALL_FIELDS[len(FIELDS) :] if f in present)]


def _row_key(row: dict[str, Any]) -> tuple:
    return (" ".join((row.get("gremium") or "").split()).lower(), row.get("datum"))


Extractor = Callable[[list[Path]], Iterator[tuple[Path, "Vorlage | str"]]]


def evaluate(labels: Path, root: Path, extract_files: Extractor) -> EvalReport:
    """Extract every labelled document and compare field by field, grouped by the label's source.

    ``extract_files`` yields (path, record or error message) for the paths, in any order.
    """
    entries = list(_read(labels))
    by_path: dict[Path, list[dict[str, Any]]] = defaultdict(list)
    for label in entries:
        by_path[root / label["path"]].append(label)
    report = EvalReport()
    for path, result in extract_files(list(by_path)):
        if isinstance(result, str):
            report.errors.append(f"{path}: {result}")
            continue
        for label in by_path[path]:
            _score(report, label, result)
    return report


def _score(report: EvalReport, label: dict[str, Any], record: Vorlage) -> None:
    group = label.get("municipality") or label["path"].split("/")[0]
    got = record.to_dict()
    for name in ALL_FIELDS:
        if name not in label:
            continue
        if name == "vorlage_nr" and label.get("reference_in_text") is False:
            continue  # the RIS number is not printed in the document: nothing to read
        value = got.get(RECORD_FIELD.get(name, name))
        score = report.scores[group][name]
        score.total += 1
        if COMPARE[name](value, label[name]):
            score.right += 1
        elif name == "betreff" and _without_ris_prefix(value, label[name]):
            score.right += 1
            report.prefixed += 1
        else:
            if name in RECORD_FIELD and isinstance(value, str):
                value = _text(value)[: max(len(label[name] or ""), 80)]
            report.misses.append(
                {"path": label["path"], "group": group, "field": name, "got": value, "want": label[name]}
            )
    if "beschlusslauf" in label:
        want = Counter(_row_key(r) for r in label["beschlusslauf"])
        have = Counter(_row_key(r) for r in got["beschlusslauf"])
        report.rows["tp"] += sum((want & have).values())
        report.rows["predicted"] += sum(have.values())
        report.rows["expected"] += sum(want.values())


def _read(labels: Path) -> Iterator[dict[str, Any]]:
    with labels.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputFileError(str(labels), f"line {n} is not JSON ({e.msg})") from e


def format_table(report: EvalReport) -> str:
    groups = sorted(report.scores)
    columns = report.columns()
    lines = ["| source | " + " | ".join(columns) + " | all fields |", "|---" * (len(columns) + 2) + "|"]

    def cell(s: FieldScore | None) -> str:
        return f"{s.accuracy:.1%} ({s.right}/{s.total})" if s and s.total else "–"

    for g in groups:
        cells = [cell(report.scores[g].get(f)) for f in columns]
        lines.append(f"| {g} | " + " | ".join(cells) + f" | {cell(report.all_fields(g))} |")
    cells = [cell(report.overall(f)) for f in columns]
    lines.append("| **all** | " + " | ".join(cells) + f" | {cell(report.all_fields())} |")
    if report.rows["expected"] or report.rows["predicted"]:
        p = report.rows["tp"] / report.rows["predicted"] if report.rows["predicted"] else 0.0
        r = report.rows["tp"] / report.rows["expected"] if report.rows["expected"] else 0.0
        lines.append(f"\nBeschlusslauf rows (Gremium + Datum): precision {p:.1%}, recall {r:.1%}")
    if report.prefixed:
        lines.append(
            f"\nbetreff: {report.prefixed} labels agree only without the kind and originator the RIS adds"
            ' ("Anfrage SPD: …", "… - Antrag CDU-Fraktion"), which the paper prints in its header, not in its subject'
        )
    if report.errors:
        lines.append(f"\n{len(report.errors)} files could not be read: " + "; ".join(report.errors[:5]))
    return "\n".join(lines)
