package report

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// evidencePhrase removes from a line the phrases carrying an evidence of
// the year (as its pattern finds them on the line alone); nil for the
// evidence no phrase carries by itself (the tense of a year's sentences,
// the year named most).
var evidencePhrase = map[evidence]func(string) string{
	byPartReview:    anyOf(partReview, partReviewOf),
	byReviewHeading: anyOf(reviewHeading, reviewJoined),
	bySessionDate:   anyOf(deliveryDate, cnDate, sessionMonth, sessionDayRe),
	byPageDate:      anyOf(deliveryDate, cnDate, sessionMonth, sessionDayRe),
	byTargetHeading: func(l string) string {
		l = cnYear.ReplaceAllStringFunc(l, cnYearDigits)
		return targetHeading.ReplaceAllStringFunc(l, func(m string) string {
			if strings.HasSuffix(m, "政府工作") {
				return m
			}
			return ""
		})
	},
	byWholeYear: anyOf(wholeYear),
	byBudgetRun: anyOf(budgetRun),
	byGoalYear:  anyOf(goalYear),
	byPlanDraft: anyOf(planDraft),
	byTitleYear: anyOf(titleYear, titleYearAfter),
}

func anyOf(res ...*regexp.Regexp) func(string) string {
	return func(l string) string {
		l = cnYear.ReplaceAllStringFunc(l, cnYearDigits)
		for _, re := range res {
			l = re.ReplaceAllString(l, "")
		}
		return l
	}
}

// yearOutcome counts readings of the year: right, none (periods blank,
// --year asked for), wrong and marked to the user (weak or contested), and
// wrong unmarked — the confident wrong year — and the right ones marked.
type yearOutcome struct{ n, right, none, wrongMarked, wrongSure, rightMarked int }

func (o *yearOutcome) add(x *extractor, want int) (string, bool) {
	d := x.decideYears()
	marked := x.weak || x.contested
	o.n++
	switch {
	case d.review == want && marked:
		o.rightMarked++
		o.right++
	case d.review == want:
		o.right++
	case d.review == 0:
		o.none++
		return "none", false
	case marked:
		o.wrongMarked++
		return fmt.Sprintf("%d by %s (marked)", d.review, d.by), false
	default:
		o.wrongSure++
		return fmt.Sprintf("%d by %s UNMARKED", d.review, d.by), false
	}
	return "", true
}

func (o yearOutcome) String() string {
	return fmt.Sprintf("%d readings: %d right (%d of them marked), %d none, %d wrong marked, %d wrong unmarked",
		o.n, o.right, o.rightMarked, o.none, o.wrongMarked, o.wrongSure)
}

// blankedOf removes every phrase carrying evidence e and leaves e aside.
func blankedOf(lines []string, e evidence) *extractor {
	cut := append([]string{}, simplified(lines)...)
	if f := evidencePhrase[e]; f != nil {
		for i, l := range cut {
			cut[i] = f(l)
		}
	}
	x := newExtractor(cut)
	x.skip = map[evidence]bool{e: true}
	return x
}

// headless removes every date and every report's title (某县2020年政府工作
// 报告, 政府工作报告): a copy of the body alone.
var headLine = anyOf(deliveryDate, cnDate, sessionMonth, sessionDayRe, titleYear, titleYearAfter, regexp.MustCompile(`[^。，,；;：:\s]{0,20}工作报告`))

// TestDevYearRobustness: three harder measures of how the year reviewed
// is read on reports lacking what decided it (in-sample: the development
// half, whose year the rules were written on), the exceptions aside:
//
//   - decider: every phrase carrying the deciding evidence removed (and
//     that evidence left aside);
//   - every: the same for each evidence that reads a year alone, in turn;
//   - headless: every date and every report's title removed.
//
// Each reading is right, none, wrong but marked to the user (weak or
// contested evidence: tally extract asks for --year), or wrong unmarked.
func TestDevYearRobustness(t *testing.T) {
	corpusTest(t)
	files, _ := filepath.Glob("testdata/reports/dev/*.yaml")
	if len(files) == 0 {
		t.Skip("no labelled development reports in testdata/reports/dev")
	}
	var decider, every, headless, whole yearOutcome
	var bad []string
	for _, f := range files {
		l, lines := readLabelled(t, f, "testdata/reports/dev")
		name := strings.TrimSuffix(l.Report, ".txt")
		if _, ok := yearExceptions[name]; ok {
			continue
		}
		x := newExtractor(lines)
		whole.add(x, l.Reviews)
		d := x.decideYears()
		a := x.alone()
		if w, ok := decider.add(blankedOf(lines, d.by), l.Reviews); !ok {
			bad = append(bad, fmt.Sprintf("%s: without %s: %s (want %d)", name, d.by, w, l.Reviews))
		}
		for _, e := range YearEvidences() {
			if _, ok := a[evidence(e)]; ok {
				if w, ok := every.add(blankedOf(lines, evidence(e)), l.Reviews); !ok && evidence(e) != d.by {
					bad = append(bad, fmt.Sprintf("%s: without %s: %s (want %d)", name, e, w, l.Reviews))
				}
			}
		}
		cut := append([]string{}, simplified(lines)...)
		for i, s := range cut {
			cut[i] = headLine(s)
		}
		if w, ok := headless.add(newExtractor(cut), l.Reviews); !ok {
			bad = append(bad, fmt.Sprintf("%s: headless: %s (want %d)", name, w, l.Reviews))
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Log(b)
	}
	t.Logf("whole text: %s", whole)
	t.Logf("decider's phrases removed: %s", decider)
	t.Logf("each evidence's phrases removed in turn: %s", every)
	t.Logf("headless (dates and titles removed): %s", headless)
	// Floors at what the procedure reaches (in-sample). Before the
	// evidence was weighed (main at 9e481c0, marking weak evidence only):
	// decider 251 right, 16 none, 16 wrong marked, 2 wrong unmarked;
	// every 899 of 935 right, 17 none, 17 marked, 2 unmarked; headless 269
	// right, 11 none, 5 marked, 0 unmarked.
	for _, f := range []struct {
		what      string
		o         yearOutcome
		right     int
		wrongSure int
	}{
		{"whole text", whole, 285, 0},
		{"decider's phrases removed", decider, 250, 0},
		{"each evidence's phrases removed", every, 923, 0},
		{"headless", headless, 269, 0},
	} {
		if f.o.right < f.right || f.o.wrongSure > f.wrongSure {
			t.Errorf("%s: %s; want ≥ %d right, ≤ %d wrong unmarked", f.what, f.o, f.right, f.wrongSure)
		}
	}
}

// TestYearWeighed: the evidence read alone is weighed together — a year
// read by more of it outweighs the first evidence in order; a tie leaves
// the first; what reads another year with half the weight or more makes
// the reading contested, and weak evidence counts once however many of
// it agree. Texts written for the test.
func TestYearWeighed(t *testing.T) {
	const session = "——2021年1月8日在某镇第五届人民代表大会第三次会议上\n"
	cases := []struct {
		name, text      string
		review          int
		by              evidence
		weak, contested bool
	}{
		{"a session's date against a target heading, the year the body names most beside the date: the date, contested",
			"某镇政府工作报告\n" + session + "一、2022年工作安排\n全镇2020年完成税收收入15.19亿元，2020年新建学校2所。",
			2020, bySessionDate, false, true},
		{"the same, the body naming the heading's year only: heading and year named most outweigh the date, contested",
			"某镇政府工作报告\n" + session + "一、2022年工作安排\n过去一年，全镇完成税收收入15.19亿元。",
			2021, byTargetHeading, false, true},
		{"a session's date and a target heading agreeing: neither weak nor contested",
			"某镇政府工作报告\n" + session + "一、2021年工作安排\n过去一年，全镇完成税收收入15.19亿元。",
			2020, bySessionDate, false, false},
		{"a review heading against a page's date of another year: weak evidence against, not contested",
			"某网 2024-05-06 09:15\n一、2021年工作回顾\n过去一年，全镇完成税收收入15.19亿元。",
			2021, byReviewHeading, false, false},
		{"a session's date of March: not weak",
			"——2021年3月20日在某镇第五届人民代表大会第三次会议上\n过去一年，全镇完成税收收入15.19亿元。",
			2020, bySessionDate, false, false},
		{"a session's date of April: delayed or mid-year, weak",
			"——2021年4月20日在某镇第五届人民代表大会第三次会议上\n过去一年，全镇完成税收收入15.19亿元。",
			2020, bySessionDate, true, false},
		{"a session's date of September: weak",
			"——2021年9月20日在某镇第五届人民代表大会第三次会议上\n过去一年，全镇完成税收收入15.19亿元。",
			2020, bySessionDate, true, false},
		{"a session's date of October: the year's end, reviewing it, not weak",
			"——2021年10月20日在某镇第五届人民代表大会第三次会议上\n过去一年，全镇完成税收收入15.19亿元。",
			2021, bySessionDate, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := newExtractor(strings.Split(c.text, "\n"))
			d := x.decideYears()
			if d.review != c.review || d.by != c.by || x.weak != c.weak || x.contested != c.contested {
				t.Errorf("got review %d by %s weak %v contested %v (against %v), want %d by %s weak %v contested %v",
					d.review, d.by, x.weak, x.contested, x.against, c.review, c.by, c.weak, c.contested)
			}
		})
	}
	// Weak evidence counts once: three weak readings of one year weigh
	// less than a session's date of another.
	score := weigh(map[evidence]yearDecision{
		byTitleYear: {review: 2015}, byTense: {review: 2015}, byMostNamed: {review: 2015},
		bySessionDate: {review: 2016, month: 11},
	})
	if score[2015] != 1 || score[2016] != 3 {
		t.Errorf("weigh: 2015 %d (want 1), 2016 %d (want 3)", score[2015], score[2016])
	}
}

// TestYearStatedAndSpoken: the latest year stated with results (read
// alone), and the year named most leaving out the bases compared against.
// Texts written for the test, each on both sides of the rule's edge.
func TestYearStatedAndSpoken(t *testing.T) {
	only := func(text string, e evidence) yearDecision {
		x := newExtractor(strings.Split(text, "\n"))
		x.skip = map[evidence]bool{}
		for _, o := range YearEvidences() {
			x.skip[evidence(o)] = evidence(o) != e
		}
		return x.decideYears()
	}
	cases := []struct {
		name, text string
		e          evidence
		review     int
	}{
		{"a year stated with results twice: reviewed",
			"全镇2023年实现税收收入15亿元。全镇2023年完成投资8亿元。", byStatedYear, 2023},
		{"stated once: not enough",
			"全镇2023年实现税收收入15亿元。全镇完成投资8亿元。", byStatedYear, 0},
		{"the year after planned, however often: the latest stated is reviewed",
			"全镇2023年实现税收收入15亿元。全镇2023年完成投资8亿元。全镇2024年将实现税收收入16亿元。全镇2024年力争完成投资9亿元。全镇2024年将新增就业300人。", byStatedYear, 2023},
		{"a year named without a figure is not stated",
			"全镇2023年实现了目标。全镇2023年完成了任务。", byStatedYear, 0},
		{"a base compared against is not stated",
			"全镇税收收入比2022年增长8%。全镇投资比2022年增长5%。", byStatedYear, 0},
		{"a horizon reached to is not stated",
			"全镇到2025年实现税收收入20亿元。全镇到2025年完成投资10亿元。", byStatedYear, 0},
		{"the year named most, bases compared against left out",
			"全县生产总值2016年达到50亿元。生产总值是2011年的1.5倍，财政收入是2011年的2倍，税收从2011年的3亿元提高到6亿元。", byMostNamed, 2016},
		{"the same years named, none a base: the one named most",
			"全县生产总值2016年达到50亿元。2011年，生产总值30亿元，财政收入2011年10亿元，税收2011年3亿元。", byMostNamed, 2011},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := only(c.text, c.e)
			got := d.review
			if d.by != c.e {
				got = 0
			}
			if got != c.review {
				t.Errorf("%s alone reads %d (by %s), want %d", c.e, d.review, d.by, c.review)
			}
		})
	}
}

// TestYearWeakNotContested: weak evidence against weak evidence is no
// contest, the reading weak; a year stated whole (weighing 2) against the
// weak evidence of another year (1) is one, a review heading (3) not.
// Texts written for the test.
func TestYearWeakNotContested(t *testing.T) {
	for _, c := range []struct {
		text            string
		weak, contested bool
	}{
		{"精武镇2021年政府工作报告\n过去一年，全镇完成税收收入15.19亿元。", true, false},
		{"精武镇2021年政府工作报告\n一、2022年工作安排\n过去一年，全镇完成税收收入15.19亿元。", false, false},
		{"2021年全年，全镇完成税收收入15.19亿元。全镇2023年完成投资8亿元，2023年新建学校2所，2023年新增就业300人。", false, true},
		{"一、2021年工作回顾\n全镇2023年完成投资8亿元，2023年新建学校2所，2023年新增就业300人。", false, false},
	} {
		x := newExtractor(strings.Split(c.text, "\n"))
		d := x.decideYears()
		if x.weak != c.weak || x.contested != c.contested {
			t.Errorf("%q: review %d by %s weak %v contested %v (against %v), want weak %v contested %v", c.text, d.review, d.by, x.weak, x.contested, x.against, c.weak, c.contested)
		}
	}
}

// TestTitleYearAfter: a title's year in brackets after the title reads as
// the title's year before it; brackets holding more than the year do not.
// Texts written for the test.
func TestTitleYearAfter(t *testing.T) {
	for _, c := range []struct {
		text   string
		review int
		by     evidence
	}{
		{"某旗政府工作报告（2022年）\n过去一年，全旗完成税收收入15.19亿元。", 2021, byTitleYear},
		{"某 旗 政 府 工 作 报 告(2022年)\n过去一年，全旗完成税收收入15.19亿元。", 2021, byTitleYear},
		{"某旗2022年政府工作报告\n过去一年，全旗完成税收收入15.19亿元。", 2021, byTitleYear},
		{"某旗政府工作报告（2022年修订稿）\n过去一年，全旗完成税收收入15.19亿元。", 2022, byMostNamed},
	} {
		d := newExtractor(strings.Split(c.text, "\n")).decideYears()
		if d.review != c.review || d.by != c.by {
			t.Errorf("%q: review %d by %s, want %d by %s", c.text, d.review, d.by, c.review, c.by)
		}
	}
}
