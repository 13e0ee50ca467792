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
		// shown with the format's two places, as the sheet shows it
		"错误  税收收入!D4 “12.50%”不是数字，应填写以万元为单位的数字（本列单位是万元，不是%）",
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

// The usual way to show a figure kept in 元 as 万元 is a number format:
// 0!.0000 (or 0"."0000) shows 12345678 as 1234.5678, 0!.0 with a
// thousands comma as 1234.6, and #,##0.00, shows 千元. The sheet shows one
// figure and stores another, 1,000 or 10,000 times larger, and tally summed
// the stored one in silence. It is refused (format_scales, an error, the
// row rejected), saying the stored figure and the format; formats that
// show the stored magnitude (#,##0.00, a unit in quotes, colours, a
// scientific format) are not.
func TestScaledFormats(t *testing.T) {
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
rows = [(12345678, "0!.0000"), (12345678, "0!.0,"), (3132200, "#,##0.00,"), (1234567, '0"."0000'),
        (594.93, "#,##0.00"), (442.09, '#,##0.00" 万元"'), (385.65, "[Red]#,##0.00;[Blue]-#,##0.00"), (306.11, "0.00E+00")]
for i, (v, fmt) in enumerate(rows):
    r = 4 + i
    ws.cell(r, 1, "公司%d" % r); ws.cell(r, 2, "91350100M000100Y43")
    ws.cell(r, 3, v).number_format = fmt
    ws.cell(r, 4, 10**9)
wb.save(sys.argv[2])
`
	if msg, err := exec.Command(python, "-c", script, filepath.Join(dir, "blank", "2021-03-czs.xlsx"), filepath.Join(in, "2021-03-czs.xlsx")).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, msg)
	}
	_, got, errOut := runTally(t, "check", "--json", in)
	f := fileOf(checkJSON(t, got), "2021-03-czs.xlsx")
	if f == nil {
		t.Fatalf("no file: %s%s", got, errOut)
	}
	scaled := map[string]string{}
	for _, g := range f.Findings {
		if g.Rule == "format_scales" {
			scaled[g.Cell] = g.Message
		}
	}
	for cell, format := range map[string]string{"C4": "0!.0000", "C5": "0!.0,", "C6": "#,##0.00,", "C7": `0"."0000`} {
		if m := scaled[cell]; !strings.Contains(m, "数字格式 "+format+" 把它显示成另一个数量级") || !strings.Contains(m, "未汇总") {
			t.Errorf("%s: want format_scales naming %s, got %q", cell, format, m)
		}
	}
	if len(scaled) != 4 {
		t.Errorf("format_scales at %v, want C4–C7 only", scaled)
	}
}

// The same formats set in LibreOffice Calc (over UNO, as a person would
// in Format Cells) and saved as .xlsx: ;;; hides 403.76, #,##0.00,
// shows 313.22 as 0.31, 0\.0000 shows 442.09 as 0.0442, 0% shows 594.93
// as 59493%. Calc writes them its own way (its own numFmt ids, escapes);
// tally reads each as it reads openpyxl's. Saved as .ods, the same four
// are a percentage value type and number styles — number:display-factor,
// a "." as embedded text, style:map conditions sending numbers to a style
// that shows nothing — and are said the same way. C9 is 385.65 typed as
// text with a footnote mark, a 1 set in superscript (Calc's
// CharEscapement): a superscript run in the .xlsx's string table, a
// text:span raised by style:text-position in the .ods; both are "385.65¹",
// no figure (they were 385.651). C10's 306.11 is set in white (Calc's
// CharColor) on the sheet's white: font_hides_value, read as usual.
func TestFormatsFromCalc(t *testing.T) {
	t.Parallel()
	xlsx, ods := calcEdit(t, repo(t, "testdata/submissions/2020-03-czs.xlsx"), "2020-03-czs", `
    from com.sun.star.lang import Locale  # after uno is loaded (gen.Calc)
    fmts, loc = doc.getNumberFormats(), Locale()
    def key(code):
        k = fmts.queryKey(code, loc, False)
        return k if k != -1 else fmts.addNew(code, loc)
    for ref, code in (("C5", ";;;"), ("C6", "#,##0.00,"), ("C7", "0%"), ("C8", "0\\.0000")):
        sh.getCellRangeByName(ref).NumberFormat = key(code)
    c9 = sh.getCellRangeByName("C9")  # 385.65 with a footnote mark: a superscript 1
    c9.setString("385.65")
    text = c9.getText(); cur = text.createTextCursor(); cur.gotoEnd(False)
    text.insertString(cur, "1", False)
    cur.goLeft(1, True)
    cur.CharEscapement, cur.CharEscapementHeight = 33, 58
    sh.getCellRangeByName("C10").CharColor = 0xFFFFFF  # 306.11 in white on white
`)
	rules := func(path string) map[string]string {
		f, _ := checkFile(t, path, "--lang", "en")
		m := map[string]string{}
		for _, g := range f.Findings {
			if g.Cell != "" {
				m[g.Cell] = g.Rule
			}
		}
		return m
	}
	got := rules(xlsx)
	for cell, rule := range map[string]string{"C5": "format_hides_value", "C6": "format_scales", "C7": "not_a_number", "C8": "format_scales", "C9": "not_a_number", "C10": "font_hides_value"} {
		if got[cell] != rule {
			t.Errorf(".xlsx %s: %q, want %s (all: %v)", cell, got[cell], rule, got)
		}
	}
	got = rules(ods)
	for cell, rule := range map[string]string{"C5": "format_hides_value", "C6": "format_scales", "C7": "not_a_number", "C8": "format_scales", "C9": "not_a_number", "C10": "font_hides_value"} {
		if got[cell] != rule {
			t.Errorf(".ods %s: %q, want %s (all: %v)", cell, got[cell], rule, got)
		}
	}
}
