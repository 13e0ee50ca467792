package spec

import (
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
		b.fail(reconcile.Text{"year：应为报告年份，如 2020", "year: want the report year, e.g. 2020"}, nil, "year")
	}
	for _, t := range []struct {
		key, value string
		to         *decimal.Decimal
	}{
		{"nearly", f.Tolerance.Nearly, &s.Tolerance.Nearly}, {"about", f.Tolerance.About, &s.Tolerance.About},
		{"flat", f.Tolerance.Flat, &s.Tolerance.Flat}, {"lag", f.Tolerance.Lag, &s.Tolerance.Lag},
	} {
		var ok bool
		if *t.to, ok = percent(t.value, "5%"); !ok {
			b.fail(reconcile.Text{"tolerance.{key}：“{value}”不是百分数，应写作 5% 这样", "tolerance.{key}: \"{value}\" is not a percentage like 5%"},
				reconcile.Fields{"key": t.key, "value": t.value}, "tolerance", t.key)
		}
	}
	s.Tolerance.Lag = s.Tolerance.Lag.Shift(2) // percentage points
	points := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f.Tolerance.AboutPoints), "个百分点"))
	if points == "" {
		points = reconcile.DefaultAboutPoints.String()
	}
	if d, err := decimal.NewFromString(points); err != nil || d.Sign() <= 0 {
		b.fail(reconcile.Text{"tolerance.about_points：“{value}”不是正的百分点数，应写作 0.5 这样", "tolerance.about_points: \"{value}\" is not a positive number of percentage points like 0.5"},
			reconcile.Fields{"value": f.Tolerance.AboutPoints}, "tolerance", "about_points")
	} else {
		s.Tolerance.AboutPoints = d
	}
	f.Tolerance = ToleranceYAML{
		Nearly:      s.Tolerance.Nearly.Shift(2).String() + "%",
		About:       s.Tolerance.About.Shift(2).String() + "%",
		Flat:        s.Tolerance.Flat.Shift(2).String() + "%",
		Lag:         s.Tolerance.Lag.String() + "%",
		AboutPoints: s.Tolerance.AboutPoints.String(),
	}
	s.Plausibility = reconcile.DefaultPlausibility
	for _, t := range []struct {
		key, value string
		to         *decimal.Decimal
	}{{"month_jump_ratio", f.Plausibility.MonthJumpRatio, &s.Plausibility.JumpRatio}, {"month_jump_floor", f.Plausibility.MonthJumpFloor, &s.Plausibility.JumpFloor},
		{"stock_drop_ratio", f.Plausibility.StockDropRatio, &s.Plausibility.StockDropRatio}, {"stock_drop_floor", f.Plausibility.StockDropFloor, &s.Plausibility.StockDropFloor}} {
		if t.value == "" {
			continue
		}
		d, err := decimal.NewFromString(strings.TrimSpace(t.value))
		if err != nil || d.IsNegative() || (t.key == "month_jump_ratio" || t.key == "stock_drop_ratio") && d.Sign() > 0 && d.LessThanOrEqual(decimal.NewFromInt(1)) {
			b.fail(reconcile.Text{"plausibility.{key}：“{value}”应为非负数（倍数须大于 1，0 表示不作此项核对）", "plausibility.{key}: \"{value}\" must be a non-negative number (a ratio above 1, or 0 to turn the check off)"},
				reconcile.Fields{"key": t.key, "value": t.value}, "plausibility", t.key)
			continue
		}
		*t.to = d
	}
	if f.Plausibility.MonthJumpMinMonths < 0 {
		b.fail(reconcile.Text{"plausibility.month_jump_min_months：应为正整数", "plausibility.month_jump_min_months: want a positive whole number"}, nil, "plausibility", "month_jump_min_months")
	} else if f.Plausibility.MonthJumpMinMonths > 0 {
		s.Plausibility.JumpMinMonths = f.Plausibility.MonthJumpMinMonths
	}
	f.Plausibility = PlausibilityYAML{MonthJumpRatio: s.Plausibility.JumpRatio.String(), MonthJumpFloor: s.Plausibility.JumpFloor.String(), MonthJumpMinMonths: s.Plausibility.JumpMinMonths,
		StockDropRatio: s.Plausibility.StockDropRatio.String(), StockDropFloor: s.Plausibility.StockDropFloor.String()}
	if f.Deadline < 0 || f.Deadline > 28 {
		b.fail(reconcile.Text{"deadline_day：应为次月的 1–28 日，或 0 表示不设截止日", "deadline_day: want a day 1–28 of the following month, or 0 for none"}, nil, "deadline_day")
	}
	s.Deadline, s.Contact = f.Deadline, f.Contact
	if len(f.Schedule) != 0 && len(f.Schedule) != 12 {
		b.fail(reconcile.Text{"schedule：应为 12 个累计百分数，每月一个", "schedule: want 12 cumulative percentages, one per month"}, nil, "schedule")
	}
	for i, x := range f.Schedule {
		v, ok := percent(x, "")
		if !ok || (i > 0 && v.Shift(2).LessThan(s.Schedule[i-1])) {
			b.fail(reconcile.Text{"schedule：“{value}”不是累计百分数（应不小于上月）", "schedule: \"{value}\" is not a cumulative percentage"}, reconcile.Fields{"value": x}, "schedule", i)
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
			b.fail(reconcile.Text{"规则编号“{id}”为空或重复", "rule id \"{id}\" is empty or used twice"}, reconcile.Fields{"id": y.ID}, append(at, "id")...)
		}
		seen[y.ID] = true
		e, err := reconcile.ParseExpr(y.Expr)
		if err != nil {
			b.fail(reconcile.Text{"规则 {id}：“{expr}”：{detail}", "rule {id}: \"{expr}\": {detail}"},
				reconcile.Fields{"id": y.ID, "expr": y.Expr, "detail": both(err)}, append(at, "expr")...)
			continue
		}
		e.Refs(func(r *reconcile.Ref) {
			def, ok := s.Lookup(r.Name)
			if !ok {
				b.fail(reconcile.Text{"规则 {id}：未知指标“{name}”", "rule {id}: unknown indicator \"{name}\""}, reconcile.Fields{"id": y.ID, "name": r.Name}, append(at, "expr")...)
				return
			}
			r.Name = def.Code
		})
		sev := reconcile.Severity(y.Severity)
		if sev != reconcile.Error && sev != reconcile.Warning {
			b.fail(reconcile.Text{"规则 {id}：severity“{value}”应为 error（错误）或 warning（警告）", "rule {id}: severity \"{value}\": want error or warning"},
				reconcile.Fields{"id": y.ID, "value": y.Severity}, append(at, "severity")...)
		}
		s.Rules = append(s.Rules, reconcile.CheckRule{ID: y.ID, Text: y.Expr, Expr: e, Severity: sev, Message: y.Message, Line: lineOf(b.root, at...)})
	}
}

func (b *builder) unit(name string, path ...any) reconcile.Unit {
	u, ok := reconcile.LookupUnit(name)
	switch {
	case name == "":
		b.fail(reconcile.Text{"缺少计量单位（unit）", "the unit is missing"}, nil, path...)
	case !ok:
		b.fail(reconcile.Text{"未知计量单位“{unit}”", "unknown unit \"{unit}\""}, reconcile.Fields{"unit": name}, path...)
	}
	return u
}

func (b *builder) indicators(f *File, s *reconcile.Spec) {
	seen := map[string]int{}
	for i := range f.Indicators {
		y := &f.Indicators[i]
		at := []any{"indicators", i}
		if y.Code == "" || y.Name == "" {
			key := "name"
			if y.Code == "" {
				key = "code"
			}
			b.fail(reconcile.Text{"指标需要代码（code）和名称（name）", "an indicator needs a code and a name"}, nil, append(at, key)...)
		}
		if first, dup := seen[y.Code]; dup {
			b.fail(reconcile.Text{"指标“{code}”定义了两次（第 {first} 行已有）", "indicator \"{code}\" is defined twice (first at line {first})"},
				reconcile.Fields{"code": y.Code, "first": lineOf(b.root, "indicators", first, "code")}, append(at, "code")...)
		} else {
			seen[y.Code] = i
		}
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
			b.fail(reconcile.Text{"aggregation“{value}”应为 sum（相加）或 latest（取最新）", "aggregation \"{value}\": want sum or latest"},
				reconcile.Fields{"value": y.Aggregation}, append(at, "aggregation")...)
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
				b.fail(notNumber, reconcile.Fields{"key": "min", "value": y.Min}, append(at, "min")...)
			}
			ind.HasMin = true
		}
		if y.Max != "" {
			if ind.Max, err = decimal.NewFromString(y.Max); err != nil {
				b.fail(notNumber, reconcile.Fields{"key": "max", "value": y.Max}, append(at, "max")...)
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
		if badCode := y.Code == "" || strings.ContainsAny(y.Code, "-_ /"); badCode || y.Name == "" {
			key := "name"
			if badCode {
				key = "code"
			}
			b.fail(reconcile.Text{"部门需要名称（name）和只含字母、数字的代码（code）", "a department needs a name and a code of letters and digits"}, nil, append(at, key)...)
		}
		if seenDept[y.Code] {
			b.fail(reconcile.Text{"部门“{code}”定义了两次", "department \"{code}\" is defined twice"}, reconcile.Fields{"code": y.Code}, append(at, "code")...)
		}
		seenDept[y.Code] = true
		d := reconcile.Department{Code: y.Code, Name: y.Name}
		for j := range y.Tables {
			t := &y.Tables[j]
			tat := append(at, "tables", j)
			if seenTable[t.ID] || t.ID == "" {
				b.fail(reconcile.Text{"表编号“{id}”为空或重复", "table id \"{id}\" is empty or used twice"}, reconcile.Fields{"id": t.ID}, append(tat, "id")...)
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
		b.fail(reconcile.Text{"frequency“{value}”应为 monthly（月报）或 annual（年报）", "frequency \"{value}\": want monthly or annual"},
			reconcile.Fields{"value": y.Frequency}, append(at, "frequency")...)
	}
	if _, ok := nameHeader[t.Rows]; !ok {
		b.fail(reconcile.Text{"rows“{value}”应为 enterprise、project、village、item 或 indicator", "rows \"{value}\": want enterprise, project, village, item or indicator"},
			reconcile.Fields{"value": y.Rows}, append(at, "rows")...)
	}
	if y.Sheet == "" || len([]rune(y.Sheet)) > 31 || strings.ContainsAny(y.Sheet, `[]:*?/\`) {
		b.fail(reconcile.Text{"工作表名“{sheet}”应为 1–31 个字符，且不含 []:*?/\\", "sheet \"{sheet}\": want a sheet name of 1–31 characters without []:*?/\\"},
			reconcile.Fields{"sheet": y.Sheet}, append(at, "sheet")...)
	}
	for i := range y.Lines {
		l := &y.Lines[i]
		for _, ref := range []struct{ key, code string }{{"flow", l.Flow}, {"stock", l.Stock}} {
			if ref.code != "" {
				b.indicatorRef(s, ref.code, append(at, "lines", i, ref.key)...)
			}
		}
		t.Lines = append(t.Lines, reconcile.Line{Label: l.Label, Flow: l.Flow, Stock: l.Stock})
	}
	if t.Rows == reconcile.Indicators && len(t.Lines) == 0 {
		b.fail(reconcile.Text{"指标表需要 lines（每行对应的指标）", "an indicator table needs lines"}, nil, at...)
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
			b.fail(reconcile.Text{"choices 只能用于名称列", "choices are for a name column"}, nil, append(cat, "choices")...)
		}
		switch col.Role {
		case reconcile.RoleValue:
			if _, ok := MeasureLabel[col.Measure]; !ok {
				b.fail(reconcile.Text{"measure“{value}”应为 month（本月）、ytd（本年累计）、level（期末数）或 year（本年）", "measure \"{value}\": want month, ytd, level or year"},
					reconcile.Fields{"value": c.Measure}, append(cat, "measure")...)
			}
			if (col.Measure == reconcile.YearValue) != (t.Frequency == reconcile.Annual) && col.Measure != reconcile.LevelValue {
				b.fail(reconcile.Text{"measure {measure} 不适用于 {frequency} 表", "measure {measure} does not fit a {frequency} table"},
					reconcile.Fields{"measure": c.Measure, "frequency": y.Frequency}, append(cat, "measure")...)
			}
			if t.Rows == reconcile.Indicators {
				if c.Indicator != "" {
					b.fail(reconcile.Text{"指标表由各行（lines）指定指标，列不能再指定 indicator", "in an indicator table the lines name the indicators, not the columns"}, nil, append(cat, "indicator")...)
				}
			} else if def := b.indicatorRef(s, c.Indicator, append(cat, "indicator")...); def != nil && c.Header == "" {
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
			b.fail(reconcile.Text{"role“{value}”应为 name、credit_code、unit、note 或 value", "role \"{value}\": want name, credit_code, unit, note or value"},
				reconcile.Fields{"value": c.Role}, append(cat, "role")...)
		}
		col.Header = c.Header
		key := reconcile.NormalizeHeader(c.Header)
		if headers[key] {
			b.fail(reconcile.Text{"表头“{header}”在表 {table} 中用了两次", "header \"{header}\" is used twice in table {table}"},
				reconcile.Fields{"header": c.Header, "table": y.ID}, append(cat, "header")...)
		}
		headers[key] = true
		t.Columns = append(t.Columns, col)
	}
	if !hasName {
		b.fail(reconcile.Text{"表需要一个名称列（role: name）", "a table needs a name column"}, nil, append(at, "columns")...)
	}
	return t
}

func (b *builder) indicatorRef(s *reconcile.Spec, code string, at ...any) *reconcile.Indicator {
	def, ok := s.Indicator(code)
	switch {
	case code == "":
		b.fail(reconcile.Text{"缺少指标（indicator）", "the indicator is missing"}, nil, at...)
	case !ok:
		b.fail(reconcile.Text{"未知指标“{code}”", "unknown indicator \"{code}\""}, reconcile.Fields{"code": code}, at...)
	}
	return def
}

func (b *builder) claims(f *File, s *reconcile.Spec) {
	seen := map[string]bool{}
	for i := range f.Claims {
		y := &f.Claims[i]
		at := []any{"claims", i}
		if y.ID == "" || seen[y.ID] {
			b.fail(reconcile.Text{"报告数字编号“{id}”为空或重复", "claim id \"{id}\" is empty or used twice"}, reconcile.Fields{"id": y.ID}, append(at, "id")...)
		}
		seen[y.ID] = true
		c := reconcile.Claim{ID: y.ID, Text: y.Text, Indicator: y.Indicator, Base: y.Base, Written: y.Value, Line: y.Line}
		var err error
		if c.Span, err = reconcile.ParseSpan(y.Period); err != nil {
			b.fail(reconcile.Text{"{detail}", "{detail}"}, reconcile.Fields{"detail": both(err)}, append(at, "period")...)
		}
		if c.Value, err = decimal.NewFromString(y.Value); err != nil || strings.ContainsAny(y.Value, "eE") {
			b.fail(reconcile.Text{"value“{value}”不是报告原文所写的数字", "value \"{value}\" is not a number as written in the report"},
				reconcile.Fields{"value": y.Value}, append(at, "value")...)
		}
		c.Unit = b.unit(y.Unit, append(at, "unit")...)
		for _, w := range y.Qualifiers {
			q, ok := reconcile.ParseQualifier(w)
			if !ok {
				b.fail(reconcile.Text{"未知限定词“{value}”", "unknown qualifier \"{value}\""}, reconcile.Fields{"value": w}, append(at, "qualifiers")...)
			}
			c.Qualifiers = append(c.Qualifiers, q)
		}
		if c.Indicator != "" {
			def := b.indicatorRef(s, c.Indicator, append(at, "indicator")...)
			growth := c.Has(reconcile.AvgGrowth) || c.Has(reconcile.Growth)
			switch {
			case def == nil:
			case growth && c.Unit.Name != "%":
				b.fail(reconcile.Text{"增长类报告数字的单位应为 %", "a growth claim is written in %"}, nil, append(at, "unit")...)
			case !growth && c.Unit.Base != def.Unit.Base:
				b.fail(reconcile.Text{"计量单位 {unit} 不能计量{indicator}（{indicator_unit}）", "unit {unit} cannot measure {indicator} ({indicator_unit})"},
					reconcile.Fields{"unit": c.Unit.Name, "indicator": def.Name, "indicator_unit": def.Unit.Name}, append(at, "unit")...)
			case c.Has(reconcile.Growth) && (c.Base == 0 || c.Base >= c.Span.To):
				b.fail(reconcile.Text{"“增长”类报告数字需要早于其期间的基期年份（base）", "a 增长 claim needs a base year before its period"}, nil, append(at, "base")...)
			case c.Span.Years() > 1 && !growth && def.Aggregation == reconcile.Latest:
				b.fail(reconcile.Text{"{indicator}是时点数（期末数），不能按 {period} 多年相加", "{indicator} is a level; it cannot be summed over {period}"},
					reconcile.Fields{"indicator": def.Name, "period": y.Period}, append(at, "period")...)
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
				b.fail(reconcile.Text{"目标只能给出 value 或 relative_to 之一，不能都给", "a target is either a value or relative_to a year, not both"}, nil, append(at, "value")...)
			}
		default:
			var err error
			if t.Value, err = decimal.NewFromString(y.Value); err != nil {
				b.fail(notNumber, reconcile.Fields{"key": "value", "value": y.Value}, append(at, "value")...)
			}
			t.Unit = b.unit(y.Unit, append(at, "unit")...)
			if def != nil && t.Unit.Base != def.Unit.Base {
				b.fail(reconcile.Text{"计量单位 {unit} 不能计量{indicator}", "unit {unit} cannot measure {indicator}"},
					reconcile.Fields{"unit": t.Unit.Name, "indicator": def.Name}, append(at, "unit")...)
			}
		}
		s.Targets = append(s.Targets, t)
	}
}

var notNumber = reconcile.Text{"{key}“{value}”不是数字", "{key} \"{value}\" is not a number"}

// both is an error in both languages: tally's own in its words, another's
// as it is.
func both(err error) reconcile.Text {
	if p, ok := err.(interface{ In(reconcile.Lang) string }); ok {
		return reconcile.Text{p.In(reconcile.Chinese), p.In(reconcile.English)}
	}
	return reconcile.Text{err.Error(), err.Error()}
}
