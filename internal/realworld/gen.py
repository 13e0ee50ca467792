#!/usr/bin/python3
"""The real-writer corpus: tally's own templates for the first quarter of
2020, filled the way departments fill them — by LibreOffice Calc over UNO
(setFormula: Calc's own input recognition, like a person typing), openpyxl,
pandas to_excel, and round trips (Calc -> .ods -> .xlsx; openpyxl then
re-saved by Calc) — with problems planted on purpose.

From what it typed, and before tally ever reads the files, it writes
expected.json: the exact totals per indicator and month (Python decimal)
and the findings each file must get (file, sheet, cell, rule, severity).
cmd/tally/realworld_test.go runs `tally check --json` and
`tally reconcile --json -o` over the committed output and fails on any total
that is not exact, any planted problem not found at its cell, and any
warning or error that is not planted (so none on a clean file).

Run from the repository root, with Debian's python3 (python3-uno,
python3-openpyxl, python3-pandas) and LibreOffice:

    /usr/bin/python3 internal/realworld/gen.py -o testdata/realworld

Calc stamps the time of saving into every file, so the output differs from
run to run in those bytes only; expected.json does not.
"""

import argparse
import datetime
import json
import os
import random
import shutil
import subprocess
import tempfile
import time
from decimal import Decimal as D

import openpyxl
import pandas as pd

PERIODS = ["2020-01", "2020-02", "2020-03"]

# ---------------------------------------------------------------- identity

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(org8, break_check=False):
    """A valid unified social credit code (GB 32100), or one with a wrong
    check character."""
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    c9 = 11 - sum(int(c) * w[i] for i, c in enumerate(org8)) % 11
    check = {10: "X", 11: "0"}.get(c9, str(c9))
    first = "91120111" + org8 + check
    s = sum(ALPHABET.index(c) * WEIGHTS[i] for i, c in enumerate(first))
    last = ALPHABET[(31 - s % 31) % 31]
    if break_check:
        last = ALPHABET[(ALPHABET.index(last) + 1) % 31]
    return first + last


# ---------------------------------------------------------------- content

class E:
    """One typed cell. kind: num (a number), text (a figure typed as text),
    bad (text that is not a figure), date, time, formula, blank.
    value is the figure tally must consolidate from it (None: nothing)."""

    def __init__(self, kind, value=None, typed=None):
        self.kind, self.value, self.typed = kind, value, typed


def num(v):
    return E("num", D(v))


class Row:
    def __init__(self, name, code=None, cells=None, note="", rejected=False, at=None):
        self.name, self.code, self.cells, self.note = name, code, cells or {}, note
        self.rejected = rejected  # tally must reject the row: none of it counts
        self.at = at              # a fixed sheet row (else the next free one)


class Sheet:
    def __init__(self, name, cols, rows, kind="entity"):
        self.name, self.cols, self.rows, self.kind = name, cols, rows, kind
        # cols: letter -> (indicator, measure) for value columns
        self.extra = []        # (cell, E, counts?) typed outside the rows
        self.hidden_rows = []  # sheet rows hidden
        self.hidden_cols = []  # letters hidden
        self.footer = []       # (cell, text)
        self.total = {}        # letter -> typed value replacing the SUM
        self.below = []        # rows appended below the 合计


class File:
    def __init__(self, name, dept, period, writer, sheets):
        self.name, self.dept, self.period, self.writer, self.sheets = name, dept, period, writer, sheets
        self.expect = []   # (sheet, cell, rule, severity)
        self.counts = True  # its figures are consolidated (not a duplicate's loser)
        self.clean = False

    def plant(self, sheet, cell, rule, severity):
        self.expect.append((sheet, cell, rule, severity))


rng = random.Random(20200101)


def money(lo, hi):
    return D(rng.randint(lo * 100, hi * 100)) / 100


FIRMS = ["精武华信科技有限公司", "天津鑫源精工有限公司", "津西盛驰机械有限公司", "学府润通医药有限公司",
         "天津恒泰新材料有限公司", "精武卓尔电子有限公司", "天津麦谷食品有限公司", "津西瑞丰物流有限公司"]
PROJECTS = ["盛驰精工生产基地", "润通中药研发中心", "海派特扩建", "中电长城技术改造", "学府创新产业园", "新宇彩板配套设施"]
ITEMS = ["增值税（地方分成）", "企业所得税（地方分成）", "个人所得税（地方分成）", "城市维护建设税", "其他税收收入", "非税收入"]
VILLAGES = ["付村", "姚村", "马家寺村", "牛坨子村", "闫庄子村", "小卞庄村", "燕南园社区", "开源里社区"]
KJK_LINES = [  # label, month?, level?
    ("国家科技型中小企业", True, True), ("雏鹰瞪羚企业", True, True), ("国家高新技术企业", False, True),
    ("科技领军企业", True, False), ("专精特新企业", True, False)]


def series(n, gen):
    """n entities × 3 months of values and their 本年累计."""
    out = []
    for _ in range(n):
        months = [gen() for _ in PERIODS]
        ytd, acc = [], D(0)
        for m in months:
            acc += m
            ytd.append(acc)
        out.append((months, ytd))
    return out


def flow_rows(names, codes, data, m, mcol, ycol):
    rows = []
    for i, name in enumerate(names):
        months, ytd = data[i]
        cells = {mcol: num(months[m]), ycol: num(ytd[m])}
        rows.append(Row(name, codes[i] if codes else None, cells))
    return rows


def base_content():
    """Every department's sheets for each month, before any plant."""
    firms_tax = FIRMS[:6]
    codes_tax = [credit_code("%08d" % (31000000 + 7919 * i)) for i in range(6)]
    firms_ind = FIRMS[2:8]
    codes_ind = [credit_code("%08d" % (52000000 + 4099 * i)) for i in range(6)]
    firms_ret = FIRMS[:5]
    codes_ret = [credit_code("%08d" % (73000000 + 1237 * i)) for i in range(5)]
    tax = series(6, lambda: money(10, 3000))
    budget = series(6, lambda: money(5, 800))
    fai = series(6, lambda: money(100, 9000))
    ind = series(6, lambda: money(500, 20000))
    ret = series(5, lambda: money(200, 15000))
    inv = series(5, lambda: money(50, 6000))
    vil = [series(8, lambda: D(rng.randint(0, 40))) for _ in range(4)]
    kjk = {lab: series(1, lambda: D(rng.randint(0, 3)))[0] for lab, _, _ in KJK_LINES}
    levels = {lab: [D(rng.randint(20, 40)) + m for m in range(3)] for lab, _, _ in KJK_LINES}
    above = [D(80 + m) for m in range(3)]
    out = {}
    for m, p in enumerate(PERIODS):
        out[("czs", p)] = [
            Sheet("税收收入", {"C": ("tax", "month"), "D": ("tax", "ytd")},
                  flow_rows(firms_tax, codes_tax, tax, m, "C", "D")),
            Sheet("一般预算收入", {"B": ("budget_revenue", "month"), "C": ("budget_revenue", "ytd")},
                  flow_rows(ITEMS, None, budget, m, "B", "C")),
        ]
        out[("tjz", p)] = [
            Sheet("固定资产投资", {"B": ("fai", "month"), "C": ("fai", "ytd")}, flow_rows(PROJECTS, None, fai, m, "B", "C")),
            Sheet("规模工业", {"C": ("industrial_output", "month"), "D": ("industrial_output", "ytd")},
                  flow_rows(firms_ind, codes_ind, ind, m, "C", "D")),
            Sheet("限上批零", {"C": ("retail_sales", "month"), "D": ("retail_sales", "ytd")},
                  flow_rows(firms_ret, codes_ret, ret, m, "C", "D")),
            Sheet("综合", {"C": ("above_scale", "level")}, [Row("规模以上企业", None, {"C": num(above[m])}, at=4)], kind="lines"),
        ]
        out[("zsb", p)] = [Sheet("内资到位", {"B": ("domestic_investment", "month"), "C": ("domestic_investment", "ytd")},
                                 flow_rows(PROJECTS[:5], None, inv, m, "B", "C"))]
        rows = []
        for i, v in enumerate(VILLAGES):
            cells = {}
            for k, (mc, yc) in enumerate([("B", "C"), ("D", "E"), ("F", "G"), ("H", "I")]):
                cells[mc], cells[yc] = num(vil[k][i][0][m]), num(vil[k][i][1][m])
            rows.append(Row(v, None, cells))
        out[("ldbz", p)] = [Sheet("就业社保", {
            "B": ("new_jobs", "month"), "C": ("new_jobs", "ytd"), "D": ("medical_insurance", "month"),
            "E": ("medical_insurance", "ytd"), "F": ("employee_pension", "month"), "G": ("employee_pension", "ytd"),
            "H": ("resident_pension", "month"), "I": ("resident_pension", "ytd")}, rows)]
        krows = []
        flows = {"国家科技型中小企业": ("sme_new", "sme_total"), "雏鹰瞪羚企业": ("eagle_new", "eagle_total"),
                 "国家高新技术企业": (None, "hightech_total"), "科技领军企业": ("leader_new", None),
                 "专精特新企业": ("specialized_new", None)}
        for i, (lab, has_m, has_l) in enumerate(KJK_LINES):
            cells = {}
            if has_m:
                cells["C"], cells["D"] = num(kjk[lab][0][m]), num(kjk[lab][1][m])
            if has_l:
                cells["E"] = num(levels[lab][m])
            krows.append(Row(lab, None, cells, at=4 + i))
        s = Sheet("科技企业", {}, krows, kind="lines")
        s.lines = flows
        out[("kjk", p)] = [s]
    return out


def indicator_of(sheet, row, col):
    """The indicator and measure a value cell carries, or None."""
    if sheet.name == "科技企业":
        flow, stock = sheet.lines.get(row.name, (None, None))
        return {"C": (flow, "month"), "D": (flow, "ytd"), "E": (stock, "level")}.get(col, (None, None))
    return sheet.cols.get(col, (None, None))


# ---------------------------------------------------------------- plants

def plan():
    """The files of the quarter, each with its writer, its content and the
    findings planted in it (labelled here, before tally runs)."""
    c = base_content()
    files = []

    def f(dept, p, writer, name=None):
        fl = File(name or "%s-%s.%s" % (p, dept, "ods" if writer == "calc-ods" else "xlsx"), dept, p, writer, c[(dept, p)])
        files.append(fl)
        return fl

    def sheet(fl, name):
        return next(s for s in fl.sheets if s.name == name)

    # -- clean files, one per writer path
    for dept, p, w in [("czs", "2020-01", "calc"), ("zsb", "2020-01", "pandas-template"), ("kjk", "2020-01", "calc-ods-xlsx"),
                       ("ldbz", "2020-01", "calc-ods"), ("czs", "2020-02", "openpyxl-calc"), ("kjk", "2020-03", "calc")]:
        f(dept, p, w).clean = True

    # -- tjz 2020-01, openpyxl: a date and a time in figure cells; a figure
    # typed as text (accepted, noted); the 合计 formulas carry no value.
    fl = f("tjz", "2020-01", "openpyxl")
    s = sheet(fl, "规模工业")
    r = s.rows[1]
    r.cells["C"] = E("date", None, datetime.datetime(2020, 1, 15))
    r.rejected = True
    fl.plant("规模工业", "C5", "date_not_a_figure", "error")
    s = sheet(fl, "限上批零")
    r = s.rows[2]
    r.cells["C"] = E("time", None, datetime.time(13, 30))
    r.rejected = True
    fl.plant("限上批零", "C6", "date_not_a_figure", "error")
    s = sheet(fl, "固定资产投资")
    v = s.rows[2].cells["B"].value
    s.rows[2].cells["B"] = E("text", v, "{:,.2f}".format(v))
    fl.plant("固定资产投资", "B6", "number_as_text", "info")
    # Each sheet's 合计 formulas carry no value: a note for each, at its cells.
    for name, cells in (("规模工业", "C34:D34"), ("限上批零", "C34:D34"), ("固定资产投资", "B34:C34")):
        fl.plant(name, cells, "total_formula_without_value", "info")

    # -- tjz 2020-02, Calc saving .ods: a date typed into a 本年累计 cell.
    # Calc recognises 2020-02-15 as a date but keeps the template's number
    # format, so the file holds the figure 43876 shown as 43,876.00: no
    # reader can tell it was a date. tally reports what it breaks, the
    # chain, in February; March's 本年累计 follows what February's should
    # have been, so March is not blamed for it. Then 填表人 lines under the
    # 合计; a figure in a hidden row; an enterprise's name changed under the
    # same credit code.
    fl = f("tjz", "2020-02", "calc-ods")
    s = sheet(fl, "限上批零")
    s.rows[1].cells["D"] = E("date", D(43876), "2020-02-15")
    fl.plant("限上批零", "D5", "ytd_chain", "error")
    s = sheet(fl, "固定资产投资")
    s.footer = [("A36", "填表人：王芳"), ("C36", "审核人：李强"), ("A37", "联系电话：022-27391234"), ("A38", "填报日期：2020年3月3日")]
    fl.plant("固定资产投资", "A36", "not_data", "info")
    # A figure typed as text in the .ods: Calc's SUM skips it too.
    v = s.rows[1].cells["B"].value
    s.rows[1].cells["B"] = E("text", v, "'" + "{:,.2f}".format(v))
    fl.plant("固定资产投资", "B5", "total_skips_text", "warning")
    s = sheet(fl, "规模工业")
    s.hidden_rows = [8]
    fl.plant("规模工业", "C8", "hidden_cell", "warning")
    fl.plant("规模工业", "D8", "hidden_cell", "warning")
    s.rows[0].name = s.rows[0].name.replace("有限公司", "股份有限公司")
    fl.plant("规模工业", "B4", "credit_code_names", "warning")

    # -- tjz 2020-03, Calc -> .ods -> .xlsx: a 本年累计 10 too high; a
    # figure typed beside the table; a 合计 overwritten by hand (after
    # removing the protection), 100 more than its rows.
    fl = f("tjz", "2020-03", "calc-ods-xlsx")
    s = sheet(fl, "固定资产投资")
    s.rows[0].cells["C"] = num(s.rows[0].cells["C"].value + 10)
    fl.plant("固定资产投资", "C4", "ytd_chain", "error")
    s.extra = [("F5", num("88.8"))]
    fl.plant("固定资产投资", "F5", "outside_input_area", "warning")
    s = sheet(fl, "规模工业")
    total = sum(r.cells["C"].value for r in s.rows)
    s.total = {"C": num(total + 100)}
    fl.plant("规模工业", "C34", "total_mismatch", "error")

    # -- zsb 2020-02: sent twice. The first (Calc) has 待核实 in a figure
    # cell; the corrected copy "(1)", saved later, counts.
    fl = f("zsb", "2020-02", "calc")
    fl.sheets = [copy_sheet(x) for x in fl.sheets]
    fl.sheets[0].rows[1].cells["B"] = E("bad", None, "待核实")
    fl.sheets[0].rows[1].rejected = True
    fl.plant("内资到位", "B5", "not_a_number", "error")
    fl.plant("", "", "duplicate_submission", "warning")
    fl.counts = False
    fl2 = f("zsb", "2020-02", "calc", name="2020-02-zsb (1).xlsx")
    fl2.plant("", "", "duplicate_submission_used", "info")

    # -- zsb 2020-03, openpyxl: full-width digits typed as text; a formula
    # no program calculated in a figure cell; a figure with the wrong unit.
    fl = f("zsb", "2020-03", "openpyxl")
    s = fl.sheets[0]
    v = s.rows[0].cells["B"].value
    s.rows[0].cells["B"] = E("text", v, str(v).translate(str.maketrans("0123456789.", "０１２３４５６７８９．")))
    fl.plant("内资到位", "B4", "number_as_text", "info")
    s.rows[2].cells["B"] = E("formula", None, "=B4*2")
    s.rows[2].rejected = True
    fl.plant("内资到位", "B6", "formula_without_value", "error")
    s.rows[3].cells["B"] = E("bad", None, "12.5亿元")
    s.rows[3].rejected = True
    fl.plant("内资到位", "B7", "not_a_number", "error")
    fl.plant("内资到位", "B34:C34", "total_formula_without_value", "info")

    # -- ldbz 2020-02, openpyxl: half a person; a negative count; more than
    # 200 new jobs in a village (the spec's rule, a warning); a 填表人 line
    # in an empty row; a village appended below the 合计 (ws.append).
    fl = f("ldbz", "2020-02", "openpyxl")
    s = fl.sheets[0]
    r = s.rows[1]
    r.cells["B"] = num(r.cells["B"].value + D("0.5"))
    r.cells["C"] = num(r.cells["C"].value + D("0.5"))
    fl.plant("就业社保", "B5", "precision", "warning")
    fl.plant("就业社保", "C5", "precision", "warning")
    s.rows[2].cells["D"] = num(-3)
    s.rows[2].rejected = True
    fl.plant("就业社保", "D6", "negative", "error")
    r = s.rows[3]
    r.cells["B"] = num(250)
    r.cells["C"] = num(c[("ldbz", "2020-01")][0].rows[3].cells["C"].value + 250)
    # March's 本年累计 follows from February's as typed.
    mar = c[("ldbz", "2020-03")][0].rows
    mar[1].cells["C"] = num(mar[1].cells["C"].value + D("0.5"))
    mar[3].cells["C"] = num(r.cells["C"].value + mar[3].cells["B"].value)
    fl.plant("就业社保", "B7", "spec_rule", "warning")
    s.footer = [("A20", "填表人：赵敏　联系电话：13820001234")]
    fl.plant("就业社保", "A20", "not_data", "info")
    s.below = [Row("宽河村", None, {"B": num(5), "C": num(5), "D": num(1), "E": num(1), "F": num(0), "G": num(0), "H": num(2), "I": num(2)})]
    fl.plant("就业社保", "A35", "below_total", "warning")
    fl.plant("就业社保", "B34:I34", "total_formula_without_value", "info")

    # -- ldbz 2020-03, pandas to_excel into a new workbook (no template):
    # read by its headers; a village left empty; a name not in the list.
    fl = f("ldbz", "2020-03", "pandas")
    s = fl.sheets[0]
    s.rows[2].cells["D"] = E("blank")
    s.rows[2].rejected = True
    fl.plant("就业社保", "D4", "required", "error")
    s.rows[4].name = "新立村"  # new this month: its 本年累计 is its 本月
    for mc, yc in [("B", "C"), ("D", "E"), ("F", "G"), ("H", "I")]:
        s.rows[4].cells[yc] = num(s.rows[4].cells[mc].value)
    fl.plant("就业社保", "A6", "not_a_choice", "error")
    # February's half person, carried in the 本年累计, is half a person again.
    fl.plant("就业社保", "C3", "precision", "warning")
    # A date among the figures (pandas writes it with a date format).
    s.rows[6].cells["F"] = E("date", None, datetime.datetime(2020, 3, 8))
    s.rows[6].rejected = True
    fl.plant("就业社保", "F8", "date_not_a_figure", "error")
    fl.plant("", "", "not_a_template", "warning")
    fl.plant("就业社保", "", "missing_total", "warning")

    # -- kjk 2020-02, openpyxl: a figure in a grey, locked cell that is not
    # an input of its line; a line that is not in the table; the 期末数
    # column hidden.
    fl = f("kjk", "2020-02", "openpyxl")
    s = fl.sheets[0]
    s.extra = [("C6", num(2))]
    fl.plant("科技企业", "C6", "not_an_input", "warning")
    s.rows.append(Row("其他科技企业", None, {"C": num(1), "D": num(1)}, rejected=True, at=9))
    fl.plant("科技企业", "A9", "unknown_line", "error")
    s.hidden_cols = ["E"]
    for cell in ["E4", "E5", "E6"]:
        fl.plant("科技企业", cell, "hidden_cell", "warning")

    # -- czs 2020-03, Calc: a figure typed as text that the sheet's SUM
    # skips; 本年累计 below 本月, and so off the chain: one finding, the
    # chain's, which says the figure to type; a month over the
    # indicator's maximum; a wrong check character; an item twice.
    fl = f("czs", "2020-03", "calc")
    s = sheet(fl, "税收收入")
    v = s.rows[1].cells["C"].value
    s.rows[1].cells["C"] = E("text", v, "'" + "{:,.2f}".format(v))
    # Read as the figure it is; the sheet's SUM skips it, and says so with
    # row 7 rejected (out_of_range) too: the sheet's SUM adds the rejected
    # row's numbers, so its shortfall is the text figure's alone.
    fl.plant("税收收入", "C5", "total_skips_text", "warning")
    r = s.rows[2]
    r.cells["C"] = num(r.cells["C"].value + 5000)
    r.cells["D"] = num(r.cells["C"].value - 1)
    fl.plant("税收收入", "D6", "ytd_chain", "error")
    r = s.rows[3]
    r.cells["C"] = num(2000000)
    r.cells["D"] = num(c[("czs", "2020-02")][0].rows[3].cells["D"].value + 2000000)
    r.rejected = True  # out of range: the row is not consolidated
    fl.plant("税收收入", "C7", "out_of_range", "error")
    fl.plant("税收收入", "D7", "out_of_range", "error")
    s.rows[4].code = s.rows[4].code[:17] + ALPHABET[(ALPHABET.index(s.rows[4].code[17]) + 1) % 31]
    fl.plant("税收收入", "B8", "credit_code", "error")
    # The row is still February's enterprise by its name (its code is
    # mistyped, and the finding names February's): its 本年累计 follows,
    # no ytd_chain at D8.
    s = sheet(fl, "一般预算收入")
    dup = Row(s.rows[0].name, None, dict(s.rows[1].cells), rejected=True)
    s.rows.append(dup)
    fl.plant("一般预算收入", "A10", "duplicate_row", "error")

    for dept, p in [(d, p) for p in PERIODS for d in ["czs", "tjz", "zsb", "ldbz", "kjk"]]:
        if not any(x.dept == dept and x.period == p for x in files):
            raise SystemExit("no file for %s %s" % (dept, p))
    return files


def copy_sheet(s):
    n = Sheet(s.name, s.cols, [Row(r.name, r.code, dict(r.cells), r.note, r.rejected, r.at) for r in s.rows], s.kind)
    if hasattr(s, "lines"):
        n.lines = s.lines
    return n


# ---------------------------------------------------------------- layout

def layout(sheet):
    """(cell, E or str) for everything typed into a sheet, and the sheet
    row of each content row."""
    out, at = [], []
    nxt = 4
    for r in sheet.rows:
        row = r.at or nxt
        nxt = row + 1
        at.append(row)
        if sheet.kind == "entity":
            out.append(("A%d" % row, r.name))
            if r.code is not None:
                out.append(("B%d" % row, r.code))
        for col, e in r.cells.items():
            out.append(("%s%d" % (col, row), e))
        if sheet.kind == "lines" and r.name not in [l for l, _, _ in KJK_LINES] and r.name != "规模以上企业":
            out.append(("A%d" % row, r.name))
    return out, at


def typed_calc(e):
    """What a person types into Calc for an entry."""
    if isinstance(e, str):
        return e if e else None
    return {"num": lambda: str(e.value), "text": lambda: e.typed, "bad": lambda: e.typed, "date": lambda: e.typed,
            "formula": lambda: e.typed, "blank": lambda: None}[e.kind]()


def typed_py(e):
    """What a script stores for an entry (openpyxl, pandas)."""
    if isinstance(e, str):
        return e if e else None
    return {"num": lambda: e.value, "text": lambda: e.typed, "bad": lambda: e.typed, "date": lambda: e.typed,
            "time": lambda: e.typed, "formula": lambda: e.typed, "blank": lambda: None}[e.kind]()


# ---------------------------------------------------------------- writers

class Calc:
    """LibreOffice Calc over UNO, headless, in its own profile."""

    def __init__(self, workdir):
        import uno  # noqa: F401  (python3-uno)
        self.uno = uno
        self.profile = os.path.join(workdir, "profile")
        port = 20000 + os.getpid() % 10000
        self.proc = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
             "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile),
             "--accept=socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(200):
            try:
                ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port)
                break
            except Exception:
                time.sleep(0.25)
        else:
            raise SystemExit("LibreOffice did not start")
        self.desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

    def prop(self, name, value):
        from com.sun.star.beans import PropertyValue
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    def open(self, path):
        # A private copy: LibreOffice locks the file it opens (a
        # .~lock.NAME# beside it), and a second instance opening the same
        # file at once (tests running in parallel on one repository file)
        # gets no document.
        fd, copy = tempfile.mkstemp(suffix=os.path.splitext(path)[1], dir=os.path.dirname(self.profile))
        os.close(fd)
        shutil.copyfile(path, copy)
        return self.desktop.loadComponentFromURL(self.uno.systemPathToFileUrl(os.path.abspath(copy)), "_blank", 0,
                                                 (self.prop("Hidden", True),))

    def save(self, doc, path, ods):
        flt = "calc8" if ods else "Calc MS Excel 2007 XML"
        doc.storeToURL(self.uno.systemPathToFileUrl(os.path.abspath(path)), (self.prop("FilterName", flt),))

    def fill(self, doc, fl):
        for s in fl.sheets:
            sh = doc.Sheets.getByName(s.name)
            cells, at = layout(s)
            if s.total or s.extra:
                sh.unprotect("")  # the department removed the protection
            for ref, e in cells + [(ref, e) for ref, e in s.extra] + list(s.footer):
                t = typed_calc(e)
                if t is None:
                    continue
                cell = sh.getCellRangeByName(ref)
                if isinstance(e, str) and not isinstance(e, E):
                    cell.setString(t)  # a name or a code: a text cell
                else:
                    cell.setFormula(t)  # typed: Calc decides number, date or text
            for col, e in s.total.items():
                sh.getCellRangeByName("%s34" % col).setFormula(typed_calc(e))
            for r in s.hidden_rows:
                sh.Rows.getByIndex(r - 1).IsVisible = False

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        self.proc.wait(timeout=30)


def write_openpyxl(tpl, fl, out):
    wb = openpyxl.load_workbook(tpl)
    for s in fl.sheets:
        ws = wb[s.name]
        cells, at = layout(s)
        for ref, e in cells + s.extra + s.footer:
            v = typed_py(e)
            if v is None:
                continue
            ws[ref] = v
            if isinstance(e, E) and e.kind == "time":
                ws[ref].number_format = "h:mm"
        for r in s.below:
            ws.append([r.name] + [typed_py(r.cells.get(c)) if c in r.cells else None for c in "BCDEFGHI"])
        for col in s.hidden_cols:
            ws.column_dimensions[col].hidden = True
    wb.save(out)


def write_pandas_template(tpl, fl, out):
    """pandas to_excel into the template (openpyxl engine, overlay)."""
    shutil.copy(tpl, out)
    with pd.ExcelWriter(out, engine="openpyxl", mode="a", if_sheet_exists="overlay") as xw:
        for s in fl.sheets:
            cols = sorted(s.cols)
            recs = [[r.name] + [float(r.cells[c].value) for c in cols] for r in s.rows]
            pd.DataFrame(recs).to_excel(xw, sheet_name=s.name, startrow=3, index=False, header=False)


def write_pandas_plain(spec_headers, fl, out):
    """pandas to_excel into a new workbook, the way an analyst exports."""
    with pd.ExcelWriter(out, engine="openpyxl") as xw:
        for s in fl.sheets:
            cols = sorted(s.cols)
            heads = spec_headers[s.name]
            recs = []
            for r in s.rows:
                rec = [r.name]
                for c in cols:
                    e = r.cells.get(c)
                    if e is not None and e.kind == "date":
                        rec.append(e.typed)
                    else:
                        rec.append(float(e.value) if e is not None and e.kind == "num" else None)
                recs.append(rec + [""])
            pd.DataFrame(recs, columns=heads).to_excel(xw, sheet_name=s.name, index=False)


# ---------------------------------------------------------------- expected

def expected_totals(files):
    """Exact totals per indicator and month of what tally must consolidate:
    month values of flows, levels of stocks, from rows it accepts, in the
    files that count."""
    tot = {}
    for fl in files:
        if not fl.counts:
            continue
        for s in fl.sheets:
            for r in s.rows + s.below:
                if r.rejected:
                    continue
                for col, e in r.cells.items():
                    ind, measure = indicator_of(s, r, col)
                    if ind is None or measure == "ytd" or e.value is None:
                        continue
                    key = "%s|%s" % (ind, fl.period)
                    tot[key] = tot.get(key, D(0)) + e.value
    return {k: str(v) for k, v in sorted(tot.items())}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", default="testdata/realworld")
    ap.add_argument("--tally", default="go run ./cmd/tally")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="realworld-")
    tpl = os.path.join(work, "templates")
    os.makedirs(tpl)
    for p in PERIODS:
        subprocess.run(args.tally.split() + ["template", "--period", p, "-o", tpl], check=True, stdout=subprocess.DEVNULL)
    files = plan()
    if os.path.isdir(args.o):
        shutil.rmtree(args.o)
    os.makedirs(args.o)
    headers = {}
    wb = openpyxl.load_workbook(os.path.join(tpl, "2020-01-ldbz.xlsx"))
    headers["就业社保"] = [c.value for c in wb["就业社保"][3]]
    calc = Calc(work)
    try:
        for fl in files:
            t = os.path.join(tpl, "%s-%s.xlsx" % (fl.period, fl.dept))
            out = os.path.join(args.o, fl.name)
            if fl.writer in ("calc", "calc-ods", "calc-ods-xlsx"):
                doc = calc.open(t)
                calc.fill(doc, fl)
                if fl.writer == "calc-ods-xlsx":
                    mid = os.path.join(work, fl.name.replace(".xlsx", ".ods"))
                    calc.save(doc, mid, True)
                    doc.close(True)
                    doc = calc.open(mid)
                calc.save(doc, out, fl.writer == "calc-ods")
                doc.close(True)
                time.sleep(1.1)  # the next file is saved later (the duplicate's rule)
            elif fl.writer == "openpyxl":
                write_openpyxl(t, fl, out)
            elif fl.writer == "openpyxl-calc":
                mid = os.path.join(work, fl.name)
                write_openpyxl(t, fl, mid)
                doc = calc.open(mid)
                calc.save(doc, out, False)
                doc.close(True)
            elif fl.writer == "pandas-template":
                write_pandas_template(t, fl, out)
            elif fl.writer == "pandas":
                write_pandas_plain(headers, fl, out)
            else:
                raise SystemExit("unknown writer " + fl.writer)
    finally:
        calc.close()
        shutil.rmtree(work, ignore_errors=True)
    exp = {
        "periods": PERIODS,
        "totals": expected_totals(files),
        "files": [{
            "file": fl.name, "department": fl.dept, "period": fl.period, "writer": fl.writer, "clean": fl.clean,
            "counts": fl.counts,
            "findings": [{"sheet": s, "cell": c, "rule": r, "severity": v} for s, c, r, v in fl.expect],
        } for fl in files],
    }
    with open(os.path.join(args.o, "expected.json"), "w", encoding="utf-8") as w:
        json.dump(exp, w, ensure_ascii=False, indent=1, sort_keys=True)
        w.write("\n")
    clean = sum(fl.clean for fl in files)
    planted = sum(1 for fl in files for x in fl.expect if x[3] in ("error", "warning"))
    print("%d files (%d clean), %d planted problems" % (len(files), clean, planted))


if __name__ == "__main__":
    main()
