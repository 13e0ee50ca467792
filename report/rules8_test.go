package report

import "testing"

// Round 2 of blind batch 5 (issue 13): broader rules on how a sentence
// attaches a figure to its subject, each on sentences written for the test.
func TestReadingRulesRound2(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n"
	checkRules(t, head, []ruleCase{
		{"nouns joined by 和 before one verb of change and as many rates name each in turn, with or without 分别",
			"过去一年，城镇和农村居民人均可支配收入增长7%和9%，工业和农业产值同比下降2%、3%。",
			[]detail{{"7", "%", "城镇居民人均可支配收入", "增长", "2018", "fact", "growth"}, {"9", "%", "农村居民人均可支配收入", "增长", "2018", "fact", "growth"},
				{"2", "%", "工业产值", "下降", "2018", "fact", "growth"}, {"3", "%", "农业产值", "下降", "2018", "fact", "growth"}}},
		{"one noun before a list of rates is not split",
			"过去一年，税收收入增长7%和9%。",
			[]detail{{"7", "%", "税收收入", "增长", "2018", "fact", "growth"}, {"9", "%", "税收收入", "增长", "2018", "fact", "growth"}}},
		{"a bound right before a count names the class counted (with 的 or without): no figure of its own",
			"过去一年，村集体经营性收入全部达到10万元以上，其中，20万以上15个村，50万元以上的8个村。",
			[]detail{{"10", "万元", "村集体经营性收入", "以上", "2018", "fact", "level"}, {"15", "个", "20万以上", "", "2018", "fact", "level"},
				{"8", "个", "50万元以上", "", "2018", "fact", "level"}}},
		{"a clause of only a time, adverbs and a verb of moving up has the series before it",
			"过去一年，规上工业产值在2017年突破50亿元之后，2018年仍然持续上扬突破60亿元，达到61.5亿元，增长20%；财政收入2016年突破2亿元，2018年又突破3亿元。",
			[]detail{{"50", "亿元", "规上工业产值", "超过", "2017", "fact", "level"}, {"60", "亿元", "规上工业产值", "超过", "2018", "fact", "level"},
				{"61.5", "亿元", "规上工业产值", "", "2018", "fact", "level"}, {"20", "%", "规上工业产值", "增长", "2018", "fact", "growth"},
				{"2", "亿元", "财政收入", "超过", "2016", "fact", "level"}, {"3", "亿元", "财政收入", "超过", "2018", "fact", "level"}}},

		{"the size of a group ranked in, with its kinds in brackets and a position in Chinese numerals, is no figure",
			"过去一年，税收收入从居全省20个县(市、区)第五位上升到居全市8个县第二位，税收收入3亿元。",
			[]detail{{"3", "亿元", "税收收入", "", "2018", "fact", "level"}}},
		{"是…的 N倍 with a space before the figure, as a PDF's text writes it: the series before it (its period the span after the base, LABELLING.md)",
			"过去五年，固定资产投资138亿元，是十二五末的 3.8倍，年均增长30.6%。",
			[]detail{{"138", "亿元", "固定资产投资", "", "2018", "fact", "level"}, {"3.8", "倍", "固定资产投资", "", "2016-2018", "fact", "ratio"},
				{"30.6", "%", "固定资产投资", "年均", "2014-2018", "fact", "growth"}}},
		{"an adverb of how a thing was done (全面, 圆满) before the verb after a count is no part of the things counted",
			"过去一年，31项民生实事全面完成，29名医护人员圆满完成援助任务。",
			[]detail{{"31", "项", "民生实事", "", "2018", "fact", "level"}, {"29", "名", "医护人员", "", "2018", "fact", "level"}}},
		{"预计 after a subject covers the comma clauses of its ；-clause that go on with nouns, not one opening with a verb, nor the next ；-clause",
			"过去一年，固定资产投资预计完成100亿元，同比增长1.5%，其中建安投资完成70亿元，农民人均可支配收入增长4%，引进项目12个；税收收入3亿元。",
			[]detail{{"100", "亿元", "固定资产投资", "预计", "2018", "fact", "level"}, {"1.5", "%", "固定资产投资", "增长,预计", "2018", "fact", "growth"},
				{"70", "亿元", "建安投资", "预计", "2018", "fact", "level"}, {"4", "%", "农民人均可支配收入", "增长,预计", "2018", "fact", "growth"},
				{"12", "个", "项目", "", "2018", "fact", "level"}, {"3", "亿元", "税收收入", "", "2018", "fact", "level"}}},
		{"in a five-year review the investment series written bare before its 年均 rate is the last year's; with 完成 it sums the years",
			"过去五年，全社会固定资产投资161亿元，年均增长12.9%；固定资产投资完成800亿元，年均增长10%。",
			[]detail{{"161", "亿元", "全社会固定资产投资", "", "2018", "fact", "level"}, {"12.9", "%", "全社会固定资产投资", "年均", "2014-2018", "fact", "growth"},
				{"800", "亿元", "固定资产投资", "累计", "2014-2018", "fact", "cumulative"}, {"10", "%", "固定资产投资", "年均", "2014-2018", "fact", "growth"}}},
		{"a clause stating a level reached (达到) after a 累计 list is a level, not an item of the sum",
			"过去一年，累计投入科技资金4500万元，引进创业团队50个，科技型企业达到163家、高新技术企业达到60家。",
			[]detail{{"4500", "万元", "科技资金", "累计", "2018", "fact", "level"}, {"50", "个", "创业团队", "累计", "2018", "fact", "level"},
				{"163", "家", "科技型企业", "", "2018", "fact", "level"}, {"60", "家", "高新技术企业", "", "2018", "fact", "level"}}},
		{"N年 naming a programme (三年行动, 五年规划) opens no span of N years: its sentence is the year's work",
			"过去一年，启动“绿网换绿植”三年行动，推进10条彩涂线治理设施升级改造；五年跨越2个台阶，生产总值达到60亿元。",
			[]detail{{"10", "条", "彩涂线治理设施升级改造", "", "2018", "fact", "level"}, {"2", "个", "台阶", "累计", "2014-2018", "fact", "cumulative"},
				{"60", "亿元", "生产总值", "", "2018", "fact", "level"}}},
		{"a comparison's starting level joined to its year by 的 (较2017年的X增长Y%) is that year's level; the growth is the year reviewed's",
			"过去一年，镇级财政收入2.6亿元，较2017年的 2.3亿元增长13%。",
			[]detail{{"2.6", "亿元", "镇级财政收入", "", "2018", "fact", "level"}, {"2.3", "亿元", "镇级财政收入", "", "2017", "fact", "level"},
				{"13", "%", "镇级财政收入", "增长", "2018", "fact", "growth"}}},
	})
	// Units and periods: the subjects are other rules' (blank is any).
	checkRules(t, head, []ruleCase{
		{"two measure words counting the same things at once are one unit (台套, 头只, 人份); 群, 峰, 面, 封 are measure words, not before a noun they begin",
			"过去一年，推广工业机器人1000台套，牲畜存栏125万头只，核酸日检测能力1.7万人份，标准化畜群2800群，双峰驼5000峰，获赠锦旗114面、感谢信901封，服务1000群众。",
			[]detail{{"1000", "台套", "", "", "2018", "fact", "level"}, {"125", "万头只", "", "", "2018", "fact", "level"},
				{"1.7", "万人份", "", "", "2018", "fact", "level"}, {"2800", "群", "", "", "2018", "fact", "level"},
				{"5000", "峰", "", "", "2018", "fact", "level"}, {"114", "面", "", "", "2018", "fact", "level"},
				{"901", "封", "", "", "2018", "fact", "level"}}},
		{"a level kept (稳定在, 保持在) in a five-year review is the last year's, with a bound or without, and no item of a sum before it",
			"过去五年，累计发放扶持资金368万元，养殖规模稳定在2万匹、5000峰左右，粮食播种面积保持在7万亩以上。",
			[]detail{{"368", "万元", "", "累计", "2014-2018", "fact", "cumulative"}, {"2", "万匹", "", "约", "2018", "fact", "level"},
				{"5000", "峰", "", "约", "2018", "fact", "level"}, {"7", "万亩", "", "以上", "2018", "fact", "level"}}},
	}, anySubject)
	checkNames(t, head, []namesCase{
		{"a tax's revenue (财税收入, 国税收入, 地税收入) is not the tax revenue; 两税收入 (both offices' taxes) is",
			"过去一年，财税收入增长5%，国税收入增长6%，地税收入增长7%，两税收入增长8%，税收收入增长9%。",
			[]string{"", "", "", "tax", "tax"}},
	})
}
