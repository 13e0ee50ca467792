package workbook

import (
	"fmt"
	"testing"
)

// rowSums reads the sums of other rows of a column, as an .xlsx and (through
// excelForm) an .ods write them, and nothing else.
func TestRowSums(t *testing.T) {
	for _, c := range []struct {
		f, col, want string
	}{
		{"SUM(C5:C9)", "C", "[{5 9}]"},
		{"=SUM($C$5:C7, C9)", "C", "[{5 7} {9 9}]"},
		{"SUBTOTAL(9,C5:C9)", "C", "[{5 9}]"},
		{"SUBTOTAL(109;[.C5:.C9])", "C", "[{5 9}]"},
		{"SUM([.C5:.C9])", "C", "[{5 9}]"},
		{"C5+C6+$C$7", "C", "[{5 5} {6 6} {7 7}]"},
		{"+C5+SUM(C6:C7)", "C", "[{5 5} {6 7}]"},
		{"SUM(C5:C9)", "D", "none"},        // another column
		{"2372.67+C4", "D", "none"},        // the template's carry
		{"C5-C6", "C", "none"},             // not a sum
		{"SUBTOTAL(1,C5:C9)", "C", "none"}, // an average
		{"SUM(C5:C9)*2", "C", "none"},
		{"Sheet2!C5+C6", "C", "none"},
		{"C5:C9", "C", "none"},
		{"SUM(C5:C9", "C", "none"},
		{"ROUND(C5,2)", "C", "none"},
	} {
		spans, ok := rowSums(excelForm(c.f), c.col)
		got := "none"
		if ok {
			got = fmt.Sprint(spans)
		}
		if got != c.want {
			t.Errorf("rowSums(%q, %s) = %s, want %s", c.f, c.col, got, c.want)
		}
	}
}
