package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// August's template `--from` a July return with errors carries a
// 本年累计 only from a row tally's check accepted with no error at that
// cell. July (filled from its own `--from` template, every 本月 10) has
// D4 typed over 100 too high (ytd_chain), C6 in 元 (out_of_range: the row
// is rejected) and C8 "无" (required_no_figure: rejected); with the year's
// earlier months in the folder, as tally check would judge it. Those
// three 本年累计 are plain input cells, each said by a warning naming the
// row, the cell and why, on the screen and in 填报说明; every other row
// carries July's 本年累计 as before (D5, typed right, its figure; D10,
// whose row has a wrong credit code but was accepted).
func TestCarryOnlyWhatCheckAccepted(t *testing.T) {
	t.Parallel()
	july, want4 := typeOverCarry(t)
	f, err := excelize.OpenFile(july)
	if err != nil {
		t.Fatal(err)
	}
	d5, _ := f.GetCellValue("税收收入", "D5", excelize.Options{RawCellValue: true})
	names := map[int]string{}
	last := 0
	for r := 4; ; r++ {
		v, _ := f.GetCellValue("税收收入", "A"+itoa(r))
		if v == "合计" || v == "" {
			break
		}
		names[r], last = v, r
	}
	if last < 10 {
		t.Fatalf("税收收入 has rows 4–%d only", last)
	}
	f.SetCellValue("税收收入", "C6", 6034700)
	f.SetCellStr("税收收入", "C8", "无")
	// An error the check does not reject its row for (a credit code's
	// check character, wrong in June's return too: the same enterprise)
	// leaves the row's 本年累计 carried.
	code10 := "91120111MA06ABCD1X"
	f.SetCellStr("税收收入", "B10", code10)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	dir := t.TempDir()
	for _, m := range []string{"03", "04", "05", "06"} {
		copyFile(t, repo(t, "testdata/submissions/2021-"+m+"-czs.xlsx"), filepath.Join(dir, "2021-"+m+"-czs.xlsx"))
	}
	copyFile(t, july, filepath.Join(dir, "2021-07-czs.xlsx"))
	june, err := excelize.OpenFile(filepath.Join(dir, "2021-06-czs.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := june.GetCellValue("税收收入", "A10"); v != names[10] {
		t.Fatalf("June's row 10 is %q, July's %q", v, names[10])
	}
	june.SetCellStr("税收收入", "B10", code10)
	if err := june.Save(); err != nil {
		t.Fatal(err)
	}
	june.Close()

	out := t.TempDir()
	code, so, se := runTally(t, "template", "--period", "2021-08", "--dept", "czs", "--from", dir, "-o", out)
	if code != 0 {
		t.Fatalf("template: exit %d: %s%s", code, so, se)
	}
	_, soEn, _ := runTally(t, "template", "--lang", "en", "--period", "2021-08", "--dept", "czs", "--from", dir, "-o", out, "--force")
	aug, err := excelize.OpenFile(filepath.Join(out, "2021-08-czs.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer aug.Close()
	notes, _ := aug.GetRows("填报说明")
	var book strings.Builder
	for _, row := range notes {
		book.WriteString(strings.Join(row, " ") + "\n")
	}
	bad := map[int]struct{ zh, en string }{
		4: {"税收收入!D4 未通过审核（本年累计 ", "it should be " + want4},
		6: {"税收收入!D6 所在行被审核拒收（C6：6034700 超出允许范围", "row of 税收收入!D6 in "},
		8: {"税收收入!D8 所在行被审核拒收（C8：此处填写了“无”", "(C8: \"无\" (no figure) in a required cell"},
	}
	for r := 4; r <= last; r++ {
		cell := "D" + itoa(r)
		form, _ := aug.GetCellFormula("税收收入", cell)
		v, _ := aug.GetCellValue("税收收入", cell)
		w, isBad := bad[r]
		if !isBad {
			if form == "" || !strings.HasSuffix(form, "+C"+itoa(r)) {
				t.Errorf("%s: formula %q, want July's 本年累计 carried", cell, form)
			}
			continue
		}
		if form != "" || v != "" {
			t.Errorf("%s: formula %q value %q, want a plain empty input cell", cell, form, v)
		}
		var zh, en string
		for _, l := range strings.Split(so, "\n") {
			if strings.Contains(l, names[r]+" 的本年累计未预填") && strings.Contains(l, "税收收入!"+cell) {
				zh = l
			}
		}
		for _, l := range strings.Split(soEn, "\n") {
			if strings.Contains(l, names[r]+"'s 本年累计 is not prefilled") && strings.Contains(l, "税收收入!"+cell) {
				en = l
			}
		}
		if !strings.Contains(zh, w.zh) || !strings.HasPrefix(strings.TrimSpace(zh), "警告：") {
			t.Errorf("%s: Chinese warning %q, want %q in it", cell, zh, w.zh)
		}
		if !strings.Contains(en, w.en) || !strings.HasPrefix(strings.TrimSpace(en), "warning: ") {
			t.Errorf("%s: English warning %q, want %q in it", cell, en, w.en)
		}
		// 填报说明 says it as the screen does, naming the file by its base name.
		// (There it is wrapped: compared without white space.)
		inBook := strings.ReplaceAll(strings.TrimSpace(zh), filepath.Join(dir, "2021-07-czs.xlsx"), "2021-07-czs.xlsx")
		if zh != "" && !strings.Contains(noSpace(book.String()), "·"+noSpace(inBook)) {
			t.Errorf("%s: 填报说明 lacks %q\n%s", cell, inBook, book.String())
		}
	}
	if !strings.Contains(so, "应改为 "+want4) {
		t.Errorf("D4's warning does not quote the figure ytd_chain expects, %s:\n%s", want4, so)
	}
	if n := strings.Count(so, "的本年累计未预填"); n != len(bad) {
		t.Errorf("%d warnings, want %d:\n%s", n, len(bad), so)
	}
	// D5, typed right over July's formula, carries its figure.
	d, err := decimal.NewFromString(d5)
	if err != nil {
		t.Fatalf("July's D5 %q: %v", d5, err)
	}
	form, _ := aug.GetCellFormula("税收收入", "D5")
	c, err := decimal.NewFromString(strings.TrimSuffix(strings.TrimPrefix(form, "="), "+C5"))
	if err != nil || !c.Equal(d) {
		t.Errorf("D5: %q, want =%s+C5", form, d)
	}
}

func noSpace(s string) string { return strings.Join(strings.Fields(s), "") }
