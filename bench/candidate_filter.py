#!/usr/bin/python3
"""Would a learnt filter over the rules' candidate asks help? A measurement, not a component of the library.

The extraction rules propose asks; precision on the development corpus is about 0.80 and a fifth of the extras are
restatements (lead summaries, headlines, quotations repeating a reported ask). This script asks whether a classifier
trained on the rules' own output (is this candidate one of the annotator's asks?) could drop extras without losing
matched asks, judged by grouped cross-validation over documents of the development corpus, so no document is scored
by a model that saw it.

Features are what the rules know of a candidate: its form and language, where it sits (line, paragraph, share of the
text before it, a headline-like line near the top, inside a quotation), its first word, its length, how many asks the
document has and where this one falls among them, and its largest word overlap with an earlier and with a later ask
of the same document. Scikit-learn's logistic regression (Debian's python3-sklearn), 5 folds grouped by document.

Usage (from the repository root, after `dotnet build -c Release lib/AskShift.Cli`):
    /usr/bin/python3 bench/candidate_filter.py [--cli "dotnet lib/AskShift.Cli/bin/Release/net10.0/askshift.dll"]
"""
import argparse, collections, json, os, re, shlex, subprocess
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.feature_extraction import DictVectorizer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STOP = set("the and for that with this from have has are was were will its their they them our his her all any must should "
           "urge urges urged urging call calls calling called upon ask asks asked asking also more into not who what when "
           "which would could can been being about over such than then there these those your you we us".split())


def words(s):
    return set(w[:5] for w in re.findall(r"[a-z]{3,}", s.lower()) if w not in STOP) | set(
        s[i:i + 2] for i in range(len(s) - 1) if '\u4e00' <= s[i] <= '\u9fff' and '\u4e00' <= s[i + 1] <= '\u9fff')


def overlap(a, b):
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def char_overlap(a, b):
    o = min(a[1], b[1]) - max(a[0], b[0])
    return o / min(a[1] - a[0], b[1] - b[0]) if o > 0 else 0.0


def quoted(t, pos):
    seg = t[t.rfind('\n', 0, pos) + 1:pos]
    return seg.count('“') > seg.count('”') or seg.count('"') % 2 == 1


def features(t, asks, i):
    a = asks[i]
    s, e = a["start"], a["end"]
    line_no = t.count('\n', 0, s)
    para = t.count('\n\n', 0, s)
    line = t[t.rfind('\n', 0, s) + 1: (t.find('\n', e) if t.find('\n', e) >= 0 else len(t))]
    first = a["text"].split()[0].lower() if a["text"].split() else ""
    w = words(a["text"])
    before = max([overlap(w, words(b["text"])) for b in asks[:i]], default=0.0)
    after = max([overlap(w, words(b["text"])) for b in asks[i + 1:]], default=0.0)
    return {
        "form=" + a["form"]: 1, "lang=" + a["language"]: 1, "first=" + first[:12]: 1,
        "participle": int(first.endswith("ing")), "quoted": int(quoted(t, s)),
        "headline_line": int(line_no < 8 and not re.search(r"[.!?。！？]\s*$", line.strip()) and len(line.split()) <= 25),
        "line_lt3": int(line_no < 3), "para0": int(para == 0), "para1": int(para == 1),
        "rel_pos": s / max(1, len(t)), "log_words": np.log1p(len(a["text"].split())),
        "asks_in_doc": np.log1p(len(asks)), "first_ask": int(i == 0), "last_ask": int(i == len(asks) - 1),
        "overlap_before": before, "overlap_after": after, "truncated": int(bool(a.get("truncated"))),
        "said_after": int(bool(re.match(r"[”\"’]?\s*,?\s*(said|says|added|told)", t[e:e + 30]))),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default="dotnet lib/AskShift.Cli/bin/Release/net10.0/askshift.dll")
    args = ap.parse_args()
    docs_dir, gold_dir = os.path.join(ROOT, "corpora", "dev", "docs"), os.path.join(ROOT, "corpora", "dev", "gold")
    out = subprocess.run(shlex.split(args.cli) + ["extract", docs_dir, "--json", "-q"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    by = collections.defaultdict(list)
    for a in json.loads(out)["asks"]:
        by[a["file"]].append(a)
    X, y, groups, total_gold = [], [], [], 0
    for name in sorted(os.listdir(gold_dir)):
        g = json.load(open(os.path.join(gold_dir, name), encoding="utf-8"))
        t = open(os.path.join(docs_dir, g["file"]), encoding="utf-8").read()
        gold = [(r["start"], r["end"]) for r in g["recommendations"]]
        total_gold += len(gold)
        asks = sorted(by.get(g["file"], []), key=lambda a: a["start"])
        used = set()
        for i, a in enumerate(asks):
            hit = next((k for k, gs in enumerate(gold) if k not in used and char_overlap((a["start"], a["end"]), gs) >= 0.5), None)
            if hit is not None:
                used.add(hit)
            X.append(features(t, asks, i)); y.append(int(hit is not None)); groups.append(g["file"])
    y, groups = np.array(y), np.array(groups)
    vec = DictVectorizer()
    Xm = vec.fit_transform(X)
    probs = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(Xm, y, groups):
        model = LogisticRegression(C=1.0, max_iter=2000, class_weight=None).fit(Xm[train], y[train])
        probs[test] = model.predict_proba(Xm[test])[:, 1]

    def score(keep):
        m, e = int(y[keep].sum()), int(keep.sum())
        p, r = (m / e if e else 0.0), m / total_gold
        return round(p, 3), round(r, 3), round(2 * p * r / (p + r) if p + r else 0.0, 3), m, e

    report = {"candidates": int(len(y)), "matched_candidates": int(y.sum()), "gold_asks": total_gold,
              "rules_alone": dict(zip(["precision", "recall", "f1", "matched", "extracted"], score(np.ones(len(y), bool))))}
    report["filtered"] = {f"{t:.2f}": dict(zip(["precision", "recall", "f1", "matched", "extracted"], score(probs >= t)))
                          for t in (0.2, 0.3, 0.4, 0.5)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
