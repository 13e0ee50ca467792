package report

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// yearExceptions are the development reports whose year reviewed the text
// cannot tell, or that no round has examined yet, each with why.
var yearExceptions = map[string]string{
	// A township's briefing as a document site previews it: no date, no
	// year in its text; its labels infer 2023 from 党的二十大精神…落地
	// (after 2022-10), a bound, not a year. Nothing to read; tally extract
	// asks for --year.
	"jiqinhe-2023": "no year in the text: the labels' 2023 is inferred from an event's date, a lower bound",
	// Batch 8's and 9's development halves: a later part of a report whose
	// date stood only on the page (its address), no year in the stored
	// text; and a report whose labels give its delivery as 2020 or 2021-01
	// (no session date), read as 2021 from its review heading of 2020.
	"zhonglou-2020":  "no year in the text: the labels' 2020 is the page's address's date, not in the copy",
	"fuxinxian-2020": "the delivery year the labels leave open (2020 or 2021-01, no session date); the year reviewed, 2020, is read right",
	// Batch 10's development half: a newspaper page on the year's targets
	// (今年…主要预期目标) whose date stands only in its address; its
	// targets are read as targets, without a year.
	"xinxiang-2022": "no year in the text: the labels' 2022 is the paper's date, in the page's address only",
	// Batch 18's development half: a session's news dated only 3月3日
	// (the year in the page's address), and a plan's page with no title,
	// place or date (the year inferred from the e-paper's address).
	"zhangjiachuan-2015": "no year in the text: the labels' 2015 is the page's address's date, not in the copy",
	"jiaocheng-2021":     "no year in the text: the labels' 2021 is the e-paper page's address's date, not in the copy",
	// Batch 17's development half: a 街道's summary of 2015 with figures
	// to 1月至10月, posted 2016-03-07; its labels infer it was written in
	// 2015, which the text does not say (a January session cites 1-11月
	// too). And a news page of 2021-08-19 whose 今年上半年 stands inside
	// its first sentence (杭州市今年上半年经济“期中考”…), not opening it:
	// read from the page's date as 2020, marked weak; its figures, dated
	// by 今年上半年, are read right.
	"wujiaochang-2015": "delivered: the labels' 2015 is inferred from its 1月至10月 figures; the page's 2016-03-07 is read; the year reviewed, 2015, is read right",
	"sijiqing-2021":    "a news page whose 今年上半年 does not open its paragraph: the year read from the page's date, 2020, marked weak",
}

// TestDevReviewYear: with no year given (tally extract without --year),
// the year each development report reviews, and the year it was delivered
// when the text tells it, are its labels' — or it is an exception with a
// reason. The evidence that decided is logged, counted by kind.
func TestDevReviewYear(t *testing.T) {
	corpusTest(t)
	files, _ := filepath.Glob("testdata/reports/dev/*.yaml")
	if len(files) == 0 {
		t.Skip("no labelled development reports in testdata/reports/dev")
	}
	wrong := 0
	by := map[evidence]int{}
	for _, f := range files {
		l, lines := readLabelled(t, f, "testdata/reports/dev")
		d := newExtractor(lines).decideYears()
		by[d.by]++
		name := strings.TrimSuffix(l.Report, ".txt")
		if d.review == l.Reviews && (d.delivered == 0 || d.delivered == l.Delivered) {
			if why, ok := yearExceptions[name]; ok {
				t.Errorf("%s: listed as an exception (%s) but read right: drop it", name, why)
			}
			continue
		}
		wrong++
		if why, ok := yearExceptions[name]; ok {
			t.Logf("%s: review %d delivered %d by %s (exception: %s)", name, d.review, d.delivered, d.by, why)
			continue
		}
		t.Errorf("%s: review %d delivered %d by %s, want review %d delivered %d", name, d.review, d.delivered, d.by, l.Reviews, l.Delivered)
	}
	var kinds []string
	for e, n := range by {
		kinds = append(kinds, fmt.Sprintf("%s: %d", e, n))
	}
	sort.Strings(kinds)
	t.Logf("%d of %d development reports read with the wrong year; decided by %s", wrong, len(files), strings.Join(kinds, "; "))
}

// TestDevReviewYearFallback: how the evidence below the one that decided
// would read each development report's year if the deciding evidence were
// missing (as in a fresh report that lacks it): per evidence, how many of
// the reports it decided the next evidence reads right, and which not.
// It logs, asserting nothing: it measures how the procedure degrades.
func TestDevReviewYearFallback(t *testing.T) {
	corpusTest(t)
	files, _ := filepath.Glob("testdata/reports/dev/*.yaml")
	if len(files) == 0 {
		t.Skip("no labelled development reports in testdata/reports/dev")
	}
	type tally struct{ n, right int }
	per := map[evidence]*tally{}
	var wrong []string
	misread, unread := 0, 0
	for _, f := range files {
		l, lines := readLabelled(t, f, "testdata/reports/dev")
		first := newExtractor(lines).decideYears()
		x := newExtractor(lines)
		x.skip = map[evidence]bool{first.by: true}
		next := x.decideYears()
		if per[first.by] == nil {
			per[first.by] = &tally{}
		}
		per[first.by].n++
		switch next.review {
		case l.Reviews:
			per[first.by].right++
		case 0:
			unread++
			wrong = append(wrong, fmt.Sprintf("%s: without %s, no year read (want %d)", strings.TrimSuffix(l.Report, ".txt"), first.by, l.Reviews))
		default:
			misread++
			wrong = append(wrong, fmt.Sprintf("%s: without %s, %s reads %d (want %d)", strings.TrimSuffix(l.Report, ".txt"), first.by, next.by, next.review, l.Reviews))
		}
	}
	for _, e := range YearEvidences() {
		if c := per[evidence(e)]; c != nil {
			t.Logf("decided by %s: %d; the next evidence right on %d", e, c.n, c.right)
		}
	}
	t.Logf("without the deciding evidence: %d of %d reports read with a wrong year, %d with none (periods left blank)", misread, len(files), unread)
	sort.Strings(wrong)
	for _, w := range wrong {
		t.Log(w)
	}
}

// TestYearEvidenceAlone: each evidence of the year reviewed read alone,
// all the others left aside, on every development report it fires on:
// how often it reads the labelled year. A fresh report may hold only one
// of them, so each must hold up by itself, not only behind the stronger.
// The counts of wrong readings may not grow (in-sample: these reports
// were read while the rules were written).
func TestYearEvidenceAlone(t *testing.T) {
	corpusTest(t)
	files, _ := filepath.Glob("testdata/reports/dev/*.yaml")
	if len(files) == 0 {
		t.Skip("no labelled development reports in testdata/reports/dev")
	}
	// (Batch 7's development half, joined to dev with its round, brought
	// 2 more a page's date alone reads wrong — reposts dated years later,
	// pinghu-gutian-2023 and taoyuan-wujiang-2015 — and 3 more the year
	// named most alone reads wrong: measured, 1 → 3 and 17 → 20. Batches
	// 8 and 9's halves brought 5 more the year named most alone reads
	// wrong — five-year reviews naming the span's years (xian-2022,
	// dongcheng-2022, changchun-2016) and reviews naming the year planned
	// as often (pingshan-2022, zhixi-2020), each read right by the
	// evidence that decides them: 20 → 25. Batch 10's half brought 3 more,
	// each read right by its deciding evidence: changsha-2015 (the budget
	// carried out), yuecheng-2016 (a 十二五 review naming 2010 and 2015;
	// its review heading), zhenkang-2026 (a 十四五 review from 2020; the
	// 十五五 plan's draft): 25 → 28. The round weighing the evidence
	// (branch yearfb) left the bases compared against out of the year
	// named most (是2011年的1.5倍, 从2015年的…提高到): 28 → 21; the latest
	// year stated with results, new, reads 2 wrong alone — changhu-2016, a
	// term-end report of November stating the full year before's figures,
	// and zhongxing-2022 — each read right by its session's date or
	// heading. Batch 11's half brought 2 more, measured 20 → 22 (the
	// floor was 21): keshiketeng-2025 and rongxian-2021 name the year of
	// delivery most, each read right by its session's date. Batch 12's
	// half brought 2 more to the year named most (22 → 24) and 1 to the
	// latest year stated (2 → 3): lianghe-2013, a town's news of January
	// 2013 naming 2013's targets most and its estimated 2012 results as
	// 2013's, read right by its tense; xianyou-2026, a digest naming 2026
	// most, read right by the year its results are named in. Batch 15's
	// half brought one more of lianghe's kind: lixia-2022, a news page whose
	// headline opens with the year of its targets (2022年地区生产总值增长
	// 8%以上) — the tense and the year named most alone read 2022, the
	// page dated the session's own day reads 2021 (2 → 3, 24 → 25).
	// Batch 16's half brought one to the page date (3 → 4):
	// kaiyuan-licheng-2023, a 街道's summary of 2023 posted 2024-10-08,
	// read right by its review heading. Batch 17's half brought two
	// (4 → 6): dongxing-jingjiang-2016, a mid-year session's news dated
	// 26.07.2016, read right by its 今年上半年 paragraph; sijiqing-2021,
	// an exception. Batch 18's half brought one (6 → 7): gaoxian-2021,
	// the county's review of 2020 reprinted in its yearbook, the page
	// dated 2023-08-11, read right by its joined review heading.)
	mostWrong := map[evidence]int{byPartReview: 0, byReviewHeading: 0, bySessionDate: 2, byPageDate: 7, byTargetHeading: 0,
		byWholeYear: 0, byBudgetRun: 0, byGoalYear: 0, byPlanDraft: 0, byTitleYear: 2, byTense: 3, byStatedYear: 3, byMostNamed: 25}
	type tally struct {
		fired, right int
		wrong        []string
	}
	per := map[evidence]*tally{}
	for _, f := range files {
		l, lines := readLabelled(t, f, "testdata/reports/dev")
		for _, e := range YearEvidences() {
			x := newExtractor(lines)
			x.skip = map[evidence]bool{}
			for _, o := range YearEvidences() {
				x.skip[evidence(o)] = o != e
			}
			d := x.decideYears()
			if d.by != evidence(e) {
				continue
			}
			if per[d.by] == nil {
				per[d.by] = &tally{}
			}
			per[d.by].fired++
			if d.review == l.Reviews {
				per[d.by].right++
			} else {
				per[d.by].wrong = append(per[d.by].wrong, fmt.Sprintf("%s reads %d (want %d)", strings.TrimSuffix(l.Report, ".txt"), d.review, l.Reviews))
			}
		}
	}
	for _, e := range YearEvidences() {
		c := per[evidence(e)]
		if c == nil {
			continue
		}
		t.Logf("%s alone: fires on %d, right on %d; %s", e, c.fired, c.right, strings.Join(c.wrong, "; "))
		if len(c.wrong) > mostWrong[evidence(e)] {
			t.Errorf("%s alone reads %d reports wrong, want ≤ %d", e, len(c.wrong), mostWrong[evidence(e)])
		}
	}
}

// TestDevWithoutDateLine: many copies of a report (a news page, an
// excerpt) lack the line that dates the session. Each development report
// whose head has such a line (a date, in its first lines, on a line of at
// most 60 characters) is read with that line blanked, its labels still
// applying line for line: the period of its figures, and how many read a
// wrong year or none. Floors at what the extractor reaches (in-sample).
// Batch 15's half brought a second wrong year (1 → 2, measured):
// lixia-2022, a news page whose only date is its page line; without it the
// headline opened by its targets' year (2022年地区生产总值增长8%以上) reads
// as that year stated, and nothing else dates the page.
func TestDevWithoutDateLine(t *testing.T) {
	corpusTest(t)
	files, _ := filepath.Glob("testdata/reports/dev/*.yaml")
	if len(files) == 0 {
		t.Skip("no labelled development reports in testdata/reports/dev")
	}
	reports, matched, right, wrong, none := 0, 0, 0, 0, 0
	for _, f := range files {
		l, lines := readLabelled(t, f, "testdata/reports/dev")
		cut := append([]string{}, lines...)
		blanked := false
		for i := 1; i < len(cut) && i < 12; i++ {
			if len([]rune(cut[i])) <= 60 && (deliveryDate.MatchString(cut[i]) || cnDate.MatchString(cut[i]) || sessionMonth.MatchString(cut[i])) {
				cut[i], blanked = "", true
			}
		}
		if !blanked {
			continue
		}
		reports++
		switch d := newExtractor(cut).decideYears(); {
		case d.review == 0:
			none++
		case d.review != l.Reviews:
			wrong++
			t.Logf("%s: without its date line reads %d by %s (want %d)", strings.TrimSuffix(l.Report, ".txt"), d.review, d.by, l.Reviews)
		}
		want := map[string][]labelClaim{}
		for _, c := range l.Claims {
			k := key(c.Line, c.Value, c.Unit)
			want[k] = append(want[k], c)
		}
		for _, c := range Extract(cut, Options{}) {
			k := key(c.Line, c.Value, c.Unit)
			if len(want[k]) == 0 {
				continue
			}
			w := want[k][0]
			want[k] = want[k][1:]
			matched++
			if c.Period == w.Period {
				right++
			}
		}
	}
	period := float64(right) / float64(max(matched, 1))
	t.Logf("without the date line: %d reports, %d matched figures, period %.3f; %d read a wrong year, %d none", reports, matched, period, wrong, none)
	if period < 0.945 || wrong > 2 {
		t.Errorf("without the date line: period %.3f (want ≥ 0.945), %d wrong years (want ≤ 2)", period, wrong)
	}
}
