package report

import (
	"testing"
)

// Growth or share: a bare 增 or 增产 before a rate is its growth, a bound
// after the growth word bounds the growth, and a share named after a
// growth word (贡献率, 增长面) is a ratio, not a growth. Sentences written
// for the test.
func TestGrowthOrShare(t *testing.T) {
	const head = "某县政府工作报告\n——2021年1月12日在某县人民代表大会上\n一、2020年工作回顾\n"
	checkRules(t, head, []ruleCase{
		{"年增 / 较上年增", "工业增加值年增7.5%，出口额较上年增12%。",
			[]detail{{"7.5", "%", "工业增加值", "增长", "2020", "fact", "growth"}, {"12", "%", "出口额", "增长", "2020", "fact", "growth"}}},
		{"增产 after a level", "粮食总产量达到9万吨，增产4%。",
			[]detail{{"9", "万吨", "粮食总产量", "", "2020", "fact", "level"}, {"4", "%", "粮食总产量", "增长", "2020", "fact", "growth"}}},
		{"a bound on the growth itself", "一般公共预算收入增长超过10%。",
			[]detail{{"10", "%", "一般公共预算收入", "增长,超过", "2020", "fact", "growth"}}},
		{"a comparison with another's rate stays a gap", "规上工业增加值增长9%，增速超过全市1.5个百分点。",
			[]detail{{"9", "%", "规上工业增加值", "增长", "2020", "fact", "growth"}, {"1.5", "个百分点", "规上工业增加值增速高于全市", "", "2020", "fact", "points"}}},
		{"a growth or decline rate brought to a level is that rate", "规上工业增加值增速回升至8%，出口降幅收窄到5%，税收增长幅度为6%。",
			[]detail{{"8", "%", "规上工业增加值", "增长", "2020", "fact", "growth"}, {"5", "%", "出口", "下降", "2020", "fact", "growth"}, {"6", "%", "税收", "增长", "2020", "fact", "growth"}}},
		{"a share brought to a level stays a share", "森林覆盖率提高到62%。",
			[]detail{{"62", "%", "森林覆盖率", "", "2020", "fact", "ratio"}}},
		{"an adverb of effort opens no subject", "全力争取上级资金3.2亿元，积极引进项目12个。",
			[]detail{{"3.2", "亿元", "上级资金", "", "2020", "fact", "level"}, {"12", "个", "项目", "", "2020", "fact", "level"}}},
		{"a share named after a growth word", "消费对经济增长的贡献率达58%，规上工业企业增长面为75%。",
			[]detail{{"58", "%", "消费对经济增长的贡献率", "", "2020", "fact", "ratio"}, {"75", "%", "规上工业企业增长面", "", "2020", "fact", "ratio"}}},
		{"the growth of a rate in points", "提高森林覆盖率1.5个百分点，城镇化率增长率为3%。",
			[]detail{{"1.5", "个百分点", "森林覆盖率", "增长", "2020", "fact", "points"}, {"3", "%", "城镇化率", "增长", "2020", "fact", "growth"}}},
	})
}
