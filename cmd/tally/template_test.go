package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// The templates tally template writes, dumped to text with what a
// department meets in them — values, formulas, number formats, which cells
// are locked, styles, widths, heights, merges, panes, protection, input
// rules and print setup — match the golden file (refresh with go test
// ./cmd/tally -update). Prefilled from the sample's 2021-04 files, so the
// 本年累计 carry formulas are in it; tjz has the indicator tables.
func TestTemplateGolden(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var so, se strings.Builder
	code := run([]string{"template", "--period", "2021-05", "--dept", "czs", "--dept", "tjz", "--from", repo(t, "testdata/submissions"), "-o", dir},
		strings.NewReader(""), &so, &se)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	var got strings.Builder
	for _, name := range []string{"2021-05-czs.xlsx", "2021-05-tjz.xlsx"} {
		fmt.Fprintf(&got, "#### %s\n%s", name, templateDump(t, filepath.Join(dir, name)))
	}
	golden := filepath.Join("testdata", "template-2021-05.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/tally -update)", err)
	}
	if diff := cmp.Diff(string(want), got.String()); diff != "" {
		t.Errorf("templates differ from %s (-want +got):\n%s", golden, diff)
	}
}

// templateDump writes a template as text: the document's properties, then
// per sheet its setup and every cell that has a value or a style.
func templateDump(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	if p, err := f.GetDocProps(); err == nil {
		line("props creator=%q title=%q created=%s modified=%s", p.Creator, p.Title, p.Created, p.Modified)
	}
	custom, _ := f.GetCustomProps()
	for _, p := range custom {
		line("custom %s=%v", p.Name, p.Value)
	}
	names := f.GetDefinedName()
	sort.Slice(names, func(i, j int) bool { return names[i].Scope+names[i].Name < names[j].Scope+names[j].Name })
	for _, n := range names {
		line("name %s %s %s", n.Scope, n.Name, n.RefersTo)
	}
	line("active %d", f.GetActiveSheetIndex())
	for _, sh := range f.GetSheetList() {
		visible, _ := f.GetSheetVisible(sh)
		line("== %s visible=%v", sh, visible)
		dim, _ := f.GetSheetDimension(sh)
		line("dimension %s", dim)
		cols, _ := f.GetCols(sh)
		for c := 1; c <= max(len(cols), 1); c++ {
			name, _ := excelize.ColumnNumberToName(c)
			w, _ := f.GetColWidth(sh, name)
			line("width %s %.4g", name, w)
		}
		rows, _ := f.GetRows(sh, excelize.Options{RawCellValue: true})
		for r := 1; r <= len(rows); r++ {
			if h, _ := f.GetRowHeight(sh, r); h != 15 {
				line("height %d %.4g", r, h)
			}
		}
		merges, _ := f.GetMergeCells(sh)
		for _, m := range merges {
			line("merge %s:%s", m.GetStartAxis(), m.GetEndAxis())
		}
		if p, err := f.GetPanes(sh); err == nil && p.Freeze {
			line("panes x=%d y=%d top-left=%s active=%s selection=%+v", p.XSplit, p.YSplit, p.TopLeftCell, p.ActivePane, p.Selection)
		}
		if p, err := f.GetSheetProtection(sh); err == nil {
			line("protection %+v", p)
		}
		if p, err := f.GetPageLayout(sh); err == nil && p.Size != nil {
			line("page size=%v orientation=%v fit=%vx%v", val(p.Size), val(p.Orientation), val(p.FitToWidth), val(p.FitToHeight))
		}
		if p, err := f.GetPageMargins(sh); err == nil && p.Left != nil {
			line("margins %v %v %v %v header %v footer %v", val(p.Left), val(p.Right), val(p.Top), val(p.Bottom), val(p.Header), val(p.Footer))
		}
		if p, err := f.GetSheetProps(sh); err == nil && p.FitToPage != nil {
			line("fit-to-page %v", *p.FitToPage)
		}
		if p, err := f.GetHeaderFooter(sh); err == nil && p != nil && p.OddFooter != "" {
			line("footer %q", p.OddFooter)
		}
		dvs, _ := f.GetDataValidations(sh)
		for _, dv := range dvs {
			line("rule %s type=%s op=%s f1=%s f2=%s blank=%v prompt=%q/%q error=%q/%q", dv.Sqref, dv.Type, dv.Operator, dv.Formula1, dv.Formula2,
				dv.AllowBlank, val(dv.PromptTitle), val(dv.Prompt), val(dv.ErrorTitle), val(dv.Error))
		}
		for r := range rows {
			for c := range cols {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				v, _ := f.GetCellValue(sh, ref, excelize.Options{RawCellValue: true})
				formula, _ := f.GetCellFormula(sh, ref)
				id, _ := f.GetCellStyle(sh, ref)
				if v == "" && formula == "" && id == 0 {
					continue
				}
				typ, _ := f.GetCellType(sh, ref)
				fmt.Fprintf(&b, "%s\t%d\t%q", ref, typ, v)
				if formula != "" {
					fmt.Fprintf(&b, "\t=%s", formula)
				}
				if st, err := f.GetStyle(id); err == nil && id != 0 {
					fmt.Fprintf(&b, "\t%s", styleText(st))
				}
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

// val is what p points to, or "-" for nil.
func val[T any](p *T) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

// styleText names what a cell's style shows: font, fill, border, alignment,
// number format and whether it is locked.
func styleText(st *excelize.Style) string {
	var parts []string
	if f := st.Font; f != nil {
		parts = append(parts, fmt.Sprintf("font=%s/%g/bold=%v", f.Family, f.Size, f.Bold))
	}
	if len(st.Fill.Color) > 0 {
		parts = append(parts, "fill="+strings.Join(st.Fill.Color, ","))
	}
	if len(st.Border) > 0 {
		parts = append(parts, fmt.Sprintf("border=%d×%s", len(st.Border), st.Border[0].Color))
	}
	if a := st.Alignment; a != nil {
		parts = append(parts, fmt.Sprintf("align=%s/%s/wrap=%v", a.Horizontal, a.Vertical, a.WrapText))
	}
	if st.CustomNumFmt != nil {
		parts = append(parts, "fmt="+*st.CustomNumFmt)
	} else if st.NumFmt != 0 {
		parts = append(parts, fmt.Sprintf("fmt=%d", st.NumFmt))
	}
	locked := st.Protection == nil || st.Protection.Locked
	parts = append(parts, fmt.Sprintf("locked=%v", locked))
	return strings.Join(parts, " ")
}

// The same inputs make the same bytes: the monthly workbook (its chart
// brings image content types excelize lists from a map) written twice,
// and the templates written twice.
func TestWorkbookBytesDeterministic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(i int) (workbook, template []byte) {
		out := filepath.Join(dir, fmt.Sprintf("run%d.xlsx", i))
		var so, se strings.Builder
		if code := run([]string{"reconcile", "--as-of", "2021-07", "-o", out, repo(t, "testdata/submissions")}, strings.NewReader(""), &so, &se); code != exitFindings {
			t.Fatalf("reconcile: exit %d: %s", code, se.String())
		}
		tdir := filepath.Join(dir, fmt.Sprintf("templates%d", i))
		if code := run([]string{"template", "--period", "2021-07", "--dept", "tjz", "-o", tdir}, strings.NewReader(""), &so, &se); code != 0 {
			t.Fatalf("template: exit %d: %s", code, se.String())
		}
		wb, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		tb, err := os.ReadFile(filepath.Join(tdir, "2021-07-tjz.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		return wb, tb
	}
	w1, t1 := write(1)
	w2, t2 := write(2)
	if !bytes.Equal(w1, w2) {
		t.Error("the consolidated workbook differs between two runs over the same files")
	}
	if !bytes.Equal(t1, t2) {
		t.Error("the template differs between two runs")
	}
}

// The template and tally check say the same about a figure that did not
// occur: 0, not an empty cell. The 填报说明 sheet, every value cell's input
// prompt and the finding for an empty required cell carry the same rule,
// and none of them tells the department to leave it empty.
func TestTemplateAndCheckAgreeOnEmptyCells(t *testing.T) {
	t.Parallel()
	const rule = "没有发生时填 0，不要留空"
	dir := t.TempDir()
	var so, se strings.Builder
	if code := run([]string{"template", "--period", "2021-05", "--dept", "czs", "-o", dir}, strings.NewReader(""), &so, &se); code != 0 {
		t.Fatalf("template: exit %d: %s", code, se.String())
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "2021-05-czs.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("填报说明")
	if err != nil {
		t.Fatal(err)
	}
	said := false
	for _, r := range rows {
		for _, c := range r {
			said = said || strings.Contains(c, rule)
			if strings.Contains(c, "无数据请留空") || strings.Contains(c, "不要填 0") {
				t.Errorf("填报说明 still says to leave figures empty: %q", c)
			}
		}
	}
	if !said {
		t.Errorf("填报说明 does not say %q", rule)
	}
	dvs, err := f.GetDataValidations("税收收入")
	if err != nil {
		t.Fatal(err)
	}
	prompts := 0
	for _, dv := range dvs {
		if dv.Type != "decimal" && dv.Type != "whole" && dv.Type != "custom" || dv.Prompt == nil {
			continue
		}
		prompts++
		if !strings.HasSuffix(*dv.Prompt, "；"+rule) {
			t.Errorf("prompt of %s = %q, want it to end with %q", dv.Sqref, *dv.Prompt, rule)
		}
	}
	if prompts == 0 {
		t.Fatal("no input prompt on the value cells of 税收收入")
	}

	so.Reset()
	se.Reset()
	if code := run([]string{"check", "--json", repo(t, "testdata/bad/required-empty.xlsx")}, strings.NewReader(""), &so, &se); code != 1 {
		t.Fatalf("check: exit %d, want 1: %s", code, se.String())
	}
	if want := "必填项为空，请填写数字（" + rule + "）"; !strings.Contains(so.String(), want) {
		t.Errorf("check does not say %q:\n%s", want, so.String())
	}
	so.Reset()
	if code := run([]string{"check", "--json", "--lang", "en", repo(t, "testdata/bad/required-empty.xlsx")}, strings.NewReader(""), &so, &se); code != 1 {
		t.Fatalf("check --lang en: exit %d, want 1", code)
	}
	if want := "required cell is empty; type 0 when there is none; do not leave it empty"; !strings.Contains(so.String(), want) {
		t.Errorf("check --lang en does not say %q:\n%s", want, so.String())
	}
}
