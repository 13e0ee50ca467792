package report

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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

// Rules found on blind batch 17's development half: the horizon of the
// next five years, a page's numeric date, a half-year opening a paragraph
// of a text dated after June, a goal for a plan running, 预计 inside a
// breakdown's brackets, the deputies a session's news counts, 递增.
func TestReadingRulesRound11(t *testing.T) {
	year := func(text string, review, delivered int) {
		t.Helper()
		if y := ReadYear(strings.Split(text, "\n")); y.Review != review || y.Delivered != delivered {
			t.Errorf("ReadYear %q: review %d delivered %d (by %s), want %d and %d", text[:24], y.Review, y.Delivered, y.By, review, delivered)
		}
	}
	horizon := "某镇党代会召开\n5月22日上午，中共某镇第四次代表大会召开。大会指出，五年来，全镇经济稳步发展。大会提出，今后五年的经济发展预期目标是：到2025年，全镇生产总值年均递增14%，财政收入年均递增18%。"
	year(horizon, 2020, 0)
	checkRules(t, "", []ruleCase{
		{"the horizon the next five years reach to (今后五年…到2025年) is five years after the one reviewed; 递增 is a growth word, no part of the subject",
			horizon,
			[]detail{{"14", "%", "生产总值", "年均", "2021-2025", "target", "growth"}, {"18", "%", "财政收入", "年均", "2021-2025", "target", "growth"}}},
	})
	for _, date := range []string{"26.07.2016 03:41", "2016/07/26 03:41", "2016.7.26"} {
		half := "某镇上半年实现投资13亿元\n" + date + "\n下半年，某镇将继续狠抓转型升级。\n今年上半年，某镇经济稳步推进。全镇规模以上工业完成产值60亿元，同比增长13%。"
		year(half, 2016, 2016)
		checkRules(t, "", []ruleCase{
			{"a page's numeric date (" + date + ") after June over a paragraph opened by 今年上半年: the half-year reviewed, in that year",
				half,
				[]detail{{"13", "亿元", "", "", "2016", "fact", "level"}, {"60", "亿元", "", "", "2016", "fact", "level"}, {"13", "%", "", "增长", "2016", "fact", "growth"}}},
		}, anySubject)
	}
	// A date line without a stop runs into the paragraph under it.
	year("某镇新闻\n26.07.2016 03:41\n今年上半年，全镇完成投资13亿元，同比增长8%。", 2016, 2016)
	year("某镇新闻\n2016-07-26\n今年上半年，全镇完成投资13亿元，同比增长8%。", 2016, 2016)
	year("某镇新闻\n2016/03/02\n过去一年，新建学校3所。", 2015, 2016)
	year("某镇新闻\n05.11.2016\n过去一年，新建学校3所。", 2015, 2016) // day or month first: the year only, not November
	checkRules(t, "某区政府工作报告\n——2022年1月10日\n", []ruleCase{
		{"预计 inside a breakdown's brackets ((其中：区本级预计完成576亿元)) holds inside only: neither the figure before nor those after",
			"过去一年，完成固定资产投资638亿元（其中：区本级预计完成576亿元），增长3%；一般公共预算收入76.6亿元。",
			[]detail{{"638", "亿元", "", "", "2021", "fact", "level"}, {"576", "亿元", "", "预计", "2021", "fact", "level"},
				{"3", "%", "", "增长", "2021", "fact", "growth"}, {"76.6", "亿元", "", "", "2021", "fact", "level"}}},
	}, anySubject)
	for _, c := range []struct {
		name, text string
		year       int
		want       []detail
	}{
		{"a goal for a plan running (力争“十四五”期间…突破100亿元 in 2023) is its end's target; the plan's years so far stay facts",
			"某街道新闻\n街道立了一个目标：力争“十四五”期间财政总收入突破100亿元。“十四五”以来，新建学校3所。", 2023,
			[]detail{{"100", "亿元", "", "超过", "2025", "target", "level"}, {"3", "所", "", "新增,累计", "2021-2023", "fact", "cumulative"}}},
		{"the deputies news of an opened session counts (227名…人大代表) are no figure of the place",
			"某县新闻\n4月20日，县十五届人大一次会议隆重开幕。227名来自全县各行各业的人大代表肩负重托。过去一年，新建学校3所。", 2021,
			[]detail{{"3", "所", "", "新增", "2021", "fact", "level"}}},
	} {
		got := details(Extract(strings.Split(c.text, "\n"), Options{Year: c.year}))
		for i := range got {
			got[i].Subject = ""
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

// A growth after a breakdown in brackets is the growth of what the
// brackets break down, not of their last part.
func TestNamesRound11(t *testing.T) {
	checkRules(t, "某区政府工作报告\n——2022年1月10日\n", []ruleCase{
		{"past a breakdown in brackets ((其中：区本级…，高新区…)), a bare growth is of the figure broken down",
			"过去一年，完成固定资产投资638亿元（其中：区本级576亿元，高新区62亿元），增长3%；一般公共预算收入76.6亿元，增长5%。",
			[]detail{{"638", "亿元", "固定资产投资", "", "2021", "fact", "level"}, {"576", "亿元", "区本级", "", "2021", "fact", "level"},
				{"62", "亿元", "高新区", "", "2021", "fact", "level"}, {"3", "%", "固定资产投资", "增长", "2021", "fact", "growth"},
				{"76.6", "亿元", "一般公共预算收入", "", "2021", "fact", "level"}, {"5", "%", "一般公共预算收入", "增长", "2021", "fact", "growth"}}},
	})
}

// Rules found on blind batch 18's development half: a list of the year's
// works decided (确定…办好十件民生实事) opened in the next sentence, read
// as the plan even with no year; a page's label before the year opening
// the year's part of a joined heading; 负增长.
func TestReadingRulesRound12(t *testing.T) {
	works := "3月3日，笔者在县十五届人民代表大会第四次会议上获悉，今年县政府确定今年继续为群众集中力量办好十件民生实事。这十件民生实事涉及住房、交通、教育等领域，即投资9530万元，实施易地扶贫搬迁工程；投资500万元，建设新城大桥。"
	checkRules(t, "某县新闻\n", []ruleCase{
		{"works decided for the year (确定…办好十件民生实事) whose list opens in the next sentence (…，即…) are the plan: targets, their year blank when no year is read",
			works,
			[]detail{{"9530", "万元", "", "", "", "target", "level"}, {"500", "万元", "", "", "", "target", "level"}}},
	}, anySubject)
	checkRules(t, "某县新闻\n——2015年3月3日在县第十五届人民代表大会第四次会议上\n", []ruleCase{
		{"the same list with the session's date: the year delivered, targets",
			works,
			[]detail{{"9530", "万元", "", "", "2015", "target", "level"}, {"500", "万元", "", "", "2015", "target", "level"}}},
		{"works done (完成了十件民生实事) name no decision: facts",
			"过去一年，县政府完成了十件民生实事。这十件民生实事涉及住房、交通等领域，即投资9530万元，实施易地扶贫搬迁工程。",
			[]detail{{"9530", "万元", "", "", "2014", "fact", "level"}}},
	}, anySubject)
	// (The year given, as a yearbook's page names it only in its heading.)
	joined := "某县年鉴\n2020年工作和“十三五”发展回顾\n【摘要】:2020 年，我们同心同向。茶叶产量2.7万吨，粮食总产量26.52万吨。\n“十三五”时期，全县累计完成投资500亿元。"
	got := details(Extract(strings.Split(joined, "\n"), Options{Year: 2020}))
	for i := range got {
		got[i].Subject = ""
	}
	if diff := cmp.Diff([]detail{{"2.7", "万吨", "", "", "2020", "fact", "level"}, {"26.52", "万吨", "", "", "2020", "fact", "level"},
		{"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}}, got); diff != "" {
		t.Errorf("a page's label (【摘要】:) before the year reviewed opening a paragraph under a heading joining the year and the plan period opens the year's part (-want +got):\n%s", diff)
	}
	checkRules(t, "某镇政府工作报告\n——2024年1月10日\n", []ruleCase{
		{"负增长 before a rate is a decline; 增长 alone a growth",
			"过去一年，地区生产总值负增长0.5%，税收收入增长3%。",
			[]detail{{"0.5", "%", "地区生产总值", "下降", "2023", "fact", "growth"}, {"3", "%", "税收收入", "增长", "2023", "fact", "growth"}}},
	})
}
