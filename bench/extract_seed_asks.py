#!/usr/bin/python3
"""Write bench/seed-asks.tsv (text<TAB>theme) from the hand-annotated seeds, so the C# and sklearn sides read the same file.

Usage: /usr/bin/python3 bench/extract_seed_asks.py [../shared/seeds-gold.json] [bench/seed-asks.tsv]
Whitespace (including newlines and tabs inside an ask) is collapsed to one space so each ask is one line.
"""
import json, re, sys, os

here = os.path.dirname(os.path.abspath(__file__))
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "seeds-gold.json")
dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "seed-asks.tsv")
with open(src, encoding="utf-8") as f:
    docs = json.load(f)
rows = []
for doc in docs:
    for rec in doc["recommendations"]:
        text = re.sub(r"\s+", " ", rec["text"]).strip()
        rows.append((text, rec["theme"]))
with open(dst, "w", encoding="utf-8", newline="\n") as f:
    for text, theme in rows:
        f.write(f"{text}\t{theme}\n")
print(f"wrote {len(rows)} asks, {len(set(t for _, t in rows))} themes to {dst}")
