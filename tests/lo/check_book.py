#!/usr/bin/env python3
"""Checks of the workbooks pekppp writes (tests/lo/run.sh); python3 stdlib only.

  check_book.py xml BOOK.xlsx TEXT...        no formula anywhere; each TEXT is a string cell
  check_book.py sheets BOOK.xlsx NAME...     the workbook's sheets are exactly NAME... in order
  check_book.py batch LODIR STEM BATCH.csv BATCH.json LANG INPUT...
        LibreOffice's CSV of every sheet (LODIR/STEM-<sheet>.csv) against pekppp's own
        batch CSV and JSON of the same inputs, and the levels sheet against the inputs
        (CSV sheets and JSON unit files, in the order given)
  check_book.py skm LODIR STEM SKM.csv SKM.json LANG
        the SKM workbook (skm -f xlsx) against skm -f csv and -f json of the same sheet:
        the IKM sheet is the CSV, the unsur, priority, profile and summary sheets and the
        receipt are the JSON's, the other conventions are named where the grade differs
  check_book.py form BOOK.xlsx LODIR STEM LANG RUBRIC_JSON
        the fill-in workbook: sheets, headers, keys, one row per indicator, level lists,
        protection, only the cells to fill unlocked (RUBRIC_JSON: tests/lo/expected/*.form.json)

Prints one line per failed check and exits 1 when any failed.
"""
import csv
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal

from xlsxcells import col_name

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg)


class Book:
    """Just enough of an .xlsx reader: sheet names, cells (type, value), styles."""

    def __init__(self, path):
        self.z = zipfile.ZipFile(path)
        wb = ET.fromstring(self.z.read("xl/workbook.xml"))
        rels = ET.fromstring(self.z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
        self.sheets = []
        for s in wb.find("m:sheets", NS):
            rid = s.get("{%s}id" % NS["r"])
            self.sheets.append((s.get("name"), "xl/" + target[rid].lstrip("/").replace("xl/", "")))
        self.shared = []
        if "xl/sharedStrings.xml" in self.z.namelist():
            sst = ET.fromstring(self.z.read("xl/sharedStrings.xml"))
            for si in sst.findall("m:si", NS):
                self.shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        styles = ET.fromstring(self.z.read("xl/styles.xml"))
        self.unlocked = []
        for xf in styles.find("m:cellXfs", NS):
            prot = xf.find("m:protection", NS)
            self.unlocked.append(prot is not None and prot.get("locked") == "0")

    def xml(self, name):
        return self.z.read(dict(self.sheets)[name]).decode()

    def cells(self, name):
        """{ref: (kind, value, style)}: kind 's' string, 'n' number, 'b' blank."""
        out = {}
        root = ET.fromstring(self.xml(name))
        for c in root.iter("{%s}c" % NS["m"]):
            t = c.get("t")
            v = c.find("m:v", NS)
            style = int(c.get("s", "0"))
            if t == "s":
                out[c.get("r")] = ("s", self.shared[int(v.text)], style)
            elif t == "inlineStr":
                out[c.get("r")] = ("s", "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"])), style)
            elif v is not None:
                out[c.get("r")] = ("n", v.text, style)
            else:
                out[c.get("r")] = ("b", "", style)
        return out


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def unquote(s):
    """pekppp's CSV puts an apostrophe before text a spreadsheet would take for a formula."""
    return s[1:] if s[:1] == "'" and s[1:2] in ("=", "+", "-", "@") else s


def same_number(a, b):
    try:
        return Decimal(a) == Decimal(b)
    except Exception:
        return a == b


def cmd_xml(path, texts):
    book = Book(path)
    strings = set()
    for name, part in book.sheets:
        x = book.xml(name)
        if re.search(r"<f[ >]", x):
            fail("%s: sheet %s holds a formula" % (path, name))
        strings.update(v for k, (kind, v, s) in book.cells(name).items() if kind == "s")
    for t in texts:
        if t not in strings:
            fail("%s: %r is not a string cell" % (path, t))


def cmd_sheets(path, names):
    got = [n for n, _ in Book(path).sheets]
    if got != names:
        fail("%s: sheets %r, expected %r" % (path, got, names))


WORDS = {
    "id": {"scored": "dinilai", "failed": "gagal dimuat",
           "sheets": ["Ringkasan", "Peringkat", "Nilai aspek", "Level indikator", "Rekomendasi",
                      "Gagal dimuat", "Jejak perhitungan"]},
    "en": {"scored": "scored", "failed": "failed to load",
           "sheets": ["Summary", "Ranking", "Aspect scores", "Indicator levels", "Recommendations",
                      "Failed", "Receipt"]},
}


def cmd_batch(lodir, stem, batch_csv, batch_json, lang, inputs):
    w = WORDS[lang]
    sheet = lambda i: read_csv("%s/%s-%s.csv" % (lodir, stem, w["sheets"][i]))
    ours = read_csv(batch_csv)
    js = json.load(open(batch_json, encoding="utf-8"))
    head = ours[0]
    nasp = head.index("flags") - head.index("survey") - 1
    aspects = head[head.index("survey") + 1:head.index("flags")]
    # Ranking: the CSV's columns but the aspects, same rows in the same order.
    rank = sheet(1)
    if len(rank) != len(ours):
        fail("ranking: %d rows, batch CSV %d" % (len(rank), len(ours)))
    for i, (lo, pk) in enumerate(zip(rank[1:], ours[1:]), 2):
        want = [unquote(c) for c in pk[:13] + pk[13 + nasp:]]
        want[1] = w[want[1]]
        for k, (a, b) in enumerate(zip(lo, want)):
            if not (a == b or (a and b and same_number(a, b))):
                fail("ranking row %d column %s (%s): %r, batch CSV %r" % (i, col_name(k), head[k if k < 13 else k + nasp], a, b))
        if len(lo) != len(want):
            fail("ranking row %d: %d cells, expected %d" % (i, len(lo), len(want)))
    # Aspect scores: rank, id, name, then one column per aspect, scored units only.
    asp = sheet(2)
    scored = [r for r in ours[1:] if r[1] == "scored"]
    if len(asp) - 1 != len(scored):
        fail("aspect scores: %d rows, %d scored units" % (len(asp) - 1, len(scored)))
    for lo, pk in zip(asp[1:], scored):
        want = [pk[0], unquote(pk[2]), unquote(pk[3])] + pk[13:13 + nasp]
        if [x for x in lo] != want:
            fail("aspect scores row %r, expected %r" % (lo, want))
    # Levels: the inputs' answers, in input order.
    lev = sheet(3)
    ids = lev[0][2:]
    expected = []
    for inp in inputs:
        if inp.endswith(".csv"):
            rows = read_csv(inp)
            h = rows[0]
            bad = {e["line"] for e in js["errors"] if e["file"].split("/")[-1] == inp.split("/")[-1]}
            for line, r in enumerate(rows[1:], 2):
                if line in bad:
                    continue
                d = dict(zip(h, r))
                expected.append([d["unit_id"], d["unit_name"]] + [d.get(i, "") for i in ids])
        else:
            u = json.load(open(inp, encoding="utf-8"))
            row = [u["unit"]["id"], u["unit"]["name"]]
            for i in ids:
                a = u["answers"].get(i, "")
                if isinstance(a, dict):
                    a = a.get("level", "")
                row.append(str(a))
            expected.append(row)
    if lev[1:] != expected:
        fail("levels sheet differs from the inputs:\n  %r\n  %r" % (lev[1:], expected))
    # Recommendations: each unit's, in order, with the JSON's gains.
    recs = sheet(4)[1:]
    want = []
    by_id = {u["unit"]["id"]: u for u in js["units"]}
    for row in expected:
        u = by_id[row[0]]
        for n, r in enumerate(u["recommendations"], 1):
            want.append((row[0], str(n), r["indicator"], str(r["from"]), str(r["to"]), r["gain"]))
    got = [(r[0], r[2], r[3], r[5], r[6], r[7]) for r in recs]
    if len(got) != len(want):
        fail("recommendations: %d rows, JSON %d" % (len(got), len(want)))
    for g, e in zip(got, want):
        if g[:5] != e[:5] or not same_number(g[5], str(e[5])):
            fail("recommendation %r, JSON %r" % (g, e))
            break
    # Summary: counts per grade and the mean.
    summ = sheet(0)
    flat = {r[0]: r[1:] for r in summ if r and r[0]}
    for grade, n in js["summary"]["grades"].items():
        if grade not in flat or flat[grade][1] != str(n):
            fail("summary: grade %s count %r, JSON %d" % (grade, flat.get(grade), n))
    means = [r for r in summ if r and r[0] in ("Rata-rata indeks", "Mean index")]
    if not means or not same_number(means[0][1], str(js["summary"]["mean"])):
        fail("summary mean %r, JSON %r" % (means, js["summary"]["mean"]))
    # Failed units with their place.
    failed = sheet(5)[1:]
    if len(failed) != len(js["errors"]):
        fail("failed sheet: %d rows, JSON %d errors" % (len(failed), len(js["errors"])))
    for lo, e in zip(failed, js["errors"]):
        where = "%s:%d:%d" % (e["file"], e["line"], e["column"]) if e.get("line") else e["file"]
        if lo[0] != e["file"] or lo[1] != where:
            fail("failed row %r, expected file %r at %r" % (lo, e["file"], where))
    # Receipt: the rubric's hash and each input's.
    rec = sheet(6)
    cells = [c for r in rec for c in r]
    if js["rubric"]["sha256"] not in cells:
        fail("receipt: no rubric sha256")
    for u in js["units"]:
        if u["input"]["sha256"] not in cells:
            fail("receipt: no sha256 of %s" % u["input"]["file"])


SKM_WORDS = {
    "id": {"sheets": ["Ringkasan", "IKM", "Unsur", "Prioritas", "Profil", "Jejak perhitungan"],
           "with": "dengan bobot", "blank": "(kosong)", "point": ","},
    "en": {"sheets": ["Summary", "IKM", "Unsur", "Priority", "Profile", "Receipt"],
           "with": "with weight", "blank": "(blank)", "point": "."},
}


def cmd_skm(lodir, stem, skm_csv, skm_json, lang, book_path):
    w = SKM_WORDS[lang]
    sheet = lambda i: read_csv("%s/%s-%s.csv" % (lodir, stem, w["sheets"][i]))
    ours = read_csv(skm_csv)
    # parse_float=Decimal keeps the digits as printed ("3.00", not 3.0)
    js = json.load(open(skm_json, encoding="utf-8"), parse_float=Decimal)
    units = js["units"]
    cmd_sheets(book_path, w["sheets"])
    # IKM: the CSV's columns in its order, then the other conventions.
    ikm = sheet(1)
    n = len(ours[0])
    if len(ikm) != len(ours):
        fail("IKM: %d rows, skm CSV %d" % (len(ikm), len(ours)))
    for i, (lo, pk) in enumerate(zip(ikm[1:], ours[1:]), 2):
        want = [unquote(c) for c in pk]
        for k, (a, b) in enumerate(zip(lo[:n], want)):
            if not (a == b or (a and b and same_number(a, b))):
                fail("IKM row %d column %s (%s): %r, skm CSV %r" % (i, col_name(k), ours[0][k], a, b))
        if len(lo) != n + 1:
            fail("IKM row %d: %d cells, expected %d" % (i, len(lo), n + 1))
        u = units[i - 2]
        other = [c for c in u.get("conventions", []) if not c["same_grade"]]
        text = lo[n] if len(lo) > n else ""
        for c in other:
            weight = c["weight"] if "/" in c["weight"] else c["weight"].replace(".", w["point"])
            index = str(c["index"]).replace(".", w["point"])
            part = "%s %s: %s %s" % (w["with"], weight, index, c["grade"])
            if part not in text:
                fail("IKM row %d: the other convention %r is not said (%r)" % (i, part, text))
        if not other and text:
            fail("IKM row %d: no other convention differs, but it says %r" % (i, text))
    # Unsur: unit x unsur in rubric order.
    rows = sheet(2)[1:]
    want = []
    for u in units:
        rank = {uid: k + 1 for k, uid in enumerate(u["priority"])}
        for x in u["unsur"]:
            want.append([u["unit"] or "", u["name"] or "", x["id"], x["name"], str(x["answered"]),
                         str(x["blank"]), str(x["nrr"] or ""), str(x["weighted"] or ""),
                         str(rank[x["id"]]) if x["id"] in rank else ""])
    if [r + [""] * (9 - len(r)) for r in rows] != want:
        fail("Unsur: %r, JSON %r" % (rows[:3], want[:3]))
    # Priority: lowest NRR first, as the JSON lists it.
    rows = sheet(3)[1:]
    want = []
    for u in units:
        byid = {x["id"]: x for x in u["unsur"]}
        for k, uid in enumerate(u["priority"], 1):
            want.append([u["unit"] or "", u["name"] or "", str(k), uid, byid[uid]["name"], str(byid[uid]["nrr"])])
    if rows != want:
        fail("Prioritas: %r, JSON %r" % (rows[:3], want[:3]))
    # Profiles: every value with its count, then the blanks.
    rows = sheet(4)[1:]
    want = []
    names = {"age": {"id": "umur", "en": "age"}, "sex": {"id": "jenis kelamin", "en": "sex"},
             "education": {"id": "pendidikan", "en": "education"},
             "occupation": {"id": "pekerjaan", "en": "occupation"}}
    for u in units:
        for key, t in u["profiles"].items():
            shown = names.get(key, {}).get(lang, key)
            for v in t["values"]:
                want.append([u["unit"] or "", u["name"] or "", shown, v["value"], str(v["count"])])
            if t["blank"]:
                want.append([u["unit"] or "", u["name"] or "", shown, w["blank"], str(t["blank"])])
    if rows != want:
        fail("Profil: %r, JSON %r" % (rows[:4], want[:4]))
    # Summary: units, respondents, empty rows, units per grade.
    summ = sheet(0)
    vals = [r[1] for r in summ[3:6]]
    sm = js["summary"]
    if vals != [str(sm["units"]), str(sm["respondents"]), str(sm["empty_rows"])]:
        fail("summary: units/respondents/empty rows %r, JSON %r" % (vals, sm))
    grades = {r[0]: r[2] for r in summ[8:] if len(r) > 2 and r[0]}
    if grades != {g: str(c) for g, c in sm["grades"].items()}:
        fail("summary: grade counts %r, JSON %r" % (grades, sm["grades"]))
    # Receipt: the instrument's and each input's SHA-256.
    rec = sheet(5)
    flat = [c for r in rec for c in r]
    for h in [js["rubric"]["sha256"]] + [i["sha256"] for i in js["inputs"]]:
        if h not in flat:
            fail("receipt: SHA-256 %s missing" % h)


def cmd_form(path, lodir, stem, lang, rubric_json):
    r = json.load(open(rubric_json, encoding="utf-8"))
    names = {"id": ["Petunjuk", "Identitas", "Indikator", "Survei"],
             "en": ["Instructions", "Identity", "Indicators", "Survey"]}[lang]
    cmd_sheets(path, names)
    book = Book(path)
    ident = read_csv("%s/%s-%s.csv" % (lodir, stem, names[1]))
    keys = ["schema", "rubric", "unit_id", "unit_name", "institution", "category", "mode", "period",
            "assessor", "survey_score", "survey_respondents"]
    head = {"id": ["kunci", "isian", "keterangan"], "en": ["key", "value", "description"]}[lang]
    if ident[0] != head or [x[0] for x in ident[1:]] != keys:
        fail("identity sheet: %r" % [x[0] for x in ident])
    if ident[1][1] != "pekppp/assessment/v1" or ident[2][1] != r["id"]:
        fail("identity: schema/rubric values %r %r" % (ident[1][1], ident[2][1]))
    ind = read_csv("%s/%s-%s.csv" % (lodir, stem, names[2]))
    want_head = ({"id": ["aspek", "kode", "indikator", "bobot"], "en": ["aspect", "code", "indicator", "weight"]}[lang]
                 + ["level_%d" % k for k in range(0, 6)]
                 + {"id": ["level", "bukti", "catatan"], "en": ["level", "evidence", "note"]}[lang])
    if ind[0] != want_head:
        fail("indicator header %r" % ind[0])
    codes = [i[0] for i in r["indicators"]] + r["supplementary"]
    if [x[1] for x in ind[1:]] != codes:
        fail("indicator rows %r, rubric %r" % ([x[1] for x in ind[1:]], codes))
    # Protection on every sheet; unlocked cells exactly the ones to fill.
    for name, _ in book.sheets:
        if "<sheetProtection" not in book.xml(name):
            fail("sheet %s is not protected" % name)
    cells = book.cells(names[1])
    unlocked = sorted((k for k, (_, _, s) in cells.items() if book.unlocked[s]), key=lambda k: int(k[1:]))
    if unlocked != ["B%d" % n for n in range(4, 13)]:
        fail("identity: unlocked %r" % unlocked)
    cells = book.cells(names[2])
    unlocked = sorted((k for k, (_, _, s) in cells.items() if book.unlocked[s]), key=lambda k: (int(re.sub("[A-Z]", "", k)), k))
    want = [c + str(n) for n in range(2, len(codes) + 2) for c in "KLM"]
    if unlocked != want:
        fail("indicators: unlocked %r..., expected K2:M%d" % (unlocked[:6], len(codes) + 1))
    x = book.xml(names[2])
    dv = re.findall(r'<dataValidation [^>]*sqref="(K\d+)"[^>]*>.*?<formula1>([^<]*)</formula1>', x)
    lists = dict(dv)
    nas = dict(r["indicators"])
    for n, code in enumerate(codes, 2):
        want = '"0,1,2,3,4,5,na"' if nas.get(code) else '"0,1,2,3,4,5"'
        if lists.get("K%d" % n, "").replace("&quot;", '"') != want:
            fail("level list of %s (K%d): %r, expected %s" % (code, n, lists.get("K%d" % n), want))
    sv = book.cells(names[3])
    if sv.get("A201", ("", "", 0))[1] != "200" or book.unlocked[sv["A2"][2]] or not book.unlocked[sv["B2"][2]]:
        fail("survey sheet: respondents 1..200 locked, items unlocked")
    head = read_csv("%s/%s-%s.csv" % (lodir, stem, names[3]))[0]
    if head != [{"id": "responden", "en": "respondent"}[lang]] + r["survey_items"]:
        fail("survey header %r" % head)
    if 'type="whole"' not in book.xml(names[3]):
        fail("survey sheet: no whole-number validation")


def main():
    cmd = sys.argv[1]
    a = sys.argv[2:]
    if cmd == "xml":
        cmd_xml(a[0], a[1:])
    elif cmd == "sheets":
        cmd_sheets(a[0], a[1:])
    elif cmd == "batch":
        cmd_batch(a[0], a[1], a[2], a[3], a[4], a[5:])
    elif cmd == "skm":
        cmd_skm(*a)
    elif cmd == "form":
        cmd_form(*a)
    else:
        sys.exit("unknown command " + cmd)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
