package report

import "testing"

// Period rules of batch 7's development half (issue 13), each on sentences
// written for the test: the structure a careful reader reads, and its edges.
func TestPeriodRulesJoinedHeadings(t *testing.T) {
	const head = "某县政府工作报告\n——2021年1月10日在某县第十七届人民代表大会第五次会议上\n"
	// A paragraph's opening as long as a report's, so a heading's line is
	// short beside it (a break after it, as in a real report).
	const lead = "面对复杂严峻的形势和繁重艰巨的任务，全县上下团结一心、攻坚克难，统筹推进各项工作，"
	checkRules(t, head, []ruleCase{
		{"a heading naming the year and the plan: a paragraph opening with the year as its topic opens the year's part",
			"一、2020年主要工作和“十三五”发展成就\n2020年极不平凡。" + lead + "全县地区生产总值增长3%，新建学校2所。\n（一）疫情防控有力。仅用5天实现清零。",
			[]detail{{"3", "%", "", "增长", "2020", "fact", "growth"}, {"2", "所", "", "新增", "2020", "fact", "level"}, {"5", "天", "", "", "2020", "fact", "level"}}},
		{"…and the span's own phrase after it opens the span again",
			"一、2020年和“十三五”工作回顾\n2020年，" + lead + "成效明显。地区生产总值增长3%。\n五年来，" + lead + "全县累计完成投资500亿元。",
			[]detail{{"3", "%", "", "增长", "2020", "fact", "growth"}, {"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}}},
		{"the span named first: its phrase, then the year's paragraph",
			"一、过去五年和2020年工作回顾\n五年来，" + lead + "全县累计完成投资500亿元。\n2020年，" + lead + "成效明显。地区生产总值增长3%。",
			[]detail{{"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}, {"3", "%", "", "增长", "2020", "fact", "growth"}}},
		{"a heading naming the span alone: the year holds for its sentence only",
			"一、“十三五”发展成就\n2020年，" + lead + "全县地区生产总值增长3%。全县累计完成投资500亿元。",
			[]detail{{"3", "%", "", "增长", "2020", "fact", "growth"}, {"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}}},
		{"the year's end opening a paragraph is a date of its sentence, no part",
			"一、2020年和“十三五”工作回顾\n2020年底，" + lead + "全县共有企业300家。全县累计完成投资500亿元。",
			[]detail{{"300", "家", "", "", "2020", "fact", "level"}, {"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}}},
		{"a heading ending in 回顾 over a paragraph opening with a year: no 回顾 of that year",
			"一、“十三五”工作回顾\n2020年底，" + lead + "全县共有企业300家。全县累计完成投资500亿元。",
			[]detail{{"300", "家", "", "", "2020", "fact", "level"}, {"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}}},
		{"a span from the year (2020年以来) opens no year's part",
			"一、2020年和“十三五”工作回顾\n五年来，" + lead + "全县累计完成投资500亿元。\n2019年以来，" + lead + "全县新建学校8所。全县累计新建道路30公里。",
			[]detail{{"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}, {"8", "所", "", "新增,累计", "2019-2020", "fact", "cumulative"}, {"30", "公里", "", "新增,累计", "2016-2020", "fact", "cumulative"}}},
		{"the year's paragraph after the next heading is that heading's, not the joined one's",
			"一、2020年和“十三五”工作回顾\n五年来，" + lead + "全县累计完成投资500亿元。\n二、2021年主要目标\n2020年，" + lead + "全县地区生产总值增长3%。今年地区生产总值增长7%。",
			[]detail{{"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}, {"3", "%", "", "增长", "2020", "fact", "growth"}, {"7", "%", "", "增长", "2021", "target", "growth"}}},
	}, anySubject)
}
