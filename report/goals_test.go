package report

import (
	"strings"
	"testing"
)

// Goal words inside a review of what was done do not make a target: a
// target needs a future frame (a passage on the coming year or a plan, or a
// goal verb in a future sense). Each sentence below is written for the
// test; kinds only (the other fields have tests of their own).
func TestGoalWordsInReviews(t *testing.T) {
	const head = "某县政府工作报告\n——2021年1月12日在某县人民代表大会上\n一、2020年工作回顾\n"
	const plan = "\n二、2021年工作安排\n"
	cases := []struct {
		name, text string
		kinds      string // the kinds of the figures in text order
	}{
		{"全力争取 / 努力争取 is 争取 (won), not 力争", "全力争取上级资金3.2亿元，努力争取债券资金8000万元，增长12%。", "fact fact fact"},
		{"力争上游 is an idiom of effort", "我们力争上游、真抓实干，地区生产总值增长6.5%。", "fact"},
		{"the goals named as reached", "圆满完成了年初确定的主要目标：地区生产总值增长7%，税收收入增长9%。", "fact fact"},
		{"the goals named as reached, without 了", "全面完成年初县人代会确定的主要目标：一般公共预算收入3.1亿元，增长5%。", "fact fact"},
		{"a completion rate of the year's target tasks", "固定资产投资完成全年目标任务的108%。", "fact"},
		{"a plan's end year in its name", "编制《全域旅游发展规划（2020—2025年）》，新建旅游厕所15座。", "fact"},
		{"a plan's years after its name", "实施农村人居环境整治三年行动（2019-2022年），改造农村户厕3200户。", "fact"},
		{"a plan's range of years before 工作计划", "制定2019—2021年工作计划，新建村卫生室15个。", "fact"},
		{"确保 done, in a past-tense sentence", "确保了粮食安全，粮食总产量达到8.5万吨。", "fact"},
		{"确保 of what was secured, with 已", "确保重点项目建设，已完成投资12亿元。", "fact"},
		{"力争 of what was done, with 了", "我们力争早开工、早投产，全年新开工项目32个，实现了当年开工当年投产。", "fact"},
		{"确保 of what a review secured", "坚守耕地红线，确保粮食播种面积稳定在12万亩。", "fact"},
		{"确保 with a future frame in a review passage stays a goal", "下一步，确保粮食播种面积稳定在12万亩。", "target"},
		{"计划 naming a programme", "实施“人才强县”计划，引进高层次人才46名。", "fact"},
		{"a plan named with its years", "“十四五”规划纲要编制完成，全年新增市场主体2300户。", "fact"},
		{"targets stay targets: 力争 in the plan passage", plan + "力争地区生产总值增长7%，一般公共预算收入增长6%以上。", "target target"},
		{"targets stay targets: 确保 in the plan passage", plan + "确保粮食播种面积稳定在12万亩以上。", "target"},
		{"targets stay targets: a plan's goal verbs after an unrecognised heading", "\n三、扎实做好全年各项工作\n力争全年新增就业1500人，确保城镇登记失业率控制在4%以内。", "target target"},
		{"targets stay targets: 到2025年 in a plan sentence", plan + "到2025年，地区生产总值突破300亿元。", "target"},
		{"targets stay targets: the year's goals", "\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。", "target"},
	}
	for _, c := range cases {
		cs := Extract(strings.Split(head+c.text, "\n"), Options{})
		var kinds []string
		for _, cl := range cs {
			kinds = append(kinds, cl.Kind)
		}
		if got := strings.Join(kinds, " "); got != c.kinds {
			t.Errorf("%s: kinds %q, want %q (%v)", c.name, got, c.kinds, details(cs))
		}
	}
}
