package reconcile

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// Unit is a unit of measure: a base quantity and a power of ten of it.
// Conversion between units of the same base is an exact decimal shift.
type Unit struct {
	Name string // as written: 万元
	Base string // 元
	Exp  int32  // 万元 is 10^4 元
}

// units lists every unit tally knows. A spec or a report naming another is
// an error, never a guess.
var units = map[string]Unit{}

// unitOrder is units in the order they are listed, for messages.
var unitOrder []Unit

func init() {
	for _, u := range []Unit{
		{"元", "元", 0}, {"万元", "元", 4}, {"亿元", "元", 8},
		{"美元", "美元", 0}, {"万美元", "美元", 4}, {"亿美元", "美元", 8},
		{"人", "人", 0}, {"万人", "人", 4},
		{"人次", "人次", 0}, {"万人次", "人次", 4},
		{"家", "家", 0}, {"个", "个", 0}, {"件", "件", 0}, {"项", "项", 0}, {"件次", "件次", 0},
		{"名", "人", 0}, {"条", "条", 0}, {"处", "处", 0}, {"所", "所", 0}, {"座", "座", 0}, {"宗", "宗", 0},
		{"场", "场", 0}, {"本", "本", 0}, {"户", "户", 0}, {"台", "台", 0},
		{"株", "株", 0}, {"万株", "株", 4}, {"吨", "吨", 0}, {"万吨", "吨", 4},
		{"公里", "米", 3}, {"米", "米", 0}, {"兆瓦", "瓦", 6}, {"千伏", "伏", 3}, {"kv", "伏", 3},
		{"平方米", "平方米", 0}, {"万平方米", "平方米", 4},
		{"亩", "亩", 0}, {"万亩", "亩", 4},
		{"%", "%", 0},
		// A difference of two rates (提高 2.1个百分点) and a multiple (3.4倍)
		// measure nothing an indicator holds; they are decided on two of
		// its figures.
		{"个百分点", "百分点", 0}, {"百分点", "百分点", 0}, {"倍", "倍", 0},
	} {
		units[u.Name] = u
		unitOrder = append(unitOrder, u)
	}
}

// UnitNames lists the names of every unit tally knows.
func UnitNames() []string {
	out := make([]string, 0, len(units))
	for name := range units {
		out = append(out, name)
	}
	return out
}

// ScaledUnits lists the units of the quantities that come in more than one
// size (元、万元、亿元), one group per quantity, smallest first, one name per
// size (人, not also 名), in a fixed order: what a display unit can be.
func ScaledUnits() [][]string {
	var bases []string
	group := map[string][]Unit{}
	for _, u := range unitOrder {
		if _, ok := group[u.Base]; !ok {
			bases = append(bases, u.Base)
		}
		if !slices.ContainsFunc(group[u.Base], func(v Unit) bool { return v.Exp == u.Exp }) {
			group[u.Base] = append(group[u.Base], u)
		}
	}
	var out [][]string
	for _, b := range bases {
		g := group[b]
		if len(g) < 2 {
			continue
		}
		slices.SortStableFunc(g, func(a, b Unit) int { return int(a.Exp - b.Exp) })
		names := make([]string, len(g))
		for i, u := range g {
			names[i] = u.Name
		}
		out = append(out, names)
	}
	return out
}

// LookupUnit returns the unit named name.
func LookupUnit(name string) (Unit, bool) {
	u, ok := units[name]
	return u, ok
}

// Convert expresses v, given in unit from, in unit to. It fails when the
// units measure different things.
func Convert(v decimal.Decimal, from, to Unit) (decimal.Decimal, error) {
	if from.Base != to.Base {
		return decimal.Decimal{}, fmt.Errorf("cannot convert %s to %s", from.Name, to.Name)
	}
	return v.Shift(from.Exp - to.Exp), nil
}
