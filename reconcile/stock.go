package reconcile

import (
	"github.com/shopspring/decimal"
)

// The stock-drop plausibility check (stock_drop): a stock — a level at the
// end of the month, 期末数 or 年末数, not a flow — that falls to a small
// fraction of the same row's level last month (国家科技型中小企业 195 → 34)
// is a warning at the cell, naming last month's figure. Levels move by
// a few a month; a collapse is nearly always a flow typed into the level
// column (this month's or the year's additions). A real fall is kept with
// a 说明. A rise is not checked: after a wrong month the right one would
// rise, and a department's file would be blamed for last month's slip.
//
// Only consecutive months of one department are compared (each file
// against the month before it among the run's files, as the 本年累计 chain
// is), and only what both months accepted.

// MaxLevelValues bounds the row levels (row × indicator) the ledger keeps
// across departments for the stock-drop check, each department's latest
// month: about 100 bytes each. Past it a department's new month is not
// kept, said once by a not_checked warning; totals stay exact.
const MaxLevelValues = 200_000

// levelMonth is a department's latest month's levels by row key.
type levelMonth struct {
	p    Period
	vals map[hashKey]jumpVal
}

// checkLevels compares a committed file's levels with its department's
// month before, then keeps them for the month after.
func (l *Ledger) checkLevels(fr *FileRead) {
	pl := l.spec.Plausibility
	p, dept := fr.s.Period, fr.s.Department
	if len(fr.levels) == 0 || !p.IsMonth() || pl.StockDropRatio.Sign() <= 0 {
		return
	}
	prev := l.levels[dept]
	if prev != nil && prev.p == p.Prev() {
		for _, v := range fr.levels {
			pv, ok := prev.vals[v.key]
			if !ok || pv.ind != v.ind {
				continue
			}
			def, ok := l.spec.Indicator(v.ind)
			if !ok {
				continue
			}
			if f, ok := stockDrop(v.value.Decimal(), pv.value.Decimal(), pl, def); ok {
				f.Source, f.Department, f.Period, f.Raw = v.src, dept, p.String(), v.value.String()
				f.Fields["header"] = v.header
				f.Fields["prev"] = prev.p.String()
				f.Explanation = v.note
				l.finding(f)
				l.markDoubtful(dept, v.ind, p, v.src, RuleStockDrop, v.note)
			}
		}
	}
	if prev != nil && !prev.p.Before(p) {
		return // an earlier month's file after a later one: the later stays
	}
	if l.levels == nil {
		l.levels = map[string]*levelMonth{}
	}
	held := l.levelCount
	if prev != nil {
		held -= len(prev.vals)
	}
	if held+len(fr.levels) > MaxLevelValues {
		delete(l.levels, dept)
		l.levelCount = held
		if !l.levelsOver {
			l.levelsOver = true
			l.finding(Finding{Source: Source{File: fr.s.File}, Department: dept, Period: p.String(), Rule: RuleNotChecked, Severity: Warning,
				Fields: Fields{"check": Text{"期末数与上月比较的合理性核对（存量骤降）", "the plausibility check of each level against last month's (stock drop)"}, "limit": MaxLevelValues}})
		}
		return
	}
	m := &levelMonth{p: p, vals: make(map[hashKey]jumpVal, len(fr.levels))}
	for _, v := range fr.levels {
		m.vals[v.key] = v
	}
	l.levels[dept] = m
	l.levelCount = held + len(m.vals)
}

// stockDrop decides a level v against last month's, was: at most
// 1/StockDropRatio of it, and below it by at least StockDropFloor.
func stockDrop(v, was decimal.Decimal, pl Plausibility, def *Indicator) (Finding, bool) {
	if was.Sign() <= 0 || v.IsNegative() || was.Sub(v).LessThan(pl.StockDropFloor) || v.Mul(pl.StockDropRatio).GreaterThan(was) {
		return Finding{}, false
	}
	share := v.Mul(decimal.NewFromInt(100)).DivRound(was, 0).String() + "%"
	return Finding{Rule: RuleStockDrop, Severity: Warning,
		Fields: Fields{"value": v.String(), "prev_value": was.String(), "unit": def.Unit.Name, "share": share}}, true
}
