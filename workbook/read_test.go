package workbook_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/testtool/templatetest"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
	"github.com/jingwu/tally/templates"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

func defaultSpec(t *testing.T) *reconcile.Spec {
	t.Helper()
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func read(t *testing.T, s *reconcile.Spec, name string, data []byte, lim workbook.Limits) reconcile.Submission {
	t.Helper()
	return workbook.Read(reconcile.Submission{File: name}, bytes.NewReader(data), int64(len(data)), name, s, lim)
}

// A template written by tally, filled, and read back: every value exact, at
// its cell, text noted, the fingerprint recognised.
func TestRoundTrip(t *testing.T) {
	s := defaultSpec(t)
	d, _ := s.Department("czs")
	p := reconcile.Period{Year: 2021, Month: 3}
	v := func(x string) templates.Value { return templates.Value{Number: decimal.RequireFromString(x)} }
	fill := templates.Fill{
		"czs-tax": {
			Rows: []templates.Row{
				{Name: "甲公司", Code: "91350100M000100Y43", Values: map[int]templates.Value{2: v("0.1"), 3: v("123456789.123456")}},
				{Name: "乙公司", Code: "91350100M000100Y43X", Values: map[int]templates.Value{2: {Text: "1,234.50"}, 3: v("2000")}, Note: "补报"},
			},
			Total: map[int]templates.Value{2: v("1234.6"), 3: v("123458789.123456")},
		},
		"czs-budget": {Rows: []templates.Row{{Name: "增值税", Values: map[int]templates.Value{1: v("1"), 2: v("3")}}}},
	}
	f, err := templatetest.File(t, s, d, p, fill)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	sub := read(t, s, "any-name.xlsx", buf.Bytes(), workbook.DefaultLimits)
	if sub.Unreadable || sub.Department != "czs" || sub.Period != p {
		t.Fatalf("fingerprint not recognised: %+v", sub)
	}
	if len(sub.Sheets) != 2 {
		t.Fatalf("want 2 sheets, got %d (findings %v)", len(sub.Sheets), sub.Findings)
	}
	tax := sub.Sheets[0]
	if len(tax.Rows) != 2 || tax.Total == nil {
		t.Fatalf("want 2 rows and a total, got %d rows, total %v", len(tax.Rows), tax.Total)
	}
	want := []struct {
		row, col int
		cell     string
		value    string
		text     bool
	}{
		{0, 2, "C4", "0.1", false},
		{0, 3, "D4", "123456789.123456", false},
		{1, 2, "C5", "1234.5", true},
		{1, 3, "D5", "2000", false},
	}
	for _, w := range want {
		c := tax.Rows[w.row].Cells[w.col]
		if c.Cell != w.cell || c.Sheet != "税收收入" || c.State != reconcile.Number || !c.Value.Decimal().Equal(decimal.RequireFromString(w.value)) || c.AsText != w.text {
			t.Errorf("row %d col %d: got %+v, want %s = %s (text %v)", w.row, w.col, c, w.cell, w.value, w.text)
		}
	}
	budget := sub.Sheets[1]
	if len(budget.Rows) != 1 || !budget.Rows[0].Cells[1].Value.Decimal().Equal(decimal.NewFromInt(1)) || !budget.Rows[0].Cells[2].Value.Decimal().Equal(decimal.NewFromInt(3)) {
		t.Errorf("一般预算收入: got %+v, want 增值税 1 and 3", budget.Rows)
	}
	if r := tax.Rows[1]; r.Name != "乙公司" || r.Code != "91350100M000100Y43X" || r.Note != "补报" || r.CodeSource.Cell != "B5" {
		t.Errorf("identity columns: %+v", r)
	}
	if got := tax.Total.Cells[3].Value.Decimal(); !got.Equal(decimal.RequireFromString("123458789.123456")) {
		t.Errorf("total %s", got)
	}
	var got []string
	for _, f := range sub.Findings {
		got = append(got, fmt.Sprintf("%s %s!%s %s", f.Rule, f.Sheet, f.Cell, f.Severity))
	}
	// The text figure is noted; the budget sheet's 合计 was left as SUM
	// formulas that no program calculated: one note for its 合计 row.
	want2 := "number_as_text 税收收入!C5 info|total_formula_without_value 一般预算收入!B5:C5 info"
	if strings.Join(got, "|") != want2 {
		t.Errorf("findings:\n got %s\nwant %s", strings.Join(got, "|"), want2)
	}
}

// handMade builds what a department makes by hand instead of using the
// template: the same sheet and headers, no fingerprint.
func handMade(t *testing.T, s *reconcile.Spec, dept, sheet string, rows [][]any) []byte {
	t.Helper()
	d, _ := s.Department(dept)
	var tbl *reconcile.Table
	for i := range d.Tables {
		if d.Tables[i].Sheet == sheet {
			tbl = &d.Tables[i]
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	f.SetCellStr(sheet, "A1", "自制表")
	for i, c := range tbl.Columns {
		ref, _ := excelize.CoordinatesToCellName(i+1, 2)
		f.SetCellStr(sheet, ref, strings.ReplaceAll(c.Header, "\n", " "))
	}
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+3)
			f.SetCellValue(sheet, ref, v)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A hand-made look-alike is identified by its name and read by its headers,
// with a finding saying it is not a template; an empty required cell and an
// unknown indicator line are findings at their cells.
func TestReadHandMade(t *testing.T) {
	s := defaultSpec(t)
	data := handMade(t, s, "kjk", "科技企业", [][]any{
		{"国家科技型中小企业", "家", 3, 9},
		{"不存在的指标", "家", 1},
	})
	sub := read(t, s, "2020-05-kjk.xlsx", data, workbook.DefaultLimits)
	if sub.Department != "kjk" || sub.Period != (reconcile.Period{Year: 2020, Month: 5}) || sub.Unreadable {
		t.Fatalf("not identified by name: %+v", sub)
	}
	// The reader reports E3 as blank; that a blank is an error is the
	// ledger's call (reconcile.checkRequired), after the reader's findings.
	blank := false
	for _, c := range sub.Sheets[0].Rows[0].Cells {
		blank = blank || c.Cell == "E3" && c.State == reconcile.Blank
	}
	if !blank {
		t.Errorf("E3 not read as blank: %+v", sub.Sheets[0].Rows[0].Cells)
	}
	res := reconcile.Consolidate(s, []reconcile.Submission{sub}, reconcile.Options{Check: true})
	var got []string
	for _, f := range res.Findings {
		got = append(got, string(f.Rule)+" "+f.Cell)
	}
	// Line 1 lacks 期末数 (E3); row 4 is not a line of the table. In the
	// one order of findings (reconcile.ReportOrder): by severity first.
	want := "required E3|unknown_line A4|not_a_template "
	if strings.Join(got, "|") != want {
		t.Errorf("findings:\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	if unnamed := read(t, s, "returns.xlsx", data, workbook.DefaultLimits); !unnamed.Unreadable || unnamed.Findings[0].Rule != reconcile.RuleUnknownFile {
		t.Errorf("a file with neither fingerprint nor a usable name: %+v", unnamed.Findings)
	}
}

// A "no figure" mark (—, -, /, 无) in a required cell is its own finding,
// not "empty": the department wrote something, just not a figure.
func TestNoFigureInRequiredCell(t *testing.T) {
	s := defaultSpec(t)
	data := handMade(t, s, "kjk", "科技企业", [][]any{
		{"国家科技型中小企业", "家", 3, 9, "—"},
		{"雏鹰瞪羚企业", "家", 1, 2},
	})
	sub := read(t, s, "2020-05-kjk.xlsx", data, workbook.DefaultLimits)
	res := reconcile.Consolidate(s, []reconcile.Submission{sub}, reconcile.Options{Check: true})
	var got []string
	for _, f := range res.Findings {
		if f.Rule == reconcile.RuleRequired || f.Rule == reconcile.RuleNoFigure {
			got = append(got, string(f.Rule)+" "+f.Cell+" "+f.Message(reconcile.Chinese))
		}
	}
	want := "required_no_figure E3 此处填写了“—”（表示无数据），但本项必填，请填写数字（没有发生时填 0，不要留空）|" +
		"required E4 必填项为空，请填写数字（没有发生时填 0，不要留空）"
	if strings.Join(got, "|") != want {
		t.Errorf("findings:\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
}

// A template for another period or department than its name says, and one
// made from an older layout, each get their finding.
func TestFingerprintChecks(t *testing.T) {
	s := defaultSpec(t)
	d, _ := s.Department("czs")
	build := func(p reconcile.Period, s *reconcile.Spec) []byte {
		f, err := templatetest.File(t, s, d, p, nil)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	rules := func(sub reconcile.Submission) string {
		var out []string
		for _, f := range sub.Findings {
			if f.Rule != reconcile.RuleNoCachedValue && f.Rule != reconcile.RuleTotalNoValue {
				out = append(out, string(f.Rule)+": "+f.Message(reconcile.English))
			}
		}
		return strings.Join(out, "|")
	}
	feb := build(reconcile.Period{Year: 2021, Month: 2}, s)
	if got := rules(read(t, s, "2021-03-czs.xlsx", feb, workbook.DefaultLimits)); got != "wrong_template: the name says 财政所 2021-03 but the template is for 财政所 2021-02; fill in this period's template" {
		t.Errorf("another period: %s", got)
	}
	if got := rules(read(t, s, "2021-02-tjz.xlsx", feb, workbook.DefaultLimits)); got != "wrong_template: the name says 统计站 2021-02 but the template is for 财政所 2021-02; fill in this period's template" {
		t.Errorf("another department: %s", got)
	}
	if got := rules(read(t, s, "2021-02-czs.xlsx", feb, workbook.DefaultLimits)); got != "" {
		t.Errorf("the right template: %s", got)
	}
	// An older spec: the 说明 column had another header.
	old, _, err := spec.Load("old.yaml", bytes.Replace(spec.DefaultBytes(), []byte("          - {indicator: tax, measure: ytd}\n          - {role: note}"),
		[]byte("          - {indicator: tax, measure: ytd}\n          - {role: note, header: 备注}"), 1))
	if err != nil {
		t.Fatal(err)
	}
	d, _ = old.Department("czs")
	oldFile := build(reconcile.Period{Year: 2021, Month: 2}, old)
	if got := rules(read(t, s, "2021-02-czs.xlsx", oldFile, workbook.DefaultLimits)); !strings.HasPrefix(got, "old_template: made from an older template (tally-template/1, layout ") {
		t.Errorf("an old template: %s", got)
	}
}

func zipOf(t *testing.T, parts map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, data := range parts {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Broken and hostile files: each is refused with its reason, by name.
func TestUnreadableFiles(t *testing.T) {
	s := defaultSpec(t)
	d, _ := s.Department("czs")
	f, _ := templatetest.File(t, s, d, reconcile.Period{Year: 2020, Month: 1}, nil)
	var good bytes.Buffer
	if err := f.Write(&good); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, reason string
		data         []byte
		lim          workbook.Limits
	}{
		{"empty", "file is empty", nil, workbook.DefaultLimits},
		{"csv renamed", "a CSV renamed", []byte("企业名称,本月\n甲,12\n"), workbook.DefaultLimits},
		{"truncated", "truncated or corrupt", good.Bytes()[:good.Len()/2], workbook.DefaultLimits},
		{"binary", "not a zip package", []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, workbook.DefaultLimits},
		{"not a workbook", "missing part xl/workbook.xml", zipOf(t, map[string][]byte{"hello.txt": []byte("hi")}), workbook.DefaultLimits},
		{"zip bomb", "zip bomb", zipOf(t, map[string][]byte{"xl/workbook.xml": make([]byte, 64<<20)}), workbook.DefaultLimits},
		{"oversized", "over the", good.Bytes(), workbook.Limits{MaxFileBytes: 1000, MaxPartBytes: 1 << 20, MaxRatio: 100, MaxCellsTotal: 1000}},
		{"too many cells", "too many cells", good.Bytes(), workbook.Limits{MaxFileBytes: 1 << 30, MaxPartBytes: 1 << 30, MaxRatio: 1000, MaxCellsTotal: 5}},
	}
	for _, c := range cases {
		sub := read(t, s, "2020-01-czs.xlsx", c.data, c.lim)
		if !sub.Unreadable || len(sub.Findings) != 1 || sub.Findings[0].Rule != reconcile.RuleUnreadable {
			t.Errorf("%s: want one unreadable_file finding, got %+v", c.name, sub.Findings)
			continue
		}
		msg := sub.Findings[0].Message(reconcile.English)
		if !strings.Contains(msg, c.reason) || sub.Findings[0].File != "2020-01-czs.xlsx" {
			t.Errorf("%s: message %q should say %q and name the file", c.name, msg, c.reason)
		}
		if zh := sub.Findings[0].Message(reconcile.Chinese); !strings.HasPrefix(zh, "无法读取文件：") || len(zh) <= len("无法读取文件：") {
			t.Errorf("%s: Chinese message %q", c.name, zh)
		}
		if sub.Department != "czs" {
			t.Errorf("%s: the name still tells the department, so its figures can be marked incomplete", c.name)
		}
	}
}
