package reconcile

import "strconv"

// Source is where a value came from: the input file as given, the sheet and
// the A1 cell.
type Source struct {
	File  string
	Sheet string
	Cell  string
}

func (s Source) String() string {
	switch {
	case s.Sheet == "":
		return s.File
	case s.Cell == "":
		return s.File + ": " + s.Sheet
	}
	return s.File + ": " + s.Sheet + "!" + s.Cell
}

// CellState says what reading a cell produced.
type CellState int

// Cell states. An empty cell and a zero are different things.
const (
	Blank   CellState = iota // nothing typed, or a dash meaning nothing
	Number                   // a figure, in the column's unit
	Invalid                  // unreadable; a finding says why
)

// Cell is one input cell as read, with its origin.
type Cell struct {
	Source
	Raw    string
	State  CellState
	Value  Num  // exact (num.go)
	AsText bool // the figure was typed as text
	// Formula is the cell's formula, when it has one (read through its
	// cached value).
	Formula string
}

// Row is one data or total row of a table.
type Row struct {
	Line  int    // the sheet row number
	Name  string // entity name, or the indicator line's label
	Code  string // 统一社会信用代码, when the table has one
	Note  string // 说明
	LineN int    // indicator tables: index into Table.Lines
	Cells []Cell // aligned with Table.Columns; non-value columns are zero
	// CodeSource locates the credit code cell for findings.
	CodeSource Source
	// Footer marks a line the reader took for text that is not data (填表人,
	// 联系电话) although a figure column holds a number: its cells are
	// Invalid, and a blank one is required of no one.
	Footer bool
	// Carried are the row's 本年累计 cells that the file's template wrote
	// as last month's figure plus this month's (=2372.67+C4), with the
	// figure it carried — from the formula, or from the fingerprint when a
	// figure was typed over it: the chain and the month's plausibility are
	// checked without last month's file (Ledger.compare, carryJumps).
	Carried []CarriedYTD
}

// CarriedYTD is last month's 本年累计 of a row's column Col, as the
// template the file was filled in carried it.
type CarriedYTD struct {
	Col   int
	Value Num
}

// Sheet is one table as read from a submission.
type Sheet struct {
	Table *Table
	Name  string
	Rows  []Row
	Total *Row // the typed 合计 row, nil if there is none
	// Subtotals are the rows the reader took for sub-totals (subtotal_row):
	// not data, not among Rows; each with the rows its formulas sum.
	Subtotals []Subtotal
	Cells     CellCount
	// Merges are the sheet's merged ranges that take in a value cell below
	// the header (the reader's; SheetRead.Merged): a blank cell one of
	// them covers is merged_blank, not required.
	Merges []MergedRange
}

// Subtotal is a row of a sheet that sums other rows of its table (a 小计
// row, or one whose figures are such formulas): Sums are the rows its
// formulas add, nil when it has none the reader could read. A 合计 whose
// SUM takes in the row takes in those rows (checkTotalRange).
type Subtotal struct {
	Line int
	Sums []RowSpan
}

// MergedRange is a rectangle of merged cells, 1-based and inclusive: the sheet
// shows its first (top-left) cell's content over all of it.
type MergedRange struct{ Col1, Row1, Col2, Row2 int }

// Ref is the range as a spreadsheet writes it (B5:B6).
func (m MergedRange) Ref() string { return cellName(m.Col1, m.Row1) + ":" + cellName(m.Col2, m.Row2) }

// Anchor is the merge's first cell, the one whose content it shows.
func (m MergedRange) Anchor() string { return cellName(m.Col1, m.Row1) }

// covers reports whether the cell lies in the merge and is not its first.
func (m MergedRange) covers(col, row int) bool {
	return row >= m.Row1 && row <= m.Row2 && col >= m.Col1 && col <= m.Col2 && (row != m.Row1 || col != m.Col1)
}

// CellCount accounts for every non-empty cell the reader scanned in a data
// sheet: Read == Template + Reported + Values. Values are the value cells
// of the data rows and the 合计, each in Rows or Total with its Raw text;
// the ledger says what became of each.
type CellCount struct {
	Read     int
	Template int // title and header rows, the unit column, the 合计 label; names, codes and 说明 of rows; blank text
	Reported int // read as no figure and reported: beside the table or above it, not an input, not data, an unknown line
	Values   int
}

// Submission is one input file as read.
type Submission struct {
	File       string
	SHA256     string
	Department string // "" when unknown
	Period     Period
	Template   string // the template version its fingerprint names, "" for none
	Sheets     []Sheet
	Findings   []Finding // from reading: unreadable file, cells, layout
	Unreadable bool      // nothing in it could be used
	// Saved is the date the file records as last saved (YYYY-MM-DD), from
	// its document properties; "" when it records none.
	Saved string
	// Modified is when the file records it was last saved, RFC 3339 in
	// UTC, to choose between two files for one department-month.
	Modified string
	// SavedLocal: the file records its save time without a time zone (the
	// saving computer's clock, as LibreOffice writes it); Modified reads it
	// as UTC and Saved is its date as written.
	SavedLocal bool
	// TemplateRows are, by sheet, the rows whose 本年累计 the file's
	// `template --from` template carried (its fingerprint), in sheet
	// order: without last month's file, a row gone from the return is
	// still said (Ledger.compare), and a credit code typed over the one
	// prefilled is said against it (Ledger.matchEntity).
	TemplateRows map[string][]TemplateRow
}

// TemplateRow is a row a template carried: its name and credit code as
// prefilled (Code "" for none, and in a template written before the
// fingerprint kept codes).
type TemplateRow struct{ Name, Code string }

// cellName writes a 1-based column and row as a reference (B5).
func cellName(col, row int) string {
	var b []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		b = append([]byte{byte('A' + (c-1)%26)}, b...)
	}
	return string(b) + strconv.Itoa(row)
}

// cellAt reads a plain reference (B5, $B$5) as a 1-based column and row.
func cellAt(ref string) (col, row int, ok bool) {
	letters, row, ok := splitCell(ref)
	if !ok {
		return 0, 0, false
	}
	for _, r := range letters {
		col = col*26 + int(r-'A'+1)
	}
	return col, row, true
}
