// Package sheetfmt holds the print and display conventions shared by the
// workbooks tally writes (templates and the consolidated workbook): A4,
// repeated header rows, fit to page width, frozen headers, number formats.
package sheetfmt

import (
	"fmt"
	"strings"

	"github.com/jingwu/tally/reconcile"
	"github.com/xuri/excelize/v2"
)

// A4 is excelize's paper size code for A4.
const A4 = 9

// Print sets a sheet up for printing: A4, fit to one page wide, header rows
// 1..headerRows repeated on every page, page numbers in the footer.
func Print(f *excelize.File, sheet string, headerRows int, landscape bool) error {
	size, orient, one, zero := A4, "portrait", 1, 0
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
	m := 0.5
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &m, Bottom: &m}); err != nil {
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

// Freeze keeps rows above row and columns left of col in view.
func Freeze(f *excelize.File, sheet string, col, row int) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: col - 1, YSplit: row - 1, TopLeftCell: cell, ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: cell, ActiveCell: cell, Pane: "bottomRight"}}})
}

// NumFmt is the display format of figures in unit u kept to precision
// decimals: thousands separators and at most two decimals shown for amounts;
// whole numbers for counts. It changes the display only, never the value.
func NumFmt(u reconcile.Unit, precision int32) string {
	shown := min(precision, 2)
	if shown <= 0 {
		return "#,##0"
	}
	return "#,##0." + strings.Repeat("0", int(shown))
}

// Width is a column width that fits text of n Chinese characters.
func Width(n int) float64 { return float64(n)*2.1 + 2 }

// LineHeight is the height in points of one line of 11-point text.
const LineHeight = 15

// Lines estimates how many lines text wraps to in a column of the given
// width: Chinese characters take two width units, others one.
func Lines(text string, width float64) int {
	n, units := 1, 0
	avail := int(width) - 1
	for _, r := range text {
		w := 1
		if r >= 0x2E80 {
			w = 2
		}
		if r == '\n' {
			n, units = n+1, 0
			continue
		}
		if units+w > avail && units > 0 {
			n, units = n+1, 0
		}
		units += w
	}
	return n
}
