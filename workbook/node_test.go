package workbook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
)

// A workbook Write makes reads back through ReadNodeFile and verifies
// clean, with the figures it holds: the seal's layout of 汇总 and the
// sheet figures writes agree.
func TestNodeRoundTrip(t *testing.T) {
	old := maxSheetRows
	defer func() { maxSheetRows = old }()
	for i, lang := range []reconcile.Lang{reconcile.Chinese, reconcile.English, reconcile.Chinese} {
		if i == 2 {
			maxSheetRows = 3 // the 明细 over two sheets: 明细 and 明细 (2)
		}
		wan, _ := reconcile.LookupUnit("万元")
		s := &reconcile.Spec{Town: "甲镇", Year: 2020, Indicators: []reconcile.Indicator{
			{Code: "tax", Name: "税收收入", Unit: wan, Precision: 6, Aggregation: reconcile.Sum}}}
		var entries []reconcile.Entry
		for m, v := range []string{"3340.5", "0.000001", "12345678901234.123456"} {
			entries = append(entries, reconcile.Entry{Source: reconcile.Source{File: "in.xlsx", Sheet: "税收", Cell: "C4"},
				Department: "czs", Period: reconcile.Period{Year: 2020, Month: m + 1}, Indicator: "tax",
				Measure: reconcile.MonthValue, Value: reconcile.NumOf(decimal.RequireFromString(v)), Raw: v})
		}
		l := reconcile.NewLedger(s, reconcile.Options{AsOf: reconcile.Period{Year: 2020, Month: 3}})
		r := l.Result()
		r.Detail = entries
		se := &r.Series[0]
		se.YTD = reconcile.Figure{}
		for i, e := range entries {
			se.Months[i+1] = reconcile.Figure{Value: e.Value.Decimal(), Has: true}
			se.YTD.Value, se.YTD.Has = se.YTD.Value.Add(e.Value.Decimal()), true
		}
		r.Inputs = []reconcile.Input{{File: "in.xlsx", Department: "czs", Period: "2020-01", Rows: 3, SHA256: strings.Repeat("ab", 32), Status: "ok"}}
		r.Summary.Rows, r.Summary.RowsConsolidated = 3, 3
		path := filepath.Join(t.TempDir(), "甲镇.xlsx")
		out, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := Write(out, r, Meta{Spec: "t", Lang: lang}); err != nil {
			t.Fatal(err)
		}
		out.Close()
		read := ReadNodeFile(path, "甲镇.xlsx", NodeLimits)
		if want := map[bool]int{true: 2, false: 1}[i == 2]; len(read.DetailSheets) != want || len(read.Blocks) != want {
			t.Errorf("%d detail sheets, %d blocks; want %d", len(read.DetailSheets), len(read.Blocks), want)
		}
		n := reconcile.VerifyNode(read)
		if len(n.Findings) != 0 {
			t.Fatalf("%s: %+v", lang, n.Findings)
		}
		if len(n.Series) != 1 || !n.Series[0].Months[3].Value.Equal(decimal.RequireFromString("12345678901234.123456")) ||
			!n.Series[0].YTD.Value.Equal(decimal.RequireFromString("12345678904574.623457")) || n.Name != "甲镇" {
			t.Errorf("%s: read back %+v", lang, n.Series)
		}
		if refs := n.Cells["tax"]; refs[1] != "D3" || refs[13] != "P3" {
			t.Errorf("%s: cells %v", lang, refs)
		}
	}
}

// A town's workbook of seal version 1 (written by tally before 2026-12-01:
// a 明细 of one row per figure) still reads and verifies: the sample's
// departments through 2020-03, written then and kept in testdata.
func TestNodeReadsSealVersion1(t *testing.T) {
	read := ReadNodeFile(filepath.Join("testdata", "seal-v1-town.xlsx"), "v1.xlsx", NodeLimits)
	if read.Version != reconcile.SealVersion1 || len(read.DetailSheets) != 1 || read.DetailCount == 0 || read.DetailCount != read.DetailRows {
		t.Fatalf("version %q, detail sheets %v, %d of %d rows", read.Version, read.DetailSheets, read.DetailCount, read.DetailRows)
	}
	n := reconcile.VerifyNode(read)
	for _, f := range n.Findings {
		t.Errorf("finding: %s %s", f.Rule, f.Fields)
	}
	for _, s := range n.Series {
		if s.Indicator.Code == "tax" {
			if got := s.Months[3].Value.String(); got != "12601.63" || s.YTD.Value.String() != "37258.17" {
				t.Errorf("tax March %s, year to date %s", got, s.YTD.Value)
			}
			return
		}
	}
	t.Error("no tax series")
}
