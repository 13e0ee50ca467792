package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestZZYears(t *testing.T) {
	if os.Getenv("ZZY") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("testdata/reports/dev/*.yaml")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		var l labelled
		yaml.Unmarshal(b, &l)
		txt, _ := os.ReadFile(filepath.Join("testdata/reports/dev", l.Report))
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
		if d == 0 && r != 0 {
			d = r + 1
			if strings.Contains(x.s, "今年以来") {
				d = r
			}
		}
		mark := ""
		if r != l.Reviews || d != l.Delivered {
			mark = "  <<<"
		}
		fmt.Printf("%-22s got r%d d%d m%d  want r%d d%d%s\n", l.Report, r, d, x.month, l.Reviews, l.Delivered, mark)
	}
}
