package workbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// 舍位平衡 on the page: three months of 3340, 3330 and 3330 万元 are 0.334,
// 0.333 and 0.333 亿元; each rounds to 0.33 and they would add up to 0.99
// under a year to date of 1.00. Shown balanced, January is 0.34, marked
// and noted with its exact figure; the exact 汇总 is unchanged.
func TestShownBalanced(t *testing.T) {
	wan, _ := reconcile.LookupUnit("万元")
	yi, _ := reconcile.LookupUnit("亿元")
	ren, _ := reconcile.LookupUnit("人")
	s := &reconcile.Spec{Town: "甲镇", Year: 2020, Indicators: []reconcile.Indicator{
		{Code: "tax", Name: "税收收入", Unit: wan, Precision: 6, Aggregation: reconcile.Sum},
		{Code: "jobs", Name: "新增就业", Unit: ren, Aggregation: reconcile.Sum},
	}}
	fig := func(v string) reconcile.Figure {
		return reconcile.Figure{Value: decimal.RequireFromString(v), Has: true}
	}
	tax := reconcile.Series{Indicator: &s.Indicators[0], Year: 2020, YTD: fig("10000")}
	tax.Months[1], tax.Months[2], tax.Months[3] = fig("3340"), fig("3330"), fig("3330")
	jobs := reconcile.Series{Indicator: &s.Indicators[1], Year: 2020, YTD: fig("7")}
	jobs.Months[1], jobs.Months[2], jobs.Months[3] = fig("1"), fig("2"), fig("4")
	r := &reconcile.Result{Spec: s, AsOf: reconcile.Period{Year: 2020, Month: 3}, Series: []reconcile.Series{tax, jobs}}
	var buf bytes.Buffer
	if err := Write(&buf, r, Meta{Spec: "t", Lang: reconcile.Chinese, Show: &Show{Unit: yi, Places: 2}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	const sheet = "汇总（亿元）"
	want := map[string]string{"C3": "亿元", "D3": "0.34", "E3": "0.33", "F3": "0.33", "P3": "1",
		"C4": "人", "D4": "1", "E4": "2", "F4": "4", "P4": "7"}
	for ref, w := range want {
		if got, _ := f.GetCellValue(sheet, ref); got != w {
			t.Errorf("%s = %q, want %q", ref, got, w)
		}
	}
	if got, _ := f.GetCellValue("汇总", "D3"); got != "3340" {
		t.Errorf("the exact 汇总 changed: D3 = %q", got)
	}
	cs, err := f.GetComments(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].Cell != "D3" || !strings.Contains(cs[0].Text, "精确数 0.334亿元") || !strings.Contains(cs[0].Text, "显示为 0.34") {
		t.Errorf("notes: %+v", cs)
	}
	adj, _ := f.GetCellStyle(sheet, "D3")
	plain, _ := f.GetCellStyle(sheet, "E3")
	st, _ := f.GetStyle(adj)
	if adj == plain || st.Fill.Type != "pattern" || len(st.Fill.Color) == 0 {
		t.Errorf("D3 not marked: style %d (plain %d) %+v", adj, plain, st.Fill)
	}
}
