package reconcile

import (
	"sort"

	"github.com/shopspring/decimal"
)

// Balanced is the outcome of 舍位平衡: parts and total rounded to the same
// places, the parts adding up to the total exactly.
type Balanced struct {
	Parts    []decimal.Decimal
	Total    decimal.Decimal
	Adjusted []bool // a part shown other than its own rounding
}

// Balance rounds parts to places decimal places so that the shown parts add
// up to the shown total (舍位平衡), by the largest-remainder method.
//
// The total is the exact sum of the parts rounded half away from zero
// (四舍五入, decimal.Round), the rounding a reader checks by hand. Each part
// starts at its floor (towards −∞); the units the floors fall short of
// the total go one each to the parts with the largest remainders. Equal
// remainders go first to the part larger in absolute value (the same
// adjustment is a smaller share of it), then to the earlier part: the
// outcome depends on nothing but the figures and their order.
//
// A part is adjusted when it is shown other than its own 四舍五入; a
// part that is exact at places is never adjusted, and no part moves by
// more than one unit of the last place from its exact value.
func Balance(parts []decimal.Decimal, places int32) Balanced {
	out := Balanced{Parts: make([]decimal.Decimal, len(parts)), Adjusted: make([]bool, len(parts))}
	unit := decimal.New(1, -places)
	sum := decimal.Zero
	floorSum := decimal.Zero
	rem := make([]decimal.Decimal, len(parts))
	for i, p := range parts {
		sum = sum.Add(p)
		f := p.RoundFloor(places)
		out.Parts[i] = f
		rem[i] = p.Sub(f)
		floorSum = floorSum.Add(f)
	}
	out.Total = sum.Round(places)
	// k ∈ [0, number of parts with a remainder]: the total is within half a
	// unit of the sum, and each remainder is less than a unit.
	k := out.Total.Sub(floorSum).Div(unit).IntPart()
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		i, j := order[a], order[b]
		if c := rem[i].Cmp(rem[j]); c != 0 {
			return c > 0
		}
		if c := parts[i].Abs().Cmp(parts[j].Abs()); c != 0 {
			return c > 0
		}
		return i < j
	})
	for _, i := range order[:k] {
		out.Parts[i] = out.Parts[i].Add(unit)
	}
	for i, p := range parts {
		out.Adjusted[i] = !out.Parts[i].Equal(p.Round(places))
	}
	return out
}
