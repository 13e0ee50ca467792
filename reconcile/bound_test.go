package reconcile

import (
	"strings"
	"testing"
)

// A second, unreadable copy of a month already read does not make the
// month incomplete (whichever comes first); an unreadable file alone does.
func TestSecondUnreadableCopy(t *testing.T) {
	s := testSpec()
	broken := func(name string) Submission {
		return Submission{File: name, Department: "czs", Period: Period{2020, 3}, Unreadable: true,
			Findings: []Finding{{Source: Source{File: name}, Rule: RuleUnreadable, Severity: Error, Fields: Fields{"reason": Text{"坏", "broken"}}}}}
	}
	for _, name := range []string{"a/2020-03-czs.xlsx", "z/2020-03-czs.xlsx"} {
		subs := append(year(s), broken(name))
		r := Consolidate(s, subs, Options{})
		if fig := r.Series[0].Months[3]; len(fig.Incomplete) != 0 {
			t.Errorf("%s: March is complete from its readable file, got %v", name, fig.Incomplete)
		}
		if got := statuses(r)["year"]; got == Incomplete {
			t.Errorf("%s: year claim incomplete", name)
		}
	}
	subs := year(s)
	subs[3] = broken("2020-03-czs.xlsx")
	r := Consolidate(s, subs, Options{})
	if fig := r.Series[0].Months[3]; len(fig.Incomplete) != 1 || !strings.Contains(fig.Incomplete[0][1], "unreadable") {
		t.Errorf("March's only file is unreadable: want incomplete, got %v", fig.Incomplete)
	}
}

// Findings per file are bounded: the first N, then one summary with the
// count (and errors) of the rest; long texts are clipped, and reported
// once per text.
func TestFindingsBounded(t *testing.T) {
	s := testSpec()
	subs := year(s)
	long := strings.Repeat("长", 5000)
	for i := 0; i < 50; i++ {
		subs[0].Findings = append(subs[0].Findings, Finding{Source: Source{File: subs[0].File, Sheet: "税收", Cell: "B4"},
			Rule: RuleNotANumber, Severity: Error, Raw: long, Fields: Fields{"raw": long, "expected": Text{"数字", "a number"}}})
	}
	r := Consolidate(s, subs, Options{MaxFindingsPerFile: 10, MaxFindingText: 20})
	var listed, summaries, longs int
	for _, f := range r.Findings {
		if f.File != subs[0].File {
			continue
		}
		switch f.Rule {
		case RuleTooManyFindings:
			summaries++
			if f.Severity != Error || f.Fields["more"] != 40 {
				t.Errorf("summary %+v", f)
			}
		case RuleLongText:
			longs++
		default:
			listed++
			if len([]rune(f.Raw)) > 21 || len([]rune(f.Message(Chinese))) > 80 {
				t.Errorf("not clipped: %d characters", len([]rune(f.Raw)))
			}
		}
	}
	if listed != 10 || summaries != 1 || longs != 1 {
		t.Errorf("listed %d, long-text %d, summaries %d", listed, longs, summaries)
	}
}
