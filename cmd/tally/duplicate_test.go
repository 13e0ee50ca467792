package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A row with a new name but an earlier row's credit code is a duplicate by
// code, and tally check says so: which code, the earlier row and the name
// it stands under there — not that the new name repeats.
func TestCheckDuplicateByCreditCode(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "2020-01-czs.xlsx")
	copyFile(t, repo(t, "testdata/submissions/2020-01-czs.xlsx"), path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const sheet = "税收收入"
	firstName, _ := f.GetCellValue(sheet, "A5")
	code, _ := f.GetCellValue(sheet, "B5")
	if firstName == "" || len(code) != 18 {
		t.Fatalf("the sample's row 5 changed: %q %q", firstName, code)
	}
	for cell, v := range map[string]string{"A8": "测试企业", "B8": code} {
		if err := f.SetCellStr(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	for _, tc := range []struct{ lang, want string }{
		{"zh", "“测试企业”的统一社会信用代码 " + code + " 与第 5 行“" + firstName + "”的相同"},
		{"en", `"测试企业" has the credit code ` + code + ` of row 5 ("` + firstName + `")`},
	} {
		code, out, errOut := runTally(t, "check", "--json", "--lang", tc.lang, path)
		if code != 1 {
			t.Fatalf("check --lang %s: exit %d, want 1: %s", tc.lang, code, errOut)
		}
		c := checkJSON(t, out)
		found := false
		for _, x := range c.Files[0].Findings {
			if x.Rule == "duplicate_row" {
				t.Errorf("--lang %s: reported as a repeated name: %s", tc.lang, x.Message)
			}
			if x.Rule == "duplicate_credit_code" {
				found = true
				if x.Sheet != sheet || x.Cell != "B8" || x.Severity != "error" || !strings.Contains(x.Message, tc.want) {
					t.Errorf("--lang %s: got %s!%s %s %q, want %s!B8 error %q", tc.lang, x.Sheet, x.Cell, x.Severity, x.Message, sheet, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("--lang %s: no duplicate_credit_code finding in %s", tc.lang, out)
		}
	}
}
