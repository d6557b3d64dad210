#!/usr/bin/python3
"""Reads an .ics file with python3-icalendar (an independent parser) and prints what it saw
as JSON: every VEVENT's UID, RECURRENCE-ID, SUMMARY, UTC start/end (or dates), RRULE, plus the
TZIDs used by properties and the TZIDs that have a VTIMEZONE, and each event's VALARMs (ACTION,
minutes before the start). Used by tst_ics_export."""
import json
import sys
from datetime import date, datetime, timezone

import icalendar


def iso(v):
    if isinstance(v, datetime):
        if v.tzinfo is None:
            return "floating:" + v.strftime("%Y%m%dT%H%M%S")
        return v.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    if isinstance(v, date):
        return v.strftime("%Y%m%d")
    return str(v)


def main(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    out = {"prodid": str(cal.get("PRODID", "")), "version": str(cal.get("VERSION", "")),
           "method": str(cal.get("METHOD", "")), "events": [], "tzids_used": [], "vtimezones": []}
    used = set()
    for comp in cal.walk():
        if comp.name == "VTIMEZONE":
            out["vtimezones"].append(str(comp["TZID"]))
        if comp.name != "VEVENT":
            continue
        ev = {"uid": str(comp.get("UID", "")), "summary": str(comp.get("SUMMARY", "")),
              "description": str(comp.get("DESCRIPTION", "")),
              "start": iso(comp.decoded("DTSTART")),
              "end": iso(comp.decoded("DTEND")) if "DTEND" in comp else "",
              "dtstamp": "DTSTAMP" in comp}
        ev["alarms"] = []
        for sub in comp.subcomponents:
            if sub.name != "VALARM":
                continue
            trigger = sub.decoded("TRIGGER")
            ev["alarms"].append({"action": str(sub.get("ACTION", "")),
                                 "minutes_before": int(-trigger.total_seconds() // 60)})
        if "RECURRENCE-ID" in comp:
            ev["recurrence_id"] = iso(comp.decoded("RECURRENCE-ID"))
        if "RRULE" in comp:
            ev["rrule"] = comp["RRULE"].to_ical().decode()
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE"):
            vals = comp.get(name)
            if vals is None:
                continue
            for v in vals if isinstance(vals, list) else [vals]:
                tzid = getattr(v, "params", {}).get("TZID")
                if tzid:
                    used.add(str(tzid))
        out["events"].append(ev)
    out["tzids_used"] = sorted(used)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
