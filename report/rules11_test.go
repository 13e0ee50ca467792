package report

import "testing"

// Round 5 (issue 13): rules found on batch 10's development half
// (dev-next/), each by its category, shown on sentences written for the
// test with the edges on both sides.

// Periods of whole passages.
func TestPassageRulesRound5(t *testing.T) {
	const head = "某区政府工作报告\n——2016年1月18日\n"
	checkRules(t, head, []ruleCase{
		{"a heading naming a plan's span and the year joined (和), run into its body as a copy that loses the line break writes it, promises the span's part: the span's phrase in that body opens it",
			"一、“十二五”规划执行情况和2015年工作回顾刚刚过去的“十二五”时期，是极不平凡的五年。累计完成固定资产投资657.1亿元，年均增长7.6%，人均生产总值达到8.2万元。",
			[]detail{{"657.1", "亿元", "", "累计", "2011-2015", "fact", "cumulative"}, {"7.6", "%", "", "年均", "2011-2015", "fact", "growth"},
				{"8.2", "万元", "", "", "2015", "fact", "level"}}},
		{"the same with 过去五年 joined by 及",
			"一、过去五年及2015年工作回顾各位代表，过去五年，我们迎难而上。累计完成固定资产投资657.1亿元。",
			[]detail{{"657.1", "亿元", "", "累计", "2011-2015", "fact", "cumulative"}}},
		{"a heading naming the year alone: the span's phrase in its body holds for its own sentence only",
			"一、2015年工作回顾刚刚过去的“十二五”时期，累计完成固定资产投资657.1亿元。全年完成固定资产投资150亿元。",
			[]detail{{"657.1", "亿元", "", "累计", "2011-2015", "fact", "cumulative"}, {"150", "亿元", "", "", "2015", "fact", "level"}}},
		{"a joined heading on a line of its own: a span's phrase inside a later paragraph of the year's part holds for its sentence only",
			"一、“十二五”规划执行情况和2015年工作回顾\n2015年，全区完成固定资产投资150亿元。“十二五”时期，累计完成固定资产投资657.1亿元。全年新增就业3000人。",
			[]detail{{"150", "亿元", "", "", "2015", "fact", "level"}, {"657.1", "亿元", "", "累计", "2011-2015", "fact", "cumulative"},
				{"3000", "人", "", "新增", "2015", "fact", "level"}}},
	}, anySubject)
}

// Kinds: a goal stated of several places or series at once.
func TestTargetsRound5(t *testing.T) {
	const head = "某市政府工作报告\n——2019年1月10日\n一、2018年工作回顾\n"
	checkRules(t, head, []ruleCase{
		{"a goal set of several at once (目标均为, 目标均确定为) is a target, as 目标为 is; a result said to reach the goals stays a fact",
			"过去一年，各县经济增速目标均为8%以上。各乡镇税收增长目标均确定为7%。全年地区生产总值增长9%，全面完成目标。",
			[]detail{{"8", "%", "", "以上,增长", "2018", "target", "growth"}, {"7", "%", "", "增长", "2018", "target", "growth"},
				{"9", "%", "", "增长", "2018", "fact", "growth"}}},
	}, anySubject)
}

// Qualifiers.
func TestQualifiersRound5(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n"
	checkRules(t, head, []ruleCase{
		{"不低于 and 不少于 bound a figure from below (以上), 不超过 from above (以内); 超过 alone is more than",
			"今年的主要预期目标是：新开工项目不低于120个，新增就业不少于3000人，失业率不超过4.5%，投资超过100亿元。",
			[]detail{{"120", "个", "", "以上,新增", "2019", "target", "level"}, {"3000", "人", "", "以上,新增", "2019", "target", "level"},
				{"4.5", "%", "", "以内", "2019", "target", "ratio"}, {"100", "亿元", "", "超过", "2019", "target", "level"}}},
		{"约 ending a verb (签约, 预约, 节约) is no 约 (about); 约 and 大约 alone are",
			"过去一年，成功签约12个项目，预约300人次，约200家企业参与，大约50人受益。",
			[]detail{{"12", "个", "", "", "2018", "fact", "level"}, {"300", "人次", "", "", "2018", "fact", "level"},
				{"200", "家", "", "约", "2018", "fact", "level"}, {"50", "人", "", "约", "2018", "fact", "level"}}},
		{"净增 (净减) opening a clause states by how much its noun's stock moved, a growth (decline) in the level's unit, as after the noun; a total reached after it is a level",
			"过去一年，净增规上工业企业175户、总数达到665户，净减养殖户300户，新增企业20家，增加就业岗位500个。",
			[]detail{{"175", "户", "规上工业企业", "增长", "2018", "fact", "growth"}, {"665", "户", "", "", "2018", "fact", "level"},
				{"300", "户", "养殖户", "下降", "2018", "fact", "growth"}, {"20", "家", "", "新增", "2018", "fact", "level"},
				{"500", "个", "", "", "2018", "fact", "level"}}},
		{"a 、 list of counts written before their nouns (新增16家甲、13家乙) shares the word that heads it; a count after a comma with its own verb does not",
			"过去一年，新增16家国家高新技术企业、13家国家科技型中小企业，8家企业上市；累计引进12个项目、3家企业。",
			[]detail{{"16", "家", "", "新增", "2018", "fact", "level"}, {"13", "家", "", "新增", "2018", "fact", "level"},
				{"8", "家", "", "", "2018", "fact", "level"}, {"12", "个", "", "累计", "2018", "fact", "level"}, {"3", "家", "", "累计", "2018", "fact", "level"}}},
	}, anySubject)
}

// Five-year reviews: what a 累计 list covers.
func TestSpanRulesRound5(t *testing.T) {
	const head = "某旗政府工作报告\n——2022年1月10日\n一、过去四年工作回顾\n"
	checkRules(t, head, []ruleCase{
		{"a 累计 heading a list stops at a per-head level or a stock (人均, 总数): never summed; a bare count after it is an item of the sum",
			"过去四年，地区生产总值达到160亿元，累计完成约545亿元，人均突破15万元；固定资产投资累计完成126亿元，实施重大项目21个。",
			[]detail{{"160", "亿元", "", "", "2021", "fact", "level"}, {"545", "亿元", "", "累计,约", "2018-2021", "fact", "cumulative"}, {"15", "万元", "", "超过", "2021", "fact", "level"},
				{"126", "亿元", "", "累计", "2018-2021", "fact", "cumulative"}, {"21", "个", "", "累计", "2018-2021", "fact", "cumulative"}}},
		{"a count of enterprises after plain 培育 is the stock the span built up, a level of its last year (and the 、 items sharing the verb), even after a 累计 list; 新培育 counts new ones and other things cultivated are flows, summed",
			"过去四年，累计建成研发中心16家，培育科技型企业74家。培育高新技术企业40家、科技型中小企业239家，培育形成10户产值过百亿元工业企业，培育品牌5个，新培育企业8家。",
			[]detail{{"16", "家", "", "累计", "2018-2021", "fact", "cumulative"}, {"74", "家", "", "", "2021", "fact", "level"},
				{"40", "家", "", "", "2021", "fact", "level"}, {"239", "家", "", "", "2021", "fact", "level"}, {"10", "户", "", "", "2021", "fact", "level"},
				{"5", "个", "", "累计", "2018-2021", "fact", "cumulative"}, {"8", "家", "", "新增,累计", "2018-2021", "fact", "cumulative"}}},
	}, anySubject)
	checkRules(t, "某旗政府工作报告\n——2022年1月10日\n一、2021年工作回顾\n", []ruleCase{
		{"in the review of one year, 培育 enterprises are that year's count",
			"过去一年，累计建成研发中心16家，培育科技型企业74家。",
			[]detail{{"16", "家", "", "累计", "2021", "fact", "level"}, {"74", "家", "", "累计", "2021", "fact", "level"}}},
	}, anySubject)
}

// Subjects: the sectors written as ordinals.
func TestSubjectsRound5(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n"
	checkRules(t, head, []ruleCase{
		{"the sectors shortened to their ordinals before 产 (一、二、三产增加值, 二三产) are 第一产业…; a place or 其中 before them is none of theirs",
			"过去一年，全县第一、二产业增加值分别增长3%、4%，其中一、二、三产增加值分别增长4.4%、5.9%、5.8%，二三产增加值分别增长6%和7%。",
			[]detail{{"3", "%", "第一产业增加值", "增长", "2018", "fact", "growth"}, {"4", "%", "第二产业增加值", "增长", "2018", "fact", "growth"},
				{"4.4", "%", "第一产业增加值", "增长", "2018", "fact", "growth"}, {"5.9", "%", "第二产业增加值", "增长", "2018", "fact", "growth"},
				{"5.8", "%", "第三产业增加值", "增长", "2018", "fact", "growth"},
				{"6", "%", "第二产业增加值", "增长", "2018", "fact", "growth"}, {"7", "%", "第三产业增加值", "增长", "2018", "fact", "growth"}}},
		{"新增 between a noun and its figure is a qualifier, no part of the name; 均 closing an average (平均, 户均) is part of it, 均 after a list (均增长) is not",
			"过去一年，规模以上工业企业新增132户，达1095户；村集体收入平均达到42万元，项目户均2个，税收、利润均增长5%。",
			[]detail{{"132", "户", "规模以上工业企业", "新增", "2018", "fact", "level"}, {"1095", "户", "规模以上工业企业", "", "2018", "fact", "level"},
				{"42", "万元", "村集体收入平均", "", "2018", "fact", "level"}, {"2", "个", "项目户均", "", "2018", "fact", "level"},
				{"5", "%", "税收", "增长", "2018", "fact", "growth"}, {"5", "%", "利润", "增长", "2018", "fact", "growth"}}},
	})
}

// Figures and not claims.
func TestFiguresRound5(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n"
	checkRules(t, head, []ruleCase{
		{"an index's level after its name and a verb (价格指数为102.7) is a figure without a unit, a ratio; a bare number naming a version or a grade is none",
			"过去一年，居民消费价格指数为102.7；发展指数2.0版上线，景气指数5，商品零售价格指数达到101.5。",
			[]detail{{"102.7", "", "居民消费价格指数", "", "2018", "fact", "ratio"}, {"101.5", "", "商品零售价格指数", "", "2018", "fact", "ratio"}}},
		{"a count whose clause ends in a fraction (占全省三分之一) is a claim; one whose clause ends in 之一 is the size of a group the place is one of",
			"过去一年，26家生产供应基地保障供菜量占全省三分之一，成为全省10个试点县之一。",
			[]detail{{"26", "家", "", "", "2018", "fact", "level"}}},
		{"a package of policies named by its number of articles after the verb issuing it and its aim (出台稳增长26条) is a name; the count right after the verb, its noun after it, or a count after its noun (措施, 标准…) is a count",
			"过去一年，果断出台稳增长26条等一揽子措施，制定惠企20条，制定出台8条稳增长政策措施，出台政策措施12条，制定服务标准15条。",
			[]detail{{"8", "条", "", "", "2018", "fact", "level"}, {"12", "条", "", "", "2018", "fact", "level"}, {"15", "条", "", "", "2018", "fact", "level"}}},
	}, anySubject)
}
