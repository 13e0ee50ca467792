package workbook

import (
	"testing"

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

func BenchmarkStreamNumber(b *testing.B) {
	d := decimal.RequireFromString("1234567.89")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		streamNumber(d)
	}
}
