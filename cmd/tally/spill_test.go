package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
)

// reconcileWith runs args with reconcile.MemMonthValues set to mem (0:
// every department's kept month is written to the temporary file) and the
// temporary folder tmp; it returns the exit code, the output and stderr.
func reconcileWith(t *testing.T, mem int, tmp string, args ...string) (int, string, string) {
	t.Helper()
	old := reconcile.MemMonthValues
	reconcile.MemMonthValues = mem
	defer func() { reconcile.MemMonthValues = old }()
	t.Setenv("TMPDIR", tmp)
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// Through the command, the departments' months kept for the checks across
// months give the same JSON and the same workbook whether they wait in
// memory or on disk (every month spilled), with one worker and two; the
// temporary file is gone after the run; and a temporary folder that cannot
// be written fails a spilling run with its own message (a held run never
// touches it) — never a check skipped.
func TestSpilledMonthsThroughTheCommand(t *testing.T) {
	// One worker and two on the whole sample; the others with one each
	// (how the workers' files meet is the same for every input, and each
	// run is two runs of the command, under -race seconds each).
	for _, c := range []struct {
		jobs []string
		args []string
	}{
		{[]string{"1", "2"}, []string{"reconcile", "--json", "--as-of", "2021-06", repo(t, "testdata/submissions")}},
		{[]string{"2"}, []string{"reconcile", "--json", "--as-of", "2021-06", repo(t, "testdata/bad")}},
		{[]string{"1"}, []string{"reconcile", "--as-of", "2021-06", "-o", "OUT", repo(t, "testdata/submissions")}},
	} {
		args := c.args
		for _, jobs := range c.jobs {
			a := append([]string{args[0], "--jobs", jobs}, args[1:]...)
			var outs []string
			for _, mem := range []int{1 << 30, 0} {
				tmp := t.TempDir()
				b := append([]string(nil), a...)
				path := ""
				for i := range b {
					if b[i] == "OUT" {
						path = filepath.Join(t.TempDir(), "out.xlsx")
						b[i] = path
					}
				}
				code, out, errb := reconcileWith(t, mem, tmp, b...)
				if code > exitFindings {
					t.Fatalf("%v (months in memory up to %d): exit %d: %s", b, mem, code, errb)
				}
				if path != "" {
					data, err := os.ReadFile(path)
					if err != nil {
						t.Fatal(err)
					}
					out = string(data)
				}
				if left, _ := filepath.Glob(filepath.Join(tmp, "tally-months-*")); len(left) != 0 {
					t.Errorf("%v: the months' temporary file was left: %q", b, left)
				}
				outs = append(outs, out)
			}
			if outs[0] != outs[1] {
				if strings.HasPrefix(outs[0], "PK") { // a workbook
					t.Errorf("%v: the workbooks of months held and months on disk differ (%d and %d bytes)", a, len(outs[0]), len(outs[1]))
				} else {
					t.Errorf("%v: months held and months on disk differ:\n%.2000s\n---\n%.2000s", a, outs[0], outs[1])
				}
			}
		}
	}
	gone := filepath.Join(t.TempDir(), "no-such-folder")
	args := []string{"reconcile", "--json", "--jobs", "1", "--as-of", "2020-12", repo(t, "testdata/submissions")}
	if code, _, errb := reconcileWith(t, 1<<30, gone, args...); code > exitFindings {
		t.Fatalf("months in memory, no temporary folder: exit %d: %s", code, errb)
	}
	code, out, errb := reconcileWith(t, 0, gone, args...)
	if code <= exitFindings || !strings.Contains(errb, "无法保存跨月核对的临时文件") {
		t.Errorf("months on disk, no temporary folder: exit %d, stderr %q, want a failure saying 无法保存跨月核对的临时文件", code, errb)
	}
	if strings.Contains(out, `"findings"`) {
		t.Errorf("a failed run printed its result:\n%.500s", out)
	}
}
