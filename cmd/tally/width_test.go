package main

import (
	"strings"
	"testing"
)

// Columns line up on a terminal whatever mix of Chinese (two columns a
// character) and ASCII the cells hold: each column starts at the same
// display column on every line.
func TestPrintTableAlignsByDisplayWidth(t *testing.T) {
	var b strings.Builder
	printTable(&b, [][]string{
		{"填报单位", "1月", "2月"},
		{"劳动保障所", "已报送", "未报送"},
		{"czs", "submitted", "MISSING"},
	})
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	starts := func(line string, cells ...string) []int {
		var out []int
		for _, c := range cells {
			i := strings.Index(line, c)
			out = append(out, width(line[:i]))
		}
		return out
	}
	a := starts(lines[0], "1月", "2月")
	bb := starts(lines[1], "已报送", "未报送")
	c := starts(lines[2], "submitted", "MISSING")
	if a[0] != bb[0] || bb[0] != c[0] || a[1] != bb[1] || bb[1] != c[1] {
		t.Errorf("columns start at %v, %v, %v:\n%s", a, bb, c, b.String())
	}
	if width("劳动保障所") != 10 || width("“数据”") != 6 {
		t.Errorf("display widths: %d %d", width("劳动保障所"), width("“数据”"))
	}
}
