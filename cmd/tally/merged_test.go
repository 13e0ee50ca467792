package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
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
	xlsx, ods := calcEdit(t, repo(t, "testdata/bad/good.xlsx"), "2021-01-czs", `
    sh.getCellRangeByName("C4:D4").merge(True)
    assert sh.getCellRangeByName("D4").getValue() == 120.5
    sh.IsVisible = False
`)
	for _, path := range []string{xlsx, ods} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, out := checkFile(t, path, "--lang", "en")
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

// A department that merges two 本月 cells in Calc (C4:C5, C5 blank) sees
// C4's figure over both rows. Row 5 has no figure: that is an error, said
// for what it is (merged_blank: the merge took the cell, naming the range
// and the cell it shows), not 必填项为空 on a cell the sheet does not
// show; in .xlsx and .ods. The annotated copy puts its note on C4, the
// cell the merge shows: a comment on a covered cell is dropped by Excel
// and openpyxl.
func TestMergedBlankFromCalc(t *testing.T) {
	t.Parallel()
	xlsx, ods := calcEdit(t, repo(t, "testdata/bad/good.xlsx"), "2021-01-czs", `
    sh.getCellRangeByName("C5").clearContents(1 | 2 | 4 | 16)
    sh.getCellRangeByName("C4:C5").merge(True)
`)
	for _, path := range []string{xlsx, ods} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, _ := checkFile(t, path)
			var got []string
			for _, g := range f.Findings {
				if g.Sheet == "税收收入" && (g.Cell == "C5" || g.Cell == "C4") {
					got = append(got, g.Cell+" "+g.Rule+" "+g.Severity+" "+g.Message)
				}
			}
			want := "C5 merged_blank error 本格被合并进 C4:C5，表上显示的是 C4 的内容，本格没有数字：本行未汇总；请取消合并，每格分别填写数字（没有发生时填 0，不要留空）"
			if len(got) != 1 || got[0] != want {
				t.Errorf("findings at C4 and C5:\n%s\nwant one:\n%s", strings.Join(got, "\n"), want)
			}
		})
	}
	// reconcile with one worker streams a file's rows into the ledger as
	// it reads them (with two, it reads the file whole): the merges, after
	// the rows in an .xlsx, turn the finding after its row was checked.
	for _, jobs := range []string{"1", "2"} {
		_, out, errOut := runTally(t, "reconcile", "--json", "--jobs", jobs, "--as-of", "2021-01", xlsx)
		var res jsonResult
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("%v: %s%s", err, out, errOut)
		}
		var rules []string
		for _, g := range res.Findings {
			if g.Sheet == "税收收入" && g.Cell == "C5" {
				rules = append(rules, g.Rule+" "+g.Severity)
			}
		}
		if strings.Join(rules, ",") != "merged_blank error" || res.Summary.RowsRejected != 1 {
			t.Errorf("reconcile --jobs %s: at 税收收入!C5 %q, %d rows rejected; want merged_blank error, 1", jobs, rules, res.Summary.RowsRejected)
		}
	}
	at := annotatedComments(t, xlsx, "税收收入")
	if len(at) != 1 || !strings.HasPrefix(at[0], "C4 C5：本格被合并进 C4:C5") {
		t.Errorf("comments on 税收收入: %q, want one on C4 saying C5's finding", at)
	}
}

// Four 本月 cells merged under C4 (C4:C8, C5–C8 emptied) are one run of
// merged_blank findings, said once in the list (C5:C8) and once in the
// annotated copy: one note on C4, the cell the merge shows, naming the run
// — not four notes piled on C4, nor four on cells no one sees.
func TestMergedBlankRunOneNote(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "2020-03-czs.xlsx")
	editPart(t, repo(t, "testdata/submissions/2020-03-czs.xlsx"), in, "xl/worksheets/sheet2.xml", func(b []byte) []byte {
		s := regexp.MustCompile(`<c r="C[5-8]" s="7"><v>[0-9.]+</v></c>`).ReplaceAllString(string(b), "")
		return []byte(strings.Replace(s, `<mergeCells count="1"><mergeCell ref="A1:E1"></mergeCell></mergeCells>`,
			`<mergeCells count="2"><mergeCell ref="A1:E1"></mergeCell><mergeCell ref="C4:C8"/></mergeCells>`, 1))
	})
	f, _ := checkFile(t, in)
	var got []string
	for _, g := range f.Findings {
		got = append(got, g.Cell+" "+g.Rule)
	}
	if strings.Join(got, ",") != "C5:C8 merged_blank" {
		t.Errorf("findings %q, want one merged_blank at C5:C8", got)
	}
	at := annotatedComments(t, in, "税收收入")
	if len(at) != 1 || !strings.HasPrefix(at[0], "C4 C5:C8：本格被合并进 C4:C8") || strings.Count(at[0], "本格被合并进") != 1 {
		t.Errorf("comments on 税收收入: %q, want one on C4 naming C5:C8 once", at)
	}
}

// annotatedComments runs tally check --annotate on the file and returns
// the comments on a sheet of its annotated copy, each as "cell text".
func annotatedComments(t *testing.T, file, sheet string) []string {
	t.Helper()
	ann := filepath.Join(t.TempDir(), "annotated")
	runTally(t, "check", "--annotate", ann, file)
	x, err := excelize.OpenFile(filepath.Join(ann, filepath.Base(file)))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	cs, err := x.GetComments(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var at []string
	for _, c := range cs {
		text := ""
		for _, p := range c.Paragraph {
			text += p.Text
		}
		at = append(at, c.Cell+" "+text)
	}
	return at
}
