package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A line break typed in a cell (Alt+Enter: 待核实 on two lines) broke the
// terminal list: the finding's second half stood at the start of a line
// of its own. Every finding is one line, in check and reconcile, with the
// break shown as ↵.
func TestFindingIsOneLine(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	file := filepath.Join(in, "2021-01-czs.xlsx")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	editPart(t, repo(t, "testdata/bad/good.xlsx"), file, "xl/worksheets/sheet2.xml", func(b []byte) []byte {
		return regexp.MustCompile(`<c r="C5"[^>]*>.*?</c>`).ReplaceAll(b, []byte(`<c r="C5" t="inlineStr"><is><t>待&#10;核实</t></is></c>`))
	})
	for _, args := range [][]string{{"check", in}, {"reconcile", "--as-of", "2021-01", in}} {
		_, out, errOut := runTally(t, args...)
		if !regexp.MustCompile(`税收收入!C5:? “待↵核实”不是数字`).MatchString(out) {
			t.Errorf("%s: no one-line finding at C5:\n%s%s", args[0], out, errOut)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "核实") {
				t.Errorf("%s: a cell's line break starts a line: %q", args[0], line)
			}
		}
	}
}
