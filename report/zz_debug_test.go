package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	name := os.Getenv("ZZ")
	if name == "" {
		t.Skip()
	}
	for _, n := range strings.Split(name, ",") {
		txt, _ := os.ReadFile(filepath.Join("testdata/reports/dev", n+".txt"))
		lines := strings.Split(strings.ReplaceAll(string(txt), "\r\n", "\n"), "\n")
		lines[0] = ""
		tt := join(simplified(lines))
		x := &extractor{t: tt, s: string(tt.runes)}
		x.byteRune = make([]int, len(x.s)+1)
		k := 0
		for b := range x.s {
			x.byteRune[b] = k
			k++
		}
		x.byteRune[len(x.s)] = k
		r, d := x.years()
		fmt.Println(n, "review", r, "delivered", d, "month", x.month)
		if os.Getenv("ZZM") != "" {
			x.review, x.delivered = r, d
			if x.delivered == 0 {
				x.delivered = r + 1
			}
			x.passages()
			for _, m := range x.marks {
				fmt.Printf("  mark L%d %q %s\n", x.t.lines[m.at], x.str(m.at, m.at+12), m.p)
			}
			for _, m := range x.scoped {
				fmt.Printf("  scoped L%d %q %s\n", x.t.lines[m.at], x.str(m.at, m.at+12), m.p)
			}
		}
		if os.Getenv("ZZC") != "" {
			for _, c := range Extract(lines, Options{}) {
				fmt.Printf("  L%d %s %s %v %q %s %s %s [%s]\n", c.Line, c.Value, c.Unit, c.Qualifiers, c.Subject, c.Period, c.Kind, c.Measure, c.Text)
			}
		}
	}
}
