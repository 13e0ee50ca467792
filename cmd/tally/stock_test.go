package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A stock whose level collapses (科技科's 国家科技型中小企业 期末数 195 in
// May… typed as 34 in June, the year's additions in its place) is a
// warning at the cell naming last month's level, Chinese first and English
// complete; the level beside it that holds is not.
func TestStockDropAtTheCell(t *testing.T) {
	dir := t.TempDir()
	for m := 1; m <= 5; m++ {
		name := "2021-0" + string(rune('0'+m)) + "-kjk.xlsx"
		data, err := os.ReadFile(repo(t, "testdata/submissions/"+name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rewriteXLSX(t, repo(t, "testdata/submissions/2021-06-kjk.xlsx"), filepath.Join(dir, "2021-06-kjk.xlsx"), "xl/worksheets/sheet2.xml",
		`<c r="E4" s="6"><v>195</v></c>`, `<c r="E4" s="6"><v>34</v></c>`)
	got := ruleFindings(t, "stock_drop", "--as-of", "2021-06", dir)
	want := "2021-06-kjk.xlsx 科技企业!E4 warning 期末数 34 家，仅为上月（2021-05）189 家的 18%；存量一般不会骤降，请核实是否误填了本月或本年累计的新增数"
	if len(got) != 1 || got[0] != want {
		t.Fatalf("stock_drop findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
	got = ruleFindings(t, "stock_drop", "--lang", "en", "--as-of", "2021-06", dir)
	want = "2021-06-kjk.xlsx 科技企业!E4 warning 期末数 34 家 is only 18% of last month's (2021-05) 189 家: a level seldom falls so; check that this month's or the year's additions were not typed in its place"
	if len(got) != 1 || got[0] != want {
		t.Fatalf("--lang en stock_drop findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

// No clean corpus tally ships raises a stock_drop: the sample submissions
// (every year and month, through 2020-12 and 2021-06) and the real-writer
// corpus. A false alarm is a bug (README says the count: 0).
func TestStockDropNoFalseAlarm(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{"testdata/submissions", "testdata/realworld"} {
		for _, asOf := range []string{"2020-12", "2021-06"} {
			if got := ruleFindings(t, "stock_drop", "--as-of", asOf, repo(t, dir)); len(got) != 0 {
				t.Errorf("%s through %s: %d stock_drop findings, want none:\n%s", dir, asOf, len(got), strings.Join(got, "\n"))
			}
		}
	}
}
