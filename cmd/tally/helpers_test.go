package main

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/jingwu/tally/internal/testtool"
)

// Helpers the command's tests share: one copy each, where several tests
// had written their own.

// checkFile runs tally check --json args… file and returns the file's
// entry (fileOf: duplicate_submission findings left out) and the output;
// a file not in the output fails the test.
func checkFile(t *testing.T, file string, args ...string) (*jsonCheckFile, string) {
	t.Helper()
	_, out, errOut := runTally(t, append(append([]string{"check", "--json"}, args...), file)...)
	f := fileOf(checkJSON(t, out), filepath.Base(file))
	if f == nil {
		t.Fatalf("%s not in the output: %s%s", filepath.Base(file), out, errOut)
	}
	return f, out
}

// calcEdit opens src in LibreOffice Calc over UNO, as a person would,
// runs edit — Python with doc (the document) and sh (its sheet 税收收入,
// unprotected) bound, indented by four spaces — and saves the result as
// name.xlsx and name.ods (name as a submission is named: 2021-01-czs),
// in folders of their own of a temporary directory. It returns the two
// paths; without LibreOffice and its Python bridge the test is skipped.
func calcEdit(t *testing.T, src, name, edit string) (xlsx, ods string) {
	t.Helper()
	python := testtool.Python(t, "uno")
	testtool.Require(t, "soffice", "--version")
	dir := t.TempDir()
	xlsx, ods = filepath.Join(dir, "xlsx", name+".xlsx"), filepath.Join(dir, "ods", name+".ods")
	script := `
import sys, os, importlib.util
spec = importlib.util.spec_from_file_location("gen", sys.argv[1])
gen = importlib.util.module_from_spec(spec); spec.loader.exec_module(gen)
calc = gen.Calc(sys.argv[3])
try:
    doc = calc.open(sys.argv[2])
    sh = doc.Sheets.getByName("税收收入")
    sh.unprotect("")
` + edit + `
    for path, ods in ((sys.argv[4], False), (sys.argv[5], True)):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        calc.save(doc, path, ods)
    doc.close(True)
finally:
    calc.close()
`
	cmd := exec.Command(python, "-c", script, repo(t, "internal/realworld/gen.py"), src, dir, xlsx, ods)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, msg)
	}
	return xlsx, ods
}

// column is the index of the column headed name in a header row.
func column(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, c := range header {
		if c == name {
			return i
		}
	}
	t.Fatalf("no column %s in %q", name, header)
	return -1
}

// cellAt is a row's cell i, "" past its end (GetRows drops empty cells at
// a row's end) or for none (-1).
func cellAt(r []string, i int) string {
	if i >= 0 && i < len(r) {
		return r[i]
	}
	return ""
}

// panicReading makes reading the file at path panic, as a bug would, until
// the test ends (testPanicRead: other tests' files are read as ever).
func panicReading(t *testing.T, path string) {
	t.Helper()
	testPanicRead.Store(path, "boom")
	t.Cleanup(func() { testPanicRead.Delete(path) })
}
