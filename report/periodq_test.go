package report

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Period and kind rules blind batch 4's development half called for
// (issue 13, third round), each on sentences written for the test: the
// structure they read, and its edges.
func TestPeriodRulesRound3(t *testing.T) {
	checkRules(t, "", []ruleCase{
		{"a page's 回顾 before a date is no review heading",
			"往期回顾\n2021年03月16日\n某县人民政府工作报告\n——2021年3月3日在某县人民代表大会上\n一、2020年工作回顾\n全年地区生产总值增长5%。",
			[]detail{{"5", "%", "", "增长", "2020", "fact", "growth"}}},
		{"回顾 before a year that is no date still names the year reviewed",
			"某县人大会议开幕\n县长作报告，回顾2020年工作。全县地区生产总值增长5%。",
			[]detail{{"5", "%", "", "增长", "2020", "fact", "growth"}}},
		{"a span's part singled out by 特别是 is only stressed: the span holds",
			"某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n五年来特别是党的十九大以来，全县地区生产总值年均增长7%，累计完成投资500亿元。过去五年，尤其是2018年以来，新建学校20所。",
			[]detail{{"7", "%", "", "年均", "2016-2020", "fact", "growth"}, {"500", "亿元", "", "累计", "2016-2020", "fact", "cumulative"},
				{"20", "所", "", "新增,累计", "2016-2020", "fact", "cumulative"}}},
		{"in one year's review 特别是…以来 still opens its span",
			"某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n一、2020年工作回顾\n全年地区生产总值增长5%。近年来特别是党的十八大以来，全县累计脱贫1.2万人。",
			[]detail{{"5", "%", "", "增长", "2020", "fact", "growth"}, {"1.2", "万人", "", "累计", "2013-2020", "fact", "cumulative"}}},
		{"without 特别是 the event still opens its span",
			"某县政府工作报告\n——2021年1月10日在某县人民代表大会上\n一、2020年工作回顾\n全年地区生产总值增长5%。党的十九大以来，全县累计完成投资300亿元。",
			[]detail{{"5", "%", "", "增长", "2020", "fact", "growth"}, {"300", "亿元", "", "累计", "2018-2020", "fact", "cumulative"}}},
		{"a heading of the government's term review opens the term",
			"政府工作报告\n——2017年1月15日在某县第十七届人民代表大会第一次会议上\n一、本届政府工作回顾\n全县财政收入由2.3亿元提高到4.3亿元，年均增长13.2%。",
			[]detail{{"2.3", "亿元", "", "", "2011", "fact", "level"}, {"4.3", "亿元", "", "", "2016", "fact", "level"}, {"13.2", "%", "", "年均", "2012-2016", "fact", "growth"}}},
		{"since the first session of the congress that elected the government: the term",
			"政府工作报告\n——2017年1月15日在某县第十七届人民代表大会第一次会议上\n县十六届人大一次会议以来，全县累计完成投资120亿元。",
			[]detail{{"120", "亿元", "", "累计", "2012-2016", "fact", "cumulative"}}},
		{"since a later session: no term span",
			"政府工作报告\n——2019年1月15日在某县第十七届人民代表大会第三次会议上\n县十七届人大二次会议以来，全县完成投资30亿元。",
			[]detail{{"30", "亿元", "", "", "2018", "fact", "level"}}},
		{"a page's date years after every year the text names is a repost's: the text's own years decide",
			"某镇人民代表大会召开\n日期:2025-12-28 14:41:45 来源:网络\n报告指出，2016年是开局之年。一年来，全镇生产总值达28.9亿元，增长10%。\n报告提出，2017年工作安排：今年主要预期目标是：生产总值增长9%左右。",
			[]detail{{"28.9", "亿元", "", "", "2016", "fact", "level"}, {"10", "%", "", "增长", "2016", "fact", "growth"}, {"9", "%", "", "增长,约", "2017", "target", "growth"}}},
		{"a page's date the year after the one the text names is still the delivery",
			"某镇人民代表大会召开\n日期:2017-03-02 09:41:45 来源:网络\n报告指出，2016年是开局之年。一年来，全镇生产总值达28.9亿元。今年主要预期目标是：生产总值增长9%左右。",
			[]detail{{"28.9", "亿元", "", "", "2016", "fact", "level"}, {"9", "%", "", "增长,约", "2017", "target", "growth"}}},
		{"a page's date over a text that names no year is all there is",
			"某镇人民代表大会召开\n日期:2022-01-10 11:18:36 来源:网络\n会议指出，过去一年，全镇生产总值增长6%。今后五年，地区生产总值年均增长7%。",
			[]detail{{"6", "%", "", "增长", "2021", "fact", "growth"}, {"7", "%", "", "年均", "2022-2026", "target", "growth"}}},
		{"a date without a time of day is no page's posting: it stands over a text naming only a base year",
			"某县政府工作报告\n——2019年1月10日\n过去五年，城镇居民人均可支配收入从2013年的30000元提高到42000元。",
			[]detail{{"30000", "元", "", "", "2013", "fact", "level"}, {"42000", "元", "", "", "2018", "fact", "level"}}},
		{"a page's time of posting over a text without review or target headings stands, whatever base years it names",
			"某县人大会议开幕\n日期:2021-01-12 10:05:31 来源:网络\n报告指出，过去一年，全县地区生产总值增长4%，比2015年增长40%。",
			[]detail{{"4", "%", "", "增长", "2020", "fact", "growth"}, {"40", "%", "", "增长", "2016-2020", "fact", "growth"}}},
		{"a session's date by year and month only: early in a year, the year before is reviewed",
			"政府工作报告\n（2021年2月在某县第十七届人民代表大会第五次会议上）\n各位代表：\n过去一年，全县地区生产总值增长4%。\n今年主要预期目标：地区生产总值增长8%。",
			[]detail{{"4", "%", "", "增长", "2020", "fact", "growth"}, {"8", "%", "", "增长", "2021", "target", "growth"}}},
		{"…and from October, that year",
			"政府工作报告\n（2020年12月在某县第十七届人民代表大会第五次会议上）\n各位代表：\n今年以来，全县地区生产总值增长4%。\n明年主要预期目标：地区生产总值增长8%。",
			[]detail{{"4", "%", "", "增长", "2020", "fact", "growth"}, {"8", "%", "", "增长", "2021", "target", "growth"}}},
		{"a plan for a year over 今年以来, with no date: written at the end of the year before, which it reviews",
			"某街道工作情况\n一、工作完成情况\n今年以来，街道完成固定资产投资5亿元，同比增长8%。\n二、2024年工作计划\n力争完成固定资产投资6亿元。",
			[]detail{{"5", "亿元", "", "", "2023", "fact", "level"}, {"8", "%", "", "增长", "2023", "fact", "growth"}, {"6", "亿元", "", "", "2024", "target", "level"}}},
		{"without 今年以来 the plan's year is the year of delivery, after the one reviewed",
			"某县工作情况\n一、工作完成情况\n过去一年，全县完成固定资产投资5亿元。\n二、2024年工作计划\n今年力争完成固定资产投资6亿元。",
			[]detail{{"5", "亿元", "", "", "2023", "fact", "level"}, {"6", "亿元", "", "", "2024", "target", "level"}}},
		{"a session's date stands whatever years the text names",
			"政府工作报告\n——2025年1月10日在某县人民代表大会上\n2016年以来，全县累计投资100亿元。",
			[]detail{{"100", "亿元", "", "累计", "2016-2024", "fact", "cumulative"}}},
		{"a title's year over an account of this year's work done: the year is still running",
			"某镇2021年政府工作报告\n现将一年来工作总结如下。\n一、本年度重点工作完成情况\n全镇农村社会总产值预计完成11亿元。2021年实施项目17个。",
			[]detail{{"11", "亿元", "", "预计", "2021", "fact", "level"}, {"17", "个", "", "", "2021", "fact", "level"}}},
		{"本年度 naming this year's goals is no account of work done: the title's year is delivered after the year reviewed",
			"某镇2021年政府工作报告\n过去一年，全镇生产总值增长6%。\n本年度主要目标：生产总值增长7%。",
			[]detail{{"6", "%", "", "增长", "2020", "fact", "growth"}, {"7", "%", "", "增长", "2021", "target", "growth"}}},
		{"a year joined to a figure by 的 dates that figure's clause, not the rest of its sentence",
			"某州政府工作报告\n——2016年2月26日在某州人民代表大会上\n过去的五年，全州地区生产总值由2010年的77亿元跃升到2015年的161.1亿元，年均增长13.8%；累计完成投资1008亿元，是“十一五”的2.5倍；人口自然增长率控制在4.8‰以内。",
			[]detail{{"77", "亿元", "", "", "2010", "fact", "level"}, {"161.1", "亿元", "", "", "2015", "fact", "level"}, {"13.8", "%", "", "年均", "2011-2015", "fact", "growth"},
				{"1008", "亿元", "", "累计", "2011-2015", "fact", "cumulative"}, {"2.5", "倍", "", "", "2011-2015", "fact", "ratio"}, {"4.8", "‰", "", "以内", "2011-2015", "fact", "ratio"}}},
		{"a year before its figure's noun (2015年，…) still holds for its sentence",
			"某州政府工作报告\n——2016年2月26日在某州人民代表大会上\n过去的五年，全州累计完成投资1008亿元。2015年，全州地区生产总值161.1亿元，增长8%，人口自然增长率4.8‰。",
			[]detail{{"1008", "亿元", "", "累计", "2011-2015", "fact", "cumulative"}, {"161.1", "亿元", "", "", "2015", "fact", "level"}, {"8", "%", "", "增长", "2015", "fact", "growth"}, {"4.8", "‰", "", "", "2015", "fact", "ratio"}}},
		{"从X和Y提高到Z和W: Y is a start too, of X's year",
			"某区政府工作报告\n——2021年3月1日在某区人民代表大会上\n过去五年，城乡常住居民人均可支配收入从2015年的34731元和14824元提高到48942元和22790元，年均增长7.1%和9.0%。",
			[]detail{{"34731", "元", "", "", "2015", "fact", "level"}, {"14824", "元", "", "", "2015", "fact", "level"}, {"48942", "元", "", "", "2020", "fact", "level"}, {"22790", "元", "", "", "2020", "fact", "level"},
				{"7.1", "%", "", "年均", "2016-2020", "fact", "growth"}, {"9.0", "%", "", "年均", "2016-2020", "fact", "growth"}}},
		{"从X，增长至Y: the verb opening the next clause still makes X the start",
			"某镇政府工作报告\n——2023年3月1日在某镇人民代表大会上\n一、2022年工作回顾\n一年来，社会生产总值从2021年的6.35亿元，增长至2022年的6.46亿元；农民人均纯收入从18753元，增长至19818元。",
			[]detail{{"6.35", "亿元", "", "", "2021", "fact", "level"}, {"6.46", "亿元", "", "", "2022", "fact", "level"}, {"18753", "元", "", "", "2021", "fact", "level"}, {"19818", "元", "", "", "2022", "fact", "level"}}},
		{"从X，Y in another clause without a verb of change: no start",
			"某镇政府工作报告\n——2023年3月1日在某镇人民代表大会上\n一、2022年工作回顾\n一年来，从源头抓起，新建道路12公里，完成投资3亿元。",
			[]detail{{"12", "公里", "", "新增", "2022", "fact", "level"}, {"3", "亿元", "", "", "2022", "fact", "level"}}},
		{"in a span's review a yearly amount passing a bound in a bare 亿 is the last year's; an amount spent is still a sum",
			"某市政府工作报告\n——2022年1月11日在某市人民代表大会上\n五年来，全市规上工业总产值突破300亿规模，累计投入资金超50亿。",
			[]detail{{"300", "亿", "", "超过", "2021", "fact", "level"}, {"50", "亿", "", "累计,超过", "2017-2021", "fact", "cumulative"}}},
		{"a share with its change in points after it is a level at the span's end; a share alone of what the span spent is the span's",
			"某市政府工作报告\n——2022年1月11日在某市人民代表大会上\n五年来，七大产业产值占工业比重88.4%，提高23.4个百分点；民生支出占财政支出比重80%。",
			[]detail{{"88.4", "%", "", "", "2021", "fact", "ratio"}, {"23.4", "个百分点", "", "增长", "2017-2021", "fact", "points"}, {"80", "%", "", "", "2017-2021", "fact", "ratio"}}},
		{"a contribution to growth is the span's, even when 达 reaches it; in one year's review the year's",
			"某区政府工作报告\n——2021年3月1日在某区人民代表大会上\n过去五年，现代服务业集聚发展，对经济增长贡献率达59.8%。\n二、2020年工作回顾\n全年消费对经济增长贡献率为60%。",
			[]detail{{"59.8", "%", "", "", "2016-2020", "fact", "ratio"}, {"60", "%", "", "", "2020", "fact", "ratio"}}},
		{"a verb of holding heads its whole 、 list: each item is a stock at the span's end",
			"某区政府工作报告\n——2021年3月1日在某区人民代表大会上\n过去五年，全区聚集了甲银行等3家外资金融总部、乙银行等12家银行金融总部和丙公司、丁网等62户总部企业。",
			[]detail{{"3", "家", "", "", "2020", "fact", "level"}, {"12", "家", "", "", "2020", "fact", "level"}, {"62", "户", "", "", "2020", "fact", "level"}}},
		{"an item of the list with its own verb of bringing in is a flow again",
			"某区政府工作报告\n——2021年3月1日在某区人民代表大会上\n过去五年，全区拥有高新技术企业80家、引进总部企业12家。",
			[]detail{{"80", "家", "", "", "2020", "fact", "level"}, {"12", "家", "", "累计", "2016-2020", "fact", "cumulative"}}},
		{"a part (其中) of a sum over the span is summed too, whatever class it names",
			"某镇政府工作报告\n——2016年11月24日在某镇人民代表大会上\n一、过去五年工作回顾\n五年来，落户园区企业24家，其中亿元级企业9家。全镇现有亿元级企业15家。",
			[]detail{{"24", "家", "", "累计", "2012-2016", "fact", "cumulative"}, {"9", "家", "", "累计", "2012-2016", "fact", "cumulative"}, {"15", "家", "", "", "2016", "fact", "level"}}},
		{"projects under negotiation or construction as the report speaks are a stock at its time",
			"某镇政府工作报告\n——2016年11月24日在某镇人民代表大会上\n一、过去五年工作回顾\n五年来，招引项目30个，在谈项目投资规模近3亿元，在建项目8个。",
			[]detail{{"30", "个", "", "累计", "2012-2016", "fact", "cumulative"}, {"3", "亿元", "", "近", "2016", "fact", "level"}, {"8", "个", "", "", "2016", "fact", "level"}}},
		{"a size naming an item of a list the clause counts is neither a sum nor the end's; the count is a sum",
			"某市政府工作报告\n——2022年1月11日在某市人民代表大会上\n五年来，实施甲公司120万吨焦化、乙公司大型型材等551个重点产业项目。",
			[]detail{{"120", "万吨", "", "", "2017-2021", "fact", "level"}, {"551", "个", "", "累计", "2017-2021", "fact", "cumulative"}}},
		{"全年 in the review of a span is the year reviewed, for its sentence; a year named before it keeps its own",
			"政府工作报告\n——2023年1月8日在某县人民代表大会上\n一、过去五年工作回顾\n过去五年，全县地区生产总值年均增长6%。全年新建学校3所，完成投资80亿元。2020年全年新增就业5000人。累计建成道路300公里。",
			[]detail{{"6", "%", "", "年均", "2018-2022", "fact", "growth"}, {"3", "所", "", "新增", "2022", "fact", "level"}, {"80", "亿元", "", "", "2022", "fact", "level"},
				{"5000", "人", "", "新增", "2020", "fact", "level"}, {"300", "公里", "", "累计", "2018-2022", "fact", "cumulative"}}},
		{"goals said to be reached after their name are the review's results; a goal's name with a colon still opens targets",
			"政府工作报告\n——2020年1月8日在某县人民代表大会上\n一、2019年工作回顾\n过去一年，全县主要预期目标全面完成，地区生产总值增长7%，财政收入5亿元。\n二、2020年工作安排\n主要预期目标：地区生产总值增长6.5%。",
			[]detail{{"7", "%", "", "增长", "2019", "fact", "growth"}, {"5", "亿元", "", "", "2019", "fact", "level"}, {"6.5", "%", "", "增长", "2020", "target", "growth"}}},
		{"a goal stated as what is to be done in full (目标：全面完成…) still opens targets",
			"政府工作报告\n——2020年1月8日在某县人民代表大会上\n一、2019年工作回顾\n过去一年，全县地区生产总值增长7%。报告提出，主要预期目标：全面完成脱贫任务，地区生产总值增长6.5%。",
			[]detail{{"7", "%", "", "增长", "2019", "fact", "growth"}, {"6.5", "%", "", "增长", "2020", "target", "growth"}}},
		{"the amount by which a goal was surpassed is a result; the goal's own amount a target",
			"政府工作报告\n——2020年1月8日在某县人民代表大会上\n一、2019年工作回顾\n过去一年，税收收入完成10亿元，超额完成年度目标任务1亿元；固定资产投资完成20亿元，年度目标任务18亿元。",
			[]detail{{"10", "亿元", "", "", "2019", "fact", "level"}, {"1", "亿元", "", "", "2019", "fact", "level"}, {"20", "亿元", "", "", "2019", "fact", "level"}, {"18", "亿元", "", "", "2019", "target", "level"}}},
		{"in a passage of targets a stock as the report speaks (目前…) is a fact of the year reviewed, to its figure's clause; a task after 目前 is still a target",
			"政府工作报告\n——2024年3月8日在某县人民代表大会上\n一、2023年工作回顾\n全县地区生产总值增长6%。\n二、2024年工作安排\n目前，全县共有规模以上企业300家，今年力争达到350家，新增企业50家。当前发展面临挑战，要新建学校3所。目前要新建道路5公里。",
			[]detail{{"6", "%", "", "增长", "2023", "fact", "growth"}, {"300", "家", "", "", "2023", "fact", "level"}, {"350", "家", "", "", "2024", "target", "level"},
				{"50", "家", "", "新增", "2024", "target", "level"}, {"3", "所", "", "新增", "2024", "target", "level"}, {"5", "公里", "", "新增", "2024", "target", "level"}}},
		{"in a December report the stock is of the year it reviews too",
			"政府工作报告\n——2023年12月20日在某县人民代表大会上\n一、2023年工作回顾\n今年以来，全县地区生产总值增长6%。\n二、2024年工作安排\n目前，全县共有规模以上企业300家，明年力争达到350家。",
			[]detail{{"6", "%", "", "增长", "2023", "fact", "growth"}, {"300", "家", "", "", "2023", "fact", "level"}, {"350", "家", "", "", "2024", "target", "level"}}},
		{"a heading of the tasks ahead without their length opens targets; the same words inside a sentence open nothing",
			"政府工作报告\n——2021年1月8日在某县人民代表大会上\n一、2020年工作回顾\n全县地区生产总值增长3%，为今后一个时期发展奠定了基础，新建学校5所。\n二、今后一个时期的主要任务\n地区生产总值增长7%，新建学校10所。",
			[]detail{{"3", "%", "", "增长", "2020", "fact", "growth"}, {"5", "所", "", "新增", "2020", "fact", "level"}, {"7", "%", "", "增长", "2021", "target", "growth"}, {"10", "所", "", "新增", "2021", "target", "level"}}},
		{"今年上半年 in a report delivered after June: that year so far, facts, at a clause's start or inside it",
			"政府工作报告\n——2022年7月8日在某县人民代表大会上\n一、2021年工作回顾\n全县地区生产总值增长6%。今年上半年，全县完成投资30亿元，增长10%。全县今年一季度新增就业800人。\n二、2022年工作安排\n今年主要预期目标：地区生产总值增长6.5%。",
			[]detail{{"6", "%", "", "增长", "2021", "fact", "growth"}, {"30", "亿元", "", "", "2022", "fact", "level"}, {"10", "%", "", "增长", "2022", "fact", "growth"},
				{"800", "人", "", "新增", "2022", "fact", "level"}, {"6.5", "%", "", "增长", "2022", "target", "growth"}}},
		{"今年上半年 in a report delivered in January is still ahead: targets",
			"政府工作报告\n——2022年1月8日在某县人民代表大会上\n一、2021年工作回顾\n全县地区生产总值增长6%。\n二、2022年工作安排\n今年上半年，全县完成投资30亿元。",
			[]detail{{"6", "%", "", "增长", "2021", "fact", "growth"}, {"30", "亿元", "", "", "2022", "target", "level"}}},
		{"YYYY年以来 of the year of delivery after the one reviewed: that year so far, never a span running backwards",
			"政府工作报告\n——2021年7月8日在某县人民代表大会上\n一、2020年工作回顾\n全县地区生产总值增长6%。2021年以来，全县完成投资30亿元。全县2021年以来新增就业900人。2018年以来，全县累计完成投资90亿元。",
			[]detail{{"6", "%", "", "增长", "2020", "fact", "growth"}, {"30", "亿元", "", "", "2021", "fact", "level"}, {"900", "人", "", "新增", "2021", "fact", "level"},
				{"90", "亿元", "", "累计", "2018-2020", "fact", "cumulative"}}},
		{"headings with years in Chinese numerals set periods as with digits",
			"政府工作报告\n——二〇二〇年一月八日在某县人民代表大会上\n一、二〇一九年工作回顾\n全县地区生产总值增长6%。\n二、二〇二〇年工作安排\n地区生产总值增长6.5%。",
			[]detail{{"6", "%", "", "增长", "2019", "fact", "growth"}, {"6.5", "%", "", "增长", "2020", "target", "growth"}}},
	}, anySubject)
}

// The year reviewed given (as reconcile --report gives it from the spec)
// over a text with no date: 今年 is still read from the text, the year
// reviewed when it runs (今年以来), the year after when it does not.
func TestGivenYearKeepsTheTextsToday(t *testing.T) {
	cases := []struct {
		name, text string
		year       int
		want       []detail
	}{
		{"a year-end summary: 今年以来 is the year given",
			"某街道2023年工作总结及2024年工作计划\n一、2023年工作完成情况\n今年以来，13个重点项目累计完成投资35.42亿元，同比增长87.4%。", 2023,
			[]detail{{"13", "个", "", "", "2023", "fact", "level"}, {"35.42", "亿元", "", "累计", "2023", "fact", "level"}, {"87.4", "%", "", "增长", "2023", "fact", "growth"}}},
		{"a report early the next year: 今年 is the year after the one given",
			"某县政府工作报告\n一、2022年工作回顾\n全年地区生产总值增长5%。\n今年主要预期目标：地区生产总值增长6%。", 2022,
			[]detail{{"5", "%", "", "增长", "2022", "fact", "growth"}, {"6", "%", "", "增长", "2023", "target", "growth"}}},
	}
	for _, c := range cases {
		got := details(Extract(strings.Split(c.text, "\n"), Options{Year: c.year}))
		for k := range got {
			if k < len(c.want) && c.want[k].Subject == "" {
				got[k].Subject = ""
			}
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

// A summary of part of a year, dated or named with its year: its figures
// are that year's so far (ToDate: not checked against the year's data), the
// plans for the rest of it targets of that year.
func TestPartOfYearSummary(t *testing.T) {
	type got struct {
		Value, Period, Kind string
		ToDate              bool
	}
	cases := []struct {
		name, text string
		want       []got
	}{
		{"without its year, dated after the part ended",
			"某镇上半年工作总结及下半年工作打算\n发布日期：2022-07-05\n一、上半年工作完成情况\n全镇完成固定资产投资2.5亿元，同比增长9%。\n二、下半年工作打算\n力争全年完成固定资产投资5亿元。",
			[]got{{"2.5", "2022", "fact", true}, {"9", "2022", "fact", true}, {"5", "2022", "target", false}}},
		{"with its year in the title and an undated body",
			"某镇2022年上半年工作总结\n全镇完成固定资产投资2.5亿元，同比增长9%。",
			[]got{{"2.5", "2022", "fact", true}, {"9", "2022", "fact", true}}},
	}
	for _, c := range cases {
		var out []got
		for _, f := range Extract(strings.Split(c.text, "\n"), Options{}) {
			out = append(out, got{f.Value, f.Period, f.Kind, f.ToDate})
		}
		if diff := cmp.Diff(c.want, out); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}
