package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// filledJuly is 财政所's July template made from the sample (本年累计 a
// formula, =June's+C), every 本月 filled with 1 but the cells in typed:
// column C of 税收收入 (row → the value's XML text).
func filledJuly(t *testing.T, typed func(row string) string) string {
	t.Helper()
	tdir := filepath.Join(t.TempDir(), "t")
	if code, _, errs := runTally(t, "template", "--period", "2021-07", "--from", repo(t, "testdata/submissions"), "-o", tdir); code != 0 {
		t.Fatalf("template: exit %d\n%s", code, errs)
	}
	src := filepath.Join(tdir, "2021-07-czs.xlsx")
	mid := filepath.Join(t.TempDir(), "mid.xlsx")
	dst := filepath.Join(t.TempDir(), "2021-07-czs.xlsx")
	empty := regexp.MustCompile(`<c r="([BC])(\d+)" s="7"></c>`)
	fill := func(data []byte) []byte {
		return empty.ReplaceAllFunc(data, func(m []byte) []byte {
			sm := empty.FindSubmatch(m)
			v := "1"
			if string(sm[1]) == "C" {
				if x := typed(string(sm[2])); x != "" {
					v = x
				}
			}
			return []byte(`<c r="` + string(sm[1]) + string(sm[2]) + `" s="7"><v>` + v + `</v></c>`)
		})
	}
	editPart(t, src, mid, "xl/worksheets/sheet2.xml", fill)
	editPart(t, mid, dst, "xl/worksheets/sheet3.xml", fill)
	return dst
}

func checkLines(t *testing.T, lang, file string) []string {
	t.Helper()
	_, out, _ := runTally(t, "check", "--json", "--lang", lang, file)
	var got []string
	for _, f := range checkJSON(t, out).Files {
		for _, x := range f.Findings {
			if x.Rule != "total_formula_without_value" { // the 合计 formula, never calculated by the edit
				got = append(got, x.Severity+" "+x.Sheet+"!"+x.Cell+" "+x.Rule+" "+x.Message)
			}
		}
	}
	return got
}

// One typo in a 本月 cell is one problem: the 本年累计 cell computed from
// it (=1217.8+C16) is not a second warning but an info naming the cause;
// a whole column typed in 元 is one error per row, not two.
func TestFollowsFromTheCause(t *testing.T) {
	typo := filledJuly(t, func(row string) string {
		if row == "16" {
			return "0.1234567"
		}
		return ""
	})
	got := checkLines(t, "zh", typo)
	want := []string{
		"warning 税收收入!C16 precision 0.1234567 的小数位数超过规定的 6 位",
		"info 税收收入!D16 follows_from 1217.9234567 由公式 =1217.8+C16 从 C16 算得，C16 小数位数超限，改正 C16 后此格随之改正",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("typo:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := checkLines(t, "en", typo); len(got) != 2 || got[1] != "info 税收收入!D16 follows_from 1217.9234567 is computed by =1217.8+C16 from C16 (too many decimal places there): correcting C16 corrects it" {
		t.Errorf("--lang en:\n%s", strings.Join(got, "\n"))
	}

	yuan := filledJuly(t, func(row string) string { return "33360" + row + "0" })
	errs, follows := 0, 0
	for _, l := range checkLines(t, "zh", yuan) {
		switch {
		case strings.HasPrefix(l, "error 税收收入!C") && strings.Contains(l, " out_of_range "):
			errs++
		case strings.HasPrefix(l, "info 税收收入!D") && strings.Contains(l, " follows_from "):
			follows++
		default:
			t.Errorf("unexpected: %s", l)
		}
	}
	if errs != 40 || follows != 40 {
		t.Errorf("whole column in 元: %d out_of_range errors at 本月, %d follows_from at 本年累计; want 40 and 40", errs, follows)
	}
}
