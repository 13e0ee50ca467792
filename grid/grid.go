// Package grid describes a workbook by what it shows: sheets, cells, and
// styles and input rules named by their meaning ("a column header", "a
// figure kept to two decimals that the department types"), not by how a
// file format stores them. The packages that decide what a workbook says —
// templates (the fill-in forms) and the command's claims list — build a
// Book; a renderer turns it into a file: workbook.WriteBook writes xlsx, and
// another format (ODS, HTML) would be one more renderer.
//
// It imports the standard library and decimal only: never excelize, nor
// workbook (TestGridIsPure).
package grid

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Book is one workbook.
type Book struct {
	Title string // the document's title, in its properties
	Look  Look
	// Sheets are in tab order; the first is the one shown on opening.
	Sheets []*Sheet
	// Identity, when set, makes the book one of tally's templates: the
	// renderer keeps it where the user does not see it, for the reader that
	// gets the file back.
	Identity *Identity
}

// Identity is what a template says about itself: whose, for which period,
// and the hash of the spec parts that shape its tables
// (reconcile.LayoutHash). The renderer adds the template format's version.
type Identity struct {
	Department, Period, Layout string
	// Carries are the 本年累计 cells written as last month's 本年累计 plus
	// this month's 本月 (=2372.67+C4): kept beside the formula, so a
	// figure typed over it can still be checked against the carried one.
	Carries []Carry
}

// Carry is one carried 本年累计: the sheet and cell of the formula, the
// row's name (the reader checks the row is still the same one), the
// carried figure, exactly as the formula has it, and the row's credit
// code as prefilled ("" for none): a code mistyped over it is said
// against it.
type Carry struct{ Sheet, Cell, Name, Value, Code string }

// Look is the family of styles a book is drawn in.
type Look int

const (
	// Form is a fill-in form: the program's default font, a grey grid.
	Form Look = iota
	// List is a compact list to read and filter: 宋体 10-point, a light grid.
	List
)

// Sheet is one worksheet.
type Sheet struct {
	Name string
	// Widths are the column widths from column A, in the width of one
	// digit (see Width); 0 leaves a column at the default.
	Widths []float64
	// Heights are row heights in points, by row number.
	Heights map[int]float64
	// Cells are written in this order (a renderer may key shared strings
	// and styles by first use, so the order makes its bytes).
	Cells       []Cell
	Merges      []Range
	Validations []Validation
	// Protect, when set, locks every cell whose style is not an Input.
	Protect *Protection
	// Freeze, when set, is the first cell that scrolls: rows above it and
	// columns left of it stay in view.
	Freeze *Pos
	// Print, when set, sets the sheet up for printing on A4.
	Print *Print
	// Filter, when set, puts filter buttons on the range's first row.
	Filter *Range
}

// Pos is a cell's position, 1-based: column 1 is A.
type Pos struct{ Col, Row int }

// Range is the cells from From to To, corners included.
type Range struct{ From, To Pos }

// Cell is one cell: where, what it holds, and what it is for.
type Cell struct {
	Pos
	Value Value
	Style Style
}

// Value is what a cell holds: nothing (a cell that only has a style), a
// text, a number, or a formula.
type Value struct {
	Kind   Kind
	Text   string          // Text
	Number decimal.Decimal // Number: written exactly, never through a float
	// Formula is in A1 notation without the leading "=", e.g.
	// "SUM(C4:C33)".
	Formula string
}

// Kind says which of a Value's fields holds it.
type Kind int

// The kinds of value.
const (
	Empty Kind = iota
	Text
	Number
	Formula
)

// TextValue is a cell holding text s, as typed (digits stay text).
func TextValue(s string) Value { return Value{Kind: Text, Text: s} }

// NumberValue is a cell holding the number d exactly.
func NumberValue(d decimal.Decimal) Value { return Value{Kind: Number, Number: d} }

// FormulaValue is a cell computing formula (A1 notation, no leading "=").
func FormulaValue(formula string) Value { return Value{Kind: Formula, Formula: formula} }

// Style is what a cell is for; the renderer decides, by the book's Look,
// how that looks.
type Style struct {
	Role Role
	// Places is a Figure's decimals as kept; at most two are shown, the
	// value itself is never rounded.
	Places int32
	// Input marks a cell the user types in: left unlocked on a protected
	// sheet.
	Input bool
}

// Role is the meaning of a cell's style.
type Role int

// The roles a cell can have.
const (
	Plain     Role = iota // no style of its own
	Title                 // a sheet's title: large, bold, centred
	Heading               // a page's heading: large, bold
	Paragraph             // running text: wrapped, top-aligned
	Header                // a column's header: bold on a shaded ground, centred, wrapped
	Label                 // a text in a table's grid (a name, a unit, a note)
	Code                  // a code kept as text, never turned into a number as typed
	Figure                // a figure in the grid: a Form shows separators and its places, a List the figure as written
	Total                 // a total row's label: bold
	Unused                // a cell of the grid with nothing to fill: shaded
)

// Validation restricts what can be typed into a range and says so: a
// prompt while the cell is selected, a stop alert on a wrong entry.
type Validation struct {
	Range             Range
	Rule              Rule
	Title, Prompt     string // the input message
	ErrorTitle, Error string // the alert
}

// Rule is what a validated cell accepts.
type Rule struct {
	Kind RuleKind
	// Places and NonNegative restrict a Decimal: at most Places decimals,
	// and not below 0 when NonNegative.
	Places      int32
	NonNegative bool
	// Length is a Length rule's exact number of characters.
	Length int
	// Choices are a Choice rule's entries, offered as a drop-down.
	Choices []string
}

// RuleKind says which of a Rule's fields holds it.
type RuleKind int

// The kinds of rule.
const (
	Decimal RuleKind = iota // a number
	Length                  // a text of an exact length
	Choice                  // one of a list
)

// Protection locks a sheet against accidents (not people): cells can be
// selected and columns and rows resized, but only Input cells changed.
type Protection struct {
	Password string // none by default
	// Rows lets the user insert and delete rows (a table of entities,
	// not a form's fixed lines).
	Rows bool
}

// Print sets a sheet up for printing: A4, fit to one page wide, page
// numbers in the footer.
type Print struct {
	// HeaderRows are repeated at the top of every page (0: none).
	HeaderRows int
	Landscape  bool
}

// ColumnName is a column's letters: 1 is A, 27 is AA.
func ColumnName(col int) string {
	var b []byte
	for ; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
}

// Name is a position in A1 notation.
func (p Pos) Name() string { return ColumnName(p.Col) + strconv.Itoa(p.Row) }

// Name is a range in A1 notation, "A1:C4" (just "A1" for one cell).
func (r Range) Name() string {
	if r.From == r.To {
		return r.From.Name()
	}
	return r.From.Name() + ":" + r.To.Name()
}
