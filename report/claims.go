package report

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
)

// Map turns the figures of a report into the spec's claims: each names the
// indicator its subject names (by code, name or alias, trying 新增+subject
// for 新增 figures, then the longest name or alias the subject contains)
// when the units agree; the rest are marked unmapped. Targets are kept: a
// run without the target year's data reports them as no_data.
func Map(found []Claim, s *reconcile.Spec) []reconcile.Claim {
	out := make([]reconcile.Claim, 0, len(found))
	wide := wider(found, s)
	for i, f := range found {
		if c, ok := mapClaim(i, f, s, wide[i]); ok {
			out = append(out, c)
		}
	}
	return out
}

// MapIndicators gives, for each figure, the indicator Map maps it to, or ""
// when it maps to none.
func MapIndicators(found []Claim, s *reconcile.Spec) []string {
	out := make([]string, len(found))
	wide := wider(found, s)
	for i, f := range found {
		if c, ok := mapClaim(i, f, s, wide[i]); ok && (!c.Unmapped || c.Indicator != "") {
			out[i] = c.Indicator
		}
	}
	return out
}

// scopes narrow a series to the units above a size (规模以上工业总产值 of
// 工业总产值; 规模工业总产值, as many reports shorten it).
var scopes = []string{"规模以上", "限额以上", "规模"}

// wider marks the figures whose subject names, beside a figure of the same
// line naming it within a scope (工业总产值、规模以上工业产值…分别增长), the
// wider series: the two name different series, and an indicator's alias
// that leaves the scope out means the scoped one only when it stands alone.
func wider(found []Claim, s *reconcile.Spec) []bool {
	out := make([]bool, len(found))
	defs := make([]*reconcile.Indicator, len(found))
	byLine := map[int][]int{}
	for i, f := range found {
		defs[i] = indicatorFor(f, s)
		byLine[f.Line] = append(byLine[f.Line], i)
	}
	for i, f := range found {
		if defs[i] == nil {
			continue
		}
		name := fullName(f.Subject)
		for _, j := range byLine[f.Line] {
			if j == i || defs[j] != defs[i] || found[j].Subject == f.Subject {
				continue
			}
			other := fullName(found[j].Subject)
			for _, sc := range scopes {
				if strings.Contains(other, sc+name) && !strings.Contains(name, sc) {
					out[i] = true
				}
			}
		}
	}
	return out
}

// fullName spells out the abbreviations statistics use (规上, 限上, 工业产值,
// 固投, 批零, 两税).
func fullName(subject string) string {
	// 工业年产值 is the year's 工业总产值; 批零业 the 批发零售业, whose
	// 商品销售总额 is its 销售额.
	s := fullNames.Replace(strings.TrimSpace(subject))
	// 两税入库: 两税 (国税 and 地税 together) names the tax revenue, as
	// 两税收入 does.
	if strings.HasSuffix(s, "两税") {
		s += "收入"
	}
	return s
}

var fullNames = strings.NewReplacer("规上", "规模以上", "限上", "限额以上", "工业产值", "工业总产值", "工业年产值", "工业总产值", "固投", "固定资产投资",
	"批零业", "批发零售业", "批零", "批发零售业", "商品销售总额", "销售额", "商品销售额", "销售额", "销售总额", "销售额")

func mapClaim(i int, f Claim, s *reconcile.Spec, wide bool) (reconcile.Claim, bool) {
	c := reconcile.Claim{ID: fmt.Sprintf("report-%d-%d", f.Line, i+1), Text: f.Text, Written: f.Value, Line: f.Line, FromReport: true,
		Subject: strings.TrimSpace(f.Subject), Base: f.Base}
	var err error
	if c.Value, err = decimal.NewFromString(strings.ReplaceAll(f.Value, ",", "")); err != nil {
		return c, false // every extracted value is digits; this is a guard
	}
	unit, okUnit := reconcile.LookupUnit(f.Unit)
	c.Unit = unit
	for _, w := range f.Qualifiers {
		if q, ok := reconcile.ParseQualifier(w); ok {
			c.Qualifiers = append(c.Qualifiers, q)
		}
	}
	span, err := reconcile.ParseSpan(f.Period)
	if err != nil {
		return c, false
	}
	c.Span = span
	// A target for a year after the one reviewed is progress to show, not a
	// fact to judge (DOMAIN.md: never checked as a fact of the year reviewed).
	c.Target = f.Kind == "target" && span.To > s.Year
	def := indicatorFor(f, s)
	if wide {
		def = nil
	}
	// 总产值突破300亿: a multiplier written alone (万, 亿) of an amount in
	// 元 leaves the 元 out.
	if !okUnit && def != nil && def.Unit.Base == "元" && bareMagnitude.MatchString(f.Unit) {
		unit, okUnit = reconcile.LookupUnit(f.Unit + "元")
		c.Unit = unit
	}
	rate := f.Measure == Growth || f.Measure == Points || f.Measure == Ratio
	switch {
	case def == nil || !okUnit:
		c.Unmapped = true
	case !measures(f.Measure, unit, def.Unit):
		c.Unmapped = true
	case (c.Has(reconcile.New) || strings.HasPrefix(f.Subject, "新增")) && def.Aggregation == reconcile.Latest:
		c.Unmapped = true // 新增 12家 is not the number of them
	default:
		c.Indicator = def.Code
		// A target is no fact: one for a year the run holds data of
		// (完成预期目标（5000万元）, this year's goal restated in the review)
		// names its indicator but is not checked as if it were the result.
		// Targets for later years stay mapped and are reported as no_data.
		if f.Kind == "target" && span.To <= s.Year {
			c.Unmapped, c.NotChecked = true, reconcile.TargetNotResult
		}
		// So is a figure of part of a year (1-11月, 上半年): the year's
		// data are not what it states.
		if f.ToDate {
			c.Unmapped, c.NotChecked = true, reconcile.PartOfYear
		}
		if def.Aggregation == reconcile.Latest {
			c.Qualifiers = without(c.Qualifiers, reconcile.Cumul) // a level is never summed
		}
		// A level or a 达到/增至 figure in a five-year passage is the last
		// year's; 较…末增长 compares that year with its base, and so does a
		// multiple of a base year (是2011年的1.37倍, period 2012-2016).
		if span.From != span.To && (def.Aggregation == reconcile.Latest || c.Has(reconcile.Reached) || c.Has(reconcile.RoseTo) || f.Measure == Level || c.Has(reconcile.Growth) || c.Has(reconcile.Decline) || unit.Base == "倍" && f.Base != 0) &&
			!c.Has(reconcile.Cumul) && !c.Has(reconcile.AvgGrowth) && f.Measure != Cumulative {
			c.Span = reconcile.Span{From: span.To, To: span.To}
		}
		if rate || c.Has(reconcile.Growth) || c.Has(reconcile.Decline) {
			c.Base = f.Base
			if c.Base == 0 && unit.Base != "倍" { // 是前五年的 2.1倍 names no year: left to the check to say so
				c.Base = c.Span.To - 1
			}
		}
	}
	return c, true
}

// measures reports whether a figure of this measure and unit can speak of an
// indicator kept in unit u: a level in the same quantity; a growth as a
// rate or an amount of it; points of a rate; a multiple of anything; a
// share only of a rate.
func measures(measure string, unit, u reconcile.Unit) bool {
	switch measure {
	case Growth:
		return unit.Base == "%" || unit.Base == "倍" || unit.Base == u.Base // 增长5倍: end/base − 1
	case Points:
		return unit.Base == "百分点" && u.Base == "%"
	case Ratio:
		return unit.Base == "倍" || unit.Base == "%" && u.Base == "%"
	}
	return unit.Base == u.Base
}

// indicatorFor finds the indicator a figure's subject names: by name or
// alias, exactly or as the longest one the subject contains. Statistics
// abbreviate (规上 for 规模以上, 限上 for 限额以上); a name after a sector
// word (工业固定资产投资) or inside a derived series (人均税收, 税收占比)
// names another series, and maps to none.
func indicatorFor(f Claim, s *reconcile.Spec) *reconcile.Indicator {
	subject := strings.TrimSpace(f.Subject)
	if subject == "" {
		return nil
	}
	for _, q := range f.Qualifiers {
		if q == "新增" {
			if def, ok := lookupNational(s, "新增"+strings.TrimPrefix(subject, "新增")); ok {
				return def
			}
		}
	}
	if contracted.MatchString(subject) {
		// 协议固投, 签约资金, 合同引资: an amount agreed, not yet the series
		// realized (固定资产投资, 内资到位额).
		return nil
	}
	full := fullName(subject)
	// The budget revenue under its older names (公共财政预算收入 until 2014,
	// 公共预算收入, 地方公共财政收入): one series, 一般公共预算收入; a 总收入
	// (the total with the shares passed up) is another, and so is a bare
	// 公共财政收入 (reports that state both use it for the total).
	full = budgetName(full)
	// 区级一般公共预算收入, 县级…: the budget of the county-level government
	// reporting (a 区's or 县's own), the budget revenue itself; 镇级 in such
	// a report is the towns' part (sector below).
	if lv := strings.TrimPrefix(strings.TrimPrefix(full, "区级"), "县级"); lv != full && strings.HasPrefix(budgetName(lv), "一般公共预算收入") {
		full = budgetName(lv)
	}
	for _, sub := range []string{subject, full} {
		if def, ok := s.Lookup(sub); ok {
			return def
		}
	}
	// 科技型中小企业62家: a national recognition named without 国家.
	if def, ok := lookupNational(s, full); ok {
		return def
	}
	var best *reconcile.Indicator
	bestLen := 0
	for i := range s.Indicators {
		def := &s.Indicators[i]
		for _, name := range append([]string{def.Name}, def.Aliases...) {
			n := reconcile.NormalizeHeader(dropQuotes.Replace(name))
			for _, sub := range []string{subject, full} {
				at := strings.Index(sub, n)
				// 地方 before a series other than the budget revenue
				// (地方固定资产投资, 地方税收收入) restricts it to a local
				// part; the local budget revenue (地方一般预算收入) is the
				// budget's own.
				local := strings.HasSuffix(sub[:max(at, 0)], "地方") && !strings.Contains(n, "预算收入") && !strings.Contains(n, "财政收入")
				// 财税收入, 国税收入: a name ending in 收 before 入 is cut
				// from 收入, the revenue of the tax the words before name
				// (财税, 国税, 地税); 两税 (国税 and 地税 together) is all of it.
				cut := at >= 0 && strings.HasSuffix(n, "收") && strings.HasPrefix(sub[at+len(n):], "入") && !strings.HasSuffix(sub[:at], "两")
				// 税收千万级以上项目: the things a series' size sorts
				// (项目, 企业, 楼宇) are counted, not the series.
				if at < 0 || len(n) <= bestLen || local || cut || sector.MatchString(sub[:at]) || thingsSorted.MatchString(sub[at+len(n):]) || derived.MatchString(sub[:at]+sub[at+len(n):]) ||
					def.Unit.Base != "元" && amountOf.MatchString(sub[at+len(n):]) {
					continue
				}
				best, bestLen = def, len(n)
			}
		}
	}
	return best
}

// lookupNational finds an indicator by name or alias, also when one of the
// two names a national recognition (国家科技型中小企业, 国家高新技术企业)
// and the other leaves 国家 out, as reports usually do.
func lookupNational(s *reconcile.Spec, name string) (*reconcile.Indicator, bool) {
	if def, ok := s.Lookup(name); ok {
		return def, true
	}
	key := strings.ReplaceAll(reconcile.NormalizeHeader(name), "国家", "")
	for i := range s.Indicators {
		def := &s.Indicators[i]
		for _, n := range append([]string{def.Name}, def.Aliases...) {
			if strings.ReplaceAll(reconcile.NormalizeHeader(n), "国家", "") == key {
				return def, true
			}
		}
	}
	return nil, false
}

// contracted: words of an agreement (签约, 协议, 合同) in a subject.
var contracted = regexp.MustCompile(`签约|协议|合同`)

var (
	// derived series: per head, shares, rates, structure; what is used or
	// given off per unit of a series (万元GDP能耗, 单位地区生产总值二氧化碳
	// 排放) is an intensity, not the series.
	// A bracket right after the name that widens or narrows its scope
	// (一般公共预算收入（含某片区）, （不含农户）) makes another series.
	derived = regexp.MustCompile(`人均|户均|平均|占比|比重|比例|占|率|结构|密度|强度|能耗|排放|同口径|可比口径|[（(](不)?含|剔除|扣除`)
	// budgetWords: a name made only of the budget's words, in any order,
	// and 收入 (budgetName says which name the budget revenue).
	budgetWords = regexp.MustCompile(`^(?:一般|公共|财政|预算|本级|地方级|地方)+收入`)
	budgetOnly  = regexp.MustCompile(`^(?:一般|公共|财政|预算|本级|地方级|地方)+$`)
	// an amount of the things an indicator counts (规上企业总产值, 高新技术
	// 企业营业收入) is another series than their number.
	amountOf     = regexp.MustCompile(`^(总)?(产值|增加值|收入|营收|销售|营业|利润|税|投资|资产|贷款|存款|出口|进口|生产总值|总值|产量)`)
	thingsSorted = regexp.MustCompile(`.(项目|企业|楼宇|园区|商户|户|村)(数)?$`)
	// sector words that restrict a series to part of it, and levels of
	// government (镇级财政收入 is not the county's; 县本级固定资产投资 is
	// the county's own projects); a group of things (重点楼宇税收, 规上企业
	// 税收) holds a part of the series.
	// A bound before a name (500万元以上固定资产投资) restricts it to a
	// size class.
	// 州属, 县属, 市属 (owned by that level) restrict it the same way.
	sector = regexp.MustCompile(`(以上|[镇乡县区市村省州]本?级|楼宇|企业|园区|商户|[省市州县区镇乡]属|地方级|工业|农业|服务业|民间|房地产|基础设施|交通|技改|产业|项目|制造业|外贸|国有|私营|个体|第[一二三]产业|[一二三]产)$`)
)

// bareMagnitude: a unit that is only a multiplier (万, 亿, 千万, 万亿).
var bareMagnitude = regexp.MustCompile(`^(十|百|千)?(万|亿|万亿)$`)

// budgetName spells the budget revenue's names the same: a name of the
// budget's words alone that holds 预算 with 一般 or 公共 (一般公共预算收入, 公共财政预算收入 as
// it was called until 2014, 一般预算收入, 财政一般预算收入, 一般财政公共预算收入,
// 一般公共预算本级收入), 地方 with 公共 (地方公共财政收入) or 地方级 (地方级
// 财政收入, 一般预算地方级财政收入: the local level's, as some provinces name
// it). Not a bare 公共财政收入, which where both stand is the total, nor a
// 财政预算收入 (the whole budget's), nor a 总收入 (the total with the shares
// passed up).
func budgetName(s string) string {
	// 一般公共财政预算增长8%: the budget's words alone, no 收入 or 支出
	// after them, name its revenue, which is what such a figure states.
	if budgetOnly.MatchString(s) {
		if n := budgetName(s + "收入"); strings.HasPrefix(n, "一般公共预算收入") {
			return n
		}
		return s
	}
	m := budgetWords.FindString(s)
	words := strings.TrimSuffix(m, "收入")
	has := func(w string) bool { return strings.Contains(words, w) }
	general := has("一般") || has("公共") // the general budget, not the whole of a 财政预算
	if m == "" || !(has("预算") && general || has("地方") && has("公共") || has("地方级")) {
		return s
	}
	return "一般公共预算收入" + s[len(m):]
}

// Merge adds the report's claims to the spec's, leaving out those the spec
// already states: same line and value, or same indicator, period and value;
// or, for a figure the spec names no indicator for (its no_data claims,
// 投资近 850万元建设…智慧平安社区), same period, value, unit and
// qualifiers with the report's subject in the spec's text — such a claim
// has no indicator to match, and its line is that of the report the spec
// was written from, not of the one being read.
func Merge(spec, found []reconcile.Claim) []reconcile.Claim {
	out := append([]reconcile.Claim(nil), spec...)
	for _, f := range found {
		dup := false
		for _, c := range spec {
			sameLine := c.Line != 0 && c.Line == f.Line && c.Value.Equal(f.Value)
			sameFigure := c.Indicator != "" && c.Indicator == f.Indicator && c.Span == f.Span && c.Value.Equal(f.Value) && c.Unit == f.Unit
			sameUnmeasured := c.Indicator == "" && f.Indicator == "" && f.Subject != "" && c.Span == f.Span && c.Value.Equal(f.Value) &&
				c.Unit == f.Unit && slices.Equal(c.Qualifiers, f.Qualifiers) && strings.Contains(squeeze(c.Text), squeeze(f.Subject))
			if sameLine || sameFigure || sameUnmeasured {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, f)
		}
	}
	return out
}

// squeeze drops the spaces a PDF's text puts between words and figures.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// without returns qs without drop (qualifiers as the extractor writes them
// or as the domain names them).
func without[Q comparable](qs []Q, drop Q) []Q {
	var out []Q
	for _, q := range qs {
		if q != drop {
			out = append(out, q)
		}
	}
	return out
}

// Replacers built once (a strings.Replacer is costly to build and safe to share).
var dropQuotes = strings.NewReplacer("“", "", "”", "")
