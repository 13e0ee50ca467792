package reconcile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// ClaimStatus is a claim's verdict.
type ClaimStatus string

// Verdicts.
const (
	Consistent ClaimStatus = "consistent"
	Mismatch   ClaimStatus = "mismatch"
	NoData     ClaimStatus = "no_data"
	Incomplete ClaimStatus = "incomplete" // some input it depends on was missing or rejected
	Unmapped   ClaimStatus = "unmapped"   // read from a report, no indicator found
	// Goal is a target the report sets for a year after the one it
	// reviews (主要预期目标): shown with its progress, never judged as a
	// fact of the year reviewed.
	Goal ClaimStatus = "target"
	// NotApplicable is a figure of the report a later year's run has no
	// data for (a 2020 report's figure in a 2021 monthly run): not this
	// run's to verify, listed once, never failing it.
	NotApplicable ClaimStatus = "not_applicable"
)

// ClaimResult is one claim checked against the consolidated figures.
type ClaimResult struct {
	Claim *Claim
	// Interval holds the values consistent with the claim, in the claim's
	// unit; for growth claims it is the rate in percent.
	Interval    Interval
	Computed    decimal.Decimal // in the claim's unit (percent for growth)
	HasComputed bool
	Difference  decimal.Decimal // Computed − claimed value
	Status      ClaimStatus
	Severity    Severity // of a mismatch: warning for estimates (预计)
	Notes       []Text   // why no_data or incomplete; which total is to verify
	// ToVerify: the verdict (consistent or mismatch) is on a total to be
	// verified (待核实, Figure.Doubtful): a figure in it has a plausibility
	// warning its row does not explain. Notes end with the reasons.
	ToVerify bool
	// Base and End are the growth claims' two figures in the indicator's unit.
	Base, End decimal.Decimal
}

// YearFigure gives an indicator's consolidated figure for a year.
type YearFigure func(indicator string, year int) Figure

// EvaluateClaims checks every claim of the spec, in spec order.
func EvaluateClaims(spec *Spec, year YearFigure) []ClaimResult {
	out := make([]ClaimResult, 0, len(spec.Claims))
	for i := range spec.Claims {
		out = append(out, EvaluateClaim(spec, &spec.Claims[i], year))
	}
	return out
}

// EvaluateClaim checks one claim.
func EvaluateClaim(spec *Spec, c *Claim, year YearFigure) ClaimResult {
	r := evaluateClaim(spec, c, year)
	if c.Target && r.Status != Unmapped {
		return asGoal(c, r)
	}
	return r
}

// asGoal turns a target's check into its progress: the figure the data
// give so far for the target's year (and the share of a level target
// reached), or that no data of that year exist yet — never a verdict.
func asGoal(c *Claim, r ClaimResult) ClaimResult {
	year := strconv.Itoa(c.Span.To)
	var notes []Text
	switch {
	case r.HasComputed && !c.IsChange() && c.Value.IsPositive():
		// A level: the year's figure so far against the target.
		pct := r.Computed.Mul(decimal.NewFromInt(100)).DivRound(c.Value, 2).String()
		v := r.Computed.String() + c.Unit.Name
		notes = []Text{{year + " 年的目标，不作为回顾年度的事实核对；按已报送数据目前为 " + v + "，完成目标的 " + pct + "%",
			"a target for " + year + ", not a fact of the year reviewed; the data so far give " + v + ", " + pct + "% of the target"}}
	case r.HasComputed && r.Status == Incomplete:
		// A change against a year not yet whole (a growth of January–June
		// against a whole year) is no progress figure: said, not shown.
		r.HasComputed, r.Computed, r.Difference = false, decimal.Decimal{}, decimal.Decimal{}
		notes = []Text{{year + " 年的目标，不作为回顾年度的事实核对；" + year + " 年数据尚不完整，全年数据报送后可计算",
			"a target for " + year + ", not a fact of the year reviewed; " + year + "'s data are not yet whole"}}
	case r.HasComputed:
		v := r.Computed.String() + c.Unit.Name
		notes = []Text{{year + " 年的目标，不作为回顾年度的事实核对；按已报送数据目前为 " + v,
			"a target for " + year + ", not a fact of the year reviewed; the data so far give " + v}}
	default:
		notes = []Text{{year + " 年的目标，不作为回顾年度的事实核对；尚无 " + year + " 年的数据，报送后可看进度",
			"a target for " + year + ", not a fact of the year reviewed; no data for " + year + " yet"}}
	}
	if r.Status == Incomplete || r.ToVerify {
		notes = append(notes, r.Notes...)
	}
	r.Status, r.Notes, r.Severity, r.ToVerify = Goal, notes, Info, false
	return r
}

// evaluateClaim checks one claim as a fact.
func evaluateClaim(spec *Spec, c *Claim, year YearFigure) ClaimResult {
	r := ClaimResult{Claim: c, Severity: Error}
	if c.Has(Estimated) {
		r.Severity = Warning
	}
	shape := ShapeOf(c.Qualifiers)
	if c.Unmapped {
		r.Status = Unmapped
		r.Notes = []Text{{"报告中的这一数字没有对应的指标", "no indicator of the spec measures what this figure states"}}
		if c.NotChecked != (Text{}) {
			r.Notes = []Text{c.NotChecked}
		}
		r.Interval = c.interval(shape, spec.Tolerance)
		return r
	}
	if c.Indicator == "" {
		r.Status = NoData
		r.Notes = []Text{{"本规格中没有衡量此项的指标", "no indicator measures this subject"}}
		r.Interval = c.interval(shape, spec.Tolerance)
		return r
	}
	def, _ := spec.Indicator(c.Indicator)
	if c.IsChange() {
		return evaluateGrowth(spec, c, def, year, r, shape)
	}
	if shape == ShapeRounded && writtenFinerThanData(c, def) {
		shape = ShapeExact
	}
	r.Interval = c.interval(shape, spec.Tolerance)
	from := c.Span.From
	if def.Aggregation == Latest && c.Span.From != c.Span.To {
		// A stock is never summed over years: 累计达到 94家, 增至 94家 or a
		// plain level over a span is the level at the span's end. 累计 X
		// without 达到 counts additions over the span (累计新增), a flow
		// no submission of a stock carries.
		if countsAdditions(c) {
			r.Status, r.Notes = NoData, []Text{StockNotSummed}
			return r
		}
		from = c.Span.To
		r.Notes = []Text{{fmt.Sprintf("存量指标：取 %d 年末数，不逐年相加", c.Span.To), fmt.Sprintf("a stock: the level at the end of %d, not a sum over the years", c.Span.To)}}
	}
	var f Figure
	var missing []int // years with no data at all
	var froms []Text  // where a year's figure comes from (December's 本年累计)
	for y := from; y <= c.Span.To; y++ {
		g := year(c.Indicator, y)
		if !g.Has {
			missing = append(missing, y)
		}
		f.add(g)
		if g.From != (Text{}) {
			froms = appendUnique(froms, g.From)
		}
	}
	gaps := noDataForYears(missing)
	if !f.Has {
		r.Status, r.Notes = NoData, []Text{noDataFor(c.Span.String())}
		if len(f.Incomplete) > 0 {
			// Inputs were due but missing or unreadable: that is why.
			r.Status, r.Notes = Incomplete, f.Incomplete
		}
		return r
	}
	v, err := Convert(f.Value, def.Unit, c.Unit)
	if err != nil {
		r.Status, r.Notes = NoData, []Text{{err.Error(), err.Error()}}
		return r
	}
	r.Computed, r.HasComputed = v, true
	r.Difference = v.Sub(c.Value)
	r.decide(r.Interval.Contains(v), append(gaps, f.Incomplete...))
	r.doubt(f.Doubtful)
	r.from(froms...)
	return r
}

// from notes, on a verdict, where a year's figure it stands on comes from
// when not from its months or its 年报: 取 2020-12 月报的本年累计.
func (r *ClaimResult) from(froms ...Text) {
	if r.Status != Consistent && r.Status != Mismatch {
		return
	}
	for _, t := range froms {
		if t != (Text{}) {
			r.Notes = appendUnique(r.Notes, t)
		}
	}
}

// StockNotSummed is why 累计 on a stock without 达到 is not checked: the
// figure counts additions over the span, and the data hold year-end levels.
var StockNotSummed = Text{
	"无法核对：这是存量指标（期末数），报告的“累计”是期间逐年新增之和，而报送的是各年年末数，不能相加；没有新增数据",
	"cannot be checked: the indicator is a stock (a year-end level); the report's 累计 adds the span's yearly additions, which no submission carries, and levels are never summed",
}

// countsAdditions reports whether a claim on a stock over a span counts the
// additions (累计 X, 累计新增 X) rather than stating the level reached
// (累计达到 X, 增至 X, a plain level). The extractor drops 累计 from a
// stock's qualifiers, so the written text decides too.
func countsAdditions(c *Claim) bool {
	if c.Has(Reached) || c.Has(RoseTo) {
		return false
	}
	return c.Has(Cumul) || c.Has(New) || strings.Contains(c.Text, "累计")
}

// DefaultAboutPoints is 约/左右 on a rate when the spec sets no
// tolerance.about_points: half a percentage point.
var DefaultAboutPoints = decimal.RequireFromString("0.5")

// interval is the claim's interval under shape s: IntervalOf, except that
// 约/左右 on a rate (% or 个百分点) is a band of Tolerance.AboutPoints
// percentage points around the figure, not a share of it.
func (c *Claim) interval(s Shape, tol Tolerance) Interval {
	if s == ShapeAbout && (c.Unit.Base == "%" || c.Unit.Base == "百分点") {
		pts := tol.AboutPoints
		if pts.Sign() <= 0 { // unset (a spec built in code): the default
			pts = DefaultAboutPoints
		}
		return Interval{Lo: c.Value.Sub(pts), Hi: c.Value.Add(pts)}
	}
	return IntervalOf(c.Value, c.Written, s, tol)
}

// noDataFor says that no submission carries the indicator for a year or a
// span: one wording wherever a claim lacks a year's data (a level, either
// year of a growth).
func noDataFor(period string) Text { return noDataIn(period, period) }

// noDataIn is noDataFor with the period written for each language.
func noDataIn(zh, en string) Text {
	return Text{"没有报送 " + zh + " 年的该指标数据", "no submission carries this indicator for " + en}
}

// noDataForYears says noDataFor once per run of consecutive years
// (没有报送 2016 至 2019 年的该指标数据), not once per year.
func noDataForYears(ys []int) []Text {
	var out []Text
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if j == i {
			out = append(out, noDataFor(strconv.Itoa(ys[i])))
		} else {
			from, to := strconv.Itoa(ys[i]), strconv.Itoa(ys[j])
			out = append(out, noDataIn(from+" 至 "+to, from+" to "+to))
		}
		i = j + 1
	}
	return out
}

// writtenFinerThanData: a figure written to the data's own precision (1211人
// for a count kept in whole 人) was not rounded, so it must match exactly.
func writtenFinerThanData(c *Claim, def *Indicator) bool {
	if c.Unit.Base != def.Unit.Base {
		return false
	}
	// The written resolution, expressed as a power of ten of the indicator's unit.
	exp := writtenExp(c.Written) + c.Unit.Exp - def.Unit.Exp
	return exp <= -def.Precision
}

// doubt notes the reasons a verdict's total is to verify (待核实): the
// verdict stands, said on a total tally itself suspects. An incomplete
// verdict says what is missing only.
func (r *ClaimResult) doubt(doubtful []Text) {
	if len(doubtful) == 0 || (r.Status != Consistent && r.Status != Mismatch) {
		return
	}
	r.ToVerify = true
	r.Notes = appendUnique(r.Notes, doubtful...)
}

func (r *ClaimResult) decide(holds bool, incomplete []Text) {
	switch {
	case len(incomplete) > 0:
		r.Status, r.Notes = Incomplete, incomplete
	case holds:
		r.Status = Consistent
	default:
		r.Status = Mismatch
	}
}

// IsChange reports whether the claim states a change between two of the
// indicator's figures rather than one figure: a growth or decline (年均增长,
// 增长, 下降) as a rate, in percentage points or as an amount, or a
// multiple (倍).
func (c *Claim) IsChange() bool {
	return c.Has(AvgGrowth) || c.Has(Growth) || c.Has(Decline) || c.Unit.Base == "百分点" || c.Unit.Base == "倍"
}

// evaluateGrowth decides a change claim on the base year's figure and the
// end year's:
//
//	增长 8.1% (unit %)        (end/base − 1)·100 in the interval (n-th power for 年均)
//	提高 2.1个百分点           end − base, both rates in %, in the interval
//	增长 1.2亿元               end − base in the claim's unit in the interval
//	是…的 3.4倍 / 增长 1.5倍    end/base (end/base − 1 for 增长) in the interval
//
// 下降 negates the interval: 下降 0.5% is a growth in [−0.55, −0.45].
func evaluateGrowth(spec *Spec, c *Claim, def *Indicator, year YearFigure, r ClaimResult, shape Shape) ClaimResult {
	// 较…增长 x%: end/base − 1 over the whole gap, one step.
	baseYear, n := c.Base, 1
	if c.Has(AvgGrowth) {
		baseYear, n = c.Span.From-1, c.Span.Years()
	}
	if baseYear == 0 && c.Unit.Base == "倍" {
		// 是前五年的 2.1倍: the report names no year to compare with.
		r.Interval = c.interval(shape, spec.Tolerance)
		r.Status, r.Notes = NoData, []Text{{"报告没有写明与哪一年相比", "the report does not say which year it compares with"}}
		return r
	}
	if baseYear == 0 {
		baseYear = c.Span.To - 1
	}
	r.Interval = c.interval(shape, spec.Tolerance)
	if c.Has(Decline) {
		r.Interval = r.Interval.Neg()
	}
	base, end := year(c.Indicator, baseYear), year(c.Indicator, c.Span.To)
	var gaps []Text
	for _, g := range []struct {
		y int
		f Figure
	}{{baseYear, base}, {c.Span.To, end}} {
		if !g.f.Has {
			gaps = append(gaps, noDataFor(strconv.Itoa(g.y)))
		}
	}
	incomplete := appendUnique(append([]Text(nil), base.Incomplete...), end.Incomplete...)
	doubtful := appendUnique(append([]Text(nil), base.Doubtful...), end.Doubtful...)
	notes := append(gaps, incomplete...)
	if !base.Has || !end.Has {
		r.Status, r.Notes = NoData, notes
		if len(incomplete) > 0 {
			r.Status = Incomplete
		}
		return r
	}
	r.Base, r.End = base.Value, end.Value
	places := -writtenExp(c.Written) + 2
	claimed := c.Value // signed: 下降 0.5 is −0.5
	if c.Has(Decline) {
		claimed = claimed.Neg()
	}
	switch c.Unit.Base {
	case "%", "倍":
	case "百分点", def.Unit.Base:
		// A difference: of two rates in points, or of two amounts.
		if c.Unit.Base == "百分点" && def.Unit.Base != "%" {
			r.Status, r.Notes = NoData, append(notes, Text{"百分点只能比较两个百分比", "percentage points compare two rates in %"})
			return r
		}
		diff := end.Value.Sub(base.Value)
		if c.Unit.Base == def.Unit.Base {
			d, err := Convert(diff, def.Unit, c.Unit)
			if err != nil {
				r.Status, r.Notes = NoData, []Text{{err.Error(), err.Error()}}
				return r
			}
			diff = d
		}
		r.Computed, r.HasComputed = diff, true
		r.Difference = diff.Sub(claimed)
		r.decide(r.Interval.Contains(diff), notes)
		r.doubt(doubtful)
		return r
	default:
		r.Status, r.Notes = NoData, append(notes, Text{"变化量的单位与指标不符：" + c.Unit.Name, "the change's unit does not measure the indicator: " + c.Unit.Name})
		return r
	}
	if !base.Value.IsPositive() || n < 1 {
		r.Status, r.Notes = NoData, append(notes, Text{fmt.Sprintf("基期 %d 年数值不为正", baseYear), fmt.Sprintf("base %d is not positive", baseYear)})
		return r
	}
	if c.Unit.Base == "倍" {
		iv := r.Interval
		if c.Has(Growth) { // 增长 1.5倍 is 2.5 times the base
			one := decimal.NewFromInt(1)
			iv.Lo, iv.Hi = iv.Lo.Add(one), iv.Hi.Add(one)
		}
		ratio := end.Value.DivRound(base.Value, places)
		if c.Has(Growth) {
			ratio = ratio.Sub(decimal.NewFromInt(1))
		}
		r.Computed, r.HasComputed = ratio, true
		r.Difference = ratio.Sub(claimed)
		r.decide(RatioHolds(base.Value, end.Value, iv), notes)
		r.doubt(doubtful)
		r.from(base.From, end.From)
		return r
	}
	r.Computed, r.HasComputed = GrowthRate(base.Value, end.Value, n, places), true
	r.Difference = r.Computed.Sub(claimed)
	r.decide(GrowthHolds(base.Value, end.Value, n, r.Interval), notes)
	r.doubt(doubtful)
	r.from(base.From, end.From)
	return r
}

// Unnamed returns what a claim speaks of when its text does not say it
// (下降3.2% after 税收收入 15.2亿元 in the report): the indicator's name,
// or for a claim no indicator measures the subject as the report words
// it. It returns "" when the text names it already (预计完成…规模工业总产值
// 169亿元, by name, alias or the report's words) or nothing is known.
func (s *Spec) Unnamed(c *Claim) string {
	text := squeezeName(c.Text)
	names := []string{c.Subject}
	name := c.Subject
	if def, ok := s.Indicator(c.Indicator); ok {
		name = def.Name
		names = append(append(names, def.Name), def.Aliases...)
	}
	for _, n := range names {
		if n := squeezeName(n); n != "" && strings.Contains(text, n) {
			return ""
		}
	}
	return name
}

// squeezeName drops what a report puts in or around a name that is no part
// of it: spaces and quotation marks (“雏鹰”“瞪羚”企业).
func squeezeName(s string) string {
	return strings.NewReplacer(" ", "", "\u3000", "", "“", "", "”", "", "\"", "").Replace(s)
}

// Label is a claim's text as a reader needs it alone on a line or in a
// list: led by what it speaks of when the text does not say it
// (税收收入：下降3.2%).
func (s *Spec) Label(c *Claim, lang Lang) string {
	if subject := s.Unnamed(c); subject != "" {
		return Fill(Text{"{subject}：{text}", "{subject}: {text}"}, Fields{"subject": subject, "text": c.Text}, lang)
	}
	return c.Text
}
