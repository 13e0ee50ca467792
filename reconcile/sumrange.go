package reconcile

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// SumRange is a 合计 formula that is a plain SUM over cells of one column
// of its own sheet: the template's =SUM(B4:B34), the same with $ anchors
// or spaces (=SUM($B$4:$B$34)), and the list a clerk writes to leave a row
// out (=SUM(B4:B20,B22:B34), =SUM(B4:B34,B36)). Any other formula — a
// function around it, arithmetic, another column or sheet, a whole column
// (B:B) — is none.
type SumRange struct {
	Col   string    // the column's letters, B
	Spans []RowSpan // the rows summed, each from ≤ to, as written
}

// RowSpan is a run of sheet rows, From to To inclusive.
type RowSpan struct{ From, To int }

// maxSumRow is the last row of a worksheet (Excel's 1,048,576).
const maxSumRow = 1 << 20

// ParseSum reads f (with or without its =, in the A1 form Excel and Calc
// show: an .ods formula's [.B4:.B34] is converted first, as the reader
// does for Cell.Formula) as a SumRange.
func ParseSum(f string) (SumRange, bool) {
	s := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(f), " ", ""))
	s = strings.TrimPrefix(s, "=")
	if !strings.HasPrefix(s, "SUM(") || !strings.HasSuffix(s, ")") {
		return SumRange{}, false
	}
	var out SumRange
	for _, arg := range strings.Split(s[len("SUM("):len(s)-1], ",") {
		from, to, ok := strings.Cut(arg, ":")
		if !ok {
			to = from
		}
		c1, r1, ok1 := sumRef(from)
		c2, r2, ok2 := sumRef(to)
		if !ok1 || !ok2 || c1 != c2 || r2 < r1 || out.Col != "" && c1 != out.Col {
			return SumRange{}, false
		}
		out.Col = c1
		out.Spans = append(out.Spans, RowSpan{r1, r2})
	}
	return out, true
}

// sumRef reads one cell of a SUM's argument, B4 or $B$4: its column's
// letters and its row.
func sumRef(ref string) (col string, row int, ok bool) {
	ref = strings.TrimPrefix(ref, "$")
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		i++
	}
	if i == 0 || i > 3 {
		return "", 0, false
	}
	col, ref = ref[:i], strings.TrimPrefix(ref[i:], "$")
	if ref == "" || ref[0] < '1' || ref[0] > '9' {
		return "", 0, false
	}
	row, err := strconv.Atoi(ref)
	if err != nil || row > maxSumRow {
		return "", 0, false
	}
	return col, row, true
}

// String writes the formula as Calc and Excel show it: =SUM(B4:B35).
func (r SumRange) String() string {
	var b strings.Builder
	b.WriteString("=SUM(")
	for i, s := range r.Spans {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%s%d", r.Col, s.From)
		if s.To != s.From {
			fmt.Fprintf(&b, ":%s%d", r.Col, s.To)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// cellColumn is the letters of a cell's reference: B of B36.
func cellColumn(cell string) string {
	i := 0
	for i < len(cell) && cell[i] >= 'A' && cell[i] <= 'Z' {
		i++
	}
	return cell[:i]
}

// lineRuns are a sheet's data rows as runs of consecutive rows, in the
// order read: the rows a 合计's SUM must reach. A sheet of any length
// holds a few runs (blank rows between them start new ones).
type lineRuns []RowSpan

// add adds a row; it reports false, adding nothing, when the row would
// be a run past max.
func (rs *lineRuns) add(line, max int) bool {
	if n := len(*rs); n > 0 {
		if last := &(*rs)[n-1]; last.To == line || last.To+1 == line {
			last.To = line
			return true
		}
	}
	if len(*rs) >= max {
		return false
	}
	*rs = append(*rs, RowSpan{line, line})
	return true
}

// outside lists the rows of rs above row below that sum does not reach,
// as runs, in sheet order.
func (rs lineRuns) outside(sum SumRange, below int) []RowSpan {
	// The SUM's spans sorted and merged: both ends increase.
	merged := MergeSpans(slices.Clone(sum.Spans))
	var out []RowSpan
	emit := func(a, b int) {
		if a > b {
			return
		}
		if n := len(out); n > 0 && out[n-1].To+1 >= a {
			out[n-1].To = max(out[n-1].To, b)
			return
		}
		out = append(out, RowSpan{a, b})
	}
	for _, run := range rs {
		a, b := run.From, min(run.To, below-1)
		i := sort.Search(len(merged), func(i int) bool { return merged[i].To >= a })
		for ; i < len(merged) && a <= b && merged[i].From <= b; i++ {
			emit(a, merged[i].From-1)
			a = max(a, merged[i].To+1)
		}
		emit(a, b)
	}
	return out
}

// throughSubtotals is sum with the rows of the sheet's sub-total rows it
// takes in added (=SUM(B10,B16), B10 =SUM(B5:B9) and B16 =SUM(B11:B15),
// reaches rows 5–15): those rows are in the 合计 once, through their
// sub-total. A sub-total within a sub-total counts the same way.
func (sr *SheetRead) throughSubtotals(sum SumRange) SumRange {
	if len(sr.subtotals) == 0 {
		return sum
	}
	out := SumRange{Col: sum.Col, Spans: slices.Clone(sum.Spans)}
	used := make([]bool, len(sr.subtotals))
	for added := true; added; {
		added = false
		for i, st := range sr.subtotals {
			if used[i] || len(st.Sums) == 0 || !covers(out.Spans, st.Line) {
				continue
			}
			used[i], added = true, true
			out.Spans = append(out.Spans, st.Sums...)
		}
	}
	return out
}

// covers reports whether one of spans holds row.
func covers(spans []RowSpan, row int) bool {
	for _, s := range spans {
		if s.From <= row && row <= s.To {
			return true
		}
	}
	return false
}

// MergeSpans sorts runs of rows and joins those that touch or overlap, in
// place.
func MergeSpans(spans []RowSpan) []RowSpan {
	slices.SortFunc(spans, func(a, b RowSpan) int { return a.From - b.From })
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.From <= out[n-1].To+1 {
			out[n-1].To = max(out[n-1].To, s.To)
			continue
		}
		out = append(out, s)
	}
	return out
}
