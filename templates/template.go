// Package templates says what a department's fill-in workbook looks like and
// writes it. The layout comes from the spec's tables, the same description
// the reader matches headers against, so writing and reading cannot drift
// apart. It imports reconcile for the spec and excelize to write.
package templates

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/jingwu/tally/internal/sheetfmt"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Version names this template format in the fingerprint.
const Version = "tally-template/1"

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

// LayoutHash identifies the parts of the spec that shape a department's
// layout: a file made from another hash has other columns.
func LayoutHash(d *reconcile.Department) string {
	h := sha256.New()
	for _, t := range d.Tables {
		fmt.Fprintf(h, "%s|%s|%s|%s\n", t.ID, t.Sheet, t.Frequency, t.Rows)
		for _, c := range t.Columns {
			fmt.Fprintf(h, "c|%s|%s|%s|%s\n", c.Role, c.Header, c.Indicator, c.Measure)
		}
		for _, l := range t.Lines {
			fmt.Fprintf(h, "l|%s|%s|%s\n", l.Label, l.Flow, l.Stock)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Build returns the workbook of department d for period p.
func Build(s *reconcile.Spec, d *reconcile.Department, p reconcile.Period, fill Fill) (*excelize.File, error) {
	f := excelize.NewFile()
	w := &writer{f: f, s: s, d: d, p: p}
	tables := d.TablesFor(p)
	if len(tables) == 0 {
		return nil, fmt.Errorf("department %s has no table for %s", d.Code, p)
	}
	for i, t := range tables {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.Sheet); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(t.Sheet); err != nil {
			return nil, err
		}
		if err := w.table(t, fill[t.ID]); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", t.Sheet, err)
		}
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
	f *excelize.File
	s *reconcile.Spec
	d *reconcile.Department
	p reconcile.Period
}

func (w *writer) style(st *excelize.Style) int {
	id, err := w.f.NewStyle(st)
	if err != nil {
		panic(err) // styles are constants of this file; an error is a bug here
	}
	return id
}

var thin = []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
	{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}

func (w *writer) table(t *reconcile.Table, content *Table) error {
	f, sh := w.f, t.Sheet
	last, _ := excelize.ColumnNumberToName(len(t.Columns))
	title := w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	header := w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: thin, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	text := w.style(&excelize.Style{Border: thin})
	if err := f.MergeCell(sh, fmt.Sprintf("A%d", TitleRow), fmt.Sprintf("%s%d", last, TitleRow)); err != nil {
		return err
	}
	cells := map[string]any{
		fmt.Sprintf("A%d", TitleRow): w.s.Town + t.Title,
		fmt.Sprintf("A%d", InfoRow):  fmt.Sprintf("填报单位：%s　　报告期：%s", w.d.Name, periodLabel(w.p)),
	}
	for ref, v := range cells {
		if err := f.SetCellValue(sh, ref, v); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A1", "A1", title); err != nil {
		return err
	}
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
	}
	if err := f.SetCellStyle(sh, fmt.Sprintf("A%d", HeaderRow), fmt.Sprintf("%s%d", last, HeaderRow), header); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, HeaderRow, 32); err != nil {
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
	if t.Rows != reconcile.Indicators {
		if err := w.total(t, row, content, text); err != nil {
			return err
		}
		lastRow = row
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

func (w *writer) numStyle(ind string) int {
	def, ok := w.s.Indicator(ind)
	if !ok {
		return w.style(&excelize.Style{Border: thin})
	}
	fmtCode := sheetfmt.NumFmt(def.Unit, def.Precision)
	return w.style(&excelize.Style{Border: thin, CustomNumFmt: &fmtCode})
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
	}
	for i, c := range t.Columns {
		ref, _ := excelize.CoordinatesToCellName(i+1, row)
		var err error
		switch c.Role {
		case reconcile.RoleName:
			err = f.SetCellStr(sh, ref, r.Name)
		case reconcile.RoleCode:
			err = f.SetCellStr(sh, ref, r.Code)
		case reconcile.RoleNote:
			err = f.SetCellStr(sh, ref, r.Note)
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
			if err = f.SetCellStyle(sh, ref, ref, w.numStyle(ind)); err != nil {
				return err
			}
			if v, ok := r.Values[i]; ok {
				err = setValue(f, sh, ref, v)
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
// through a float), or text as typed.
func setValue(f *excelize.File, sh, ref string, v Value) error {
	switch {
	case v.Blank:
		return nil
	case v.Text != "":
		return f.SetCellStr(sh, ref, v.Text)
	}
	return f.SetCellDefault(sh, ref, v.Number.String())
}

// total writes the 合计 row: typed figures when the content has them,
// SUM formulas otherwise.
func (w *writer) total(t *reconcile.Table, row int, content *Table, text int) error {
	f, sh := w.f, t.Sheet
	bold := w.style(&excelize.Style{Border: thin, Font: &excelize.Font{Bold: true}})
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
			if err := f.SetCellStyle(sh, ref, ref, w.numStyle(c.Indicator)); err != nil {
				return err
			}
			if content != nil && content.Total != nil {
				if err := setValue(f, sh, ref, content.Total[i]); err != nil {
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
		{"template", Version},
		{"department", w.d.Code},
		{"period", w.p.String()},
		{"layout", LayoutHash(w.d)},
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
