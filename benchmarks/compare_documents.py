"""Do two versions of archiv make the same index documents? (issue 16: a faster rebuild must index the
very same terms.)

Every group of each record store given is turned into its index document (grouped.group_document,
the documents a rebuild writes), in the store's order with one analysis cache per process, so the
cold and the warm path of the analysis are both used. Each document's fields (all but the record
itself) are hashed; with ``--compare-with OLD`` (an earlier source tree, `git archive REV archiv |
tar -x -C OLD`) the same is done by that code in a subprocess and the hashes are compared.

    .venv/bin/python benchmarks/compare_documents.py --compare-with /tmp/old STORE_DIR [STORE_DIR ...]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from dataclasses import fields
from pathlib import Path


def digests(stores: list[Path], limit: int) -> dict[str, str]:
    """{store/group id: sha256 of the document's fields} made by the archiv on sys.path."""
    from archiv.grouped import VorlageGroup, group_document
    from archiv.grouping import Membership
    from archiv.models import Vorlage
    from archiv.search.document import IndexDocument
    from archiv.store import Store

    names = [f.name for f in fields(IndexDocument) if f.name not in ("vorlage", "record_json")]
    out = {}
    for folder in stores:
        store = Store(folder)
        for n, (group_id, members) in enumerate(store.iter_groups_raw()):
            if n >= limit:
                break
            parsed = [(Vorlage.from_dict(json.loads(m[2])), Membership(group_id, m[3], m[4])) for m in members]
            doc = group_document(VorlageGroup.of(group_id, parsed))
            values = json.dumps([getattr(doc, name) for name in names], ensure_ascii=False)
            out[f"{folder}/{group_id}"] = hashlib.sha256(values.encode()).hexdigest()
        store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stores", nargs="+", type=Path, help="index folders (their record stores are read only)")
    ap.add_argument("--limit", type=int, default=10**9, help="groups per store")
    ap.add_argument("--compare-with", type=Path, help="an earlier archiv source tree")
    ap.add_argument("--dump", action="store_true", help="print this code's digests as JSON (used by --compare-with)")
    args = ap.parse_args()
    stores = [s.resolve() for s in args.stores]
    mine = digests(stores, args.limit)
    if args.dump or not args.compare_with:
        print(json.dumps(mine))
        return
    src = args.compare_with.resolve()
    cmd = [sys.executable, str(Path(__file__).resolve()), "--dump", "--limit", str(args.limit), *map(str, stores)]
    env = {**os.environ, "PYTHONPATH": str(src)}
    theirs = json.loads(subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, env=env, cwd=src).stdout)
    differ = sorted(k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k))
    print(f"{len(mine)} documents, {len(differ)} differ from {src}")
    for k in differ[:20]:
        print(f"  {k}")
    raise SystemExit(1 if differ else 0)


if __name__ == "__main__":
    main()
