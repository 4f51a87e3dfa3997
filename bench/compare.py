#!/usr/bin/python3
"""Side-by-side: AskShift clustering (via the `askshift cluster` CLI) vs scikit-learn TF-IDF + k-means on bench/seed-asks.tsv.

Usage (from the repository root, after `dotnet build lib/AskShift.Cli/AskShift.Cli.csproj`):
    /usr/bin/python3 bench/compare.py [--cli "dotnet lib/AskShift.Cli/bin/Debug/net10.0/askshift.dll"]
Both sides are scored here with sklearn's metrics (NMI with arithmetic normalisation, ARI), so the scorer is the same.
Unsupervised runs use k = number of gold themes and seeds 1..10 (AskShift) / random_state 0..9 (sklearn); the
guided run uses notebooks/codebook.json (seed terms from the codebook's theme descriptions, not from the gold asks).
"""
import argparse, json, os, shlex, statistics, subprocess, tempfile
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score as nmi, adjusted_rand_score as ari

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ap = argparse.ArgumentParser()
ap.add_argument("--cli", default="dotnet " + os.path.join(root, "lib/AskShift.Cli/bin/Debug/net10.0/askshift.dll"))
args = ap.parse_args()

texts, gold = [], []
with open(os.path.join(here, "seed-asks.tsv"), encoding="utf-8") as f:
    for line in f:
        t, g = line.rstrip("\n").split("\t")
        texts.append(t); gold.append(g)
k = len(set(gold))
tmp = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8")
tmp.write("\n".join(texts) + "\n"); tmp.close()

def askshift(*extra):
    out = subprocess.run(shlex.split(args.cli) + ["cluster", "--texts", tmp.name, "--json", *extra], check=True, capture_output=True, text=True).stdout
    res = json.loads(out)
    assert len(res["assignments"]) == len(texts)
    return res

def summary(name, pairs):
    n = [p[0] for p in pairs]; a = [p[1] for p in pairs]
    print(f"{name:<58} NMI mean {statistics.mean(n):.4f} (min {min(n):.4f}, max {max(n):.4f})   ARI mean {statistics.mean(a):.4f} (min {min(a):.4f}, max {max(a):.4f})")

X = TfidfVectorizer(stop_words="english").fit_transform(texts)
sk = []
for s in range(10):
    p = KMeans(n_clusters=k, random_state=s, n_init=10).fit_predict(X)
    sk.append((nmi(gold, p), ari(gold, p)))
ours = []
for s in range(1, 11):
    p = askshift("--k", str(k), "--seed", str(s))["assignments"]
    ours.append((nmi(gold, p), ari(gold, p)))
auto = askshift()
guided = askshift("--codebook", os.path.join(root, "notebooks/codebook.json"))
named = askshift("--codebook", os.path.join(root, "notebooks/codebook.json"), "--guided", "name", "--k", str(k))

print(f"n = {len(texts)} asks, {k} gold themes")
summary(f"sklearn TfidfVectorizer+KMeans(n_init=10), k={k}, 10 seeds", sk)
summary(f"AskShift unsupervised (ML.NET, word+char), k={k}, 10 seeds", ours)
summary(f"AskShift unsupervised, k by silhouette (k={auto['k']})", [(nmi(gold, auto['assignments']), ari(gold, auto['assignments']))])
summary(f"AskShift guided --codebook (seeded, k={guided['k']})", [(nmi(gold, guided['assignments']), ari(gold, guided['assignments']))])
summary(f"AskShift --codebook --guided name, k={k}", [(nmi(gold, named['assignments']), ari(gold, named['assignments']))])
os.unlink(tmp.name)
