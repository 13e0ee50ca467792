package main

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/testtool"
)

// A date typed into a figure cell is named in the finding as the date it
// shows, whichever date system the workbook counts in: openpyxl saves the
// same template once in the 1900 system and once in the 1904 one (Excel
// for the Mac's old default, workbook.xml's date1904), where the same days
// are stored as numbers 1462 smaller. Read as 1900 dates, the 1904 file's
// would be four years and a day early.
func TestDateInThe1904System(t *testing.T) {
	t.Parallel()
	python := testtool.Python(t, "openpyxl")
	script := `
import sys, datetime, openpyxl, openpyxl.utils.datetime as xd
wb = openpyxl.load_workbook(sys.argv[1])
if sys.argv[3] == "1904":
    wb.epoch = xd.CALENDAR_MAC_1904
ws = wb["税收收入"]
ws["A4"], ws["B4"] = "甲公司", "91350100M000100Y43"
ws["C4"] = datetime.date(2021, 2, 28)
ws["D4"] = datetime.datetime(2021, 3, 1, 9, 30)
ws["A5"], ws["B5"], ws["C5"], ws["D5"] = "乙公司", "91350100M000100Y43", 1, 2
wb.save(sys.argv[2])
`
	// write saves the template with the dates in system into a folder of
	// its own and returns the folder.
	write := func(t *testing.T, system string) string {
		dir := t.TempDir()
		var out, errb strings.Builder
		if code := run([]string{"template", "--period", "2021-03", "--dept", "czs", "-o", filepath.Join(dir, "blank")}, strings.NewReader(""), &out, &errb); code != exitClean {
			t.Fatalf("template: exit %d: %s", code, errb.String())
		}
		saved := filepath.Join(dir, "in", "2021-03-czs.xlsx")
		if err := os.MkdirAll(filepath.Dir(saved), 0o755); err != nil {
			t.Fatal(err)
		}
		if msg, err := exec.Command(python, "-c", script, filepath.Join(dir, "blank", "2021-03-czs.xlsx"), saved, system).CombinedOutput(); err != nil {
			t.Fatalf("openpyxl: %v\n%s", err, msg)
		}
		return filepath.Dir(saved)
	}
	for _, system := range []string{"1900", "1904"} {
		t.Run(system, func(t *testing.T) {
			folder := write(t, system)
			if wb := zipPart(t, filepath.Join(folder, "2021-03-czs.xlsx"), "xl/workbook.xml"); (system == "1904") != strings.Contains(wb, `date1904="1"`) {
				t.Fatalf("openpyxl saved a workbook not in the %s system: %.300s", system, wb)
			}
			checkDates(t, folder)
		})
	}
	// LibreOffice keeps the 1904 system when it saves the file again, and
	// writes it its own way: date1904="true".
	t.Run("1904 re-saved by LibreOffice", func(t *testing.T) {
		soffice := testtool.Require(t, "soffice")
		folder := write(t, "1904")
		resaved := filepath.Join(t.TempDir(), "resaved")
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(t.TempDir(), "lo-profile"),
			"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", resaved, filepath.Join(folder, "2021-03-czs.xlsx"))
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("LibreOffice: %v\n%s", err, msg)
		}
		if wb := zipPart(t, filepath.Join(resaved, "2021-03-czs.xlsx"), "xl/workbook.xml"); !strings.Contains(wb, `date1904="true"`) {
			t.Fatalf("LibreOffice saved no date1904=\"true\": %.300s", wb)
		}
		checkDates(t, resaved)
	})
}

// checkDates runs tally check over folder in both languages: the date and
// the date-time typed into C4 and D4 are named as typed.
func checkDates(t *testing.T, folder string) {
	t.Helper()
	for _, c := range []struct{ lang, c4, d4 string }{
		{"zh", "此格是日期或时间 2021-02-28，", "此格是日期或时间 2021-03-01 09:30:00，"},
		{"en", "this cell holds the date or time 2021-02-28,", "this cell holds the date or time 2021-03-01 09:30:00,"},
	} {
		var out, errb strings.Builder
		if code := run([]string{"check", "--lang", c.lang, folder}, strings.NewReader(""), &out, &errb); code != exitFindings {
			t.Fatalf("check: exit %d: %s%s", code, out.String(), errb.String())
		}
		got := out.String()
		for _, want := range []string{c.c4, c.d4} {
			if !strings.Contains(got, want) {
				t.Errorf("check --lang %s: no %q in\n%s", c.lang, want, got)
			}
		}
		if strings.Contains(got, "2017-") || strings.Contains(got, "2025-") {
			t.Errorf("check --lang %s: a date four years off:\n%s", c.lang, got)
		}
	}
}

// zipPart returns one part of an xlsx package as text.
func zipPart(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
