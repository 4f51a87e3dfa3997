#!/usr/bin/env python3
"""Could a text classifier place the documents the rules leave without an administration? (Measured, not adopted.)

Usage: /usr/bin/python3 bench/administration_classifier.py [--cli PATH_TO_askshift.dll]

Trains scikit-learn's logistic regression on character 2-3 grams (TF-IDF, within word boundaries) of the development
documents' text to predict their hand-coded administration, leaving one collection batch out at a time (the batches
are read from the commits that added the documents), and reports its accuracy on all documents and on those the rules
(`askshift eval --json`) leave "unknown", at several confidence thresholds. Reads only corpora/dev.
"""
import json, os, subprocess, sys
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
dev = os.path.join(root, "corpora", "dev")
cli = sys.argv[sys.argv.index("--cli") + 1] if "--cli" in sys.argv else None
if cli is None:
    subprocess.run(["dotnet", "build", os.path.join(root, "lib", "AskShift.Cli"), "-c", "Release", "-v", "q", "-nologo"],
                   check=True, stdout=subprocess.DEVNULL)
    cli = os.path.join(root, "lib", "AskShift.Cli", "bin", "Release", "net10.0", "askshift.dll")
report = json.loads(subprocess.run(["dotnet", cli, "eval", os.path.join(dev, "gold"), os.path.join(dev, "docs"), "--json"],
                                   check=True, capture_output=True, text=True).stdout)
rules = {d["file"]: d["administration"] for d in report["documents"]}
gold = {d["file"]: d["goldAdministration"] for d in report["documents"]}

# The batch of each document: the commit that first added it.
log = subprocess.run(["git", "log", "--reverse", "--format=@%h", "--name-only", "--diff-filter=A", "--", "corpora/dev/docs"],
                     cwd=root, check=True, capture_output=True, text=True).stdout
batch, commit = {}, None
for line in log.splitlines():
    if line.startswith("@"):
        commit = line[1:]
    elif line.strip():
        batch.setdefault(os.path.basename(line.strip()), commit)

files = sorted(gold)
texts = [open(os.path.join(dev, "docs", f), encoding="utf-8").read() for f in files]
y = np.array([gold[f] for f in files])
groups = np.array([batch.get(f, "?") for f in files])
pred = np.empty(len(files), dtype=object)
conf = np.zeros(len(files))
for b in sorted(set(groups)):
    train, test = groups != b, groups == b
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3), sublinear_tf=True, min_df=3)
    model = LogisticRegression(C=10, max_iter=2000)
    model.fit(vec.fit_transform([t for t, k in zip(texts, train) if k]), y[train])
    p = model.predict_proba(vec.transform([t for t, k in zip(texts, test) if k]))
    pred[test] = model.classes_[p.argmax(1)]
    conf[test] = p.max(1)

unknown = np.array([rules[f] == "unknown" for f in files])
right = pred == y
print(f"{len(files)} documents in {len(set(groups))} batches, each predicted by a model trained on the other batches")
print(f"classifier alone: {right.sum()} / {len(files)} right ({right.mean():.3f}); the rules: "
      f"{sum(rules[f] == gold[f] for f in files)} / {len(files)}")
print(f"documents the rules leave unknown: {unknown.sum()}")
for threshold in (0.0, 0.4, 0.5, 0.6):
    chosen = unknown & (conf >= threshold)
    print(f"  confidence >= {threshold:.1f}: {chosen.sum()} placed, {right[chosen].sum()} of them right")
