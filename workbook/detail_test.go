package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jingwu/tally/internal/testtool"
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
			Value: reconcile.NumOf(decimal.RequireFromString(fmt.Sprintf("%d.0%d", i, i))), Source: reconcile.Source{File: "f.xlsx", Sheet: "税收收入", Cell: fmt.Sprintf("C%d", i+4)}})
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
			got = append(got, row[10]) // after 7 columns of the row and 3 of notes
		}
	}
	want := "[0 1.01 2.02 3.03 4.04 5.05 6.06]"
	if fmt.Sprint(got) != want {
		t.Errorf("values %v, want %s", got, want)
	}
}

// The detail's rows are written by hand and spliced into excelize's sheets:
// the package must read back whole — every part's CRC checked by
// archive/zip — and every text exactly, across chunk and sheet boundaries.
// With room for every string in the shared table, and with room for
// five (the rest inline).
func TestDetailSplicedRowsReadBack(t *testing.T) {
	for _, room := range []int{sstMax, 5} {
		t.Run(fmt.Sprint(room), func(t *testing.T) { detailReadsBack(t, room) })
	}
}

func detailReadsBack(t *testing.T, room int) {
	old, oldRoom := maxSheetRows, sstMax
	maxSheetRows, sstMax = 1500, room
	defer func() { maxSheetRows, sstMax = old, oldRoom }()
	wan, _ := reconcile.LookupUnit("万元")
	s := &reconcile.Spec{Town: "T", Year: 2020, Indicators: []reconcile.Indicator{{Code: "tax", Name: "税收<收入>&", Unit: wan, Precision: 2}},
		Departments: []reconcile.Department{{Code: "czs", Name: "财政所"}}}
	r := &reconcile.Result{Spec: s, AsOf: reconcile.Period{Year: 2020, Month: 12}}
	names := []string{"精武镇某某机械制造有限公司", " leading and trailing ", "A&B <Co> \"x\"", "line\r\nbreak", "bell\x07", "tab\there"}
	const n = 4000 // several 256 KB chunks, three sheets
	for i := range n {
		r.Detail = append(r.Detail, reconcile.Entry{Indicator: "tax", Measure: reconcile.YTDValue, Department: "czs",
			Period: reconcile.Period{Year: 2020, Month: i%12 + 1}, Entity: names[i%len(names)] + strings.Repeat("长", i%50),
			Value: reconcile.NumOf(decimal.New(int64(i)*7919, -2)), Raw: "x", AsText: i%3 == 0,
			Source: reconcile.Source{File: fmt.Sprintf("f%d.xlsx", i%7), Sheet: "S", Cell: fmt.Sprintf("C%d", i+4)}})
	}
	var buf bytes.Buffer
	if err := Write(&buf, r, Meta{Lang: reconcile.English}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, rc); err != nil {
			t.Errorf("%s: %v", zf.Name, err)
		}
		rc.Close()
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for _, sh := range []string{"Detail", "Detail (2)", "Detail (3)"} {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s: %v", sh, err)
		}
		// A file, B sheet, C row, D department, E period, F name, G code,
		// H–J the notes, then the figure (no table of the spec has it).
		if dim, _ := f.GetSheetDimension(sh); dim != fmt.Sprintf("A1:K%d", len(rows)) {
			t.Errorf("%s: dimension %s for %d rows", sh, dim, len(rows))
		}
		if rows[0][10] != "税收<收入>&, year to date\n(column C)" {
			t.Errorf("%s: header %q", sh, rows[0])
		}
		for _, row := range rows[1:] {
			e := r.Detail[i]
			for len(row) < 11 {
				row = append(row, "")
			}
			want := strings.ReplaceAll(e.Entity, "\x07", "\uFFFD")
			if row[0] != e.File || row[2] != e.Cell[1:] || row[3] != "财政所" || row[5] != want || row[7] != "" || row[8] != e.Cell+": x" ||
				row[10] != e.Value.String() || (row[9] == e.Cell) != e.AsText {
				t.Fatalf("%s row %d: %q, want %+v", sh, i, row, e)
			}
			i++
		}
	}
	if i != n {
		t.Errorf("read back %d rows, want %d", i, n)
	}
}

// A cell holds at most 32,767 characters (UTF-16 units); longer text is cut
// there, never inside a character.
func TestClip(t *testing.T) {
	long := strings.Repeat("税", maxCellChars+5)
	if got := clip(long); utf8.RuneCountInString(got) != maxCellChars {
		t.Errorf("clip kept %d characters", utf8.RuneCountInString(got))
	}
	astral := strings.Repeat("𠀀", maxCellChars/2+3) // two units each
	if got := clip(astral); utf8.RuneCountInString(got) != maxCellChars/2 {
		t.Errorf("clip kept %d astral characters, want %d", utf8.RuneCountInString(got), maxCellChars/2)
	}
	if s := strings.Repeat("a", maxCellChars); clip(s) != s {
		t.Error("clip cut a string that fits")
	}
}

// appendDecimal writes exactly what decimal's String does.
func TestAppendDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	check := func(d decimal.Decimal) {
		if got, want := string(appendDecimal(nil, d)), d.String(); got != want {
			t.Fatalf("coefficient %s exponent %d: %s, want %s", d.Coefficient(), d.Exponent(), got, want)
		}
	}
	for _, s := range []string{"0", "-0.5", "1.50", "100", "0.001", "-1200.0300", "123456789012345678", "1234567890123456789012", "1e70", "1e-70"} {
		check(decimal.RequireFromString(s))
	}
	for range 20000 {
		c := r.Int64N(1_000_000_000_000_000_000) >> r.UintN(60)
		if r.IntN(2) == 0 {
			c = -c
		}
		check(decimal.New(c, int32(r.IntN(50)-30)))
	}
}

// detailRun is the entries of a run of files × rows of a 12-column table,
// in the order the ledger adds them: a source row's figures one after
// another, five indicators' 本月 and 本年累计.
func detailRun(files, rows int) []reconcile.Entry {
	var es []reconcile.Entry
	for f := 0; f < files; f++ {
		p := reconcile.Period{Year: 2020 + f/12, Month: f%12 + 1}
		file := p.String() + "-bench.xlsx"
		for r := 0; r < rows; r++ {
			name, code := fmt.Sprintf("企业%06d", r), fmt.Sprintf("91120111%09dX", r)
			for k := 0; k < 10; k++ {
				m := reconcile.MonthValue
				if k%2 == 1 {
					m = reconcile.YTDValue
				}
				v := decimal.New(int64((r*7919+k*104729)%100000+1), -2)
				es = append(es, reconcile.Entry{Source: reconcile.Source{File: file, Sheet: "数据", Cell: fmt.Sprintf("%c%d", 'C'+k, r+4)},
					Department: "bench", Period: p, Indicator: fmt.Sprintf("i%d", k/2), Measure: m,
					Entity: name, Code: code, Value: reconcile.NumOf(v), Raw: v.String()})
			}
		}
	}
	return es
}

// BenchmarkDetailRun adds a run's entries to a detail, formatting and
// compressing them as reconcile -o does.
func BenchmarkDetailRun(b *testing.B) {
	s := &reconcile.Spec{Departments: []reconcile.Department{{Code: "bench", Name: "基准单位"}}}
	for k := 0; k < 5; k++ {
		s.Indicators = append(s.Indicators, reconcile.Indicator{Code: fmt.Sprintf("i%d", k), Name: fmt.Sprintf("指标%d", k), Precision: 2})
	}
	es := detailRun(24, 500)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := NewDetail(b.TempDir(), s, reconcile.Chinese)
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range es {
			d.Add(&e)
		}
		if _, err := d.finish(); err != nil {
			b.Fatal(err)
		}
		d.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(es)), "ns/entry")
}

// The detail's rows leave out their references, and its cells theirs where
// they follow the cell before; readers place them by position. excelize and openpyxl (the
// parser pandas uses) find every cell where it belongs: after an empty
// column (no raw text, typed as text), an empty name, and a figure written
// as text.
func TestDetailCellsWithoutReferences(t *testing.T) {
	s := &reconcile.Spec{Town: "T", Year: 2020, Indicators: []reconcile.Indicator{{Code: "tax", Name: "税收收入", Precision: 2}},
		Departments: []reconcile.Department{{Code: "czs", Name: "财政所", Tables: []reconcile.Table{{ID: "t", Sheet: "S", Rows: reconcile.Enterprise,
			Columns: []reconcile.Column{{Role: reconcile.RoleName}, {Role: reconcile.RoleValue, Indicator: "tax", Measure: reconcile.MonthValue},
				{Role: reconcile.RoleValue, Indicator: "tax", Measure: reconcile.YTDValue}}}}}}}
	r := &reconcile.Result{Spec: s, AsOf: reconcile.Period{Year: 2020, Month: 12}}
	p := reconcile.Period{Year: 2020, Month: 3}
	src := func(cell string) reconcile.Source { return reconcile.Source{File: "f.xlsx", Sheet: "S", Cell: cell} }
	r.Detail = []reconcile.Entry{
		{Source: src("C4"), Department: "czs", Period: p, Indicator: "tax", Measure: reconcile.MonthValue, Entity: "甲公司", Code: "91120111MA05KXYZ3Q", Value: reconcile.NumOf(decimal.RequireFromString("1234.5")), Raw: "1234.5"},
		{Source: src("D4"), Department: "czs", Period: p, Indicator: "tax", Measure: reconcile.YTDValue, Entity: "甲公司", Code: "91120111MA05KXYZ3Q", Value: reconcile.NumOf(decimal.RequireFromString("12")), Raw: "12", AsText: true},
		{Source: src("C5"), Department: "czs", Period: p, Indicator: "tax", Measure: reconcile.MonthValue, Entity: "", Code: "", Value: reconcile.NumOf(decimal.RequireFromString("7")), Raw: "７", AsText: true},
		{Source: src("E6"), Department: "czs", Period: p, Indicator: "tax", Measure: reconcile.MonthValue, Entity: "丙", Value: reconcile.NumOf(decimal.RequireFromString("0.5")), Raw: "0.5"},
		{Source: src("AB70000"), Department: "other", Period: p, Indicator: "new", Measure: reconcile.MonthValue, Entity: "乙", Code: "X", Value: reconcile.NumOf(decimal.RequireFromString("1234567890.1234567")), Raw: "1234567890.1234567"},
	}
	var buf bytes.Buffer
	if err := Write(&buf, r, Meta{Lang: reconcile.English}); err != nil {
		t.Fatal(err)
	}
	// One row per source row: row 4's two figures share a row, in the
	// columns of their indicator and measure, whose headers show their
	// source columns (C, D); the notes name a figure from another column
	// (J), the raw text of a figure written otherwise (K) and the cell
	// typed as text (L); a figure of an indicator no table has comes after
	// the notes (M).
	want := []string{
		"A2=f.xlsx B2=S C2=4 D2=财政所 E2=2020-03 F2=甲公司 G2=91120111MA05KXYZ3Q H2=1234.5 I2=12 L2=D4",
		"A3=f.xlsx B3=S C3=5 D3=财政所 E3=2020-03 H3=7 K3=C5: ７ L3=C5",
		"A4=f.xlsx B4=S C4=6 D4=财政所 E4=2020-03 F4=丙 H4=0.5 J4=税收收入, month: E6",
		"A5=f.xlsx B5=S C5=70000 D5=other E5=2020-03 F5=乙 G5=X M5=1234567890.1234567",
	}
	wantHeader := "A1=File B1=Sheet C1=Row D1=Department E1=Period F1=Name G1=Credit code H1=税收收入, month\\n(column C) I1=税收收入, year to date\\n(column D) " +
		"J1=Figures not in their header's column (source cell) K1=Raw text (cell: text) L1=Typed as text (cells) M1=new, month\\n(column AB)"
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Detail", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for r, row := range rows {
		var cells []string
		for c, v := range row {
			if v != "" {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				cells = append(cells, ref+"="+strings.ReplaceAll(v, "\n", "\\n"))
			}
		}
		got = append(got, strings.Join(cells, " "))
	}
	if got[0] != wantHeader {
		t.Errorf("header\n%s\nwant\n%s", got[0], wantHeader)
	}
	got = got[1:]
	// excelize reaching a cell by its reference (GetCellValue) places the
	// cells after an empty column rightly too: they carry references.
	for _, line := range want {
		for _, kv := range strings.Split(line, " ") {
			ref, v, ok := strings.Cut(kv, "=")
			if !ok {
				continue // a text with a space, checked whole above
			}
			if got, _ := f.GetCellValue("Detail", ref, excelize.Options{RawCellValue: true}); !strings.HasPrefix(got, v) || got == "" {
				t.Errorf("excelize's %s: %q, want %q", ref, got, v)
			}
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("excelize reads\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	python := testtool.Python(t, "openpyxl")
	path := filepath.Join(t.TempDir(), "d.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], read_only=True)["Detail"]
for row in ws.iter_rows(min_row=2):
    print(" ".join("%s=%s" % (c.coordinate, c.value) for c in row if c.value not in (None, "")))
`
	out, err := exec.Command(python, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != strings.Join(want, "\n") {
		t.Errorf("openpyxl reads\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

// A figure that finds no column (past Excel's 16,384) fails the detail,
// naming the limit, rather than leaving the figure out.
func TestDetailColumnsBounded(t *testing.T) {
	d, err := NewDetail(t.TempDir(), &reconcile.Spec{}, reconcile.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for i := range maxDetailCols {
		d.Add(&reconcile.Entry{Source: reconcile.Source{File: "f.xlsx", Sheet: "S", Cell: "C4"}, Indicator: fmt.Sprintf("i%d", i),
			Measure: reconcile.MonthValue, Value: reconcile.NumOf(decimal.New(int64(i), 0)), Raw: fmt.Sprint(i)})
	}
	if _, err := d.finish(); err == nil || !strings.Contains(err.Error(), "16384") {
		t.Errorf("finish: %v, want the limit of 16384 columns", err)
	}
}

// appendNum writes a figure exactly as its decimal's String does (what
// the 明细 and the seal's digest showed when the entry carried a
// decimal), for every digit count, exponent and sign, small or not.
func TestAppendNumAsString(t *testing.T) {
	check := func(n reconcile.Num) {
		t.Helper()
		if got, want := string(appendNum(nil, n)), n.Decimal().String(); got != want {
			t.Errorf("appendNum(%d·10^%d) = %q, want %q", n.Decimal().Coefficient(), n.Exponent(), got, want)
		}
	}
	coefs := []int64{0, 1, -1, 5, 10, 100, 120, 12345, -12345, 1000000, 999999999999999999, -999999999999999999, math.MaxInt64, math.MinInt64, math.MinInt64 + 1}
	for _, c := range coefs {
		for exp := int32(-70); exp <= 70; exp++ {
			check(reconcile.NewNum(c, exp))
		}
	}
	for _, s := range []string{"123456789012345678901234.5678", "-0.0000000000000000000000001", "1e30", "12345678901234567890"} {
		check(reconcile.NumOf(decimal.RequireFromString(s)))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		c := r.Int64N(1<<62) >> r.UintN(62)
		if r.IntN(2) == 0 {
			c = -c
		}
		check(reconcile.NewNum(c, int32(r.IntN(40)-30)))
	}
}

// shortNum never says short of a number whose numeral value would write
// as text (more than Excel's 15 significant digits, or over 64
// characters).
func TestShortNumAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		c := r.Int64N(1<<62) >> r.UintN(62)
		if r.IntN(2) == 0 {
			c = -c
		}
		n := reconcile.NewNum(c, int32(r.IntN(60)-30))
		v := appendNum(nil, n)
		if shortNum(n) && (sigDigits(v) > ExcelDigits || len(v) > 64) {
			t.Fatalf("%s: short, but %d significant digits, %d characters", v, sigDigits(v), len(v))
		}
	}
	for _, s := range []string{"999999999999999", "-999999999999999", "0.00000000000000000001"} {
		if n := reconcile.NumOf(decimal.RequireFromString(s)); !shortNum(n) {
			t.Errorf("%s: not short", s)
		}
	}
	if shortNum(reconcile.NumOf(decimal.RequireFromString("1000000000000000"))) {
		t.Error("10^15 (coefficient of 16 digits): short") // decided by counting
	}
}
