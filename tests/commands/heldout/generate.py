#!/usr/bin/env python3
"""Generates an evaluation set of chat messages for the command interpreter (issue 22).

Messages are built from templates x vocabularies (a JSON file, see vocab.json) and each
carries what a person who wrote it meant: the intent and its strength (mode), the start in the
sender's zone, and for explicit commands the title. The expected start is computed here from
the parts that were put into the message (which day, which clock time), never by running
Kairos; chrono-node checks it independently in tests/commands/tst_heldout.

    generate.py VOCAB.json --seed N --out FILE.tsv

Columns of the output (tab separated, one message a line, '#' lines are comments):
    id lang zone locale now category intent mode start title text
intent: schedule | none; mode: confirm (explicit command, card) | suggest (looks like an event,
chip) | none; start: ISO-8601 with offset or '-'; title: expected title or '-' (not checked).
Stdlib only (python3 >= 3.9 for zoneinfo). The output is frozen: regenerate only to replace a
set, never to chase the interpreter.
"""
import argparse
import datetime as dt
import json
import random
import re
import sys
from zoneinfo import ZoneInfo

WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
}
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}
HOUR_WORDS_ES = ["", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
                 "diez", "once", "doce"]
HOUR_WORDS_EN = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten", "eleven", "twelve"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def iso(t):
    s = t.isoformat(timespec="seconds")
    return s


class Gen:
    def __init__(self, vocab, seed):
        self.v = vocab
        self.r = random.Random(seed)

    # --- days: returns (text, date or None) ---------------------------------------------
    def day(self, lang, now, locale, kinds):
        r = self.r
        kind = r.choice(kinds)
        today = now.date()
        forms = self.v["day_forms"][lang][kind]
        form = r.choice(forms)
        if kind == "none":
            return form, None
        if kind == "tomorrow":
            return form, today + dt.timedelta(days=1)
        if kind == "dayafter":
            return form, today + dt.timedelta(days=2)
        if kind == "in_days":
            n = r.randint(2, 5)
            return form.format(n=n), today + dt.timedelta(days=n)
        if kind == "weekday":
            delta = r.randint(1, 6)  # never today's weekday: "Thursday" on a Thursday differs
            d = today + dt.timedelta(days=delta)
            return form.format(weekday=WEEKDAYS[lang][d.weekday()],
                               Weekday=WEEKDAYS[lang][d.weekday()].capitalize()), d
        delta = r.randint(2, 27)
        d = today + dt.timedelta(days=delta)
        month = MONTHS[lang][d.month - 1]
        fields = dict(d=d.day, ord=ordinal(d.day), month=month, Month=month.capitalize(),
                      mon=month[:3], Mon=month[:3].capitalize(),
                      weekday=WEEKDAYS[lang][d.weekday()],
                      Weekday=WEEKDAYS[lang][d.weekday()].capitalize(), year=d.year)
        if kind == "numeric":
            month_first = locale == "en_US"
            a, b = (d.month, d.day) if month_first else (d.day, d.month)
            fields.update(a=a, b=b)
        if kind == "iso":
            fields.update(isodate=d.isoformat())
        return form.format(**fields), d

    # --- times: returns (text, hour, minute) ---------------------------------------------
    def time(self, lang):
        r = self.r
        kind = r.choice(list(self.v["time_forms"][lang].keys()))
        form = r.choice(self.v["time_forms"][lang][kind])
        mm = r.choice([0, 15, 30, 45]) if "{mm}" in form else 0
        text, h, m = self._time(lang, kind, form, mm)
        if lang == "es":  # "a las 1" / "a las una" is written "a la 1" / "a la una"
            text = re.sub(r"\ba las (1|una)\b", r"a la \1", text)
        return text, h, m

    def _time(self, lang, kind, form, mm):
        r = self.r
        if kind == "pm":
            h12 = r.randint(1, 8)
            return form.format(h=h12, mm=f"{mm:02d}"), h12 + 12, mm
        if kind == "pm_round":
            h12 = r.randint(1, 8)
            return form.format(h=h12), h12 + 12, 0
        if kind == "am":
            h12 = r.randint(8, 11)
            return form.format(h=h12, mm=f"{mm:02d}"), h12, mm
        if kind == "h24":
            h = r.randint(8, 20)
            return form.format(H=h, mm=f"{mm:02d}"), h, mm
        if kind == "bare_pm":  # rule 1 of docs/commands.md: 1-6 without am/pm is p.m.
            h = r.randint(1, 5)
            return form.format(h=h, hw=(HOUR_WORDS_ES if lang == "es" else HOUR_WORDS_EN)[h]), h + 12, 0
        if kind == "bare_am":  # rule 1: 9-11 without am/pm is a.m.
            h = r.randint(9, 11)
            return form.format(h=h, hw=(HOUR_WORDS_ES if lang == "es" else HOUR_WORDS_EN)[h]), h, 0
        if kind == "half_pm":
            h = r.randint(1, 6)
            return form.format(h=h, hw=(HOUR_WORDS_ES if lang == "es" else HOUR_WORDS_EN)[h]), h + 12, 30
        if kind == "afternoon":  # "a las 5 de la tarde", "at 5 in the afternoon"
            h = r.randint(1, 5)
            return form.format(h=h), h + 12, 0
        if kind == "noon":
            return form, 12, 0
        raise ValueError(kind)

    def when(self, lang, now, zone, locale, day_kinds):
        dtext, d = self.day(lang, now, locale, day_kinds)
        ttext, h, m = self.time(lang)
        if d is None:
            cand = dt.datetime(now.year, now.month, now.day, h, m, tzinfo=zone)
            if cand <= now:
                d = now.date() + dt.timedelta(days=1)
            else:
                d = now.date()
        start = dt.datetime(d.year, d.month, d.day, h, m, tzinfo=zone)
        if dtext == "":
            text = ttext
        elif self.r.random() < 0.75:
            text = f"{dtext} {ttext}"
        else:
            text = f"{ttext} {dtext}"
        return text, start


def cap(s):
    return s[:1].upper() + s[1:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("vocab")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    with open(a.vocab, encoding="utf-8") as f:
        v = json.load(f)
    g = Gen(v, a.seed)
    rows = []
    seen = set()
    for lang in ("en", "es"):
        contexts = v["contexts"][lang]
        for cat, spec in v["categories"][lang].items():
            made = 0
            tries = 0
            while made < spec["count"]:
                tries += 1
                if tries > spec["count"] * 50:
                    sys.exit(f"cannot make {spec['count']} distinct {lang}/{cat} messages")
                ctx = g.r.choice(contexts)
                zone = ZoneInfo(ctx["zone"])
                now = dt.datetime.fromisoformat(ctx["now"]).replace(tzinfo=zone)
                tpl = g.r.choice(spec["templates"])
                fields = {}
                title = None
                if "{title}" in tpl or "{Title}" in tpl:
                    t = g.r.choice(v[spec.get("titles", "titles")][lang])
                    fields["title"] = t
                    fields["Title"] = cap(t)
                    title = cap(t)
                if "{person}" in tpl:
                    p = g.r.choice(v["people"][lang])
                    fields["person"] = p
                if "{verb}" in tpl or "{Verb}" in tpl:
                    fields["verb"] = g.r.choice(v[spec["verbs"]][lang])
                    fields["Verb"] = cap(fields["verb"])
                start = None
                if "{when}" in tpl:
                    wtext, start = g.when(lang, now, zone, ctx["locale"], spec["days"])
                    fields["when"] = wtext
                text = tpl.format(**fields)
                text = text[:1].upper() + text[1:] if spec.get("capitalise", True) else text
                if text in seen:
                    continue
                seen.add(text)
                exp_title = "-"
                if spec.get("title_rule") == "words" and title is not None:
                    # as for slash commands: a leading article is not part of the title
                    exp_title = cap(re.sub(r"^(?:the|an?|el|la|los|las|una?)\s+", "",
                                           fields["title"], flags=re.I))
                    if "{person}" in tpl:
                        exp_title += (" con " if lang == "es" else " with ") + fields["person"]
                intent = spec["intent"]
                rows.append([
                    f"{lang}-{cat}-{made + 1:03d}", lang, ctx["zone"], ctx["locale"],
                    iso(now), cat, intent, spec["mode"],
                    iso(start) if (start is not None and intent == "schedule") else "-",
                    exp_title, text,
                ])
                made += 1
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(f"# Generated by generate.py {a.vocab.split('/')[-1]} --seed {a.seed}; frozen, do not edit.\n")
        f.write("# id\tlang\tzone\tlocale\tnow\tcategory\tintent\tmode\tstart\ttitle\ttext\n")
        for row in rows:
            assert all("\t" not in c and "\n" not in c for c in row)
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} messages -> {a.out}")


if __name__ == "__main__":
    main()
