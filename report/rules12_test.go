package report

import "testing"

// Rules found on dev-next (blind batch 11's development half), written as
// sentences of no report: a plan's list announced with a will-word, the
// end of a five-year plan opening a sentence, a level kept each year, a
// cluster's size, a goal named after its amount, shared heads of residents,
// 名 counting people, a list item's number.
func TestReadingRulesRound5(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n"
	checkRules(t, head, []ruleCase{
		{"a count of works the government will do, opening a list (将…抓好N件…。分别是：), makes the list the next year's plan; works done stay facts",
			"过去一年，我们完成了10件民生实事，新建学校3所。县政府将继续加大民生投入，重点抓好12件民生实事。分别是：（1）新建学校4所。（2）改造道路20公里。",
			[]detail{{"10", "件", "", "", "2018", "fact", "level"}, {"3", "所", "", "新增", "2018", "fact", "level"},
				{"12", "件", "", "", "2019", "target", "level"}, {"4", "所", "", "新增", "2019", "target", "level"},
				{"20", "公里", "", "", "2019", "target", "level"}}},
		{"a will-word with a count of works but no list after it opens no plan",
			"过去一年，我们将15件民生实事全部办好，改造道路20公里。",
			[]detail{{"15", "件", "", "", "2018", "fact", "level"}, {"20", "公里", "", "", "2018", "fact", "level"}}},
		{"a plan's end ahead of the year reviewed opens that year's targets",
			"过去一年，税收收入增长5%。到“十四五”末，全县地区生产总值达到300亿元。",
			[]detail{{"5", "%", "", "增长", "2018", "fact", "growth"}, {"300", "亿元", "", "", "2025", "target", "level"}}},
		{"a level kept every year of a span (常年保持在, 连年稳定在) is the span's; kept without such a word, the span's end",
			"过去五年，粮食产量常年保持在40万吨以上，油料产量连年稳定在2万吨，生猪存栏稳定在10万头。",
			[]detail{{"40", "万吨", "粮食产量", "以上", "2014-2018", "fact", "level"}, {"2", "万吨", "油料产量", "", "2014-2018", "fact", "level"},
				{"10", "万头", "", "", "2018", "fact", "level"}}},
		{"in a five-year review an amount naming the size of a cluster or chain formed (形成50亿元产业集群) is the span's end; money spent sums",
			"过去五年，形成50亿元畜禽产业集群，投入资金20亿元。",
			[]detail{{"50", "亿元", "", "", "2018", "fact", "level"}, {"20", "亿元", "", "累计", "2014-2018", "fact", "cumulative"}}},
		{"an amount with a goal named after it by its setter (175亿元市定目标, 县下达目标) is the goal, a target; the amount beyond a goal stays a result",
			"过去一年，固定资产投资超额完成175亿元市定目标，税收收入完成8亿元县下达目标，超额完成年度指标3亿元。",
			[]detail{{"175", "亿元", "", "", "2018", "target", "level"}, {"8", "亿元", "", "", "2018", "target", "level"},
				{"3", "亿元", "", "", "2018", "fact", "level"}}},
		{"名 counts the people after it, 以上 or not (引导1000名以上高校毕业生就业); a bound of another measure before a noun names a class",
			"过去一年，引导1000名以上高校毕业生就业，60岁以上老人2万人享受补贴。",
			[]detail{{"1000", "名", "", "以上", "2018", "fact", "level"}, {"2", "万人", "", "", "2018", "fact", "level"}}},
		{"a time word opening a 、 list of projects does not hide the new-word heading it (全年新签约引进甲、乙等项目30个); its 其中 parts count new ones too",
			"过去一年，全年新签约引进甲产业园、乙电子等项目30个，其中亿元以上项目15个。",
			[]detail{{"30", "个", "", "新增", "2018", "fact", "level"}, {"15", "个", "", "新增", "2018", "fact", "level"}}},
	}, anySubject)
	checkRules(t, "某县政府工作报告\n——2021年1月10日\n", []ruleCase{
		{"the end of a five-year plan opening a sentence (“十三五”末，) is the plan's last year: levels and flows of that year, 年均 rates the span's",
			"五年来，我们团结奋进。“十三五”末，全县固定资产投资完成130亿元，年均增长10.4%；累计完成投资500亿元。",
			[]detail{{"130", "亿元", "", "", "2020", "fact", "level"}, {"10.4", "%", "", "年均", "2016-2020", "fact", "growth"},
				{"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"}}},
	}, anySubject)
}

// Subjects and names found on dev-next.
func TestNamesRound5(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n"
	checkRules(t, head, []ruleCase{
		{"a list item's number ((8), 3、) is no part of the subject",
			"过去一年，重点办好以下实事：(8)建成公共厕所120座；3、建成健身中心2处。",
			[]detail{{"120", "座", "公共厕所", "", "2018", "fact", "level"}, {"2", "处", "健身中心", "", "2018", "fact", "level"}}},
		{"a place of residence shares the head after the last item's own place, however long (城镇和农村牧区常住居民…)",
			"过去一年，城镇和农村牧区常住居民人均可支配收入分别增长5%和7%，城镇、农村人均居民可支配收入分别达到5万元、2万元。",
			[]detail{{"5", "%", "城镇常住居民人均可支配收入", "增长", "2018", "fact", "growth"}, {"7", "%", "农村牧区常住居民人均可支配收入", "增长", "2018", "fact", "growth"},
				{"5", "万元", "城镇人均居民可支配收入", "", "2018", "fact", "level"}, {"2", "万元", "农村人均居民可支配收入", "", "2018", "fact", "level"}}},
	})
	checkNames(t, head, []namesCase{
		{"签约 before an amount (签约固投额, 签约资金) is an agreed amount, no realized series; 同口径 before 年均增长 restates the series",
			"过去一年，完成签约固投额35亿元，固定资产投资完成30亿元；一般公共预算收入6亿元，同口径年均增长10%。一般公共预算收入增长8%。",
			[]string{"", "fai", "budget_revenue", "", "budget_revenue"}},
	})
}

// Rules found on blind batch 12's development half.
func TestReadingRulesRound6(t *testing.T) {
	checkRules(t, "", []ruleCase{
		{"a digest's question on a year's results (取得了哪些成绩) states that year: it is the one reviewed, without a date, however often the next is named",
			"12月24日，县十八届人大五次会议开幕。2025年我县取得了哪些成绩？2026年又有哪些工作安排？2026年怎么干？2026年看点多。过去一年，新建学校3所。",
			[]detail{{"3", "所", "", "新增", "2025", "fact", "level"}}},
	}, anySubject)
	const head = "某县政府工作报告\n——2019年1月10日\n一、2018年工作回顾\n"
	checkRules(t, head, []ruleCase{
		{"新的一年 in a clause saying what a year was (是…守正出新的一年) opens no targets; heading a passage it does",
			"刚刚过去的一年，是攻坚克难的一年，是干部群众守正出新的一年。实现生产总值82亿元，增长6.3%。\n新的一年，地区生产总值增长6%。",
			[]detail{{"82", "亿元", "", "", "2018", "fact", "level"}, {"6.3", "%", "", "增长", "2018", "fact", "growth"},
				{"6", "%", "", "增长", "2019", "target", "growth"}}},
		{"a verb of decline with 到/至 (减少到57个, 压减至3家) gives the level reached; opening a clause without it, the fall",
			"过去一年，贫困县从75个减少到57个，落后企业压减至3家，减少政府债务6亿元。",
			[]detail{{"75", "个", "", "", "2017", "fact", "level"}, {"57", "个", "", "", "2018", "fact", "level"},
				{"3", "家", "", "", "2018", "fact", "level"}, {"6", "亿元", "", "下降", "2018", "fact", "growth"}}},
		{"a voltage right before a noun (110kV变电站, 500千伏输变电工程) names a station's class, no figure; a count after it and a voltage ending its clause are figures",
			"过去一年，110kV移湖变电站扩容工程启动，建成500千伏输变电工程2项，最高电压达到220千伏，电压330千伏并网运行。",
			[]detail{{"2", "项", "", "", "2018", "fact", "level"}, {"220", "千伏", "", "", "2018", "fact", "level"}, {"330", "千伏", "", "", "2018", "fact", "level"}}},
		{"过 before a money bound and 的 is 超过: both name a class of size the same way (no figure); 通过 is no bound",
			"过去一年，总投资超过26亿元的甲项目开工，总投资过26亿元的乙项目开工，通过5亿元的债券融资。",
			[]detail{{"5", "亿元", "", "", "2018", "fact", "level"}}},
	}, anySubject)
}

// Rules found on blind batch 13's development half.
func TestReadingRulesRound7(t *testing.T) {
	checkRules(t, "", []ruleCase{
		{"今年 with months not yet past in the month of posting (今年1-11月 on a page of January) is the year reviewed, written before it ended; months past are the year of posting's",
			"某街道2022年工作总结\n发布日期:2023-01-12\n一、2022年工作成效\n今年1-11月，街道实现财政总收入18亿元。\n",
			[]detail{{"18", "亿元", "", "", "2022", "fact", "level"}}},
		{"a heading of a part of the year's work (上半年主要工作回顾) opens its facts after an announcement of the plan for the rest of the year",
			"某街道2022年半年度工作总结\n发布日期:2022-12-02\n今年以来，我们努力工作。现将上半年工作进度及下半年工作计划公布如下:\n一、上半年主要工作回顾\n1.全过程推进常规防控。设置核酸检测点111个。\n",
			[]detail{{"111", "个", "", "", "2022", "fact", "level"}}},
	}, anySubject)
	checkRules(t, "某区政府工作报告\n——2025年1月10日\n", []ruleCase{
		{"N years' goal reached k years early (提前一年实现三年…目标) spans the N years ending k years after the one reviewed; N years without it end with it",
			"过去一年，提前一年实现三年引资1万亿元目标，三年累计完成投资500亿元。",
			[]detail{{"1", "万亿元", "", "累计", "2023-2025", "target", "cumulative"}, {"500", "亿元", "", "累计", "2022-2024", "fact", "cumulative"}}},
	}, anySubject)
	checkRules(t, "某县政府工作报告\n——2019年1月10日\n", []ruleCase{
		{"增设 counts facilities added, as 新建 does",
			"过去一年，增设停车泊位350余个，建成公园3个。",
			[]detail{{"350", "个", "", "余,新增", "2018", "fact", "level"}, {"3", "个", "", "", "2018", "fact", "level"}}},
	}, anySubject)
}

// Rules found on blind batch 14's development half.
func TestReadingRulesRound8(t *testing.T) {
	checkRules(t, "", []ruleCase{
		{"a year's own summary (今年工作总结报告如下) reviews the year running: no targets, and 今年 is that year",
			"2022年，某街道各项工作取得新成效。现将今年工作总结报告如下:\n一、经济社会稳步发展\n截至10月底，地方税收收入达8.63亿元。今年1至11月累计完成投资5500万元。\n",
			[]detail{{"8.63", "亿元", "", "", "2022", "fact", "level"}, {"5500", "万元", "", "累计", "2022", "fact", "level"}}},
		{"the same summary on a page posted the next spring: 今年工作总结 still opens no targets of the year of posting",
			"发布日期:2023-03-14\n一、2022年工作回顾\n现将今年工作总结报告如下:\n地方税收收入达8.63亿元。\n",
			[]detail{{"8.63", "亿元", "", "", "2022", "fact", "level"}}},
		{"the same with 今年 opening the sentence (今年工作总结如下：)",
			"发布日期:2023-03-14\n一、2022年工作回顾\n今年工作总结如下：地方税收收入达8.63亿元。\n",
			[]detail{{"8.63", "亿元", "", "", "2022", "fact", "level"}}},
	}, anySubject)
	checkRules(t, "某县政府工作报告\n——2021年1月10日\n", []ruleCase{
		{"a label's colon before a ratio (结构比为:33:14:53) starts no time; a ratio's middle part (14:53) is no time of day; a time stays none",
			"过去一年，三次产业结构比为:33:14:53，比例为33:14:53。会议于8:30开幕。",
			[]detail{{"33", "", "", "", "2020", "fact", "ratio"}, {"14", "", "", "", "2020", "fact", "ratio"}, {"53", "", "", "", "2020", "fact", "ratio"},
				{"33", "", "", "", "2020", "fact", "ratio"}, {"14", "", "", "", "2020", "fact", "ratio"}, {"53", "", "", "", "2020", "fact", "ratio"}}},
		{"累计 before a net change (累计净增, 累计减少) sums the change: still a growth or a decline",
			"过去一年，累计净增耕地3140亩，累计减少债务3亿元。",
			[]detail{{"3140", "亩", "", "增长,累计", "2020", "fact", "growth"}, {"3", "亿元", "", "下降,累计", "2020", "fact", "growth"}}},
	}, anySubject)
}

// Rules found on blind batch 15's development half.
func TestReadingRulesRound9(t *testing.T) {
	checkRules(t, "", []ruleCase{
		{"a page dated the session's own day (2022年02月24日 over 2月24日，…第一次会议开幕) is dated by the session: the year before is reviewed, whatever the headline's year opens",
			"某区:2022年地区生产总值增长8%以上\n2022年02月24日10:43 |\n2月24日，某区第十九届人民代表大会第一次会议开幕。\n今年的主要预期目标是：地区生产总值增长8%以上，新增城镇就业3.87万人。\n",
			[]detail{{"8", "%", "", "以上,增长", "2022", "target", "growth"}, {"8", "%", "", "以上,增长", "2022", "target", "growth"},
				{"3.87", "万人", "", "新增", "2022", "target", "level"}}},
	}, anySubject)
	checkRules(t, "某街道2022年工作总结\n发布日期:2022-11-14\n一、2022年工作回顾\n", []ruleCase{
		{"今年 and a series' plan before an amount (今年固投计划13亿元) is the year's planned amount, a target; the amount done is a fact",
			"今年固投计划13亿元，累计完成投资15亿元。",
			[]detail{{"13", "亿元", "", "", "2022", "target", "level"}, {"15", "亿元", "", "累计", "2022", "fact", "level"}}},
	}, anySubject)
}
