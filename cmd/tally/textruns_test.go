package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
	"github.com/jingwu/tally/templates"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// textReturn writes 财政所's January 2020 return of n rows whose every
// figure is typed as text (as some systems export them), the template's
// 合计 its formulas; badRow, when positive, holds "abc" in its 本年累计.
// It returns the path and the exact sum of the 本月 column.
func textReturn(t *testing.T, n, badRow int) (string, decimal.Decimal) {
	t.Helper()
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, ok := s.Department("czs")
	if !ok {
		t.Fatal("no department czs in the default spec")
	}
	p := reconcile.Period{Year: 2020, Month: 1}
	tab := d.TablesFor(p)[0]
	fill := &templates.Table{}
	var sum decimal.Decimal
	for r := 0; r < n; r++ {
		v := decimal.New(int64(r*37%1000+1), -2) // 0.01 … 10.00
		sum = sum.Add(v)
		row := templates.Row{Name: fmt.Sprintf("测试企业%04d", r), Code: reconcile.NewCreditCode("120111", fmt.Sprintf("%08d", r+1)),
			Values: map[int]templates.Value{2: {Text: v.StringFixed(2)}, 3: {Text: v.StringFixed(2)}}}
		if r+4 == badRow {
			row.Values[3] = templates.Value{Text: "abc"}
		}
		fill.Rows = append(fill.Rows, row)
	}
	book, err := templates.Build(s, d, p, templates.Fill{tab.ID: fill})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := workbook.WriteBook(&buf, book); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), templates.FileName(d, p))
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, sum
}

// withTotals copies textReturn's file with the 合计's SUM formulas of C
// and D each replaced by what to makes of it.
func withTotals(t *testing.T, path string, totalRow int, to func(formula string) string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), filepath.Base(path))
	editPart(t, path, out, "xl/worksheets/sheet2.xml", func(data []byte) []byte {
		for _, col := range []string{"C", "D"} {
			f := fmt.Sprintf("<f>SUM(%[1]s4:%[1]s%[2]d)</f>", col, totalRow-1)
			if !bytes.Contains(data, []byte(f)) {
				t.Fatalf("no %s in sheet2.xml", f)
			}
			data = bytes.Replace(data, []byte(f), []byte(to(f)), 1)
		}
		return data
	})
	return out
}

// A return whose 1,200 figures of a column are all typed as text is one
// finding per run of adjacent cells, not 1,200 notes that fill the file's
// bound on findings (1,000) and hide its real problems behind
// too_many_findings: the error in D500 is listed, the 本年累计 column is
// two runs either side of it, and where the template's 合计 formula skips
// the text (Excel's SUM does), one total_skips_text for the column says by
// exactly how much, listing each cell.
func TestTextFiguresSaidPerRun(t *testing.T) {
	t.Parallel()
	const n, bad = 1200, 500
	path, sum := textReturn(t, n, bad)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetList()[1]
	totalRow := 4 + n
	formula, _ := f.GetCellFormula(sheet, fmt.Sprintf("C%d", totalRow))
	f.Close()
	if !strings.HasPrefix(formula, "SUM(") {
		t.Fatalf("the template's 合计 C%d is %q, not a SUM", totalRow, formula)
	}
	// The 合计 as Excel saves it once opened: its SUMs skip text, so 0.
	path = withTotals(t, path, totalRow, func(f string) string { return f + "<v>0</v>" })
	for _, lang := range []string{"zh", "en"} {
		code, out, errOut := runTally(t, "check", "--json", "--lang", lang, path)
		if code != 1 {
			t.Fatalf("check --lang %s: exit %d, want 1 (the error in D%d): %s", lang, code, bad, errOut)
		}
		c := checkJSON(t, out)
		got := map[string]jsonFileFinding{}
		for _, x := range c.Files[0].Findings {
			switch x.Rule {
			case "too_many_findings":
				t.Errorf("--lang %s: %s", lang, x.Message)
			}
			if x.Sheet != sheet {
				continue // 一般预算收入's 合计 without values, a note
			}
			got[x.Sheet+"!"+x.Cell+" "+x.Rule] = x
		}
		want := map[string]int{ // finding → cells
			fmt.Sprintf("%s!C4:C%d total_skips_text", sheet, totalRow-1):                       n,
			fmt.Sprintf("%s!D4:D%d,D%d:D%d total_skips_text", sheet, bad-1, bad+1, totalRow-1): n - 1,
			fmt.Sprintf("%s!D%d not_a_number", sheet, bad):                                     0,
		}
		for k, cells := range want {
			x, ok := got[k]
			if !ok {
				t.Errorf("--lang %s: no %s in %v", lang, k, keys(got))
				continue
			}
			if len(x.Cells) != cells {
				t.Errorf("--lang %s: %s lists %d cells, want %d", lang, k, len(x.Cells), cells)
			}
		}
		if len(got) != len(want) {
			t.Errorf("--lang %s: %d findings, want %d: %v", lang, len(got), len(want), keys(got))
		}
		skips := got[fmt.Sprintf("%s!C4:C%d total_skips_text", sheet, totalRow-1)]
		// D500 holds no figure: the SUM of D skips every other cell.
		dShort := sum.Sub(decimal.New(int64((bad-4)*37%1000+1), -2))
		if d := got[fmt.Sprintf("%s!D4:D%d,D%d:D%d total_skips_text", sheet, bad-1, bad+1, totalRow-1)]; !strings.Contains(d.Message, " "+dShort.String()) {
			t.Errorf("--lang %s: D's total_skips_text %q does not say %s", lang, d.Message, dShort)
		}
		switch lang {
		case "zh":
			if w := fmt.Sprintf("这些格（C4:C%d）的数字以文本形式填写，已按数字接收；但表中合计公式（C%d =%s）按文本跳过了它们，合计少了 %s。请把这些格改为纯数字", totalRow-1, totalRow, formula, sum); !strings.Contains(skips.Message, w) {
				t.Errorf("total_skips_text: %q, want %q", skips.Message, w)
			}
		case "en":
			if w := fmt.Sprintf("so it is short by %s; make these cells plain numbers", sum); !strings.Contains(skips.Message, w) {
				t.Errorf("total_skips_text: %q, want %q", skips.Message, w)
			}
		}
	}
	// The annotated copy marks each cell with the run's note, which says
	// which cells fall short together — not this cell short by the total.
	var c10 string
	for _, c := range annotatedComments(t, path, sheet) {
		if strings.HasPrefix(c, "C10 ") {
			c10 = c
		}
	}
	if w := fmt.Sprintf("这些格（C4:C%d）的数字以文本形式填写，已按数字接收；但表中合计公式（C%d =%s）按文本跳过了它们，合计少了 %s", totalRow-1, totalRow, formula, sum); !strings.Contains(c10, w) || !strings.Contains(c10, fmt.Sprintf("（%d 格）", n)) {
		t.Errorf("C10's comment in the annotated copy: %q, want %q and the count", c10, w)
	}
}

// Two figures typed as text are said one by one, each with the number it
// was read as: a run is MinRun cells or more.
func TestTextFiguresFewSaidApart(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "2020-01-czs.xlsx")
	copyFile(t, repo(t, "testdata/submissions/2020-01-czs.xlsx"), path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const sheet = "税收收入"
	for _, cell := range []string{"C5", "C6"} {
		v, _ := f.GetCellValue(sheet, cell)
		if err := f.SetCellStr(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, out, errOut := runTally(t, "check", "--json", "--lang", "en", path)
	c := checkJSON(t, out)
	var got []string
	for _, x := range c.Files[0].Findings {
		if x.Rule == "number_as_text" {
			got = append(got, x.Cell+" "+x.Message)
			if len(x.Cells) != 0 {
				t.Errorf("%s lists cells %v", x.Cell, x.Cells)
			}
		}
	}
	want := []string{"C5 a number typed as text, accepted as 415.75", "C6 a number typed as text, accepted as 359.78"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("number_as_text findings:\n%s\nwant:\n%s\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), errOut)
	}
}

// Where no 合计 formula skips them (the 合计 typed, as a system exports
// it), a run of figures typed as text is one note for its range in both
// languages, and a file of 1,200 rows of them still lists its one error.
func TestTextFiguresRunNote(t *testing.T) {
	t.Parallel()
	const n, bad = 1200, 500
	path, sum := textReturn(t, n, bad)
	totalRow := 4 + n
	typed := withTotals(t, path, totalRow, func(string) string { return "<v>" + sum.String() + "</v>" })
	for _, tc := range []struct{ lang, c, d string }{
		{"zh", "数字以文本形式填写，已按各格所写的数接收（1200 格）", "数字以文本形式填写，已按各格所写的数接收（496 格）"},
		{"en", "numbers typed as text, accepted as the number each cell shows (1200 cells)", "numbers typed as text, accepted as the number each cell shows (496 cells)"},
	} {
		_, out, errOut := runTally(t, "check", "--json", "--lang", tc.lang, typed)
		c := checkJSON(t, out)
		got := map[string]string{}
		for _, x := range c.Files[0].Findings {
			got[x.Cell+" "+x.Rule] = x.Message
		}
		for k, w := range map[string]string{"C4:C1203 number_as_text": tc.c, "D4:D499 number_as_text": tc.d} {
			if got[k] != w {
				t.Errorf("--lang %s: %s says %q, want %q (%v)\n%s", tc.lang, k, got[k], w, keys(got), errOut)
			}
		}
		for _, k := range []string{"D501:D1203 number_as_text", "D500 not_a_number"} {
			if _, ok := got[k]; !ok {
				t.Errorf("--lang %s: no %s in %v", tc.lang, k, keys(got))
			}
		}
		if m, ok := got[" too_many_findings"]; ok {
			t.Errorf("--lang %s: %s", tc.lang, m)
		}
	}
}

// A figure typed as text is checked against what the `--from` template
// carried like the same figure typed as a number (a newcomer's system
// export passed both checks): a 本年累计 100 too high, as text, is
// ytd_chain against the carried figure; a 本月 typed in 元 into the 万元
// column, as text, is month_jump against the carried monthly average.
func TestTextFiguresCheckedAgainstCarry(t *testing.T) {
	t.Parallel()
	july, want := typeOverCarry(t)
	f, err := excelize.OpenFile(july)
	if err != nil {
		t.Fatal(err)
	}
	d4, _ := f.GetCellValue("税收收入", "D4")
	// A quiet month (9% of the row's average) typed in 元: about 900 times
	// the average, within the indicator's bound (TestYuanInCarriedTemplate).
	c6 := carriedAt(t, f, "税收收入", "D6").DivRound(decimal.NewFromInt(6), 2).Mul(decimal.RequireFromString("0.09")).Round(2).Mul(decimal.NewFromInt(10000))
	if c6.GreaterThan(decimal.NewFromInt(1000000)) || !c6.IsPositive() {
		t.Fatalf("row 6's month in 元 (%s) is not within the bound", c6)
	}
	// D6 typed over its formula too, as text (the export types every
	// figure): the carried figure is the template's alone.
	d6 := carriedAt(t, f, "税收收入", "D6").Add(c6)
	for cell, v := range map[string]string{"D4": d4, "C6": c6.String(), "D6": d6.String()} {
		if err := f.SetCellStr("税收收入", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got := julyFindings(t, july)
	if g, ok := got["税收收入!D4 ytd_chain"]; !ok || g.Severity != "error" || !strings.Contains(g.Message, "as the template carries it") || !strings.Contains(g.Message, "should be "+want) {
		t.Errorf("D4 typed as text: %+v, want ytd_chain against the carried figure, should be %s (%v)", g, want, keys(got))
	}
	if g, ok := got["税收收入!C6 month_jump"]; !ok || !strings.Contains(g.Message, "the template's carried") {
		t.Errorf("C6 typed as text in 元: %+v, want month_jump against the carried average (%v)", g, keys(got))
	}
	if g, ok := got["税收收入!D6 ytd_chain"]; ok {
		t.Errorf("D6, right: %s", g.Message)
	}
	for _, k := range []string{"税收收入!D4 number_as_text", "税收收入!C6 number_as_text", "税收收入!D6 number_as_text"} {
		if _, ok := got[k]; !ok {
			t.Errorf("no %s (%v)", k, keys(got))
		}
	}
}
