package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Many tests read the committed sample year with the same command: the
// 2020 workbook in each language, the monthly one, the JSON result. Each
// distinct run is made once per test binary, through run as the command
// line takes it, and its exit code, output and workbook are shared: a run
// is deterministic (TestWorkbookDeterministic), and a workbook does not
// name the file it is written to. Under the race detector a run of the
// sample is seconds; the package made the same ones fifteen times over.

// sampleOutput is one run over the sample year.
type sampleOutput struct {
	once           sync.Once
	args           []string
	code           int
	stdout, stderr []byte
	book           []byte // the workbook -o wrote, for a workbook run
	err            error
}

var sampleRuns sync.Map // fmt.Sprint(book, args) → *sampleOutput

// runSample runs tally args… over testdata/submissions, with -o to a
// temporary workbook when book is set, once per test binary.
func runSample(t testing.TB, book bool, args ...string) *sampleOutput {
	t.Helper()
	// Relative (the test runs in cmd/tally): the workbook's 来源文件 and
	// messages name the files the same way in every clone, whatever the
	// length of its path (a longer one wrapped 来源文件 onto more pages).
	sample := filepath.Join("..", "..", "testdata", "submissions")
	v, _ := sampleRuns.LoadOrStore(fmt.Sprint(book, args), &sampleOutput{})
	r := v.(*sampleOutput)
	r.once.Do(func() {
		r.args = append(append([]string{}, args...), sample)
		var dir string
		if book {
			if dir, r.err = os.MkdirTemp("", "tally-sample-"); r.err != nil {
				return
			}
			defer os.RemoveAll(dir)
			r.args = append(r.args, "-o", filepath.Join(dir, "out.xlsx"))
		}
		var so, se bytes.Buffer
		r.code = run(r.args, strings.NewReader(""), &so, &se)
		r.stdout, r.stderr = so.Bytes(), se.Bytes()
		if book && r.code == exitFindings {
			r.book, r.err = os.ReadFile(filepath.Join(dir, "out.xlsx"))
		}
	})
	if r.err != nil {
		t.Fatalf("tally %s: %v", strings.Join(r.args, " "), r.err)
	}
	return r
}

// sampleBook writes to path the workbook of tally reconcile --lang lang
// --as-of asOf -o path testdata/submissions, which exits 1 (the sample has
// planted findings).
func sampleBook(t testing.TB, lang, asOf, path string) {
	t.Helper()
	r := runSample(t, true, "reconcile", "--lang", lang, "--as-of", asOf)
	if r.code != exitFindings {
		t.Fatalf("tally %s: exit %d, want %d: %s", strings.Join(r.args, " "), r.code, exitFindings, r.stderr)
	}
	if err := os.WriteFile(path, r.book, 0o644); err != nil {
		t.Fatal(err)
	}
}

// sampleJSON is tally reconcile --json --lang lang [--as-of asOf]
// testdata/submissions: its exit code, stdout and stderr.
func sampleJSON(t testing.TB, lang, asOf string) (int, []byte, []byte) {
	t.Helper()
	args := []string{"reconcile", "--json", "--lang", lang}
	if asOf != "" {
		args = append(args, "--as-of", asOf)
	}
	r := runSample(t, false, args...)
	return r.code, r.stdout, r.stderr
}
