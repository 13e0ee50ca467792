package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// editPart copies the xlsx src to dst with one part's text rewritten.
func editPart(t *testing.T, src, dst, part string, edit func([]byte) []byte) {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == part {
			edited := edit(data)
			if bytes.Equal(edited, data) {
				t.Fatalf("%s: the edit changed nothing", part)
			}
			data, found = edited, true
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("no part %s in %s", part, src)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A row whose credit code cell is empty (no <c> at all, as openpyxl and
// Excel write a cell that was cleared) gets its credit_code error at that
// cell, under its file. It used to have no file, sheet or cell: the file
// was listed as 通过 (passed) and the error stood apart among the findings
// of no one file, where no clerk would look for it.
func TestEmptyCreditCodeAtItsCell(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "2021-01-czs.xlsx")
	editPart(t, repo(t, "testdata/bad/good.xlsx"), file, "xl/worksheets/sheet2.xml", func(b []byte) []byte {
		return regexp.MustCompile(`<c r="B5"[^>]*>.*?</c>`).ReplaceAll(b, nil)
	})
	code, out, errOut := runTally(t, "check", "--json", "--lang", "en", file)
	if code != exitFindings {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	c := checkJSON(t, out)
	if len(c.Checks) != 0 {
		t.Errorf("findings of no one file: %+v", c.Checks)
	}
	f := fileOf(c, "2021-01-czs.xlsx")
	if f == nil || f.Status != "findings" || len(f.Findings) != 1 {
		t.Fatalf("want the file with one finding: %s", out)
	}
	if g := f.Findings[0]; g.Rule != "credit_code" || g.Sheet != "税收收入" || g.Cell != "B5" || g.Severity != "error" {
		t.Errorf("finding %+v, want credit_code at 税收收入!B5", g)
	}
	// An empty code is said as not filled in, not quoted as nothing (it
	// read 统一社会信用代码“”为空).
	if g := f.Findings[0]; g.Message != "the unified social credit code is not filled in" {
		t.Errorf("en: %q", g.Message)
	}
	if f, out := checkFile(t, file, "--lang", "zh"); len(f.Findings) != 1 || f.Findings[0].Message != "统一社会信用代码未填" {
		t.Errorf("zh: want 统一社会信用代码未填: %s", out)
	}
}

// A zero-width space pasted into a name and a credit code (what a copy
// from a web page or a chat can carry) is on no one's screen: the row
// below repeats 天津甲科技有限公司 and its code, and is the duplicate_row it
// looks like. It was another enterprise to the duplicate check, and its
// code 19 characters long.
func TestInvisibleCharactersInNames(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "2021-01-czs.xlsx")
	editPart(t, repo(t, "testdata/bad/good.xlsx"), file, "xl/worksheets/sheet2.xml", func(b []byte) []byte {
		b = regexp.MustCompile(`<c r="A5"[^>]*>.*?</c>`).ReplaceAll(b, []byte("<c r=\"A5\" t=\"inlineStr\"><is><t>天津甲\u200b科技有限公司</t></is></c>"))
		return regexp.MustCompile(`<c r="B5"[^>]*>.*?</c>`).ReplaceAll(b, []byte("<c r=\"B5\" t=\"inlineStr\"><is><t>9112011100000\u200b0019J</t></is></c>"))
	})
	f, out := checkFile(t, file, "--lang", "en")
	dup := false
	for _, g := range f.Findings {
		switch g.Rule {
		case "duplicate_row":
			dup = g.Cell == "A5"
		case "credit_code":
			t.Errorf("the invisible character counted in the code: %s", g.Message)
		}
	}
	if !dup {
		t.Errorf("no duplicate_row at A5: %s", out)
	}
}

// A credit code typed in an input method's full-width mode
// (９１１２０１１１０００００００１９Ｊ) is the same code: read as such, no
// finding. A code with a Chinese character in it is said by its length
// in characters (19), not in bytes (it was 21 here, 54 for the full-width one).
func TestFullWidthCreditCode(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "2021-01-czs.xlsx")
	editPart(t, repo(t, "testdata/bad/good.xlsx"), file, "xl/worksheets/sheet2.xml", func(b []byte) []byte {
		b = regexp.MustCompile(`<c r="B4"[^>]*>.*?</c>`).ReplaceAll(b, []byte(`<c r="B4" t="inlineStr"><is><t>９１１２０１１１０００００００１９Ｊ</t></is></c>`))
		return regexp.MustCompile(`<c r="B6"[^>]*>.*?</c>`).ReplaceAll(b, []byte(`<c r="B6" t="inlineStr"><is><t>91120111000000035天8</t></is></c>`))
	})
	f, out := checkFile(t, file, "--lang", "en")
	var at []string
	for _, g := range f.Findings {
		if g.Rule == "credit_code" {
			at = append(at, g.Cell)
			if g.Cell == "B6" && g.Message != `the unified social credit code "91120111000000035天8" has 19 characters, not 18` {
				t.Errorf("B6: %s", g.Message)
			}
		}
	}
	if len(at) != 1 || at[0] != "B6" {
		t.Errorf("credit_code at %v, want B6 only: %s", at, out)
	}
}
