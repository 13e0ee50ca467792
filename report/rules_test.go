package report

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jingwu/tally/spec"
)

// The general rules the development half of the labelled reports called
// for, each on sentences written for the test (no report's own wording).
func TestReadingRules(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日在某县人民代表大会上\n"
	cases := []struct {
		name, text string
		want       []detail
	}{
		{"traditional characters with pinyin glosses", "過去一年，全縣地區(qū)生產(chǎn)總值120億元，增長(zhǎng)8%。\n二、2019年主要預(yù)期目標(biāo)\n力爭固定資產(chǎn)投資增幅10%以上。",
			[]detail{{"120", "亿元", "地区生产总值", "", "2018", "fact", "level"}, {"8", "%", "地区生产总值", "增长", "2018", "fact", "growth"},
				{"10", "%", "固定资产投资", "以上,增长", "2019", "target", "growth"}}},
		{"a ratio written with ∶", "过去一年，三次产业结构调整为8.1∶40.2∶51.7。",
			[]detail{{"8.1", "", "三次产业结构", "", "2018", "fact", "ratio"}, {"40.2", "", "三次产业结构", "", "2018", "fact", "ratio"}, {"51.7", "", "三次产业结构", "", "2018", "fact", "ratio"}}},
		{"a time of day is no ratio; a structure ratio adds to 100", "网站 2021-07-27 17:26:59 发布\n过去一年，三次产业结构为10:45:45。",
			[]detail{{"10", "", "三次产业结构", "", "2018", "fact", "ratio"}, {"45", "", "三次产业结构", "", "2018", "fact", "ratio"}, {"45", "", "三次产业结构", "", "2018", "fact", "ratio"}}},
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
			[]detail{{"50", "亿元", "", "累计,近", "2014-2018", "fact", "cumulative"}}},
		{"a sum over the years a sentence names", "过去一年，2017年完成验收，2018年新建高标准农田5000亩，总计治理农田12000亩。",
			[]detail{{"5000", "亩", "高标准农田", "新增", "2018", "fact", "level"}, {"12000", "亩", "农田", "累计", "2017-2018", "fact", "cumulative"}}},
		{"全年共 sums the year; a bare 共 does not", "过去一年，全年共办理诉求19条，共发生事故3起。",
			[]detail{{"19", "条", "诉求", "累计", "2018", "fact", "level"}, {"3", "起", "事故", "", "2018", "fact", "level"}}},
		{"a multiple of a base year speaks of the span after it", "截至2018年底，全县地区生产总值是2013年的1.5倍。",
			[]detail{{"1.5", "倍", "地区生产总值", "", "2014-2018", "fact", "ratio"}}},
		{"since a nationwide event; a figure right after another shares 由X到Y", "脱贫攻坚战打响以来，累计投入资金12亿元，贫困人口由3000户9000人减至100户260人。",
			[]detail{{"12", "亿元", "资金", "累计", "2016-2018", "fact", "cumulative"},
				{"3000", "户", "贫困人口", "", "2015", "fact", "level"}, {"9000", "人", "贫困人口", "", "2015", "fact", "level"},
				{"100", "户", "贫困人口", "", "2018", "fact", "level"}, {"260", "人", "贫困人口", "", "2018", "fact", "level"}}},
		{"新培育 is 新增; a 新增 list goes on to the sentence's end", "过去一年，新培育合作社12家、家庭农场8个，上市企业2家。",
			[]detail{{"12", "家", "合作社", "新增", "2018", "fact", "level"}, {"8", "个", "家庭农场", "新增", "2018", "fact", "level"}, {"2", "家", "上市企业", "新增", "2018", "fact", "level"}}},
		{"a 新增 inside a subject heads no list", "过去一年，城镇新增就业1200人，转移农村劳动力3500人次。",
			[]detail{{"1200", "人", "城镇新增就业", "新增", "2018", "fact", "level"}, {"3500", "人次", "转移农村劳动力", "", "2018", "fact", "level"}}},
		{"a bound after a 分别 list is each one's, unless it sets equal figures apart", "二、2019年主要预期目标\n城乡居民收入分别增长8%、9%以上，财政总收入、地方财政收入分别增长6%和6%以上。",
			[]detail{{"8", "%", "城镇居民收入", "以上,增长", "2019", "target", "growth"}, {"9", "%", "农村居民收入", "以上,增长", "2019", "target", "growth"},
				{"6", "%", "财政总收入", "增长", "2019", "target", "growth"}, {"6", "%", "地方财政收入", "以上,增长", "2019", "target", "growth"}}},
		{"减少 opening a clause is a decline; a comparison is a gap", "过去一年，减少政府债务2.5亿元；规上工业增加值增长9%，增速高于全市1.2个百分点。",
			[]detail{{"2.5", "亿元", "政府债务", "下降", "2018", "fact", "growth"}, {"9", "%", "规上工业增加值", "增长", "2018", "fact", "growth"},
				{"1.2", "个百分点", "高于全市", "", "2018", "fact", "points"}}},
		{"a plan's targets: the span over the goal phrase of its sentence", "“十四五”时期，我县的主要目标是：地区生产总值年均增长6.5%以上，到2025年突破200亿元，累计完成投资500亿元。",
			[]detail{{"6.5", "%", "地区生产总值", "以上,年均", "2021-2025", "target", "growth"}, {"200", "亿元", "地区生产总值", "超过", "2025", "target", "level"},
				{"500", "亿元", "投资", "累计", "2021-2025", "target", "cumulative"}}},
	}
	for _, c := range cases {
		got := details(Extract(strings.Split(head+c.text, "\n"), Options{}))
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

// The older names of the budget revenue map to it; its total, a bare
// 公共财政收入, a 规模以上 part of investment and a town-level revenue do not.
func TestIndicatorNames(t *testing.T) {
	text := "某县政府工作报告\n——2019年1月10日\n过去一年，公共预算收入3.6亿元，地方公共财政收入2.1亿元，公共财政收入5.2亿元，一般公共预算总收入6亿元，" +
		"规模以上固定资产投资增长10%，镇级财政收入全部超过1000万元，规上工业产值52亿元。"
	found := Extract(strings.Split(text, "\n"), Options{})
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	got := MapIndicators(found, s)
	want := []string{"budget_revenue", "budget_revenue", "", "", "", "", "industrial_output"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("indicators (-want +got):\n%s\n%+v", diff, found)
	}
}
