package reconcile

import (
	"strconv"
	"strings"
)

// compareAnnuals holds each past year's 年报 against the same year's
// monthly returns among the files. The 年报 is the year's figure (it is
// the year's own return, often revised after December's); December's
// 本年累计 (a stock's December level) that says otherwise is a warning
// naming both files, and monthly returns of a year whose figure comes
// from its 年报 are said to be set aside, so no row is read in silence.
func (l *Ledger) compareAnnuals() {
	for i := range l.spec.Indicators {
		def := &l.spec.Indicators[i]
		depts := l.monthlyDepts(def.Code)
		if len(depts) == 0 {
			continue
		}
		for _, y := range l.pastYears() {
			a := l.monthFigure(def.Code, Period{Year: y})
			if !a.Has || !l.anyMonth(depts, y) {
				continue
			}
			l.compareAnnual(def, y, a, depts)
		}
	}
}

// pastYears lists the years before the as-of year that a run may hold
// both 年报 and months of: the history years and the year before.
func (l *Ledger) pastYears() []int {
	var out []int
	for _, y := range l.years() {
		if y < l.asOf.Year {
			out = append(out, y)
		}
	}
	return out
}

func (l *Ledger) compareAnnual(def *Indicator, y int, annual Figure, depts []string) {
	annualFile, annualDept := l.annualFile(def.Code, y)
	dec := Period{y, 12}
	var months []string
	complete := true
	for _, d := range depts {
		id, ok := l.chosen[d+"|"+dec.String()]
		if !ok {
			complete = false
			continue
		}
		months = append(months, id.File)
	}
	var monthly Figure
	if complete {
		switch {
		case def.Aggregation == Latest:
			monthly = l.monthFigure(def.Code, dec)
		case l.ytds[figKey{def.Code, dec}] != nil:
			monthly = *l.ytds[figKey{def.Code, dec}]
		default:
			if f := l.ytdFigure(def.Code, y, 12); len(f.Incomplete) == 0 {
				monthly = f
			}
		}
	}
	key := "annual|" + def.Code + "|" + strconv.Itoa(y)
	if l.reported[key] {
		return
	}
	l.reported[key] = true
	year := strconv.Itoa(y)
	if !monthly.Has {
		l.finding(Finding{Source: Source{File: annualFile}, Department: annualDept, Period: year,
			Rule: RuleAnnualOverMonths, Severity: Info,
			Fields: Fields{"indicator": def.Name, "year": year, "annual": annual.Value.String(), "unit": def.Unit.Name}})
		return
	}
	if monthly.Value.Equal(annual.Value) {
		return
	}
	what := Text{"本年累计", "year to date"}
	if def.Aggregation == Latest {
		what = Text{"期末数", "its level"}
	}
	// Every department's December return that makes the figure: when
	// several report the indicator, each is named, not only the first.
	files := Text{strings.Join(months, "、"), strings.Join(months, ", ")}
	if len(months) > 1 {
		files = Text{files[0] + " 合计", files[1] + ", summed"}
	}
	l.finding(Finding{Source: Source{File: annualFile}, Department: annualDept, Period: year,
		Rule: RuleAnnualDiffers, Severity: Warning,
		Fields: Fields{"indicator": def.Name, "year": year, "annual": annual.Value.String(), "december": monthly.Value.String(),
			"diff": annual.Value.Sub(monthly.Value).String(), "unit": def.Unit.Name, "month_file": files, "what": what}})
}

// annualFile is the file of year y's 年报 that carries ind, and its
// department ("" when none counted).
func (l *Ledger) annualFile(ind string, y int) (string, string) {
	p := Period{Year: y}
	for _, d := range l.spec.Departments {
		id, ok := l.chosen[d.Code+"|"+p.String()]
		if !ok {
			continue
		}
		for _, x := range l.indicatorsOf(d.Code, p) {
			if x == ind {
				return id.File, d.Code
			}
		}
	}
	return "", ""
}
