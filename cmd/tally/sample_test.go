package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jingwu/tally/internal/sample"
	"github.com/jingwu/tally/internal/testtool"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"
)

// reconcileSample is tally reconcile --json --lang en --as-of asOf on the
// committed sample year (run once per test binary: sampleJSON).
func reconcileSample(t *testing.T, asOf string) (jsonResult, []byte, int) {
	t.Helper()
	code, out, errb := sampleJSON(t, "en", asOf)
	var res jsonResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("exit %d, stderr %s, json: %v", code, errb, err)
	}
	return res, out, code
}

// Every claim of the 2020 report gets the verdict the sample year was
// built for, and every planted finding is reported at its cell; nothing else.
func TestSampleYear(t *testing.T) {
	t.Parallel()
	res, _, code := reconcileSample(t, "2020-12")
	if code != exitFindings {
		t.Errorf("exit %d, want 1 (the sample has planted findings)", code)
	}
	got := map[string]string{}
	for _, c := range res.Claims {
		got[c.ID] = c.Status
	}
	want := map[string]string{}
	for _, id := range []string{"tax-2020", "fai-2020", "retail-2020", "jobs-2020", "medical-2020", "employee-pension-2020",
		"resident-pension-2020", "tax-1320", "fai-1320", "industry-1320", "budget-1320", "tax-growth-1320", "fai-growth-1320",
		"industry-growth-1320", "budget-growth-1320", "above-scale-2020", "retail-reached-2020", "above-scale-growth",
		"retail-growth", "sme-total-2020", "hightech-total-2020", "eagle-total-2020", "jobs-1320"} {
		want[id] = "consistent"
	}
	want["industry-2020"] = "mismatch" // planted: 170.31亿 against 预计 169亿
	for _, id := range []string{"investment-2020", "sme-new-2020", "eagle-new-2020", "leader-new-2020", "specialized-2020"} {
		want[id] = "incomplete" // a rejected row (zsb 2020-11); 科技科 2020-08 missing
	}
	want["smart-community-2020"], want["patents-2020"] = "no_data", "no_data" // no indicator
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claim verdicts (-want +got):\n%s", diff)
	}
	var findings []string
	for _, f := range res.Findings {
		findings = append(findings, fmt.Sprintf("%s %s %s!%s %q %s", f.Rule, filepath.Base(f.File), f.Sheet, f.Cell, f.Raw, f.Severity))
	}
	sort.Strings(findings)
	wantFindings := []string{
		`missing_submission . ! "" error`,
		`not_a_number 2020-11-zsb.xlsx 内资到位!B5 "待核实" error`,
		`number_as_text 2020-09-tjz.xlsx 固定资产投资!B19 "6,363.16" info`,
		`total_mismatch 2020-03-zsb.xlsx 内资到位!B29 "85027.44" error`,
		`ytd_chain 2020-06-czs.xlsx 税收收入!D4 "562.92" error`,
	}
	if diff := cmp.Diff(wantFindings, findings); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	s := res.Summary
	if s.Rows != s.RowsConsolidated+s.RowsRejected {
		t.Errorf("rows %d ≠ consolidated %d + rejected %d", s.Rows, s.RowsConsolidated, s.RowsRejected)
	}
	// Every cell too: the consolidated ones are the detail's 7275 rows; the
	// rejected row of 2020-11-zsb holds 2; the 合计 rows 240; no cell is
	// reported (the sample has nothing beside its tables).
	if s.Cells != s.CellsConsolidated+s.CellsRejected+s.CellsChecked+s.CellsReported+s.CellsTemplate ||
		s.CellsConsolidated != 7275 || s.CellsRejected != 2 || s.CellsChecked != 240 || s.CellsReported != 0 {
		t.Errorf("cells: %+v", s)
	}
	// The mismatch is a warning (预计) and carries the exact difference.
	for _, c := range res.Claims {
		if c.ID == "industry-2020" && (c.Severity != "warning" || *c.Computed != "170.308852" || *c.Difference != "1.308852") {
			t.Errorf("industry-2020: %+v", c)
		}
	}
}

// The committed sample year is what the generator writes: regenerate it and
// compare every cell of a file whose bytes differ (bytes may change with
// excelize; cells must not).
func TestSampleIsGenerated(t *testing.T) {
	t.Parallel()
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := sample.Generate(s, dir); err != nil {
		t.Fatal(err)
	}
	committed, _ := filepath.Glob(filepath.Join(repo(t, "testdata/submissions"), "*.xlsx"))
	fresh, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	names := func(ps []string) []string {
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = filepath.Base(p)
		}
		return out
	}
	if diff := cmp.Diff(names(committed), names(fresh)); diff != "" {
		t.Fatalf("files differ (-committed +generated); run go run ./internal/sample/gen:\n%s", diff)
	}
	for i := range committed {
		if sameBytes(committed[i], fresh[i]) {
			continue // the same file: no cell can differ (the usual case, and cheap under -race)
		}
		if a, b := dump(t, committed[i], false), dump(t, fresh[i], false); a != b {
			t.Errorf("%s differs from what the generator writes; run go run ./internal/sample/gen", names(committed)[i])
		}
	}
}

// testdata/bad is what its generator writes today (go run
// ./internal/sample/gen -bad testdata/bad): the same workbooks cell for
// cell (encrypted.xlsx, whose encryption is salted afresh each time, once
// decrypted), the same bytes for the files that are no workbook; and no
// file, the Excel 97 one converted from good.xlsx included, still says the
// old 填报说明 "无数据请留空" against reconcile.NoneRule.
func TestBadIsGenerated(t *testing.T) {
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := sample.Bad(s, dir); err != nil {
		t.Fatal(err)
	}
	bad := repo(t, "testdata/bad")
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		committed := filepath.Join(bad, rel)
		a, err := os.ReadFile(committed)
		if err != nil {
			t.Errorf("%s: not committed; run go run ./internal/sample/gen -bad testdata/bad", rel)
			return nil
		}
		b, _ := os.ReadFile(path)
		if bytes.Equal(a, b) {
			return nil // the same file: no cell can differ (all but encrypted.xlsx, and cheap under -race)
		}
		var opts []excelize.Options
		if rel == "encrypted.xlsx" {
			opts = append(opts, excelize.Options{Password: "secret"})
		}
		if sa, ok := cells(committed, opts...); ok {
			if sb, _ := cells(path, opts...); sa != sb {
				t.Errorf("%s differs from what the generator writes; run go run ./internal/sample/gen -bad testdata/bad", rel)
			}
		} else if !bytes.Equal(a, b) {
			t.Errorf("%s differs from what the generator writes; run go run ./internal/sample/gen -bad testdata/bad", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	old := "无数据请留空"
	old16, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(old) // how an .xls stores it
	err = filepath.WalkDir(bad, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(path)
		texts := []string{string(data)}
		if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
			for _, f := range zr.File {
				if rc, err := f.Open(); err == nil {
					part, _ := io.ReadAll(io.LimitReader(rc, 8<<20))
					rc.Close()
					texts = append(texts, string(part))
				}
			}
		}
		for _, x := range texts {
			if strings.Contains(x, old) || strings.Contains(x, old16) {
				t.Errorf("%s still says %q; the rule is %q", path, old, reconcile.NoneRule.In(reconcile.Chinese))
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// cells dumps every sheet's cells of a workbook; false when it does not
// open as one.
func cells(path string, opts ...excelize.Options) (string, bool) {
	f, err := excelize.OpenFile(path, opts...)
	if err != nil {
		return "", false
	}
	defer f.Close()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			return "", false
		}
		fmt.Fprintf(&b, "%s\n%q\n", sh, rows)
		dvs, _ := f.GetDataValidations(sh)
		for _, dv := range dvs {
			var prompt, msg string
			if dv.Prompt != nil {
				prompt = *dv.Prompt
			}
			if dv.Error != nil {
				msg = *dv.Error
			}
			fmt.Fprintf(&b, "%s %q %q\n", dv.Sqref, prompt, msg)
		}
	}
	return b.String(), true
}

// dump writes a workbook as text: per sheet (with its visibility), every
// cell's reference, type, stored value and number format. With brief, only
// the first 12 rows of the 明细/Detail sheet.
func dump(t *testing.T, path string, brief bool) string {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		visible, _ := f.GetSheetVisible(sh)
		fmt.Fprintf(&b, "== %s visible=%v\n", sh, visible)
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			if brief && (sh == "明细" || sh == "Detail") && r >= 12 {
				fmt.Fprintf(&b, "… %d rows\n", len(rows))
				break
			}
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, _ := f.GetCellFormula(sh, ref)
				if v == "" && formula == "" {
					continue
				}
				typ, _ := f.GetCellType(sh, ref)
				numFmt := ""
				if id, err := f.GetCellStyle(sh, ref); err == nil {
					if st, err := f.GetStyle(id); err == nil && st.CustomNumFmt != nil {
						numFmt = *st.CustomNumFmt
					}
				}
				fmt.Fprintf(&b, "%s\t%d\t%q\t%s", ref, typ, v, numFmt)
				if formula != "" {
					fmt.Fprintf(&b, "\t=%s", formula)
				}
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

// maskSeal hides the seal sheet's digests in a dump: they hash the cells
// as written, and the input files' names there hold the folder the
// repository was cloned into. The seal's own tests (merge_test.go) check
// the digests; the golden keeps the seal's layout and plain values.
func maskSeal(dump string) string {
	i := strings.Index(dump, "\n== _tally_seal ")
	if i < 0 {
		return dump
	}
	rest := dump[i:]
	if j := strings.Index(rest[1:], "\n== "); j >= 0 {
		rest = rest[:j+1]
	}
	return dump[:i] + sha256Hex.ReplaceAllString(rest, `"<sha-256>"`) + dump[i+len(rest):]
}

var sha256Hex = regexp.MustCompile(`"[0-9a-f]{64}"`)

// The consolidated workbook, dumped to text, matches the golden file
// (refresh with go test ./cmd/tally -update).
//
// progress-2021-07 is the monthly job with no July file at all: the target
// table marks every line 【数据不完整】 (the chart's categories), says 计算至
// 1–6月 and which department-months are missing, and stores 完成率, 序时进度
// and 同比 as fractions with a % format.
func TestWorkbookGolden(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, lang, asOf string }{
		{"consolidated-2020-zh", "zh", "2020-12"}, {"consolidated-2020-en", "en", "2020-12"},
		{"progress-2021-07-zh", "zh", "2021-07"},
	} {
		lang := c.name // named in messages
		out := filepath.Join(t.TempDir(), "out.xlsx")
		sampleBook(t, c.lang, c.asOf, out)
		got := maskSeal(strings.ReplaceAll(dump(t, out, true), filepath.Join("..", "..", "testdata", "submissions"), "$SAMPLE"))
		golden := filepath.Join("testdata", c.name+".golden")
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./cmd/tally -update)", err)
		}
		if diff := cmp.Diff(string(want), got); diff != "" {
			t.Errorf("%s workbook differs from %s (-want +got):\n%s", lang, golden, diff)
		}
	}
}

// LibreOffice opens the consolidated workbooks without repairing them and
// prints them to PDF: the 2020 one shows the planted findings; the monthly
// one for 2021-06 the targets, its chart and the late and missing files.
func TestWorkbookOpensInLibreOffice(t *testing.T) {
	t.Parallel()
	soffice := testtool.Require(t, "soffice")
	pdftotext := testtool.Require(t, "pdftotext", "-v")
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		asOf string
		want []string
	}{
		{"consolidated-2020", "2020-12", []string{"精武镇 2020 年汇总与报告核对", "规模工业总产值", "不符", "数据不完整", "待核实", "未报送", "合计 85027.44"}},
		{"progress-2021-06", "2021-06", []string{"目标完成情况（截至 2021-06）", "完成率与序时进度", "滞后", "逾期", "未报送", "报送情况"}},
	} {
		out := filepath.Join(dir, c.name+".xlsx")
		sampleBook(t, "zh", c.asOf, out)
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
			"--convert-to", "pdf", "--outdir", dir, out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("LibreOffice failed on %s: %v\n%s", c.name, err, msg)
		}
		pdf := filepath.Join(dir, c.name+".pdf")
		if st, err := os.Stat(pdf); err != nil || st.Size() < 10000 {
			t.Fatalf("no PDF written for %s: %v", c.name, err)
		}
		// The first page is the overview: with targets, the chart's title is on it.
		first, err := exec.Command(pdftotext, "-f", "1", "-l", "1", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range c.want {
			if !bytes.Contains(text, []byte(want)) {
				t.Errorf("%s: the PDF does not show %q", c.name, want)
			}
		}
		if c.asOf != "2020-12" && !bytes.Contains(first, []byte("完成率与序时进度")) {
			t.Errorf("%s: the chart is not on the overview page", c.name)
		}
	}
}

// A second reader, openpyxl, sees the same sheets and exact values.
func TestWorkbookReadsInOpenpyxl(t *testing.T) {
	t.Parallel()
	python := testtool.Python(t, "openpyxl")
	out := filepath.Join(t.TempDir(), "c.xlsx")
	sampleBook(t, "en", "2020-12", out)
	script := `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
print("|".join(wb.sheetnames))
ws = wb["Claims"]
for row in ws.iter_rows(min_row=3, values_only=True):
    if row[0] == "industry-2020":
        print(row[0], repr(row[11]), row[13])
print("detail rows", wb["Detail"].max_row)
`
	got, err := exec.Command(python, "-c", script, out).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, got)
	}
	// _tally_seal is the very hidden seal sheet (节点汇总), which openpyxl lists.
	// Detail: one row per source row of the 7,275 consolidated value cells,
	// 2,744, and the header (a line of an indicator table carrying two
	// indicators, 新增 and 期末数, is two rows).
	want := "Overview|Consolidated|By year|Submissions|Claims|Findings|Detail|Inputs|_tally_seal\nindustry-2020 170.308852 mismatch\ndetail rows 2745\n"
	if string(got) != want {
		t.Errorf("openpyxl read:\n%s\nwant:\n%s", got, want)
	}
}

// The same inputs give the same workbook, byte for byte, whatever the
// number of workers: one worker, two, and the default (one a CPU) that
// the other tests' shared run (sampleBook) used, into another folder
// under another name.
func TestWorkbookDeterministic(t *testing.T) {
	t.Parallel()
	var sums []string
	for _, jobs := range []string{"1", "2", ""} {
		out := filepath.Join(t.TempDir(), "out.xlsx")
		if jobs == "" {
			sampleBook(t, "zh", "2020-12", out)
		} else {
			var so, se bytes.Buffer
			if code := run([]string{"reconcile", "--lang", "zh", "--jobs", jobs, "--as-of", "2020-12", "-o", out, filepath.Join("..", "..", "testdata", "submissions")}, strings.NewReader(""), &so, &se); code != exitFindings {
				t.Fatalf("exit %d: %s", code, se.String())
			}
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		sums = append(sums, fmt.Sprintf("%x", sha256.Sum256(b)))
	}
	if sums[0] != sums[1] || sums[1] != sums[2] {
		t.Errorf("workbooks differ (--jobs 1, 2, default): %v", sums)
	}
}

// LibreOffice reads the 明细 rows — written by tally, not excelize — as
// excelize does: every cell of the sheet, exported to CSV with values as
// stored, equals excelize's reading of it.
func TestDetailReadsInLibreOffice(t *testing.T) {
	t.Parallel()
	soffice := testtool.Require(t, "soffice")
	dir := t.TempDir()
	out := filepath.Join(dir, "c.xlsx")
	sampleBook(t, "en", "2020-12", out)
	// Filter options: comma, quote, UTF-8, from line 1, …, cells as stored
	// (not as shown), every sheet to its own file (-1).
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice failed: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(filepath.Join(dir, "c-Detail.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lo, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, err := f.GetRows("Detail", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(lo) != len(want) || len(want) != 2745 {
		t.Fatalf("LibreOffice reads %d rows, excelize %d, want 2745", len(lo), len(want))
	}
	for i := range want {
		row := append(want[i], make([]string, max(0, len(lo[i])-len(want[i])))...)
		if !slices.Equal(lo[i], row) {
			t.Fatalf("row %d: LibreOffice %q, excelize %q", i+1, lo[i], row)
		}
	}
}

// Each verdict has its own look, read back by openpyxl: 概览's list of the
// claims to look at has a header row, and there and on 报告核对 不符 is red
// and bold (the worst), 数据不完整 amber, 无数据 grey, 一致 green; 报告核对
// says an estimate's (预计) 不符 in red too, its 严重程度 saying 警告, and
// 概览, which has no such column, in amber as its 不符 count (the sample's
// one 不符 through 2020-12 is an estimate's). 报告核对's 编号 column is wide
// enough for the longest id.
func TestVerdictStylesInOpenpyxl(t *testing.T) {
	t.Parallel()
	python := testtool.Python(t, "openpyxl")
	out := filepath.Join(t.TempDir(), "c.xlsx")
	var so, se bytes.Buffer
	if code := run([]string{"reconcile", "--as-of", "2020-12", "-o", out, repo(t, "testdata/submissions")}, strings.NewReader(""), &so, &se); code != exitFindings {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	script := `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def look(c):
    return "%s/%s/%s" % (c.fill.fgColor.rgb[-6:] if c.fill.fill_type else "none", (c.font.color.rgb or "")[-6:] if c.font.color else "", "bold" if c.font.b else "")
ov = wb["概览"]
head = None
for r in range(1, ov.max_row + 1):
    if ov.cell(r, 1).value == "未确认的报告数字":
        head = r
        print("header", ov.cell(r, 2).value, ov.cell(r, 1).font.b, ov.cell(r, 2).font.b)
seen = {}
for r in range(head + 1, ov.max_row + 1):
    v = ov.cell(r, 2).value
    if v in ("不符", "数据不完整", "无数据", "一致"):
        seen.setdefault("概览 " + v, look(ov.cell(r, 2)))
cl = wb["报告核对"]
longest = 0
for r in range(3, cl.max_row + 1):
    v = cl.cell(r, 14).value
    seen.setdefault("报告核对 " + v, look(cl.cell(r, 14)))
    longest = max(longest, len(cl.cell(r, 1).value))
for k in sorted(seen):
    print(k, seen[k])
print("id fits", cl.column_dimensions["A"].width >= longest + 1)
`
	got, err := exec.Command(python, "-c", script, out).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, got)
	}
	want := `header 结论 True True
报告核对 一致 C6EFCE/006100/
报告核对 不符 FFC7CE/9C0006/bold
报告核对 数据不完整 FFEB9C/9C5700/
报告核对 无数据 EDEDED/595959/
概览 不符 FFEB9C/9C5700/
概览 数据不完整 FFEB9C/9C5700/
概览 无数据 EDEDED/595959/
id fits True
`
	if string(got) != want {
		t.Errorf("openpyxl read:\n%s\nwant:\n%s", got, want)
	}
}

// sameBytes reports whether two files hold the same bytes.
func sameBytes(a, b string) bool {
	x, err1 := os.ReadFile(a)
	y, err2 := os.ReadFile(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}
