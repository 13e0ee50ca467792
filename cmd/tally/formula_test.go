package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/testtool"
	"github.com/xuri/excelize/v2"
)

// fromTemplate writes July 2021's template of 财政所 prefilled from the
// sample's June (`template --from`): every 本年累计 is the formula
// =<June's 本年累计>+<this month's 本月 cell>.
func fromTemplate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if code, out, errOut := runTally(t, "template", "--period", "2021-07", "--dept", "czs", "--from", repo(t, "testdata/submissions"), "-o", dir); code != 0 {
		t.Fatalf("template: exit %d: %s%s", code, out, errOut)
	}
	return filepath.Join(dir, "2021-07-czs.xlsx")
}

// checkWithJune runs check --json over June's sample file and the filled
// July file (so the 本年累计 chain is checked against June's figures) and
// returns July's findings by "sheet!cell rule", leaving out late_submission
// (the writers stamp today's date, years after the deadline).
func checkWithJune(t *testing.T, july string) map[string]jsonFileFinding {
	t.Helper()
	_, out, errOut := runTally(t, "check", "--json", "--lang", "en", repo(t, "testdata/submissions/2021-06-czs.xlsx"), july)
	c := checkJSON(t, out)
	if f := fileOf(c, "2021-06-czs.xlsx"); f == nil || f.Status != "ok" {
		t.Fatalf("June: %+v\n%s", f, errOut)
	}
	f := fileOf(c, filepath.Base(july))
	if f == nil {
		t.Fatalf("no file %s: %s%s", july, out, errOut)
	}
	got := map[string]jsonFileFinding{}
	for _, g := range f.Findings {
		if g.Rule != "late_submission" {
			got[g.Sheet+"!"+g.Cell+" "+g.Rule] = g
		}
	}
	return got
}

// rowsRejected is reconcile --json's count of rejected rows of the files.
func rowsRejected(t *testing.T, files ...string) int {
	t.Helper()
	_, out, errOut := runTally(t, append([]string{"reconcile", "--json", "--as-of", "2021-07"}, files...)...)
	var res jsonResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s%s", err, out, errOut)
	}
	return res.Summary.RowsRejected
}

// A department fills the `--from` template's 本月 column with a script
// (openpyxl, or pandas into the template), as README says it may: the
// 本年累计 cells stay the template's formulas, which neither writes a value
// for. tally computes them exactly, as it computes the 合计: the file is
// clean (the one note that the 合计 could not be compared with the
// sheet's), its rows consolidated, and June's 本年累计 plus July's 本月 is
// July's 本年累计 on every row (the chain is checked against June's file).
// Each 本年累计 was formula_without_value, an error: 46 rows rejected.
func TestFromTemplateFilledByScripts(t *testing.T) {
	t.Parallel()
	python := testtool.Python(t, "openpyxl")
	testtool.Python(t, "pandas")
	tpl := fromTemplate(t)
	dir := t.TempDir()
	script := `
import sys, os, openpyxl, pandas as pd
tpl, out = sys.argv[1], sys.argv[2]
def month(r):
    return "%d.%02d" % (100 + r, (r * 37) % 100)
sheets = (("税收收入", 3), ("一般预算收入", 2))
wb = openpyxl.load_workbook(tpl)
rows = {}
for name, col in sheets:
    ws = wb[name]
    r = 4
    while ws.cell(r, 1).value != "合计":
        rows.setdefault(name, []).append(r)
        ws.cell(r, col).value = float(month(r))
        r += 1
os.makedirs(out + "/openpyxl")
wb.save(out + "/openpyxl/2021-07-czs.xlsx")
os.makedirs(out + "/pandas")
path = out + "/pandas/2021-07-czs.xlsx"
with open(tpl, "rb") as src, open(path, "wb") as dst:
    dst.write(src.read())
with pd.ExcelWriter(path, engine="openpyxl", mode="a", if_sheet_exists="overlay") as w:
    for name, col in sheets:
        df = pd.DataFrame({"m": [float(month(r)) for r in rows[name]]})
        df.to_excel(w, sheet_name=name, startrow=3, startcol=col - 1, header=False, index=False)
`
	if msg, err := exec.Command(python, "-c", script, tpl, dir).CombinedOutput(); err != nil {
		t.Fatalf("python: %v\n%s", err, msg)
	}
	for _, writer := range []string{"openpyxl", "pandas"} {
		july := filepath.Join(dir, writer, "2021-07-czs.xlsx")
		got := checkWithJune(t, july)
		for k, g := range got {
			if g.Severity != "info" || g.Rule != "total_formula_without_value" {
				t.Errorf("%s: %s: %s %s", writer, k, g.Severity, g.Message)
			}
		}
		if n := rowsRejected(t, repo(t, "testdata/submissions/2021-06-czs.xlsx"), july); n != 0 {
			t.Errorf("%s: %d rows rejected, want 0", writer, n)
		}
		// August's template carries July's 本年累计 as tally computed it:
		// 2372.67 + 104.48 (it carried nothing: the cell was no figure).
		aug := t.TempDir()
		if code, out, errOut := runTally(t, "template", "--period", "2021-08", "--dept", "czs", "--from", filepath.Dir(july), "-o", aug); code != 0 {
			t.Fatalf("%s: template: exit %d: %s%s", writer, code, out, errOut)
		}
		f, err := excelize.OpenFile(filepath.Join(aug, "2021-08-czs.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := f.GetCellFormula("税收收入", "D4"); got != "2477.15+C4" {
			t.Errorf("%s: August's D4 is %q, want 2477.15+C4", writer, got)
		}
		f.Close()
	}
}

// calcFill is a script for LibreOffice Calc over UNO that fills the
// `--from` template's 本月 cells as a department types them and saves
// .xlsx and .ods: clean; with C6 typed 1O5.30 (a letter O) and C10 typed
// in full-width digits ２３４．５; and stale, recalculated, then
// calculation switched off (Excel's and Calc's manual mode) and C5
// changed, so its 本年累计 keeps the old result.
const calcFill = `
import sys, os, importlib.util
spec = importlib.util.spec_from_file_location("gen", sys.argv[1])
gen = importlib.util.module_from_spec(spec); spec.loader.exec_module(gen)
tpl, out = sys.argv[2], sys.argv[3]
calc = gen.Calc(out)
def month(r):
    return "%d.%02d" % (100 + r, (r * 37) % 100)
try:
    for name, typos, stale in (("clean", {}, False), ("typos", {"C6": "1O5.30", "C10": "２３４．５"}, False), ("stale", {}, True)):
        doc = calc.open(tpl)
        for sheet, mcol in (("税收收入", "C"), ("一般预算收入", "B")):
            sh = doc.Sheets.getByName(sheet)
            r = 4
            while sh.getCellRangeByName("A%d" % r).getString() != "合计":
                ref = "%s%d" % (mcol, r)
                sh.getCellRangeByName(ref).setFormula(typos.get(ref, month(r)) if sheet == "税收收入" else month(r))
                r += 1
        if stale:
            doc.calculateAll()
            doc.enableAutomaticCalculation(False)
            doc.Sheets.getByName("税收收入").getCellRangeByName("C5").setFormula("999.5")
        for ods in (False, True):
            d = os.path.join(out, name + (".ods" if ods else ".xlsx"))
            os.makedirs(d, exist_ok=True)
            calc.save(doc, os.path.join(d, "2021-07-czs" + (".ods" if ods else ".xlsx")), ods)
        doc.close(True)
finally:
    calc.close()
`

// The `--from` template filled in LibreOffice Calc and recalculated, as a
// department does, saved as .xlsx and as .ods. tally checks the cached
// result of each template formula against its own exact computation:
//   - filled correctly, the file is clean (no note: every formula has its
//     value, and each is tally's);
//   - a typo in C6 is one finding, at C6, saying D6's formula depends on
//     it; D6's #VALUE! and the 合计 D44's are no findings of their own
//     (they were "“#VALUE!” is not a number, type a number" at cells the
//     department cannot type in);
//   - ２３４．５ at C10 is accepted and flows through D10's formula: row 10
//     is consolidated (it was rejected: rows_rejected 2), and one warning
//     at C10 (text_breaks_formula) says that D10 shows #VALUE! because of
//     it and that the sheet's 合计 C44 skips it — row 6 rejected or not;
//     the department's own sheet shows the error until C10 is a number;
//   - a 本年累计 whose saved result is not its formula's (calculation
//     switched off) is a finding: the sheet shows another figure than
//     the one tally would consolidate.
func TestFromTemplateRecalculatedByCalc(t *testing.T) {
	t.Parallel()
	python := testtool.Python(t, "uno")
	testtool.Require(t, "soffice", "--version")
	tpl := fromTemplate(t)
	dir := t.TempDir()
	if msg, err := exec.Command(python, "-c", calcFill, repo(t, "internal/realworld/gen.py"), tpl, dir).CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, msg)
	}
	june := repo(t, "testdata/submissions/2021-06-czs.xlsx")
	for _, ext := range []string{"xlsx", "ods"} {
		file := func(name string) string { return filepath.Join(dir, name+"."+ext, "2021-07-czs."+ext) }
		if got := checkWithJune(t, file("clean")); len(got) > 0 {
			t.Errorf("%s clean: %v", ext, keys(got))
		}
		if n := rowsRejected(t, june, file("clean")); n != 0 {
			t.Errorf("%s clean: %d rows rejected", ext, n)
		}

		got := checkWithJune(t, file("typos"))
		c6, ok := got["税收收入!C6 not_a_number"]
		if !ok || !strings.Contains(c6.Message, "D6") || !strings.Contains(c6.Message, "=1438.43+C6") {
			t.Errorf("%s typos: C6: %+v, want not_a_number saying D6's formula =1438.43+C6 depends on it", ext, c6)
		}
		if g, ok := got["税收收入!C10 text_breaks_formula"]; !ok || g.Severity != "warning" ||
			!strings.Contains(g.Message, "D10") || !strings.Contains(g.Message, "#VALUE!") || !strings.Contains(g.Message, "C44") {
			t.Errorf("%s typos: C10: %+v, want text_breaks_formula naming D10's #VALUE! and the 合计 C44 that skips it", ext, g)
		}
		if len(got) != 2 {
			t.Errorf("%s typos: %v, want C6 not_a_number and C10 text_breaks_formula only", ext, keys(got))
		}
		if n := rowsRejected(t, june, file("typos")); n != 1 {
			t.Errorf("%s typos: %d rows rejected, want 1 (row 6)", ext, n)
		}

		got = checkWithJune(t, file("stale"))
		if g, ok := got["税收收入!D5 formula_result_differs"]; !ok || g.Severity != "error" || !strings.Contains(g.Message, "3906.7") || !strings.Contains(g.Message, "3013.05") {
			t.Errorf("%s stale: D5: %+v, want formula_result_differs (3906.7 computed, 3013.05 saved)", ext, g)
		}
		if len(got) != 1 {
			t.Errorf("%s stale: %v, want D5 only", ext, keys(got))
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// One mistake, one finding: the blank January template with 本年累计 4 and
// 本月 5 on a row is below its month and off the chain (0 + 5); only the
// chain, which says the figure to type (5), is reported.
func TestYTDBelowMonthIsTheChain(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if code, out, errOut := runTally(t, "template", "--period", "2021-01", "--dept", "czs", "-o", dir); code != 0 {
		t.Fatalf("template: exit %d: %s%s", code, out, errOut)
	}
	path := filepath.Join(dir, "2021-01-czs.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The blank template's rows are the department's to name.
	f.SetCellStr("一般预算收入", "A7", "增值税（地方分成）")
	f.SetCellInt("一般预算收入", "B7", 5)
	f.SetCellInt("一般预算收入", "C7", 4)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, out, errOut := runTally(t, "check", "--json", "--lang", "en", path)
	c := checkJSON(t, out)
	got := fileOf(c, "2021-01-czs.xlsx")
	if got == nil {
		t.Fatalf("no file: %s%s", out, errOut)
	}
	var at []jsonFileFinding
	for _, g := range got.Findings {
		if g.Sheet == "一般预算收入" && g.Cell == "C7" {
			at = append(at, g)
		}
	}
	if len(at) != 1 || at[0].Rule != "ytd_chain" || !strings.Contains(at[0].Message, "should be 5") {
		t.Errorf("C7: %+v, want one ytd_chain saying it should be 5", at)
	}
}
