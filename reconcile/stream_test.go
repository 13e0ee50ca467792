package reconcile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A file streamed row by row and aborted partway leaves nothing in the
// run: the same result as if it had never been begun, then added as
// unreadable. Streamed and committed, it gives what Add gives.
func TestStreamAbortAndCommit(t *testing.T) {
	spec := testSpec()
	jan, feb := month(spec, 1), month(spec, 2)
	whole := func(subs ...Submission) *Result {
		l := NewLedger(spec, Options{AsOf: Period{2020, 2}})
		for i := range subs {
			l.Add(&subs[i])
		}
		return l.Result()
	}
	stream := func(s Submission, abort bool) *Result {
		l := NewLedger(spec, Options{AsOf: Period{2020, 2}})
		l.Add(&jan)
		fr := l.Begin(&Submission{File: s.File, Department: s.Department, Period: s.Period, Findings: s.Findings})
		for _, sh := range s.Sheets {
			sr := fr.Sheet(sh.Table, sh.Name)
			if sh.Total != nil {
				sr.Total(sh.Total)
			}
			for i := range sh.Rows {
				sr.Row(&sh.Rows[i])
			}
			if !abort {
				sr.End(sh.Cells)
			}
		}
		if abort {
			fr.Abort()
			bad := Submission{File: s.File, Department: s.Department, Period: s.Period, Unreadable: true,
				Findings: []Finding{{Source: Source{File: s.File}, Rule: RuleUnreadable, Severity: Error, Fields: Fields{"reason": "late"}}}}
			l.Add(&bad)
		} else if err := fr.Commit(); err != nil {
			t.Fatal(err)
		}
		return l.Result()
	}
	opt := cmp.Options{decimalEq, cmp.AllowUnexported(Input{})}
	if diff := cmp.Diff(whole(jan, feb), stream(feb, false), opt); diff != "" {
		t.Errorf("streamed and committed differs from added whole (-whole +streamed):\n%s", diff)
	}
	bad := feb
	bad.Unreadable, bad.Sheets = true, nil
	bad.Findings = []Finding{{Source: Source{File: feb.File}, Rule: RuleUnreadable, Severity: Error, Fields: Fields{"reason": "late"}}}
	if diff := cmp.Diff(whole(jan, bad), stream(feb, true), opt); diff != "" {
		t.Errorf("aborted differs from unreadable (-unreadable +aborted):\n%s", diff)
	}
}
