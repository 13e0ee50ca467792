package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A blank template sent back for May, between 财政所's April and June:
// the one no_figures error says the month is not there. Its rows are not
// each "上月有、本月无" (46 entity_disappears notes), nor its 合计
// formulas, which sum nothing, "without values"; and June is not held
// against May's nothing — every 本年累计 off a chain from 0 (46 ytd_chain
// errors) and every row 本月新出现 — it follows from May's sheets as from
// sheets not read.
func TestBlankMonthSaysOnlyNoFigures(t *testing.T) {
	t.Parallel()
	dir, tpl := t.TempDir(), t.TempDir()
	if code, out, errOut := runTally(t, "template", "--period", "2021-05", "--dept", "czs", "-o", tpl); code != 0 {
		t.Fatalf("template: exit %d: %s%s", code, out, errOut)
	}
	f, err := excelize.OpenFile(filepath.Join(tpl, "2021-05-czs.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(filepath.Join(dir, "2021-05-czs.xlsx")); err != nil { // a program's save: read as a return
		t.Fatal(err)
	}
	f.Close()
	for _, m := range []string{"2021-04", "2021-06"} {
		b, err := os.ReadFile(repo(t, "testdata/submissions/"+m+"-czs.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, m+"-czs.xlsx"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, out, errOut := runTally(t, "check", "--json", dir)
	c := checkJSON(t, out)
	for m, want := range map[string]string{"2021-04": "", "2021-05": "no_figures error", "2021-06": ""} {
		file := fileOf(c, m+"-czs.xlsx")
		if file == nil {
			t.Fatalf("no %s: %s%s", m, out, errOut)
		}
		var got []string
		for _, x := range file.Findings {
			if x.Rule != "late_submission" {
				got = append(got, x.Rule+" "+x.Severity)
			}
		}
		if len(got) > 3 {
			got = append(got[:3], "…")
		}
		if strings.Join(got, ",") != want {
			t.Errorf("%s: %d findings %v, want %q", m, len(file.Findings), got, want)
		}
	}
}
