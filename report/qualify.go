package report

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The words that qualify a figure, as every report writes them, each with
// its canonical form. Words right before the number:
// (不低于, 不少于: at least, a lower bound as 以上 is; 不超过: at most, an
// upper bound as 以内 is — before 超过 and 过, which end it.)
var preWords = []struct{ word, q string }{
	{"不低于", "以上"}, {"不少于", "以上"}, {"不超过", "以内"},
	{"接近", "近"}, {"将近", "近"}, {"逼近", "近"}, {"近", "近"},
	{"大约", "约"}, {"约", "约"},
	{"超过", "超过"}, {"突破", "超过"}, {"超出", "超过"}, {"逾", "超过"}, {"超", "超过"}, {"过", "超过"},
	{"调整为", "增至"}, {"优化为", "增至"},
	{"达到", "达到"}, {"达", "达到"}, {"迈上", "以上"}, {"跨上", "以上"}, {"站上", "以上"},
}

// A verb of change followed by 到 or 至 names the level reached (增加到,
// 提高至, 降到 85%): a rise to it (增至) or a level reached by a fall (达到).
// 发展到 (grown to) rises as 增加到 does.
var (
	riseVerbs = []string{"增加", "增长", "提高", "提升", "上升", "扩大", "发展", "增"}
	fallVerbs = []string{"下降", "降低", "减少", "降"}
)

func init() {
	for _, to := range []string{"到", "至"} {
		for _, v := range riseVerbs {
			preWords = append(preWords, struct{ word, q string }{v + to, "增至"})
		}
		for _, v := range fallVerbs {
			preWords = append(preWords, struct{ word, q string }{v + to, "达到"})
		}
	}
}

// Words of a figure's clause: a growth or a decline (of a rate in % or
// 个百分点, or a multiple), an average annual rate, a sum over a span, a
// number added.
var (
	growthWords  = []string{"负增长", "同比增长", "同比增", "比增", "递增", "增长", "增幅", "增速", "提高", "提升", "上升", "增加", "扩大", "上涨", "涨幅", "涨", "增收", "回升", "净增", "多增", "增产"}
	declineWords = []string{"同比下降", "同比减少", "递减", "下降", "降幅", "减少", "降低", "回落", "下滑", "比降", "减收", "缩小", "收窄", "净减", "减产", "减"}
	// words that contain a growth word without being one
	notGrowth = []string{"增加值", "增长点", "新增长", "增长极", "自然增长率", "提高率", "增速换挡", "减税", "减费", "减负", "减排", "减贫", "减灾", "减量", "减免"}
)

var clauseMarks = "，。；：、！？,;:"

// qualify finds each figure's period, qualifiers, measure and subject, one
// decision per function, in order: the passage's period, 预计 over the
// sentence, the word before the number, the clause's words (or those of the
// list it continues), the words after the unit, then what they make of its
// measure, base year, 由…到…, five-year rules and subject.
func (x *extractor) qualify(figs []figure) []figure {
	for k := range figs {
		f := &figs[k]
		f.period = x.periodAt(f.start)
		if !f.period.target && f.period.from == f.period.to && f.period.from != 0 && x.aimed(f.start) {
			// 力争税收收入增长10%: a goal, for the year the report is
			// delivered in when its passage reviews the year before.
			y := f.period.to
			if y == x.review && x.delivered > x.review {
				y = x.delivered
			}
			f.period = period{from: y, to: y, target: true}
		}
		f.from = x.clauseStart(figs, k)
		before := joinWords(x.str(f.from, f.start))
		if x.signed(f.start) {
			// 增长负2%, 同比+8%: the sign is no word of the clause.
			before = joinWords(x.str(f.from, f.start-1))
		}
		// 预计 governs the rest of its sentence: 预计完成税收 15.2亿元，投资 118亿元.
		if x.estimated(f.start) || estimateNote.MatchString(x.str(f.unitEnd, f.unitEnd+16)) {
			// 生产总值99.3亿元（预计数，下同）: a note right after the figure
			// says it is an estimate.
			f.qualifiers = append(f.qualifiers, "预计")
		}
		x.preQualifiers(f, before)
		own := clauseQualifiers(before, f.unit)
		// 比重提高8.2个百分点、达52.3%: a clause with a verb stating a
		// level of its own (达, 达到, 增至) goes on no list of changes.
		if len(own) == 0 && k > 0 && (x.inList(figs, k) || x.nextItem(figs, k) || x.countFirstItem(figs, k, before)) && rateUnit(figs[k-1].unit) == rateUnit(f.unit) && !has(f.qualifiers, "达到") && !has(f.qualifiers, "增至") &&
			!comparative.MatchString(before) && !gapThan.MatchString(strings.TrimSpace(before)) && !ownShare.MatchString(strings.TrimLeft(before, "，,、 ")) {
			// (增长10.5%、高于全省3.5个百分点: a gap is no growth either;
			// 增长10.5%、税收占比86%: an item naming a share or rate of its
			// own states its level, as it does after a comma.)
			own = figs[k-1].own()
		}
		if len(own) == 0 && k > 0 && x.newListGoesOn(figs, k, before) {
			own = []string{"新增"}
		}
		// 累计投入…，…达到163家: a clause stating a level reached (达到,
		// 增至) is a level, not an item of the sum list before it, as it
		// goes on no list of changes above.
		if len(own) == 0 && k > 0 && !has(f.qualifiers, "达到") && !has(f.qualifiers, "增至") && x.sumListGoesOn(figs, k, before) {
			own = []string{"累计"}
		}
		// 税收增速逐季回升，一季度2.1%、前三季度3.5%: a rate whose clause
		// holds only its time is the growth the clause before names.
		if len(own) == 0 && rateUnit(f.unit) && clean(before) == "" {
			if q, _ := x.rateClause(figs, k); q != "" {
				own = []string{q}
			}
		}
		// 新建项目8个，续建项目5个: 新建 beside 续建 sorts projects by
		// stage (new builds, continued ones), it counts no new things.
		if has(own, "新增") && !strings.Contains(before, "新增") && strings.Contains(x.str(x.sentenceStart(f.start), x.sentenceEnd(f.start)), "续建") {
			own = without(own, "新增")
		}
		if !has(own, "新增") && (x.newListHead(figs, k) || x.partOfNew(figs, k) || newAfter(x.clauseAfter(f)) != "") {
			own = append(own, "新增")
		}
		for _, q := range own {
			f.qualifiers = appendOnce(f.qualifiers, q)
		}
		for _, s := range f.suffix {
			f.qualifiers = appendOnce(f.qualifiers, s)
		}
		if x.negative(f.start) && rateUnit(f.unit) {
			// 增长-2.8%: a decline of 2.8%, as LABELLING writes it.
			f.qualifiers = appendOnce(without(f.qualifiers, "增长"), "下降")
		}
		if x.positive(f.start) && rateUnit(f.unit) && !has(f.qualifiers, "下降") && !has(f.qualifiers, "年均") {
			f.qualifiers = appendOnce(f.qualifiers, "增长") // 同比+8%: a growth
		}
		f.measure = measureOf(f)
		x.base(f)
		x.startEnd(figs, k)
		x.spanRules(figs, k)
		f.subject, f.to = x.subject(figs, k, before)
		// 贫困人口由13677户减至887户, 568名贫困户: a count of households
		// names them, of people the people.
		switch {
		case f.unit == "户" && strings.HasSuffix(f.subject, "人口"):
			f.subject = strings.TrimSuffix(f.subject, "人口") + "户"
		case (f.unit == "人" || f.unit == "名") && strings.HasSuffix(f.subject, "贫困户"):
			f.subject = strings.TrimSuffix(f.subject, "户") + "人口"
		}
		// 生猪存栏32万头、出栏55万头: an item that is only a measure's noun
		// shares the head of the item before it.
		if k > 0 && x.nextItem(figs, k) {
			if loc, p := measureNoun.FindStringIndex(figs[k-1].subject), measureNoun.FindStringIndex(f.subject); loc != nil && loc[0] > 0 && p != nil && p[0] == 0 && p[1] == len(f.subject) {
				f.subject = figs[k-1].subject[:loc[0]] + f.subject
			}
		}
		// 固定资产投资累计完成2800亿元，年度投资均保持在500亿元以上: the
		// yearly amounts of a series just named by its end are of it.
		if m := yearlyShort.FindStringSubmatch(f.subject); m != nil && k > 0 && figs[k-1].start >= x.sentenceStart(f.start) &&
			strings.HasSuffix(figs[k-1].subject, m[2]) && len(figs[k-1].subject) > len(m[2]) {
			f.subject = m[1] + figs[k-1].subject
		}
		// 规上工业企业111户，总产值突破300亿: a measure with no head of its
		// own right after a count of enterprises is theirs.
		if k > 0 && measureNoun.MatchString(f.subject) && measureNoun.FindStringIndex(f.subject)[0] == 0 && countUnit(figs[k-1].unit) &&
			strings.HasSuffix(figs[k-1].subject, "企业") && figs[k-1].start >= x.sentenceStart(f.start) && !strings.ContainsAny(x.str(figs[k-1].unitEnd, f.start), "；;。") {
			f.subject = strings.TrimSuffix(figs[k-1].subject, "企业") + f.subject
		}
		// 规模以上工业实现总产值…；工业增加值增长11%: a measure of the same
		// head in its sentence keeps the scope the first one gave it.
		if m := scopedHead.FindStringSubmatch(f.subject); m != nil && k > 0 {
			// only the series stated right before it (its growth aside)
			for j := k - 1; j >= 0 && figs[j].start >= x.sentenceStart(f.start); j-- {
				p := scopedHead.FindStringSubmatch(figs[j].subject)
				if p != nil && p[1] != "" && p[2] == m[2] && m[1] == "" && p[3] != m[3] {
					f.subject = p[1] + f.subject
					break
				}
				if j == 0 || figs[j-1].subject != figs[j].subject {
					break
				}
			}
		}
		// 产值增长35%，拉动工业增长4.1个百分点: the points one series added
		// to another's growth, a contribution, not a growth of its own.
		if f.measure == Points {
			if m := pulls.FindStringSubmatch(stripTime(before)); m != nil {
				source := clean(m[1])
				if source == "" && k > 0 && figs[k-1].start >= x.sentenceStart(f.start) {
					source = figs[k-1].subject
				}
				if series := clean(m[3]); source != "" && series != "" {
					f.subject = source + "拉动" + series + "增长"
					f.qualifiers = without(without(f.qualifiers, "增长"), "下降")
				}
			}
		}
		x.targetAmount(figs, k, before)
		// 截至目前，已签约项目20个，协议资金50亿元: inside a plan, what is
		// already done (已 with a verb of doing in the clause, 截至目前
		// opening the sentence) is a fact of the year so far, not a goal.
		if f.period.target && f.period.from == f.period.to && x.doneSoFar(f) {
			f.period.target, f.period.toDate = false, true
		}
		x.samePeriodBefore(figs, k, before)
		// 一般公共预算收入同口径增长9%: the growth of the series restated on
		// a comparable basis, not of the series as recorded.
		if (f.measure == Growth || f.measure == Points) && sameBasis.MatchString(before) && f.subject != "" && !strings.HasPrefix(f.subject, "同口径") {
			f.subject = "同口径" + f.subject
		}
		// 按可比口径增长4%: the same, on the report's own restated scope.
		// 剔除留抵退税因素完成6.8亿元, 增加值剔除增加值率变化因素，同比增长
		// 2.2%: a figure restated without a factor is another series than
		// the one recorded, named with its restatement; the growth said
		// right after it (可比增长8.7%) is the restated series' too.
		if m := restatedBy.FindStringSubmatch(x.str(x.restateFrom(figs, k), f.start)); m != nil && f.subject != "" && !restated(f.subject) &&
			!strings.HasPrefix(f.subject, "同口径") { // 剔除…后同口径增长: named by its 同口径 as before
			f.subject = strings.TrimSuffix(m[1], "后") + f.subject
		}
		if (f.measure == Growth || f.measure == Points) && comparableBasis.MatchString(before) && f.subject != "" && !strings.HasPrefix(f.subject, "可比口径") && !restated(f.subject) {
			f.subject = "可比口径" + f.subject
		}
	}
	x.structure(figs)
	return x.lists(figs)
}

// restatedBy: a restatement of a series without a factor (剔除…因素后,
// 扣除…因素); the name it gives is the words without 后.
var restatedBy = regexp.MustCompile(`((?:剔除|扣除)[^，,。；;：:\d]{1,16}?(?:因素|影响)|(?:剔除|扣除)[^，,。；;：:\d]{1,12}?后)\s*[，,]?\s*[^，,。；;\d]{0,6}$`)

func restated(subject string) bool {
	return strings.HasPrefix(subject, "剔除") || strings.HasPrefix(subject, "扣除")
}

// restateFrom is where the words that may restate figure k begin: after
// the figure before it in its sentence, or the sentence's start.
func (x *extractor) restateFrom(figs []figure, k int) int {
	from := x.sentenceStart(figs[k].start)
	if k > 0 && figs[k-1].unitEnd > from {
		from = figs[k-1].unitEnd
	}
	return from
}

// structureWords name the structure of an economy by its three sectors
// (三次产业结构, 三产结构比, 产业结构比例, 一二三产业比例).
var structureWords = regexp.MustCompile(`三次产业|三产|产业结构|产业比例|产业比重|一二三产`)

// structure: a ratio a:b:c of three parts stated of the three sectors'
// structure (三次产业结构调整为a:b:c, 由a:b:c优化为d:e:f) gives each sector's
// share of 地区生产总值, in order.
func (x *extractor) structure(figs []figure) {
	// in the report's own name for the economy's output: 生产总值 when it
	// never writes 地区生产总值 (or GDP).
	total := "地区生产总值"
	if strings.Contains(x.s, "生产总值") && !strings.Contains(x.s, "地区生产总值") && !strings.Contains(x.s, "GDP") {
		total = "生产总值"
	}
	var sectors []string
	for _, n := range []string{"一", "二", "三"} {
		sectors = append(sectors, "第"+n+"产业增加值占"+total+"比重")
	}
	part := func(k int) bool { // figure k goes on the ratio of figure k-1
		return k > 0 && figs[k].unit == "" && figs[k-1].unit == "" && figs[k-1].unitEnd < figs[k].start &&
			strings.TrimSpace(x.str(figs[k-1].unitEnd, figs[k].start)) == ":"
	}
	for k := 0; k < len(figs); k++ {
		if figs[k].unit != "" || part(k) {
			continue
		}
		n := 1
		for k+n < len(figs) && part(k+n) {
			n++
		}
		// 累计实施项目79项，…，产业结构演进为15.5:51.8:32.7: the parts of a
		// ratio are shares, which no list of sums or new things covers.
		for i := 0; n > 1 && i < n; i++ {
			figs[k+i].qualifiers = without(without(figs[k+i].qualifiers, "累计"), "新增")
			figs[k+i].measure = measureOf(&figs[k+i])
		}
		if n == 3 && structureWords.MatchString(figs[k].subject) {
			for i := 0; i < 3; i++ {
				figs[k+i].subject = sectors[i]
			}
		}
		k += n - 1
	}
}

// lists applies what a list says of all its figures: 分别 and lists
// that follow lists map to subjects in order; a 左右 after the last speaks
// of all; 均 gives each listed subject the figure.
func (x *extractor) lists(figs []figure) []figure {
	x.respectively(figs)
	// 从X1和X2提高到Y1和Y2: the Ys are the levels the Xs' series reached,
	// in order.
	for k := 0; k < len(figs); k++ {
		if !figs[k].startOf || k > 0 && figs[k-1].startOf {
			continue
		}
		n := 1
		for k+n < len(figs) && figs[k+n].startOf && x.inList(figs, k+n) {
			n++
		}
		if n < 2 || k+2*n > len(figs) {
			continue
		}
		ends := true
		for i := 0; i < n; i++ {
			ends = ends && figs[k+n+i].endOf && (i == 0 || x.inList(figs, k+n+i))
		}
		for i := 0; ends && i < n; i++ {
			figs[k+n+i].subject = figs[k+i].subject
		}
	}
	for k := len(figs) - 1; k > 0; k-- {
		// 分别增长8%和8.5%左右: 左右 speaks of the whole list.
		if has(figs[k].suffix, "约") && x.inList(figs, k) && len(figs[k-1].suffix) == 0 {
			figs[k-1].suffix = []string{"约"}
			figs[k-1].qualifiers = appendOnce(figs[k-1].qualifiers, "约")
		}
		// 分别增长8%、9%以上: so does a bound after a 分别 list, unless it is
		// what sets two equal figures apart (分别增长8%和8%以上).
		for _, b := range []string{"以上", "以内"} {
			if has(figs[k].suffix, b) && len(figs[k].suffix) == 1 && x.inList(figs, k) && len(figs[k-1].suffix) == 0 && x.respective(figs[k-1].start) && figs[k-1].value != figs[k].value {
				figs[k-1].suffix = []string{b}
				figs[k-1].qualifiers = appendOnce(figs[k-1].qualifiers, b)
			}
		}
	}
	x.gapLists(figs)
	for k := range figs {
		// 全年累计发放…: a 累计 within one year is that year's total.
		if figs[k].measure == Cumulative && figs[k].period.from == figs[k].period.to {
			figs[k].measure = Level
		}
	}
	return x.each(figs)
}

// gapLists gives a list of gaps (高于全国全省5.9和2.9个百分点; 分别增长
// 10.8%和14.9%，高于全国0.1和2.2个百分点) one comparison each, in order:
// with as many places compared as gaps, each gap is with its place; after
// a list of as many growth rates, each gap is of its rate.
func (x *extractor) gapLists(figs []figure) {
	for k := 0; k < len(figs); k++ {
		at := strings.Index(figs[k].subject, "增速高于")
		if figs[k].measure != Points || at < 0 {
			continue
		}
		n := 1
		for k+n < len(figs) && figs[k+n].measure == Points && x.inList(figs, k+n) && figs[k+n].subject == figs[k].subject {
			n++
		}
		if n < 2 {
			continue
		}
		series, with := figs[k].subject[:at], figs[k].subject[at+len("增速高于"):]
		if places := placeWord.FindAllString(with, -1); len(places) == n && strings.Trim(placeWord.ReplaceAllString(with, ""), "、和及与") == "" {
			for i := 0; i < n; i++ {
				figs[k+i].subject = series + "增速高于" + places[i]
			}
		} else if k >= n && figs[k-n].start >= x.sentenceStart(figs[k].start) {
			rates := figs[k-n : k]
			ok := true
			for i, r := range rates {
				ok = ok && r.measure == Growth && r.subject != "" && (i == 0 || x.inList(figs, k-n+i) && r.subject != rates[i-1].subject)
			}
			for i := 0; ok && i < n; i++ {
				yearly := ""
				if has(rates[i].qualifiers, "年均") {
					yearly = "年均"
				}
				figs[k+i].subject = rates[i].subject + yearly + "增速高于" + with
			}
		}
		k += n - 1
	}
}

// placeWord: a place a rate is compared with (全国, 全省, 全市…).
var placeWord = regexp.MustCompile(`全国|全省|全市|全州|全区|全县`)

// respective: 分别 stands in the clause before the figure at i.
func (x *extractor) respective(i int) bool {
	seg := x.str(x.back(i, "，。；：,;:"), i)
	return strings.Contains(seg, "分别") || strings.Contains(seg, "依次")
}

// each gives a figure stated of several subjects one claim per subject, in
// their order: 财政总收入、地方财政收入均增长7%.
func (x *extractor) each(figs []figure) []figure {
	var out []figure
	for k, f := range figs {
		from := x.back(f.start, "，。；：,;:")
		seg := x.str(from, f.start)
		at := strings.LastIndex(seg, "均")
		// 地区生产总值、财政收入、工业总产值分别增长5%左右: 分别 before one
		// figure alone says it of each series listed, as 均 does.
		if r := strings.LastIndex(seg, "分别"); r > at && (k == 0 || !x.inList(figs, k)) && (k+1 == len(figs) || !x.inList(figs, k+1)) {
			seg = seg[:r] + "均" + seg[r+len("分别"):]
			at = r
		}
		// 均 says "each" only right before what is said of them (均增长7%,
		// 均保持在…); before a noun it is part of one (地均税收, 亩均税收).
		if at < 0 || strings.HasSuffix(seg[:at], "年") || strings.HasSuffix(seg[:at], "人") || strings.HasSuffix(seg[:at], "平") || clean(stripComparison(keepVerb.ReplaceAllString(seg[at+len("均"):], ""))) != "" {
			out = append(out, f)
			continue
		}
		items := listItems(seg[:at])
		if len(items) < 2 {
			// 城乡居民人均可支配收入均增长7%: a pair word names two series.
			items = pairItems(clean(stripComparison(seg[:at])))
		}
		if len(items) < 2 || yearItem.MatchString(items[0]) {
			// 2017和2018年税收收入均为…: a list of years, not of subjects.
			out = append(out, f)
			continue
		}
		for _, it := range items {
			g := f
			g.subject = it
			out = append(out, g)
		}
	}
	return out
}

// yearItem: a list item that is a bare number (the first of 2017和2018年).
var yearItem = regexp.MustCompile(`^\d+$`)

// keepVerb: a verb of keeping a level after 均 (增速均保持10%以上, 均稳定在).
var keepVerb = regexp.MustCompile(`^(保持|稳定|维持|控制)(在|于)?$`)

// estimated: 预计 stands earlier in the figure's sentence, and no new
// passage begins between them.
func (x *extractor) estimated(i int) bool {
	from := x.sentenceStart(i)
	at := strings.LastIndex(x.str(from, i), "预计")
	if at < 0 {
		return false
	}
	at = from + len([]rune(x.str(from, i)[:at]))
	if closesBracket(x.str(at, i)) && !estimateBelow.MatchString(x.str(at+2, min(at+10, i))) {
		// 投资638亿元（其中：区本级预计完成576亿元）；累计完成收入76.6亿元:
		// a 预计 inside brackets closed before the figure holds inside only.
		return false
	}
	_, pAt := x.passageAt(i)
	if pAt > at {
		return false // a new passage began after 预计
	}
	// 全社会固定资产投资预计完成469亿元、年均增长12.6%，引进项目95个: a 预计
	// after its clause's subject is that subject's; a later clause naming
	// a subject of its own is not estimated.
	pre := dropSpaces.Replace(x.str(x.back(at, clauseMarks), at))
	for rest := leadTime.ReplaceAllString(pre, ""); rest != pre; rest = leadTime.ReplaceAllString(pre, "") {
		pre = rest // 2019年，全区预计…: time and place words open the clause
	}
	if len([]rune(clean(pre))) < 4 {
		return true // no subject before it (初步预计, 经初步预计)
	}
	if sameBelow.MatchString(x.str(at+2, min(at+8, i))) {
		return true // 地区生产总值（预计，下同）: it holds for what follows
	}
	j := at + 2
	for j < i && !isDigit(x.at(j)) {
		j++
	}
	if clean(x.str(at+2, j)) != "" {
		return true // …稳中有进预计地区生产总值…: a subject after it, it opens the list
	}
	own := x.back(i, "，,；;")
	if own <= at {
		return true
	}
	if !strings.ContainsAny(x.str(at, own), "；;") {
		// 固定资产投资预计完成100亿元，同比增长1.5%，其中建安投资完成70亿元:
		// within its ；-clause a 预计 after the subject covers the comma
		// clauses that go on with nouns (其中…, another series of the
		// list); one opening with a verb of its own (，引进项目95个) is
		// another statement.
		return clean(stripComparison(x.str(own, i))) == "" || !opensWithVerb(x.str(own, i))
	}
	return clean(stripComparison(x.str(own, i))) == ""
}

// opensWithVerb: a clause (its mark first) whose first word, after time
// and place words, is a verb of doing or reporting (引进, 完成, 实现).
func opensWithVerb(clause string) bool {
	c := strings.TrimLeft(strings.Join(strings.Fields(clause), ""), "，,；;、")
	for rest := leadTime.ReplaceAllString(c, ""); rest != c; rest = leadTime.ReplaceAllString(c, "") {
		c = rest
	}
	for _, v := range verbs {
		if strings.HasPrefix(c, v) {
			return true
		}
	}
	return false
}

// spanRules: in a five-year review a flow is summed over the span (累计
// even when no word says so) while a stock reached (达到, 增至, 发展到)
// and the Y of 由X到Y are the last year's levels; of five-year targets a
// level to reach is the last year's, a rate or sum the span's.
func (x *extractor) spanRules(figs []figure, k int) {
	f := &figs[k]
	if (has(f.qualifiers, "年均") || has(f.qualifiers, "累计") && (f.period.target || !namedYear.MatchString(x.str(f.from, f.start)))) && f.period.from == f.period.to {
		// 由2011年的X提高到2016年的Y，年均增长9.4%: the rate is the span's;
		// so is a 累计 whose own clause names no year (2020年达到12.5亿元；
		// 累计完成投资980亿元) and a sum of 今后五年 targets (到2023年…，
		// 累计完成投资500亿元).
		if p, _ := x.passageAt(f.start); p.from != p.to && p.to == f.period.to || p.from != p.to && has(f.qualifiers, "年均") {
			f.period = p
		}
	}
	if p, _ := x.passageAt(f.start); has(f.qualifiers, "累计") && f.period.from == f.period.to && !f.period.target && p.from == p.to {
		// 2023年…验收，…2024年…项目，治理改造农田总计16300亩: a sum over
		// the years its sentence names.
		lo, hi := 0, 0
		for _, m := range namedYear.FindAllStringSubmatch(x.str(x.sentenceStart(f.start), f.start), -1) {
			y, _ := strconv.Atoi(m[1])
			if y < x.review-15 || y > x.review+1 {
				continue
			}
			if lo == 0 || y < lo {
				lo = y
			}
			hi = max(hi, y)
		}
		if lo != 0 && lo < hi && hi == f.period.to {
			f.period = period{from: lo, to: hi}
			f.measure = Cumulative
			return
		}
	}
	// 截至2016年底…是2011年的1.37倍: a multiple of a base year speaks of
	// the span after it.
	// 比2012年增长47.7% in a review of 2016: a growth against a stated base
	// year speaks of the span after it, as a multiple does.
	// In a span's review the same holds when the base is a year inside
	// the span (五年来…较2017年提升4.2个百分点 in a review of 2017-2021:
	// 2018-2021).
	if (f.unit == "倍" || f.measure == Growth || f.measure == Points) && f.base > 0 && !f.period.target &&
		(f.period.from == f.period.to && f.base < f.period.to-1 || f.period.from < f.period.to && f.base >= f.period.from && f.base < f.period.to) {
		f.period = period{from: f.base + 1, to: f.period.to}
		return
	}
	// 人均纯收入达到1.6万元，高于国家标准3倍: a multiple comparing the
	// level just stated with another's is of that level's year.
	if f.unit == "倍" && f.base == 0 && k > 0 && f.period.from != f.period.to && !f.period.target && comparative.MatchString(x.str(f.from, f.start)) {
		if prev := figs[k-1]; prev.measure == Level && prev.period.from == prev.period.to && prev.period.to == f.period.to && prev.start >= x.sentenceStart(f.start) {
			f.period = prev.period
			return
		}
	}
	// A part of a ratio a:b:c speaks of the period of the first.
	if k > 0 && f.unit == "" && figs[k-1].unit == "" && figs[k-1].unitEnd+1 == f.start {
		f.period = figs[k-1].period
		return
	}
	p := f.period
	if f.endOf && p.from != p.to {
		f.period = period{from: p.to, to: p.to, target: p.target}
		return
	}
	if p.from == p.to || f.startOf {
		return
	}
	last := period{from: p.to, to: p.to, target: p.target}
	if p.target {
		if f.measure == Level || f.measure == Ratio {
			f.period = last
		}
		return
	}
	if f.measure == Growth && !has(f.qualifiers, "累计") && !has(f.qualifiers, "年均") && k > 0 && yearOnYear.MatchString(x.str(f.from, f.start)) &&
		figs[k-1].measure == Level && figs[k-1].period == last && figs[k-1].start >= x.sentenceStart(f.start) {
		// 五年来，…水稻播种面积10800亩，同比增长8%: a growth on the year
		// before (同比, 比上年) right after a level of the span's last year
		// is that year's growth.
		f.period = last
		return
	}
	// A level reached, passed or nearly reached (突破350亿元, 接近1300亿元),
	// a count of a size class (5个千亿级产业, 超亿元的镇3个) and a part
	// (其中…) of such a level are stocks at the span's end; a sum says 累计.
	// (80%以上的贫困户得到…: a share of those who got something over the
	// span, not a level reached.)
	share := rateUnit(f.unit) && x.at(f.unitEnd) == '的'
	reached := has(f.qualifiers, "达到") || has(f.qualifiers, "增至") || has(f.qualifiers, "以上") && !share ||
		!has(f.qualifiers, "累计") && (x.yearlyBound(f) || x.sizeClass(f) && !flowVerb.MatchString(x.str(f.from, f.start)) && !strings.Contains(x.str(f.from, f.start), "新") || x.partOfLevel(figs, k) || stockWords.MatchString(x.str(f.from, f.start)) ||
			pending.MatchString(x.str(x.back(f.start, "，。；,;：:！？"), f.start)))
	if f.measure == Level && !has(f.qualifiers, "累计") && k+1 < len(figs) && rateAfter.MatchString(x.str(f.unitEnd, figs[k+1].start)) &&
		(yearlyAmount.MatchString(x.str(f.from, f.start)) || seriesInvest.MatchString(x.str(f.from, f.start))) && !flowVerb.MatchString(levelVerbs(x.str(f.from, f.start))) {
		// 地区生产总值300亿元，年均增长7%: the yearly amount the rate led to;
		// not a flow brought about (投资完成800亿元、年均增长10% sums the years).
		// 全社会固定资产投资161亿元，年均增长12.9%: the series' name is no
		// verb of investing; written bare, the year's amount too.
		reached = true
	}
	// 地区生产总值300亿元, 进出口总额5.32亿美元 (no 年均 rate after): a
	// yearly amount named bare in a span's review is the year it reached,
	// as with its rate; a flow brought about (完成投资, 引进资金) sums.
	if f.measure == Level && moneyUnit(f.unit) && !has(f.qualifiers, "累计") && !has(f.qualifiers, "新增") && yearlyAmount.MatchString(x.str(f.from, f.start)) &&
		!seriesInvest.MatchString(x.str(f.from, f.start)) && !flowVerb.MatchString(levelVerbs(x.str(f.from, f.start))) && !yearsCount.MatchString(x.str(f.from, f.start)) {
		reached = true
	}
	if pre := x.str(f.from, f.start); f.measure == Level && moneyUnit(f.unit) && !has(f.qualifiers, "累计") && yearlySeries.MatchString(pre) && !flowVerb.MatchString(levelVerbs(pre)) && !sumWords.MatchString(pre) && !strings.Contains(pre, "累积") {
		// 规上工业增加值实现22亿元 in a review of five years: a yearly
		// series' amount of money stated without a word of summing (累计,
		// 累积, 共计) is the year's (the last), with a rate after it or
		// without.
		reached = true
	}
	if x.cultivatedFirms(f) {
		reached = true // 培育高新技术企业40家 over a term: the stock built up
	}
	if moneyUnit(f.unit) && clusterAfter.MatchString(x.str(f.unitEnd, f.unitEnd+12)) {
		// 形成50亿元畜禽产业集群: an amount naming the size of a cluster
		// or chain the span built is that stock's size at its end.
		reached = true
	}
	if firstCrossed.MatchString(x.str(f.from, f.start)) {
		// 新增企业首次超1万家, 财力总量首次突破50亿元: a bound crossed for the
		// first time is a level of one year (the last, when none is named),
		// not a sum of the span, whatever the series.
		reached = true
	}
	if keptAt.MatchString(x.str(x.back(f.start, "，。；,;"), f.start)) {
		// 粮食播种面积稳定在7万亩以上, 养殖规模稳定在2万匹、5000峰左右: a
		// level kept is a stock at the span's end, with a bound or without.
		reached = true
	}
	// 规上工业增加值实现22亿元，占二产增加值比重达到75.8%: a yearly amount
	// whose share of a whole follows is the year's, as one whose 年均 rate
	// follows is.
	if f.measure == Level && !has(f.qualifiers, "累计") && k+1 < len(figs) && rateUnit(figs[k+1].unit) && shareNext.MatchString(x.str(f.unitEnd, figs[k+1].start)) &&
		yearlyAmount.MatchString(x.str(f.from, f.start)) {
		reached = true
	}
	// 仅用5天实现…: the time a thing took is how long it took, never a sum.
	if timeTaken.MatchString(x.str(f.from, f.start)) && strings.ContainsAny(f.unit, "天日月周时年") {
		reached = true
	}
	if scaleBefore.MatchString(x.str(f.from, f.start)) || scaleAfter.MatchString(x.str(f.unitEnd, f.unitEnd+4)) {
		reached = true // 投资规模近3亿元, 总产值突破300亿规模: a scale reached
	}
	if k > 0 && figs[k-1].measure == Cumulative && figs[k-1].unit == f.unit && figs[k-1].start >= x.sentenceStart(f.start) && strings.Contains(x.str(figs[k-1].unitEnd, f.start), "其中") {
		reached = false // 落户企业24家，其中亿元级企业9家: a part of a sum sums the same span
	}
	if f.measure == Level && yearsCount.MatchString(x.str(f.from, f.start)) && !stockWords.MatchString(x.str(f.from, f.start)) {
		reached = false // 五年固定资产投资达95亿元: the N years' sum
	}
	// 集聚企业30家、12家: a level's list goes on as a level of the end.
	if f.measure == Level && k > 0 && x.inList(figs, k) && figs[k-1].unit == f.unit && figs[k-1].measure == Level && figs[k-1].period == last {
		f.period = last
		return
	}
	// 聚集了甲等3家外资总部、乙等12家银行总部和丙等62户总部企业: counts
	// the same verb of a stock governs, in one clause, are levels of the
	// end too.
	// (拥有企业80家、引进总部企业12家: an item with its own verb of
	// bringing in is a flow again.)
	if between := x.str(figs[max(k, 1)-1].unitEnd, f.start); f.measure == Level && k > 0 && !strings.ContainsAny(between, "，。；：,;:") && figs[k-1].measure == Level && figs[k-1].period == last &&
		countUnit(f.unit) && countUnit(figs[k-1].unit) && len(f.qualifiers) == 0 && !flowVerb.MatchString(between) && !strings.Contains(between, "新") {
		f.period = last
		return
	}
	if f.measure == Level && eachYear.MatchString(x.str(f.from, f.start)) {
		return // 年度投资均保持在100亿元以上: a bound every year of the span kept
	}
	if f.measure == Level && planItems.MatchString(x.str(f.unitEnd, f.unitEnd+12)) {
		return // of the span as a whole: neither a sum nor the last year's
	}
	if f.measure == Level && !rateUnit(f.unit) && x.namesItem(f) {
		return // 实施甲120万吨焦化、乙…等551个项目: a size naming an item the span carried out
	}
	if f.measure == Ratio && contribution.MatchString(x.str(f.from, f.start)) {
		return // 服务业对经济增长贡献率达59.8%: a share of the span's growth, not a level reached
	}
	// 七大产业产值占工业比重88.4%，提高23.4个百分点: a share whose change
	// in points follows is a level at a time, the span's end.
	pointsAfter := k+1 < len(figs) && strings.HasSuffix(figs[k+1].unit, "百分点") && pointsChange.MatchString(x.str(f.unitEnd, figs[k+1].start))
	// 三次产业结构调整为15.5:51.8:32.7: a structure is a state at a time,
	// the span's end (its other parts follow the first, above).
	if f.measure == Ratio && (reached || pointsAfter || f.unit == "" || has(f.qualifiers, "超过") || has(f.qualifiers, "近") || f.unit == "%" && rateLevel.MatchString(x.str(f.from, f.start))) {
		// 城镇化率超60%: a rate passed, like one reached, is the end's; so
		// is a rate of coverage stated bare (森林覆盖率62%), unlike a share
		// of what the span spent (民生支出占财政支出比重80%).
		f.period = last // 森林覆盖率提高到 62.3%: the rate at the end
		return
	}
	if f.measure != Level {
		return
	}
	if reached {
		f.period = last
		return
	}
	f.qualifiers = appendOnce(f.qualifiers, "累计")
	f.measure = Cumulative
}

// yearOnYear: a comparison with the year before (同比, 比上年, 较去年):
// what it compares is one year's.
var yearOnYear = regexp.MustCompile(`同比|(比|较)(上年|去年|上一年)|上年同期|去年同期`)

// clusterAfter: an industry's cluster or chain named right after an
// amount, the amount its size (50亿元畜禽产业集群, 百亿级产业链).
var clusterAfter = regexp.MustCompile(`^\s*级?\p{Han}{0,6}(产业集群|集群|产业链)`)

// firstCrossed: 首次 (for the first time) right before a bound or a verb
// of reaching.
var firstCrossed = regexp.MustCompile(`首次\s*(超过?|突破|达到?|迈上|跨上|站上)\s*$`)

// levelVerbs is the clause before a figure without what names no flow
// brought about: the investment series' name (固定资产投资 is a noun), and
// 完成 before a yearly amount (完成地区生产总值210.9亿元 states the year's
// amount, as 实现 does; 完成投资 is a flow, and so is 实现 of investment).
func levelVerbs(pre string) string {
	invest := seriesInvest.MatchString(pre)
	pre = seriesInvest.ReplaceAllString(pre, "")
	switch {
	case yearlyAmount.MatchString(pre):
		pre = strings.ReplaceAll(pre, "完成", "")
	case invest:
		// 固定资产投资预计实现469亿元: 实现 of investment is its 完成.
		pre = strings.ReplaceAll(pre, "实现", "完成")
	}
	return pre
}

// yearlySeries: a series the statistics count by the year: the amounts
// of yearlyAmount and a budget's spending (一般公共预算支出).
var yearlySeries = regexp.MustCompile(yearlyAmount.String() + `|预算支出|财政支出`)

// keptAt: a verb of keeping a level (稳定在, 保持在, 维持在) heading the
// figure's clause.
var keptAt = regexp.MustCompile(`(稳定|保持|维持)在`)

// seriesInvest: the statistics' series of investment, a noun (its 投资 is
// no verb of investing).
var seriesInvest = regexp.MustCompile(`(全社会)?固定资产投资(总额|额)?`)

// contribution: a share of growth (贡献率), which a span's growth has as
// a whole.
var contribution = regexp.MustCompile(`贡献率\s*(达到?|为|是)?\s*$`)

// pointsChange: what stands between a share and its change in points
// right after it (…88.4%，提高23.4个百分点; …40%、比2015年提高5个百分点).
var pointsChange = regexp.MustCompile(`^\s*[，,、]?\s*((比|较)[^，,；;。]{0,8})?(提高|提升|上升|增加|下降|降低|回落|减少|扩大|缩小)了?\s*$`)

// scaleBefore, scaleAfter: 规模 (scale) naming the figure, before it with
// its verb or bound (投资规模近3亿元, 规模达50亿元) or right after it
// (突破300亿规模, 迈上百亿规模): a size reached, not a sum.
var (
	scaleBefore = regexp.MustCompile(`规模\s*(达到?|为|约|近|超过?|突破|逾)?\s*$`)
	scaleAfter  = regexp.MustCompile(`^\s*(规模|大关)`)
)

// countUnit: a unit that counts things (家, 户, 个), not an amount, a rate or a
// measure of size.
func countUnit(u string) bool {
	return len([]rune(u)) == 1 && strings.ContainsRune("个家户名人项所座处", []rune(u)[0])
}

// rateLevel: a clause naming a rate (覆盖率, 城镇化率, 参保率) right before its figure.
var rateLevel = regexp.MustCompile(`率\s*(达到?|为|是|保持在|稳定在)?\s*$`)

// rateAfter: what stands between a level and the 年均 rate of the same
// series right after it (…300亿元，年均增长7%), or its change or multiple
// of a stated base (…，比2015年增长40%; …，是2015年的2倍).
var rateAfter = regexp.MustCompile(`^\s*[，,、]?\s*((年均|年平均)(增长|增速|增幅|增加|提高|递增)?了?(为|达到?)?|增长|(较|比)(\d{4}\s*年|“?十[一二三四五]五”?)(末|底|期末)?(增长|提高)|是(\d{4}\s*年|“?十[一二三四五]五”?)(末|底|期末)?的)\s*$`)

// eachYear: a level said to hold in every year of a span (每年…均保持在,
// 年度投资均保持在, 历年都稳定在).
var eachYear = regexp.MustCompile(`(每年|年度|各年度?|历年|年年|常年|连年)[^，。；,;]{0,10}(均|都)?(保持|稳定|维持)(在|于)`)

// yearlyBound: a yearly amount (产值, 收入, 总值, 销售额) said to pass or
// near a bound (工业总产值…接近1300亿元, 镇级财政收入全部超过1000万元) is a
// level the last year reached, unless a verb of spending or bringing in
// makes it a sum (投入近50亿元).
func (x *extractor) yearlyBound(f *figure) bool {
	// (总产值突破300亿规模: a bare 亿 or 万 of an amount is its 元.)
	if !moneyUnit(f.unit) || !has(f.qualifiers, "超过") && !has(f.qualifiers, "近") {
		return false
	}
	return yearlyAmount.MatchString(x.str(x.back(f.start, "。；;"), f.start)) && !flowVerb.MatchString(x.str(f.from, f.start))
}

// stockWords name a stock or a per-head level, never summed over years:
// 拥有高新技术企业68家, 人均可支配收入35600元, 存款余额42.3亿元.
var stockWords = regexp.MustCompile(`人均|户均|平均|余额|总数|总量|拥有|现有|保有|集聚|聚集|存量|常住人口|户籍人口`)

// namesItem: the figure is part of the name of an item in a list the
// clause then counts (实施甲公司120万吨焦化、乙公司…等551个重点项目): it
// names the item, it measures nothing of the span by itself.
func (x *extractor) namesItem(f *figure) bool {
	if countUnit(f.unit) {
		return false // 甲等12家企业、乙等62户…: counts of the items, not a size naming one
	}
	end := f.unitEnd
	for end < len(x.t.runes) && end < f.unitEnd+80 && !strings.ContainsRune("，。；,;！？!?：:", x.at(end)) && !x.t.breaks[end] {
		end++
	}
	return itemsCounted.MatchString(x.str(f.unitEnd, end))
}

var itemsCounted = regexp.MustCompile(`^[^\d]*[^\d、]等\s*\d+\s*(个|项|家|户|所|座|条|处)[^\d]{0,8}(项目|工程|企业|园区)`)

// shareNext: the words between a level and its share (，占…比重达到).
var shareNext = regexp.MustCompile(`^\s*[，,、]\s*占[^，,。；;]{1,16}(比重|比例)?\s*(达到|达|为|是)?\s*$`)

// timeTaken: a verb of the time a thing took (仅用, 历时, 耗时) right before
// a duration.
var timeTaken = regexp.MustCompile(`(仅用|只用|用了?|历时|耗时|仅仅用)\s*$`)

// pending: projects under negotiation or construction as the report
// speaks (在谈项目…投资规模近3亿元, 在建项目45个): a stock at its time.
var pending = regexp.MustCompile(`(在谈|在建)的?(项目|企业)`)

var namedYear = regexp.MustCompile(`(\d{4})\s*年`)

var (
	yearlyAmount = regexp.MustCompile(`产值|收入|支出|总值|增加值|销售额|营业额|营收|零售总额|进出口总?额|出口总?额`)
	flowVerb     = regexp.MustCompile(`投入|投资|引进|吸引|招引|完成|实施|争取|融资|筹集|发放|兑现|拨付|到位`)
)

// sizeClass: a count of things of a size class: 5个千亿级产业, 其中超亿元
// 的镇3个.
func (x *extractor) sizeClass(f *figure) bool {
	if moneyUnit(f.unit) || rateUnit(f.unit) {
		return false
	}
	if strings.Contains(x.str(f.unitEnd, f.unitEnd+8), "台阶") {
		return false // 跨越2个百亿级台阶: thresholds crossed, a change
	}
	return classAfter.MatchString(x.str(f.unitEnd, f.unitEnd+6)) || classBefore.MatchString(x.str(f.from, f.start)) || classAbove.MatchString(x.str(f.from, f.start))
}

// classAbove: a class of enterprises named by the size they pass, the
// bound after the amount (亿元以上企业12家, 5000万元以上的企业): with or
// without 的, as classBefore's bound before it (超5000万元企业15户).
var classAbove = regexp.MustCompile(`[万亿]\s*元以上的?企业\s*$`)

var (
	classAfter  = regexp.MustCompile(`^[十百千万亿]+元?级`)
	classBefore = regexp.MustCompile(`(超过?|突破)\s*[\d.\s十百千万亿]*[万亿]\s*元?的|[十百千万亿]+元?级|(超过?|突破|过|逾)\s*[\d.\s十百千万亿]*[万亿]\s*元?(以上)?的?\p{Han}{0,4}(企业|项目|村|户|镇|园区|楼宇)\s*$`)
)

// partOfLevel: 其中… after a level of the same sentence is a part of it.
func (x *extractor) partOfLevel(figs []figure, k int) bool {
	if k == 0 || figs[k-1].measure != Level || figs[k-1].start < x.sentenceStart(figs[k].start) {
		return false
	}
	return strings.Contains(x.str(figs[k-1].unitEnd, figs[k].start), "其中")
}

// newListGoesOn: a 新增 heading a list covers its items up to the sentence's
// end (新增示范基地2000亩、生态茶园1000亩，上市农业企业22家): figure k's clause
// is a bare noun, after a 新增 count of the same sentence.
func (x *extractor) newListGoesOn(figs []figure, k int, before string) bool {
	p, f := figs[k-1], figs[k]
	if !has(p.qualifiers, "新增") || rateUnit(f.unit) || moneyUnit(f.unit) || p.start < x.sentenceStart(f.start) {
		return false
	}
	between := x.str(p.unitEnd, f.start)
	if strings.Count(between, "，")+strings.Count(between, ",") != 1 || strings.ContainsAny(between, "；;：:") {
		return false
	}
	clause := strings.TrimLeft(before, "，, ")
	if clause == "" || clean(clause) != strings.ReplaceAll(clause, " ", "") {
		return false // a verb or time word of its own
	}
	// The list's head (its first item, before the 、 items) must open with
	// the word: 城镇新增就业1200人，转移劳动力3500人次 is no list of new things.
	j := k - 1
	for j > 0 && x.nextItem(figs, j) {
		j--
	}
	head := strings.TrimLeft(x.str(figs[j].from, figs[j].start), "，,、 ")
	if loc := newWords.FindStringIndex(head); !strings.HasPrefix(head, "新增") && (loc == nil || loc[0] != 0) {
		return false
	}
	return lastIndex(clause, growthWords) < 0 && lastIndex(clause, declineWords) < 0 && !strings.Contains(clause, "其中")
}

// newListHead: the figure's clause is the last item of a 、 list of nouns
// opened by 新增 (新增甲公园、乙公园等绿地公园8个): the new-word heads the
// list, not only its first item.
func (x *extractor) newListHead(figs []figure, k int) bool {
	f := figs[k]
	if rateUnit(f.unit) || f.from == 0 || x.at(f.from-1) != '、' {
		return false
	}
	head := x.back(f.from-1, "，。；：,;:")
	if k > 0 && figs[k-1].unitEnd > head {
		return false // a figure in between: the 、 separates figures
	}
	// (全年新签约引进甲、乙等项目30个: a time word opening the clause is no item.)
	lead := newAndOld.ReplaceAllString(leadTime.ReplaceAllString(strings.TrimLeft(x.str(head, f.from-1), " "), ""), "□")
	loc := newWords.FindStringIndex(lead)
	return strings.HasPrefix(lead, "新增") || loc != nil && loc[0] == 0
}

// partOfNew: a 其中 sub-item of a count of new things in its sentence
// (新引进企业4家，其中，竹木企业1家) counts new things too, when its clause
// is a bare noun.
func (x *extractor) partOfNew(figs []figure, k int) bool {
	if k == 0 {
		return false
	}
	p, f := figs[k-1], figs[k]
	if !has(p.qualifiers, "新增") || rateUnit(f.unit) || moneyUnit(f.unit) || p.start < x.sentenceStart(f.start) {
		return false
	}
	// (其中：批发21家: a bracket opening the breakdown, as a comma or a colon does.)
	between := dropJoints.Replace(x.str(p.unitEnd, f.start))
	if strings.ContainsAny(between, "；;。") {
		return false
	}
	// 其中注册资金在1000万以上的200家，5000万元以上的39家: a bound naming
	// the class of the part is no word of its own; a class after a part
	// is the next part.
	between = classBoundWords.ReplaceAllString(between, "")
	if !strings.HasPrefix(between, "其中") {
		return (between == "" || clean(between) == between) && x.partOfNew(figs, k-1)
	}
	noun := strings.TrimPrefix(between, "其中")
	return noun != "" && clean(noun) == noun && lastIndex(noun, growthWords) < 0
}

// classBoundWords: an amount with 以上/以下 and 的 naming a class of the
// things counted (在1000万元以上的, 5000万元以下的).
var classBoundWords = regexp.MustCompile(`(在|达到?)?\d+(\.\d+)?(万亿|亿|万|千)?元?(及|或)?(以上|以下)的`)

// newAfter: a count standing before its noun whose predicate says the
// things were newly recognised (5家企业被新认定为专精特新企业): the new-word
// and what they became, "" when the words after the count say none.
func newAfter(post string) string {
	if m := recognizedAs.FindStringSubmatch(post); m != nil {
		return m[1] + m[2]
	}
	return ""
}

var becameAs = regexp.MustCompile(`^[^，。；,;]{0,10}?(成为|入选|获评为?|被评为|被认定为|被命名为|被列为)([^，。；,;\[\]【】（）()]{2,})`)

var recognizedAs = regexp.MustCompile(`^[^，。；,;]{0,10}?被(新(?:认定|评定|评为|命名|列为|确定|纳入))为?([^，。；,;]{2,})`)

// clauseAfter is the rest of a count's clause after its unit.
func (x *extractor) clauseAfter(f *figure) string {
	end := f.unitEnd
	for end < min(len(x.t.runes), f.unitEnd+maxSentence) && !strings.ContainsRune(clauseMarks, x.at(end)) && !x.t.breaks[end] {
		end++
	}
	return x.str(f.unitEnd, end)
}

// sumListGoesOn: a clause opened by 累计 heads a list of one subject's
// results (累计孵化项目11个，服务商户4600余人，为80位…): each clause after
// it in its sentence that states a count with no words of its own for a
// change, a sum or a part sums the same span; a per-head level or a stock
// (人均突破15万元, 总数达到665户: stockWords) is never summed.
func (x *extractor) sumListGoesOn(figs []figure, k int, before string) bool {
	p, f := figs[k-1], figs[k]
	if !has(p.qualifiers, "累计") || rateUnit(f.unit) || f.unit == "倍" || p.start < x.sentenceStart(f.start) {
		return false
	}
	// (…注册数3532家，全区排名第二，授信金额382万元: a clause with no
	// figure between the items interrupts no list.)
	between := x.str(p.unitEnd, f.start)
	if n := strings.Count(between, "，") + strings.Count(between, ","); n < 1 || n > 2 || strings.ContainsAny(between, "；;：:") {
		return false
	}
	j := k - 1
	for j > 0 && x.nextItem(figs, j) {
		j--
	}
	// the list's head must open with 累计 or another word of a sum (共计,
	// 合计, 总计: LABELLING's written forms of 累计), or be carried on from
	// one that did, after the time it is of (2021年累计完成…)
	head := strings.TrimLeft(x.str(figs[j].from, figs[j].start), "，,、 ")
	head = strings.TrimLeft(yearLead.ReplaceAllString(head, ""), "，, ")
	if !strings.HasPrefix(head, "累计") && !sumHead.MatchString(head) && !(j > 0 && x.sumListGoesOn(figs, j, x.str(figs[j].from, figs[j].start))) {
		return false
	}
	clause := strings.TrimLeft(before, "，, ")
	// a clause with its own time or place (2024年完成…, 目前已完工…) is no item
	return clause != "" && !leadTime.MatchString(clause) && !namedYear.MatchString(clause) && lastIndex(clause, growthWords) < 0 && lastIndex(clause, declineWords) < 0 && !strings.Contains(clause, "其中") &&
		!strings.Contains(clause, "新增") && !newWords.MatchString(clause) && !keptAt.MatchString(clause) && !stockWords.MatchString(clause) && !x.cultivatedFirms(&figs[k])
}

// cultivatedFirms: in the review of a span, a count of enterprises after
// plain 培育 (培育高新技术企业40家, 培育形成10户…工业企业) is the stock of
// them the span built up, a level at its end (LABELLING: enterprise counts
// after plain 培育 in a term review); 新培育 counts new ones, and a count
// of other things cultivated (培育品牌5个) is not of enterprises.
func (x *extractor) cultivatedFirms(f *figure) bool {
	if !countUnit(f.unit) {
		return false
	}
	if p, _ := x.passageAt(f.start); p.target || p.from == p.to {
		return false
	}
	before := strings.TrimLeft(leadTime.ReplaceAllString(strings.TrimLeft(x.str(f.from, f.start), "，,、 "), ""), "，,、 ")
	if !strings.HasPrefix(before, "培育") {
		return false
	}
	return strings.HasSuffix(before, "企业") || strings.HasSuffix(x.clauseAfter(f), "企业")
}

// yearLead: the year a clause is of, opening it (2021年, 2021年度).
var yearLead = regexp.MustCompile(`^\d{4}\s*年度?[，, ]*`)

// joinWords takes out the spaces a copy left inside words, between two
// Chinese characters (突 破80亿元, 同 比增长 where a PDF broke the line):
// Chinese puts no space between words, so one there is a break, not a
// boundary.
func joinWords(s string) string {
	if !strings.ContainsAny(s, " \u3000\u00a0") {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		if r == ' ' || r == '\u3000' || r == '\u00a0' {
			j := i
			for j < len(rs) && (rs[j] == ' ' || rs[j] == '\u3000' || rs[j] == '\u00a0') {
				j++
			}
			if len(out) > 0 && j < len(rs) && unicode.Is(unicode.Han, out[len(out)-1]) && unicode.Is(unicode.Han, rs[j]) {
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}

// own is the figure's clause words, which a list shares.
func (f *figure) own() []string {
	var out []string
	for _, q := range f.qualifiers {
		switch q {
		case "累计", "年均", "增长", "下降", "新增", "达到", "增至":
			out = append(out, q)
		}
	}
	return out
}

// rateUnit: a rate (%, ‰, 个百分点) rather than an amount.
func rateUnit(u string) bool {
	return u == "%" || u == "‰" || strings.HasSuffix(u, "百分点")
}

// clauseStart is where a figure's clause starts: the previous clause mark,
// heading end or figure.
func (x *extractor) clauseStart(figs []figure, k int) int {
	start := x.back(figs[k].start, clauseMarks)
	if k > 0 && figs[k-1].unitEnd > start {
		start = figs[k-1].unitEnd
	}
	return start
}

// inList: figure k continues a list with figure k-1 (、 和 及 与 between
// them and nothing else): 增长 14.6%、21.3%; 分别增长8%和10%.
func (x *extractor) inList(figs []figure, k int) bool {
	between := strings.TrimSpace(x.str(figs[k-1].unitEnd, figs[k].start))
	if x.negative(figs[k].start) {
		// 分别-6.2%、-19.3%: the sign of a negative rate is no part of the list's joint.
		between = strings.TrimSpace(strings.TrimRight(between, "-－−"))
	}
	switch between {
	case "-", "—", "－", "~", "～", "至", "到":
		return figs[k-1].unitEnd == figs[k].start-1 || figs[k-1].end == figs[k].start-1
	case "":
		// 新栽苗木1570亩5.2万株: one thing measured in two units, side by side.
		// 分别增长3.9%7.1%: two rates run together where a copy lost their 、.
		return figs[k-1].unit != figs[k].unit && !rateUnit(figs[k].unit) && figs[k].unit != "" ||
			figs[k].unit == "%" && figs[k-1].unit == "%" && figs[k-1].unitEnd == figs[k].start
	case "、", "和", "及", "与", ",", "，":
		return between != "，" && between != "," || rateUnit(figs[k].unit) && rateUnit(figs[k-1].unit)
	}
	return false
}

// countFirstItem: figure k opens the next item of a 、 list of counts
// written before their nouns (新增16家国家高新技术企业、13家科技型中小企业):
// the item before is a count (家, 个, 项…) followed only by its noun
// and the 、, and figure k's noun follows it in turn.
func (x *extractor) countFirstItem(figs []figure, k int, before string) bool {
	p, f := figs[k-1], figs[k]
	if !countUnit(f.unit) || !countUnit(p.unit) || strings.TrimSpace(before) != "" || !unicode.Is(unicode.Han, x.at(f.unitEnd)) {
		return false
	}
	noun := []rune(x.str(p.unitEnd, f.start))
	if len(noun) < 2 || len(noun) > 20 || noun[len(noun)-1] != '、' {
		return false
	}
	for _, r := range noun[:len(noun)-1] {
		if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("“”（）()", r) {
			return false
		}
	}
	return true
}

// nextItem: figure k's clause is the next item of a 、 list whose previous
// item ends with figure k-1 (累计实现税收 68亿元、固定资产投资 480亿元).
func (x *extractor) nextItem(figs []figure, k int) bool {
	between := x.str(figs[k-1].unitEnd, figs[k].start)
	return strings.HasPrefix(between, "、") && !strings.ContainsAny(between[len("、"):], clauseMarks)
}

// verbEndingYue: a word ending in 约 that is no 约 (about): 签约 (signed),
// 预约, 节约, 集约, 履约, 合约, 违约, 缔约, 制约, 公约, 特约.
var verbEndingYue = regexp.MustCompile(`[签预节集履合违缔制公特]约$`)

// preQualifiers reads the word right before the number.
func (x *extractor) preQualifiers(f *figure, before string) {
	// 突 破80亿元: a space standing for a PDF line break splits no word.
	tail := strings.ReplaceAll(strings.TrimRight(before, " 了"), " ", "")
	for _, w := range preWords {
		if !strings.HasSuffix(tail, w.word) {
			continue
		}
		if w.word == "近" && (strings.HasSuffix(tail, "最近") || strings.HasSuffix(tail, "附近") || strings.HasSuffix(tail, "临近")) {
			continue
		}
		// 签约12个项目, 节约资金300万元: 约 ending a verb is no 约 (about).
		if w.word == "约" && verbEndingYue.MatchString(tail) {
			continue
		}
		if w.word == "过" && (strings.HasSuffix(tail, "经过") || strings.HasSuffix(tail, "通过") || strings.HasSuffix(tail, "超过") ||
			strings.HasSuffix(tail, "不过") || strings.HasSuffix(tail, "度过") || strings.HasSuffix(tail, "跨过") || strings.HasSuffix(tail, "越过")) {
			continue
		}
		f.qualifiers = appendOnce(f.qualifiers, w.q)
		return
	}
}

// sumWords say a figure sums over its period: 共计, 合计, 总计, and 共 after a
// period (全年共办理…, 五年来共接待…); a bare 共 (共发生, 共入驻) may count
// a stock.
// 共 before a verb of bringing in, spending or doing (共引进资金, 共投入,
// 共获得, 共办理) sums what the period brought in or did; 共有 and 共发生
// may state a stock.
//
// The same verbs before the thing done and 共 right before the figure
// (举办交流会和座谈会共21场) sum too; so does 总 before a verb of paying
// out (总兑付补偿资金, 总发放); a word 共 ends (公共服务, 中共) is none.
// sumHead: a word of a sum opening a list's head.
var sumHead = regexp.MustCompile(`^(共计|合计|总计)`)

var sumWords = regexp.MustCompile(`共计|合计|总计|(全年|年内|来|间)共|(^|[^公中])共(` + sumVerbs + `)|(` + sumVerbs + `)[^，。；,;：:]{1,20}共\s*$|总(兑付|兑现|发放|拨付)`)

// sumBefore: 共 right before a verb and its object ending the words before
// the figure (共预设采样点126个): the verb's results sum, unless 共 begins a
// word (共同, 共享, 共建), the verb settles a stock (共有, 共入驻: what is
// there, not what was done) or tells what happened to the place (共发生
// 事故3起, no work of its own).
var (
	sumBefore   = regexp.MustCompile(`(^|[^公中])共(\p{Han}{1,9})$`)
	notSumAfter = regexp.MustCompile(`^(同|享|建|治|富|青|识|赢|担|商|创|抓|育|推|生|融|计|用|性|有|拥有|现有|入驻|进驻|落户|发生|出现|涉及)`)
)

func sumsBefore(s string) bool {
	m := sumBefore.FindStringSubmatch(strings.TrimRight(s, " "))
	return m != nil && !notSumAfter.MatchString(m[2])
}

// sumVerbs: verbs of bringing in, spending, doing or setting up whose
// results add up over a period.
const sumVerbs = `投入|引进|吸引|招引|争取|筹集|募集|融资|发放|兑现|兑付|拨付|到位|获得|获|实施|办理|办结|开展|举办|组织|接待|培训|救助|帮扶|解决|受理|调解|查处|建成|改造|完成|布设|设置|建设|打造|走访|服务`

// newWords count new things as 新增 does: 新上, 新开工 and 新投产 count the
// projects started or brought into production in the period; 新栽, 新植
// and 新种 the trees and crops newly planted; 增设 (set up in addition) the
// facilities added.
var newWords = regexp.MustCompile(`增设|新栽|新植|新种植?|新建|新扩|新开发|新培育|新认定|新引进|新备案|新注册|新登记|新发展|新签约|新聘任?|新招录|新招聘|新上|新开工|新投产|新谋划`)

// closesBracket: s closes a bracket it did not open (…区本级576亿元），增长:
// what stands before s sits inside brackets that end in it).
func closesBracket(s string) bool {
	return strings.Count(s, "）")+strings.Count(s, ")") > strings.Count(s, "（")+strings.Count(s, "(")
}

// estimateBelow: what follows 预计 in a note that holds for what follows
// it ((预计数，下同), （预计，下同）).
var estimateBelow = regexp.MustCompile(`^(数|值)?\s*[，,、]?\s*[（(]?下同`)

// estimateNote: a bracketed note after a figure calling it an estimate
// (（预计数，下同）), naming first what it calls so ((2017年指标为预计数,
// 下同), （数据为预计值）); not a breakdown whose parts are estimated
// ((其中：区本级预计完成576亿元)).
var estimateNote = regexp.MustCompile(`^\s*[（(]\s*(?:[^（()）。，,；;：:]{0,12}?(?:为|是|系))?\s*(?:初步)?预计`)

// sumOpen: a word of summing opening a clause (累计, 总计, 合计, 共计).
var sumOpen = regexp.MustCompile(`^(累计|总计|合计|共计)`)

// fellTo: a verb of decline with 到/至 after it, the level reached.
var fellTo = regexp.MustCompile(`^(减少|压减|削减|净减)(到|至)`)

// newAndOld: a new-word joined to a word of work on what exists (新建和改造,
// 新建及改造, 新上及扩改) counts new and old things together, not new ones.
var newAndOld = regexp.MustCompile(`(新增|新建|新扩|新上|新开工)(和|及|与|、|或)?(改造|扩改|扩建|改扩建|改建|续建|技改|提升|维修|修缮)`)

// clauseQualifiers reads the words of the clause before a figure.
func clauseQualifiers(before, unit string) []string {
	var out []string
	s := before
	for _, w := range notGrowth {
		s = strings.ReplaceAll(s, w, "□")
	}
	if strings.Contains(s, "累计") || sumWords.MatchString(s) || sumsBefore(s) {
		out = append(out, "累计")
	}
	s = newAndOld.ReplaceAllString(s, "□")
	if strings.Contains(s, "新增") || newWords.MatchString(s) && !rateUnit(unit) {
		out = append(out, "新增") // 新建, 新培育, 新认定… count new things too
	}
	if !rateUnit(unit) && unit != "倍" {
		// An absolute change: 比年初增加 4.9亿元, 净增 50亿元.
		tail := strings.TrimRight(s, " 了")
		// 减少政府支出债务6.53亿元: a clause opened by a word of decline
		// states by how much its noun fell.
		// 净增规上工业企业175户 (净减): a net change opening the clause
		// states by how much its noun's stock moved, as after the noun.
		// (累计净增耕地3140亩: a net change summed over the period is one still.)
		head := sumOpen.ReplaceAllString(leadTime.ReplaceAllString(strings.TrimLeft(s, "，,、 "), ""), "")
		// (减少到57个, 压减至3家: the level the fall reached, no change.)
		if (strings.HasPrefix(head, "减少") || strings.HasPrefix(head, "压减") || strings.HasPrefix(head, "削减") || strings.HasPrefix(head, "净减")) && !fellTo.MatchString(head) {
			return append(out, "下降")
		}
		if strings.HasPrefix(head, "净增") {
			return append(out, "增长")
		}
		for _, w := range []struct {
			words []string
			q     string
		}{{[]string{"增加", "增长", "净增", "多增", "增收", "增产"}, "增长"}, {[]string{"减少", "下降", "净减", "减产", "减收", "少"}, "下降"}} {
			for _, g := range w.words {
				if strings.HasSuffix(tail, g) && !strings.HasSuffix(tail, "新增") {
					return append(out, w.q)
				}
			}
		}
		return out
	}
	if strings.Contains(s, "年均") || strings.Contains(s, "年平均") {
		return append(out, "年均")
	}
	// The last growth or decline word, unless it leads to a level
	// (提高到 85%).
	g, d := lastIndex(s, growthWords), lastIndex(s, declineWords)
	if g > d && strings.HasSuffix(s[:g], "负") {
		g, d = -1, g // 负增长0.5%: a negative growth is a decline
	}
	if tail := strings.TrimRight(s, " "); g < 0 && d < 0 && strings.HasSuffix(tail, "增") && !strings.HasSuffix(tail, "新增") {
		// 年增8%, 较上年增8%: a bare 增 right before a rate is its growth.
		g = len(tail) - len("增")
	}
	switch {
	case g < 0 && d < 0 && priceHeld.MatchString(s):
		// 居民消费价格指数控制在4%以内: a price index held at a rate is
		// held at its rise, as 涨幅控制在3%以内 says it.
		out = append(out, "增长")
	case g < 0 && d < 0:
	case namesShare(s[max(g, d):]):
		// 对经济增长的贡献率达60%, 增长面达80%: the figure is a share
		// named after the growth word, not the growth.
	case boundOnRate(s[max(g, d):]):
		// 增长超过10%: 超过 bounds the rate itself (a qualifier of its own), no comparison.
		if d > g {
			out = append(out, "下降")
		} else {
			out = append(out, "增长")
		}
	case comparative.MatchString(s[max(g, d):]) || gapThan.MatchString(strings.TrimSpace(s[max(g, d):])) || (rateNoun(s[max(g, d):]) || strings.HasSuffix(unit, "百分点") && strings.TrimRight(s[max(g, d):], " ") == "增长") && comparative.MatchString(s[:max(g, d)]):
		// 居民收入增长快于经济增长1.2个百分点: points after the second
		// growth of a comparison of two growths are the gap between them.
		// 高于全国增速0.7个百分点: so is a comparison with another's rate.
		// 增速高于全市平均0.5个百分点: the gap of a comparison, no growth;
		// so is one written 比…高 (增速比全省平均水平高0.5个百分点).
	case d > g && !reachesLevel(s, d, declineWords):
		out = append(out, "下降")
	case g > d && !reachesLevel(s, g, growthWords):
		out = append(out, "增长")
	case rateReached(s[:max(g, d)]) != "":
		// 增速回升至8%, 降幅收窄到5%: the level a growth or decline rate
		// reached is that rate.
		out = append(out, rateReached(s[:max(g, d)]))
	}
	return out
}

// priceHeld: a price index (居民消费价格指数, CPI, 物价总水平) held at a
// rate (控制在, 保持在): the rate is its rise.
var priceHeld = regexp.MustCompile(`(价格指数|CPI|物价总?水平|物价)\s*(涨幅)?(控制|保持|稳定|维持)(在|于)\s*$`)

// ownShare: a list item's words naming a share or a rate of its own before
// its figure (税收占比, 占地区生产总值比重, 城镇化率达): the level of that
// share, not another change of the series the list began with.
// (完成年度目标的105%: a part of something named with 的 is a share too.)
var ownShare = regexp.MustCompile(`^占|(率|比重|比例|占比)\s*(已)?\s*(为|是|达到?|保持在|稳定在|控制在)?\s*$|的\s*$`)

// rateReached: the word naming a growth or decline rate (增速, 增幅, 涨幅,
// 增长率, 降幅) that s closes with, before the verb that brings it to a
// level; "增长" or "下降", "" when s closes with none.
func rateReached(s string) string {
	s = strings.TrimRight(s, " ")
	for _, w := range []string{"增速", "增幅", "涨幅", "增长率", "增长速度", "增长幅度"} {
		if strings.HasSuffix(s, w) {
			return "增长"
		}
	}
	if strings.HasSuffix(s, "降幅") {
		return "下降"
	}
	return ""
}

// rateNoun: the growth word at the start of s names a rate (增速, 增幅),
// not a change.
func rateNoun(s string) bool {
	for _, w := range []string{"增速", "增幅", "涨幅", "降幅"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// shareNoun: a noun of a share or rate (贡献率, 拉动率, 增长面, 比例,
// 比重, 占比).
// Only with a verb stating its level (贡献率达60%): 提高覆盖率2个百分点 is
// the growth of the rate.
var shareNoun = regexp.MustCompile(`(率|面|比例|比重|占比)(已)?(达到|达|为|是|保持在|稳定在)\s*$`)

// namesShare: after the growth or decline word s opens with, the clause
// names a share or rate the figure measures (经济增长的贡献率, 增长面, 增长
// 比例), other than the growth's own rate (增长率, 增速, 降幅).
func namesShare(s string) bool {
	for _, w := range append(append([]string{}, growthWords...), declineWords...) {
		if strings.HasPrefix(s, w) {
			rest := strings.TrimPrefix(s, w)
			if strings.HasPrefix(rest, "率") {
				return false // 增长率 is the growth rate
			}
			return shareNoun.MatchString(rest)
		}
	}
	return false
}

// boundOnRate: the growth or decline word s opens with is followed only by
// a bound on the figure (增长超过10%, 增速超过8%, 增幅突破20%): a growth
// with a bound, not a comparison with another's rate, which names its base
// (高于全市0.5个百分点).
func boundOnRate(s string) bool {
	loc := comparative.FindAllStringIndex(s, -1)
	if loc == nil {
		return false
	}
	last := loc[len(loc)-1]
	w := s[last[0]:last[1]]
	return (w == "超过" || w == "超出") && strings.TrimRight(s[last[1]:], " 了") == "" && !comparative.MatchString(s[:last[0]])
}

// comparative words compare a rate with another's.
var comparative = regexp.MustCompile(`高于|低于|快于|慢于|高出|超过|超出|远超|领先|落后`)

// lastIndex is the byte offset of the last of words in s, -1 if none.
func lastIndex(s string, words []string) int {
	best := -1
	for _, w := range words {
		if i := strings.LastIndex(s, w); i > best {
			best = i
		}
	}
	return best
}

func reachesLevel(s string, at int, words []string) bool {
	rest := s[at:]
	for _, w := range words {
		if strings.HasPrefix(rest, w) {
			rest = rest[len(w):]
			break
		}
	}
	return strings.HasPrefix(rest, "到") || strings.HasPrefix(rest, "至")
}

// measureOf says what kind of figure it is.
func measureOf(f *figure) string {
	switch {
	case f.unit == "" && f.count:
		return Level // 上线人数突破2000
	case f.unit == "":
		return Ratio // a part of 9.6:41.7:48.7
	case strings.HasSuffix(f.unit, "百分点"):
		return Points
	case f.unit == "倍" && !has(f.qualifiers, "增长") && !has(f.qualifiers, "下降"):
		return Ratio // 是2011年的1.5倍: end over base
	case has(f.qualifiers, "年均") || has(f.qualifiers, "增长") || has(f.qualifiers, "下降"):
		return Growth
	case has(f.qualifiers, "累计"):
		return Cumulative
	case f.unit == "%" || f.unit == "‰":
		return Ratio // a share, a rate of coverage, a completion rate
	}
	return Level
}

// Comparisons: the base a growth or multiple is measured from.
var (
	basePlan = regexp.MustCompile(`(较|比|是)“?十([一二三四五])五”?(末|期末)`)
	baseYear = regexp.MustCompile(`(较|比|是)(\d{4}|\d{2} \d{2})\s*年`) // 是20 11年的: a year a copy split
)

// base reads the year a growth or multiple compares with, when the clause
// names one (较“十二五”末, 比2015年, 是2010年的).
func (x *extractor) base(f *figure) {
	if f.measure != Growth && f.measure != Ratio && f.measure != Points {
		return
	}
	from := x.back(f.start, "，。；,;")
	s := x.str(from, f.start)
	if m := basePlan.FindAllStringSubmatch(s, -1); m != nil {
		f.base = plans[m[len(m)-1][2]] + 4 // the plan's last year
		return
	}
	if m := baseYear.FindAllStringSubmatch(s, -1); m != nil {
		f.base, _ = strconv.Atoi(strings.ReplaceAll(m[len(m)-1][2], " ", ""))
		return
	}
	// 比2012年（下同）增长47.7%；固定资产投资…增长125.1%: a base marked
	// 下同 ("the same below") holds for the rest of its sentence.
	if m := baseSameBelow.FindAllStringSubmatch(x.str(x.sentenceStart(f.start), from), -1); m != nil {
		f.base, _ = strconv.Atoi(m[len(m)-1][2])
	}
}

// sameBelow: "the same below" closing an aside (预计，下同）; （下同）).
var sameBelow = regexp.MustCompile(`^\s*[，,、]?\s*[（(]?下同[）)]`)

// baseSameBelow: a stated base year marked to hold for what follows.
var baseSameBelow = regexp.MustCompile(`(较|比)(\d{4})\s*年(同期)?\s*[（(]下同[）)]`)

var (
	startTime      = regexp.MustCompile(`(\d{4}年(底|末)?|上年|去年|“?十[一二三四五]五”?末)$`)
	startYear      = regexp.MustCompile(`(\d{4})年(底|末)?的?$`)
	etcHead        = regexp.MustCompile(`^(.+?)等(行业|产业|领域|企业|项目)`)
	listSeparators = regexp.MustCompile(`、|和|及|与`)
)

var (
	lastYearWord = regexp.MustCompile(`上年|去年|上一年`)
	// toLevel: a verb bringing X to a level right after it, or opening the
	// next clause (从X，增长至Y).
	toLevel = regexp.MustCompile(`^\s*[，,]?\s*(提高|增加|提升|上升|下降|降低|减少|降|减|增长|扩大|发展|调整|优化|缩小|跃升)(到|至|为)`)
)

// startEnd reads 由 X 提高到 Y: X is the level at the start of the period.
func (x *extractor) startEnd(figs []figure, k int) {
	f := &figs[k]
	tail := strings.TrimRight(x.str(f.from, f.start), " ")
	tail = strings.TrimSuffix(tail, "的")
	tail = startTime.ReplaceAllString(tail, "")
	if k > 0 && figs[k-1].startOf && f.unit == "" && figs[k-1].unitEnd+1 == f.start {
		tail = "由" // the next part of a ratio a:b:c
	}
	if k > 0 && figs[k-1].endOf && f.unit == "" && figs[k-1].unitEnd+1 == f.start {
		f.endOf = true
	}
	// 从34731元和14824元提高到48942元和22790元: a list of levels of
	// several series (the 和 of 分别) starts or ends with the first.
	if k > 0 && figs[k-1].unit == f.unit && f.unit != "" && x.inList(figs, k) {
		switch p := figs[k-1]; {
		case p.startOf:
			f.startOf, f.qualifiers, f.period = true, nil, p.period
			f.measure = measureOf(f)
			return
		case p.endOf:
			f.endOf = true
		}
	}
	// 由13677户49479人减至887户1472人: a figure right after another, in
	// another unit, is the same level counted another way.
	if k > 0 && figs[k-1].unitEnd == f.start && f.unit != figs[k-1].unit {
		switch p := figs[k-1]; {
		case p.startOf:
			f.startOf, f.qualifiers, f.period = true, nil, p.period
			f.measure = measureOf(f)
			return
		case p.endOf:
			f.endOf = true
		}
	}
	if !strings.HasSuffix(tail, "由") && !strings.HasSuffix(tail, "从") {
		return
	}
	// Y: the first figure after 到/至/为 in the clause (or the next clause,
	// when it opens with the verb: 从6.35亿元，增长至6.46亿元).
	y := -1
	for n := k + 1; n < len(figs); n++ {
		next := x.str(figs[n-1].unitEnd, figs[n].start)
		// (从X，增长至Y: the comma right after X, the verb opening the next clause.)
		lead := strings.TrimSpace(next)
		if strings.ContainsAny(next, "，。；,;") && !(n == k+1 && (strings.HasPrefix(lead, "，") || strings.HasPrefix(lead, ",")) && toLevel.MatchString(next)) {
			break
		}
		if strings.Contains(next, "到") || strings.Contains(next, "至") || strings.Contains(next, "为") {
			y = n
			break
		}
	}
	if y >= 0 {
		figs[y].endOf = true
	} else if !toLevel.MatchString(x.str(f.unitEnd, f.unitEnd+8)) {
		return
	}
	// 由60%提高到全覆盖 (Y in words, or the copy ends after 到): X is
	// still the start.
	f.startOf = true
	f.qualifiers = nil
	f.measure = measureOf(f)
	switch {
	case f.period.target:
		f.period = period{from: x.review, to: x.review}
	default:
		y := f.period.from - 1
		// 四年来…2018年实现…；收入由3亿元增加到4.5亿元: a sentence dated
		// with the last year of the span its passage reviews starts X at
		// the span's start, unless X is said to be the year before's (上年).
		if p, _ := x.passageAt(f.start); !p.target && p.from < p.to && f.period.from == p.to && f.period.to == p.to && !lastYearWord.MatchString(x.str(f.from, f.start)) {
			y = p.from - 1
		}
		if m := startYear.FindStringSubmatch(strings.TrimRight(x.str(f.from, f.start), " ")); m != nil {
			y, _ = strconv.Atoi(m[1])
		}
		f.period = period{from: y, to: y}
	}
}

// subject finds what a figure measures.
func (x *extractor) subject(figs []figure, k int, before string) (string, int) {
	f := &figs[k]
	if (f.measure == Level || f.measure == Cumulative) && !f.startOf {
		// The words after a measure word name what it counts: 建成 5个
		// 服务站, 为 3187人办理养老保险.
		end := f.unitEnd
		for end < min(len(x.t.runes), f.unitEnd+maxSentence) && !strings.ContainsRune(clauseMarks, x.at(end)) && !isDigit(x.at(end)) && !x.t.breaks[end] {
			end++
		}
		if w := newAfter(x.str(f.unitEnd, end)); w != "" {
			return w, end // 5家企业被新认定为专精特新企业: what they became
		}
		// 9家企业成为全省隐形冠军企业, 3个村入选省级示范村: what they became.
		if m := becameAs.FindStringSubmatch(x.str(f.unitEnd, end)); m != nil && !rateUnit(f.unit) && !strings.HasSuffix(f.unit, "元") {
			if w := clean(m[2]); w != "" {
				return w, end
			}
		}
		// 工业项目2个（…）: what the brackets hold names the items, not what they are.
		// (突破300亿规模: 规模 names the size reached, not what is counted.)
		if !x.isVerbAt(f.unitEnd) && x.at(f.unitEnd) != '的' && x.at(f.unitEnd) != '(' && x.at(f.unitEnd) != '（' && !strings.HasSuffix(f.unit, "元") && !rateUnit(f.unit) && !(bareMagnitude.MatchString(f.unit) && x.hasAt(f.unitEnd, "台阶")) &&
			!scaleAfter.MatchString(x.str(f.unitEnd, f.unitEnd+4)) && !goalAfter.MatchString(x.str(f.unitEnd, f.unitEnd+12)) {
			// (完成175亿市定目标: the goal named after an amount is none of
			// what the amount measures.)
			// 20个重点项目（新建项目12个…: a bracket left open starts the
			// breakdown of the things counted, no part of their name.
			post := bracketAside.ReplaceAllString(x.str(f.unitEnd, end), "")
			if i := strings.IndexAny(post, "（("); i > 0 {
				post = post[:i]
			}
			// 抓好119项重点项目建设, 完成17户危房改造任务: the work done on the
			// things counted is none of their name.
			// (…等11项工作: items of work count the work.)
			if noun := clean(workWord.ReplaceAllString(predicateCut(post), "")); noun != "" && (f.unit != "项" || strings.HasSuffix(post, "建设")) {
				return noun, end
			}
			if post := clean(predicateCut(post)); post != "" {
				return post, end
			}
		}
	}
	s := before
	switch f.measure {
	case Growth, Points:
		s = stripComparison(s)
	case Ratio:
		// 是前五年的 2.1倍: what it is compared with is not its subject;
		// nor is 增长 of 增长1.2倍.
		s = comparedWith.ReplaceAllString(comparison.ReplaceAllString(s, ""), "")
		if has(f.qualifiers, "增长") || has(f.qualifiers, "下降") {
			s = stripComparison(s)
		}
	}
	if f.startOf {
		s = startTime.ReplaceAllString(strings.TrimSuffix(strings.TrimRight(s, " "), "的"), "")
		s = strings.TrimSuffix(strings.TrimRight(s, " 的"), "由")
		s = strings.TrimSuffix(s, "从")
	}
	if f.endOf && k > 0 && figs[k-1].startOf && figs[k-1].subject != "" {
		return figs[k-1].subject, f.unitEnd // 由X提高到Y: Y speaks of X's subject
	}
	// 增长8%，高出全市1.1个百分点: the gap between the growth before it and
	// another's: the subject names the comparison, with the growth's subject.
	// 比全省高1.2个百分点 says the same; so does 这高于… restating the gap
	// just stated.
	if f.measure == Points && k > 0 && figs[k-1].start >= x.sentenceStart(f.start) {
		growth := ""
		switch p := figs[k-1]; {
		case p.measure == Growth && has(p.qualifiers, "年均"):
			growth = p.subject + "年均" // 年均增长13.7%，高于全国5.9个百分点: the yearly rates compared
		case p.measure == Growth:
			growth = p.subject
		case p.measure == Points && strings.Contains(p.subject, "增速高于"):
			growth = p.subject[:strings.Index(p.subject, "增速高于")]
		}
		clause := strings.TrimSpace(before)
		if wide := strings.ReplaceAll(x.str(max(x.back(f.start, "，。；：,;:"), figs[k-1].unitEnd), f.start), " ", ""); !gapWords.MatchString(clause) && gapWords.MatchString(wide) {
			clause = wide // 高于全国、全省2.9和1.5个百分点: the places listed with 、
		}
		// 增长8.3%，增速比上年提高2.1个百分点: the change of the growth
		// rate itself.
		if t := strings.TrimLeft(clause, "，, "); (strings.HasPrefix(t, "增速") || strings.HasPrefix(t, "增幅")) && figs[k-1].measure == Growth && growth != "" &&
			!gapWords.MatchString(clause) && clean(stripComparison(t)) == "" {
			return growth + "增速", f.unitEnd
		}
		if m := gapWords.FindStringSubmatch(clause); m != nil && growth != "" {
			return growth + "增速高于" + strings.TrimSuffix(m[3], "增速") + m[4], f.unitEnd
		}
		if m := gapThan.FindStringSubmatch(clause); m != nil && growth != "" && !strings.HasSuffix(clause, "提高") && !strings.HasSuffix(clause, "升高") {
			return growth + "增速高于" + strings.TrimSuffix(m[2], "增速") + m[3], f.unitEnd
		}
	}
	// 农村居民收入增速快于城镇居民1.5个百分点: a gap whose clause names both
	// rates.
	if f.measure == Points && !has(f.qualifiers, "增长") && !has(f.qualifiers, "下降") {
		if m := ownGap.FindStringSubmatch(strings.Trim(strings.Join(strings.Fields(before), ""), "，,、")); m != nil {
			if a, b := clean(m[1]), strings.TrimSuffix(m[4], "增速"); a != "" && b != "" {
				return a + "增速高于" + b + m[5], f.unitEnd
			}
		}
	}
	// 占计划的102%, 完成任务的117%, 完成年计划110%: the completion rate of
	// the series stated before it.
	if f.measure == Ratio && rateUnit(f.unit) {
		if m := planShare.FindStringSubmatch(strings.TrimLeft(strings.Join(strings.Fields(before), ""), "，,、")); m != nil {
			if series := x.seriesBefore(figs, k); series != "" {
				// 任务, 下达任务数, 目标 and 年计划 all name the plan; the
				// year's task (全年任务, 年度任务) and a budget keep their name.
				target := "计划"
				switch {
				case m[5] == "预算数":
					target = "预算"
				case strings.HasPrefix(m[5], "预算"):
					target = m[5] // 预算, 预算调整数
				case strings.HasPrefix(m[5], "任务") && (m[2] == "全年" || m[2] == "年度"):
					target = m[2] + "任务"
				case strings.HasPrefix(m[5], "目标") && (m[2] == "全年" || m[2] == "年度"):
					target = m[2] + "目标" // 完成年度目标的42%, as 年度任务
				}
				return series + "完成" + target + "比例", f.unitEnd
			}
		}
	}
	// 收入3.5亿元，同口径完成3.67亿元: a level restated on another scope
	// is of the series before it, so named.
	if subj := clean(s); (subj == "同口径" || subj == "可比口径") && k > 0 && figs[k-1].subject != "" && figs[k-1].start >= x.sentenceStart(f.start) {
		return subj + strings.TrimPrefix(strings.TrimPrefix(figs[k-1].subject, "同口径"), "可比口径"), f.unitEnd
	}
	// 完成投资3.4亿元，超序时进度24.7%; 收入2.1亿元，超出下调任务指标1200万元:
	// how far the level before it beat its schedule or target.
	if t := strings.TrimLeft(strings.Join(strings.Fields(before), ""), "，,、"); aheadOf.MatchString(t) && k > 0 && figs[k-1].measure == Level && figs[k-1].subject != "" && figs[k-1].start >= x.sentenceStart(f.start) {
		if strings.HasSuffix(t, "序时进度") && rateUnit(f.unit) {
			return figs[k-1].subject + "超序时进度比例", f.unitEnd
		}
		if !rateUnit(f.unit) {
			return figs[k-1].subject + t, f.unitEnd
		}
	}
	// 其中税收收入7.1亿元，占比72.4%: a bare share after a level of its
	// sentence is that level's share.
	if t := strings.Trim(strings.Join(strings.Fields(before), ""), "，,、"); (t == "占" || t == "占比" || t == "比重" || t == "所占比重" || t == "占比为" || t == "占比达") && f.measure == Ratio && k > 0 &&
		figs[k-1].measure == Level && figs[k-1].subject != "" && figs[k-1].start >= x.sentenceStart(f.start) {
		// 到位资金15.6亿元，其中省外资金11.2亿元，占71.8%: the part's share
		// of the whole it was stated of.
		if k > 1 && x.partOfLevel(figs, k-1) && figs[k-2].subject != "" {
			return figs[k-1].subject + "占" + figs[k-2].subject + "比重", f.unitEnd
		}
		return clean(figs[k-1].subject + "占比"), f.unitEnd
	}
	// 其中税收收入7亿元，占财政收入的82%: the level's share of what it names.
	if m := shareOf.FindStringSubmatch(strings.Trim(strings.Join(strings.Fields(before), ""), "，,、")); m != nil && f.measure == Ratio && k > 0 &&
		figs[k-1].measure == Level && figs[k-1].subject != "" && figs[k-1].start >= x.sentenceStart(f.start) {
		if whole := clean(m[2]); whole != "" {
			return figs[k-1].subject + "占" + whole + "比重", f.unitEnd
		}
	}
	// 财政收入实现三个第一，其中：总量26.42亿元: 总量 (the total) is of
	// the series the sentence opened with.
	if subj := clean(s); (subj == "总量" || subj == "总额") && (k == 0 || figs[k-1].start < x.sentenceStart(f.start)) {
		// (the first clause with words other than its time: 过去一年，…)
		for from, n := x.sentenceStart(f.start), 0; n < 3 && from < f.from; n++ {
			end := from + 1
			for end < f.from && !strings.ContainsRune("，,：:；;", x.at(end)) {
				end++
			}
			if head := clean(predicateCut(leadTime.ReplaceAllString(x.str(from, end), ""))); head != "" {
				if head != subj {
					return head, f.unitEnd
				}
				break
			}
			from = end + 1
		}
	}
	// 2024年仍然持续上扬突破70亿元, 2015年又突破20亿元: a clause of only a
	// time, adverbs and a verb of moving up names no series of its own.
	if subj := clean(s); subj != "" && !movedOnly.MatchString(subj) {
		if f.measure == Level || f.measure == Cumulative {
			// 甲公园、乙公园等绿地公园8个, 广州等地开展招商3次: the items
			// before 等 are examples of what is counted after it.
			if e := clean(examples(subj)); e != "" {
				subj = e
			}
		}
		return subj, f.unitEnd
	}
	if _, series := x.rateClause(figs, k); series != "" && (f.measure == Growth || f.measure == Points) {
		return series, f.unitEnd
	}
	if topic := x.topicBefore(figs, k); topic != "" {
		return topic, f.unitEnd // 地区生产总值方面，降幅较年初收窄24个百分点
	}
	// No words of its own: the figure before it in the sentence speaks of
	// the same thing (生产总值 57.55亿元、增长 8.1%; 拆除违建 334处 15万平方米).
	if k > 0 && figs[k-1].unitEnd > x.sentenceStart(f.start) && !strings.ContainsAny(x.str(figs[k-1].unitEnd, f.start), "。；;") {
		// 新增规模工业企业24家，总数达到159家: after the new ones, 总数 is
		// the stock of them, another series than the count added.
		if prev := figs[k-1]; has(prev.qualifiers, "新增") && prev.subject != "" && !has(f.qualifiers, "新增") && totalWord.MatchString(before) {
			return strings.TrimPrefix(prev.subject, "新增") + "总数", f.unitEnd
		}
		// 新增高新技术企业560家，增长47%: the growth of the number added,
		// not of the stock.
		if prev := figs[k-1]; has(prev.qualifiers, "新增") && prev.subject != "" && prev.measure == Level && (f.measure == Growth || f.measure == Points) && rateUnit(f.unit) {
			return "新增" + strings.TrimPrefix(prev.subject, "新增"), f.unitEnd
		}
		// 增长7%，高出全市1.5个百分点，逼近300亿元: past a gap, the
		// subject of the growth it compared.
		if prev := figs[k-1]; prev.measure == Points && f.measure != Points && strings.Contains(prev.subject, "增速高于") {
			return prev.subject[:strings.Index(prev.subject, "增速高于")], f.unitEnd
		}
		// 地区生产总值564亿元，占计划的100%，同比下降2%: past a completion
		// rate, the series it completes.
		if prev := figs[k-1]; prev.measure == Ratio && completion.MatchString(prev.subject) {
			return completion.ReplaceAllString(prev.subject, ""), f.unitEnd
		}
		// 投资638亿元（其中：区本级576亿元，高新区62亿元），增长3%: past a
		// breakdown in brackets, the growth is of the figure the brackets
		// break down.
		if closesBracket(x.str(figs[k-1].unitEnd, f.start)) {
			from := x.sentenceStart(f.start)
			before := x.str(from, figs[k-1].start)
			if open := strings.LastIndexAny(before, "（("); open >= 0 {
				open = from + len([]rune(before[:open])) // the bracket's rune index
				for j := k - 2; j >= 0 && figs[j].start >= from; j-- {
					if figs[j].unitEnd <= open && figs[j].subject != "" {
						return figs[j].subject, f.unitEnd
					}
				}
			}
		}
		// 投入资金21.76亿元，占支出的86.99%，同比增长10.23%: past a share of
		// a whole, the growth is of the amount shared, not of the share.
		if prev := figs[k-1]; prev.measure == Ratio && f.measure == Growth && strings.Contains(prev.subject, "占") {
			if i := strings.Index(prev.subject, "占"); i > 0 {
				return prev.subject[:i], f.unitEnd
			}
			if k > 1 && figs[k-2].subject != "" && figs[k-2].start >= x.sentenceStart(f.start) && (figs[k-2].measure == Level || figs[k-2].measure == Cumulative) {
				return figs[k-2].subject, f.unitEnd
			}
		}
		// 同口径增长5.2%，自然口径下降4.3%: the recorded scope drops the
		// restated one.
		if strings.Contains(before, "自然") {
			return strings.TrimPrefix(strings.TrimPrefix(figs[k-1].subject, "同口径"), "可比口径"), f.unitEnd
		}
		// 生产总值87.4亿元，跨越3个十亿级台阶，年均增长8%: a rate after a
		// count of the stages a series passed is the series'.
		if k > 1 && stageNoun.MatchString(figs[k-1].subject) && (f.measure == Growth || f.measure == Points) && figs[k-2].start >= x.sentenceStart(f.start) && figs[k-2].subject != "" {
			return figs[k-2].subject, f.unitEnd
		}
		return figs[k-1].subject, f.unitEnd
	}
	// Else the clause before, when it says a level was reached in words and
	// holds no figure: 工业总产值迈上千亿台阶，接近1300亿元.
	if f.from > 0 && strings.ContainsRune("，,", x.at(f.from-1)) {
		from := x.back(f.from-1, clauseMarks)
		if prev := x.str(from, f.from-1); stage.MatchString(prev) && (k == 0 || figs[k-1].unitEnd <= from) {
			if subj := clean(stage.ReplaceAllString(prev, "")); subj != "" {
				return subj, f.unitEnd
			}
		}
		// 财政收入持续增收，达到1.2亿元; 产业产值首次突破百亿，达到106亿:
		// a clause naming a series and how it moved, in words, before a
		// clause of only the level it reached.
		if prev := joinWords(x.str(from, f.from-1)); (k == 0 || figs[k-1].unitEnd <= from) && !strings.ContainsAny(prev, "0123456789") {
			if m := movedInWords.FindStringSubmatch(prev); m != nil {
				if subj := clean(m[1]); subj != "" {
					if m[3] == "增收" && !strings.HasSuffix(subj, "收入") {
						subj += "收入" // 财政一般预算持续增收: its revenue grew
					}
					return subj, f.unitEnd
				}
			}
		}
		// 地区生产总值突破百亿元，增长8%; 财政收入XX万元，增长14.9%: a level
		// in words (or masked) before a rate names the rate's subject.
		if prev := x.str(from, f.from-1); (f.measure == Growth || f.measure == Points) && (k == 0 || figs[k-1].unitEnd <= from) {
			if loc := amountInWords.FindStringIndex(prev); loc != nil {
				if subj := clean(prev[:loc[0]]); subj != "" {
					return subj, f.unitEnd
				}
			}
		}
	}
	// 社会消费品零售总额受疫情影响，同比下降5%; 规模以上工业增加值剔除增加
	// 值率变化因素，同比增长2.2%: a clause of a series and only a cause or
	// an adjustment said of it, before a rate with no series of its own,
	// names the rate's series.
	if f.from > 0 && strings.ContainsRune("，,", x.at(f.from-1)) && (f.measure == Growth || f.measure == Points) {
		from := x.back(f.from-1, clauseMarks)
		if prev := joinWords(x.str(from, f.from-1)); (k == 0 || figs[k-1].unitEnd <= from) && !strings.ContainsAny(prev, "0123456789") {
			if loc := asideCause.FindStringIndex(prev); loc != nil && strings.TrimSpace(prev[loc[1]:]) == "" {
				if subj := clean(prev); subj != "" {
					return subj, f.unitEnd
				}
			}
		}
	}
	// 累计投入4.5亿元 with no noun of its own: the amount is the spending
	// the verb names.
	if moneyUnit(f.unit) && f.measure != Growth {
		if m := spendVerb.FindString(joinWords(before)); m != "" {
			return m, f.unitEnd
		}
	}
	return "", f.unitEnd
}

// spendVerb: a verb of spending or raising money that names the amount when
// its clause names nothing else.
var spendVerb = regexp.MustCompile(`投入|投资|筹集|募集|拨付|发放`)

// topicBefore: the series a clause "X方面" opens for the figures after it
// in its sentence that name none of their own (地区生产总值方面，降幅收窄…，
// 当季增长…); "" when there is none.
func (x *extractor) topicBefore(figs []figure, k int) string {
	f := figs[k]
	start := x.sentenceStart(f.start)
	s := x.str(start, f.start)
	at := strings.LastIndex(s, "方面")
	if at < 0 {
		return ""
	}
	from := start + len([]rune(s[:at]))
	head := x.back(from, clauseMarks)
	if k > 0 && figs[k-1].start >= head && figs[k-1].start < from {
		return "" // a figure inside the topic's own clause
	}
	topic := strings.TrimPrefix(strings.TrimPrefix(x.str(head, from), "在"), "从")
	if !strings.ContainsRune("，,：:", x.at(from+2)) {
		return "" // 方面 inside a clause (各方面, 多方面工作)
	}
	return clean(topic)
}

// rateClause: the clause before figure k's names a growth or decline rate
// (增速, 增幅, 涨幅, 增长率, 降幅) of a series and states no figure: the
// qualifier it gives ("增长" or "下降") and the series, "" when it does not.
func (x *extractor) rateClause(figs []figure, k int) (string, string) {
	f := figs[k]
	if f.from == 0 || !strings.ContainsRune("，,", x.at(f.from-1)) {
		return "", ""
	}
	from := x.back(f.from-1, clauseMarks)
	if k > 0 && figs[k-1].unitEnd > from {
		return "", ""
	}
	prev := joinWords(x.str(from, f.from-1))
	loc := rateWord.FindStringIndex(prev)
	if loc == nil {
		return "", ""
	}
	q := "增长"
	if strings.HasPrefix(prev[loc[0]:], "降幅") {
		q = "下降"
	}
	return q, clean(stripComparison(prev[:loc[0]]))
}

var rateWord = regexp.MustCompile(`增速|增幅|涨幅|增长率|增长速度|降幅`)

// beatTarget: what follows 分别 when a list says by how much each figure
// beat its target (分别超年初目标任务数的, 分别超过全年计划).
var beatTarget = regexp.MustCompile(`^超过?(年初|年度|全年)?(目标任务数?|目标|计划|任务数?)的?$`)

// shareOf: a clause naming only the whole a share is of (占财政收入的).
var shareOf = regexp.MustCompile(`^占(全` + ownArea + `)?([^，,。；;]{2,12}?)(的)?(比重|比例)?(为|达到?|是)?$`)

// aheadOf: a clause naming only what a level beat (超序时进度, 超出任务指标).
var aheadOf = regexp.MustCompile(`^(超出|超过|超)[^，,。；;]{0,10}(序时进度|任务指标|任务|目标|计划)$`)

// planShare: a clause that names only the plan a completion rate measures
// against (占计划的, 完成任务的, 完成年计划, 完成上级下达任务数的, 占预算调整数的).
var planShare = regexp.MustCompile(`^(占|完成|实现|为|达)了?(年度?|全年|上级|[区县市镇省]级?)?(下达)?(的)?(计划|任务数?|目标任务数?|目标|预算调整数|预算数?)的?$`)

// completion: the end of a completion rate's subject.
var completion = regexp.MustCompile(`完成(年度|全年)?(计划|目标|任务|预算调整数|预算数?)比例$`)

// seriesBefore: the series a completion rate speaks of — the subject of the
// level right before it in its sentence, or the noun of a level written in
// words or masked in the clause before (固定资产投资XX亿元，占全年任务数的…).
func (x *extractor) seriesBefore(figs []figure, k int) string {
	f := figs[k]
	if k > 0 && figs[k-1].start >= x.sentenceStart(f.start) && !strings.ContainsAny(x.str(figs[k-1].unitEnd, f.start), "。；;") {
		// the level, or past its growth (税收3.2亿元，增长11.5%，完成全年
		// 目标任务的106.7%) the level the growth is of
		j := k - 1
		if (figs[j].measure == Growth || figs[j].measure == Points) && j > 0 && figs[j-1].subject == figs[j].subject &&
			figs[j-1].start >= x.sentenceStart(f.start) && !strings.ContainsAny(x.str(figs[j-1].unitEnd, f.start), "。；;") {
			j--
		}
		// (累计完成投资35亿元，占年计划101%: a year's 累计 is its level.)
		if p := figs[j]; (p.measure == Level || p.measure == Cumulative) && p.subject != "" && !rateUnit(p.unit) {
			return strings.TrimSuffix(p.subject, "目标") // 技改投入目标完成0.5亿元
		}
		return ""
	}
	if f.from > 0 && strings.ContainsRune("，,", x.at(f.from-1)) {
		from := x.back(f.from-1, clauseMarks)
		if loc := amountInWords.FindStringIndex(x.str(from, f.from-1)); loc != nil {
			return clean(x.str(from, f.from-1)[:loc[0]])
		}
	}
	return ""
}

// amountInWords: an amount written in Chinese numerals or masked (百亿元,
// 三千万元, XX万元) at a clause's end.
// yearlyShort: each year's amount of a series named by its last words
// (年度投资, 每年产值).
var yearlyShort = regexp.MustCompile(`^(各年度|年度|每年|历年)(.{2,})$`)

// workWord: the work done on the things a count names, closing the words
// after it (建设, 工作, 任务).
var workWord = regexp.MustCompile(`(建设|工作|任务)$`)

// stageNoun: the stages a series passes (十亿级台阶, 百亿大关).
var stageNoun = regexp.MustCompile(`(台阶|大关|关口)$`)

// movedInWords: a noun, then an adverb and a verb saying how it moved, with
// no figure (持续增收, 首次突破百亿, 稳步增长; 超过千亿元 as 突破, LABELLING's
// written forms of one bound).
var movedInWords = regexp.MustCompile(`^(.+?)(持续|首次|稳步|不断|大幅|快速|继续|逐步|再次|进一步|稳定|平稳)?(增收|增长|攀升|提升|突破|超过|逾|超|跨越|上升|回升|壮大)[^，,]{0,6}$`)

// movedOnly: words that only say a series went on moving up (仍然持续上扬,
// 又突破, 再创新高), with no noun of the series.
var movedOnly = regexp.MustCompile(`^(仍然|仍|又|再次|再|继续|持续|首次|稳步|不断|进一步|大幅|快速|逐步)+(上扬|上升|攀升|增长|突破|跨越|超过|迈上)?$`)

var amountInWords = regexp.MustCompile(`([XＸx×＊*]{2,}|[零一二两三四五六七八九十百千]+)\s*[十百千万亿]*\s*(元|人|家|个|户|亩|吨|件|项)[^，,]{0,2}$`)

// targetOf: a clause that names the target a result is measured against,
// with the target's amount right after it (完成年度目标（5000万元）120%,
// 完成全年目标任务8000万元的105%, 为计划的…): the amount is the target.
// A bare 任务 or 计划 counts tasks or plans (承担省级任务5项, 实施计划12项):
// only one qualified as the year's, or a 目标, is a target.
var targetOf = regexp.MustCompile(`((上级|[省市州县区镇乡])?(年度|全年|预期|既定|下达)(目标任务|目标|任务|计划)(数)?|目标任务(数)?|目标|年初预算(数)?|预算数|调整预算(数)?|预算调整数)的?\s*[（(]?\s*$`)

// goalSet: a clause that says a goal was set at the figure (增长目标为7%,
// 目标是增长8%, 目标值定为; of several places or series at once, 目标均为,
// 目标均确定为); goalAfter: a figure named as the goal after it
// (增长8%的目标, 8%左右的预期目标).
var (
	goalSet   = regexp.MustCompile(`目标(值|任务)?(均|都|也|仍)?(为|是|定为|设定为|确定为|调整为)(增长|下降)?\s*$`)
	goalAfter = regexp.MustCompile(`^\s*(左右|以上|以内)?的?(预期|年度|全年|既定|奋斗|发展|[省市州县区镇乡]定|[省市州县区]下达的?)?(任务)?目标`)
)

// exceeded: a goal named as surpassed right before the figure.
var exceeded = regexp.MustCompile(`(超额完成|超出|超过|高于)[^，。；,;]{0,8}目标(任务)?\s*$`)

// yearPlan: a clause naming the year's planned amount (年度计划完成投资,
// 全年计划投资, 今年固投计划13亿元): a target of its year, unlike a project's 计划总投资, which
// is what the project is.
var yearPlan = regexp.MustCompile(`^[，,、\s]*(全` + ownArea + `)?(年度|全年|当年|年初|原)计划|^[，,、\s]*原定|^[，,、\s]*(今年|本年)\p{Han}{0,6}?计划`)

// doneByMonth: the words between a year's amount and how much of it was
// done by a month (，截至11月完成, ，截止10月底累计实现).
var doneByMonth = regexp.MustCompile(`^\s*[，,]\s*((截至|截止|至)\s*\d{1,2}\s*月(份)?(底|末)?|1\s*[-—－至到~～]\s*\d{1,2}\s*月(份)?)[，,]?\s*(已|累计)?(完成|实现)了?\s*$`)

// doneNow: what is already done as a plan speaks: 已 with a verb of doing
// (已签约, 已开工, 已经建成), or 截至目前 / 目前已 opening the sentence.
var (
	doneNow   = regexp.MustCompile(`已(经)?(签约|开工|完成|实现|建成|投产|落地|到位|入驻|引进|启动|达到|突破|超过|争取|落实|发放|拨付)`)
	soFarOpen = regexp.MustCompile(`^[\s　]*((截至|截止)(目前|当前|日前)|目前已)`)
)

// doneSoFar: a figure whose clause says it is already done, or whose
// sentence opens with 截至目前.
func (x *extractor) doneSoFar(f *figure) bool {
	return doneNow.MatchString(x.str(x.back(f.start, clauseMarks), f.start)) || soFarOpen.MatchString(x.str(x.sentenceStart(f.start), f.start))
}

// targetAmount makes the amount of a target named in a figure's clause a
// target of the same year, of the subject of the result before it when the
// clause names none of its own (完成税收收入7100万元，完成预期目标（5000万元）…).
func (x *extractor) targetAmount(figs []figure, k int, before string) {
	f := &figs[k]
	if goalSet.MatchString(before) || goalAfter.MatchString(x.str(f.unitEnd, f.unitEnd+12)) {
		// 增长目标为7%, 实现了增长8%左右的预期目标: the goal, not the result.
		f.period.target = true
		return
	}
	if f.measure != Level || rateUnit(f.unit) {
		return
	}
	// 财政预算总收入为25000万元，截至11月完成24278.37万元: an amount of the
	// year followed by how much of it was done by a month is the year's
	// plan, the amount done the fact.
	if k+1 < len(figs) && figs[k+1].unit == f.unit && doneByMonth.MatchString(x.str(f.unitEnd, figs[k+1].start)) {
		f.period.target = true
		return
	}
	if yearPlan.MatchString(before) {
		f.period.target = true // 年度计划完成投资15亿元: the year's planned amount
		return
	}
	loc := targetOf.FindStringIndex(before)
	if loc == nil || exceeded.MatchString(before) {
		// 超额完成年度目标任务1亿元: the amount beyond the goal, a result
		// (a gap, as 超额完成…目标2.7个百分点), not the goal.
		return
	}
	f.period.target = true
	if own := clean(strings.TrimLeft(before[:loc[0]], "，,、 ")); own != "" {
		f.subject = own
	} else if k > 0 && figs[k-1].start >= x.sentenceStart(f.start) && figs[k-1].subject != "" {
		f.subject = figs[k-1].subject
	}
}

// aimWords set a goal for what follows in their sentence: 力争 (strive
// for), 确保 (make sure of) and 预期 with a verb (预期增长: the expected
// target; 预计 is an estimate of a fact). Not 确保了 (done), nor 为确保 /
// 以确保 (the purpose of something done).
var aimWords = regexp.MustCompile(`力争|确保|预期(增长|实现|达到|为|在)`)

// futureCue: words that put a sentence in the future: 将, 要, 今后, 未来,
// 下一步, 明年, 新的一年, 力争到/力争在 (a date to reach).
var futureCue = regexp.MustCompile(`将|[^主重必需只]要[^求素点件]|今后|未来|下一步|明年|新的一年|力争(到|在)`)

// effortWord: the first character of an adverb of effort ending in 力
// (全力, 努力, 极力, 竭力, 尽力, 大力, 着力, 合力, 倾力, 奋力), whose 力 and a
// following 争取 read as 力争 without being it.
var effortWord = regexp.MustCompile(`[全努极竭尽大着合倾奋]$`)

// pastTense: a sentence that says what was done (了 after a verb, 已/均已),
// so its goal words (力争, 确保) tell how, not what is aimed at. Not 为了,
// 除了, 了解 and the like.
var pastTense = regexp.MustCompile(`[^为除末受]了([^解望]|$)|已(经)?(完成|实现|达到|建成|开工|投产|突破|超过)|均已`)

// aimed: a goal word stands in the sentence before i. 力争 and 预期 speak
// of the list they open to the sentence's end; 确保, which a review also
// uses of what was secured (围绕确保粮食安全，…), only of its own clause.
func (x *extractor) aimed(i int) bool {
	from := x.sentenceStart(i)
	clause := len(x.str(from, x.back(i, clauseMarks)))
	s := x.str(from, i)
	// Inside a passage that reviews a year or a span, 确保 tells what was
	// secured (确保粮食播种面积稳定在12万亩): a goal there needs a future
	// frame in its sentence.
	_, at := x.passageAt(i)
	review := at >= 0 && !futureCue.MatchString(x.str(from, x.sentenceEnd(i)))
	if pastTense.MatchString(x.str(from, x.sentenceEnd(i))) {
		return false // 力争早开工，…实现了当年投产: what was done
	}
	for _, loc := range aimWords.FindAllStringIndex(s, -1) {
		before, after := s[:loc[0]], s[loc[1]:]
		if strings.HasPrefix(after, "了") || strings.HasSuffix(before, "为") || strings.HasSuffix(before, "以") {
			continue
		}
		if strings.HasPrefix(s[loc[0]:], "力争") && (effortWord.MatchString(before) || strings.HasPrefix(after, "上游")) {
			continue // 全力争取资金 is 全力 + 争取 (won); 力争上游 an idiom of effort
		}
		if strings.HasPrefix(s[loc[0]:], "确保") && (loc[0] < clause || review) {
			continue
		}
		return true
	}
	return false
}

// lastYearSame: a clause naming only the same period of the year before
// (去年同期21192万元, 比上年同期（5181万元）): the figure is the base of a
// comparison, not a result of the period.
var lastYearSame = regexp.MustCompile(`^(比|较|而|与)?(去年|上年|上一年)同期(的|为|是|相比)?\s*[（(]?\s*$`)

// samePeriodBefore gives the base of a comparison with the same period of
// the year before the subject of the result it compares with (the figure
// before it in the sentence) and that result's period, a year earlier.
func (x *extractor) samePeriodBefore(figs []figure, k int, before string) {
	f := &figs[k]
	if f.measure != Level || rateUnit(f.unit) || !lastYearSame.MatchString(strings.TrimLeft(before, "，,、 ")) {
		return
	}
	if k == 0 || figs[k-1].start < x.sentenceStart(f.start) || figs[k-1].period.from != figs[k-1].period.to {
		return
	}
	p := figs[k-1]
	f.subject = p.subject
	f.period = period{from: p.period.from - 1, to: p.period.to - 1, toDate: p.period.toDate}
}

// predicates: the words that open what a counted noun did or underwent when
// the count stands before its noun (19921名贫困人口通过验收, 163个重点项目完成
// 投资, 4个项目已获批, 6家企业正式入驻, 18个项目一年内投产): adverbs and verbs
// that do not end a noun.
var predicates = []string{"通过", "完成", "实现", "建成", "开工", "投产", "全部", "全面", "圆满", "基本", "已经", "已", "正式", "顺利", "成功", "获评", "获批", "获得", "荣获",
	"被", "实行", "签订", "一年内", "当年", "逐一", "入驻", "进驻", "落户", "纳入", "参加", "参与", "享受", "得到", "实施", "投入", "入选", "提供",
	"受到", "获", "落地", "竣工", "在", "及时", "出台", "落实", "列入", "出列", "摘帽", "进入",
	// an amount of the things counted (75家龙头企业年销售收入18亿元): the
	// count is of the things.
	"年销售收入", "销售收入", "年产值", "总产值", "营业收入", "年营业收入", "总投资"}

// predicateCut is the noun a count names when a predicate follows it: the
// words before the first predicate, when two or more are left.
func predicateCut(s string) string {
	rs := []rune(s)
	for i := 2; i < len(rs); i++ {
		for _, p := range predicates {
			if strings.HasPrefix(string(rs[i:]), p) {
				return string(rs[:i])
			}
		}
	}
	return s
}

// planItems: a count of a plan's indicators or tasks (9项约束性指标全部完成)
// is how many of them the span met, not a sum of yearly flows.
var planItems = regexp.MustCompile(`^[^，。；,;]{0,8}(指标|目标任务)`)

// sameBasis: a growth stated on a comparable basis (同口径增长, 同口径增幅).
var sameBasis = regexp.MustCompile(`同口径(同比|年均|年平均)?(增长|递增|增幅|增速|增加|上涨|上升|提升|下降|降幅|降低|减少|回落|下滑|提高)|(增长|增幅|增速|下降|降幅|提高)[（(]同口径[）)]\s*$`)

// comparableBasis: a growth stated on a comparable scope (按可比口径增长).
var comparableBasis = regexp.MustCompile(`可比(口径)?(同比)?(增长|增幅|增速|增加|上涨|上升|提升|下降|降幅|降低|减少|回落|下滑|提高)`)

// totalWord: a clause naming only the total of what the figure before it
// counted (总数达到159家, 总量达12家).
var totalWord = regexp.MustCompile(`(总数|总量|累计达|共计?达)`)

// stage: a level said to be reached in words (迈上千亿台阶, 跨入百亿行列).
var stage = regexp.MustCompile(`(迈上|跨上|跨入|站上|突破|进入)[^，,]*(台阶|行列|大关)$|(实现)?(翻|翻了)[一两二三]?番$`)

// gapWords: a clause that only compares a rate with another's (高出全市,
// 比全省高, 快于全国平均水平).
var gapWords = regexp.MustCompile(`^[，,]?(这|分别|增速|增幅)?(高出|高于|快于|超过|超出|领先|远超|远高于)(全` + anyArea + `|[^，,。；;]{0,8}?)(平均水平|平均)?$`)

// ownGap: a clause comparing its own series' rate with another's
// (X增速快于Y, X增幅高于Y平均水平).
var ownGap = regexp.MustCompile(`^(.+?)(增速|增幅)(高于|快于|高出|领先|超出)(.+?)(平均水平|平均)?$`)

// gapThan: the same comparison written 比…高 (比全省高, 比全市平均快).
var gapThan = regexp.MustCompile(`^[，,]?(这|增速|增幅)?(?:分别)?比(全` + anyArea + `|[^，,。；;上去年同期]{0,8}?)(平均水平|平均)?(高出|高|快)$`)

var comparedWith = regexp.MustCompile(`(是|为|相当于)[^，。；、,;]{0,12}的\s*$`)

var comparison = regexp.MustCompile(`(同比|环比|名义|实际(增长|增幅|增速|下降)|同口径|自然(增幅|增速|口径)|按可比价格?计算|可比价|按?可比(口径)?|(比|较)(年初|上年末|上年底|去年底|去年末|上年同期|上年|去年同期|去年|前年|同期|上一年|\d{4}\s*年(底|末)?|“?十[一二三四五]五”?(末|期末)?)|是(\d{4}\s*年|上年|去年)的?)`)

// growthRate: 增长率 names the growth's rate (not 自然增长率, a rate of its own).
var growthRate = regexp.MustCompile(`(^|[^然])增长(率|幅度|速度)`)

// declineRate: 下降幅度, 下降率 name the decline's rate.
var declineRate = regexp.MustCompile(`下降(幅度|率|速度)`)

// stripComparison takes the growth words and what is compared with out of
// a growth figure's clause, leaving its subject.
func stripComparison(s string) string {
	s = comparison.ReplaceAllString(s, "")
	s = growthRate.ReplaceAllString(s, "${1}增长") // 城镇化率增长率为3%: the rate of a growth
	s = declineRate.ReplaceAllString(s, "下降")    // 下降幅度为3%: the rate of a decline
	for _, w := range notGrowth {
		s = strings.ReplaceAll(s, w, "\x00"+w)
	}
	for _, ws := range [][]string{growthWords, declineWords, {"年均", "年平均"}} {
		for _, w := range ws {
			if i := strings.LastIndex(s, w); i >= 0 && (i == 0 || s[i-1] != 0) {
				s = s[:i] + s[i+len(w):]
			}
		}
	}
	s = strings.ReplaceAll(s, "\x00", "")
	// 增速回升至8%: the verb's 至/到 is left of a rate brought to a level.
	if t := strings.TrimRight(s, " "); strings.HasSuffix(t, "至") || strings.HasSuffix(t, "到") {
		s = strings.TrimSuffix(strings.TrimSuffix(t, "至"), "到")
	}
	// 工业增加值年增8%: a bare 增 (or 年增) closing the clause.
	if t := strings.TrimRight(s, " "); strings.HasSuffix(t, "增") && !strings.HasSuffix(t, "新增") {
		s = strings.TrimSuffix(strings.TrimSuffix(t, "增"), "年")
	}
	return s
}

// respectively maps a 分别 list to its subjects, in order: the nouns listed
// before 分别 (城镇、农村居民人均可支配收入分别达到 a、b: 城镇居民… and
// 农村居民…), or the figures before it in the sentence (税收 68亿元、投资
// 480亿元，分别增长 14.6%、21.3%).
func (x *extractor) respectively(figs []figure) {
	for k := 0; k < len(figs); k++ {
		f := &figs[k]
		from := x.back(f.start, "，。；：,;:")
		seg := x.str(from, f.start)
		at := max(strings.LastIndex(seg, "分别"), strings.LastIndex(seg, "依次")) // 依次 ("in turn") lists as 分别 does
		n := 1
		for k+n < len(figs) && x.inList(figs, k+n) {
			n++
		}
		if n < 2 {
			continue
		}
		if one := clean(seg); at < 0 && n == 2 && x.inList(figs, k+1) && len(pairItems(one)) == 2 && !rateUnit(f.unit) {
			// 存贷款余额达到831.8亿元、406.7亿元: a pair word before a pair of
			// levels names each in turn, as if 分别 were written.
			items := pairItems(one)
			figs[k].subject, figs[k+1].subject = items[0], items[1]
			k++
			continue
		}
		if items := nounsBefore(seg, f.unit); at < 0 && len(items) == n && x.sameUnits(figs, k, n) {
			// 城镇、农村居民人均可支配收入29462元、16733元; 城镇和农村居民人均
			// 可支配收入增长2%和6%: as many nouns as figures in one clause
			// (before the one verb of change the rates share) name each in
			// turn, as if 分别 were written (reports write it either way).
			for i := 0; i < n; i++ {
				figs[k+i].subject = items[i]
			}
			k += n - 1
			continue
		}
		if at < 0 {
			// 城镇、农村居民收入 a元、b元，同比增长 x%和 y%: a list with no
			// subject of its own after a list of as many figures speaks of
			// them in order, as if 分别 were written.
			if clean(stripComparison(seg)) == "" && x.listBefore(figs, k, n) {
				for i := 0; i < n; i++ {
					figs[k+i].subject = figs[k-n+i].subject
				}
				k += n - 1
			}
			continue
		}
		head := seg[:at]
		if rateUnit(f.unit) {
			// 工业总产值、…收入五年年均增长分别为a、b: the rate's words and
			// time are none of the listed nouns.
			head = trailingTime.ReplaceAllString(stripComparison(head), "")
		}
		items := listItems(head)
		if len(items) > n {
			items = listItems(strings.ReplaceAll(head, "和", "\x00")) // A、B和C两大…: 和 inside an item
			for i := range items {
				items[i] = strings.ReplaceAll(items[i], "\x00", "和")
			}
		}
		if one := clean(head); n == 2 && len(items) == 0 {
			// 城乡居民收入分别增长 a、b: 城乡 is 城镇 and 农村.
			items = pairItems(one)
		}
		// 分别超年初目标任务数的12%、8%: by how much each beat its target.
		beat := ""
		if m := beatTarget.FindStringSubmatch(strings.Join(strings.Fields(seg[at+len("分别"):]), "")); m != nil && rateUnit(f.unit) {
			beat = "超" + m[1] + "目标比例"
		}
		if len(items) == n {
			for i := 0; i < n; i++ {
				figs[k+i].subject = items[i] + beat
			}
		} else if prev := x.seriesListBefore(figs, k, n); prev != nil {
			for i := 0; i < n; i++ {
				figs[k+i].subject = prev[i]
			}
		}
		k += n - 1
	}
}

// nounsBefore: the nouns listed in a clause before its figures: the whole
// clause before levels; before rates, what stands before the verb of change
// closing it. nil when there is no list.
func nounsBefore(seg, unit string) []string {
	if !rateUnit(unit) {
		return listItems(seg)
	}
	loc := sharedChange.FindStringIndex(strings.TrimSpace(seg))
	if loc == nil {
		return nil
	}
	return listItems(stripComparison(strings.TrimSpace(seg)[:loc[0]]))
}

// sharedChange: the verb of change closing a clause whose figures are a
// list of rates (…增长 a和b, …同比下降 a、b).
var sharedChange = regexp.MustCompile(`(同比|比上年)?(增长|下降|提高|提升|增加|减少|降低|上涨|回落)$`)

// seriesListBefore: the subjects of the n series stated before figure k in
// its sentence, in order; a 由X到Y pair states one series (一般公共预算收入由
// a增加到b，地方收入由c增加到d，年均分别增长x和y). nil when there are fewer.
func (x *extractor) seriesListBefore(figs []figure, k, n int) []string {
	var subjects []string
	for i := k - 1; i >= 0 && len(subjects) < n && figs[i].start >= x.sentenceStart(figs[k].start); i-- {
		if figs[i].startOf && i+1 < k && figs[i+1].endOf {
			continue // the start of a pair whose end is already counted
		}
		subjects = append([]string{figs[i].subject}, subjects...)
	}
	if len(subjects) < n {
		return nil
	}
	return subjects
}

// sameUnits: the n figures from k are all in one unit.
func (x *extractor) sameUnits(figs []figure, k, n int) bool {
	for i := k + 1; i < k+n; i++ {
		if figs[i].unit != figs[k].unit {
			return false
		}
	}
	return true
}

// trailingTime: the span a list of rates covers, after its nouns (五年, 近三年, 全年).
var trailingTime = regexp.MustCompile(`(五年|近[两二三四五]年|[两二三四五]年来|全年|同比)+$`)

// pairWords are the usual two-in-one words of reports, each with the two
// series it joins, in order: 城乡居民收入 is 城镇居民收入 and 农村居民收入.
var pairWords = []struct{ pair, first, second string }{
	{"城乡", "城镇", "农村"}, {"存贷款", "存款", "贷款"}, {"进出口", "进口", "出口"},
}

// pairItems splits a subject holding one pair word into its two series;
// nil when it holds none.
func pairItems(s string) []string {
	for _, p := range pairWords {
		if strings.Count(s, p.pair) == 1 {
			return []string{strings.Replace(s, p.pair, p.first, 1), strings.Replace(s, p.pair, p.second, 1)}
		}
	}
	return nil
}

// listBefore: the n figures before figure k form a list of their own in
// its sentence, each of another subject.
// commaItem: figure k's clause is the next of a comma list of levels in
// one unit, each with its own subject (收入30亿元，支出200亿元，…).
func (x *extractor) commaItem(figs []figure, k int) bool {
	between := x.str(figs[k-1].unitEnd, figs[k].start)
	if !strings.HasPrefix(between, "，") && !strings.HasPrefix(between, ",") {
		return false
	}
	_, w := utf8.DecodeRuneInString(between)
	return !strings.ContainsAny(between[w:], clauseMarks) && figs[k].unit == figs[k-1].unit && figs[k].measure == figs[k-1].measure && clean(between[w:]) != ""
}

func (x *extractor) listBefore(figs []figure, k, n int) bool {
	if k-n < 0 || figs[k-n].start < x.sentenceStart(figs[k].start) {
		return false
	}
	seen := map[string]bool{}
	for i := k - n; i < k; i++ {
		if i > k-n && !x.inList(figs, i) && !x.nextItem(figs, i) && !x.commaItem(figs, i) || seen[figs[i].subject] || figs[i].subject == "" {
			return false
		}
		seen[figs[i].subject] = true
	}
	return true
}

// measureNoun: the noun of what is measured closing a series' name (产值,
// 增加值, 收入, 利润…).
var measureNoun = regexp.MustCompile(`(总产值|产值|增加值|主营业务收入|营业收入|收入|支出|利润|利税|税收|销售额|销售收入|余额|存栏|出栏|产量)$`)

// scopedHead: a series named as scope, sector and measure (规模以上 工业
// 总产值, 工业 增加值).
var scopedHead = regexp.MustCompile(`^(规模以上|规上|限额以上|限上)?(工业|服务业|批发零售业|住宿餐饮业|建筑业)(总产值|产值|增加值|营业收入|主营业务收入|利润|利税|销售额)$`)

// pulls: a clause saying one series pulled another's growth up (拉动/带动
// …增长): the source before the verb, the series after it.
var pulls = regexp.MustCompile(`^[，,、]?(.*?)(拉动|带动)(.+?)(增长|增速)$`)

// stripTime drops the spaces and a leading time or place word.
func stripTime(s string) string {
	return leadTime.ReplaceAllString(strings.Join(strings.Fields(s), ""), "")
}

// sectorRun: two or three sectors written as a run of ordinals before
// 产业 (一二三产业, 二三产业).
// (一、二、三产增加值, 二三产: the ordinals before 产 alone, as reports
// shorten 第二产业 to 二产.)
var ordinalList = regexp.MustCompile(`^第?[一二三]((、|和|及)第?[一二三])+产业?`)

var sectorRun = regexp.MustCompile(`^(第)?([一二三]{2,3}产业?|三次产业|三大产业)(.+)$`)

// listItems splits the nouns of a list (A、B和C) and expands a shared head:
// in 城镇、农村居民人均可支配收入 the first item is 城镇居民人均可支配收入.
func listItems(s string) []string {
	s = strings.TrimSpace(s)
	// 收入从2013年的 a和b: the words of a start are none of the items'.
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(startTime.ReplaceAllString(strings.TrimSuffix(s, "的"), "")), "从"), "由")
	// 城、乡居民收入: 城 and 乡 abbreviate 城镇 and 农村.
	s = strings.Replace(s, "城、乡", "城镇、农村", 1)
	// 一二三产业增加值, 三次产业增加值, 第一、二、三产业增加值: the sectors
	// written as one word or as a list of ordinals sharing 产业.
	// (全县第一、二产业…, 其中一、二、三产…: a place or time word before
	// the sectors is none of theirs.)
	if t := strings.TrimLeft(leadTime.ReplaceAllString(s, ""), "，, "); t != s && (ordinalList.MatchString(t) || sectorRun.MatchString(t)) {
		s = t
	}
	if m := ordinalList.FindString(s); m != "" {
		s = dropListMarks.Replace(m) + s[len(m):]
	}
	if m := sectorRun.FindStringSubmatch(s); m != nil {
		ordinals := strings.TrimSuffix(strings.TrimSuffix(m[2], "业"), "产")
		if ordinals == "三次" || ordinals == "三大" {
			ordinals = "一二三"
		}
		var out []string
		for _, n := range ordinals {
			out = append(out, clean("第"+string(n)+"产业"+m[3]))
		}
		return out
	}
	parts := listSeparators.Split(s, -1)
	var items []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p == "" {
			return nil
		}
		items = append(items, p)
	}
	if len(items) < 2 {
		return nil
	}
	// 医疗器械、电子信息等行业产值: 等 closes the list before the shared head.
	items[len(items)-1] = etcHead.ReplaceAllString(items[len(items)-1], "$1$2")
	// 电子信息、绿色建材和装配式建筑两大主导产业产值: the count of the items
	// (两大, 三大主导) closes the list; the head after it is every item's.
	if loc := groupCount.FindStringIndex(items[len(items)-1]); loc != nil && loc[0] > 0 && loc[1] < len(items[len(items)-1]) {
		last := items[len(items)-1]
		head := last[loc[1]:]
		items[len(items)-1] = last[:loc[0]]
		for i := range items {
			items[i] = clean(items[i] + head)
		}
		return items
	}
	last := []rune(clean(items[len(items)-1]))
	for i := range items {
		raw := []rune(strings.TrimSpace(items[i]))
		items[i] = clean(items[i])
		if items[i] == "" && len(raw) == 1 && unicode.Is(unicode.Han, raw[0]) {
			items[i] = string(raw) // 大、小口径财政收入: one character sharing the head
		}
		if i < len(items)-1 {
			// Only a short item shares the last one's head (城镇、农村居民
			// 收入; 纺织、食品行业产值): a noun of five or more characters
			// (工业总产值、…、公共财政预算收入) is whole.
			// Nor does an item that names a measure of its own (税收、工业
			// 产值: 税收 is whole).
			n := len([]rune(items[i]))
			if own := residencePlace.FindString(string(last)); residenceWord.MatchString(items[i]) && own != "" && len(own) < len(string(last)) {
				// 城镇和农村牧区常住居民人均可支配收入: a place of residence
				// shares the head after the last item's own place, however
				// long that is (农村牧区).
				items[i] += string(last)[len(own):]
			} else if tail := sharedTail(items[i], string(last)); tail != "" && !measureNoun.MatchString(items[i]) {
				// 全口径工业开票和规上工业开票销售: the item's end recurs
				// inside the last one; the head is what follows it there.
				items[i] += tail
			} else if n > 0 && n <= 4 && n+2 <= len(last) && !measureNoun.MatchString(items[i]) {
				items[i] += string(last[n:])
			}
		}
	}
	items[len(items)-1] = clean(items[len(items)-1])
	// 规模以上工业产值和增加值: later items that are only a measure's noun
	// share the first one's head in front.
	if loc := measureNoun.FindStringIndex(items[0]); loc != nil && loc[0] > 0 {
		all := true
		for _, it := range items[1:] {
			all = all && measureNoun.FindStringIndex(it) != nil && measureNoun.FindStringIndex(it)[0] == 0
		}
		if all {
			for i := 1; i < len(items); i++ {
				items[i] = items[0][:loc[0]] + items[i]
			}
		}
	}
	return items
}

// residenceWord: a place of residence (城镇, 农村, 农牧区) as a list item
// before the residents it sorts; residencePlace: the place opening the last
// item, the longest (农村牧区 before 农村). One list, longest first.
const residences = `农村牧区|农牧区|农村|城镇|城市|乡村|牧区|农牧`

var (
	residenceWord  = regexp.MustCompile(`^(` + residences + `)$`)
	residencePlace = regexp.MustCompile(`^(` + residences + `)`)
)

// groupCount: the number of the items a list names, with the kind of them
// (两大主导, 三大支柱, 四大).
var groupCount = regexp.MustCompile(`[两二三四五六七八九十]大(主导|重点|支柱|优势|新兴|特色|传统)?`)

// sharedTail: where the longest end of item (two characters or more)
// recurs inside last, not at its end, what follows it there (全口径工业开票
// in 规上工业开票销售: 销售).
func sharedTail(item, last string) string {
	rs := []rune(item)
	for k := 0; k+2 <= len(rs); k++ {
		end := string(rs[k:])
		if at := strings.LastIndex(last, end); at >= 0 && at+len(end) < len(last) {
			return last[at+len(end):]
		}
	}
	return ""
}

// claim builds the claim of a figure.
func (x *extractor) claim(f *figure) Claim {
	c := Claim{Line: x.t.lines[f.start], Subject: f.subject, Value: f.value, Unit: f.unit, Qualifiers: f.qualifiers,
		Kind: "fact", Measure: f.measure, Period: f.period.String(), Base: f.base}
	if f.period.target {
		c.Kind = "target"
	}
	c.ToDate = f.period.toDate
	if c.Qualifiers == nil {
		c.Qualifiers = []string{}
	}
	if c.Base == 0 && f.measure == Growth && !has(c.Qualifiers, "年均") && f.period.from != f.period.to {
		c.Base = f.period.from - 1 // 五年来…增长 74%: against the year before the span
	}
	c.Text = strings.TrimSpace(x.written(f.from, max(f.to, f.unitEnd)))
	return c
}

// Replacers built once (a strings.Replacer is costly to build and safe to share).
var dropSpaces = strings.NewReplacer(" ", "", "　", "")
var dropJoints = strings.NewReplacer(" ", "", "，", "", ",", "", "：", "", ":", "", "（", "", "(", "")
var dropListMarks = strings.NewReplacer("、", "", "第", "", "和", "", "及", "")
