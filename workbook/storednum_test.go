package workbook

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// general is the definition parseStored must keep: the general parser,
// then Excel's rounding.
func general(s string) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return RoundSignificant(d, ExcelDigits), nil
}

// same reports whether a and b are the same decimal: value, coefficient and
// exponent (the representation reaches the detail rows and the JSON).
func same(a, b decimal.Decimal) bool {
	return a.Exponent() == b.Exponent() && a.Coefficient().Cmp(b.Coefficient()) == 0
}

func checkFastPath(t *testing.T, s string) {
	t.Helper()
	want, werr := general(s)
	gotNum, gerr := parseStored(s)
	got := gotNum.Decimal()
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("parseStored(%q): error %v, general path %v", s, gerr, werr)
	}
	if werr == nil && !same(got, want) {
		t.Fatalf("parseStored(%q) = %s (%s·10^%d), general path %s (%s·10^%d)", s, got, got.Coefficient(), got.Exponent(), want, want.Coefficient(), want.Exponent())
	}
	if fast, ok := parseStoredFast(s); ok && !same(fast.Decimal(), want) {
		t.Fatalf("fast path (%q) = %s, general path %s", s, fast, want)
	}
}

// The fast path against the general one on the numbers spreadsheets store
// and on the edges: every digit count around 15 and 18, rounding halves,
// carries, exponents, signs, zeros, and texts that are not numbers.
func TestParseStoredMatchesGeneral(t *testing.T) {
	edges := []string{
		"0", "-0", "+0", "0.0", "0.000", "00012", "0.30000000000000004", "-0.30000000000000004",
		"1234.5600000000001", "123456789012345.67", "1.2345678901234567E+19", "1.2345678901234567e+19",
		"999999999999999.5", "999999999999999.4", "-999999999999999.5", "99999999999999950", "9999999999999999",
		"999999999999999999", "9999999999999999999", "123456789012345678", "1234567890123456789",
		"0.000000000000000000000000001", "1E-7", "1e-300", "1E+308", "1.7976931348623157E+308", "5E-324",
		"1E999", "1E1000", "1E-1000", "12.30", "12.300000000000000001", "1.", ".5", "-.5", "+.5", ".",
		"", "-", "+", "e5", "1e", "1e+", "1e-", "1.2.3", "1,234", " 1", "1 ", "0x10", "NaN", "Inf", "1_000",
		"１２", "1e0005", "100000000000000000000", "0.1000000000000000055511151231257827",
		"44255", "44255.5", "3.14159265358979", "2.718281828459045", "-1234567.891",
		strings.Repeat("9", 15), strings.Repeat("9", 16), strings.Repeat("9", 17), strings.Repeat("9", 18), strings.Repeat("9", 19),
		"0." + strings.Repeat("0", 20) + "15", strings.Repeat("1", 1000),
	}
	for _, s := range edges {
		checkFastPath(t, s)
	}
	// Every digit count and half-way case, both signs, with exponents.
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n <= 22; n++ {
		for range 400 {
			var b strings.Builder
			if r.IntN(2) == 0 {
				b.WriteByte('-')
			}
			ds := make([]byte, n)
			for i := range ds {
				ds[i] = byte('0' + r.IntN(10))
			}
			if n > 15 && r.IntN(3) == 0 { // exactly half at the 16th digit
				ds[15] = '5'
				for i := 16; i < n; i++ {
					ds[i] = '0'
				}
			}
			if n > 15 && r.IntN(4) == 0 { // a carry through nines
				for i := 0; i < 15; i++ {
					ds[i] = '9'
				}
			}
			dot := r.IntN(n + 1)
			b.Write(ds[:dot])
			if dot < n {
				b.WriteByte('.')
				b.Write(ds[dot:])
			}
			if r.IntN(3) == 0 {
				fmt.Fprintf(&b, "E%+d", r.IntN(40)-20)
			}
			checkFastPath(t, b.String())
		}
	}
}

// FuzzStoredNumber: whatever the text, the fast path and the general path
// agree on it, value and representation.
func FuzzStoredNumber(f *testing.F) {
	for _, s := range []string{"0.30000000000000004", "1.2345678901234567E+19", "999999999999999.5", "-0", "12.30", "1e-7", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFastPath(t, s)
	})
}

func BenchmarkParseStored(b *testing.B) {
	inputs := []string{"1234.56", "0.30000000000000004", "987654321.12", "44255", "1.2345678901234567E+19"}
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			parseStored(inputs[i%len(inputs)])
		}
	})
	b.Run("general", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			general(inputs[i%len(inputs)])
		}
	})
}
