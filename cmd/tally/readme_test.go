package main

import (
	"archive/zip"
	"encoding/json"
	"github.com/jingwu/tally/grid"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// testdata/README.md's figures without --as-of: the run goes through the
// latest month among the files, 2021-06.
func TestSampleThroughLatestMonth(t *testing.T) {
	t.Parallel()
	code, out, errb := sampleJSON(t, "en", "")
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var res jsonResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	s := res.Summary
	got := []int{s.Files, s.Skipped, s.Rows, s.RowsConsolidated, s.RowsRejected, s.Findings, s.Errors, s.Warnings, s.Infos,
		s.Claims, s.Consistent, s.Mismatch, s.Incomplete, s.NoData}
	want := []int{93, 0, 4041, 4040, 1, 7, 4, 1, 2, 31, 28, 1, 0, 2}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("summary %v, want %v (testdata/README.md)", got, want)
		}
	}
}

// README's first command: the overview names the built-in spec in the
// workbook's language, and, with no targets for 2020, has no chart.
func TestFirstCommandWorkbook(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, c := range []struct {
		lang, sheet, spec string
		lines             int // the row's height in lines; 1 when not set
	}{
		// The spec's name as it is, no line break put in it (it copies as
		// the name); on one line in Chinese, wrapped at its space by the
		// program in English.
		{"zh", "概览", "（内置）jingwu-2020.yaml", 1},
		{"en", "Overview", "(built-in) jingwu-2020.yaml", 2},
	} {
		out := filepath.Join(dir, c.lang+".xlsx")
		sampleBook(t, c.lang, "2020-12", out)
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		label, _ := f.GetCellValue(c.sheet, "A3")
		v, _ := f.GetCellValue(c.sheet, "B3")
		ht, _ := f.GetRowHeight(c.sheet, 3)
		// 汇总's notes column is wide enough that a stock's note and a
		// missing month's take one line in Chinese, at most two in English
		// (at 9 characters, three; TestFiguresRowsOneLine).
		figures := map[string]string{"zh": "汇总", "en": "Consolidated"}[c.lang]
		rows, _ := f.GetRows(figures)
		seen := 0
		for r, row := range rows {
			if n := len(row); n == 0 || !strings.Contains(row[n-1], map[string]string{"zh": "存量指标", "en": "a stock"}[c.lang]) &&
				!strings.Contains(row[n-1], map[string]string{"zh": "未报送", "en": "missing"}[c.lang]) {
				continue
			}
			seen++
			if h, _ := f.GetRowHeight(figures, r+1); h > 2*grid.LineHeight || c.lang == "zh" && h > grid.LineHeight {
				t.Errorf("%s: %s row %d (%q) is %v points tall", c.lang, figures, r+1, rows[r][len(row)-1], h)
			}
		}
		if seen < 8 {
			t.Errorf("%s: %d rows of %s with a stock's or a missing month's note, want 8 or more", c.lang, seen, figures)
		}
		f.Close()
		if v != c.spec {
			t.Errorf("%s: %s %q, want %q", c.lang, label, v, c.spec)
		}
		if want := float64(c.lines) * grid.LineHeight; c.lines > 1 && ht != want || c.lines == 1 && ht > grid.LineHeight {
			t.Errorf("%s: the spec's row is %v points tall, want %v", c.lang, ht, want)
		}
		z, err := zip.OpenReader(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range z.File {
			if strings.HasPrefix(m.Name, "xl/charts/") {
				t.Errorf("%s: %s in a year without targets", c.lang, m.Name)
			}
		}
		z.Close()
	}
}
