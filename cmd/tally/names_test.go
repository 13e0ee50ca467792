package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A system export writes a firm's name with half-width brackets where
// January's return had full-width ones (天津…公司(02) against …（02）): one
// name as a reader sees it, so no credit_code_names warning; a name that
// really differs under the same code still has one.
func TestCodeNamesFullAndHalfWidth(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	feb := filepath.Join(dir, "2020-02-czs.xlsx")
	copyFile(t, repo(t, "testdata/submissions/2020-02-czs.xlsx"), feb)
	f, err := excelize.OpenFile(feb)
	if err != nil {
		t.Fatal(err)
	}
	const sheet = "税收收入"
	a5, _ := f.GetCellValue(sheet, "A5")
	a6, _ := f.GetCellValue(sheet, "A6")
	if !strings.Contains(a5, "（") || !strings.Contains(a6, "（") {
		t.Fatalf("the sample's names changed: %q %q", a5, a6)
	}
	half := strings.NewReplacer("（", "(", "）", ")").Replace(a5)
	other := strings.Replace(a6, "有限公司", "股份有限公司", 1)
	for cell, v := range map[string]string{"A5": half, "A6": other} {
		if err := f.SetCellStr(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, out, errOut := runTally(t, "check", "--json", repo(t, "testdata/submissions/2020-01-czs.xlsx"), feb)
	var names []string
	for _, x := range fileOf(checkJSON(t, out), "2020-02-czs.xlsx").Findings {
		if x.Rule == "credit_code_names" {
			names = append(names, x.Sheet+"!"+x.Cell)
		}
	}
	if strings.Join(names, " ") != sheet+"!B6" {
		t.Errorf("credit_code_names at %v, want only %s!B6 (%q; %q is %q)\n%s", names, sheet, other, half, a5, errOut)
	}
}
