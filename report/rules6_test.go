package report

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jingwu/tally/spec"
)

// Batch 6 of the development half (the blind batch retired to dev):
// qualifiers, measures, subjects and names of reports written elsewhere.
// Each rule on sentences written for the test, none a report's own.
func TestReadingRulesBatch6(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n"
	cases := []struct {
		name, text string
		want       []detail
	}{
		{"增长N倍 is a growth written in 倍; 是…的N倍 a ratio",
			"过去一年，全县外贸出口额实现3000万美元，增长2倍；截至2018年底，税收收入是2013年的1.8倍。",
			[]detail{{"3000", "万美元", "外贸出口额", "", "2018", "fact", "level"}, {"2", "倍", "外贸出口额", "增长", "2018", "fact", "growth"},
				{"1.8", "倍", "税收收入", "", "2014-2018", "fact", "ratio"}}},
		{"a level stated after a change in points goes on no list of changes",
			"过去五年，服务业增加值占地区生产总值的比重提高8.2个百分点、达52.3%。",
			[]detail{{"8.2", "个百分点", "服务业增加值占地区生产总值的比重", "增长", "2014-2018", "fact", "points"},
				{"52.3", "%", "服务业增加值占地区生产总值的比重", "", "2018", "fact", "ratio"}}},
	}
	for _, c := range cases {
		got := details(Extract(strings.Split(head+c.text, "\n"), Options{}))
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

// Batch 6's names.
func TestIndicatorNamesBatch6(t *testing.T) {
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		want []string
	}{
		{"过去一年，税收收入2亿元，增长3倍。", []string{"tax", "tax"}},
	}
	for _, c := range cases {
		found := Extract(strings.Split("某县政府工作报告\n——2019年1月10日\n"+c.text, "\n"), Options{})
		got := MapIndicators(found, s)
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s\n%+v", c.text, diff, found)
		}
	}
}
