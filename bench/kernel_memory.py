#!/usr/bin/python3
"""Kernel memory over a long session, AskShift's kernel beside Debian's ipykernel, in one run.

Each kernel gets the same N trivial cells (`1 + 1`) through jupyter_client; the kernel process's resident set
(VmRSS) is read at checkpoints. What matters is the growth per cell: a kernel that keeps something per submission
shows it here long before a user's session of a few hundred cells runs out of memory.

Usage (from the repository root, after README's kernel set-up, which publishes lib/AskShift.Cli/bin/kernel/;
a `dotnet build -c Release lib/AskShift.Cli` is used when there is no such publish):
  /usr/bin/python3 bench/kernel_memory.py [--askshift PATH/askshift.dll] [--cells 1000]
The AskShift kernelspec is installed into a temporary --prefix; its history file is switched off.
"""
import argparse
import json
import os
import subprocess
import tempfile
import time

from jupyter_client import KernelManager

CELL = "1 + 1"


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return float("nan")


def session(kernel_name, cells, checkpoints):
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        pid = km.provisioner.process.pid
        seen, t0 = {}, time.perf_counter()
        for i in range(1, cells + 1):
            reply = kc.execute_interactive(CELL, timeout=120, output_hook=lambda m: None)
            assert reply["content"]["status"] == "ok", reply["content"]
            if i in checkpoints:
                seen[i] = round(rss_mb(pid), 1)
        return {"rss_mb": seen, "seconds": round(time.perf_counter() - t0, 1)}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    published = os.path.join(here, "..", "lib", "AskShift.Cli", "bin", "kernel", "askshift.dll")
    default_dll = published if os.path.exists(published) else os.path.join(here, "..", "lib", "AskShift.Cli", "bin", "Release", "net10.0", "askshift.dll")
    ap = argparse.ArgumentParser()
    ap.add_argument("--askshift", default=default_dll, help="askshift.dll to install as the kernel")
    ap.add_argument("--cells", type=int, default=1000)
    args = ap.parse_args()
    checkpoints = sorted({1, 100, args.cells // 2, args.cells})

    with tempfile.TemporaryDirectory() as prefix:
        subprocess.run(["dotnet", os.path.abspath(args.askshift), "kernel", "install", "--prefix", prefix],
                       check=True, stdout=subprocess.DEVNULL)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter") + os.pathsep + "/usr/share/jupyter"
        os.environ["ASKSHIFT_KERNEL_HISTORY"] = ""
        askshift = session("askshift-csharp", args.cells, checkpoints)
        ipykernel = session("python3", args.cells, checkpoints)

    def growth(r):
        first, last = r["rss_mb"][checkpoints[0]], r["rss_mb"][checkpoints[-1]]
        return round((last - first) * 1024 / (checkpoints[-1] - checkpoints[0]), 1)

    report = {
        "cells": args.cells,
        "askshift": askshift,
        "ipykernel": ipykernel,
        "growth_kb_per_cell": {"askshift": growth(askshift), "ipykernel": growth(ipykernel)},
        "final_rss_ratio_askshift_to_ipykernel": round(askshift["rss_mb"][args.cells] / ipykernel["rss_mb"][args.cells], 2),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
