package report

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Period and kind rules the development half's fresh reports called for
// (issue 13, second round), each on sentences written for the test.
func TestPeriodRulesRound2(t *testing.T) {
	checkRules(t, "", []ruleCase{
		{"a news report of the session without a date: the budget carried out names the reviewed year",
			"某镇第十届人民代表大会第一次会议召开\n大会审查了镇2020年财政预算执行情况和2021年财政预算（草案）报告。\n五年来，全镇新建道路30公里。",
			[]detail{{"30", "公里", "道路", "新增,累计", "2016-2020", "fact", "cumulative"}}},
		{"a page's time of posting before the session's date is not the date of delivery",
			"某县政府工作报告（全文）\n某网 2020-08-14 16:05:31 政府报告\n——2016年12月20日在某县第十六届人民代表大会第一次会议上\n一、过去五年工作回顾\n五年来，规模以上工业企业由90家增加到140家。",
			[]detail{{"90", "家", "规模以上工业企业", "", "2011", "fact", "level"}, {"140", "家", "规模以上工业企业", "", "2016", "fact", "level"}}},
		{"由X到Y in a sentence dated with a span's last year: X is the year before the span",
			"某县政府工作报告\n——2017年1月10日在某县人民代表大会上\n四年来，全县经济稳步发展。2016年实现地区生产总值80亿元，税收收入由3亿元增加到4.5亿元；2016年，工业产值由上年的60亿元增加到66亿元。",
			[]detail{{"80", "亿元", "地区生产总值", "", "2016", "fact", "level"}, {"3", "亿元", "税收收入", "", "2012", "fact", "level"}, {"4.5", "亿元", "税收收入", "", "2016", "fact", "level"},
				{"60", "亿元", "工业产值", "", "2015", "fact", "level"}, {"66", "亿元", "工业产值", "", "2016", "fact", "level"}}},
		{"a past plan named as a comparison's base is no passage",
			"某县政府工作报告\n——2017年1月10日在某县人民代表大会上\n五年来共投入扶贫资金3亿元，是“十一五”期间9000万元的3.3倍；农村自来水普及率由70%提高到90%。",
			[]detail{{"3", "亿元", "扶贫资金", "累计", "2012-2016", "fact", "cumulative"}, {"9000", "万元", "", "累计", "2006-2010", "fact", "cumulative"},
				{"3.3", "倍", "", "", "2012-2016", "fact", "ratio"}, {"70", "%", "农村自来水普及率", "", "2011", "fact", "ratio"}, {"90", "%", "农村自来水普及率", "", "2016", "fact", "ratio"}}},
		{"由X with its Y in words is still the start", "某县政府工作报告\n——2017年1月10日在某县人民代表大会上\n五年来，贫困村通电率由60%提高到全覆盖，通邮率由50%提高到95%。",
			[]detail{{"60", "%", "贫困村通电率", "", "2011", "fact", "ratio"}, {"50", "%", "通邮率", "", "2011", "fact", "ratio"}, {"95", "%", "通邮率", "", "2016", "fact", "ratio"}}},
		{"N年 before what it counts: the N years' sum, in a span's review and in one year's",
			"某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n过去五年，全县五年固定资产投资达120亿元，城镇化率达到60%。\n一、2020年工作回顾\n预计2020年，全县地区生产总值完成90亿元，五年跨越2个百亿级台阶，年均增速达到7%；规模以上工业增加值增长6%。",
			[]detail{{"120", "亿元", "固定资产投资", "累计", "2016-2020", "fact", "cumulative"}, {"60", "%", "城镇化率", "", "2020", "fact", "ratio"},
				{"90", "亿元", "地区生产总值", "预计", "2020", "fact", "level"}, {"2", "个", "", "累计,预计", "2016-2020", "fact", "cumulative"},
				{"7", "%", "", "年均,预计", "2016-2020", "fact", "growth"}, {"6", "%", "规模以上工业增加值", "增长,预计", "2020", "fact", "growth"}}},
		{"a rate passed or neared in a span's review is the last year's", "某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n五年来，全县城镇化率超65%，森林覆盖率接近70%，累计植树120万株。",
			[]detail{{"65", "%", "城镇化率", "超过", "2020", "fact", "ratio"}, {"70", "%", "", "近", "2020", "fact", "ratio"}, {"120", "万株", "", "累计", "2016-2020", "fact", "cumulative"}}},
		{"a multiple comparing a level reached with another's is of that level's year", "某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n五年来，脱贫户人均纯收入达到1.6万元，高于国家标准3倍；地区生产总值是2015年的1.5倍。",
			[]detail{{"1.6", "万元", "脱贫户人均纯收入", "", "2020", "fact", "level"}, {"3", "倍", "", "", "2020", "fact", "ratio"}, {"1.5", "倍", "地区生产总值", "", "2016-2020", "fact", "ratio"}}},
		{"the year's planned amount is a target; a project's planned total is what it is", "某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n一、2020年工作回顾\n全年实施重点项目20个，项目计划总投资80亿元，年度计划完成投资15亿元，实际完成投资16.2亿元。",
			[]detail{{"20", "个", "重点项目", "", "2020", "fact", "level"}, {"80", "亿元", "", "", "2020", "fact", "level"}, {"15", "亿元", "", "", "2020", "target", "level"}, {"16.2", "亿元", "", "", "2020", "fact", "level"}}},
		{"创新的一年 describes the year reviewed; 新的一年 opens the next", "某县政府工作报告\n——2025年1月10日在某县人民代表大会上\n一、2024年工作回顾\n这是改革创新的一年，完成改革任务56项。\n新的一年，新建学校3所。",
			[]detail{{"56", "项", "", "", "2024", "fact", "level"}, {"3", "所", "学校", "新增", "2025", "target", "level"}}},
		{"a bound kept every year of a span is the span's", "某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n五年来，全县年度投资均保持在100亿元以上，地区生产总值突破300亿元。",
			[]detail{{"100", "亿元", "", "以上", "2016-2020", "fact", "level"}, {"300", "亿元", "地区生产总值", "超过", "2020", "fact", "level"}}},
		{"words and years split by a PDF line break's space; a stock gathered, and its list, are the end's",
			"某县政府工作报告\n——2017年1月10日在某县人民代表大会上\n五年来，全县工业年产值突 破150亿元，两个园区集聚企业30家、12家。2016年，外贸出口总额是20 11年的3倍。",
			[]detail{{"150", "亿元", "工业年产值", "超过", "2016", "fact", "level"}, {"30", "家", "", "", "2016", "fact", "level"}, {"12", "家", "", "", "2016", "fact", "level"},
				{"3", "倍", "外贸出口总额", "", "2012-2016", "fact", "ratio"}}},
		{"a page's posting date years after the year its heading reviews is not the date of delivery",
			"某县政府工作报告\n某网 2022-06-15 14:20:05\n一、2019年工作回顾\n上半年，全县完成投资20亿元。全年地区生产总值增长7%。\n今年的主要目标是：地区生产总值增长8%。",
			[]detail{{"20", "亿元", "投资", "", "2019", "fact", "level"}, {"7", "%", "地区生产总值", "增长", "2019", "fact", "growth"}, {"8", "%", "地区生产总值", "增长", "2020", "target", "growth"}}},
		{"a title's year without a date: the report of that year reviews the year before",
			"某县2020年政府工作报告\n各位代表：\n过去一年，全县地区生产总值增长7%，财政收入5亿元。\n今年经济社会发展的主要预期目标是：地区生产总值增长8%。",
			[]detail{{"7", "%", "地区生产总值", "增长", "2019", "fact", "growth"}, {"5", "亿元", "财政收入", "", "2019", "fact", "level"}, {"8", "%", "地区生产总值", "增长", "2020", "target", "growth"}}},
		{"a title's year without a date, read while that year still runs: it reviews that year",
			"某县2019年政府工作报告\n各位代表：\n过去一年，预计到年末，全县地区生产总值增长6%。",
			[]detail{{"6", "%", "地区生产总值", "增长,预计", "2019", "fact", "growth"}}},
		{"a goal quoted in a review is a target of the year; the result beside it a fact",
			"某县政府工作报告\n——2023年1月10日在某县人民代表大会上\n一、2022年工作回顾\n年初确定的地区生产总值增长目标为7%，实际增长7.5%；税收收入增长10%，超额完成增长8%的预期目标。",
			[]detail{{"7", "%", "", "增长", "2022", "target", "growth"}, {"7.5", "%", "", "增长", "2022", "fact", "growth"},
				{"10", "%", "税收收入", "增长", "2022", "fact", "growth"}, {"8", "%", "", "增长", "2022", "target", "growth"}}},
		{"a review of some years inside a paragraph of one year's review holds for its sentence",
			"某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n一、2020年工作回顾\n全年地区生产总值增长5%。脱贫攻坚三年来，我们累计投入扶贫资金5亿元。全年新建道路20公里。\n（一）民生事业。三年来，新增就业3000人。\n过去五年，新建学校30所。",
			[]detail{{"5", "%", "地区生产总值", "增长", "2020", "fact", "growth"}, {"5", "亿元", "扶贫资金", "累计", "2018-2020", "fact", "cumulative"},
				{"20", "公里", "道路", "新增", "2020", "fact", "level"}, {"3000", "人", "就业", "新增,累计", "2018-2020", "fact", "cumulative"},
				{"30", "所", "学校", "新增,累计", "2016-2020", "fact", "cumulative"}}},
		{"a heading run into a one-line copy opens its passage", "某县政府工作报告 ——2021年1月10日在某县人民代表大会上 一、2020年工作回顾 全年地区生产总值增长5%。 二、过去五年工作回顾 全县经济稳步发展。新建学校30所。",
			[]detail{{"5", "%", "", "增长", "2020", "fact", "growth"}, {"30", "所", "学校", "新增,累计", "2016-2020", "fact", "cumulative"}}},
		{"a date of delivery in Chinese numerals", "政府工作报告\n——二〇二一年一月二十日在某县第十七届人民代表大会第六次会议上\n各位代表：\n过去一年，全县地区生产总值增长3%。\n今年主要预期目标：地区生产总值增长8%。",
			[]detail{{"3", "%", "地区生产总值", "增长", "2020", "fact", "growth"}, {"8", "%", "地区生产总值", "增长", "2021", "target", "growth"}}},
		{"a December date in Chinese numerals: the year reviewed is that year", "政府工作报告\n——二〇一九年十二月二十六日在某区人民代表大会上\n今年以来，全区地区生产总值增长6%。\n明年主要预期目标：地区生产总值增长6.5%。",
			[]detail{{"6", "%", "地区生产总值", "增长", "2019", "fact", "growth"}, {"6.5", "%", "地区生产总值", "增长", "2020", "target", "growth"}}},
		{"a structure ratio written with ︰; a space before a decimal point", "某县政府工作报告\n——2016年1月10日在某县人民代表大会上\n五年来，三次产业结构从20.5︰40.0︰39.5调整为15.5︰45.2︰39.3；固定资产投资是2010年的2 .7倍。",
			[]detail{{"20.5", "", "第一产业增加值占地区生产总值比重", "", "2010", "fact", "ratio"}, {"40.0", "", "第二产业增加值占地区生产总值比重", "", "2010", "fact", "ratio"},
				{"39.5", "", "第三产业增加值占地区生产总值比重", "", "2010", "fact", "ratio"}, {"15.5", "", "第一产业增加值占地区生产总值比重", "", "2015", "fact", "ratio"},
				{"45.2", "", "第二产业增加值占地区生产总值比重", "", "2015", "fact", "ratio"}, {"39.3", "", "第三产业增加值占地区生产总值比重", "", "2015", "fact", "ratio"},
				{"2.7", "倍", "固定资产投资", "", "2011-2015", "fact", "ratio"}}},
		{"a yearly amount before its 年均 rate in a span's review is the last year's level; an investment completed is still a sum",
			"某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n五年来，全县地区生产总值300亿元，年均增长7%；固定资产投资完成800亿元、年均增长10%；工业总产值500亿元，是2015年的2倍；财政收入20亿元，增长45%。",
			[]detail{{"300", "亿元", "地区生产总值", "", "2020", "fact", "level"}, {"7", "%", "地区生产总值", "年均", "2016-2020", "fact", "growth"},
				{"800", "亿元", "固定资产投资", "累计", "2016-2020", "fact", "cumulative"}, {"10", "%", "固定资产投资", "年均", "2016-2020", "fact", "growth"},
				{"500", "亿元", "工业总产值", "", "2020", "fact", "level"}, {"2", "倍", "工业总产值", "", "2016-2020", "fact", "ratio"},
				{"20", "亿元", "财政收入", "", "2020", "fact", "level"}, {"45", "%", "财政收入", "增长", "2016-2020", "fact", "growth"}}},
		{"a rate of coverage stated bare in a span's review is the end's; a share of what was spent is the span's",
			"某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n五年来，全县森林覆盖率62%，城镇化率为55.3%；民生支出占财政支出比重80%。",
			[]detail{{"62", "%", "森林覆盖率", "", "2020", "fact", "ratio"}, {"55.3", "%", "城镇化率", "", "2020", "fact", "ratio"}, {"80", "%", "民生支出占财政支出比重", "", "2016-2020", "fact", "ratio"}}},
		{"so does the plan carried out", "某县人民代表大会开幕\n会议审查了2022年国民经济和社会发展计划执行情况与2023年计划草案的报告。\n过去一年，全县地区生产总值增长5%。",
			[]detail{{"5", "%", "地区生产总值", "增长", "2022", "fact", "growth"}}},
		{"a date figures run to or from is not the date of delivery", "某县政府工作报告\n过去一年，全县地区生产总值增长5%，截至2022年9月30日，新增市场主体2000户；2022年3月1日以来，新增就业500人。\n2023年主要预期目标：地区生产总值增长6%。",
			[]detail{{"5", "%", "地区生产总值", "增长", "2022", "fact", "growth"}, {"2000", "户", "市场主体", "新增", "2022", "fact", "level"}, {"500", "人", "就业", "新增", "2022", "fact", "level"}, {"6", "%", "地区生产总值", "增长", "2023", "target", "growth"}}},
		{"a news sentence saying what the report reviewed and proposed is no heading", "某县人大会议开幕\n2023-02-20 来源：某县融媒体\n县长作政府工作报告。报告回顾了2022年工作，提出了2023年工作目标和重点任务。\n报告指出，2022年，全县地区生产总值完成95.6亿元。一般公共预算收入6.2亿元，增长8%。\n报告提出，2023年全县主要预期目标是：地区生产总值增长6%以上。",
			[]detail{{"95.6", "亿元", "地区生产总值", "", "2022", "fact", "level"}, {"6.2", "亿元", "一般公共预算收入", "", "2022", "fact", "level"},
				{"8", "%", "一般公共预算收入", "增长", "2022", "fact", "growth"}, {"6", "%", "地区生产总值", "以上,增长", "2023", "target", "growth"}}},
		{"a goal in words inside a review opens no target passage", "某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n一、2020年工作回顾\n在脱贫攻坚中，我们的工作目标是让群众满意，全年投入扶贫资金2亿元。\n新建道路20公里。\n二、2021年工作安排\n今年的主要目标是地区生产总值增长8%。",
			[]detail{{"2", "亿元", "扶贫资金", "", "2020", "fact", "level"}, {"20", "公里", "道路", "新增", "2020", "fact", "level"}, {"8", "%", "", "增长", "2021", "target", "growth"}}},
		{"新的五年 (the coming five years) is no review", "某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n一、2020年工作回顾\n全年地区生产总值增长5%。\n二、2021年工作安排\n今年主要预期目标：地区生产总值增长8%。站在新的五年起点上，新建学校5所。",
			[]detail{{"5", "%", "地区生产总值", "增长", "2020", "fact", "growth"}, {"8", "%", "地区生产总值", "增长", "2021", "target", "growth"}, {"5", "所", "学校", "新增", "2021", "target", "level"}}},
		{"这一年 in a passage of targets is that passage's year", "某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n一、2020年工作回顾\n全年地区生产总值增长5%。\n二、2021年工作安排\n2021年是开局之年，做好这一年的工作意义重大。全年新建学校5所。",
			[]detail{{"5", "%", "地区生产总值", "增长", "2020", "fact", "growth"}, {"5", "所", "学校", "新增", "2021", "target", "level"}}},
		{"a past period named inside a clause of targets returns to no review; one opening a clause does", "某县人大会议开幕\n2021-01-10 来源：某县融媒体\n一、2020年工作回顾\n全年地区生产总值增长5%。\n二、2021年工作安排\n主要预期目标：地区生产总值增长8%。我们要巩固过去一年的成果，新建学校5所。五年来的实践告诉我们，必须坚持发展。全年新增就业3000人。报告指出，三年来，全县累计投入扶贫资金9亿元。",
			[]detail{{"5", "%", "地区生产总值", "增长", "2020", "fact", "growth"}, {"8", "%", "地区生产总值", "增长", "2021", "target", "growth"},
				{"5", "所", "学校", "新增", "2021", "target", "level"}, {"3000", "人", "就业", "新增", "2021", "target", "level"},
				{"9", "亿元", "扶贫资金", "累计", "2018-2020", "fact", "cumulative"}}},
		{"a horizon's goal (到2035年…远景目标) names no year targeted next", "某县人大会议开幕\n会议指出，到2035年基本实现社会主义现代化远景目标。过去一年，全县地区生产总值增长5%。2021年，全县定下的目标：地区生产总值增长8%。",
			[]detail{{"5", "%", "地区生产总值", "增长", "2020", "fact", "growth"}, {"8", "%", "地区生产总值", "增长", "2021", "target", "growth"}}},
		{"a review of the first half of a year and the plans for the rest of it", "某镇2022年上半年工作总结及下半年工作打算\n一、上半年工作总结\n上半年，全镇完成固定资产投资2.5亿元，同比增长9%。\n二、下半年工作打算\n力争全年完成固定资产投资5亿元。",
			[]detail{{"2.5", "亿元", "固定资产投资", "", "2022", "fact", "level"}, {"9", "%", "固定资产投资", "增长", "2022", "fact", "growth"}, {"5", "亿元", "", "", "2022", "target", "level"}}},
		{"a review heading with 主要 between the year and 工作回顾", "政府工作报告\n——2023年1月10日在某县人民代表大会上\n二、2023年主要预期目标\n地区生产总值增长6%。\n一、2022年主要工作回顾\n地区生产总值增长4%。全年新建学校3所。",
			[]detail{{"6", "%", "", "增长", "2023", "target", "growth"}, {"4", "%", "", "增长", "2022", "fact", "growth"}, {"3", "所", "学校", "新增", "2022", "fact", "level"}}},
		{"a year's summary and plan written with 年度", "某街道2021年度工作总结和2022年度工作计划\n一、2021年度工作总结\n全年实现税收收入2.1亿元，增长6%。新增市场主体800户。\n二、2022年度工作计划\n力争税收收入增长8%。新增市场主体1000户。",
			[]detail{{"2.1", "亿元", "税收收入", "", "2021", "fact", "level"}, {"6", "%", "税收收入", "增长", "2021", "fact", "growth"}, {"800", "户", "市场主体", "新增", "2021", "fact", "level"},
				{"8", "%", "", "增长", "2022", "target", "growth"}, {"1000", "户", "市场主体", "新增", "2022", "target", "level"}}},
	}, anySubject)
}

func TestContentsAreNoPassage(t *testing.T) {
	text := "某县人民代表大会开幕\n——2018年4月20日\n县长作政府工作报告。报告分为三个部分：2017年工作回顾、2018年工作安排、加强政府自身建设。\n县长说，2017年，全县上下攻坚克难。全县生产总值完成50.2亿元，增长7%。\n" +
		"一、2017年工作回顾\n全年新建道路12公里。\n二、2018年工作目标\n力争生产总值增长8%。"
	want := []detail{{"50.2", "亿元", "生产总值", "", "2017", "fact", "level"}, {"7", "%", "生产总值", "增长", "2017", "fact", "growth"},
		{"12", "公里", "道路", "新增", "2017", "fact", "level"}, {"8", "%", "生产总值", "增长", "2018", "target", "growth"}}
	if diff := cmp.Diff(want, details(Extract(strings.Split(text, "\n"), Options{}))); diff != "" {
		t.Errorf("a list of the report's parts is no heading (-want +got):\n%s", diff)
	}
}
