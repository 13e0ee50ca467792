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
		{"a run-in heading, a space, then the span's phrase: the span holds on",
			"某区政府工作报告\n——2016年2月17日在某区第十四届人民代表大会第六次会议上\n各位代表： 十二五主要成就和2015年工作回顾 十二五时期，是我区发展最快的五年。全区累计完成投资500亿元，地区生产总值年均增长10.5%。",
			[]detail{{"500", "亿元", "", "累计", "2011-2015", "fact", "cumulative"}, {"10.5", "%", "", "年均", "2011-2015", "fact", "growth"}}},
		{"news of the session, its targets first: the past year said to be reviewed opens its review",
			"某县召开人代会\n2021年1月10日，某县第十七届人民代表大会第五次会议开幕。\n今年全县经济社会发展的主要预期目标是：地区生产总值增长7%。\n报告回顾了过去一年的工作：全县地区生产总值增长5%，新建学校2所。",
			[]detail{{"7", "%", "", "增长", "2021", "target", "growth"}, {"5", "%", "", "增长", "2020", "fact", "growth"}, {"2", "所", "", "新增", "2020", "fact", "level"}}},
		{"a past year named as what is built on, inside the targets, opens no review",
			"某县召开人代会\n2021年1月10日，某县第十七届人民代表大会第五次会议开幕。\n今年全县经济社会发展的主要预期目标是：巩固过去一年的成果，地区生产总值增长7%，新建学校2所。",
			[]detail{{"7", "%", "", "增长", "2021", "target", "growth"}, {"2", "所", "", "新增", "2021", "target", "level"}}},
		{"the same phrase inside a paragraph of one year's review holds for its sentence only",
			"某区政府工作报告\n——2022年1月10日在某区第十七届人民代表大会第一次会议上\n一、2021年工作回顾\n全年地区生产总值增长6%，过去五年累计完成投资500亿元。新建学校20所。",
			[]detail{{"6", "%", "", "增长", "2021", "fact", "growth"}, {"500", "亿元", "", "累计", "2017-2021", "fact", "cumulative"}, {"20", "所", "", "新增", "2021", "fact", "level"}}},
		{"五年来 on the line after a heading opens the span, under a title naming the year",
			"2016年某乡政府工作报告\n——2016年11月2日在某乡第六届人民代表大会第一次会议上\n一、经济实力不断增强\n五年来，全乡争取项目100个，新建道路30公里。",
			[]detail{{"100", "个", "", "累计", "2012-2016", "fact", "cumulative"}, {"30", "公里", "", "新增,累计", "2012-2016", "fact", "cumulative"}}},
		{"a plan's span reviewed by a heading (“十三五”工作回顾) opens the span",
			"某县政府工作报告\n——2021年1月10日在某县第十七届人民代表大会第五次会议上\n一、“十三五”工作回顾\n全县累计完成投资500亿元。",
			[]detail{{"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}}},
		{"so does its achievements' heading (“十三五”发展成就)",
			"某县政府工作报告\n——2021年1月10日在某县第十七届人民代表大会第五次会议上\n一、“十三五”发展成就\n全县累计完成投资500亿元。",
			[]detail{{"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}}},
		{"a heading line naming the next year's work opens its targets",
			"某县政府工作报告\n——2021年1月10日在某县第十七届人民代表大会第五次会议上\n一、2020年工作回顾\n全县完成投资90亿元。\n二、关于2021年工作\n全县地区生产总值增长7%，新建学校3所。\n三、2021年主要工作\n新建道路5公里。",
			[]detail{{"90", "亿元", "", "", "2020", "fact", "level"}, {"7", "%", "", "增长", "2021", "target", "growth"}, {"3", "所", "", "新增", "2021", "target", "level"}, {"5", "公里", "", "新增", "2021", "target", "level"}}},
		{"the same words inside a sentence open nothing",
			"某县政府工作报告\n——2021年1月10日在某县第十七届人民代表大会第五次会议上\n一、2020年工作回顾\n全县完成投资90亿元，新建学校3所，为做好2021年工作打下基础。",
			[]detail{{"90", "亿元", "", "", "2020", "fact", "level"}, {"3", "所", "", "新增", "2020", "fact", "level"}}},
		{"a title naming the year's report is no heading of its work",
			"某乡2021年政府工作报告\n——2021年1月10日在某乡第十七届人民代表大会第五次会议上\n过去一年，全乡完成投资90亿元。",
			[]detail{{"90", "亿元", "", "", "2020", "fact", "level"}}},
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

// A text set as a PDF page: a line that runs the page's width and ends in
// ； wrapped there; the time phrase before it holds on to its sentence's
// end, as in the same text with a paragraph per line. (A line that ends
// in ； in a text of items set one per line ends its item: there the
// phrase stops, TestItemLineEndingInSemicolon.)
func TestPDFLineEndingInSemicolon(t *testing.T) {
	para := []rune("2017年，全区生产总值完成567亿元，一般公共预算收入29.4亿元；固定资产投资完成407.7亿元，增长12%；社会消费品零售总额完成470亿元，增长11%，城乡居民收入稳步增长，发展质量持续提高。")
	width := 0
	for i, r := range para {
		if r == '；' {
			width = i + 1
			break
		}
	}
	head := []string{"某区政府工作报告", "——2018年1月10日在某区人民代表大会上", "二、2018年主要预期目标"}
	lines := append([]string{}, head...)
	for len(para) > width {
		lines = append(lines, string(para[:width]))
		para = para[width:]
	}
	lines = append(lines, string(para))
	one := append(append([]string{}, head...), strings.Join(lines[len(head):], ""))
	got, want := details(Extract(lines, Options{})), details(Extract(one, Options{}))
	if len(want) != 6 || want[2].Value != "407.7" || want[2].Period != "2017" || want[2].Kind != "fact" {
		t.Fatalf("the text with a paragraph per line reads %+v", want)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("set as a PDF page (%d lines %d wide) it reads otherwise (-paragraph +page):\n%s", len(lines), width, diff)
	}
}

// Items set one per line, each ending in ；: a time phrase of one item
// holds for that item only.
func TestItemLineEndingInSemicolon(t *testing.T) {
	checkRules(t, "", []ruleCase{
		{"an item's year ends with its line",
			"某区政府工作报告\n——2018年1月10日在某区人民代表大会上\n二、2018年主要预期目标\n2017年全区生产总值567亿元，今年力争达到600亿元；\n一般公共预算收入增长7%；\n固定资产投资增长10%；\n社会消费品零售总额增长9%；\n城乡居民收入增长8%；\n单位生产总值能耗下降3%。",
			[]detail{{"567", "亿元", "", "", "2017", "fact", "level"}, {"600", "亿元", "", "", "2018", "target", "level"}, {"7", "%", "", "增长", "2018", "target", "growth"},
				{"10", "%", "", "增长", "2018", "target", "growth"}, {"9", "%", "", "增长", "2018", "target", "growth"}, {"8", "%", "", "增长", "2018", "target", "growth"}, {"3", "%", "", "下降", "2018", "target", "growth"}}},
	}, anySubject)
}

// The forms a report's parts are headed or opened by, across the genre:
// each heading or opening sentence, after a review of 2020 in a report of
// January 2021, gives the figures after it this period and kind (written
// for the test; a guard that a rule for one form does not lose another).
func TestPassageForms(t *testing.T) {
	head := "某县政府工作报告\n——2021年1月10日在某县第十七届人民代表大会第五次会议上\n三、其他\n全县完成投资9亿元。\n"
	body := "\n全县地区生产总值增长7%，新建学校3所。"
	cases := []struct{ form, want string }{
		{"一、2020年工作回顾", "2020 fact"},
		{"一、2020年工作情况", "2020 fact"},
		{"一、2020年主要工作完成情况", "2020 fact"},
		{"一、关于2020年工作", "2020 fact"},
		{"一、2020年工作总结", "2020 fact"},
		{"一、过去一年工作回顾", "2020 fact"},
		{"一、“十三五”工作回顾", "2016-2020 fact"},
		{"一、“十三五”发展成就", "2016-2020 fact"},
		{"一、过去五年的工作", "2016-2020 fact"},
		{"一、2020年和“十三五”时期工作回顾", "2016-2020 fact"},
		{"一、2020年及“十三五”工作回顾", "2016-2020 fact"},
		{"二、2021年工作安排", "2021 target"},
		{"二、2021年政府工作的总体要求和主要目标", "2021 target"},
		{"二、关于2021年工作", "2021 target"},
		{"二、2021年主要工作", "2021 target"},
		{"二、2021年重点工作", "2021 target"},
		{"二、今年工作安排", "2021 target"},
		{"二、2021年工作总体要求和目标任务", "2021 target"},
		{"二、2021年的主要任务", "2021 target"},
		{"二、2021年工作打算", "2021 target"},
		{"二、2021年工作任务", "2021 target"},
		{"二、2021年发展目标", "2021 target"},
		{"新的一年，我们将坚持稳中求进。", "2021 target"},
		{"今年经济社会发展的主要预期目标是：", "2021 target"},
		{"2021年全县经济社会发展的主要预期目标建议为：", "2021 target"},
		{"综合考虑各方面因素，建议今年全县主要预期目标为：", "2021 target"},
		{"今年全县的发展目标：", "2021 target"},
		{"全年经济社会发展主要目标：", "2021 target"},
		{"2021年主要指标安排：", "2021 target"},
		{"2021年是“十四五”开局之年。", "2021 target"},
		{"2021年目标：", "2021 target"},
	}
	for _, c := range cases {
		cs := Extract(strings.Split(head+c.form+body, "\n"), Options{})
		if len(cs) != 3 {
			t.Errorf("%s: %d figures, want 3", c.form, len(cs))
			continue
		}
		for _, f := range cs[1:] {
			if got := f.Period + " " + f.Kind; got != c.want {
				t.Errorf("%s: %s%s reads %s, want %s", c.form, f.Value, f.Unit, got, c.want)
			}
		}
	}
}

// The forms a review of several years opens with: each, before the same
// sentence in a report of January 2021, gives its three figures this span.
func TestSpanForms(t *testing.T) {
	head := "某县政府工作报告\n——2021年1月10日在某县第十八届人民代表大会第五次会议上\n"
	body := "全县累计完成投资500亿元，新建学校20所，地区生产总值年均增长7%。"
	cases := []struct{ form, want string }{
		{"五年来，", "2016-2020"}, {"过去五年，", "2016-2020"}, {"过去的五年里，", "2016-2020"}, {"回顾过去五年，", "2016-2020"},
		{"这五年，", "2016-2020"}, {"五年间，", "2016-2020"}, {"近五年来，", "2016-2020"}, {"本届政府任期以来，", "2017-2020"},
		{"任期内，", "2017-2020"}, {"“十三五”以来，", "2016-2020"}, {"“十三五”期间，", "2016-2020"}, {"2016年以来，", "2016-2020"},
		{"2016—2020年，", "2016-2020"}, {"党的十九大以来，", "2018-2020"}, {"三年来，", "2018-2020"}, {"一、过去五年工作回顾\n", "2016-2020"},
		{"一、本届政府工作回顾\n", "2017-2020"}, {"一、2016年以来工作回顾\n", "2016-2020"}, {"五年来，我们坚持发展第一要务。", "2016-2020"},
	}
	for _, c := range cases {
		cs := Extract(strings.Split(head+c.form+body, "\n"), Options{})
		if len(cs) != 3 {
			t.Errorf("%q: %d figures, want 3", c.form, len(cs))
			continue
		}
		for _, f := range cs {
			if f.Period != c.want || f.Kind != "fact" {
				t.Errorf("%q: %s%s reads %s %s, want %s fact", c.form, f.Value, f.Unit, f.Period, f.Kind, c.want)
			}
		}
	}
}
