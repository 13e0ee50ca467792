package reconcile

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Interval is the set of exact values a written figure is consistent with.
// A side with Unbounded set has no limit; Open excludes the bound itself.
type Interval struct {
	Lo, Hi         decimal.Decimal
	LoOpen, HiOpen bool
	NoLo, NoHi     bool
}

// Contains reports whether v lies in the interval.
func (iv Interval) Contains(v decimal.Decimal) bool {
	if !iv.NoLo {
		c := v.Cmp(iv.Lo)
		if c < 0 || (c == 0 && iv.LoOpen) {
			return false
		}
	}
	if !iv.NoHi {
		c := v.Cmp(iv.Hi)
		if c > 0 || (c == 0 && iv.HiOpen) {
			return false
		}
	}
	return true
}

// Neg returns the interval of the negated values: a decline of [0.45, 0.55]
// is a growth of [−0.55, −0.45].
func (iv Interval) Neg() Interval {
	return Interval{Lo: iv.Hi.Neg(), Hi: iv.Lo.Neg(), LoOpen: iv.HiOpen, HiOpen: iv.LoOpen, NoLo: iv.NoHi, NoHi: iv.NoLo}
}

// String writes the interval in the usual notation: [15.15, 15.25], (2000, ∞).
func (iv Interval) String() string {
	var b strings.Builder
	if iv.NoLo {
		b.WriteString("(-∞")
	} else {
		b.WriteString(map[bool]string{true: "(", false: "["}[iv.LoOpen])
		b.WriteString(iv.Lo.String())
	}
	b.WriteString(", ")
	if iv.NoHi {
		b.WriteString("∞)")
	} else {
		b.WriteString(iv.Hi.String())
		b.WriteString(map[bool]string{true: ")", false: "]"}[iv.HiOpen])
	}
	return b.String()
}

// writtenExp is the power of ten of the last digit written: "15.2" → -1,
// "118" → 0, "1211" → 0.
func writtenExp(written string) int32 {
	if _, frac, ok := strings.Cut(written, "."); ok {
		return -int32(len(frac))
	}
	return 0
}

// significantExp is the power of ten of the last significant digit, for
// 余/多: "2" → 0, "500" → 2 (500余 is 500 to under 600), "495" → 0.
func significantExp(written string) int32 {
	if strings.Contains(written, ".") {
		return writtenExp(written)
	}
	digits := strings.TrimLeft(written, "+-")
	e := int32(0)
	for len(digits) > 1 && strings.HasSuffix(digits, "0") {
		digits = digits[:len(digits)-1]
		e++
	}
	return e
}

// Shape is how a qualifier bounds a written figure.
type Shape int

// Shapes, one per qualifier family.
const (
	ShapeRounded Shape = iota // plain, 预计, 达到, 增至, 新增, 累计
	ShapeExact                // written as precisely as the data are kept
	ShapeNearly               // 近
	ShapeOver                 // 余, 多
	ShapeExceeds              // 超过
	ShapeAtLeast              // 以上
	ShapeAtMost               // 以内
	ShapeAbout                // 约, 左右
)

// ShapeOf returns the shape the qualifiers give a figure.
func ShapeOf(qs []Qualifier) Shape {
	for _, q := range qs {
		switch q {
		case Nearly:
			return ShapeNearly
		case Over:
			return ShapeOver
		case Exceeds:
			return ShapeExceeds
		case AtLeast:
			return ShapeAtLeast
		case AtMost:
			return ShapeAtMost
		case About:
			return ShapeAbout
		}
	}
	return ShapeRounded
}

// IntervalOf returns the interval of exact values consistent with the figure
// x, written as written, under shape s. Bands are fractions (0.05 for 5%).
func IntervalOf(x decimal.Decimal, written string, s Shape, tol Tolerance) Interval {
	switch s {
	case ShapeExact:
		return Interval{Lo: x, Hi: x}
	case ShapeNearly:
		return Interval{Lo: x.Mul(decimal.NewFromInt(1).Sub(tol.Nearly)), Hi: x}
	case ShapeOver:
		return Interval{Lo: x, Hi: x.Add(decimal.New(1, significantExp(written))), HiOpen: true}
	case ShapeExceeds:
		return Interval{Lo: x, LoOpen: true, NoHi: true}
	case ShapeAtLeast:
		return Interval{Lo: x, NoHi: true}
	case ShapeAtMost:
		return Interval{Hi: x, NoLo: true}
	case ShapeAbout:
		d := x.Abs().Mul(tol.About)
		return Interval{Lo: x.Sub(d), Hi: x.Add(d)}
	}
	half := decimal.New(5, writtenExp(written)-1)
	return Interval{Lo: x.Sub(half), Hi: x.Add(half)}
}

// Pow raises x to a non-negative integer power by exact multiplication.
func Pow(x decimal.Decimal, n int) decimal.Decimal {
	r := decimal.NewFromInt(1)
	for ; n > 0; n-- {
		r = r.Mul(x)
	}
	return r
}

// GrowthHolds reports whether growing from base to end over n years is
// consistent with an annual rate (in percent) in iv: base·(1+lo)^n ≤ end ≤
// base·(1+hi)^n, decided by exact multiplication, never by roots or floats.
// base must be positive.
func GrowthHolds(base, end decimal.Decimal, n int, iv Interval) bool {
	hundred := decimal.NewFromInt(100)
	factor := func(pct decimal.Decimal) decimal.Decimal {
		return Pow(hundred.Add(pct), n).Mul(base)
	}
	// Compare end·100^n with base·(100+g)^n so no division is needed.
	scaled := end.Mul(Pow(hundred, n))
	if !iv.NoLo {
		c := scaled.Cmp(factor(iv.Lo))
		if c < 0 || (c == 0 && iv.LoOpen) {
			return false
		}
	}
	if !iv.NoHi {
		c := scaled.Cmp(factor(iv.Hi))
		if c > 0 || (c == 0 && iv.HiOpen) {
			return false
		}
	}
	return true
}

// RatioHolds reports whether end/base lies in iv, decided by multiplication:
// base·lo ≤ end ≤ base·hi. base must be positive.
func RatioHolds(base, end decimal.Decimal, iv Interval) bool {
	if !iv.NoLo {
		c := end.Cmp(base.Mul(iv.Lo))
		if c < 0 || (c == 0 && iv.LoOpen) {
			return false
		}
	}
	if !iv.NoHi {
		c := end.Cmp(base.Mul(iv.Hi))
		if c > 0 || (c == 0 && iv.HiOpen) {
			return false
		}
	}
	return true
}

// GrowthRate returns the annual rate in percent that grows base to end over
// n years, rounded to places decimal places, found by bisection on exact
// powers. For display only; verdicts use GrowthHolds.
func GrowthRate(base, end decimal.Decimal, n int, places int32) decimal.Decimal {
	hundred := decimal.NewFromInt(100)
	if n == 1 {
		return end.Sub(base).Mul(hundred).DivRound(base, places)
	}
	scaled := end.Mul(Pow(hundred, n))
	below := func(pct decimal.Decimal) bool { // (100+pct)^n·base ≤ end·100^n
		return Pow(hundred.Add(pct), n).Mul(base).Cmp(scaled) <= 0
	}
	fine := places + 2
	step := decimal.New(1, -fine)
	lo, hi := hundred.Neg(), hundred
	for below(hi) {
		lo, hi = hi, hi.Mul(decimal.NewFromInt(2))
	}
	// Invariant: below(lo) (or lo = -100), !below(hi); narrow to one step.
	for hi.Sub(lo).Cmp(step) > 0 {
		mid := lo.Add(hi).Div(decimal.NewFromInt(2)).Truncate(fine + 1)
		if below(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo.Round(places)
}
