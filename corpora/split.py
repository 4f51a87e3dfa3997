#!/usr/bin/env python3
"""Splits the annotated pool into dev (tune on it) and test (score only when a piece of work is finished).

Run once, before any tuning, on corpora/incoming/<administration>/ (id.txt + id.json pairs). Deterministic: within each
administration, and within that separately for documents with and without Chinese text, documents are ordered by
SHA-1 of "askshift-split-2026:" + id and the first 40% (rounded) go to test. Writes corpora/{dev,test}/{docs,gold}/
and corpora/sources.tsv. Never re-run it to move a document between splits.
"""
import hashlib, json, os, shutil, sys

root = os.path.dirname(os.path.abspath(__file__))
incoming = os.path.join(root, "incoming")
rows = []
for admin in sorted(os.listdir(incoming)):
    folder = os.path.join(incoming, admin)
    if not os.path.isdir(folder):
        continue
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        doc_id = name[:-5]
        gold = json.load(open(os.path.join(folder, name), encoding="utf-8"))
        chinese = any(l.startswith("zh") for l in gold.get("languages", []))
        rows.append((admin, chinese, doc_id, gold))

split = {}
for admin in sorted({r[0] for r in rows}):
    for chinese in (True, False):
        group = sorted((r for r in rows if r[0] == admin and r[1] == chinese),
                       key=lambda r: hashlib.sha1(("askshift-split-2026:" + r[2]).encode()).hexdigest())
        n_test = round(len(group) * 0.4)
        for i, r in enumerate(group):
            split[r[2]] = "test" if i < n_test else "dev"

for part in ("dev", "test"):
    for sub in ("docs", "gold"):
        os.makedirs(os.path.join(root, part, sub), exist_ok=True)
with open(os.path.join(root, "sources.tsv"), "w", encoding="utf-8") as out:
    out.write("id\tsplit\tadministration\tchinese\turl\n")
    for admin, chinese, doc_id, gold in sorted(rows, key=lambda r: (split[r[2]], r[0], r[2])):
        part = split[doc_id]
        src = os.path.join(incoming, admin)
        shutil.copyfile(os.path.join(src, doc_id + ".txt"), os.path.join(root, part, "docs", doc_id + ".txt"))
        shutil.copyfile(os.path.join(src, doc_id + ".json"), os.path.join(root, part, "gold", doc_id + ".json"))
        out.write(f"{doc_id}\t{part}\t{gold['administration']}\t{'yes' if chinese else 'no'}\t{gold['url']}\n")
counts = {p: sum(1 for v in split.values() if v == p) for p in ("dev", "test")}
print(counts, file=sys.stderr)
