package report

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// yearExceptions are the development reports whose year reviewed the text
// cannot tell, each with why (none at present).
var yearExceptions = map[string]string{}

// TestDevReviewYear: with no year given (tally extract without --year),
// the year each development report reviews, and the year it was delivered
// when the text tells it, are its labels' — or it is an exception with a
// reason. The evidence that decided is logged, counted by kind.
func TestDevReviewYear(t *testing.T) {
	files, _ := filepath.Glob("testdata/reports/dev/*.yaml")
	if len(files) == 0 {
		t.Skip("no labelled development reports in testdata/reports/dev")
	}
	wrong := 0
	by := map[evidence]int{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var l labelled
		if err := yaml.Unmarshal(b, &l); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		txt, err := os.ReadFile(filepath.Join("testdata/reports/dev", l.Report))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.ReplaceAll(string(txt), "\r\n", "\n"), "\n")
		lines[0] = "" // the label set's `# 来源:` line is not the report's
		d := newExtractor(lines).decideYears()
		by[d.by]++
		name := strings.TrimSuffix(l.Report, ".txt")
		if d.review == l.Reviews && (d.delivered == 0 || d.delivered == l.Delivered) {
			if why, ok := yearExceptions[name]; ok {
				t.Errorf("%s: listed as an exception (%s) but read right: drop it", name, why)
			}
			continue
		}
		wrong++
		if why, ok := yearExceptions[name]; ok {
			t.Logf("%s: review %d delivered %d by %s (exception: %s)", name, d.review, d.delivered, d.by, why)
			continue
		}
		t.Errorf("%s: review %d delivered %d by %s, want review %d delivered %d", name, d.review, d.delivered, d.by, l.Reviews, l.Delivered)
	}
	var kinds []string
	for e, n := range by {
		kinds = append(kinds, fmt.Sprintf("%s: %d", e, n))
	}
	sort.Strings(kinds)
	t.Logf("%d of %d development reports read with the wrong year; decided by %s", wrong, len(files), strings.Join(kinds, "; "))
}
