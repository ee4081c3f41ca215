"""Search at scale: build N synthetic Vorlagen, reindex them with each backend, time the queries.

1. N realistic synthetic records (Gremien, years 2005-2025, Art, Fachbereich, Betreff from council
   topics, about 3 KB of text each, with nouns drawn Zipf-like from the german-nouns word list so the
   vocabulary grows as in a real archive) are written straight into a record store: no PDF parsing.
2. The real `archiv reindex --backend B` runs in a subprocess under a small wrapper that reports the
   peak RSS of the process (getrusage): wall time, documents/s, index size on disk, peak RSS.
3. Query latency per type, in-process through Archive.search (parse, backend, fetching the records,
   snippets, facets: what a user waits for): every query of a type once to warm up, then each
   `--repeat` times as a first-time query (the backend's caches cleared before each run: what a new
   query costs) and `--repeat` times repeated; p50 and p95 over all timings of the type, and for
   OpenSearch the node's own `took` beside the client's wall time.

    .venv/bin/python benchmarks/bench_search.py --docs 10000 100000 [--backends tantivy whoosh] [--write]

With `--backend opensearch` (alias of --backends) the index lives on the node at ARCHIV_OPENSEARCH_URL
(default: the one scripts/opensearch/start runs): its size is the node's store size of the index, and
the node's RSS (from its recorded pid, /proc) is reported besides the client's peak RSS.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from readme_section import write_section  # noqa: E402

from archiv.archive import Archive  # noqa: E402
from archiv.beschluesse import relink  # noqa: E402
from archiv.models import BeschlusslaufRow, Produkt, SourceInfo, Vorlage  # noqa: E402
from archiv.regroup import regroup  # noqa: E402
from archiv.search import BACKENDS, Filters  # noqa: E402
from archiv.store import Store  # noqa: E402

GREMIEN = (
    "Rat", "Kreistag", "Kreisausschuss", "Hauptausschuss", "Haupt- und Finanzausschuss", "Finanzausschuss",
    "Bauausschuss", "Ausschuss für Stadtentwicklung und Verkehr", "Ausschuss für Umwelt, Klima und Mobilität",
    "Jugendhilfeausschuss", "Schulausschuss", "Sozialausschuss", "Kulturausschuss", "Sportausschuss",
    "Werksausschuss", "Betriebsausschuss Stadtbetrieb", "Rechnungsprüfungsausschuss", "Ortsrat Nord",
    "Ortsrat Süd", "Ortsbeirat Mitte", "Bezirksvertretung Ost", "Seniorenbeirat", "Integrationsbeirat",
    "Gemeindevertretung", "Stadtverordnetenversammlung", "Magistrat", "Ältestenrat", "Wahlprüfungsausschuss",
)  # fmt: skip
ARTEN = ("Beschlussvorlage", "Mitteilungsvorlage", "Antrag", "Anfrage", "Informationsvorlage", "Bericht")
FACHBEREICHE = (
    "FB 1 - Zentrale Dienste", "FB 2 - Finanzen", "FB 3 - Ordnung und Bürgerdienste", "FB 4 - Schule und Bildung",
    "FB 5 - Jugend und Soziales", "FB 6 - Bauen und Planen", "FB 7 - Umwelt und Klima", "FB 8 - Tiefbau",
    "FB 9 - Kultur und Sport", "Amt 61 - Stadtplanung", "Amt 66 - Straßen und Verkehr", "Amt 32 - Ordnungsamt",
    "Stabsstelle Wirtschaftsförderung", "Eigenbetrieb Abwasser",
)  # fmt: skip
ORTE = ("Nordstadt", "Südviertel", "Altstadt", "Lindenau", "Birkenweiler", "Hohenfeld", "Kesselbach", "Oberried")
TOPICS = (
    "Sanierung der Grundschule {ort}", "Neubau einer Kindertagesstätte in {ort}", "Bebauungsplan Nr. {n} {ort}",
    "Haushaltssatzung und Haushaltsplan {jahr}", "Jahresabschluss {jahr} des Eigenbetriebs Abwasser",
    "Radverkehrskonzept: Umsetzungsbericht {jahr}", "Erweiterung der Flüchtlingsunterkunft in {ort}",
    "Arbeitsmarktintegration von Geflüchteten", "Gebührensatzung für die Abfallentsorgung {jahr}",
    "Straßenausbau der Hauptstraße in {ort}", "Friedhofsgebührensatzung {jahr}", "Neuwahl des Seniorenbeirats",
    "Klimaschutzkonzept: Maßnahmenprogramm {jahr}", "Feuerwehrgerätehaus {ort}: Neubau",
    "Breitbandausbau in {ort}", "Schulentwicklungsplan {jahr} bis {jahr2}", "Wirtschaftsförderung: Gewerbegebiet {ort}",
    "Verkehrsberuhigung in der Bahnhofstraße", "Stellenplan {jahr}", "Zuschuss an den Sportverein {ort}",
    "Antrag der Fraktion auf Einrichtung einer Bushaltestelle in {ort}", "Anfrage zur Wasserversorgung in {ort}",
    "Spielplatz {ort}: Erneuerung der Spielgeräte", "Wärmeplanung der Stadt", "Photovoltaikanlagen auf Schuldächern",
)  # fmt: skip
SENTENCES = (
    "Der {gremium} hat sich in seiner Sitzung am {datum} mit der {nomen} befasst.",
    "Die Verwaltung wird beauftragt, die {nomen} bis zum {datum} vorzubereiten und dem {gremium} zu berichten.",
    "Die Kosten belaufen sich nach der Kostenschätzung auf {betrag} €, davon werden {prozent} % aus Fördermitteln"
    " gedeckt.",
    "Die Mittel sind im Haushaltsplan {jahr} unter dem Produkt {produkt} veranschlagt.",
    "Nach § {paragraph} der Gemeindeordnung ist der {gremium} für die Entscheidung zuständig.",
    "Im Ortsteil {ort} wurde im Rahmen der Bürgerbeteiligung eine {nomen} durchgeführt.",
    "Die {nomen} wurde von einem externen Gutachterbüro geprüft und ist als Anlage beigefügt.",
    "Die Fraktion bittet um Auskunft, wie sich die {nomen} seit {jahr} entwickelt hat.",
    "Mit den Bauarbeiten soll im Frühjahr {jahr} begonnen werden; die Bauzeit beträgt etwa {n} Monate.",
    "Der Haupt- und Finanzausschuss empfiehlt, die {nomen} in der vorgelegten Fassung zu beschließen.",
    "Die Stellungnahme des Seniorenbeirats und des Integrationsbeirats zur {nomen} liegt vor.",
    "Die Sanierung der Gebäude ist wegen der gestiegenen Baupreise teurer als im Jahr {jahr} geplant.",
    "Die Anwohnerinnen und Anwohner der {ort}er Straße wurden über die {nomen} informiert.",
    "Geflüchtete Menschen werden bei der Arbeitsmarktintegration durch das Jobcenter unterstützt.",
    "Die Müllabfuhr und die Straßenreinigung werden nach der Gebührenkalkulation neu abgerechnet.",
    "Für die Kindertagesbetreuung werden zusätzliche Plätze in der Kita {ort} geschaffen.",
    "Die Ergebnisse der {nomen} werden im Ausschuss vorgestellt und anschließend veröffentlicht.",
    "Eine Entscheidung über die {nomen} ist bis zum Ende des Jahres {jahr} erforderlich.",
)  # fmt: skip


def _nouns(limit: int = 60_000) -> tuple[list[str], list[float]]:
    """Nouns of the german-nouns list with Zipf-like cumulative weights, for a realistic vocabulary."""
    import csv

    from german_nouns.config import CSV_FILE_PATH

    rnd = random.Random(7)
    nouns = []
    with open(CSV_FILE_PATH, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        next(rows)
        for row in rows:
            if row[0].isalpha() and row[0][0].isupper() and "Toponym" not in row[1] and "name" not in row[1]:
                nouns.append(row[0])
    rnd.shuffle(nouns)
    nouns = nouns[:limit]
    cum, total = [], 0.0
    for rank in range(1, len(nouns) + 1):
        total += 1.0 / rank
        cum.append(total)
    return nouns, cum


class Generator:
    def __init__(self, seed: int = 1) -> None:
        self.rnd = random.Random(seed)
        self.nouns, self.cum = _nouns()

    def noun(self) -> str:
        return self.rnd.choices(self.nouns, cum_weights=self.cum)[0]

    def fill(self, template: str, year: int) -> str:
        r = self.rnd
        return template.format(
            gremium=r.choice(GREMIEN), datum=f"{r.randint(1, 28)}.{r.randint(1, 12)}.{year}", nomen=self.noun(),
            betrag=f"{r.randint(10, 9_000)}.{r.randint(0, 999):03d}", prozent=r.randint(10, 90), jahr=year,
            produkt=f"{r.randint(1, 9)}.{r.randint(10, 99)}.{r.randint(1, 20):02d}", paragraph=r.randint(20, 80),
            ort=r.choice(ORTE), n=r.randint(3, 18), jahr2=year + 5,
        )  # fmt: skip

    def vorlage(self, i: int) -> Vorlage:
        r = self.rnd
        year = r.randint(2005, 2025)
        day = date(year, 1, 1) + timedelta(days=r.randint(0, 364))
        art = r.choice(ARTEN)
        betreff = self.fill(r.choice(TOPICS), year)
        paragraphs = []
        while sum(len(p) for p in paragraphs) < 2900:
            paragraphs.append(" ".join(self.fill(r.choice(SENTENCES), year) for _ in range(r.randint(3, 6))))
        gremien = r.sample(GREMIEN, r.randint(1, 4))
        when = [(day + timedelta(days=14 * n)).isoformat() for n in range(1, len(gremien) + 1)]
        rows = tuple(
            BeschlusslaufRow(str(n), g, r.random() > 0.2, "Vorberatung", when[n - 1], None)
            for n, g in enumerate(gremien, 1)
        )
        nr = f"{art[:2].upper()}/{year}/{i:06d}"
        az = f"{r.randint(10, 99)}.{r.randint(10, 99)}.{r.randint(1, 99):02d}"
        text = f"{art}\nVorlage-Nr.: {nr}\nAktenzeichen: {az}\nBetreff: {betreff}\n\n" + "\n\n".join(paragraphs)
        sha = f"{i:064x}"
        return Vorlage(
            id=sha[-16:], vorlage_nr=nr, aktenzeichen=az, art=art, datum=day.isoformat(), oeffentlich=True,
            koerperschaft="Stadt Musterstadt", fachbereich=r.choice(FACHBEREICHE), beteiligungen=(),
            produkt=Produkt(None, None), betreff=betreff, beschlusslauf=rows, beschlussvorschlag=paragraphs[0],
            begruendung="\n\n".join(paragraphs[1:]), anlagen=(), entities={},
            source=SourceInfo(f"synthetic/{i}.txt", sha, "text", None, None, datetime.now(UTC).isoformat()),
            text=text,
        )  # fmt: skip


def build_store(folder: Path, n: int) -> float:
    t0 = time.perf_counter()
    store = Store(folder, create=True)
    store.db.execute("PRAGMA synchronous=OFF")  # generated data: no need to wait for the disk
    gen = Generator()
    for i in range(n):
        store.put(gen.vorlage(i), None)
    # as ingest leaves an archive (grouped, decisions linked), so that every reindex measured, the
    # first one included, rebuilds the same archive (issue 16: before and after in one run)
    regroup(store)
    relink(store)
    store.close()
    return time.perf_counter() - t0


WRAPPER = """
import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:]).returncode
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - t, use.ru_maxrss, rc, use.ru_utime + use.ru_stime)
"""


def opensearch_url() -> str:
    recorded = ROOT / ".cache" / "opensearch" / "run" / "url"
    default = recorded.read_text().strip() if recorded.exists() else "http://127.0.0.1:9200"
    return os.environ.get("ARCHIV_OPENSEARCH_URL") or default


def node_cpu_s() -> float:
    """CPU seconds the recorded node has used (0 where it is not a node of ours): on a loaded machine
    documents per CPU second say more than documents per wall-clock second."""
    try:
        pid = (ROOT / ".cache" / "opensearch" / "run" / "pid").read_text().strip()
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def node_rss_mb() -> float | None:
    """RSS of the node that scripts/opensearch/start recorded (None: not a node of ours)."""
    try:
        pid = (ROOT / ".cache" / "opensearch" / "run" / "pid").read_text().strip()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return kb / 1024


def opensearch_index(folder: Path) -> tuple[str, str]:
    conn = json.loads((folder / "opensearch-connection.json").read_text())
    return conn["url"], conn["index"]


def opensearch_size_mb(folder: Path) -> float:
    import urllib.request

    url, index = opensearch_index(folder)
    with urllib.request.urlopen(f"{url}/{index}/_stats/store") as r:
        stats = json.loads(r.read())
    return stats["_all"]["primaries"]["store"]["size_in_bytes"] / 2**20


def drop_opensearch(folder: Path) -> None:
    import urllib.request

    if (folder / "opensearch-connection.json").exists():
        url, index = opensearch_index(folder)
        urllib.request.urlopen(urllib.request.Request(f"{url}/{index}", method="DELETE")).read()


def bulk_only(folder: Path, n: int, warm: int = 1_000) -> dict[str, float]:
    """OpenSearch bulk indexing alone: ``n`` records analysed beforehand as a rebuild's workers hand
    them over (the record as JSON: grouped.analyse_groups), then sent with OpenSearchBackend.add into a
    scratch index after ``warm`` others (untimed: the node's JIT compiles its indexing code, as on a
    node that has indexed before). Documents/s on the wall clock, and the CPU seconds per 1,000
    documents of the node and of archiv's process (JSON lines, HTTP): on a loaded machine the steady
    figures."""
    from archiv.search import opensearch_backend as osb
    from archiv.search.document import index_document

    store = Store(folder)
    docs = []
    for record in store.iter_records():
        record_json = json.dumps(record.to_dict(), ensure_ascii=False)
        docs.append(dataclasses.replace(index_document(record), record_json=record_json))
        if len(docs) >= n + warm:
            break
    store.close()
    scratch = Path(tempfile.mkdtemp(prefix="archiv-bulk-"))
    backend = osb.OpenSearchBackend(
        scratch, url=opensearch_url(), index=f"archiv-bench-bulk-{os.getpid()}", create=True
    )
    try:
        backend.add(docs[n:])
        t, cpu, own = time.perf_counter(), node_cpu_s(), time.process_time()
        backend.add(docs[:n])
        seconds, cpu, own = time.perf_counter() - t, node_cpu_s() - cpu, time.process_time() - own
        print(f"  bulk only: {n} docs in {seconds:.1f} s, node CPU {cpu:.1f} s, archiv CPU {own:.1f} s "
              f"(load {os.getloadavg()[0]:.1f})", file=sys.stderr)  # fmt: skip
        return {"bulk_docs_s": n / seconds, "bulk_docs_cpu_s": n / max(cpu, 0.01),
                "bulk_node_cpu_per_1000": 1000 * cpu / n, "bulk_client_cpu_per_1000": 1000 * own / n}  # fmt: skip
    finally:
        backend.client.indices.delete(index=backend.index)
        backend.close()
        shutil.rmtree(scratch, ignore_errors=True)


def reindex(folder: Path, backend: str, src: Path | None = None) -> dict[str, float]:
    """``archiv reindex`` in a subprocess; with ``src``, the archiv of that source tree (an earlier version)."""
    archiv = [str(Path(sys.executable).with_name("archiv"))]
    env, cwd = None, None
    if src is not None:  # its own package first on the path (run from there: "" leads sys.path)
        archiv = [sys.executable, "-c", "from archiv.cli import cli; cli()"]
        env, cwd = {**os.environ, "PYTHONPATH": str(src)}, str(src)
    cmd = [sys.executable, "-c", WRAPPER, *archiv, "reindex", "--index", str(folder), "--backend", backend, "-q"]
    node_cpu = node_cpu_s()
    # errors go to stderr, the figures to stdout
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, env=env, cwd=cwd).stdout.split()
    seconds, maxrss_kb, rc, cpu = float(out[0]), int(out[1]), int(out[2]), float(out[3])
    if rc != 0:
        raise SystemExit(f"archiv reindex --backend {backend} failed ({rc})")
    if backend == "opensearch":
        return {"seconds": seconds, "rss_mb": maxrss_kb / 1024, "size_mb": opensearch_size_mb(folder),
                "node_rss_mb": node_rss_mb() or 0.0, "cpu_s": cpu, "node_cpu_s": node_cpu_s() - node_cpu}  # fmt: skip
    size = sum(p.stat().st_size for p in (folder / backend).rglob("*") if p.is_file())
    return {"seconds": seconds, "rss_mb": maxrss_kb / 1024, "size_mb": size / 2**20, "cpu_s": cpu,
            "store_mb": store_mb(folder)}  # fmt: skip


def store_mb(folder: Path) -> float:
    """The record store on disk (its write-ahead log included), MiB."""
    return sum(p.stat().st_size for p in folder.glob("records.sqlite3*")) / 2**20


def spoil_kept_documents(folder: Path) -> int:
    """Make every kept index document unusable, as a change of the analysis does (their fingerprints
    no longer match): the next rebuild analyses every Vorlage again and keeps the new documents."""
    db = sqlite3.connect(folder / "records.sqlite3")
    try:
        with db:
            return db.execute("UPDATE documents SET fingerprint = x'00'").rowcount
    except sqlite3.OperationalError:  # a store without kept documents (made by an earlier version)
        return 0
    finally:
        db.close()


def kept_rebuilds(folder: Path, n: int, backend: str) -> list[tuple[int, str, dict[str, float]]]:
    """The two rebuilds of issue 16's fourth round: with no usable kept documents (as after a change
    of the analysis: every Vorlage analysed, its document kept), then with the documents that rebuild
    kept (the very documents an ingest keeps, tests/test_kept_documents.py)."""
    out = []
    spoil_kept_documents(folder)
    for label in ("after, nothing kept usable", "after, documents kept"):
        print(f"reindex {n:,} with {backend}, {label} ...", file=sys.stderr, flush=True)
        b = reindex(folder, backend)
        out.append((n, f"{backend} ({label})", b))
        print(f"  {json.dumps(b)}", file=sys.stderr)
    return out


QUERIES: dict[str, list[tuple[str, Filters]]] = {
    "term": [(q, Filters()) for q in ("Sanierung", "Kita", "Haushaltsplan", "Flüchtling", "Integration", "Muell")],
    "AND": [(q, Filters()) for q in ("Sanierung Grundschule", "Gebühren Abfallentsorgung", "Kita Plätze Nordstadt",
                                     "Bauarbeiten Frühjahr", "Radverkehrskonzept Umsetzungsbericht")],
    "phrase": [(q, Filters()) for q in ('"Haupt- und Finanzausschuss"', '"Sanierung der Gebäude"',
                                        '"Geflüchtete Menschen"', '"externen Gutachterbüro geprüft"',
                                        '"Kita Nordstadt"')],
    "fielded": [(q, Filters()) for q in ("betreff:Spielplatz", "gremium:Schulausschuss Sanierung",
                                         "art:Antrag Bushaltestelle", "betreff:Wärmeplanung",
                                         "fachbereich:Finanzen Stellenplan", "aktenzeichen:12.34.05")],
    "prefix": [(q, Filters()) for q in ("sanier*", "kita*", "haushalt*", "flücht*", "bau*", "geb*")],
    "date range": [(q, Filters()) for q in ("datum:2018-01-01..2018-12-31 Sanierung", "jahr:2010..2012 Kita",
                                            "datum:2024-06..", "Haushalt datum:2020..2021")],
    "facet": [("", Filters()), ("", Filters(gremium="Rat")), ("", Filters(jahr="2015")),
              ("Sanierung", Filters(art="Antrag")), ("", Filters(fachbereich="FB 2 - Finanzen"))],
}  # fmt: skip


def cache_clearer(backend: object) -> Callable[[], None]:
    """What makes the next query one seen for the first time, as a journalist's new query is: OpenSearch's
    request cache (the count and facets of a query asked since the last refresh) and query cache
    (filter clauses used often) are emptied. tantivy and Whoosh keep no result caches; the OS page
    cache and the node's global ordinals (built once per refresh) stay warm for every backend."""
    if getattr(backend, "name", "") != "opensearch":
        return lambda: None
    client, index = backend.client, backend.index  # type: ignore[attr-defined]
    return lambda: client.indices.clear_cache(index=index, request=True, query=True)


def _p50_p95(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]


def latencies(
    folder: Path, backend: str, repeat: int, warmup: int = 1
) -> dict[str, dict[str, tuple[float, float, int]]]:
    """p50, p95 and median hits per query kind, for each way of asking: "first time" (caches cleared
    before each timed run, cache_clearer) and "repeated" (the same query again at once); for OpenSearch
    also the node's own `took` of both (its share of the client's wall time). Before timing, every
    query runs ``warmup`` times with the caches cleared: a server that has run for a while has compiled
    its search code (the node's JIT needs some hundred queries), but has seen none of these queries."""
    modes = ("first time", "repeated", "node took, first time", "node took, repeated")
    out: dict[str, dict[str, tuple[float, float, int]]] = {m: {} for m in modes}
    with Archive(folder, backend) as archive:
        clear = cache_clearer(archive.backend)
        for _ in range(warmup - 1):
            for queries in QUERIES.values():
                for q, f in queries:
                    clear()
                    archive.search(q, f)
        for kind, queries in QUERIES.items():
            timings: dict[str, list[float]] = {m: [] for m in modes}
            totals = [archive.search(q, f).total for q, f in queries]  # the last warm-up
            for q, f in queries:
                for mode in ("first time", "repeated"):
                    for _ in range(repeat):
                        if mode == "first time":
                            clear()
                        t = time.perf_counter()
                        archive.search(q, f)
                        timings[mode].append((time.perf_counter() - t) * 1000)
                        took = getattr(archive.backend, "took_ms", None)
                        if took is not None:
                            timings[f"node took, {mode}"].append(float(took))
            hits = int(statistics.median(totals))
            for mode, ts in timings.items():
                if ts:
                    out[mode][kind] = (*_p50_p95(ts), hits)
    return {m: lat for m, lat in out.items() if lat}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[10_000])
    ap.add_argument("--backends", "--backend", nargs="+", default=["tantivy", "whoosh"], choices=BACKENDS)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=20, help="rounds of every query before timing (JIT, page cache)")
    ap.add_argument("--bulk-sample", type=int, default=20_000, help="opensearch: documents of the bulk-only run")
    ap.add_argument("--keep", type=Path, help="keep the generated index folders under this folder")
    ap.add_argument(
        "--compare-with",
        type=Path,
        help="an earlier archiv source tree (`git archive REV archiv | tar -x -C DIR`): its reindex is measured "
        "first, in the same run, as the row 'BACKEND (before)'",
    )
    ap.add_argument(
        "--compare-backends", nargs="+", choices=BACKENDS, help="the backends --compare-with measures (default: all)"
    )
    ap.add_argument(
        "--kept",
        action="store_true",
        help="also rebuild with no usable kept documents, then from the documents that rebuild kept (issue 16)",
    )
    ap.add_argument("--write", action="store_true", help="write the tables into benchmarks/README.md")
    ap.add_argument(
        "--merge", type=Path, help="JSON file of earlier results: this run's are added, the tables show all"
    )
    args = ap.parse_args()
    if "opensearch" in args.backends:
        os.environ["ARCHIV_OPENSEARCH_URL"] = opensearch_url()  # for the reindex subprocess and Archive
    builds, queries = [], []
    for n in args.docs:
        base = args.keep or Path(tempfile.mkdtemp(prefix="archiv-bench-"))
        folder = base / f"index-{n}"
        if not (folder / "records.sqlite3").exists():
            print(f"generating {n:,} Vorlagen ...", file=sys.stderr, flush=True)
            gen_s = build_store(folder, n)
            print(f"  {gen_s:.0f} s", file=sys.stderr)
        for backend in (args.compare_backends or args.backends) if args.compare_with else ():
            print(f"reindex {n:,} with {backend}, before ({args.compare_with}) ...", file=sys.stderr, flush=True)
            b = reindex(folder, backend, args.compare_with.resolve())
            builds.append((n, f"{backend} (before)", b))
            print(f"  {json.dumps(b)}", file=sys.stderr)
        for backend in args.backends if args.kept else ():
            builds += kept_rebuilds(folder, n, backend)
        for backend in args.backends:
            print(f"reindex {n:,} with {backend} ...", file=sys.stderr, flush=True)
            b = reindex(folder, backend)
            if backend == "opensearch":
                b.update(bulk_only(folder, min(n, args.bulk_sample)))
            builds.append((n, backend, b))
            print(f"  {json.dumps(b)}", file=sys.stderr)
            for mode, lat in latencies(folder, backend, args.repeat, args.warmup).items():
                queries.append((n, f"{backend} · {mode}", lat, args.repeat))
                print(f"  {mode}: {json.dumps(lat)}", file=sys.stderr, flush=True)
            if backend == "opensearch":
                b["node_rss_mb"] = max(b["node_rss_mb"], node_rss_mb() or 0.0)  # after the queries too
                if not args.keep:
                    drop_opensearch(folder)
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    if args.merge:
        earlier = json.loads(args.merge.read_text()) if args.merge.exists() else {"builds": [], "queries": []}
        done = {(n, b) for n, b, _ in builds}
        builds = [x for x in earlier["builds"] if tuple(x[:2]) not in done] + builds
        queries = [x for x in earlier["queries"] if (x[0], x[1].split(" · ")[0]) not in done] + queries
        builds.sort(key=lambda x: (x[0], x[1]))
        queries.sort(key=lambda x: (x[0], x[1]))
        args.merge.write_text(json.dumps({"builds": builds, "queries": queries}, indent=1))
    table = render(builds, queries)
    print(table)
    if args.write:
        write_section("bench_search", "## bench_search.py: search at 10k and 100k Vorlagen", table)


def render(builds: list, queries: list) -> str:
    lines = [
        f"Measured {datetime.now(UTC).date()} on {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()}, with `.venv/bin/python benchmarks/bench_search.py "
        f"--docs {' '.join(str(n) for n in sorted({b[0] for b in builds}))} --write`.",
        "",
        "Full `archiv reindex` (subprocess; peak RSS of the largest process; CPU seconds of archiv and its"
        " workers, and of the OpenSearch node: on a loaded machine they say more than the wall time):",
        "",
        "| Vorlagen | backend | seconds | docs/s | CPU s (archiv + node) | index MiB | peak RSS MiB | node RSS MiB |"
        " store MiB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, backend, b in builds:
        node = f"{b['node_rss_mb']:,.0f}" if b.get("node_rss_mb") else "–"
        cpu = f"{b['cpu_s']:,.0f}" if b.get("cpu_s") else "–"
        cpu += f" + {b['node_cpu_s']:,.0f}" if b.get("node_cpu_s") else ""
        store = f"{b['store_mb']:,.0f}" if b.get("store_mb") else "–"
        lines.append(
            f"| {n:,} | {backend} | {b['seconds']:.0f} | {n / b['seconds']:,.0f} | {cpu} | {b['size_mb']:,.0f} |"
            f" {b['rss_mb']:,.0f} | {node} | {store} |"
        )
    kinds = list(QUERIES)
    for n, backend, b in builds:
        if b.get("bulk_docs_s"):
            lines.append(f"\n{backend} at {n:,}: bulk indexing alone (documents analysed beforehand, after a "
                         f"warm-up batch) {b['bulk_docs_s']:,.0f} docs/s, {b['bulk_docs_cpu_s']:,.0f} docs per "
                         "CPU second of the node" + (f" ({b['bulk_node_cpu_per_1000']:.2f} node + "
                         f"{b['bulk_client_cpu_per_1000']:.2f} archiv CPU s per 1,000 docs)."
                         if "bulk_node_cpu_per_1000" in b else "."))  # fmt: skip
    lines += [
        "",
        "Query latency in ms, p50 / p95 (Archive.search in-process, 10 hits with snippets and facets; "
        "each query run `runs` times after `--warmup` rounds of all queries, first with the caches cleared "
        "before each run, then repeated; `node took` is OpenSearch's own time of the same runs):",
        "",
        "| Vorlagen | backend | runs | " + " | ".join(kinds) + " |",
        "|---:|---|---:|" + "---:|" * len(kinds),
    ]
    for n, backend, lat, runs in queries:
        cells = [f"{lat[k][0]:.0f} / {lat[k][1]:.0f}" for k in kinds]
        lines.append(f"| {n:,} | {backend} | {runs} | " + " | ".join(cells) + " |")
    lines += ["", "Median hits per query type: " + ", ".join(
        f"{k} {queries[-1][2][k][2]:,}" for k in kinds) + " (the last row's index)."]  # fmt: skip
    return "\n".join(lines)


if __name__ == "__main__":
    main()
