package report

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestPassages scores the extractor's passages against the labels, not
// its figures: a report is cut as the extractor cuts it (paragraphs and
// headings end at a line break the extractor keeps), and every labelled
// figure gets a context period from the labels — the period a figure with
// no time phrase of its own takes in that passage (the review year, a span,
// a target year) — which is compared with the period of the passage the
// extractor reads there (its passage marks, time phrases of the sentence
// aside). The period and fact/target errors are then split by cause:
//
//   - review year: the year the report reviews is read wrong (no year
//     given, as tally extract runs);
//   - passage: the figure's labelled period is its passage's context, and
//     it got the extractor's context, which is another (a target passage
//     missed or run on into the next review, a five-year span that does
//     not end, a span missed);
//   - local: a claim-level cue (a year, 今年, 累计/年均, 力争 in the
//     figure's sentence) read wrong, the passage's context being right or
//     the figure not taking it.
//
// The label context of a figure without a local cue (see localCue) is its
// own labelled period; of one with a cue, that of the nearest figure
// without one in the same paragraph (the one before first), or unknown.
// Development reports only (never the held-out half); the floors are what
// the extractor reaches now, so a change that loses passages fails.
func TestPassages(t *testing.T) {
	corpusTest(t)
	files, _ := filepath.Glob("testdata/reports/dev/*.yaml")
	if len(files) == 0 {
		t.Skip("no labelled development reports in testdata/reports/dev")
	}
	sets := sourceSections(t, "testdata/reports/SOURCES.md")
	all := passageScore{}
	per := map[string]*passageScore{}
	for _, f := range files {
		l, lines := readLabelled(t, f, "testdata/reports/dev")
		name := strings.TrimSuffix(l.Report, ".txt")
		ps := scorePassages(l, lines)
		all.add(ps)
		set := sets[name]
		if set == "" {
			set = "the retired first held-out half (not in SOURCES.md)"
		}
		if per[set] == nil {
			per[set] = &passageScore{}
		}
		per[set].add(ps)
		if testing.Verbose() {
			for _, e := range ps.errors {
				t.Logf("%s: %s", name, e)
			}
		}
	}
	var names []string
	for s := range per {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		t.Logf("%s: %s", s, per[s])
	}
	t.Logf("dev half: %s", all)
	// Floors: the numbers the extractor reaches on the development half
	// (in-sample); raise them when a change gains, never lower them —
	// except as below, to what a batch joining dev is measured at after
	// its round's general rules: batch 7's development half (26 reports)
	// brought jiqinhe-2023, whose text has no year at all (22 figures
	// with no context: review year 22, context 0.990 → 0.982), and two
	// local cues no general rule reads (local 8 → 10, the floor 9 → 10: a
	// census's 较十年前, a count of projects 列入…清单 in a five-year review).
	// Batches 8 and 9's development halves (62 reports) joined with their
	// years fixed by general rules, bringing what no general rule reads
	// yet: zhonglou-2020, no year in its text (review year 22 → 26);
	// passages of targets whose end is not read (huanglong-2026 17,
	// pingshan-2022 5, xingqing-2025 4, changchun-2016 1: passage 1 → 27);
	// local cues, most in two reports (lanzhou-2019 16, changchun-2016 8;
	// local 10 → 48); context 0.982 → 0.978. Measured; raise them as the
	// passage rules gain. Batch 10's development half (18 reports) joined
	// after its round (ext11): xinxiang-2022, a newspaper page of the
	// year's targets with no year in its text (review year 26 → 45); the
	// floors set to what was measured then (passage 1, local 19: a count
	// of parks and one of supply bases heading their clauses in two term
	// reviews, yibin-2017 and zhangjiakou-2026, and the earlier ones;
	// context 0.987, floor 0.986). Batches 11 and 12's halves joined after
	// their rounds (2026-12-02, third session): local 19 → 21, two of
	// batch 12's (guicheng-2020's 将每年投入 inside a review paragraph,
	// neimenggu-2025's 三年引资 span); context 0.988. Batch 16's half
	// joined after its round (2026-12-02, fourth session): local 21 → 28,
	// xiaolongmen-2021's areas and counts in a 五年来 paragraph labelled
	// as the last year's stocks (the extractor sums them, as LABELLING's
	// five-year rule reads a flow) and its 增加…2万元以上 read as a level.
	// Batch 18's half joined (2026-12-02, fifth session) with the texts
	// that name no year scored as tally extract asks the user to run them,
	// the year given (scorePassages): the review-year errors, until then
	// all of the no-year texts (jiqinhe-2023, zhonglou-2020, xinxiang-2022
	// and batch 18's zhangjiachuan-2015 and jiaocheng-2021) and none of a
	// year read wrong, go to 0; their passages now count, context 0.986 →
	// 0.994; passage 1 → 10, jiaocheng-2021's plan page (no title, heading
	// or date; only its imperative voice says plan) read as a review;
	// local 28 → 29, xinxiang-2022's 目标均为10%以上 (a target of the year
	// before the one given).
	if got, want := all.ratio(all.ctxRight, all.ctxKnown), 0.993; got < want {
		t.Errorf("dev passage-context accuracy %.3f, want ≥ %.3f", got, want)
	}
	if all.noYear > 5 {
		t.Errorf("dev reports read with no year (the text names none): %d, want ≤ 5", all.noYear)
	}
	for cause, most := range map[string]int{"review year": 0, "passage": 10, "local": 29} {
		if n := all.cause[cause]; n > most {
			t.Errorf("dev %s errors %d, want ≤ %d", cause, n, most)
		}
	}
}

type passageScore struct {
	reports, claims    int
	ctxKnown, ctxRight int // figures with a labelled context, and those whose extractor context is it
	paras, parasRight  int // paragraphs with a labelled context, all of whose figures agree
	wrong              int // figures with a wrong period or fact/target
	cause              map[string]int
	passage            map[string]int // passage errors by what the contexts were
	errors             []string
	reviewWrong        int
	noYear             int // reports whose text names no year (scored with the labels' year given)
}

func (s passageScore) ratio(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

func (s *passageScore) add(o passageScore) {
	s.reports += o.reports
	s.claims += o.claims
	s.ctxKnown += o.ctxKnown
	s.ctxRight += o.ctxRight
	s.paras += o.paras
	s.parasRight += o.parasRight
	s.wrong += o.wrong
	s.reviewWrong += o.reviewWrong
	s.noYear += o.noYear
	for _, m := range []struct {
		to   *map[string]int
		from map[string]int
	}{{&s.cause, o.cause}, {&s.passage, o.passage}} {
		if *m.to == nil {
			*m.to = map[string]int{}
		}
		for k, v := range m.from {
			(*m.to)[k] += v
		}
	}
}

func (s passageScore) String() string {
	var kinds []string
	for k, v := range s.passage {
		kinds = append(kinds, fmt.Sprintf("%s %d", k, v))
	}
	sort.Strings(kinds)
	return fmt.Sprintf("%d reports (%d read with a wrong year, %d with no year: scored with it given), %d matched figures: passage context %.3f of %d figures, %.3f of %d paragraphs; %d period or fact/target errors: review year %d, passage %d, local %d (passage: %s)",
		s.reports, s.reviewWrong, s.noYear, s.claims, s.ratio(s.ctxRight, s.ctxKnown), s.ctxKnown, s.ratio(s.parasRight, s.paras), s.paras,
		s.wrong, s.cause["review year"], s.cause["passage"], s.cause["local"], strings.Join(kinds, ", "))
}

// timeCue: what in a figure's sentence, before it, may give it a period
// of its own: a year, a year word, a part of a year, a month, a count of
// years, a plan, a span's start, the time now, or a word that aims (a
// target inside a review). A figure with one takes no context from its
// passage.
var timeCue = regexp.MustCompile(`\d{4}\s*年|[今去明上当同本]年|年[底末初]|上半年|季度|\d{1,2}\s*月|[两二三四五六七八九十\d]年(来|间|以来)?|十[一二三四五]五|以来|目前|力争|确保|争取|计划|目标|预期`)

// startLevel: the figure is the level a change starts from (由23.8:39.0:
// 37.2调整为…, 从26.58亿元增长到…): the year before the span, a cue of its own.
var startLevel = regexp.MustCompile(`[由从]\s*[\d.:]*$`)

// A passage's context as the labels show it: a span (2016-2020), a year
// (2020), either with T for a target. A review of a span states flows over
// the span and stocks at its last year, so a passage whose figures show
// only one year Y may be a review of Y or of a span ending in Y: written
// Y? (loose), and a span ending in Y agrees with it.

// agrees: the extractor's context ext is the labels' lab.
func agrees(ext, lab string) bool {
	if !strings.HasSuffix(lab, "?") {
		return ext == lab
	}
	lab = strings.TrimSuffix(lab, "?")
	if ext == lab {
		return true
	}
	et, lt := strings.HasSuffix(ext, "T"), strings.HasSuffix(lab, "T")
	e, l := strings.TrimSuffix(ext, "T"), strings.TrimSuffix(lab, "T")
	return et == lt && strings.Contains(e, "-") && strings.HasSuffix(e, "-"+l)
}

// follows: a figure's period v is what its passage's context c gives a
// figure with no cue of its own: c, or the last year of c's span (a stock
// at the span's end).
func follows(v, c string) bool {
	if agrees(v, c) {
		return true
	}
	c = strings.TrimSuffix(c, "?")
	vt, ct := strings.HasSuffix(v, "T"), strings.HasSuffix(c, "T")
	vv, cc := strings.TrimSuffix(v, "T"), strings.TrimSuffix(c, "T")
	return vt == ct && strings.Contains(cc, "-") && strings.HasSuffix(cc, "-"+vv)
}

// scorePassages scores one report (see TestPassages).
func scorePassages(l labelled, lines []string) passageScore {
	ps := passageScore{reports: 1, cause: map[string]int{}, passage: map[string]int{}}
	d := newExtractor(lines).decideYears()
	// A text that names no year at all (a session's news dated 3月3日, a
	// plan's page with no title or date) is read with no year: tally
	// extract says so and asks for --year. It is scored as the user runs
	// it then, with the labels' year given, and counted apart (noYear), so
	// its passages still count and its blank periods are no "review year"
	// errors — those are years read, and read wrong.
	opts := Options{}
	if d.review == 0 && l.Reviews != 0 {
		ps.noYear = 1
		opts.Year = l.Reviews
	}
	reviewWrong := d.review != l.Reviews && ps.noYear == 0
	if reviewWrong {
		ps.reviewWrong = 1
	}
	x, figs, found := extract(lines, opts)
	// paragraph of each rune: the extractor's breaks
	para := make([]int, len(x.t.runes))
	n := 0
	for i := range x.t.runes {
		if x.t.breaks[i] {
			n++
		}
		para[i] = n
	}
	want := map[string][]int{}
	for i, c := range l.Claims {
		k := key(c.Line, c.Value, c.Unit)
		want[k] = append(want[k], i)
	}
	type pair struct {
		f      figure
		c      Claim
		w      labelClaim
		cued   bool
		label  string // the label context, "" unknown
		ext    string
		parIdx int
	}
	var pairs []pair
	for i, c := range found {
		k := key(c.Line, c.Value, c.Unit)
		if len(want[k]) == 0 {
			continue
		}
		w := l.Claims[want[k][0]]
		want[k] = want[k][1:]
		f := figs[i]
		cued := timeCue.MatchString(x.str(x.sentenceStart(f.start), f.start)) || startLevel.MatchString(x.str(f.start-16, f.start))
		p, _ := x.passageAt(f.start)
		ext := ""
		if x.review != 0 {
			ext = ctxOf(p.String(), p.target)
		}
		pairs = append(pairs, pair{f: f, c: c, w: w, cued: cued, ext: ext, parIdx: para[f.start]})
	}
	// A paragraph's span: a figure in it with no time cue labelled with a
	// span (a sum or mean over the span the passage reviews).
	spanOf := map[int]string{}
	for _, p := range pairs {
		if !p.cued && strings.Contains(p.w.Period, "-") && spanOf[p.parIdx] == "" {
			spanOf[p.parIdx] = ctxOf(p.w.Period, p.w.Kind == "target")
		}
	}
	own := func(p pair) string {
		c := ctxOf(p.w.Period, p.w.Kind == "target")
		if strings.Contains(p.w.Period, "-") {
			return c
		}
		if s := spanOf[p.parIdx]; s != "" && follows(c, s) {
			return s
		}
		return c + "?"
	}
	for i := range pairs {
		if !pairs[i].cued {
			pairs[i].label = own(pairs[i])
			continue
		}
		for j := i - 1; j >= 0 && pairs[j].parIdx == pairs[i].parIdx; j-- {
			if !pairs[j].cued {
				pairs[i].label = own(pairs[j])
				break
			}
		}
		for j := i + 1; pairs[i].label == "" && j < len(pairs) && pairs[j].parIdx == pairs[i].parIdx; j++ {
			if !pairs[j].cued {
				pairs[i].label = own(pairs[j])
			}
		}
	}
	paraOK := map[int]bool{}
	for _, p := range pairs {
		ps.claims++
		if p.label != "" {
			ps.ctxKnown++
			ok := agrees(p.ext, p.label)
			if ok {
				ps.ctxRight++
			} else if os.Getenv("TALLY_PASSAGES_CTX") != "" {
				ps.errors = append(ps.errors, fmt.Sprintf("context line %d %s%s: claim %s, passage: extractor %s, labels %s  [%s]", p.c.Line, p.c.Value, p.c.Unit, ctxOf(p.c.Period, p.c.Kind == "target"), p.ext, p.label, p.c.Text))
			}
			if prev, seen := paraOK[p.parIdx]; !seen || prev {
				paraOK[p.parIdx] = ok
			}
		}
		got := ctxOf(p.c.Period, p.c.Kind == "target")
		wanted := ctxOf(p.w.Period, p.w.Kind == "target")
		if got == wanted {
			continue
		}
		ps.wrong++
		cause := "local"
		switch {
		case reviewWrong:
			cause = "review year"
		case p.label != "" && !agrees(p.ext, p.label) && follows(wanted, p.label) && follows(got, p.ext):
			cause = "passage"
			ps.passage[contextMiss(p.ext, p.label)]++
		}
		ps.cause[cause]++
		ps.errors = append(ps.errors, fmt.Sprintf("%s line %d %s%s: got %s, want %s (passage: extractor %s, labels %s)  [%s]",
			cause, p.c.Line, p.c.Value, p.c.Unit, got, wanted, p.ext, orUnknown(p.label), p.c.Text))
	}
	for _, ok := range paraOK {
		ps.paras++
		if ok {
			ps.parasRight++
		}
	}
	return ps
}

// ctxOf is a period as compared here: the period, and T for a target.
func ctxOf(period string, target bool) string {
	if target {
		return period + "T"
	}
	return period
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// contextMiss names how the extractor's passage context ext differs from
// the labels' want.
func contextMiss(ext, want string) string {
	want = strings.TrimSuffix(want, "?")
	et, wt := strings.HasSuffix(ext, "T"), strings.HasSuffix(want, "T")
	es, ws := strings.Contains(ext, "-"), strings.Contains(want, "-")
	switch {
	case ext == "":
		return "no year"
	case wt && !et:
		return "target missed"
	case et && !wt:
		return "target over-extended"
	case ws && !es:
		return "span missed"
	case es && !ws:
		return "span over-extended"
	case es && ws:
		return "span's years"
	}
	return "year"
}

// sourceSections maps each development report to the section of
// SOURCES.md that lists it (its batch).
func sourceSections(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	section := "(first section)"
	name := regexp.MustCompile(`dev/([a-z0-9-]+)\.txt`)
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "## ") {
			section = strings.TrimPrefix(line, "## ")
			continue
		}
		for _, m := range name.FindAllStringSubmatch(line, -1) {
			if _, ok := out[m[1]]; !ok {
				out[m[1]] = section
			}
		}
	}
	return out
}

// TestPassagesRunIn: copies of a report differ in their line breaks,
// heading numbers and spacing (a news page runs a heading into its
// paragraph, drops 一、 and （二）, sets every figure between spaces:
// 2020 年, 增长 1 %). Each development report read with every line that
// ends without 。 or ： joined to the next, with a space on each side of
// every number, set as a PDF page (a text with a paragraph per line cut
// into lines 28 or 35 characters wide), and with its headings' numbers
// taken off, must give every figure the period and kind it gets as
// written (reports whose figures a run-in splits or joins are left aside,
// logged; any other variant must find the same figures).
// digitAfter, digitBefore: a digit and the word or mark after or before
// it, with no space between (not a digit's own . nor another digit).
var (
	digitAfter  = regexp.MustCompile(`([0-9])([^0-9\s.,])`)
	digitBefore = regexp.MustCompile(`([^0-9\s.,])([0-9])`)
)

func TestPassagesRunIn(t *testing.T) {
	corpusTest(t)
	files, _ := filepath.Glob("testdata/reports/dev/*.yaml")
	if len(files) == 0 {
		t.Skip("no labelled development reports in testdata/reports/dev")
	}
	number := regexp.MustCompile(`^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+部分)`)
	variants := map[string]func([]string) []string{
		"run in": func(lines []string) []string {
			out := []string{lines[0]}
			for _, l := range lines[1:] {
				l = strings.TrimSpace(l)
				if l == "" {
					continue
				}
				if n := len(out); n > 1 && !strings.HasSuffix(out[n-1], "。") && !strings.HasSuffix(out[n-1], "：") && !strings.HasSuffix(out[n-1], ":") {
					out[n-1] += l
				} else {
					out = append(out, l)
				}
			}
			return out
		},
		"spaces around numbers": func(lines []string) []string {
			out := make([]string, len(lines))
			for i, l := range lines {
				l = digitAfter.ReplaceAllString(l, "$1 $2")
				out[i] = digitBefore.ReplaceAllString(l, "$1 $2")
			}
			return out
		},
		"set as a PDF page 28 wide": func(lines []string) []string { return pdfSet(lines, 28) },
		"set as a PDF page 35 wide": func(lines []string) []string { return pdfSet(lines, 35) },
		"no heading numbers": func(lines []string) []string {
			out := make([]string, len(lines))
			for i, l := range lines {
				out[i] = number.ReplaceAllString(l, "")
			}
			return out
		},
	}
	// zhijiang-2016's copy glosses every character with its pinyin in
	// brackets; wrapped, 2016年 after 。 starts a line inside the gloss run.
	known := map[string]bool{
		"set as a PDF page 28 wide zhijiang-2016.yaml 99.3": true,
		"set as a PDF page 35 wide zhijiang-2016.yaml 99.3": true,
		// The paragraph rules (paragraph.go) read a page's contents list
		// (huanglong-2026) and a review's lead (刚刚过去的, zhongning-2026)
		// by the text's line breaks, which a run-in copy loses: a known
		// limit, left for the next round.
		"run in huanglong-2026.yaml 30.69": true,
		"run in huanglong-2026.yaml 4.7":   true,
		"run in huanglong-2026.yaml 0.4":   true,
		"run in huanglong-2026.yaml 3.9":   true,
		"run in huanglong-2026.yaml 14.1":  true,
		"run in huanglong-2026.yaml 30.9":  true,
		"run in huanglong-2026.yaml 1.6":   true,
		"run in huanglong-2026.yaml 11.52": true,
		"run in huanglong-2026.yaml 2.76":  true,
		"run in huanglong-2026.yaml 41538": true,
		"run in huanglong-2026.yaml 17027": true,
		"run in huanglong-2026.yaml 5.4":   true,
		"run in huanglong-2026.yaml 5.6":   true,
		"run in huanglong-2026.yaml 8943":  true,
		"run in huanglong-2026.yaml 1.57":  true,
		"run in huanglong-2026.yaml 8":     true,
		"run in huanglong-2026.yaml 425":   true,
		"run in shapingba-2022.yaml 9":     true,
		"run in zhongning-2026.yaml 135":   true,
		"run in zhongning-2026.yaml 66":    true,
		"run in zhongning-2026.yaml 100":   true,
		"run in zhongning-2026.yaml 8":     true,
		// luoxing-2023 (batch 12's half) is a page of a year's plan whose
		// only mark is its first paragraph, opened by 2023年，…将…; set
		// as a narrow PDF page its short header lines run into that
		// paragraph, which then opens no paragraph: the figures of the
		// sections after the first read as the year reviewed's. The same
		// known limit as above, left for the next round.
		"set as a PDF page 28 wide luoxing-2023.yaml 1":  true,
		"set as a PDF page 28 wide luoxing-2023.yaml 10": true,
		"set as a PDF page 28 wide luoxing-2023.yaml 3":  true,
		"set as a PDF page 28 wide luoxing-2023.yaml 5":  true,
		"set as a PDF page 35 wide luoxing-2023.yaml 1":  true,
		"set as a PDF page 35 wide luoxing-2023.yaml 10": true,
		"set as a PDF page 35 wide luoxing-2023.yaml 3":  true,
		"set as a PDF page 35 wide luoxing-2023.yaml 5":  true,
		// lixia-2022 (batch 15's half): a headline opened by the year of
		// its targets (…:2022年地区生产总值增长8%以上,一般公共预算收入增长9%)
		// holds that year for its sentence; cut at a narrow width, its last
		// figure stands on a line of its own and loses it. The same limit.
		"set as a PDF page 28 wide lixia-2022.yaml 9": true,
		"set as a PDF page 35 wide lixia-2022.yaml 9": true,
		// baohe-2020 (batch 16's half) is a forum's copy: the sidebar of
		// the poster (签到天数: 4 天, 2万积分) stands under the title and
		// is read as figures, extras either way; run into the title, they
		// take the title's year. Page furniture, left.
		"run in baohe-2020.yaml 4": true,
		"run in baohe-2020.yaml 2": true,
		// gaoxian-2021 (batch 18's half): a yearbook page whose joined
		// heading (2020年工作和十三五发展回顾) stands on a line of its own,
		// its year part opened by the abstract's 【摘要】:2020 年,…; run
		// into the page's date line, or cut narrow, the abstract's year no
		// longer opens a paragraph and its figures take the heading's span.
		// The same limit as above (paragraph rules by line breaks).
		"run in gaoxian-2021.yaml 2.7":                      true,
		"run in gaoxian-2021.yaml 26.52":                    true,
		"set as a PDF page 28 wide gaoxian-2021.yaml 2.7":   true,
		"set as a PDF page 28 wide gaoxian-2021.yaml 26.52": true,
		"set as a PDF page 35 wide gaoxian-2021.yaml 2.7":   true,
		"set as a PDF page 35 wide gaoxian-2021.yaml 26.52": true,
	}
	// Each report is read as written once; the variants, each a subtest,
	// run in parallel (the test grows with the development half).
	type written struct {
		name  string
		lines []string
		read  []Claim
	}
	var reports []written
	for _, f := range files {
		_, lines := readLabelled(t, f, "testdata/reports/dev")
		reports = append(reports, written{filepath.Base(f), lines, Extract(lines, Options{})})
	}
	for name, change := range variants {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			figures, changed, aside := 0, 0, 0
			for _, r := range reports {
				a, b := r.read, Extract(change(r.lines), Options{})
				if len(a) != len(b) {
					aside++
					t.Logf("%s: %s: %d figures as written, %d changed: left aside", name, r.name, len(a), len(b))
					continue
				}
				for i := range a {
					figures++
					if a[i].Period != b[i].Period || a[i].Kind != b[i].Kind {
						changed++
						if known[name+" "+r.name+" "+a[i].Value] {
							t.Logf("%s: %s: %s%s %s %s, changed %s %s (known)", name, r.name, a[i].Value, a[i].Unit, a[i].Period, a[i].Kind, b[i].Period, b[i].Kind)
							continue
						}
						t.Errorf("%s: %s: %s%s %s %s, changed %s %s  [%s]", name, r.name, a[i].Value, a[i].Unit, a[i].Period, a[i].Kind, b[i].Period, b[i].Kind, a[i].Text)
					}
				}
			}
			t.Logf("%s: %d figures compared, %d with another period or kind; %d reports left aside", name, figures, changed, aside)
			if aside > 0 && name != "run in" {
				t.Errorf("%s: %d reports read with other figures", name, aside)
			}
		})
	}
}

// pdfSet sets a text whose lines are paragraphs (the usual line 80
// characters or more) as a PDF page width wide does: every line cut into
// lines of width characters, the last shorter. Other texts stay as they are.
func pdfSet(lines []string, width int) []string {
	var kept []string
	for _, l := range lines[1:] {
		if l = strings.TrimSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	if typicalWidth(kept) < 80 {
		return lines
	}
	out := []string{lines[0]}
	for _, l := range lines[1:] {
		r := []rune(strings.TrimSpace(l))
		for len(r) > width {
			out = append(out, string(r[:width]))
			r = r[width:]
		}
		out = append(out, string(r))
	}
	return out
}
