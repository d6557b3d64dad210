#!/usr/bin/python3
"""Runs the iCalendar benchmark: kairos export and import of N events (10% recurring), each in
its own process (peak memory = getrusage maxrss; import = parse + store in batches into a
fresh SQLite database, parse = into memory only), and python3-icalendar parsing and writing the
same file; prints events per second and the ratios.
Usage: run_bench.py [N] (from the build folder: tests/bench/ics/run_bench.py)"""
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
path = os.path.join(tempfile.mkdtemp(), "bench.ics")


def run(cmd):
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])


exp = run([os.path.join(here, "bench_ics"), "export", str(n), path])
imp = run([os.path.join(here, "bench_ics"), "import", path])
parse = run([os.path.join(here, "bench_ics"), "parse", path])
desk = run([os.path.join(here, "bench_ics"), "desktop", path])
py_parse = run(["/usr/bin/python3", os.path.join(here, "bench_python.py"), "parse", path])
py_write = run(["/usr/bin/python3", os.path.join(here, "bench_python.py"), "write", path])
size_mb = exp["file_bytes"] / 1e6
py_parse_eps = py_parse["events"] / py_parse["parse_seconds"]
py_write_eps = py_write["events"] / py_write["write_seconds"]
print(f"file: {n} events, {size_mb:.1f} MB")
print(f"kairos export : {exp['events_per_second']:>10.0f} events/s  ({exp['seconds']:.2f} s, peak {exp['max_rss_kb'] / 1024:.0f} MB incl. the events in memory)")
print(f"kairos import : {imp['events_per_second']:>10.0f} events/s  ({imp['seconds']:.2f} s, parsed and stored in batches, peak {imp['max_rss_kb'] / 1024:.0f} MB = {imp['max_rss_kb'] * 1024 / exp['file_bytes']:.2f}x file size; {imp['base_rss_kb'] / 1024:.0f} MB before reading)")
print(f"kairos desktop: {desk['events_per_second']:>10.0f} events/s  ({desk['seconds']:.2f} s incl. a {desk['scan_seconds']:.2f} s structure scan, worker threads, peak {desk['max_rss_kb'] / 1024:.0f} MB = {desk['max_rss_kb'] * 1024 / exp['file_bytes']:.2f}x file size; scan peak {desk['scan_max_rss_kb'] / 1024:.0f} MB)")
print(f"kairos parse  : {parse['events_per_second']:>10.0f} events/s  ({parse['seconds']:.2f} s, peak {parse['max_rss_kb'] / 1024:.0f} MB, parsing only, every event in memory)")
print(f"python parse  : {py_parse_eps:>10.0f} events/s  ({py_parse['parse_seconds']:.2f} s, peak {py_parse['max_rss_kb'] / 1024:.0f} MB)")
print(f"python write  : {py_write_eps:>10.0f} events/s  ({py_write['write_seconds']:.2f} s)")
print(f"ratio import (kairos parse+store / python parse): {imp['events_per_second'] / py_parse_eps:.1f}x  (target >= 10x; kairos also writes SQLite)")
print(f"ratio desktop import (scan + parse+store / python parse): {desk['events_per_second'] / py_parse_eps:.1f}x")
print(f"ratio parse  (kairos parse / python parse): {parse['events_per_second'] / py_parse_eps:.1f}x  (both read into memory, nothing stored)")
print(f"ratio export (kairos / python write): {exp['events_per_second'] / py_write_eps:.1f}x  (target >= 10x)")
print(f"import memory: {imp['max_rss_kb'] * 1024 / exp['file_bytes']:.2f}x file size, desktop {desk['max_rss_kb'] * 1024 / exp['file_bytes']:.2f}x (target < 3x)")
