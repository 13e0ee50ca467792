package report

import (
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
)

// The path `reconcile --report` takes: Extract, Map, EvaluateClaim, on
// sentences written for the test with each new wording: a level and its
// decline, 由X提高到Y with its points, a multiple, an absolute increase.
func TestReportToVerdict(t *testing.T) {
	text := "某镇政府工作报告（2021年1月8日）\n一、2020年工作回顾\n" +
		"过去一年，全镇税收收入1.2亿元、下降5%；城镇化率由57%提高到61%，提高4个百分点；" +
		"固定资产投资是2015年的3.4倍，比上年增加2000万元。"
	unit := func(n string) reconcile.Unit { u, _ := reconcile.LookupUnit(n); return u }
	s := &reconcile.Spec{
		Tolerance: reconcile.Tolerance{Nearly: decimal.RequireFromString("0.05"), About: decimal.RequireFromString("0.05")},
		Indicators: []reconcile.Indicator{
			{Code: "tax", Name: "税收收入", Unit: unit("万元"), Precision: 2},
			{Code: "urban", Name: "城镇化率", Unit: unit("%"), Precision: 2, Aggregation: reconcile.Latest},
			{Code: "fai", Name: "固定资产投资", Unit: unit("万元"), Precision: 2},
		},
	}
	data := map[string]map[int]string{
		"tax":   {2019: "12631.58", 2020: "12000"}, // −5.0000%
		"urban": {2019: "57", 2020: "61"},
		"fai":   {2015: "1000", 2019: "1400", 2020: "3400"},
	}
	year := func(ind string, y int) reconcile.Figure {
		if v, ok := data[ind][y]; ok {
			return reconcile.Figure{Value: decimal.RequireFromString(v), Has: true}
		}
		return reconcile.Figure{}
	}
	found := Extract(strings.Split(text, "\n"), Options{})
	claims := Map(found, s)
	want := []struct{ indicator, value, span string }{
		{"tax", "1.2", "2020"}, {"tax", "5", "2020"},
		{"urban", "57", "2019"}, {"urban", "61", "2020"}, {"urban", "4", "2020"},
		{"fai", "3.4", "2020"}, {"fai", "2000", "2020"},
	}
	if len(claims) != len(want) {
		t.Fatalf("%d claims, want %d: %+v", len(claims), len(want), found)
	}
	for i, c := range claims {
		w := want[i]
		if c.Indicator != w.indicator || c.Written != w.value || c.Span.String() != w.span {
			t.Errorf("claim %d: %s %s in %s, want %s %s in %s (%+v)", i, c.Indicator, c.Written, c.Span, w.indicator, w.value, w.span, found[i])
			continue
		}
		if r := reconcile.EvaluateClaim(s, &claims[i], year); r.Status != reconcile.Consistent {
			t.Errorf("%s %s%s: %s, computed %s, interval %s; want consistent", c.Indicator, c.Written, c.Unit.Name, r.Status, r.Computed, r.Interval)
		}
	}
	// Data that breaks each claim just past its edge.
	data["tax"][2020] = "11936"   // 1.1936亿 rounds to 1.2, a decline of 5.507% does not round to 5
	data["urban"][2019] = "57.51" // past 57's rounding
	data["fai"][2020] = "3351"    // 3.351 times 1000 is 3.4 rounded, but the rise 1951 is not 2000
	bad := map[string]bool{}
	for i := range claims {
		r := reconcile.EvaluateClaim(s, &claims[i], year)
		if r.Status == reconcile.Mismatch {
			bad[claims[i].Indicator+" "+claims[i].Written] = true
		}
	}
	for _, k := range []string{"tax 5", "urban 57", "urban 4", "fai 2000"} {
		if !bad[k] {
			t.Errorf("%s: consistent with data past its edge", k)
		}
	}
	for _, k := range []string{"tax 1.2", "urban 61", "fai 3.4"} {
		if bad[k] {
			t.Errorf("%s: mismatch with data inside its interval", k)
		}
	}
}

// A subject maps to the indicator it names, by its usual abbreviations, and
// not when a sector word or a derived measure makes it another series.
func TestIndicatorFor(t *testing.T) {
	unit := func(n string) reconcile.Unit { u, _ := reconcile.LookupUnit(n); return u }
	s := &reconcile.Spec{Indicators: []reconcile.Indicator{
		{Code: "fai", Name: "固定资产投资", Unit: unit("万元")},
		{Code: "above_scale", Name: "规模以上企业数", Aliases: []string{"规模以上企业"}, Unit: unit("家")},
		{Code: "tax", Name: "税收收入", Aliases: []string{"税收"}, Unit: unit("万元")},
		{Code: "gdp", Name: "地区生产总值", Unit: unit("亿元")},
	}}
	for subject, want := range map[string]string{
		"全社会固定资产投资": "fai", "固定资产投资": "fai", "规上企业": "above_scale",
		"工业固定资产投资": "", "民间固定资产投资": "", "人均税收": "", "税收占比": "", "规上工业企业": "", "": "",
		// An intensity (万元GDP能耗, as subject.go spells GDP) is not the
		// series it is per unit of.
		"地区生产总值": "gdp", "万元地区生产总值能耗": "", "单位地区生产总值能耗": "", "万元地区生产总值二氧化碳排放": "",
	} {
		got := ""
		if def := indicatorFor(Claim{Subject: subject}, s); def != nil {
			got = def.Code
		}
		if got != want {
			t.Errorf("%q maps to %q, want %q", subject, got, want)
		}
	}
}
