package workbook

import (
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The print and display conventions every workbook tally writes shares
// (templates, the claims list, the consolidated workbook): A4, repeated
// header rows, fit to page width, frozen headers, number formats. Text
// measures (column widths, wrapped lines) are grid's, shared with the
// packages that describe a book.

// a4 is excelize's paper size code for A4.
const a4 = 9

// printSetup sets a sheet up for printing: A4, fit to one page wide, header
// rows 1..headerRows repeated on every page, page numbers in the footer.
func printSetup(f *excelize.File, sheet string, headerRows int, landscape bool) error {
	size, orient, one, zero := a4, "portrait", 1, 0
	if landscape {
		orient = "landscape"
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	// Half an inch at the sides; the header and footer 0.3 inch from the
	// paper's edge, the table 0.6 inch: left at 0 (excelize's default
	// when they are not given), LibreOffice printed the header block and
	// the footer's 单位负责人 line flush with the paper's edges, where a
	// printer's unprintable margin (about 4 mm) cuts them off.
	m, tb, hf := 0.5, 0.6, 0.3
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C&P / &N"}); err != nil {
		return err
	}
	if headerRows > 0 {
		return f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(sheet, "'", "''"), headerRows),
		})
	}
	return nil
}

// freeze keeps rows above row and columns left of col in view.
func freeze(f *excelize.File, sheet string, col, row int) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: col - 1, YSplit: row - 1, TopLeftCell: cell, ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: cell, ActiveCell: cell, Pane: "bottomRight"}}})
}

// numFmt is the display format of figures kept to places decimals:
// thousands separators and at most two decimals shown; whole numbers for
// counts. It changes the display only, never the value.
func numFmt(places int32) string {
	shown := min(places, 2)
	if shown <= 0 {
		return "#,##0"
	}
	return "#,##0." + strings.Repeat("0", int(shown))
}

// sortContentTypes puts the package's default content types in order of
// extension: excelize adds the image types a chart brings from a map, in
// a different order each run, and the same inputs must make the same bytes.
func sortContentTypes(f *excelize.File) {
	if f.ContentTypes == nil {
		return
	}
	d := f.ContentTypes.Defaults
	sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
}
