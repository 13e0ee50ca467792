package workbook_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/workbook"
)

// Unreadable-file messages keep the cause, in each language; a device
// file is not "empty", a folder is not "corrupt".
func TestUnreadableCauses(t *testing.T) {
	s := defaultSpec(t)
	dir := t.TempDir()
	cases := []struct{ path, zh, en string }{
		{filepath.Join(dir, "2021-01-czs.xlsx"), "无法读取文件：文件不存在", "cannot read the file: no such file"},
		{dir, "这不是普通文件，而是文件夹", "not a regular file but a folder"},
	}
	if _, err := os.Stat("/dev/null"); err == nil {
		cases = append(cases, struct{ path, zh, en string }{"/dev/null", "字符设备", "a character device"})
	}
	for _, c := range cases {
		sub := workbook.ReadFile(c.path, c.path, s, workbook.DefaultLimits)
		if !sub.Unreadable || len(sub.Findings) != 1 {
			t.Fatalf("%s: %+v", c.path, sub)
		}
		zh, en := sub.Findings[0].Message(reconcile.Chinese), sub.Findings[0].Message(reconcile.English)
		if !strings.Contains(zh, c.zh) || !strings.Contains(en, c.en) {
			t.Errorf("%s: %q / %q, want %q / %q", c.path, zh, en, c.zh, c.en)
		}
	}
	// The name still tells the department-month of a file that cannot be opened.
	if sub := workbook.ReadFile(cases[0].path, "x", s, workbook.DefaultLimits); sub.Department != "czs" {
		t.Errorf("department %q", sub.Department)
	}
}
