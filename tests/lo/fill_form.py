#!/usr/bin/env python3
"""Fill pekppp's fill-in workbook as unit staff would, from a unit file in JSON.

  fill_form.py fill FORM.xlsx UNIT.json OUT.xlsx
      Puts the unit's identity (Identitas/Identity column B; digits as number cells,
      as a spreadsheet saves a typed 2025 or 4.35), each answer's level (a number, or
      the text na),
      evidence (one item per line) and note (Indikator/Indicators: the `level`,
      `bukti`/`evidence`, `catatan`/`note` columns) and the survey (the responses
      on the Survei/Survey sheet, or survey_score and survey_respondents on the
      identity sheet) into the unlocked cells, by editing the sheets' XML.
  fill_form.py verify LODIR STEM UNIT.json
      Checks LibreOffice's CSV of a filled workbook (LODIR/STEM-<sheet>.csv): every
      value stands in the cell the layout (docs/formats.md, "Fill-in workbook")
      gives it.

python3 stdlib only (zipfile, xml, csv).  Exit 1 when a check fails.
"""
import csv
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

from xlsxcells import col_name, col_index

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
NAMES = {"identity": ("Identitas", "Identity"), "indicators": ("Indikator", "Indicators"),
         "survey": ("Survei", "Survey")}
IDENTITY = {"unit_id": ("unit", "id"), "unit_name": ("unit", "name"),
            "institution": ("unit", "institution"), "category": ("unit", "category"),
            "mode": ("unit", "mode"), "period": ("period",), "assessor": ("assessor",)}


def identity_values(u):
    out = {}
    for key, path in IDENTITY.items():
        v = u
        for p in path:
            v = v.get(p) if isinstance(v, dict) else None
        if v is not None:
            out[key] = str(v)
    s = u.get("survey") or {}
    if "score" in s:
        out["survey_score"] = str(s["score"])
        out["survey_respondents"] = str(s["respondents"])
    return out


def answer(a):
    """(level, evidence lines, note) of an answer: 3, "na" or {level, evidence, note}."""
    if isinstance(a, dict):
        return a.get("level"), a.get("evidence") or [], a.get("note")
    return a, [], None


NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")


class Number(str):
    """A number cell holding this decimal text."""


class Form:
    def __init__(self, path):
        self.z = zipfile.ZipFile(path)
        wb = ET.fromstring(self.z.read("xl/workbook.xml"))
        rels = ET.fromstring(self.z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
        self.parts = {}
        for s in wb.find("m:sheets", NS):
            self.parts[s.get("name")] = "xl/" + target[s.get(RID)]
        self.shared = []
        if "xl/sharedStrings.xml" in self.z.namelist():
            for si in ET.fromstring(self.z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                self.shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        self.edited = {}

    def part(self, which):
        for n in NAMES[which]:
            if n in self.parts:
                return self.parts[n]
        sys.exit("no %s sheet in the workbook" % which)

    def text_cells(self, part):
        """{ref: text} of the string cells of a sheet."""
        out = {}
        root = ET.fromstring(self.z.read(part))
        for c in root.iter("{%s}c" % NS["m"]):
            v = c.find("m:v", NS)
            if c.get("t") == "s":
                out[c.get("r")] = self.shared[int(v.text)]
            elif c.get("t") == "inlineStr":
                out[c.get("r")] = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
            elif v is not None:
                out[c.get("r")] = v.text
        return out

    def set(self, part, ref, value):
        """Put @p value (int: a number, str: text) into the cell @p ref, keeping its style."""
        xml = self.edited.get(part) or self.z.read(part).decode()
        m = re.search(r'<c r="%s"((?: [a-z]+="[^"]*")*)\s*(/>|>.*?</c>)' % ref, xml)
        if not m:
            sys.exit("cell %s is not in %s (the template prepares every cell to fill)" % (ref, part))
        style = re.search(r' s="\d+"', m.group(1))
        style = style.group(0) if style else ""
        if isinstance(value, int):
            cell = '<c r="%s"%s><v>%d</v></c>' % (ref, style, value)
        elif isinstance(value, Number):
            cell = '<c r="%s"%s><v>%s</v></c>' % (ref, style, value)
        else:
            cell = '<c r="%s"%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (
                ref, style, escape(value))
        self.edited[part] = xml[:m.start()] + cell + xml[m.end():]

    def save(self, out):
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for info in self.z.infolist():
                data = self.edited.get(info.filename)
                z.writestr(info, data.encode() if data is not None else self.z.read(info.filename))


def fill(form_path, unit_path, out):
    u = json.load(open(unit_path, encoding="utf-8"))
    f = Form(form_path)
    part = f.part("identity")
    cells = f.text_cells(part)
    rows = {v: int(k[1:]) for k, v in cells.items() if k.startswith("A")}
    for key, value in identity_values(u).items():
        # Digits typed into a cell are a number to a spreadsheet (a period 2025, a score
        # 4.35): write them as number cells, as Excel and LibreOffice save them.
        f.set(part, "B%d" % rows[key], Number(value) if NUMBER.fullmatch(value) else value)
    part = f.part("indicators")
    cells = f.text_cells(part)
    head = {v: col_index(k) for k, v in cells.items() if re.fullmatch(r"[A-Z]+1", k)}
    level = head["level"]
    codes = {v: int(re.sub("[A-Z]", "", k)) for k, v in cells.items() if k[0] == "B" and k != "B1"}
    for ind, a in u.get("answers", {}).items():
        lv, ev, note = answer(a)
        row = codes[ind]
        if lv is not None:
            f.set(part, "%s%d" % (col_name(level), row), lv if isinstance(lv, int) else str(lv))
        if ev:
            f.set(part, "%s%d" % (col_name(level + 1), row), "\n".join(ev))
        if note:
            f.set(part, "%s%d" % (col_name(level + 2), row), note)
    responses = (u.get("survey") or {}).get("responses")
    if responses:
        part = f.part("survey")
        cells = f.text_cells(part)
        items = {v: col_index(k) for k, v in cells.items() if re.fullmatch(r"[A-Z]+1", k)}
        for n, resp in enumerate(responses, 2):
            for item, v in resp.items():
                f.set(part, "%s%d" % (col_name(items[item]), n), int(v))
    f.save(out)


def verify(lodir, stem, unit_path):
    u = json.load(open(unit_path, encoding="utf-8"))
    bad = []

    def sheet(which):
        for n in NAMES[which]:
            try:
                with open("%s/%s-%s.csv" % (lodir, stem, n), newline="", encoding="utf-8") as fh:
                    return list(csv.reader(fh))
            except FileNotFoundError:
                pass
        sys.exit("no CSV of the %s sheet in %s" % (which, lodir))

    ident = {r[0]: r[1] for r in sheet("identity")[1:]}
    for key, value in identity_values(u).items():
        if ident.get(key) != value:
            bad.append("identity %s: %r, unit %r" % (key, ident.get(key), value))
    ind = sheet("indicators")
    level = ind[0].index("level")
    rows = {r[1]: r for r in ind[1:]}
    for code, a in u.get("answers", {}).items():
        lv, ev, note = answer(a)
        r = rows[code]
        if r[level] != ("" if lv is None else str(lv)) or r[level + 1] != "\n".join(ev) or \
                r[level + 2] != (note or ""):
            bad.append("indicator %s: %r, unit %r" % (code, r[level:level + 3], (lv, ev, note)))
    answered = set(u.get("answers", {}))
    for code, r in rows.items():
        if code not in answered and any(r[level:level + 3]):
            bad.append("indicator %s filled but not answered: %r" % (code, r[level:level + 3]))
    sv = sheet("survey")
    responses = (u.get("survey") or {}).get("responses") or []
    items = sv[0][1:]
    for n, r in enumerate(sv[1:]):
        want = [str(responses[n].get(i, "")) if n < len(responses) else "" for i in items]
        if r[1:] != want or r[0] != str(n + 1):
            bad.append("survey row %d: %r, unit %r" % (n + 2, r, want))
            break
    for b in bad:
        print("FAIL " + b)
    return not bad


if __name__ == "__main__":
    if sys.argv[1] == "fill":
        fill(*sys.argv[2:5])
    elif sys.argv[1] == "verify":
        sys.exit(0 if verify(*sys.argv[2:5]) else 1)
    else:
        sys.exit(__doc__)
