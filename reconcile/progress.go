package reconcile

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Progress is an indicator's year-to-date against its target for the as-of
// year. When some department-month up to the as-of month is missing or had
// rejected rows, the year to date is incomplete: 完成率, 序时进度, the gap,
// 滞后 and 同比 are then measured through the last month up to which every
// figure is whole (Through), never on a partial sum, and Missing says what
// is not there.
type Progress struct {
	Target    *Target
	TargetVal decimal.Decimal // in the indicator's unit
	// Band is set for a target relative to last year (基本持平): the year's
	// value is on target within [BandLow, BandHigh] (tolerance.flat).
	Band              bool
	BandLow, BandHigh decimal.Decimal
	YTD               Figure // January to the as-of month, possibly incomplete
	// AsOf is the as-of month; Through the last month m ≤ AsOf such that
	// January to m is complete (for a level: month m is), 0 when none is.
	AsOf, Through int
	// Missing says why the figures after Through are not whole: the
	// department-months not submitted, the rows rejected.
	Missing []Text
	// Measured is the year to date through Through: what Completion is of.
	Measured   Figure
	Completion decimal.Decimal // 完成率: Measured / target, percent, two decimals
	Elapsed    decimal.Decimal // 序时进度: share of the year due by Through, percent
	Gap        decimal.Decimal // Completion − Elapsed, percentage points
	Lagging    bool            // 滞后: completion trails elapsed time by more than the margin
	// YoY is 同比: growth of Measured over January to Through of the
	// previous year, percent, two decimals; HasYoY is false when those
	// months of the previous year are not all there (Prior.Incomplete says
	// why) or their total is not positive.
	YoY    decimal.Decimal
	HasYoY bool
	Prior  Figure // January to Through of the previous year
	// Base is the year a relative target stands on (Target.RelativeTo):
	// its figure, from its 年报, its months or December's 本年累计
	// (Base.From says which when not the months). Only a whole base
	// makes a target: without it (not Base.Has: no data of that year
	// among the files; Base.Incomplete: not all of it) the target is
	// not computed (Uncomputed), and nothing is measured against it.
	Base       Figure
	Uncomputed bool
}

// Complete reports whether every figure up to the as-of month is whole,
// and the target is computed.
func (p *Progress) Complete() bool {
	return !p.Uncomputed && p.Through == p.AsOf && len(p.Missing) == 0
}

// Judged reports whether the target is computed and at least one month is
// whole, so that 完成率 and 序时进度 could be compared at all.
func (p *Progress) Judged() bool { return !p.Uncomputed && p.Through > 0 }

// Why says why a target was not computed: its base year's data are not
// among the files (需 2020 年数据，未提供) or not whole (2020 年数据不完整);
// the zero Text when it was. The base's missing months are p.Base.Incomplete.
func (p *Progress) Why() Text {
	if !p.Uncomputed {
		return Text{}
	}
	y := strconv.Itoa(p.Target.RelativeTo)
	if !p.Base.Has {
		return Text{"需 " + y + " 年数据，未提供", "needs " + y + "'s data, not provided"}
	}
	return Text{y + " 年数据不完整", y + "'s data incomplete"}
}

// Stated is how a relative target reads when it has no figure: 与上年基本持平.
func (p *Progress) Stated() Text {
	if p.Target.RelativeTo == 0 {
		return Text{}
	}
	return Text{"与上年基本持平", "about level with last year"}
}

var hundred = decimal.NewFromInt(100)

// progress measures a series against its target for the as-of year.
func (l *Ledger) progress(s *Series) *Progress {
	var t *Target
	for i := range l.spec.Targets {
		if x := &l.spec.Targets[i]; x.Indicator == s.Indicator.Code && x.Year == l.asOf.Year {
			t = x
		}
	}
	if t == nil {
		return nil
	}
	p := &Progress{Target: t, YTD: s.YTD, AsOf: l.asOf.Month}
	if t.RelativeTo != 0 {
		// 与去年基本持平: the target is last year's value.
		// Only a whole base makes a target: last year's months, its 年报
		// or December's 本年累计 (yearFigure). One month of twelve is
		// not last year's value; a run without that year's data says
		// what the target is and that it needs them.
		base := l.yearFigure(s.Indicator.Code, t.RelativeTo)
		p.Base = base
		if !base.Has || len(base.Incomplete) > 0 {
			p.Uncomputed = true
			p.Missing = appendUnique(append([]Text(nil), s.YTD.Incomplete...), l.ytdFigure(s.Indicator.Code, l.asOf.Year, l.asOf.Month).Incomplete...)
			return p
		}
		p.TargetVal = base.Value
		p.Band = true
		p.BandLow = base.Value.Mul(decimal.NewFromInt(1).Sub(l.spec.Tolerance.Flat))
		p.BandHigh = base.Value.Mul(decimal.NewFromInt(1).Add(l.spec.Tolerance.Flat))
	} else {
		v, err := Convert(t.Value, t.Unit, s.Indicator.Unit)
		if err != nil {
			return nil
		}
		p.TargetVal = v
	}
	if p.TargetVal.IsZero() {
		return nil
	}
	code := s.Indicator.Code
	year := l.asOf.Year
	p.Missing = appendUnique(append([]Text(nil), s.YTD.Incomplete...), l.ytdFigure(code, year, l.asOf.Month).Incomplete...)
	p.Through = l.completeThrough(s.Indicator, year)
	if p.Through == 0 {
		return p
	}
	p.Measured = l.ytdFigure(code, year, p.Through)
	p.Completion = p.Measured.Value.Mul(hundred).DivRound(p.TargetVal, 2)
	p.Elapsed = l.elapsed(p.Through)
	p.Gap = p.Completion.Sub(p.Elapsed)
	p.Lagging = p.Gap.LessThan(l.spec.Tolerance.Lag.Neg())
	p.Prior = l.ytdFigure(code, year-1, p.Through)
	if p.Prior.Has && len(p.Prior.Incomplete) == 0 && p.Prior.Value.IsPositive() {
		p.YoY = p.Measured.Value.Sub(p.Prior.Value).Mul(hundred).DivRound(p.Prior.Value, 2)
		p.HasYoY = true
	}
	return p
}

// completeThrough returns the last month m ≤ the as-of month such that the
// indicator's year to date through m is whole (for a level, month m's
// figure is), or 0.
func (l *Ledger) completeThrough(def *Indicator, year int) int {
	if def.Aggregation == Latest {
		for m := l.asOf.Month; m >= 1; m-- {
			if f := l.ytdFigure(def.Code, year, m); len(f.Incomplete) == 0 {
				return m
			}
		}
		return 0
	}
	through := 0
	for m := 1; m <= l.asOf.Month; m++ {
		if f := l.ytdFigure(def.Code, year, m); len(f.Incomplete) > 0 {
			break
		}
		through = m
	}
	return through
}

// elapsed is 序时进度 at month m: the spec's schedule, or m/12.
func (l *Ledger) elapsed(m int) decimal.Decimal {
	if len(l.spec.Schedule) == 12 {
		return l.spec.Schedule[m-1]
	}
	return decimal.NewFromInt(int64(m)*100).DivRound(decimal.NewFromInt(12), 2)
}

// SubmissionState is one department-month's 报送情况.
type SubmissionState struct {
	Department string
	Period     Period
	State      string // submitted, missing, rejected, late
	File       string
	Saved      string
	// SavedAt is Saved with its time and zone, for a message: 2026-12-02
	// 07:30（北京时间）.
	SavedAt Text
}

// Submission states.
const (
	Submitted = "submitted"
	Missing   = "missing"
	Rejected  = "rejected" // unreadable, or with an error finding: to be sent back
	Late      = "late"
)

// buildStatus lists every department × month of the as-of year up to the
// as-of month that has monthly tables.
func (l *Ledger) buildStatus() {
	errors := map[string]bool{}
	for _, f := range l.res.Findings {
		if f.Severity == Error && f.File != "" {
			errors[f.File] = true
		}
	}
	for _, d := range l.spec.Departments {
		if len(d.TablesFor(Period{l.asOf.Year, 1})) == 0 {
			continue
		}
		for m := 1; m <= l.asOf.Month; m++ {
			p := Period{l.asOf.Year, m}
			st := SubmissionState{Department: d.Code, Period: p, State: Missing}
			if in, ok := l.input(d.Code, p); ok {
				st.File, st.Saved, st.SavedAt, st.State = in.File, in.saved, in.savedAt, Submitted
				due, hasDue := l.due(p)
				switch {
				case in.Status == "unreadable" || errors[in.File]:
					st.State = Rejected
				case hasDue && in.received != "" && in.received > due:
					st.State = Late
				case hasDue && in.received == "" && in.saved != "" && in.saved > due:
					st.State = Late
				}
			}
			l.res.Status = append(l.res.Status, st)
		}
	}
}

// input returns the input that counts for a department-month.
func (l *Ledger) input(dept string, p Period) (Input, bool) {
	for _, in := range l.res.Inputs {
		if in.Department == dept && in.Period == p.String() && in.Status != "duplicate" {
			return in, true
		}
	}
	return Input{}, false
}
