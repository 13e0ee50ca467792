package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/testtool"
)

// Merging cells in LibreOffice Calc and choosing to keep the contents of
// the hidden cells keeps them in the file, .xlsx or .ods, while Calc and
// Excel show only the first cell of the merged range: 本年累计's 120.5 in
// D4 is on no one's screen or paper once C4:D4 are merged, yet it is a
// figure of the row. It is consolidated (the department typed it) and said
// at its cell (merged_cell, a warning), in both formats — before, the file
// passed clean. The sheet is then hidden (Format ▸ Sheet ▸ Hide): its
// figures are read as usual, and one hidden_sheet warning says so, in
// both formats (an .xlsx sheet's state, an .ods table style's display).
func TestMergedCellsFromCalc(t *testing.T) {
	t.Parallel()
	python := testtool.Python(t, "uno")
	testtool.Require(t, "soffice", "--version")
	dir := t.TempDir()
	script := `
import sys, importlib.util
spec = importlib.util.spec_from_file_location("gen", sys.argv[1])
gen = importlib.util.module_from_spec(spec); spec.loader.exec_module(gen)
calc = gen.Calc(sys.argv[3])
try:
    doc = calc.open(sys.argv[2])
    sh = doc.Sheets.getByName("税收收入")
    sh.unprotect("")
    sh.getCellRangeByName("C4:D4").merge(True)
    assert sh.getCellRangeByName("D4").getValue() == 120.5
    sh.IsVisible = False
    calc.save(doc, sys.argv[3] + "/in/2021-01-czs.xlsx", False)
    calc.save(doc, sys.argv[3] + "/in/2021-01-czs.ods", True)
    doc.close(True)
finally:
    calc.close()
`
	cmd := exec.Command(python, "-c", script, repo(t, "internal/realworld/gen.py"), repo(t, "testdata/bad/good.xlsx"), dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, msg)
	}
	for _, name := range []string{"2021-01-czs.xlsx", "2021-01-czs.ods"} {
		t.Run(name, func(t *testing.T) {
			_, out, errOut := runTally(t, "check", "--json", "--lang", "en", filepath.Join(dir, "in", name))
			c := checkJSON(t, out)
			f := fileOf(c, name)
			if f == nil {
				t.Fatalf("%s not in the output: %s%s", name, out, errOut)
			}
			found := false
			for _, g := range f.Findings {
				if g.Rule == "merged_cell" {
					if g.Cell != "D4" || g.Severity != "warning" || !strings.Contains(g.Message, "120.5 is covered by merged cells") {
						t.Errorf("merged_cell at %s (%s): %s", g.Cell, g.Severity, g.Message)
					}
					found = true
				}
			}
			if !found {
				t.Errorf("no merged_cell finding at D4: %s", out)
			}
			hidden := false
			for _, g := range f.Findings {
				if g.Rule == "hidden_sheet" {
					hidden = g.Sheet == "税收收入" && strings.Contains(g.Message, `sheet "税收收入" is hidden`) && strings.Contains(g.Message, "its 8 figures")
					if !hidden {
						t.Errorf("hidden_sheet: %+v", g)
					}
				}
			}
			if !hidden {
				t.Errorf("no hidden_sheet finding: %s", out)
			}
		})
	}
}
