#!/usr/bin/python3
"""Clustering on asks nobody tuned on: the hand-coded asks of the annotated corpus's test split (corpora/test/gold).

Usage (from the repository root, after `dotnet build lib/AskShift.Cli/AskShift.Cli.csproj`):
    /usr/bin/python3 bench/compare_test_split.py [--cli "dotnet lib/AskShift.Cli/bin/Debug/net10.0/askshift.dll"]

Side by side, all scored with sklearn's NMI (arithmetic) and ARI, plus accuracy (the share of asks whose theme is the
gold theme) where the method names themes:
  - sklearn TfidfVectorizer + KMeans told the true k (mean of random_state 0..9);
  - AskShift unsupervised, k chosen by silhouette, by stability over resamples, and told the true k (mean of seeds 1..10);
  - AskShift guided by the codebook's seed terms;
  - AskShift guided by seed terms plus coded examples: the hand-coded asks of corpora/dev/gold and the seeds' gold
    (never the test split's own), written to a temporary text<TAB>theme file.
"""
import argparse, glob, json, os, re, shlex, statistics, subprocess, tempfile
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score as nmi, adjusted_rand_score as ari

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ap = argparse.ArgumentParser()
ap.add_argument("--cli", default="dotnet " + os.path.join(root, "lib/AskShift.Cli/bin/Debug/net10.0/askshift.dll"))
args = ap.parse_args()

def asks(paths):
    rows = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            data = json.load(f)
        for doc in (data if isinstance(data, list) else [data]):
            for rec in doc["recommendations"]:
                if rec.get("theme"):
                    rows.append((re.sub(r"\s+", " ", rec["text"]).strip(), rec["theme"]))
    return rows

test = asks(sorted(glob.glob(os.path.join(root, "corpora/test/gold/*.json"))))
train = asks(sorted(glob.glob(os.path.join(root, "corpora/dev/gold/*.json"))))
seeds_gold = os.path.join(root, "..", "shared", "seeds-gold.json")
if os.path.exists(seeds_gold):
    train += asks([seeds_gold])
texts = [t for t, _ in test]; gold = [g for _, g in test]
k = len(set(gold))

def write(lines):
    f = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8")
    f.write("\n".join(lines) + "\n"); f.close()
    return f.name

texts_file = write(texts)
examples_file = write(f"{t}\t{g}" for t, g in train)
codebook = os.path.join(root, "notebooks/codebook.json")

def askshift(*extra):
    out = subprocess.run(shlex.split(args.cli) + ["cluster", "--texts", texts_file, "--json", *extra], check=True, capture_output=True, text=True).stdout
    res = json.loads(out)
    assert len(res["assignments"]) == len(texts)
    return res

def themes_of(res):
    by_id = {c["id"]: c["theme"] for c in res["clusters"]}
    return [by_id[a] for a in res["assignments"]]

def line(name, pairs, acc=None):
    n = [p[0] for p in pairs]; a = [p[1] for p in pairs]
    spread = f" ({min(n):.3f}-{max(n):.3f})" if len(n) > 1 else ""
    print(f"| {name} | {statistics.mean(n):.3f}{spread} | {statistics.mean(a):.3f} | {'-' if acc is None else f'{acc:.3f}'} |")

X = TfidfVectorizer(stop_words="english").fit_transform(texts)
sk = [(nmi(gold, p), ari(gold, p)) for p in (KMeans(n_clusters=k, random_state=s, n_init=10).fit_predict(X) for s in range(10))]
ours_k = []
for s in range(1, 11):
    p = askshift("--k", str(k), "--seed", str(s))["assignments"]
    ours_k.append((nmi(gold, p), ari(gold, p)))
auto = askshift()
stable = askshift("--choose-k", "stability")
seeded = askshift("--codebook", codebook)
examples = askshift("--codebook", codebook, "--examples", examples_file)
acc = lambda res: sum(t == g for t, g in zip(themes_of(res), gold)) / len(gold)

print(f"test split: {len(texts)} hand-coded asks, {k} themes; examples: {len(train)} hand-coded asks from dev and the seeds")
print("| method | NMI | ARI | accuracy |")
print("| --- | --- | --- | --- |")
line(f"sklearn TF-IDF + KMeans, true k = {k}, 10 seeds", sk)
line(f"AskShift unsupervised, k by silhouette (k = {auto['k']})", [(nmi(gold, auto['assignments']), ari(gold, auto['assignments']))])
line(f"AskShift unsupervised, k by stability over resamples (k = {stable['k']})", [(nmi(gold, stable['assignments']), ari(gold, stable['assignments']))])
line(f"AskShift unsupervised, true k = {k}, 10 seeds", ours_k)
line(f"AskShift guided, seed terms (k = {seeded['k']})", [(nmi(gold, seeded['assignments']), ari(gold, seeded['assignments']))], acc(seeded))
line(f"AskShift guided, seed terms + coded examples (k = {examples['k']})", [(nmi(gold, examples['assignments']), ari(gold, examples['assignments']))], acc(examples))
os.unlink(texts_file); os.unlink(examples_file)
