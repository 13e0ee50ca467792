package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/testtool"
)

// 12% typed into a 万元 cell: Excel stores 0.12 and gives the cell a
// percentage format; openpyxl writes the same (number_format "0%"). tally
// summed 0.12 万元 in silence, while the same typed as text ("12%") is
// refused. Now both are refused in the same words, at the cell, as shown
// (12%, 12.5% — exactly, from the stored number), and the row is not
// consolidated. A % the format prints as quoted text (0.00"%") is no
// percentage: that figure is read as stored.
func TestPercentInAFigureCell(t *testing.T) {
	t.Parallel()
	python := testtool.Python(t, "openpyxl")
	dir := t.TempDir()
	var out, errb strings.Builder
	if code := run([]string{"template", "--period", "2021-03", "--dept", "czs", "-o", filepath.Join(dir, "blank")}, strings.NewReader(""), &out, &errb); code != exitClean {
		t.Fatalf("template: exit %d: %s", code, errb.String())
	}
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	script := `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["税收收入"]
ws["A4"], ws["B4"], ws["C4"], ws["D4"] = "甲公司", "91350100M000100Y43", 0.12, 0.125
ws["C4"].number_format = "0%"
ws["D4"].number_format = "[Blue]0.00%;[Red]-0.00%"
ws["A5"], ws["B5"], ws["C5"], ws["D5"] = "乙公司", "91350100M000100Y43", 1.5, 2
ws["C5"].number_format = '0.00"%"'
ws["A6"], ws["B6"], ws["C6"], ws["D6"] = "丙公司", "91350100M000100Y43", 3.25, 4
ws["C6"].number_format = ";;;"
ws["A7"], ws["B7"], ws["C7"], ws["D7"] = "丁公司", "91350100M000100Y43", 0, 5
ws["C7"].number_format = ws["D7"].number_format = '#,##0.00;-#,##0.00;;@'
wb.save(sys.argv[2])
`
	if msg, err := exec.Command(python, "-c", script, filepath.Join(dir, "blank", "2021-03-czs.xlsx"), filepath.Join(in, "2021-03-czs.xlsx")).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, msg)
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"check", in}, strings.NewReader(""), &out, &errb); code != exitFindings {
		t.Fatalf("check: exit %d: %s%s", code, out.String(), errb.String())
	}
	got := out.String()
	for _, want := range []string{
		"错误  税收收入!C4 “12%”不是数字，应填写以万元为单位的数字（本列单位是万元，不是%）",
		"错误  税收收入!D4 “12.5%”不是数字，应填写以万元为单位的数字（本列单位是万元，不是%）",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	// "%" in quotes is text the format prints, not a percentage: 1.5 is read.
	if strings.Contains(got, "C5") {
		t.Errorf("C5 (format 0.00\"%%\") is a plain figure:\n%s", got)
	}
	// ;;; shows nothing: 3.25 is consolidated, unseen on the sheet, and
	// said. Hiding a zero (0;-0;;@) hides nothing that counts; D7's 5
	// shows under the same format.
	if want := "警告  税收收入!C6 数值 3.25 的数字格式不显示任何内容（如 ;;;），表上看不到，但照常读取；请改回数值格式并核实"; !strings.Contains(got, want) {
		t.Errorf("no %q in\n%s", want, got)
	}
	if strings.Contains(got, "C7") || strings.Contains(got, "D7") {
		t.Errorf("row 7 (zeros hidden, 5 shown) has a finding:\n%s", got)
	}
}
