// Package templates says what a department's fill-in workbook looks like:
// the 填报说明 sheet, one protected and validated sheet per table, and the
// identity by which tally knows the returned file. The layout comes from
// the spec's tables, the same description the reader matches headers
// against, so writing and reading cannot drift apart.
//
// It describes the workbook as a grid.Book and writes no file: the
// adapter renders it (workbook.WriteBook). It imports reconcile, grid and
// decimal only — never excelize or workbook (TestGridIsPure).
package templates

import (
	"fmt"
	"strings"

	"github.com/jingwu/tally/grid"
	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
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
	// Prefilled, when the workbook is prefilled from an earlier return,
	// names that return (its file name); PrefillNotes say, in Chinese,
	// what the prefill could not take from it. Both go into the 填报说明,
	// so the department that fills the file reads them where it works, on
	// the desk as from the command line.
	Prefilled    string
	PrefillNotes []string
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

// Build describes the workbook of department d for period p: the 填报说明
// sheet, one protected and validated sheet per table, and its identity.
func Build(s *reconcile.Spec, d *reconcile.Department, p reconcile.Period, fill Fill, opts ...Options) (*grid.Book, error) {
	w := &writer{s: s, d: d, p: p}
	if len(opts) > 0 {
		w.opt = opts[0]
	}
	tables := d.TablesFor(p)
	if len(tables) == 0 {
		return nil, fmt.Errorf("department %s has no table for %s", d.Code, p)
	}
	b := &grid.Book{
		Title:    fmt.Sprintf("%s %s %s", s.Town, d.Name, periodLabel(p)),
		Look:     grid.Form,
		Sheets:   []*grid.Sheet{w.instructions(tables)},
		Identity: &grid.Identity{Department: d.Code, Period: p.String(), Layout: reconcile.LayoutHash(d)},
	}
	for _, t := range tables {
		b.Sheets = append(b.Sheets, w.table(t, fill[t.ID]))
	}
	b.Identity.Carries = w.carries
	return b, nil
}

func periodLabel(p reconcile.Period) string {
	if p.IsMonth() {
		return fmt.Sprintf("%d年%d月", p.Year, p.Month)
	}
	return fmt.Sprintf("%d年", p.Year)
}

type writer struct {
	s   *reconcile.Spec
	d   *reconcile.Department
	p   reconcile.Period
	opt Options
	// carries are the 本年累计 formulas written, for the fingerprint.
	carries []grid.Carry
}

// The styles of a data sheet.
var (
	titleStyle  = grid.Style{Role: grid.Title}
	headerStyle = grid.Style{Role: grid.Header}
	inputText   = grid.Style{Role: grid.Label, Input: true}
	inputCode   = grid.Style{Role: grid.Code, Input: true}
	label       = grid.Style{Role: grid.Label}
	totalStyle  = grid.Style{Role: grid.Total}
	unused      = grid.Style{Role: grid.Unused}
)

func put(sh *grid.Sheet, col, row int, v grid.Value, st grid.Style) {
	sh.Cells = append(sh.Cells, grid.Cell{Pos: grid.Pos{Col: col, Row: row}, Value: v, Style: st})
}

func (w *writer) table(t *reconcile.Table, content *Table) *grid.Sheet {
	ncols := len(t.Columns)
	sh := &grid.Sheet{Name: t.Sheet, Heights: map[int]float64{},
		Merges: []grid.Range{{From: grid.Pos{Col: 1, Row: TitleRow}, To: grid.Pos{Col: ncols, Row: TitleRow}}}}
	put(sh, 1, TitleRow, grid.TextValue(w.s.Town+t.Title), titleStyle)
	put(sh, 1, InfoRow, grid.TextValue(fmt.Sprintf("填报单位：%s　　报告期：%s", w.d.Name, periodLabel(w.p))), grid.Style{})
	headerLines := 1
	for i, c := range t.Columns {
		put(sh, i+1, HeaderRow, grid.TextValue(c.Header), headerStyle)
		width := grid.Width(8)
		switch c.Role {
		case reconcile.RoleName:
			width = grid.Width(16)
		case reconcile.RoleCode:
			width = grid.Width(10)
		case reconcile.RoleUnit:
			width = grid.Width(4)
		case reconcile.RoleNote:
			width = grid.Width(12)
		}
		sh.Widths = append(sh.Widths, width)
		headerLines = max(headerLines, grid.Lines(c.Header, width))
	}
	// Tall enough for the longest header as it wraps (a program does not
	// grow a row when it opens a file): never clipped.
	sh.Heights[HeaderRow] = max(32, float64(headerLines)*grid.LineHeight+4)
	row := FirstRow
	for _, r := range w.rows(t, content) {
		w.row(sh, t, row, r)
		row++
	}
	w.validate(sh, t, FirstRow, row-1)
	if t.Rows != reconcile.Indicators {
		w.total(sh, t, row, content)
	}
	sh.Protect = &grid.Protection{Password: w.opt.Password, Rows: t.Rows != reconcile.Indicators}
	sh.Freeze = &grid.Pos{Col: 2, Row: FirstRow}
	sh.Print = &grid.Print{HeaderRows: HeaderRow, Landscape: ncols > 6}
	return sh
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

// numStyle is the style of an indicator's cells: a figure kept to its
// precision, for input when it is one.
func (w *writer) numStyle(ind string, input bool) grid.Style {
	def, ok := w.s.Indicator(ind)
	if !ok {
		// Not an input of this line (a flow-only line's 期末数): greyed, locked.
		return unused
	}
	return grid.Style{Role: grid.Figure, Places: def.Precision, Input: input}
}

func (w *writer) row(sh *grid.Sheet, t *reconcile.Table, row int, r Row) {
	var line *reconcile.Line
	text := inputText
	if t.Rows == reconcile.Indicators {
		for i := range t.Lines {
			if t.Lines[i].Label == r.Name {
				line = &t.Lines[i]
			}
		}
		// An indicator table's labels and units are the form's, not inputs.
		text = label
	}
	for i, c := range t.Columns {
		col := i + 1
		switch c.Role {
		case reconcile.RoleName:
			put(sh, col, row, grid.TextValue(r.Name), text)
		case reconcile.RoleCode:
			// As text: a code of digits only would otherwise turn into a
			// number (9.1120111E+17) as it is typed, and lose its digits.
			put(sh, col, row, grid.TextValue(r.Code), inputCode)
		case reconcile.RoleNote:
			put(sh, col, row, grid.TextValue(r.Note), inputText)
		case reconcile.RoleUnit:
			v := grid.Value{}
			if line != nil {
				ind := line.Flow
				if ind == "" {
					ind = line.Stock
				}
				def, _ := w.s.Indicator(ind)
				v = grid.TextValue(def.Unit.Name)
			}
			put(sh, col, row, v, text)
		case reconcile.RoleValue:
			ind := t.IndicatorFor(c, line)
			v := grid.Value{}
			if fv, ok := r.Values[i]; ok {
				v = value(t, row, c, fv)
				if fv.Carry != nil && v.Kind == grid.Formula {
					w.carries = append(w.carries, grid.Carry{Sheet: t.Sheet, Cell: grid.Pos{Col: col, Row: row}.Name(), Name: r.Name, Value: fv.Carry.String(), Code: r.Code})
				}
			}
			put(sh, col, row, v, w.numStyle(ind, ind != ""))
		default:
			put(sh, col, row, grid.Value{}, text)
		}
	}
}

// value is a figure exactly: a number as its decimal (never through a
// float), text as typed, or a carried 本年累计 as a formula.
func value(t *reconcile.Table, row int, c reconcile.Column, v Value) grid.Value {
	switch {
	case v.Blank:
		return grid.Value{}
	case v.Text != "":
		return grid.TextValue(v.Text)
	case v.Carry != nil:
		for i, mc := range t.Columns {
			if mc.Measure == reconcile.MonthValue && mc.Indicator == c.Indicator {
				return grid.FormulaValue(fmt.Sprintf("%s+%s", v.Carry.String(), grid.Pos{Col: i + 1, Row: row}.Name()))
			}
		}
	}
	return grid.NumberValue(v.Number)
}

// total writes the 合计 row, locked: typed figures when the content has
// them (as a department's own file may), SUM formulas otherwise.
func (w *writer) total(sh *grid.Sheet, t *reconcile.Table, row int, content *Table) {
	for i, c := range t.Columns {
		col := i + 1
		switch c.Role {
		case reconcile.RoleName:
			put(sh, col, row, grid.TextValue("合计"), totalStyle)
		case reconcile.RoleValue:
			v := grid.FormulaValue(fmt.Sprintf("SUM(%s:%s)", grid.Pos{Col: col, Row: FirstRow}.Name(), grid.Pos{Col: col, Row: row - 1}.Name()))
			if content != nil && content.Total != nil {
				v = value(t, row, c, content.Total[i])
			}
			put(sh, col, row, v, w.numStyle(c.Indicator, false))
		default:
			put(sh, col, row, grid.Value{}, label)
		}
	}
}

// FileName is the name a department's file has: <period>-<dept>.xlsx.
func FileName(d *reconcile.Department, p reconcile.Period) string {
	return strings.ToLower(fmt.Sprintf("%s-%s.xlsx", p, d.Code))
}
