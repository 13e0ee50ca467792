package main

import (
	"bytes"
	"encoding/json"
	"github.com/jingwu/tally/internal/tall"
	"github.com/jingwu/tally/reconcile"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rewriteXLSX copies the workbook src to dst with one part's text replaced
// (old → new, which must occur): a cell typed otherwise, without a writer
// that would change anything else.
func rewriteXLSX(t *testing.T, src, dst, part, old, new string) {
	t.Helper()
	editPart(t, src, dst, part, func(data []byte) []byte {
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s of %s has no %q", part, src, old)
		}
		return bytes.Replace(data, []byte(old), []byte(new), 1)
	})
}

type jumpRun struct {
	Findings []struct {
		File, Sheet, Cell, Rule, Severity, Message string
	} `json:"findings"`
}

func monthJumps(t *testing.T, args ...string) []string {
	t.Helper()
	return ruleFindings(t, "month_jump", args...)
}

// ruleFindings are reconcile --json's findings of one rule, each as
// "file sheet!cell severity message".
func ruleFindings(t *testing.T, rule string, args ...string) []string {
	t.Helper()
	_, out, _ := runTally(t, append([]string{"reconcile", "--json"}, args...)...)
	var r jumpRun
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("reconcile --json: %v\n%s", err, out)
	}
	var got []string
	for _, f := range r.Findings {
		if f.Rule == rule {
			got = append(got, filepath.Base(f.File)+" "+f.Sheet+"!"+f.Cell+" "+f.Severity+" "+f.Message)
		}
	}
	return got
}

// A firm's month typed in 元 into the 万元 column (47.38万元 as 473800,
// within the indicator's bound of 1,000,000 万元 — past it, out_of_range
// rejects the row —, its 本年累计 carried along so nothing else breaks) is a warning at the
// cell, with the comparison that shows it; the clean files raise none.
func TestMonthJumpAtTheCell(t *testing.T) {
	dir := t.TempDir()
	for m := 1; m <= 5; m++ {
		name := "2021-0" + string(rune('0'+m)) + "-czs.xlsx"
		data, err := os.ReadFile(repo(t, "testdata/submissions/"+name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := monthJumps(t, "--as-of", "2021-05", dir); len(got) != 0 {
		t.Fatalf("clean months: %d month_jump findings, want none:\n%s", len(got), strings.Join(got, "\n"))
	}
	rewriteXLSX(t, repo(t, "testdata/submissions/2021-06-czs.xlsx"), filepath.Join(dir, "2021-06-czs.xlsx"), "xl/worksheets/sheet2.xml",
		`<c r="C11" s="7"><v>47.38</v></c><c r="D11" s="7"><v>221.95</v></c>`, `<c r="C11" s="7"><v>473800</v></c><c r="D11" s="7"><v>473974.57</v></c>`)
	got := monthJumps(t, "--as-of", "2021-06", dir)
	if len(got) != 1 {
		t.Fatalf("%d month_jump findings, want 1:\n%s", len(got), strings.Join(got, "\n"))
	}
	want := "2021-06-czs.xlsx 税收收入!C11 warning 本月 473800 万元，为该行其他月份中位数 "
	if !strings.HasPrefix(got[0], want) || !strings.Contains(got[0], "万元的 ") || !strings.Contains(got[0], " 倍，请核实是否误按元填写（单位为万元）") {
		t.Errorf("got %q, want %q… 万元的 N 倍，请核实是否误按元填写（单位为万元）", got[0], want)
	}
}

// No clean file tally ships raises a month_jump: the sample submissions
// (every year, every month) and the real-writer corpus. A false alarm is a
// bug.
func TestMonthJumpNoFalseAlarm(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{"testdata/submissions", "testdata/realworld"} {
		for _, asOf := range []string{"2020-12", "2021-01", "2021-02", "2021-06"} {
			if got := monthJumps(t, "--as-of", asOf, repo(t, dir)); len(got) != 0 {
				t.Errorf("%s through %s: %d month_jump findings, want none:\n%s", dir, asOf, len(got), strings.Join(got, "\n"))
			}
		}
	}
}

// The month-jump check holds at most reconcile.MaxJumpValues month
// figures: at the limit exactly (four months of one department, 25,000
// rows of five indicators each: 500,000 figures) it runs and finds the
// first row's April typed 100 times too large; with one row more in
// January it is not run, said once (at the file that would pass the
// limit) as not_checked naming the limit, and finds nothing — never
// silently skipped.
func TestMonthJumpAtItsLimit(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("100,000 rows")
	}
	run := func(first int) (jumps []string, said []string) {
		t.Helper()
		dir := t.TempDir()
		in := filepath.Join(dir, "in")
		os.Mkdir(in, 0o755)
		// Each month under the rows a month may hold (MaxMonthValues),
		// the same rows every month (a new row's 本年累计 would be wrong).
		for m, rows := range []int{first, 25_000, 25_000, 25_000} {
			writeTall(t, in, tall.MonthFileName(m+1), tall.Options{Rows: rows, Month: m + 1, Jump: map[bool]int64{true: 100}[m == 3]})
		}
		res := runTall(t, "reconcile", "--json", "--as-of", "2020-04", "--spec", writeTallSpec(t, dir, 1), in)
		for _, f := range res.Findings {
			switch {
			case f.Rule == "month_jump":
				jumps = append(jumps, filepath.Base(f.File)+" "+f.Cell)
			case f.Rule == "not_checked" && strings.Contains(f.Message, "本月数异常"):
				said = append(said, filepath.Base(f.File)+" "+f.Message)
			case f.Severity == "error":
				t.Errorf("unexpected error finding %+v", f)
			}
		}
		return jumps, said
	}
	if 4*25_000 != reconcile.MaxJumpValues/tall.Indicators {
		t.Fatalf("the corpus is not at the limit %d", reconcile.MaxJumpValues)
	}
	jumps, said := run(25_000)
	if len(said) != 0 {
		t.Errorf("at the limit: %q, want the check run", said)
	}
	// The first row's 本月 figures of April, but C3's (0.01 → 1: under
	// the floor of 100 万元 apart).
	if want := []string{"2020-04-tall.xlsx E3", "2020-04-tall.xlsx G3", "2020-04-tall.xlsx I3", "2020-04-tall.xlsx K3"}; strings.Join(jumps, ",") != strings.Join(want, ",") {
		t.Errorf("at the limit: month_jump at %q, want %q", jumps, want)
	}
	jumps, said = run(25_001)
	if len(said) != 1 || !strings.Contains(said[0], "500000") || !strings.HasPrefix(said[0], "2020-04-tall.xlsx ") {
		t.Errorf("one row past the limit: not_checked %q, want one at 2020-04-tall.xlsx naming the limit 500000", said)
	}
	if len(jumps) != 0 {
		t.Errorf("one row past the limit: month_jump at %q, want none (the check did not run)", jumps)
	}
}

// A January typed in 元 has no other month of its own year to be compared
// with; the previous year's months in the run are within a year of it, so
// it is compared with them (it was not: the check stopped at the year's
// end). Without those months there is nothing to compare with, and no
// finding; the previous year's months are not judged against it either
// (each stays within its own row's usual range).
func TestMonthJumpAcrossTheYear(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"2020-10-czs.xlsx", "2020-11-czs.xlsx", "2020-12-czs.xlsx"} {
		data, err := os.ReadFile(repo(t, "testdata/submissions/"+name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	jan := filepath.Join(t.TempDir(), "2021-01-czs.xlsx")
	rewriteXLSX(t, repo(t, "testdata/submissions/2021-01-czs.xlsx"), jan, "xl/worksheets/sheet2.xml",
		`<c r="C18" s="7"><v>54.15</v></c><c r="D18" s="7"><v>54.15</v></c>`, `<c r="C18" s="7"><v>541500</v></c><c r="D18" s="7"><v>541500</v></c>`)
	if got := monthJumps(t, "--as-of", "2021-01", jan); len(got) != 0 {
		t.Fatalf("January alone: %d month_jump findings, want none:\n%s", len(got), strings.Join(got, "\n"))
	}
	data, err := os.ReadFile(jan)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "2021-01-czs.xlsx"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	got := monthJumps(t, "--as-of", "2021-01", dir)
	if len(got) != 1 {
		t.Fatalf("%d month_jump findings, want 1 (January against October–December):\n%s", len(got), strings.Join(got, "\n"))
	}
	want := "2021-01-czs.xlsx 税收收入!C18 warning 本月 541500 万元，为该行前 12 个月内（含上年）其他月份中位数 "
	if !strings.HasPrefix(got[0], want) || !strings.Contains(got[0], "请核实是否误按元填写（单位为万元）") {
		t.Errorf("got %q, want %q…", got[0], want)
	}
}
