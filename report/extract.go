// Package report reads a published work report and finds every figure it
// states: the value as written, its unit, the words that qualify it, what it
// measures, the period it covers and where it is. Finding figures is pure
// text work on the standard library (a .docx is read as its paragraphs);
// mapping them to the spec's claims (claims.go) uses the domain, reconcile.
package report

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Claim is one figure a report states.
type Claim struct {
	Line       int      // where the figure starts in the input
	Subject    string   // what it measures, as the report words it
	Value      string   // as written
	Unit       string   // with 万/亿 as written: 万元, 万人, %
	Qualifiers []string // 预计, 近, 余, 多, 超过, 以上, 以内, 达到, 增至, 约, 左右, 累计, 年均增长, 增长, 新增, 目标, 力争
	Period     string   // 2020, 2016-2020 or 2021
	Base       int      // 增长 against a year's end (较“十二五”末: 2015)
	Kind       string   // fact or target
	Text       string   // the shortest snippet that holds it
}

// Options say what a report is about.
type Options struct {
	// Year is the report's year; 0 takes the first year in its title.
	Year int
}

// text is the report joined into one run of characters, each with the line
// it came from, and the places where a line ended a heading or paragraph.
type text struct {
	runes  []rune
	lines  []int
	breaks map[int]bool // rune index after a short unpunctuated line
}

var pageNumber = regexp.MustCompile(`^[-—－\s]*[0-9０-９]+[-—－\s]*$`)

// join reads report text as extracted from a PDF: blank lines, page numbers
// like "- 2 -" and the line breaks inside sentences are dropped, keeping
// each character's original line. PDF lines run the page's width; a line
// much shorter than that which does not end a sentence is a heading or a
// paragraph's end, and is marked as a clause boundary (a unit split across
// it still joins).
func join(lines []string) text {
	t := text{breaks: map[int]bool{}}
	var kept []string
	var at []int
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || pageNumber.MatchString(l) {
			continue
		}
		kept, at = append(kept, l), append(at, i+1)
	}
	width := 0
	for _, l := range kept {
		width = max(width, len([]rune(l)))
	}
	for k, l := range kept {
		if k > 0 {
			// The first line is the title; after it, a short line that ends
			// neither a sentence nor a figure ends a heading or paragraph.
			prev := []rune(kept[k-1])
			last := narrow(prev[len(prev)-1])
			if k == 1 || len(prev)*10 < width*6 && !strings.ContainsRune("，。；：、！？,;万亿平", last) && !isDigit(last) {
				t.breaks[len(t.runes)] = true
			}
		}
		for _, r := range l {
			t.runes = append(t.runes, narrow(r))
			t.lines = append(t.lines, at[k])
		}
	}
	return t
}

// narrow maps full-width digits and the marks that matter to ASCII.
func narrow(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return '0' + (r - '０')
	case r == '．':
		return '.'
	case r == '％':
		return '%'
	case r == '\u00a0' || r == '\u3000':
		return ' '
	}
	return r
}

// units, longest first so 万平方米 wins over 平方米 and 万元 over 元.
var units = []string{
	"万平方米", "平方米", "万美元", "亿美元", "美元", "万人次", "人次", "万人", "件次",
	"亿元", "万元", "元", "兆瓦", "千伏", "公里", "万株", "株", "万亩", "亩", "万吨", "吨",
	"kv", "kV", "KV", "%", "家", "个", "名", "人", "项", "处", "条", "所", "座", "宗", "件", "场", "本", "户", "台",
}

// notClaims are words after a figure that make it a date, a year, an age or
// a rank, never a measured quantity.
var notClaims = []string{"周年", "年", "月", "日", "届", "次会议", "号"}

// Extract finds every figure in a report's lines.
func Extract(lines []string, opt Options) []Claim {
	t := join(lines)
	year := opt.Year
	if year == 0 {
		year = titleYear(t)
	}
	x := &extractor{t: t, year: year}
	return x.run()
}

var yearInTitle = regexp.MustCompile(`(\d{4})\s*年`)

func titleYear(t text) int {
	head := string(t.runes[:min(len(t.runes), 200)])
	if m := yearInTitle.FindStringSubmatch(head); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}

type extractor struct {
	t    text
	year int
}

// figure is a number found in the text, before its claim is built.
type figure struct {
	start, end  int // runes of the number
	unitEnd     int // end of the unit (and of 余/多/以上… after it)
	value, unit string
	suffix      []string // 余, 多, 以上, 以内, 左右
	qualifiers  []string
	subject     string
	// the snippet: from the clause start to the unit, or to the end of the
	// words after it when they are the subject
	from, to int
	mode     mode
}

type mode int

const (
	yearMode mode = iota
	spanMode
	targetMode
)

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func (x *extractor) at(i int) rune {
	if i < 0 || i >= len(x.t.runes) {
		return 0
	}
	return x.t.runes[i]
}

func (x *extractor) hasAt(i int, s string) bool {
	rs := []rune(s)
	if i < 0 || i+len(rs) > len(x.t.runes) {
		return false
	}
	for k, r := range rs {
		if x.t.runes[i+k] != r {
			return false
		}
	}
	return true
}

func (x *extractor) run() []Claim {
	var figs []figure
	quote := 0 // inside “…” or 《…》
	for i := 0; i < len(x.t.runes); i++ {
		r := x.t.runes[i]
		switch r {
		case '“', '《':
			quote++
			continue
		case '”', '》':
			if quote > 0 {
				quote--
			}
			continue
		}
		if !isDigit(r) || isDigit(x.at(i-1)) || x.at(i-1) == '.' || x.at(i-1) == '-' || unicode.IsLetter(x.at(i-1)) && x.at(i-1) < 0x2E80 {
			continue
		}
		f, ok := x.number(i)
		if !ok || quote > 0 {
			i = max(i, f.end-1)
			continue
		}
		figs = append(figs, f)
		i = f.unitEnd - 1
	}
	x.modes(figs)
	x.qualify(figs)
	out := make([]Claim, len(figs))
	for k, f := range figs {
		out[k] = x.claim(f)
	}
	return out
}

// number reads a figure starting at i: digits, a unit with 万/亿 and 余/多
// as written, and what follows the unit.
func (x *extractor) number(i int) (figure, bool) {
	f := figure{start: i}
	j := i
	for isDigit(x.at(j)) || (x.at(j) == '.' && isDigit(x.at(j+1))) {
		j++
	}
	f.end, f.value = j, string(x.t.runes[i:j])
	if x.at(j) == '-' || x.at(j) == '—' || x.at(j) == '/' || x.at(j) == ':' {
		return f, false // 7-11, (2018—2022), a ratio or a time
	}
	for x.at(j) == ' ' {
		j++
	}
	mult := ""
	if x.at(j) == '万' || x.at(j) == '亿' {
		mult = string(x.at(j))
		j++
	}
	var suffix []string
	if x.at(j) == '余' || x.at(j) == '多' {
		suffix = append(suffix, string(x.at(j)))
		j++
	}
	for _, w := range notClaims {
		if mult == "" && x.hasAt(j, w) {
			return f, false
		}
	}
	unit := ""
	for _, u := range units {
		if x.hasAt(j, u) {
			unit = u
			break
		}
	}
	if unit == "" {
		if mult == "" {
			return f, false
		}
		// 15万平⏎方米 is joined already; a bare 万 or 亿 with no unit is a count.
		unit = ""
	}
	j += len([]rune(unit))
	f.unit = mult + unit
	if mult != "" && unit == "" {
		return f, false
	}
	// 余 after the unit (100家余 is rare, 495万余元 is handled above).
	if x.at(j) == '余' || x.at(j) == '多' {
		suffix = append(suffix, string(x.at(j)))
		j++
	}
	for _, w := range []string{"以上", "以内", "左右"} {
		if x.hasAt(j, w) {
			next := x.at(j + 2)
			if w == "以上" && isNoun(next) {
				// 1000万元以上企业: a threshold that is part of the subject.
				return f, false
			}
			suffix = append(suffix, w)
			j += 2
		}
	}
	f.unitEnd, f.suffix = j, suffix
	return f, true
}

// isNoun: a Han character that starts a noun after 以上 (企业, 项目…), as
// opposed to punctuation or the end of a clause.
func isNoun(r rune) bool {
	return unicode.Is(unicode.Han, r) && !strings.ContainsRune("的，。、；", r)
}

// Period markers: what a passage looks back on or forward to.
var (
	spanMarks   = []string{"十三五”期间", "五年来", "过去的五年", "过去五年"}
	targetMarks = []string{"预期目标", "十四五”新征程", "今后五年", "力争"}
	yearMarks   = []string{"过去一年", "这一年"}
)

// modes sets each figure's period mode from the markers before it.
func (x *extractor) modes(figs []figure) {
	type mark struct {
		at int
		m  mode
	}
	var marks []mark
	s := string(x.t.runes)
	add := func(words []string, m mode) {
		for _, w := range words {
			for off := 0; ; {
				k := strings.Index(s[off:], w)
				if k < 0 {
					break
				}
				marks = append(marks, mark{len([]rune(s[:off+k])), m})
				off += k + len(w)
			}
		}
	}
	add(spanMarks, spanMode)
	add(targetMarks, targetMode)
	add(yearMarks, yearMode)
	if x.year > 0 {
		add([]string{strconv.Itoa(x.year+1) + "年是", strconv.Itoa(x.year+1) + "年我镇", strconv.Itoa(x.year+1) + "年实现"}, targetMode)
		add([]string{strconv.Itoa(x.year) + "年全", strconv.Itoa(x.year) + "年是"}, yearMode)
	}
	for k := range figs {
		best, m := -1, yearMode
		for _, mk := range marks {
			if mk.at < figs[k].start && mk.at > best {
				best, m = mk.at, mk.m
			}
		}
		figs[k].mode = m
	}
}

// Qualifier words, by how far they reach.
var (
	// sentence-wide: they govern every figure after them up to 。
	sentenceWords = []string{"预计", "力争", "目标"}
	// local: between the clause start and the figure (and down a 、 list)
	localWords = []string{"累计", "年均增长", "增长", "近", "约", "超过", "达到", "增至", "新增", "控制在", "达"}
)

var clauseEnd = "，。；：、！？,;"

// qualify finds each figure's qualifiers and subject.
func (x *extractor) qualify(figs []figure) {
	for k := range figs {
		f := &figs[k]
		// The clause: back to the previous clause mark or figure.
		start := f.start
		for start > 0 && !strings.ContainsRune(clauseEnd, x.at(start-1)) && !x.t.breaks[start] {
			start--
		}
		if k > 0 && figs[k-1].unitEnd > start {
			start = figs[k-1].unitEnd
		}
		before := string(x.t.runes[start:f.start])
		// Sentence-wide words, back to the sentence start.
		sent := f.start
		for sent > 0 && !strings.ContainsRune("。！？", x.at(sent-1)) && !x.t.breaks[sent] {
			sent--
		}
		sentence := string(x.t.runes[sent:f.start])
		for _, w := range sentenceWords {
			if strings.Contains(sentence, w) {
				f.qualifiers = appendOnce(f.qualifiers, w)
			}
		}
		local := ""
		tail := strings.TrimSpace(before)
		for _, w := range localWords {
			// One-character words qualify only right before the figure:
			// 总投资达 366亿元, but not 达标率 100%.
			if len([]rune(w)) == 1 && !strings.HasSuffix(tail, w) {
				continue
			}
			if strings.Contains(before, w) && !strings.Contains(local, w) {
				if w == "达" && strings.Contains(before, "达到") {
					continue
				}
				if w == "增长" && strings.Contains(before, "年均增长") {
					continue
				}
				q := w
				if w == "达" {
					q = "达到"
				}
				if w == "控制在" {
					continue // 控制在 …以内 carries 以内
				}
				f.qualifiers = appendOnce(f.qualifiers, q)
				local += w
			}
		}
		// A figure that continues a 、 list shares the list's words:
		// 累计实现税收收入 68亿元、固定资产投资 480亿元; 增长 14.6%、21.3%.
		if k > 0 && x.at(figs[k-1].unitEnd) == '、' && start == figs[k-1].unitEnd+1 || k > 0 && start == figs[k-1].unitEnd && x.at(start) == '、' {
			for _, q := range figs[k-1].qualifiers {
				f.qualifiers = appendOnce(f.qualifiers, q)
			}
		}
		for _, s := range f.suffix {
			f.qualifiers = appendOnce(f.qualifiers, s)
		}
		f.subject, f.to = x.subject(f, before)
		f.from = start
		// A second figure of the same thing (拆除违建 334处 15万平方米) or the
		// next of a 、 list has no words of its own: it takes the previous one's.
		if f.subject == "" && k > 0 && !strings.ContainsAny(string(x.t.runes[figs[k-1].unitEnd:f.start]), "，。；：") {
			f.subject = figs[k-1].subject
		}
	}
	x.respectively(figs)
}

func appendOnce(xs []string, s string) []string {
	for _, x := range xs {
		if x == s {
			return xs
		}
	}
	return append(xs, s)
}

// Verbs and time words stripped from a subject.
var verbs = []string{"办理", "完成", "实现", "引进", "投入", "建设", "建成", "新建", "改建", "启动", "实施", "推进", "推动", "发放", "拨付", "争取",
	"压缩", "解决", "兑现", "减免", "帮助", "抽调", "组建", "选派", "清理", "整治", "拆除", "提升改造", "提升", "改造", "新增", "增设", "增至", "达到", "为",
	"累计", "预计", "全镇", "力争", "培育", "认定", "获评", "吸引", "落实", "开展", "审核", "办结", "代理", "主动公开", "处理", "惠及", "选取", "接入", "疏通", "封堵",
	"关停取缔", "关停", "取缔", "挂牌出让", "出让", "治理", "完善", "通过", "享受", "出访", "启用", "帮扶", "重点", "全部", "约", "近", "超过", "其中", "和",
	"分别", "新认定", "组建", "组织", "对", "联合", "接入", "铁腕治理", "达标", "获得", "全部通过", "建档立卡", "全部建档立卡", "申请", "进行", "结对",
	"各类", "镇域内", "的", "了"}

// trailing words end a clause fragment without being part of its noun.
var trailing = []string{"等", "的", "了", "达", "达到", "增至", "为", "约", "近", "超过", "分别", "实现", "完成", "全部", "建档立卡", "全部建档立卡",
	"达标", "组建", "和", "获得", "控制在", "办理", "实施", "建设", "投入运营", "进行免费查体", "累计", "预计", "年均增长", "增长"}

var leadTime = regexp.MustCompile(`^(\d{4}年|全年|五年来|今年|去年)`)

// subject finds what a figure measures: the words after its unit when they
// name a thing (抽调 125名镇机关干部, 为 3187人办理城镇职工养老保险), else the
// words before it in its clause (新增就业 1211人). It returns where the
// snippet ends.
func (x *extractor) subject(f *figure, before string) (string, int) {
	end := f.unitEnd
	for end < len(x.t.runes) && !strings.ContainsRune(clauseEnd, x.at(end)) && !isDigit(x.at(end)) {
		end++
	}
	if post := clean(string(x.t.runes[f.unitEnd:end])); post != "" {
		return post, end
	}
	return clean(before), f.unitEnd
}

// clean reduces a clause fragment to the noun it names: no time words, no
// verbs or qualifiers at either end, no quotation marks or spaces. What is
// left of a fragment that was only a verb is "".
func clean(s string) string {
	s = strings.NewReplacer("“", "", "”", "", " ", "", "　", "").Replace(s)
	s = strings.Trim(s, "《》（）()")
	for changed := true; changed; {
		changed = false
		s = strings.TrimSpace(leadTime.ReplaceAllString(s, ""))
		// Strip a word only when a noun of two characters or more remains:
		// verbs from the front (投资 建成…), only trailing words from the end
		// (固定资产投资 keeps its 投资).
		keeps := func(rest string) bool { return len([]rune(rest)) >= 2 }
		for _, v := range verbs {
			if rest := strings.TrimPrefix(s, v); rest != s && keeps(rest) {
				s, changed = rest, true
			}
		}
		for _, v := range trailing {
			if rest := strings.TrimSuffix(s, v); rest != s && keeps(rest) {
				s, changed = rest, true
			}
		}
	}
	s = strings.Trim(s, "《》（）()")
	if isVerb[s] || len([]rune(s)) == 1 && strings.Contains("对为和在将把被等的了与及", s) {
		return ""
	}
	return s
}

var isVerb = map[string]bool{}

func init() {
	for _, v := range verbs {
		isVerb[v] = true
	}
}

// respectively maps a 分别 list to the subjects listed before it, in order:
// 税收收入 68亿元、固定资产投资 480亿元…，分别实现年均增长 14.6%、21.3%…
func (x *extractor) respectively(figs []figure) {
	for k := 0; k < len(figs); k++ {
		f := &figs[k]
		sent := f.start
		for sent > 0 && !strings.ContainsRune("，。；", x.at(sent-1)) {
			sent--
		}
		if !strings.Contains(string(x.t.runes[sent:f.start]), "分别") {
			continue
		}
		n := 1
		for k+n < len(figs) && x.at(figs[k+n].start-1) == '、' && figs[k+n].start-figs[k+n-1].unitEnd <= 1 {
			n++
		}
		// The n figures before, in the same sentence.
		if k-n < 0 {
			continue
		}
		stop := f.start
		for stop > 0 && x.at(stop-1) != '。' {
			stop--
		}
		if figs[k-n].start < stop {
			k += n - 1
			continue
		}
		for i := 0; i < n; i++ {
			figs[k+i].subject = figs[k-n+i].subject
		}
		k += n - 1
	}
}

// claim builds the claim of a figure: its line, period, kind and snippet.
func (x *extractor) claim(f figure) Claim {
	c := Claim{Line: x.t.lines[f.start], Subject: f.subject, Value: f.value, Unit: strings.ToLower(f.unit), Qualifiers: f.qualifiers, Kind: "fact"}
	if c.Unit != "kv" {
		c.Unit = f.unit
	}
	switch f.mode {
	case spanMode:
		c.Period = strconv.Itoa(x.year-4) + "-" + strconv.Itoa(x.year)
		if has(c.Qualifiers, "增长") {
			c.Base = x.year - 5
		}
	case targetMode:
		c.Period, c.Kind = strconv.Itoa(x.year+1), "target"
	default:
		c.Period = strconv.Itoa(x.year)
	}
	c.Text = strings.TrimSpace(string(x.t.runes[f.from:f.to]))
	return c
}

func has(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
