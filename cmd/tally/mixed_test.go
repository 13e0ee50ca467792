package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/testtool"
)

// TestPDFFromLibreOffice: the PDF a department really makes of its return
// (LibreOffice Calc's export of the workbook, to print and stamp), sent
// beside the workbook, is an accompanying file (info), not an error; sent
// instead of it, it is that month's unreadable file saying it is a PDF and
// what to do, not 未报送. (The Word document is pinned by
// check_mixed.txtar: this machine's LibreOffice has no Writer.)
func TestPDFFromLibreOffice(t *testing.T) {
	t.Parallel()
	soffice := testtool.Require(t, "soffice")
	dir := t.TempDir()
	src := filepath.Join(dir, "src", "2021-06-czs.xlsx")
	os.MkdirAll(filepath.Dir(src), 0o755)
	data, err := os.ReadFile(repo(t, "testdata/submissions/2021-06-czs.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(src, data, 0o644)
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--convert-to", "pdf", "--outdir", filepath.Join(dir, "src"), src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice --convert-to pdf: %v\n%s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "src", "2021-06-czs.pdf"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no PDF: %v", err)
	}
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "2021-06-czs.xlsx"), data, 0o644)
	os.WriteFile(filepath.Join(in, "2021-06-czs.pdf"), pdf, 0o644)
	os.WriteFile(filepath.Join(in, "2021-05-czs.pdf"), pdf, 0o644) // May sent only as a PDF

	var so, se bytes.Buffer
	if code := run([]string{"reconcile", "--as-of", "2021-06", in}, strings.NewReader(""), &so, &se); code != exitFindings {
		t.Fatalf("exit %d\n%s%s", code, so.String(), se.String())
	}
	out := so.String()
	for _, want := range []string{
		"错误  " + filepath.Join(in, "2021-05-czs.pdf") + ": 无法读取文件：这是 PDF 文件，不是 Excel 工作簿；请把数字填入下发的 .xlsx 报表模板后重新报送",
		"提示  " + filepath.Join(in, "2021-06-czs.pdf") + ": 本期报表以 " + filepath.Join(in, "2021-06-czs.xlsx") + " 为准；此文件不是电子表格（如盖章扫描件），未读取",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	for _, bad := range []string{"财政所 2021-05 未报送", "错误  " + filepath.Join(in, "2021-06-czs.pdf")} {
		if strings.Contains(out, bad) {
			t.Errorf("%q in\n%s", bad, out)
		}
	}
}
