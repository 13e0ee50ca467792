package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
	if want := "another file for the same department and period, " + a + " (that one saved 2021-02-03 09:02:03 Beijing time (UTC+8), this one has no save time recorded)"; !strings.Contains(out, want) {
		t.Errorf("check --lang en: want %q in\n%s", want, out)
	}

	// A file saved long after its deadline whose recorded time is the
	// template's stamp is not judged late (nor on time): no finding says
	// anything of lateness for it, and the run's one line says so.
	os.Remove(a)
	_, out, _ = runTally(t, "check", inbox)
	if strings.Contains(out, "逾期报送") || strings.Contains(out, "2000-01-01") {
		t.Errorf("a file with the template's stamp judged by it:\n%s", out)
	}
	if !strings.Contains(out, "\n未判断是否逾期：1 个文件没有可信的保存时间（") {
		t.Errorf("check does not say the file was not judged late:\n%s", out)
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

// A late file's message says in which time its save time is: the deadline
// is a day in Beijing, and a file saved at 23:30 UTC on the deadline day
// (Excel and openpyxl write UTC) was saved at 07:30 the next day there —
// the message said only "保存于 2021-05-06", a day the clerk's own UTC
// clock never showed. A time with no zone (LibreOffice writes the
// computer's clock) is said to be that. A file with no save time to
// believe (tally's template stamp, which openpyxl keeps) is not judged,
// and check, reconcile and status say so in one line a run, with the
// count in the JSON's summary (undated_files); a run without such a file
// says nothing of it.
func TestLateSaysTheZone(t *testing.T) {
	t.Parallel()
	src := repo(t, "testdata/submissions/2021-04-zsb.xlsx")
	stamp := "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2021-05-12T09:00:00Z</dcterms:modified>"
	with := func(modified string) string {
		dir := t.TempDir()
		rewriteXLSX(t, src, filepath.Join(dir, "2021-04-zsb.xlsx"), "docProps/core.xml", stamp,
			"<dcterms:modified xsi:type=\"dcterms:W3CDTF\">"+modified+"</dcterms:modified>")
		return dir
	}
	late := func(dir, lang string) string {
		t.Helper()
		_, out, _ := runTally(t, "check", "--json", "--lang", lang, dir)
		for _, f := range checkJSON(t, out).Files {
			for _, x := range f.Findings {
				if x.Rule == "late_submission" {
					return x.Message
				}
			}
		}
		return ""
	}
	for _, c := range []struct{ modified, zh, en string }{
		{"2021-05-05T23:30:00Z", "逾期报送：文件保存于 2021-05-06 07:30（北京时间），截止日期为 2021-05-05",
			"submitted late: saved 2021-05-06 07:30 Beijing time (UTC+8), due 2021-05-05"},
		{"2021-05-06T08:15:00", "逾期报送：文件保存于 2021-05-06 08:15（保存文件的电脑上的时间，文件未记录时区），截止日期为 2021-05-05",
			"submitted late: saved 2021-05-06 08:15 (the saving computer's clock; the file records no time zone), due 2021-05-05"},
	} {
		dir := with(c.modified)
		if got := late(dir, "zh"); got != c.zh {
			t.Errorf("saved %s: %q, want %q", c.modified, got, c.zh)
		}
		if got := late(dir, "en"); got != c.en {
			t.Errorf("saved %s --lang en: %q, want %q", c.modified, got, c.en)
		}
	}
	// 23:30 UTC on the 4th is 07:30 on the 5th in Beijing: on time.
	if got := late(with("2021-05-04T23:30:00Z"), "zh"); got != "" {
		t.Errorf("saved on the deadline day in Beijing, judged late: %q", got)
	}
	// status's late line says the same time.
	_, out, _ := runTally(t, "status", "--as-of", "2021-04", with("2021-05-05T23:30:00Z"))
	if want := "  逾期：招商办 2021-04，文件保存于 2021-05-06 07:30（北京时间）\n"; !strings.Contains(out, want) {
		t.Errorf("status: want %q in\n%s", want, out)
	}

	// The template's stamp: not judged; one line a run, in each command.
	undated := with("2000-01-01T00:00:00Z")
	line := regexp.MustCompile(`(?m)^未判断是否逾期：1 个文件没有可信的保存时间（未记录，或记录的是模板的固定时间、早于报告期的时间；用 openpyxl 等程序保存的文件常常如此）$`)
	en := regexp.MustCompile(`(?m)^not judged late or on time: 1 file with no save time to believe \(none recorded, the template's fixed stamp, or a time before their month, as files saved by openpyxl often have\)$`)
	for _, args := range [][]string{{"check"}, {"reconcile", "--as-of", "2021-04"}, {"status", "--as-of", "2021-04"}} {
		_, out, _ := runTally(t, append(args, undated)...)
		if n := len(line.FindAllString(out, -1)); n != 1 || strings.Contains(out, "逾期报送") {
			t.Errorf("%s: %d lines saying the file was not judged late, want 1 (and no late finding):\n%s", args[0], n, out)
		}
		_, out, _ = runTally(t, append(append(args, "--lang", "en"), undated)...)
		if n := len(en.FindAllString(out, -1)); n != 1 {
			t.Errorf("%s --lang en: %d lines saying the file was not judged late, want 1:\n%s", args[0], n, out)
		}
		// A file with a save time: nothing said.
		_, out, _ = runTally(t, append(args, with("2021-05-04T23:30:00Z"))...)
		if strings.Contains(out, "未判断是否逾期") {
			t.Errorf("%s: a dated file said not judged:\n%s", args[0], out)
		}
	}
	for _, cmd := range []string{"check", "reconcile"} {
		_, out, _ := runTally(t, cmd, "--json", "--as-of", "2021-04", undated)
		if !strings.Contains(out, `"undated_files": 1`) {
			t.Errorf("%s --json: no \"undated_files\": 1 in its summary:\n%s", cmd, out)
		}
	}
	// An unreadable file (a damaged zip) beside it was not read: no save
	// time to judge, and not counted among the files without one (it
	// was: 2 个文件没有可信的保存时间).
	if err := os.WriteFile(filepath.Join(undated, "2021-04-czs.xlsx"), []byte("PK\x03\x04damaged"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check"}, {"reconcile", "--as-of", "2021-04"}, {"status", "--as-of", "2021-04"}} {
		_, out, _ := runTally(t, append(args, undated)...)
		if n := len(line.FindAllString(out, -1)); n != 1 || !strings.Contains(out, "无法读取") {
			t.Errorf("%s with an unreadable file: %d lines saying 1 file was not judged late, want 1:\n%s", args[0], n, out)
		}
	}
	for _, cmd := range []string{"check", "reconcile"} {
		_, out, _ := runTally(t, cmd, "--json", "--as-of", "2021-04", undated)
		if !strings.Contains(out, `"undated_files": 1`) {
			t.Errorf("%s --json with an unreadable file: no \"undated_files\": 1 in its summary:\n%s", cmd, out)
		}
	}
}
