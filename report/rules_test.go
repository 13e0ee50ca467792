package report

import (
	"fmt"
	"github.com/jingwu/tally/reconcile"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jingwu/tally/spec"
)

// The general rules the development half of the labelled reports called
// for, each on sentences written for the test (no report's own wording).
func TestReadingRules(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日在某县人民代表大会上\n"
	checkRules(t, head, []ruleCase{
		{"traditional characters with pinyin glosses", "過去一年，全縣地區(qū)生產(chǎn)總值120億元，增長(zhǎng)8%。\n二、2019年主要預(yù)期目標(biāo)\n力爭固定資產(chǎn)投資增幅10%以上。",
			[]detail{{"120", "亿元", "地区生产总值", "", "2018", "fact", "level"}, {"8", "%", "地区生产总值", "增长", "2018", "fact", "growth"},
				{"10", "%", "固定资产投资", "以上,增长", "2019", "target", "growth"}}},
		{"a ratio written with ∶", "过去一年，三次产业结构调整为8.1∶40.2∶51.7。",
			[]detail{{"8.1", "", "第一产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}, {"40.2", "", "第二产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}, {"51.7", "", "第三产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}}},
		{"a time of day is no ratio; a structure ratio adds to 100", "网站 2021-07-27 17:26:59 发布\n过去一年，三次产业结构为10:45:45。",
			[]detail{{"10", "", "第一产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}, {"45", "", "第二产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}, {"45", "", "第三产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}}},
		{"a rank in 位 is no count; people in 位 are", "过去一年，全县在百强县中的排名由41位上升到37位，引进博士12位。",
			[]detail{{"12", "位", "博士", "", "2018", "fact", "level"}}},
		{"the bound of what a share or a class counts", "过去一年，30%的村集体年收入超过20万元，超1000万元的企业8家。",
			[]detail{{"30", "%", "", "", "2018", "fact", "ratio"}, {"8", "家", "超1000万元的企业", "", "2018", "fact", "level"}}},
		{"five-year review: a yearly amount passing a bound, a size class and a part are levels",
			"过去五年，工业总产值迈上百亿台阶，接近130亿元，其中装备制造业产值突破50亿元；形成2个百亿级产业；累计投入资金超45亿元；拥有高新技术企业30家。",
			[]detail{{"130", "亿元", "工业总产值", "近", "2018", "fact", "level"}, {"50", "亿元", "装备制造业产值", "超过", "2018", "fact", "level"},
				{"2", "个", "百亿级产业", "", "2018", "fact", "level"}, {"45", "亿元", "资金", "累计,超过", "2014-2018", "fact", "cumulative"},
				{"30", "家", "高新技术企业", "", "2018", "fact", "level"}}},
		{"a flow passing a bound is still a sum", "过去五年，投入近50亿元实施民生实事。",
			[]detail{{"50", "亿元", "投入", "累计,近", "2014-2018", "fact", "cumulative"}}},
		{"a sum over the years a sentence names", "过去一年，2017年完成验收，2018年新建高标准农田5000亩，总计治理农田12000亩。",
			[]detail{{"5000", "亩", "高标准农田", "新增", "2018", "fact", "level"}, {"12000", "亩", "农田", "累计", "2017-2018", "fact", "cumulative"}}},
		{"全年共 sums the year; a bare 共 does not", "过去一年，全年共办理诉求19条，共发生事故3起。",
			[]detail{{"19", "条", "诉求", "累计", "2018", "fact", "level"}, {"3", "起", "事故", "", "2018", "fact", "level"}}},
		{"a multiple of a base year speaks of the span after it", "截至2018年底，全县地区生产总值是2013年的1.5倍。",
			[]detail{{"1.5", "倍", "地区生产总值", "", "2014-2018", "fact", "ratio"}}},
		{"since a nationwide event; a figure right after another shares 由X到Y", "脱贫攻坚战打响以来，累计投入资金12亿元，贫困人口由3000户9000人减至100户260人。",
			[]detail{{"12", "亿元", "资金", "累计", "2016-2018", "fact", "cumulative"},
				{"3000", "户", "贫困户", "", "2015", "fact", "level"}, {"9000", "人", "贫困人口", "", "2015", "fact", "level"},
				{"100", "户", "贫困户", "", "2018", "fact", "level"}, {"260", "人", "贫困人口", "", "2018", "fact", "level"}}},
		{"a Party Congress by its number; a report's own area by its level, with 域", "党的十八大以来，累计投入扶贫资金8亿元。过去一年，全镇域完成固定资产投资8亿元，增长9%，增速高于全州1.2个百分点。",
			[]detail{{"8", "亿元", "扶贫资金", "累计", "2013-2018", "fact", "cumulative"}, {"8", "亿元", "固定资产投资", "", "2018", "fact", "level"},
				{"9", "%", "固定资产投资", "增长", "2018", "fact", "growth"}, {"1.2", "个百分点", "固定资产投资增速高于全州", "", "2018", "fact", "points"}}},
		{"N年间 or N年来 after a sentence's end, five years as any other N", "过去一年，12项工作受到省政府表彰。三年间财政收入净增20亿元。任期五年，税收收入增长50%。",
			[]detail{{"12", "项", "工作", "", "2018", "fact", "level"}, {"20", "亿元", "财政收入", "增长", "2016-2018", "fact", "growth"}, {"50", "%", "税收收入", "增长", "2014-2018", "fact", "growth"}}},
		{"a heading of targets by its planning noun, whatever words say whose it is",
			"一、2018年工作回顾\n过去一年，全县地区生产总值增长7%，税收收入增长5%，完成了年初确定的各项目标任务，人民群众生活水平稳步提高。\n二、2019年发展总体安排\n地区生产总值增长8%左右。",
			[]detail{{"7", "%", "地区生产总值", "增长", "2018", "fact", "growth"}, {"5", "%", "税收收入", "增长", "2018", "fact", "growth"}, {"8", "%", "地区生产总值", "增长,约", "2019", "target", "growth"}}},
		{"新培育 is 新增; a 新增 list goes on to the sentence's end", "过去一年，新培育合作社12家、家庭农场8个，上市企业2家。",
			[]detail{{"12", "家", "合作社", "新增", "2018", "fact", "level"}, {"8", "个", "家庭农场", "新增", "2018", "fact", "level"}, {"2", "家", "上市企业", "新增", "2018", "fact", "level"}}},
		{"a 新增 inside a subject heads no list", "过去一年，城镇新增就业1200人，转移农村劳动力3500人次。",
			[]detail{{"1200", "人", "城镇新增就业", "新增", "2018", "fact", "level"}, {"3500", "人次", "转移农村劳动力", "", "2018", "fact", "level"}}},
		{"a bound after a 分别 list is each one's, unless it sets equal figures apart", "二、2019年主要预期目标\n城乡居民收入分别增长8%、9%以上，财政总收入、地方财政收入分别增长6%和6%以上。",
			[]detail{{"8", "%", "城镇居民收入", "以上,增长", "2019", "target", "growth"}, {"9", "%", "农村居民收入", "以上,增长", "2019", "target", "growth"},
				{"6", "%", "财政总收入", "增长", "2019", "target", "growth"}, {"6", "%", "地方财政收入", "以上,增长", "2019", "target", "growth"}}},
		{"减少 opening a clause is a decline; a comparison is a gap", "过去一年，减少政府债务2.5亿元；规上工业增加值增长9%，增速高于全市1.2个百分点。",
			[]detail{{"2.5", "亿元", "政府债务", "下降", "2018", "fact", "growth"}, {"9", "%", "规上工业增加值", "增长", "2018", "fact", "growth"},
				{"1.2", "个百分点", "规上工业增加值增速高于全市", "", "2018", "fact", "points"}}},
		{"a plan's targets: the span over the goal phrase of its sentence", "“十四五”时期，我县的主要目标是：地区生产总值年均增长6.5%以上，到2025年突破200亿元，累计完成投资500亿元。",
			[]detail{{"6.5", "%", "地区生产总值", "以上,年均", "2021-2025", "target", "growth"}, {"200", "亿元", "地区生产总值", "超过", "2025", "target", "level"},
				{"500", "亿元", "投资", "累计", "2021-2025", "target", "cumulative"}}},
		// batch 3 of the development half
		{"a line of digits is a figure when its unit opens the next line", "过去一年，全镇茶园面积达\n5200\n亩，增长6%；\n12\n家合作社入社。\n- 3 -\n二是办实事。",
			[]detail{{"5200", "亩", "茶园面积", "", "2018", "fact", "level"}, {"6", "%", "茶园面积", "增长", "2018", "fact", "growth"},
				{"12", "家", "合作社入社", "", "2018", "fact", "level"}}},
		{"总数 after a 新增 count is the stock; the growth after it is of the new ones", "过去一年，新增规上企业15家，总数达到120家；新增市场主体3000户，增长12%。",
			[]detail{{"15", "家", "规上企业", "新增", "2018", "fact", "level"}, {"120", "家", "规上企业总数", "", "2018", "fact", "level"},
				{"3000", "户", "市场主体", "新增", "2018", "fact", "level"}, {"12", "%", "新增市场主体", "增长", "2018", "fact", "growth"}}},
		{"a year naming a title sets no period", "过去一年，2018年12月，我县获评2017年度“省级文明县”，获省奖励500万元。",
			[]detail{{"500", "万元", "省奖励", "", "2018", "fact", "level"}}},
		{"a comparison with another's rate is a gap", "过去一年，规上工业增加值增长8%，高于全省增速1.5个百分点。",
			[]detail{{"8", "%", "规上工业增加值", "增长", "2018", "fact", "growth"}, {"1.5", "个百分点", "规上工业增加值增速高于全省", "", "2018", "fact", "points"}}},
		{"a money bound before the noun counted names a class", "过去一年，签约项目40个，其中过5亿元项目3个。",
			[]detail{{"40", "个", "项目", "", "2018", "fact", "level"}, {"3", "个", "过5亿元项目", "", "2018", "fact", "level"}}},
		{"a year opening a sentence holds for it right after the last one's 。", "过去五年，全县经济稳步发展。2016年23个贫困村全部出列，五年来累计投入资金8亿元。",
			[]detail{{"23", "个", "贫困村", "", "2016", "fact", "level"}, {"8", "亿元", "资金", "累计", "2014-2018", "fact", "cumulative"}}},
		{"a clause opened by 累计 heads a list; one with its own time does not go on", "过去一年，累计培训农民1200人次，服务企业80家，目前已建成基地3个。",
			[]detail{{"1200", "人次", "农民", "累计", "2018", "fact", "level"}, {"80", "家", "服务企业", "累计", "2018", "fact", "level"},
				{"3", "个", "已建成基地", "", "2018", "fact", "level"}}},
		{"the size of a group ranked in and a meeting's attendance are no claims", "会议应有200多名代表与会。过去一年，全县在全省52个县中排名第8位，粮食产量12万吨。",
			[]detail{{"12", "万吨", "粮食产量", "", "2018", "fact", "level"}}},
		{"a structure ratio with spaces after its colons", "过去一年，三次产业结构调整为12: 40.5: 47.5。",
			[]detail{{"12", "", "第一产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}, {"40.5", "", "第二产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}, {"47.5", "", "第三产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}}},
		{"a 预计 after its subject is that subject's; one opening the clause holds on", "过去一年，全社会固定资产投资预计完成80亿元、增长10%，引进项目12个。2018年，全县预计实现生产总值90亿元，税收6亿元。",
			[]detail{{"80", "亿元", "全社会固定资产投资", "预计", "2018", "fact", "level"}, {"10", "%", "全社会固定资产投资", "增长,预计", "2018", "fact", "growth"},
				{"12", "个", "项目", "", "2018", "fact", "level"}, {"90", "亿元", "生产总值", "预计", "2018", "fact", "level"}, {"6", "亿元", "税收", "预计", "2018", "fact", "level"}}},
		{"a plan's own indicators are counted over its span", "过去一年，“十二五”确定的12项约束性指标全部完成。",
			[]detail{{"12", "项", "约束性指标", "", "2011-2015", "fact", "level"}}},
		{"a 同口径 growth is of the restated series", "二、2019年主要预期目标\n一般公共预算收入同口径增长6%。",
			[]detail{{"6", "%", "同口径一般公共预算收入", "增长", "2019", "target", "growth"}}},
		{"a pair word before a pair of levels; 等 before a list's shared head", "过去一年，金融机构存贷款余额达到120亿元、80亿元，分别增长9%、6%；纺织、食品等行业产值分别增长5%和7%。",
			[]detail{{"120", "亿元", "金融机构存款余额", "", "2018", "fact", "level"}, {"80", "亿元", "金融机构贷款余额", "", "2018", "fact", "level"},
				{"9", "%", "金融机构存款余额", "增长", "2018", "fact", "growth"}, {"6", "%", "金融机构贷款余额", "增长", "2018", "fact", "growth"},
				{"5", "%", "纺织行业产值", "增长", "2018", "fact", "growth"}, {"7", "%", "食品行业产值", "增长", "2018", "fact", "growth"}}},
	})
}

// The names figures map to: the indicator of the default spec each figure
// of a text maps to, "" for none.
func TestIndicatorNames(t *testing.T) {
	checkNames(t, "某县政府工作报告\n——2019年1月10日\n", []namesCase{
		{"the older names of the budget revenue map to it; its total, a bare 公共财政收入, a 规模以上 part of investment and a town-level revenue do not",
			"过去一年，公共预算收入3.6亿元，地方公共财政收入2.1亿元，公共财政收入5.2亿元，一般公共预算总收入6亿元，" +
				"规模以上固定资产投资增长10%，镇级财政收入全部超过1000万元，规上工业产值52亿元。",
			[]string{"budget_revenue", "budget_revenue", "", "", "", "", "industrial_output"}},
		{"the budget's own 本级 name maps; a 地方级 part, a restated (同口径) growth and the growth of a number added do not; a recognition written without 国家 still names the indicator of new ones",
			"过去一年，一般公共预算本级收入4.2亿元，其中地方级税收收入3.1亿元，一般公共预算收入同口径增长6%；" +
				"新备案科技型中小企业30家，新增高新技术企业12家，增长20%。",
			[]string{"budget_revenue", "", "", "sme_new", "", ""}},
		{"the budget revenue with its words in another order maps; a 限额以上 part of investment and an amount of the enterprises an indicator counts do not",
			"过去一年，一般财政公共预算收入1.9亿元，限额以上固定资产投资16亿元，规上企业总产值增长5%，规上企业增长8%。",
			[]string{"budget_revenue", "", "", "above_scale"}},
		{"工业总产值 beside 规上工业产值 is the wider series; alone it keeps the alias",
			"过去五年，工业总产值、规上工业产值年均增长分别为6%、5%。\n过去一年，工业总产值增长7%。",
			[]string{"", "industrial_output", "industrial_output"}},
		{"the budget's words in any order name the budget revenue when 预算 stands with 一般 or 公共; a 财政预算收入 is the whole budget's",
			"过去一年，一般预算收入3亿元，公共财政预算收入3.1亿元，财政预算收入5亿元，预算收入4亿元。",
			[]string{"budget_revenue", "budget_revenue", "", ""}},
		{"batch 6: a growth in 倍 is the growth of the series before it", "过去一年，税收收入2亿元，增长3倍。", []string{"tax", "tax"}},
		{"batch 6: past a completion rate (占计划的), the series it completes", "过去一年，税收收入8亿元，占计划的102%，同比增长6%。", []string{"tax", "", "tax"}},
		{"batch 6: a growth on a comparable scope (按可比口径) measures no indicator", "过去一年，一般公共预算收入5亿元，按可比口径增长4%。", []string{"budget_revenue", ""}},
		{"batch 6: 固投 is 固定资产投资", "过去一年，固投完成30亿元，增长8%。", []string{"fai", "fai"}},
		{"batch 6: a scope narrowed (不含农户) is another series; an aside (含园区，下同) is not", "过去一年，固定资产投资（不含农户）完成5亿元，全县（含园区，下同）固定资产投资完成8亿元。", []string{"", "fai"}},
		{"batch 6: 地方 before tax is a part; 地方一般预算收入 is the budget revenue; 入库 counts a stock", "过去一年，地方税收收入4亿元，地方一般预算收入5亿元，科技型中小企业入库30家，高新技术企业20家。", []string{"", "budget_revenue", "sme_total", "hightech_total"}},
		{"batch 6: the output of enterprises above scale is no indicator; their count is", "过去一年，规模以上企业生产总值12亿元，增长9%；规模以上企业28家。", []string{"", "", "above_scale"}},
		{"batch 6: a bound before investment and 地方 before it restrict it; not before the budget revenue", "过去一年，1000万元以上固定资产投资20亿元，增长8%；地方固定资产投资5亿元；地方一般预算收入1亿元。", []string{"", "", "", "budget_revenue"}},
		{"batch 6: 地方级财政收入 is the budget revenue, a 区级 revenue is not; 工业年产值 is the industrial output", "过去一年，地方级财政收入3亿元，一般预算地方级财政收入增长6%，区级财政收入2亿元，规模工业年产值突破50亿元。", []string{"budget_revenue", "budget_revenue", "", "industrial_output"}},
	})
}

// Batches 4 and 5 of the development half: targets, periods of reports
// delivered mid-year, comparisons with the same period of the year before,
// structure ratios, subjects of clauses whose verb follows the noun, and
// group sizes. Each rule on sentences written for the test.
func TestReadingRulesBatch45(t *testing.T) {
	checkRules(t, "", []ruleCase{
		{"a news digest without heading or date: the year stated whole is reviewed, the year of a goal targeted",
			"某区两会报道\n初步预计，2018年全年全区税收完成12亿元，增长7%。\n2019年，全区定下的目标：地区生产总值增长6%以上。",
			[]detail{{"12", "亿元", "税收", "预计", "2018", "fact", "level"}, {"7", "%", "税收", "增长,预计", "2018", "fact", "growth"},
				{"6", "%", "地区生产总值", "以上,增长", "2019", "target", "growth"}}},
		{"a 新年 goal heading sets targets; 涨 is a growth; GDP is 地区生产总值",
			"某区两会报道\n2018年全年GDP增长7%\n新年目标：涨6%",
			[]detail{{"7", "%", "地区生产总值", "增长", "2018", "fact", "growth"}, {"6", "%", "地区生产总值", "增长", "2019", "target", "growth"}}},
		{"the amount of a target named in the review is a target of the result's subject",
			"某县政府工作报告\n——2019年1月10日\n过去一年，完成税收收入6000万元，完成年度目标（5000万元）120%；单位GDP能耗下降3%；承担省级任务5项。",
			[]detail{{"6000", "万元", "税收收入", "", "2018", "fact", "level"}, {"5000", "万元", "税收收入", "", "2018", "target", "level"},
				{"120", "%", "税收收入", "", "2018", "fact", "ratio"}, {"3", "%", "单位GDP能耗", "下降", "2018", "fact", "growth"},
				{"5", "项", "承担省级任务", "", "2018", "fact", "level"}}},
		{"a report delivered mid-year: the months of its year so far are facts of that year; a base of the year before is that year's",
			"某镇政府工作报告\n发布时间：2019-08-15\n2018年，全镇完成税收5000万元，增长6%。2019年1-6月全镇工业总产值8000万元，完成固定资产投资3000万元，去年同期2500万元，同比增长20%。截至7月10日，全镇完成税收2600万元。今年以来，新增市场主体120户。上半年，全镇规上企业产值增长8%。2019年上半年，新建村道5公里。",
			[]detail{{"5000", "万元", "税收", "", "2018", "fact", "level"}, {"6", "%", "税收", "增长", "2018", "fact", "growth"},
				{"8000", "万元", "工业总产值", "", "2019", "fact", "level"}, {"3000", "万元", "固定资产投资", "", "2019", "fact", "level"},
				{"2500", "万元", "固定资产投资", "", "2018", "fact", "level"}, {"20", "%", "固定资产投资", "增长", "2019", "fact", "growth"},
				{"2600", "万元", "税收", "", "2019", "fact", "level"}, {"120", "户", "市场主体", "新增", "2019", "fact", "level"},
				{"8", "%", "规上企业产值", "增长", "2019", "fact", "growth"}, {"5", "公里", "村道", "新增", "2019", "fact", "level"}}},
		{"a month without its year in a report delivered early in the next year is the year reviewed's",
			"某镇政府工作报告\n（2019年2月20日）\n过去一年，截至11月底，完成税收4000万元，比上年同期（3500万元）增长14.3%。上半年，规上企业产值增长5%。",
			[]detail{{"4000", "万元", "税收", "", "2018", "fact", "level"}, {"3500", "万元", "税收", "", "2017", "fact", "level"},
				{"14.3", "%", "税收", "增长", "2018", "fact", "growth"}, {"5", "%", "规上企业产值", "增长", "2018", "fact", "growth"}}},
		{"a structure ratio of the three sectors, from one to another, in the report's name for the output",
			"某县政府工作报告\n——2019年1月10日\n过去一年，生产总值100亿元，三产结构比由10:50:40调整为9:48:43；村集体收入与支出比为3:2:1。",
			[]detail{{"100", "亿元", "生产总值", "", "2018", "fact", "level"},
				{"10", "", "第一产业增加值占生产总值比重", "", "2017", "fact", "ratio"}, {"50", "", "第二产业增加值占生产总值比重", "", "2017", "fact", "ratio"}, {"40", "", "第三产业增加值占生产总值比重", "", "2017", "fact", "ratio"},
				{"9", "", "第一产业增加值占生产总值比重", "", "2018", "fact", "ratio"}, {"48", "", "第二产业增加值占生产总值比重", "", "2018", "fact", "ratio"}, {"43", "", "第三产业增加值占生产总值比重", "", "2018", "fact", "ratio"},
				{"3", "", "村集体收入与支出比", "", "2018", "fact", "ratio"}, {"2", "", "村集体收入与支出比", "", "2018", "fact", "ratio"}, {"1", "", "村集体收入与支出比", "", "2018", "fact", "ratio"}}},
		{"a count before its noun names the noun, not what it did",
			"某县政府工作报告\n——2019年1月10日\n过去一年，1200名困难群众通过低保审核，35个重点项目完成投资，6家企业正式投产，300户亩均效益评价全部完成。",
			[]detail{{"1200", "名", "困难群众", "", "2018", "fact", "level"}, {"35", "个", "重点项目", "", "2018", "fact", "level"},
				{"6", "家", "企业", "", "2018", "fact", "level"}, {"300", "户", "亩均效益评价", "", "2018", "fact", "level"}}},
		{"the size of a group one is among and a package named by its articles are no claims",
			"某县政府工作报告\n——2019年1月10日\n过去一年，我县成为全省10个试点县之一，落实“稳增长”10条措施，新增市场主体300户。",
			[]detail{{"300", "户", "市场主体", "新增", "2018", "fact", "level"}}},
		{"a bound ending a table cell names no class of the next cell's noun",
			"某县政府工作报告\n——2019年1月10日\n过去一年，全县上下团结一心，经济社会保持平稳健康发展，各项事业取得新的进步。\n过去一年，全县上下攻坚克难，民生保障水平持续提升，群众获得感不断增强。\n过去一年，全县上下真抓实干，营商环境持续优化，市场主体活力不断释放。\n二、2019年主要预期目标\n地区生产总值增长6%以上\n县发展改革委\n2\n税收收入增长5%左右\n县税务局",
			[]detail{{"6", "%", "地区生产总值", "以上,增长", "2019", "target", "growth"}, {"5", "%", "税收收入", "增长,约", "2019", "target", "growth"}}},
		{"力争, 确保 and 预期 set goals for the year of delivery; 确保了 and 为确保 do not; 将 opens no subject",
			"某县政府工作报告\n——2019年1月10日\n过去一年，为确保工程进度，投入资金800万元，确保了粮食产量12万吨。围绕确保粮食安全，全年新建高标准农田2万亩。全年力争地区生产总值增长7%，确保固定资产投资增长10%以上，税收收入预期增长6%左右。今年将新建学校3所。",
			[]detail{{"800", "万元", "资金", "", "2018", "fact", "level"}, {"12", "万吨", "粮食产量", "", "2018", "fact", "level"},
				{"2", "万亩", "高标准农田", "新增", "2018", "fact", "level"},
				{"7", "%", "地区生产总值", "增长", "2019", "target", "growth"}, {"10", "%", "固定资产投资", "以上,增长", "2019", "target", "growth"},
				{"6", "%", "税收收入", "增长,约", "2019", "target", "growth"}, {"3", "所", "学校", "新增", "2019", "target", "level"}}},
		{"今年/明年 inside a sentence hold for its rest; 稳定在 is no part of a subject",
			"某县政府工作报告\n——2019年2月10日\n过去一年，税收收入5亿元。今年1月，我县获省奖励500万元。全县今年将新增就业1500人，粮食总产量稳定在30万吨以上，明年税收收入达到7亿元。",
			[]detail{{"5", "亿元", "税收收入", "", "2018", "fact", "level"}, {"500", "万元", "省奖励", "", "2019", "fact", "level"}, {"1500", "人", "就业", "新增", "2019", "target", "level"},
				{"30", "万吨", "粮食总产量", "以上", "2019", "target", "level"}, {"7", "亿元", "税收收入", "", "2020", "target", "level"}}},
		{"城、乡 are 城镇 and 农村; a gap names the growth it compares; a place's 生产总值 is 地区生产总值; a sector's 占比 its share",
			"某县政府工作报告\n——2019年1月10日\n过去一年，城、乡居民人均可支配收入分别为30000元、15000元，增长8%、9%。一是某某区生产总值增长7%，高出全市1.5个百分点，逼近300亿元；第二产业占比提高1个百分点，人均地区生产总值6万元。",
			[]detail{{"30000", "元", "城镇居民人均可支配收入", "", "2018", "fact", "level"}, {"15000", "元", "农村居民人均可支配收入", "", "2018", "fact", "level"},
				{"8", "%", "城镇居民人均可支配收入", "增长", "2018", "fact", "growth"}, {"9", "%", "农村居民人均可支配收入", "增长", "2018", "fact", "growth"},
				{"7", "%", "地区生产总值", "增长", "2018", "fact", "growth"}, {"1.5", "个百分点", "地区生产总值增速高于全市", "", "2018", "fact", "points"},
				{"300", "亿元", "地区生产总值", "近", "2018", "fact", "level"}, {"1", "个百分点", "第二产业增加值占地区生产总值比重", "增长", "2018", "fact", "points"},
				{"6", "万元", "人均地区生产总值", "", "2018", "fact", "level"}}},
		{"a 分别 list of whole nouns shares no head; the rate's words and span are none of them",
			"某县政府工作报告\n——2019年1月10日\n过去五年，工业总产值、社会消费品零售总额五年年均增长分别为6%和5%。",
			[]detail{{"6", "%", "工业总产值", "年均", "2014-2018", "fact", "growth"}, {"5", "%", "社会消费品零售总额", "年均", "2014-2018", "fact", "growth"}}},
		{"brackets after a count name its items; a count before an amount counts the things; 实现 and 成功 are no part of a subject",
			"某县政府工作报告\n——2019年1月10日\n过去一年，引进项目8个，其中工业项目3个（甲公司、乙公司、丙公司）；50家龙头企业年销售收入20亿元，产业集群实现总产值80亿元，成功引进商户100余户。全年共实现地区生产总值120亿元。",
			[]detail{{"8", "个", "项目", "", "2018", "fact", "level"}, {"3", "个", "工业项目", "", "2018", "fact", "level"},
				{"50", "家", "龙头企业", "", "2018", "fact", "level"}, {"20", "亿元", "龙头企业年销售收入", "", "2018", "fact", "level"},
				{"80", "亿元", "产业集群总产值", "", "2018", "fact", "level"}, {"100", "户", "商户", "余", "2018", "fact", "level"},
				{"120", "亿元", "地区生产总值", "累计", "2018", "fact", "level"}}},
		{"a level in words or masked before a rate names the rate's subject",
			"某县政府工作报告\n——2019年1月10日\n过去一年，全县地区生产总值突破百亿元，增长8%；财政收入XX万元，增长14.9%。",
			[]detail{{"8", "%", "地区生产总值", "增长", "2018", "fact", "growth"}, {"14.9", "%", "财政收入", "增长", "2018", "fact", "growth"}}},
		{"下一步工作打算 and 新的一年 open the next year's passage",
			"某镇政府工作报告\n（2018年12月20日）\n一年来，全镇税收收入3000万元。\n三、下一步工作打算\n全镇税收收入增长10%。",
			[]detail{{"3000", "万元", "税收收入", "", "2018", "fact", "level"}, {"10", "%", "税收收入", "增长", "2019", "target", "growth"}}},
		{"新的一年 in a report delivered early in the year",
			"某县政府工作报告\n——2019年1月10日\n过去一年，税收收入5亿元。新的一年，全县地区生产总值增长7%。",
			[]detail{{"5", "亿元", "税收收入", "", "2018", "fact", "level"}, {"7", "%", "地区生产总值", "增长", "2019", "target", "growth"}}},
		{"a year's 工作打算 heading",
			"某镇政府工作报告\n一、2018年工作回顾\n全镇上下团结一心，经济社会保持平稳健康发展，全镇税收收入3000万元。\n全镇上下攻坚克难，民生保障水平持续提升，群众获得感不断增强。\n二、2019年工作打算\n全镇上下真抓实干，营商环境持续优化，全镇税收收入增长10%。\n全镇上下凝心聚力，乡村振兴扎实推进，人居环境持续改善。",
			[]detail{{"3000", "万元", "税收收入", "", "2018", "fact", "level"}, {"10", "%", "税收收入", "增长", "2019", "target", "growth"}}},
		{"新扩 and 新开发 count new things, as 新建 does",
			"某县政府工作报告\n——2019年1月10日\n过去一年，园区新扩标准厂房2万平方米，新开发旅游线路3条。",
			[]detail{{"2", "万平方米", "园区新扩标准厂房", "新增", "2018", "fact", "level"}, {"3", "条", "旅游线路", "新增", "2018", "fact", "level"}}},
		{"场次, 批次 and 班次 count occasions, as 人次 does",
			"某县政府工作报告\n——2019年1月10日\n过去一年，开展技能培训120场次，抽检食品3批次。",
			[]detail{{"120", "场次", "技能培训", "", "2018", "fact", "level"}, {"3", "批次", "抽检食品", "", "2018", "fact", "level"}}},
		{"下同 carries an aside's 预计 and base year over the sentence; a growth against a stated base spans the years after it; a list of nouns before as many levels names each in turn, across a line break; 预计 ends with its sentence",
			"某县政府工作报告\n——2016年11月20日\n2016年，预计（下同）全县生产总值340亿元，比2012年（下同）增长47.7%；固定资产投资353.7亿元，增长125.1%；城镇、\n农村居民人均可支配收入29462元、16733元，分别增长43.7%和65.5%。粮食、蔬菜产量达到12万吨、8万吨。",
			[]detail{{"340", "亿元", "地区生产总值", "预计", "2016", "fact", "level"}, {"47.7", "%", "地区生产总值", "增长,预计", "2013-2016", "fact", "growth"},
				{"353.7", "亿元", "固定资产投资", "预计", "2016", "fact", "level"}, {"125.1", "%", "固定资产投资", "增长,预计", "2013-2016", "fact", "growth"},
				{"29462", "元", "城镇居民人均可支配收入", "预计", "2016", "fact", "level"}, {"16733", "元", "农村居民人均可支配收入", "预计", "2016", "fact", "level"},
				{"43.7", "%", "城镇居民人均可支配收入", "增长,预计", "2013-2016", "fact", "growth"}, {"65.5", "%", "农村居民人均可支配收入", "增长,预计", "2013-2016", "fact", "growth"},
				{"12", "万吨", "粮食产量", "", "2016", "fact", "level"}, {"8", "万吨", "蔬菜产量", "", "2016", "fact", "level"}}},
		{"a minus sign after a word of change is a decline; a dash between figures is a range",
			"某县政府工作报告\n——2021年1月10日\n过去一年，全年完成税收收入15.2亿元，同比增长-2.8%；工业增加值增速为－1.5%；粮食产量增长6-7%。",
			[]detail{{"15.2", "亿元", "税收收入", "", "2020", "fact", "level"}, {"2.8", "%", "税收收入", "下降", "2020", "fact", "growth"},
				{"1.5", "%", "工业增加值", "下降", "2020", "fact", "growth"},
				{"6", "%", "粮食产量", "以上,增长", "2020", "fact", "growth"}, {"7", "%", "粮食产量", "以内,增长", "2020", "fact", "growth"}}},
		{"预计 in an aside with 下同 holds for later clauses of its sentence that name their own subject",
			"某市政府工作报告\n——2021年1月10日\n过去一年，全年实现地区生产总值（预计，下同）7100亿元左右、增长6%左右；一般公共预算收入完成468.3亿元、下降11%。",
			[]detail{{"7100", "亿元", "地区生产总值", "约,预计", "2020", "fact", "level"}, {"6", "%", "地区生产总值", "增长,约,预计", "2020", "fact", "growth"},
				{"468.3", "亿元", "一般公共预算收入", "预计", "2020", "fact", "level"}, {"11", "%", "一般公共预算收入", "下降,预计", "2020", "fact", "growth"}}},
	})
}

// A target for a year the run holds data of names its indicator but is not
// checked as the year's result; a later year's target stays mapped.
func TestTargetsAreNotChecked(t *testing.T) {
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "某县政府工作报告\n过去一年，完成税收收入6000万元，完成年度目标（5000万元）120%。\n二、" + fmt.Sprint(s.Year+1) + "年主要预期目标\n税收收入7000万元。"
	found := Extract(strings.Split(text, "\n"), Options{Year: s.Year})
	claims := Map(found, s)
	if len(claims) != 4 {
		t.Fatalf("%d claims, want 4: %+v", len(claims), found)
	}
	for i, want := range []struct {
		unmapped  bool
		indicator string
	}{{false, "tax"}, {true, "tax"}, {true, ""}, {false, "tax"}} {
		if claims[i].Unmapped != want.unmapped || claims[i].Indicator != want.indicator {
			t.Errorf("claim %d %s: unmapped %v indicator %q, want %v %q", i, claims[i].Written, claims[i].Unmapped, claims[i].Indicator, want.unmapped, want.indicator)
		}
	}
	if got := MapIndicators(found, s); got[1] != "tax" {
		t.Errorf("MapIndicators of the in-year target: %q, want tax", got[1])
	}
	// The verdict says why it is not checked, not that no indicator
	// measures it.
	r := reconcile.EvaluateClaim(s, &claims[1], func(string, int) reconcile.Figure { return reconcile.Figure{} })
	if r.Status != reconcile.Unmapped || len(r.Notes) != 1 || r.Notes[0] != reconcile.TargetNotResult {
		t.Errorf("the in-year target's verdict: %s %v, want unmapped with %v", r.Status, r.Notes, reconcile.TargetNotResult)
	}
}

// A figure of part of a year (1-6月 in a report delivered in August) names
// its indicator but is not checked against the whole year's data.
func TestYearToDateIsNotChecked(t *testing.T) {
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := fmt.Sprintf("某镇政府工作报告\n发布时间：%d-08-15\n%d年，全镇完成税收5000万元。%d年1-6月，全镇完成税收2600万元。", s.Year+1, s.Year, s.Year+1)
	found := Extract(strings.Split(text, "\n"), Options{Year: s.Year})
	claims := Map(found, s)
	if len(claims) != 2 {
		t.Fatalf("%d claims, want 2: %+v", len(claims), found)
	}
	if claims[0].Unmapped || claims[0].Indicator != "tax" || found[0].ToDate {
		t.Errorf("the year's tax: %+v", claims[0])
	}
	if !claims[1].Unmapped || claims[1].Indicator != "tax" || !found[1].ToDate || found[1].Period != fmt.Sprint(s.Year+1) {
		t.Errorf("the tax of January to June: %+v %+v", claims[1], found[1])
	}
}

// Figures of part of a year are marked so, whatever year they are of.
func TestToDate(t *testing.T) {
	cases := []struct {
		text string
		want []bool
	}{
		{"某镇政府工作报告\n（2019年2月20日）\n过去一年，截至11月底，完成税收4000万元。上半年，规上企业产值增长5%。全年新增就业300人。", []bool{true, true, false}},
		{"某镇2018年工作总结\n一、2018年工作回顾\n前三季度，完成地区生产总值12亿元，增长6%；1—10月份，完成固定资产投资3亿元。2018年1-11月，税收收入5000万元。", []bool{true, true, true, true}},
	}
	for _, c := range cases {
		var got []bool
		for _, f := range Extract(strings.Split(c.text, "\n"), Options{}) {
			got = append(got, f.ToDate)
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.text, diff)
		}
	}
}

// A verb of change with 到 or 至 names the level reached: a rise to it
// (增至) or a fall to it (达到), whichever verb it is.
func TestChangedTo(t *testing.T) {
	text := "某县政府工作报告\n——2019年1月10日\n过去一年，耕地面积扩大至3万亩，贫困人口减少至200人，企业发展到45家，城镇化率提高到56%，单位能耗降至0.5吨标准煤。"
	var got []string
	for _, c := range Extract(strings.Split(text, "\n"), Options{}) {
		got = append(got, c.Value+":"+strings.Join(c.Qualifiers, ","))
	}
	want := []string{"3:增至", "200:达到", "45:增至", "56:增至", "0.5:达到"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("qualifiers (-want +got):\n%s", diff)
	}
}
