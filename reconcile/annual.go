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
	annualFiles, annualDept := l.annualFiles(def.Code, y)
	annualFile := ""
	if len(annualFiles) > 0 {
		annualFile = annualFiles[0] // where the finding stands
	}
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
	// The finding stands at the first 年报; several, and each is named.
	others := Text{"", ""}
	if len(annualFiles) > 1 {
		others = Text{"（" + strings.Join(annualFiles, "、") + " 合计）", " (" + strings.Join(annualFiles, ", ") + ", summed)"}
	}
	l.finding(Finding{Source: Source{File: annualFile}, Department: annualDept, Period: year,
		Rule: RuleAnnualDiffers, Severity: Warning,
		Fields: Fields{"indicator": def.Name, "year": year, "annual": annual.Value.String(), "annual_files": others, "december": monthly.Value.String(),
			"diff": annual.Value.Sub(monthly.Value).String(), "unit": def.Unit.Name, "month_file": files, "what": what}})
}

// annualFiles lists the files of year y's 年报 that carry ind, and the
// first one's department ("" when none counted).
func (l *Ledger) annualFiles(ind string, y int) ([]string, string) {
	p := Period{Year: y}
	var files []string
	first := ""
	for _, d := range l.spec.Departments {
		id, ok := l.chosen[d.Code+"|"+p.String()]
		if !ok {
			continue
		}
		for _, x := range l.indicatorsOf(d.Code, p) {
			if x == ind {
				if first == "" {
					first = d.Code
				}
				files = append(files, id.File)
				break
			}
		}
	}
	return files, first
}
