package reconcile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// ParseSum reads the 合计 formulas a SUM of one column can be written as,
// and no other.
func TestParseSum(t *testing.T) {
	for _, c := range []struct {
		f    string
		col  string
		want []RowSpan
	}{
		{"=SUM(B4:B34)", "B", []RowSpan{{4, 34}}},
		{"SUM(C4:C43)", "C", []RowSpan{{4, 43}}},
		{"=SUM($B$5:$B$35)", "B", []RowSpan{{5, 35}}},
		{"= sum( b5 : B35 )", "B", []RowSpan{{5, 35}}},
		{"=SUM(B4:B20,B22:B34)", "B", []RowSpan{{4, 20}, {22, 34}}},
		{"=SUM(B4:B34,B36)", "B", []RowSpan{{4, 34}, {36, 36}}},
		{"=SUM(AB4:AB9)", "AB", []RowSpan{{4, 9}}},
		{"=SUM(B4:C34)", "", nil},         // two columns
		{"=SUM(B4:B20,C22:C34)", "", nil}, // two columns
		{"=SUM(B34:B4)", "", nil},         // Excel writes it B4:B34
		{"=SUM(B:B)", "", nil},
		{"=SUM(B4:B34)+1", "", nil},
		{"=SUM(B4:B34)-B10", "", nil},
		{"=SUBTOTAL(9,B4:B34)", "", nil},
		{"=SUM(Sheet1!B4:B34)", "", nil},
		{"=SUM(B0:B4)", "", nil},
		{"=SUM()", "", nil},
		{"=B4+B5", "", nil},
		{"", "", nil},
	} {
		got, ok := ParseSum(c.f)
		if ok != (c.want != nil) || ok && (got.Col != c.col || !slices.Equal(got.Spans, c.want)) {
			t.Errorf("ParseSum(%q) = %+v %v, want %s %v", c.f, got, ok, c.col, c.want)
		}
	}
}

// The rows a SUM leaves out, and the clerk's words for them.
func TestRowsOutside(t *testing.T) {
	var rs lineRuns
	for _, line := range []int{4, 5, 6, 7, 8, 10, 11, 20, 40} {
		rs.add(line, 100)
	}
	for _, c := range []struct {
		f      string
		zh, en string
	}{
		{"=SUM(B4:B20)", "", ""},
		{"=SUM(B5:B20)", "第4行", "row 4"},
		{"=SUM(B4:B19)", "第20行", "row 20"},
		{"=SUM(B6:B19)", "第4、5、20行", "rows 4, 5, 20"},
		{"=SUM(B4:B6,B8:B20)", "第7行", "row 7"},
		{"=SUM(B11:B20)", "第4至8、10行", "rows 4–8, 10"},
		{"=SUM(B5,B7,B10,B20)", "第4、6、8行等 4 行", "rows 4, 6, 8 and others, 4 rows in all"},
	} {
		sum, ok := ParseSum(c.f)
		if !ok {
			t.Fatalf("ParseSum(%q)", c.f)
		}
		out := rs.outside(sum, 21) // row 40 is under the 合计 on row 21
		if len(out) == 0 {
			if c.zh != "" {
				t.Errorf("%s: no rows outside, want %s", c.f, c.zh)
			}
			continue
		}
		if got := rowsText(out); got != (Text{c.zh, c.en}) {
			t.Errorf("%s: %v, want %s / %s", c.f, got, c.zh, c.en)
		}
	}
	sum, _ := ParseSum("=SUM(B5:B19,B30)")
	if got := fullSum(sum, rs.outside(sum, 21), 21).String(); got != "=SUM(B4:B20)" {
		t.Errorf("fullSum: %s, want =SUM(B4:B20)", got)
	}
}

// totalRangeMonth is March's file of the test spec (rows 4 and 5, 合计 on
// row 6) with 合计 formulas: f[0] in B6, f[1] in C6.
func totalRangeMonth(s *Spec, b, c string) Submission {
	sub := month(s, 3)
	sub.Sheets[0].Total.Cells[1].Formula = b
	sub.Sheets[0].Total.Cells[2].Formula = c
	return sub
}

func findingsOf(r *Result, rule Rule) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// A 合计 formula that leaves out a data row is said once, at the 合计, as
// an error naming the row and the formula to type, rejected rows or not;
// the difference the row left out makes is not a second finding, and one
// it does not explain is.
func TestTotalRange(t *testing.T) {
	s := testSpec()
	check := func(sub Submission) *Result {
		t.Helper()
		return Consolidate(s, []Submission{sub}, Options{Check: true})
	}

	// Row 4 (甲, 10000 and 30000) is outside both columns' SUM, and the
	// 合计 shows what the sheet's SUM gives: 乙's 0.
	sub := totalRangeMonth(s, "=SUM(B5:B5)", "=SUM(C5:C5)")
	sub.Sheets[0].Total.Cells[1].Value = NumOf(d("0"))
	sub.Sheets[0].Total.Cells[2].Value = NumOf(d("0"))
	r := check(sub)
	got := findingsOf(r, RuleTotalRange)
	if len(got) != 1 || got[0].Cell != "B6" || got[0].Severity != Error {
		t.Fatalf("both columns: %v, want one total_range_omits_rows at B6", rules(r))
	}
	msg, advice := got[0].Message(Chinese), got[0].Advice(Chinese)
	if !strings.Contains(msg, "=SUM(B5:B5)（及 C6 的 =SUM(C5:C5)）") || !strings.Contains(msg, "第4行") {
		t.Errorf("message %q: want the formulas of B6 and C6 and 第4行", msg)
	}
	if !strings.Contains(advice, "=SUM(B4:B5)（C6 改为 =SUM(C4:C5)）") {
		t.Errorf("advice %q: want =SUM(B4:B5) and C6's =SUM(C4:C5)", advice)
	}
	if en := got[0].Message(English); !strings.Contains(en, "leaves out row 4") || !strings.Contains(en, "C6's =SUM(C5:C5)") {
		t.Errorf("English message %q", en)
	}
	if n := len(findingsOf(r, RuleTotalMismatch)); n != 0 {
		t.Errorf("the left-out row explains the difference, yet %d total_mismatch: %v", n, rules(r))
	}

	// A difference the row does not explain is still total_mismatch.
	sub = totalRangeMonth(s, "=SUM(B5:B5)", "=SUM(C5:C5)")
	sub.Sheets[0].Total.Cells[1].Value = NumOf(d("7"))
	sub.Sheets[0].Total.Cells[2].Value = NumOf(d("0"))
	r = check(sub)
	if m := findingsOf(r, RuleTotalMismatch); len(m) != 1 || m[0].Cell != "B6" {
		t.Errorf("B6 is 7, not the sum of the rows it reaches (0): %v, want total_mismatch at B6 only", rules(r))
	}
	if n := len(findingsOf(r, RuleTotalRange)); n != 1 {
		t.Errorf("%d total_range_omits_rows, want 1: %v", n, rules(r))
	}

	// A rejected row (乙's 本月 待核实) does not silence it.
	sub = totalRangeMonth(s, "=SUM(B5:B5)", "=SUM(C5:C5)")
	bad := &sub.Sheets[0].Rows[1]
	bad.Cells[1] = Cell{Source: bad.Cells[1].Source, Raw: "待核实", State: Invalid}
	r = check(sub)
	if got := findingsOf(r, RuleTotalRange); len(got) != 1 || got[0].Cell != "B6" || !strings.Contains(got[0].Message(Chinese), "第4行") {
		t.Errorf("with a rejected row: %v, want total_range_omits_rows at B6 naming 第4行", rules(r))
	}

	// Each column its own mistake: B leaves out row 4, C row 5.
	r = check(totalRangeMonth(s, "=SUM(B5:B5)", "=SUM(C4:C4)"))
	got = findingsOf(r, RuleTotalRange)
	if len(got) != 2 || got[0].Cell != "B6" || got[1].Cell != "C6" || !strings.Contains(got[1].Message(Chinese), "第5行") ||
		strings.Contains(got[0].Message(Chinese), "C6") {
		t.Errorf("two mistakes: %v", rules(r))
	}

	// Formulas that reach every row, or that are not a SUM of their own
	// column, say nothing; a row under the 合计 is below_total's.
	for _, f := range [][2]string{
		{"=SUM(B4:B5)", "=SUM(C4:C5)"},
		{"=sum( $B$4 : $B$5 )", "=SUM(C4,C5)"},
		{"=SUM(B2:B5)", "=SUM(C4:C40)"},
		{"=SUM(C4:C5)", "=C4+C5"},
		{"", ""},
	} {
		sub := totalRangeMonth(s, f[0], f[1])
		below := sub.Sheets[0].Rows[0]
		below.Line, below.Name = 7, "丙"
		below.Cells = []Cell{{Source: Source{sub.File, "税收", "A7"}}, num(sub.File, "B7", "0"), num(sub.File, "C7", "0")}
		sub.Sheets[0].Rows = append(sub.Sheets[0].Rows, below)
		if r := check(sub); len(findingsOf(r, RuleTotalRange)) != 0 {
			t.Errorf("%v: %v, want no total_range_omits_rows", f, rules(r))
		}
	}
}

// A sheet whose data rows come in more runs than tally keeps (a blank row
// between every two) does not have its 合计's range checked, and says so
// once (not_checked), at the 合计.
func TestTotalRangeNotChecked(t *testing.T) {
	s := testSpec()
	sub := month(s, 3)
	sh := &sub.Sheets[0]
	row := sh.Rows[1] // 乙: 0 and 0
	sh.Rows = sh.Rows[:0]
	line := 4
	for i := 0; i <= maxKept; i++ {
		r := row
		r.Line, r.Name = line, fmt.Sprintf("乙%d", i)
		sh.Rows = append(sh.Rows, r)
		line += 2
	}
	total := *sh.Total
	total.Line = line
	total.Cells = slices.Clone(total.Cells)
	total.Cells[1] = num(sub.File, fmt.Sprintf("B%d", line), "0")
	total.Cells[1].Formula = "=SUM(B5:B" + strconv.Itoa(line-1) + ")" // leaves out row 4
	total.Cells[2] = num(sub.File, fmt.Sprintf("C%d", line), "0")
	sh.Total = &total
	r := Consolidate(s, []Submission{sub}, Options{Check: true})
	nc := findingsOf(r, RuleNotChecked)
	if len(nc) != 1 || nc[0].Cell != total.Cells[1].Cell || len(findingsOf(r, RuleTotalRange)) != 0 {
		t.Errorf("%v, want one not_checked at %s and no total_range_omits_rows", rules(r), total.Cells[1].Cell)
	}
	// One run fewer, and it is checked.
	sh.Rows = sh.Rows[1:]
	total.Cells[1].Formula = "=SUM(B7:B" + strconv.Itoa(line-1) + ")" // leaves out row 6
	r = Consolidate(s, []Submission{sub}, Options{Check: true})
	if got := findingsOf(r, RuleTotalRange); len(got) != 1 || !strings.Contains(got[0].Message(Chinese), "第6行") || len(findingsOf(r, RuleNotChecked)) != 0 {
		t.Errorf("%d runs: %v, want total_range_omits_rows naming 第6行", maxKept, rules(r))
	}
}
