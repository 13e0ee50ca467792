package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/testtool"
)

// openpyxl keeps the template's fixed save time (dcterms:modified
// 2000-01-01T00:00:00Z) when it saves. That stamp, or any save time before
// the file's own month began, is no save time: tally says 未记录保存时间,
// and between two files for one department-month such a time does not
// make one count over the other — the name decides. A real save time is
// shown in 北京时间 in Chinese and in UTC in English.
func TestSaveTimeFromTemplate(t *testing.T) {
	t.Parallel()
	py := testtool.Python(t, "openpyxl")
	dir := t.TempDir()
	if code, _, errOut := runTally(t, "template", "--period", "2021-01", "--dept", "czs", "-o", dir); code != 0 {
		t.Fatalf("template: exit %d: %s", code, errOut)
	}
	tmpl := filepath.Join(dir, "2021-01-czs.xlsx")
	inbox := filepath.Join(dir, "inbox")
	os.MkdirAll(inbox, 0o755)
	// fill saves the template filled in as dst; modified, when set, is the
	// save time openpyxl records instead of the one it kept.
	fill := func(dst, modified string) {
		t.Helper()
		script := `
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["税收收入"]
ws["A4"], ws["B4"], ws["C4"], ws["D4"] = "天津麦谷精工有限公司", "91120111841660388Y", 92.59, 92.59
if sys.argv[3]:
    wb.properties.modified = datetime.datetime.fromisoformat(sys.argv[3])
wb.save(sys.argv[2])
`
		if out, err := exec.Command(py, "-c", script, tmpl, dst, modified).CombinedOutput(); err != nil {
			t.Fatalf("openpyxl: %v\n%s", err, out)
		}
	}
	a, b := filepath.Join(inbox, "2021-01-czs.xlsx"), filepath.Join(inbox, "2021-01-czs-v2.xlsx")

	// The template's stamp against a time before January: neither is a
	// save time, so the later name (v2) counts.
	fill(a, "2020-12-15T10:00:00")
	fill(b, "")
	_, out, _ := runTally(t, "check", inbox)
	want := "同一单位同一报告期另有文件 " + b + "（两个文件都未记录保存时间）"
	if !strings.Contains(out, want) {
		t.Errorf("check: want %q in\n%s", want, out)
	}
	_, out, _ = runTally(t, "check", "--lang", "en", inbox)
	if want := "another file for the same department and period, " + b + " (neither file records when it was saved)"; !strings.Contains(out, want) {
		t.Errorf("check --lang en: want %q in\n%s", want, out)
	}

	// A real save time counts over none and is shown in 北京时间 / UTC.
	fill(a, "2021-02-03T01:02:03")
	_, out, _ = runTally(t, "check", inbox)
	if want := "同一单位同一报告期另有文件 " + a + "（该文件保存于 2021-02-03 09:02:03（北京时间），本文件未记录保存时间）"; !strings.Contains(out, want) {
		t.Errorf("check: want %q in\n%s", want, out)
	}
	_, out, _ = runTally(t, "check", "--lang", "en", inbox)
	if want := "another file for the same department and period, " + a + " (that one saved 2021-02-03 01:02:03 UTC, this one has no save time recorded)"; !strings.Contains(out, want) {
		t.Errorf("check --lang en: want %q in\n%s", want, out)
	}

	// A file saved long after its deadline whose recorded time is the
	// template's stamp is not judged late (nor on time): status says
	// nothing of lateness for it.
	os.Remove(a)
	_, out, _ = runTally(t, "check", inbox)
	if strings.Contains(out, "逾期") || strings.Contains(out, "2000-01-01") {
		t.Errorf("a file with the template's stamp judged by it:\n%s", out)
	}

	// Lateness is judged by the day in Beijing, where the deadline (the 5th
	// of the next month) is: openpyxl records UTC, and 17:00 UTC on the 5th
	// is 01:00 on the 6th in the office.
	os.Remove(b)
	fill(a, "2021-02-05T17:00:00")
	if _, out, _ = runTally(t, "check", inbox); !strings.Contains(out, "逾期") {
		t.Errorf("saved 01:00 Beijing time the day after the deadline, not late:\n%s", out)
	}
	fill(a, "2021-02-05T15:00:00")
	if _, out, _ = runTally(t, "check", inbox); strings.Contains(out, "逾期") {
		t.Errorf("saved 23:00 Beijing time on the deadline day, judged late:\n%s", out)
	}
}
