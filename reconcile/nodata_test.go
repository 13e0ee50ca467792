package reconcile

import (
	"strings"
	"testing"
)

// A claim's years without data are said once per run of consecutive
// years, not once per year.
func TestNoDataForYears(t *testing.T) {
	var got []string
	for _, x := range noDataForYears([]int{2016, 2017, 2018, 2019, 2021}) {
		got = append(got, x.In(Chinese)+" | "+x.In(English))
	}
	want := []string{
		"没有报送 2016 至 2019 年的该指标数据 | no submission carries this indicator for 2016 to 2019",
		"没有报送 2021 年的该指标数据 | no submission carries this indicator for 2021",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
