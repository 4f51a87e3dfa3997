#!/usr/bin/python3
"""Clustering at scale, AskShift beside scikit-learn, same generated asks, same k, one run, whole processes.

Asks are generated from the 231 hand-coded asks (bench/seed-asks.tsv and the development corpus's gold, 18 themes):
each generated ask is a hand-coded one with 15% of its words dropped and three words inserted from other asks of the
same theme, and it keeps that theme as its planted label. Both tools cluster the same file with the same k (the
number of planted themes), and both are scored here, with sklearn's NMI and ARI, against the planted labels.

  AskShift: `askshift cluster --texts FILE --k K --json` (its default features: word 1-2 grams and char 3-5 grams).
  sklearn:  TfidfVectorizer(ngram_range=(1, 2), stop_words="english") + KMeans(n_clusters=K, n_init=10), in a
            process of its own, started the same way.

Usage (from the repository root, after `dotnet build -c Release lib/AskShift.Cli`):
  /usr/bin/python3 bench/cluster_scale.py [--sizes 1000,10000,100000] [--cli "dotnet .../askshift.dll"] [--choose-k]
--choose-k also times `askshift cluster --texts FILE` (k chosen) at each size, with its peak memory.
"""
import argparse, glob, json, os, random, re, shlex, subprocess, tempfile, time
from sklearn.metrics import normalized_mutual_info_score as nmi, adjusted_rand_score as ari

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)

SKLEARN = r'''
import json, sys
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.cluster import KMeans
texts = open(sys.argv[1], encoding="utf-8").read().splitlines()
X = TfidfVectorizer(ngram_range=(1, 2), stop_words="english").fit_transform(texts)
labels = KMeans(n_clusters=int(sys.argv[2]), n_init=10, random_state=0).fit_predict(X)
print(json.dumps([int(x) for x in labels]))
'''


def templates():
    out = []
    with open(os.path.join(here, "seed-asks.tsv"), encoding="utf-8") as f:
        for line in f:
            t, g = line.rstrip("\n").split("\t")
            out.append((t, g))
    for path in sorted(glob.glob(os.path.join(root, "corpora", "dev", "gold", "*.json"))):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for r in doc.get("recommendations", []):
            if r.get("theme"):
                out.append((r["text"], r["theme"]))
    return out


def generate(n, seed=7):
    rng = random.Random(seed)
    base = templates()
    pools = {}
    for t, g in base:
        pools.setdefault(g, []).extend(re.findall(r"\w+", t))
    texts, labels = [], []
    for _ in range(n):
        t, g = base[rng.randrange(len(base))]
        words = [w for w in t.split() if rng.random() >= 0.15] or t.split()
        for _ in range(3):
            words.insert(rng.randrange(len(words) + 1), rng.choice(pools[g]))
        texts.append(" ".join(words).replace("\n", " "))
        labels.append(g)
    return texts, labels


def timed(cmd):
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if p.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed: {p.stderr[-2000:]}")
    peak_kb = int(p.stderr.strip().splitlines()[-1])
    return p.stdout, elapsed, peak_kb / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--cli", default="dotnet " + os.path.join(root, "lib/AskShift.Cli/bin/Release/net10.0/askshift.dll"))
    ap.add_argument("--choose-k", action="store_true")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(s) for s in args.sizes.split(",")]:
            texts, labels = generate(n)
            k = len(set(labels))
            path = os.path.join(tmp, f"asks-{n}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(texts) + "\n")
            out, a_s, a_mb = timed(shlex.split(args.cli) + ["cluster", "--texts", path, "--k", str(k), "--json"])
            a = json.loads(out)["assignments"]
            out, s_s, s_mb = timed(["/usr/bin/python3", "-c", SKLEARN, path, str(k)])
            s = json.loads(out)
            row = {"asks": n, "k": k,
                   "askshift_s": round(a_s, 2), "askshift_mb": round(a_mb), "askshift_nmi": round(nmi(labels, a), 3), "askshift_ari": round(ari(labels, a), 3),
                   "sklearn_s": round(s_s, 2), "sklearn_mb": round(s_mb), "sklearn_nmi": round(nmi(labels, s), 3), "sklearn_ari": round(ari(labels, s), 3),
                   "time_ratio": round(a_s / s_s, 2)}
            if args.choose_k:
                out, c_s, c_mb = timed(shlex.split(args.cli) + ["cluster", "--texts", path, "--json"])
                row.update({"chosen_k": json.loads(out)["k"], "choose_k_s": round(c_s, 1), "choose_k_mb": round(c_mb)})
            rows.append(row)
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
