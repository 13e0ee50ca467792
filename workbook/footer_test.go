package workbook

import (
	"testing"
)

// The footer expression is built from its label lists; it is the one it
// was written as, and isFooterLabel's first-character test never refuses
// a name the expression matches.
func TestFooterLabelPrefilter(t *testing.T) {
	const written = `^(?:(?:填表人|填报人|制表人|审核人|复核人|单位负责人|统计负责人|主管领导|分管领导|联系人|联系电话|填报日期|填表日期|报送日期|制表日期|报出日期|打印日期|单位盖章|以下空白|以下无数据|此行以下空白)|(?:注|备注|说明|附注|负责人|审核|制表|电话|手机|日期|盖章|单位)(?:\s*[:：]|\s|$))`
	if footerLabel.String() != written {
		t.Fatalf("footerLabel is\n%s\nwant\n%s", footerLabel, written)
	}
	var names []string
	for _, w := range append(append([]string(nil), footerLong...), footerShort...) {
		for _, tail := range []string{"", "：张三", ":", " 2021-05-06", "\t1", "厂", "城", "x"} {
			names = append(names, w+tail, " "+w+tail, "甲"+w+tail)
		}
	}
	names = append(names, "", "注塑厂", "手机城", "单位名称", "甲公司", "91120111MA05K0LX7Q", "合计", "\u3000注：", "注\u00a0", "１")
	for _, n := range names {
		if got, want := isFooterLabel(n), footerLabel.MatchString(n); got != want {
			t.Errorf("isFooterLabel(%q) = %v, the expression says %v", n, got, want)
		}
	}
}

func FuzzFooterLabel(f *testing.F) {
	for _, s := range []string{"注：", "注塑厂", "联系电话 123", "甲公司"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isFooterLabel(s), footerLabel.MatchString(s); got != want {
			t.Fatalf("isFooterLabel(%q) = %v, the expression says %v", s, got, want)
		}
	})
}
