package report

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Period and kind rules the development half's fresh reports called for
// (issue 13, second round), each on sentences written for the test.
func TestPeriodRulesRound2(t *testing.T) {
	cases := []struct {
		name, text string
		want       []detail
	}{
		{"a news report of the session without a date: the budget carried out names the reviewed year",
			"某镇第十届人民代表大会第一次会议召开\n大会审查了镇2020年财政预算执行情况和2021年财政预算（草案）报告。\n五年来，全镇新建道路30公里。",
			[]detail{{"30", "公里", "道路", "新增,累计", "2016-2020", "fact", "cumulative"}}},
	}
	for _, c := range cases {
		got := details(Extract(strings.Split(c.text, "\n"), Options{}))
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}
