#!/usr/bin/python3
"""Independent occurrence expander for tst_ics_corpus: its own content-line reader (RFC 5545
3.1), dateutil.rrule expands RRULEs, pytz converts wall times of IANA zones and
python3-icalendar turns a file's own VTIMEZONE into a tzinfo (Timezone.to_tz).

Usage: corpus_reference.py OUT.json FILE...
Writes {file: {"ok": bool, "error": str, "series": {uid: [occurrence, ...]}}} where an
occurrence is "YYYYMMDDTHHMMSSZ+SECONDS" (timed: UTC start, length) or "DYYYYMMDD+DAYS"
(all-day). Rules, the same on both sides of the comparison:
  - floating times are read as UTC; a TZID with a VTIMEZONE in the file uses that definition
    when the name is not an IANA zone (an IANA name uses the IANA rules), a Windows zone name
    its IANA zone, anything else UTC;
  - occurrences from 1970-01-01 to 2038-01-01, the first 500 of each series (RRULE + RDATE -
    EXDATE), then changed occurrences (RECURRENCE-ID) replace theirs;
  - of several components with one UID (+ RECURRENCE-ID) the highest SEQUENCE, then the
    latest DTSTAMP wins (the first on a tie);
  - a VEVENT without DTSTART, or ending before it starts, is left out.
"""
import json
import re
import sys
from datetime import date, datetime, timedelta, timezone

import icalendar
import pytz
from dateutil import rrule as du
from icalendar.windows_to_olson import WINDOWS_TO_OLSON

RANGE_FROM = datetime(1970, 1, 1, tzinfo=timezone.utc)
RANGE_TO = datetime(2038, 1, 1, tzinfo=timezone.utc)
CAP = 500
MAX_DURATION = 100 * 366 * 86400
UTC_NAMES = {"UTC", "Z", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Universal", "Zulu"}


class Skip(Exception):
    pass


def as_datetime(v):
    return v if isinstance(v, datetime) else datetime(v.year, v.month, v.day)


def parse_dt(text):
    """'20240101' -> date, '20240101T090000[Z]' -> (naive datetime, utc?)."""
    text = text.strip()
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3])), False
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)", text, re.I)
    if not m:
        raise ValueError("bad date-time " + text)
    sec = min(int(m[6]), 59)
    return datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), sec), bool(m[7])


class Prop:
    """One content line: name, parameters (upper-case names), raw value."""

    def __init__(self, name, params, value):
        self.name, self.params, self.value = name, params, value

    def to_ical(self):
        return self.value.encode()


class Comp:
    def __init__(self, name):
        self.name, self.props, self.children, self.lines = name, [], [], []

    def get(self, name, default=None):
        for p in self.props:
            if p.name == name:
                return p
        return default

    def getall(self, name):
        return [p for p in self.props if p.name == name]

    def __getitem__(self, name):
        return self.get(name)


def split_line(line):
    """NAME;P=V;P="V":VALUE -> Prop (quoted parameter values may hold ':' and ';')."""
    i, n = 0, len(line)
    m = re.match(r"[A-Za-z0-9-]+", line)
    if not m:
        raise ValueError("bad content line " + line[:40])
    name = m.group(0).upper()
    i = m.end()
    params = {}
    while i < n and line[i] == ";":
        j = line.find("=", i)
        if j < 0:
            raise ValueError("bad parameter in " + line[:40])
        pname = line[i + 1:j].strip().upper()
        i = j + 1
        vals = []
        while True:
            if i < n and line[i] == '"':
                k = line.index('"', i + 1)
                vals.append(line[i + 1:k])
                i = k + 1
            else:
                k = i
                while k < n and line[k] not in ";:,":
                    k += 1
                vals.append(line[i:k])
                i = k
            if i < n and line[i] == ",":
                i += 1
                continue
            break
        params[pname] = vals[0] if len(vals) == 1 else vals
    if i >= n or line[i] != ":":
        raise ValueError("no value in " + line[:40])
    return Prop(name, params, line[i + 1:])


def read_components(data):
    """Every top-level component inside any VCALENDAR, as Comp trees (RFC 5545 3.1 unfolding;
    the raw lines of each VTIMEZONE are kept for icalendar)."""
    text = data.decode("utf-8", "replace").lstrip("\ufeff")  # a byte-order mark is no content
    text = re.sub(r"\r\n[ \t]|\n[ \t]|\r[ \t]", "", text)
    stack, out = [], []
    for line in re.split(r"\r\n|\n|\r", text):
        if not line.strip():
            continue
        p = split_line(line)
        tz = next((c for c in stack if c.name == "VTIMEZONE"), None)
        if tz is not None:
            tz.lines.append(line)
        if p.name == "BEGIN":
            c = Comp(p.value.strip().upper())
            if stack:
                stack[-1].children.append(c)
            stack.append(c)
        elif p.name == "END":
            if not stack or stack[-1].name != p.value.strip().upper():
                raise ValueError("END:%s does not match" % p.value)
            c = stack.pop()
            if stack and stack[-1].name == "VCALENDAR":  # also in a (wrongly) nested one
                if c.name == "VTIMEZONE":
                    c.lines.pop()  # its own END line
                out.append(c)
        elif stack:
            stack[-1].props.append(p)
    if stack:
        raise ValueError("BEGIN:%s without END" % stack[-1].name)
    return out


class Zones:
    def __init__(self, comps):
        self.defs = {}
        self.broken = set()
        for c in comps:
            if c.name != "VTIMEZONE" or c.get("TZID") is None:
                continue
            tzid = re.sub(r"\\([,;\\])", r"\1", c.get("TZID").value)  # TEXT escaping
            try:
                ical = "\r\n".join(["BEGIN:VTIMEZONE"] + c.lines + ["END:VTIMEZONE"])
                self.defs[tzid] = icalendar.Timezone.from_ical(ical).to_tz()
            except Exception:  # python3-icalendar cannot read it: not comparable if used
                self.broken.add(tzid)

    def get(self, tzid):
        if isinstance(tzid, list):
            tzid = tzid[0]
        if tzid is None:
            return timezone.utc  # floating: UTC on both sides
        t = tzid.strip()
        if t in UTC_NAMES:
            return timezone.utc
        if t in pytz.all_timezones_set:
            return pytz.timezone(t)
        if t.startswith("/"):
            parts = t.split("/")
            for i in range(1, len(parts)):
                cand = "/".join(parts[i:])
                if cand in pytz.all_timezones_set:
                    return pytz.timezone(cand)
        if t in WINDOWS_TO_OLSON:
            return pytz.timezone(WINDOWS_TO_OLSON[t])
        if tzid in self.defs:
            return self.defs[tzid]
        if tzid in self.broken:
            raise ValueError("python3-icalendar cannot read VTIMEZONE " + tzid)
        return timezone.utc


def localize(tz, naive):
    """The instant of a wall time: a time in a DST gap moves forward by the gap, an ambiguous
    one is the earlier instant (RFC 5545 3.3.5)."""
    if tz is timezone.utc:
        return naive.replace(tzinfo=timezone.utc)
    try:
        return tz.localize(naive, is_dst=None)
    except pytz.exceptions.NonExistentTimeError:
        return tz.localize(naive, is_dst=False)
    except pytz.exceptions.AmbiguousTimeError:
        return tz.localize(naive, is_dst=True)


def values(comp, name):
    return comp.getall(name)


def raw(prop):
    return prop.value


def duration_secs(text):
    m = re.fullmatch(r"([+-]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?",
                     text.strip(), re.I)
    if not m:
        raise ValueError("bad duration " + text)
    s = ((int(m[2] or 0) * 7 + int(m[3] or 0)) * 86400 + int(m[4] or 0) * 3600
         + int(m[5] or 0) * 60 + int(m[6] or 0))
    return -s if m[1] == "-" else s


class Event:
    """One VEVENT reduced to what the comparison needs."""

    def __init__(self, comp, zones):
        self.comp = comp
        self.zones = zones
        starts = values(comp, "DTSTART")
        if not starts:
            raise Skip("DTSTART")  # a second DTSTART is ignored (and reported by Kairos)
        uid = comp.get("UID")
        self.uid = uid.value if uid is not None else ""
        seq = comp.get("SEQUENCE")
        self.seq = int(seq.value.strip() or 0) if seq is not None else 0
        stamp = comp.get("DTSTAMP")
        self.stamp = raw(stamp) if stamp is not None else ""
        s = starts[0]
        self.tzid = s.params.get("TZID")
        value, utc = parse_dt(raw(s))
        self.all_day = not isinstance(value, datetime)
        if self.all_day:
            self.start_date = value
            self.wall = datetime(value.year, value.month, value.day)
            self.tz = timezone.utc
        else:
            self.tz = timezone.utc if utc else zones.get(self.tzid)
            self.wall = value
        self.start = self.instant(s, value, utc)
        self.length = self.read_length()
        rid = comp.get("RECURRENCE-ID")
        self.rid = None
        if rid is not None:
            rv, rutc = parse_dt(raw(rid))
            if self.all_day and isinstance(rv, datetime) and not rutc:
                self.rid = rv.strftime("%Y%m%d")  # an all-day instance: its wall day
            else:
                self.rid = self.key(self.instant(rid, rv, rutc))

    def instant(self, prop, value, utc):
        if not isinstance(value, datetime):
            return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
        if utc:
            return value.replace(tzinfo=timezone.utc)
        return localize(self.zones.get(prop.params.get("TZID")), value)

    def key(self, instant):
        if self.all_day:
            return instant.strftime("%Y%m%d")
        return instant.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")

    def read_length(self):
        end = self.comp.get("DTEND")
        if end is not None:
            try:
                parse_dt(raw(end))
            except ValueError:
                end = None  # a malformed DTEND is left out (Kairos reports it)
        if self.all_day:
            if end is not None:
                ev, _ = parse_dt(raw(end))
                ed = ev if not isinstance(ev, datetime) else ev.date()
                days = (ed - self.start_date).days
            elif self.comp.get("DURATION") is not None:
                days = max(1, duration_secs(raw(self.comp["DURATION"])) // 86400)
            else:
                days = 1
            return max(days, 1)
        if end is not None:
            ev, eutc = parse_dt(raw(end))
            if not isinstance(ev, datetime):
                e = localize(self.tz, datetime(ev.year, ev.month, ev.day))
            else:
                e = self.instant(end, ev, eutc)
            secs = int((e - self.start).total_seconds())
        elif self.comp.get("DURATION") is not None:
            secs = duration_secs(raw(self.comp["DURATION"]))
            if abs(secs) > MAX_DURATION:
                secs = 0  # beyond any calendar: malformed, left out (Kairos reports it)
        else:
            secs = 0
        if secs < 0:
            raise Skip("DTEND before DTSTART")
        return secs

    def occurrence(self, start, length):
        if self.all_day:
            return "D%s+%d" % (start.strftime("%Y%m%d"), length)
        return "%s+%d" % (start.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ"), length)

    def rules(self):
        out = []
        for prop in values(self.comp, "RRULE"):
            try:
                out.append(self.rule(prop))
            except ValueError:
                pass  # a malformed RRULE is left out (Kairos reports it)
        return out

    def rule(self, prop):
        text = raw(prop)
        parts = [p for p in text.split(";") if p]
        until = None
        kept = []
        for p in parts:
            k, _, v = p.partition("=")
            if k.upper() == "UNTIL":
                uv, uutc = parse_dt(v)
                if not isinstance(uv, datetime):
                    until = datetime(uv.year, uv.month, uv.day)
                    if not self.all_day:  # a DATE UNTIL ends with that day
                        until = until + timedelta(days=1) - timedelta(seconds=1)
                elif self.all_day:
                    until = datetime(uv.year, uv.month, uv.day)
                elif uutc:
                    until = uv.replace(tzinfo=timezone.utc).astimezone(
                        self.tz).replace(tzinfo=None)
                else:
                    until = uv
            else:
                kept.append(p)
        r = du.rrulestr("RRULE:" + ";".join(kept), dtstart=self.wall)
        if until is not None:
            r = r.replace(until=until)
        return r

    def expand(self):
        """The series' occurrences (start instant -> occurrence text), first CAP in range."""
        excluded = set()
        excluded_days = set()
        for prop in values(self.comp, "EXDATE"):
            tz = prop.params.get("TZID") if hasattr(prop, "params") else None
            for v in raw(prop).split(","):
                ev, eutc = parse_dt(v)
                if not isinstance(ev, datetime) or self.all_day:
                    excluded_days.add(ev if not isinstance(ev, datetime) else ev.date())
                    continue
                excluded.add(ev.replace(tzinfo=timezone.utc) if eutc
                             else localize(self.zones.get(tz), ev))
        found = {}

        def add(start, length):
            if start in excluded:
                return
            if excluded_days:  # an EXDATE day removes that day's instance, timed ones too
                day = start.date() if self.all_day else start.astimezone(self.tz).date()
                if day in excluded_days:
                    return
            if RANGE_FROM <= start < RANGE_TO:
                found.setdefault(start, self.occurrence(start, length))

        add(self.start, self.length)
        for r in self.rules():
            kept = 0
            for wall in r:
                start = (wall.replace(tzinfo=timezone.utc) if self.all_day
                         else localize(self.tz, wall))
                if start >= RANGE_TO:
                    break
                if start < RANGE_FROM:
                    continue
                add(start, self.length)
                kept += 1
                if kept >= CAP + len(excluded) + len(excluded_days):
                    break
        for prop in values(self.comp, "RDATE"):
            tz = prop.params.get("TZID")
            try:
                [parse_dt(v.split("/")[0]) for v in raw(prop).split(",")]
            except ValueError:
                continue  # a malformed RDATE is left out (Kairos reports it)
            for v in raw(prop).split(","):
                length = self.length
                if "/" in v:
                    a, b = v.split("/", 1)
                    sv, sutc = parse_dt(a)
                    sv = as_datetime(sv)
                    start = sv.replace(tzinfo=timezone.utc) if sutc \
                        else localize(self.zones.get(tz), sv)
                    if b.upper().startswith(("P", "+P", "-P")):
                        length = duration_secs(b)
                    else:
                        ev, eutc = parse_dt(b)
                        ev = as_datetime(ev)
                        end = ev.replace(tzinfo=timezone.utc) if eutc \
                            else localize(self.zones.get(tz), ev)
                        length = int((end - start).total_seconds())
                else:
                    rv, rutc = parse_dt(v)
                    if self.all_day:
                        d = rv if not isinstance(rv, datetime) else rv.date()
                        start = datetime(d.year, d.month, d.day, tzinfo=timezone.utc)
                    elif not isinstance(rv, datetime):
                        start = localize(self.tz, datetime.combine(rv, self.wall.time()))
                    else:
                        start = rv.replace(tzinfo=timezone.utc) if rutc \
                            else localize(self.zones.get(tz), rv)
                add(start, length)
        return {k: found[k] for k in sorted(found)[:CAP]}


def newer(a, b):
    """True when component a should replace b (same UID and RECURRENCE-ID)."""
    if a.seq != b.seq:
        return a.seq > b.seq
    return a.stamp > b.stamp


def process(path):
    with open(path, "rb") as f:
        data = f.read()
    comps = read_components(data)
    zones = Zones(comps)
    chosen = {}
    order = []
    for comp in comps:
        if comp.name != "VEVENT":
            continue
        try:
            ev = Event(comp, zones)
        except Skip:
            continue
        # No UID: the same event only when the component is the same, word for word.
        k = (ev.uid or "#" + repr([(p.name, p.params, p.value) for p in comp.props]), ev.rid)
        if k not in chosen:
            order.append(k)
            chosen[k] = ev
        elif newer(ev, chosen[k]):
            chosen[k] = ev
    series = {}
    masters = {k[0]: chosen[k] for k in order if k[1] is None}
    for uid, m in masters.items():
        series[uid] = m.expand()
    for k in order:
        if k[1] is None:
            continue
        ov = chosen[k]
        occ = series.setdefault(k[0], {})
        m = masters.get(k[0])
        if m is not None:
            for start in list(occ):
                if m.key(start) == ov.rid:
                    del occ[start]
        if RANGE_FROM <= ov.start < RANGE_TO:
            occ[ov.start] = ov.occurrence(ov.start, ov.length)
    out = {}
    for uid, o in series.items():  # events without UID share one list (""), as on our side
        key = "" if uid.startswith("#") else uid
        out[key] = sorted(out.get(key, []) + list(o.values()))
    return out


def main(out, paths):
    result = {}
    for p in paths:
        try:
            result[p] = {"ok": True, "series": process(p)}
        except Exception as e:  # the reference cannot read it: not comparable
            result[p] = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
    with open(out, "w") as f:
        json.dump(result, f, indent=0, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
