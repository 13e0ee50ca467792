package report

import (
	"strings"
	"testing"
)

// Rules found on blind batch 16's development half, written as sentences
// of no report: an estimate note naming its year, a sentence comparing
// with the year before inside a five-year review, a plan's first years, a
// sum up to a year since an event, bullets and the growth after a share.
func TestReadingRulesRound10(t *testing.T) {
	checkRules(t, "某区政府工作报告\n——2018年1月10日\n", []ruleCase{
		{"a bracketed note naming what it calls an estimate before 预计 ((2017年指标为预计数,下同)) makes the figure before it an estimate",
			"过去一年，地区生产总值完成340亿元（2017年指标为预计数，下同），增长7%。新建学校3所。",
			[]detail{{"340", "亿元", "", "预计", "2017", "fact", "level"}, {"7", "%", "", "增长,预计", "2017", "fact", "growth"},
				{"3", "所", "", "新增", "2017", "fact", "level"}}},
		{"a bracket without 预计 after a figure estimates nothing",
			"过去一年，地区生产总值完成340亿元（2017年为全市第一）。",
			[]detail{{"340", "亿元", "", "", "2017", "fact", "level"}}},
	}, anySubject)
	checkRules(t, "某乡政府工作报告\n——2021年1月10日\n", []ruleCase{
		{"in a five-year review a growth on the year before (同比) right after a level of the span's last year is that year's; other figures of the sentence keep the span",
			"五年来，粮食播种面积完成15000亩，水稻播种面积稳定在10000亩，同比增长8%，玉米播种面积4000亩。五年来，单位地区生产总值能耗同比下降10%。",
			[]detail{{"15000", "亩", "", "累计", "2016-2020", "fact", "cumulative"}, {"10000", "亩", "", "", "2020", "fact", "level"},
				{"8", "%", "", "增长", "2020", "fact", "growth"}, {"4000", "亩", "", "累计", "2016-2020", "fact", "cumulative"},
				{"10", "%", "", "下降", "2016-2020", "fact", "growth"}}},
		{"the first N years of a plan (“十三五”前四年) are that part of its span",
			"“十三五”时期，是实力提升的五年。“十三五”前四年，地区生产总值年均增长5.9%。五年累计完成投资500亿元。",
			[]detail{{"5.9", "%", "", "年均", "2016-2019", "fact", "growth"}, {"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}}},
	}, anySubject)
	checkRules(t, "某镇政府工作报告\n——2020年1月10日\n", []ruleCase{
		{"a sum up to a year (截止2019年累计) in a sentence opened by a span since an event (脱贫攻坚战以来) sums that span",
			"自全面打响脱贫攻坚战以来，全镇聚焦精准施策，截止2019年累计实现1429户5168人稳定脱贫，17个贫困村脱贫出列。",
			[]detail{{"1429", "户", "", "累计", "2016-2019", "fact", "cumulative"}, {"5168", "人", "", "累计", "2016-2019", "fact", "cumulative"},
				{"17", "个", "", "累计", "2016-2019", "fact", "cumulative"}}},
		{"截止2019年累计 without a span opened before it stays the year's",
			"过去一年，全镇聚焦精准施策，截止2019年累计实现1429户稳定脱贫。",
			[]detail{{"1429", "户", "", "累计", "2019", "fact", "level"}}},
	}, anySubject)
}

// Subjects found on blind batch 16's development half.
func TestNamesRound10(t *testing.T) {
	checkRules(t, "某区政府工作报告\n——2024年1月10日\n", []ruleCase{
		{"a bullet opening an item (■, ●, ★) is no part of the subject; a growth after a share of a whole is the growth of the amount shared",
			"过去一年，\n■全年接待游客916万人次。\n●全年投入民生资金21.76亿元，占一般公共预算支出的86.99%，同比增长10.23%。",
			[]detail{{"916", "万人次", "游客", "", "2023", "fact", "level"}, {"21.76", "亿元", "民生资金", "", "2023", "fact", "level"},
				{"86.99", "%", "民生资金占一般公共预算支出比重", "", "2023", "fact", "ratio"},
				{"10.23", "%", "民生资金", "增长", "2023", "fact", "growth"}}},
	})
}

// A summary written while its year ran and posted the next year (a page's
// date over a review heading and 今年以来): delivered in the year it
// reviews, so 今年 is that year.
func TestPostedSummaryYear(t *testing.T) {
	text := "某街道2023年度工作总结和2024年工作计划\n时间:2024-10-08 08:37 浏览量:1\n今年以来，街道新建口袋公园3个。\n一、2023年工作完成情况\n全年新增就业120人。"
	lines := strings.Split(text, "\n")
	if y := ReadYear(lines); y.Review != 2023 || y.Delivered != 2023 {
		t.Errorf("ReadYear: review %d delivered %d, want 2023 and 2023 (by %s)", y.Review, y.Delivered, y.By)
	}
	checkRules(t, "", []ruleCase{
		{"今年以来 in a summary of a year posted the next year is the year reviewed",
			text,
			[]detail{{"3", "个", "", "新增", "2023", "fact", "level"}, {"120", "人", "", "新增", "2023", "fact", "level"}}},
		{"without 今年以来 or the like, a page's date the year after a review heading is the delivery",
			"某街道2023年度工作总结和2024年工作计划\n时间:2024-01-08 08:37\n一、2023年工作完成情况\n全年新增就业120人。\n二、2024年工作计划\n今年新增就业150人。",
			[]detail{{"120", "人", "", "新增", "2023", "fact", "level"}, {"150", "人", "", "新增", "2024", "target", "level"}}},
	}, anySubject)
}
