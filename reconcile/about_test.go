package reconcile

import (
	"testing"
)

// 约/左右 on a rate is a band in percentage points (Tolerance.AboutPoints),
// not a share of the rate: 增长4%左右 is [3.5, 4.5] with 0.5 points; on an
// amount it stays the relative band.
func TestAboutOnRateIsPoints(t *testing.T) {
	s := changeSpec()
	s.Tolerance.AboutPoints = d("0.5")
	y2020 := Span{2020, 2020}
	cases := []struct {
		name      string
		c         *Claim
		base, end string
		want      ClaimStatus
	}{
		{"增长4%左右 lower edge", claimOf("tax", "4", "%", y2020, 2019, Growth, About), "100", "103.5", Consistent},
		{"增长4%左右 past lower edge", claimOf("tax", "4", "%", y2020, 2019, Growth, About), "100", "103.49", Mismatch},
		{"增长4%左右 upper edge", claimOf("tax", "4", "%", y2020, 2019, Growth, About), "100", "104.5", Consistent},
		{"增长4%左右 past upper edge", claimOf("tax", "4", "%", y2020, 2019, Growth, About), "100", "104.51", Mismatch},
		// Was [3.8, 4.2] with the relative band: 4.4 is 左右 4 to a reader.
		{"增长4%左右 inside the points", claimOf("tax", "4", "%", y2020, 2019, Growth, About), "100", "104.4", Consistent},
		// 年均: the compound rate, decided exactly: 1.195² ≤ end/base ≤ 1.205².
		{"年均增长20%左右 lower edge", claimOf("tax", "20", "%", Span{2019, 2020}, 0, AvgGrowth, About), "100", "142.8025", Consistent},
		{"年均增长20%左右 past lower edge", claimOf("tax", "20", "%", Span{2019, 2020}, 0, AvgGrowth, About), "100", "142.8024", Mismatch},
		{"年均增长20%左右 upper edge", claimOf("tax", "20", "%", Span{2019, 2020}, 0, AvgGrowth, About), "100", "145.2025", Consistent},
		{"年均增长20%左右 past upper edge", claimOf("tax", "20", "%", Span{2019, 2020}, 0, AvgGrowth, About), "100", "145.2026", Mismatch},
		// 提高2个百分点左右: end − base within 0.5 points of 2.
		{"提高2个百分点左右 edge", claimOf("rate", "2", "百分点", y2020, 2019, About), "50", "52.5", Consistent},
		{"提高2个百分点左右 past edge", claimOf("rate", "2", "百分点", y2020, 2019, About), "50", "52.51", Mismatch},
		// A level in %: 2.38%左右.
		{"rate level 左右 edge", claimOf("rate", "2.38", "%", y2020, 0, About), "", "1.88", Consistent},
		{"rate level 左右 past edge", claimOf("rate", "2.38", "%", y2020, 0, About), "", "1.87", Mismatch},
		// An amount keeps the relative band (tol.About): 130亿元左右.
		{"amount 左右 relative", claimOf("tax", "130", "亿元", y2020, 0, About), "", "1235000", Consistent},
		{"amount 左右 not points", claimOf("tax", "130", "亿元", y2020, 0, About), "", "1234999", Mismatch},
	}
	for _, c := range cases {
		vals := map[int]string{2020: c.end}
		if c.base != "" {
			vals[c.c.Span.From-1] = c.base
			vals[c.c.Base] = c.base
		}
		r := EvaluateClaim(s, c.c, figures(vals))
		if r.Status != c.want {
			t.Errorf("%s: base %s end %s: %s (interval %s, computed %s), want %s", c.name, c.base, c.end, r.Status, r.Interval, r.Computed, c.want)
		}
	}
}
