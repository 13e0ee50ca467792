package main

import (
	"testing"

	"github.com/jingwu/tally/report"
)

// Every evidence of the year reviewed that tally extract may name has its
// Chinese name.
func TestExtractYearEvidenceNamed(t *testing.T) {
	for _, e := range report.YearEvidences() {
		if yearEvidenceZh[e] == "" {
			t.Errorf("evidence %q has no Chinese name in yearEvidenceZh", e)
		}
	}
	if len(yearEvidenceZh) != len(report.YearEvidences()) {
		t.Errorf("yearEvidenceZh names %d evidences, report has %d", len(yearEvidenceZh), len(report.YearEvidences()))
	}
}
