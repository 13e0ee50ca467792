package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A department fills the template with a program (excelize here; openpyxl
// and pandas alike), which calculates nothing: the 合计 formulas of both of
// 财政所's sheets keep no value. Each sheet's 合计 has its note, at its own
// cells — not one note for the file, at the first sheet's first cell, which
// left 一般预算收入's uncompared 合计 unsaid — and an annotated copy marks
// each of those cells.
func TestTotalWithoutValueEverySheet(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if code, out, errOut := runTally(t, "template", "--period", "2021-07", "--dept", "czs", "-o", dir); code != 0 {
		t.Fatalf("template: exit %d: %s%s", code, out, errOut)
	}
	path := filepath.Join(dir, "2021-07-czs.xlsx")
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sheet, cell string
		v           any
	}{
		{"税收收入", "A4", "甲公司"}, {"税收收入", "C4", 12.5}, {"税收收入", "D4", 80},
		{"一般预算收入", "B4", 7}, {"一般预算收入", "C4", 21},
	} {
		if err := x.SetCellValue(c.sheet, c.cell, c.v); err != nil {
			t.Fatal(err)
		}
	}
	// 一般预算收入's 本年累计 合计 typed over as a figure: its 本月 合计 alone
	// is a formula without a value there.
	if err := x.SetCellValue("一般预算收入", "C34", 21); err != nil {
		t.Fatal(err)
	}
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
	x.Close()
	f, _ := checkFile(t, path)
	var got []string
	for _, g := range f.Findings {
		if g.Rule == "total_formula_without_value" {
			got = append(got, g.Sheet+"!"+g.Cell+" "+strings.Join(g.Cells, ",")+" "+g.Severity)
		}
	}
	want := []string{"税收收入!C34:D34 C34,D34 info", "一般预算收入!B34  info"}
	if !slices.Equal(got, want) {
		t.Errorf("total_formula_without_value: %q, want %q", got, want)
	}
	for sheet, cells := range map[string][]string{"税收收入": {"C34", "D34"}, "一般预算收入": {"B34"}} {
		var marked []string
		for _, c := range annotatedComments(t, path, sheet) {
			if strings.Contains(c, "合计行的公式没有计算结果") {
				marked = append(marked, strings.Fields(c)[0])
			}
		}
		slices.Sort(marked)
		if !slices.Equal(marked, cells) {
			t.Errorf("%s: annotated at %q, want %q", sheet, marked, cells)
		}
	}
}
