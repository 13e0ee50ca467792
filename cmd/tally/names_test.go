package main

import (
	"bytes"
	"os"
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

// unmarked copies the sample's February 2020 return of 劳动保障所 under
// name without tally's fingerprint (its hidden sheet and its document
// properties), as an export with the template's headers is.
func unmarked(t *testing.T, name string) string {
	t.Helper()
	tmp := filepath.Join(t.TempDir(), "x.xlsx")
	copyFile(t, repo(t, "testdata/submissions/2020-02-ldbz.xlsx"), tmp)
	f, err := excelize.OpenFile(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.DeleteSheet("_tally"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	path := filepath.Join(t.TempDir(), name)
	editPart(t, tmp, path, "docProps/custom.xml", func(data []byte) []byte {
		i := bytes.Index(data, []byte("<property "))
		j := bytes.LastIndex(data, []byte("</Properties>"))
		if i < 0 || j < i {
			t.Fatalf("no properties in docProps/custom.xml: %s", data)
		}
		return append(append([]byte(nil), data[:i]...), data[j:]...)
	})
	return path
}

// A return without tally's fingerprint (an export with the template's
// headers) is known by its name; so is a second copy of it, named as a
// browser, a chat program or a file manager names one — it was
// unknown_file, its month 未报送.
func TestCopyNamesIdentify(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"2020-02-ldbz(1).xlsx", "2020-02-ldbz (2).xlsx", "2020-02-ldbz（1）.xlsx", "2020-02-ldbz - 副本.xlsx", "2020-02-ldbz - Copy (3).xlsx"} {
		path := unmarked(t, name)
		_, out, errOut := runTally(t, "check", "--json", path)
		c := checkJSON(t, out)
		if len(c.Files) != 1 || c.Files[0].Department != "ldbz" || c.Files[0].Period != "2020-02" {
			t.Errorf("%s: %+v\n%s", name, c.Files, errOut)
			continue
		}
		for _, x := range c.Files[0].Findings {
			if x.Rule == "unknown_file" {
				t.Errorf("%s: %s", name, x.Message)
			}
		}
	}
	// Not a copy's suffix: a name that says something else stays unknown.
	_, out, _ := runTally(t, "check", "--json", unmarked(t, "2020-02-ldbz(草稿)x.xlsx"))
	if c := checkJSON(t, out); len(c.Files) != 1 || c.Files[0].Department != "" {
		t.Errorf("2020-02-ldbz(草稿)x.xlsx identified: %+v", c.Files)
	}
}

// Last month's file saved again as this month's (its template January's,
// its name February's, saved on 4 March): wrong_template says the
// mistake; it is not also late against January's deadline (5 February),
// which it was never meant to meet.
func TestReusedFileNotLate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	feb := filepath.Join(dir, "2020-02-ldbz.xlsx")
	editPart(t, repo(t, "testdata/submissions/2020-01-ldbz.xlsx"), feb, "docProps/core.xml", func(data []byte) []byte {
		const was = "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2020-02-03T09:00:00Z</dcterms:modified>"
		if !bytes.Contains(data, []byte(was)) {
			t.Fatalf("the sample's save time changed: %s", data)
		}
		return bytes.Replace(data, []byte(was), []byte("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2020-03-04T02:00:00Z</dcterms:modified>"), 1)
	})
	_, out, errOut := runTally(t, "check", "--json", feb)
	var rules []string
	for _, x := range fileOf(checkJSON(t, out), "2020-02-ldbz.xlsx").Findings {
		rules = append(rules, x.Rule)
	}
	got := strings.Join(rules, " ")
	if !strings.Contains(got, "wrong_template") || strings.Contains(got, "late_submission") {
		t.Errorf("findings %s, want wrong_template and no late_submission\n%s", got, errOut)
	}
}

// A file-level note answers no 说明 column: 问题清单's 怎么办 says what, if
// anything, to do — for an identical copy, a file that is no return and
// the copy that counts — never the fallback asking for a 说明.
func TestFileNotesSayWhatToDo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyFile(t, repo(t, "testdata/submissions/2020-01-czs.xlsx"), filepath.Join(dir, "2020-01-czs.xlsx"))
	copyFile(t, repo(t, "testdata/submissions/2020-01-czs.xlsx"), filepath.Join(dir, "2020-01-czs - 副本.xlsx"))
	if err := os.WriteFile(filepath.Join(dir, "说明.txt"), []byte("一月报表"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A re-sent copy that differs (one figure changed): one of the two
	// is not consolidated, and is told so, naming the one that counts.
	resent := filepath.Join(dir, "2020-01-czs (1).xlsx")
	copyFile(t, repo(t, "testdata/submissions/2020-01-czs.xlsx"), resent)
	f, err := excelize.OpenFile(resent)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("税收收入", "C4", 93.59)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := filepath.Join(t.TempDir(), "c.xlsx")
	runTally(t, "reconcile", "--as-of", "2020-01", "-o", out, dir)
	rows := rawRows(t, out, "问题清单")
	if len(rows) < 3 {
		t.Fatalf("问题清单: %q", rows)
	}
	todo, rule := column(t, rows[1], "怎么办"), column(t, rows[1], "规则")
	seen := map[string]string{}
	for _, r := range rows[2:] {
		seen[cellAt(r, rule)] = cellAt(r, todo)
	}
	for label, want := range map[string]string{
		"内容相同的副本 (identical_copy)":                "无需处理：内容相同的副本只汇总一次",
		"非报送文件（已跳过） (not_submission)":             "如果这是报表，请另存为 .xlsx",
		"重复报送 (duplicate_submission)":             "本文件未汇总（已采用 ",
		"重复报送（采用本文件） (duplicate_submission_used)": "无需处理：本文件已采用",
	} {
		if got, ok := seen[label]; !ok || !strings.HasPrefix(got, want) {
			t.Errorf("问题清单 %s: 怎么办 %q, want %q… (%v)", label, got, want, keys(seen))
		}
	}
}

// A stamped scan sent with the return is named for it with words after
// (2020-01-czs盖章.pdf, 2020-01-czs-盖章.jpg): it is that return's
// companion, not a file that is no return; words alone name nothing.
func TestScanNamedWithWords(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyFile(t, repo(t, "testdata/submissions/2020-01-czs.xlsx"), filepath.Join(dir, "2020-01-czs.xlsx"))
	for _, n := range []string{"2020-01-czs盖章.pdf", "2020-01-czs-盖章.jpg", "财政所1月报表（盖章）.jpg"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("%PDF-1.4 scan"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, out, errOut := runTally(t, "check", "--json", dir)
	c := checkJSON(t, out)
	for _, want := range []struct{ name, dept, rule string }{
		{"2020-01-czs盖章.pdf", "czs", "companion_file"},
		{"2020-01-czs-盖章.jpg", "czs", "companion_file"},
		{"财政所1月报表（盖章）.jpg", "", "not_submission"},
	} {
		f := fileOf(c, want.name)
		if f == nil {
			t.Errorf("no %s: %s", want.name, errOut)
			continue
		}
		var rules []string
		for _, x := range f.Findings {
			rules = append(rules, x.Rule)
		}
		if f.Department != want.dept || strings.Join(rules, " ") != want.rule {
			t.Errorf("%s: department %q, findings %v; want %q, %s", want.name, f.Department, rules, want.dept, want.rule)
		}
	}
}

// A blank template sent back (opened and saved, so tally's mark no longer
// holds and it is read as a return) has no figure in any value cell: an
// error at the file (no_figures), its month 退回 in status — it said
// 通过 and 已报送 — and its indicators not whole for the month.
func TestBlankTemplateSentBack(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if code, out, errOut := runTally(t, "template", "--period", "2020-02", "--dept", "ldbz", "-o", dir); code != 0 {
		t.Fatalf("template: exit %d: %s%s", code, out, errOut)
	}
	path := filepath.Join(dir, "2020-02-ldbz.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil { // a program's save: the mark breaks
		t.Fatal(err)
	}
	f.Close()
	code, out, errOut := runTally(t, "check", "--json", path)
	c := checkJSON(t, out)
	if code != 1 || len(c.Files) != 1 || c.Files[0].Department != "ldbz" {
		t.Fatalf("check: exit %d, %+v\n%s", code, c.Files, errOut)
	}
	var rules []string
	for _, x := range c.Files[0].Findings {
		if x.Severity != "info" {
			rules = append(rules, x.Rule+" "+x.Severity)
		}
	}
	if strings.Join(rules, ",") != "no_figures error" {
		t.Errorf("findings %v, want only no_figures error", rules)
	}
	_, status, _ := runTally(t, "status", "--as-of", "2020-02", dir)
	if !strings.Contains(status, "退回：劳动保障所 2020-02") {
		t.Errorf("status does not say 劳动保障所's February is 退回:\n%s", status)
	}
	// A filled return of the same form has figures: no such error.
	_, out, _ = runTally(t, "check", "--json", repo(t, "testdata/submissions/2020-02-ldbz.xlsx"))
	for _, x := range checkJSON(t, out).Files[0].Findings {
		if x.Rule == "no_figures" {
			t.Errorf("the sample's February: %s", x.Message)
		}
	}
}
