#!/usr/bin/env python3
"""Fails when kairos_es.ts lacks a translation for any tr() string in the given sources.

lupdate is run over the sources into a temporary copy of the .ts file (the committed file is
never touched); every message that ends up unfinished, empty or vanished is listed.
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lupdate", required=True)
    ap.add_argument("--ts", required=True)
    ap.add_argument("--sources", nargs="+", required=True)
    a = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "kairos_es.ts"
        shutil.copy(a.ts, copy)
        r = subprocess.run([a.lupdate, "-no-obsolete", "-locations", "none", "-silent",
                            *a.sources, "-ts", str(copy)], capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stdout, r.stderr)
            return 1
        root = ET.parse(copy).getroot()

    total = 0
    missing = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            total += 1
            tr = msg.find("translation")
            src = msg.findtext("source")
            plural = msg.get("numerus") == "yes"
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                missing.append((name, src))
                continue
            if plural:
                forms = [f.text for f in tr.findall("numerusform")]
                if not forms or any(not f for f in forms):
                    missing.append((name, src))
            elif not (tr.text or "").strip():
                missing.append((name, src))
    for name, src in missing:
        print(f"untranslated: [{name}] {src!r}")
    print(f"{total - len(missing)} of {total} messages translated")
    return 1 if missing or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
