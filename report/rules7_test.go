package report

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
	"github.com/shopspring/decimal"
)

// Blind batch 4 of the development half: figures of page furniture, units
// written in two ways, a unit shared by a list, 均 over a 和 pair. Each
// rule on sentences written for the test, none a report's own.
func TestReadingRulesBatch7(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n"
	cases := []struct {
		name, text string
		want       []detail
	}{
		{"a page's time stamp after its date is no figure, whatever its parts add up to (14+41+45 = 100)",
			"发布日期:2019-01-12 14:41:45   来源:本站\n过去一年，税收收入2亿元。",
			[]detail{{"2", "亿元", "税收收入", "", "2018", "fact", "level"}}},
		{"a time stamp whose seconds a line break ran into the next line's digits",
			"日期:2019-01-12 11:18:36\n1月10日，过去一年，税收收入2亿元。",
			[]detail{{"2", "亿元", "税收收入", "", "2018", "fact", "level"}}},
		{"the parts of an index code after a letter and a slash, and a number with a leading zero, are no figures",
			"索引号: 12345678900987654X/201901-00031 组配分类: 政府工作报告\n过去一年，修建道路012公里，新建公园3个。",
			[]detail{{"3", "个", "公园", "新增", "2018", "fact", "level"}}},
		{"a second measure word in brackets is part of the unit; 家次 and 辆次 count visits",
			"过去一年，收割机保有量达到800台(套)，走访企业120家次，检查车辆800辆次。",
			[]detail{{"800", "台(套)", "收割机保有量", "", "2018", "fact", "level"}, {"120", "家次", "企业", "", "2018", "fact", "level"},
				{"800", "辆次", "车辆", "", "2018", "fact", "level"}}},
		{"a bracket of more than one measure word is an aside, not a unit; 县 counts counties",
			"过去一年，全市12县(市、区)完成年度任务。",
			[]detail{{"12", "县", "", "", "2018", "fact", "level"}}},
		{"a unit written once after the last of a 和 list is every figure's",
			"过去一年，城镇和农村居民人均可支配收入增速分别提高1.2和0.8个百分点。",
			[]detail{{"1.2", "个百分点", "城镇居民人均可支配收入", "增长", "2018", "fact", "points"},
				{"0.8", "个百分点", "农村居民人均可支配收入", "增长", "2018", "fact", "points"}}},
		{"joining a numbered batch names the batch's size, also where the copy cuts the 之一 off; a first batch of projects is counted",
			"过去一年，本县成为全国首批50个\n过去一年，开工建设首批项目30个。",
			[]detail{{"30", "个", "首批项目", "", "2018", "fact", "level"}}},
		{"a ratio's last part after a decimal part is no time of day",
			"过去五年，三次产业结构由16.5:48.5:35调整为13.1:42:44.9。",
			[]detail{{"16.5", "", "第一产业增加值占地区生产总值比重", "", "2013", "fact", "ratio"}, {"48.5", "", "第二产业增加值占地区生产总值比重", "", "2013", "fact", "ratio"},
				{"35", "", "第三产业增加值占地区生产总值比重", "", "2013", "fact", "ratio"}, {"13.1", "", "第一产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"},
				{"42", "", "第二产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}, {"44.9", "", "第三产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}}},
		{"均保持 after a 和 pair gives each series the figure; an item's end recurring in the last names their shared head",
			"今后五年，全口径税收和规上工业税收增速均保持8%以上，城镇和农村公路里程均稳定在100公里以上。",
			[]detail{{"8", "%", "全口径税收", "以上,增长", "2019-2023", "target", "growth"}, {"8", "%", "规上工业税收增速", "以上,增长", "2019-2023", "target", "growth"},
				{"100", "公里", "城镇公路里程", "以上", "2023", "target", "level"}, {"100", "公里", "农村公路里程", "以上", "2023", "target", "level"}}},
		{"共 right before a count after a verb of doing sums; so do 共布设 and 总兑付; 新栽 counts new plantings, in two units side by side",
			"过去一年，举办推介会和洽谈会共15场，全镇共布设服务站8个，开发区共入驻企业30家，总兑付补偿资金1200万元，新栽果树苗木800亩3.1万株。",
			[]detail{{"15", "场", "推介会和洽谈会", "累计", "2018", "fact", "level"}, {"8", "个", "布设服务站", "累计", "2018", "fact", "level"}, {"30", "家", "开发区入驻企业", "", "2018", "fact", "level"},
				{"1200", "万元", "总兑付补偿资金", "累计", "2018", "fact", "level"}, {"800", "亩", "新栽果树苗木", "新增", "2018", "fact", "level"},
				{"3.1", "万株", "新栽果树苗木", "新增", "2018", "fact", "level"}}},
		{"从 a和b 提高到 c和d: both start levels, both end levels, in order",
			"过去五年，城镇和农村居民人均可支配收入从2013年的30000元和12000元提高到2018年的42000元和18000元。",
			[]detail{{"30000", "元", "城镇居民人均可支配收入", "", "2013", "fact", "level"}, {"12000", "元", "农村居民人均可支配收入", "", "2013", "fact", "level"},
				{"42000", "元", "城镇居民人均可支配收入", "", "2018", "fact", "level"}, {"18000", "元", "农村居民人均可支配收入", "", "2018", "fact", "level"}}},
		{"counts a verb of a stock governs in one clause are levels of the span's end; a new clause of counts is summed",
			"过去五年，集聚了甲基金等4家私募总部、乙证券等9家券商分部和丙公司、丁科技等30户区域总部，引进项目40个。",
			[]detail{{"4", "家", "私募总部", "", "2018", "fact", "level"}, {"9", "家", "券商分部和丙公司", "", "2018", "fact", "level"},
				{"30", "户", "区域总部", "", "2018", "fact", "level"}, {"40", "个", "项目", "累计", "2014-2018", "fact", "cumulative"}}},
		{"规模 naming the figure makes a five-year figure a size reached, not a sum",
			"过去五年，在谈项目投资规模近5亿元，工业总产值突破200亿规模，完成投资300亿元。",
			[]detail{{"5", "亿元", "在谈项目投资规模", "近", "2018", "fact", "level"}, {"200", "亿", "工业总产值", "超过", "2018", "fact", "level"},
				{"300", "亿元", "投资", "累计", "2014-2018", "fact", "cumulative"}}},
		{"the 其中 parts of a new count named by a bound are new, each; a year's 累计 heads its programme's list over a clause with no figure",
			"过去一年，新增市场主体900家，其中注册资本在1000万元以上的60家，5000万元以上的8家。2018年累计办理贷款企业300家，位列全市第三，授信金额500万元，发放贷款420万元。",
			[]detail{{"900", "家", "市场主体", "新增", "2018", "fact", "level"}, {"60", "家", "注册资本在1000万元以上", "新增", "2018", "fact", "level"},
				{"8", "家", "5000万元以上", "新增", "2018", "fact", "level"}, {"300", "家", "贷款企业", "累计", "2018", "fact", "level"},
				{"500", "万元", "授信金额", "累计", "2018", "fact", "level"}, {"420", "万元", "贷款", "累计", "2018", "fact", "level"}}},
		{"a place's 累计 heads no list of other actions",
			"过去一年，街道累计筹集资金30万元，分发物资2万件。",
			[]detail{{"30", "万元", "资金", "累计", "2018", "fact", "level"}, {"2", "万件", "分发物资", "", "2018", "fact", "level"}}},
		{"a 其中 part of a five-year sum sums the span too, also a class by size",
			"过去五年，落户园区企业30家，其中亿元级企业7家。",
			[]detail{{"30", "家", "落户园区企业", "累计", "2014-2018", "fact", "cumulative"}, {"7", "家", "亿元级企业", "累计", "2014-2018", "fact", "cumulative"}}},
		{"从X年的a，增长至Y年的b: a comma between the start and the verb to the end",
			"一年来，地区生产总值从2017年的6.35亿元，增长至2018年的6.46亿元，农民人均纯收入从2017年的18753元，增长至2018年的19818元。",
			[]detail{{"6.35", "亿元", "地区生产总值", "", "2017", "fact", "level"}, {"6.46", "亿元", "地区生产总值", "", "2018", "fact", "level"},
				{"18753", "元", "农民人均纯收入", "", "2017", "fact", "level"}, {"19818", "元", "农民人均纯收入", "", "2018", "fact", "level"}}},
		{"a clause naming a series and how it moved in words, then a clause of the level only: the level and its growth are the series'; 增收 says its revenue",
			"过去一年，服务业产值首次突破百亿，达到112亿。财政一般预算稳步增收，达到2.3亿元，同比增长6%。",
			[]detail{{"112", "亿", "服务业产值", "", "2018", "fact", "level"}, {"2.3", "亿元", "财政一般预算收入", "", "2018", "fact", "level"},
				{"6", "%", "财政一般预算收入", "增长", "2018", "fact", "growth"}}},
		{"名义增长 and 实际增长 say how a growth was reckoned, no part of the subject; 实际利用外资 keeps its name",
			"过去一年，农村居民人均可支配收入为15000元，名义增长2.6%，实际增长1.2%；实际利用外资5000万美元，增长8%。",
			[]detail{{"15000", "元", "农村居民人均可支配收入", "", "2018", "fact", "level"}, {"2.6", "%", "农村居民人均可支配收入", "增长", "2018", "fact", "growth"},
				{"1.2", "%", "农村居民人均可支配收入", "增长", "2018", "fact", "growth"}, {"5000", "万美元", "实际利用外资", "", "2018", "fact", "level"},
				{"8", "%", "实际利用外资", "增长", "2018", "fact", "growth"}}},
		{"a rate after a count of the stages a series passed is the series'; 总量 after a sentence's series is that series'",
			"过去五年，地区生产总值达到90亿元，跨越3个十亿级台阶，年均增长8%。\n过去一年，税收收入实现稳步增长，其中：总量6亿元，增长12%；非税收入2亿元。",
			[]detail{{"90", "亿元", "地区生产总值", "", "2018", "fact", "level"}, {"3", "个", "十亿级台阶", "累计", "2014-2018", "fact", "cumulative"},
				{"8", "%", "地区生产总值", "年均", "2014-2018", "fact", "growth"}, {"6", "亿元", "税收收入", "", "2018", "fact", "level"},
				{"12", "%", "税收收入", "增长", "2018", "fact", "growth"}, {"2", "亿元", "非税收入", "", "2018", "fact", "level"}}},
		{"完成年度目标 keeps its name, as 年度任务; a bare 目标 is the plan",
			"过去一年，税收收入2亿元，完成年度目标的80%；工业投资1亿元，完成目标的90%。",
			[]detail{{"2", "亿元", "税收收入", "", "2018", "fact", "level"}, {"80", "%", "税收收入完成年度目标比例", "", "2018", "fact", "ratio"},
				{"1", "亿元", "工业投资", "", "2018", "fact", "level"}, {"90", "%", "工业投资完成计划比例", "", "2018", "fact", "ratio"}}},
		{"a list of gaps: with as many places as gaps, one place each; after as many growth rates, one rate each; a gap of a 年均 rate says so",
			"过去五年，地区生产总值年均增长9%，分别高于全国、全省2.9和1.5个百分点；城镇和农村居民人均可支配收入年均分别增长8%和10%，高于全省0.3和2.1个百分点。",
			[]detail{{"9", "%", "地区生产总值", "年均", "2014-2018", "fact", "growth"}, {"2.9", "个百分点", "地区生产总值年均增速高于全国", "", "2014-2018", "fact", "points"},
				{"1.5", "个百分点", "地区生产总值年均增速高于全省", "", "2014-2018", "fact", "points"}, {"8", "%", "城镇居民人均可支配收入", "年均", "2014-2018", "fact", "growth"},
				{"10", "%", "农村居民人均可支配收入", "年均", "2014-2018", "fact", "growth"}, {"0.3", "个百分点", "城镇居民人均可支配收入年均增速高于全省", "", "2014-2018", "fact", "points"},
				{"2.1", "个百分点", "农村居民人均可支配收入年均增速高于全省", "", "2014-2018", "fact", "points"}}},
		{"the count of a list's items (两大主导, 三大支柱) closes the list; the head after it is every item's",
			"过去一年，电子信息、绿色建材和装配式建筑两大主导产业产值分别增长20%和30%；纺织、食品、机械三大支柱行业产值分别增长5%、6%和7%。",
			[]detail{{"20", "%", "电子信息产业产值", "增长", "2018", "fact", "growth"}, {"30", "%", "绿色建材和装配式建筑产业产值", "增长", "2018", "fact", "growth"},
				{"5", "%", "纺织行业产值", "增长", "2018", "fact", "growth"}, {"6", "%", "食品行业产值", "增长", "2018", "fact", "growth"},
				{"7", "%", "机械行业产值", "增长", "2018", "fact", "growth"}}},
		{"a figure masked in the copy (XX) on a line of its own goes on the sentence: the growth after it is of the series before it",
			"过去一年，完成地区生产总值\nXX\n亿元,增长\n5%\n;财政收入\n××\n万元,增长\n14.9%\n;固定资产投资\nXX\n亿元,占全年任务数的\n77.8%\n。",
			[]detail{{"5", "%", "地区生产总值", "增长", "2018", "fact", "growth"}, {"14.9", "%", "财政收入", "增长", "2018", "fact", "growth"},
				{"77.8", "%", "固定资产投资完成全年任务比例", "", "2018", "fact", "ratio"}}},
		{"a year's 累计 is the level a completion rate after it completes; a verb before 率 is part of the rate's name",
			"过去一年，重点项目累计完成投资35亿元，占年计划101%；开工项目12个，开工率达92.3%。",
			[]detail{{"35", "亿元", "重点项目投资", "累计", "2018", "fact", "level"}, {"101", "%", "重点项目投资完成计划比例", "", "2018", "fact", "ratio"},
				{"12", "个", "项目", "", "2018", "fact", "level"}, {"92.3", "%", "开工率", "", "2018", "fact", "ratio"}}},
		{"the work done on the things a count names (建设, 工作, 任务) is none of their name; items of work (N项工作) count the work",
			"过去一年，抓好86项市级重点项目建设，完成40户农村危房改造任务，推进污水治理等5项工作。",
			[]detail{{"86", "项", "市级重点项目", "", "2018", "fact", "level"}, {"40", "户", "农村危房改造", "", "2018", "fact", "level"},
				{"5", "项", "工作", "", "2018", "fact", "level"}}},
		{"a verb of sowing, raising or purchase before its crop or stock: the crop or stock first, as the statistics name it",
			"过去一年，播种小麦8.5万亩，出栏肉牛1200头，收购茶叶300吨，新种植核桃500亩。",
			[]detail{{"8.5", "万亩", "小麦播种", "", "2018", "fact", "level"}, {"1200", "头", "肉牛出栏", "", "2018", "fact", "level"},
				{"300", "吨", "茶叶收购", "", "2018", "fact", "level"}, {"500", "亩", "核桃新种植", "新增", "2018", "fact", "level"}}},
		{"a count in 户 of a population names the households; in 人 or 名 of households, the people",
			"过去一年，全镇贫困人口由520户减至36户，312名建档立卡贫困户实现稳定脱贫。",
			[]detail{{"520", "户", "贫困户", "", "2017", "fact", "level"}, {"36", "户", "贫困户", "", "2018", "fact", "level"},
				{"312", "名", "建档立卡贫困人口", "", "2018", "fact", "level"}}},
		{"经济总量 is 地区生产总值; 迈 before a bound is no part of the subject",
			"过去五年，经济总量净增120亿元，经济总量迈近300亿元。",
			[]detail{{"120", "亿元", "地区生产总值", "增长", "2014-2018", "fact", "growth"}, {"300", "亿元", "地区生产总值", "近", "2018", "fact", "level"}}},
		{"a count of things that became or were chosen as something names what they became",
			"过去一年，甲公司等6家企业成为省级专精特新企业，3个村入选省级美丽乡村示范村。",
			[]detail{{"6", "家", "省级专精特新企业", "", "2018", "fact", "level"}, {"3", "个", "省级美丽乡村示范村", "", "2018", "fact", "level"}}},
		{"two sectors' share together (二三产业比重); 所有 before a noun is 各",
			"过去一年，二三产业比重达到89.1%，所有村集体经营性收入超过15万元。",
			[]detail{{"89.1", "%", "第二、三产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}, {"15", "万元", "各村集体经营性收入", "超过", "2018", "fact", "level"}}},
		{"an item whose end recurs inside the last item takes the head that follows it there",
			"今后五年，全口径电商交易和跨境电商交易额增速均保持15%以上。",
			[]detail{{"15", "%", "全口径电商交易额增速", "以上,增长", "2019-2023", "target", "growth"}, {"15", "%", "跨境电商交易额增速", "以上,增长", "2019-2023", "target", "growth"}}},
		{"a scope bracket in a subject keeps the report's own bracket",
			"过去一年，一般公共预算收入(含园区)年均增长4%，固定资产投资（不含农户）增长6%。",
			[]detail{{"4", "%", "一般公共预算收入(含园区)", "年均", "2018", "fact", "growth"}, {"6", "%", "固定资产投资（不含农户）", "增长", "2018", "fact", "growth"}}},
	}
	for _, c := range cases {
		got := details(Extract(strings.Split(head+c.text, "\n"), Options{}))
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

// Blind batch 4's names: scope words and brackets, a series beside its
// scoped part, a 同口径 in brackets, a list of multiples after a comma list.
func TestIndicatorNamesBatch7(t *testing.T) {
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		want []string
	}{
		{"过去一年，县属固定资产投资30亿元，增长5%；全社会固定资产投资80亿元。", []string{"", "", "fai"}},
		{"过去一年，一般公共预算收入（含某片区）5亿元，一般公共预算收入4亿元；全县（含园区，下同）固定资产投资完成8亿元。", []string{"", "budget_revenue", "fai"}},
		{"过去一年，完成工业产值9亿元，规模工业总产值6亿元。", []string{"", "industrial_output"}},
		{"过去一年，工业总产值9亿元。", []string{"industrial_output"}},
		{"过去一年，地方一般公共预算收入2.5亿元，下降(同口径)9.5%。", []string{"budget_revenue", ""}},
		{"过去一年，财政一般预算稳步增收，达到2.3亿元，同比增长6%。", []string{"budget_revenue", "budget_revenue"}},
		{"过去五年，全社会固定资产投资累计完成2800亿元，年度投资均保持在500亿元以上；重点项目总投资50亿元，完成投资30亿元。", []string{"fai", "fai", "", ""}},
		{"过去一年，规上工业企业达到111户，总产值突破300亿，新增企业5家，产值2亿元。", []string{"", "industrial_output", "", ""}},
		{"过去五年，一般公共预算收入30亿元，一般公共预算支出200亿元，是2013年的1.3倍和1.5倍。", []string{"budget_revenue", "", "budget_revenue", ""}},
	}
	for _, c := range cases {
		found := Extract(strings.Split("某县政府工作报告\n——2019年1月10日\n"+c.text, "\n"), Options{})
		got := MapIndicators(found, s)
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s\n%+v", c.text, diff, found)
		}
	}
}

// A bare 亿 of an amount in 元 (总产值突破300亿) is checked as 亿元, at the
// edges of 超过: v > 300亿元 strictly.
func TestBareMagnitudeAtTheEdges(t *testing.T) {
	text := "某镇政府工作报告（2021年1月8日）\n一、2020年工作回顾\n过去一年，规上工业企业达到40户，总产值突破300亿。"
	unit := func(n string) reconcile.Unit { u, _ := reconcile.LookupUnit(n); return u }
	s := &reconcile.Spec{Indicators: []reconcile.Indicator{{Code: "industrial_output", Name: "规模工业总产值", Aliases: []string{"规模以上工业总产值"}, Unit: unit("万元"), Precision: 2}}}
	claims := Map(Extract(strings.Split(text, "\n"), Options{}), s)
	var c *reconcile.Claim
	for i := range claims {
		if claims[i].Written == "300" {
			c = &claims[i]
		}
	}
	if c == nil || c.Indicator != "industrial_output" || c.Unit.Name != "亿元" {
		t.Fatalf("300亿: %+v", claims)
	}
	for _, tc := range []struct {
		value string
		want  reconcile.ClaimStatus
	}{{"3000000", reconcile.Mismatch}, {"3000000.01", reconcile.Consistent}, {"2999999.99", reconcile.Mismatch}} {
		year := func(ind string, y int) reconcile.Figure {
			if y == 2020 {
				return reconcile.Figure{Value: decimal.RequireFromString(tc.value), Has: true}
			}
			return reconcile.Figure{}
		}
		if r := reconcile.EvaluateClaim(s, c, year); r.Status != tc.want {
			t.Errorf("%s万元 against 突破300亿: %s (interval %s), want %s", tc.value, r.Status, r.Interval, tc.want)
		}
	}
}
