package workbook

import (
	"testing"

	"github.com/jingwu/tally/reconcile"

	"github.com/shopspring/decimal"
)

func BenchmarkParseText(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, _, _, ok := ParseText(" 12,345,678.90 ", "万元"); !ok {
			b.Fatal("refused")
		}
	}
}

func BenchmarkReadValueNumber(b *testing.B) {
	rc := &rawCell{Value: "1234.56"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		readValue(srcForBench, rc, "万元")
	}
}

func BenchmarkReadValueNoise(b *testing.B) {
	rc := &rawCell{Value: "0.30000000000000004"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		readValue(srcForBench, rc, "万元")
	}
}

// BenchmarkDetailRow formats one row of the 明细 sheet, a source row of two
// figures, as a run does for every source row.
func BenchmarkDetailRow(b *testing.B) {
	s := &reconcile.Spec{Indicators: []reconcile.Indicator{{Code: "tax", Name: "税收收入", Precision: 2}},
		Departments: []reconcile.Department{{Code: "czs", Name: "财政所"}}}
	d, err := NewDetail(b.TempDir(), s, reconcile.Chinese)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	e := reconcile.Entry{Source: reconcile.Source{File: "2020-03 财政所 税收.xlsx", Sheet: "税收收入", Cell: "D17"},
		Department: "czs", Period: reconcile.Period{Year: 2020, Month: 3}, Indicator: "tax", Measure: reconcile.YTDValue,
		Entity: "精武镇某某机械制造有限公司", Code: "91120222MA05KXYZ3Q", Value: reconcile.NumOf(decimal.RequireFromString("1234567.89")), Raw: "1234567.89"}
	e2 := e
	e2.Cell, e2.Measure = "E17", reconcile.MonthValue
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		d.Add(&e)
		d.Add(&e2)
		d.pendN = 0
		buf = d.row(buf[:0], i+2)
	}
	b.SetBytes(int64(len(buf)))
}
