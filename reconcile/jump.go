package reconcile

import (
	"sort"

	"github.com/shopspring/decimal"
)

// The month-jump plausibility check (month_jump): a row's 本月 figure far
// out of line with the same row's other months of the year — a figure in
// 元 typed into a 万元 column is 10⁴ times its usual month — is a warning
// at the cell, never an error: a real one-off month is kept with a 说明.
//
// A year is the span over which a row's level is compared: a new year
// brings new plans and a reissued template, and the sample's clean 2021
// returns change level 57–68 times from 2020's in five rows (就业社保!D12,
// 规模工业!C61), which a comparison across the year's end at 50 times
// flagged. Early in a year, though, a month has too few others of its
// own year, and a January typed in 元 went unchecked. Such a month is
// compared with the months of the twelve before it, the previous year's
// included when they are in the run, at a bar acrossYears times higher
// (1,000 by default: a unit slip, 元 for 万元, is 10,000 times), and the
// finding says so.

// Plausibility holds the month-jump thresholds (spec: plausibility).
type Plausibility struct {
	// JumpRatio: a month at least JumpRatio times the median of the row's
	// other nonzero months of the year, or at most 1/JumpRatio of it, is
	// out of line. Zero turns the check off.
	JumpRatio decimal.Decimal
	// JumpFloor: and it differs from that median by at least this much, in
	// the indicator's unit (materiality: 0.5 against 0.01 is no finding).
	JumpFloor decimal.Decimal
	// JumpMinMonths: the row needs at least this many other nonzero months
	// within a year of the month for a median to compare with.
	JumpMinMonths int
}

// acrossYears multiplies JumpRatio for a month compared with the previous
// year's months (its own year has too few): a level may change with the
// year; a unit slip is 10⁴.
const acrossYears = 20

// DefaultPlausibility is the built-in spec's: 50 times, 100 of the
// indicator's unit, 3 other months.
var DefaultPlausibility = Plausibility{JumpRatio: decimal.NewFromInt(50), JumpFloor: decimal.NewFromInt(100), JumpMinMonths: 3}

// MaxJumpValues bounds the month figures held for the month-jump check
// (about 150 bytes each with the map's share); past it the check is not
// run (not_checked).
const MaxJumpValues = 500_000

// jumpVal is one accepted 本月 figure of a file, kept until the file is
// committed.
type jumpVal struct {
	key   hashKey
	ind   string
	value Num
	src   Source
}

type jumpKey struct {
	dept string
	key  hashKey
}

// jumpRow is a row's 本月 figures of one indicator over the run, one
// entry per month it has (not a slot per month: most rows of a tall file
// have one month in a run).
type jumpRow struct {
	ind    string
	months []jumpMonth
}

type jumpMonth struct {
	at    int32 // year×12 + month − 1: months apart across a year's end
	value Num
	src   Source
}

// keepJumps records a committed file's 本月 figures.
func (l *Ledger) keepJumps(fr *FileRead) {
	if len(fr.jumps) == 0 || l.jumpsOver || l.spec.Plausibility.JumpRatio.Sign() <= 0 {
		return
	}
	if l.jumpCount+len(fr.jumps) > MaxJumpValues {
		l.jumpsOver, l.jumps = true, nil
		l.finding(Finding{Source: Source{File: fr.s.File}, Department: fr.s.Department, Period: fr.s.Period.String(), Rule: RuleNotChecked, Severity: Warning,
			Fields: Fields{"check": Text{"逐行与本年其他月份比较的合理性核对（本月数异常）", "the plausibility check of each row's month against its other months (month jump)"}, "limit": MaxJumpValues}})
		return
	}
	if l.jumps == nil {
		l.jumps = map[jumpKey]*jumpRow{}
	}
	p := fr.s.Period
	for _, v := range fr.jumps {
		k := jumpKey{fr.s.Department, v.key}
		r := l.jumps[k]
		if r == nil {
			r = &jumpRow{ind: v.ind}
			l.jumps[k] = r
		}
		jm := jumpMonth{int32(p.Year*12 + p.Month - 1), v.value, v.src}
		i := 0
		for i < len(r.months) && r.months[i].at != jm.at {
			i++
		}
		if i < len(r.months) { // the month again (a later file of it): the later figure
			r.months[i] = jm
			continue
		}
		r.months = append(r.months, jm)
		l.jumpCount++
	}
}

// checkJumps reports every month figure far out of line with its row's
// other nonzero months within a year of it (month_jump), across a year's
// end when the earlier year's months are in the run.
func (l *Ledger) checkJumps() {
	pl := l.spec.Plausibility
	if l.jumps == nil || pl.JumpRatio.Sign() <= 0 {
		return
	}
	keys := make([]jumpKey, 0, len(l.jumps))
	for k := range l.jumps {
		keys = append(keys, k)
	}
	// Findings are put in report order later; this order (by where each
	// row's first month is, not by the hashes, whose seeds vary by run)
	// keeps what the bounds on findings keep the same in every run.
	first := func(k jumpKey) string {
		r := l.jumps[k]
		sort.Slice(r.months, func(i, j int) bool { return r.months[i].at < r.months[j].at })
		s := r.months[0].src
		return s.File + "\x00" + s.Sheet + "\x00" + s.Cell + "\x00" + r.ind
	}
	sortKey := make(map[jumpKey]string, len(keys))
	for _, k := range keys {
		sortKey[k] = first(k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.dept != b.dept {
			return a.dept < b.dept
		}
		return sortKey[a] < sortKey[b]
	})
	for _, k := range keys {
		r := l.jumps[k]
		def, ok := l.spec.Indicator(r.ind)
		if !ok {
			continue
		}
		if len(r.months) <= max(pl.JumpMinMonths, 1) {
			continue // too few months to have enough others
		}
		for _, jm := range r.months {
			if jm.value.Sign() <= 0 {
				continue
			}
			// The row's other nonzero months of the year; too few, and
			// those of the twelve months before it, across the year's end.
			year := jm.at / 12
			var same, recent []decimal.Decimal
			for _, o := range r.months {
				if o.at == jm.at || o.value.Sign() <= 0 {
					continue
				}
				if o.at/12 == year {
					same = append(same, o.value.Decimal())
					recent = append(recent, o.value.Decimal())
				} else if o.at < jm.at && o.at > jm.at-12 {
					recent = append(recent, o.value.Decimal())
				}
			}
			least := max(pl.JumpMinMonths, 1)
			others, ratio, across := same, pl.JumpRatio, false
			if len(same) < least {
				others, ratio, across = recent, pl.JumpRatio.Mul(decimal.NewFromInt(acrossYears)), true
			}
			if len(others) < least {
				continue
			}
			opl := pl
			opl.JumpRatio = ratio
			if f, ok := jumpFinding(jm.value.Decimal(), median(others), opl, def); ok {
				if across {
					f.Fields["months"] = Text{"前 12 个月内（含上年）其他月份", "other months of the twelve before it (the previous year's included)"}
				}
				f.Source, f.Department, f.Period, f.Raw = jm.src, k.dept, Period{int(jm.at / 12), int(jm.at%12) + 1}.String(), jm.value.String()
				l.finding(f)
			}
		}
	}
}

// jumpFinding decides one month v against the median of the row's other
// months: out of line by the ratio, and by at least the floor.
func jumpFinding(v, med decimal.Decimal, pl Plausibility, def *Indicator) (Finding, bool) {
	if med.Sign() <= 0 || v.Sub(med).Abs().LessThan(pl.JumpFloor) {
		return Finding{}, false
	}
	fields := Fields{"value": v.String(), "median": med.String(), "unit": def.Unit.Name, "months": Text{"其他月份", "other months"}}
	switch {
	case v.Cmp(med.Mul(pl.JumpRatio)) >= 0:
		fields["times"] = v.DivRound(med, 0).String()
		fields["hint"] = Text{"请核实是否误按元填写（单位为" + def.Unit.Name + "）", "check it was not typed in 元 (the unit is " + def.Unit.Name + ")"}
		if def.Unit.Exp == 0 {
			fields["hint"] = Text{"请核实是否多输了位数", "check for extra digits"}
		}
		return Finding{Rule: RuleMonthJump, Severity: Warning, Fields: fields}, true
	case v.Mul(pl.JumpRatio).Cmp(med) <= 0:
		fields["times"] = "1/" + med.DivRound(v, 0).String()
		fields["hint"] = Text{"请核实单位（是否误按更大的单位填写）或是否少输了位数", "check the unit (typed in a larger one?) or missing digits"}
		return Finding{Rule: RuleMonthJump, Severity: Warning, Fields: fields}, true
	}
	return Finding{}, false
}

// median is the middle of xs (the mean of the two middles for an even
// count), exact.
func median(xs []decimal.Decimal) decimal.Decimal {
	sort.Slice(xs, func(i, j int) bool { return xs[i].LessThan(xs[j]) })
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return xs[n/2-1].Add(xs[n/2]).Div(decimal.NewFromInt(2))
}
