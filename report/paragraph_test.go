package report

import (
	"strings"
	"testing"
)

// paragraphCase: a text written for the test, a figure in it (value and
// unit) and the period and kind it takes, as read (no year given).
type paragraphCase struct {
	name, text, value, unit, period, kind string
}

func checkParagraphCases(t *testing.T, cases []paragraphCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			found := false
			for _, cl := range Extract(strings.Split(c.text, "\n"), Options{}) {
				if cl.Value != c.value || cl.Unit != c.unit {
					continue
				}
				found = true
				if cl.Period != c.period || cl.Kind != c.kind {
					t.Errorf("%s%s: %s %s, want %s %s", c.value, c.unit, cl.Period, cl.Kind, c.period, c.kind)
				}
			}
			if !found {
				t.Errorf("%s%s not found", c.value, c.unit)
			}
		})
	}
}

// Passages a paragraph opens by its first sentence's year and tense
// (paragraphMarks), each with its edge; the figure tested stands after the
// sentence the year opens, where only the passage decides.
func TestParagraphPassages(t *testing.T) {
	const session = "某镇政府工作报告\n——2021年1月10日在某镇第十七届人民代表大会第五次会议上\n一、2020年工作回顾\n全镇完成投资9亿元。\n"
	const news = "某区召开人代会\n2018年1月10日，某区第十五届人民代表大会第二次会议开幕。\n今年的主要预期目标是：地区生产总值增长8%。\n"
	checkParagraphCases(t, []paragraphCase{
		{"a paragraph opening with the next year, planning it, opens its targets",
			session + "2021年，全镇将重点抓好五项工作。新建道路5公里。", "5", "公里", "2021", "target"},
		{"the same, its sentence planning by its goals (目标：)",
			session + "2021年，全镇给自己定下了目标：新建学校2所。新建道路5公里。", "5", "公里", "2021", "target"},
		{"edge: the same sentence inside a paragraph of the review holds for itself only",
			session + "全镇新建学校2所。2021年，全镇将重点抓好五项工作。新建道路5公里。", "5", "公里", "2020", "fact"},
		{"edge: the next year stated without planning opens nothing",
			session + "2021年1月，全镇完成投资1亿元。新建道路5公里。", "5", "公里", "2020", "fact"},
		{"a paragraph opening with the year reviewed, stating figures, after the targets: its review",
			news + "初步预计，2017年全年全区生产总值完成567亿元，增长9%。一般公共预算收入完成29.4亿元。", "29.4", "亿元", "2017", "fact"},
		{"the same with the year written without 年 after a lead",
			news + "报告指出，2017全区经济稳中有进，生产总值完成567亿元。一般公共预算收入完成29.4亿元。", "29.4", "亿元", "2017", "fact"},
		{"edge: the year reviewed in a sentence that plans opens no review",
			news + "2017年全区将巩固成果，力争新建学校3所。一般公共预算收入增长6%。", "6", "%", "2018", "target"},
		{"edge: a lead of more than a few words is a sentence, no lead",
			news + "会议听取并审议了区长所作的政府工作报告，2017年全区生产总值完成567亿元。一般公共预算收入增长6%。", "6", "%", "2018", "target"},
		{"a span quoted some words into a news paragraph: the next paragraph opened by the year reviewed returns to it",
			"某市召开人代会\n2016年2月26日，某市第十四届人民代表大会第四次会议开幕。\n回顾2015\n市长在报告中提到，“十二五”时期，全市累计完成投资5000亿元。\n\n2015年，全市出台17项稳增长政策，地区生产总值增长6.5%。新建学校20所。",
			"20", "所", "2015", "fact"},
		{"edge: a span opening its own paragraph is a five-year review, where the year holds for its sentence",
			"某市召开人代会\n2016年2月26日，某市第十四届人民代表大会第四次会议开幕。\n“十二五”时期，全市累计完成投资5000亿元。\n\n2015年，全市出台17项稳增长政策，地区生产总值增长6.5%。新建学校20所。",
			"20", "所", "2011-2015", "fact"},
		{"edge: the year's end opening a paragraph after the targets is a date of its sentence",
			news + "2017年底，全区共有企业300家。新建学校3所。", "3", "所", "2018", "target"},
		{"the year reviewed named as just past opens its review after a span's",
			"某县政府工作报告\n——2026年1月8日在某县第十八届人民代表大会第五次会议上\n2025年和“十四五”工作回顾\n刚刚过去的2025年，全县上下团结奋斗。新建学校20所。",
			"20", "所", "2025", "fact"},
		{"edge: named so inside a sentence it opens nothing",
			"某县政府工作报告\n——2026年1月8日在某县第十八届人民代表大会第五次会议上\n“十四五”工作回顾\n五年来，全县团结奋斗，刚刚过去的2025年尤为不易。新建学校20所。",
			"20", "所", "2021-2025", "fact"},
	})
}

// A part of a year so far opening a paragraph among that year's targets
// (2022年一季度，…) opens that part's facts, up to the next passage.
func TestParagraphPartOfYear(t *testing.T) {
	const head = "某区政府工作报告（摘要）\n2022年4月20日，某区第七届人民代表大会第一次会议开幕。\n2022年全区经济社会发展的主要预期目标是：地区生产总值增长7%左右。\n"
	checkParagraphCases(t, []paragraphCase{
		{"a quarter of the year opening a paragraph: facts of that year",
			head + "2022年一季度，全区经济运行逆势上扬。初步预计，固定资产投资增长40.1%。", "40.1", "%", "2022", "fact"},
		{"months from January without the year: the same",
			head + "1-3月，全区经济运行逆势上扬。初步预计，固定资产投资增长40.1%。", "40.1", "%", "2022", "fact"},
		{"edge: a quarter planned is a target",
			head + "一季度，全区将开工重点项目57个。固定资产投资增长10%。", "10", "%", "2022", "target"},
		{"the next paragraph that plans the year returns to its targets",
			head + "2022年一季度，全区经济运行逆势上扬，固定资产投资增长40.1%。\n2022年，全区将重点做好8方面工作。新建学校3所。", "3", "所", "2022", "target"},
	})
}

// What only looks like a passage: a page's list of contents and a record
// over N years.
func TestNoPassageContents(t *testing.T) {
	const date = "某县政府工作报告\n——2026年1月8日在某县第十八届人民代表大会第五次会议上\n"
	checkParagraphCases(t, []paragraphCase{
		{"a run of numbered headings before the report is its contents",
			date + "一、2025年工作回顾\n二、“十五五”发展目标\n三、2026年主要任务\n各位代表：\n全县团结奋斗。地区生产总值增长5%。", "5", "%", "2025", "fact"},
		{"edge: one part's heading and its first sub-heading head the body",
			date + "一、2025年工作回顾\n全县完成投资9亿元。\n三、2026年主要任务\n（一）做强生态农业\n地区生产总值增长5%。", "5", "%", "2026", "target"},
		{"a heading listed before the report and repeated as its body's heading",
			date + "目录\n主要工作成效\n2026年主要任务\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n主要工作成效\n全县地区生产总值增长5%。\n2026年主要任务\n新建学校3所。", "5", "%", "2025", "fact"},
		{"edge: the repeated heading opens its passage the second time",
			date + "目录\n主要工作成效\n2026年主要任务\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n主要工作成效\n全县地区生产总值增长5%。\n2026年主要任务\n新建学校3所。", "3", "所", "2026", "target"},
		{"edge: a heading repeated after a figure is a heading both times",
			date + "2026年主要任务\n全县新建道路2公里。\n2026年主要任务\n新建学校3所。", "2", "公里", "2026", "target"},
		{"a sentence listing the report's parts names contents",
			"某市召开人代会\n2017年1月10日，某市第十七届人民代表大会第一次会议开幕。\n报告共分为四个部分：一、政府工作回顾；二、今后五年的主要任务；三、2017年政府工作重点。\n张某在报告中说，全市生产总值3212.2亿元，增长8%。新建学校20所。",
			"20", "所", "2016", "fact"},
		{"edge: the same phrase as a heading opens the five years' targets",
			"某市召开人代会\n2017年1月10日，某市第十七届人民代表大会第一次会议开幕。\n2016年，全市生产总值3212.2亿元。\n今后五年的主要任务是：一般公共预算收入年均增长8%。",
			"8", "%", "2017-2021", "target"},
		{"a record over N years opens no review of them",
			"某市召开人代会\n2019年1月10日，某市第十六届人民代表大会第三次会议开幕。\n近15年来最高 首位度达33.14%\n2018年，全市实现生产总值2732.94亿元。新建学校20所。",
			"20", "所", "2018", "fact"},
		{"edge: N年来 opening a sentence reviews those years",
			"某市召开人代会\n2019年1月10日，某市第十六届人民代表大会第三次会议开幕。\n近10年来，全市累计完成投资500亿元。",
			"500", "亿元", "2009-2018", "fact"},
	})
}
