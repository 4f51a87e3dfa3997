#!/usr/bin/python3
"""`askshift extract DIR --json -q` as built (the JIT) beside a Native AOT build of the same CLI, whole processes.

Both builds get the same folders in alternating runs (the machine is shared, so pairs, not single runs, carry the
comparison); every run's output is compared byte for byte with the first run of the ordinary build, and the script
fails if any differs. It prints each run's wall time, the best and median of each build, and their ratio, with the
folder's size counting only the files the loader reads (not `bench synth`'s `.tsv` answer keys).

Usage (from the repository root):
  dotnet build -c Release lib/AskShift.Cli
  dotnet publish lib/AskShift.Cli -c Release -r linux-x64 -p:PublishAot=true -o /tmp/askshift-native   # about 6 minutes
  /usr/bin/python3 bench/native_extract.py --native /tmp/askshift-native/askshift [--pairs 3] FOLDER [FOLDER ...]
"""
import argparse, os, statistics, subprocess, sys, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def run(cmd):
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True)
    return time.perf_counter() - t, p


def size_mb(folder):
    total = 0
    for d, _, files in os.walk(folder):
        total += sum(os.path.getsize(os.path.join(d, f)) for f in files if not f.endswith(".tsv"))
    return total / 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--native", required=True, help="the published native askshift executable")
    ap.add_argument("--askshift", default=os.path.join(root, "lib", "AskShift.Cli", "bin", "Release", "net10.0", "askshift.dll"))
    ap.add_argument("--pairs", type=int, default=3)
    a = ap.parse_args()
    builds = {"jit": ["dotnet", a.askshift], "native": [a.native]}
    failed = False
    for folder in a.folders:
        mb = size_mb(folder)
        times = {k: [] for k in builds}
        reference = None
        for i in range(a.pairs):
            for name, cmd in builds.items():
                secs, p = run(cmd + ["extract", folder, "--json", "-q"])
                if p.returncode != 0:
                    sys.exit(f"{name} on {folder}: exit {p.returncode}: {p.stderr.decode(errors='replace')[:500]}")
                if reference is None:
                    reference = p.stdout
                same = p.stdout == reference
                failed |= not same
                times[name].append(secs)
                print(f"{folder} pair {i + 1} {name:6} {secs:6.2f} s {'same output' if same else 'OUTPUT DIFFERS'}", flush=True)
        jit, native = times["jit"], times["native"]
        print(f"{folder}: {mb:.1f} MB of documents; jit best {min(jit):.2f} s median {statistics.median(jit):.2f} s "
              f"({mb / statistics.median(jit):.1f} MB/s); native best {min(native):.2f} s median {statistics.median(native):.2f} s "
              f"({mb / statistics.median(native):.1f} MB/s); native / jit {statistics.median(native) / statistics.median(jit):.2f}")
    if failed:
        sys.exit("outputs differ between runs or builds")


if __name__ == "__main__":
    main()
