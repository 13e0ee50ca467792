package workbook

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// A detail longer than a sheet continues on the next, header and all, and
// every value arrives exactly.
func TestDetailSplitsAcrossSheets(t *testing.T) {
	old := maxSheetRows
	maxSheetRows = 4 // a header and three rows per sheet
	defer func() { maxSheetRows = old }()
	wan, _ := reconcile.LookupUnit("万元")
	s := &reconcile.Spec{Town: "T", Year: 2020, Indicators: []reconcile.Indicator{{Code: "tax", Name: "税收收入", Unit: wan, Precision: 6}}}
	r := &reconcile.Result{Spec: s, AsOf: reconcile.Period{Year: 2020, Month: 12}}
	for i := 0; i < 7; i++ {
		r.Detail = append(r.Detail, reconcile.Entry{Indicator: "tax", Measure: reconcile.MonthValue,
			Value: decimal.RequireFromString(fmt.Sprintf("%d.0%d", i, i)), Source: reconcile.Source{File: "f.xlsx", Sheet: "税收收入", Cell: fmt.Sprintf("C%d", i+4)}})
	}
	var buf bytes.Buffer
	if err := Write(&buf, r, Meta{Lang: reconcile.English}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sh := range []string{"Detail", "Detail (2)", "Detail (3)"} {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s: %v", sh, err)
		}
		if rows[0][0] != "File" {
			t.Errorf("%s has no header: %v", sh, rows[0])
		}
		for _, row := range rows[1:] {
			got = append(got, row[9])
		}
	}
	want := "[0 1.01 2.02 3.03 4.04 5.05 6.06]"
	if fmt.Sprint(got) != want {
		t.Errorf("values %v, want %s", got, want)
	}
}
