package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runTally runs the command in this process and returns its exit code and
// output; it fails the test if the run does not finish (a hang).
func runTally(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run(args, strings.NewReader(""), &out, &errb) }()
	select {
	case code := <-done:
		return code, out.String(), errb.String()
	case <-time.After(hangLimit(t)):
		t.Fatalf("tally %v did not finish", args)
	}
	return 0, "", ""
}

// hangLimit is how long a test waits for what must finish before calling
// it a hang: until shortly before the test binary's -timeout (which would
// end every test with a stack dump), not a fixed time, which the race
// detector on a loaded machine (CI, or tests run in parallel) can exceed
// with nothing wrong.
func hangLimit(t testing.TB) time.Duration {
	dt, ok := t.(interface{ Deadline() (time.Time, bool) })
	if !ok {
		return 10 * time.Minute
	}
	d, ok := dt.Deadline()
	if !ok {
		return 30 * time.Minute // -timeout 0: no deadline
	}
	left := time.Until(d)
	return max(left-max(left/20, 30*time.Second), time.Second)
}

// checkJSON decodes tally check --json.
func checkJSON(t *testing.T, out string) jsonCheck {
	t.Helper()
	var c jsonCheck
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	return c
}

// Files for one department-month (the good file and its -v2 here, the
// hostile variants of the sample's March) report each other as
// duplicate_submission(_used); these tests are about other things, so
// those findings are left out, and a file with no other finding is ok.
func fileOf(c jsonCheck, suffix string) *jsonCheckFile {
	for i := range c.Files {
		if strings.HasSuffix(c.Files[i].File, suffix) {
			f := c.Files[i]
			f.Findings = nil
			for _, x := range c.Files[i].Findings {
				if x.Rule != "duplicate_submission" && x.Rule != "duplicate_submission_used" {
					f.Findings = append(f.Findings, x)
				}
			}
			if f.Status == "findings" && len(f.Findings) == 0 {
				f.Status = "ok"
			}
			return &f
		}
	}
	return nil
}

// inbox makes a folder with a good file and a file with a finding.
func inbox(t *testing.T) string {
	dir := t.TempDir()
	for name, src := range map[string]string{"2021-01-czs.xlsx": "testdata/bad/good.xlsx", "2021-01-czs-v2.xlsx": "testdata/bad/not-a-number.xlsx"} {
		b, err := os.ReadFile(repo(t, src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A panic while reading one file (a bug, made here by a test hook) is that
// file's finding; the run checks the others and prints its JSON.
func TestPanicInOneFile(t *testing.T) {
	dir := inbox(t)
	panicReading(t, filepath.Join(dir, "2021-01-czs-v2.xlsx"))
	code, out, stderr := runTally(t, "check", "--json", "--lang", "en", dir)
	if code != exitFindings {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	c := checkJSON(t, out)
	f := fileOf(c, "2021-01-czs-v2.xlsx")
	if f == nil || f.Status != "unreadable" || len(f.Findings) != 1 || !strings.Contains(f.Findings[0].Message, "internal error while reading") || !strings.Contains(f.Findings[0].Message, "boom") {
		t.Fatalf("the panicking file: %+v", f)
	}
	if g := fileOf(c, "/2021-01-czs.xlsx"); g == nil || g.Status != "ok" {
		t.Errorf("the good file: %+v", g)
	}
}

// A panic while annotating one file is that file's finding; the other
// copies are written and the JSON printed.
func TestPanicAnnotatingOneFile(t *testing.T) {
	dir := inbox(t)
	neg, _ := os.ReadFile(repo(t, "testdata/bad/negative.xlsx"))
	os.WriteFile(filepath.Join(dir, "2021-01-czs-v3.xlsx"), neg, 0o644)
	out := t.TempDir()
	testHookAnnotate = func(path string) {
		if strings.HasSuffix(path, "2021-01-czs-v2.xlsx") {
			panic("boom")
		}
	}
	defer func() { testHookAnnotate = nil }()
	code, stdout, stderr := runTally(t, "check", "--json", "--lang", "en", "--annotate", out, dir)
	if code != exitFindings {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	c := checkJSON(t, stdout)
	f := fileOf(c, "2021-01-czs-v2.xlsx")
	if f == nil || f.Findings[len(f.Findings)-1].Rule != "not_annotated" || !strings.Contains(f.Findings[len(f.Findings)-1].Message, "boom") {
		t.Fatalf("the file whose copy failed: %+v", f)
	}
	if _, err := os.Stat(filepath.Join(out, "2021-01-czs-v3.xlsx")); err != nil {
		t.Errorf("the other copy: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "2021-01-czs-v2.xlsx")); err == nil {
		t.Errorf("a copy was written for the file that failed")
	}
	left, _ := filepath.Glob(filepath.Join(out, ".tally-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
