package reconcile

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// sameDecimal: the same value with the same coefficient and exponent (the
// representation reaches the JSON and the workbook).
func sameDecimal(a, b decimal.Decimal) bool {
	return a.Exponent() == b.Exponent() && a.Coefficient().Cmp(b.Coefficient()) == 0
}

// checkSum adds vs both ways, checking after every addend, and addsUp on
// each consecutive triple.
func checkSum(t *testing.T, vs []decimal.Decimal) {
	t.Helper()
	var s exactSum
	var want decimal.Decimal
	for i, v := range vs {
		s.add(NumOf(v))
		want = want.Add(v)
		if got := s.value().Decimal(); !sameDecimal(got, want) {
			t.Fatalf("after %v: exactSum %s (%s·10^%d), Add chain %s (%s·10^%d)", vs[:i+1], got, got.Coefficient(), got.Exponent(), want, want.Coefficient(), want.Exponent())
		}
		if i >= 2 {
			a, b, c := vs[i-2], vs[i-1], vs[i]
			if got, want := addsUp(NumOf(a), NumOf(b), NumOf(c)), a.Add(b).Equal(c); got != want {
				t.Fatalf("addsUp(%s, %s, %s) = %v, want %v", a, b, c, got, want)
			}
			if got, want := addsUp(NumOf(a), NumOf(b), NumOf(a.Add(b))), true; got != want {
				t.Fatalf("addsUp(%s, %s, their sum) = %v", a, b, got)
			}
		}
	}
}

func TestExactSum(t *testing.T) {
	max, min := decimal.NewFromInt(math.MaxInt64), decimal.NewFromInt(math.MinInt64)
	cases := [][]string{
		{},
		{"0"},
		{"0.00"},
		{"1.25", "2.5", "-3.75"},
		{"1e3", "2e5", "0.001"},
		{"123456789012345678", "1"},  // 18 digits: the int64 form
		{"1234567890123456789", "1"}, // 19 digits: decimal from the start
		{"999999999999999999", "999999999999999999", "999999999999999999", "999999999999999999", "999999999999999999", "999999999999999999", "999999999999999999", "999999999999999999", "999999999999999999", "999999999999999999"}, // the total overflows
		{"-999999999999999999", "-999999999999999999", "-999999999999999999", "-999999999999999999", "-999999999999999999", "-999999999999999999", "-999999999999999999", "-999999999999999999", "-999999999999999999", "-999999999999999999"},
		{"900000000000000000", "0.1"}, // rescaling the total overflows
		{"0.1", "900000000000000000"}, // rescaling the addend overflows
		{"1e18", "1"},                 // rescaling by 10^18
		{"1e19", "1"},                 // by 10^19: no int64 power
		{"1e-30", "1e30"},
		{"5", "-5", "0.000"},
		{"-0.30000000000000004", "0.1", "0.2"},
	}
	for _, c := range cases {
		var vs []decimal.Decimal
		for _, s := range c {
			vs = append(vs, decimal.RequireFromString(s))
		}
		checkSum(t, vs)
	}
	checkSum(t, []decimal.Decimal{max, decimal.NewFromInt(1)})
	checkSum(t, []decimal.Decimal{min, decimal.NewFromInt(-1)})
	checkSum(t, []decimal.Decimal{max, min, max})
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		n := r.IntN(8)
		vs := make([]decimal.Decimal, n)
		for j := range vs {
			vs[j] = randomDecimal(r)
		}
		checkSum(t, vs)
	}
}

// randomDecimal: every digit count up to 25, exponents around zero, signs.
func randomDecimal(r *rand.Rand) decimal.Decimal {
	digits := 1 + r.IntN(25)
	var b strings.Builder
	if r.IntN(2) == 0 {
		b.WriteByte('-')
	}
	for i := 0; i < digits; i++ {
		b.WriteByte(byte('0' + r.IntN(10)))
	}
	fmt.Fprintf(&b, "e%d", r.IntN(41)-20)
	return decimal.RequireFromString(b.String())
}

// FuzzExactSum: on any addends, exactSum is the Add chain and addsUp is
// Add then Equal. The input is addends separated by spaces; those that do
// not parse are left out.
func FuzzExactSum(f *testing.F) {
	for _, s := range []string{"1.25 2.5 -3.75", "999999999999999999 999999999999999999 999999999999999999 999999999999999999 999999999999999999 999999999999999999 999999999999999999 999999999999999999 999999999999999999 9", "900000000000000000 0.1", "1e18 1 1e19", "9223372036854775807 1", "-9223372036854775808 -1", "0.00 1e3 -1e-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var vs []decimal.Decimal
		for _, w := range strings.Fields(in) {
			if len(w) > 40 {
				continue // a huge exponent makes the Add chain itself slow
			}
			if d, err := decimal.NewFromString(w); err == nil && d.Exponent() > -200 && d.Exponent() < 200 {
				vs = append(vs, d)
			}
		}
		checkSum(t, vs)
	})
}
