package report

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Passages a paragraph opens by its own first sentence, and marks that only
// look like passages (a record over N years, a page's list of contents).

// paragraphLead: a short lead before the year a paragraph opens with, as
// news of a session writes it (初步预计，2017年…; 报告指出，2018年…; 某某
// 在报告中说，2016年…): a few words and a comma.
var paragraphLead = regexp.MustCompile(`^[\p{Han}A-Za-z]{1,10}[，,：:]\s*`)

// paragraphPlans: a paragraph's first sentence planning the year it opens
// with (2021年，全县将重点抓好…; 2022年，某区用…的行动，重点做好8方面工作;
// 力争实现…). Not 要 (主要, 重要) nor 确保了 (done).
var paragraphPlans = regexp.MustCompile(`将|力争|争取|确保[^了]|重点(做好|抓好|推进|实施)|计划|目标\s*[:：]`)

// leadYear: the year reviewed named as just past (刚刚过去的2025年, 过去的
// 2025年), opening its sentence: the review of that year.
var leadYear = regexp.MustCompile(`^(刚刚|刚)?过去的\s*(\d{4})\s*年`)

// recordAfter: what follows a count of years that makes it a record over
// them (近15年来最高, 10年来首次, 二十年来之最): no review of those years.
var recordAfter = regexp.MustCompile(`^\s*(的)?(最|首次|新高|第一次)`)

// partsList: a sentence listing a report's parts (报告共分为四个部分：一、…；
// 二、今后五年…): what it names are contents, no passages.
var partsList = regexp.MustCompile(`(分为?|共有?)\s*[两二三四五六七八九十\d]{1,2}\s*个?\s*部分`)

// topPart: a heading numbered as one of a report's parts (一、, 二、).
var topPart = regexp.MustCompile(`^\s*[一二三四五六七八九十]{1,2}\s*、`)

// paragraphMarks are the passages paragraphs open by their first
// sentence's year and tense, where no heading or phrase opened them:
//
//   - a paragraph opening with the year after the one reviewed whose first
//     sentence plans (2021年，全县将重点抓好…) opens the targets of that
//     year, in a passage of facts;
//   - one opening with the year reviewed whose first sentence states
//     figures without planning (初步预计，2017年全年…完成567亿元; 2018年，
//     全市实现…) opens the review of that year, in a passage of targets
//     (a news report's headline or the year's goals before it);
//   - one opening with a part of a year so far (2022年一季度，…; 1-5月，…)
//     that states figures, in a passage of that year's targets, opens that
//     part's facts;
//   - the year reviewed named as just past at a sentence's start (刚刚过去的
//     2025年，…) opens the review of that year, as 过去一年 does.
//
// Each holds to the next mark. A year inside a five-year review's
// paragraph (2021年，实现生产总值…) holds for its sentence only (LABELLING:
// an explicit year in the sentence wins), so it opens none here.
func (x *extractor) paragraphMarks() []mark {
	R := x.review
	var out []mark
	for i := 0; i < len(x.t.runes); i++ {
		if i > 0 && !x.t.breaks[i] {
			continue
		}
		j := i
		for j < len(x.t.runes) && (x.at(j) == ' ' || x.at(j) == '\u3000' || x.at(j) == '—') {
			j++
		}
		head := x.str(j, j+40)
		start := j
		if m := paragraphLead.FindString(head); m != "" && !strings.ContainsAny(m, "0123456789") {
			if next := []rune(head[len(m):]); len(next) > 0 && (isDigit(next[0]) || strings.HasPrefix(string(next), "过去") || strings.HasPrefix(string(next), "刚")) {
				j += len([]rune(m))
				head = head[len(m):]
			}
		}
		p, pAt := x.passageAt(j)
		if n := len(out); n > 0 && out[n-1].at > pAt {
			p = out[n-1].p // a paragraph's passage opened above
		}
		end := x.sentenceEnd(j)
		if m := leadYear.FindStringSubmatch(head); m != nil {
			if y4(m[2]) == R && (p.target || p.from != R || p.to != R) {
				out = append(out, mark{at: start, p: period{from: R, to: R}, phrase: j + len([]rune(m[0]))})
			}
			continue
		}
		// 2022年一季度，… / 1-5月，… in the targets of that year.
		part := 0
		if toDateEnd(head) > 0 {
			part = p.from
		} else if m := sentenceYear.FindStringSubmatch(head); m != nil && m[1] == "" && m[3] != "" && m[4] == "" && x.toDate(y4(m[2]), j+len([]rune(m[0]))) {
			part = y4(m[2])
		}
		if part > 0 && p.target && p.from == p.to && part == p.from && part <= max(R, x.delivered) {
			if rest := x.str(j, end); strings.ContainsAny(rest, "0123456789") && !paragraphPlans.MatchString(rest) {
				out = append(out, mark{at: start, p: ytd(period{from: part, to: part}), phrase: j})
			}
			continue
		}
		m := sentenceYear.FindStringSubmatch(head)
		if m == nil || m[1] != "" || m[5] != "" || m[4] != "" && m[4] != "全年" {
			continue // 截至2020年底, 2020年以来: a date or span of its sentence
		}
		y := y4(m[2])
		after := x.at(j + len([]rune(m[0])))
		if isDigit(after) || strings.ContainsRune("月-—－至到是", after) {
			continue // a date, a range, 2021年是… (a passage mark of its own)
		}
		if m[3] == "" && (!unicode.Is(unicode.Han, after) || x.measure(j+len([]rune(m[0]))) > 0) {
			continue // 2018全市… is a year without 年; 2018家 is a count
		}
		if toDateEnd(x.str(j+len([]rune(m[0])), j+len([]rune(m[0]))+12)) > 0 {
			continue // 2022年一季度 above
		}
		rest := x.str(j+len([]rune(m[0])), end)
		// 某某在报告中提到，“十二五”时期，…: a span some words into a
		// paragraph, where no mark before it opened a review, quotes the
		// span in passing (a news report of one year's review); the next
		// paragraph the year reviewed opens returns to that year.
		quoted := !p.target && p.from < p.to && pAt >= 0 && !x.opensParagraph(pAt) && !x.headingLine(pAt) && lastBefore(x.marks, pAt) < 0
		plans := paragraphPlans.MatchString(rest) || goalPhrase.MatchString(rest)
		switch {
		case y == R+1 && plans && !(p.target && p.from == y && p.to == y):
			out = append(out, mark{at: start, p: period{from: y, to: y, target: true}, phrase: j + len([]rune(m[0]))})
		case y == R && !plans && (p.target || quoted) && strings.ContainsAny(rest, "0123456789"):
			out = append(out, mark{at: start, p: period{from: y, to: y}, phrase: j + len([]rune(m[0]))})
		}
	}
	return out
}

// contentsHeading: the heading line at i is an entry of a page's list of
// contents: it stands in a run of heading lines with no body between,
// two or more of them numbered as a report's parts (一、…⏎二、…⏎三、…)
// or standing again later in the text (the list before the report, each
// entry repeated where its part begins). A body's heading has its
// paragraph, or at most its first sub-heading, right after it.
func (x *extractor) contentsHeading(i int) bool {
	if i < 0 || i >= len(x.t.runes) {
		return false
	}
	// the input lines in order, as the text keeps them
	var nums []int
	var texts []string
	for k := 0; k < len(x.t.runes); {
		e := k
		for e < len(x.t.runes) && x.t.lines[e] == x.t.lines[k] {
			e++
		}
		nums = append(nums, x.t.lines[k])
		texts = append(texts, strings.TrimSpace(x.str(k, e)))
		k = e
	}
	at := sort.SearchInts(nums, x.t.lines[i])
	short := func(k int) bool {
		return len([]rune(texts[k])) < 40 && !strings.ContainsAny(texts[k], "。，,；;！？!?：:")
	}
	if at >= len(nums) || !short(at) {
		return false
	}
	from, to := at, at+1
	for from > 0 && short(from-1) {
		from--
	}
	for to < len(nums) && short(to) {
		to++
	}
	if to-from < 2 {
		return false
	}
	later := map[string]bool{}
	for _, t := range texts[to:] {
		later[t] = true
	}
	parts, again := 0, 0
	for _, t := range texts[from:to] {
		if topPart.MatchString(t) {
			parts++
		}
		if len([]rune(t)) >= 4 && later[t] {
			again++
		}
	}
	return parts >= 2 || again >= 2
}

// listedPart: the mark at i stands in a sentence listing a report's parts
// (报告共分为四个部分：一、政府工作回顾；二、今后五年…).
func (x *extractor) listedPart(i int) bool {
	return partsList.MatchString(x.str(x.sentenceStart(i), i))
}
