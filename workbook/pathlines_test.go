package workbook

import (
	"strings"
	"testing"

	"github.com/jingwu/tally/grid"
)

// A spec's path in 概览's values column breaks only after a folder
// separator or a closing bracket, each line fitting the column where its
// names allow; joined without the breaks (and the space a break took) it
// is the path again.
func TestPathLines(t *testing.T) {
	w := grid.Width(int(overviewWidths[1]))
	for _, c := range []struct{ in, want string }{
		{"town.yaml", "town.yaml"},
		{"（内置）jingwu-2020.yaml", "（内置）\njingwu-2020.yaml"},
		{"(built-in) jingwu-2020.yaml", "(built-in)\njingwu-2020.yaml"},
		{"specs/2021/town-spec.yaml", "specs/2021/\ntown-spec.yaml"},
		{`D:\报送\规格\town.yaml`, `D:\报送\规格\` + "\ntown.yaml"},
		{"a-very-long-spec-file-name.yaml", "a-very-long-spec-file-name.yaml"}, // one name: not cut by tally
	} {
		got := pathLines(c.in, w)
		if got != c.want {
			t.Errorf("pathLines(%q) = %q, want %q", c.in, got, c.want)
		}
		if back := strings.ReplaceAll(got, "\n", ""); strings.ReplaceAll(c.in, " ", "") != strings.ReplaceAll(back, " ", "") {
			t.Errorf("pathLines(%q) lost text: %q", c.in, got)
		}
	}
}
