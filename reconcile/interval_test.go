package reconcile

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

var tol = Tolerance{Nearly: d("0.05"), About: d("0.05"), Flat: d("0.05")}

// Each qualifier's interval, on its bounds, just inside and just outside.
func TestIntervalEdges(t *testing.T) {
	cases := []struct {
		written string
		shape   Shape
		v       string
		want    bool
	}{
		// plain 15.2亿元: rounds to 15.2, so 15.15 ≤ v ≤ 15.25.
		{"15.2", ShapeRounded, "15.15", true},
		{"15.2", ShapeRounded, "15.150001", true},
		{"15.2", ShapeRounded, "15.149999", false},
		{"15.2", ShapeRounded, "15.25", true},
		{"15.2", ShapeRounded, "15.249999", true},
		{"15.2", ShapeRounded, "15.250001", false},
		{"118", ShapeRounded, "117.5", true},
		{"118", ShapeRounded, "117.49", false},
		{"118", ShapeRounded, "118.5", true},
		{"118", ShapeRounded, "118.51", false},
		// 1211人, counted in whole people: exact.
		{"1211", ShapeExact, "1211", true},
		{"1211", ShapeExact, "1210", false},
		{"1211", ShapeExact, "1212", false},
		// 近 850: 850·95% = 807.5 ≤ v ≤ 850.
		{"850", ShapeNearly, "807.5", true},
		{"850", ShapeNearly, "807.49", false},
		{"850", ShapeNearly, "850", true},
		{"850", ShapeNearly, "850.01", false},
		// 2万余人: 2 ≤ v < 3 (万).
		{"2", ShapeOver, "2", true},
		{"2", ShapeOver, "1.9999", false},
		{"2", ShapeOver, "2.9999", true},
		{"2", ShapeOver, "3", false},
		// 500余场: 500 ≤ v < 600 (the last significant digit is the hundreds).
		{"500", ShapeOver, "500", true},
		{"500", ShapeOver, "599", true},
		{"500", ShapeOver, "600", false},
		// 495万余元: 495 ≤ v < 496.
		{"495", ShapeOver, "495.99", true},
		{"495", ShapeOver, "496", false},
		{"495", ShapeOver, "494.99", false},
		// 超过 2000: v > 2000.
		{"2000", ShapeExceeds, "2000", false},
		{"2000", ShapeExceeds, "2000.01", true},
		{"2000", ShapeExceeds, "1999", false},
		// 以上: v ≥ X.
		{"60", ShapeAtLeast, "60", true},
		{"60", ShapeAtLeast, "59.99", false},
		{"60", ShapeAtLeast, "1000", true},
		// 以内: v ≤ X.
		{"2.38", ShapeAtMost, "2.38", true},
		{"2.38", ShapeAtMost, "2.3801", false},
		{"2.38", ShapeAtMost, "-5", true},
		// 约 130 (5%): 123.5 ≤ v ≤ 136.5.
		{"130", ShapeAbout, "123.5", true},
		{"130", ShapeAbout, "123.49", false},
		{"130", ShapeAbout, "136.5", true},
		{"130", ShapeAbout, "136.51", false},
	}
	for _, c := range cases {
		iv := IntervalOf(d(c.written), c.written, c.shape, tol)
		if got := iv.Contains(d(c.v)); got != c.want {
			t.Errorf("%s (shape %d) interval %s contains %s = %v, want %v", c.written, c.shape, iv, c.v, got, c.want)
		}
	}
}

func TestIntervalString(t *testing.T) {
	for _, c := range []struct {
		iv   Interval
		want string
	}{
		{IntervalOf(d("15.2"), "15.2", ShapeRounded, tol), "[15.15, 15.25]"},
		{IntervalOf(d("2"), "2", ShapeOver, tol), "[2, 3)"},
		{IntervalOf(d("2000"), "2000", ShapeExceeds, tol), "(2000, ∞)"},
		{IntervalOf(d("2.38"), "2.38", ShapeAtMost, tol), "(-∞, 2.38]"},
	} {
		if got := c.iv.String(); got != c.want {
			t.Errorf("got %s, want %s", got, c.want)
		}
	}
}

// 年均增长 is decided with exact integer powers: the bounds themselves are
// consistent, a fen beyond them is not.
func TestGrowthHoldsExactly(t *testing.T) {
	iv := IntervalOf(d("14.6"), "14.6", ShapeRounded, tol) // [14.55, 14.65]
	base := d("76835")
	lo := base.Mul(Pow(d("1.1455"), 5)) // exactly on the lower bound
	hi := base.Mul(Pow(d("1.1465"), 5))
	fen := d("0.000001")
	for _, c := range []struct {
		end  decimal.Decimal
		want bool
	}{
		{lo, true},
		{lo.Sub(fen), false},
		{lo.Add(fen), true},
		{hi, true},
		{hi.Add(fen), false},
		{hi.Sub(fen), true},
		{base.Mul(Pow(d("1.146"), 5)), true},
	} {
		if got := GrowthHolds(base, c.end, 5, iv); got != c.want {
			t.Errorf("GrowthHolds(%s → %s over 5 years, %s) = %v, want %v", base, c.end, iv, got, c.want)
		}
	}
	// An open bound (增长超过 10%) excludes the bound itself.
	over := IntervalOf(d("10"), "10", ShapeExceeds, tol)
	if GrowthHolds(d("100"), d("121"), 2, over) {
		t.Error("exactly 10% a year is not more than 10%")
	}
	if !GrowthHolds(d("100"), d("121.01"), 2, over) {
		t.Error("121.01 over 2 years from 100 is more than 10% a year")
	}
}

func TestGrowthRate(t *testing.T) {
	for _, c := range []struct {
		base, end string
		n         int
		places    int32
		want      string
	}{
		{"100", "200", 1, 2, "100"},
		{"54", "94", 1, 2, "74.07"},
		{"1", "1.97661", 5, 2, "14.6"}, // 1.146^5 = 1.9766...
		{"100", "121", 2, 3, "10"},
		{"100", "50", 1, 1, "-50"},
	} {
		got := GrowthRate(d(c.base), d(c.end), c.n, c.places)
		if !got.Equal(d(c.want)) {
			t.Errorf("GrowthRate(%s, %s, %d) = %s, want %s", c.base, c.end, c.n, got, c.want)
		}
	}
}

func TestCreditCode(t *testing.T) {
	// The structure: 91 + division 120111 + organisation code + check.
	ch, ok := CreditCheckChar("91120111" + "000000000")
	if !ok {
		t.Fatal("a code of digits must have a check character")
	}
	good := "91120111000000000" + string(ch)
	if _, ok := CheckCreditCode(good); !ok {
		t.Errorf("%s should be valid", good)
	}
	wrong := good[:17] + string(creditAlphabet[(strings.IndexByte(creditAlphabet, good[17])+1)%31])
	if p, ok := CheckCreditCode(wrong); ok || p[1] == "" {
		t.Errorf("%s has a wrong check character and must be refused", wrong)
	}
	for _, bad := range []string{"", "123", "91120111O00000000X"} {
		if _, ok := CheckCreditCode(bad); ok {
			t.Errorf("%q must be refused", bad)
		}
	}
	// A code published as an example of a valid one.
	if _, ok := CheckCreditCode("91350100M000100Y43"); !ok {
		t.Error("91350100M000100Y43 is a valid code")
	}
}
