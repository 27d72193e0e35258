#!/usr/bin/env python3
"""Fills unfinished entries of a Qt .ts file from a JSON mapping.

    scripts/translate-ts.py translations/coulisse_zh_CN.ts mapping.json

The mapping is {"source text": "translation"} or, for a text that reads differently in one
context, {"Context|source text": "translation"}. Plural (numerus) entries take a list of
forms ({"%n file(s)": ["%n 个文件"]}); Chinese has one form. Entries that are already
translated are left as they are. Prints what is still unfinished and exits 1 if anything is.
"""
import json
import sys
import xml.etree.ElementTree as ET


def main(ts_path, mapping_path):
    mapping = json.load(open(mapping_path, encoding="utf-8"))
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.getroot().findall("context"):
        name = context.findtext("name")
        for message in context.findall("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if translation.get("type") not in ("unfinished",):
                continue
            value = mapping.get(f"{name}|{source}", mapping.get(source))
            if value is None:
                missing.append(f"{name}: {source!r}")
                continue
            if message.get("numerus") == "yes":
                forms = value if isinstance(value, list) else [value]
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = value
            del translation.attrib["type"]
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    with open(ts_path, "r+", encoding="utf-8") as f:  # keep the DOCTYPE lupdate expects
        text = f.read()
        if "<!DOCTYPE TS>" not in text:
            text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
            f.seek(0)
            f.write(text)
            f.truncate()
    for m in missing:
        print("unfinished:", m)
    return 1 if missing else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
