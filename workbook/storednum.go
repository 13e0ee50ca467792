package workbook

import (
	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
)

// maxFastDigits is how many significant digits the fast path of
// parseStored holds in a uint64 (10¹⁸ < 2⁶⁴); longer numbers, rare in
// spreadsheets, take the general path.
const maxFastDigits = 18

// pow10 are the powers of ten the fast path divides by.
var pow10 = [...]uint64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// parseStored reads the text of a stored number (a cell of type n: what
// Excel, Calc and openpyxl write, such as 1234.5, -0.30000000000000004 or
// 1.2345678901234567E+19) rounded to Excel's 15 significant digits. It is
// decimal.NewFromString followed by RoundSignificant — the same value with
// the same coefficient and exponent — but numbers of up to 18 significant
// digits and a small exponent, nearly every stored number, are read into
// an integer in one pass without the general parser's big-number work,
// and held as a small reconcile.Num without allocating.
func parseStored(s string) (reconcile.Num, error) {
	if d, ok := parseStoredFast(s); ok {
		return d, nil
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return reconcile.Num{}, err
	}
	return reconcile.NumOf(RoundSignificant(d, ExcelDigits)), nil
}

// parseStoredFast is parseStored's fast path: [-+]digits[.digits][e[-+]digits]
// with at least one digit, at most maxFastDigits significant ones and an
// exponent below 1000 in size; ok is false for anything else, which the
// general path then decides (including whether it is a number at all).
func parseStoredFast(s string) (d reconcile.Num, ok bool) {
	i, n := 0, len(s)
	neg := false
	if i < n && (s[i] == '-' || s[i] == '+') {
		neg = s[i] == '-'
		i++
	}
	var mant uint64
	digits, sig := 0, 0 // digits seen; significant ones (after leading zeros)
	exp := 0
	for ; i < n && s[i] >= '0' && s[i] <= '9'; i++ {
		digits++
		if sig == 0 && s[i] == '0' {
			continue
		}
		if sig++; sig > maxFastDigits {
			return d, false
		}
		mant = mant*10 + uint64(s[i]-'0')
	}
	if i < n && s[i] == '.' {
		for i++; i < n && s[i] >= '0' && s[i] <= '9'; i++ {
			digits++
			exp--
			if sig == 0 && s[i] == '0' {
				continue
			}
			if sig++; sig > maxFastDigits {
				return d, false
			}
			mant = mant*10 + uint64(s[i]-'0')
		}
	}
	if digits == 0 {
		return d, false
	}
	if i < n && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < n && (s[i] == '-' || s[i] == '+') {
			eneg = s[i] == '-'
			i++
		}
		e, ed := 0, 0
		for ; i < n && s[i] >= '0' && s[i] <= '9'; i++ {
			if ed++; ed > 3 {
				return d, false
			}
			e = e*10 + int(s[i]-'0')
		}
		if ed == 0 {
			return d, false
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	if i != n {
		return d, false
	}
	if mant == 0 {
		return reconcile.Num{}, true // decimal.Zero, as RoundSignificant gives any zero
	}
	// Round to ExcelDigits significant digits, half away from zero, as
	// decimal's Round does: drop k digits and raise the exponent by k.
	if k := sig - ExcelDigits; k > 0 {
		q, r := mant/pow10[k], mant%pow10[k]
		if 2*r >= pow10[k] {
			q++
		}
		mant, exp = q, exp+k
	}
	v := int64(mant)
	if neg {
		v = -v
	}
	return reconcile.NewNum(v, int32(exp)), true
}

// storedPlain reports, for the text of a stored number, that checkStored
// has nothing to refuse in it: at most excelMaxStoredText bytes of
// [-+]digits[.digits] without an exponent — within Excel's range whatever
// the digits (below 10^64 and, unless zero, at least 10^-63) — with at most
// storedDigits significant digits when it has a fraction. It is only a
// shortcut: false says nothing, and the caller asks checkStored.
func storedPlain(v []byte) bool {
	if len(v) == 0 || len(v) > excelMaxStoredText {
		return false
	}
	i := 0
	if v[0] == '-' || v[0] == '+' {
		i++
	}
	digits, dot := 0, -1
	first, last := -1, -1 // the first and last non-zero digit
	for ; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '1' && c <= '9':
			if first < 0 {
				first = i
			}
			last = i
			digits++
		case c == '0':
			digits++
		case c == '.' && dot < 0:
			dot = i
		default:
			return false
		}
	}
	if digits == 0 {
		return false
	}
	if dot < 0 || first < 0 {
		return true
	}
	sig := last - first + 1
	if first < dot && dot < last {
		sig-- // the point is not a digit
	}
	return sig <= storedDigits
}
