package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The findings of no one file (a spec rule over the departments' totals)
// print under their own heading after the files' blocks, not indented under
// the last file as if they were its (newcomer trial 8, 10f). The rule is
// the sample spec's hightech-within-above-scale made to fail on two sample
// returns (国家高新技术企业数 × 100 against 规模以上企业数), run through
// `tally check` as a clerk runs it.
func TestCheckCrossDepartmentHeading(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, f := range []string{"2021-06-kjk.xlsx", "2021-06-tjz.xlsx"} {
		b, err := os.ReadFile(repo(t, "testdata/submissions/"+f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	spec, err := os.ReadFile(repo(t, "spec/jingwu-2020.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	const rule = "expr: sum(国家高新技术企业数) <= sum(规模以上企业数)"
	if !strings.Contains(string(spec), rule) {
		t.Fatalf("the sample spec no longer has %q", rule)
	}
	specPath := filepath.Join(dir, "spec.yaml")
	failing := strings.Replace(string(spec), rule, "expr: sum(国家高新技术企业数) * 100 <= sum(规模以上企业数)", 1)
	if err := os.WriteFile(specPath, []byte(failing), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang, head, file string
	}{
		{"zh", "跨单位核对：1 个问题", "（统计站 2021-06）：通过"},
		{"en", "Checks across departments: 1 finding", "(统计站 2021-06): ok"},
	} {
		code, out, errOut := runTally(t, "check", "--lang", tc.lang, "--spec", specPath, dir)
		if code != 1 {
			t.Fatalf("%s: exit %d, want 1 (an error across departments)\n%s%s", tc.lang, code, out, errOut)
		}
		lines := strings.Split(out, "\n")
		head, rule, file := -1, -1, -1
		for i, l := range lines {
			switch {
			case l == tc.head:
				head = i
			case strings.Contains(l, "hightech-within-above-scale"):
				rule = i
			case strings.Contains(l, tc.file):
				file = i
			}
		}
		if head < 0 || rule != head+1 || !strings.HasPrefix(lines[rule], "  ") {
			t.Errorf("%s: the cross-department finding is not under its own heading %q:\n%s", tc.lang, tc.head, out)
		}
		if file < 0 || file > head {
			t.Errorf("%s: the heading is not after the files' blocks:\n%s", tc.lang, out)
		}
	}
}
