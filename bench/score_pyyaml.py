#!/usr/bin/env python3
"""The script an analyst would write instead of pekppp: PyYAML (C loader) + exact fractions.

    python3 bench/score_pyyaml.py --rubric rubrics/pekppp-2022-luring.yaml DIR_OR_FILE...

Walks the folders for *.yaml / *.yml / *.json unit files, scores each unit by docs/scoring.md
(weights, bands, the evaluator/survey split, rounding and the minimum number of respondents all
come from the rubric), prints "id index grade" per unit and then the exact mean of the exact
indices, rounded once. A unit that cannot be scored is reported on stderr and skipped.
Used by bench/run.sh as the comparison point for the tool.
"""

import argparse
import os
import sys
from fractions import Fraction

import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    sys.exit("score_pyyaml: PyYAML has no C loader (CSafeLoader); install libyaml-backed PyYAML")


def dec(x):
    """A YAML number (int/float) or decimal text -> exact Fraction of its decimal text."""
    if isinstance(x, bool):
        raise ValueError("not a number: %r" % (x,))
    if isinstance(x, int):
        return Fraction(x)
    if isinstance(x, float):
        return Fraction(repr(x))   # shortest repr == the text written, for <= 4 decimals
    if isinstance(x, str):
        return Fraction(x.strip())
    raise ValueError("not a number: %r" % (x,))


def round_half_up(x, places):
    scale = 10 ** places
    n = x * scale
    q = (n.numerator * 2 + n.denominator) // (2 * n.denominator)   # floor(n + 1/2)
    if places == 0:
        return Fraction(q), str(q)
    sign = "-" if q < 0 else ""
    q = abs(q)
    return Fraction(q if not sign else -q, scale), "%s%d.%0*d" % (sign, q // scale, places,
                                                                  q % scale)


class Rubric:
    def __init__(self, path):
        with open(path, "rb") as f:
            doc = yaml.load(f, Loader=Loader)
        self.id = str(doc["id"])
        self.decimals = int((doc.get("rounding") or {}).get("decimals", 2))
        combine = doc.get("combine") or {}
        self.w_eval = dec(combine.get("evaluator", 100))
        self.w_survey = dec(combine.get("survey", 0))
        self.bands = sorted(((dec(b["min"]), str(b["grade"])) for b in doc["bands"]),
                            key=lambda b: b[0], reverse=True)
        self.aspects = []   # [(W, [(id, w, na_ok)])]
        for a in doc["aspects"]:
            inds = [(str(i["id"]), dec(i["weight"]), bool(i.get("na", False)))
                    for i in a["indicators"]]
            self.aspects.append((dec(a["weight"]), inds))
        survey = doc.get("survey") or {}
        self.min_respondents = int(survey.get("min_respondents", 0))

    def grade(self, rounded):
        for mn, g in self.bands:
            if mn <= rounded:
                return g
        return self.bands[-1][1]


def level_of(ans):
    if isinstance(ans, dict):
        ans = ans.get("level")
    if ans == "na":
        return None
    if isinstance(ans, bool) or not isinstance(ans, int):
        raise ValueError("bad answer %r" % (ans,))
    return ans


def survey_value(survey):
    """(U, respondents) or None when the unit has no survey."""
    if not survey:
        return None
    if "responses" in survey and survey["responses"] is not None:
        resp = survey["responses"]
        sums, counts = {}, {}
        for r in resp:
            for item, v in r.items():
                if v == "na" or v is None:
                    continue
                sums[item] = sums.get(item, 0) + v
                counts[item] = counts.get(item, 0) + 1
        if not counts:
            return None
        means = [Fraction(sums[k], counts[k]) for k in counts]
        return sum(means, Fraction(0)) / len(means), len(resp)
    if "score" in survey and survey["score"] is not None:
        return dec(survey["score"]), int(survey.get("respondents", 0))
    return None


def score_unit(rub, doc):
    if doc.get("rubric") != rub.id:
        raise ValueError("rubric %r is not %r" % (doc.get("rubric"), rub.id))
    answers = doc.get("answers") or {}
    num = Fraction(0)
    den = Fraction(0)
    for W, inds in rub.aspects:
        s_num = Fraction(0)
        s_den = Fraction(0)
        for ind_id, w, na_ok in inds:
            if ind_id not in answers:
                raise ValueError("no answer for %s" % ind_id)
            lv = level_of(answers[ind_id])
            if lv is None:
                if not na_ok:
                    raise ValueError("%s may not be na" % ind_id)
                continue
            s_num += w * lv
            s_den += w
        if s_den:
            num += W * (s_num / s_den)
            den += W
    if not den:
        raise ValueError("every aspect is na")
    index = num / den
    if rub.w_survey > 0:
        sv = survey_value(doc.get("survey"))
        if sv is not None and sv[1] >= rub.min_respondents:
            index = (rub.w_eval * index + rub.w_survey * sv[0]) / 100
    return index


def unit_files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith((".yaml", ".yml", ".json")):
                        yield os.path.join(root, name)
        else:
            yield p


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score PEKPPP units with PyYAML and fractions.")
    ap.add_argument("--rubric", "-r", required=True)
    ap.add_argument("paths", nargs="+", help="unit files or folders (searched recursively)")
    a = ap.parse_args(argv)
    rub = Rubric(a.rubric)
    out = []
    total = Fraction(0)
    scored = failed = 0
    for path in unit_files(a.paths):
        try:
            with open(path, "rb") as f:
                doc = yaml.load(f, Loader=Loader)
            index = score_unit(rub, doc)
            uid = str(doc["unit"]["id"])
        except Exception as e:   # one bad unit never stops the others
            print("%s: %s" % (path, e), file=sys.stderr)
            failed += 1
            continue
        r, text = round_half_up(index, rub.decimals)
        out.append("%s %s %s\n" % (uid, text, rub.grade(r)))
        total += index
        scored += 1
    if scored:
        r, text = round_half_up(total / scored, rub.decimals)
        out.append("mean %s %s (%d units, %d failed)\n" % (text, rub.grade(r), scored, failed))
    else:
        out.append("mean - - (0 units, %d failed)\n" % failed)
    sys.stdout.write("".join(out))
    return 3 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
