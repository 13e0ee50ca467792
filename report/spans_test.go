package report

import (
	"testing"
)

// Reviews of more than one year whatever their length: the span ends with
// the reviewed year, flows over it are sums, stocks reached are the last
// year's levels (LABELLING.md: five-year review, 过去四年, X以来).
func TestMultiYearReviews(t *testing.T) {
	const head = "某县政府工作报告\n——2021年1月12日在某县人民代表大会上\n"
	checkRules(t, head, []ruleCase{
		{"过去四年: a four-year span; a flow is a sum, a level reached the last year's",
			"过去四年，全县建成农村公路320公里，新增城镇就业4800人，城镇居民人均可支配收入达到36000元。",
			[]detail{{"320", "公里", "农村公路", "累计", "2017-2020", "fact", "cumulative"}, {"4800", "人", "城镇就业", "新增,累计", "2017-2020", "fact", "cumulative"},
				{"36000", "元", "城镇居民人均可支配收入", "", "2020", "fact", "level"}}},
		{"近三年来 opens a review", "近三年来，全县引进项目45个。新建学校6所。",
			[]detail{{"45", "个", "项目", "累计", "2018-2020", "fact", "cumulative"}, {"6", "所", "学校", "新增,累计", "2018-2020", "fact", "cumulative"}}},
		{"近三年 alone holds for its sentence", "过去一年，全县引进项目15个。近三年税收年均增长6%。全年新建学校2所。",
			[]detail{{"15", "个", "项目", "", "2020", "fact", "level"}, {"6", "%", "税收", "年均", "2018-2020", "fact", "growth"}, {"2", "所", "学校", "新增", "2020", "fact", "level"}}},
		{"三年来 over several sentences", "三年来，我们引进项目45个。实施棚户区改造2100户。",
			[]detail{{"45", "个", "项目", "累计", "2018-2020", "fact", "cumulative"}, {"2100", "户", "棚户区改造", "累计", "2018-2020", "fact", "cumulative"}}},
		{"a term review without its length: from the term's first year",
			"本届政府以来，全县累计完成固定资产投资260亿元，建成学校12所。",
			[]detail{{"260", "亿元", "固定资产投资", "累计", "2017-2020", "fact", "cumulative"}, {"12", "所", "学校", "累计", "2017-2020", "fact", "cumulative"}}},
		{"这届政府以来 and 三年多来", "这届政府以来，新建学校9所。\n二、2020年工作回顾\n三年多来，全县新增就业6000人。",
			[]detail{{"9", "所", "学校", "新增,累计", "2017-2020", "fact", "cumulative"}, {"6000", "人", "就业", "新增,累计", "2018-2020", "fact", "cumulative"}}},
		{"任期内 likewise", "任期内，全县新建村级活动场所36个。",
			[]detail{{"36", "个", "村级活动场所", "新增,累计", "2017-2020", "fact", "cumulative"}}},
		{"a review since a named year, as a heading", "一、2016年以来工作回顾\n全县建成高标准农田8万亩，地区生产总值年均增长7%。",
			[]detail{{"8", "万亩", "高标准农田", "累计", "2016-2020", "fact", "cumulative"}, {"7", "%", "地区生产总值", "年均", "2016-2020", "fact", "growth"}}},
		{"since a named year inside a sentence", "过去一年，全县税收增长6%。自2016年以来，我们共争取上级资金30亿元。",
			[]detail{{"6", "%", "税收", "增长", "2020", "fact", "growth"}, {"30", "亿元", "上级资金", "累计", "2016-2020", "fact", "cumulative"}}},
		{"a range of past years holds for its sentence; 至今 like 以来", "过去一年，新建学校2所。2016—2020年，全县累计完成投资300亿元，地区生产总值年均增长7%。2017年至今，共引进项目60个。",
			[]detail{{"2", "所", "学校", "新增", "2020", "fact", "level"}, {"300", "亿元", "投资", "累计", "2016-2020", "fact", "cumulative"},
				{"7", "%", "地区生产总值", "年均", "2016-2020", "fact", "growth"}, {"60", "个", "项目", "累计", "2017-2020", "fact", "cumulative"}}},
		{"one year after a span goes back to the year", "过去四年，全县建成农村公路320公里。\n二、2020年工作回顾\n全县建成农村公路80公里。",
			[]detail{{"320", "公里", "农村公路", "累计", "2017-2020", "fact", "cumulative"}, {"80", "公里", "农村公路", "", "2020", "fact", "level"}}},
	})
}

func TestTermStart(t *testing.T) {
	for r, want := range map[int]int{2016: 2012, 2017: 2017, 2020: 2017, 2021: 2017, 2022: 2022, 2024: 2022} {
		if got := termStart(r); got != want {
			t.Errorf("termStart(%d) = %d, want %d", r, got, want)
		}
	}
}
