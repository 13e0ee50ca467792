package reconcile

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/shopspring/decimal"
)

// checkNum compares every operation of Num on a and b with the same
// operation of decimal.Decimal, for each of the forms a Num can take: small
// (NumOf of a coefficient that fits) and big (the decimal itself, as NumOf
// keeps a coefficient past 18 digits).
func checkNum(t *testing.T, a, b decimal.Decimal) {
	t.Helper()
	for _, na := range numForms(a) {
		if got := na.Decimal(); !sameDecimal(got, a) {
			t.Fatalf("NumOf(%s).Decimal() = %s (%s·10^%d)", a, got, got.Coefficient(), got.Exponent())
		}
		if na.Exponent() != a.Exponent() || na.Sign() != a.Sign() || na.IsNegative() != a.IsNegative() || na.IsZero() != a.IsZero() {
			t.Fatalf("%s: exponent %d sign %d, decimal %d %d", a, na.Exponent(), na.Sign(), a.Exponent(), a.Sign())
		}
		if na.String() != a.String() {
			t.Fatalf("%s: String %q", a, na.String())
		}
		for places := int32(-3); places <= 22; places++ {
			if got, want := na.HasPlaces(places), a.Round(places).Equal(a); got != want {
				t.Fatalf("%s.HasPlaces(%d) = %v, decimal says %v", a, places, got, want)
			}
		}
		if got, want := na.CmpDecimal(b), a.Cmp(b); got != want {
			t.Fatalf("%s.CmpDecimal(%s) = %d, want %d", a, b, got, want)
		}
		for _, nb := range numForms(b) {
			if got, want := na.Cmp(nb), a.Cmp(b); got != want {
				t.Fatalf("%s.Cmp(%s) = %d, want %d", a, b, got, want)
			}
			if na.Equal(nb) != a.Equal(b) || na.LessThan(nb) != a.LessThan(b) {
				t.Fatalf("%s, %s: Equal %v LessThan %v", a, b, na.Equal(nb), na.LessThan(nb))
			}
		}
	}
}

// numForms is d as NumOf makes it and, when that is small, also as a big
// Num (as exactSum.value gives once a sum has left int64).
func numForms(d decimal.Decimal) []Num {
	n := NumOf(d)
	if n.big != nil {
		return []Num{n}
	}
	return []Num{n, {big: &d}}
}

func TestNum(t *testing.T) {
	edges := []string{
		"0", "0.00", "1e3", "-0.001", "1.5", "1.50", "-1.5", "12345678.123456", "123456789012345678", "-123456789012345678",
		"1234567890123456789", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e-30", "1e30",
		"0.30000000000000004", "999999999999999999e-18", "100000000000000000e-17", "5e18", "5e19", "-7e-19",
	}
	var ds []decimal.Decimal
	for _, s := range edges {
		ds = append(ds, decimal.RequireFromString(s))
	}
	ds = append(ds, decimal.New(math.MaxInt64, -3), decimal.New(math.MinInt64, 2), decimal.Zero, decimal.New(0, 1), decimal.New(0, -5))
	for _, a := range ds {
		for _, b := range ds {
			checkNum(t, a, b)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		a, b := randomDecimal(r), randomDecimal(r)
		if r.IntN(4) == 0 {
			b = a.Add(decimal.New(0, a.Exponent()-int32(r.IntN(4)))) // the same value at a smaller exponent
		}
		checkNum(t, a, b)
	}
}

// FuzzNum: on any two numbers, Num's comparisons and precision check are
// decimal.Decimal's.
func FuzzNum(f *testing.F) {
	for _, s := range []string{"1.5 1.50", "9223372036854775807 -9223372036854775808", "123456789012345678e-5 1234567890123456789", "0 -0.000", "5e18 5000000000000000000", "1e-19 0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var ds []decimal.Decimal
		for _, w := range strings.Fields(in) {
			if len(w) > 40 {
				continue // a huge exponent makes decimal itself slow
			}
			if d, err := decimal.NewFromString(w); err == nil && d.Exponent() > -200 && d.Exponent() < 200 {
				ds = append(ds, d)
			}
		}
		for i := range ds {
			for j := range ds {
				checkNum(t, ds[i], ds[j])
			}
		}
	})
}

// mayHaveSpace never says no to a text that has a space: every rune
// unicode.IsSpace takes, alone and among others.
func TestMayHaveSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsSpace(r) {
			continue
		}
		for _, s := range []string{string(r), "甲" + string(r) + "乙", "ab" + string(r)} {
			if !mayHaveSpace(s) {
				t.Errorf("mayHaveSpace(%q) = false", s)
			}
		}
	}
	for _, s := range []string{"甲公司", "ABC", "天津市西青区精武镇"} {
		if mayHaveSpace(s) {
			t.Errorf("mayHaveSpace(%q) = true", s)
		}
	}
}
