package reconcile

import (
	"math"

	"github.com/shopspring/decimal"
)

// exactSum is a running total of decimals, exactly decimal.Decimal's Add
// chain from zero: the same value with the same coefficient and exponent
// (the smaller of 0 and every addend's). While the addends and the total
// fit in an int64 coefficient — figures with a few decimal places, the
// common case — it adds integers and allocates nothing; the first addend
// or total that does not fit moves it, for good, to decimal.Decimal.
// TestExactSum and FuzzExactSum compare it with the Add chain.
type exactSum struct {
	n   int64 // the total is n·10^exp, while !big
	exp int32 // ≤ 0
	big bool
	d   decimal.Decimal // the total, once big
}

// maxSmallDigits is the most digits of a coefficient taken as an int64:
// 10^18 < 2^63.
const maxSmallDigits = 18

// pow10i are the powers of ten an int64 holds.
var pow10i = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

func (s *exactSum) add(v Num) {
	if !s.big {
		if c, e, ok := v.small(); ok && s.addSmall(c, e) {
			return
		}
		s.d, s.big = s.value().Decimal(), true
	}
	s.d = s.d.Add(v.Decimal())
}

// addSmall adds c·10^e, or reports that the total would not fit.
func (s *exactSum) addSmall(c int64, e int32) bool {
	n, exp := s.n, s.exp
	if e < exp {
		// The total takes the addend's exponent.
		m, ok := scale(n, exp-e)
		if !ok {
			return false
		}
		n, exp = m, e
	} else if e > exp {
		m, ok := scale(c, e-exp)
		if !ok {
			return false
		}
		c = m
	}
	t := n + c
	if (t > n) != (c > 0) {
		return false // overflow
	}
	s.n, s.exp = t, exp
	return true
}

// scale returns n·10^k, if it fits.
func scale(n int64, k int32) (int64, bool) {
	if n == 0 {
		return 0, true
	}
	if k >= int32(len(pow10i)) {
		return 0, false
	}
	p := pow10i[k]
	if n > math.MaxInt64/p || n < math.MinInt64/p {
		return 0, false
	}
	return n * p, true
}

// smallDecimal returns v's coefficient and exponent when the coefficient
// fits in an int64, without copying it.
func smallDecimal(v decimal.Decimal) (int64, int32, bool) {
	if v.NumDigits() > maxSmallDigits {
		return 0, 0, false
	}
	return v.CoefficientInt64(), v.Exponent(), true
}

// value is the total.
func (s *exactSum) value() Num {
	if s.big {
		return NumOf(s.d)
	}
	return NewNum(s.n, s.exp)
}

// addsUp reports whether a + b == c, as a.Add(b).Equal(c) does for their
// decimals, without allocating when the three are small.
func addsUp(a, b, c Num) bool {
	var s exactSum
	ca, ea, oka := a.small()
	cb, eb, okb := b.small()
	if oka && okb && s.addSmall(ca, ea) && s.addSmall(cb, eb) {
		return s.value().Equal(c) // Equal: whatever their exponents
	}
	return a.Decimal().Add(b.Decimal()).Equal(c.Decimal())
}
