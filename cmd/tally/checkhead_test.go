package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
)

// The findings of no one file (a spec rule over the departments' totals)
// print under their own heading after the files' blocks, not indented under
// the last file as if they were its (newcomer trial 8, 10f).
func TestCheckCrossDepartmentHeading(t *testing.T) {
	t.Parallel()
	out := jsonCheck{
		Files: []jsonCheckFile{{File: "2021-07-zsb.xlsx", Department: "zsb", Period: "2021-07", Status: "findings",
			Findings: []jsonFileFinding{{Rule: "late", Severity: "warning", Message: "逾期报送"}}}},
		Checks: []jsonFileFinding{{Rule: "spec_rule", Severity: "error", Period: "2021-07", Message: "审核公式 hightech-within-above-scale 不成立"}},
	}
	out.Summary.Files, out.Summary.Findings = 1, 2
	for _, tc := range []struct {
		lang reconcile.Lang
		head string
	}{{reconcile.Chinese, "跨单位核对：1 个问题"}, {reconcile.English, "Checks across departments: 1 finding"}} {
		var b bytes.Buffer
		printCheck(streams{strings.NewReader(""), &b, &b, tc.lang}, out, nil, tc.lang)
		lines := strings.Split(b.String(), "\n")
		head, rule := -1, -1
		for i, l := range lines {
			if l == tc.head {
				head = i
			}
			if strings.Contains(l, "hightech-within-above-scale") {
				rule = i
			}
		}
		if head < 0 || rule != head+1 || !strings.HasPrefix(lines[rule], "  ") {
			t.Errorf("%s: the cross-department finding is not under its own heading %q:\n%s", tc.lang, tc.head, b.String())
		}
		if late := strings.Index(b.String(), "逾期报送"); late < 0 || late > strings.Index(b.String(), tc.head) {
			t.Errorf("%s: the heading is not after the file's block:\n%s", tc.lang, b.String())
		}
	}
}
