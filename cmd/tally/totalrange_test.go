package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jingwu/tally/internal/testtool"
)

// tjzJuly writes 统计站's July 2020 template prefilled from the sample
// (`template --from`: 31 projects on rows 4 to 34 of 固定资产投资, its 合计
// on row 35 =SUM(B4:B34)), and returns it with the cells a department
// fills: those check reports as required in the blank template.
func tjzJuly(t *testing.T) (string, map[string][]string) {
	t.Helper()
	dir := t.TempDir()
	if code, out, errOut := runTally(t, "template", "--period", "2020-07", "--dept", "tjz", "--from", repo(t, "testdata/submissions"), "-o", dir); code != 0 {
		t.Fatalf("template: exit %d: %s%s", code, out, errOut)
	}
	tpl := filepath.Join(dir, "2020-07-tjz.xlsx")
	_, out, _ := runTally(t, "check", "--json", tpl)
	blanks := map[string][]string{}
	n := 0
	for _, f := range checkJSON(t, out).Files[0].Findings {
		if f.Rule == "required" {
			cells := f.Cells // a run said once (B4:B34)
			if len(cells) == 0 {
				cells = []string{f.Cell}
			}
			blanks[f.Sheet] = append(blanks[f.Sheet], cells...)
			n += len(cells)
		}
	}
	if len(blanks["固定资产投资"]) != 31 || n < 100 {
		t.Fatalf("the blank template's required cells: %d in all, %d in 固定资产投资; want 31 there", n, len(blanks["固定资产投资"]))
	}
	return tpl, blanks
}

// fileFindings runs check --json over one file and returns its findings
// but late_submission (the writers stamp today's date).
func fileFindings(t *testing.T, path string) []jsonFileFinding {
	t.Helper()
	_, out, errOut := runTally(t, "check", "--json", path)
	c := checkJSON(t, out)
	if len(c.Files) != 1 {
		t.Fatalf("%d files: %s%s", len(c.Files), out, errOut)
	}
	var got []jsonFileFinding
	for _, f := range c.Files[0].Findings {
		if f.Rule != "late_submission" {
			got = append(got, f)
		}
	}
	return got
}

func findingKeys(fs []jsonFileFinding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Sheet+"!"+f.Cell+" "+f.Rule)
	}
	return out
}

// A department inserts a project's row in LibreOffice Calc at the first
// data row (row 4), or right above the 合计, and fills the return: Calc
// moves the 合计's =SUM(B4:B34) to =SUM(B5:B35), or keeps it, and the new
// row is outside it either way. tally reads and consolidates the row, and
// says once, at the 合计, which row the sheet's own total leaves out (both
// columns' formulas have the one mistake); the 合计's difference of 500 is
// not a second finding (total_mismatch), and nothing else is said.
func TestTotalRangeInsertedInCalc(t *testing.T) {
	t.Parallel()
	py := testtool.Python(t, "uno")
	testtool.Require(t, "soffice", "--version")
	tpl, blanks := tjzJuly(t)
	dir := t.TempDir()
	for _, c := range []struct {
		name    string
		at      int // Calc's 0-based row index: the row inserted is at+1
		formula string
		rows    string
	}{
		{"first data row", 3, "=SUM(B5:B35)（及 C36 的 =SUM(C5:C35)）", "第4行"},
		{"above the 合计", 34, "=SUM(B4:B34)（及 C36 的 =SUM(C4:C34)）", "第35行"},
	} {
		row := c.at + 1
		fill := map[string]map[string]string{}
		for sheet, cells := range blanks {
			fill[sheet] = map[string]string{}
			for _, cell := range cells {
				col, r := splitRef(t, cell)
				if sheet == "固定资产投资" && r >= row {
					r++ // moved down by the inserted row
				}
				fill[sheet][col+strconv.Itoa(r)] = "10"
			}
		}
		n := strconv.Itoa(row)
		fill["固定资产投资"]["A"+n], fill["固定资产投资"]["B"+n], fill["固定资产投资"]["C"+n] = "新增项目（32）", "500", "500"
		fillFile, insFile := filepath.Join(dir, "fill.json"), filepath.Join(dir, "insert.json")
		writeJSONFile(t, fillFile, fill)
		writeJSONFile(t, insFile, [][]any{{"固定资产投资", c.at}})
		out := filepath.Join(dir, fmt.Sprintf("at%d", row), "2020-07-tjz.xlsx")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(py, repo(t, "templates/testdata/lo_fill.py"), tpl, out, fillFile, filepath.Join(dir, "profile"), insFile)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("LibreOffice: %v\n%s", err, msg)
		}
		got := fileFindings(t, out)
		if len(got) != 1 || got[0].Sheet != "固定资产投资" || got[0].Cell != "B36" || got[0].Rule != "total_range_omits_rows" || got[0].Severity != "error" {
			t.Errorf("%s: %v, want one total_range_omits_rows at 固定资产投资!B36", c.name, findingKeys(got))
			continue
		}
		if msg := got[0].Message; !strings.Contains(msg, "合计公式 "+c.formula+" 的求和范围没有包括"+c.rows+"：") {
			t.Errorf("%s: %q, want the formulas %s and %s", c.name, msg, c.formula, c.rows)
		}
	}
}

// A 合计 formula edited to leave out row 4 is said even when another row
// of the sheet is rejected (待核实 in B10), which keeps total_mismatch
// from comparing the 合计 at all; the 本年累计 column's formula, still the
// template's, is not named. The same template filled without the edit
// says nothing of the 合计 (no false alarm). Files filled by excelize: no
// cached values, so only the formula can tell.
func TestTotalRangeWithRejectedRow(t *testing.T) {
	t.Parallel()
	tpl, blanks := tjzJuly(t)
	dir := t.TempDir()
	write := func(name string, edit func(f *excelize.File)) string {
		t.Helper()
		f, err := excelize.OpenFile(tpl)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for sheet, cells := range blanks {
			for _, cell := range cells {
				if err := f.SetCellValue(sheet, cell, 10); err != nil {
					t.Fatal(err)
				}
			}
		}
		edit(f)
		out := filepath.Join(dir, name, "2020-07-tjz.xlsx")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := f.SaveAs(out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	if f, err := excelize.OpenFile(tpl); err != nil {
		t.Fatal(err)
	} else if got, _ := f.GetCellFormula("固定资产投资", "B35"); got != "SUM(B4:B34)" {
		t.Fatalf("the template's 合计 B35 is %q, want SUM(B4:B34)", got)
	}

	clean := fileFindings(t, write("clean", func(*excelize.File) {}))
	for _, f := range clean {
		if f.Rule == "total_range_omits_rows" || f.Severity == "error" {
			t.Errorf("the template filled: %v, want no error", findingKeys(clean))
			break
		}
	}

	edited := write("edited", func(f *excelize.File) {
		if err := f.SetCellFormula("固定资产投资", "B35", "SUM(B5:B34)"); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue("固定资产投资", "B10", "待核实"); err != nil {
			t.Fatal(err)
		}
	})
	got := map[string]jsonFileFinding{}
	for _, f := range fileFindings(t, edited) {
		got[f.Sheet+"!"+f.Cell+" "+f.Rule] = f
	}
	if _, ok := got["固定资产投资!B10 not_a_number"]; !ok {
		t.Errorf("no not_a_number at B10: %v", keys(got))
	}
	f, ok := got["固定资产投资!B35 total_range_omits_rows"]
	if !ok || f.Severity != "error" || !strings.Contains(f.Message, "合计公式 =SUM(B5:B34) 的求和范围没有包括第4行") || strings.Contains(f.Message, "C35") {
		t.Errorf("B35: %+v, want total_range_omits_rows naming =SUM(B5:B34) and 第4行, not C35; all: %v", f, keys(got))
	}
	for k := range got {
		if strings.Contains(k, "total_") && !strings.HasSuffix(k, "total_range_omits_rows") && !strings.HasSuffix(k, "total_formula_without_value") {
			t.Errorf("another finding of the 合计: %s", k)
		}
	}

	// The desk's 怎么改 says the formula to type.
	d := newTestDesk(t)
	d.clock.set(time.Date(2020, 8, 3, 9, 0, 0, 0, time.Local))
	a := d.login("tjz")
	id := d.mustUpload(a, "2020-07", edited)
	_, page := d.get(a, "/uploads/"+id)
	row := regexp.MustCompile(`(?s)<tr class="error"><td>固定资产投资</td><td class="mono">B35</td>.*?</tr>`).FindString(page)
	if !strings.Contains(row, "第4行") || !strings.Contains(row, "合计公式改为 =SUM(B4:B34)") {
		t.Errorf("the desk's row for B35 does not say the formula to type:\n%s", row)
	}
}

func splitRef(t *testing.T, ref string) (string, int) {
	t.Helper()
	i := strings.IndexAny(ref, "0123456789")
	r, err := strconv.Atoi(ref[i:])
	if i <= 0 || err != nil {
		t.Fatalf("cell %q", ref)
	}
	return ref[:i], r
}

func writeJSONFile(t *testing.T, path string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
