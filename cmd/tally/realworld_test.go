package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/testtool"
	"github.com/jingwu/tally/spec"
	"github.com/shopspring/decimal"
)

// The real-writer corpus (testdata/realworld, made by
// internal/realworld/gen.py with LibreOffice Calc, openpyxl and pandas):
// what the generator typed decides, in expected.json written before tally
// ran, the exact totals and the findings of every file.

type realExpected struct {
	Periods []string          `json:"periods"`
	Totals  map[string]string `json:"totals"` // indicator|period → exact
	Files   []struct {
		File     string        `json:"file"`
		Clean    bool          `json:"clean"`
		Writer   string        `json:"writer"`
		Findings []realFinding `json:"findings"`
	} `json:"files"`
}

type realFinding struct {
	Sheet    string `json:"sheet"`
	Cell     string `json:"cell"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
}

func (f realFinding) String() string {
	return fmt.Sprintf("%s!%s %s %s", f.Sheet, f.Cell, f.Rule, f.Severity)
}

// realSpec is the built-in spec without a deadline: Calc and openpyxl stamp
// the time of saving, years after 2020's deadlines, so every file would be
// late. Lateness is pinned by the sample year.
func realSpec(t *testing.T) string {
	t.Helper()
	var out []string
	for _, l := range strings.Split(string(spec.DefaultBytes()), "\n") {
		if !strings.HasPrefix(l, "deadline_day:") {
			out = append(out, l)
		}
	}
	p := filepath.Join(t.TempDir(), "spec.yaml")
	if err := os.WriteFile(p, []byte(strings.Join(out, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRealWriters(t *testing.T) {
	t.Parallel()
	checkRealWorld(t, repo(t, "testdata/realworld"))
}

// TestRealWritersGenerator runs the generator with the real writers and
// checks its output the same way; its expected.json must be the committed
// one (only the files' save times differ from run to run).
func TestRealWritersGenerator(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs LibreOffice")
	}
	testtool.Require(t, "soffice", "--version")
	py := testtool.Python(t, "uno, openpyxl, pandas")
	out := filepath.Join(t.TempDir(), "realworld")
	cmd := exec.Command(py, "internal/realworld/gen.py", "-o", out)
	cmd.Dir = repo(t, ".")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gen.py: %v\n%s", err, b)
	}
	fresh, err := os.ReadFile(filepath.Join(out, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(repo(t, "testdata/realworld/expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fresh, committed) {
		t.Errorf("testdata/realworld/expected.json is not what the generator writes; run /usr/bin/python3 internal/realworld/gen.py -o testdata/realworld")
	}
	checkRealWorld(t, out)
}

func checkRealWorld(t *testing.T, dir string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp realExpected
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatal(err)
	}
	specFile := realSpec(t)
	clean, planted := 0, 0
	for _, f := range exp.Files {
		if f.Clean {
			clean++
		}
		for _, x := range f.Findings {
			if x.Severity != "info" {
				planted++
			}
		}
	}
	if clean*3 < len(exp.Files) || planted < 25 {
		t.Fatalf("the corpus must keep a third of its files clean and plant 25 problems: %d of %d clean, %d planted", clean, len(exp.Files), planted)
	}

	// tally check --json
	var out, errb bytes.Buffer
	code := run([]string{"check", "--json", "--spec", specFile, dir}, strings.NewReader(""), &out, &errb)
	if code > exitFindings {
		t.Fatalf("check: exit %d: %s", code, errb.String())
	}
	var chk jsonCheck
	if err := json.Unmarshal(out.Bytes(), &chk); err != nil {
		t.Fatal(err)
	}
	byFile := map[string][]realFinding{}
	seen := map[string]bool{}
	for _, fl := range chk.Files {
		seen[filepath.Base(fl.File)] = true
		for _, f := range fl.Findings {
			byFile[filepath.Base(fl.File)] = append(byFile[filepath.Base(fl.File)], realFinding{f.Sheet, f.Cell, f.Rule, f.Severity})
		}
	}
	compareReal(t, "check", exp, byFile, seen)

	// tally reconcile --json -o
	book := filepath.Join(t.TempDir(), "out.xlsx")
	out.Reset()
	errb.Reset()
	code = run([]string{"reconcile", "--json", "--spec", specFile, "--as-of", exp.Periods[len(exp.Periods)-1], "-o", book, dir},
		strings.NewReader(""), &out, &errb)
	if code > exitFindings {
		t.Fatalf("reconcile: exit %d: %s", code, errb.String())
	}
	var res jsonResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	byFile = map[string][]realFinding{}
	seen = map[string]bool{}
	for _, in := range res.Inputs {
		seen[filepath.Base(in.File)] = true
	}
	for _, f := range res.Findings {
		if f.File == "" {
			continue // missing months of other years, rules over totals
		}
		byFile[filepath.Base(f.File)] = append(byFile[filepath.Base(f.File)], realFinding{f.Sheet, f.Cell, f.Rule, f.Severity})
	}
	compareReal(t, "reconcile", exp, byFile, seen)
	sm := res.Summary
	if sm.Rows != sm.RowsConsolidated+sm.RowsRejected || sm.Cells == 0 ||
		sm.Cells != sm.CellsConsolidated+sm.CellsRejected+sm.CellsChecked+sm.CellsReported+sm.CellsTemplate {
		t.Errorf("rows or cells not conserved: %+v", sm)
	}
	compareTotals(t, book, exp)
}

// compareReal: every planted finding at its file, sheet and cell; no
// warning or error that is not planted (so none on a clean file).
func compareReal(t *testing.T, cmd string, exp realExpected, got map[string][]realFinding, seen map[string]bool) {
	t.Helper()
	for _, f := range exp.Files {
		if !seen[f.File] {
			t.Errorf("%s: %s (%s) is not among the inputs", cmd, f.File, f.Writer)
			continue
		}
		want := map[realFinding]bool{}
		for _, x := range f.Findings {
			want[x] = true
		}
		have := map[realFinding]bool{}
		for _, x := range got[f.File] {
			have[x] = true
		}
		var missed, extra []string
		for x := range want {
			if !have[x] {
				missed = append(missed, x.String())
			}
		}
		for x := range have {
			if !want[x] && x.Severity != "info" {
				extra = append(extra, x.String())
			}
		}
		sort.Strings(missed)
		sort.Strings(extra)
		if len(missed) > 0 {
			t.Errorf("%s: %s (%s): planted but not found: %s", cmd, f.File, f.Writer, strings.Join(missed, "; "))
		}
		if len(extra) > 0 {
			what := "not planted"
			if f.Clean {
				what = "on a clean file"
			}
			t.Errorf("%s: %s (%s): %s: %s", cmd, f.File, f.Writer, what, strings.Join(extra, "; "))
		}
	}
}

// compareTotals reads the workbook's 汇总 sheet: every indicator and month
// exactly as the generator computed it, and nothing where it typed nothing.
func compareTotals(t *testing.T, book string, exp realExpected) {
	t.Helper()
	rows := rawRows(t, book, "汇总")
	col := map[string]int{}
	for i, h := range rows[1] {
		col[h] = i
	}
	checked := 0
	for _, r := range rows[2:] {
		if len(r) == 0 || r[0] == "" {
			continue
		}
		for _, p := range exp.Periods {
			var y, m int
			fmt.Sscanf(p, "%d-%d", &y, &m)
			ci, ok := col[fmt.Sprintf("%d月", m)]
			if !ok {
				t.Fatalf("汇总 has no column %s", p)
			}
			got := ""
			if ci < len(r) {
				got = r[ci]
			}
			want, has := exp.Totals[r[0]+"|"+p]
			if !has {
				if got != "" && got != "0" {
					t.Errorf("%s %s: %s, but nothing was typed", r[0], p, got)
				}
				continue
			}
			checked++
			g, err := decimal.NewFromString(strings.ReplaceAll(got, ",", ""))
			if err != nil || !g.Equal(decimal.RequireFromString(want)) {
				t.Errorf("%s %s: total %q, want exactly %s", r[0], p, got, want)
			}
		}
	}
	if checked != len(exp.Totals) {
		t.Errorf("checked %d totals of %d expected", checked, len(exp.Totals))
	}
}
