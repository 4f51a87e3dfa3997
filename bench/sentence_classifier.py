"""A learnt sentence classifier for asks, measured beside the rules and dropped (docs/measurements.md).

Candidates are every line of every development document split into sentences (and bullet pieces); a candidate is an
ask when it covers a hand-coded ask by the eval command's matching rule (60% of the shorter span's tokens). A logistic
regression on TF-IDF word 1-2 grams and character 2-4 grams is trained and scored with 6-fold cross-validation grouped
by document, so no document is in its own training folds; the candidates it selects are then paired with the
annotations one to one, as `askshift eval` does, at several probability thresholds.

    /usr/bin/python3 bench/sentence_classifier.py [--C 4]

Measured 2026-11-26 on the 102 documents of corpora/dev (244 hand-coded asks): F1 0.41-0.42 at the best threshold for
C = 1, 4 and 16, against 0.65-0.70 for the rules on documents they had not been revised on.
"""
import argparse
import glob
import json
import os
import re
from collections import Counter

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
SPLIT = re.compile(r"(?<=[.!?。！？；;])\s*|\s*[•·▪◦●■]\s*")


def tokens(s):
    return [t.lower() for t in TOKEN.findall(s)]


def overlap(a, b):
    """Shared tokens (as multisets) over the shorter span's tokens: AskMatching.Overlap."""
    ca, cb = Counter(tokens(a)), Counter(tokens(b))
    ta, tb = sum(ca.values()), sum(cb.values())
    if ta == 0 or tb == 0:
        return 0.0
    return sum(min(c, cb[t]) for t, c in ca.items()) / min(ta, tb)


def matched(pred, ref, threshold=0.6):
    """One-to-one pairs, best overlap first: AskMatching.Match."""
    pairs = sorted(((overlap(p, r), i, j) for i, p in enumerate(pred) for j, r in enumerate(ref)), key=lambda x: (-x[0], x[1], x[2]))
    used_p, used_r, n = set(), set(), 0
    for o, i, j in pairs:
        if o < threshold or i in used_p or j in used_r:
            continue
        used_p.add(i)
        used_r.add(j)
        n += 1
    return n


def candidates(text):
    for line in text.split("\n"):
        for piece in SPLIT.split(line):
            piece = piece.strip()
            if len(tokens(piece)) >= 4:
                yield piece


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--C", type=float, default=4.0, help="inverse regularisation strength")
    args = ap.parse_args()
    docs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "corpora", "dev", "gold", "*.json"))):
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
        with open(os.path.join(ROOT, "corpora", "dev", "docs", gold["file"]), encoding="utf-8") as f:
            text = f.read()
        docs.append([r["text"] for r in gold["recommendations"]])
        docs[-1] = (docs[-1], list(candidates(text)))
    texts, labels, groups = [], [], []
    for d, (gold, cands) in enumerate(docs):
        for c in cands:
            texts.append(c)
            labels.append(int(any(overlap(c, g) >= 0.6 for g in gold)))
            groups.append(d)
    y, groups = np.array(labels), np.array(groups)
    annotated = sum(len(g) for g, _ in docs)
    print(f"{len(docs)} documents, {len(texts)} candidates, {y.sum()} cover an ask, {annotated} hand-coded asks")
    probs = np.zeros(len(texts))
    for train, test in GroupKFold(6).split(texts, y, groups):
        words = TfidfVectorizer(tokenizer=tokens, lowercase=False, ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=None)
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=2, sublinear_tf=True)
        fit = [texts[i] for i in train]
        held = [texts[i] for i in test]
        x_train = hstack([words.fit_transform(fit), chars.fit_transform(fit)]).tocsr()
        x_test = hstack([words.transform(held), chars.transform(held)]).tocsr()
        model = LogisticRegression(C=args.C, class_weight="balanced", max_iter=2000).fit(x_train, y[train])
        probs[test] = model.predict_proba(x_test)[:, 1]
    for threshold in (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        m = p = 0
        for d, (gold, _) in enumerate(docs):
            chosen = [texts[i] for i in np.where((groups == d) & (probs >= threshold))[0]]
            m += matched(chosen, gold)
            p += len(chosen)
        precision = m / p if p else 0.0
        recall = m / annotated
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"threshold {threshold:.2f}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f} ({m} matched, {p} chosen)")


if __name__ == "__main__":
    main()
