package workbook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
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
				Measure: reconcile.MonthValue, Value: decimal.RequireFromString(v), Raw: v})
		}
		l := reconcile.NewLedger(s, reconcile.Options{AsOf: reconcile.Period{Year: 2020, Month: 3}})
		r := l.Result()
		r.Detail = entries
		se := &r.Series[0]
		se.YTD = reconcile.Figure{}
		for i, e := range entries {
			se.Months[i+1] = reconcile.Figure{Value: e.Value, Has: true}
			se.YTD.Value, se.YTD.Has = se.YTD.Value.Add(e.Value), true
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

// A workbook sealed by the tally before seal version 2 (testdata/
// seal-v1.xlsx: reconcile -o of the sample's 2020-01 and 2020-02 财政所
// files, whose detail blocks were hashed a whole cell at a time) still
// verifies, its figures read back; one of its detail cells edited is
// still caught.
func TestNodeSealVersion1(t *testing.T) {
	path := filepath.Join("testdata", "seal-v1.xlsx")
	read := ReadNodeFile(path, "seal-v1.xlsx", NodeLimits)
	if read.Version != "1" || len(read.Blocks) != 1 || read.DetailCount != 184 {
		t.Fatalf("version %q, %d blocks, %d detail rows", read.Version, len(read.Blocks), read.DetailCount)
	}
	n := reconcile.VerifyNode(read)
	for _, f := range n.Findings {
		if f.Rule != reconcile.RuleNodeErrors { // the node's own findings, reported
			t.Errorf("finding %+v", f)
		}
	}
	if len(n.Series) == 0 || !n.Series[0].YTD.Has {
		t.Errorf("figures %+v", n.Series)
	}

	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellValue("明细", "D100", "改过"); err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(t.TempDir(), "seal-v1.xlsx")
	if err := f.SaveAs(edited); err != nil {
		t.Fatal(err)
	}
	n = reconcile.VerifyNode(ReadNodeFile(edited, "seal-v1.xlsx", NodeLimits))
	found := false
	for _, f := range n.Findings {
		found = found || f.Rule == reconcile.RuleNodeDetail
	}
	if !found {
		t.Errorf("an edited detail cell of a version 1 workbook is not caught: %+v", n.Findings)
	}
}
