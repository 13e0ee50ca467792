package reconcile

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
)

func decs(ss ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i] = decimal.RequireFromString(s)
	}
	return out
}

func TestBalanceCases(t *testing.T) {
	for _, tc := range []struct {
		name     string
		parts    []string
		places   int32
		want     []string
		total    string
		adjusted []bool
	}{
		// 0.334×3 = 1.002 → 1.00, but each rounds to 0.33: naive shows 0.99.
		{"thirds", []string{"0.334", "0.333", "0.333"}, 2, []string{"0.34", "0.33", "0.33"}, "1.00", []bool{true, false, false}},
		// Naive rounding overshoots: 0.005×3 → 0.01×3 = 0.03, total 0.015 → 0.02.
		{"halves up", []string{"0.005", "0.005", "0.005"}, 2, []string{"0.01", "0.01", "0.00"}, "0.02", []bool{false, false, true}},
		// Exact parts are never moved.
		{"exact", []string{"1.20", "3.40", "0.456", "0.456"}, 2, []string{"1.20", "3.40", "0.46", "0.45"}, "5.51", []bool{false, false, false, true}},
		// Negative parts: floors towards −∞; −1.234 rounds to −1.23 as usual.
		{"negative", []string{"-1.234", "2.345", "-0.004"}, 2, []string{"-1.23", "2.34", "-0.00"}, "1.11", []bool{false, true, false}},
		{"all negative", []string{"-0.334", "-0.333", "-0.333"}, 2, []string{"-0.34", "-0.33", "-0.33"}, "-1.00", []bool{true, false, false}},
		// Equal remainders: the larger part first, then the earlier.
		{"tie by size", []string{"1.005", "7.005", "3.005", "0.005"}, 2, []string{"1.00", "7.01", "3.01", "0.00"}, "11.02", []bool{true, false, false, true}},
		{"tie by order", []string{"2.5", "2.5", "2.5", "2.5"}, 0, []string{"3", "3", "2", "2"}, "10", []bool{false, false, true, true}},
		// 万元 → 亿元: 15.2 亿 split in three towns.
		{"towns", []string{"5.066667", "5.066667", "5.066666"}, 2, []string{"5.07", "5.07", "5.06"}, "15.20", []bool{false, false, true}},
		{"empty", nil, 2, []string{}, "0.00", []bool{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Balance(decs(tc.parts...), tc.places)
			if !got.Total.Equal(decimal.RequireFromString(tc.total)) {
				t.Errorf("total %s, want %s", got.Total, tc.total)
			}
			for i := range tc.want {
				if !got.Parts[i].Equal(decimal.RequireFromString(tc.want[i])) || got.Adjusted[i] != tc.adjusted[i] {
					t.Errorf("part %d: %s adjusted=%v, want %s adjusted=%v", i, got.Parts[i], got.Adjusted[i], tc.want[i], tc.adjusted[i])
				}
			}
		})
	}
}

// TestBalanceExhaustive checks every vector of up to four parts drawn from
// a grid of figures around the rounding edges, positive and negative, at
// two places: the shown parts add up to the shown total, the total is the
// exact sum's 四舍五入, each part is its floor or ceiling, exact parts stay,
// only parts shown other than their own rounding are marked, the parts
// given a unit beyond their floor are those with the largest remainders,
// and the result does not change when computed again.
func TestBalanceExhaustive(t *testing.T) {
	grid := decs("0", "0.001", "0.004", "0.005", "0.006", "0.495", "0.5", "0.994", "0.995", "1.333", "2.675",
		"-0.001", "-0.005", "-0.006", "-1.335", "-2.4949")
	n := 0
	var vec []decimal.Decimal
	var walk func(depth int)
	walk = func(depth int) {
		if depth > 0 {
			check(t, vec)
			n++
		}
		if depth == 4 {
			return
		}
		for _, g := range grid {
			vec = append(vec, g)
			walk(depth + 1)
			vec = vec[:len(vec)-1]
		}
	}
	walk(0)
	if n < 60000 {
		t.Fatalf("only %d vectors", n)
	}
}

func check(t *testing.T, parts []decimal.Decimal) {
	t.Helper()
	const places = 2
	b := Balance(parts, places)
	sum, shown := decimal.Zero, decimal.Zero
	for i, p := range parts {
		sum = sum.Add(p)
		s := b.Parts[i]
		shown = shown.Add(s)
		floor, ceil := p.RoundFloor(places), p.RoundCeil(places)
		if !s.Equal(floor) && !s.Equal(ceil) {
			t.Fatalf("%v: part %d shown %s, not %s or %s", parts, i, s, floor, ceil)
		}
		if b.Adjusted[i] != !s.Equal(p.Round(places)) {
			t.Fatalf("%v: part %d marked %v", parts, i, b.Adjusted[i])
		}
		if p.Equal(floor) && b.Adjusted[i] {
			t.Fatalf("%v: exact part %d adjusted", parts, i)
		}
	}
	if !shown.Equal(b.Total) {
		t.Fatalf("%v: parts add up to %s, total shown %s", parts, shown, b.Total)
	}
	if !b.Total.Equal(sum.Round(places)) {
		t.Fatalf("%v: total %s is not %s rounded", parts, b.Total, sum)
	}
	// Largest remainders: no part left at its floor has a larger remainder
	// than a part raised above its floor.
	for i, p := range parts {
		for j, q := range parts {
			up := b.Parts[j].GreaterThan(q.RoundFloor(places))
			down := b.Parts[i].Equal(p.RoundFloor(places)) && !p.Equal(p.RoundFloor(places))
			if up && down && p.Sub(p.RoundFloor(places)).GreaterThan(q.Sub(q.RoundFloor(places))) {
				t.Fatalf("%v: part %d left down with a larger remainder than part %d raised", parts, i, j)
			}
		}
	}
	again := Balance(parts, places)
	if fmt.Sprint(again.Parts) != fmt.Sprint(b.Parts) {
		t.Fatalf("%v: not deterministic", parts)
	}
}
