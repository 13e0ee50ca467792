package report

import (
	"strings"
	"testing"
)

// Round 3 (issue 13): rules by category of the genre's grammar, not by a
// report's phrase, each shown on sentences written for the test with the
// edges on both sides.
func TestReadingRulesByCategory(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n"
	checkRules(t, head, []ruleCase{
		// Figures that are no claims.
		{"a duration right after 连续 names how long a record held (months, days, with or without 第), not a quantity",
			"过去一年，连续81个月未发生较大安全事故，连续15天无新增病例，连续第3次获评文明县城，用4个月时间征地400亩。",
			[]detail{{"4", "个月", "时间征地", "", "2018", "fact", "level"}, {"400", "亩", "时间征地", "", "2018", "fact", "level"}}},
		{"places moved up or down a ranking, right after the verb and ending the clause, are no count; a count goes on to name what it counts",
			"过去一年，综合实力位居第36位，较上年前进3位，排名提升5个位次，全国千强镇排名提高123名；选拔提升20名干部。",
			[]detail{{"20", "名", "干部", "", "2018", "fact", "level"}}},
		{"周岁 is the unit of an age as 岁 is: a bound of ages before a noun names the class counted",
			"过去一年，65周岁以上老人1.2万人享受高龄补贴，人均期望寿命从78.3岁提高到80.3岁。",
			[]detail{{"1.2", "万人", "", "", "2018", "fact", "level"}, {"78.3", "岁", "人均期望寿命", "", "2017", "fact", "level"},
				{"80.3", "岁", "人均期望寿命", "", "2018", "fact", "level"}}},
		{"each bound of a list of money bounds before the noun of things counted or shared names a class; a bound stated of a series stays a claim",
			"过去一年，收入超过5万元、10万元村集体占比分别64%、45%，税收超过1亿元、5000万元的企业分别有3家和8家，全年实现收入超过5万元、利润2万元。",
			[]detail{{"64", "%", "", "", "2018", "fact", "ratio"}, {"45", "%", "", "", "2018", "fact", "ratio"}, {"3", "家", "", "", "2018", "fact", "level"},
				{"8", "家", "", "", "2018", "fact", "level"}, {"5", "万元", "收入", "超过", "2018", "fact", "level"}, {"2", "万元", "利润", "", "2018", "fact", "level"}}},
		{"a count of the session's own members, deputies or committee members, is about the meeting",
			"过去一年，工业产值10亿元。大会应到委员95人，实到88人；本次会议应出席代表186名，实际出席172名。",
			[]detail{{"10", "亿元", "工业产值", "", "2018", "fact", "level"}}},
		// Qualifiers.
		{"points after a comparison of rates (高于, 高出, 快于 one growth than another) are the gap: no growth, no bound",
			"过去一年，地区生产总值增长7.5%，增速高出全市平均2个百分点，居民收入增长快于经济增长1.2个百分点，比上年提高0.5个百分点。",
			[]detail{{"7.5", "%", "", "增长", "2018", "fact", "growth"}, {"2", "个百分点", "", "", "2018", "fact", "points"},
				{"1.2", "个百分点", "", "", "2018", "fact", "points"}, {"0.5", "个百分点", "", "增长", "2018", "fact", "points"}}},
		{"a list of one year's results headed by 共计 or 合计 sums as one headed by 累计 does: each item [累计], a level of the year",
			"过去一年，共计发放贷款352.6万元，授信金额382万元，服务商户4600余人；合计引进项目31个，建成投产项目10个。",
			[]detail{{"352.6", "万元", "", "累计", "2018", "fact", "level"}, {"382", "万元", "", "累计", "2018", "fact", "level"},
				{"4600", "人", "", "余,累计", "2018", "fact", "level"}, {"31", "个", "", "累计", "2018", "fact", "level"},
				{"10", "个", "", "累计", "2018", "fact", "level"}}},
		{"a breakdown opened by a bracket and a colon (其中：) counts the same new things as one opened by a comma",
			"过去一年，新增“五上”企业27家(其中：批发21家、零售2家)，发展动能增强。",
			[]detail{{"27", "家", "五上企业", "新增", "2018", "fact", "level"}, {"21", "家", "批发", "新增", "2018", "fact", "level"},
				{"2", "家", "零售", "新增", "2018", "fact", "level"}}},
		{"及以上 and 及以下 after a figure are its bounds as 以上 and 以下 are: a claim at a clause's end, a class before a noun",
			"过去一年，粮食产量稳定在20万吨及以上，引进500万元及以上项目12个，失业率控制在4%及以下。",
			[]detail{{"20", "万吨", "", "以上", "2018", "fact", "level"}, {"12", "个", "", "", "2018", "fact", "level"},
				{"4", "%", "", "以内", "2018", "fact", "ratio"}}},
		{"after a bare 亿 or 万 a measure word that begins a word (台阶, 项目, 支持) is no unit: the multiplier alone is, and a money bound before a count names its class",
			"过去一年，地方一般公共预算收入迈上10亿台阶，引进超过10亿项目5个，统筹550万支持企业发展，劳动生产率24.4万/人。",
			[]detail{{"10", "亿", "地方一般公共预算收入", "以上", "2018", "fact", "level"}, {"5", "个", "", "", "2018", "fact", "level"},
				{"550", "万", "", "", "2018", "fact", "level"}, {"24.4", "万/人", "劳动生产率", "", "2018", "fact", "level"}}},
		{"the aspect particle 了 after a verb changes no reading: 年均增长了, 预计实现了, 完成了任务的",
			"过去一年，地方财政收入实现2496万元，完成了任务的117.46%，同比增长28.7%；预计实现了工业总产值48亿元。税收收入3亿元，实现全年目标的105%。",
			[]detail{{"2496", "万元", "地方财政收入", "", "2018", "fact", "level"}, {"117.46", "%", "地方财政收入完成计划比例", "", "2018", "fact", "ratio"},
				{"28.7", "%", "地方财政收入", "增长", "2018", "fact", "growth"}, {"48", "亿元", "工业总产值", "预计", "2018", "fact", "level"},
				{"3", "亿元", "税收收入", "", "2018", "fact", "level"}, {"105", "%", "税收收入完成全年目标比例", "", "2018", "fact", "ratio"}}},
		// Subjects.
		{"the aspect particle 了 after a verb and a footnote mark (〔3〕, [1], ①) are no part of the noun counted; a subject opening with 了 of its own (了解) keeps it",
			"过去一年，共争取了大小项目100多个，实施了项目94个，建成扶贫车间〔3〕8处，新建示范基地[1]3个。了解企业诉求120件。",
			[]detail{{"100", "个", "大小项目", "余,累计", "2018", "fact", "level"}, {"94", "个", "项目", "", "2018", "fact", "level"},
				{"8", "处", "扶贫车间", "", "2018", "fact", "level"}, {"3", "个", "示范基地", "新增", "2018", "fact", "level"},
				{"120", "件", "了解企业诉求", "", "2018", "fact", "level"}}},
		// Measures.
		{"an item of a 、-list that names a share or rate of its own states that share: a ratio, not the list's growth",
			"过去一年，一般公共预算收入192亿元、增长10.5%、税收占比86%；规上工业增加值增长8%、占地区生产总值比重35%、城镇化率达61%。",
			[]detail{{"192", "亿元", "一般公共预算收入", "", "2018", "fact", "level"}, {"10.5", "%", "一般公共预算收入", "增长", "2018", "fact", "growth"},
				{"86", "%", "税收收入占一般公共预算收入比重", "", "2018", "fact", "ratio"}, {"8", "%", "规上工业增加值", "增长", "2018", "fact", "growth"},
				{"35", "%", "", "", "2018", "fact", "ratio"}, {"61", "%", "城镇化率", "", "2018", "fact", "ratio"}}},
		{"a minus sign after 分别, and after 、 in a list begun with a signed rate, is a decline; 分别 gives each the series before it in turn",
			"过去一年，实现地区生产总值60.3亿元，一般公共预算收入2亿元，同比分别-6.2%、-19.3%；项目编号2019-12。",
			[]detail{{"60.3", "亿元", "地区生产总值", "", "2018", "fact", "level"}, {"2", "亿元", "一般公共预算收入", "", "2018", "fact", "level"},
				{"6.2", "%", "地区生产总值", "下降", "2018", "fact", "growth"}, {"19.3", "%", "一般公共预算收入", "下降", "2018", "fact", "growth"}}},
		{"so does an item naming a part of something with 的 (完成年度目标的105%)",
			"过去一年，税收收入增长10%、完成年度目标的105%。",
			[]detail{{"10", "%", "税收收入", "增长", "2018", "fact", "growth"}, {"105", "%", "", "", "2018", "fact", "ratio"}}},
		{"a minus sign after a word of change and a space a copy put between them is a decline too",
			"过去一年，固定资产投资增长 -3.5%，税收增长6%-8%。",
			[]detail{{"3.5", "%", "固定资产投资", "下降", "2018", "fact", "growth"}, {"6", "%", "税收", "以上,增长", "2018", "fact", "growth"},
				{"8", "%", "税收", "以内,增长", "2018", "fact", "growth"}}},
		{"a count in a field of the page the copy came from (访问量：56次) is the page's",
			"浏览次数：1234 访问量：56次\n过去一年，新建学校3所。",
			[]detail{{"3", "所", "学校", "新增", "2018", "fact", "level"}}},
		{"a bare rate after a rate in a 、-list takes the list's change (the edge of the rule above)",
			"过去一年，税收收入增长7%、9%。",
			[]detail{{"7", "%", "税收收入", "增长", "2018", "fact", "growth"}, {"9", "%", "税收收入", "增长", "2018", "fact", "growth"}}},
	}, anySubject)
}

// The indicator a level of government's budget names.
func TestNamesByCategory(t *testing.T) {
	const head = "某区政府工作报告\n——2019年1月10日\n"
	checkNames(t, head, []namesCase{
		{"区级 or 县级 before the budget revenue is the reporting government's own budget; 镇级 a part of it; a restated basis another series",
			"过去一年，区级一般公共预算收入67亿元，县级一般公共预算收入12亿元，镇级财政收入3亿元，区级一般公共预算收入比上年同口径增长5%。",
			[]string{"budget_revenue", "budget_revenue", "", ""}},
		{"a growth on a restated basis (同口径, 可比口径) is another series, whatever word of change states it",
			"过去一年，一般公共预算收入10亿元，同口径增加5.5%；税收收入按可比口径降低2%。",
			[]string{"budget_revenue", "", ""}},
		{"an amount agreed (签约, 协议, 合同) is not the series realized; the realized one maps",
			"过去一年，完成亿元以上产业项目协议固投57.5亿元，招商引资签约资金30亿元，固定资产投资完成20亿元，内资到位额8亿元。",
			[]string{"", "", "fai", "domestic_investment"}},
	})
}

// In a five-year review: what a figure sums and what it reached.
func TestSpanMeasuresByCategory(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n"
	checkRules(t, head, []ruleCase{
		{"a bound crossed for the first time (首次超, 首次突破) is a level of one year, a flow or a stock alike; a flow without it sums the span",
			"过去五年，新增企业首次超1万家，财力总量首次突破50亿元，新增企业3万家。",
			[]detail{{"1", "万家", "", "新增,超过", "2018", "fact", "level"}, {"50", "亿元", "", "超过", "2018", "fact", "level"},
				{"3", "万家", "", "新增,累计", "2014-2018", "fact", "cumulative"}}},
		{"a yearly amount before its 年均 rate is the last year's level whether 实现 or 完成 states it; 完成 of investment, and 累计, sum the span",
			"过去五年，完成地区生产总值210.9亿元，年均增长9.1%；实现一般公共预算收入10亿元，年均增长8%；固定资产投资完成800亿元，年均增长10%；累计实现旅游收入90亿元，年均增长9%。",
			[]detail{{"210.9", "亿元", "", "", "2018", "fact", "level"}, {"9.1", "%", "", "年均", "2014-2018", "fact", "growth"},
				{"10", "亿元", "", "", "2018", "fact", "level"}, {"8", "%", "", "年均", "2014-2018", "fact", "growth"},
				{"800", "亿元", "", "累计", "2014-2018", "fact", "cumulative"}, {"10", "%", "", "年均", "2014-2018", "fact", "growth"},
				{"90", "亿元", "", "累计", "2014-2018", "fact", "cumulative"}, {"9", "%", "", "年均", "2014-2018", "fact", "growth"}}},
		{"a series named, then how it passed a level in words (超过千亿元, as 突破), before a clause of only the level reached: the level is the series'",
			"过去一年，规模以上工业总产值超过千亿元，达1182.25亿元，增长19.5%。",
			[]detail{{"1182.25", "亿元", "规模以上工业总产值", "", "2018", "fact", "level"}, {"19.5", "%", "规模以上工业总产值", "增长", "2018", "fact", "growth"}}},
		{"实现 of investment before its 年均 rate sums the span as 完成 does",
			"过去五年，全社会固定资产投资预计实现469亿元，年均增长12.6%。",
			[]detail{{"469", "亿元", "", "累计,预计", "2014-2018", "fact", "cumulative"}, {"12.6", "%", "", "年均,预计", "2014-2018", "fact", "growth"}}},
		{"so with the rate written 年均增加 or 年均递增 (any word of growth after 年均)",
			"过去五年，实现地区生产总值210.9亿元，年均增加9.1%；一般公共预算收入28亿元，年均递增8%。",
			[]detail{{"210.9", "亿元", "", "", "2018", "fact", "level"}, {"9.1", "%", "", "年均", "2014-2018", "fact", "growth"},
				{"28", "亿元", "", "", "2018", "fact", "level"}, {"8", "%", "", "年均", "2014-2018", "fact", "growth"}}},
	}, anySubject)
}

// A report whose text ends in ； (an excerpt cut inside a list) is read,
// not a crash: the scope of a time phrase once looked one character past
// the text.
func TestExtractEndsInSemicolon(t *testing.T) {
	for _, end := range []string{"；", ";", "；\n", "，同比增长28.7%;"} {
		lines := strings.Split("某县政府工作报告\n——2019年1月10日\n过去一年，2018年地方财政收入实现2496万元"+end, "\n")
		if got := Extract(lines, Options{}); len(got) == 0 || got[0].Value != "2496" {
			t.Errorf("text ending %q: %+v", end, got)
		}
	}
}
