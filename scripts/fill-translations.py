#!/usr/bin/env python3
"""Fills unfinished messages of a .ts file from a JSON dictionary.

Usage: scripts/fill-translations.py translations/kairos_es.ts dict.json
dict.json maps a source string to its translation, or to a list of plural forms for %n
messages (Spanish: [singular, plural]). A key "context|source" wins over a bare source.
Messages already translated are left alone unless --overwrite is given.
"""
import json
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    overwrite = "--overwrite" in sys.argv
    ts_path, dict_path = args
    table = json.load(open(dict_path, encoding="utf-8"))
    tree = ET.parse(ts_path)
    root = tree.getroot()
    filled = left = 0
    for ctx in root.iter("context"):
        cname = ctx.findtext("name")
        for msg in ctx.iter("message"):
            src = msg.findtext("source")
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            if tr.get("type") != "unfinished" and not overwrite:
                continue
            value = table.get(f"{cname}|{src}", table.get(src))
            if value is None:
                left += 1
                continue
            for child in list(tr):
                tr.remove(child)
            if msg.get("numerus") == "yes":
                forms = value if isinstance(value, list) else [value, value]
                tr.text = None
                for f in forms:
                    ET.SubElement(tr, "numerusform").text = f
            else:
                tr.text = value if isinstance(value, str) else value[-1]
            if "type" in tr.attrib:
                del tr.attrib["type"]
            filled += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    # lupdate's own layout is restored by the next scripts/update-translations.sh run.
    print(f"filled {filled}, still unfinished {left}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
