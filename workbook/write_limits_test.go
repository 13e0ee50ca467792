package workbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
	"github.com/xuri/excelize/v2"
)

// The workbook is always written: a finding whose text would make a row
// taller than Excel's 409 points, and more findings than a sheet has rows
// (the 问题清单 ends with a line saying how many more the JSON lists).
func TestWorkbookPastExcelLimits(t *testing.T) {
	old := maxSheetRows
	maxSheetRows = 12
	defer func() { maxSheetRows = old }()
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	res := reconcile.Consolidate(s, nil, reconcile.Options{Check: true})
	long := strings.Repeat("很长的文本", 2000)
	for i := 0; i < 30; i++ {
		res.Findings = append(res.Findings, reconcile.Finding{Source: reconcile.Source{File: "x.xlsx", Sheet: "税收收入", Cell: "C4"},
			Rule: reconcile.RuleNotANumber, Severity: reconcile.Error, Raw: long, Fields: reconcile.Fields{"raw": long, "expected": reconcile.Text{"数字", "a number"}}})
	}
	var buf bytes.Buffer
	if err := Write(&buf, res, Meta{Lang: reconcile.Chinese}); err != nil {
		t.Fatalf("the workbook was not written: %v", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("问题清单")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != maxSheetRows || !strings.Contains(rows[len(rows)-1][0], "另有 21 个问题未列出") {
		t.Errorf("%d rows, last %q", len(rows), rows[len(rows)-1])
	}
	if h, _ := f.GetRowHeight("问题清单", 3); h > 409 || h < 100 {
		t.Errorf("row height %v: want the tallest Excel takes", h)
	}
}
