"""Do two versions of archiv make the same index documents? (issue 16: a faster rebuild must index the
very same terms.)

Every group of each record store given is turned into its index document (grouped.group_document,
the documents a rebuild writes), in the store's order with one analysis cache per process, so the
cold and the warm path of the analysis are both used. Each document's fields (all but the record
itself) are hashed; with ``--compare-with OLD`` (an earlier source tree, `git archive REV archiv |
tar -x -C OLD`) the same is done by that code in a subprocess and the hashes are compared.

    .venv/bin/python benchmarks/compare_documents.py --compare-with /tmp/old STORE_DIR [STORE_DIR ...]

With ``--kept`` each group's document kept in the store (search/kept.py: what a rebuild indexes where
its fingerprint matches) is compared with the one this code's analysis makes now, and groups without
a usable kept document are counted.

    .venv/bin/python benchmarks/compare_documents.py --kept STORE_DIR [STORE_DIR ...]
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


def compare_kept(stores: list[Path], limit: int) -> int:
    """How many kept documents differ from a fresh analysis of their groups (printed per store)."""
    from archiv.grouped import group_document, parse_group
    from archiv.search.document import IndexDocument
    from archiv.search.kept import decode, group_fingerprint
    from archiv.store import Store

    names = [f.name for f in fields(IndexDocument) if f.name not in ("vorlage", "record_json")]
    bad = 0
    for folder in stores:
        store = Store(folder)
        seen = usable = differ = 0
        for seen, (group_id, members) in enumerate(store.iter_groups_raw(), 1):
            if seen > limit:
                seen -= 1
                break
            fp = group_fingerprint(group_id, [(m[0], m[3], m[4]) for m in members])
            data = store.kept_documents({group_id: fp}).get(group_id)
            if data is None:
                continue
            usable += 1
            kept, fresh = decode(data), group_document(parse_group(group_id, members))
            if any(getattr(kept, n) != getattr(fresh, n) for n in names):
                differ += 1
                print(f"  {folder}/{group_id} differs")
        store.close()
        print(f"{folder}: {seen} groups, {usable} with a usable kept document, {differ} of them differ")
        bad += differ
    return bad


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stores", nargs="+", type=Path, help="index folders (their record stores are read only)")
    ap.add_argument("--limit", type=int, default=10**9, help="groups per store")
    ap.add_argument("--compare-with", type=Path, help="an earlier archiv source tree")
    ap.add_argument(
        "--kept", action="store_true", help="compare the documents kept in the stores with a fresh analysis"
    )
    ap.add_argument("--dump", action="store_true", help="print this code's digests as JSON (used by --compare-with)")
    args = ap.parse_args()
    stores = [s.resolve() for s in args.stores]
    if args.kept:
        raise SystemExit(1 if compare_kept(stores, args.limit) else 0)
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
