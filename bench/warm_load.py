#!/usr/bin/python3
"""One folder loaded again and again in one process (`bench warm`), by this checkout's library and by an earlier one's.

Wall times on a shared machine move from run to run by more than a change to the loading path does; what a load
allocates does not, and CPU time moves less than wall time. This builds the bench against the library as it stood at
--base (a git worktree of that revision, given this checkout's `bench warm` command, which older revisions lack), runs
the two builds in turn, and prints for each the best wall and CPU time of the warm loads (every round but the first,
which pays for the JIT), what a load allocated, and the ratios. Documents and asks must agree between the builds.

Usage (from the repository root):
  dotnet build -c Release bench/AskShift.Bench
  /usr/bin/python3 bench/warm_load.py --base 8c38cf8 [--runs 2] [--rounds 6] FOLDER
"""
import argparse, os, re, shutil, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
BENCH = os.path.join("bench", "AskShift.Bench")
DLL = os.path.join(BENCH, "bin", "Release", "net10.0", "AskShift.Bench.dll")
LINE = re.compile(r"round (\d+): wall ([\d.]+) s, cpu ([\d.]+) s, allocated (\d+) MB, gen0 \d+, documents (\d+), asks (\d+)")


def run(dll, folder, rounds):
    out = subprocess.run(["dotnet", dll, "warm", folder, "--rounds", str(rounds)], check=True, capture_output=True, text=True).stdout
    rows = [tuple(float(x) for x in m.groups()) for m in LINE.finditer(out)]
    if len(rows) != rounds:
        sys.exit(f"unexpected output from {dll}:\n{out}")
    warm = rows[1:]
    return (min(r[1] for r in warm), min(r[2] for r in warm), sorted(r[3] for r in warm)[len(warm) // 2], (rows[0][4], rows[0][5]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--base", required=True, help="the earlier revision to compare with")
    ap.add_argument("--runs", type=int, default=2, help="processes per build, alternating")
    ap.add_argument("--rounds", type=int, default=6, help="loads per process")
    a = ap.parse_args()
    if a.rounds < 2:
        sys.exit("--rounds must be 2 or more: the first load pays for the JIT")
    work = tempfile.mkdtemp(prefix="askshift-warm-")
    tree = os.path.join(work, "base")
    subprocess.run(["git", "worktree", "add", "--detach", "-f", tree, a.base], cwd=root, check=True, stdout=subprocess.DEVNULL)
    try:
        for name in ("Program.cs", "WarmLoad.cs"):
            shutil.copy(os.path.join(root, BENCH, name), os.path.join(tree, BENCH, name))
        subprocess.run(["dotnet", "build", "-c", "Release", BENCH, "-v", "q"], cwd=tree, check=True, stdout=subprocess.DEVNULL)
        builds = {"base": os.path.join(tree, DLL), "this": os.path.join(root, DLL)}
        results = {k: [] for k in builds}
        for i in range(a.runs):
            for name, dll in builds.items():
                wall, cpu, alloc, counts = run(dll, a.folder, a.rounds)
                results[name].append((wall, cpu, alloc, counts))
                print(f"run {i + 1} {name:4}: best warm wall {wall:.2f} s, best warm cpu {cpu:.2f} s, {alloc:.0f} MB a load, "
                      f"{counts[0]:.0f} documents, {counts[1]:.0f} asks", flush=True)
        if len({r[3] for rs in results.values() for r in rs}) != 1:
            sys.exit("the builds loaded different numbers of documents or asks")
        b, t = results["base"], results["this"]
        bw, tw = min(r[0] for r in b), min(r[0] for r in t)
        bc, tc = min(r[1] for r in b), min(r[1] for r in t)
        ba, ta = b[0][2], t[0][2]
        print(f"best warm wall {bw:.2f} -> {tw:.2f} s ({tw / bw:.2f}); best warm cpu {bc:.2f} -> {tc:.2f} s ({tc / bc:.2f}); "
              f"allocated {ba:.0f} -> {ta:.0f} MB a load ({ta / ba:.2f})")
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=root, check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
