// Package report reads a published work report and finds every figure it
// states: the value as written, its unit, the words that qualify it, what it
// measures, the period it covers and where it is. Finding figures is pure
// text work on the standard library (a .docx is read as its paragraphs);
// mapping them to the spec's claims (claims.go) uses the domain, reconcile.
//
// Nothing here is fitted to one report. Figures are an Arabic number and a
// unit built by a rule (a magnitude, a prefix, a measure word); the period of
// each passage comes from the report's own headings and time phrases; the
// subject is the noun next to the figure, with the words every report uses
// for verbs, qualifiers and comparisons taken off.
package report

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Claim is one figure a report states.
type Claim struct {
	Line    int    // where the figure starts in the input
	Subject string // what it measures, as the report words it
	Value   string // as written
	Unit    string // with 万/亿 as written: 万元, 万人, %, 个百分点
	// Qualifiers in canonical form: 预计, 近, 余, 超过, 以上, 以内, 约, 累计,
	// 年均, 增长, 下降, 新增; and 达到 or 增至 for a level reached.
	Qualifiers []string
	Period     string // 2020, 2016-2020 or 2021
	Base       int    // the year compared with: 较“十二五”末 is 2015, 是2015年的3倍 is 2015
	Kind       string // fact or target
	// ToDate: a figure of its year so far (2022年1-5月, 上半年, 截至6月20日
	// in a report delivered mid-year), not of the whole year.
	ToDate  bool
	Measure string // level, growth, cumulative, points or ratio
	Text    string // the shortest snippet that holds it
}

// Measures.
const (
	Level      = "level"
	Growth     = "growth"
	Cumulative = "cumulative"
	Points     = "points"
	Ratio      = "ratio"
)

// Options say what a report is about.
type Options struct {
	// Year is the year the report reviews (a report delivered in early 2021
	// reviews 2020); 0 reads it from the report's headings and date.
	Year int
}

// text is the report joined into one run of characters, each with the line
// it came from, and the places where a line ended a heading or paragraph.
type text struct {
	runes  []rune
	lines  []int
	breaks map[int]bool // rune index after a short unpunctuated line
	// full: the lines (by input line number) that run a PDF page's full
	// width, when the text is set so: a ； at the end of one is where the
	// page wrapped, not the end of an item set one per line.
	full map[int]bool
	// spaced: the spaces dropped before a rune (spaceAtFigure), by its
	// index, so a snippet shows the text as written.
	spaced map[int]string
	// shown: the runes as the text writes them, where runes has a variant
	// word read as its usual form (variants); nil when none was.
	shown []rune
}

// variantWords: words some reports write for the usual one the rules read
// (累积 for 累计), rune for rune, so every index holds.
var variantWords = [][2][]rune{{[]rune("累积"), []rune("累计")}}

// variants reads each variant word of t as its usual form, keeping the
// text as written for snippets.
func (t *text) variants() {
	for _, v := range variantWords {
		for i := 0; i+len(v[0]) <= len(t.runes); i++ {
			if string(t.runes[i:i+len(v[0])]) != string(v[0]) {
				continue
			}
			if t.shown == nil {
				t.shown = append([]rune(nil), t.runes...)
			}
			copy(t.runes[i:], v[1])
		}
	}
}

// ownArea is the level of government a report names its own area by, after
// 全 (all of: 全县, 全街道, 全乡镇), 我 or 本 (our, this: 我镇, 本区); 域 (the
// area of) may follow (全镇域). anyArea adds the country, for what a rate is
// compared with (高于全国, 比全省高).
const (
	ownArea = `(?:乡镇|街道|[省州盟市区县旗镇乡街])域?`
	anyArea = `(?:国|` + ownArea + `)`
)

var pageNumber = regexp.MustCompile(`^[-—－\s]*(第\s*)?[0-9０-９]+(\s*页)?[-—－\s]*$`)

// join reads report text as extracted from a PDF: blank lines, page numbers
// like "- 2 -" and the line breaks inside sentences are dropped, keeping
// each character's original line. PDF lines run the page's width; a line
// much shorter than that which does not end a sentence is a heading or a
// paragraph's end, and is marked as a clause boundary (a unit split across
// it still joins).
func join(lines []string) text {
	t := text{breaks: map[int]bool{}, spaced: map[int]string{}}
	var kept []string
	var at []int
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || pageNumber.MatchString(l) && !unitGoesOn(lines, i, kept) {
			continue
		}
		kept, at = append(kept, l), append(at, i+1)
	}
	// The usual width: most lines of a PDF page run the full width, a few
	// (headings, ends of paragraphs) are shorter; a single very long line
	// (a paragraph per line) must not make every other line look short.
	width := typicalWidth(kept)
	t.full = fullLines(kept, at, width)
	for k, l := range kept {
		if k > 0 {
			// The first line is the title; after it, a short line that ends
			// neither a sentence nor a figure ends a heading or paragraph.
			prev := []rune(kept[k-1])
			last := narrow(prev[len(prev)-1])
			// A short line that holds a clause mark is a sentence going on
			// (…369 亿元,增长⏎7.6%), unless it is a numbered heading.
			short := len(prev)*10 < width*6 && (!strings.ContainsAny(kept[k-1], "，,") || isHeading(kept[k-1]))
			// A figure masked in the copy (XX, ××) on a line of its own
			// goes on the sentence as a figure does, on both sides.
			masked := maskedFigure.MatchString(kept[k-1]) || maskedFigure.MatchString(l)
			if k == 1 || short && !masked && !strings.ContainsRune("，、,万亿平", last) && !isDigit(last) ||
				strings.ContainsRune("。！？!?", last) || isHeading(l) {
				t.breaks[len(t.runes)] = true
			}
		}
		rs := []rune(l)
		for j, r := range rs {
			if r = narrow(r); r == ' ' && spaceAtFigure(rs, j) {
				t.spaced[len(t.runes)] += string(rs[j])
				continue
			}
			t.runes = append(t.runes, r)
			t.lines = append(t.lines, at[k])
		}
	}
	return t
}

// spaceAtFigure: the space at j stands between a number and the words or
// marks around it (2020 年, 增长 1 %, 比 2011 年的, 0.2 ∶ 52, 2018 - 01, as
// some copies set every figure): no part of the text, so dropped — the
// year, unit and time phrases read as in a copy without it. Spaces between
// two numbers, a number and a Latin word, or two words stay.
func spaceAtFigure(rs []rune, j int) bool {
	prev, next := rune(0), rune(0)
	for i := j - 1; i >= 0; i-- {
		if r := narrow(rs[i]); r != ' ' {
			prev = r
			break
		}
	}
	for i := j + 1; i < len(rs); i++ {
		if r := narrow(rs[i]); r != ' ' {
			next = r
			break
		}
	}
	// a word or a mark: anything but a digit, a Latin letter or the line's end
	word := func(r rune) bool { return r != 0 && !isDigit(r) && !unicode.IsLetter(r) || unicode.Is(unicode.Han, r) }
	return isDigit(prev) && word(next) || word(prev) && isDigit(next)
}

// unitGoesOn: a line of digits alone is a figure, not a page number, when
// a copy puts each figure on a line of its own: the sentence before it goes
// on (no 。 ends it) and the next line opens with the figure's unit
// (面积达⏎7860⏎亩，增长…; 7⏎家涉林企业).
func unitGoesOn(lines []string, i int, kept []string) bool {
	l := strings.TrimSpace(lines[i])
	if strings.ContainsAny(l, "-—－页第 ") || len(kept) == 0 {
		return false
	}
	prev := []rune(kept[len(kept)-1])
	if strings.ContainsRune("。！？!?", prev[len(prev)-1]) {
		return false
	}
	for _, n := range lines[i+1:] {
		if n = strings.TrimSpace(n); n == "" {
			continue
		}
		r := []rune(n)
		first := narrow(r[0])
		if first == '%' || strings.ContainsRune("万亿", first) {
			return true
		}
		// a measure word, then the clause's end or a noun it counts; not
		// the first character of a word (人民, 家庭, 元旦…).
		if !strings.ContainsRune(measureWords, first) {
			return false
		}
		return len(r) == 1 || strings.ContainsRune(clauseMarks+"。", narrow(r[1])) || !strings.ContainsRune("民们庭口员工旦宵月素化类次", r[1])
	}
	return false
}

// fullLines are the lines of a text set at a page's width (at gives each
// kept line's input line number): those as long as the usual width, give
// or take two, when a third of the lines or more are (a PDF copy); none
// when the text has a paragraph per line, whose lengths scatter.
func fullLines(kept []string, at []int, width int) map[int]bool {
	full := map[int]bool{}
	if len(kept) < 6 || width < 12 {
		return full
	}
	for k, l := range kept {
		if n := len([]rune(l)); n >= width-2 && n <= width+2 {
			full[at[k]] = true
		}
	}
	if len(full)*3 < len(kept) {
		return map[int]bool{}
	}
	return full
}

// typicalWidth is the length of the longer lines of a report: the 80th
// percentile of line lengths.
func typicalWidth(lines []string) int {
	if len(lines) == 0 {
		return 0
	}
	n := make([]int, len(lines))
	for i, l := range lines {
		n[i] = len([]rune(l))
	}
	sort.Ints(n)
	return n[len(n)*8/10]
}

var heading = regexp.MustCompile(`^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+(部分|章)|[0-9]+(、|[.．][^0-9]))`)

// maskedFigure: a line that is only a figure masked out (XX, ×××, ＊＊).
var maskedFigure = regexp.MustCompile(`^\s*([XＸx×＊*]{2,})\s*$`)

// isHeading reports whether a line starts with a section number.
func isHeading(l string) bool { return heading.MatchString(strings.TrimSpace(l)) }

// narrow maps full-width digits and the marks that matter to ASCII.
func narrow(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return '0' + (r - '０')
	case r == '．':
		return '.'
	case r == '∶' || r == '︰': // U+2236 RATIO and U+FE30, as some typesetting writes 0.5∶23.5∶76
		return ':'
	case r == '％':
		return '%'
	case r == '\u00a0' || r == '\u3000':
		return ' '
	}
	return r
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// Extract finds every figure in a report's lines.
func Extract(lines []string, opt Options) []Claim {
	_, _, out := extract(lines, opt)
	return out
}

// extract is Extract, also giving the extractor and the figures the claims
// were made of (in the same order), for the tests that read the passages.
func extract(lines []string, opt Options) (*extractor, []figure, []Claim) {
	x := newExtractor(lines)
	x.review, x.delivered = x.years()
	if opt.Year != 0 {
		if x.delivered != 0 && (x.delivered < opt.Year || x.delivered > opt.Year+1) {
			x.delivered, x.month = 0, 0 // a date that cannot be of this year's review: read as none
		}
		x.review = opt.Year
	}
	if x.delivered == 0 && x.review != 0 {
		x.delivered = x.review + 1
		if yearStillRuns.MatchString(x.s) {
			// a report at the year's end (今年以来, 今年1至11月, 今年工作
			// 总结): 今年 is the year reviewed
			x.delivered = x.review
		}
	}
	x.passages()
	figs := x.figures()
	figs = x.qualify(figs)
	out := make([]Claim, len(figs))
	for k := range figs {
		out[k] = x.claim(&figs[k])
	}
	return x, figs, out
}

// yearStillRuns: words of a text written while the year it reviews runs:
// the year so far (今年以来, 今年1至11月) or the year's own summary
// (今年工作总结).
var yearStillRuns = regexp.MustCompile(`今年以来|今年\s*1\s*[-—－至到~～]\s*\d{1,2}\s*月|` + yearSummaryName)

// newExtractor joins a report's lines for reading.
func newExtractor(lines []string) *extractor {
	t := join(simplified(lines))
	t.variants()
	// 二〇一九年工作回顾: a year in Chinese numerals reads as its digits
	// for the headings and phrases that set periods (one rune for one, so
	// rune indices hold); figures are read from the runes as written.
	x := &extractor{t: t, s: cnYear.ReplaceAllStringFunc(string(t.runes), cnYearDigits)}
	x.byteRune = make([]int, len(x.s)+1)
	k := 0
	for b := range x.s {
		x.byteRune[b] = k
		k++
	}
	x.byteRune[len(x.s)] = k
	return x
}

// cnYear: a year from 1900 to 2099 in Chinese numerals, before 年.
var cnYear = regexp.MustCompile(`[一二][〇零九][〇零一二三四五六七八九]{2}\s*年`)

func cnYearDigits(y string) string {
	d := cnDigitNames.Replace(y)
	if !strings.HasPrefix(d, "19") && !strings.HasPrefix(d, "20") {
		return y // 一〇…, 二九…: no year of these reports
	}
	return d
}

type extractor struct {
	t         text
	s         string            // t.runes as a string, for the regular expressions
	byteRune  []int             // byte offset in s → rune index
	review    int               // the year reviewed
	delivered int               // the year the report was delivered (今年)
	month     int               // the month of its date of delivery, 0 when not known
	marks     []mark            // passage marks, in text order
	scoped    []mark            // time phrases holding for their sentence, in text order
	skip      map[evidence]bool // evidence decideYears leaves aside (tests of the fallbacks)
	against   map[evidence]int  // evidence that, read alone, reads another year than decideYears decided
	contested bool              // the evidence against weighs half the evidence for, or more
	weak      bool              // only weak evidence reads the year decided (weakReading)
}

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

// written is the text from rune from to rune to as the report wrote it:
// with the spaces around numbers that reading drops (spaceAtFigure).
func (x *extractor) written(from, to int) string {
	from, to = max(from, 0), min(to, len(x.t.runes))
	runes := x.t.runes
	if x.t.shown != nil {
		runes = x.t.shown
	}
	var b strings.Builder
	for i := from; i < to; i++ {
		if i > from {
			b.WriteString(x.t.spaced[i])
		}
		b.WriteRune(runes[i])
	}
	return b.String()
}

func (x *extractor) str(from, to int) string {
	from, to = max(from, 0), min(to, len(x.t.runes))
	if from >= to {
		return ""
	}
	return string(x.t.runes[from:to])
}

// maxSentence bounds how far a sentence or clause is looked for: text with
// no punctuation at all costs linear time, not quadratic.
const maxSentence = 2000

// back returns where the stretch ending at i starts: after one of marks,
// a heading's or paragraph's end, or maxSentence runes back.
func (x *extractor) back(i int, marks string) int {
	stop := max(0, i-maxSentence)
	for i > stop && !strings.ContainsRune(marks, x.at(i-1)) && !x.t.breaks[i] {
		i--
		// 地区生产总值（预计，下同）7100亿元: a mark inside a closed aside
		// ends no clause; the aside is skipped whole when it opens nearby.
		if c := x.at(i); c == '）' || c == ')' {
			j := i - 1
			for j > stop && j > i-12 && x.at(j) != '（' && x.at(j) != '(' && x.at(j) != '）' && x.at(j) != ')' && x.at(j) != '。' {
				j--
			}
			if x.at(j) == '（' || x.at(j) == '(' {
				i = j
			}
		}
	}
	return i
}

// sentenceStart is where the sentence holding i starts: after 。！？ or
// the end of a heading or paragraph.
func (x *extractor) sentenceStart(i int) int { return x.back(i, "。！？!?") }

// sentenceEnd is where the sentence holding i ends.
func (x *extractor) sentenceEnd(i int) int {
	stop := min(len(x.t.runes), i+maxSentence)
	for i < stop && !strings.ContainsRune("。！？!?", x.at(i)) && !x.t.breaks[i+1] {
		i++
	}
	return i + 1
}

func has(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func appendOnce(xs []string, s string) []string {
	if has(xs, s) {
		return xs
	}
	return append(xs, s)
}

// Replacers built once (a strings.Replacer is costly to build and safe to share).
var cnDigitNames = strings.NewReplacer("〇", "0", "零", "0", "一", "1", "二", "2", "三", "3", "四", "4", "五", "5", "六", "6", "七", "7", "八", "8", "九", "9")
