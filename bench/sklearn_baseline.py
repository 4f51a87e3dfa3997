#!/usr/bin/python3
"""scikit-learn baseline for the clustering comparison: TfidfVectorizer + KMeans on bench/seed-asks.tsv.

Usage: /usr/bin/python3 bench/sklearn_baseline.py [--k N] [--seeds 0,1,...]
k defaults to the number of gold themes present. Prints NMI (arithmetic mean normalisation, sklearn's default)
and ARI against the gold themes, per random_state and as the mean over the given random states, so the
comparison is not decided by one lucky initialisation.
"""
import argparse, os, statistics
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score, adjusted_rand_score

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--tsv", default=os.path.join(here, "seed-asks.tsv"))
ap.add_argument("--k", type=int, default=0)
ap.add_argument("--seeds", default="0,1,2,3,4,5,6,7,8,9")
args = ap.parse_args()

texts, gold = [], []
with open(args.tsv, encoding="utf-8") as f:
    for line in f:
        t, g = line.rstrip("\n").split("\t")
        texts.append(t); gold.append(g)
k = args.k or len(set(gold))
X = TfidfVectorizer(stop_words="english").fit_transform(texts)
nmis, aris = [], []
for s in [int(x) for x in args.seeds.split(",")]:
    pred = KMeans(n_clusters=k, random_state=s, n_init=10).fit_predict(X)
    nmi = normalized_mutual_info_score(gold, pred, average_method="arithmetic")
    ari = adjusted_rand_score(gold, pred)
    nmis.append(nmi); aris.append(ari)
    print(f"random_state={s} k={k} NMI={nmi:.4f} ARI={ari:.4f}")
print(f"sklearn TfidfVectorizer(stop_words='english') + KMeans(n_init=10) k={k} n={len(texts)}: "
      f"mean NMI={statistics.mean(nmis):.4f} mean ARI={statistics.mean(aris):.4f} "
      f"(best NMI={max(nmis):.4f}, best ARI={max(aris):.4f})")
