package workbook

import (
	"testing"

	"github.com/jingwu/tally/reconcile"
)

// A shared formula's cell is the first cell's formula moved as Excel moves
// it when it fills: relative parts by the distance, $ parts kept, quoted
// text and sheet names and function names untouched.
func TestShiftRefs(t *testing.T) {
	for _, c := range []struct {
		f      string
		dc, dr int
		want   string
	}{
		{"C4*2", 0, 1, "C5*2"},
		{"SUM(C4:C43)", 1, 0, "SUM(D4:D43)"},
		{"$C$4+C$4+$C4", 1, 1, "$C$4+D$4+$C5"},
		{"LOG10(B2)+A1", 0, 2, "LOG10(B4)+A3"},
		{`IF(A1="B2",'B2 sheet'!C3,0)`, 0, 1, `IF(A2="B2",'B2 sheet'!C4,0)`},
		{"Sheet1!A1+TRUE", 0, 1, "Sheet1!A2+TRUE"},
		{"A1", 0, -1, "#REF!"},
		{"ROUND(403.76,2)", 0, 1, "ROUND(403.76,2)"},
		{"[1]税收收入!C4", 0, 1, "[1]税收收入!C5"},
	} {
		if got := shiftRefs(c.f, c.dc, c.dr); got != c.want {
			t.Errorf("shiftRefs(%q, %d, %d) = %q, want %q", c.f, c.dc, c.dr, got, c.want)
		}
	}
	var s sharedFormulas
	if got := s.resolve("0", "C4*2", 3, 5); got != "C4*2" {
		t.Errorf("first cell: %q", got)
	}
	if got := s.resolve("0", "", 3, 7); got != "C6*2" {
		t.Errorf("a cell two rows down: %q, want C6*2", got)
	}
	if got := s.resolve("1", "", 3, 7); got != "" {
		t.Errorf("an unknown si: %q", got)
	}
}

// A formula refers to another workbook by [n] or a bracketed book name,
// outside double-quoted text; a table's column (Table1[本月]) does not.
func TestExternalRef(t *testing.T) {
	for f, want := range map[string]bool{
		"[1]税收收入!C4":                        true,
		"SUM([2]Sheet1!A1:A3)+1":            true,
		`'D:\报送\[2020-02-czs.xlsx]税收收入'!C4`: true,
		"C4*2":                     false,
		`IF(A1="[1]",1,0)`:         false,
		"SUM(Table1[本月])":          false,
		"Table1[[#This Row],[本月]]": false,
	} {
		if got := externalRef(f); got != want {
			t.Errorf("externalRef(%q) = %v, want %v", f, got, want)
		}
	}
}

// A title states a month (2020年4月, 报告期：２０２０年４月); a day of one
// (截至2020年4月5日) or a span (2020年1月-3月) states none.
func TestStatedPeriod(t *testing.T) {
	for text, want := range map[string]string{
		"填报单位：财政所　　报告期：2020年4月": "2020-04",
		"报告期：２０２０年４月":           "2020-04",
		"2020年3月":               "",
		"数据截至2020年4月5日":         "",
		"本年累计（2020年1月-3月）":      "",
		"2020年1月至3月":            "",
	} {
		sub := reconcile.Submission{File: "a.xlsx", Period: reconcile.Period{Year: 2020, Month: 3}}
		statedPeriod(&sub, "税收收入", &rawCell{Ref: "A2", Type: "s", Value: text})
		got := ""
		if len(sub.Findings) == 1 {
			got = sub.Findings[0].Fields["stated"].(string)
		}
		if got != want || len(sub.Findings) > 1 {
			t.Errorf("%q: stated %q, want %q", text, got, want)
		}
	}
}
