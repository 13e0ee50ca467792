package reconcile

import (
	"strings"
	"testing"
)

func TestCellPosition(t *testing.T) {
	for _, c := range []struct {
		ref      string
		row, col int
	}{
		{"B29", 29, 2}, {"A3", 3, 1}, {"AA1", 1, 27}, {"$C$4", 4, 3}, {"5:5", 5, 0},
		{"D:D", 0, 4}, {"B4,C4", 4, 2}, {"B4:D9", 4, 2}, {"", 0, 0}, {"合计", 0, 0}, {"B2x", 0, 0},
	} {
		if r, k := CellPosition(c.ref); r != c.row || k != c.col {
			t.Errorf("CellPosition(%q) = %d, %d; want %d, %d", c.ref, r, k, c.row, c.col)
		}
	}
}

// A file's findings by severity, then sheet (the department's tables in
// their order, others by name), then row, then column: B2 before A3, A3
// before B3, B9 before B10.
func TestReadingOrder(t *testing.T) {
	f := func(sev Severity, sheet, cell string, rule Rule) Finding {
		return Finding{Source: Source{File: "x.xlsx", Sheet: sheet, Cell: cell}, Severity: sev, Rule: rule}
	}
	fs := []Finding{
		f(Info, "税收", "B19", "i1"),
		f(Warning, "税收", "A3", "w1"),
		f(Error, "其他", "A1", "e-other"),
		f(Error, "税收", "B10", "e-b10"),
		f(Error, "税收", "B9", "e-b9"),
		f(Error, "税收", "A3", "e-a3"),
		f(Error, "税收", "B3", "e-b3"),
		f(Error, "税收", "B2", "e-b2"),
		f(Error, "非税", "C2", "e-feishui"),
		f(Error, "", "", "e-file"),
		f(Error, "税收", "5:5", "e-row5"),
		f(Error, "税收", "", "e-sheet"),
		f(Error, "附表", "A1", "e-fubiao"),
		f(Error, "税收", "B2", "e-b2-second"),
	}
	ReadingOrder(fs, []string{"税收", "非税"})
	var got []string
	for _, x := range fs {
		got = append(got, string(x.Rule))
	}
	want := "e-file e-sheet e-b2 e-b2-second e-a3 e-b3 e-row5 e-b9 e-b10 e-feishui e-other e-fubiao w1 i1"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("order:\n got %s\nwant %s", g, want)
	}
}

// ReportOrder: files in the run's order (inputs), whatever order their
// findings were found in; each file's in reading order (C12 before D44,
// not the text order D44 < C12 … or the order found); the months not
// submitted last, by severity, then period.
func TestReportOrder(t *testing.T) {
	at := func(file, cell string, sev Severity) Finding {
		return Finding{Source: Source{File: file, Sheet: "税收收入", Cell: cell}, Severity: sev, Rule: RuleNotANumber}
	}
	miss := func(dept, period string) Finding {
		return Finding{Department: dept, Period: period, Severity: Error, Rule: RuleMissing}
	}
	in := []Finding{
		miss("czs", "2021-07"), at("b.xlsx", "D44", Error), miss("tjz", "2021-07"), at("a.xlsx", "C6", Warning),
		miss("ldbz", "2021-05"), at("b.xlsx", "C12", Error), miss("zsb", "2021-07"), at("b.xlsx", "D6", Error),
		miss("kjk", "2020-08"), at("b.xlsx", "C6", Error), {Source: Source{File: "a.xlsx"}, Severity: Info, Rule: RuleLate},
	}
	inputs := []Input{{File: "b.xlsx"}, {File: "a.xlsx"}}
	var got []string
	for _, f := range ReportOrder(in, nil, inputs) {
		got = append(got, f.File+" "+f.Cell+" "+f.Period)
	}
	want := []string{
		"b.xlsx C6 ", "b.xlsx D6 ", "b.xlsx C12 ", "b.xlsx D44 ",
		"a.xlsx C6 ", "a.xlsx  ",
		"  2020-08", "  2021-05", "  2021-07", "  2021-07", "  2021-07",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("order\n got %q\nwant %q", got, want)
	}
	// Whatever order the findings come in.
	for i, j := 0, len(in)-1; i < j; i, j = i+1, j-1 {
		in[i], in[j] = in[j], in[i]
	}
	got = got[:0]
	for _, f := range ReportOrder(in, nil, inputs) {
		got = append(got, f.File+" "+f.Cell+" "+f.Period)
	}
	if got[0] != want[0] || got[3] != want[3] || got[6] != want[6] {
		t.Errorf("reversed input: %q", got)
	}
}
