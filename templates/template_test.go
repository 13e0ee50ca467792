package templates_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jingwu/tally/internal/testtool"
	"github.com/jingwu/tally/internal/testtool/templatetest"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
	"github.com/jingwu/tally/templates"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

var march = reconcile.Period{Year: 2021, Month: 3}

func setup(t *testing.T) (*reconcile.Spec, string) {
	t.Helper()
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, _ := s.Department("czs")
	f, err := templatetest.File(t, s, d, march, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "2021-03-czs.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// typed is what a department types into 财政所's template.
var typed = map[string]map[string]string{
	"税收收入": {
		"A4": "天津甲科技有限公司", "B4": "91350100M000100Y43", "C4": "1234.56", "D4": "3456.78",
		"A5": "天津乙精工有限公司", "B5": "911201110000000019", "C5": "0.01", "D5": "987654.123456",
		"E5": "三月补缴",
	},
	"一般预算收入": {"A4": "增值税（地方分成）", "B4": "10.5", "C4": "30.25"},
}

// readBack reads a filled template and checks every typed value came back
// exactly, at its cell; it returns the findings of checking it.
func readBack(t *testing.T, s *reconcile.Spec, path string) []string {
	t.Helper()
	sub := workbook.ReadFile(path, "2021-03-czs.xlsx", s, workbook.DefaultLimits)
	if sub.Unreadable || sub.Department != "czs" || sub.Period != march {
		t.Fatalf("not read as 财政所 2021-03: %+v", sub.Findings)
	}
	got := map[string]map[string]string{}
	for _, sh := range sub.Sheets {
		got[sh.Name] = map[string]string{}
		for _, r := range sh.Rows {
			for ci, c := range r.Cells {
				switch {
				case c.State == reconcile.Number:
					got[sh.Name][c.Cell] = c.Value.String()
				case sh.Table.Columns[ci].Role == reconcile.RoleName:
					got[sh.Name][c.Cell] = r.Name
				case sh.Table.Columns[ci].Role == reconcile.RoleCode && r.Code != "":
					got[sh.Name][c.Cell] = r.Code
				case sh.Table.Columns[ci].Role == reconcile.RoleNote && r.Note != "":
					got[sh.Name][c.Cell] = r.Note
				}
			}
		}
	}
	want := map[string]map[string]string{}
	for sheet, cells := range typed {
		want[sheet] = map[string]string{}
		for ref, v := range cells {
			if d, err := decimal.NewFromString(v); err == nil {
				v = d.String()
			}
			want[sheet][ref] = v
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("values read back (-typed +read):\n%s", diff)
	}
	res := reconcile.Consolidate(s, []reconcile.Submission{sub}, reconcile.Options{Check: true})
	if res.Summary.Rows != 3 || res.Summary.RowsConsolidated != 3 {
		t.Errorf("rows: %+v", res.Summary)
	}
	var findings []string
	for _, f := range res.Findings {
		findings = append(findings, string(f.Rule)+" "+f.Sheet+"!"+f.Cell)
	}
	return findings
}

// (a) Filled programmatically: every value exact. excelize does not
// calculate, so the 合计 formulas have no value: one note for each sheet's
// 合计, naming its cells.
func TestFillProgrammatically(t *testing.T) {
	s, path := setup(t)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for sheet, cells := range typed {
		for ref, v := range cells {
			set := f.SetCellStr
			if _, err := decimal.NewFromString(v); err == nil {
				set = f.SetCellDefault // a number, typed as its exact digits
			}
			if err := set(sheet, ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	got := readBack(t, s, path)
	want := []string{"credit_code 税收收入!B5", "total_formula_without_value 一般预算收入!B34:C34", "total_formula_without_value 税收收入!C34:D34"}
	if diff := cmp.Diff(want, sorted(got)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// (b) Filled in LibreOffice through its API, saved as xlsx the way Calc
// saves (formula results cached): every value exact, every 合计 checked.
func TestFillInLibreOffice(t *testing.T) {
	testtool.Require(t, "soffice")
	py := testtool.Python(t, "uno")
	s, path := setup(t)
	dir := t.TempDir()
	fill := filepath.Join(dir, "fill.json")
	data, _ := json.Marshal(typed)
	if err := os.WriteFile(fill, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "filled.xlsx")
	cmd := exec.Command(py, filepath.Join("testdata", "lo_fill.py"), path, out, fill, filepath.Join(dir, "profile"))
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice fill: %v\n%s", err, msg)
	}
	got := readBack(t, s, out)
	// Only the planted bad credit code, and lateness (LibreOffice records
	// today as the save date, years after March 2021's deadline): the 合计
	// rows now have values and agree with their rows, and the fingerprint
	// survived the re-save.
	if diff := cmp.Diff([]string{"credit_code 税收收入!B5", "late_submission !"}, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	sort.Strings(out)
	return out
}

// The protection and validations are in the file, seen by excelize and by
// a second reader, openpyxl.
func TestProtectionAndValidation(t *testing.T) {
	_, path := setup(t)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dvs, err := f.GetDataValidations("税收收入")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, dv := range dvs {
		got[dv.Sqref] = dv.Type + " " + dv.Formula1
	}
	want := map[string]string{
		"B4:B33": "textLength 18",
		"C4:C33": "custom AND(ISNUMBER(C4),C4>=0,ROUND(C4,6)=C4)",
		"D4:D33": "custom AND(ISNUMBER(D4),D4>=0,ROUND(D4,6)=D4)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("validations (-want +got):\n%s", diff)
	}
	for ref, locked := range map[string]bool{"A3": true, "C4": false, "B33": false, "C34": true} {
		id, _ := f.GetCellStyle("税收收入", ref)
		st, _ := f.GetStyle(id)
		if isLocked := st.Protection == nil || st.Protection.Locked; isLocked != locked {
			t.Errorf("%s locked = %v, want %v", ref, isLocked, locked)
		}
	}
	if !strings.Contains(sheetXML(t, path, "xl/worksheets/sheet2.xml"), `<sheetProtection `) {
		t.Error("税收收入 is not protected")
	}
	py := testtool.Python(t, "openpyxl")
	script := `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["税收收入"]
print(ws.protection.sheet, ws["A3"].protection.locked, ws["C4"].protection.locked)
for dv in sorted(ws.data_validations.dataValidation, key=lambda d: str(d.sqref)):
    print(str(dv.sqref), dv.type, dv.formula1, dv.showInputMessage, dv.errorStyle)
print(wb["_tally"].sheet_state, wb.sheetnames[0])
`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	wantPy := "True True False\n" +
		"B4:B33 textLength 18 True stop\n" +
		"C4:C33 custom AND(ISNUMBER(C4),C4>=0,ROUND(C4,6)=C4) True stop\n" +
		"D4:D33 custom AND(ISNUMBER(D4),D4>=0,ROUND(D4,6)=D4) True stop\n" +
		"veryHidden 填报说明\n"
	if string(out) != wantPy {
		t.Errorf("openpyxl sees:\n%s\nwant:\n%s", out, wantPy)
	}
}

func sheetXML(t *testing.T, path, part string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == part {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("no %s", part)
	return ""
}

// A list longer than Excel's 255 characters goes through the hidden list
// sheet; a short one stays inline.
func TestLongList(t *testing.T) {
	s, _, _ := spec.Default()
	d, _ := s.Department("ldbz")
	var long []string
	for i := 0; i < 60; i++ {
		long = append(long, "精武镇第"+strings.Repeat("一", i%5)+"村民委员会"+string(rune('A'+i%26)))
	}
	d.Tables[0].Columns[0].Choices = long
	f, err := templatetest.File(t, s, d, march, nil)
	if err != nil {
		t.Fatal(err)
	}
	dvs, _ := f.GetDataValidations("就业社保")
	var list string
	for _, dv := range dvs {
		if dv.Type == "list" {
			list = dv.Formula1
		}
	}
	if list != "_lists!$A$1:$A$60" {
		t.Errorf("list source %q, want the hidden sheet's range", list)
	}
	if v, _ := f.GetSheetVisible(workbook.ListsSheet); v {
		t.Error("the list sheet is visible")
	}
	if got, _ := f.GetCellValue(workbook.ListsSheet, "A60"); got != long[59] {
		t.Errorf("A60 = %q", got)
	}
}

// --from: last month's rows prefill this month's identity, and 本年累计
// carries last month's figure plus this month's 本月.
func TestPrefill(t *testing.T) {
	s, _, _ := spec.Default()
	prevPath := filepath.Join("..", "testdata", "submissions", "2021-03-czs.xlsx")
	prev := workbook.ReadFile(prevPath, prevPath, s, workbook.DefaultLimits)
	d, _ := s.Department("czs")
	f, err := templatetest.File(t, s, d, reconcile.Period{Year: 2021, Month: 4}, templates.Prefill(&prev, reconcile.Period{Year: 2021, Month: 4}))
	if err != nil {
		t.Fatal(err)
	}
	r := prev.Sheets[0].Rows[0]
	name, _ := f.GetCellValue("税收收入", "A4")
	code, _ := f.GetCellValue("税收收入", "B4")
	formula, _ := f.GetCellFormula("税收收入", "D4")
	month, _ := f.GetCellValue("税收收入", "C4")
	if name != r.Name || code != r.Code || formula != r.Cells[3].Value.String()+"+C4" || month != "" {
		t.Errorf("row 4: %q %q %q %q; want %q %q %s+C4 and 本月 empty", name, code, formula, month, r.Name, r.Code, r.Cells[3].Value)
	}
}

// --from prefills every department that had a file: 科技科's form has only
// indicator lines, and its 本年累计新增 carries too; 劳动保障所's headers
// (three lines when wrapped) get a row tall enough.
func TestPrefillEveryDepartment(t *testing.T) {
	s, _, _ := spec.Default()
	july := reconcile.Period{Year: 2021, Month: 7}
	for i := range s.Departments {
		d := &s.Departments[i]
		prevPath := filepath.Join("..", "testdata", "submissions", "2021-06-"+d.Code+".xlsx")
		prev := workbook.ReadFile(prevPath, prevPath, s, workbook.DefaultLimits)
		f, err := templatetest.File(t, s, d, july, templates.Prefill(&prev, july))
		if err != nil {
			t.Fatal(err)
		}
		carried := 0
		for _, sh := range f.GetSheetList() {
			rows, _ := f.GetRows(sh)
			for r := range rows {
				for c := range rows[r] {
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					if fo, _ := f.GetCellFormula(sh, ref); fo != "" && strings.Contains(fo, "+") {
						carried++
					}
				}
			}
		}
		if carried == 0 {
			t.Errorf("%s: nothing prefilled from %s", d.Name, prevPath)
		}
	}
	d, _ := s.Department("ldbz")
	f, _ := templatetest.File(t, s, d, july, nil)
	if h, _ := f.GetRowHeight("就业社保", templates.HeaderRow); h < 3*15 {
		t.Errorf("劳动保障所's header row is %v pt: its three-line headers are clipped", h)
	}
}

// The 填报说明 says only what applies to the department's sheets: no 合计
// row or credit code on 科技科's form of indicator lines, no raw rule; a
// rule over another department's figures in plain words, as what the
// office compares; and no line longer than prints on the page.
func TestInstructionsApply(t *testing.T) {
	s, _, _ := spec.Default()
	said := func(code string) string {
		d, _ := s.Department(code)
		f, err := templatetest.File(t, s, d, reconcile.Period{Year: 2020, Month: 8}, nil)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(templates.InstructionsSheet)
		var b strings.Builder
		for _, r := range rows {
			for _, c := range r {
				for _, l := range strings.Split(c, "\n") {
					if lineUnits(l) > 80 {
						t.Errorf("%s: a line of %d units will not print whole: %q", code, lineUnits(l), l)
					}
				}
				b.WriteString(c + "\n")
			}
		}
		return b.String()
	}
	kjk := said("kjk")
	for _, bad := range []string{"合计行", "统一社会信用代码", "sum(", "<="} {
		if strings.Contains(kjk, bad) {
			t.Errorf("科技科's 填报说明 says %q:\n%s", bad, kjk)
		}
	}
	for _, want := range []string{"本年累计 = 上月本年累计 + 本月", "财政所汇总时还会核对：国家高新技术企业数不应超过规模以上企业数（与统计站报送\n    的数字比较）"} {
		if !strings.Contains(kjk, want) {
			t.Errorf("科技科's 填报说明 does not say %q:\n%s", want, kjk)
		}
	}
	czs := said("czs")
	for _, want := range []string{"合计行由公式计算", "统一社会信用代码须为 18 位，校验位正确"} {
		if !strings.Contains(czs, want) {
			t.Errorf("财政所's 填报说明 does not say %q", want)
		}
	}
	if strings.Contains(czs, "国家高新技术企业") {
		t.Errorf("财政所's 填报说明 names a rule over other departments' figures only")
	}
}

// lineUnits is a line's width in character units, a Chinese character two.
func lineUnits(l string) int {
	n := 0
	for _, r := range l {
		if r >= 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// LibreOffice opens every department's template without repairing it and
// prints the instructions and the data sheets on A4.
func TestTemplatesPrint(t *testing.T) {
	soffice := testtool.Require(t, "soffice")
	pdftotext := testtool.Require(t, "pdftotext", "-v")
	s, _, _ := spec.Default()
	dir := t.TempDir()
	var files []string
	said := map[string][]string{} // the instructions' lines, per file
	for i := range s.Departments {
		d := &s.Departments[i]
		for _, p := range []reconcile.Period{march, {Year: 2020}} {
			if len(d.TablesFor(p)) == 0 {
				continue
			}
			f, err := templatetest.File(t, s, d, p, nil)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, templates.FileName(d, p))
			rows, _ := f.GetRows(templates.InstructionsSheet)
			for _, r := range rows {
				for _, c := range r {
					said[path] = append(said[path], strings.Split(c, "\n")...)
				}
			}
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
		}
	}
	args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir}, files...)
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	for _, x := range files {
		pdf := strings.TrimSuffix(x, ".xlsx") + ".pdf"
		text, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
		if err != nil {
			t.Errorf("%s: no PDF: %v", filepath.Base(x), err)
			continue
		}
		for _, want := range []string{"报表填报说明", "一、填写什么", "二、tally 审核什么", "填报单位："} {
			if !bytes.Contains(text, []byte(want)) {
				t.Errorf("%s: the PDF lacks %q", filepath.Base(pdf), want)
			}
		}
		// Every line of the instructions is printed whole: none runs past
		// the right edge and loses its end.
		squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
		printed := squeeze(string(text))
		for _, l := range said[x] {
			if l := squeeze(l); l != "" && !strings.Contains(printed, l) {
				t.Errorf("%s: the printed instructions lack %q (cut at the page's edge?)", filepath.Base(pdf), l)
			}
		}
		info, _ := exec.Command("pdfinfo", pdf).Output()
		if !bytes.Contains(info, []byte("595.")) {
			t.Errorf("%s: not A4:\n%s", filepath.Base(pdf), info)
		}
	}
}
