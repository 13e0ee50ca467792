package workbook

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// The template's formulas are recognised in exactly the form tally writes
// them (and Calc's .ods writes them back), and no other: a formula the
// department changed is read by its cached value, as any other.
func TestTemplateFormulaForms(t *testing.T) {
	carries := []struct {
		f        string
		carry    string
		col, row int
		ok       bool
	}{
		{"2372.67+C4", "2372.67", 3, 4, true},
		{"-5+C10", "-5", 3, 10, true},
		{"0+AB12", "0", 28, 12, true},
		{"2372.67+[.C4]", "2372.67", 3, 4, true}, // .ods, of:= trimmed by the reader
		{"C4+2372.67", "", 0, 0, false},
		{"2372.67+$C$4", "", 0, 0, false},
		{"2372.67+C4+1", "", 0, 0, false},
		{"2372.67+Sheet2!C4", "", 0, 0, false},
		{"1E5+C4", "", 0, 0, false},
		{"2372.67-C4", "", 0, 0, false},
		{"SUM(C4:C43)", "", 0, 0, false},
	}
	for _, c := range carries {
		carry, col, row, ok := carryFormula(c.f)
		if ok != c.ok || ok && (!carry.Equal(decimal.RequireFromString(c.carry)) || col != c.col || row != c.row) {
			t.Errorf("carryFormula(%q) = %s %d %d %v, want %s %d %d %v", c.f, carry, col, row, ok, c.carry, c.col, c.row, c.ok)
		}
	}
	sums := []struct {
		f             string
		col, from, to int
		ok            bool
	}{
		{"SUM(C4:C43)", 3, 4, 43, true},
		{"SUM([.D4:.D43])", 4, 4, 43, true},
		{"SUM(C4:D43)", 0, 0, 0, false},
		{"SUM(C43:C4)", 0, 0, 0, false},
		{"SUM(C4:C43)+1", 0, 0, 0, false},
		{"SUM(C4,C43)", 0, 0, 0, false},
	}
	for _, c := range sums {
		col, from, to, ok := sumFormula(c.f)
		if ok != c.ok || ok && (col != c.col || from != c.from || to != c.to) {
			t.Errorf("sumFormula(%q) = %d %d %d %v, want %d %d %d %v", c.f, col, from, to, ok, c.col, c.from, c.to, c.ok)
		}
	}
}

// A cached result agrees with the exact figure as Excel stores and shows
// it, and only so.
func TestCachedAgrees(t *testing.T) {
	for _, c := range []struct {
		cached, want string
		ok           bool
	}{
		{"2477.97", "2477.97", true},
		{"2477.9700000000003", "2477.97", true}, // binary noise
		{"12345678901.2345", "12345678901.23455", true},
		{"12345678901.2346", "12345678901.23455", true},
		{"12345678901.2347", "12345678901.23455", false},
		{"3013.05", "3906.7", false},
		{"0", "0", true},
		{"0.0000001", "0", false},
	} {
		if got := agrees(decimal.RequireFromString(c.cached), decimal.RequireFromString(c.want)); got != c.ok {
			t.Errorf("agrees(%s, %s) = %v, want %v", c.cached, c.want, got, c.ok)
		}
	}
}

// An .ods formula is quoted in A1 form, its arguments separated as Excel
// separates them; an .xlsx formula, external references and arrays
// included, is left as it is.
func TestExcelFormQuotesODSAsA1(t *testing.T) {
	for in, want := range map[string]string{
		"SUM([.B4:.B29])":         "SUM(B4:B29)",
		"ROUND([.B4];2)":          "ROUND(B4,2)",
		`IF([.C4]>0;"a;b";{1;2})`: `IF(C4>0,"a;b",{1;2})`,
		"2372.67+[.C4]":           "2372.67+C4",
		"SUM(B4:B29)":             "SUM(B4:B29)",
		"[1]Sheet1!A1":            "[1]Sheet1!A1",
		"INDEX({1;2};1)":          "INDEX({1;2};1)",
	} {
		if got := excelForm(in); got != want {
			t.Errorf("excelForm(%q) = %q, want %q", in, got, want)
		}
	}
}

// rowFormula works out arithmetic over constants and cells of the row,
// exactly, and declines anything else: another row, a function, a range,
// another sheet, a text cell, division by zero, a formula nested past the
// bound.
func TestRowFormula(t *testing.T) {
	cells := []rawCell{
		{Col: 2, Type: "s", Value: "甲"},
		{Col: 3, Value: "110.23"},
		{Col: 4, Value: "271.61"},
		{Col: 5, Value: "12", Date: true},
	}
	for _, c := range []struct {
		f    string
		want string // "" for not evaluated
	}{
		{"D4-161.38", "110.23"},
		{"$D$4-C4", "161.38"},
		{"(C4+D4)*2/4", "190.92"},
		{"-C4+-(-1)", "-109.23"},
		{"100+10.23", "110.23"},
		{"F4+1", "1"}, // an empty cell is 0
		{"C5+1", ""},  // another row
		{"SUM(C4:D4)", ""},
		{"C4:D4", ""},
		{"Sheet1!C4", ""},
		{"B4+1", ""}, // text
		{"E4+1", ""}, // a date
		{"C4/0", ""},
		{"C4/(D4-D4)", ""},
		{"C4+", ""},
		{"(C4", ""},
		{"C4)", ""},
		{"10%", ""},
		{"2^3", ""},
		{"1E+3", ""},
		{strings.Repeat("(", 100) + "1" + strings.Repeat(")", 100), ""},
		{strings.Repeat("-", 100) + "1", ""},
	} {
		got, ok := rowFormula(c.f, 4, cells)
		switch {
		case c.want == "" && ok:
			t.Errorf("=%s: %s, want not evaluated", c.f, got)
		case c.want != "" && (!ok || !got.Equal(decimal.RequireFromString(c.want))):
			t.Errorf("=%s: %s %v, want %s", c.f, got, ok, c.want)
		}
	}
}

// A number format shows text of its own in place of a figure only when no
// section that shows the figure has a digit placeholder, General (also
// Chinese Excel's G/通用格式) or @.
func TestLiteralFormats(t *testing.T) {
	for code, want := range map[string][2]string{
		`"110.23"`:               {"110.23", ""},
		`"见附表";"负数"`:             {"见附表", "负数"},
		`0.00;"负数"`:              {"", "负数"},
		`#,##0.00;-#,##0.00;"-"`: {"", ""},
		`[DBNum1][$-804]G/通用格式`:  {"", ""},
		`General`:                {"", ""},
		`@`:                      {"", ""},
		`;;;`:                    {"", ""},
		`yyyy"年"m"月"`:            {"", ""},
		`[<1000]"小";#,##0.00`:    {"", ""},
		`#,##0.00" 万元"`:          {"", ""},
		`0.0E+00`:                {"", ""},
	} {
		l := literalOf(code)
		var got [2]string
		if l != nil {
			got = l.shown
		}
		if got != want {
			t.Errorf("%s: shows %q, want %q", code, got, want)
		}
	}
}

// A conditional format's expression is decided when it compares the cell
// itself (its reference written for the range's first cell, moved as
// Excel moves it) with a constant, and not otherwise.
func TestConditionalSelfCompare(t *testing.T) {
	r := condRule{ranges: []cellRange{{c1: 3, r1: 4, c2: 3, r2: 43}}, typ: "expression"}
	v := decimal.RequireFromString("110.23")
	for _, c := range []struct {
		f        string
		col, row int
		want     bool
	}{
		{"C4>0", 3, 4, true},
		{"C4>0", 3, 10, true}, // moved to C10
		{"C4>200", 3, 10, false},
		{"0<C4", 3, 7, true},
		{"C4<=110.23", 3, 5, true},
		{"C4<>0", 3, 5, true},
		{"$C$4>0", 3, 10, false}, // always C4: another cell than C10
		{"$C$4>0", 3, 4, true},
		{"C$4>0", 3, 10, false},
		{"$C4>0", 3, 10, true},
		{"D4>0", 3, 4, false}, // another column
		{"C4>D4", 3, 4, false},
		{"SUM(C4)>0", 3, 4, false},
		{"TRUE", 3, 4, true},
		{"C4", 3, 4, false},
	} {
		r.f = []string{c.f}
		if got := r.holds(v, c.col, c.row); got != c.want {
			t.Errorf("%s at column %d row %d: %v, want %v", c.f, c.col, c.row, got, c.want)
		}
	}
}
