// Package templates says what a department's fill-in workbook looks like and
// writes it. The layout comes from the spec's tables, the same description
// the reader matches headers against, so writing and reading cannot drift
// apart. It imports reconcile for the spec and excelize to write.
package templates

import (
	"fmt"
	"strings"

	"github.com/jingwu/tally/internal/sheetfmt"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Row positions in a data sheet.
const (
	TitleRow  = 1
	InfoRow   = 2
	HeaderRow = 3
	FirstRow  = 4
)

// BlankRows is how many empty rows an entity table offers when nothing is
// prefilled.
const BlankRows = 30

// Value is what goes in one input cell.
type Value struct {
	Number decimal.Decimal
	Text   string // typed as text when set (as people sometimes do)
	Blank  bool
	// Carry, when set, makes a 本年累计 cell a formula: last month's
	// 本年累计 plus this month's 本月, so the department types only 本月.
	Carry *decimal.Decimal
}

// Options change how a workbook is built.
type Options struct {
	// Password protects the data sheets with a password (none by default:
	// protection guards against accidents, not people).
	Password string
}

// Row is one prefilled or filled row.
type Row struct {
	Name, Code, Note string
	Values           map[int]Value // by index into Table.Columns
}

// Table is the content of one table.
type Table struct {
	Rows []Row
	// Total, when set, is typed into the 合计 row instead of SUM formulas,
	// as a department's own file often has it.
	Total map[int]Value
}

// Fill holds the content of a workbook, by table ID. A nil Fill gives an
// empty template.
type Fill map[string]*Table

// Build returns the workbook of department d for period p: the 填报说明
// sheet, one protected and validated sheet per table, and the fingerprint.
func Build(s *reconcile.Spec, d *reconcile.Department, p reconcile.Period, fill Fill, opts ...Options) (*excelize.File, error) {
	f := excelize.NewFile()
	w := &writer{f: f, s: s, d: d, p: p, styles: map[string]int{}}
	if len(opts) > 0 {
		w.opt = opts[0]
	}
	tables := d.TablesFor(p)
	if len(tables) == 0 {
		return nil, fmt.Errorf("department %s has no table for %s", d.Code, p)
	}
	if err := f.SetSheetName("Sheet1", InstructionsSheet); err != nil {
		return nil, err
	}
	for _, t := range tables {
		if _, err := f.NewSheet(t.Sheet); err != nil {
			return nil, err
		}
		if err := w.table(t, fill[t.ID]); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", t.Sheet, err)
		}
	}
	if err := w.instructions(tables); err != nil {
		return nil, err
	}
	if err := w.fingerprint(); err != nil {
		return nil, err
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "tally", Title: fmt.Sprintf("%s %s %s", s.Town, d.Name, periodLabel(p)),
		Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z"}); err != nil {
		return nil, err
	}
	return f, nil
}

func periodLabel(p reconcile.Period) string {
	if p.IsMonth() {
		return fmt.Sprintf("%d年%d月", p.Year, p.Month)
	}
	return fmt.Sprintf("%d年", p.Year)
}

type writer struct {
	f      *excelize.File
	s      *reconcile.Spec
	d      *reconcile.Department
	p      reconcile.Period
	opt    Options
	styles map[string]int
	lists  int // rows used on the hidden list sheet
}

// style returns the id of a style, made once per workbook.
func (w *writer) style(name string, st *excelize.Style) int {
	if id, ok := w.styles[name]; ok {
		return id
	}
	id, err := w.f.NewStyle(st)
	if err != nil {
		panic(err) // styles are constants of this file; an error is a bug here
	}
	w.styles[name] = id
	return id
}

var unlocked = &excelize.Protection{Locked: false}

var thin = []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
	{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}

func (w *writer) table(t *reconcile.Table, content *Table) error {
	f, sh := w.f, t.Sheet
	last, _ := excelize.ColumnNumberToName(len(t.Columns))
	title := w.style("title", &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	header := w.style("header", &excelize.Style{Font: &excelize.Font{Bold: true}, Border: thin, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	text := w.style("input-text", &excelize.Style{Border: thin, Protection: unlocked})
	if err := f.MergeCell(sh, fmt.Sprintf("A%d", TitleRow), fmt.Sprintf("%s%d", last, TitleRow)); err != nil {
		return err
	}
	// In a fixed order: the shared strings, and so the file's bytes, follow it.
	for _, c := range [][2]string{
		{fmt.Sprintf("A%d", TitleRow), w.s.Town + t.Title},
		{fmt.Sprintf("A%d", InfoRow), fmt.Sprintf("填报单位：%s　　报告期：%s", w.d.Name, periodLabel(w.p))},
	} {
		if err := f.SetCellStr(sh, c[0], c[1]); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A1", "A1", title); err != nil {
		return err
	}
	headerLines := 1
	for i, c := range t.Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetCellStr(sh, fmt.Sprintf("%s%d", col, HeaderRow), c.Header); err != nil {
			return err
		}
		width := sheetfmt.Width(8)
		switch c.Role {
		case reconcile.RoleName:
			width = sheetfmt.Width(16)
		case reconcile.RoleCode:
			width = sheetfmt.Width(10)
		case reconcile.RoleUnit:
			width = sheetfmt.Width(4)
		case reconcile.RoleNote:
			width = sheetfmt.Width(12)
		}
		if err := f.SetColWidth(sh, col, col, width); err != nil {
			return err
		}
		headerLines = max(headerLines, sheetfmt.Lines(c.Header, width))
	}
	if err := f.SetCellStyle(sh, fmt.Sprintf("A%d", HeaderRow), fmt.Sprintf("%s%d", last, HeaderRow), header); err != nil {
		return err
	}
	// Tall enough for the longest header as it wraps (a program does not
	// grow a row when it opens a file): never clipped.
	if err := f.SetRowHeight(sh, HeaderRow, max(32, float64(headerLines)*sheetfmt.LineHeight+4)); err != nil {
		return err
	}
	rows := w.rows(t, content)
	row := FirstRow
	for _, r := range rows {
		if err := w.row(t, row, r, text); err != nil {
			return err
		}
		row++
	}
	lastRow := row - 1
	if err := w.validate(t, FirstRow, lastRow); err != nil {
		return err
	}
	if t.Rows != reconcile.Indicators {
		if err := w.total(t, row, content); err != nil {
			return err
		}
		lastRow = row
	}
	if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{
		Password: w.opt.Password, SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true, InsertRows: t.Rows != reconcile.Indicators, DeleteRows: t.Rows != reconcile.Indicators,
	}); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sh, fmt.Sprintf("A1:%s%d", last, lastRow)); err != nil {
		return err
	}
	if err := sheetfmt.Freeze(f, sh, 2, FirstRow); err != nil {
		return err
	}
	return sheetfmt.Print(f, sh, HeaderRow, len(t.Columns) > 6)
}

// rows returns the rows to write: the content's, or for an empty template
// the indicator lines or blank rows.
func (w *writer) rows(t *reconcile.Table, content *Table) []Row {
	if t.Rows == reconcile.Indicators {
		byName := map[string]Row{}
		if content != nil {
			for _, r := range content.Rows {
				byName[r.Name] = r
			}
		}
		out := make([]Row, len(t.Lines))
		for i, l := range t.Lines {
			out[i] = byName[l.Label]
			out[i].Name = l.Label
		}
		return out
	}
	if content != nil {
		return content.Rows
	}
	return make([]Row, BlankRows)
}

// numStyle is the style of an indicator's cells: its number format, and
// unlocked when it is an input.
func (w *writer) numStyle(ind string, input bool) int {
	def, ok := w.s.Indicator(ind)
	if !ok {
		// Not an input of this line (a flow-only line's 期末数): greyed, locked.
		return w.style("na", &excelize.Style{Border: thin, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}})
	}
	fmtCode := sheetfmt.NumFmt(def.Unit, def.Precision)
	st := &excelize.Style{Border: thin, CustomNumFmt: &fmtCode}
	name := "num:" + fmtCode
	if input {
		st.Protection, name = unlocked, name+":input"
	}
	return w.style(name, st)
}

func (w *writer) row(t *reconcile.Table, row int, r Row, text int) error {
	f, sh := w.f, t.Sheet
	var line *reconcile.Line
	if t.Rows == reconcile.Indicators {
		for i := range t.Lines {
			if t.Lines[i].Label == r.Name {
				line = &t.Lines[i]
			}
		}
		// An indicator table's labels and units are the form's, not inputs.
		text = w.style("label", &excelize.Style{Border: thin})
	}
	for i, c := range t.Columns {
		ref, _ := excelize.CoordinatesToCellName(i+1, row)
		var err error
		switch c.Role {
		case reconcile.RoleName:
			err = f.SetCellStr(sh, ref, r.Name)
		case reconcile.RoleCode:
			// Text format: a code of digits only would otherwise turn into a
			// number (9.1120111E+17) as it is typed, and lose its digits.
			err = f.SetCellStr(sh, ref, r.Code)
			if err == nil {
				err = f.SetCellStyle(sh, ref, ref, w.style("input-code", &excelize.Style{Border: thin, Protection: unlocked, NumFmt: 49}))
			}
			if err != nil {
				return err
			}
			continue
		case reconcile.RoleNote:
			err = f.SetCellStr(sh, ref, r.Note)
			if err == nil {
				err = f.SetCellStyle(sh, ref, ref, w.style("input-text", nil))
			}
			if err != nil {
				return err
			}
			continue
		case reconcile.RoleUnit:
			if line != nil {
				ind := line.Flow
				if ind == "" {
					ind = line.Stock
				}
				def, _ := w.s.Indicator(ind)
				err = f.SetCellStr(sh, ref, def.Unit.Name)
			}
		case reconcile.RoleValue:
			ind := t.IndicatorFor(c, line)
			if err = f.SetCellStyle(sh, ref, ref, w.numStyle(ind, ind != "")); err != nil {
				return err
			}
			if v, ok := r.Values[i]; ok {
				if err := w.setValue(t, sh, ref, row, c, v); err != nil {
					return err
				}
			}
			continue
		}
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, ref, ref, text); err != nil {
			return err
		}
	}
	return nil
}

// setValue writes a figure exactly: a number as its decimal text (never
// through a float), text as typed, or a carried 本年累计 as a formula.
func (w *writer) setValue(t *reconcile.Table, sh, ref string, row int, c reconcile.Column, v Value) error {
	f := w.f
	switch {
	case v.Blank:
		return nil
	case v.Text != "":
		return f.SetCellStr(sh, ref, v.Text)
	case v.Carry != nil:
		for i, mc := range t.Columns {
			if mc.Measure == reconcile.MonthValue && mc.Indicator == c.Indicator {
				col, _ := excelize.ColumnNumberToName(i + 1)
				return f.SetCellFormula(sh, ref, fmt.Sprintf("%s+%s%d", v.Carry.String(), col, row))
			}
		}
	}
	return f.SetCellDefault(sh, ref, v.Number.String())
}

// total writes the 合计 row, locked: typed figures when the content has
// them (as a department's own file may), SUM formulas otherwise.
func (w *writer) total(t *reconcile.Table, row int, content *Table) error {
	f, sh := w.f, t.Sheet
	bold := w.style("bold", &excelize.Style{Border: thin, Font: &excelize.Font{Bold: true}})
	text := w.style("label", &excelize.Style{Border: thin})
	for i, c := range t.Columns {
		ref, _ := excelize.CoordinatesToCellName(i+1, row)
		switch c.Role {
		case reconcile.RoleName:
			if err := f.SetCellStr(sh, ref, "合计"); err != nil {
				return err
			}
			if err := f.SetCellStyle(sh, ref, ref, bold); err != nil {
				return err
			}
		case reconcile.RoleValue:
			if err := f.SetCellStyle(sh, ref, ref, w.numStyle(c.Indicator, false)); err != nil {
				return err
			}
			if content != nil && content.Total != nil {
				if err := w.setValue(t, sh, ref, row, c, content.Total[i]); err != nil {
					return err
				}
				continue
			}
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := f.SetCellFormula(sh, ref, fmt.Sprintf("SUM(%s%d:%s%d)", col, FirstRow, col, row-1)); err != nil {
				return err
			}
		default:
			if err := f.SetCellStyle(sh, ref, ref, text); err != nil {
				return err
			}
		}
	}
	return nil
}

// fingerprint writes the very hidden sheet that tells tally which template,
// department, period and layout a returned file came from, and the same as
// custom document properties (some programs drop one carrier or the other).
func (w *writer) fingerprint() error {
	f := w.f
	if _, err := f.NewSheet(workbook.FingerprintSheet); err != nil {
		return err
	}
	kv := [][2]string{
		{"template", workbook.TemplateVersion},
		{"department", w.d.Code},
		{"period", w.p.String()},
		{"layout", reconcile.LayoutHash(w.d)},
	}
	for i, p := range kv {
		for j, v := range p {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr(workbook.FingerprintSheet, ref, v); err != nil {
				return err
			}
		}
		if err := f.SetCustomProps(excelize.CustomProperty{Name: "tally." + p[0], Value: p[1]}); err != nil {
			return err
		}
	}
	return f.SetSheetVisible(workbook.FingerprintSheet, false, true)
}

// FileName is the name a department's file has: <period>-<dept>.xlsx.
func FileName(d *reconcile.Department, p reconcile.Period) string {
	return strings.ToLower(fmt.Sprintf("%s-%s.xlsx", p, d.Code))
}
