#!/usr/bin/python3
"""Would a learnt classifier have helped the rules on documents they had not seen? A measurement, not a component.

`sentence_classifier.py` and `candidate_filter.py` cross-validate on the development corpus scored with today's rules,
which were tuned on every one of its documents, so the rules they are set beside are a fit. This script sets a
classifier beside the rules as they were when each batch arrived (its first contact, saved by
`first_contact.py --save DIR`), batch by batch: the classifier is trained on the annotations of every other batch
(the first batch, which has no first contact, only ever trains), then

  * filter: the rules' asks in a sentence the classifier gives less than LO are dropped;
  * add: sentences it gives at least HI that no rule ask covers are added as asks;
  * candidates: a second model, trained on the other batches' first-contact asks labelled matched or not, drops the
    rules' asks it gives less than LO.

Every figure is pooled over the batches' documents and paired with the annotations one to one, as `askshift eval` does.
Sentences are split and labelled as in `sentence_classifier.py`; scikit-learn's logistic regression on word 1-2 grams
and character 2-4 grams (Debian's python3-sklearn).

Usage (from a full clone):
    /usr/bin/python3 bench/first_contact.py --save /tmp/first-contact > /dev/null
    /usr/bin/python3 bench/first_contact_filter.py /tmp/first-contact
"""
import argparse
import collections
import glob
import json
import os
import subprocess

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from first_contact import BATCHES, ROOT
from sentence_classifier import candidates, matched, overlap, tokens


def vectorise(fit, *others):
    words = TfidfVectorizer(tokenizer=tokens, lowercase=False, ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=None)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=2, sublinear_tf=True)
    x = hstack([words.fit_transform(fit), chars.fit_transform(fit)]).tocsr()
    return [x] + [hstack([words.transform(o), chars.transform(o)]).tocsr() for o in others]


def score(chosen, gold):
    m = sum(matched(chosen[d], gold[d]) for d in chosen)
    e = sum(len(c) for c in chosen.values())
    a = sum(len(gold[d]) for d in chosen)
    p, r = m / e if e else 0.0, m / a if a else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.3f} ({m} matched, {e} extracted, {a} annotated)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("saved", help="the folder first_contact.py --save wrote")
    ap.add_argument("--C", type=float, default=4.0)
    args = ap.parse_args()

    batch_of, first = {}, {}
    for name, added, _ in BATCHES:
        files = subprocess.run(["git", "show", "--name-only", "--format=", added], cwd=ROOT, check=True, capture_output=True, text=True).stdout
        for path in files.split():
            if path.startswith("corpora/dev/docs/") and os.path.exists(os.path.join(ROOT, path)):
                batch_of.setdefault(os.path.basename(path), name)
        with open(os.path.join(args.saved, name + ".extract.json"), encoding="utf-8") as f:
            asks = json.load(f)["asks"]
        for doc in (d for d, b in batch_of.items() if b == name):
            first[doc] = [a["text"] for a in asks if a["file"] == doc]
    gold, sentences = {}, {}
    for path in sorted(glob.glob(os.path.join(ROOT, "corpora", "dev", "gold", "*.json"))):
        with open(path, encoding="utf-8") as f:
            g = json.load(f)
        with open(os.path.join(ROOT, "corpora", "dev", "docs", g["file"]), encoding="utf-8") as f:
            sentences[g["file"]] = list(candidates(f.read()))
        gold[g["file"]] = [r["text"] for r in g["recommendations"]]
        batch_of.setdefault(g["file"], "first")
    print(f"{len(gold)} documents; {len(first)} with a first contact in {len(BATCHES)} batches")

    rows = [(d, s, int(any(overlap(s, a) >= 0.6 for a in gold[d]))) for d in sorted(gold) for s in sentences[d]]
    prob = np.zeros(len(rows))
    for name, _, _ in BATCHES:
        train = [i for i, r in enumerate(rows) if batch_of[r[0]] != name]
        held = [i for i, r in enumerate(rows) if batch_of[r[0]] == name]
        x_train, x_held = vectorise([rows[i][1] for i in train], [rows[i][1] for i in held])
        model = LogisticRegression(C=args.C, class_weight="balanced", max_iter=2000).fit(x_train, [rows[i][2] for i in train])
        prob[held] = model.predict_proba(x_held)[:, 1]
    by_doc = collections.defaultdict(list)
    for i, (d, s, _) in enumerate(rows):
        by_doc[d].append(i)
    held_rows = [i for i, r in enumerate(rows) if r[0] in first]
    print(f"sentence classifier, held-out batches: ROC AUC {roc_auc_score([rows[i][2] for i in held_rows], prob[held_rows]):.3f}")

    def sentence_of(d, ask):
        best = max(by_doc[d], key=lambda i: overlap(rows[i][1], ask), default=None)
        return best if best is not None and overlap(rows[best][1], ask) >= 0.6 else None

    print("rules alone, first contact:", score(first, gold))
    for lo in (0.1, 0.2, 0.3, 0.4):
        kept = {d: [a for a in asks if (s := sentence_of(d, a)) is None or prob[s] >= lo] for d, asks in first.items()}
        print(f"filter LO {lo}:", score(kept, gold))
    for hi in (0.7, 0.8, 0.9):
        grown = {}
        for d, asks in first.items():
            covered = {sentence_of(d, a) for a in asks}
            grown[d] = asks + [rows[i][1] for i in by_doc[d] if prob[i] >= hi and i not in covered]
        print(f"add HI {hi}:", score(grown, gold))

    # The rules' own first-contact asks, each labelled by whether it pairs with an annotation.
    asks = []
    for d, found in first.items():
        pairs = sorted(((overlap(a, g), i, j) for i, a in enumerate(found) for j, g in enumerate(gold[d])), key=lambda x: (-x[0], x[1], x[2]))
        hit, used = set(), set()
        for o, i, j in pairs:
            if o >= 0.6 and i not in hit and j not in used:
                hit.add(i)
                used.add(j)
        asks += [(d, a, int(i in hit)) for i, a in enumerate(found)]
    ask_prob = np.zeros(len(asks))
    for name, _, _ in BATCHES:
        train = [i for i, a in enumerate(asks) if batch_of[a[0]] != name]
        held = [i for i, a in enumerate(asks) if batch_of[a[0]] == name]
        x_train, x_held = vectorise([asks[i][1] for i in train], [asks[i][1] for i in held])
        model = LogisticRegression(C=args.C, max_iter=2000).fit(x_train, [asks[i][2] for i in train])
        ask_prob[held] = model.predict_proba(x_held)[:, 1]
    print(f"candidate model, matched against not among the rules' asks: ROC AUC {roc_auc_score([a[2] for a in asks], ask_prob):.3f}")
    for lo in (0.3, 0.4, 0.5, 0.6):
        kept = collections.defaultdict(list)
        for d in first:
            kept[d] = [a for i, (dd, a, _) in enumerate(asks) if dd == d and ask_prob[i] >= lo]
        print(f"candidates LO {lo}:", score(dict(kept), gold))


if __name__ == "__main__":
    main()
