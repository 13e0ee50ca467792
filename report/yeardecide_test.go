package report

import (
	"strings"
	"testing"
)

// Each piece of evidence of the year a report reviews, on sentences
// written for the test: what decideYears reads and which evidence decided.
func TestYearEvidence(t *testing.T) {
	cases := []struct {
		name, text        string
		review, delivered int
		month             int
		by                evidence
	}{
		{"a heading reviewing part of a year, under a date after that part",
			"某镇人民政府半年工作情况报告\n——2022年7月28日在某镇第六届人民代表大会第二次会议上\n一、2022年上半年工作情况\n2022年上半年，全镇完成投资5亿元。",
			2022, 2022, 7, byPartReview},
		{"a heading reviewing a named year",
			"某县政府工作报告\n一、2018年工作回顾\n全年地区生产总值增长7%。\n二、2019年工作安排",
			2018, 0, 0, byReviewHeading},
		{"the session's date before its name",
			"某县政府工作报告\n——2019年1月8日在某县第十七届人民代表大会第三次会议上\n过去一年，全县地区生产总值增长7%。",
			2018, 2019, 1, bySessionDate},
		{"the session's date after its name and the speaker",
			"某县政府工作报告\n——在某县第十七届人民代表大会第三次会议上\n县长 张三\n2019年1月8日\n过去一年，全县地区生产总值增长7%。",
			2018, 2019, 1, bySessionDate},
		{"the session's date after its name, a page's date of posting before it",
			"发布日期：2019年03月10日\n政府工作报告\n——在某县第十七届人民代表大会第三次会议上\n县长 张三\n2019年1月8日\n过去一年，全县地区生产总值增长7%。",
			2018, 2019, 1, bySessionDate},
		{"a date opening news of the session is the session's",
			"某市召开人民代表大会\n2017年4月22日，某市第八届人民代表大会第一次会议开幕。\n2017年，全市将新建学校3所。\n2018年，全市将新建学校5所。",
			2016, 2017, 4, bySessionDate},
		{"a date of the report's approval by the session is the session's",
			"某区政府工作报告\n（2018年1月19日经某区第十五届人民代表大会第二次会议批准）\n过去一年，全区地区生产总值增长7%。",
			2017, 2018, 1, bySessionDate},
		{"the report's date line: the speaker, then the session in brackets on the next line",
			"某乡政府工作报告\n来源：某乡 2017-01-12 00:00\n政府工作报告\n2016年11月2日 张三\n（某乡第六届人民代表大会第一次会议上）\n各位代表：\n五年来，全乡地区生产总值增长7%。",
			2016, 2016, 11, bySessionDate},
		{"the report's date line before the speech's salutation",
			"某旗2022年政府工作报告\n（2022年1月5日）\n各位代表：\n过去一年，全旗地区生产总值增长7%。",
			2021, 2022, 1, bySessionDate},
		{"a date a page stamps before a title naming the session is no session's date line",
			"某网 2025年07月27日 某镇在第十三届人民代表大会第三次会议上的工作报告\n一、2017年工作回顾\n全年地区生产总值增长7%。",
			2017, 2018, 0, byReviewHeading},
		{"a session lasting days, its days without the year: its month",
			"12月28日-29日，某区第四届人民代表大会第四次会议召开。报告回顾了 2020 年工作。\n2021年全区经济社会发展的主要预期目标是：地区生产总值增长3%。",
			2020, 2020, 12, byReviewHeading},
		{"a session in December reviews its own year",
			"某县政府工作报告\n——2018年12月25日在某县第十七届人民代表大会第三次会议上\n过去一年，全县地区生产总值增长7%。",
			2018, 2018, 12, bySessionDate},
		{"a heading setting a named year's targets",
			"某县政府工作报告\n过去一年，全县地区生产总值增长7%。\n二、2019年主要预期目标\n地区生产总值增长8%。",
			2018, 2019, 0, byTargetHeading},
		{"a title's year: the report of that year reviews the year before",
			"某县2020年政府工作报告\n各位代表：\n过去一年，全县地区生产总值增长7%。",
			2019, 2020, 0, byTitleYear},
		{"a year on the site's navigation line is not the text's: the title's year is the one presented in",
			"首页 > 专题专栏 > 2020年某市两会 > 解读报告\n2020年某市政府工作报告解读：经济平稳发展\n一年来，全市地区生产总值257.02亿元，增长5.2%。",
			2019, 2020, 0, byTitleYear},
		{"the same year in the text counts: named twice more than the year before, the title's year is the one reviewed",
			"2015年某县政府工作报告\n一、2015年工作情况\n2015年，全县地区生产总值增长7%。",
			2015, 2016, 0, byTitleYear},
		{"a year whose sentence states results, and the next whose sentence plans",
			"某镇第十届人民代表大会第八次会议召开\n2024年，全镇实现地区生产总值41亿元，同比增长3.6%。\n2025年，全镇将推进产业升级，新建道路5公里。",
			2024, 2025, 0, byTense},
		{"a year named as this year (今年) in its sentence is the year of delivery",
			"某镇第十八届人民代表大会第八次会议召开\n过去一年，全镇地区生产总值增长3.6%。\n镇长指出，2025年是规划收官之年，做好今年工作意义重大。",
			2024, 2025, 0, byTense},
		{"要求 and 确保了 plan nothing: a year with results alone is the year reviewed",
			"某街道工作总结\n2021年，街道深入贯彻各项部署要求，确保了安全生产，完成投资3亿元。",
			2021, 0, 0, byTense},
		{"a page's date yields to the tense of the text (a repost a year later)",
			"某网 2025-03-03 10:00:00\n某镇人民代表大会召开\n2023年，全镇实现地区生产总值41亿元，增长3.6%。\n2024年，全镇将推进产业升级。",
			2023, 2024, 0, byTense},
		{"a page's date alone decides",
			"某网 2025-03-03 10:00:00\n某镇人民代表大会召开\n过去一年，全镇地区生产总值增长3.6%。",
			2024, 2025, 3, byPageDate},
		{"a session's day without its year, in December: delivered in the year reviewed",
			"12月25日，某区第八届人民代表大会第五次会议隆重开幕。\n2020年主要预期目标：地区生产总值增长7%。",
			2019, 2019, 12, byTargetHeading},
		{"a session's day without its year, in March: its month",
			"3月3日，某镇第十八届人民代表大会第八次会议召开。\n2024年，全镇实现地区生产总值41亿元，同比增长3.6%。\n2025年，全镇将推进产业升级。",
			2024, 2025, 3, byTense},
		{"a review heading of a year joined to a span: the year",
			"某县政府工作报告\n一、2020年和“十三五”工作回顾\n五年来，全县地区生产总值年均增长7%。",
			2020, 0, 0, byReviewHeading},
		{"a review heading of a year joined to the months since",
			"某县政府工作报告\n一、2019年和今年以来工作回顾\n全年地区生产总值增长7%。",
			2019, 0, 0, byReviewHeading},
		{"a title naming the year whose results the body states: that year is reviewed",
			"天长市2015年政府工作报告\n各位代表：\n2015年，全市实现地区生产总值300亿元，增长9%。",
			2015, 2016, 0, byTitleYear},
		{"a title naming the year the body plans: the year before is reviewed",
			"某县2018年政府工作报告\n各位代表：\n过去一年，全县地区生产总值增长7%。\n2018年，全县将新建学校3所。",
			2017, 2018, 0, byTitleYear},
		{"a title naming the year while the body reads it as running",
			"某县2019年政府工作报告\n各位代表：\n今年以来，全县地区生产总值增长6%。",
			2019, 2019, 0, byTitleYear},
		{"a title naming the year the body names in its review heading, no sentence opening with it",
			"某市2015年政府工作报告\n各位代表：\n一、关于2015年工作和今后五年的安排\n全市地区生产总值增长9%。\n二、2015年工作情况\n全市新建学校3所。",
			2015, 2016, 0, byTitleYear},
		{"预计全年 under a title is no sign the year runs: said early in the next year too",
			"某县2018年政府工作报告\n各位代表：\n过去一年，预计全年地区生产总值增长7%。",
			2017, 2018, 0, byTitleYear},
		{"the year named most counts no date's year nor a span's start",
			"某县人民政府\n2016年3月，全县启动新一轮规划。2016年以来，全县新建道路30公里；生产总值由2010年的77亿元跃升到2015年的161亿元。",
			2015, 0, 0, byMostNamed},
		{"a year's goals where they are set: the year before is reviewed",
			"某区新闻\n2018年，全区定下的目标是：地区生产总值增长8%。",
			2017, 2018, 0, byGoalYear},
		{"the draft of a five-year plan reviewed with the report: the plan's first year delivered, the year before reviewed",
			"某县人民代表大会开幕\n审查某县国民经济和社会发展第十五个五年规划纲要草案\n报告指出，五年来，全县地区生产总值从2020年的59亿元增至88亿元。",
			2025, 2026, 0, byPlanDraft},
		{"the draft named by the plan's short name, in brackets",
			"某旗政府工作报告\n请各位代表连同《某旗国民经济和社会发展“十三五”规划纲要(草案)》一并审议。\n五年来，全旗地区生产总值年均增长9%。",
			2015, 2016, 0, byPlanDraft},
		{"the base year of an estimated change (预计…从2011年的X增加到2016年的Y) is no year estimated",
			"某市政府工作报告\n过去五年，预计全市地区生产总值从2011年的1091亿元增加到2016年的1650亿元，年均增长9.3%。",
			2016, 0, 0, byMostNamed},
		{"a year right after 预计 is the year estimated",
			"某市政府工作报告\n预计2016年全市地区生产总值1650亿元，比2011年增长50%。",
			2016, 0, 0, byWholeYear},
		{"a draft said to be written, not reviewed by the session, is no evidence of the year",
			"某县人民代表大会开幕\n报告指出，全县完成“十四五”规划纲要草案编制。全县地区生产总值从2018年的50亿元增至2019年的59亿元，2019年新建学校3所。",
			2019, 0, 0, byMostNamed},
		// (The year of a base compared against, 从2020年的, is no year the
		// text speaks of either, since branch yearfb: nothing is read, and
		// tally extract asks for --year; it read 2020 before, the base.)
		{"a plan named without a draft is no evidence of the year",
			"某县人民代表大会开幕\n“十四五”规划确定的目标任务全面完成。报告指出，全县地区生产总值从2020年的59亿元增至88亿元。",
			0, 0, 0, byNone},
		{"the session's date is stronger than a plan's draft",
			"某县政府工作报告\n——2021年1月8日在某县第十七届人民代表大会第五次会议上\n请连同《某县第十四个五年规划和二〇三五年远景目标纲要（草案）》一并审议。",
			2020, 2021, 1, bySessionDate},
		{"a goal named in a sentence reviewing its year sets nothing",
			"某镇新闻\n2024年，是实现规划目标任务的关键一年。\n全镇新建道路3公里。",
			2024, 0, 0, byMostNamed},
		{"the year named most: a year in a sentence that plans speaks for the one before",
			"某乡工作报告\n某二级公路2022年底将建成通车。",
			2021, 0, 0, byMostNamed},
		{"no year at all: none read",
			"各位代表：\n过去一年，全县地区生产总值增长7%。",
			0, 0, 0, byNone},
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

// The year decided, on the path tally extract takes without --year: the
// periods of the figures follow it.
func TestYearEvidencePeriods(t *testing.T) {
	checkRules(t, "", []ruleCase{
		{"a news report of the session: the year whose sentence states results is reviewed, the one planned is targeted",
			"某镇第十届人民代表大会第八次会议召开\n2024年，全镇实现地区生产总值41亿元，同比增长3.6%。\n2025年，全镇将新建道路5公里。",
			[]detail{{"41", "亿元", "地区生产总值", "", "2024", "fact", "level"}, {"3.6", "%", "地区生产总值", "增长", "2024", "fact", "growth"},
				{"5", "公里", "道路", "新增", "2025", "target", "level"}}},
		{"过去一年 in a report whose next year is named as 今年: the year before it",
			"某镇第十八届人民代表大会第八次会议召开\n过去一年，全镇实现地区生产总值411亿元，同比增长3.6%。\n镇长指出，2025年是规划收官之年，做好今年工作意义重大。",
			[]detail{{"411", "亿元", "地区生产总值", "", "2024", "fact", "level"}, {"3.6", "%", "地区生产总值", "增长", "2024", "fact", "growth"}}},
		{"a half-year's work report under a date in July: the year so far",
			"某镇人民政府半年工作情况报告\n——2022年7月28日在某镇第六届人民代表大会第二次会议上\n一、2022年上半年工作情况\n上半年，全镇完成固定资产投资5亿元。",
			[]detail{{"5", "亿元", "固定资产投资", "", "2022", "fact", "level"}}},
		{"the session's date after the speaker's name, a page's posting a year later before it",
			"发布日期：2020年03月10日\n政府工作报告\n——在某县第十七届人民代表大会第三次会议上\n县长 张三\n2019年1月8日\n过去一年，全县地区生产总值增长7%。\n今年的主要预期目标是：地区生产总值增长8%。",
			[]detail{{"7", "%", "地区生产总值", "增长", "2018", "fact", "growth"}, {"8", "%", "地区生产总值", "增长", "2019", "target", "growth"}}},
	}, anySubject)
}

// The tense of the sentences a year opens (tenses), on sentences written
// for the test: a year whose targets are set is planned, figures or not;
// a year said to be what it is (2024年是…之年) has no tense, its digits
// (75周年) no results.
func TestYearTenses(t *testing.T) {
	cases := []struct {
		name, text      string
		planned, stated []int
	}{
		{"targets with their figures", "某镇人民代表大会召开\n2024年经济社会发展主要预期目标是：地区生产总值增长7.6%。", []int{2024}, nil},
		{"the year described", "某镇人民代表大会召开\n2024年是中华人民共和国成立75周年。", nil, nil},
		{"results", "某镇人民代表大会召开\n2023年，全镇实现地区生产总值41亿元，增长3.6%。", nil, []int{2023}},
		{"a plan", "某镇人民代表大会召开\n2024年，全镇将新建道路5公里。", []int{2024}, nil},
		{"a result estimated inside a sentence", "某县人民代表大会召开\n地区生产总值突破百亿元，预计2020年实现144亿元。", nil, []int{2020}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			planned, stated := newExtractor(strings.Split(c.text, "\n")).tenses()
			for _, w := range []struct {
				what string
				got  map[int]bool
				want []int
			}{{"planned", planned, c.planned}, {"stated", stated, c.stated}} {
				if len(w.got) != len(w.want) {
					t.Errorf("%s %v, want %v", w.what, w.got, w.want)
				}
				for _, y := range w.want {
					if !w.got[y] {
						t.Errorf("%s %v, want %v", w.what, w.got, w.want)
					}
				}
			}
		})
	}
}
