#!/usr/bin/python3
"""Peak memory and time of `askshift extract DIR --json -q` loaded whole and in windows, at two corpus sizes.

Issue 13 asks for memory bounded by streaming where a corpus does not fit comfortably. A whole load holds every
document (about ten times its text); `--window-mb N` loads N megabytes of files at a time (`Corpus.Stream`). This runs
both on corpora from `bench synth` of each size given, alternating the runs, and prints each run's wall time and peak
resident memory (GNU time's %M), with the folder's size counting only the files the loader reads. Every run's output
is compared byte for byte with the whole load's, and the script fails if any differs. No Python peer loads documents
like these, so the figures are how memory grows with the corpus in each mode, not a ratio to another tool.

Usage (from the repository root, after `dotnet build -c Release lib/AskShift.Cli bench/AskShift.Bench`):
  /usr/bin/python3 bench/window_memory.py [--docs 20000,100000] [--window-mb 4] [--rounds 1]
Generating 100,000 documents takes about half a minute and each run of them about 25 s on the 2-core machine.
"""
import argparse, os, re, shutil, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def size_mb(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs if not f.endswith(".tsv")) / 1e6


def extract(askshift, folder, extra):
    """Wall seconds, peak resident kilobytes and stdout of one whole `extract` process under GNU time."""
    out = tempfile.NamedTemporaryFile(delete=False)
    out.close()
    try:
        t = time.perf_counter()
        with open(out.name, "wb") as stdout:
            p = subprocess.run(["/usr/bin/time", "-f", "@peak %M", "dotnet", askshift, "extract", folder, "--json", "-q", *extra],
                               stdout=stdout, stderr=subprocess.PIPE, text=True)
        secs = time.perf_counter() - t
        if p.returncode != 0:
            sys.exit(f"extract {folder} {' '.join(extra)}: exit {p.returncode}: {p.stderr[-500:]}")
        peak = int(re.search(r"@peak (\d+)", p.stderr).group(1))
        with open(out.name, "rb") as f:
            return secs, peak, f.read()
    finally:
        os.unlink(out.name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", default="20000,100000", help="corpus sizes, comma-separated")
    ap.add_argument("--window-mb", default="4")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--askshift", default=os.path.join(root, "lib", "AskShift.Cli", "bin", "Release", "net10.0", "askshift.dll"))
    ap.add_argument("--bench", default=os.path.join(root, "bench", "AskShift.Bench", "bin", "Release", "net10.0", "AskShift.Bench.dll"))
    a = ap.parse_args()
    if not os.path.exists("/usr/bin/time"):
        sys.exit("/usr/bin/time (GNU time) is needed for peak memory: apt-get install time")
    for f in (a.askshift, a.bench):
        if not os.path.exists(f):
            sys.exit(f"{f} not found: build it first (dotnet build -c Release lib/AskShift.Cli bench/AskShift.Bench)")
    work = tempfile.mkdtemp(prefix="askshift-windows-")
    failed = False
    try:
        for n in (int(x) for x in a.docs.split(",")):
            corpus = os.path.join(work, f"syn{n}")
            p = subprocess.run(["dotnet", a.bench, "synth", corpus, "-n", str(n)], capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"bench synth failed:\n{p.stderr}")
            print(f"{n} documents, {size_mb(corpus):.1f} MB of files", flush=True)
            reference = None
            for r in range(a.rounds):
                for label, extra in (("whole", ["--window-mb", "1048576"]), (f"windows of {a.window_mb} MB", ["--window-mb", a.window_mb])):
                    secs, peak, out = extract(a.askshift, corpus, extra)
                    reference = reference or out
                    same = out == reference
                    failed |= not same
                    print(f"  {label:>18}: {secs:6.2f} s, peak {peak / 1024:7.0f} MB, {'same output' if same else 'OUTPUT DIFFERS'}", flush=True)
            shutil.rmtree(corpus)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failed:
        sys.exit("outputs differ between a whole load and windows")


if __name__ == "__main__":
    main()
