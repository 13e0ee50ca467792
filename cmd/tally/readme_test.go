package main

import (
	"archive/zip"
	"encoding/json"
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
	want := []int{93, 0, 4041, 4040, 1, 7, 5, 1, 1, 31, 23, 1, 5, 2}
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
	for _, c := range []struct{ lang, sheet, spec string }{
		// On two lines, broken after the bracket, not inside the name
		// (the values' column is too narrow for both on one).
		{"zh", "概览", "（内置）\njingwu-2020.yaml"},
		{"en", "Overview", "(built-in)\njingwu-2020.yaml"},
	} {
		out := filepath.Join(dir, c.lang+".xlsx")
		sampleBook(t, c.lang, "2020-12", out)
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		label, _ := f.GetCellValue(c.sheet, "A3")
		v, _ := f.GetCellValue(c.sheet, "B3")
		f.Close()
		if v != c.spec {
			t.Errorf("%s: %s %q, want %q", c.lang, label, v, c.spec)
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
