package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/xuri/excelize/v2"
)

// fillWithCode fills July's `--from` template as a department would —
// every 本月 10, the carried 本年累计 formulas untouched — with the credit
// code of 税收收入's row 8 replaced by code(prefilled). It returns the
// file and the code prefilled.
func fillWithCode(t *testing.T, code func(string) string) (string, string) {
	t.Helper()
	path := fromTemplate(t)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, s := range []struct{ sheet, col string }{{"税收收入", "C"}, {"一般预算收入", "B"}} {
		for r := 4; ; r++ {
			if v, _ := f.GetCellValue(s.sheet, "A"+itoa(r)); v == "合计" || v == "" {
				break
			}
			if err := f.SetCellValue(s.sheet, s.col+itoa(r), 10); err != nil {
				t.Fatal(err)
			}
		}
	}
	prefilled, _ := f.GetCellValue("税收收入", "B8")
	if _, ok := reconcile.CheckCreditCode(prefilled); !ok {
		t.Fatalf("B8 prefilled %q, not a valid code", prefilled)
	}
	if err := f.SetCellStr("税收收入", "B8", code(prefilled)); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	return path, prefilled
}

// swapDigits swaps the first two neighbouring characters of a code's
// organisation number (characters 9–17) that differ, as a slip of the
// fingers does: the check character no longer fits.
func swapDigits(t *testing.T, code string) string {
	b := []byte(code)
	for i := 8; i < 16; i++ {
		if b[i] != b[i+1] {
			b[i], b[i+1] = b[i+1], b[i]
			return string(b)
		}
	}
	t.Fatalf("%s: no two neighbouring characters differ", code)
	return ""
}

// acrossMonths are the findings of the checks across months and of the
// credit code, by "sheet!cell rule".
func acrossMonths(got map[string]jsonFileFinding) map[string]jsonFileFinding {
	out := map[string]jsonFileFinding{}
	for k, g := range got {
		for _, r := range []string{" ytd_chain", " entity_appears", " entity_disappears", " credit_code", " credit_code_changed", " credit_code_names", " duplicate_row", " duplicate_credit_code"} {
			if strings.HasSuffix(k, r) {
				out[k] = g
			}
		}
	}
	return out
}

// A department swaps two digits of the credit code its `--from` template
// prefilled (a newcomer's trial, filled in LibreOffice). The row is still
// last month's firm for the checks across months: no ytd_chain against
// "last month's 0", no entity_disappears + entity_appears pair. Its one
// finding, credit_code at B8, names the code last month's return gave the
// name (or, without that file, the template's) and where they differ —
// not the check character computed from the mistyped code, which a clerk
// typed in and got a valid code of another number that passed. That
// valid code (the folder 按提示改码) is credit_code_changed, a warning,
// not silence.
func TestCodeMistypedOverTemplate(t *testing.T) {
	t.Parallel()
	swapped := func(c string) string { return swapDigits(t, c) }
	july, prefilled := fillWithCode(t, swapped)
	mistyped := swapDigits(t, prefilled)
	check, _ := reconcile.CreditCheckChar(mistyped[:17])
	advised := mistyped[:17] + string(check)

	one := func(what string, got map[string]jsonFileFinding, rule, sev string, says ...string) {
		t.Helper()
		got = acrossMonths(got)
		g, ok := got["税收收入!B8 "+rule]
		if !ok || g.Severity != sev {
			t.Errorf("%s: no %s %s at B8: %v", what, sev, rule, got)
			return
		}
		for _, s := range says {
			if !strings.Contains(g.Message, s) {
				t.Errorf("%s: %s does not say %q", what, g.Message, s)
			}
		}
		for _, not := range []string{"should the last be", "expected " + string(check), "应为 " + string(check)} {
			if strings.Contains(g.Message, not) {
				t.Errorf("%s: %s advises the computed check character (%q)", what, g.Message, not)
			}
		}
		for k, g := range got {
			if k != "税收收入!B8 "+rule {
				t.Errorf("%s: also %s: %s %s", what, k, g.Severity, g.Message)
			}
		}
	}
	june := repo(t, "testdata/submissions/2021-06-czs.xlsx")
	one("with June", julyFindings(t, july, june), "credit_code", "error",
		`differs from the code "`+prefilled+`" of last month's return (2021-06)`, "swapped", "typing slip")
	one("alone", julyFindings(t, july), "credit_code", "error",
		`differs from the code "`+prefilled+`" the template prefilled from last month (2021-06)`)
	_, out, _ := runTally(t, "check", "--json", july, june)
	zh := fileOf(checkJSON(t, out), filepath.Base(july))
	var said bool
	for _, g := range zh.Findings {
		if g.Cell == "B8" && g.Rule == "credit_code" {
			said = strings.Contains(g.Message, "与上月（2021-06）所报代码“"+prefilled+"”不同") && strings.Contains(g.Message, "前后颠倒")
			if !said {
				t.Errorf("zh: %s", g.Message)
			}
		}
	}
	if !said {
		t.Errorf("zh: no credit_code at B8: %+v", zh.Findings)
	}

	// The check character the old message advised: a valid code, not the
	// firm's.
	changed, _ := fillWithCode(t, func(string) string { return advised })
	one("advised, with June", julyFindings(t, changed, june), "credit_code_changed", "warning",
		`has the credit code `+advised+`, which differs from the code "`+prefilled+`" of last month's return (2021-06)`, "swapped; character 18 differs", "confirm which is right")
	one("advised, alone", julyFindings(t, changed), "credit_code_changed", "warning", `the template prefilled`)

	// The code cleared: the same firm, and the code it had is said.
	cleared, _ := fillWithCode(t, func(string) string { return "" })
	one("cleared, with June", julyFindings(t, cleared, june), "credit_code", "error",
		`is not filled in; last month's return (2021-06) gave "`+prefilled+`"`)

	// August, from a template made from June and July: July's slip is
	// not prefilled again (it was, and came back every month) but the
	// code June gave the name, and the command says so, on the terminal
	// and in the template's 填报说明. One firm all along: the chain
	// follows, nothing appears or disappears, and the code is right.
	dir, tpl := t.TempDir(), t.TempDir()
	copyFile(t, june, filepath.Join(dir, "2021-06-czs.xlsx"))
	copyFile(t, july, filepath.Join(dir, "2021-07-czs.xlsx"))
	code, so, se := runTally(t, "template", "--period", "2021-08", "--dept", "czs", "--from", dir, "-o", tpl)
	if code != 0 {
		t.Fatalf("template: exit %d: %s%s", code, so, se)
	}
	if want := "按上月（2021-06）所报代码“" + prefilled + "”预填，没有沿用 " + filepath.Join(dir, "2021-07-czs.xlsx") + " 中 B8 所填的“" + mistyped + "”（校验位错误"; !strings.Contains(so, want) {
		t.Errorf("template says:\n%s\nwant %q", so, want)
	}
	f, err := excelize.OpenFile(filepath.Join(tpl, "2021-08-czs.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if b8, _ := f.GetCellValue("税收收入", "B8"); b8 != prefilled {
		t.Fatalf("August's B8 prefilled %q, want June's %q (July's slip %q)", b8, prefilled, mistyped)
	}
	if rows, _ := f.GetRows("填报说明"); !strings.Contains(fmt.Sprint(rows), "没有沿用 2021-07-czs.xlsx 中 B8 所填的“"+mistyped+"”") {
		t.Errorf("填报说明 does not say the code prefilled: %v", rows)
	}
	for r := 4; ; r++ {
		if v, _ := f.GetCellValue("税收收入", "A"+itoa(r)); v == "合计" || v == "" {
			break
		}
		f.SetCellValue("税收收入", "C"+itoa(r), 20)
	}
	for r := 4; ; r++ {
		if v, _ := f.GetCellValue("一般预算收入", "A"+itoa(r)); v == "合计" || v == "" {
			break
		}
		f.SetCellValue("一般预算收入", "B"+itoa(r), 20)
	}
	aug := filepath.Join(dir, "2021-08-czs.xlsx")
	if err := f.SaveAs(aug); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, with := range [][]string{{filepath.Join(dir, "2021-06-czs.xlsx"), filepath.Join(dir, "2021-07-czs.xlsx")}, nil} {
		for k, g := range acrossMonths(julyFindings(t, aug, with...)) {
			t.Errorf("August (with %d earlier months): %s: %s %s", len(with), k, g.Severity, g.Message)
		}
	}

	// July's return alone in --from: the code its template carried.
	alone, tpl2 := t.TempDir(), t.TempDir()
	copyFile(t, july, filepath.Join(alone, "2021-07-czs.xlsx"))
	_, so, _ = runTally(t, "template", "--period", "2021-08", "--dept", "czs", "--from", alone, "-o", tpl2)
	if want := "按模板预填的上月（2021-06）代码“" + prefilled + "”预填"; !strings.Contains(so, want) {
		t.Errorf("template from July alone says:\n%s\nwant %q", so, want)
	}
	if g, err := excelize.OpenFile(filepath.Join(tpl2, "2021-08-czs.xlsx")); err != nil {
		t.Fatal(err)
	} else {
		if b8, _ := g.GetCellValue("税收收入", "B8"); b8 != prefilled {
			t.Errorf("from July alone, August's B8 prefilled %q, want %q", b8, prefilled)
		}
		g.Close()
	}

	// English: the note says the same.
	_, so, _ = runTally(t, "template", "--lang", "en", "--force", "--period", "2021-08", "--dept", "czs", "--from", dir, "-o", tpl)
	if want := `credit code is prefilled as the code "` + prefilled + `" of last month's return (2021-06), not as "` + mistyped + `"`; !strings.Contains(so, want) {
		t.Errorf("template --lang en says:\n%s\nwant %q", so, want)
	}
}

// The newbie trial's own file, filled in LibreOffice from a `--from`
// template made before the fingerprint kept credit codes (B8's digits
// swapped, C10 left blank, C12 "12.5万元", a row inserted at 21), beside
// June's return: B8's credit_code names June's code, and neither D8's
// untouched 本年累计 formula nor the firm's row is said to break the chain
// or to appear and disappear. Alone, with nothing known, the check
// character is said so as not to be typed in blindly.
func TestCodeMistypedLibreOffice(t *testing.T) {
	t.Parallel()
	july := repo(t, "testdata/libreoffice/2021-07-czs.xlsx")
	got := acrossMonths(julyFindings(t, july, repo(t, "testdata/submissions/2021-06-czs.xlsx")))
	g, ok := got["税收收入!B8 credit_code"]
	if !ok || !strings.Contains(g.Message, `"911201113635370855" of last month's return (2021-06) (characters 11 and 12 swapped)`) {
		t.Errorf("B8: %+v", g)
	}
	delete(got, "税收收入!B8 credit_code")
	for k, g := range got {
		if k != "税收收入!A21 entity_appears" {
			t.Errorf("%s: %s %s", k, g.Severity, g.Message)
		}
	}
	alone := acrossMonths(julyFindings(t, july))
	g = alone["税收收入!B8 credit_code"]
	if !strings.Contains(g.Message, "do not just change the last one") || !strings.Contains(g.Message, "only if the first 17 are right should the last be C") {
		t.Errorf("alone: B8: %+v", g)
	}
}

// A January template from December's return (no 本年累计 carried across
// the year): a code December mistyped is prefilled as November's, which
// the check over the two returns knows, and said.
func TestCodeMistypedJanuaryTemplate(t *testing.T) {
	t.Parallel()
	dir, tpl := t.TempDir(), t.TempDir()
	copyFile(t, repo(t, "testdata/submissions/2020-11-czs.xlsx"), filepath.Join(dir, "2020-11-czs.xlsx"))
	dec := filepath.Join(dir, "2020-12-czs.xlsx")
	copyFile(t, repo(t, "testdata/submissions/2020-12-czs.xlsx"), dec)
	f, err := excelize.OpenFile(dec)
	if err != nil {
		t.Fatal(err)
	}
	right, _ := f.GetCellValue("税收收入", "B8")
	if _, ok := reconcile.CheckCreditCode(right); !ok {
		t.Fatalf("December's B8 %q is no valid code", right)
	}
	slip := swapDigits(t, right)
	if err := f.SetCellStr("税收收入", "B8", slip); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, so, se := runTally(t, "template", "--period", "2021-01", "--dept", "czs", "--from", dir, "-o", tpl)
	if code != 0 {
		t.Fatalf("template: exit %d: %s%s", code, so, se)
	}
	if want := "按上月（2020-11）所报代码“" + right + "”预填，没有沿用 " + dec + " 中 B8 所填的“" + slip + "”"; !strings.Contains(so, want) {
		t.Errorf("template says:\n%s\nwant %q", so, want)
	}
	g, err := excelize.OpenFile(filepath.Join(tpl, "2021-01-czs.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if b8, _ := g.GetCellValue("税收收入", "B8"); b8 != right {
		t.Errorf("January's B8 prefilled %q, want November's %q (December's slip %q)", b8, right, slip)
	}
}
