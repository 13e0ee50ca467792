package main

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A figure of 汇总 that misses rows is marked as its row's 不完整 is, in
// the same amber: the sample's 2020 津外内资到位额 lost a rejected row of
// 招商办's November (its 本年累计 and November), 新增国家科技型中小企业 科技科's
// August (not sent: the empty August and the 本年累计). Only the 状态
// said 不完整; the month that misses rows looked like any other.
func TestIncompleteMonthMarked(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "2020.xlsx")
	sampleBook(t, "zh", "2020-12", path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("汇总")
	if err != nil {
		t.Fatal(err)
	}
	find := func(code string) int {
		for i, r := range rows {
			if len(r) > 0 && r[0] == code {
				return i + 1
			}
		}
		t.Fatalf("汇总 has no row %s", code)
		return 0
	}
	var hdr []string
	for _, r := range rows {
		if len(r) > 0 && r[0] == "指标代码" {
			hdr = r
		}
	}
	fill := func(col string, row int) string {
		t.Helper()
		ref, _ := excelize.CoordinatesToCellName(column(t, hdr, col)+1, row)
		id, err := f.GetCellStyle("汇总", ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Fill.Color) == 0 {
			return ""
		}
		s := st.Fill.Color[0] + "/" + st.Font.Color + "/"
		if st.CustomNumFmt != nil {
			s += *st.CustomNumFmt
		}
		return s
	}
	const amber = "FFEB9C/9C5700/"
	for _, c := range []struct {
		code       string
		amber      []string // the columns marked
		plain, fmt string   // a month not marked; the number format
	}{
		{"domestic_investment", []string{"11月", "本年累计", "状态"}, "10月", "#,##0.00"},
		{"sme_new", []string{"8月", "本年累计", "状态"}, "9月", "#,##0"},
	} {
		r := find(c.code)
		for _, col := range c.amber {
			want := amber + c.fmt
			if col == "状态" {
				want = amber // the status says 不完整 in words
			}
			if got := fill(col, r); got != want {
				t.Errorf("汇总 %s %s: fill %q, want %q", c.code, col, got, want)
			}
		}
		if got := fill(c.plain, r); got != "" {
			t.Errorf("汇总 %s %s: fill %q, want none (the month is whole)", c.code, c.plain, got)
		}
	}
	if got := fill("11月", find("tax")); got != "" {
		t.Errorf("汇总 tax 11月: fill %q, want none", got)
	}
}
