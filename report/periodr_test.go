package report

import "testing"

// Period rules of the passage round (issue 13, TestPassages), each on
// sentences written for the test: the structure they read, and its edges.
func TestPeriodRulesPassages(t *testing.T) {
	checkRules(t, "", []ruleCase{
		{"a review heading run into the paragraph it heads: the span the paragraph opens holds on",
			"某区政府工作报告\n——2022年1月10日在某区第十七届人民代表大会第一次会议上\n过去五年及2021年工作回顾过去的五年，全区累计完成投资500亿元。新建学校20所。",
			[]detail{{"500", "亿元", "", "累计", "2017-2021", "fact", "cumulative"}, {"20", "所", "", "新增,累计", "2017-2021", "fact", "cumulative"}}},
		{"the same phrase inside a paragraph of one year's review holds for its sentence only",
			"某区政府工作报告\n——2022年1月10日在某区第十七届人民代表大会第一次会议上\n一、2021年工作回顾\n全年地区生产总值增长6%，过去五年累计完成投资500亿元。新建学校20所。",
			[]detail{{"6", "%", "", "增长", "2021", "fact", "growth"}, {"500", "亿元", "", "累计", "2017-2021", "fact", "cumulative"}, {"20", "所", "", "新增", "2021", "fact", "level"}}},
		{"五年来 on the line after a heading opens the span, under a title naming the year",
			"2016年某乡政府工作报告\n——2016年11月2日在某乡第六届人民代表大会第一次会议上\n一、经济实力不断增强\n五年来，全乡争取项目100个，新建道路30公里。",
			[]detail{{"100", "个", "", "累计", "2012-2016", "fact", "cumulative"}, {"30", "公里", "", "新增,累计", "2012-2016", "fact", "cumulative"}}},
	}, anySubject)
}
