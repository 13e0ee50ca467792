package reconcile

import (
	"testing"
)

// changeSpec has a rate (%) and an amount (万元) indicator.
func changeSpec() *Spec {
	return &Spec{
		Tolerance: tol,
		Indicators: []Indicator{
			{Code: "rate", Name: "城镇化率", Unit: units["%"], Precision: 2},
			{Code: "tax", Name: "税收收入", Unit: units["万元"], Precision: 6},
		},
	}
}

// figures returns the indicator's value per year.
func figures(vals map[int]string) YearFigure {
	return func(_ string, y int) Figure {
		if v, ok := vals[y]; ok {
			return Figure{Value: d(v), Has: true}
		}
		return Figure{}
	}
}

func claimOf(ind, value, unit string, span Span, base int, qs ...Qualifier) *Claim {
	return &Claim{ID: "c", Indicator: ind, Value: d(value), Written: value, Unit: units[unit], Span: span, Base: base, Qualifiers: qs}
}

// Each new qualifier's interval, decided on the base and end figures, on
// its edges and just past them.
func TestChangeEdges(t *testing.T) {
	y2020 := Span{2020, 2020}
	cases := []struct {
		name      string
		c         *Claim
		base, end string
		want      ClaimStatus
	}{
		// 下降 0.5%: a growth in [−0.55%, −0.45%]: 1000 → 994.5 … 995.5.
		{"下降 lower edge", claimOf("tax", "0.5", "%", y2020, 2019, Decline), "1000", "994.5", Consistent},
		{"下降 past lower edge", claimOf("tax", "0.5", "%", y2020, 2019, Decline), "1000", "994.49", Mismatch},
		{"下降 upper edge", claimOf("tax", "0.5", "%", y2020, 2019, Decline), "1000", "995.5", Consistent},
		{"下降 past upper edge", claimOf("tax", "0.5", "%", y2020, 2019, Decline), "1000", "995.51", Mismatch},
		{"下降 is never a rise", claimOf("tax", "0.5", "%", y2020, 2019, Decline), "1000", "1005", Mismatch},
		// 下降 5%以上: a decline of at least 5%, growth ≤ −5%.
		{"下降以上 on the bound", claimOf("tax", "5", "%", y2020, 2019, Decline, AtLeast), "1000", "950", Consistent},
		{"下降以上 less decline", claimOf("tax", "5", "%", y2020, 2019, Decline, AtLeast), "1000", "950.01", Mismatch},
		// 增长突破 10% / 超 10%: more than 10%, the bound excluded.
		{"突破 on the bound", claimOf("tax", "10", "%", y2020, 2019, Growth, Exceeds), "100", "110", Mismatch},
		{"突破 past the bound", claimOf("tax", "10", "%", y2020, 2019, Growth, Exceeds), "100", "110.0001", Consistent},
		// 提高 2.1个百分点: 57.2% → 59.3%, the difference rounds to 2.1: [2.05, 2.15].
		{"个百分点 lower edge", claimOf("rate", "2.1", "个百分点", y2020, 2019, Growth), "57.2", "59.25", Consistent},
		{"个百分点 past lower edge", claimOf("rate", "2.1", "个百分点", y2020, 2019, Growth), "57.2", "59.2499", Mismatch},
		{"个百分点 upper edge", claimOf("rate", "2.1", "个百分点", y2020, 2019, Growth), "57.2", "59.35", Consistent},
		{"个百分点 past upper edge", claimOf("rate", "2.1", "个百分点", y2020, 2019, Growth), "57.2", "59.3501", Mismatch},
		{"个百分点 is not a relative growth", claimOf("rate", "2.1", "个百分点", y2020, 2019, Growth), "50", "51.05", Mismatch},
		// 下降 0.3个百分点: [−0.35, −0.25].
		{"下降个百分点 edge", claimOf("rate", "0.3", "个百分点", y2020, 2019, Decline), "4", "3.65", Consistent},
		{"下降个百分点 past", claimOf("rate", "0.3", "个百分点", y2020, 2019, Decline), "4", "3.64", Mismatch},
		// 个百分点 of an amount indicator cannot be decided.
		{"个百分点 of an amount", claimOf("tax", "2.1", "个百分点", y2020, 2019, Growth), "100", "102.1", NoData},
		// 是2015年的 3.4倍: end/base rounds to 3.4: [3.35, 3.45]·base.
		{"倍 lower edge", claimOf("tax", "3.4", "倍", y2020, 2015), "100", "335", Consistent},
		{"倍 past lower edge", claimOf("tax", "3.4", "倍", y2020, 2015), "100", "334.99", Mismatch},
		{"倍 upper edge", claimOf("tax", "3.4", "倍", y2020, 2015), "100", "345", Consistent},
		{"倍 past upper edge", claimOf("tax", "3.4", "倍", y2020, 2015), "100", "345.01", Mismatch},
		// 是前五年的 2.1倍 names no year: no data to decide it, never a mismatch.
		{"倍 without a base year", claimOf("tax", "2.1", "倍", y2020, 0), "100", "500", NoData},
		// 增长 1.5倍 is 2.5 times: [2.45, 2.55]·base.
		{"增长倍 edge", claimOf("tax", "1.5", "倍", y2020, 2015, Growth), "100", "245", Consistent},
		{"增长倍 past", claimOf("tax", "1.5", "倍", y2020, 2015, Growth), "100", "244.99", Mismatch},
		{"增长倍 is not the ratio", claimOf("tax", "1.5", "倍", y2020, 2015, Growth), "100", "150", Mismatch},
		// 比上年增加 1.2亿元 (an amount in 万元 data): end − base rounds to 1.2亿元.
		{"增加 amount lower edge", claimOf("tax", "1.2", "亿元", y2020, 2019, Growth), "10000", "21500", Consistent},
		{"增加 amount past lower edge", claimOf("tax", "1.2", "亿元", y2020, 2019, Growth), "10000", "21499.99", Mismatch},
		{"增加 amount upper edge", claimOf("tax", "1.2", "亿元", y2020, 2019, Growth), "10000", "22500", Consistent},
		{"减少 amount", claimOf("tax", "1.2", "亿元", y2020, 2019, Decline), "22000", "10000", Consistent},
		{"减少 amount is not a rise", claimOf("tax", "1.2", "亿元", y2020, 2019, Decline), "10000", "22000", Mismatch},
	}
	s := changeSpec()
	for _, c := range cases {
		r := EvaluateClaim(s, c.c, figures(map[int]string{c.c.Base: c.base, 2020: c.end}))
		if r.Status != c.want {
			t.Errorf("%s: base %s end %s: %s (interval %s, computed %s), want %s", c.name, c.base, c.end, r.Status, r.Interval, r.Computed, c.want)
		}
	}
}

// 由 57% 提高到 61%: two level claims, the base at the span's start year
// and the level at its end; each holds on its own year's figure.
func TestFromTo(t *testing.T) {
	s := changeSpec()
	from := claimOf("rate", "57", "%", Span{2019, 2019}, 0)
	to := claimOf("rate", "61", "%", Span{2020, 2020}, 0, RoseTo)
	data := figures(map[int]string{2019: "57.5", 2020: "60.5"})
	for _, c := range []*Claim{from, to} {
		if r := EvaluateClaim(s, c, data); r.Status != Consistent {
			t.Errorf("%s in %s: %s, want consistent (interval %s)", c.Written, c.Span, r.Status, r.Interval)
		}
	}
	past := figures(map[int]string{2019: "57.51", 2020: "60.49"})
	for _, c := range []*Claim{from, to} {
		if r := EvaluateClaim(s, c, past); r.Status != Mismatch {
			t.Errorf("%s in %s against %s: %s, want mismatch", c.Written, c.Span, r.Computed, r.Status)
		}
	}
}

// The words reports write map to the qualifiers whose rules they follow.
func TestQualifierWords(t *testing.T) {
	for word, want := range map[string]Qualifier{
		"下降": Decline, "同比下降": Decline, "减少": Decline,
		"突破": Exceeds, "超": Exceeds, "逾": Exceeds, "超过": Exceeds,
		"同比增长": Growth, "增幅": Growth, "年均": AvgGrowth, "以下": AtMost,
	} {
		if got, ok := ParseQualifier(word); !ok || got != want {
			t.Errorf("ParseQualifier(%q) = %q, %v; want %q", word, got, ok, want)
		}
	}
}
