"""One Vorlage, one hit: which records are files of the same paper.

A paper often reaches the archive several times: as OParl metadata and as its PDF, as a scan and
as its text twin, as a PDF and its text export, with Anlagen and revised versions (Ergänzung,
Neufassung) beside it. The records stay one per file (the store keeps every original); grouping
only says which records make one Vorlage, so that search shows it once, with its files.

Links, strongest first:

1. an OParl Paper names its files (mainFile, auxiliaryFile): a record whose file carries such a
   name is that file (an auxiliaryFile: an Anlage), the nearest one in the folder tree if several;
2. the same Vorlage-Nr. (its base number: "DS 79/2016 – 1. Ergänzung" is a version of DS 79/2016)
   within the same Körperschaft; a record that names no Körperschaft joins the nearest record of
   its number in the folder tree (an OParl Paper beside its text);
3. an Anlage without a number of its own: the number printed at its head ("Anlage 2 zur Vorlage
   DS 53/2025"), or the number its folder or file name carries, where a paper of that number lies
   in the same folder.

Grouping runs over small summaries kept in the store beside each record (``Summary``), from the
store, never from the search index; at each index commit only over what the changed records can move
(regroup.py).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from pathlib import Path, PurePath
from typing import Literal

from .grouping_areas import areas_of, spellings
from .models import Vorlage
from .text.keys import identifier_key
from .text.revision import split_revision

Role = Literal["datei", "fassung", "anlage"]  # a file of the paper itself, a revised version, an Anlage

_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_ANLAGE_NAME = re.compile(r"^(?:anlage|anhang|anl)(?![a-z])", re.I)
# "Anlage 2 zur Vorlage DS 53/2025", "Anlage zu Drucksache Nr. 0412/2024" at the head of a text
_ANLAGE_ZU = re.compile(
    r"\b(?:Anlage|Anhang)\s*(?:Nr\.?\s*)?[\w.]{0,4}\s+(?:zu[rm]?|der|des)\s+(?:der\s+|dem\s+)?"
    r"(?:Beschluss|Mitteilungs|Informations)?(?:vorlage|drucksache|antrag|DS|Drs\.?|VO)\s*(?:-?\s*Nr\.?|Nummer)?"
    r"\s*:?\s*((?:[A-Z]{1,5}[\s/-]?)?\d[\w/.\-]*\d)",
    re.I,
)
SUMMARY_VERSION = 1  # a summary of another version is made again from its record (Store.summaries)
HEAD_CHARS = 600  # where an Anlage prints what it belongs to


@dataclass(frozen=True)
class Summary:
    """What grouping needs to know of a record; kept in the store beside it."""

    id: str
    path: str
    base: str | None  # key of the base Vorlage-Nr. (no version suffix), None without a number
    version: str | None  # the version suffix as printed ("1. Ergänzung"), None for the base paper
    scope: str | None  # the Körperschaft, folded; None where the record names none
    anlage: bool  # the record says it is an Anlage (its file name, its Art)
    anlage_zu: str | None  # key of the base number printed at the head of an Anlage
    refs: tuple[tuple[str, str], ...]  # (file key, "haupt" | "anlage"): the files an OParl Paper names
    rank: int  # how much the record itself says: the fullest file of a paper is shown
    koerperschaft: str | None = None  # as printed

    def to_json(self) -> str:
        return json.dumps({"v": SUMMARY_VERSION, **asdict(self)}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Summary:
        d = json.loads(text)
        d.pop("v", None)
        d["refs"] = tuple(tuple(r) for r in d.get("refs") or ())
        return cls(**d)


Context = tuple[dict[tuple[str, ...], str | None], dict[str, str]]  # (area of each folder, spelling of a scope)


@dataclass(frozen=True)
class Membership:
    group: str  # the group's id: the id of its primary record (the one a hit shows)
    role: Role
    koerperschaft: str | None = None  # the group's Körperschaft as grouping read it (see _scopes)


# -- keys of one record ------------------------------------------------------------------------


def _key(text: str) -> str:
    """An identifier key with leading zeros dropped ("DS 053/2025" = "DS 53/2025")."""
    return "-".join(p.lstrip("0") or "0" if p.isdigit() else p for p in identifier_key(text).split("-") if p)


def paper_number(vorlage_nr: str | None) -> tuple[str | None, str | None]:
    """(key of the base number, version suffix as printed) of a Vorlage-Nr.

    "DS 79/2016 – 1. Ergänzung" -> ("79-2016", "1. Ergänzung"); "VII-DS-08561-NF-01" ->
    ("vii-ds-8561", "NF-01"); "DS 53/2025" -> ("53-2025", None).
    """
    if not vorlage_nr or not vorlage_nr.strip():
        return None, None
    base, version = split_revision(vorlage_nr)
    return (_key(base) or None), version


def scope_key(koerperschaft: str | None) -> str | None:
    if not koerperschaft or not koerperschaft.strip():
        return None
    return " ".join(koerperschaft.lower().translate(_FOLD).split())


def group_key(v: Vorlage) -> str:
    """The key of the paper a record belongs to, from the record alone: Körperschaft and base
    Vorlage-Nr. ("gemeinde nordstemmen|53-2025"; "|53-2025" without a Körperschaft), or
    "id:<id>" for a record without a number. Records of one key are one Vorlage; the archive
    links more (OParl files, Anlagen, a missing Körperschaft) in ``assign``."""
    base, _ = paper_number(v.vorlage_nr)
    if base is None:
        return f"id:{v.id}"
    return f"{scope_key(v.koerperschaft) or ''}|{base}"


def file_key(name: str) -> str:
    """A file's name as a key: without folders and extension, case and separators folded, a
    number without its leading zeros ("00650405.pdf" = "650405.txt")."""
    stem = PurePath(name.replace("\\", "/")).name
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    parts = re.findall(r"[a-z0-9]+", stem.lower().translate(_FOLD))
    return "-".join(p.lstrip("0") or "0" if p.isdigit() else p for p in parts)


def oparl_file_refs(data: bytes | None) -> tuple[tuple[str, str], ...]:
    """The files an OParl Paper names: (file key, "haupt" | "anlage") by fileName, the last part of
    accessUrl / downloadUrl and the File id."""
    if not data:
        return ()
    try:
        paper = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return ()
    if isinstance(paper, dict) and isinstance(paper.get("data"), list) and len(paper["data"]) == 1:
        paper = paper["data"][0]
    if not isinstance(paper, dict):
        return ()
    out: dict[str, str] = {}
    files = [("haupt", paper.get("mainFile"))] + [("anlage", f) for f in paper.get("auxiliaryFile") or ()]
    for role, f in files:
        if not isinstance(f, dict):
            continue
        urls = [str(f.get(k) or "").split("?")[0].rstrip("/") for k in ("accessUrl", "downloadUrl", "id")]
        names = [f.get("fileName"), *urls]
        for name in names:
            if isinstance(name, str) and name.strip():
                key = file_key(name.rsplit("/", 1)[-1])
                # a bare word ("doc", "files": the end of a URL that names no file) names nothing
                if key and key not in out and (any(c.isdigit() for c in key) or "-" in key):
                    out[key] = role
    return tuple(out.items())


def summarize(v: Vorlage, original: bytes | None = None) -> Summary:
    """The summary of a record; ``original``: its file's bytes (an OParl Paper's file list)."""
    base, version = paper_number(v.vorlage_nr)
    refs: tuple[tuple[str, str], ...] = ()
    if v.source.format == "oparl":
        if original is None:
            try:
                original = Path(v.source.path).read_bytes()
            except OSError:
                original = None
        refs = oparl_file_refs(original)
    name = PurePath(v.source.path.replace("\\", "/")).name
    printed = _ANLAGE_ZU.search(v.text[:HEAD_CHARS])
    anlage_zu = paper_number(printed.group(1))[0] if printed else None
    anlage = bool(_ANLAGE_NAME.match(name)) or (v.art or "").lower().startswith(("anlage", "anhang"))
    scope = scope_key(v.koerperschaft)
    summary = Summary(v.id, v.source.path, base, version, scope, anlage, anlage_zu, refs, 0, v.koerperschaft)
    return replace(summary, rank=rank(v))


def rank(v: Vorlage) -> int:
    """How much a record says of its paper: the fullest file of a Vorlage is the one a hit shows."""
    score = 4 * (v.source.format == "oparl") + 2 * bool(v.betreff) + bool(v.datum) + bool(v.art)
    return score + bool(v.beschlusslauf) + 2 * bool(v.text.strip()) + bool(v.vorlage_nr)


# -- the groups of an archive --------------------------------------------------------------------


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while (up := self.parent.get(root, root)) != root:
            root = up
        while x != root:  # path compression
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _folders(path: str) -> tuple[str, ...]:
    return PurePath(path.replace("\\", "/")).parent.parts


def _common(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _nearest_paper(
    folders: tuple[str, ...], by_scope: dict[str | None, list[str]], where: dict[str, tuple[str, ...]]
) -> str | None:
    """A record of the group (here: of a Körperschaft) whose records lie nearest to ``folders`` in
    the folder tree; None where two groups lie equally near."""
    depth = {sc: max(_common(folders, where[c]) for c in ids) for sc, ids in by_scope.items() if ids}
    if not depth:
        return None
    best = max(depth.values())
    winners = [sc for sc, d in depth.items() if d == best]
    return by_scope[winners[0]][0] if len(winners) == 1 else None


def _contains(key: str, base: str) -> bool:
    """Whether the key of a name holds the parts of ``base`` in a row ("ds-53-2025" holds "53-2025")."""
    return f"-{base}-" in f"-{key}-"


def assign(summaries: list[Summary], context: Context | None = None) -> dict[str, Membership]:
    """The group and role of every record (see the module's docstring for the links); ``context``: areas
    and spellings over the whole archive, where ``summaries`` are a part of it (regroup.py)."""
    items = {s.id: s for s in summaries}
    where = {i: _folders(s.path) for i, s in items.items()}
    areas, spelling = context or (areas_of(where.values(), items.values()), spellings(items.values()))
    area = {i: areas[where[i]] for i in items}
    uf = _Union()
    attached: set[str] = set()  # joined as an Anlage by a link
    linked: set[str] = set()  # joined by an OParl file list: its own number does not count

    # 1. The files an OParl Paper names.
    by_file: dict[str, list[str]] = defaultdict(list)
    for i, s in items.items():
        by_file[file_key(s.path)].append(i)
    claims: dict[str, dict[str, str]] = defaultdict(dict)  # record -> {paper: role}
    for i, s in items.items():
        for key, role in s.refs:
            for c in by_file.get(key, ()):
                if c != i and not (area[c] and area[i] and area[c] != area[i]):
                    claims[c].setdefault(i, role)
    for c, papers in claims.items():
        paper = _nearest_paper(where[c], {p: [p] for p in papers}, where)
        if paper is not None:
            uf.union(paper, c)
            linked.add(c)
            if papers[paper] == "anlage":
                attached.add(c)

    # 1b. Twins by name: the same file name (with letters and digits) in the same or sibling folders
    # ("records/VII-A-07860.json" and "text/VII-A-07860.txt"), unless their numbers differ.
    for key, ids in by_file.items():
        if len(ids) < 2 or not (any(c.isdigit() for c in key) and any(c.isalpha() for c in key)):
            continue
        for a in ids[1:]:
            first = ids[0]
            near = where[a][:-1] == where[first][:-1]
            same = not (items[a].base and items[first].base and items[a].base != items[first].base)
            if near and same and not (items[a].scope and items[first].scope and items[a].scope != items[first].scope):
                uf.union(first, a)

    # 2. The same base number within one Körperschaft; a record naming none joins the nearest one.
    numbered: dict[str, dict[str | None, list[str]]] = defaultdict(lambda: defaultdict(list))
    for i, s in items.items():
        if s.base and i not in linked:
            numbered[s.base][s.scope].append(i)
    for by_scope in numbered.values():
        for sc, ids in by_scope.items():
            if sc is not None:
                for other in ids[1:]:
                    uf.union(ids[0], other)
        known = {sc: ids for sc, ids in by_scope.items() if sc is not None}
        unplaced = []
        for i in by_scope.get(None, []):
            target = _nearest_paper(where[i], known, where)
            if target is None:
                unplaced.append(i)
            else:
                uf.union(i, target)
        for other in unplaced[1:]:
            uf.union(unplaced[0], other)

    # 3. Anlagen without a number: the number printed at their head, or their folder's paper.
    papers_in: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)
    for i, s in items.items():
        if s.base and not s.anlage:
            papers_in[where[i]].setdefault(s.base, i)
    for i, s in items.items():
        if s.base or i in linked:
            continue
        target = None
        if s.anlage_zu and s.anlage_zu in numbered:
            body = s.scope or area[i]
            same = numbered[s.anlage_zu].get(body, []) if body else []
            target = same[0] if same else _nearest_paper(where[i], numbered[s.anlage_zu], where)
        if target is None:
            name = "-".join(file_key(p) for p in (*where[i][-1:], s.path))
            found = [c for b, c in papers_in.get(where[i], {}).items() if _contains(name, b)]
            target = found[0] if len(found) == 1 else None
        if target is not None:
            uf.union(i, target)
            attached.add(i)

    groups: dict[str, list[str]] = defaultdict(list)
    for i in items:
        groups[uf.find(i)].append(i)
    out: dict[str, Membership] = {}
    for members in groups.values():
        roles = _roles(members, items, attached)
        order = sorted(members, key=lambda i: (_ORDER[roles[i]], -items[i].rank, i))
        found = next((b for i in order if (b := items[i].scope)), None) or next(
            (b for i in order if (b := area[i])), None
        )
        body = spelling.get(found) if found else None
        for i in members:
            out[i] = Membership(order[0], roles[i], body)
    return out


_ORDER = {"datei": 0, "fassung": 1, "anlage": 2}


def _roles(members: list[str], items: dict[str, Summary], attached: set[str]) -> dict[str, Role]:
    def is_anlage(i: str) -> bool:
        s = items[i]
        return i in attached or s.anlage or (s.anlage_zu is not None and s.anlage_zu == s.base)

    anlagen = {i for i in members if is_anlage(i)}
    has_base = any(items[i].version is None for i in members if i not in anlagen)
    roles: dict[str, Role] = {}
    for i in members:
        if i in anlagen:
            roles[i] = "anlage"
        elif items[i].version and has_base:
            roles[i] = "fassung"
        else:
            roles[i] = "datei"
    return roles
