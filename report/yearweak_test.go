package report

import (
	"path/filepath"
	"strings"
	"testing"
)

// A year resting on weak evidence only is read but marked (YearReading.Weak):
// each kind of evidence on sentences written for the test.
func TestYearReadingWeak(t *testing.T) {
	cases := []struct {
		name, text string
		review     int
		weak       bool
	}{
		{"a review heading names the year: not weak",
			"某县政府工作报告\n一、2018年工作回顾\n全年地区生产总值增长7%。", 2018, false},
		{"the session's date: not weak",
			"某县政府工作报告\n——2019年1月8日在某县第十七届人民代表大会第三次会议上\n过去一年，全县地区生产总值增长7%。", 2018, false},
		{"a year stated whole: not weak",
			"某县新闻\n2017年全年，全县地区生产总值增长7%。", 2017, false},
		{"only a title's year: weak",
			"某县2019年政府工作报告\n过去一年，全县地区生产总值增长7%。", 2018, true},
		{"only the year named most: weak",
			"某县政府工作报告\n过去一年，全县地区生产总值增长7%，比2017年提高1个百分点，2017年的基数为50亿元。", 2017, true},
		{"only a page's date of posting: weak",
			"某县政府工作报告\n发布时间：2019-03-10 09:15:02\n过去一年，全县地区生产总值增长7%。", 2018, true},
		{"no year at all: none read, nothing to mark",
			"某县政府工作报告\n过去一年，全县地区生产总值增长7%。", 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			y := ReadYear(strings.Split(c.text, "\n"))
			if y.Review != c.review || y.Weak != c.weak {
				t.Errorf("read %d (by %q), weak %v; want %d, weak %v", y.Review, y.By, y.Weak, c.review, c.weak)
			}
			if y.Weak != (y.Review != 0 && WeakYearEvidence(y.By)) {
				t.Errorf("Weak %v disagrees with WeakYearEvidence(%q)", y.Weak, y.By)
			}
		})
	}
}

// TestWeakYearEvidence measures the mark on the development reports: how
// many reports it fires on as read (a mark on most reports would be
// useless), and, with each report's deciding evidence left aside as a
// fresh copy may lack it, how many wrong readings it marks and misses.
// In-sample; the bounds are what the extractor reaches now.
func TestWeakYearEvidence(t *testing.T) {
	corpusTest(t)
	files, _ := filepath.Glob("testdata/reports/dev/*.yaml")
	if len(files) == 0 {
		t.Skip("no labelled development reports in testdata/reports/dev")
	}
	type count struct{ read, marked, markedWrong, unmarkedWrong int }
	var asRead, fallback count
	add := func(c *count, d yearDecision, want int) {
		if d.review == 0 {
			return
		}
		c.read++
		switch weak := weakEvidence[d.by]; {
		case weak && d.review != want:
			c.markedWrong++
			c.marked++
		case weak:
			c.marked++
		case d.review != want:
			c.unmarkedWrong++
		}
	}
	for _, f := range files {
		l, lines := readLabelled(t, f, "testdata/reports/dev")
		d := newExtractor(lines).decideYears()
		if why, ok := yearExceptions[strings.TrimSuffix(l.Report, ".txt")]; ok && d.review != l.Reviews && d.review != 0 {
			t.Logf("%s: read %d by %s, an exception: %s", l.Report, d.review, d.by, why)
			continue
		}
		add(&asRead, d, l.Reviews)
		if d.by == byNone {
			continue
		}
		x := newExtractor(lines)
		x.skip = map[evidence]bool{d.by: true}
		add(&fallback, x.decideYears(), l.Reviews)
	}
	t.Logf("as read: %d of %d reports read with a year marked weak, %d of them wrong; %d wrong unmarked", asRead.marked, asRead.read, asRead.markedWrong, asRead.unmarkedWrong)
	t.Logf("the deciding evidence left aside: %d of %d marked weak, %d of them wrong; %d wrong unmarked", fallback.marked, fallback.read, fallback.markedWrong, fallback.unmarkedWrong)
	if asRead.marked*5 > asRead.read {
		t.Errorf("the weak mark fires on %d of %d reports as read, want at most a fifth", asRead.marked, asRead.read)
	}
	if asRead.markedWrong+asRead.unmarkedWrong > 0 {
		t.Errorf("%d development reports read with a wrong year", asRead.markedWrong+asRead.unmarkedWrong)
	}
	if fallback.unmarkedWrong > 1 {
		t.Errorf("with the deciding evidence left aside, %d wrong readings are not marked weak, want ≤ 1", fallback.unmarkedWrong)
	}
}
