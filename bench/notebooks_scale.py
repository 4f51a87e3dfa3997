#!/usr/bin/python3
"""The four notebooks over a generated corpus of N documents (default 2,000), each run timed as a whole process.

A researcher who points the notebooks at their own statements runs the same commands with a bigger corpusPath: this
times exactly that. The corpus comes from `bench synth` (documents from 2009 to 2026 with planted asks); the notebooks
are copied into a scratch folder beside notebooks/ (`.nbscale-*`, removed afterwards), so the committed ones are never
rewritten and their relative paths (`../lib`, `../corpora`, `../bench`) still hold, and each runs through
`askshift notebooks run` with `-p corpusPath=...` (the other parameters keep their committed defaults). The default corpus of the committed notebooks (the seeds and the
78 development documents) is timed the same way in the same run, for the ratio. No Python peer runs notebooks like
these, so the figure is the time per notebook and how it grows with the corpus, not a ratio to another tool.

Usage (from the repository root, after `dotnet build -c Release lib/AskShift.Cli bench/AskShift.Bench`):
  /usr/bin/python3 bench/notebooks_scale.py [--docs 2000] [--askshift lib/AskShift.Cli/bin/Release/net10.0/askshift.dll]
Pictures are drawn as in the main job when Chromium is there; --no-images leaves them out.
"""
import argparse, json, os, re, shutil, subprocess, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
NOTEBOOKS = ["01-corpus.ipynb", "02-clusters.ipynb", "03-timelines.ipynb", "04-wording.ipynb"]


def run(cmd, **kw):
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return time.perf_counter() - t, p


def peak_kb(stderr):
    m = re.search(r"@peak (\d+)", stderr)
    return int(m.group(1)) if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--askshift", default=os.path.join(root, "lib", "AskShift.Cli", "bin", "Release", "net10.0", "askshift.dll"))
    ap.add_argument("--bench", default=os.path.join(root, "bench", "AskShift.Bench", "bin", "Release", "net10.0", "AskShift.Bench.dll"))
    ap.add_argument("--no-images", action="store_true")
    ap.add_argument("--timeout", type=int, default=1800, help="per-cell timeout of the runs, seconds")
    a = ap.parse_args()
    for f in (a.askshift, a.bench):
        if not os.path.exists(f):
            raise SystemExit(f"{f} not found: build it first (dotnet build -c Release lib/AskShift.Cli bench/AskShift.Bench)")

    work = tempfile.mkdtemp(prefix="askshift-nbscale-")
    scratch = os.path.join(root, f".nbscale-{os.getpid()}")  # a sibling of notebooks/, so "../lib" still resolves
    try:
        corpus = os.path.join(work, "corpus")
        secs, p = run(["dotnet", a.bench, "synth", corpus, "-n", str(a.docs)])
        if p.returncode != 0:
            raise SystemExit(f"bench synth failed:\n{p.stderr}")
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(corpus) for f in fs)
        print(f"corpus: {a.docs} documents, {size / 1e6:.1f} MB ({p.stdout.strip()})", flush=True)

        default_corpus = ";".join([os.path.join(root, "seeds"), os.path.join(root, "corpora", "dev", "docs")])
        results = {}
        defaults = sum(1 for d in ("seeds", os.path.join("corpora", "dev", "docs")) for f in os.listdir(os.path.join(root, d)) if not f.startswith("README"))
        for label, corpus_path in ((f"default corpus (seeds + dev, {defaults} documents)", default_corpus), (f"{a.docs} generated documents", corpus)):
            results[label] = {}
            for nb in NOTEBOOKS:
                shutil.rmtree(scratch, ignore_errors=True)
                shutil.copytree(os.path.join(root, "notebooks"), scratch)
                params = ["-p", f"corpusPath={corpus_path}"]
                cmd = ["/usr/bin/time", "-f", "@peak %M", "dotnet", a.askshift, "notebooks", "run", os.path.join(scratch, nb),
                       "--timeout", str(a.timeout)] + params + (["--no-images"] if a.no_images else [])
                secs, p = run(cmd, cwd=scratch)
                ok = p.returncode == 0
                results[label][nb] = {"seconds": round(secs, 1), "ok": ok, "peak_mb": round((peak_kb(p.stderr) or 0) / 1024)}
                print(f"{label:45s} {nb:20s} {secs:7.1f} s  {'ok' if ok else 'FAILED'}  peak {results[label][nb]['peak_mb']} MB", flush=True)
                if not ok:
                    print((p.stdout + p.stderr)[-2000:])
        print(json.dumps(results, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
