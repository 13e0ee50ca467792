package workbook_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/jingwu/tally/grid"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// WriteBook round trip: a Book with every kind of value, role and rule
// comes back from the bytes as described — figures exact, inputs unlocked,
// formats by places, rules with their prompts within Excel's limits, a
// long list on the hidden list sheet, and the identity where the reader
// looks for it.
func TestWriteBook(t *testing.T) {
	exact := decimal.RequireFromString("12345678901234567.891")
	long := make([]string, 60)
	for i := range long {
		long[i] = "选项" + strings.Repeat("长", 5) + string(rune('A'+i%26))
	}
	at := func(col, row int) grid.Pos { return grid.Pos{Col: col, Row: row} }
	sh := &grid.Sheet{
		Name: "表", Widths: []float64{grid.Width(4), 0, 12}, Heights: map[int]float64{1: 40},
		Cells: []grid.Cell{
			{Pos: at(1, 1), Value: grid.TextValue("标题"), Style: grid.Style{Role: grid.Title}},
			{Pos: at(1, 2), Value: grid.TextValue("911201110000000019"), Style: grid.Style{Role: grid.Code, Input: true}},
			{Pos: at(2, 2), Value: grid.NumberValue(exact), Style: grid.Style{Role: grid.Figure, Places: 3, Input: true}},
			{Pos: at(3, 2), Value: grid.FormulaValue("SUM(B2:B2)"), Style: grid.Style{Role: grid.Figure}},
			{Pos: at(3, 3), Style: grid.Style{Role: grid.Unused}},
		},
		Merges: []grid.Range{{From: at(1, 1), To: at(3, 1)}},
		Validations: []grid.Validation{
			{Range: grid.Range{From: at(2, 2), To: at(2, 9)}, Rule: grid.Rule{Kind: grid.Decimal, Places: 2, NonNegative: true},
				Title: strings.Repeat("标", 40), Prompt: strings.Repeat("示", 300), ErrorTitle: "输入有误", Error: "应填写数字"},
			{Range: grid.Range{From: at(1, 2), To: at(1, 9)}, Rule: grid.Rule{Kind: grid.Length, Length: 18}, Title: "代码", Prompt: "18 位"},
			{Range: grid.Range{From: at(3, 2), To: at(3, 9)}, Rule: grid.Rule{Kind: grid.Choice, Choices: long}, Title: "名称", Prompt: "请选择"},
		},
		Protect: &grid.Protection{Rows: true},
		Freeze:  &grid.Pos{Col: 2, Row: 2},
		Print:   &grid.Print{HeaderRows: 1, Landscape: true},
	}
	book := &grid.Book{Title: "测试", Sheets: []*grid.Sheet{sh}, Identity: &grid.Identity{Department: "czs", Period: "2021-03", Layout: "abc"}}
	var buf bytes.Buffer
	if err := workbook.WriteBook(&buf, book); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "表,"+workbook.ListsSheet+","+workbook.FingerprintSheet {
		t.Errorf("sheets %v", got)
	}
	for name, want := range map[string]bool{workbook.ListsSheet: false, workbook.FingerprintSheet: false} {
		if v, _ := f.GetSheetVisible(name); v != want {
			t.Errorf("%s visible=%v", name, v)
		}
	}
	get := func(ref string) string { v, _ := f.GetCellValue("表", ref); return v }
	if get("A2") != "911201110000000019" || get("B2") != exact.String() {
		t.Errorf("A2 %q, B2 %q: want the code as text and %s exactly", get("A2"), get("B2"), exact)
	}
	if typ, _ := f.GetCellType("表", "A2"); typ == excelize.CellTypeNumber {
		t.Error("the code is stored as a number")
	}
	if fm, _ := f.GetCellFormula("表", "C2"); fm != "SUM(B2:B2)" {
		t.Errorf("C2 formula %q", fm)
	}
	style := func(ref string) *excelize.Style {
		id, _ := f.GetCellStyle("表", ref)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	locked := func(st *excelize.Style) bool { return st.Protection == nil || st.Protection.Locked }
	if st := style("A2"); locked(st) || st.NumFmt != 49 {
		t.Errorf("code cell: locked=%v numFmt=%d, want unlocked text", locked(st), st.NumFmt)
	}
	if st := style("B2"); locked(st) || st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0.00" {
		t.Errorf("input figure: locked=%v format=%v, want unlocked #,##0.00", locked(st), st.CustomNumFmt)
	}
	if st := style("C2"); !locked(st) || st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0" {
		t.Errorf("computed whole figure: locked=%v format=%v, want locked #,##0", locked(st), st.CustomNumFmt)
	}
	if st := style("C3"); len(st.Fill.Color) == 0 {
		t.Error("an unused cell is not shaded")
	}
	if st := style("A1"); st.Font == nil || !st.Font.Bold {
		t.Error("the title is not bold")
	}
	if dim, _ := f.GetSheetDimension("表"); dim != "A1:C3" {
		t.Errorf("dimension %s", dim)
	}
	if w, _ := f.GetColWidth("表", "A"); w != grid.Width(4) {
		t.Errorf("column A width %v", w)
	}
	if h, _ := f.GetRowHeight("表", 1); h != 40 {
		t.Errorf("row 1 height %v", h)
	}
	if p, _ := f.GetPanes("表"); !p.Freeze || p.TopLeftCell != "B2" {
		t.Errorf("panes %+v", p)
	}
	if p, _ := f.GetSheetProtection("表"); !p.InsertRows || !p.DeleteRows || !p.SelectUnlockedCells {
		t.Errorf("protection %+v", p)
	}
	dvs, _ := f.GetDataValidations("表")
	if len(dvs) != 3 {
		t.Fatalf("%d validations", len(dvs))
	}
	byRange := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		byRange[dv.Sqref] = dv
	}
	dec := byRange["B2:B9"]
	if dec == nil || dec.Formula1 != "AND(ISNUMBER(B2),B2>=0,ROUND(B2,2)=B2)" {
		t.Fatalf("decimal rule %+v", dec)
	}
	if n := len(utf16.Encode([]rune(*dec.PromptTitle))); n != 32 {
		t.Errorf("prompt title of %d UTF-16 units, want clipped to 32", n)
	}
	if n := len(utf16.Encode([]rune(*dec.Prompt))); n != 255 {
		t.Errorf("prompt of %d UTF-16 units, want clipped to 255", n)
	}
	if dv := byRange["A2:A9"]; dv == nil || dv.Type != "textLength" || dv.Formula1 != "18" {
		t.Errorf("length rule %+v", dv)
	}
	if dv := byRange["C2:C9"]; dv == nil || dv.Formula1 != workbook.ListsSheet+"!$A$1:$A$60" {
		t.Errorf("choice rule %+v", dv)
	}
	if v, _ := f.GetCellValue(workbook.ListsSheet, "A60"); v != long[59] {
		t.Errorf("list sheet A60 %q", v)
	}
	props, _ := f.GetCustomProps()
	got := map[string]any{}
	for _, p := range props {
		got[p.Name] = p.Value
	}
	if got["tally.template"] != workbook.TemplateVersion || got["tally.department"] != "czs" || got["tally.period"] != "2021-03" || got["tally.layout"] != "abc" {
		t.Errorf("custom properties %v", got)
	}
	if v, _ := f.GetCellValue(workbook.FingerprintSheet, "B2"); v != "czs" {
		t.Errorf("fingerprint sheet B2 %q", v)
	}
	if dp, _ := f.GetDocProps(); dp.Title != "测试" || dp.Creator != "tally" {
		t.Errorf("document properties %+v", dp)
	}
}

// A List book draws the same roles in a compact face: 宋体 10-point.
func TestWriteBookList(t *testing.T) {
	sh := &grid.Sheet{Name: "清单", Cells: []grid.Cell{
		{Pos: grid.Pos{Col: 1, Row: 1}, Value: grid.TextValue("数值"), Style: grid.Style{Role: grid.Header}},
		{Pos: grid.Pos{Col: 1, Row: 2}, Value: grid.NumberValue(decimal.RequireFromString("0.10")), Style: grid.Style{Role: grid.Figure}},
	}}
	var buf bytes.Buffer
	if err := workbook.WriteBook(&buf, &grid.Book{Look: grid.List, Sheets: []*grid.Sheet{sh}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, ref := range []string{"A1", "A2"} {
		id, _ := f.GetCellStyle("清单", ref)
		st, _ := f.GetStyle(id)
		if st.Font == nil || st.Font.Family != "宋体" || st.Font.Size != 10 {
			t.Errorf("%s font %+v", ref, st.Font)
		}
	}
	if v, _ := f.GetCellValue("清单", "A2"); v != "0.1" {
		t.Errorf("A2 %q", v)
	}
	if i, _ := f.GetSheetIndex(workbook.FingerprintSheet); i != -1 {
		t.Error("a book without identity has a fingerprint sheet")
	}
	if err := workbook.WriteBook(&buf, &grid.Book{}); err == nil {
		t.Error("a book without sheets was written")
	}
}
