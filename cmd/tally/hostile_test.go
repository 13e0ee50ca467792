package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/hostile"
)

// writeCorpus writes the hostile corpus into a folder and returns it.
func writeCorpus(t *testing.T) (string, []hostile.Variant) {
	t.Helper()
	b, err := os.ReadFile(repo(t, filepath.Join("testdata", "submissions", hostile.SampleFile)))
	if err != nil {
		t.Fatal(err)
	}
	vs, err := hostile.Variants(b)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "hostile")
	os.Mkdir(dir, 0o755)
	for _, v := range vs {
		if err := os.WriteFile(filepath.Join(dir, hostile.FileName(v)), v.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, vs
}

// hashes returns the SHA-256 of every file under the folders.
func hashes(t *testing.T, dirs ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, d := range dirs {
		filepath.Walk(d, func(p string, info os.FileInfo, err error) error {
			if err == nil && info.Mode().IsRegular() {
				b, _ := os.ReadFile(p)
				out[p] = fmt.Sprintf("%x", sha256.Sum256(b))
			}
			return nil
		})
	}
	return out
}

// The hostile corpus mixed with the sample year, through every path the
// commands take: each variant is reported with its reason or read as the
// sample reads it; the sample's figures and verdicts are unchanged; no
// input is touched; every run finishes with its output.
func TestHostileCorpus(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("reads the sample year and the corpus three times")
	}
	dir, vs := writeCorpus(t)
	sample := repo(t, "testdata/submissions")
	before := hashes(t, sample, dir)

	// check --json
	code, out, stderr := runTally(t, "check", "--json", "--lang", "en", "--jobs", "2", sample, dir)
	if code != exitFindings {
		t.Fatalf("check: exit %d, %s", code, stderr)
	}
	c := checkJSON(t, out)
	orig := fileOf(c, "submissions/"+hostile.SampleFile)
	if orig == nil {
		t.Fatal("the sample file is not in the check output")
	}
	for _, v := range vs {
		f := fileOf(c, "/"+hostile.FileName(v))
		if f == nil {
			t.Errorf("%s: not reported", v.Name)
			continue
		}
		e := v.Expect
		want := e.Status
		if want == "ok" {
			want = orig.Status // read as the sample file is read
		}
		if f.Status != want {
			t.Errorf("%s (%s): status %s, want %s; %v", v.Name, v.Why, f.Status, want, firstMessages(f))
			continue
		}
		if want == "unreadable" && (len(f.Findings) != 1 || f.Findings[0].Rule != "unreadable_file") {
			t.Errorf("%s: want one unreadable_file finding, got %v", v.Name, firstMessages(f))
		}
		if e.Says != "" && !hasMessage(f, e.Says) {
			t.Errorf("%s (%s): no finding says %q; got %v", v.Name, v.Why, e.Says, firstMessages(f))
		}
		if e.Rule != "" && !hasRule(f, e.Rule) {
			t.Errorf("%s: no %s finding; got %v", v.Name, e.Rule, firstMessages(f))
		}
		if e.Status == "ok" && fmt.Sprint(firstMessages(f)) != fmt.Sprint(firstMessages(orig)) {
			t.Errorf("%s: findings %v, the sample file's %v", v.Name, firstMessages(f), firstMessages(orig))
		}
		if len(f.Findings) > 1002 {
			t.Errorf("%s: %d findings, past the bound", v.Name, len(f.Findings))
		}
	}

	// check --annotate: every copy that can be made is; the styles bomb is
	// refused by the limits as that file's finding; the run prints its JSON.
	ann := t.TempDir()
	code, out, stderr = runTally(t, "check", "--json", "--lang", "en", "--jobs", "2", "--annotate", ann, sample, dir)
	if code != exitFindings {
		t.Fatalf("check --annotate: exit %d, %s", code, stderr)
	}
	c = checkJSON(t, out)
	for _, v := range vs {
		f := fileOf(c, "/"+hostile.FileName(v))
		// Copies keep their folders below the one all inputs share.
		rel, _ := filepath.Rel(commonDir([]string{sample, dir}), filepath.Join(dir, hostile.FileName(v)))
		_, statErr := os.Stat(filepath.Join(ann, rel))
		switch {
		case v.Expect.AnnotateRule != "":
			if !hasRule(f, v.Expect.AnnotateRule) || statErr == nil {
				t.Errorf("%s: want %s and no copy; got %v", v.Name, v.Expect.AnnotateRule, firstMessages(f))
			}
		case f.Status == "findings":
			if statErr != nil || hasRule(f, "not_annotated") {
				t.Errorf("%s: no annotated copy: %v %v", v.Name, statErr, firstMessages(f))
			}
		case statErr == nil && !hadDuplicate(c, "/"+hostile.FileName(v)):
			// (a copy is made for a file whose only findings say it is a
			// second file for the sample's March)
			t.Errorf("%s: a copy of a file without findings", v.Name)
		}
	}

	// reconcile --json alone (the run other tests share: sampleJSON), and
	// reconcile --json -o with the corpus: the same figures and verdicts.
	code, alone, stderrb := sampleJSON(t, "zh", "")
	if code != exitFindings {
		t.Fatalf("reconcile alone: exit %d, %s", code, stderrb)
	}
	wb := filepath.Join(t.TempDir(), "out.xlsx")
	code, mixed, stderr := runTally(t, "reconcile", "--json", "--jobs", "2", "-o", wb, sample, dir)
	if code != exitFindings {
		t.Fatalf("reconcile mixed: exit %d, %s", code, stderr)
	}
	if st, err := os.Stat(wb); err != nil || st.Size() == 0 {
		t.Fatalf("no workbook written: %v", err)
	}
	var a, m jsonResult
	json.Unmarshal(alone, &a)
	json.Unmarshal([]byte(mixed), &m)
	if len(a.Claims) == 0 || len(a.Claims) != len(m.Claims) {
		t.Fatalf("claims: %d alone, %d mixed", len(a.Claims), len(m.Claims))
	}
	for i := range a.Claims {
		ca, cm := a.Claims[i], m.Claims[i]
		if ca.ID != cm.ID || ca.Status != cm.Status || str(ca.Computed) != str(cm.Computed) {
			t.Errorf("claim %s: %s %s alone, %s %s with the corpus", ca.ID, ca.Status, str(ca.Computed), cm.Status, str(cm.Computed))
		}
	}
	if m.Summary.Files != a.Summary.Files+len(vs) || m.Summary.RowsConsolidated != a.Summary.RowsConsolidated {
		t.Errorf("summary alone %+v, mixed %+v", a.Summary, m.Summary)
	}

	after := hashes(t, sample, dir)
	if len(after) != len(before) {
		t.Errorf("files under the inputs: %d before, %d after", len(before), len(after))
	}
	for p, h := range before {
		if after[p] != h {
			t.Errorf("input %s changed", p)
		}
	}
}

func str(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}

func hasMessage(f *jsonCheckFile, s string) bool {
	for _, x := range f.Findings {
		if strings.Contains(x.Message, s) {
			return true
		}
	}
	return false
}

func hasRule(f *jsonCheckFile, rule string) bool {
	if f == nil {
		return false
	}
	for _, x := range f.Findings {
		if x.Rule == rule {
			return true
		}
	}
	return false
}

func firstMessages(f *jsonCheckFile) []string {
	var out []string
	for i, x := range f.Findings {
		if i == 3 {
			break
		}
		out = append(out, x.Rule+": "+x.Message)
	}
	return out
}

// hadDuplicate reports whether the file was reported as one of two files
// for one department-month (which fileOf leaves out).
func hadDuplicate(c jsonCheck, suffix string) bool {
	for _, f := range c.Files {
		if strings.HasSuffix(f.File, suffix) {
			for _, x := range f.Findings {
				if x.Rule == "duplicate_submission" || x.Rule == "duplicate_submission_used" {
					return true
				}
			}
		}
	}
	return false
}
