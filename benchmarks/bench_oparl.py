"""OParl: how long the object graph of a large archive takes to build, and a page to render.

The server builds the graph (Bodies, Papers, Files, Consultations, Organizations) from every
record when the first OParl request comes and again after the store changed; this measures that
cost on N records made from the text samples (each copied with its own id, Vorlage-Nr. and one of
40 Körperschaften), in a fresh index without a search backend (the graph needs none).

    .venv/bin/python benchmarks/bench_oparl.py [--records N] [--export N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archiv.archive import Archive  # noqa: E402
from archiv.oparl.export import open_site, write_tree  # noqa: E402
from archiv.oparl.lists import ListQuery  # noqa: E402
from archiv.store import Store  # noqa: E402


def fill(index: Path, n: int) -> None:
    seed = index.parent / "seed"
    cmd = [str(ROOT / ".venv/bin/archiv"), "ingest", str(ROOT / "samples/text"), "--index", str(seed), "--quiet"]
    subprocess.run(cmd, check=True, capture_output=True)
    with Archive(seed) as archive:
        base = list(archive.records())
    store = Store(index, create=True)
    with store.db:
        for i in range(n):
            v = base[(i // 2) % len(base)]  # two records of each: a PDF and its scan, say
            sha = hashlib.sha256(f"{v.id}-{i}".encode()).hexdigest()
            copy = replace(
                v,
                id=sha[:16],
                vorlage_nr=f"{v.vorlage_nr or 'DS'}-{i // 2}",  # every second pair of records: one Paper
                koerperschaft=f"Gemeinde Nr. {(i // 2) % 40}",
                source=replace(v.source, sha256=sha, path=f"/ris/{i}/{Path(v.source.path).name}"),
            )
            store.put(copy, (v.text or "x").encode())
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--export", type=int, default=2000, help="records for the static export timing")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    for n, export in ((args.records, False), (args.export, True)):
        with tempfile.TemporaryDirectory() as tmp:
            index = Path(tmp) / "index"
            fill(index, n)
            archive = Archive(index)
            t = time.perf_counter()
            site = open_site(archive, "https://archiv.example", public=False, web=True)
            build = time.perf_counter() - t
            body = sorted(site.cat.bodies)[0]
            t = time.perf_counter()
            page = site.list_page("papers", body, 1, ListQuery())
            first_page = time.perf_counter() - t
            t = time.perf_counter()
            site.object("paper", next(iter(site.cat.papers)))
            one = time.perf_counter() - t
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{n} records: graph {build:.2f} s ({len(site.cat.papers)} Papers, {len(site.cat.files)} Files, "
                  f"{len(site.cat.consultations)} Consultations), first papers page ({len(page['data'])}) "
                  f"{first_page * 1000:.0f} ms, one Paper {one * 1000:.1f} ms, peak RSS {rss:.0f} MiB")  # fmt: skip
            if export:
                t = time.perf_counter()
                report = write_tree(site, Path(tmp) / "site")
                print(f"  static export: {report.objects} objects and pages, {report.files} files in "
                      f"{time.perf_counter() - t:.1f} s")  # fmt: skip
            archive.close()


if __name__ == "__main__":
    main()
