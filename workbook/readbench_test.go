package workbook_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/jingwu/tally/internal/testtool/templatetest"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/templates"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
)

// bigFile is 财政所's template with n enterprise rows.
func bigFile(b *testing.B, s *reconcile.Spec, n int) []byte {
	d, _ := s.Department("czs")
	t := &templates.Table{}
	for i := 0; i < n; i++ {
		v := decimal.New(int64(i*37%100000+1), -2)
		t.Rows = append(t.Rows, templates.Row{Name: fmt.Sprintf("企业%05d", i), Code: reconcile.NewCreditCode("120111", fmt.Sprintf("%08d", i+1)),
			Values: map[int]templates.Value{2: {Number: v}, 3: {Number: v}}})
	}
	f, err := templatetest.File(b, s, d, reconcile.Period{Year: 2021, Month: 1}, templates.Fill{"czs-tax": t})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkRead2000Rows reads one 2,000-row submission (4,000 figures).
func BenchmarkRead2000Rows(b *testing.B) {
	s := defaultSpec(&testing.T{})
	data := bigFile(b, s, 2000)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sub := workbook.Read(reconcile.Submission{File: "f.xlsx"}, bytes.NewReader(data), int64(len(data)), "2021-01-czs.xlsx", s, workbook.DefaultLimits)
		if len(sub.Sheets) == 0 {
			b.Fatal(sub.Findings)
		}
	}
}

// BenchmarkConsolidate2000Rows adds one 2,000-row submission to a ledger.
func BenchmarkConsolidate2000Rows(b *testing.B) {
	s := defaultSpec(&testing.T{})
	data := bigFile(b, s, 2000)
	sub := workbook.Read(reconcile.Submission{File: "f.xlsx"}, bytes.NewReader(data), int64(len(data)), "2021-01-czs.xlsx", s, workbook.DefaultLimits)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l := reconcile.NewLedger(s, reconcile.Options{Check: true, Detail: func(*reconcile.Entry) {}})
		l.Add(&sub)
		l.Result()
	}
}
