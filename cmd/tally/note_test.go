package main

import (
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// A figure typed into the 说明 (88.5 one column too far, 1,234.5万元) is
// kept as the row's note, which no total counts: it is said at its cell
// (figure_in_note, an info). A note that is a sentence with a number in
// it is a note, and said nothing of. Nothing told the department before.
func TestFigureInNote(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "2021-01-czs.xlsx")
	editPart(t, repo(t, "testdata/bad/good.xlsx"), file, "xl/worksheets/sheet2.xml", func(b []byte) []byte {
		for cell, repl := range map[string]string{
			"E4": `<c r="E4"><v>88.5</v></c>`,
			"E5": `<c r="E5" t="inlineStr"><is><t>1,234.5万元</t></is></c>`,
			"E6": `<c r="E6" t="inlineStr"><is><t>含补报 12.5 万元</t></is></c>`,
		} {
			b = regexp.MustCompile(`<c r="`+cell+`"[^>]*>.*?</c>`).ReplaceAll(b, []byte(repl))
		}
		return b
	})
	for _, lang := range []string{"en", "zh"} {
		f, out := checkFile(t, file, "--lang", lang)
		var at []string
		for _, g := range f.Findings {
			if g.Rule != "figure_in_note" {
				t.Errorf("another finding: %+v", g)
				continue
			}
			at = append(at, g.Cell)
			if g.Severity != "info" || g.Sheet != "税收收入" {
				t.Errorf("%+v, want an info on 税收收入", g)
			}
			want := map[string]string{
				"en": `the notes column holds the figure "88.5": notes are not consolidated; if it is this row's figure, type it in its figure column`,
				"zh": "说明栏填的是数字“88.5”：说明栏的内容不计入汇总；如这是本行的数据，请填到数据栏",
			}[lang]
			if g.Cell == "E4" && g.Message != want {
				t.Errorf("%s: %q, want %q", lang, g.Message, want)
			}
		}
		slices.Sort(at)
		if !slices.Equal(at, []string{"E4", "E5"}) {
			t.Errorf("%s: figure_in_note at %v, want E4 and E5 (not the sentence in E6): %s", lang, at, out)
		}
	}
}
