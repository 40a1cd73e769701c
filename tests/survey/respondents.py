#!/usr/bin/env python3
"""The blank respondent workbook of `template --respondents -f xlsx` (respondents-xlsx.sh).

  respondents.py layout BOOK.xlsx TEMPLATE.csv SHEET MIN MAX
      one sheet SHEET; row 1 is TEMPLATE.csv's header, cell for cell, as string cells;
      each answer column (B...) has a whole-number validation MIN..MAX over rows 2..1001
      whose input title is the column's id (the header up to ". ")
  respondents.py fill BOOK.xlsx ANSWERS.csv OUT.xlsx
      writes ANSWERS.csv's rows under the header, each value in the column whose header
      (or its id, or its text) names it; digits as number cells, other text as inline strings, blanks left
      out, as a spreadsheet saves typed answers
  respondents.py same A B
      A.json and B.json (with A.rc, B.rc) are the same once the file names and SHA-256
      are made the same, and A scored something

python3 stdlib only.  Exit 1 when a check fails.
"""
import csv
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lo"))
from xlsxcells import col_name  # noqa: E402

M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS = {"m": M}


def shared(z):
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter("{%s}t" % M)) for si in sst.findall("m:si", NS)]


def sheet_names(z):
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    return [s.get("name") for s in wb.find("m:sheets", NS)]


def header(path):
    with open(path, newline="", encoding="utf-8") as f:
        return next(csv.reader(f))


def layout(book, template, sheet, lo, hi):
    z = zipfile.ZipFile(book)
    ok = True
    if sheet_names(z) != [sheet]:
        print("sheets %r, expected [%r]" % (sheet_names(z), sheet))
        ok = False
    strings = shared(z)
    root = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    row1 = root.find("m:sheetData/m:row", NS)
    got = []
    for c in row1.findall("m:c", NS):
        if c.get("t") != "s":
            print("header cell %s is not a string cell" % c.get("r"))
            ok = False
        got.append(strings[int(c.find("m:v", NS).text)])
    want = header(template)
    if got != want:
        print("header %r\nwanted %r" % (got, want))
        ok = False
    dvs = root.findall("m:dataValidations/m:dataValidation", NS)
    if len(dvs) != len(want) - 1:
        print("%d validations for %d answer columns" % (len(dvs), len(want) - 1))
        ok = False
    for i, dv in enumerate(dvs, 1):
        ref = "%s2:%s1001" % (col_name(i), col_name(i))
        f1, f2 = dv.find("m:formula1", NS), dv.find("m:formula2", NS)
        wid = want[i].split(". ")[0]
        if (dv.get("type") != "whole" or dv.get("sqref") != ref or f1 is None or f2 is None
                or f1.text != lo or f2.text != hi or dv.get("promptTitle") != wid):
            print("column %d validation %r %r %s-%s, wanted whole %s %s-%s titled %r" % (
                i, dv.get("type"), dv.get("sqref"), f1.text if f1 is not None else None,
                f2.text if f2 is not None else None, ref, lo, hi, wid))
            ok = False
    return ok


def fill(book, answers, out):
    z = zipfile.ZipFile(book)
    strings = shared(z)
    part = "xl/worksheets/sheet1.xml"
    xml = z.read(part).decode()
    root = ET.fromstring(xml)
    heads = [strings[int(c.find("m:v", NS).text)] for c in root.find("m:sheetData/m:row", NS)]
    with open(answers, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    src = rows[0]
    where = []
    for h in heads:
        names = [h] + h.split(". ", 1)  # "S01. text", "S01", "text"
        where.append(next((src.index(n) for n in names if n in src), None))
    if None in where:
        print("ANSWERS has no column for %r" % [h for h, w in zip(heads, where) if w is None])
        return False
    add = []
    for r, vals in enumerate(rows[1:], 2):
        cells = []
        for c, k in enumerate(where):
            v = vals[k] if k < len(vals) else ""
            ref = "%s%d" % (col_name(c), r)
            if v == "":
                continue
            if re.fullmatch(r"-?\d+", v):
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            else:
                cells.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(v)))
        add.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    if "</sheetData>" not in xml:
        print("no </sheetData> in the sheet")
        return False
    xml = xml.replace("</sheetData>", "".join(add) + "</sheetData>", 1)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o:
        for item in z.infolist():
            o.writestr(item, xml.encode() if item.filename == part else z.read(item.filename))
    return True


def same(a, b):
    def norm(p):
        t = open(p + ".json", encoding="utf-8").read()
        t = t.replace(p, "SHEET")
        t = re.sub(r'"sha256": "[0-9a-f]{64}"', '"sha256": "-"', t)
        return t, open(p + ".rc").read().strip()
    x, y = norm(a), norm(b)
    if not x[0] or '"units": []' in x[0] or '"scored": 0,' in x[0]:
        print("%s scored nothing: not a useful check" % a)
        return False
    if x != y:
        import difflib
        sys.stdout.writelines(difflib.unified_diff(x[0].splitlines(True), y[0].splitlines(True),
                                                   a, b, n=2))
        print("exit codes:", x[1], y[1])
        return False
    return True


def main():
    cmd, a = sys.argv[1], sys.argv[2:]
    ok = {"layout": lambda: layout(*a), "fill": lambda: fill(*a), "same": lambda: same(*a)}[cmd]()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
