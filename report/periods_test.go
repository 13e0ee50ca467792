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
		{"the same heading run into its paragraph (a copy that lost the line break)",
			"一、2020年主要工作和“十三五”发展成就2020年极不平凡。" + lead + "全县地区生产总值增长3%，新建学校2所。",
			[]detail{{"3", "%", "", "增长", "2020", "fact", "growth"}, {"2", "所", "", "新增", "2020", "fact", "level"}}},
		{"a heading naming the span alone run into a paragraph opening with the year: the year holds for its sentence",
			"一、“十三五”发展成就2020年极不平凡。" + lead + "全县累计完成投资500亿元。",
			[]detail{{"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}}},
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

// In the review of a span, what is a state at the span's end (the last
// year's) and what speaks of part of the span, at the edges.
func TestSpanEndRules(t *testing.T) {
	const head = "某县政府工作报告\n——2021年1月10日在某县第十七届人民代表大会第五次会议上\n一、“十三五”工作回顾\n"
	checkRules(t, head, []ruleCase{
		{"a structure of parts is a state: the span's end",
			"五年来，全县三次产业结构调整为10:40:50。",
			[]detail{{"10", "", "", "", "2020", "fact", "ratio"}, {"40", "", "", "", "2020", "fact", "ratio"}, {"50", "", "", "", "2020", "fact", "ratio"}}},
		{"a change against a base year inside the span: the years after the base",
			"五年来，规上工业增加值占比较2017年提升4.2个百分点。",
			[]detail{{"4.2", "个百分点", "", "增长", "2018-2020", "fact", "points"}}},
		{"…against the year before the span: the whole span",
			"五年来，规上工业增加值比2015年增长30%。",
			[]detail{{"30", "%", "", "增长", "2016-2020", "fact", "growth"}}},
		{"enterprises counted by a bound on their size, without 的: a stock at the end",
			"五年来，全县主营业务收入超5000万元企业15户、过亿元企业8户，亿元以上企业12家。",
			[]detail{{"15", "户", "", "", "2020", "fact", "level"}, {"8", "户", "", "", "2020", "fact", "level"}, {"12", "家", "", "", "2020", "fact", "level"}}},
		{"…new ones (新增) or brought in by a verb of doing: a sum of the span",
			"五年来，全县引进超亿元企业12家，新增注册资本1000万元以上企业68家。",
			[]detail{{"12", "家", "", "累计", "2016-2020", "fact", "cumulative"}, {"68", "家", "", "新增,累计", "2016-2020", "fact", "cumulative"}}},
		{"a yearly series' amount stated without a word of summing: the last year's",
			"五年来，全县规上工业增加值实现22亿元，占二产增加值比重达到75.8%。",
			[]detail{{"22", "亿元", "", "", "2020", "fact", "level"}, {"75.8", "%", "", "", "2020", "fact", "ratio"}}},
		{"…with 累积 or 累计: the span's sum",
			"五年来，全县财政收入累积实现5.5亿元，累计实现工业增加值90亿元。",
			[]detail{{"5.5", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}, {"90", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}}},
		{"a budget's spending is a yearly series too; a multiple of both against a base year: the span after it",
			"五年来，一般公共预算收入30亿元，一般公共预算支出200亿元，是2015年的1.3倍和1.5倍。",
			[]detail{{"30", "亿元", "", "", "2020", "fact", "level"}, {"200", "亿元", "", "", "2020", "fact", "level"}, {"1.3", "倍", "", "", "2016-2020", "fact", "ratio"}, {"1.5", "倍", "", "", "2016-2020", "fact", "ratio"}}},
		{"…a flow brought about is the span's sum",
			"五年来，全县完成固定资产投资116亿元。",
			[]detail{{"116", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}}},
	}, anySubject)
}

// A year's 年度 in the object of a verb of doing names the batch done; the
// doing is the passage's.
func TestBatchYear(t *testing.T) {
	const head = "某镇政府工作报告\n——2023年1月10日在某镇第十八届人民代表大会第二次会议上\n一、2022年工作回顾\n"
	checkRules(t, head, []ruleCase{
		{"完成 a past year's 年度 batch: done in the year reviewed",
			"全镇全面完成2021年度高标准农田2000亩建设。",
			[]detail{{"2000", "亩", "", "", "2022", "fact", "level"}}},
		{"the year opening its clause is the figure's own",
			"2021年度，全镇建成高标准农田2000亩。",
			[]detail{{"2000", "亩", "", "", "2021", "fact", "level"}}},
		{"a past year's 年度 without a verb of doing before it stays the figure's",
			"全镇2021年度建成高标准农田2000亩。",
			[]detail{{"2000", "亩", "", "", "2021", "fact", "level"}}},
		{"兑现 a past year's awards: paid in the year reviewed",
			"兑现2021年度奖补资金300万元。",
			[]detail{{"300", "万元", "", "", "2022", "fact", "level"}}},
	}, anySubject)
}
