package workbook_test

import (
	"bytes"
	"testing"

	"github.com/jingwu/tally/internal/testtool/templatetest"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/templates"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// A date typed into a figure cell is stored as a day number with a date
// format; it is rejected at its cell, never summed. A number format that
// only mentions a letter in quotes (0.00"d") is still a figure.
func TestDateIsNotAFigure(t *testing.T) {
	s := defaultSpec(t)
	d, _ := s.Department("czs")
	p := reconcile.Period{Year: 2021, Month: 3}
	v := func(x string) templates.Value { return templates.Value{Number: decimal.RequireFromString(x)} }
	fill := templates.Fill{"czs-tax": {Rows: []templates.Row{
		{Name: "甲公司", Code: "91350100M000100Y43", Values: map[int]templates.Value{2: v("1"), 3: v("2")}},
		{Name: "乙公司", Code: "91350100M000100Y43", Values: map[int]templates.Value{2: v("3"), 3: v("4")}},
		{Name: "丙公司", Code: "91350100M000100Y43", Values: map[int]templates.Value{2: v("5"), 3: v("6")}},
	}}}
	f, err := templatetest.File(t, s, d, p, fill)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	builtin, _ := x.NewStyle(&excelize.Style{NumFmt: 14})
	customFmt := "yyyy\"年\"m\"月\"d\"日\""
	custom, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &customFmt})
	quoted := `0.00"d";[Red]-0.00`
	notDate, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &quoted})
	for _, c := range []struct {
		cell  string
		style int
	}{{"C4", builtin}, {"D5", custom}, {"C6", notDate}} {
		x.SetCellValue("税收收入", c.cell, 44255)
		x.SetCellStyle("税收收入", c.cell, c.cell, c.style)
	}
	buf.Reset()
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	sub := read(t, s, "2021-03-czs.xlsx", buf.Bytes(), workbook.DefaultLimits)
	got := map[string]reconcile.Rule{}
	for _, f := range sub.Findings {
		got[f.Cell] = f.Rule
	}
	for _, cell := range []string{"C4", "D5"} {
		if got[cell] != reconcile.RuleDate {
			t.Errorf("%s: got %q, want %s", cell, got[cell], reconcile.RuleDate)
		}
	}
	if _, ok := got["C6"]; ok {
		t.Errorf("C6 with format %s is a figure, got %s", quoted, got["C6"])
	}
	rows := sub.Sheets[0].Rows
	if c := rows[0].Cells[2]; c.State != reconcile.Invalid {
		t.Errorf("C4: %+v, want invalid", c)
	}
	if c := rows[2].Cells[2]; c.State != reconcile.Number || !c.Value.Decimal().Equal(decimal.NewFromInt(44255)) {
		t.Errorf("C6: %+v, want 44255", c)
	}
	for _, f := range sub.Findings {
		if f.Cell == "C4" {
			if msg := f.Message(reconcile.English); msg[:46] != "this cell holds the date or time 2021-02-28, n" {
				t.Errorf("message %q", msg)
			}
		}
	}
}
