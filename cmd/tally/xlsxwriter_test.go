package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/testtool"
)

// pandas with the XlsxWriter engine (and XlsxWriter itself) writes a text
// that starts with = as a formula, with 0 as its cached value, and marks
// the workbook fullCalcOnLoad: Excel works every formula out again when
// it opens the file and shows 120.5, and tally summed the cached 0 — a
// silently changed figure. A workbook that asks for its formulas to be
// worked out again has no cached value to believe: the figure is
// formula_without_value (an error, its row rejected) and the 合计 formula
// one note; a formula of a workbook that does not ask (LibreOffice,
// Excel) is still read through its cached value.
func TestFormulaCachedByXlsxWriter(t *testing.T) {
	t.Parallel()
	script := `
import sys, pandas as pd
df = pd.DataFrame({"企业名称": ["天津甲科技有限公司", "天津乙精工有限公司"],
                   "统一社会信用代码": ["91120111000000019J", "91120111000000027D"],
                   "税收收入\n本月（万元）": ["=100+20.5", 80],
                   "税收收入\n本年累计（万元）": [120.5, 80], "说明": ["", ""]})
with pd.ExcelWriter(sys.argv[1], engine="xlsxwriter") as w:
    df.to_excel(w, sheet_name="税收收入", index=False, startrow=2)
    ws = w.sheets["税收收入"]
    ws.write("A5", "合计")
    ws.write_formula("C5", "=SUM(C4:C4)")
`
	in, file := writeWithXlsxWriter(t, script)
	if wb := zipPart(t, file, "xl/workbook.xml"); !strings.Contains(wb, `fullCalcOnLoad="1"`) {
		t.Fatalf("XlsxWriter no longer asks for a full calculation: %s", wb)
	}
	if sh := zipPart(t, file, "xl/worksheets/sheet1.xml"); !strings.Contains(sh, `<f>100+20.5</f><v>0</v>`) {
		t.Fatalf("XlsxWriter no longer caches 0: %.2000s", sh)
	}
	_, out, errOut := runTally(t, "check", "--json", "--lang", "en", in)
	f := fileOf(checkJSON(t, out), "2021-01-czs.xlsx")
	if f == nil {
		t.Fatalf("no file: %s%s", out, errOut)
	}
	rules := map[string]string{}
	for _, g := range f.Findings {
		rules[g.Cell+" "+g.Rule] = g.Severity
	}
	if rules["C4 formula_without_value"] != "error" || rules["C5 total_formula_without_value"] != "info" {
		t.Errorf("want formula_without_value at C4 and total_formula_without_value at C5: %v\n%s", rules, out)
	}
	for k := range rules {
		if strings.HasSuffix(k, " ytd_chain") || strings.HasSuffix(k, " total_mismatch") {
			t.Errorf("a finding from the cached 0: %s\n%s", k, out)
		}
	}
}

// A writer that works its formulas out and still asks for a calculation on
// opening (PhpSpreadsheet, openxlsx2 re-saving an Excel file) caches their
// values: under fullCalcOnLoad a cached value other than 0 is read, no
// formula_without_value (XlsxWriter stands in, given the value to cache).
func TestFormulaCachedValueUnderFullCalc(t *testing.T) {
	t.Parallel()
	script := `
import sys, pandas as pd
df = pd.DataFrame({"企业名称": ["天津甲科技有限公司"],
                   "统一社会信用代码": ["91120111000000019J"],
                   "税收收入\n本月（万元）": [0],
                   "税收收入\n本年累计（万元）": [120.5], "说明": [""]})
with pd.ExcelWriter(sys.argv[1], engine="xlsxwriter") as w:
    df.to_excel(w, sheet_name="税收收入", index=False, startrow=2)
    ws = w.sheets["税收收入"]
    ws.write_formula("C4", "=100+20.5", None, 120.5)
`
	in, file := writeWithXlsxWriter(t, script)
	if wb := zipPart(t, file, "xl/workbook.xml"); !strings.Contains(wb, `fullCalcOnLoad="1"`) {
		t.Fatalf("XlsxWriter no longer asks for a full calculation: %s", wb)
	}
	_, out, errOut := runTally(t, "check", "--json", "--lang", "en", in)
	f := fileOf(checkJSON(t, out), "2021-01-czs.xlsx")
	if f == nil {
		t.Fatalf("no file: %s%s", out, errOut)
	}
	for _, g := range f.Findings {
		if g.Rule == "formula_without_value" || g.Cell == "C4" && g.Severity == "error" {
			t.Errorf("a formula with its value cached, read as without one: %s %s %s\n%s", g.Cell, g.Rule, g.Severity, out)
		}
	}
}

// writeWithXlsxWriter runs a pandas/XlsxWriter script (its argv[1] the file
// to write) into a fresh folder, as 2021-01-czs.xlsx: the folder and file.
func writeWithXlsxWriter(t *testing.T, script string) (in, file string) {
	t.Helper()
	python := testtool.Python(t, "xlsxwriter")
	testtool.Python(t, "pandas")
	in = filepath.Join(t.TempDir(), "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	file = filepath.Join(in, "2021-01-czs.xlsx")
	if msg, err := exec.Command(python, "-c", script, file).CombinedOutput(); err != nil {
		t.Fatalf("pandas: %v\n%s", err, msg)
	}
	return in, file
}
