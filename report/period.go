package report

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// period is what a passage speaks of: one year or a span, as fact or target.
type period struct {
	from, to int
	target   bool
	toDate   bool // the year so far (1-5月, 上半年, 截至6月20日), not all of it
}

func (p period) String() string {
	switch {
	case p.from == 0:
		return ""
	case p.from == p.to:
		return strconv.Itoa(p.from)
	}
	return strconv.Itoa(p.from) + "-" + strconv.Itoa(p.to)
}

// mark is a place where the text says what it speaks of from there on: a
// heading or phrase (a passage mark, up to the next one) or a time phrase
// that holds for the rest of its sentence (end > 0).
type mark struct {
	at, end int
	p       period
	aside   bool // a plan named inside a sentence that set targets
	phrase  int  // where the phrase of a passage mark ends
}

// A report says which year it reviews in a heading (2018年工作回顾), by the
// year it sets targets for (2019年主要预期目标), or by its date of delivery
// (early in the year after the one it reviews).
var (
	reviewHeading = regexp.MustCompile(`(\d{4})\s*年度?(的)?(政府|主要|全年|全` + ownArea + `)?工作(回顾|总结)|回顾了?\s*(\d{4})\s*年([^以\d]|$)`)
	targetHeading = regexp.MustCompile(`(\d{4})\s*年度?(的)?([全我]` + ownArea + `|[,，]?\p{Han}{1,5}?(?:区|县|市|镇|乡|旗|街道))?(经济社会发展|经济和社会发展|国民经济和社会发展)?(的)?(主要)?(预期)?(目标|` + planNoun + `|重点工作|政府工作)`)
	deliveryDate  = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})-(\d{2})-(\d{2})`)
	anyYear       = regexp.MustCompile(`(\d{4})\s*年`)
	wholeYear     = regexp.MustCompile(`(\d{4})\s*年全年|预计[^。；;\d从由比较]{0,12}(\d{4})\s*年`)
	goalYear      = regexp.MustCompile(`(\d{4})\s*年[^。；;\d]{0,20}目标\s*(是|为|：|:)`)
	// budgetRun: the budget or plan report heard with the work report names
	// the year whose budget or plan was carried out (2019年财政预算执行情况,
	// 2019年国民经济和社会发展计划执行情况), the year the session looks back on.
	horizon      = regexp.MustCompile(`(到|至|在)\s*$`)
	partReview   = regexp.MustCompile(`(\d{4})\s*年\s*(上半年|前三季度|一季度|第一季度|1\s*[-—－至]\s*\d{1,2}\s*月份?)的?(政府|主要)?工作(总结|回顾|情况)`)
	partReviewOf = regexp.MustCompile(`(^|[^\d年])(上半年|前三季度|一季度|第一季度|1\s*[-—－至]\s*\d{1,2}\s*月份?)的?(政府|主要)?工作(总结|回顾|完成情况)`)
	titleYear    = regexp.MustCompile(`(\d{4})\s*年[^。，,；;：:\d\s]{0,12}政府工作报告`)
	// titleYearAfter: the title's year in brackets after it, as papers and
	// portals print it (政府工作报告（2022年）; the title letter-spaced, 政 府
	// 工 作 报 告(2022年)).
	titleBracket   = regexp.MustCompile(`报\s*告\s*[(（]\s*$`) // the year of 政府工作报告（2022年）
	titleYearAfter = regexp.MustCompile(`政\s*府\s*工\s*作\s*报\s*告\s*[(（]\s*(\d{4})\s*年\s*[)）]`)
	// yearRunning: the text reads the year as still running: estimates of
	// its end (预计到年末, 预计全年), the year so far (今年以来), or an
	// account of this year's work done (本年度重点工作完成情况, 本年度工作总结).
	yearRunning = regexp.MustCompile(`预计到?年[末底]|预计全年|今年以来|本年度[^。；;，,\d]{0,8}(完成情况|总结|回顾)`)
	// yearRunningNow: as yearRunning, without 预计全年, which a report
	// early in a year says of the year before too.
	yearRunningNow = regexp.MustCompile(`预计到?年[末底]|今年以来|本年度[^。；;，,\d]{0,8}(完成情况|总结|回顾)`)
	budgetRun      = regexp.MustCompile(`(\d{4})\s*年[^。；;，,\d]{0,14}(预算|计划)执行`)
)

// planNoun: what a heading of targets is headed by — a noun of planning
// after the words saying whose or of what it is: 工作安排, 发展思路, 总体思路,
// 主要任务, 工作的总体要求. A bare 计划 or 任务 after a year is not one
// (2019年计划投资: a figure's own plan).
const planNoun = `(?:(?:工作|发展|总体|主要)的?)+(?:目标|安排|任务|思路|打算|计划|设想|部署|要求|重点)`

// years finds the year the report reviews and the year it was delivered
// (0 when the text does not say).
func (x *extractor) years() (review, delivered int) {
	d := x.decideYears()
	return d.review, d.delivered
}

// evidence is what decided the year a report reviews. The evidence a
// careful reader weighs, strongest first, in the order decideYears tries it:
//
//  1. a heading reviewing part of a year (2022年上半年工作情况, 上半年工作
//     总结 under a date after that part): the year so far;
//  2. a heading reviewing a named year (一、2018年工作回顾, 回顾2018年工作,
//     2020年和“十三五”工作回顾);
//  3. the session's date (——2019年1月8日在…大会上; 在…会议上 县长某某
//     2020年1月8日; 2021年2月在…会议上; the printed date line, 2016年11月2日
//     某某⏎（…人民代表大会第一次会议上）, or a date right before 各位代表):
//     the year before, or that year when delivered from October on;
//  4. a heading setting a named year's targets (2019年主要预期目标, 2019年
//     工作安排): the year before it;
//  5. a year stated whole or estimated (2017年全年, 预计2017年), the budget
//     or plan carried out (2019年财政预算执行情况), a year's goals where they
//     are set (2018年…目标是：);
//  6. the draft of a five-year plan reviewed with the report (请连同《…第
//     十四个五年规划…纲要（草案）》一并审议): the plan's first year, the
//     year before reviewed;
//  7. a title's year (某县2020年政府工作报告): the year it plans, the one
//     before reviewed — unless the body states that year's results without
//     planning it (2015年政府工作报告 over 2015年，全市实现…: the year it
//     reports on) or names it more than the year before (namedYears,
//     titles aside), or reads it as running (今年以来, 预计到年末; not
//     预计全年, nor 今年以来 after the year before stated);
//  8. the tense of the sentences a year opens (yearTense): planned (2025年，
//     全镇将…; 2025年是…，做好今年工作; a year whose targets are set)
//     against stated (2024年，…增长4.5%; 预计2020年实现…);
//  9. a page's date of posting (某网 2023-04-11 09:15, 发布日期): weakest, as
//     pages are reposted years later;
//  10. the latest year stated with results (latestStated): a year whose
//     sentence has a figure and a verb of result and does not plan, twice
//     or more and more often than it is planned;
//  11. the year the text names most, no date's (2016年2月26日) nor a span's
//     start (2016年以来) nor a base compared against (是2011年的1.5倍) nor a
//     report title's unless it is the only one; a year in a sentence that
//     plans counts for the one before.
//
// The evidence is weighed together as well (decideYears): a year read by
// more of it outweighs the first in order, and a reading on weak or
// contradictory evidence is marked.
//
// With none of these the year is 0: periods stay blank (tally extract asks
// for --year) rather than count from a guess.
//
// A session's day without its year (12月25日，…会议开幕) gives the month:
// from October, the report is delivered in the year it reviews.
type evidence string

const (
	byNone          evidence = ""
	byPartReview    evidence = "part-year review heading"
	byReviewHeading evidence = "review heading"
	bySessionDate   evidence = "session date"
	byPageDate      evidence = "page date"
	byTargetHeading evidence = "target heading"
	byTense         evidence = "tense of a year's sentences"
	byWholeYear     evidence = "a year stated whole or estimated"
	byBudgetRun     evidence = "budget or plan carried out"
	byGoalYear      evidence = "a year's goals"
	byPlanDraft     evidence = "draft of a five-year plan"
	byTitleYear     evidence = "title year"
	byStatedYear    evidence = "latest year stated with results"
	byMostNamed     evidence = "year named most"
)

// yearDecision is the year a report reviews, the year it was delivered
// (今年; 0 when not known), the month of delivery and what decided them.
type yearDecision struct {
	review, delivered, month int
	by                       evidence
}

// decideYears decides the year the report reviews from the evidence in
// its text (see evidence), saying which decided; it sets x.month.
//
// The evidence is weighed together, not only taken in its order: each
// evidence is read alone (alone), and a year is weighed by the evidence
// reading it (weigh). The first evidence in order decides (chainYears)
// unless another year weighs more; then the evidence reading other years
// is left aside and the rest decides in order. The reading is weak when
// only weak evidence reads the year decided (weakReading), contested when
// another year weighs half as much or more and some evidence on either
// side is not weak (x.contested; x.against says what reads which): tally
// extract says so and asks for --year.
func (x *extractor) decideYears() yearDecision {
	first := x.chainYears()
	x.against, x.contested, x.weak = nil, false, false
	if first.review == 0 {
		return first
	}
	a := x.alone()
	if _, ok := a[first.by]; !ok {
		// What decided may read nothing alone, read with another
		// evidence (上半年工作总结 under a page's date, the date giving the
		// year): it counts as it decided.
		a[first.by] = first
	}
	score := weigh(a)
	win := first.review
	for _, y := range sortedYears(score) {
		if score[y] > score[win] {
			win = y // the earlier of a tie, for one answer
		}
	}
	d := first
	if win != first.review {
		skip := x.skip
		x.skip = map[evidence]bool{}
		for e, b := range skip {
			x.skip[e] = b
		}
		for e, r := range a {
			if r.review != win {
				x.skip[e] = true
			}
		}
		d = x.chainYears()
		x.skip = skip
		if d.review != win {
			for _, e := range YearEvidences() {
				if r, ok := a[evidence(e)]; ok && r.review == win {
					d = r
					break
				}
			}
		}
	}
	x.weak = true
	strong := false // any evidence naming a year in a role, on either side
	for e, r := range a {
		strong = strong || !weakReading(e, r)
		switch {
		case r.review != d.review:
			if x.against == nil {
				x.against = map[evidence]int{}
			}
			x.against[e] = r.review
			if 2*score[r.review] >= score[d.review] {
				x.contested = true
			}
		case !weakReading(e, r):
			x.weak = false
		}
	}
	// Weak evidence against weak evidence is no contest: the reading is
	// weak, and said so (a title's year read as planned and, by the year
	// named most, as reviewed are one mention read two ways).
	x.contested = x.contested && strong
	if _, ok := a[d.by]; !ok && !weakReading(d.by, d) {
		x.weak = false // decided, when outvoted, by what reads nothing alone
	}
	x.month = d.month
	return d
}

// weigh is the weight of each year read by the evidence read alone: the
// evidence that names a year in a role (yearWeight) adds its weight; the
// weak evidence (weakReading) adds 1 in all, however many of it read the
// year, as it reads the same years the body names (the title's year, the
// tense of the sentences a year opens and the year named most count the
// same mentions).
func weigh(a map[evidence]yearDecision) map[int]int {
	score, weak := map[int]int{}, map[int]bool{}
	for e, d := range a {
		if weakReading(e, d) {
			weak[d.review] = true
			continue
		}
		score[d.review] += yearWeight[e]
	}
	for y := range weak {
		score[y]++
	}
	return score
}

// weakReading: the reading names no year as the one reviewed — weak
// evidence (weakEvidence), or a session's date from April to September,
// which is a session delayed into the year after the one it reviews (as
// many were in 2020) or a mid-year session reviewing the year so far: the
// date alone cannot tell which.
func weakReading(e evidence, d yearDecision) bool {
	return weakEvidence[e] || e == bySessionDate && d.month >= 4 && d.month <= 9
}

// sortedYears are the keys of m, earliest first.
func sortedYears(m map[int]int) []int {
	var ys []int
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// yearWeight is how much each evidence that names a year in a role weighs
// when the evidence read alone disagrees: a heading reviewing a year or
// setting the next year's targets, the session's date and a plan's draft
// most; a year stated whole, a budget carried out or a year's goals less.
var yearWeight = map[evidence]int{
	byPartReview: 3, byReviewHeading: 3, bySessionDate: 3, byTargetHeading: 3, byPlanDraft: 3,
	byWholeYear: 2, byBudgetRun: 2, byGoalYear: 2,
}

// resultVerb: a verb a result is stated by (实现…亿元, 完成投资…, 增长8%).
var resultVerb = regexp.MustCompile(`实现|完成|达到|达|增长|下降|新增|累计|突破|同比|比上年`)

// latestStated is the latest year the text states results of: a year
// (not a date's, a span's start nor a base compared against) whose
// sentence, from the year on, has a figure and a verb of result and does
// not plan (planWord, goalPhrase), at least twice and more often than it
// is planned; a year reached to (到2025年, 至2020年底) is a horizon, neither.
// A report reviews the latest year whose results it gives: it names the
// year after only to plan it, and earlier years as a span's. 0 when none.
func (x *extractor) latestStated() int {
	stated, planned := map[int]int{}, map[int]int{}
	for _, loc := range anyYear.FindAllStringSubmatchIndex(x.s, -1) {
		y := y4(x.s[loc[2]:loc[3]])
		if y < 1990 || y > 2100 || dayAfter.MatchString(x.s[loc[1]:min(len(x.s), loc[1]+12)]) {
			continue
		}
		before := x.s[max(0, loc[0]-6):loc[0]]
		if comparedYear.MatchString(before) || horizon.MatchString(before) {
			continue
		}
		at := x.byteRune[loc[0]]
		if x.breadcrumb(at) || strings.Contains(x.str(x.byteRune[loc[1]], x.byteRune[loc[1]]+16), "工作报告") {
			continue
		}
		rest := x.str(x.byteRune[loc[1]], x.sentenceEnd(at))
		switch {
		case planWord.MatchString(rest) || goalPhrase.MatchString(rest):
			planned[y]++
		case strings.ContainsAny(rest, "0123456789") && resultVerb.MatchString(rest):
			stated[y]++
		}
	}
	best := 0
	for y, n := range stated {
		if n >= 2 && n > planned[y] && y > best {
			best = y
		}
	}
	return best
}

// alone is what each evidence not left aside reads by itself, every other
// evidence left aside, by evidence; an evidence that does not fire on the
// text is absent. x.skip and x.month are as they were.
func (x *extractor) alone() map[evidence]yearDecision {
	skip, month := x.skip, x.month
	defer func() { x.skip, x.month = skip, month }()
	out := map[evidence]yearDecision{}
	for _, e := range YearEvidences() {
		if skip[evidence(e)] {
			continue
		}
		x.skip = map[evidence]bool{}
		for _, o := range YearEvidences() {
			x.skip[evidence(o)] = o != e
		}
		x.month = 0
		if d := x.chainYears(); d.by == evidence(e) && d.review != 0 {
			out[d.by] = d
		}
	}
	return out
}

// chainYears decides by the first evidence that fires, in the order of
// evidence, x.skip left aside.
func (x *extractor) chainYears() yearDecision {
	var review, delivered int
	by := byNone
	head := x.s
	if n := len(x.t.runes); n > 0 {
		// The date of delivery stands at the head, before the body.
		head = x.str(0, min(n, max(1500, n/10)))
	}
	done := func(r, d int, e evidence) yearDecision {
		if by == byPageDate && e != byPageDate {
			// The page's date where other evidence decided: its year
			// and month hold only when they fit the year decided.
			switch {
			case d == 0 && (delivered == r+1 || delivered == r && x.month >= 10):
				d = delivered
			case d != delivered:
				x.month = 0
			}
		}
		if x.month == 0 && (d == r+1 || d == 0 && r > 0) {
			// 12月25日，某区第八届人民代表大会第五次会议开幕 over the
			// 2020 report's targets: a session's day without its year,
			// late in the year before the one planned, is that year's
			// (the year reviewed; 今年 is the year still running).
			if mo := sessionDay(head); mo >= 10 {
				x.month, d = mo, r
			} else if mo > 0 {
				x.month = mo
			}
		}
		return yearDecision{r, d, x.month, e}
	}
	m, session := x.deliveryDate(head)
	if m != nil && m[1] == "" {
		m = []string{m[0], m[4], m[5], m[6]}
	}
	if s := sessionMonth.FindStringSubmatch(head); m == nil && s != nil {
		m, session = []string{s[0], s[1], s[2], ""}, true // （2021年2月在…大会上）: the month is enough
	}
	if at := strings.Index(head, m0(m)); m != nil && !session && at >= 0 && postedAt.MatchString(head[at+len(m[0]):]) {
		// 日期:2025-12-28 14:41:45 over a session whose headings review 2016
		// or set 2017's targets: a page's time of posting later than the
		// year after the one its headings review is a repost's, not the
		// session's; the text decides (a text without such a heading has
		// only the page's date).
		if y, _ := strconv.Atoi(m[1]); reviewed(x.headingReview(), y) {
			m = nil
		}
	}
	if m != nil && !(x.skip[bySessionDate] && session) && !(x.skip[byPageDate] && !session) {
		by = byPageDate
		if session {
			by = bySessionDate
		}
		y, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		delivered = y
		x.month = month
		review = y - 1
		switch {
		case month >= 10 && (session || !x.namesOnlyBefore(y)):
			review = y // a report at the year's end reviews that year
		case month >= 10:
			x.month = 0 // a repost's month, not the session's
		}
	}
	// 2023年上半年工作总结: a review of part of a year, read while it runs.
	if m := partReview.FindStringSubmatch(x.s); m != nil && !x.skip[byPartReview] {
		y, _ := strconv.Atoi(m[1])
		if delivered == 0 || delivered == y {
			return done(y, y, byPartReview)
		}
	}
	// 上半年工作总结 without its year, dated: the part of the year it was
	// dated in (a date before that part ended is no such review's).
	if m := partReviewOf.FindStringSubmatch(x.s); m != nil && !x.skip[byPartReview] && delivered != 0 && x.month > toDateEnd(m[2]) {
		return done(delivered, delivered, byPartReview)
	}
	m = reviewHeading.FindStringSubmatch(x.s)
	if m == nil {
		// 2020年和“十三五”工作回顾, 2019年和今年以来工作回顾: the year
		// reviewed and, joined to it, a span or the months since.
		if j := reviewJoined.FindStringSubmatch(x.s); j != nil {
			m = []string{j[0], j[1], "", "", "", ""}
		}
	}
	if m != nil && !x.skip[byReviewHeading] {
		if m[1] == "" {
			m[1] = m[5]
		}
		review, _ = strconv.Atoi(m[1])
		if delivered > review+1 || delivered != 0 && delivered < review {
			// 某网 2024-05-06 over a review of 2019: the date is the page's
			// posting, not the session's, which was early the next year.
			delivered, x.month = review+1, 0
		}
		if by == byPageDate && delivered == review+1 && yearStillRuns.MatchString(x.s) {
			// 时间:2024-10-08 over 2023年工作完成情况 and 今年以来，街道…:
			// a text written while the year it reviews ran, posted the
			// next year; 今年 is the year reviewed.
			delivered, x.month = review, 0
		}
		return done(review, delivered, byReviewHeading)
	}
	// 今年上半年，全镇… opening a paragraph of a text dated after June
	// with no review heading (a mid-year session's news): the half-year
	// so far, reviewed.
	if delivered != 0 && x.month >= 7 && !x.skip[byPartReview] && x.halfOpensParagraph() {
		return done(delivered, delivered, byPartReview)
	}
	if review != 0 && by == bySessionDate {
		return done(review, delivered, by)
	}
	for _, loc := range targetHeading.FindAllStringSubmatchIndex(x.s, -1) {
		if x.skip[byTargetHeading] {
			break
		}
		if x.s[loc[16]:loc[17]] == "政府工作" || x.inQuote(x.byteRune[loc[0]]) {
			continue // a title; 结合“某区2022年发展目标任务”: a document's name
		}
		y, _ := strconv.Atoi(x.s[loc[2]:loc[3]])
		if strings.Contains(x.s, "今年以来") {
			// 二、2024年工作计划 over 今年以来…: written at the end of the
			// year before the one it plans, which it reviews (预计全年 alone
			// is said early in a year of the year before too).
			return done(y-1, y-1, byTargetHeading)
		}
		return done(y-1, y, byTargetHeading)
	}
	// A news digest of the report may have neither heading nor date: a
	// year stated as a whole or as estimated (2017年全年…, 初步预计，2017年…)
	// is the year reviewed; a year whose sentence sets a goal (2018年，全区
	// 定下的目标：…) is the year targeted, after the one reviewed.
	if m := wholeYear.FindStringSubmatch(x.s); m != nil && !x.skip[byWholeYear] {
		y, _ := strconv.Atoi(m[1] + m[2])
		return done(y, 0, byWholeYear)
	}
	if m := budgetRun.FindStringSubmatch(x.s); m != nil && !x.skip[byBudgetRun] {
		y, _ := strconv.Atoi(m[1])
		return done(y, 0, byBudgetRun)
	}
	for _, loc := range goalYear.FindAllStringSubmatchIndex(x.s, -1) {
		if x.skip[byGoalYear] {
			break
		}
		// 到2035年基本实现…远景目标: a horizon, not the year targeted next.
		if horizon.MatchString(x.s[max(0, loc[0]-6):loc[0]]) || strings.Contains(x.s[loc[0]:loc[1]], "远景") {
			continue
		}
		y, _ := strconv.Atoi(x.s[loc[2]:loc[3]])
		return done(y-1, y, byGoalYear)
	}
	// 请连同《…第十三个五年规划纲要（草案）》一并审议, 审查…第十五个五年规划
	// 纲要草案: the draft of a five-year plan goes before the sessions early
	// in the plan's first year, which review the year before (the last of
	// the plan before).
	// (完成“十四五”规划纲要草案编制, in a review of the year before the
	// plan: a draft written, not one the session reviews, which a word of
	// review in its sentence says: 审议, 审查, 连同, 提请, 提交.)
	for _, loc := range planDraft.FindAllStringSubmatchIndex(x.s, -1) {
		if x.skip[byPlanDraft] {
			break
		}
		at := x.byteRune[loc[0]]
		if !draftReviewed.MatchString(x.str(x.sentenceStart(at), x.sentenceEnd(at))) {
			continue
		}
		num := ""
		for _, g := range []int{4, 6} {
			if loc[g] >= 0 {
				num = x.s[loc[g]:loc[g+1]]
			}
		}
		if from := plans[num]; from > 0 {
			return done(from-1, from, byPlanDraft)
		}
	}
	// A title naming the year the report was presented in (某县2020年政府
	// 工作报告): it reviews the year before, unless the year is still
	// running as it speaks (预计到年末, 今年以来: read at the year's end).
	m = titleYear.FindStringSubmatch(head)
	if m == nil {
		m = titleYearAfter.FindStringSubmatch(head)
	}
	if m != nil && !x.skip[byTitleYear] {
		y, _ := strconv.Atoi(m[1])
		// 预计全年 is said early in a year of the year before as well as
		// at the end of a year of that year: no sign the year runs.
		// (某县2020年政府工作报告 of June over 2019年和今年以来工作回顾: the
		// year before stated, the year so far after it, reviews the year
		// before.)
		named := x.namedYears(false)
		planned, stated := x.tenses()
		if yearRunningNow.MatchString(x.s) && !stated[y-1] && named[y-1] <= named[y] {
			return done(y, y, byTitleYear)
		}
		// The title names the report's year (某县2020年政府工作报告, the
		// year it plans) or the year it reports on (2015年政府工作报告
		// delivered in 2016): the body's tense tells which — its year
		// stated with figures and not planned is the year reviewed —, or
		// else the year the body (titles aside) names more of the two, a
		// year planned counting for the one before (2015年工作情况 twice
		// under 2015年政府工作报告; 2022年底将实现… under 2022年政府工作报告).
		if stated[y] && !planned[y] || planned[y+1] && !planned[y] {
			return done(y, y+1, byTitleYear)
		}
		if named[y] > named[y-1] {
			return done(y, y+1, byTitleYear)
		}
		return done(y-1, y, byTitleYear)
	}
	if r, d, ok := x.yearTense(); ok && !x.skip[byTense] {
		return done(r, d, byTense)
	}
	if review != 0 {
		return done(review, delivered, by)
	}
	// Else the year the text speaks of most (the later of a tie): a
	// review names its year again and again.
	// Titles aside (某区2019年政府工作报告 names the year it plans as often
	// as the one it reviews), unless a title's is the only year named
	// (某街道2019年工作报告 over 今年以来…).
	count := x.spokenYears()
	if len(count) == 0 {
		count = x.yearsNamed(true, false)
	}
	if y := x.latestStated(); y != 0 && !x.skip[byStatedYear] {
		return done(y, 0, byStatedYear)
	}
	best := 0
	for y, n := range count {
		if n > count[best] || n == count[best] && y > best {
			best = y
		}
	}
	if best != 0 && !x.skip[byMostNamed] {
		return done(best, 0, byMostNamed)
	}
	return done(0, 0, byNone)
}

// namesOnlyBefore: the text names the year before y (as namedYears counts,
// titles aside) and never y, nor reads a year as running (今年以来, 预计
// 全年). A page posted late in y over such a text is a repost of a report
// delivered early in y, reviewing the year before (a page of 2020-11-30
// over 2019年…迈出坚实步伐 and 预计实现…): a report at the end of y, reviewing
// y, would name it or read it as running.
func (x *extractor) namesOnlyBefore(y int) bool {
	named := x.namedYears(false)
	if named[y-1] == 0 || named[y] > 0 || yearRunning.MatchString(x.s) {
		return false
	}
	// 一年来…比2018年增长7% at the end of 2019: a year compared against
	// is no year the text speaks of.
	for _, loc := range anyYear.FindAllStringSubmatchIndex(x.s, -1) {
		if x.s[loc[2]:loc[3]] == strconv.Itoa(y-1) && !comparedPlan.MatchString(x.s[max(0, loc[0]-6):loc[0]]) {
			return true
		}
	}
	return false
}

// breadcrumbLine: a copied web page's navigation path (首页 > 专题专栏 >
// 2020年某市两会 > 解读报告): two separators or more on the line.
var breadcrumbLine = regexp.MustCompile(`[>»][^>»\n]*[>»]`)

// breadcrumb tells whether the character at rune i stands on a
// navigation line (the line it came from, as the copy set it).
func (x *extractor) breadcrumb(i int) bool {
	ls := x.t.lines
	start, end := i, i
	for start > 0 && ls[start-1] == ls[i] {
		start--
	}
	for end < len(ls) && ls[end] == ls[i] {
		end++
	}
	return breadcrumbLine.MatchString(string(x.t.runes[start:end]))
}

// namedYears counts the years the text names, by the year each speaks
// for: not a date's (2016年2月26日) nor a span's start (2016年以来); a year
// in a sentence that plans or sets goals, or heading targets, counts for
// the one before. With titles false, a year naming a report (2015年政府
// 工作报告) is left out.
func (x *extractor) namedYears(titles bool) map[int]int { return x.yearsNamed(titles, true) }

// spokenYears counts the years as namedYears does, titles aside, leaving
// out as well a year that is the base a figure is compared against (是2011
// 年的1.5倍, 从2015年的…提高到): a five-year review names its first year's
// base as often as the year it reviews. (A title's year weighed against
// the year before counts bases too: 比2019年 speaks of the year compared.)
func (x *extractor) spokenYears() map[int]int { return x.yearsNamed(false, false) }

func (x *extractor) yearsNamed(titles, bases bool) map[int]int {
	count := map[int]int{}
	for _, loc := range anyYear.FindAllStringSubmatchIndex(x.s, -1) {
		y, _ := strconv.Atoi(x.s[loc[2]:loc[3]])
		if y < 1990 || y > 2100 || dayAfter.MatchString(x.s[loc[1]:min(len(x.s), loc[1]+12)]) {
			continue // 2016年2月26日, 2016年以来: a date or a span's start, not a year spoken of
		}
		at := x.byteRune[loc[0]]
		if x.breadcrumb(at) {
			continue // 首页 > 专题 > 2020年某市两会 > 解读: the site's navigation, not the text
		}
		if !bases && comparedYear.MatchString(x.s[max(0, loc[0]-6):loc[0]]) {
			continue // 是2011年的1.5倍, 从2015年的…提高到: the base compared against, not a year spoken of
		}
		if !titles && (strings.Contains(x.str(x.byteRune[loc[1]], x.byteRune[loc[1]]+16), "工作报告") || titleBracket.MatchString(x.s[max(0, loc[0]-12):loc[0]])) {
			continue
		}
		rest := x.str(x.byteRune[loc[1]], x.sentenceEnd(at))
		if horizonTo.MatchString(x.s[max(0, loc[0]-4):loc[0]]) && aheadPhrase.MatchString(x.str(x.sentenceStart(at), at)) {
			y -= 5 // 今后五年…目标是：到2025年，…: the next five years' horizon, five after the year reviewed
		} else if planWord.MatchString(rest) || goalPhrase.MatchString(rest) {
			y-- // 2022年底将实现…, 2024年…主要预期目标是: a year planned speaks for the one before
		} else if m := targetHeading.FindStringSubmatchIndex(x.s[loc[0]:min(len(x.s), loc[0]+120)]); m != nil && m[0] == 0 && x.s[loc[0]+m[16]:loc[0]+m[17]] != "政府工作" && !x.inQuote(at) {
			y-- // 2022年预期目标, 2022年工作安排: so does a year whose targets are set
		}
		count[y]++
	}
	return count
}

// halfOpens: the first half of a year opening a paragraph as its topic
// (今年上半年，…; 上半年以来，…; 1-6月，…).
var halfOpens = regexp.MustCompile(`^(今年)?(上半年|1\s*[-—－至]\s*6\s*月份?)(以来)?[，,]`)

// halfOpensParagraph tells whether a paragraph opens with halfOpens, or
// the text right after a page's date or time (a date line without a stop
// runs into the paragraph under it: 26.07.2016 03:41 今年上半年，…); not
// any sentence (上半年，… inside a review of the year before).
func (x *extractor) halfOpensParagraph() bool {
	for i := 0; i < len(x.t.runes); i++ {
		if i > 0 && !x.t.breaks[i] && !halfAfterTime.MatchString(x.str(max(0, i-10), i)) {
			continue
		}
		if j := x.skipSpaces(i); halfOpens.MatchString(x.str(j, j+12)) {
			return true
		}
	}
	return false
}

// halfAfterTime: a page's date or time of posting right before (03:41,
// 2016-07-26, 26.07.2016, 7月26日).
var halfAfterTime = regexp.MustCompile(`(\d{1,2}:\d{2}(:\d{2})?|\d[-/.]\d{1,2}|\d{1,2}\.\d{4}|\d日)\s*$`)

// horizonTo: what stands before the year a plan reaches to (到2025年).
var horizonTo = regexp.MustCompile(`(到|至)\s*$`)

// comparedYear: what stands before a year that is the base a figure is
// compared against (比2015年增长, 是2011年的1.5倍, 从2015年的…提高到,
// 由2010年的…增加到): comparedPlan's words and those of a change from;
// or the horizon a plan reaches to (到2035年, 至2025年): neither is a
// year the text speaks of.
var comparedYear = regexp.MustCompile(`(是|比|较|相比|与|同|为|从|由)\s*$`)

// yearOpens: a year opening a sentence or a clause (2024年，全镇…;
// 韩某指出，2025年是…), not a date (2024年3月), a range (2024—2025年), a
// span (2024年以来) or a year's part (2024年底).
var (
	yearOpens = regexp.MustCompile(`(\d{4})\s*年([^\d月以底末初度至到—–\-~～]|$)`)
	// planWord: a sentence planning (将, 力争, 争取) or naming the year
	// it speaks in (今年; not 今年以来, the year so far). Not 要 (要求,
	// 主要, 重要) nor 确保 (确保了…: done).
	planWord = regexp.MustCompile(`将|力争|争取|今年([^以]|$)`)
)

// yearTense reads the years that open sentences by their tense: a year
// whose sentence plans (2025年，全镇将…; 2025年是…，做好今年工作…) is the
// year of delivery, one whose sentence states figures without planning
// (2024年，全镇实现…增长4.5%) a year reviewed. A planned year P decides:
// the year reviewed is P−1 (P while the text reads P as running: 今年以来,
// 预计全年); a stated year S decides only with P = S+1 or with no plan at
// all, when it is the only year so stated. ok is false when no year opens
// a sentence with either tense.
func (x *extractor) yearTense() (review, delivered int, ok bool) {
	planned, stated := x.tenses()
	if len(planned) == 1 {
		for p := range planned {
			if yearRunning.MatchString(x.s) && !stated[p-1] {
				return p, p, true
			}
			return p - 1, p, true
		}
	}
	if len(planned) == 0 && len(stated) == 1 {
		for s := range stated {
			return s, 0, true
		}
	}
	return 0, 0, false
}

// tenses are the years that open sentences which plan, and those which
// state figures without planning (see yearTense).
func (x *extractor) tenses() (planned, stated map[int]bool) {
	planned, stated = map[int]bool{}, map[int]bool{}
	for _, loc := range yearOpens.FindAllStringSubmatchIndex(x.s, -1) {
		i := x.byteRune[loc[2]]
		// 预计2020年实现144亿元: a year's result estimated is stated, wherever
		// in its sentence.
		estimate := x.str(i-2, i) == "预计"
		if i > 0 && !x.t.breaks[i] && x.t.lines[i] == x.t.lines[i-1] && !strings.ContainsRune("。！？!?，,：:；; ", x.at(i-1)) && !estimate {
			continue // inside a clause: 比2023年, 获评2023年度
		}
		if i-x.sentenceStart(i) > 20 {
			continue // a year deep inside a sentence is not what it speaks of
		}
		y := y4(x.s[loc[2]:loc[3]])
		rest := x.str(x.byteRune[loc[3]], x.sentenceEnd(i))
		if strings.Contains(string([]rune(rest)[:min(len([]rune(rest)), 16)]), "工作报告") {
			continue // 2020年某县政府工作报告(全文14447字): a title, no tense
		}
		switch {
		case estimate:
			stated[y] = true
		case planWord.MatchString(rest) || goalPhrase.MatchString(rest):
			// 2024年经济社会发展主要预期目标是：地区生产总值增长7.6%: a
			// year whose targets are set is planned, figures or not.
			planned[y] = true
		case yearDescribed.MatchString(rest):
			// 2024年是…成立75周年, 2021年，是…开局之年: the year described,
			// in its review or its plan alike; no tense.
		case strings.ContainsAny(rest, "0123456789") || resultsWon.MatchString(rest):
			// 2025年我县取得了哪些成绩？: a year's results spoken of
			// without a figure are stated as well.
			stated[y] = true
		}
	}
	return planned, stated
}

// resultsWon: a year's sentence naming the results won in it (2025年我县
// 取得了哪些成绩？, 2025年取得的成效).
var resultsWon = regexp.MustCompile(`取得(了)?[^。！？!?，,]{0,8}(成绩|成就|成效|进展)`)

// yearDescribed: a year's sentence that says what the year is (2024年是…,
// 2021年，是…之年).
var yearDescribed = regexp.MustCompile(`^年[，,]?\s*是`)

// dayAfter: what makes a year no year spoken of: the month of a date
// (2016年2月26日) or a span's start (2016年以来).
var dayAfter = regexp.MustCompile(`^\s*(\d{1,2}\s*月|以来|至今)`)

// reviewJoined: a review heading of a year joined to another part
// (2020年和“十三五”工作回顾, 2016年和过去五年工作回顾, 2019年和今年以来工作
// 回顾): its year is the year reviewed. Not a passage mark: the part after
// 和 (a span) marks its own passage.
var reviewJoined = regexp.MustCompile(`(\d{4})\s*年度?和[^。，,；;：:\d]{1,10}?工作(回顾|总结)`)

// sessionDayRe: a session's day without its year, as a news report of it
// opens (12月25日，某区第八届人民代表大会第五次会议开幕; 3月3日，某镇…会议召开).
// A session lasting days gives them as a range (12月28日-29日, 3月2日至5日).
var sessionDayRe = regexp.MustCompile(`(^|[^\d年])(\d{1,2})\s*月\s*\d{1,2}\s*日(\s*[-—–－至到~～]\s*\d{1,2}\s*日?)?[^。！？\d]{0,40}?(会议|大会)`)

// sessionDay is the month of the session's day in head without its year
// (sessionDayRe), 0 when head has none.
func sessionDay(head string) int {
	m := sessionDayRe.FindStringSubmatch(head)
	if m == nil {
		return 0
	}
	mo, _ := strconv.Atoi(m[2])
	if mo < 1 || mo > 12 {
		return 0
	}
	return mo
}

// sameDaySession: a page's date (2022年02月24日10:43) whose month and day
// are the session's day the text gives without its year (2月24日，…第一次
// 会议开幕): a news report of the session's own day, dated by it.
func sameDaySession(head string, m []string) bool {
	if len(m) < 4 || m[2] == "" || m[3] == "" {
		return false
	}
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	for _, d := range sessionDayOf.FindAllStringSubmatch(head, -1) {
		if mo, _ := strconv.Atoi(d[2]); mo == month {
			if da, _ := strconv.Atoi(d[3]); da == day {
				return true
			}
		}
	}
	return false
}

// sessionDayOf: a session's day without its year, month and day captured.
var sessionDayOf = regexp.MustCompile(`(^|[^\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日[^。！？\d]{0,40}?(会议|大会)`)

// sessionMonth: a session's date given by year and month only (2021年2月在
// 某县第十七届人民代表大会第五次会议上).
var sessionMonth = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*[在于][^。！？]{0,40}(会议|大会)`)

// reviewed: a page posted in year y is a repost's of a text whose headings
// review year r (0: none) when y is later than the year after r.
func reviewed(r, y int) bool { return r > 0 && y > r+1 }

// m0 is a match's whole text, "" for none.
func m0(m []string) string {
	if m == nil {
		return ""
	}
	return m[0]
}

// postedAt: a time of day right after a date, as a page stamps its
// posting (2025-12-28 14:41:45).
var postedAt = regexp.MustCompile(`^\s*\d{1,2}:\d{2}`)

// headingReview is the year the text's headings review: a review heading's
// year (2016年工作回顾), else the year before a target heading's (2017年工作
// 安排); 0 when it has neither. A target heading quoted as a document's
// name counts here: it dates the text all the same (结合“某区2022年发展目标
// 任务” under a page of 2024 is a repost).
func (x *extractor) headingReview() int {
	if m := reviewHeading.FindStringSubmatch(x.s); m != nil {
		y, _ := strconv.Atoi(m[1] + m[5])
		return y
	}
	for _, m := range targetHeading.FindAllStringSubmatch(x.s, -1) {
		if m[8] == "政府工作" {
			continue // 2020年政府工作报告: a title
		}
		y, _ := strconv.Atoi(m[1])
		return y - 1
	}
	return 0
}

// deliveryDate is the date a report was delivered at, in head: the date
// said to be of the session (2018年12月20日在…大会上) before a page's time of
// posting (某网 2023-04-11 09:15:02), which a news page may have alone;
// session says it is the session's.
func (x *extractor) deliveryDate(head string) (date []string, session bool) {
	// ——二〇一九年一月八日在…: a date in Chinese numerals, as the printed
	// report writes it, read as digits.
	head = cnDate.ReplaceAllStringFunc(head, func(d string) string {
		m := cnDate.FindStringSubmatch(d)
		y := strings.NewReplacer("零", "0", "〇", "0", "一", "1", "二", "2", "三", "3", "四", "4", "五", "5", "六", "6", "七", "7", "八", "8", "九", "9").Replace(m[1])
		return y + "年" + strconv.Itoa(cnNumber(m[2])) + "月" + strconv.Itoa(cnNumber(m[3])) + "日"
	})
	// 2016/07/26, 2016.7.26, 26.07.2016 03:41: a page's numeric date, read
	// as 2016-07-26; day first when the first number cannot be a month,
	// else the month unknown (07.05.2016 may be either).
	head = numDate.ReplaceAllStringFunc(head, func(d string) string {
		m := numDate.FindStringSubmatch(d)
		if m[2] != "" {
			return m[1] + isoDate(m[2], m[3], m[4]) + m[8]
		}
		if day, _ := strconv.Atoi(m[5]); day > 12 {
			return m[1] + isoDate(m[7], m[6], m[5]) + m[8]
		}
		return m[1] + isoDate(m[7], "0", "0") + m[8]
	})
	var first []string
	for _, loc := range deliveryDate.FindAllStringSubmatchIndex(head, -1) {
		rest := head[loc[1]:]
		if untilDate.MatchString(head[:loc[0]]) || fromDate.MatchString(rest) {
			continue // 截至2022年9月30日, 2022年10月1日以来: a date figures run to or from, not the session's
		}
		m := make([]string, len(loc)/2)
		for k := range m {
			if loc[2*k] >= 0 {
				m[k] = head[loc[2*k]:loc[2*k+1]]
			}
		}
		if atSession.MatchString(rest) || afterSession.MatchString(head[:loc[0]]) || sessionOpens.MatchString(rest) || x.sessionLine(rest) || sameDaySession(head, m) {
			return m, true
		}
		if first == nil {
			first = m
		}
	}
	return first, false
}

// numDate: a date in numbers with / or . between (2016/07/26, 2016.7.26)
// or day first (26.07.2016), not in a longer number.
var numDate = regexp.MustCompile(`(^|[^\d.])(?:(\d{4})[/.](\d{1,2})[/.](\d{1,2})|(\d{1,2})\.(\d{1,2})\.(\d{4}))([^\d.]|$)`)

// isoDate writes a year, month and day as 2016-07-26.
func isoDate(y, m, d string) string {
	mo, _ := strconv.Atoi(m)
	da, _ := strconv.Atoi(d)
	if mo > 12 || da > 31 {
		return y + "年" // no date: the year alone
	}
	return fmt.Sprintf("%s-%02d-%02d", y, mo, da)
}

var (
	untilDate = regexp.MustCompile(`(截至|截止|截止到|到|至|自|从)\s*$`)
	fromDate  = regexp.MustCompile(`^\s*(起|以来|至今|[-—～~到至])`)
	atSession = regexp.MustCompile(`^\s*[在于]`)
	// afterSession: the session named before its date, with no more than
	// the speaker's name between (——在某县第十七届人民代表大会第四次会议上
	// 县长 某某 2020年1月8日; （在…会议上，某某，2021年1月13日）).
	afterSession = regexp.MustCompile(`(会议|大会)上[^。！？\d]{0,30}$`)
	// sessionOpens: a date opening a sentence on the congress's session (2017
	// 年4月22日，某市第八届人民代表大会第一次会议开幕; 2018年1月19日经某区…人民代表
	// 大会第二次会议批准), as news of it and a report's approval line write.
	sessionOpens = regexp.MustCompile(`^\s*([，,]|经)[^。！？\d]{0,20}?(人民代表大会|人大)[^。！？]{0,12}?(会议|大会)`)
	// sessionLine: the date line of the printed report, before the
	// speech: the speaker's name and the session named after the date
	// (2016年11月2日 某某⏎（某乡第六届人民代表大会第一次会议上）; 2025年1月17日
	// ——在某镇第十五届人民代表大会…), or the speech's salutation right
	// after it (2020年1月8日）各位代表：).
	sessionLine = regexp.MustCompile(`^\s*[)）]?\s*(各位代表|[^。！？\d，,:：]{0,12}?[\s(（—]*在?[^。！？\d，,]{0,24}?(人民代表大会|人代会)[^。！？\d]{0,16}?(会议|大会)上)`)
	cnDate      = regexp.MustCompile(`([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日`)
)

// sessionLine: rest, after a date, names the session as the printed
// report's date line does (sessionLine), with no title between (发布日期：
// 2019年03月10日 政府工作报告——在…会议上 is a page's date over the title).
func (x *extractor) sessionLine(rest string) bool {
	m := sessionLine.FindString(rest)
	return m != "" && !strings.Contains(m, "报告") && !titleAfter.MatchString(rest[len(m):])
}

// titleAfter: a report's title goes on after the session's name (…会议上的
// 政府工作报告): the date before it is a page's stamp over the title.
var titleAfter = regexp.MustCompile(`^的?[^。！？\d]{0,12}报告`)

// cnNumber is a number from 1 to 39 in Chinese numerals (十二, 二十, 三十一).
func cnNumber(s string) int {
	digit := func(r rune) int { return strings.IndexRune("〇一二三四五六七八九", r) / len("一") }
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return digit(rs[0])
	case rs[0] == '十':
		return 10 + digit(rs[1])
	case len(rs) == 2 && rs[1] == '十':
		return digit(rs[0]) * 10
	case len(rs) == 3 && rs[1] == '十':
		return digit(rs[0])*10 + digit(rs[2])
	}
	return 0
}

// plans are the five-year plans by their number: 十三五 is 2016–2020.
var plans = map[string]int{"一": 2006, "二": 2011, "三": 2016, "四": 2021, "五": 2026}

// Passage marks: each gives the period of the text after it.
var (
	yearPhrase = regexp.MustCompile(`过去的?一年|这一年|一年来|回顾过去一年`)
	// spanPhrase: the five years of a term named without the words of
	// nYears (近五年 opening a review, 奋斗的五年).
	spanPhrase = regexp.MustCompile(`近五年|[^后来新个]的五年`)
	// nYears: a review of the last N years, any N from two (过去五年,
	// 三年来, 这十年, 任期三年, 五年间): the span of N years ending with the
	// reviewed year. 近N年 without 来 is a time phrase of its sentence
	// (recentYears); 近N年来 opens a review.
	nYears = regexp.MustCompile(`(过去的?|这|任期)([两二三四五六七八九十]|\d{1,2})年多?(来|间|以来|里)?|(^|[^多\d两二三四五六七八九十])([两二三四五六七八九十]|\d{1,2})年多?(来|间|以来)`)
	// termPhrase: a review of the government's term without its length
	// (本届政府以来, 任期内, 换届以来): the span from the term's first
	// year (termStart) to the reviewed year.
	// A heading of the term's review (本届政府工作回顾) and the time since
	// the first session of the congress that elected the government (县十
	// 六届人大一次会议以来, 上届人代会一次会议以来) open the same span.
	termPhrase = regexp.MustCompile(`(本|这|新一)届(政府|人大|班子)?(成立|组成|产生|履职)?以来|本届(政府)?任期(内|以来)|(本届政府|政府)?任期(以)?来|任期内|换届以来|履职以来|本届政府(五年)?(的)?(主要)?工作(回顾|总结)|届(人大|人民代表大会|人代会)(第)?一次会议(召开)?以来`)
	// sinceHeading: a review heading from a named year (2016年以来工作回顾,
	// 回顾2016年以来的工作): the span from that year to the reviewed year.
	sinceHeading = regexp.MustCompile(`(\d{4})\s*年以来的?(政府)?(工作|主要工作|发展)?(回顾|总结|成就|成绩)|回顾了?(\d{4})\s*年以来`)
	// (“十三五”工作回顾, “十三五”发展成就: a plan's span reviewed by a
	// heading.)
	planPhrase = regexp.MustCompile(`“?十([一二三四五])五”?(期间|时期|以来|这五年|规划实施以来|规划期|(?:的)?(?:主要)?(?:工作|发展)?(?:回顾|总结|成就))`)
	// planFirstYears: the first N years of a plan (“十三五”前四年, 十三五
	// 时期前三年).
	planFirstYears = regexp.MustCompile(`十([一二三四五])五”?(?:时期|期间)?的?前([一二两三四]|\d)(?:个)?年`)
	planTasks      = regexp.MustCompile(`“?十([一二三四五])五”?(规划)?(确定|提出|部署|明确)的`)
	aheadPhrase    = regexp.MustCompile(`今后五年|未来五年`)
	goalPhrase     = regexp.MustCompile(`(主要|预期|工作|奋斗|发展|总体|具体)目标(是|为|：|:)|主要预期目标|新年的?[^，。；：:,;\d]{0,3}目标(是|为|：|:)`)
	thisYear       = regexp.MustCompile(`今年(的)?([全我]` + ownArea + `)?(经济社会发展)?(的)?(主要)?(工作|预期|发展)?(目标|安排|任务|重点|工作|是)`)
	nextYear       = regexp.MustCompile(`明年(的)?(主要)?(工作|预期|发展)?(目标|安排|任务|重点|工作)`)
	// aheadYear: a passage on the year after the one reviewed, named
	// without its year: 新的一年, 下一步工作打算, 来年工作计划.
	// restOfYear: the plans for the rest of a year whose first part was
	// reviewed (下半年工作打算, 四季度工作安排): targets of that year.
	restOfYear   = regexp.MustCompile(`(下半年|四季度|第四季度|后半年)的?(工作)?(打算|计划|安排|思路|设想|目标|重点|任务)`)
	aheadYear    = regexp.MustCompile(`新的一年|(下一步|来年)的?(工作)?(打算|计划|安排|思路|设想|目标|重点)`)
	newWordEnd   = regexp.MustCompile(`[创革更维刷焕翻求鼎]$`)
	yearIs       = regexp.MustCompile(`(\d{4})\s*年是`)
	sentenceYear = regexp.MustCompile(`^(截至|截止|到|至|在)?(\d{4})\s*(年)?(底|末|年底|年末|全年|上半年)?(以来)?`)
	sentenceWord = regexp.MustCompile(`^(去年|今年|明年)(以来)?`)
	yearWord     = regexp.MustCompile(`今年|明年`)
	// yearToDate: months from January (1-5月, 1—10月份), a half or the first
	// quarters of a year: figures of that year so far, facts even in a
	// report delivered mid-year after the year it reviews.
	yearToDate = regexp.MustCompile(`^\s*((1|一)\s*[-—－~～至到]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(份)?|上半年|前三季度|一季度|第一季度|前[两二三四五六七八九十]个月)`)
	// monthDate: a date in the year of delivery written without its year
	// (截至6月20日, 截至9月底).
	monthDate   = regexp.MustCompile(`^(截至|截止|到|至)\s*(\d{1,2})\s*月(\d{1,2}日|底|末|份|中旬|上旬|下旬)?`)
	recentYears = regexp.MustCompile(`(近|过去的?|这)([两二三四五六七八九十]|\d)年(来|间|以来)?`)
	// goalReached: a verb of reaching before a goal in its clause (完成了
	// …主要目标, 实现…预期目标, 超额完成…目标).
	goalReached = regexp.MustCompile(`(完成|实现|达到|达成|超额完成|胜利完成)[^，。；,;！？]{0,20}$`)
	// goalDone: a verb of reaching right after a goal's name (主要预期目标
	// 全面完成, 目标任务圆满完成, 预期目标顺利实现).
	// (主要预期目标是：全面完成…, 目标：全面完成…: the goal stated, a target.)
	goalDone = regexp.MustCompile(`^(任务)?[^，。；,;！？：:是为\d]{0,4}(全面|圆满|顺利|超额|基本|胜利|均|全部|如期)(完成|实现|达成)`)
	// yearInName: what stands before a year that belongs to a name, not to
	// the figures after it: the start of a range of years (2020—2025年, 2019
	// 至2022年) or an opening bracket (规划（2021年）).
	yearInName = regexp.MustCompile(`(\d{4}\s*年?\s*[-—–－~～至到]|[（(《〔\[])\s*$`)
	sinceYear  = regexp.MustCompile(`(\d{4})\s*年(底|末|年底|年末)?(以来|至今)`)
	// yearRange: a range of years (2016—2020年, 2016年至2020年);
	// yearRangeEnd: what stands before its second year.
	yearRange    = regexp.MustCompile(`(\d{4})\s*年?\s*[-—–－~～至到]\s*(\d{4})\s*年`)
	yearRangeEnd = regexp.MustCompile(`\d{4}\s*年?\s*[-—–－~～至到]\s*$`)
	baseLevelOf  = regexp.MustCompile(`(?:较|比)(\d{4})\s*年(?:底|末)?的\s*\d`)
	byYear       = regexp.MustCompile(`(^|[^比较由从是与同自\d])(\d{4})\s*年(底|末|年底|年末|度)?(是|前|以来|之前)?`)
)

// planDraft: the draft of a five-year plan by its number (第十四个五年规划和
// 2035年远景目标纲要（草案）, “十三五”规划纲要(草案)); draftReviewed: a word
// of the session reviewing it, in its sentence.
var draftReviewed = regexp.MustCompile(`审议|审查|连同|提请|提交`)

var planDraft = regexp.MustCompile(`(第十([一二三四五])个五年|十([一二三四五])五”?\s*)[^。！？，,；;]{0,24}?草案`)

// yearWorkHeading: a year and its work (关于2021年工作, 2021年主要工作);
// a passage mark only as a heading line of its own (headingLine).
// (Not a title: 某乡2022年政府工作报告.)
var yearWorkHeading = regexp.MustCompile(`(\d{4})\s*年度?的?(主要|全年)?工作([^报]|$)`)

// headingLine: the text at i stands on a heading's line: a line of its own
// (a break before and after it), short, with no sentence's or clause's mark.
func (x *extractor) headingLine(i int) bool {
	s := i
	for s > 0 && !x.t.breaks[s] && i-s < 40 {
		s--
	}
	e := i + 1
	for e < len(x.t.runes) && !x.t.breaks[e] && e-s < 40 {
		e++
	}
	if (s > 0 && !x.t.breaks[s]) || e-s >= 40 || (e < len(x.t.runes) && !x.t.breaks[e]) {
		return false
	}
	return !strings.ContainsAny(x.str(s, e), "。，,；;！？!?")
}

// aheadPeriod: the time ahead without its length (今后一个时期, 下一阶段).
var aheadPeriod = regexp.MustCompile(`(今后|未来)一(个|段)时期|下一阶段`)

// planAim: a word of aiming right before a plan's name (力争“十四五”期间,
// 争取在十四五).
var planAim = regexp.MustCompile(`(力争|争取|确保|努力|奋力)\s*(在|到|于)?\s*[“"‘]?$`)

// planEndOpen: the end of a five-year plan opening a sentence (“十三五”末，
// 到十四五期末), quoted with any marks a copy left (”十三五’末).
var planEndOpen = regexp.MustCompile(`^(截至|截止|到|至|在)?[“”"'‘’]?十([一二三四五])五[“”"'‘’]?\s*(期)?末`)

// yearSummaryName: the name of a year's own summary (今年工作总结, 今年的
// 工作回顾), read where 今年 opens it (yearSummary) and, anywhere in a text
// that has no date, as a text written while its year runs (yearStillRuns).
const yearSummaryName = `今年的?(工作)?(总结|回顾)`

// yearSummary: 今年 opening the name of the year's own summary.
var yearSummary = regexp.MustCompile(`^` + yearSummaryName)

// reviewAfter: words of a review right after 今年(…)工作 (总结, 回顾,
// 完成情况).
var reviewAfter = regexp.MustCompile(`^(总结|回顾|完成情况|情况|成效)`)

// yearWas: a clause that says what a year was or is (是…, 也是…, 更是…),
// ending in 的一年.
var yearWas = regexp.MustCompile(`^\s*(这|这一年)?(也|又|更|还|既|都)?是`)

// plannedWorks: a will-word and, in its sentence, a count of works to do
// (将…重点抓好15件大事, 要办好十项民生实事, 计划实施8大工程, 确定今年…办好
// 十件民生实事); listOpens: such a sentence goes on to a list (…。分别是：,
// …，具体包括：, …：).
var (
	plannedWorks = regexp.MustCompile(`(将|要|计划|力争|确定)[^。！？；;]{0,30}?(抓好|办好|办成|实施|推进|完成|建设|做好|实现)[^。！？；;，,]{0,6}?(\d+|[一二三四五六七八九十两]+)\s*(件|项|大)[^。！？；;，,：:]{0,12}?(实事|大事|工程|项目|任务)`)
	// listOpensNext: the list opened in the next sentence, after words on
	// the works (…十件民生实事。这十件实事涉及住房、交通…，即投资…).
	listOpensNext = regexp.MustCompile(`^[^。！？；;：:]*?(实事|大事|工程|项目|任务)。[^。！？；;：:]{0,80}?[，,]\s*(即|分别是|具体是|具体为|具体包括|主要是|主要有|主要包括)`)
	listOpens     = regexp.MustCompile(`^[^。！？；;：:]*?(实事|大事|工程|项目|任务)[^。！？；;：:\d]{0,12}[。，,]?\s*(分别是|具体是|具体为|具体包括|主要是|主要有|主要包括|包括|即)?\s*[:：]`)
)

// nowWord: the time the report speaks at (目前, 截至目前).
var nowWord = regexp.MustCompile(`(截至|截止)?目前`)

// willWord: a word of what is to be done (要, 将, 力争, 计划, 确保, 争取).
var willWord = regexp.MustCompile(`要|将|力争|计划|确保|争取`)

// wholeYearWord: 全年 (the whole year); namedBefore: a year named right
// before it.
var (
	wholeYearWord = regexp.MustCompile(`全年`)
	namedBefore   = regexp.MustCompile(`(\d{4}\s*年(度)?|[上去今明当同]年|这一年)\s*[的，,]?\s*$`)
)

// comparedPlan: what stands before a plan named as the base a figure is
// compared with (是“十一五”期间…的3倍, 比“十二五”时期).
var comparedPlan = regexp.MustCompile(`(是|比|较|相比|与|同|为)\s*$`)

// sinceEvent: the nationwide events reports count spans from (sinceYears
// gives the regexp group of each and the first year after it): a Party
// Congress by its number (group 1; the Nth sits in the autumn of 2012+5(N−18),
// so 十八大 is November 2012 and 二十大 October 2022), the targeted poverty
// campaign (精准扶贫, end of 2013) and the poverty battle (脱贫攻坚战, end of
// 2015).
var (
	sinceEvent = regexp.MustCompile(`(十[六七八九]|二十[一二三四五六七八九]?)大以来|(精准扶贫(工作)?(开展|实施|启动)?以来)|(脱贫攻坚(战)?(打响|开展|实施|启动)?以来)`)
	sinceYears = []struct{ group, year int }{{2, 2014}, {5, 2016}}
)

// congressYear is the first year after the Nth Party Congress (十八 → 2013).
func congressYear(n string) int { return 2013 + 5*(cnNumber(n)-18) }

// passages sets the marks of the text.
func (x *extractor) passages() {
	// With no year read (R 0) the marks are read all the same, for what
	// they say of kind alone: 今年…主要预期目标是 opens targets whatever
	// the year (periodAt keeps only that).
	R := x.review
	fact := func(from, to int) period { return period{from: from, to: to} }
	target := func(from, to int) period { return period{from: from, to: to, target: true} }
	this := func() period { // 今年
		if x.delivered > R {
			return target(x.delivered, x.delivered)
		}
		return fact(R, R)
	}
	planMark := -1 // set by the plan phrases' function for the mark it adds
	at := 0        // the byte offset of the phrase being read
	add := func(re *regexp.Regexp, p func(m []string) (period, bool)) {
		for _, loc := range re.FindAllStringSubmatchIndex(x.s, -1) {
			at = loc[0]
			m := make([]string, len(loc)/2)
			for k := range m {
				if loc[2*k] >= 0 {
					m[k] = x.s[loc[2*k]:loc[2*k+1]]
				}
			}
			planMark = -1
			if q, ok := p(m); ok {
				// 。三年间…: a match that opens with the mark before its
				// phrase (nYears) marks where the phrase begins.
				start := loc[0]
				if re == nYears && loc[8] >= 0 {
					start = loc[9] // 一、经济实力不断增强⏎五年来: the phrase, not the heading's last character before it
				}
				for r, w := utf8.DecodeRuneInString(x.s[start:]); start < loc[1] && strings.ContainsRune(clauseMarks+"。！？!? ", r); r, w = utf8.DecodeRuneInString(x.s[start:]) {
					start += w
				}
				x.marks = append(x.marks, mark{at: x.byteRune[start], p: q, aside: planMark >= 0 && !q.target, phrase: x.byteRune[loc[1]]})
			}
		}
	}
	year := func(s string) int { y, _ := strconv.Atoi(s); return y }
	contents := x.contents()
	add(reviewHeading, func(m []string) (period, bool) {
		y := year(m[1] + m[5])
		// 一、“十三五”工作回顾⏎2020年底，…: a heading's 回顾 and the year
		// opening the paragraph under it are no 回顾2020年.
		return fact(y, y), !contents[at] && !x.brokenAt(x.byteRune[at]+1, x.byteRune[at+len(m[0])])
	})
	add(targetHeading, func(m []string) (period, bool) {
		y := year(m[1])
		if contents[at] || x.inQuote(x.byteRune[at]) {
			return period{}, false
		}
		if y <= R {
			return fact(y, y), m[8] == "政府工作" && y == R
		}
		// 2020年…政府工作报告 is a title; 行动计划（2019—2021年工作计划）
		// a plan's name.
		return target(y, y), y <= R+1 && m[8] != "政府工作" && !yearInName.MatchString(x.s[max(0, at-16):at])
	})
	add(yearIs, func(m []string) (period, bool) {
		y := year(m[1])
		if y > R {
			return target(y, y), y == R+1
		}
		return fact(y, y), y == R
	})
	add(yearPhrase, func([]string) (period, bool) { return fact(R, R), true })
	add(spanPhrase, func([]string) (period, bool) { return fact(R-4, R), true })
	add(nYears, func(m []string) (period, bool) {
		n := countWord(m[2] + m[5])
		// 近15年来最高: a record over those years, no review of them.
		return fact(R-n+1, R), n >= 2 && n <= 15 && !recordAfter.MatchString(x.s[at+len(m[0]):])
	})
	add(termPhrase, func([]string) (period, bool) { return fact(termStart(R), R), true })
	add(sinceHeading, func(m []string) (period, bool) {
		y := year(m[1] + m[5])
		return fact(y, R), y < R && y >= R-15
	})
	add(planPhrase, func(m []string) (period, bool) {
		from := plans[m[1]]
		planMark = len(x.marks)
		if comparedPlan.MatchString(x.s[max(0, at-12):at]) {
			return period{}, false // 是“十一五”期间6000万元的2.5倍: a base, below
		}
		switch {
		case from > R:
			return target(from, from+4), true
		case from+4 > R && planAim.MatchString(x.s[max(0, at-12):at]):
			// 力争“十四五”期间财政总收入突破100亿元 in 2021: a goal for the
			// plan running, not a review of its years so far.
			return target(from, from+4), true
		case from+4 > R:
			return fact(from, R), true
		}
		return fact(from, from+4), true
	})
	add(aheadPhrase, func([]string) (period, bool) { return target(R+1, R+5), true })
	// 二、关于2021年工作, 2021年主要工作: a heading line naming the year after
	// the one reviewed, and its work, opens that year's targets.
	add(yearWorkHeading, func(m []string) (period, bool) {
		y := year(m[1])
		return target(y, y), y == R+1 && !contents[at] && x.headingLine(x.byteRune[at])
	})
	// 圆满完成了年初确定的主要目标：…: the goals named as what was reached
	// are the review's results, no passage of targets.
	add(goalPhrase, func(m []string) (period, bool) {
		// 我们的工作目标是让群众满意: a goal in words, no figures to come.
		if strings.HasSuffix(m[0], "是") || strings.HasSuffix(m[0], "为") {
			rest := x.s[at+len(m[0]):]
			if end := strings.IndexAny(rest, "，。；,;！？"); end > 0 && !strings.ContainsAny(rest[:end], "0123456789０１２３４５６７８９") {
				return period{}, false
			}
		}
		// 主要预期目标全面完成，地区生产总值增长7%: goals said to be reached
		// after their name are the review's results too.
		return target(R+1, R+1), !goalReached.MatchString(x.s[max(0, at-60):at]) && !goalDone.MatchString(x.s[at+len(m[0]):])
	})
	// 今年工作总结报告如下: the year running reviewed, no targets.
	add(thisYear, func(m []string) (period, bool) {
		return this(), !reviewAfter.MatchString(x.s[at+len(m[0]):])
	})
	add(aheadYear, func(m []string) (period, bool) {
		// 这是改革创新的一年: 新 ending a word (创新, 革新, 更新) describes a year, it opens none.
		// 也是…守正出新的一年: a clause saying what a year was (是…的一年)
		// describes it, whatever word ends in 新 before.
		if strings.HasPrefix(m[0], "新的一年") {
			a := x.byteRune[at]
			if yearWas.MatchString(x.str(x.back(a, "，。；,;！？!?"), a)) {
				return period{}, false
			}
		}
		return target(R+1, R+1), !strings.HasPrefix(m[0], "新的一年") || !newWordEnd.MatchString(x.s[max(0, at-4):at])
	})
	// 二、今后一个时期的主要任务: a heading of the tasks ahead, of no set
	// length, opens targets for the year after the one reviewed; inside a
	// sentence (为今后一个时期发展奠定基础) it opens nothing.
	add(aheadPeriod, func([]string) (period, bool) { return target(R+1, R+1), x.opensParagraph(x.byteRune[at]) })
	// 县政府将…重点抓好15件大事和民生实事。分别是：(1)…: a count of works
	// the government will do, announced with a will-word and opening a
	// list, makes the list the plan of the year ahead (a news digest
	// gives it with no heading of targets); a count of works done (完成了
	// 十件民生实事) names no will-word, and one without a list opens none.
	add(plannedWorks, func([]string) (period, bool) {
		y := R + 1
		if x.delivered == R {
			y = R // delivered while the year it reviews runs: the rest of that year
		}
		// (With no year read the list is still the plan: targets, their
		// year left blank.)
		return target(y, y), listOpens.MatchString(x.s[at:min(len(x.s), at+240)]) || listOpensNext.MatchString(x.s[at:min(len(x.s), at+360)])
	})
	add(nextYear, func([]string) (period, bool) { return target(x.delivered+1, x.delivered+1), x.delivered == R })
	add(restOfYear, func([]string) (period, bool) { return target(R, R), x.delivered == R && !contents[at] })
	// 一、上半年工作完成情况 (2022年上半年工作总结) read while the year runs:
	// the year so far, facts.
	add(partReviewOf, func([]string) (period, bool) { return ytd(fact(R, R)), x.delivered == R && !contents[at] })
	add(partReview, func(m []string) (period, bool) {
		return ytd(fact(R, R)), year(m[1]) == R && x.delivered == R && !contents[at]
	})
	sort.SliceStable(x.marks, func(i, j int) bool { return x.marks[i].at < x.marks[j].at })
	// A past plan named in the sentence that sets this year's targets
	// (主要预期目标是：锚定“十四五”期间…的目标) begins no review.
	kept := x.marks[:0]
	var local []mark
	for _, m := range x.marks {
		// A page's list of contents (the headings listed before the
		// report, 报告共分为四个部分：…) opens no passage.
		if x.contentsHeading(m.at) || x.listedPart(m.at) {
			continue
		}
		if m.aside && len(kept) > 0 && kept[len(kept)-1].p.target && kept[len(kept)-1].at >= x.sentenceStart(m.at) {
			continue
		}
		// 2021年是开局之年，做好这一年的工作…: 这一年 in a passage of
		// targets is that passage's year, no review; 巩固过去一年的成果,
		// 五年来的实践告诉我们: a past period named as what something is of,
		// or inside a clause, returns to no review.
		if len(kept) > 0 && kept[len(kept)-1].p.target && !m.p.target {
			at := m.at
			if strings.ContainsRune(clauseMarks+" ", x.at(at)) {
				at++ // a match may open with the mark before its phrase
			}
			// (回顾了过去一年的工作：…: a past period said to be reviewed
			// opens its review, as news of the session writes.)
			if !reviewedBefore.MatchString(x.str(at-4, at)) && (x.hasAt(at, "这一年") || x.at(m.phrase) == '的' || unicode.Is(unicode.Han, x.at(at-1)) && !x.t.breaks[at] && !strings.ContainsRune("在从自", x.at(at-1))) {
				continue
			}
		}
		// “十四五”时期…的主要目标是: the plan's span holds for its sentence.
		if m.p.target && m.p.from == m.p.to && len(kept) > 0 {
			if prev := kept[len(kept)-1]; prev.p.target && prev.p.from != prev.p.to && prev.at >= x.sentenceStart(m.at) {
				continue
			}
		}
		// 全年…。脱贫攻坚三年来，累计投入…。全年新建…: a review of some
		// years inside a paragraph of one year's review, not opening it,
		// holds for its sentence only.
		if !m.p.target && m.p.from < m.p.to && len(kept) > 0 {
			// (过去五年及2021年工作回顾过去的五年是…: a heading run into the
			// paragraph it heads, as copies that lose the line break write
			// it, ends where the paragraph opens.)
			// (一、“十二五”规划执行情况和2015年工作回顾“十二五”时期，…: a
			// heading that names the span and the year joined promises
			// the span's part, and its phrase in the body the heading runs
			// into opens it.)
			if prev := kept[len(kept)-1]; !prev.p.target && prev.p.from == prev.p.to && !x.opensParagraph(m.at) && x.skipSpaces(prev.phrase) != m.at && !x.joinedSpanHeading(prev, m) {
				local = append(local, mark{at: m.at, end: x.scopeEnd(m.at), p: m.p})
				continue
			}
		}
		kept = append(kept, m)
	}
	x.marks = kept
	if pm := x.paragraphMarks(); len(pm) > 0 {
		x.marks = append(x.marks, pm...)
		sort.SliceStable(x.marks, func(i, j int) bool { return x.marks[i].at < x.marks[j].at })
	}
	x.yearPartOfJoined()

	// Time phrases that hold for their sentence: 2017年，… / 截至2018年底…
	// / 去年… at its start, 到2025年 anywhere in it.
	scoped := local
	for i := 0; i < len(x.t.runes); i++ {
		if i > 0 && !x.t.breaks[i] && !isSentenceEnd(x.at(i-1)) && !strings.ContainsRune("，,：:", x.at(i-1)) {
			continue
		}
		for x.at(i) == ' ' || x.at(i) == '—' {
			i++
		}
		rest := x.str(i, i+16)
		if m := planEndOpen.FindStringSubmatch(rest); m != nil && plans[m[2]] > 0 {
			// “十三五”末，全县地区生产总值达到230.5亿元: the plan's last year
			// opening a sentence is that year's (to reach, when ahead).
			y := plans[m[2]] + 4
			p := fact(y, y)
			if y > R {
				p = target(y, y)
			}
			scoped = append(scoped, mark{at: i, end: x.scopeEnd(i), p: p})
			continue
		}
		if m := sentenceYear.FindStringSubmatch(rest); m != nil && m[3] != "" && (x.toDate(y4(m[2]), i+len([]rune(m[0]))) || m[4] == "上半年" && y4(m[2]) <= max(R, x.delivered)) {
			y := year(m[2])
			scoped = append(scoped, mark{at: i, end: x.scopeEnd(i), p: ytd(fact(y, y))})
		} else if n := toDateEnd(rest); n > 0 && x.month > n && x.delivered > R {
			// 上半年，… / 1-5月，… without a year in a report delivered after
			// that part of its year: that year's figures so far.
			scoped = append(scoped, mark{at: i, end: x.scopeEnd(i), p: ytd(fact(x.delivered, x.delivered))})
		} else if p, _ := x.passageAt(i); n > 0 && !p.target && p.from == p.to {
			// 前三季度，完成… in the review of a year: part of that year.
			scoped = append(scoped, mark{at: i, end: x.scopeEnd(i), p: ytd(p)})
		} else if m := monthDate.FindStringSubmatch(rest); m != nil && x.month > 0 && x.delivered > R && year(m[2]) <= x.month {
			// 截至6月20日 in a report delivered in September after the year
			// it reviews: that year's figures so far.
			scoped = append(scoped, mark{at: i, end: x.scopeEnd(i), p: ytd(fact(x.delivered, x.delivered))})
		} else if m := monthDate.FindStringSubmatch(rest); m != nil && !p.target && p.from == p.to && year(m[2]) < 12 {
			// 截至11月底，… in the review of a year: that year up to then.
			scoped = append(scoped, mark{at: i, end: x.scopeEnd(i), p: ytd(p)})
		} else if m := sentenceYear.FindStringSubmatch(rest); m != nil {
			y := year(m[2])
			after := x.at(i + len([]rune(m[0])))
			if y < R-15 || y > R+15 || after == '月' || after == '是' || after == '-' || isDigit(after) {
				continue
			}
			if m[3] == "" && (y < R-1 || y > R+1 || !unicode.Is(unicode.Han, after) || x.measure(i+len([]rune(m[0]))) > 0) {
				continue // 2018全市… is a year written without 年; 2018家 is not
			}
			p := fact(y, y)
			switch {
			case m[5] != "" && y > R && y <= x.delivered:
				p = ytd(fact(y, y)) // 2021年以来 in a report of 2021 reviewing 2020: that year so far
			case m[5] != "" && y <= R:
				p = fact(y, R)
			case y > R:
				p = target(y, y)
			}
			scoped = append(scoped, mark{at: i, end: x.scopeEnd(i), p: p})
		} else if m := sentenceWord.FindStringSubmatch(rest); m != nil && !strings.HasPrefix(rest[len(m[0]):], "同期") {
			// 去年同期 is the base of a comparison, not a time phrase.
			var p period
			switch m[1] {
			case "去年":
				p = fact(x.delivered-1, x.delivered-1)
			case "今年":
				p = this()
				if x.delivered > 0 && isDigit(x.at(i+2)) {
					// 今年1月，…: a date past in the year of delivery, facts.
					p = fact(x.delivered, x.delivered)
					if n := toDateEnd(x.str(i+2, i+18)); n > 0 && x.month > 0 && n >= x.month && x.delivered > R && R > 0 {
						// 今年1-11月 in a text posted in January after the
						// year it reviews: months not yet past in the year
						// of posting are the year reviewed's, written
						// before it ended.
						p = ytd(fact(R, R))
					}
				}
				if yearSummary.MatchString(rest) && R > 0 {
					p = fact(R, R) // 今年工作总结如下 on a page posted later: the year it sums up
				}
				if m[2] != "" && x.delivered > 0 || x.pastPart(i+2) {
					// 今年以来 in a report delivered mid-year, 今年上半年 in
					// one delivered after June: the year so far, facts.
					p = ytd(fact(x.delivered, x.delivered))
				}
			case "明年":
				p = target(x.delivered+1, x.delivered+1)
			}
			scoped = append(scoped, mark{at: i, end: x.scopeEnd(i), p: p})
		}
	}
	for _, loc := range byYear.FindAllStringSubmatchIndex(x.s, -1) {
		y := year(x.s[loc[4]:loc[5]])
		if y < R-15 || y > R+15 || loc[8] >= 0 {
			continue // 2019年是… is a passage mark; 2020年前, 2016年以来 are no year of their own
		}
		if x.toDate(y, x.byteRune[loc[1]]) {
			at := x.byteRune[loc[4]]
			scoped = append(scoped, mark{at: at, end: x.scopeEnd(at), p: ytd(fact(y, y))})
			continue
		}
		if y > R && isDigit(x.at(x.byteRune[loc[1]])) {
			continue // 截至2019年1月: a date of delivery, not a target
		}
		if next := x.at(x.byteRune[loc[1]]); next == '“' || next == '《' || next == '"' {
			continue // 获评2019年度“…县”: the year names a title, not the figure's
		}
		if y < R && loc[6] >= 0 && x.s[loc[6]:loc[7]] == "度" && batchVerb.MatchString(x.s[max(0, loc[4]-12):loc[4]]) {
			continue // 全面完成2021年度高标准农田2000亩建设: the year names the batch done, the doing is the passage's
		}
		if y > R && yearInName.MatchString(x.s[max(0, loc[4]-16):loc[4]]) {
			continue // 规划（2021—2025年）: the years name a plan, not the figures after it
		}
		if yearRangeEnd.MatchString(x.s[max(0, loc[4]-16):loc[4]]) {
			continue // the end of a range of years: a span, below
		}
		at := x.byteRune[loc[4]] // the year itself: the mark before it may end the sentence before
		p := fact(y, y)
		if y > R {
			p = target(y, y)
		}
		end := x.scopeEnd(at)
		if after := x.byteRune[loc[1]]; x.at(after) == '的' && isDigit(x.at(after+1)) {
			// 由2010年的77亿元跃升到2015年的161.1亿元，年均增长13.8%: a
			// year joined to a figure by 的 dates that figure, to its
			// clause's end, not the rest of the sentence.
			end = after
			for end < len(x.t.runes) && end < after+maxSentence && !strings.ContainsRune("，,；;。！？!?", x.at(end)) && !x.t.breaks[end+1] {
				end++
			}
			end++
		}
		scoped = append(scoped, mark{at: at, end: end, p: p})
	}
	// 较2023年的2.3亿元增长13%: the level a comparison starts from, joined
	// to its year by 的, is that year's; the figure only (the year of a
	// base is no time phrase of its own above: byYear skips 比, 较).
	for _, loc := range baseLevelOf.FindAllStringSubmatchIndex(x.s, -1) {
		y := year(x.s[loc[2]:loc[3]])
		if y < R-15 || y > R+15 {
			continue
		}
		at, end := x.byteRune[loc[0]], x.byteRune[loc[1]]-1 // from 较 to the figure's digits
		for end < len(x.t.runes) && (isDigit(x.at(end)) || x.at(end) == '.') {
			end++
		}
		scoped = append(scoped, mark{at: at, end: end, p: fact(y, y)})
	}
	// 今年/明年 inside a sentence (全县今年将新建…, 力争明年…) holds for the
	// rest of it as at its start; not 今年以来, 今年是, 今年初 (a review of
	// the year so far or a date), nor a comparison's base (比今年).
	for _, loc := range yearWord.FindAllStringSubmatchIndex(x.s, -1) {
		at := x.byteRune[loc[0]]
		if at == 0 || x.t.breaks[at] || isSentenceEnd(x.at(at-1)) || strings.ContainsRune("，,：:", x.at(at-1)) || strings.ContainsRune("比较与同到至从", x.at(at-1)) {
			continue // at a clause's start it is a time phrase above
		}
		if next := x.str(at+2, at+4); strings.HasPrefix(next, "以来") || strings.HasPrefix(next, "是") || strings.HasPrefix(next, "初") || strings.HasPrefix(next, "同期") || strings.HasPrefix(next, "年初") || isDigit(x.at(at+2)) {
			continue // 今年1月: a date, see below
		}
		p := this()
		if x.s[loc[0]:loc[1]] == "明年" {
			p = target(x.delivered+1, x.delivered+1)
		} else if yearSummary.MatchString(x.s[loc[0]:]) && R > 0 {
			p = fact(R, R) // 现将今年工作总结如下 on a page posted later: the year it sums up
		} else if x.pastPart(at + 2) {
			p = ytd(fact(x.delivered, x.delivered)) // 全县今年上半年完成…
		}
		scoped = append(scoped, mark{at: at, end: x.scopeEnd(at), p: p})
	}
	// 过去五年，…。全年新建学校3所: 全年 in the review of a span is its
	// last year, the year reviewed, for the rest of its sentence (not
	// 2016年全年, 上年全年: a year of its own).
	for _, loc := range wholeYearWord.FindAllStringIndex(x.s, -1) {
		at := x.byteRune[loc[0]]
		p, _ := x.passageAt(at)
		if p.target || p.from == p.to || namedBefore.MatchString(x.str(at-6, at)) {
			continue
		}
		scoped = append(scoped, mark{at: at, end: x.scopeEnd(at), p: fact(p.to, p.to)})
	}
	// 目前，全县共有企业300家，今年力争达到350家: in a passage of targets a
	// stock as the report speaks is a fact, of the year last reviewed, up
	// to the clause of its figure.
	for _, loc := range nowWord.FindAllStringIndex(x.s, -1) {
		at := x.byteRune[loc[0]]
		if p, _ := x.passageAt(at); !p.target || (at > 0 && !x.t.breaks[at] && !strings.ContainsRune(clauseMarks, x.at(at-1))) {
			continue
		}
		// up to the end of the clause of the first figure after it
		end, seen, stop := at, false, x.scopeEnd(at)
		for end < stop && !(seen && strings.ContainsRune("，,；;。", x.at(end))) {
			seen = seen || isDigit(x.at(end))
			end++
		}
		if willWord.MatchString(x.str(at, end)) {
			continue // 目前要新建道路5公里: a task, still a target
		}
		scoped = append(scoped, mark{at: at, end: end, p: fact(R, R)})
	}
	// 2016—2020年，全县累计完成投资…: a range of past years holds for the
	// rest of its sentence as a span (a range reaching past the reviewed
	// year names a plan, above).
	for _, loc := range yearRange.FindAllStringSubmatchIndex(x.s, -1) {
		a, b := year(x.s[loc[2]:loc[3]]), year(x.s[loc[4]:loc[5]])
		if a >= b || b > R || a < R-15 {
			continue
		}
		at := x.byteRune[loc[0]]
		if next := x.at(x.byteRune[loc[1]]); next == '）' || next == ')' || next == '》' {
			continue // 规划（2016—2020年）: the years name a plan
		}
		scoped = append(scoped, mark{at: at, end: x.scopeEnd(at), p: fact(a, b)})
	}
	// 2016年以来 / 自2016年以来 inside a sentence: the span from that year
	// to the one reviewed, for the rest of the sentence.
	for _, loc := range sinceYear.FindAllStringSubmatchIndex(x.s, -1) {
		y := year(x.s[loc[2]:loc[3]])
		at := x.byteRune[loc[0]]
		if y > R && y <= x.delivered {
			// 全县2021年以来完成投资… in a report of 2021 reviewing 2020:
			// that year so far.
			scoped = append(scoped, mark{at: at, end: x.scopeEnd(at), p: ytd(fact(y, y))})
			continue
		}
		if y >= R || y < R-15 || x.stressed(at) {
			continue
		}
		scoped = append(scoped, mark{at: at, end: x.scopeEnd(at), p: fact(y, R)})
	}
	// 党的十八大以来, 脱贫攻坚战打响以来: a span from the year after a
	// nationwide event every report counts from, to the year reviewed.
	for _, loc := range sinceEvent.FindAllStringSubmatchIndex(x.s, -1) {
		from := 0
		if loc[2] >= 0 {
			from = congressYear(x.s[loc[2]:loc[3]])
		}
		for _, e := range sinceYears {
			if loc[2*e.group] >= 0 {
				from = e.year
			}
		}
		if from == 0 || from >= R || x.stressed(x.byteRune[loc[0]]) {
			continue
		}
		at := x.byteRune[loc[0]]
		scoped = append(scoped, mark{at: at, end: x.scopeEnd(at), p: fact(from, R)})
	}
	// 是“十一五”期间6000万元的2.5倍: a past plan named as the base of a
	// comparison holds for the base only, up to its 的 or its clause's end.
	for _, loc := range planPhrase.FindAllStringSubmatchIndex(x.s, -1) {
		from := plans[x.s[loc[2]:loc[3]]]
		if from == 0 || from+4 > R || !comparedPlan.MatchString(x.s[max(0, loc[0]-12):loc[0]]) {
			continue
		}
		at := x.byteRune[loc[0]]
		end := x.byteRune[loc[1]]
		for end < len(x.t.runes) && end < at+40 && x.at(end) != '的' && !strings.ContainsRune(clauseMarks, x.at(end)) {
			end++
		}
		scoped = append(scoped, mark{at: at, end: end, p: fact(from, from+4)})
	}
	// “十二五”确定的9项约束性指标全部完成: the plan's own tasks and
	// indicators are counted over its span, for their sentence.
	for _, loc := range planTasks.FindAllStringSubmatchIndex(x.s, -1) {
		from := plans[x.s[loc[2]:loc[3]]]
		if from == 0 || from+4 > R {
			continue
		}
		at := x.byteRune[loc[0]]
		scoped = append(scoped, mark{at: at, end: x.scopeEnd(at), p: fact(from, from+4)})
	}
	// “十三五”前四年，地区生产总值年均增长5.9%: the first N years of a
	// plan, for their sentence.
	for _, loc := range planFirstYears.FindAllStringSubmatchIndex(x.s, -1) {
		from, n := plans[x.s[loc[2]:loc[3]]], countWord(x.s[loc[4]:loc[5]])
		if from == 0 || n < 1 || n > 4 || from+n-1 > R {
			continue
		}
		at := x.byteRune[loc[0]]
		scoped = append(scoped, mark{at: at, end: x.scopeEnd(at), p: fact(from, from+n-1)})
	}
	// 近三年年均增长 10%: the three years up to the one reviewed.
	for _, loc := range recentYears.FindAllStringSubmatchIndex(x.s, -1) {
		n := countWord(x.s[loc[4]:loc[5]])
		if n < 2 {
			continue
		}
		at := x.byteRune[loc[0]]
		scoped = append(scoped, mark{at: at, end: x.scopeEnd(at), p: fact(R-n+1, R)})
	}
	// 自脱贫攻坚战以来，…，截止2019年累计实现…: a sum up to the year a
	// span opened earlier in the sentence ends with sums that span.
	for k := range scoped {
		s := &scoped[k]
		if !sumToYear.MatchString(x.str(s.at, s.at+16)) && !(sumToYear.MatchString(x.str(s.at-2, s.at+14)) && isDigit(x.at(s.at))) {
			continue
		}
		for _, o := range scoped {
			if o.at < s.at && s.at < o.end && o.p.from < o.p.to && o.p.to == s.p.to && s.p.from == s.p.to && !o.p.target && !s.p.target {
				s.p = o.p
			}
		}
	}
	sort.SliceStable(scoped, func(i, j int) bool { return scoped[i].at < scoped[j].at })
	x.scoped = scoped
	// 预计2020年，…完成60亿元，五年跨越2个台阶，年均增速达到7%: N年 in the
	// review of one year speaks of the N years ending with it, to its
	// clause's end (；).
	var spans []mark
	for _, loc := range yearsCount.FindAllStringSubmatchIndex(x.s, -1) {
		n := countWord(x.s[loc[4]:loc[5]])
		at := x.byteRune[loc[4]]
		p := x.periodAt(at)
		if n < 2 || p.target || p.from != p.to || p.from == 0 {
			continue
		}
		end := at
		for end < len(x.t.runes) && end < at+maxSentence && !strings.ContainsRune("；;。！？!?", x.at(end)) && !x.t.breaks[end+1] {
			end++
		}
		// 提前一年实现三年引资1万亿元目标: N years' goal reached k years
		// early is the span ending k years after the one reviewed.
		k := 0
		if m := earlyBy.FindStringSubmatch(x.str(at-12, at)); m != nil {
			k = max(countWord(m[1]), 1) // 一 (one) is no count word of spans
		}
		spans = append(spans, mark{at: at, end: end + 1, p: fact(p.to-n+1+k, p.to+k)})
	}
	if len(spans) > 0 {
		x.scoped = append(x.scoped, spans...)
		sort.SliceStable(x.scoped, func(i, j int) bool { return x.scoped[i].at < x.scoped[j].at })
	}
}

// sumToYear: a sum up to a year (截止2019年累计, 截至2020年底共计).
var sumToYear = regexp.MustCompile(`^(截至|截止|到|至)\s*\d{4}\s*年(底|末|年底|年末)?\s*(累计|累积|共计|合计|总计)`)

// batchVerb: a verb of carrying out or paying right before a year's
// 年度 (完成2021年度…, 兑现2020年度奖补资金): that year names the batch or
// plan of what was done, in the object; the doing is of the passage.
var batchVerb = regexp.MustCompile(`(完成|实施|下达|兑现|发放|拨付|验收|落实)了?\s*$`)

// yearPartOfJoined: a heading that names the year reviewed and a span
// ending with it (一、2020年主要工作和“十三五”发展成就, 过去五年和2021年工作
// 回顾) promises both parts, and the body takes them in turn: the span's
// phrase marks its passage, and a paragraph under the heading that opens
// with the year reviewed as its topic (2020年极不平凡。…, 2020年，在…领导
// 下，…) opens the year's part, up to the next mark, as 2020年是… or 过去
// 一年 would. Not a year's part or date (2020年底, 2020年1-10月, 2020年以来),
// nor under a heading naming the span alone (“十三五”发展成就⏎2020年，…
// holds for its sentence).
func (x *extractor) yearPartOfJoined() {
	R := x.review
	var added []mark
	done := map[int]bool{}              // heading lines by their start
	opens := func(j int) (mark, bool) { // the year reviewed opening the text at j as its topic
		y := sentenceYear.FindStringSubmatch(x.str(j, j+16))
		if y == nil || y[1] != "" || y[3] == "" || y[4] != "" || y[5] != "" || y4(y[2]) != R {
			return mark{}, false
		}
		if after := x.at(j + len([]rune(y[0]))); isDigit(after) || strings.ContainsRune("月-—－至到", after) {
			return mark{}, false
		}
		return mark{at: j, p: period{from: R, to: R}, phrase: j + len([]rune(y[0]))}, true
	}
	for _, m := range x.marks {
		if m.p.target || m.p.from >= m.p.to || m.p.to != R {
			continue
		}
		if !x.headingLine(m.at) {
			// 一、2020年主要工作和“十三五”发展成就2020年极不平凡。: the
			// heading run into its paragraph, as copies that lose the
			// line break write it; the year right after the span's phrase.
			lead := x.str(x.sentenceStart(m.at), m.at)
			if a, ok := opens(x.skipSpaces(m.phrase)); ok && x.opensParagraph(x.sentenceStart(m.at)) && joinedYear(lead, R) {
				added = append(added, a)
			}
			continue
		}
		s, e := x.lineAround(m.at)
		named := false
		for _, y := range anyYear.FindAllStringSubmatch(x.str(s, e), -1) {
			named = named || y4(y[1]) == R
		}
		if !named || done[s] {
			continue
		}
		done[s] = true
		// The heading's part ends at the next heading or targets.
		stop := len(x.t.runes)
		for _, n := range x.marks {
			if n.at >= e && (n.p.target || x.headingLine(n.at)) {
				stop = n.at
				break
			}
		}
		for i := e; i < stop; i++ {
			if !x.t.breaks[i] {
				continue
			}
			j := i
			for j < stop && (x.at(j) == ' ' || x.at(j) == '—' || x.at(j) == '\u3000') {
				j++
			}
			if l := paraLabel.FindString(x.str(j, j+12)); l != "" {
				j += len([]rune(l)) // 【摘要】:2020年，…: a page's label before the paragraph
			}
			if a, ok := opens(j); ok {
				added = append(added, a)
				break
			}
		}
	}
	if len(added) > 0 {
		x.marks = append(x.marks, added...)
		sort.SliceStable(x.marks, func(i, j int) bool { return x.marks[i].at < x.marks[j].at })
	}
}

// paraLabel: a page's label opening a paragraph (【摘要】:, 摘要：, 【导读】).
var paraLabel = regexp.MustCompile(`^(【[^】]{1,6}】|(摘要|导读|内容提要|编者按)\s*[:：])\s*[:：]?\s*`)

// brokenAt: a heading or paragraph ends somewhere in the runes from i to
// j (a break before one of them, the first aside).
func (x *extractor) brokenAt(i, j int) bool {
	for k := i; k < j; k++ {
		if x.t.breaks[k] {
			return true
		}
	}
	return false
}

// joinedSpanHeading: the review heading of one year at prev names, before
// its year and joined to it (和, 及, 暨, 与), the span of the mark m that
// follows in the same paragraph (一、“十二五”规划执行情况和2015年工作回顾,
// 过去五年及2015年工作回顾), as a copy that runs the heading into its body
// writes it.
func (x *extractor) joinedSpanHeading(prev, m mark) bool {
	if prev.p.to != m.p.to || x.brokenAt(prev.at+1, m.at+1) {
		return false
	}
	lead := x.str(x.sentenceStart(prev.at), prev.at)
	if !strings.ContainsAny(lead, "和及暨与") {
		return false
	}
	for _, p := range planNumber.FindAllStringSubmatch(lead, -1) {
		if from := plans[p[1]]; from == m.p.from && from+4 == m.p.to {
			return true
		}
	}
	for _, n := range nYears.FindAllStringSubmatch(lead, -1) {
		if m.p.to-countWord(n[2]+n[5])+1 == m.p.from {
			return true
		}
	}
	return false
}

// planNumber: a five-year plan named by its number (“十二五”).
var planNumber = regexp.MustCompile(`十([一二三四五])五`)

// joinedYear: the words of a heading before its span's phrase name the
// year r joined to it (2020年主要工作和, 2020年及).
func joinedYear(lead string, r int) bool {
	for _, m := range anyYear.FindAllStringSubmatchIndex(lead, -1) {
		if y4(lead[m[2]:m[3]]) == r && strings.ContainsAny(lead[m[1]:], "和及暨与") {
			return true
		}
	}
	return false
}

// lineAround is the line of heading or paragraph the rune i stands on:
// from the break before it to the break after it.
func (x *extractor) lineAround(i int) (s, e int) {
	s, e = i, i+1
	for s > 0 && !x.t.breaks[s] {
		s--
	}
	for e < len(x.t.runes) && !x.t.breaks[e] {
		e++
	}
	return s, e
}

// earlyBy: a goal reached years ahead of its time (提前一年实现, 提前2年完成)
// right before the years it was set for.
var earlyBy = regexp.MustCompile(`提前([一两二三]|\d)年(全面)?(实现|完成|达到|达成)了?\s*$`)

// yearsCount: a count of years before what it speaks of (五年跨越2个台阶,
// 五年固定资产投资达95亿元), not a review's opening (五年来, 过去五年,
// 近五年), a year's part (年均, 年底), an ordinal (第五年) nor the name of
// a programme of N years (三年行动, 五年计划, 三年规划, 三年攻坚, 三年方案:
// 启动…三年行动，推进…10条 speaks of one year's work).
var yearsCount = regexp.MustCompile(`(^|[^\d第近去这期多〇零一两二三四五六七八九十百])([两二三四五六七八九十])年([^来间以均度底末初中前后内里代级行计规攻方]|$)`)

// contents are the review and target headings a sentence lists as the
// report's parts (报告分两部分：2017年工作回顾、2018年工作安排;
// 报告回顾了2022年工作，提出了2023年工作目标): a table of contents, no
// passage of its own; by byte offset.
func (x *extractor) contents() map[int]bool {
	type hit struct{ at, end int }
	var hits []hit
	for _, re := range []*regexp.Regexp{reviewHeading, targetHeading, partReview, partReviewOf, restOfYear} {
		for _, loc := range re.FindAllStringIndex(x.s, -1) {
			hits = append(hits, hit{loc[0], loc[1]})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	out := map[int]bool{}
	for k := 1; k < len(hits); k++ {
		a, b := hits[k-1], hits[k]
		if b.at < a.end {
			continue
		}
		// the next part follows within the same sentence, close by
		// (、 between parts; 回顾了2022年工作，提出了2023年工作目标 in news)
		between := x.s[a.end:b.at]
		if strings.ContainsAny(between, "。！？!?") || len([]rune(between)) > 30 {
			continue
		}
		broken := false
		for i := x.byteRune[a.end]; i <= x.byteRune[b.at] && !broken; i++ {
			broken = x.t.breaks[i]
		}
		if !broken {
			out[a.at], out[b.at] = true, true
		}
	}
	return out
}

// opensParagraph: the text at i opens a paragraph or heading (a few
// words of time or place aside: 在过去五年里), or the body after a
// numbered heading's sentence on its line ((一)经济发展。五年来，…).
func (x *extractor) opensParagraph(i int) bool {
	for i < len(x.t.runes) && strings.ContainsRune("。！？!?；;，,：: ", x.at(i)) {
		i++ // a mark's match may open with the character before it
	}
	s := x.sentenceStart(i)
	if lead := strings.TrimSpace(x.str(s, i)); lead != "" && heading.MatchString(lead) && heading.FindString(lead) == lead {
		return true // 。 二、过去五年工作回顾: a heading run into the line
	}
	if i-s > 3 {
		return false
	}
	if s == 0 || x.t.breaks[s] {
		return true
	}
	prev := x.sentenceStart(s - 1)
	return (prev == 0 || x.t.breaks[prev]) && isHeading(x.str(prev, s))
}

// reviewedBefore: a verb of reviewing right before a period's phrase
// (回顾了过去一年的工作, 总结过去五年).
var reviewedBefore = regexp.MustCompile(`(回顾|总结)了?\s*$`)

// skipSpaces is where the text from i on has no more spaces.
func (x *extractor) skipSpaces(i int) int {
	for i < len(x.t.runes) && x.at(i) == ' ' {
		i++
	}
	return i
}

// stressed: the phrase at i singles out the later part of the span its
// passage reviews (五年来特别是党的十九大以来, 过去五年尤其是2018年以来): what
// follows is said of the whole span, the part only stressed. In one year's
// review (近年来特别是十八大以来…) the phrase still opens its own span.
func (x *extractor) stressed(i int) bool {
	p, _ := x.passageAt(i)
	return !p.target && p.from < p.to && stressWord.MatchString(x.str(i-8, i))
}

var stressWord = regexp.MustCompile(`(特别|尤其)是?(党的|自|从)?\s*$`)

// countWord is the number a count of years is written with (四, 两, 10),
// 0 when it is none.
func countWord(s string) int {
	if n, ok := map[string]int{"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}[s]; ok {
		return n
	}
	n, _ := strconv.Atoi(s)
	return n
}

// termStart is the first year of the county and township governments'
// term that includes year r: their congresses are elected together across
// the country at the end of 2011, 2016 and 2021 (five-year terms), so a
// term's first full year is 2012, 2017, 2022, … .
func termStart(r int) int {
	return r - ((r-2012)%5+5)%5
}

// toDate: the year y, written before i, opens a year-to-date (2022年1-5月,
// 2019年上半年) of a year not after the report's delivery: its figures are
// that year's facts.
func (x *extractor) toDate(y, i int) bool {
	return y <= max(x.review, x.delivered) && yearToDate.MatchString(x.str(i, i+12))
}

// toDateEnd is the last month of the part of a year s opens with (上半年 6,
// 一季度 3, 前三季度 9, 1-5月 5), 0 when it opens with none.
func toDateEnd(s string) int {
	m := yearToDate.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	cn := map[string]int{"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
	switch w := strings.TrimSpace(m[0]); {
	case w == "上半年":
		return 6
	case strings.Contains(w, "一季度"):
		return 3
	case w == "前三季度":
		return 9
	case m[3] != "":
		if n, err := strconv.Atoi(m[3]); err == nil {
			return n
		}
		return cn[m[3]]
	case strings.HasPrefix(w, "前"):
		return cn[strings.TrimSuffix(strings.TrimPrefix(w, "前"), "个月")]
	}
	return 0
}

// pastPart: the text at i names a part of the year of delivery that had
// ended when the report was delivered (今年上半年 in a report of July).
func (x *extractor) pastPart(i int) bool {
	n := toDateEnd(x.str(i, i+12))
	return n > 0 && x.delivered > 0 && x.month > n
}

// ytd marks a period as the year so far.
func ytd(p period) period { p.toDate = true; return p }

func y4(s string) int { y, _ := strconv.Atoi(s); return y }

// scopeEnd is where a time phrase at i stops holding: its sentence's end,
// or a line that ends in ；, an item of a list set one per line (not a
// line of a PDF copy that wrapped right after its ；).
func (x *extractor) scopeEnd(i int) int {
	end := x.sentenceEnd(i)
	for j := i; j < end-1; j++ {
		if (x.at(j) == '；' || x.at(j) == ';') && j+1 < len(x.t.lines) && x.t.lines[j+1] != x.t.lines[j] && !x.t.full[x.t.lines[j]] {
			return j + 1
		}
	}
	return end
}

// lastBefore is the index in ms (in text order) of the last mark before i,
// -1 if none.
func lastBefore(ms []mark, i int) int {
	return sort.Search(len(ms), func(k int) bool { return ms[k].at >= i }) - 1
}

// passageAt is the period of the passage at i, time phrases aside, and
// where its mark stands (-1: the report's start).
func (x *extractor) passageAt(i int) (period, int) {
	if k := lastBefore(x.marks, i); k >= 0 {
		return x.marks[k].p, x.marks[k].at
	}
	return period{from: x.review, to: x.review}, -1
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '；', ';':
		return true
	}
	return false
}

// periodAt is the period of a figure at i: the last passage mark before
// it, unless a time phrase of its sentence after that mark says otherwise.
func (x *extractor) periodAt(i int) period {
	if x.review == 0 {
		// No year read: no period, but a passage of targets is one.
		p, _ := x.passageAt(i)
		return period{target: p.target}
	}
	p, pAt := x.passageAt(i)
	// Scoped marks end within a sentence, so only those a sentence back
	// can hold at i.
	for k := lastBefore(x.scoped, i); k >= 0 && x.scoped[k].at >= i-2*maxSentence; k-- {
		if m := x.scoped[k]; m.end > i {
			if m.at >= pAt {
				return m.p
			}
			break
		}
	}
	return p
}

// YearReading is the year a report reviews as read from its text (0 when
// it cannot be read), the year it was delivered when the text says, and
// the evidence that decided (an evidence's English name: "session date",
// "review heading", …; "" when none).
type YearReading struct {
	Review, Delivered int
	By                string
	// Weak: the year rests on weak evidence only (WeakYearEvidence):
	// nothing in the text names it as the year reviewed — no heading, no
	// session's date, no phrase of the year as a whole. It is still read;
	// the reader should confirm it (tally extract --year).
	Weak bool
	// Contested: evidence reading another year weighs half as much as
	// the evidence for the year read, or more; Against says which
	// evidence reads which year (any, contested or not).
	Contested bool
	Against   []YearAgainst
}

// YearAgainst is an evidence (its English name) that, read alone, reads
// another year reviewed than the one read.
type YearAgainst struct {
	By     string
	Review int
}

// weakEvidence is what names no year as the one reviewed, so that a
// reading resting on it alone is marked: a title's year (the year the
// report plans, or the one it reviews), the tense of the sentences a year
// opens, a page's date of posting (pages are reposted years later), and
// the year named most. Measured on the 209 development reports (dev and
// batch 7's development half): 24 read by it, none wrong (in-sample); with
// each report's deciding evidence left aside, as a fresh copy may lack it,
// 91 of 201 read by it, 5 of them wrong, and 1 wrong reading not marked
// (a session date) — see TestWeakYearEvidence.
var weakEvidence = map[evidence]bool{byTitleYear: true, byTense: true, byPageDate: true, byStatedYear: true, byMostNamed: true}

// WeakYearEvidence tells whether the evidence named by (an evidence's
// English name, as YearReading.By gives it) is weak: a reading resting on
// it alone is marked.
func WeakYearEvidence(by string) bool { return weakEvidence[evidence(by)] }

// ReadYear reads the year a report reviews as Extract does without a
// year given, saying which evidence decided.
func ReadYear(lines []string) YearReading {
	x := newExtractor(lines)
	d := x.decideYears()
	r := YearReading{Review: d.review, Delivered: d.delivered, By: string(d.by), Weak: d.review != 0 && x.weak, Contested: x.contested}
	for _, e := range YearEvidences() {
		if y, ok := x.against[evidence(e)]; ok {
			r.Against = append(r.Against, YearAgainst{By: e, Review: y})
		}
	}
	return r
}

// YearEvidences are the names of the evidence ReadYear may say decided,
// in the order decideYears tries them.
func YearEvidences() []string {
	return []string{string(byPartReview), string(byReviewHeading), string(bySessionDate), string(byTargetHeading),
		string(byWholeYear), string(byBudgetRun), string(byGoalYear), string(byPlanDraft), string(byTitleYear), string(byTense), string(byPageDate), string(byStatedYear), string(byMostNamed)}
}
