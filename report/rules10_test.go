package report

import (
	"strings"
	"testing"
)

// TestDevNextReports scores a blind batch's development half (dev-next/, labelled
// blind, looked at while working) with every figure's miss printed under
// -v, and the agreement of data made from its labels. It reads dev-next/
// only and asserts no floor: the folder is being moved into dev/, whose
// floors then hold.
func TestDevNextReports(t *testing.T) {
	const dir = "testdata/reports/dev-next"
	sc, ok := scoreDir(t, dir)
	if !ok {
		t.Skip("no labelled reports in " + dir)
	}
	t.Logf("dev-next: %s", sc)
	t.Logf("dev-next, %s", sc.years)
	if testing.Verbose() {
		for _, m := range sc.misses {
			t.Log(m)
		}
	}
	reports, checked, consistent, conflicts, bad := agreement(t, dir)
	t.Logf("dev-next, data made from the labels: %d reports, %d claims checked, %d consistent, %d mismatches (%d contradicted by the labels' own figures)", reports, checked, consistent, len(bad), len(conflicts))
	if testing.Verbose() {
		for _, m := range bad {
			t.Log("misread: " + m)
		}
	}
}

// Round 4 (issue 13): rules found on dev-next, each by its category, shown
// on sentences written for the test with the edges on both sides.
func TestReadingRulesRound4(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n"
	checkRules(t, head, []ruleCase{
		// Qualifiers.
		{"points after a rate compared 比…高 with another place's (分别 or not) are the gap, no growth; 比上年高 is the rate's own change",
			"过去一年，税收收入增长5.8%，增速比全市平均水平高0.5个百分点；工业产值、服务业产值分别增长8.3%和8.4%，增速分别比全省平均高0.3和0.4个百分点；投资增长8%，增速比上年高2个百分点。",
			[]detail{{"5.8", "%", "", "增长", "2018", "fact", "growth"}, {"0.5", "个百分点", "", "", "2018", "fact", "points"},
				{"8.3", "%", "", "增长", "2018", "fact", "growth"}, {"8.4", "%", "", "增长", "2018", "fact", "growth"},
				{"0.3", "个百分点", "", "", "2018", "fact", "points"}, {"0.4", "个百分点", "", "", "2018", "fact", "points"},
				{"8", "%", "", "增长", "2018", "fact", "growth"}, {"2", "个百分点", "", "增长", "2018", "fact", "points"}}},
		{"a price index held at a rate (控制在, 保持在) is held at its rise: growth; a rate of another kind held so stays a ratio",
			"今年的主要预期目标是：物价总水平保持在3%左右，居民消费价格指数控制在4%以内，城镇调查失业率控制在5.5%以内。",
			[]detail{{"3", "%", "", "增长,约", "2019", "target", "growth"}, {"4", "%", "", "以内,增长", "2019", "target", "growth"},
				{"5.5", "%", "", "以内", "2019", "target", "ratio"}}},
		{"共 right before a verb and its object sums the count (共预设, 共排查); a word 共 begins or ends (公共, 共享), a stock (共有, 共入驻) or what befell the place (共发生) does not",
			"过去一年，共预设采样点126个，共排查隐患500处，共有企业50家。公共服务设施3处。共享单车300辆。园区共入驻企业60家。全县共发生事故3起。",
			[]detail{{"126", "个", "", "累计", "2018", "fact", "level"}, {"500", "处", "", "累计", "2018", "fact", "level"},
				{"50", "家", "", "", "2018", "fact", "level"}, {"3", "处", "", "", "2018", "fact", "level"}, {"300", "辆", "", "", "2018", "fact", "level"},
				{"60", "家", "", "", "2018", "fact", "level"}, {"3", "起", "", "", "2018", "fact", "level"}}},
		{"级 after a multiplier names an order of size (约), for each item of the 、 list it closes; a level without it is exact",
			"过去一年，汽车、电子产业分别达到4500亿、7000亿级规模，建材产业达到800亿。",
			[]detail{{"4500", "亿", "", "约", "2018", "fact", "level"}, {"7000", "亿", "", "约", "2018", "fact", "level"},
				{"800", "亿", "", "", "2018", "fact", "level"}}},
		{"the parts of a ratio are shares: no sum or new list before them covers them",
			"过去一年，累计实施重点项目79项，新建学校3所，三次产业结构演进为15.5:51.8:32.7。",
			[]detail{{"79", "项", "", "累计", "2018", "fact", "level"}, {"3", "所", "", "新增", "2018", "fact", "level"},
				{"15.5", "", "第一产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}, {"51.8", "", "第二产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"},
				{"32.7", "", "第三产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}}},
		{"two rates run together where a copy lost their 、 are a list: the second takes the change and its series as the first",
			"过去一年，城乡居民人均可支配收入分别增长3.9%7.1%，税收收入增长5%。",
			[]detail{{"3.9", "%", "城镇居民人均可支配收入", "增长", "2018", "fact", "growth"}, {"7.1", "%", "农村居民人均可支配收入", "增长", "2018", "fact", "growth"},
				{"5", "%", "税收收入", "增长", "2018", "fact", "growth"}}},
		{"a plus sign after a word of change (同比+8%) is a growth, 负 as a minus sign (增长负2%) a decline; a + between numbers of a name is no sign",
			"过去一年，地区生产总值80亿元，同比+8%，规上工业增加值增长负2%，落实“6+2”政策，为企业减负3亿元。",
			[]detail{{"80", "亿元", "地区生产总值", "", "2018", "fact", "level"}, {"8", "%", "地区生产总值", "增长", "2018", "fact", "growth"},
				{"2", "%", "规上工业增加值", "下降", "2018", "fact", "growth"}, {"3", "亿元", "", "", "2018", "fact", "level"}}},
		// Subjects.
		{"a clause of a series and only a cause or an adjustment said of it names the rate after it (restated, the rate is the restated series'); a bare clause names none",
			"过去一年，规模以上工业增加值剔除增加值率变化因素，同比增长2.2%。社会消费品零售总额受疫情影响，同比下降5%。",
			[]detail{{"2.2", "%", "剔除增加值率变化因素规模以上工业增加值", "增长", "2018", "fact", "growth"}, {"5", "%", "社会消费品零售总额", "下降", "2018", "fact", "growth"}}},
		{"下降幅度 names a decline's rate as 增长幅度 names a growth's: no part of the series",
			"过去一年，粮食产量下降幅度为3%，工业产值增长幅度为5%。",
			[]detail{{"3", "%", "粮食产量", "下降", "2018", "fact", "growth"}, {"5", "%", "工业产值", "增长", "2018", "fact", "growth"}}},
		// Lists.
		{"分别 before one figure alone says it of each series listed (as 均 does): one claim per series; 分别 before as many figures gives one each",
			"今年的主要预期目标是：地区生产总值、一般公共预算收入、规模以上工业总产值分别增长5%左右，城镇、农村居民人均可支配收入分别达到19824元、6700元。",
			[]detail{{"5", "%", "地区生产总值", "增长,约", "2019", "target", "growth"}, {"5", "%", "一般公共预算收入", "增长,约", "2019", "target", "growth"},
				{"5", "%", "规模以上工业总产值", "增长,约", "2019", "target", "growth"},
				{"19824", "元", "城镇居民人均可支配收入", "", "2019", "target", "level"}, {"6700", "元", "农村居民人均可支配收入", "", "2019", "target", "level"}}},
		// Figures without a measure word.
		{"a count after the noun of a number (人数, 户数) and a verb reaching it needs no measure word; a bare number elsewhere is none",
			"过去一年，一本上线人数突破2000，参保户数达到3000，评选活动共2000，编号为3000。",
			[]detail{{"2000", "", "一本上线人数", "超过", "2018", "fact", "level"}, {"3000", "", "参保户数", "", "2018", "fact", "level"}}},
		{"a ratio of two parts right after its name (扩散比, 比例为) is a ratio, as one of three parts is; two parts without it may be a time",
			"过去一年，输入病例本地扩散比2:1，男女比例为1:1.05，会议于8:30召开。",
			[]detail{{"2", "", "", "", "2018", "fact", "ratio"}, {"1", "", "", "", "2018", "fact", "ratio"},
				{"1", "", "", "", "2018", "fact", "ratio"}, {"1.05", "", "", "", "2018", "fact", "ratio"}}},
		{"a unit written once after the last of a list joined by 和, 及 or 与 is each figure's",
			"过去一年，增速分别高于全国、全省5.9及0.1个百分点，税收、利润分别增长8与9个百分点。",
			[]detail{{"5.9", "个百分点", "", "", "2018", "fact", "points"}, {"0.1", "个百分点", "", "", "2018", "fact", "points"},
				{"8", "个百分点", "", "增长", "2018", "fact", "points"}, {"9", "个百分点", "", "增长", "2018", "fact", "points"}}},
		// Five-year reviews: what a figure sums and what it reached.
		{"in a five-year review a yearly amount whose share of a whole follows is the last year's, as one whose 年均 rate follows; a sum (累计) with its share stays a sum",
			"过去五年，规上工业增加值实现22亿元，占二产增加值比重达到75.8%；累计完成投资116亿元，占全市的20%。",
			[]detail{{"22", "亿元", "规上工业增加值", "", "2018", "fact", "level"}, {"75.8", "%", "规上工业增加值占二产增加值比重", "", "2018", "fact", "ratio"},
				{"116", "亿元", "", "累计", "2014-2018", "fact", "cumulative"}, {"20", "%", "", "", "2014-2018", "fact", "ratio"}}},
		{"in a five-year review a yearly amount in money named bare (进出口总额, 地区生产总值) is the last year's; a flow brought about (完成投资) and one written 累积 (as 累计) sum; counts of thresholds crossed sum",
			"过去五年，进出口总额5.32亿美元，地区生产总值达120亿元，完成投资300亿元，财政收入累积实现5535万元，连续跨越3个百亿台阶。",
			[]detail{{"5.32", "亿美元", "", "", "2018", "fact", "level"}, {"120", "亿元", "", "", "2018", "fact", "level"},
				{"300", "亿元", "", "累计", "2014-2018", "fact", "cumulative"}, {"5535", "万元", "财政收入", "累计", "2014-2018", "fact", "cumulative"},
				{"3", "个", "", "累计", "2014-2018", "fact", "cumulative"}}},
		{"counts of a class bounded by a money figure (超5000万元企业, 过亿元企业) are stocks at a five-year span's end; the things the span carried out sum",
			"过去五年，主营业务收入超5000万元企业15户、过亿元企业8户，实施重点建设项目152个。",
			[]detail{{"15", "户", "", "", "2018", "fact", "level"}, {"8", "户", "", "", "2018", "fact", "level"},
				{"152", "个", "", "累计", "2014-2018", "fact", "cumulative"}}},
		{"the time a thing took (仅用, 历时) is how long it took, never summed over a span",
			"过去五年，仅用5天实现风险等级三连降，历时3个月完成改造，开展巡查120天。",
			[]detail{{"5", "天", "", "", "2018", "fact", "level"}, {"3", "个月", "", "", "2018", "fact", "level"},
				{"120", "天", "", "累计", "2014-2018", "fact", "cumulative"}}},
		// Units.
		{"剂 is a measure word, and 剂次 (doses given) a unit as 人次 is",
			"过去一年，完成疫苗接种23.5万剂次，发放中药2000剂。",
			[]detail{{"23.5", "万剂次", "", "", "2018", "fact", "level"}, {"2000", "剂", "", "", "2018", "fact", "level"}}},
		// Not claims.
		{"a duration after a change said to run on (连降, 连增, 连续增长) is how long it held, as after 连续; 连片 is no streak",
			"过去一年，房地产库存面积环比连降10个月，工业用电量连续增长5个月，连片种植3个月。",
			[]detail{{"3", "个月", "", "", "2018", "fact", "level"}}},
		{"a range of ages before a noun names the group counted, as a bound of ages does; a range ending its clause is a claim",
			"过去一年，3-11岁人群接种35649人，60至80周岁老人1万人领取补贴，新招教师平均年龄35-40岁。",
			[]detail{{"35649", "人", "", "", "2018", "fact", "level"}, {"1", "万人", "", "", "2018", "fact", "level"},
				{"35", "岁", "", "以上", "2018", "fact", "level"}, {"40", "岁", "", "以内", "2018", "fact", "level"}}},
	}, anySubject)
}

// Names found on dev-next, by category.
func TestNamesRound4(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n"
	checkNames(t, head, []namesCase{
		{"the budget's words alone (一般公共财政预算, 一般预算) name its revenue; its 支出 and a bare 财政 do not",
			"今年的主要预期目标是：一般公共财政预算增长8%，一般预算增长6%，一般公共预算增长7%，一般公共预算支出增长5%，财政增长3%。",
			[]string{"budget_revenue", "budget_revenue", "budget_revenue", "", ""}},
		{"批零(业) is 批发零售业 and its 商品销售(总)额 its 销售额; 两税 alone is the tax revenue, 国税 alone a part",
			"过去一年，限上批零业商品销售总额72亿元，限额以上批发零售业商品销售额增长11%，两税入库12亿元，国税入库5亿元，社会消费品零售总额30亿元。",
			[]string{"retail_sales", "retail_sales", "tax", "", ""}},
		{"a figure restated without a factor (剔除…因素, 扣除…后) is another series, and so is the growth said right after it; the recorded figure and a growth at comparable prices keep theirs",
			"过去一年，一般公共预算收入完成6.1亿元，剔除留抵退税因素完成6.8亿元，可比增长8.7%；税收收入增长3%，扣除减税降费后增长9%；固定资产投资按可比价格计算增长6%。",
			[]string{"budget_revenue", "", "", "tax", "", "fai"}},
		{"a growth right after a completion rate of the year's target or task (占年度目标的101%, 完成全年任务的110%) is the series' growth, as after one of a plan",
			"过去一年，税收收入5亿元，完成全年任务的110%，增长9%；固定资产投资20亿元，占年度目标的101%，同比增长7%。",
			[]string{"tax", "", "tax", "fai", "", "fai"}},
		{"本级 (the level's own, 县本级) restricts a series as 县级 does; a group of things (楼宇, 企业) holds a part of it, and things sorted by a series' size (税收千万级以上项目) count the things",
			"过去一年，完成县本级固定资产投资94.9亿元，固定资产投资120亿元，重点楼宇实现税收62亿元，税收收入80亿元，引进税收千万级以上项目156个，同比增长39%。",
			[]string{"", "fai", "", "tax", "", ""}},
	})
}

// Targets and facts (kind): a target amount inside a review sentence, and a
// fact already done inside a plan.
func TestTargetsRound4(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n一、2018年工作回顾\n"
	checkRules(t, head, []ruleCase{
		{"in a review, the amount of a target named before it (年度任务数, 年初预算, 市下达任务, 原计划) is a target of the year, of the series before it; the result and its share are facts",
			"过去一年，固定资产投资20亿元，年度任务数18亿元。一般公共预算收入完成年初预算5亿元的102%。到位资金30亿元，完成市下达任务25亿元的120%。原计划投资5亿元，实际完成6亿元。",
			[]detail{{"20", "亿元", "固定资产投资", "", "2018", "fact", "level"}, {"18", "亿元", "固定资产投资", "", "2018", "target", "level"},
				{"5", "亿元", "一般公共预算收入", "", "2018", "target", "level"}, {"102", "%", "", "", "2018", "fact", "ratio"},
				{"30", "亿元", "到位资金", "", "2018", "fact", "level"}, {"25", "亿元", "到位资金", "", "2018", "target", "level"}, {"120", "%", "", "", "2018", "fact", "ratio"},
				{"5", "亿元", "", "", "2018", "target", "level"}, {"6", "亿元", "", "", "2018", "fact", "level"}}},
		{"an amount of the year followed by how much of it was done by a month (截至11月完成, 1-10月完成) is the year's plan; the amount done and its share are facts; a level followed by its growth is no plan",
			"过去一年，财政预算总收入为25000万元，截至11月完成24278.37万元，为年初预算的97.11%。税收收入计划8000万元，1-10月完成7000万元。地区生产总值120亿元，增长8%。",
			[]detail{{"25000", "万元", "", "", "2018", "target", "level"}, {"24278.37", "万元", "", "", "2018", "fact", "level"}, {"97.11", "%", "", "", "2018", "fact", "ratio"},
				{"8000", "万元", "", "", "2018", "target", "level"}, {"7000", "万元", "", "", "2018", "fact", "level"},
				{"120", "亿元", "", "", "2018", "fact", "level"}, {"8", "%", "", "增长", "2018", "fact", "growth"}}},
		{"a project's planned total (计划总投资) is what the project is, a fact; so is the budget revenue named by the budget's words",
			"过去一年，实施计划总投资10亿元的项目5个，一般公共预算5亿元。",
			[]detail{{"10", "亿元", "", "", "2018", "fact", "level"}, {"5", "个", "", "", "2018", "fact", "level"}, {"5", "亿元", "", "", "2018", "fact", "level"}}},
		{"inside a plan, what is already done (已签约, 已开工) is a fact of the year so far; what is planned stays a target",
			"二、2019年工作安排\n主要预期目标是：地区生产总值增长7%。一季度已开工项目12个，计划新开工项目30个。",
			[]detail{{"7", "%", "", "增长", "2019", "target", "growth"}, {"12", "个", "", "", "2019", "fact", "level"},
				{"30", "个", "", "新增", "2019", "target", "level"}}},
	}, anySubject)
}

// A variant word read as its usual form (累积 as 累计) is shown as written.
func TestVariantShownAsWritten(t *testing.T) {
	found := Extract(strings.Split("某县政府工作报告\n——2019年1月10日\n过去五年，财政收入累积实现5535万元。", "\n"), Options{})
	if len(found) != 1 || !has(found[0].Qualifiers, "累计") || !strings.Contains(found[0].Text, "累积实现5535万元") {
		t.Fatalf("got %+v, want one figure [累计] whose text keeps 累积", found)
	}
}
