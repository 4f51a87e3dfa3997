#!/usr/bin/python3
"""Kernel latency as a user feels it, measured with Jupyter's own client (jupyter_client), AskShift's kernel beside
Debian's ipykernel (python3-ipykernel) in the same run, starts alternating, so both see the same machine.

  start to first result: KernelManager.start_kernel() until the execute_reply of the first cell (`1 + 1`),
                         i.e. process start, .NET start-up, sockets, kernel_info handshake, first Roslyn compile.
  warm round trip:       execute_request -> execute_reply + status idle for a trivial cell in a warm kernel.
  warm arrivals:         when, after the execute_request, the busy status, the execute_result and the idle status
                         arrived (medians): busy is the request's way in, busy -> result the kernel's work on the cell.

Usage (from the repository root, after README's kernel set-up, which publishes lib/AskShift.Cli/bin/kernel/;
a `dotnet build -c Release lib/AskShift.Cli` is used when there is no such publish):
  /usr/bin/python3 bench/kernel_latency.py [--askshift PATH/askshift.dll] [--starts 5] [--cells 30]
The kernelspec is installed into a temporary --prefix, so nothing on the machine changes.
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

from jupyter_client import KernelManager

CELL = "1 + 1"


def run_cell(kc, code, marks=None):
    """Round trip of one cell; `marks` (a dict) gets when each iopub message of the cell arrived, in seconds."""
    t = time.perf_counter()
    msg_id = kc.execute(code)
    while True:  # iopub first, so each message is timed as it arrives; the reply is waiting in its queue meanwhile
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if kind == "status":
            kind += ":" + msg["content"]["execution_state"]
        if marks is not None:
            marks.setdefault(kind, time.perf_counter() - t)
        if kind == "status:idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=120)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    assert reply["content"]["status"] == "ok", reply["content"]
    return time.perf_counter() - t


def one_start(cells, kernel_name="askshift-csharp"):
    t0 = time.perf_counter()
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        ready = time.perf_counter() - t0
        run_cell(kc, CELL)
        first = time.perf_counter() - t0
        marks = []
        warm = []
        for _ in range(cells):
            marks.append({})
            warm.append(run_cell(kc, CELL, marks[-1]))
        return ready, first, warm, marks
    finally:
        kc.stop_channels()
        km.shutdown_kernel()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    published = os.path.join(here, "..", "lib", "AskShift.Cli", "bin", "kernel", "askshift.dll")
    default_dll = published if os.path.exists(published) else os.path.join(here, "..", "lib", "AskShift.Cli", "bin", "Release", "net10.0", "askshift.dll")
    ap = argparse.ArgumentParser()
    ap.add_argument("--askshift", default=default_dll, help="askshift.dll to install as the kernel")
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--cells", type=int, default=30)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as prefix:
        subprocess.run(["dotnet", os.path.abspath(args.askshift), "kernel", "install", "--prefix", prefix],
                       check=True, stdout=subprocess.DEVNULL)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter") + os.pathsep + "/usr/share/jupyter"
        os.environ["ASKSHIFT_KERNEL_HISTORY"] = ""
        runs = {"askshift": ([], [], [], []), "ipykernel": ([], [], [], [])}
        for _ in range(args.starts):
            for name, spec in (("askshift", "askshift-csharp"), ("ipykernel", "python3")):
                ready, first, warm, marks = one_start(args.cells, spec)
                runs[name][3].extend(marks)
                runs[name][0].append(ready)
                runs[name][1].append(first)
                runs[name][2].extend(warm)

    def summary(readies, firsts, warms, marks):
        warms = sorted(warms)
        # Where a warm cell's time goes: when the busy status (request read), the result and the idle status arrived.
        arrivals = {k: round(statistics.median(m[k] for m in marks if k in m) * 1000, 2)
                    for k in ("status:busy", "execute_result", "status:idle") if any(k in m for m in marks)}
        return {
            "warm_arrival_ms_median": arrivals,
            "ready_ms_median": round(statistics.median(readies) * 1000, 1),
            "start_to_first_result_ms": [round(x * 1000, 1) for x in firsts],
            "start_to_first_result_ms_median": round(statistics.median(firsts) * 1000, 1),
            "warm_cells": len(warms),
            "warm_round_trip_ms_median": round(statistics.median(warms) * 1000, 2),
            "warm_round_trip_ms_p90": round(warms[int(len(warms) * 0.9) - 1] * 1000, 2),
        }

    a, p = summary(*runs["askshift"]), summary(*runs["ipykernel"])
    report = {
        "askshift_dll": os.path.abspath(args.askshift),
        "starts_each": args.starts,
        "askshift": a,
        "ipykernel": p,
        "ratio_start_to_first_result": round(a["start_to_first_result_ms_median"] / p["start_to_first_result_ms_median"], 2),
        "ratio_warm_round_trip": round(a["warm_round_trip_ms_median"] / p["warm_round_trip_ms_median"], 2),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
