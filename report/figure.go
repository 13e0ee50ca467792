package report

import (
	"regexp"
	"strings"
	"unicode"
)

// figure is a number found in the text, before its claim is built.
type figure struct {
	start, end  int // runes of the number
	unitEnd     int // end of the unit (and of 余/多/以上… after it)
	value, unit string
	suffix      []string // 余, 以上, 以内, 约 written after the figure
	qualifiers  []string
	measure     string
	subject     string
	period      period
	base        int  // 较…末, 是…的 N倍: the year compared with
	from        int  // the snippet: from the clause start
	to          int  // to the unit, or the end of the subject after it
	startOf     bool // the X of 由X提高到Y: the level at the start
	endOf       bool // its Y: the level at the end
	count       bool // a count written without a measure word (人数突破2000)
}

// A figure is an Arabic number followed by a unit. The unit is built by one
// rule, so units no report here used are read too (万担, 万头, 亿千瓦时):
//
//	unit      = magnitude? (余|多)? measure | %
//	magnitude = (十|百|千)?(万|亿)
//	measure   = (平方|立方|平)? (千|兆|公|毫|厘|美|欧|港|标准|标)? word (时|次)?
//
// where word is one of Chinese's measure words (量词) and units; 个百分点,
// 小时 and 个月 are read as wholes.
const measureWords = "县个家名人户项处条所座宗件场本剂台株棵亩吨元米里斤克升瓦伏度位次批套辆艘架部份张只头匹口间栋幢层盏根块片段轮期天周岁倍篇首册类种门对双组队团支站院村担石斗方车趟班床笔例起桩眼孔道顷秒箱栏羽尾窝罐桶袋包卷幅集棺穴群峰面封"

// countNounBefore: the noun of a number (人数, 户数, 总数) and a verb
// reaching or passing it, right before a bare figure.
var countNounBefore = regexp.MustCompile(`(人数|户数|个数|件数|次数|总数|人次)(突破|超过|超|逾|达到|达|为|增至|增加到|提高到)\s*$`)

// indexBefore: an index (价格指数, 指数) and a verb stating its level,
// right before a bare figure.
var indexBefore = regexp.MustCompile(`指数(为|是|达到|达|保持在|控制在|稳定在)\s*$`)

// endsMeasure: what may follow a unit: no word (punctuation, a space, the
// end) or the words of 余, 多, 左右, 以上/以内/以下 (上下 is checked whole).
func endsMeasure(r rune) bool {
	return r == 0 || !unicode.Is(unicode.Han, r) || strings.ContainsRune("余多左以", r)
}

// pairedMeasure: a second measure word that counts the same things as the
// first (机器人1000台套, 牲畜125万头只, 核酸检测1.7万人份).
func pairedMeasure(first, second rune) bool {
	return strings.ContainsRune("台头人", first) && strings.ContainsRune("套只份", second)
}

// prefixes that make a unit of a measure word: 千瓦, 兆瓦, 公里, 毫米, 美元.
var unitPrefixes = []string{"标准", "千", "兆", "公", "毫", "厘", "微", "纳", "美", "欧", "港", "标"}

// after a number these make it a date, a time, an ordinal, an age group or
// a name, never a measured quantity: 2019年, 3月, 100周年, 十九届, 90后,
// 500强, 5号线.
var notQuantities = []string{"周年", "年", "月", "日", "届", "号", "时", "点", "后", "强", "代", "版", "级", "楼", "路", "线", "型", "纵", "横", "大"}

// moneyUnit: an amount of money — a unit in 元, or a multiplier written
// alone (10亿, 550万), which in a work report leaves its 元 out.
func moneyUnit(u string) bool { return strings.HasSuffix(u, "元") || bareMagnitude.MatchString(u) }

// measureLedWords: words that begin with a measure word's character
// (台阶, 项目, 支持), which a bare 万 or 亿 may stand before.
var measureLedWords = []string{"台阶", "项目", "支持", "支出", "村集体", "人员", "人口"}

// latinUnits are SI symbols a report writes in Latin letters.
var latinUnits = []string{"kWh", "kwh", "kV", "kv", "KV", "kW", "kw", "KW", "MW", "mw", "km", "KM", "m²", "m³", "t"}

// figures scans the text for every figure.
func (x *extractor) figures() []figure {
	var figs []figure
	for i := 0; i < len(x.t.runes); i++ {
		r := x.t.runes[i]
		if r == '“' || r == '《' {
			if end := x.quoteEnd(i); end > 0 {
				i = end
				continue
			}
		}
		if !isDigit(r) || !x.canStart(i) && !x.afterLetters(i) {
			continue
		}
		if lo, hi, ok := x.span(i); ok {
			// 增长 6%-7%, 3至5个: the lower bound 以上, the upper 以内.
			if !x.classBound(&hi) && !x.ageClass(&hi) {
				figs = append(figs, lo, hi)
			}
			i = hi.unitEnd - 1
			continue
		}
		f, ok := x.number(i)
		if !ok {
			i = max(i, f.end-1)
			continue
		}
		// 7000亿级规模, 千万级: 级 after a multiplier names an order of size,
		// not the level; so for the items of a 、 list it closes
		// (分别达到4500亿、7000亿级规模).
		if bareMagnitude.MatchString(f.unit) && x.at(f.unitEnd) == '级' {
			f.suffix = appendOnce(f.suffix, "约")
			next := f.start
			for p := len(figs) - 1; p >= 0 && figs[p].unit == f.unit && strings.TrimSpace(x.str(figs[p].unitEnd, next)) == "、"; p-- {
				figs[p].suffix = appendOnce(figs[p].suffix, "约")
				next = figs[p].start
			}
		}
		if !x.threshold(&f) && !x.timeSince(&f) && !x.streak(&f) && !x.pageCounter(&f) && !x.aboutMeeting(&f) && !x.rank(&f) && !x.shareOver(figs, &f) && !x.groupSize(&f) && !x.namedPackage(&f) && !x.voltageClass(&f) {
			figs = append(figs, f)
		}
		i = f.unitEnd - 1
	}
	return figs
}

// span reads a range of two figures at i: 6%-7%, 6-7%, 3至5个, 8%到10%.
// The first takes the unit of the second when it has none.
func (x *extractor) span(i int) (lo, hi figure, ok bool) {
	k := i
	for isDigit(x.at(k)) || x.at(k) == '.' && isDigit(x.at(k+1)) {
		k++
	}
	e := k
	unit := ""
	if x.at(k) == '%' {
		unit, k = "%", k+1
	} else if n := x.measure(k); n > 0 {
		unit, k = x.str(k, k+n), k+n
	}
	switch {
	case strings.ContainsRune("-—－~～", x.at(k)):
		k++
	case x.at(k) == '至' || x.at(k) == '到':
		k++
	default:
		return lo, hi, false
	}
	if !isDigit(x.at(k)) {
		return lo, hi, false
	}
	hi, ok = x.number(k)
	if !ok || hi.unit == "" || unit != "" && unit != hi.unit || x.threshold(&hi) {
		return lo, hi, false
	}

	lo = figure{start: i, end: e, value: x.str(i, e), unit: hi.unit, unitEnd: e, suffix: []string{"以上"}}
	if unit != "" {
		lo.unitEnd = e + len([]rune(unit))
	}
	hi.suffix = appendOnce(hi.suffix, "以内")
	return lo, hi, true
}

// quoteEnd returns where a quotation or title that starts at i ends, when
// it closes within a short stretch of the same sentence; figures inside
// (“132”工作组, 《规划（2018—2022）》, “15分钟生活圈”) are names.
func (x *extractor) quoteEnd(i int) int {
	closer := map[rune]rune{'“': '”', '《': '》'}[x.at(i)]
	for j := i + 1; j < len(x.t.runes) && j < i+40; j++ {
		switch x.at(j) {
		case closer:
			return j
		case '。', '；':
			return 0
		}
	}
	return 0
}

// inQuote: rune i stands inside a quotation or title (quoteEnd) opened
// before it (结合“某区2022年经济社会发展目标任务”): a name quoted, not the
// text's own words.
func (x *extractor) inQuote(i int) bool {
	for j := i - 1; j >= 0 && j > i-40; j-- {
		switch x.at(j) {
		case '“', '《':
			return x.quoteEnd(j) > i
		case '”', '》', '。', '；':
			return false
		}
	}
	return false
}

// canStart: a number starts here, not inside a code (G104, 5G), an ordinal
// (第3) or another number.
func (x *extractor) canStart(i int) bool {
	p := x.at(i - 1)
	if x.negative(i) || x.positive(i) {
		return true // 同比增长-2.8%, 同比+8%: a sign, not a dash
	}
	if isDigit(p) || p == '.' || p == '-' || p == '第' || p == '+' || p == '#' {
		return false
	}
	return !(p < 0x2E80 && unicode.IsLetter(p))
}

// negative: a minus sign stands right before the digit at i, after a word
// of change (增长-2.8%, 增速为－1.5%, 增幅-3%): a decline written as a
// negative growth. A dash between figures (6-7%) or in a code is none.
// positive: a plus sign right after a word of change (同比+8%).
func (x *extractor) positive(i int) bool {
	return (x.at(i-1) == '+' || x.at(i-1) == '＋') && changeBeforeSign.MatchString(x.str(max(0, i-9), i-1))
}

// signed: the figure at i is written with a sign (-, 负, +) after a word
// of change.
func (x *extractor) signed(i int) bool { return x.negative(i) || x.positive(i) }

func (x *extractor) negative(i int) bool {
	switch x.at(i - 1) {
	case '-', '－', '−', '负':
	default:
		return false
	}
	if changeBeforeSign.MatchString(x.str(max(0, i-9), i-1)) {
		return true
	}
	// 同比分别-6.2%、-19.3%: a list of rates goes on with the sign of its
	// first, a negative growth, after 、 or 和.
	return (x.at(i-2) == '、' || x.at(i-2) == '和') && signedBefore.MatchString(x.str(max(0, i-16), i-2)) && x.negative(x.back(i-2, "-－−"))
}

// signedBefore: a rate written with a sign, the item before a 、 or 和.
var signedBefore = regexp.MustCompile(`[-－−]\d+(\.\d+)?\s*%$`)

var changeBeforeSign = regexp.MustCompile(`(增长|增速|增幅|涨幅|增长率|同比|为|是|达|达到)(分别)?\s*[:：]?\s*$`)

// afterLetters: a figure right after Latin letters (实现GDP57.6亿元) is one
// when a unit of measure follows it; G60, ISO9001, PM2.5 are names.
func (x *extractor) afterLetters(i int) bool {
	p := x.at(i - 1)
	if !(p < 0x2E80 && unicode.IsLetter(p)) || !unicode.IsUpper(p) || !(x.at(i-2) < 0x2E80 && unicode.IsUpper(x.at(i-2))) {
		return false
	}
	if x.at(i-2) == 'P' && p == 'M' {
		return false // PM2.5
	}
	f, ok := x.number(i)
	return ok && f.unit != "" && unicode.Is(unicode.Han, []rune(f.unit)[0]) || ok && f.unit == "%"
}

// number reads a figure starting at i.
func (x *extractor) number(i int) (figure, bool) {
	f := figure{start: i}
	j := i
	var value []rune
	for {
		switch {
		case isDigit(x.at(j)):
		case x.at(j) == '.' && isDigit(x.at(j+1)):
		case x.at(j) == '.' && x.at(j+1) == ' ' && isDigit(x.at(j+2)):
			value = append(value, '.') // 385. 23: a space the typesetting left
			j += 2
			continue
		case x.at(j) == ' ' && x.at(j+1) == '.' && isDigit(x.at(j+2)) && len(value) > 0:
			value = append(value, '.') // 2 .7倍: a line break a copy turned into a space
			j += 2
			continue
		case x.at(j) == ',' && isDigit(x.at(j+1)) && isDigit(x.at(j+2)) && isDigit(x.at(j+3)) && !isDigit(x.at(j+4)):
		default:
			goto done
		}
		value = append(value, x.at(j))
		j++
	}
done:
	f.end, f.value = j, string(value)
	// (33:14:53: a ratio's middle part starts no time of day, 14:53.)
	if x.clockStart(i) == i && x.clock(i) || x.at(i-1) == ':' && x.clock(x.clockStart(i)) || x.stamp(x.clockStart(i)) {
		return f, false // 17:26:59, a time of day
	}
	if x.at(i) == '0' && isDigit(x.at(i+1)) || x.inCode(i) {
		return f, false // 00082, 11341823003291720Y/202005: parts of a code
	}
	// A structure ratio 9.6:41.7:48.7: each part is a figure of its own.
	colon := i - 1 // the colon before a later part
	if x.at(colon) == ' ' {
		colon--
	}
	if x.partAfter(colon) != i || !isDigit(x.at(colon-1)) {
		colon = -1 // (结构比为:33:14:53: a label's colon before the first part)
	}
	if x.partAfter(j) > 0 && colon < 0 && (x.ratioParts(j) >= 2 || x.ratioParts(j) == 1 && x.ratioNamed(i)) {
		f.unitEnd = j
		return f, true
	}
	if colon >= 0 && isDigit(x.at(colon-1)) {
		k := colon
		for k > 0 && (isDigit(x.at(k-1)) || x.at(k-1) == '.' || x.at(k-1) == ':' || x.at(k-1) == '：' || x.at(k-1) == ' ' && x.partAfter(k-2) == k) {
			k--
		}
		if x.ratioParts(x.numberEnd(k)) >= 2 || x.ratioParts(x.numberEnd(k)) == 1 && x.ratioNamed(k) {
			f.unitEnd = j
			return f, true
		}
		return f, false // 8:30
	}
	// 7-11, (2018—2022), 1/3, 8:30, 1+N: a name, a range of years or a time.
	if strings.ContainsRune("-—－~～/:：+", x.at(j)) && (isDigit(x.at(j+1)) || unicode.IsLetter(x.at(j+1)) && x.at(j+1) < 0x2E80) {
		return f, false
	}
	if unicode.IsLetter(x.at(j)) && x.at(j) < 0x2E80 {
		u := x.latinUnit(j)
		if u == "" {
			return f, false // 5G, 4A, 3D: names
		}
		f.unit, f.unitEnd = u, j+len([]rune(u))
		x.after(&f)
		return f, true
	}
	for x.at(j) == ' ' {
		j++
	}
	if x.at(j) == '%' || x.at(j) == '‰' {
		f.unit, f.unitEnd = string(x.at(j)), j+1
		x.after(&f)
		return f, true
	}
	if (x.at(j) == '余' || x.at(j) == '多') && strings.ContainsRune("万亿", x.at(j+1)) {
		f.suffix = append(f.suffix, "余") // 20余万
		j++
	}
	mag := ""
	for _, m := range []string{"万亿", "千亿", "百亿", "十亿", "千万", "百万", "十万", "亿", "万"} {
		if x.hasAt(j, m) {
			mag, j = m, j+len([]rune(m))
			break
		}
	}
	for x.at(j) == ' ' {
		j++
	}
	if x.at(j) == '余' || x.at(j) == '多' {
		f.suffix = append(f.suffix, "余")
		j++
	}
	if mag == "" {
		for _, w := range notQuantities {
			if x.hasAt(j, w) && !x.hasAt(j, "年均") {
				return f, false
			}
		}
	}
	n := x.measure(j)
	if mag != "" && n > 0 {
		// 迈上10亿台阶, 超过10亿项目, 550万支持: after a bare 万 or 亿 a
		// measure word that begins a word of its own is no unit; the
		// multiplier alone is.
		for _, w := range measureLedWords {
			if x.hasAt(j, w) {
				n = 0
				break
			}
		}
	}
	switch {
	case n == 0 && mag != "" && x.hasAt(j, "美元"):
		n = 2
	case n == 0 && mag != "":
		// 筹得资金 20万: the multiplier alone is the unit.
	case n == 0 && mag == "" && strings.ContainsRune("和、及与", x.at(j)) && isDigit(x.at(j+1)):
		// 分别高于全国、全省5.9和2.9个百分点: a list of figures writes
		// their shared unit once, after the last.
		g, ok := x.number(j + 1)
		if !ok || g.unit == "" || len(g.suffix) > 0 {
			return f, false
		}
		f.unit, f.unitEnd = g.unit, j
		return f, true
	case n == 0 && mag == "" && countNounBefore.MatchString(x.str(i-12, i)) && (x.at(j) == 0 || strings.ContainsRune(clauseMarks, x.at(j))):
		// 上线人数突破2000: a count after the noun of a number (人数, 户数)
		// needs no measure word; it ends its clause.
		f.unitEnd, f.count = j, true
		return f, true
	case n == 0 && mag == "" && indexBefore.MatchString(x.str(i-12, i)) && (x.at(j) == 0 || strings.ContainsRune(clauseMarks, x.at(j))):
		// 居民消费价格指数为102.7: an index's level is a bare number (the
		// year before = 100), a ratio; it ends its clause.
		f.unitEnd = j
		return f, true
	case n == 0:
		return f, false // a bare number
	case (x.hasAt(j, "小时") || x.hasAt(j, "分钟")) && unicode.Is(unicode.Han, x.at(j+2)) && !x.isVerbAt(j+2) && x.at(j+2) != '的' && !strings.ContainsRune("以内左右", x.at(j+2)):
		return f, false // 24小时值守, 15分钟生活圈: a practice, not a duration measured
	case x.at(i-1) == '前' && strings.ContainsRune("名位强", x.at(j)):
		return f, false // 前10名: a rank
	}
	// A unit per another: 元/吨, 微克/立方米; 24.4万/人 (a multiplier alone over it).
	if (n > 0 || mag != "") && (x.at(j+n) == '/' || x.at(j+n) == '／') {
		if m := x.measure(j + n + 1); m > 0 {
			n += 1 + m
		}
	}
	f.unit = mag + strings.ReplaceAll(x.str(j, j+n), " ", "")
	f.unitEnd = j + n
	x.after(&f)
	return f, true
}

// clock reports whether a time of day hh:mm or hh:mm:ss starts at i: whole
// numbers of one or two digits, then two, under 24 and 60, that are not the
// parts of a structure ratio (whose parts add up to 100).
func (x *extractor) clock(i int) bool {
	if x.at(i-1) == '.' && isDigit(x.at(i-2)) {
		return false // 48.5:35: the decimals of a ratio's part
	}
	var parts []int
	j := i
	for {
		n, k := 0, j
		for isDigit(x.at(k)) && k-j < 3 {
			n = n*10 + int(x.at(k)-'0')
			k++
		}
		if k == j || isDigit(x.at(k)) || x.at(k) == '.' && isDigit(x.at(k+1)) || len(parts) > 0 && k-j != 2 {
			return false
		}
		parts = append(parts, n)
		if x.at(k) != ':' || !isDigit(x.at(k+1)) {
			break
		}
		j = k + 1
	}
	if len(parts) < 2 || len(parts) > 3 || parts[0] > 23 {
		return false
	}
	sum := 0
	for _, p := range parts[1:] {
		if p > 59 {
			return false
		}
		sum += p
	}
	return sum+parts[0] < 99 || sum+parts[0] > 101
}

// stampDate: a calendar date written with dashes or slashes, then spaces,
// at the end of the text before a time (发布日期:2025-12-28 14:41:45).
var stampDate = regexp.MustCompile(`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ \x{3000}\x{a0}]+$`)

// stamp reports whether a time of day hh:mm(:ss) starting at i follows a
// date: a page's time stamp, whatever its parts add up to, and also where
// a line break ran its last part into the next line's digits.
func (x *extractor) stamp(i int) bool {
	if !stampDate.MatchString(x.str(max(0, i-16), i)) {
		return false
	}
	k := i
	for isDigit(x.at(k)) {
		k++
	}
	return k > i && k-i <= 2 && x.at(k) == ':' && isDigit(x.at(k+1)) && isDigit(x.at(k+2))
}

// inCode: a number right after a slash or a dash that follows a Latin letter or
// digit run with a letter in it (索引号 11341823003291720Y/202005): the
// rest of a code.
func (x *extractor) inCode(i int) bool {
	p := x.at(i - 1)
	if p != '/' && p != '-' {
		return false
	}
	k := i - 1
	letter := false
	for k > 0 && x.at(k-1) < 0x80 && (isDigit(x.at(k-1)) || unicode.IsLetter(x.at(k-1)) || x.at(k-1) == '/' || x.at(k-1) == '-') {
		k--
		if unicode.IsLetter(x.at(k)) {
			letter = true
		}
	}
	return letter && i-1-k >= 4
}

// clockStart is where the digits and colons before i start.
func (x *extractor) clockStart(i int) int {
	for i > 0 && (isDigit(x.at(i-1)) || x.at(i-1) == ':') {
		i--
	}
	return i
}

// rankWords: a position in a ranking (排名由41位上升到37位), not a count.
var standsAt = regexp.MustCompile(`居[^民住家室]`)

var rankWords = regexp.MustCompile(`排名|排位|位次|名次|排序|排行|位列|位居|居全`)

// rank reports whether a figure counted in 位 or 名 is a position in a
// ranking its clause names.
func (x *extractor) rank(f *figure) bool {
	ranked := rankWords.MatchString(x.str(x.back(f.start, "，。；,;"), f.start))
	if !rateUnit(f.unit) {
		// 居粤东西北74个县(市、区)第二位: 居 (stands) before the group, a
		// position after it.
		ranked := ranked || standsAt.MatchString(x.str(x.back(f.start, "，。；,;"), f.start))
		// 排名35个农产品主产区县第5位, 在52个县中排名第8位, 居30个县(市、
		// 区)第三位: the size of the group ranked in.
		depth := 0 // inside a bracket (县(市、区)) a 、 ends nothing
		for j := f.unitEnd; j < f.unitEnd+16 && (depth > 0 || !strings.ContainsRune(clauseMarks, x.at(j))) && x.at(j) != 0; j++ {
			switch x.at(j) {
			case '(', '（':
				depth++
			case ')', '）':
				depth = max(depth-1, 0)
			}
			if x.at(j) == '第' && (isDigit(x.at(j+1)) || strings.ContainsRune("一二三四五六七八九十", x.at(j+1))) && (ranked || rankWords.MatchString(x.str(f.unitEnd, j))) {
				return true
			}
		}
	}
	if !rateUnit(f.unit) && groupTop.MatchString(x.str(f.unitEnd, x.clauseEnd(f.unitEnd))) && placedIn.MatchString(x.str(x.back(f.start, clauseMarks), f.start)) {
		return true // 稳居全省80个县区前列: the size of the group it leads
	}
	if x.rankShift(f) {
		return true
	}
	if f.unit != "位" && f.unit != "名" {
		return false
	}
	// 从60位上升到42位: positions moving, whatever names the ranking.
	around := x.str(x.back(f.start, clauseMarks), x.clauseEnd(f.unitEnd))
	return ranked || rankMove.MatchString(around)
}

// rankShift: a number of places moved up or down, right after its verb
// and ending its clause (较上年前进3位, 提高123名, 提升5个位次): a change of
// rank, not a count — a count of people goes on to name them (提高123名教师
// is no such clause end).
func (x *extractor) rankShift(f *figure) bool {
	end := f.unitEnd
	switch {
	case f.unit == "位" || f.unit == "名":
		if x.at(end) == '次' {
			end++
		}
	case f.unit == "个" && x.hasAt(end, "位次"):
		end += 2
	default:
		return false
	}
	if r := x.at(end); r != 0 && !strings.ContainsRune(clauseMarks+"。）)", r) {
		return false
	}
	return shiftVerb.MatchString(x.str(f.start-4, f.start))
}

// pageCounter: a count in a field of the page the copy was taken from
// (浏览次数：1234, 访问量：56次), its label and colon right before it: the
// page's, not the place's (bare numbers there are no figure anyway).
func (x *extractor) pageCounter(f *figure) bool {
	return pageField.MatchString(x.str(f.start-8, f.start))
}

var pageField = regexp.MustCompile(`(浏览|访问|阅读)(次数|量|数)?\s*[:：]\s*$`)

// streak: a duration right after 连续 (连续81个月未发生事故, 连续15天无新增
// 病例, 连续第3期) or a change run on (库存环比连降10个月, 连续下降5个月) names how long a record has held, not a quantity the year
// measured, as 连续10年 does (a year is never a unit).
func (x *extractor) streak(f *figure) bool {
	switch f.unit {
	case "个月", "月", "天", "日", "周", "期", "届", "季", "次":
	default:
		return false
	}
	return streakBefore.MatchString(strings.TrimRight(x.str(f.start-8, f.start), " 第"))
}

// streakBefore: 连续, or a change said to have run on (连降, 连增, 连续下降),
// right before a duration.
var streakBefore = regexp.MustCompile(`(连续|连[降升增涨跌减]|连续(增长|下降|上升|攀升|回落|减少|增加|上涨|下跌))$`)

// timeSince: a duration followed by 来 or 以来 (8个月来, 100天以来) names
// the time a passage looks back on, not a quantity measured.
func (x *extractor) timeSince(f *figure) bool {
	switch f.unit {
	case "个月", "天", "日", "周", "年":
	default:
		return false
	}
	return x.hasAt(f.unitEnd, "来") || x.hasAt(f.unitEnd, "以来")
}

// groupTop: the words after a count that place something at the top of the
// group counted (前列, 前茅, 之首).
var groupTop = regexp.MustCompile(`^[^，。；,;\d]{0,8}(前列|前茅|之首|第一方阵)`)

// placedIn: a verb placing something in a group (稳居, 位居, 位列, 处于,
// 排在), before the group's size; 10个村进入全市前列 counts villages.
var placedIn = regexp.MustCompile(`居|位列|处于|排在|排名`)

// shiftVerb: a verb of moving up or down a ranking, right before the places moved.
var shiftVerb = regexp.MustCompile(`(上升|下降|提升|前移|后移|跃升|晋升|攀升|提高|前进|后退|进位)了?\s*$`)

// rankMove: a position in 位 or 名 moving up or down.
var rankMove = regexp.MustCompile(`(从|由)\d+(位|名)(上升|下降|提升|前移|后移|跃升|晋升|攀升|提高)|(上升|下降|提升|前移|后移|跃升|晋升|攀升|提高|跃居)(到|至)(第)?\d+(位|名)`)

// clauseEnd is where the clause going on at i ends.
func (x *extractor) clauseEnd(i int) int {
	j := i
	for j < i+maxSentence && x.at(j) != 0 && !strings.ContainsRune(clauseMarks, x.at(j)) && !x.t.breaks[j] {
		j++
	}
	return j
}

// classBound: a range's upper amount right before a noun (not a verb, 的 or a bound
// word) whose clause states a figure later: the amount names a class of
// the things measured (过10亿元项目6个, 100至500万元项目投资1.2亿元).
func (x *extractor) classBound(f *figure) bool {
	if !moneyUnit(f.unit) || !unicode.Is(unicode.Han, x.at(f.unitEnd)) || x.isVerbAt(f.unitEnd) || strings.ContainsRune("的以左余多大关", x.at(f.unitEnd)) {
		return false
	}
	for j := f.unitEnd; j < f.unitEnd+12 && !strings.ContainsRune(clauseMarks, x.at(j)) && x.at(j) != 0; j++ {
		if isDigit(x.at(j)) {
			return true
		}
	}
	return false
}

// ageClass: a range of ages right before a noun (3-11岁人群, 60至80周岁老人)
// names the group counted, as 60岁以上老人 does; a range of ages ending its
// clause or before 之间 or 的 is a claim.
func (x *extractor) ageClass(f *figure) bool {
	if f.unit != "岁" && f.unit != "周岁" {
		return false
	}
	next := x.at(f.unitEnd)
	return unicode.Is(unicode.Han, next) && !strings.ContainsRune("的之以左余多", next) && !x.isVerbAt(f.unitEnd)
}

// shareOver reports whether a figure is the bound of the things a share
// counts (20%的村集体年收入超30万元: the share is the claim, the 30 names
// which villages) or the bound of a class (超5000万元的镇4个).
// boundListBefore: a money bound (超过5万元) and a list mark right before
// a figure.
var boundListBefore = regexp.MustCompile(`(超过|超|逾|突破|过)\s*\d+(\.\d+)?\s*[十百千万亿]*元?\s*、\s*$`)

func (x *extractor) shareOver(figs []figure, f *figure) bool {
	tail := strings.TrimRight(x.str(x.back(f.start, clauseMarks), f.start), " ")
	over := false
	for _, w := range []string{"超过", "超", "逾", "突破", "达到", "达"} {
		if strings.HasSuffix(tail, w) {
			over = true
			break
		}
	}
	// 收入超过5万元、10万元村集体占比分别64%、45%: the bounds of a list
	// of classes share the bound word of the first.
	if !over && boundListBefore.MatchString(x.str(f.start-24, f.start)) {
		over = true
	}
	// 过10亿元项目6个, 超千万元企业12家: a money bound right before the
	// noun of things counted later in the clause names their class; so
	// does each bound of a list of them before the noun.
	end := f.unitEnd
	for x.at(end) == '、' && isDigit(x.at(end+1)) {
		g, ok := x.number(end + 1)
		if !ok || !moneyUnit(g.unit) {
			break
		}
		end = g.unitEnd
	}
	if (over || strings.HasSuffix(tail, "过")) && moneyUnit(f.unit) && unicode.Is(unicode.Han, x.at(end)) &&
		!x.isVerbAt(end) && !strings.ContainsRune("的以左余多大关", x.at(end)) && !strings.HasSuffix(tail, "达") && !strings.HasSuffix(tail, "达到") {
		for j := end; j < end+12 && !strings.ContainsRune(clauseMarks, x.at(j)) && x.at(j) != 0; j++ {
			if isDigit(x.at(j)) {
				return true
			}
		}
	}
	// 总投资过26亿元的项目: 过 before a bound is 超过, as above.
	if strings.HasSuffix(tail, "过") && !strings.HasSuffix(tail, "通过") && !strings.HasSuffix(tail, "经过") && moneyUnit(f.unit) {
		over = true
	}
	if !over && !has(f.suffix, "以上") {
		return false
	}
	if x.at(end) == '的' && unicode.Is(unicode.Han, x.at(end+1)) && !strings.HasSuffix(tail, "达到") && !strings.HasSuffix(tail, "达") && !rateUnit(f.unit) {
		return true // 超5000万元的镇 (but 90%以上的贫困户 is a share)
	}
	if len(figs) == 0 {
		return false
	}
	p := figs[len(figs)-1]
	return rateUnit(p.unit) && x.at(p.unitEnd) == '的' && !strings.ContainsAny(x.str(p.unitEnd, f.start), clauseMarks)
}

func (x *extractor) numberEnd(j int) int {
	for isDigit(x.at(j)) || x.at(j) == '.' && isDigit(x.at(j+1)) {
		j++
	}
	return j
}

// partAfter: where the next part of a ratio starts after the colon at j
// (a PDF may leave a space after it: 26: 32.5: 41.5), 0 when none does.
func (x *extractor) partAfter(j int) int {
	if x.at(j) != ':' && x.at(j) != '：' {
		return 0
	}
	if isDigit(x.at(j + 1)) {
		return j + 1
	}
	if x.at(j+1) == ' ' && isDigit(x.at(j+2)) {
		return j + 2
	}
	return 0
}

// ratioParts counts the parts of a ratio a:b:c starting at the colon j.
// ratioNamed: a ratio's name right before its first part (扩散比2:1,
// 男女比例为1:1.05): two parts are a ratio, not a time of day.
func (x *extractor) ratioNamed(i int) bool {
	return ratioName.MatchString(x.str(i-6, i))
}

var ratioName = regexp.MustCompile(`(比|比例|之比|比值)(为|是|达到?)?\s*$`)

func (x *extractor) ratioParts(j int) int {
	n := 0
	for x.partAfter(j) > 0 {
		if x.partAfter(j) == j+1 && x.at(j+1) == '0' && isDigit(x.at(j+2)) {
			return 0 // 20:09:00 is a time
		}
		n++
		j = x.partAfter(j)
		for isDigit(x.at(j)) || x.at(j) == '.' && isDigit(x.at(j+1)) {
			j++
		}
	}
	return n
}

// measure returns the length of the unit at j, 0 when there is none.
func (x *extractor) measure(j int) int {
	for _, whole := range []string{"个百分点", "百分点", "个月", "小时", "分钟", "周岁"} {
		if x.hasAt(j, whole) {
			return len([]rune(whole))
		}
	}
	k := j
	for _, p := range []string{"平方", "立方"} {
		if x.hasAt(k, p) {
			k += 2
			break
		}
	}
	if x.at(k) == '平' && x.at(k+1) == '米' {
		k++
	}
	for _, p := range unitPrefixes {
		n := len([]rune(p))
		if x.hasAt(k, p) && x.at(k+n) == ' ' && strings.ContainsRune(measureWords, x.at(k+n+1)) && x.at(k+n+1) != '个' {
			n++ // 4平方公 里: a line break a copy turned into a space
		}
		if x.hasAt(k, p) && strings.ContainsRune(measureWords, x.at(k+n)) && x.at(k+n) != '个' {
			k += n
			break
		}
	}
	w := x.at(k)
	if w == 0 || !strings.ContainsRune(measureWords, w) {
		return 0
	}
	if strings.ContainsRune("群面封峰", w) && !endsMeasure(x.at(k+1)) && !x.hasAt(k+1, "上下") {
		return 0 // 1000群众, 300面积: these begin nouns; as measure words they end the figure
	}
	k++
	switch {
	case w == '瓦' && x.at(k) == '时':
		k++
	case strings.ContainsRune("人户家件车辆艘台架船场批班剂", w) && x.at(k) == '次' && !x.hasAt(k, "次会议"):
		k++
	case pairedMeasure(w, x.at(k)) && endsMeasure(x.at(k+1)):
		k++ // 台套, 头只, 人份: things counted by two measure words at once
	}
	if w == '届' || w == '次' && x.hasAt(k, "会议") {
		return 0 // 十九届, 第3次会议
	}
	// 万台(套), 个(家): another measure word in brackets names the same
	// things counted another way; it is part of the unit.
	if o := x.at(k); (o == '(' || o == '（') && strings.ContainsRune(measureWords, x.at(k+1)) && x.at(k+1) != 0 {
		if c := x.at(k + 2); c == ')' || c == '）' {
			k += 3
		}
	}
	return k - j
}

func (x *extractor) latinUnit(j int) string {
	for _, u := range latinUnits {
		if x.hasAt(j, u) {
			next := x.at(j + len([]rune(u)))
			if next < 0x2E80 && unicode.IsLetter(next) {
				continue
			}
			if strings.EqualFold(u, "kv") {
				return "kv" // the unit table's name for kilovolts
			}
			return u
		}
	}
	return ""
}

// after reads what follows a unit: 余/多, 以上, 以内/以下, 左右. A
// threshold that qualifies a noun (1000万元以上企业) makes the figure part of
// the subject, not a claim: the caller sees it by f.unitEnd at 以上 followed
// by a noun; such a figure is dropped by threshold.
func (x *extractor) after(f *figure) {
	j := f.unitEnd
	if x.at(j) == '余' || x.at(j) == '多' {
		f.suffix = appendOnce(f.suffix, "余")
		j++
	}
	for _, w := range []struct{ word, q string }{{"及以上", "以上"}, {"及以下", "以内"}, {"以上", "以上"}, {"以内", "以内"}, {"以下", "以内"}, {"左右", "约"}, {"上下", "约"}} {
		if x.hasAt(j, w.word) {
			f.suffix = appendOnce(f.suffix, w.q)
			j += len([]rune(w.word))
			break
		}
	}
	f.unitEnd = j
}

// threshold reports whether the figure is a bound that names a class of
// things (亿元以上项目, 1000万元以上企业, 60岁以上老人): 以上/以下/及以上
// followed by a noun rather than the clause's end.
func (x *extractor) threshold(f *figure) bool {
	if !has(f.suffix, "以上") && !has(f.suffix, "以内") {
		return false
	}
	if x.t.breaks[f.unitEnd] {
		return false // 增长5%以上 ending a table cell or a heading: the noun after it is another's
	}
	next := x.at(f.unitEnd)
	if next == '的' {
		// 80%以上的贫困户得到…: a share bounded below is a claim of the
		// share, not a class of things (1000万元以上的企业).
		return !rateUnit(f.unit)
	}
	if !rateUnit(f.unit) && countAfter.MatchString(x.str(f.unitEnd, f.unitEnd+8)) {
		// 30万以上32个村: a bound right before a count is the class the
		// count is of, as 1000万以上的200家 is with its 的.
		return true
	}
	if f.unit == "名" {
		// 引导1000名以上高校毕业生就业: 名 counts people and names no
		// class of things by a size (as 60岁以上老人, 亿元以上项目 do); the
		// noun after it is the people counted.
		return false
	}
	return unicode.Is(unicode.Han, next) && !strings.ContainsRune("，。、；：", next) && !x.isVerbAt(f.unitEnd)
}

// countAfter: a count (digits and a measure word) opening what follows.
var countAfter = regexp.MustCompile(`^\s*[0-9０-９]+\s*(个|家|户|项|所|座|条|处|名|人)`)

// isVerbAt: the words after a figure that continue the clause (增长, 同比,
// 的基础上…) rather than name what it counts.
func (x *extractor) isVerbAt(j int) bool {
	for _, w := range []string{"增长", "下降", "同比", "比", "较", "占", "居", "位居", "排", "完成", "实现", "达到", "为", "是", "和", "与", "及", "或", "分别", "其中", "均", "全部", "已", "将", "并", "在", "目标"} {
		if x.hasAt(j, w) {
			return true
		}
	}
	return false
}

var meetingWords = regexp.MustCompile(`出席|缺席|应到|实到|名额|列席|请假|与会|参会|到会`)

// aboutMeeting: a count of the session's own deputies (应到代表256名,
// 实到242名), as news of the session reports them, is not the place's; so
// is a count of a committee's members at it (应到委员95人, 实到88人).
func (x *extractor) aboutMeeting(f *figure) bool {
	if f.unit != "名" && f.unit != "人" {
		return false
	}
	start := x.sentenceStart(f.start)
	sent := x.str(start, x.sentenceEnd(f.start))
	if (strings.Contains(sent, "代表") || strings.Contains(sent, "委员")) && meetingWords.MatchString(sent) {
		return true
	}
	// 会议隆重开幕。227名来自全县各行各业的人大代表…: the deputies the count
	// names, in news of the session just opened.
	noun := x.str(f.unitEnd, min(f.unitEnd+40, x.sentenceEnd(f.start)))
	if i := strings.IndexAny(noun, "，。；,;"); i >= 0 {
		noun = noun[:i]
	}
	return strings.Contains(noun, "代表") && sessionOpened.MatchString(x.str(max(0, start-60), start))
}

// sessionOpened: a sentence on a session of the congress opening or held
// (…人大一次会议…开幕。, 大会隆重召开。).
var sessionOpened = regexp.MustCompile(`(会议|大会)[^。！？]{0,30}(开幕|召开|举行)[。！]?\s*$`)

// groupSize: the size of a group a place is said to be one of (全省10个试点县
// 之一, 全区4个…旗县之一) is no quantity of the place's: a count whose clause
// ends in 之一.
func (x *extractor) groupSize(f *figure) bool {
	if moneyUnit(f.unit) || rateUnit(f.unit) {
		return false
	}
	j := f.unitEnd
	for j < f.unitEnd+40 && x.at(j) != 0 && !strings.ContainsRune(clauseMarks, x.at(j)) && !x.t.breaks[j] {
		j++
	}
	// (占全省三分之一: a fraction, 分之一, is a share of something, no group.)
	if tail := x.str(f.unitEnd, j); strings.HasSuffix(tail, "之一") && !strings.HasSuffix(tail, "分之一") {
		return true
	}
	// 成为全国首批100个…: joining a batch named by its size (also where
	// a copy cuts the 之一 off).
	return joinedBatch.MatchString(x.str(x.back(f.start, clauseMarks), f.start))
}

// joinedBatch: a place becoming one of a numbered batch (成为首批, 入选第二批),
// the batch's size next.
var joinedBatch = regexp.MustCompile(`(成为|入选|列入|跻身)[^，。；,;\d]{0,8}(首批|第[一二三四五六七八九十]批)[^，。；,;\d]{0,6}$`)

// voltageClass: a voltage right before a noun (110kV移湖变电站, 500千伏输变电
// 工程) is the class of the station or line it names, part of its name, not a
// quantity; a voltage ending its clause is read as any figure.
func (x *extractor) voltageClass(f *figure) bool {
	if u := strings.ToLower(f.unit); u != "kv" && u != "千伏" {
		return false
	}
	next := x.at(f.unitEnd)
	return unicode.Is(unicode.Han, next) && !x.isVerbAt(f.unitEnd) && !x.hasAt(f.unitEnd, "以上") && !x.hasAt(f.unitEnd, "及以上")
}

// namedPackage: a package of policies named by its number of articles right
// after its quoted name (“稳增长”10条措施, 《…》20条意见) is a name, not a count.
// The same without quotes, right after a verb of issuing and the aim it
// names (出台稳增长26条等一揽子措施, 制定惠企20条): the package issued,
// not a count of the place's (出台政策措施26条, with the count after its
// noun, is a count).
func (x *extractor) namedPackage(f *figure) bool {
	if f.unit != "条" {
		return false
	}
	quoted := strings.ContainsRune("”》\"", x.at(f.start-1))
	// (制定出台8条稳增长政策措施: the count right after the verbs, its
	// noun after it, counts the measures.)
	if m := issuedAim.FindStringSubmatch(x.str(x.back(f.start, clauseMarks), f.start)); !quoted && m != nil && !packageNoun.MatchString(m[3]) && !issueVerb.MatchString(m[3]) {
		return true
	}
	if !quoted {
		return false
	}
	for _, w := range []string{"措施", "举措", "意见", "政策", "规定", "办法", "细则"} {
		if x.hasAt(f.unitEnd, w) {
			return true
		}
	}
	return false
}

// issuedAim: a verb of issuing a policy and the few words of its aim right
// before the number of its articles (出台稳增长, 制定惠企); packageNoun: the
// noun of what is counted named before the count (出台政策措施26条).
var (
	issuedAim   = regexp.MustCompile(`(出台|印发|制定|推出|发布)(了)?(\p{Han}{1,6})$`)
	issueVerb   = regexp.MustCompile(`出台|印发|制定|推出|发布`)
	packageNoun = regexp.MustCompile(`(措施|举措|意见|政策|规定|办法|细则|文件|标准|条例|制度|规范)$`)
)
