#!/usr/bin/env python3
"""Seeded generator of realistic synthetic PEKPPP units, for benchmarks and load tests.

    python3 bench/gen_units.py --rubric rubrics/pekppp-2022-luring.yaml \
        --count 10000 --seed 1 --out /tmp/u10k
    python3 bench/gen_units.py --rubric rubrics/pekppp-2022-luring.yaml \
        --count 100000 --seed 1 --format csv [--dialect id] --out /tmp/sheet.csv

YAML mode writes one unit file per unit (docs/formats.md section 2) into DIR/000/, DIR/001/,
... (at most 1000 files per folder). CSV mode writes one sheet (section 3) with one row per
unit and only the aggregated survey form. Standard library only; the rubric is read with
PyYAML when it is installed, else with a small line scanner that understands the layout of the
shipped rubrics. The same arguments always give the same bytes.
"""

import argparse
import csv
import io
import os
import random
import re
import sys

FILES_PER_DIR = 1000

# --------------------------------------------------------------------------------------------
# Rubric: only what the generator needs (ids, scale, which indicators allow na, survey items).
# --------------------------------------------------------------------------------------------


class RubricInfo:
    def __init__(self):
        self.id = None
        self.scale_min = 0
        self.scale_max = 5
        self.indicators = []      # [(id, aspect_id, na_allowed)] in rubric order
        self.supplementary = []   # [id]
        self.survey_items = []    # [id]
        self.min_respondents = 10


def _rubric_from_pyyaml(path):
    import yaml  # noqa: F401  (ImportError handled by the caller)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, "rb") as f:
        doc = yaml.load(f, Loader=loader)
    r = RubricInfo()
    r.id = str(doc["id"])
    scale = doc.get("scale") or {}
    r.scale_min = int(scale.get("min", 0))
    r.scale_max = int(scale.get("max", 5))
    for asp in doc["aspects"]:
        for ind in asp["indicators"]:
            r.indicators.append((str(ind["id"]), str(asp["id"]), bool(ind.get("na", False))))
    for sup in doc.get("supplementary") or []:
        r.supplementary.append(str(sup["id"]))
    survey = doc.get("survey") or {}
    r.min_respondents = int(survey.get("min_respondents", 10))
    for item in survey.get("items") or []:
        r.survey_items.append(str(item["id"]))
    return r


_ID_RE = re.compile(r"""^(\s*)-\s*(\{\s*)?id:\s*(?:"([^"]*)"|'([^']*)'|([^,}\s#]+))""")
_TOP_RE = re.compile(r"^([A-Za-z_]+):(.*)$")


def _rubric_from_lines(path):
    """Fallback without PyYAML: scan `- id:` lines per top-level section."""
    r = RubricInfo()
    section = None
    aspect_indent = None
    aspect = None
    last_indicator = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            top = _TOP_RE.match(line)
            if top:
                section = top.group(1)
                rest = top.group(2)
                if section == "id":
                    r.id = rest.split("#")[0].strip().strip("\"'")
                elif section == "scale":
                    mn = re.search(r"min:\s*(-?\d+)", rest)
                    mx = re.search(r"max:\s*(-?\d+)", rest)
                    if mn:
                        r.scale_min = int(mn.group(1))
                    if mx:
                        r.scale_max = int(mx.group(1))
                aspect_indent = None
                continue
            m = _ID_RE.match(line)
            if m:
                indent = len(m.group(1))
                ident = m.group(3) if m.group(3) is not None else (
                    m.group(4) if m.group(4) is not None else m.group(5))
                if section == "aspects":
                    if aspect_indent is None or indent <= aspect_indent:
                        aspect_indent = indent
                        aspect = ident
                    else:
                        r.indicators.append((ident, aspect, False))
                        last_indicator = len(r.indicators) - 1
                elif section == "supplementary":
                    r.supplementary.append(ident)
                elif section == "survey":
                    r.survey_items.append(ident)
                continue
            if section == "aspects" and last_indicator is not None:
                na = re.match(r"^\s+na:\s*(true|yes|on)\b", line, re.I)
                if na:
                    ident, asp, _ = r.indicators[last_indicator]
                    r.indicators[last_indicator] = (ident, asp, True)
            if section == "survey":
                mr = re.match(r"^\s+min_respondents:\s*(\d+)", line)
                if mr:
                    r.min_respondents = int(mr.group(1))
    if not r.id or not r.indicators:
        raise SystemExit("gen_units: cannot read indicator ids from %s" % path)
    return r


def load_rubric(path, force_scan=False):
    if not force_scan:
        try:
            return _rubric_from_pyyaml(path)
        except ImportError:
            pass
    return _rubric_from_lines(path)


# --------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------

PLACES = [
    "Kajen", "Bojong", "Wiradesa", "Kedungwuni", "Buaran", "Tirto", "Sragi", "Bligo", "Karanganyar",
    "Doro", "Talun", "Petungkriyono", "Lebakbarang", "Paninggaran", "Kandangserang", "Wonopringgo",
    "Siwalan", "Wonokerto", "Kesesi", "Karangdadap", "Batang", "Kendal", "Weleri", "Boja", "Ungaran",
    "Ambarawa", "Salatiga", "Temanggung", "Parakan", "Wonosobo", "Banjarnegara", "Purbalingga",
    "Bobotsari", "Ajibarang", "Sokaraja", "Cilacap", "Majenang", "Kebumen", "Gombong", "Purworejo",
    "Magelang", "Muntilan", "Boyolali", "Klaten", "Sukoharjo", "Wonogiri", "Karanganom", "Sragen",
    "Blora", "Cepu", "Rembang", "Lasem", "Pati", "Juwana", "Kudus", "Jepara", "Demak", "Grobogan",
    "Purwodadi", "Tegal", "Slawi", "Brebes", "Bumiayu", "Pemalang", "Comal", "Randudongkal",
    "Sukamaju", "Sidomulyo", "Tanjungsari", "Mekarsari", "Sumberrejo", "Margorejo", "Gunungsari",
]
REGENCIES = [
    "Pekalongan", "Batang", "Kendal", "Semarang", "Temanggung", "Wonosobo", "Banjarnegara",
    "Purbalingga", "Banyumas", "Cilacap", "Kebumen", "Purworejo", "Magelang", "Boyolali",
    "Klaten", "Sukoharjo", "Wonogiri", "Sragen", "Blora", "Rembang", "Pati", "Kudus", "Jepara",
    "Demak", "Grobogan", "Tegal", "Brebes", "Pemalang",
]
CITIES = ["Pekalongan", "Semarang", "Salatiga", "Magelang", "Surakarta", "Tegal"]
DINAS = [
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Dinas Kesehatan",
    "Dinas Sosial",
    "Dinas Perhubungan",
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Tenaga Kerja",
    "Dinas Lingkungan Hidup",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Koperasi, Usaha Kecil dan Menengah",             # comma: needs CSV quoting
    "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak",
    "Badan Pendapatan Daerah",
    "Dinas Perpustakaan dan Kearsipan",
]
ROMAN = ["I", "II", "III"]
NICKNAMES = ["Sehat", "Melati", "Cempaka", "Harapan", "Bakti Husada", "Sejahtera", "Mulia"]
ASSESSORS = [
    "Tim Evaluator Bagian Organisasi Setda",
    "Tim Evaluator PEKPPP Nasional",
    "Tim Penilai Internal",
    "Inspektorat Daerah",
]
NOTES = [
    "Bukti dukung sudah lengkap dan diverifikasi saat kunjungan lapangan.",
    "Dokumen ada, tetapi belum ditandatangani pimpinan.",
    "Pelaksanaan baru berjalan sebagian; perlu tindak lanjut tahun depan.",
    "Foto kegiatan tersedia, notulen rapat belum diunggah.",
    "SK sudah kedaluwarsa dan sedang diperbarui.",
    "Sarana tersedia, tetapi belum mudah dijangkau kelompok rentan.",
    "Publikasi hanya di papan informasi, belum di media daring.",
    "Data pengaduan tercatat manual; belum terhubung ke SP4N-LAPOR!.",
    "Inovasi sudah direplikasi oleh dua unit lain.",
    "Petugas menyebut \"sedang proses\" untuk sebagian dokumen.",
    "Survei dilaksanakan, laporan belum dipublikasikan.",
]
CATEGORIES = [  # (category, relative frequency)
    ("puskesmas", 30), ("kecamatan", 22), ("kelurahan", 22), ("dinas", 18), ("rsud", 8),
]


def _weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def make_identity(rng, i):
    """Name, institution and category of unit number i (0-based)."""
    category = _weighted(rng, CATEGORIES)
    if rng.random() < 0.8:
        region = rng.choice(REGENCIES)
        institution = "Pemerintah Kabupaten " + region
        region_label = "Kabupaten " + region
    else:
        region = rng.choice(CITIES)
        institution = "Pemerintah Kota " + region
        region_label = "Kota " + region
    place = rng.choice(PLACES)
    if category == "puskesmas":
        name = "Puskesmas " + place
        r = rng.random()
        if r < 0.35:
            name += " " + rng.choice(ROMAN)
        elif r < 0.40:
            name += " \"" + rng.choice(NICKNAMES) + "\""      # a quote: needs CSV quoting
    elif category == "kecamatan":
        name = "Kantor Kecamatan " + place if rng.random() < 0.6 else "Kecamatan " + place
    elif category == "kelurahan":
        if rng.random() < 0.5:
            name = "Kelurahan " + place
        else:
            name = "Kelurahan %s %s" % (rng.choice(["Sukamaju", "Sidomulyo", "Mekarsari",
                                                     "Tanjungsari", "Gunungsari"]), place)
    elif category == "dinas":
        name = rng.choice(DINAS) + " " + region_label
    else:
        name = "RSUD " + rng.choice([place, "Kraton", "Bendan", "dr. Soeselo", "Kajen"])
        if rng.random() < 0.15:
            name += ", " + region_label                          # a comma
    return name, institution, category


# --------------------------------------------------------------------------------------------
# One unit
# --------------------------------------------------------------------------------------------


def _clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def _dec2(x):
    """Non-negative float -> text with exactly two decimals ("4.35")."""
    c = int(round(x * 100))
    return "%d.%02d" % divmod(c, 100)


def make_unit(rng, rub, i, csv_mode=False):
    """Return a dict describing unit i (the sheet gets only the aggregated survey form)."""
    uid = "gen-%06d" % (i + 1)
    name, institution, category = make_identity(rng, i)
    mode = "nasional" if rng.random() < 0.3 else "mandiri"
    span = rub.scale_max - rub.scale_min
    # Per-unit quality on the 0..1 scale, spread so grades run from D/E to A.
    quality = 0.18 + 0.81 * rng.betavariate(2.6, 1.7)
    q = rub.scale_min + quality * span
    spread = rng.uniform(0.45, 1.1)
    answers = []
    for ind_id, _aspect, na_ok in rub.indicators:
        if na_ok and rng.random() < 0.04:
            answers.append((ind_id, "na", None))
            continue
        bias = -0.6 if ind_id.endswith(".B") and ".f." in ind_id else 0.0   # innovation is hard
        level = int(round(_clamp(rng.gauss(q + bias, spread), rub.scale_min, rub.scale_max)))
        note = None
        if rng.random() < 0.2:
            note = rng.choice(NOTES)
        answers.append((ind_id, level, note))
    for sup_id in rub.supplementary:
        if rng.random() < 0.9:
            level = int(round(_clamp(rng.gauss(q, 1.3), rub.scale_min, rub.scale_max)))
            answers.append((sup_id, level, None))
    # Survey: 60 % aggregated, 20 % raw responses, 20 % none. Users rate a bit above the evaluator.
    r = rng.random()
    survey = None
    su = _clamp(q + rng.gauss(0.35, 0.35), rub.scale_min + 0.5, rub.scale_max)
    if rub.survey_items and r < 0.6:
        respondents = rng.randint(6, 9) if rng.random() < 0.07 else rng.randint(10, 120)
        survey = ("score", _dec2(su), respondents)
    elif rub.survey_items and r < 0.8 and not csv_mode:
        n = rng.randint(10, 30)
        responses = []
        for _ in range(n):
            person = rng.gauss(su, 0.5)
            resp = []
            for item in rub.survey_items:
                if rng.random() < 0.03:
                    continue                     # a skipped question now and then
                v = int(round(_clamp(rng.gauss(person, 0.6), rub.scale_min, rub.scale_max)))
                resp.append((item, v))
            responses.append(resp)
        survey = ("responses", responses)
    elif rub.survey_items and r < 0.8 and csv_mode:
        # The sheet has only the aggregated form: keep the 80 % share with a survey.
        respondents = rng.randint(10, 30)
        survey = ("score", _dec2(su), respondents)
    assessor = rng.choice(ASSESSORS) if rng.random() < 0.7 else None
    return {
        "id": uid, "name": name, "institution": institution, "category": category,
        "mode": mode, "period": "2025", "assessor": assessor,
        "answers": answers, "survey": survey,
    }


def _q(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unit_yaml(rub, u, seed):
    out = io.StringIO()
    w = out.write
    w("# Unit sintetis untuk uji beban (gen_units.py, seed %d). Data rekaan.\n" % seed)
    w("schema: pekppp/assessment/v1\n")
    w("rubric: %s\n" % rub.id)
    w("unit:\n")
    w("  id: %s\n" % _q(u["id"]))
    w("  name: %s\n" % _q(u["name"]))
    w("  institution: %s\n" % _q(u["institution"]))
    w("  category: %s\n" % u["category"])
    w("  mode: %s\n" % u["mode"])
    w("period: %s\n" % _q(u["period"]))
    if u["assessor"]:
        w("assessor: %s\n" % _q(u["assessor"]))
    w("answers:\n")
    for ind_id, level, note in u["answers"]:
        if note is None:
            w("  %s: %s\n" % (_q(ind_id), level))
        else:
            w("  %s: {level: %s, note: %s}\n" % (_q(ind_id), level, _q(note)))
    s = u["survey"]
    if s and s[0] == "score":
        w("survey:\n  score: %s\n  respondents: %d\n" % (s[1], s[2]))
    elif s:
        w("survey:\n  responses:\n")
        for resp in s[1]:
            w("    - {" + ", ".join("%s: %d" % (k, v) for k, v in resp) + "}\n")
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------


def write_yaml_tree(rub, count, seed, outdir):
    rng = random.Random(seed)
    width = max(3, len(str(max(count - 1, 0) // FILES_PER_DIR)))
    os.makedirs(outdir, exist_ok=True)
    current = None
    for i in range(count):
        sub = os.path.join(outdir, "%0*d" % (width, i // FILES_PER_DIR))
        if sub != current:
            os.makedirs(sub, exist_ok=True)
            current = sub
        u = make_unit(rng, rub, i)
        with open(os.path.join(sub, u["id"] + ".yaml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(unit_yaml(rub, u, seed))


def write_csv(rub, count, seed, outfile, dialect, bom):
    rng = random.Random(seed)
    delim = ";" if dialect == "id" else ","
    ind_ids = [i for i, _, _ in rub.indicators] + list(rub.supplementary)
    header = ["unit_id", "unit_name", "institution", "category", "mode", "period"] + ind_ids
    if rub.survey_items:
        header += ["survey_score", "survey_respondents"]
    d = os.path.dirname(outfile)
    if d:
        os.makedirs(d, exist_ok=True)
    with open(outfile, "w", encoding="utf-8", newline="") as f:
        if bom:
            f.write("\ufeff")
        wr = csv.writer(f, delimiter=delim, quotechar='"', quoting=csv.QUOTE_MINIMAL,
                        lineterminator="\r\n")
        wr.writerow(header)
        for i in range(count):
            u = make_unit(rng, rub, i, csv_mode=True)
            cells = {k: ("na" if lv == "na" else str(lv)) for k, lv, _ in u["answers"]}
            row = [u["id"], u["name"], u["institution"], u["category"], u["mode"], u["period"]]
            row += [cells.get(k, "") for k in ind_ids]
            if rub.survey_items:
                s = u["survey"]
                if s:
                    score = s[1].replace(".", ",") if dialect == "id" else s[1]
                    row += [score, str(s[2])]
                else:
                    row += ["", ""]
            wr.writerow(row)


def write_long(rub, count, seed, outfile):
    """One row per unit x indicator, in the Kutai Barat bureau's column names, with a unit's
    rows far apart: every unit's first indicator, then every unit's second, and so on."""
    rng = random.Random(seed)
    units = [make_unit(rng, rub, i, csv_mode=True) for i in range(count)]
    ind_ids = [i for i, _, _ in rub.indicators] + list(rub.supplementary)
    d = os.path.dirname(outfile)
    if d:
        os.makedirs(d, exist_ok=True)
    with open(outfile, "w", encoding="utf-8", newline="") as f:
        wr = csv.writer(f, delimiter=",", quotechar='"', quoting=csv.QUOTE_MINIMAL,
                        lineterminator="\r\n")
        wr.writerow(["opd_id", "opd_name", "periode", "kode_indikator", "nilai"])
        cells = [{k: ("na" if lv == "na" else str(lv)) for k, lv, _ in u["answers"]} for u in units]
        for k in ind_ids:
            for u, c in zip(units, cells):
                if k in c:
                    wr.writerow([u["id"], u["name"], u["period"], k, c[k]])


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate synthetic PEKPPP units (seeded).")
    ap.add_argument("--rubric", required=True, help="rubric YAML (ids, scale, survey items)")
    ap.add_argument("--count", type=int, required=True, help="number of units")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", required=True, help="output folder (yaml) or file (csv)")
    ap.add_argument("--format", choices=["yaml", "csv", "long"], default="yaml",
                    help="yaml: a folder of unit files; csv: one row per unit; long: one row "
                         "per unit x indicator (no survey)")
    ap.add_argument("--dialect", choices=["en", "id"], default="en",
                    help="csv only: en = ',' and decimal point; id = ';' and decimal comma")
    ap.add_argument("--bom", action="store_true", help="csv only: start with a UTF-8 BOM")
    ap.add_argument("--no-pyyaml", action="store_true",
                    help="read the rubric with the built-in line scanner even if PyYAML exists")
    a = ap.parse_args(argv)
    if a.count < 0:
        ap.error("--count must be >= 0")
    rub = load_rubric(a.rubric, force_scan=a.no_pyyaml)
    if a.format == "long":
        write_long(rub, a.count, a.seed, a.out)
    elif a.format == "csv":
        write_csv(rub, a.count, a.seed, a.out, a.dialect, a.bom)
    else:
        write_yaml_tree(rub, a.count, a.seed, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
