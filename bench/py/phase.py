"""Probe `phase` (bench/probes.mjs), CPython's side: W7 of bench/py/workloads.py in asyncio order,
with the start of every loop iteration recorded. Prints one JSON object: the median iteration
length and the median lateness (µs)."""
import asyncio
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workloads  # noqa: E402

starts = []
run_once = asyncio.BaseEventLoop._run_once


def recorded_run_once(self):
    starts.append(time.monotonic())
    run_once(self)


asyncio.BaseEventLoop._run_once = recorded_run_once
result = asyncio.run(workloads.w7("async", False))
lengths = sorted((b - a) * 1e6 for a, b in zip(starts, starts[1:]))
print(json.dumps({"iteration": lengths[len(lengths) // 2], "lateness": result["p50"]}))
