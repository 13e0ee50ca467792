#!/usr/bin/python3
"""Check hand labels of a report: every line/value pair occurs on its line,
every Arabic numeral of the text (after the first, source line) is labelled
exactly once (as a claim or a not_claim), and fields use the controlled
vocabularies of LABELLING.md. A figure split by a line break ("1." / "37倍") counts
once, with its whole value, at the line of its first digit.

usage: /usr/bin/python3 checklabels.py dev/*.yaml     (exit 1 on any problem)
       /usr/bin/python3 checklabels.py --skeleton x.txt  (list numerals to label)
"""
import re, sys, yaml, os

QUALS = ["预计", "近", "余", "超过", "以上", "以内", "约", "累计", "年均", "增长", "下降", "新增"]
KINDS = {"fact", "target"}
MEASURES = {"level", "growth", "cumulative", "points", "ratio"}
FW = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
# A stray space after a decimal point ("385. 23", a typesetting slip) stays inside the number;
# so does one before it ("2 .7倍", a PDF line break a copy turned into a space; held-out batch 3c).
NUM = re.compile(r"[0-9０-９]+(?:(?:[,，]|[.．] ?| [.．] ?)[0-9０-９]+)*")
SPACE_IN_NUM = re.compile(r"(?<=[.．]) (?=[0-9０-９])|(?<=[0-9０-９]) (?=[.．] ?[0-9０-９])")
PERIOD = re.compile(r"^\d{4}(-\d{4})?$")
CLAIM_KEYS = ["line", "value", "unit", "qualifiers", "subject", "indicator", "period", "kind", "measure"]

# A figure split by a PDF line break ("1." / "37倍", "34" / "0亿元"): a line ending in a digit
# (or a digit and a decimal point) whose next line starts with a digit. It is one figure,
# labelled at the line of its first digit with the whole value (LABELLING.md).
SPLIT_END = re.compile(r"[0-9０-９]+[.．]?$")
SPLIT_START = re.compile(r"^[0-9０-９]+(?:[.．][0-9０-９]+)?")

def joined(lines, i):
    """Line i (1-based) with, when its last figure runs on into line i+1, that figure's rest."""
    l = lines[i - 1]
    if i < len(lines) and SPLIT_END.search(l) and SPLIT_START.match(lines[i]):
        return l + SPLIT_START.match(lines[i]).group(0)
    return l

def numerals(lines):
    """(line, value) of every numeral token, line 1 (the source line) excluded."""
    out = []
    for i, l in enumerate(lines, 1):
        if i == 1:
            continue
        if i > 2 and SPLIT_END.search(lines[i - 2]) and SPLIT_START.match(l):
            l = l[SPLIT_START.match(l).end():]   # its head belongs to the figure on the line before
        if i < len(lines) and SPLIT_END.search(l) and SPLIT_START.match(lines[i]):
            l = l + SPLIT_START.match(lines[i]).group(0)
        for m in NUM.finditer(l):
            v = SPACE_IN_NUM.sub("", m.group(0)).translate(FW)
            # a comma not between digit groups of three is punctuation: split
            parts = re.split(r",(?!\d{3}(?:\D|$))", v)
            for p in parts:
                p = p.rstrip(".,")
                if p:
                    out.append((i, p))
    return out

def indicator_codes(root):
    spec = yaml.safe_load(open(os.path.join(root, "spec", "jingwu-2020.yaml"), encoding="utf-8"))
    return {ind["code"] for ind in spec["indicators"]}

def check(path, codes):
    errs = []
    d = yaml.safe_load(open(path, encoding="utf-8"))
    txt = os.path.join(os.path.dirname(path), d["report"])
    lines = open(txt, encoding="utf-8").read().split("\n")
    if not lines[0].startswith("# 来源:"):
        errs.append("first line is not '# 来源: …'")
    for k in ("delivered", "reviews"):
        if not isinstance(d.get(k), int):
            errs.append(f"{k} must be a year")
    # passages (optional, from blind batch 8): where each passage begins, in text order.
    last = (0, -1)
    for i, ps in enumerate(d.get("passages") or []):
        ln, cue = ps.get("line"), ps.get("cue")
        where = f"passage {i+1} (line {ln})"
        if not isinstance(ln, int) or not (1 < ln <= len(lines)):
            errs.append(f"{where}: bad line"); continue
        if not isinstance(cue, str):
            errs.append(f"{where}: cue must be a string (\"\" when nothing opens it)"); continue
        at = lines[ln-1].find(cue) if cue else 0
        if at < 0:
            errs.append(f"{where}: cue not on that line: {cue}")
        elif (ln, at) <= last:
            errs.append(f"{where}: passages must be in text order")
        else:
            last = (ln, at)
        if not PERIOD.match(str(ps.get("period"))):
            errs.append(f"{where}: period {ps.get('period')}")
        if ps.get("kind") not in KINDS:
            errs.append(f"{where}: kind {ps.get('kind')}")
    want = {}
    for (ln, v) in numerals(lines):
        want[(ln, v)] = want.get((ln, v), 0) + 1
    got = {}
    for kind, items in (("claim", d.get("claims") or []), ("not_claim", d.get("not_claims") or [])):
        for c in items:
            ln, v = c.get("line"), str(c.get("value"))
            where = f"{kind} line {ln} value {v}"
            if not isinstance(ln, int) or not (1 < ln <= len(lines)):
                errs.append(f"{where}: bad line"); continue
            if v not in SPACE_IN_NUM.sub("", joined(lines, ln)).translate(FW):
                errs.append(f"{where}: value not on that line: {lines[ln-1][:60]}")
            got[(ln, v)] = got.get((ln, v), 0) + 1
            if kind == "not_claim":
                if not c.get("why"):
                    errs.append(f"{where}: no why")
                continue
            for k in CLAIM_KEYS:
                if k not in c:
                    errs.append(f"{where}: missing {k}")
            q = c.get("qualifiers") or []
            if any(x not in QUALS for x in q):
                errs.append(f"{where}: qualifier not in list: {q}")
            if q != sorted(q, key=QUALS.index) if all(x in QUALS for x in q) else False:
                errs.append(f"{where}: qualifiers not in list order: {q}")
            if c.get("kind") not in KINDS:
                errs.append(f"{where}: kind {c.get('kind')}")
            if c.get("measure") not in MEASURES:
                errs.append(f"{where}: measure {c.get('measure')}")
            if not PERIOD.match(str(c.get("period"))):
                errs.append(f"{where}: period {c.get('period')}")
            if c.get("indicator") and c["indicator"] not in codes:
                errs.append(f"{where}: indicator {c['indicator']} not in spec")
            if not c.get("subject"):
                errs.append(f"{where}: no subject")
    # One numeral stated of several subjects ("财政总收入、地方财政收入均增长7%") has one claim per
    # subject: more entries than occurrences are allowed only when they are all claims on
    # distinct subjects.
    subjects = {}
    for c in d.get("claims") or []:
        subjects.setdefault((c.get("line"), str(c.get("value"))), []).append(c.get("subject"))
    for key in sorted(set(want) | set(got)):
        w, g = want.get(key, 0), got.get(key, 0)
        if w == g:
            continue
        subj = subjects.get(key, [])
        if w > 0 and g > w and len(subj) == g and len(set(subj)) == g:
            continue
        errs.append(f"line {key[0]} value {key[1]}: {w} in text, {g} labelled")
    nc = len(d.get("claims") or []); nn = len(d.get("not_claims") or [])
    return errs, nc, nn

def main():
    if sys.argv[1] == "--skeleton":
        lines = open(sys.argv[2], encoding="utf-8").read().split("\n")
        for ln, v in numerals(lines):
            print(f'  - {{line: {ln}, value: "{v}"}}   # {lines[ln-1].strip()[:0]}')
        return 0
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
    codes = indicator_codes(root)
    bad = 0
    for p in sys.argv[1:]:
        errs, nc, nn = check(p, codes)
        print(f"{p}: {nc} claims, {nn} not_claims, {len(errs)} problems")
        for e in errs:
            print("   ", e)
        bad += len(errs)
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
