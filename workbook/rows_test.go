package workbook_test

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/testtool/templatetest"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/templates"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
)

// Text that is not data (填表人 and 联系电话 lines under the 合计 or in an
// empty row, a note alone) is no data row and gets one note per sheet; a
// row with figures under the 合计 is read and reported; figures above the
// header, beside the table and in a sheet of one's own are reported at
// their cells; nothing else is said.
func TestRowsThatAreNotData(t *testing.T) {
	s := defaultSpec(t)
	d, _ := s.Department("czs")
	p := reconcile.Period{Year: 2021, Month: 3}
	v := func(x string) templates.Value { return templates.Value{Number: decimal.RequireFromString(x)} }
	fill := templates.Fill{
		"czs-tax": {Rows: []templates.Row{
			{Name: "甲公司", Code: "91350100M000100Y43", Values: map[int]templates.Value{2: v("1"), 3: v("2")}},
		}},
		"czs-budget": {Rows: []templates.Row{{Name: "增值税", Values: map[int]templates.Value{1: v("1"), 2: v("3")}}}},
	}
	f, err := templatetest.File(t, s, d, p, fill)
	if err != nil {
		t.Fatal(err)
	}
	// The 合计 of 税收收入 is on row 5 (one data row).
	for _, c := range [][2]any{
		{"A7", "填表人：张三"}, {"C7", "审核人：李四"}, {"E7", "联系电话：022-12345678"}, {"H8", "填报日期：2021年4月3日"},
		{"A9", "宽河公司"}, {"C9", 5}, {"D9", 5}, {"A10", "总计"}, {"C10", 6},
		{"G2", 123},
	} {
		if err := f.SetCellValue("税收收入", c[0].(string), c[1]); err != nil {
			t.Fatal(err)
		}
	}
	// 一般预算收入 has 30 rows offered: a note in an empty row, and one in 说明 alone.
	f.SetCellValue("一般预算收入", "A10", "注：本月无非税收入")
	f.SetCellValue("一般预算收入", "D12", "见附件")
	f.SetCellValue("一般预算收入", "A14", "联系电话")
	f.SetCellValue("一般预算收入", "B14", 13812345678)
	f.NewSheet("Sheet2")
	f.SetCellValue("Sheet2", "B3", 4567.8)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	sub := read(t, s, "2021-03-czs.xlsx", buf.Bytes(), workbook.DefaultLimits)
	var got []string
	for _, f := range sub.Findings {
		if f.Rule != reconcile.RuleTotalNoValue {
			got = append(got, fmt.Sprintf("%s %s!%s %s", f.Rule, f.Sheet, f.Cell, f.Severity))
		}
	}
	sort.Strings(got)
	want := []string{
		"below_total 税收收入!A9 warning",
		"not_data 一般预算收入!A10 info",
		"not_data 税收收入!A7 info",
		"not_data_with_figures 一般预算收入!A14 error",
		"other_sheet Sheet2!B3 warning",
		"outside_input_area 税收收入!G2 warning",
		"second_total 税收收入!A10 warning",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	tax := sub.Sheets[0]
	if len(tax.Rows) != 2 || tax.Rows[1].Name != "宽河公司" || tax.Total == nil {
		t.Errorf("税收收入: want 甲公司 and the row below the 合计, got %+v", tax.Rows)
	}
	// Every cell accounted for: the title rows, the header and the 合计
	// label are template text; G2, the 填表人 line (4 cells) and the second
	// total (2) are reported;
	// names and codes are template; the figures are values.
	want3 := reconcile.CellCount{Read: 24, Template: 2 + 5 + 2 + 1 + 1, Reported: 1 + 4 + 2, Values: 2 + 2 + 2}
	if c := tax.Cells; c != want3 {
		t.Errorf("税收收入 cells %+v, want %+v", c, want3)
	}
	if rows := sub.Sheets[1].Rows; len(rows) != 2 || rows[1].Cells[1].State != reconcile.Invalid {
		t.Errorf("一般预算收入: want 增值税 and the 联系电话 line, not to be consolidated: %+v", rows)
	}
}

// A figure typed into a locked cell that is not an input of its line is
// reported at its cell and not read; an unknown line with figures is
// still an unknown line; one without is text that is not data.
func TestNotAnInput(t *testing.T) {
	s := defaultSpec(t)
	d, _ := s.Department("kjk")
	f, err := templatetest.File(t, s, d, reconcile.Period{Year: 2021, Month: 3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]any{{"C4", 1}, {"D4", 1}, {"E4", 30}, {"C6", 2}, {"A10", "其他企业"}, {"C10", 1}, {"A11", "填表人：王五"}} {
		f.SetCellValue("科技企业", c[0].(string), c[1])
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	sub := read(t, s, "2021-03-kjk.xlsx", buf.Bytes(), workbook.DefaultLimits)
	var got []string
	for _, f := range sub.Findings {
		if f.Rule != reconcile.RuleRequired {
			got = append(got, fmt.Sprintf("%s %s!%s %s", f.Rule, f.Sheet, f.Cell, f.Severity))
		}
	}
	want := "not_an_input 科技企业!C6 warning|unknown_line 科技企业!A10 error|not_data 科技企业!A11 info"
	if strings.Join(got, "|") != want {
		t.Errorf("findings:\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}

func TestFooterLabel(t *testing.T) {
	for s, want := range map[string]bool{"填表人：张三": true, "填表人张三": true, "联系电话 022-1234": true, "注：单位万元": true,
		"注": true, "备注: 无": true, "手机：138": true, "注塑厂": false, "手机城有限公司": false, "电话设备厂": false, "日期": true, "审核人": true,
		"以下空白": true, "单位：万元": true, "单位食堂": false} {
		if got := workbook.IsFooterLabel(s); got != want {
			t.Errorf("%s: %v, want %v", s, got, want)
		}
	}
}
