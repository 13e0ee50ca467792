package workbook

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/jingwu/tally/grid"
	"github.com/xuri/excelize/v2"
)

// ListsSheet holds drop-down lists too long for Excel's 255-character
// inline limit. It is hidden.
const ListsSheet = "_lists"

// WriteBook writes b as an xlsx workbook: the one way tally turns a
// grid.Book (a template, the claims list) into a file.
func WriteBook(w io.Writer, b *grid.Book) error {
	f, err := BookFile(b)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Write(w)
}

// BookFile renders b as an excelize workbook, for tooling that edits a
// template afterwards to craft the files a reader must survive
// (internal/sample, tests). The command uses WriteBook.
func BookFile(b *grid.Book) (*excelize.File, error) {
	if len(b.Sheets) == 0 {
		return nil, fmt.Errorf("workbook %q has no sheet", b.Title)
	}
	f := excelize.NewFile()
	r := &renderer{f: f, look: b.Look, styles: map[grid.Style]int{}}
	for i, sh := range b.Sheets {
		var err error
		if i == 0 {
			err = f.SetSheetName("Sheet1", sh.Name)
		} else {
			_, err = f.NewSheet(sh.Name)
		}
		if err == nil {
			err = r.sheet(sh)
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("sheet %s: %w", sh.Name, err)
		}
	}
	err := r.identity(b.Identity)
	if err == nil {
		f.SetActiveSheet(0)
		// Fixed dates: the same book makes the same bytes.
		err = f.SetDocProps(&excelize.DocProperties{Creator: "tally", Title: b.Title,
			Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z"})
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// renderer draws one book.
type renderer struct {
	f      *excelize.File
	look   grid.Look
	styles map[grid.Style]int
	lists  int // rows used on the hidden list sheet
}

func (r *renderer) sheet(sh *grid.Sheet) error {
	f, name := r.f, sh.Name
	for _, m := range sh.Merges {
		if err := f.MergeCell(name, m.From.Name(), m.To.Name()); err != nil {
			return err
		}
	}
	var extent grid.Pos
	for _, c := range sh.Cells {
		if err := r.cell(name, c); err != nil {
			return err
		}
		extent = grid.Pos{Col: max(extent.Col, c.Col), Row: max(extent.Row, c.Row)}
	}
	for i, w := range sh.Widths {
		if w == 0 {
			continue
		}
		col := grid.ColumnName(i + 1)
		if err := f.SetColWidth(name, col, col, w); err != nil {
			return err
		}
	}
	for _, row := range slices.Sorted(maps.Keys(sh.Heights)) {
		if err := f.SetRowHeight(name, row, sh.Heights[row]); err != nil {
			return err
		}
	}
	for _, v := range sh.Validations {
		if err := r.validation(name, v); err != nil {
			return fmt.Errorf("validation of %s: %w", v.Range.Name(), err)
		}
	}
	if p := sh.Protect; p != nil {
		if err := f.ProtectSheet(name, &excelize.SheetProtectionOptions{
			Password: p.Password, SelectLockedCells: true, SelectUnlockedCells: true,
			FormatColumns: true, FormatRows: true, InsertRows: p.Rows, DeleteRows: p.Rows,
		}); err != nil {
			return err
		}
	}
	if extent.Row > 0 {
		if err := f.SetSheetDimension(name, grid.Range{From: grid.Pos{Col: 1, Row: 1}, To: extent}.Name()); err != nil {
			return err
		}
	}
	if sh.Filter != nil {
		if err := f.AutoFilter(name, sh.Filter.Name(), nil); err != nil {
			return err
		}
	}
	if p := sh.Freeze; p != nil {
		if err := freeze(f, name, p.Col, p.Row); err != nil {
			return err
		}
	}
	if p := sh.Print; p != nil {
		if err := printSetup(f, name, p.HeaderRows, p.Landscape); err != nil {
			return err
		}
	}
	return nil
}

// cell writes one cell's value and style. A number goes in as its decimal
// text, never through a float.
func (r *renderer) cell(sheet string, c grid.Cell) error {
	ref, f := c.Pos.Name(), r.f
	var err error
	switch c.Value.Kind {
	case grid.Text:
		err = f.SetCellStr(sheet, ref, c.Value.Text)
	case grid.Number:
		err = f.SetCellDefault(sheet, ref, c.Value.Number.String())
	case grid.Formula:
		err = f.SetCellFormula(sheet, ref, c.Value.Formula)
	}
	if err != nil || c.Style == (grid.Style{}) {
		return err
	}
	id, err := r.style(c.Style)
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheet, ref, ref, id)
}

// style returns the id of a style, made once per workbook.
func (r *renderer) style(s grid.Style) (int, error) {
	s.Places = min(max(s.Places, 0), 2) // only a figure's format shows them, at most two
	if s.Role != grid.Figure {
		s.Places = 0
	}
	if id, ok := r.styles[s]; ok {
		return id, nil
	}
	id, err := r.f.NewStyle(bookStyle(r.look, s))
	if err != nil {
		return 0, err
	}
	r.styles[s] = id
	return id, nil
}

// bookStyle is how a style looks in a look.
func bookStyle(look grid.Look, s grid.Style) *excelize.Style {
	edge := "999999"
	var font *excelize.Font
	if look == grid.List {
		edge, font = "BFBFBF", &excelize.Font{Family: "宋体", Size: 10}
	}
	border := []excelize.Border{{Type: "left", Color: edge, Style: 1}, {Type: "right", Color: edge, Style: 1},
		{Type: "top", Color: edge, Style: 1}, {Type: "bottom", Color: edge, Style: 1}}
	bold := func(size float64) *excelize.Font {
		b := &excelize.Font{Bold: true, Size: size}
		if font != nil {
			b.Family, b.Size = font.Family, max(size, font.Size)
		}
		return b
	}
	shade := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	var st *excelize.Style
	switch s.Role {
	case grid.Title:
		st = &excelize.Style{Font: bold(14), Alignment: &excelize.Alignment{Horizontal: "center"}}
	case grid.Heading:
		st = &excelize.Style{Font: bold(14)}
	case grid.Paragraph:
		st = &excelize.Style{Font: font, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}
	case grid.Header:
		st = &excelize.Style{Font: bold(0), Border: border, Fill: shade("DDEBF7"),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}
	case grid.Label:
		st = &excelize.Style{Font: font, Border: border}
		if look == grid.List {
			st.Alignment = &excelize.Alignment{Vertical: "top", WrapText: true}
		}
	case grid.Code:
		st = &excelize.Style{Font: font, Border: border, NumFmt: 49} // 49: text
	case grid.Figure:
		code := numFmt(s.Places)
		if look == grid.List {
			code = "General" // a list shows the figure as written
		}
		st = &excelize.Style{Font: font, Border: border, CustomNumFmt: &code}
		if look == grid.List {
			st.Alignment = &excelize.Alignment{Vertical: "top"}
		}
	case grid.Total:
		st = &excelize.Style{Font: bold(0), Border: border}
	case grid.Unused:
		st = &excelize.Style{Font: font, Border: border, Fill: shade("EDEDED")}
	default:
		st = &excelize.Style{Font: font}
	}
	if s.Input {
		st.Protection = &excelize.Protection{Locked: false}
	}
	return st
}

// validation adds one input rule, its prompt and its alert, within
// Excel's limits (32 characters of title, 255 of message).
func (r *renderer) validation(sheet string, v grid.Validation) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = v.Range.Name()
	switch rule := v.Rule; rule.Kind {
	case grid.Decimal:
		// A custom rule states all three at once; stored without the leading =.
		top, sign := v.Range.From.Name(), ""
		if rule.NonNegative {
			sign = fmt.Sprintf(",%s>=0", top)
		}
		dv.Type = "custom"
		dv.Formula1 = fmt.Sprintf("AND(ISNUMBER(%s)%s,ROUND(%s,%d)=%s)", top, sign, top, rule.Places, top)
	case grid.Length:
		if err := dv.SetRange(rule.Length, rule.Length, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorEqual); err != nil {
			return err
		}
	case grid.Choice:
		if err := r.list(dv, rule.Choices); err != nil {
			return err
		}
	default:
		return fmt.Errorf("unknown rule kind %d", rule.Kind)
	}
	dv.SetInput(clipUTF16(v.Title, 32), clipUTF16(v.Prompt, 255))
	dv.SetError(excelize.DataValidationErrorStyleStop, clipUTF16(v.ErrorTitle, 32), clipUTF16(v.Error, 255))
	return r.f.AddDataValidation(sheet, dv)
}

// clipUTF16 shortens s to n UTF-16 units, Excel's measure.
func clipUTF16(s string, n int) string {
	rs := []rune(s)
	for len(utf16.Encode(rs)) > n {
		rs = rs[:len(rs)-1]
	}
	return string(rs)
}

// list makes dv a drop-down of choices: inline when it fits Excel's 255
// characters, otherwise from a range on the hidden list sheet.
func (r *renderer) list(dv *excelize.DataValidation, choices []string) error {
	if len(utf16.Encode([]rune(strings.Join(choices, ",")))) <= 255 {
		return dv.SetDropList(choices)
	}
	f := r.f
	if r.lists == 0 {
		if _, err := f.NewSheet(ListsSheet); err != nil {
			return err
		}
		if err := f.SetSheetVisible(ListsSheet, false); err != nil {
			return err
		}
	}
	first := r.lists + 1
	for _, c := range choices {
		r.lists++
		if err := f.SetCellStr(ListsSheet, fmt.Sprintf("A%d", r.lists), c); err != nil {
			return err
		}
	}
	dv.SetSqrefDropList(fmt.Sprintf("%s!$A$%d:$A$%d", ListsSheet, first, r.lists))
	return nil
}

// identity writes a template's fingerprint: the very hidden sheet that
// tells the reader which template format, department, period and layout
// a returned file came from, and the same as custom document properties
// (some programs drop one carrier or the other).
func (r *renderer) identity(id *grid.Identity) error {
	if id == nil {
		return nil
	}
	f := r.f
	if _, err := f.NewSheet(FingerprintSheet); err != nil {
		return err
	}
	kv := [][2]string{
		{"template", TemplateVersion},
		{"department", id.Department},
		{"period", id.Period},
		{"layout", id.Layout},
	}
	for i, p := range kv {
		for j, v := range p {
			ref := grid.Pos{Col: j + 1, Row: i + 1}.Name()
			if err := f.SetCellStr(FingerprintSheet, ref, v); err != nil {
				return err
			}
		}
		if err := f.SetCustomProps(excelize.CustomProperty{Name: "tally." + p[0], Value: p[1]}); err != nil {
			return err
		}
	}
	// Each carried 本年累计 on a line of its own: carry, sheet, cell, the
	// row's name, the figure (as text: exactly the formula's), the row's
	// credit code when it has one (a reader before it reads columns A–E).
	for i, c := range id.Carries {
		for j, v := range [...]string{carryKey, c.Sheet, c.Cell, c.Name, c.Value, c.Code} {
			if v == "" && j == 5 {
				continue
			}
			ref := grid.Pos{Col: j + 1, Row: len(kv) + i + 1}.Name()
			if err := f.SetCellStr(FingerprintSheet, ref, v); err != nil {
				return err
			}
		}
	}
	return f.SetSheetVisible(FingerprintSheet, false, true)
}
