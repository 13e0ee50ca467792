//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO among the inputs (named like a submission, and given by name) is
// reported and never opened; the run finishes with the other files.
func TestFIFOIsReportedNotOpened(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	dir := inbox(t)
	fifo := filepath.Join(dir, "2021-02-czs.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, args := range [][]string{{dir}, {fifo, filepath.Join(dir, "2021-01-czs.xlsx")}} {
		code, out, stderr := runTally(t, append([]string{"check", "--json", "--lang", "en"}, args...)...)
		if code != exitFindings {
			t.Fatalf("exit %d, stderr %s", code, stderr)
		}
		c := checkJSON(t, out)
		f := fileOf(c, "2021-02-czs.xlsx")
		if f == nil || f.Status != "unreadable" || len(f.Findings) != 1 || !strings.Contains(f.Findings[0].Message, "named pipe (FIFO)") {
			t.Fatalf("the FIFO: %+v", f)
		}
		if g := fileOf(c, "/2021-01-czs.xlsx"); g == nil || g.Status != "ok" {
			t.Errorf("the good file was not checked: %+v", g)
		}
	}
	// reconcile too: the month is named by the FIFO's name, so it is
	// reported unreadable, not missing.
	code, out, _ := runTally(t, "reconcile", "--json", "--as-of", "2021-02", dir)
	if code != exitFindings || !strings.Contains(out, "not a regular file") && !strings.Contains(out, "不是普通文件") {
		t.Errorf("reconcile: exit %d, %s", code, out)
	}
}

// An unreadable folder is a finding with its cause; the walk goes on. As
// root, permissions do not stop reading, so the run is made as nobody.
func TestUnreadableFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permissions")
	}
	dir := inbox(t)
	locked := filepath.Join(dir, "locked")
	os.Mkdir(locked, 0o755)
	good, _ := os.ReadFile(repo(t, "testdata/bad/good.xlsx"))
	os.WriteFile(filepath.Join(locked, "2021-02-czs.xlsx"), good, 0o644)
	os.Chmod(locked, 0)
	defer os.Chmod(locked, 0o755)
	run := tallyAsUser(t, dir)
	code, out := run("check", "--json", "--lang", "en", dir)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, out)
	}
	c := checkJSON(t, out)
	f := fileOf(c, "locked")
	if f == nil || f.Status != "unreadable" || len(f.Findings) != 1 || f.Findings[0].Rule != "unreadable_folder" || !strings.Contains(f.Findings[0].Message, "permission denied") {
		t.Fatalf("the locked folder: %+v", f)
	}
	if g := fileOf(c, "/2021-01-czs.xlsx"); g == nil || g.Status != "ok" {
		t.Errorf("the good file: %+v", g)
	}
	// The folder is not a file: the two files are counted, the folder
	// apart, on screen in both languages and in reconcile's summary.
	if c.Summary.Files != 2 || c.Summary.Folders != 1 {
		t.Errorf("summary %+v, want 2 files and 1 unreadable folder", c.Summary)
	}
	stdout := func(args ...string) string { _, out := run(args...); return out }
	reconciled := stdout("reconcile", dir)
	for _, w := range []struct{ out, want string }{
		{stdout("check", dir), "文件 2 个，问题 4 个（错误 2，警告 1，提示 1）\n另有无法读取的文件夹 1 个，其中的文件未读取\n"},
		{stdout("check", "--lang", "en", dir), "2 files, 4 findings (2 errors, 1 warning, 1 info)\nalso 1 unreadable folder, whose files were not read\n"},
		{reconciled, "文件 2 个（无法读取 0，"},
		{reconciled, "另有无法读取的文件夹 1 个，其中的文件未读取\n"},
	} {
		if !strings.Contains(w.out, w.want) {
			t.Errorf("want %q in:\n%s", w.want, w.out)
		}
	}
}

// A file that cannot be opened says why once, in either language:
// 无法读取文件：没有读取权限, never 无法读取文件：无法打开文件：….
func TestUnreadableFileSaysWhyOnce(t *testing.T) {
	dir := inbox(t)
	locked := filepath.Join(dir, "2021-02-czs.xlsx")
	good, _ := os.ReadFile(repo(t, "testdata/bad/good.xlsx"))
	os.WriteFile(locked, good, 0)
	run := tallyAsUser(t, dir)
	out := func(args ...string) string { _, out := run(args...); return out }
	for _, w := range []struct{ out, want string }{
		{out("check", dir), "  错误  无法读取文件：没有读取权限\n"},
		{out("check", "--lang", "en", dir), "  error    cannot read the file: permission denied\n"},
	} {
		if !strings.Contains(w.out, w.want) || strings.Contains(w.out, "无法打开") || strings.Contains(w.out, "cannot open") {
			t.Errorf("want %q once in:\n%s", w.want, w.out)
		}
	}
}

// tallyAsUser returns a function that runs tally with args over dir and
// returns its exit code and stdout: as user nobody when the tests run as
// root, so that permissions apply (runAsNobody), else in this process.
func tallyAsUser(t *testing.T, dir string) func(args ...string) (int, string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return func(args ...string) (int, string) {
			code, out, _ := runTally(t, args...)
			return code, out
		}
	}
	// This test binary, as TestMain's helper, copied once where nobody
	// may run it.
	bin := filepath.Join(t.TempDir(), "tally")
	self, _ := os.ReadFile(os.Args[0])
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{filepath.Dir(bin), filepath.Dir(filepath.Dir(bin)), dir, filepath.Dir(dir)} {
		os.Chmod(d, 0o755)
	}
	return func(args ...string) (int, string) { return runAsNobody(t, bin, args...) }
}

// runAsNobody runs bin (tallyAsUser's copy of this test binary) as user
// nobody.
func runAsNobody(t *testing.T, bin string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "TALLY_TEST_MAIN=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Skipf("cannot run as nobody: %v", err)
	}
	if strings.Contains(errb.String(), "permission denied") && out.Len() == 0 {
		t.Skipf("nobody cannot reach the test files: %s", errb.String())
	}
	return code, out.String()
}

// Interrupted (SIGINT, SIGTERM) while the workbook is being written, tally
// removes its temporary files (the workbook's and the detail rows') and
// exits 130 or 143; no output is left half-written.
func TestSignalRemovesTemporaryFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("signals")
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		out := t.TempDir()
		marker := filepath.Join(t.TempDir(), "paused")
		cmd := exec.Command(os.Args[0], "reconcile", "-o", filepath.Join(out, "out.xlsx"), repo(t, "testdata/bad/good.xlsx"))
		cmd.Env = append(os.Environ(), "TALLY_TEST_MAIN=1", "TALLY_TEST_PAUSE_WRITE="+marker)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(2 * time.Minute)
		for {
			if _, err := os.Stat(marker); err == nil {
				break
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("the write never started: %s", errb.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
		before, _ := filepath.Glob(filepath.Join(out, ".tally-*"))
		if len(before) < 2 {
			t.Fatalf("want the workbook's and the detail's temporary files while writing, got %v", before)
		}
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 128+int(sig) {
			t.Errorf("%v: exit %v, want %d; %s", sig, err, 128+int(sig), errb.String())
		}
		left, _ := os.ReadDir(out)
		if len(left) != 0 {
			t.Errorf("%v: left in the output folder: %v", sig, left)
		}
	}
}
