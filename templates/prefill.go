package templates

import (
	"github.com/jingwu/tally/reconcile"
)

// Prefill makes the content of period p's template from the previous
// period's submission: every row's identity (enterprise and code, project,
// village), and, within a year, 本年累计 as last month's 本年累计 plus this
// month's 本月 so the department types only 本月. Rows rejected last month
// keep their identity only.
func Prefill(prev *reconcile.Submission, p reconcile.Period) Fill {
	return prefill(prev, p.IsMonth() && prev.Period.IsMonth() && prev.Period.Year == p.Year)
}

// PrefillNames is Prefill from an earlier return than the previous
// period's, for a sheet the previous return lacks: each row's identity
// only. Its 本年累计 is not the previous month's, so none is carried.
func PrefillNames(older *reconcile.Submission) Fill {
	return prefill(older, false)
}

func prefill(prev *reconcile.Submission, carry bool) Fill {
	fill := Fill{}
	for _, sh := range prev.Sheets {
		t := sh.Table
		// An indicator table's rows are the form's own lines: matched by
		// label, they carry 本年累计 like any other row.
		content := &Table{}
		for _, r := range sh.Rows {
			row := Row{Name: r.Name, Code: r.Code, Values: map[int]Value{}}
			for ci, c := range t.Columns {
				cell := r.Cells[ci]
				if carry && c.Measure == reconcile.YTDValue && cell.State == reconcile.Number {
					v := cell.Value.Decimal()
					row.Values[ci] = Value{Carry: &v}
				}
			}
			content.Rows = append(content.Rows, row)
		}
		fill[t.ID] = content
	}
	return fill
}
