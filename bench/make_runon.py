#!/usr/bin/python3
"""Writes a run-on text: one line of ask-laden words with no sentence end, the worst case for per-sentence rules.

Usage: /usr/bin/python3 bench/make_runon.py DIR [--mb 9] [--seed 3]
Then:  /usr/bin/time -f "%e s %M KB" dotnet lib/AskShift.Cli/bin/Release/net10.0/askshift.dll extract DIR --json > /dev/null
"""
import argparse
import os
import random

WORDS = ("we urge the administration to press China to release Ilham Tohti and we call on the United States to "
         "sanction officials and the government must end the detention of Uyghurs while the secretary should raise "
         "human rights").split()

ap = argparse.ArgumentParser()
ap.add_argument("dir")
ap.add_argument("--mb", type=float, default=9)
ap.add_argument("--seed", type=int, default=3)
a = ap.parse_args()
random.seed(a.seed)
os.makedirs(a.dir, exist_ok=True)
out, n, limit = [], 0, int(a.mb * 1024 * 1024)
while n < limit:
    w = random.choice(WORDS)
    out.append(w)
    n += len(w) + 1
with open(os.path.join(a.dir, "runon.txt"), "w") as f:
    f.write(" ".join(out) + "\n")
