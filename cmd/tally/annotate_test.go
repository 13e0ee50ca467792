package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/testtool"
	"github.com/jingwu/tally/reconcile"
	"github.com/xuri/excelize/v2"
)

// stripStyles rewrites an xlsx without its styles, theme and shared-string
// parts, as some writers produce: no cell names a style, and every text is
// an inline string.
func stripStyles(t *testing.T, src, dst string) {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	drop := regexp.MustCompile(`<(Override|Relationship)[^>]*(styles|theme|sharedStrings)[^>]*(/>|></(Override|Relationship)>)`)
	var sst []string
	for _, f := range zr.File {
		if f.Name == "xl/sharedStrings.xml" {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			for _, si := range regexp.MustCompile(`(?s)<si>(.*?)</si>`).FindAllSubmatch(data, -1) {
				var text strings.Builder
				for _, tm := range regexp.MustCompile(`(?s)<t[^>]*>(.*?)</t>`).FindAllSubmatch(si[1], -1) {
					text.Write(tm[1])
				}
				sst = append(sst, text.String())
			}
		}
	}
	shared := regexp.MustCompile(`<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)</v></c>`)
	for _, f := range zr.File {
		if f.Name == "xl/styles.xml" || f.Name == "xl/sharedStrings.xml" || strings.HasPrefix(f.Name, "xl/theme/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "[Content_Types].xml" || f.Name == "xl/_rels/workbook.xml.rels" {
			data = drop.ReplaceAll(data, nil)
		}
		if strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			data = regexp.MustCompile(` s="\d+"`).ReplaceAll(data, nil)
			data = shared.ReplaceAllFunc(data, func(m []byte) []byte {
				g := shared.FindSubmatch(m)
				var i int
				fmt.Sscan(string(g[4]), &i)
				return []byte(fmt.Sprintf(`<c r="%s"%s t="inlineStr"%s><is><t xml:space="preserve">%s</t></is></c>`, g[1], g[2], g[3], sst[i]))
			})
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zw.Close()
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The annotated copy opens in openpyxl (which refuses what Excel would
// offer to repair) whatever wrote the source: tally's template, LibreOffice
// (no theme part), openpyxl, or a writer with no styles part at all.
func TestAnnotatedCopiesOpen(t *testing.T) {
	t.Parallel()
	py := testtool.Python(t, "openpyxl")
	soffice := testtool.Require(t, "soffice")
	dir := t.TempDir()
	src := filepath.Join(dir, "src", "2021-01-czs.xlsx")
	os.MkdirAll(filepath.Dir(src), 0o755)
	data, err := os.ReadFile(repo(t, "testdata/bad/not-a-number.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(src, data, 0o644)
	writers := map[string]func(dst string){
		"tally": func(dst string) { os.WriteFile(dst, data, 0o644) },
		"libreoffice": func(dst string) {
			out := filepath.Dir(dst)
			cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
				"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, src)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("LibreOffice: %v\n%s", err, msg)
			}
		},
		"openpyxl": func(dst string) {
			cmd := exec.Command(py, "-c", "import openpyxl,sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])", src, dst)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("openpyxl: %v\n%s", err, msg)
			}
		},
		"no-styles": func(dst string) { stripStyles(t, src, dst) },
	}
	for name, write := range writers {
		in := filepath.Join(dir, name, "2021-01-czs.xlsx")
		os.MkdirAll(filepath.Dir(in), 0o755)
		write(in)
		if _, err := os.Stat(in); err != nil {
			t.Fatalf("%s: no source written: %v", name, err)
		}
		ann := filepath.Join(dir, "annotated", name)
		var so, se bytes.Buffer
		if code := run([]string{"check", "--lang", "en", "--annotate", ann, in}, strings.NewReader(""), &so, &se); code != exitFindings {
			t.Fatalf("%s: exit %d\n%s%s", name, code, so.String(), se.String())
		}
		script := `import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
c = wb["税收收入"]["C5"]
print(c.fill.fgColor.rgb, bool(c.comment and "12,3x" in c.comment.text), wb.sheetnames[-1])`
		out, err := exec.Command(py, "-c", script, filepath.Join(ann, "2021-01-czs.xlsx")).CombinedOutput()
		if err != nil {
			t.Errorf("%s: openpyxl cannot open the annotated copy: %v\n%s", name, err, out)
			continue
		}
		if got, want := strings.TrimSpace(string(out)), "FFFFC7CE True Check results"; got != want {
			t.Errorf("%s: annotated C5 reads %q, want %q", name, got, want)
		}
	}
}

// The annotated copy of a return saved by LibreOffice Calc: its 审核结果
// sheet gives every row the height its wrapped texts need (LibreOffice does
// not size the rows of a sheet added to its file, and drew a two-line 说明
// over the next row), and its columns fit a landscape A4 page at full size
// (newcomer report 7, #7).
func TestAnnotatedResultsSheetRowsAndWidth(t *testing.T) {
	dir := t.TempDir()
	var so, se bytes.Buffer
	if code := run([]string{"check", "--annotate", filepath.Join(dir, "ann"), repo(t, "testdata/crafted/sum-skips-text/2021-07-zsb.xlsx")}, strings.NewReader(""), &so, &se); code != 0 {
		t.Fatalf("check --annotate: exit %d\n%s%s", code, so.String(), se.String())
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "ann", "2021-07-zsb.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "审核结果"
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) < 3 {
		t.Fatalf("审核结果: %d rows, %v", len(rows), err)
	}
	// Printed apart from the return, the sheet says whose it is: its page
	// header names the department, the period and the file (newcomer 8, 10i).
	hf, err := f.GetHeaderFooter(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if want := "审核结果：招商办 2021-07（2021-07-zsb.xlsx）"; !strings.Contains(hf.OddHeader, want) {
		t.Errorf("审核结果's printed header is %q, not naming %q", hf.OddHeader, want)
	}
	if !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "&N") {
		t.Errorf("审核结果's footer %q has no page count", hf.OddFooter)
	}
	long := 0
	for r := 2; r <= len(rows); r++ {
		h, err := f.GetRowHeight(sheet, r)
		if err != nil {
			t.Fatal(err)
		}
		msg := rows[r-1][3]
		if strings.Contains(msg, "合计少了 1234.5") {
			long = r
			if h < 2*12 {
				t.Errorf("row %d (%q) is %.1f pt high: too low for its two lines", r, msg, h)
			}
		}
	}
	if long == 0 {
		t.Fatalf("no total_skips_text row in 审核结果: %q", rows)
	}
	// The row's height is written in the file, not left to the reader.
	data, err := annotatedSheetPart(filepath.Join(dir, "ann", "2021-07-zsb.xlsx"), sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(fmt.Sprintf(`<row r="%d"[^>]*customHeight="(1|true)"`, long)).Match(data) {
		t.Errorf("row %d of 审核结果 has no explicit height", long)
	}
	var total float64
	for _, col := range []string{"A", "B", "C", "D", "E", "F", "G"} {
		w, err := f.GetColWidth(sheet, col)
		if err != nil {
			t.Fatal(err)
		}
		total += w
	}
	if total > 145 {
		t.Errorf("审核结果's columns are %.0f wide, more than a landscape A4 page holds (145)", total)
	}
	// A rule's label ends in its code, one word no line breaks: the 规则
	// column holds the longest, or it is cut at the page's edge.
	w, err := f.GetColWidth(sheet, "G")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reconcile.Rules() {
		label := r.Label(reconcile.Chinese)
		word := label[strings.LastIndex(label, " ")+1:]
		if float64(len(word))+1 > w {
			t.Errorf("规则 is %.1f wide; %q does not fit", w, word)
		}
	}
}

// annotatedSheetPart returns the worksheet part of sheet in the xlsx at path.
func annotatedSheetPart(path, sheet string) ([]byte, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	// The workbook's relationships name the sheet's part.
	var wb, rels []byte
	for _, zf := range zr.File {
		switch zf.Name {
		case "xl/workbook.xml", "xl/_rels/workbook.xml.rels":
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if zf.Name == "xl/workbook.xml" {
				wb = b
			} else {
				rels = b
			}
		}
	}
	m := regexp.MustCompile(`<sheet [^>]*name="` + regexp.QuoteMeta(sheet) + `"[^>]*r:id="([^"]+)"`).FindSubmatch(wb)
	if m == nil {
		return nil, fmt.Errorf("no sheet %s in workbook.xml", sheet)
	}
	t := regexp.MustCompile(`<Relationship [^>]*Id="` + string(m[1]) + `"[^>]*Target="([^"]+)"|<Relationship [^>]*Target="([^"]+)"[^>]*Id="` + string(m[1]) + `"`).FindSubmatch(rels)
	if t == nil {
		return nil, fmt.Errorf("no relationship %s", m[1])
	}
	target := string(t[1]) + string(t[2])
	target = strings.TrimPrefix(target, "/")
	if !strings.HasPrefix(target, "xl/") {
		target = "xl/" + target
	}
	for _, zf := range zr.File {
		if zf.Name == target {
			rc, _ := zf.Open()
			defer rc.Close()
			return io.ReadAll(rc)
		}
	}
	return nil, fmt.Errorf("no part %s", target)
}
