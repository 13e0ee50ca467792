package report

import (
	"strings"
	"testing"
)

// A page's date late in a year over a text that names only the year
// before (a repost of a report delivered early in the year), and a target
// heading quoted as a document's name: the edges of each rule, on
// sentences written for the test.
func TestYearRepostAndQuotedHeading(t *testing.T) {
	cases := []struct {
		name, text        string
		review, delivered int
		month             int
		by                evidence
	}{
		// A page of October y over a text naming y−1 alone: a repost; the
		// report reviews y−1 and the page's month is not the session's.
		{"a page of October over a text naming only the year before: a repost reviewing that year",
			"某网 2020-10-15 09:00\n某市政府工作报告（摘要）\n过去一年，全市地区生产总值增长6%，完成了2019年的各项任务。",
			2019, 2020, 0, byPageDate},
		{"a page of December, the same",
			"某网 2020-12-30 09:00\n某市政府工作报告（摘要）\n过去一年，全市地区生产总值增长6%，完成了2019年的各项任务。",
			2019, 2020, 0, byPageDate},
		{"a page of September over the same text: the year before, its month kept",
			"某网 2020-09-15 09:00\n某市政府工作报告（摘要）\n过去一年，全市地区生产总值增长6%，完成了2019年的各项任务。",
			2019, 2020, 9, byPageDate},
		{"a page of October over a text naming its own year too: the year's end, reviewing it",
			"某网 2020-10-15 09:00\n某市政府工作报告（摘要）\n过去一年，全市地区生产总值增长6%，完成了2019年的各项任务，为2020年打下基础。",
			2020, 2020, 10, byPageDate},
		{"a page of October over a text naming no year: the year's end, reviewing it",
			"某网 2020-10-15 09:00\n某市政府工作报告（摘要）\n过去一年，全市地区生产总值增长6%。",
			2020, 2020, 10, byPageDate},
		{"a page of October over a text naming the year before, the year still running (今年以来)",
			"某网 2020-10-15 09:00\n某市工作总结\n今年以来，全市地区生产总值增长6%，完成了2019年结转的各项任务。",
			2020, 2020, 10, byPageDate},
		{"a page of October over a text naming the year before, the year estimated whole (预计全年)",
			"某网 2020-10-15 09:00\n某市工作总结\n预计全年地区生产总值增长6%，完成了2019年结转的各项任务。",
			2020, 2020, 10, byPageDate},
		{"a page of December over a text naming the year before only as a comparison's base: the year's end, reviewing it",
			"某网 2019-12-20 09:00\n某镇工作总结\n一年来，全镇地区生产总值比2018年增长7%。",
			2019, 2019, 12, byPageDate},
		{"a session's date in October over a text naming only the year before: the session's own year",
			"某县政府工作报告\n——2020年10月15日在某县第十七届人民代表大会第五次会议上\n过去一年，全县地区生产总值增长6%，完成了2019年的各项任务。",
			2020, 2020, 10, bySessionDate},

		// A target heading (2022年…目标任务) inside “” or 《》 names a
		// document; a heading of the text's own sets the year's targets.
		{"a target heading in quotation marks is a document's name: the year the text states is reviewed",
			"某街道工作总结\n2022年，街道紧密结合“某区2022年经济社会发展目标任务”开展工作，完成投资3亿元。",
			2022, 0, 0, byTense},
		{"a target heading in title marks, the same",
			"某街道工作总结\n2022年，街道按照《某区2022年重点工作》开展工作，完成投资3亿元。",
			2022, 0, 0, byTense},
		{"a quoted target heading names no year reviewed, yet dates the text: a page two years later is a repost's",
			"某网 2024-03-03 10:00:00\n某街道工作情况\n街道紧密结合“某区2022年发展目标任务”开展工作，新建道路3公里。",
			2022, 0, 0, byMostNamed},
		{"the same heading as the text's own: the year before is reviewed",
			"某街道工作总结\n一、2022年经济社会发展目标任务\n街道完成投资3亿元。",
			2021, 2022, 0, byTargetHeading},
		{"a quotation closed before the heading leaves it the text's own",
			"某街道工作总结\n围绕“三个提升”，2022年经济社会发展目标任务：完成投资3亿元。",
			2021, 2022, 0, byTargetHeading},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newExtractor(strings.Split(c.text, "\n")).decideYears()
			want := yearDecision{c.review, c.delivered, c.month, c.by}
			if d != want {
				t.Errorf("got %+v, want %+v", d, want)
			}
		})
	}
}

// The periods and kinds of the figures under a quoted target heading and
// under the text's own: a document's name opens no passage of targets.
func TestQuotedTargetHeadingPeriods(t *testing.T) {
	checkRules(t, "", []ruleCase{
		{"figures after a quoted target heading stay the year reviewed's facts",
			"某县政府工作报告\n——2022年1月10日在某县第十七届人民代表大会第五次会议上\n一、2021年工作回顾\n全县认真落实《某县2022年经济社会发展目标》。全县新建道路5公里。",
			[]detail{{"5", "公里", "道路", "新增", "2021", "fact", "level"}}},
		{"figures after the text's own target heading are the next year's targets",
			"某县政府工作报告\n——2022年1月10日在某县第十七届人民代表大会第五次会议上\n一、2021年工作回顾\n全县新建道路3公里。\n二、2022年经济社会发展目标\n全县新建道路5公里。",
			[]detail{{"3", "公里", "", "新增", "2021", "fact", "level"}, {"5", "公里", "", "新增", "2022", "target", "level"}}},
	}, anySubject)
}

// A text naming no year at all: no period is read, but a passage of
// targets is still one (今年…主要预期目标是 sets targets whatever the year).
func TestTargetsWithoutYear(t *testing.T) {
	checkRules(t, "", []ruleCase{
		{"the year's targets, no year named: targets without a period",
			"各位代表：\n今年全镇经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长7%左右。",
			[]detail{{"6", "%", "地区生产总值", "增长,约", "", "target", "growth"}, {"7", "%", "一般公共预算收入", "增长,约", "", "target", "growth"}}},
		{"a review before the targets: its figures stay facts",
			"各位代表：\n过去一年，全镇地区生产总值增长5%。\n今年全镇经济社会发展的主要预期目标是：地区生产总值增长6%左右。",
			[]detail{{"5", "%", "地区生产总值", "增长", "", "fact", "growth"}, {"6", "%", "地区生产总值", "增长,约", "", "target", "growth"}}},
		{"no passage of targets: facts",
			"各位代表：\n过去一年，全镇地区生产总值增长5%。",
			[]detail{{"5", "%", "地区生产总值", "增长", "", "fact", "growth"}}},
	}, anySubject)
}
