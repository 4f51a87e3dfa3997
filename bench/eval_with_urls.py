#!/usr/bin/env python3
"""Scores a split as a researcher who kept each page's address would see it: text only, and with the URL.

Usage: /usr/bin/python3 bench/eval_with_urls.py [dev|test] [--cli PATH_TO_askshift.dll]

`askshift eval` on corpora/<split>/docs reads the text alone. A researcher who scraped their documents usually has each
page's URL too, and puts it in the corpus's metadata sheet (README, "A researcher's workflow"); the library then weighs
the date the URL carries against the text's. This script copies the split's documents to a temporary folder with a
`metadata.csv` (file,url) built from corpora/sources.tsv, runs `askshift eval --json` on both folders and prints the
totals only (never a document's asks or text, so it is safe on the held-out test split).
"""
import csv, json, os, shutil, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
split = next((a for a in sys.argv[1:] if a in ("dev", "test")), "dev")
cli = sys.argv[sys.argv.index("--cli") + 1] if "--cli" in sys.argv else None
if cli is None:
    subprocess.run(["dotnet", "build", os.path.join(root, "lib", "AskShift.Cli"), "-c", "Release", "-v", "q", "-nologo"],
                   check=True, stdout=subprocess.DEVNULL)
    cli = os.path.join(root, "lib", "AskShift.Cli", "bin", "Release", "net10.0", "askshift.dll")
docs = os.path.join(root, "corpora", split, "docs")
gold = os.path.join(root, "corpora", split, "gold")
urls = {}
with open(os.path.join(root, "corpora", "sources.tsv"), encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter="\t"):
        if row["split"] == split:
            urls[row["id"] + ".txt"] = row["url"]


def totals(folder):
    out = subprocess.run(["dotnet", cli, "eval", gold, folder, "--json"], check=True, capture_output=True, text=True).stdout
    t = json.loads(out)["totals"]
    iv = t["intervals"]
    return (f"asks P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f} ({iv['f1'][0]:.2f}-{iv['f1'][1]:.2f}), "
            f"administration {t['administrationRight']} / {t['documents']} ({iv['administration'][0]:.2f}-{iv['administration'][1]:.2f}), "
            f"dates {t['datesRight']} / {t['datesScored']}")


with tempfile.TemporaryDirectory() as tmp:
    copy = os.path.join(tmp, "docs")
    shutil.copytree(docs, copy)
    missing = [n for n in os.listdir(copy) if n.endswith(".txt") and n not in urls]
    if missing:
        sys.exit(f"{len(missing)} document(s) of {split} have no row in corpora/sources.tsv")
    with open(os.path.join(copy, "metadata.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "url"])
        for name in sorted(n for n in os.listdir(copy) if n.endswith(".txt")):
            w.writerow([name, urls[name]])
    print(f"{split}, text only: {totals(docs)}")
    print(f"{split}, with URLs: {totals(copy)}")
