package reconcile

import (
	"github.com/shopspring/decimal"
)

// Progress is an indicator's year-to-date against its target for the year.
type Progress struct {
	Target    *Target
	TargetVal decimal.Decimal // in the indicator's unit
	// Band is set for a target relative to last year (基本持平): the year's
	// value is on target within [BandLow, BandHigh] (tolerance.flat).
	Band              bool
	BandLow, BandHigh decimal.Decimal
	YTD               Figure
	Completion        decimal.Decimal // 完成率: YTD / target, percent, two decimals
	Elapsed           decimal.Decimal // 序时进度: share of the year due by the as-of month, percent
	Gap               decimal.Decimal // Completion − Elapsed, percentage points
	Lagging           bool            // 滞后: completion trails elapsed time by more than the margin
	// YoY is 同比: growth of the YTD over the same months of the previous
	// year, percent, two decimals; HasYoY is false when those months are
	// not all there.
	YoY    decimal.Decimal
	HasYoY bool
	Prior  Figure // the same months of the previous year
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
	p := &Progress{Target: t, YTD: s.YTD}
	if t.RelativeTo != 0 {
		// 与去年基本持平: the target is last year's value.
		base := l.yearFigure(s.Indicator.Code, t.RelativeTo)
		if !base.Has {
			return nil
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
	p.Completion = s.YTD.Value.Mul(hundred).DivRound(p.TargetVal, 2)
	p.Elapsed = l.elapsed()
	p.Gap = p.Completion.Sub(p.Elapsed)
	p.Lagging = p.Gap.LessThan(l.spec.Tolerance.Lag.Neg())
	p.Prior = l.ytdFigure(s.Indicator.Code, l.asOf.Year-1, l.asOf.Month)
	if p.Prior.Has && len(p.Prior.Incomplete) == 0 && p.Prior.Value.IsPositive() {
		p.YoY = s.YTD.Value.Sub(p.Prior.Value).Mul(hundred).DivRound(p.Prior.Value, 2)
		p.HasYoY = true
	}
	return p
}

// elapsed is 序时进度 at the as-of month: the spec's schedule, or m/12.
func (l *Ledger) elapsed() decimal.Decimal {
	if len(l.spec.Schedule) == 12 {
		return l.spec.Schedule[l.asOf.Month-1]
	}
	return decimal.NewFromInt(int64(l.asOf.Month)*100).DivRound(decimal.NewFromInt(12), 2)
}

// SubmissionState is one department-month's 报送情况.
type SubmissionState struct {
	Department string
	Period     Period
	State      string // submitted, missing, rejected, late
	File       string
	Saved      string
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
				st.File, st.Saved, st.State = in.File, in.saved, Submitted
				due, hasDue := l.due(p)
				switch {
				case in.Status == "unreadable" || errors[in.File]:
					st.State = Rejected
				case hasDue && in.saved != "" && in.saved > due:
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
