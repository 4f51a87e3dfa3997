#!/usr/bin/env python3
"""Admits a collected batch to a split without anyone reading it first.

Usage: /usr/bin/python3 corpora/admit_blind.py corpora/incomingN BATCH_NAME [--split test|dev] [--apply]

Checks every <id>.txt / <id>.json pair under corpora/incomingN/<administration>/: valid JSON, the id is the first 12
hex digits of the SHA-1 of the URL, every span equals its offsets, every theme is a codebook code, the URL is neither
in corpora/sources.tsv nor in ../shared/reserved-sources.txt, and no text shares more than a tenth of its 8-word
(12-character for Chinese) shingles with a seed, dev or test text. It prints counts only, never text, titles or URLs,
so the developers stay blind to the batch until it is scored on first contact. With --apply (and no problem found) it
copies the pairs to corpora/<split>/ (test unless --split dev), appends their rows to sources.tsv and each collector's
NOTES.md to corpora/notes/<split>-BATCH-<admin>.md.
"""
import hashlib, json, os, re, shutil, sys

root = os.path.dirname(os.path.abspath(__file__))
project = os.path.dirname(root)
incoming, batch = sys.argv[1], sys.argv[2]
apply = "--apply" in sys.argv[3:]
split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else "test"
if split not in ("test", "dev"):
    sys.exit("--split is test or dev")

codes = {t["code"] for t in json.load(open(os.path.join(project, "notebooks", "codebook.json"), encoding="utf-8"))["themes"]}
def norm_url(u):
    u = re.sub(r"^https?://(www\.)?", "", u.strip().lower())
    return u.rstrip("/")
known = {}
for line in open(os.path.join(root, "sources.tsv"), encoding="utf-8").read().splitlines()[1:]:
    cols = line.split("\t")
    known[norm_url(cols[4])] = cols[0]
reserved = {norm_url(l) for l in open(os.path.join(project, "..", "shared", "reserved-sources.txt"), encoding="utf-8")
            if l.strip() and not l.startswith("#")}

def shingles(t):
    if re.search(r"[\u3400-\u9fff]", t):
        s = re.sub(r"\s+", "", t)
        return {s[i:i + 12] for i in range(max(0, len(s) - 11))}
    w = re.findall(r"\w+", t.lower())
    return {" ".join(w[i:i + 8]) for i in range(max(0, len(w) - 7))}

corpus = []
for folder in (os.path.join(project, "seeds"), os.path.join(root, "dev", "docs"), os.path.join(root, "test", "docs")):
    for n in sorted(os.listdir(folder)):
        if n.endswith(".txt"):
            corpus.append(shingles(open(os.path.join(folder, n), encoding="utf-8").read()))

problems, rows, asks, chinese, most = [], [], 0, 0, 0.0
for admin in sorted(os.listdir(incoming)):
    folder = os.path.join(incoming, admin)
    if not os.path.isdir(folder):
        continue
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".json")):
        doc_id = name[:-5]
        where = f"{admin}/{doc_id}"
        try:
            gold = json.load(open(os.path.join(folder, name), encoding="utf-8"))
            text = open(os.path.join(folder, doc_id + ".txt"), encoding="utf-8").read()
        except (OSError, ValueError) as e:
            problems.append(f"{where}: unreadable ({type(e).__name__})")
            continue
        url = gold.get("url", "")
        if hashlib.sha1(url.encode()).hexdigest()[:12] != doc_id:
            problems.append(f"{where}: id is not the SHA-1 of its URL")
        if norm_url(url) in known:
            problems.append(f"{where}: URL already in sources.tsv")
        if norm_url(url) in reserved:
            problems.append(f"{where}: URL is a reserved source")
        if gold.get("administration") != admin:
            problems.append(f"{where}: administration is not its folder's")
        for r in gold.get("recommendations", []):
            if text[r["start"]:r["end"]] != r["text"]:
                problems.append(f"{where}: ask {r.get('ordinal')} does not match its offsets")
            for key in ("theme", "secondary_theme"):
                if r.get(key) and r[key] not in codes:
                    problems.append(f"{where}: ask {r.get('ordinal')} has a {key} that is not a codebook code")
        mine = shingles(text)
        overlap = max((len(mine & other) / len(mine) for other in corpus if mine), default=0)
        most = max(most, overlap)
        if overlap > 0.1:
            problems.append(f"{where}: shares {overlap:.0%} of its shingles with a seed, dev or test text")
        zh = any(l.startswith("zh") for l in gold.get("languages", []))
        chinese += zh
        asks += len(gold.get("recommendations", []))
        rows.append((admin, doc_id, zh, url, folder))

by_admin = {a: sum(1 for r in rows if r[0] == a) for a in sorted({r[0] for r in rows})}
print(f"{len(rows)} documents {by_admin}, {chinese} with Chinese text, {asks} asks; the most any shares with an earlier text: {most:.1%} of its shingles; {len(problems)} problem(s)")
for p in problems:
    print("  " + p)
if problems or not apply:
    sys.exit(1 if problems else 0)
for admin, doc_id, zh, url, folder in rows:
    for sub, ext in (("docs", ".txt"), ("gold", ".json")):
        target = os.path.join(root, split, sub, doc_id + ext)
        if os.path.exists(target):
            sys.exit(f"{target} exists already: nothing more copied")
        shutil.copyfile(os.path.join(folder, doc_id + ext), target)
with open(os.path.join(root, "sources.tsv"), "a", encoding="utf-8") as out:
    for admin, doc_id, zh, url, folder in rows:
        out.write(f"{doc_id}\t{split}\t{admin}\t{'yes' if zh else 'no'}\t{url}\n")
for admin in by_admin:
    notes = os.path.join(incoming, admin, "NOTES.md")
    if os.path.exists(notes):
        shutil.copyfile(notes, os.path.join(root, "notes", f"{split}-{batch}-{admin}.md"))
print(f"admitted to {split}: {len(rows)} documents")
