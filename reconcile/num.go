package reconcile

import (
	"github.com/shopspring/decimal"
)

// Num is an exact decimal number, a cell's figure as read: coef·10^exp
// with the coefficient in an int64 when it fits — figures with a few
// decimal places, nearly every one — else a decimal.Decimal. It is the
// same number as the decimal it stands for, with the same coefficient and
// exponent, so Decimal gives back exactly what the reader's general path
// gave and everything shown (String, the precision check on the exponent)
// is unchanged; but a small Num allocates nothing, where a decimal's
// coefficient is a *big.Int. The zero Num is 0. TestNum and FuzzNum
// compare its arithmetic with decimal.Decimal's.
type Num struct {
	coef int64
	exp  int32
	big  *decimal.Decimal // the number, when its coefficient does not fit
}

// NewNum returns coef·10^exp.
func NewNum(coef int64, exp int32) Num { return Num{coef: coef, exp: exp} }

// NumOf returns d as a Num: small when its coefficient has at most 18
// digits (10^18 < 2^63).
func NumOf(d decimal.Decimal) Num {
	if c, e, ok := smallDecimal(d); ok {
		return Num{coef: c, exp: e}
	}
	return Num{big: &d}
}

// Decimal returns the number as a decimal.Decimal (allocating, for a
// small one, its coefficient).
func (n Num) Decimal() decimal.Decimal {
	if n.big != nil {
		return *n.big
	}
	return decimal.New(n.coef, n.exp)
}

// Small returns the coefficient and exponent of a Num whose coefficient
// fits an int64 (ok), for a writer that formats it without a decimal.
func (n Num) Small() (coef int64, exp int32, ok bool) { return n.coef, n.exp, n.big == nil }

// small returns the coefficient and exponent of a small Num.
func (n Num) small() (int64, int32, bool) { return n.coef, n.exp, n.big == nil }

// Exponent is the number's exponent, as decimal.Decimal's.
func (n Num) Exponent() int32 {
	if n.big != nil {
		return n.big.Exponent()
	}
	return n.exp
}

// Sign is -1, 0 or 1.
func (n Num) Sign() int {
	if n.big != nil {
		return n.big.Sign()
	}
	switch {
	case n.coef < 0:
		return -1
	case n.coef > 0:
		return 1
	}
	return 0
}

// IsNegative reports n < 0.
func (n Num) IsNegative() bool { return n.Sign() < 0 }

// IsZero reports n == 0.
func (n Num) IsZero() bool { return n.Sign() == 0 }

// Cmp compares n and m: -1, 0 or 1, whatever their exponents.
func (n Num) Cmp(m Num) int {
	if n.big == nil && m.big == nil {
		if c, ok := cmpSmall(n.coef, n.exp, m.coef, m.exp); ok {
			return c
		}
	}
	return n.Decimal().Cmp(m.Decimal())
}

// Equal reports n == m, whatever their exponents (1.5 equals 1.50).
func (n Num) Equal(m Num) bool { return n.Cmp(m) == 0 }

// LessThan reports n < m.
func (n Num) LessThan(m Num) bool { return n.Cmp(m) < 0 }

// CmpDecimal compares n with a decimal d.
func (n Num) CmpDecimal(d decimal.Decimal) int {
	if c, e, ok := smallDecimal(d); ok {
		return n.Cmp(Num{coef: c, exp: e})
	}
	return n.Decimal().Cmp(d)
}

// String is decimal.Decimal's String of the number.
func (n Num) String() string { return n.Decimal().String() }

// HasPlaces reports whether n has at most places decimal places once
// trailing zeros are dropped: n.Round(places) equals n.
func (n Num) HasPlaces(places int32) bool {
	if n.big != nil {
		return n.big.Round(places).Equal(*n.big)
	}
	k := int64(-n.exp) - int64(places) // digits past the places
	switch {
	case k <= 0 || n.coef == 0:
		return true
	case k >= int64(len(pow10i)):
		return false // |coef| < 10^19 ≤ 10^k, and not 0
	}
	return n.coef%pow10i[k] == 0
}

// cmpSmall compares a·10^ea and b·10^eb, or reports that scaling one to
// the other's exponent would overflow.
func cmpSmall(a int64, ea int32, b int64, eb int32) (int, bool) {
	// Signs decide first: no scaling needed.
	sa, sb := sign64(a), sign64(b)
	if sa != sb || sa == 0 {
		return cmp3(sa, sb), true
	}
	ok := true
	if ea > eb {
		a, ok = scale(a, ea-eb)
	} else if eb > ea {
		b, ok = scale(b, eb-ea)
	}
	if !ok {
		return 0, false
	}
	return cmp3(a, b), true
}

func sign64(a int64) int {
	switch {
	case a < 0:
		return -1
	case a > 0:
		return 1
	}
	return 0
}

func cmp3[T int | int64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
