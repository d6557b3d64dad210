#!/usr/bin/python3
"""python3-icalendar on the same file: parse (from_ical) and write (to_ical), timed
separately; prints JSON with seconds, events and peak memory."""
import json
import resource
import sys
import time

import icalendar

mode, path = sys.argv[1], sys.argv[2]
with open(path, "rb") as f:
    data = f.read()
t0 = time.perf_counter()
cal = icalendar.Calendar.from_ical(data)
t1 = time.perf_counter()
events = sum(1 for c in cal.walk("VEVENT"))
out = {"events": events, "parse_seconds": t1 - t0}
if mode == "write":
    t2 = time.perf_counter()
    text = cal.to_ical()
    t3 = time.perf_counter()
    out["write_seconds"] = t3 - t2
    out["written_bytes"] = len(text)
out["max_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(out))
