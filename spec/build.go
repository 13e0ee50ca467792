package spec

import (
	"fmt"
	"strings"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
)

// MeasureLabel is the Chinese column label of a measure; headers are built
// from it unless the spec gives its own.
var MeasureLabel = map[reconcile.Measure]string{
	reconcile.MonthValue: "本月",
	reconcile.YTDValue:   "本年累计",
	reconcile.LevelValue: "期末数",
	reconcile.YearValue:  "本年",
}

var nameHeader = map[reconcile.RowKind]string{
	reconcile.Enterprise: "企业名称",
	reconcile.Project:    "项目名称",
	reconcile.Village:    "村（居）名称",
	reconcile.Item:       "项目",
	reconcile.Indicators: "指标名称",
}

var roleHeader = map[reconcile.ColumnRole]string{
	reconcile.RoleCode: "统一社会信用代码",
	reconcile.RoleUnit: "计量单位",
	reconcile.RoleNote: "说明",
}

func (b *builder) build(f *File) *reconcile.Spec {
	s := &reconcile.Spec{Town: f.Town, Year: f.Year, History: f.History}
	if f.Year < 1900 || f.Year > 9999 {
		b.fail("year: want the report year, e.g. 2020", "year")
	}
	var err error
	if s.Tolerance.Nearly, err = percent(f.Tolerance.Nearly, "5%"); err != nil {
		b.fail("tolerance.nearly: "+err.Error(), "tolerance", "nearly")
	}
	if s.Tolerance.About, err = percent(f.Tolerance.About, "5%"); err != nil {
		b.fail("tolerance.about: "+err.Error(), "tolerance", "about")
	}
	if s.Tolerance.Flat, err = percent(f.Tolerance.Flat, "5%"); err != nil {
		b.fail("tolerance.flat: "+err.Error(), "tolerance", "flat")
	}
	if s.Tolerance.Lag, err = percent(f.Tolerance.Lag, "5%"); err != nil {
		b.fail("tolerance.lag: "+err.Error(), "tolerance", "lag")
	}
	s.Tolerance.Lag = s.Tolerance.Lag.Shift(2) // percentage points
	f.Tolerance = ToleranceYAML{
		Nearly: s.Tolerance.Nearly.Shift(2).String() + "%",
		About:  s.Tolerance.About.Shift(2).String() + "%",
		Flat:   s.Tolerance.Flat.Shift(2).String() + "%",
		Lag:    s.Tolerance.Lag.String() + "%",
	}
	if f.Deadline < 0 || f.Deadline > 28 {
		b.fail("deadline_day: want a day 1–28 of the following month, or 0 for none", "deadline_day")
	}
	s.Deadline, s.Contact = f.Deadline, f.Contact
	if len(f.Schedule) != 0 && len(f.Schedule) != 12 {
		b.fail("schedule: want 12 cumulative percentages, one per month", "schedule")
	}
	for i, x := range f.Schedule {
		v, err := percent(x, "")
		if err != nil || (i > 0 && v.Shift(2).LessThan(s.Schedule[i-1])) {
			b.fail(fmt.Sprintf("schedule: %q is not a cumulative percentage", x), "schedule", i)
		}
		s.Schedule = append(s.Schedule, v.Shift(2))
	}
	b.indicators(f, s)
	b.departments(f, s)
	b.claims(f, s)
	b.targets(f, s)
	b.rules(f, s)
	return s
}

func (b *builder) rules(f *File, s *reconcile.Spec) {
	seen := map[string]bool{}
	for i := range f.Rules {
		y := &f.Rules[i]
		at := []any{"rules", i}
		if y.ID == "" || seen[y.ID] {
			b.fail(fmt.Sprintf("rule id %q is empty or used twice", y.ID), at...)
		}
		seen[y.ID] = true
		e, err := reconcile.ParseExpr(y.Expr)
		if err != nil {
			b.fail(fmt.Sprintf("rule %s: %q: %v", y.ID, y.Expr, err), append(at, "expr")...)
			continue
		}
		e.Refs(func(r *reconcile.Ref) {
			def, ok := s.Lookup(r.Name)
			if !ok {
				b.fail(fmt.Sprintf("rule %s: unknown indicator %q", y.ID, r.Name), append(at, "expr")...)
				return
			}
			r.Name = def.Code
		})
		sev := reconcile.Severity(y.Severity)
		if sev != reconcile.Error && sev != reconcile.Warning {
			b.fail(fmt.Sprintf("rule %s: severity %q: want error or warning", y.ID, y.Severity), append(at, "severity")...)
		}
		s.Rules = append(s.Rules, reconcile.CheckRule{ID: y.ID, Text: y.Expr, Expr: e, Severity: sev, Message: y.Message, Line: lineOf(b.root, at...)})
	}
}

func (b *builder) unit(name string, path ...any) reconcile.Unit {
	u, ok := reconcile.LookupUnit(name)
	if !ok {
		b.fail(fmt.Sprintf("unknown unit %q", name), path...)
	}
	return u
}

func (b *builder) indicators(f *File, s *reconcile.Spec) {
	seen := map[string]bool{}
	for i := range f.Indicators {
		y := &f.Indicators[i]
		at := []any{"indicators", i}
		if y.Code == "" || y.Name == "" {
			b.fail("an indicator needs a code and a name", at...)
		}
		if seen[y.Code] {
			b.fail(fmt.Sprintf("indicator %q is defined twice", y.Code), at...)
		}
		seen[y.Code] = true
		u := b.unit(y.Unit, append(at, "unit")...)
		if y.Precision == nil {
			p := 0
			if u.Base == "元" || u.Base == "美元" {
				p = 2 + int(u.Exp) // to the fen
			}
			y.Precision = &p
		}
		if y.Aggregation == "" {
			y.Aggregation = string(reconcile.Sum)
		}
		agg := reconcile.Aggregation(y.Aggregation)
		if agg != reconcile.Sum && agg != reconcile.Latest {
			b.fail(fmt.Sprintf("aggregation %q: want sum or latest", y.Aggregation), append(at, "aggregation")...)
		}
		if y.NonNegative == nil {
			t := true
			y.NonNegative = &t
		}
		ind := reconcile.Indicator{
			Code: y.Code, Name: y.Name, Aliases: y.Aliases, Unit: u,
			Precision: int32(*y.Precision), Aggregation: agg, NonNegative: *y.NonNegative,
		}
		var err error
		if y.Min != "" {
			if ind.Min, err = decimal.NewFromString(y.Min); err != nil {
				b.fail(fmt.Sprintf("min %q is not a number", y.Min), append(at, "min")...)
			}
			ind.HasMin = true
		}
		if y.Max != "" {
			if ind.Max, err = decimal.NewFromString(y.Max); err != nil {
				b.fail(fmt.Sprintf("max %q is not a number", y.Max), append(at, "max")...)
			}
			ind.HasMax = true
		}
		s.Indicators = append(s.Indicators, ind)
	}
}

func (b *builder) departments(f *File, s *reconcile.Spec) {
	seenDept, seenTable := map[string]bool{}, map[string]bool{}
	for i := range f.Departments {
		y := &f.Departments[i]
		at := []any{"departments", i}
		if y.Code == "" || y.Name == "" || strings.ContainsAny(y.Code, "-_ /") {
			b.fail("a department needs a name and a code of letters and digits", at...)
		}
		if seenDept[y.Code] {
			b.fail(fmt.Sprintf("department %q is defined twice", y.Code), at...)
		}
		seenDept[y.Code] = true
		d := reconcile.Department{Code: y.Code, Name: y.Name}
		for j := range y.Tables {
			t := &y.Tables[j]
			tat := append(at, "tables", j)
			if seenTable[t.ID] || t.ID == "" {
				b.fail(fmt.Sprintf("table id %q is empty or used twice", t.ID), tat...)
			}
			seenTable[t.ID] = true
			d.Tables = append(d.Tables, b.table(s, t, tat))
		}
		s.Departments = append(s.Departments, d)
	}
}

func (b *builder) table(s *reconcile.Spec, y *TableYAML, at []any) reconcile.Table {
	t := reconcile.Table{ID: y.ID, Sheet: y.Sheet, Title: y.Title,
		Frequency: reconcile.Frequency(y.Frequency), Rows: reconcile.RowKind(y.Rows)}
	if t.Frequency != reconcile.Monthly && t.Frequency != reconcile.Annual {
		b.fail(fmt.Sprintf("frequency %q: want monthly or annual", y.Frequency), append(at, "frequency")...)
	}
	if _, ok := nameHeader[t.Rows]; !ok {
		b.fail(fmt.Sprintf("rows %q: want enterprise, project, village, item or indicator", y.Rows), append(at, "rows")...)
	}
	if y.Sheet == "" || len([]rune(y.Sheet)) > 31 || strings.ContainsAny(y.Sheet, `[]:*?/\`) {
		b.fail(fmt.Sprintf("sheet %q: want a sheet name of 1–31 characters without []:*?/\\", y.Sheet), append(at, "sheet")...)
	}
	for i := range y.Lines {
		l := &y.Lines[i]
		for _, code := range []string{l.Flow, l.Stock} {
			if code != "" {
				b.indicatorRef(s, code, append(at, "lines", i)...)
			}
		}
		t.Lines = append(t.Lines, reconcile.Line{Label: l.Label, Flow: l.Flow, Stock: l.Stock})
	}
	if t.Rows == reconcile.Indicators && len(t.Lines) == 0 {
		b.fail("an indicator table needs lines", at...)
	}
	headers := map[string]bool{}
	hasName := false
	for i := range y.Columns {
		c := &y.Columns[i]
		cat := append(at, "columns", i)
		if c.Role == "" {
			c.Role = string(reconcile.RoleValue)
		}
		col := reconcile.Column{Role: reconcile.ColumnRole(c.Role), Indicator: c.Indicator, Measure: reconcile.Measure(c.Measure), Choices: c.Choices}
		if len(c.Choices) > 0 && col.Role != reconcile.RoleName {
			b.fail("choices are for a name column", cat...)
		}
		switch col.Role {
		case reconcile.RoleValue:
			if _, ok := MeasureLabel[col.Measure]; !ok {
				b.fail(fmt.Sprintf("measure %q: want month, ytd, level or year", c.Measure), cat...)
			}
			if (col.Measure == reconcile.YearValue) != (t.Frequency == reconcile.Annual) && col.Measure != reconcile.LevelValue {
				b.fail(fmt.Sprintf("measure %s does not fit a %s table", c.Measure, y.Frequency), cat...)
			}
			if t.Rows == reconcile.Indicators {
				if c.Indicator != "" {
					b.fail("in an indicator table the lines name the indicators, not the columns", cat...)
				}
			} else if def := b.indicatorRef(s, c.Indicator, cat...); def != nil && c.Header == "" {
				c.Header = def.Name + "\n" + MeasureLabel[col.Measure] + "（" + def.Unit.Name + "）"
			}
			if c.Header == "" {
				c.Header = MeasureLabel[col.Measure]
			}
		case reconcile.RoleName:
			hasName = true
			if c.Header == "" {
				c.Header = nameHeader[t.Rows]
			}
		case reconcile.RoleCode, reconcile.RoleUnit, reconcile.RoleNote:
			if c.Header == "" {
				c.Header = roleHeader[col.Role]
			}
		default:
			b.fail(fmt.Sprintf("role %q: want name, credit_code, unit, note or value", c.Role), cat...)
		}
		col.Header = c.Header
		key := reconcile.NormalizeHeader(c.Header)
		if headers[key] {
			b.fail(fmt.Sprintf("header %q is used twice in table %s", c.Header, y.ID), cat...)
		}
		headers[key] = true
		t.Columns = append(t.Columns, col)
	}
	if !hasName {
		b.fail("a table needs a name column", append(at, "columns")...)
	}
	return t
}

func (b *builder) indicatorRef(s *reconcile.Spec, code string, at ...any) *reconcile.Indicator {
	def, ok := s.Indicator(code)
	if !ok {
		b.fail(fmt.Sprintf("unknown indicator %q", code), at...)
	}
	return def
}

func (b *builder) claims(f *File, s *reconcile.Spec) {
	seen := map[string]bool{}
	for i := range f.Claims {
		y := &f.Claims[i]
		at := []any{"claims", i}
		if y.ID == "" || seen[y.ID] {
			b.fail(fmt.Sprintf("claim id %q is empty or used twice", y.ID), at...)
		}
		seen[y.ID] = true
		c := reconcile.Claim{ID: y.ID, Text: y.Text, Indicator: y.Indicator, Base: y.Base, Written: y.Value, Line: y.Line}
		var err error
		if c.Span, err = reconcile.ParseSpan(y.Period); err != nil {
			b.fail(err.Error(), append(at, "period")...)
		}
		if c.Value, err = decimal.NewFromString(y.Value); err != nil || strings.ContainsAny(y.Value, "eE") {
			b.fail(fmt.Sprintf("value %q is not a number as written in the report", y.Value), append(at, "value")...)
		}
		c.Unit = b.unit(y.Unit, append(at, "unit")...)
		for _, w := range y.Qualifiers {
			q, ok := reconcile.ParseQualifier(w)
			if !ok {
				b.fail(fmt.Sprintf("unknown qualifier %q", w), append(at, "qualifiers")...)
			}
			c.Qualifiers = append(c.Qualifiers, q)
		}
		if c.Indicator != "" {
			def := b.indicatorRef(s, c.Indicator, append(at, "indicator")...)
			growth := c.Has(reconcile.AvgGrowth) || c.Has(reconcile.Growth)
			switch {
			case def == nil:
			case growth && c.Unit.Name != "%":
				b.fail("a growth claim is written in %", append(at, "unit")...)
			case !growth && c.Unit.Base != def.Unit.Base:
				b.fail(fmt.Sprintf("unit %s cannot measure %s (%s)", c.Unit.Name, def.Name, def.Unit.Name), append(at, "unit")...)
			case c.Has(reconcile.Growth) && (c.Base == 0 || c.Base >= c.Span.To):
				b.fail("a 增长 claim needs a base year before its period", append(at, "base")...)
			case c.Span.Years() > 1 && !growth && def.Aggregation == reconcile.Latest:
				b.fail(fmt.Sprintf("%s is a level; it cannot be summed over %s", def.Name, y.Period), append(at, "period")...)
			}
		}
		s.Claims = append(s.Claims, c)
	}
}

func (b *builder) targets(f *File, s *reconcile.Spec) {
	for i := range f.Targets {
		y := &f.Targets[i]
		at := []any{"targets", i}
		t := reconcile.Target{Indicator: y.Indicator, Year: y.Year, RelativeTo: y.RelativeTo, Text: y.Text}
		def := b.indicatorRef(s, y.Indicator, append(at, "indicator")...)
		switch {
		case y.RelativeTo != 0:
			if y.Value != "" {
				b.fail("a target is either a value or relative_to a year, not both", at...)
			}
		default:
			var err error
			if t.Value, err = decimal.NewFromString(y.Value); err != nil {
				b.fail(fmt.Sprintf("value %q is not a number", y.Value), append(at, "value")...)
			}
			t.Unit = b.unit(y.Unit, append(at, "unit")...)
			if def != nil && t.Unit.Base != def.Unit.Base {
				b.fail(fmt.Sprintf("unit %s cannot measure %s", t.Unit.Name, def.Name), append(at, "unit")...)
			}
		}
		s.Targets = append(s.Targets, t)
	}
}
