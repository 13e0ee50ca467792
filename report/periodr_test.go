package report

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

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

// A copy that sets every figure between spaces reads as one without them:
// the same figures, periods and kinds.
func TestSpacedFigures(t *testing.T) {
	plain := "某县政府工作报告\n——2021年1月10日在某县第十七届人民代表大会第五次会议上\n2020年，全县地区生产总值57.55亿元，增长8.1%，是2015年的1.5倍；三次产业结构调整为9.6:41.7:48.7。"
	spaced := "某县政府工作报告\n——2021 年 1 月 10 日在某县第十七届人民代表大会第五次会议上\n2020 年 ， 全县地区生产总值 57.55 亿元 ， 增长 8.1 % ， 是 2015 年的 1.5 倍 ； 三次产业结构调整为 9.6 : 41.7 : 48.7 。"
	want := details(Extract(strings.Split(plain, "\n"), Options{}))
	if len(want) != 6 || want[0].Period != "2020" || want[2].Period != "2016-2020" {
		t.Fatalf("the plain text reads %+v", want)
	}
	if diff := cmp.Diff(want, details(Extract(strings.Split(spaced, "\n"), Options{}))); diff != "" {
		t.Errorf("spaced figures read otherwise (-plain +spaced):\n%s", diff)
	}
}
