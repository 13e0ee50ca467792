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
