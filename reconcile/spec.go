package reconcile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// NormalizeHeader is how headers and row labels are compared: without white
// space, so a header wrapped onto two lines or typed with spaces still matches.
func NormalizeHeader(h string) string {
	if !mayHaveSpace(h) || strings.IndexFunc(h, unicode.IsSpace) < 0 {
		return h // nothing to remove: no copy (it runs for every row's name)
	}
	return strings.Join(strings.Fields(h), "")
}

// mayHaveSpace reports whether s may hold a character unicode.IsSpace
// takes, by its bytes: an ASCII space, or a lead byte that begins a
// non-ASCII one (U+0085 and U+00A0: C2; U+1680: E1; U+2000–U+205F: E2;
// U+3000: E3). A name in Chinese characters (E4–E9) has none, and is
// not decoded.
func mayHaveSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\v', '\f', '\r', 0xC2, 0xE1, 0xE2, 0xE3:
			return true
		}
	}
	return false
}

// Spec is everything tally knows about one town's year: who submits what,
// in which layout, and what the published report claims.
type Spec struct {
	Town        string
	Year        int // the report year; monthly tables are expected for each of its months
	History     []int
	Indicators  []Indicator
	Departments []Department
	Claims      []Claim
	Targets     []Target
	Rules       []CheckRule
	Tolerance   Tolerance
	// Plausibility holds the thresholds of the month-jump check.
	Plausibility Plausibility
	// Deadline is the day of the following month by which a month's
	// submission is due; 0 means no deadline.
	Deadline int
	// Schedule is the share of a year's target due by the end of each month
	// (序时进度), as cumulative percentages; empty means m/12.
	Schedule []decimal.Decimal
	// Contact is who departments ask about their templates.
	Contact string
	// ClaimsFrom says which report the claims were read from: every output
	// that lists claims says it.
	ClaimsFrom ClaimsSource
}

// ClaimsSource is where a run's claims come from: a work report given to
// the run (its claims replace the spec's own), or the claims written in
// the spec.
type ClaimsSource struct {
	Report string // the work report's file name; "" for the spec's own claims
	Spec   string // the spec's name
	// BuiltIn: the spec is tally's own (no --spec).
	BuiltIn bool
	// YearNote: what the reader should know of the year the report was
	// read by (the spec's), when the report's own text reads another
	// (empty when they agree).
	YearNote Text
}

// Text says where the claims come from, for a reader.
func (c ClaimsSource) Text() Text {
	if c.Report != "" {
		return Text{"工作报告 " + c.Report + "（--report；规格自带的报告数字不再核对）",
			"the work report " + c.Report + " (--report; the spec's own claims are not checked)"}
	}
	if c.Spec == "" {
		return Text{}
	}
	zh, en := "规格 ", "the spec "
	if c.BuiltIn {
		zh, en = "内置规格 ", "the built-in spec "
	}
	return Text{zh + c.Spec + " 自带的报告数字（未给 --report）", "the claims written in " + en + c.Spec + " (no --report)"}
}

// LayoutHash identifies the parts of a department's spec that shape its
// workbooks: a file made from another hash has other columns or rows. It
// is the domain's because two sides must compute it alike — the template's
// description (templates, which must not reach the adapter) and the reader
// (workbook), which reports a file from an older layout — and it reads
// spec values only, no file format.
func LayoutHash(d *Department) string {
	h := sha256.New()
	for _, t := range d.Tables {
		fmt.Fprintf(h, "%s|%s|%s|%s\n", t.ID, t.Sheet, t.Frequency, t.Rows)
		for _, c := range t.Columns {
			fmt.Fprintf(h, "c|%s|%s|%s|%s\n", c.Role, c.Header, c.Indicator, c.Measure)
		}
		for _, l := range t.Lines {
			fmt.Fprintf(h, "l|%s|%s|%s\n", l.Label, l.Flow, l.Stock)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Tolerance holds the configurable bands of the claim rules.
type Tolerance struct {
	Nearly decimal.Decimal // 近 X: X·(1−Nearly) ≤ v ≤ X; a fraction, 0.05 for 5%
	About  decimal.Decimal // 约 X / X 左右: |v−X| ≤ X·About
	// AboutPoints is 约/左右 on a rate (a figure in % or 个百分点: 增长4%左右),
	// in percentage points: |v−X| ≤ AboutPoints. A relative band would make
	// a small rate almost exact (4%左右 → [3.8, 4.2]).
	AboutPoints decimal.Decimal
	Flat        decimal.Decimal // 基本持平: a band around last year's value
	Lag         decimal.Decimal // 滞后 when completion trails elapsed time by more (percentage points)
}

// Aggregation says how an indicator's figures combine over months.
type Aggregation string

// Aggregations: flows add up over months; stocks take the period's last level.
const (
	Sum    Aggregation = "sum"
	Latest Aggregation = "latest"
)

// Indicator is a measured quantity (指标).
type Indicator struct {
	Code        string
	Name        string
	Aliases     []string
	Unit        Unit
	Precision   int32 // decimal places allowed in Unit
	Aggregation Aggregation
	NonNegative bool
	// Min and Max, when set, bound one cell's figure (HasMin, HasMax).
	Min, Max       decimal.Decimal
	HasMin, HasMax bool
}

// Department is a submitting unit (填报单位) and its tables.
type Department struct {
	Code   string
	Name   string
	Tables []Table
}

// Frequency says which periods a table is submitted for.
type Frequency string

// Frequencies.
const (
	Monthly Frequency = "monthly"
	Annual  Frequency = "annual"
)

// RowKind says what a table's rows are.
type RowKind string

// Row kinds: entity tables have one row per enterprise, project, village or
// item and a fixed indicator per value column; indicator tables have one row
// per indicator and a measure per column.
const (
	Enterprise RowKind = "enterprise"
	Project    RowKind = "project"
	Village    RowKind = "village"
	Item       RowKind = "item"
	Indicators RowKind = "indicator"
)

// Measure says what a value column holds.
type Measure string

// Measures.
const (
	MonthValue Measure = "month" // 本月: the month's flow
	YTDValue   Measure = "ytd"   // 本年累计: flow from January to the month
	LevelValue Measure = "level" // 期末数: the stock at the period's end
	YearValue  Measure = "year"  // 本年: the year's flow (annual tables)
)

// Table is one sheet of a department's submission.
type Table struct {
	ID        string
	Sheet     string
	Title     string
	Frequency Frequency
	Rows      RowKind
	Columns   []Column
	Lines     []Line // indicator tables: the fixed rows, in order
}

// ColumnRole says what a column holds.
type ColumnRole string

// Column roles.
const (
	RoleName  ColumnRole = "name"        // the row's entity or indicator name
	RoleCode  ColumnRole = "credit_code" // 统一社会信用代码
	RoleUnit  ColumnRole = "unit"        // indicator tables: 计量单位
	RoleValue ColumnRole = "value"
	RoleNote  ColumnRole = "note" // 说明: the department's explanation
)

// Column is one column of a table.
type Column struct {
	Role      ColumnRole
	Header    string // the header text, matched ignoring spaces and width
	Indicator string // entity tables: the indicator of a value column
	Measure   Measure
	Choices   []string // name columns: the allowed entries, if listed
}

// Line is one fixed row of an indicator table.
type Line struct {
	Label string
	Flow  string // indicator whose month/ytd/year figures the row carries
	Stock string // indicator whose level the row carries
}

// IndicatorFor returns the indicator a value cell in column c of line l
// (nil for entity tables) carries, or "" if that cell is not an input.
func (t *Table) IndicatorFor(c Column, l *Line) string {
	if c.Role != RoleValue {
		return ""
	}
	if t.Rows != Indicators {
		return c.Indicator
	}
	if c.Measure == LevelValue {
		return l.Stock
	}
	return l.Flow
}

// IndicatorCodes lists the indicators the table carries, in column order.
func (t *Table) IndicatorCodes() []string {
	var out []string
	for _, c := range t.Columns {
		if c.Role != RoleValue {
			continue
		}
		if t.Rows != Indicators {
			out = appendUnique(out, c.Indicator)
			continue
		}
		for i := range t.Lines {
			if ind := t.IndicatorFor(c, &t.Lines[i]); ind != "" {
				out = appendUnique(out, ind)
			}
		}
	}
	return out
}

// Qualifier is a word that changes what a published figure claims.
type Qualifier string

// Qualifiers, named as reports write them.
const (
	Plain     Qualifier = ""
	Estimated Qualifier = "预计"
	Reached   Qualifier = "达到"
	RoseTo    Qualifier = "增至"
	Nearly    Qualifier = "近"
	Over      Qualifier = "余" // also 多
	Exceeds   Qualifier = "超过"
	AtLeast   Qualifier = "以上"
	AtMost    Qualifier = "以内"
	About     Qualifier = "约" // also 左右
	Cumul     Qualifier = "累计"
	AvgGrowth Qualifier = "年均增长"
	Growth    Qualifier = "增长"
	Decline   Qualifier = "下降" // a negative growth: 下降 0.5% is −0.5%
	New       Qualifier = "新增"
)

// qualifierWords maps the words reports write to qualifiers.
var qualifierWords = map[string]Qualifier{
	"预计": Estimated, "达到": Reached, "增至": RoseTo,
	"近": Nearly, "余": Over, "多": Over,
	"超过": Exceeds, "以上": AtLeast, "以内": AtMost,
	"约": About, "左右": About, "累计": Cumul,
	"年均增长": AvgGrowth, "增长": Growth, "新增": New,
	// The other ways reports write them.
	"年均": AvgGrowth, "同比增长": Growth, "增幅": Growth,
	"下降": Decline, "同比下降": Decline, "减少": Decline,
	"突破": Exceeds, "超": Exceeds, "逾": Exceeds,
	"以下": AtMost, "大约": About, "接近": Nearly, "将近": Nearly,
}

// ParseQualifier reads a qualifier as reports write it (多 is 余, 左右 is 约).
func ParseQualifier(word string) (Qualifier, bool) {
	q, ok := qualifierWords[word]
	return q, ok
}

// Claim is one figure a published report states.
type Claim struct {
	ID         string
	Text       string
	Indicator  string // "" when the subject has no indicator
	Span       Span
	Base       int // 增长: the year compared with
	Value      decimal.Decimal
	Written    string // the value as written: its digits decide the precision
	Unit       Unit
	Qualifiers []Qualifier
	Line       int // in the report, when known
	// Subject is what the figure measures as the report words it (税收收入,
	// 投资), for a claim read from the report: how a reader knows which
	// series 下降3.2% speaks of when no indicator names it.
	Subject string
	// FromReport marks a claim read from the report rather than the spec;
	// Unmapped, one whose subject names no indicator of the spec, or one
	// that names an indicator but states no result of it (NotChecked says
	// why).
	FromReport, Unmapped bool
	NotChecked           Text
	// Target marks a goal the report sets for a year after the one it
	// reviews (主要预期目标): its progress is shown, it is never judged as
	// a fact (status Goal).
	Target bool
}

// Reasons a claim that names an indicator is not checked.
var (
	// TargetNotResult: a goal for a year the data cover (完成预期目标（X）).
	TargetNotResult = Text{"这是目标值，不是实际完成数，不作核对", "a target, not a result: not checked"}
	// PartOfYear: a figure of part of a year (1-11月, 上半年).
	PartOfYear = Text{"这是年内部分月份的数字，不与全年数据核对", "a figure for part of the year: not checked against the whole year"}
)

// PeriodLabel is the claim's period as the workbook shows it: the span
// (2020, 2016-2020; a 年均 growth is over its span), or for a change of
// one year against another the two years, 2019→2020 — the base year the
// check uses (the year before, when the report names none). A multiple
// whose report names no base year (是前五年的 2.1倍) shows its span only.
func (c *Claim) PeriodLabel() string {
	base, ok := c.BaseYear()
	if !ok || c.Has(AvgGrowth) {
		return c.Span.String()
	}
	return fmt.Sprintf("%d→%d", base, c.Span.To)
}

// BaseYear is the year a change is measured from, as the check takes it:
// the one the report names, else the year before (比上年); for 年均 growth
// the year before the span. ok is false for a claim that is no change, and
// for a multiple whose report names no base year.
func (c *Claim) BaseYear() (int, bool) {
	switch {
	case !c.IsChange():
		return 0, false
	case c.Has(AvgGrowth):
		return c.Span.From - 1, true
	case c.Base != 0:
		return c.Base, true
	case c.Unit.Base == "倍":
		return 0, false
	}
	return c.Span.To - 1, true
}

// Has reports whether the claim carries qualifier q.
func (c *Claim) Has(q Qualifier) bool {
	for _, x := range c.Qualifiers {
		if x == q {
			return true
		}
	}
	return false
}

// Target is a goal for an indicator in a year.
type Target struct {
	Indicator string
	Year      int
	Value     decimal.Decimal // in Unit; unset when RelativeTo is used
	Unit      Unit
	// RelativeTo, when nonzero, makes the target "about last year's value"
	// (与去年基本持平): the indicator's value in that year, within Tolerance.Flat.
	RelativeTo int
	Text       string
}

// Indicator returns the indicator with the given code.
func (s *Spec) Indicator(code string) (*Indicator, bool) {
	for i := range s.Indicators {
		if s.Indicators[i].Code == code {
			return &s.Indicators[i], true
		}
	}
	return nil, false
}

// Lookup finds an indicator by code, name or alias.
func (s *Spec) Lookup(name string) (*Indicator, bool) {
	key := NormalizeHeader(name)
	for i := range s.Indicators {
		ind := &s.Indicators[i]
		if ind.Code == name || NormalizeHeader(ind.Name) == key {
			return ind, true
		}
		for _, a := range ind.Aliases {
			if NormalizeHeader(a) == key {
				return ind, true
			}
		}
	}
	return nil, false
}

// Department returns the department with the given code.
func (s *Spec) Department(code string) (*Department, bool) {
	for i := range s.Departments {
		if s.Departments[i].Code == code {
			return &s.Departments[i], true
		}
	}
	return nil, false
}

// TablesFor returns the department's tables submitted for period p.
func (d *Department) TablesFor(p Period) []*Table {
	want := Annual
	if p.IsMonth() {
		want = Monthly
	}
	var out []*Table
	for i := range d.Tables {
		if d.Tables[i].Frequency == want {
			out = append(out, &d.Tables[i])
		}
	}
	return out
}
