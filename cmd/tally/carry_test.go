package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// carriedAt is the figure a `--from` template's 本年累计 formula at cell
// carries (=2372.67+C4: 2372.67).
func carriedAt(t *testing.T, f *excelize.File, sheet, cell string) decimal.Decimal {
	t.Helper()
	form, err := f.GetCellFormula(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	d, err := decimal.NewFromString(strings.SplitN(strings.TrimPrefix(form, "="), "+", 2)[0])
	if err != nil {
		t.Fatalf("%s!%s: %q: %v", sheet, cell, form, err)
	}
	return d
}

// typeOverCarry fills July's `--from` template as a department that types
// its 本年累计 over the template's formula would: every 本月 is 10; D4's formula (=<June's>+C4) is replaced by
// a figure 100 too high, D5's by the right figure, and the rest keep
// theirs. It returns the file and D4's right figure.
func typeOverCarry(t *testing.T) (string, string) {
	t.Helper()
	path := fromTemplate(t)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d4, d5 := carriedAt(t, f, "税收收入", "D4"), carriedAt(t, f, "税收收入", "D5")
	for _, s := range []struct{ sheet, col string }{{"税收收入", "C"}, {"一般预算收入", "B"}} {
		for r := 4; ; r++ {
			if v, _ := f.GetCellValue(s.sheet, "A"+itoa(r)); v == "合计" || v == "" {
				break
			}
			if err := f.SetCellValue(s.sheet, s.col+itoa(r), 10); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := d4.Add(decimal.NewFromInt(10))
	f.SetCellDefault("税收收入", "D4", want.Add(decimal.NewFromInt(100)).String())
	f.SetCellDefault("税收收入", "D5", d5.Add(decimal.NewFromInt(10)).String())
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	return path, want.String()
}

// A 本年累计 typed over the `--from` template's formula is checked against
// the figure the template carried (kept in its fingerprint), without last
// month's file: D4, 100 too high, is ytd_chain against "2021-06, as the
// template carries it"; D5, typed right, is no finding. With June's file
// in the run the chain is checked against June's, once — not twice.
func TestTypedOverCarryChecked(t *testing.T) {
	t.Parallel()
	july, want := typeOverCarry(t)
	alone := func(args ...string) map[string]jsonFileFinding {
		_, out, errOut := runTally(t, append([]string{"check", "--json", "--lang", "en"}, args...)...)
		f := fileOf(checkJSON(t, out), filepath.Base(july))
		if f == nil {
			t.Fatalf("no file: %s%s", out, errOut)
		}
		got := map[string]jsonFileFinding{}
		for _, g := range f.Findings {
			if g.Rule != "late_submission" {
				if _, dup := got[g.Sheet+"!"+g.Cell+" "+g.Rule]; dup {
					t.Errorf("two %s at %s!%s", g.Rule, g.Sheet, g.Cell)
				}
				got[g.Sheet+"!"+g.Cell+" "+g.Rule] = g
			}
		}
		return got
	}
	got := alone(july)
	g, ok := got["税收收入!D4 ytd_chain"]
	if !ok || g.Severity != "error" || !strings.Contains(g.Message, "2021-06, as the template carries it") || !strings.Contains(g.Message, "should be "+want) {
		t.Errorf("D4 without June: %+v, want ytd_chain against the carried figure, should be %s", g, want)
	}
	for k, g := range got {
		if k != "税收收入!D4 ytd_chain" && g.Severity != "info" {
			t.Errorf("without June: %s: %s %s", k, g.Severity, g.Message)
		}
	}
	got = checkWithJune(t, july)
	g, ok = got["税收收入!D4 ytd_chain"]
	if !ok || strings.Contains(g.Message, "template") || !strings.Contains(g.Message, "should be "+want) {
		t.Errorf("D4 with June: %+v, want ytd_chain against June's file", g)
	}
	for k, g := range got {
		if k != "税收收入!D4 ytd_chain" && g.Severity != "info" {
			t.Errorf("with June: %s: %s %s", k, g.Severity, g.Message)
		}
	}
}

// julyFindings runs check --json over the files and returns the findings
// of July's file by "sheet!cell rule" (late_submission left out), failing
// the test on two findings of one rule at one cell.
func julyFindings(t *testing.T, july string, files ...string) map[string]jsonFileFinding {
	t.Helper()
	_, out, errOut := runTally(t, append([]string{"check", "--json", "--lang", "en"}, append(files, july)...)...)
	f := fileOf(checkJSON(t, out), filepath.Base(july))
	if f == nil {
		t.Fatalf("no file: %s%s", out, errOut)
	}
	got := map[string]jsonFileFinding{}
	for _, g := range f.Findings {
		if g.Rule == "late_submission" {
			continue
		}
		k := g.Sheet + "!" + g.Cell + " " + g.Rule
		if _, dup := got[k]; dup {
			t.Errorf("two findings %s", k)
		}
		got[k] = g
	}
	return got
}

// A 本月 typed in 元 into the `--from` template's 万元 column is out of
// line with the months before it as the template carried them (June's
// 本年累计 ÷ 6), with no other month of the year in the run: month_jump at
// the cell — also for a quiet month, whose slip is some 900 times the
// average, not 10⁴. With four earlier months in the run (which checkJumps compares
// it with too) it is still one finding.
func TestYuanInCarriedTemplate(t *testing.T) {
	t.Parallel()
	july := fromTemplate(t)
	f, err := excelize.OpenFile(july)
	if err != nil {
		t.Fatal(err)
	}
	// Every 本月 a sixth of June's 本年累计 (its usual month) in 万元; the
	// first row's whose 元 stays within the indicator's bound (1,000,000
	// 万元: past it, out_of_range says it) in 元.
	yuanRow, yuan := 0, decimal.Zero
	for _, s := range []struct{ sheet, month, ytd string }{{"税收收入", "C", "D"}, {"一般预算收入", "B", "C"}} {
		for r := 4; ; r++ {
			if v, _ := f.GetCellValue(s.sheet, "A"+itoa(r)); v == "合计" || v == "" {
				break
			}
			c := carriedAt(t, f, s.sheet, s.ytd+itoa(r))
			m := c.DivRound(decimal.NewFromInt(6), 2)
			// The slipped month a quiet one, 9% of the row's average: in
			// 元 it is about 900 times the average, not 10⁴ (a newcomer's
			// slip was 889 times, and passed a bar of 1,000).
			quiet := m.Mul(decimal.RequireFromString("0.09")).Round(2)
			if y := quiet.Mul(decimal.NewFromInt(10000)); yuanRow == 0 && s.month == "C" && quiet.IsPositive() && y.LessThanOrEqual(decimal.NewFromInt(1000000)) {
				yuanRow, yuan, m = r, y, y
			}
			f.SetCellDefault(s.sheet, s.month+itoa(r), m.String())
		}
	}
	if yuanRow == 0 {
		t.Fatal("no row of 税收收入 whose month in 元 is within the bound")
	}
	at := "税收收入!C" + itoa(yuanRow) + " month_jump"
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, earlier := range [][]string{nil, {"2021-03-czs.xlsx", "2021-04-czs.xlsx", "2021-05-czs.xlsx", "2021-06-czs.xlsx"}} {
		var files []string
		for _, e := range earlier {
			files = append(files, repo(t, "testdata/submissions/"+e))
		}
		got := julyFindings(t, july, files...)
		g, ok := got[at]
		if !ok || g.Severity != "warning" {
			t.Errorf("with %d earlier months: no %s (%s): %v", len(earlier), at, yuan, keys(got))
			continue
		}
		if len(earlier) == 0 && (!strings.Contains(g.Message, "monthly average") || !strings.Contains(g.Message, "months 1–6 (the template's carried")) {
			t.Errorf("alone: %s, want the carried monthly average", g.Message)
		}
		for k, g := range got {
			if k != at && g.Severity != "info" {
				t.Errorf("with %d earlier months: %s: %s %s", len(earlier), k, g.Severity, g.Message)
			}
		}
	}
}

// A row of the `--from` template deleted from the return (its cells
// cleared, as a clerk removes a firm that closed) is said without last
// month's file too: entity_disappears (info) at its sheet, against the
// template; with June's file in the run, once, against June's.
func TestRowGoneFromTemplate(t *testing.T) {
	t.Parallel()
	july, _ := typeOverCarry(t)
	f, err := excelize.OpenFile(july)
	if err != nil {
		t.Fatal(err)
	}
	name, _ := f.GetCellValue("税收收入", "A6")
	for _, col := range []string{"A", "B", "C", "D", "E"} {
		if err := f.SetCellValue("税收收入", col+"6", nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	gone := func(got map[string]jsonFileFinding) []string {
		var out []string
		for k, g := range got {
			if strings.HasSuffix(k, " entity_disappears") {
				out = append(out, k+" "+g.Message)
			}
		}
		return out
	}
	alone := gone(julyFindings(t, july))
	if len(alone) != 1 || !strings.Contains(alone[0], name) || !strings.Contains(alone[0], "2021-06 per the template") || !strings.HasPrefix(alone[0], "税收收入! ") {
		t.Errorf("without June: %q, want one entity_disappears of %q at 税收收入 against the template", alone, name)
	}
	withJune := gone(julyFindings(t, july, repo(t, "testdata/submissions/2021-06-czs.xlsx")))
	if len(withJune) != 1 || !strings.Contains(withJune[0], name) || strings.Contains(withJune[0], "template") {
		t.Errorf("with June: %q, want one entity_disappears of %q against June's file", withJune, name)
	}
	// A return with every row kept says none.
	kept, _ := typeOverCarry(t)
	if g := gone(julyFindings(t, kept)); len(g) != 0 {
		t.Errorf("every row kept: %q, want none", g)
	}
}
