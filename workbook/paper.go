package workbook

import (
	"fmt"
	"math"
	"strings"

	"github.com/jingwu/tally/grid"
	"github.com/xuri/excelize/v2"
)

// The consolidated workbook on paper: A4, the usual 报表 header block on
// every page (表号, 制表单位, 计量单位 above; 单位负责人, 审核人, 填表人 and the
// date below). 汇总 prints each indicator's row whole across one page —
// its name, unit, the twelve months, 本年累计, target, progress, 状态 and
// 说明 — on landscape A3 when A4 would shrink it under 80% (it always
// does: 12 months and the rest come to about twice an A4 page), fitted
// to the width, the header rows repeated on every page (rowPaper). The
// other wide sheets — 报告核对, 历年, a roll-up's — are split into
// sections of columns that each print on a landscape A4 page at a scale
// that keeps the 10-point text at 8 points or more, the naming columns
// repeated on every section. 明细 is not printed unless asked (an empty
// print area; the overview says how to print it).

// fontSize is the size of the workbook's text, in points.
const fontSize = 10

// minPrintScale keeps printed text at 8 points or more.
const minPrintScale = 80

// landscapeWidth is the printable width of a landscape A4 page in points,
// within printSetup's half-inch margins.
var landscapeWidth = 297/25.4*72 - 2*0.5*72

// portraitWidth is the printable width of a portrait A4 page in points.
var portraitWidth = 210/25.4*72 - 2*0.5*72

// a3LandscapeWidth is the printable width of a landscape A3 page in
// points, within the same margins.
var a3LandscapeWidth = 420/25.4*72 - 2*0.5*72

// a3 is excelize's paper size code for A3.
const a3 = 8

// colPoints is the printed width in points of a column w characters wide,
// at its widest among the programs that print it: Excel with Calibri takes
// about 5.3 points a character, LibreOffice substituting DejaVu Sans about
// 7 (measured on its PDF).
func colPoints(w float64) float64 { return w*7 + 4 }

// paperLayout says how a wide sheet prints: the first titleCols columns
// repeat on every page; breaks are the columns (1-based) each new section
// of columns starts at.
type paperLayout struct {
	titleCols int
	breaks    []int
	auto      bool // breaks wherever the next column would not fit at 100%
}

var paperLayouts = map[string]paperLayout{
	// id, report text | where it is and what it claims | the interval and
	// what the data came to | the verdict and why.
	"claims": {titleCols: 2, breaks: []int{9, 14}},
	// code, name, unit | as many years as fit | … (the years vary with the spec).
	"years": {titleCols: 3, auto: true},
	// A roll-up's 节点汇总: code, name, unit, node | January–April |
	// May–August | September–December and the year to date (at about 80%).
	"bynode": {titleCols: 4, breaks: []int{9, 13}},
}

// printScale returns the largest scale, in percent and at most 100, at
// which every section of widths (in characters) fits a landscape page.
func printScale(widths []float64, lay paperLayout) uint {
	title := 0.0
	for _, w := range widths[:lay.titleCols] {
		title += colPoints(w)
	}
	starts := append([]int{lay.titleCols + 1}, lay.breaks...)
	widest := 0.0
	for i, from := range starts {
		to := len(widths)
		if i+1 < len(starts) {
			to = starts[i+1] - 1
		}
		sec := title
		for c := from; c <= to; c++ {
			sec += colPoints(widths[c-1])
		}
		widest = math.Max(widest, sec)
	}
	return uint(min(100, math.Floor(landscapeWidth/widest*100)))
}

// overviewPaper prints the overview at one fixed scale, the largest at
// which its columns and the chart beside the counts fit the page's width,
// and never under 80%: fitting it to the width would shrink the text, the
// chart's labels too, under 8 points. chartFrom is the column (1-based)
// the chart is anchored at, chartWidth its width in pixels; 0 for none.
// The print area is the sheet's columns, so nothing past them makes a
// page of its own; were they too wide for the page at 80% (a layout that
// overviewFits refuses in the tests), the sheet is fitted to the width
// instead: smaller text, but nothing cut at the page's edge.
//
// No rows repeat on its pages: its header row (项目, 数值) heads the counts
// only, and repeated above the 未确认的报告数字 and 目标完成情况 tables on a
// second page it headed tables it is not theirs (a newcomer's trial), the
// top edge of the chart beside it printing there as a stray line; the
// page header names the sheet on every page. Instead each table at starts
// begins a page when it would run past the foot of the one it starts on
// and fits a page of its own (keepTables), so none starts a page headless.
func (x *out) overviewPaper(name string, widths []float64, landscape bool, chartFrom int, chartWidth float64, lastRow int, starts []int) error {
	page := portraitWidth
	orient := "portrait"
	if landscape {
		page, orient = landscapeWidth, "landscape"
	}
	total := overviewPoints(widths, chartFrom, chartWidth)
	fit := total*minPrintScale/100 > page
	scale := max(uint(min(100, math.Floor(page/total*100))), minPrintScale)
	// A sheet a little too long for one page prints on one a little
	// smaller, never under 80%: the sample's 2020 overview, its counts and
	// the 未确认的报告数字 beneath them, comes to 98% of a portrait page.
	length := 842 - 2*0.6*72 // A4's length within printSetup's margins
	if landscape {
		length = 595 - 2*0.6*72
	}
	tall := 0.0
	for r := 1; r <= lastRow; r++ {
		tall += x.rowHeight(name, r)
	}
	if s := uint(math.Floor(length / tall * 100)); !fit && s < scale && s >= minPrintScale {
		scale = s
	}
	if err := x.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	one, zero := 1, 0
	if err := x.f.SetPageLayout(name, &excelize.PageLayoutOptions{AdjustTo: &scale, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := x.f.DeleteDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name}); err != nil {
		return err
	}
	if !fit {
		length = length * 100 / float64(scale)
	} else {
		length = length * 100 / minPrintScale
	}
	if err := x.keepTables(name, starts, lastRow, length); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(widths))
	q := "'" + strings.ReplaceAll(name, "'", "''") + "'"
	return x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: name,
		RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", q, last, lastRow)})
}

// rowHeight is row r's height as written, in points: grid.LineHeight a
// line, as LibreOffice prints a row of 10-point text.
func (x *out) rowHeight(name string, r int) float64 {
	h, _ := x.f.GetRowHeight(name, r)
	return max(h, grid.LineHeight)
}

// keepTables breaks the page before each table starting at a row of
// starts (ascending) that would run past the foot of the page it starts
// on, rows 1..lastRow laid on pages of height points (at 100%), when the
// table — up to the next one's start — fits a page of its own.
func (x *out) keepTables(name string, starts []int, lastRow int, height float64) error {
	rowHeight := func(r int) float64 { return x.rowHeight(name, r) }
	used := 0.0
	for r, next := 1, 0; r <= lastRow; r++ {
		if next < len(starts) && r == starts[next] {
			end := lastRow
			if next+1 < len(starts) {
				end = starts[next+1] - 1
			}
			table := 0.0
			for k := r; k <= end; k++ {
				table += rowHeight(k)
			}
			if used > 0 && used+table > height && table <= height {
				if err := x.f.InsertPageBreak(name, fmt.Sprintf("A%d", r)); err != nil {
					return err
				}
				used = 0
			}
			next++
		}
		h := rowHeight(r)
		if used+h > height {
			used = 0 // the program breaks the page here
		}
		used += h
	}
	return nil
}

// overviewPoints is how wide the overview prints at 100%, in points: its
// columns, or the chart anchored at column chartFrom if it reaches further.
func overviewPoints(widths []float64, chartFrom int, chartWidth float64) float64 {
	total, left := 0.0, 0.0
	for i, w := range widths {
		total += colPoints(w)
		if i+1 < chartFrom {
			left += colPoints(w)
		}
	}
	if chartFrom > 0 {
		// Pixels at 96 dpi are 0.75 points; LibreOffice draws the chart
		// about 1.4 times that wide (measured on its PDF).
		total = math.Max(total, left+chartWidth*0.75*1.4)
	}
	return total
}

// autoBreaks packs the columns after the title columns into sections that
// each fit a landscape page at 100% with the title columns repeated, and
// returns the column each section after the first starts at.
func autoBreaks(widths []float64, titleCols int) []int {
	title := 0.0
	for _, w := range widths[:titleCols] {
		title += colPoints(w)
	}
	var breaks []int
	sec := title
	for c := titleCols + 1; c <= len(widths); c++ {
		w := colPoints(widths[c-1])
		if sec+w > landscapeWidth && sec > title {
			breaks = append(breaks, c)
			sec = title
		}
		sec += w
	}
	return breaks
}

// splitWide returns lay's breaks with a section too wide for a landscape
// page at minPrintScale split where it would run past the page: left to
// the program, it broke the section at the page's edge, the last column
// (汇总's 说明, once it grew to 16 characters beside the target columns)
// on a page of its own at the scale of the others; split here, every
// section is a page and the scale is the largest they all fit at.
func splitWide(widths []float64, lay paperLayout) []int {
	title := 0.0
	for _, w := range widths[:lay.titleCols] {
		title += colPoints(w)
	}
	room := landscapeWidth * 100 / minPrintScale
	starts := append([]int{lay.titleCols + 1}, lay.breaks...)
	var out []int
	for i, from := range starts {
		if i > 0 {
			out = append(out, from)
		}
		to := len(widths)
		if i+1 < len(starts) {
			to = starts[i+1] - 1
		}
		sec := title
		for c := from; c <= to && c <= len(widths); c++ {
			w := colPoints(widths[c-1])
			if sec+w > room && sec > title {
				out = append(out, c)
				sec = title
			}
			sec += w
		}
	}
	return out
}

// sections returns where lay breaks columns of widths into pages and the
// scale they print at.
func sections(widths []float64, lay paperLayout) ([]int, uint) {
	if lay.auto {
		lay.breaks = autoBreaks(widths, lay.titleCols)
	}
	lay.breaks = splitWide(widths, lay)
	// Never under 80%: a section too wide for that (a column wider than a
	// page) is broken further by the program that prints it, still legible.
	return lay.breaks, max(printScale(widths, lay), minPrintScale)
}

// wholeRows are the sheets printed a whole row across one page (rowPaper):
// 汇总, whose reader follows an indicator from its name through the months
// to 本年累计 and 完成率 (the months 7–12 on a page of their own, as
// sections printed them, lost the row; a newcomer's trial), and 汇总 in a
// larger unit (--show-unit), the same rows in 亿元: on A3 at about 81%, it
// printed in two sections on A4 at 84%. A roll-up's 节点汇总, a row for
// each node under each indicator, still prints in sections.
var wholeRows = map[string]bool{"figures": true, "shown": true}

// rowPaper prints sheet name a whole row across one landscape page: fitted
// to the page's width and as many pages high as it takes, the header rows
// 1..headerRow repeated on every page (printSetup's print titles). The
// paper is A4 when the row fits it at 80% or more (text at 8 points),
// else A3: 汇总 needs about 1,750–2,000 points at 100%, 39–44% of an A4
// page (4 points, unreadable) and 56–64% of an A3 one (about 6 points
// as LibreOffice prints it, small but legible); a printer without A3 still
// prints it one page wide when A4 is chosen in its dialog, the fit being
// to the width of whatever paper.
func (x *out) rowPaper(name string, widths []float64) error {
	total := 0.0
	for _, w := range widths {
		total += colPoints(w)
	}
	size := a4
	if total*minPrintScale/100 > landscapeWidth {
		size = a3
	}
	fit, orient, one, zero := true, "landscape", 1, 0
	if err := x.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return x.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero})
}

// paper sets up sheet name's printing when its key has a layout: sections
// of columns at a fixed scale instead of fitting the whole width on a page;
// a sheet of wholeRows a whole row across the page.
func (x *out) paper(key, name string, cols []column, headerRow int) error {
	if wholeRows[key] {
		widths := make([]float64, len(cols))
		for i, c := range cols {
			widths[i] = grid.Width(int(c.width))
		}
		return x.rowPaper(name, widths)
	}
	lay, ok := paperLayouts[key]
	if !ok {
		return nil
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = grid.Width(int(c.width))
	}
	breaks, scale := sections(widths, lay)
	lay.breaks = breaks
	fit := false
	orient := "landscape"
	if err := x.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := x.f.SetPageLayout(name, &excelize.PageLayoutOptions{AdjustTo: &scale, Orientation: &orient}); err != nil {
		return err
	}
	for _, b := range lay.breaks {
		if b > len(cols) {
			continue
		}
		ref, _ := excelize.CoordinatesToCellName(b, 1)
		if err := x.f.InsertPageBreak(name, ref); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(lay.titleCols)
	q := "'" + strings.ReplaceAll(name, "'", "''") + "'"
	// The naming columns repeat too, replacing the header rows alone.
	if err := x.f.DeleteDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name}); err != nil {
		return err
	}
	return x.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: name,
		RefersTo: fmt.Sprintf("%s!$A:$%s,%s!$1:$%d", q, last, q, headerRow),
	})
}

// titleSize is the size of a sheet's title (the "title" style), in points.
const titleSize = 14

// Widths of Latin text, in ems: measured on LibreOffice's PDF (DejaVu
// Sans), the widest of the fonts that print the workbook.
const (
	latinRegular = 0.57
	latinBold    = 0.67
)

// textPoints estimates how wide text prints at size points: a Chinese
// character or full-width mark (and the curly quotes, full-width in a
// Chinese font) as wide as the font is large, anything else latin ems.
func textPoints(s string, size, latin float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r >= 0x2E80, r == '“', r == '”', r == '‘', r == '’', r == '…':
			w += size
		default:
			w += size * latin
		}
	}
	return w
}

// titleLines says how many lines text needs at the title's size to print
// within columns of the given widths (in characters); 1 when it fits.
func titleLines(text string, widths []float64) int {
	room := -4.0 // the cell's padding
	for _, w := range widths {
		room += colPoints(w)
	}
	lines, line := 1, 0.0
	for _, r := range text {
		w := textPoints(string(r), titleSize, latinBold)
		if line+w > room && line > 0 {
			lines, line = lines+1, 0
		}
		line += w
	}
	return lines
}

// fitTitle keeps a sectioned sheet's title (A1) whole on every printed
// section: each repeats only the title columns, and a title running past
// them was cut at their edge (报告核对's, on pages 2 and 3 of each row of
// pages). A title too long for them is merged across them and wraps, its
// row as high as its lines.
func (x *out) fitTitle(name, title string, widths []float64) error {
	lines := titleLines(title, widths)
	if lines == 1 {
		return nil
	}
	last, _ := excelize.ColumnNumberToName(len(widths))
	if len(widths) > 1 {
		if err := x.f.MergeCell(name, "A1", last+"1"); err != nil {
			return err
		}
	}
	if err := x.f.SetCellStyle(name, "A1", last+"1", x.st["titlewrap"]); err != nil {
		return err
	}
	return x.f.SetRowHeight(name, 1, float64(lines)*titleSize*1.4)
}

// headerFits reports whether a page header's three parts print side by
// side on sheet name's pages without running into each other: the title
// (12 points, bold) is centred, 表号 and 计量单位 (10 points) on the left,
// 制表单位 on the right, all at the sheet's print scale. The English
// titles are too long for it on a landscape page.
func headerFits(f *excelize.File, name, left, center, right string) bool {
	page, scale := portraitWidth, 1.0
	if lay, err := f.GetPageLayout(name); err == nil {
		if lay.Orientation != nil && *lay.Orientation == "landscape" {
			page = landscapeWidth
			if lay.Size != nil && *lay.Size == a3 {
				page = a3LandscapeWidth
			}
		}
		if lay.AdjustTo != nil && *lay.AdjustTo >= 10 && *lay.AdjustTo <= 400 {
			scale = float64(*lay.AdjustTo) / 100
		}
	}
	const gap = 4 // points between two parts
	side := max(textPoints(left, fontSize, latinRegular), textPoints(right, fontSize, latinRegular))
	return (side+textPoints(center, 12, latinBold)/2)*scale+gap <= page/2
}

// tableNumbers are the 表号 of the workbook's sheets.
var tableNumbers = map[string]int{"overview": 1, "figures": 2, "years": 3, "status": 4, "claims": 5, "findings": 6, "detail": 7, "inputs": 8,
	"bynode": 9, "parts": 10, "shown": 11, "shownByNode": 12}

// units says each sheet's 计量单位.
var units = map[string][2]string{
	"figures":     {"见“单位”列", "see the Unit column"},
	"years":       {"见“单位”列", "see the Unit column"},
	"bynode":      {"见“单位”列", "see the Unit column"},
	"shown":       {"见“单位”列", "see the Unit column"},
	"shownByNode": {"见“单位”列", "see the Unit column"},
	"claims":      {"见“单位”列（增长为 %）", "see the Unit column (growth in %)"},
}

// headerFooter puts the 报表 header block on every printed page of a sheet.
func (x *out) headerFooter(key, name, title string) error {
	esc := func(s string) string { return strings.ReplaceAll(s, "&", "&&") }
	const font = "&10 " // sizes only: a header is limited to 255 characters
	unit := "—"
	if u, ok := units[key]; ok {
		unit = label(x.lang, u)
	}
	left := esc(x.l(fmt.Sprintf("表号：tally-%02d　计量单位：%s", tableNumbers[key], unit), fmt.Sprintf("Table tally-%02d   Unit: %s", tableNumbers[key], unit)))
	right := esc(x.l("制表单位："+x.r.Spec.Town, "Prepared by: "+x.r.Spec.Town))
	if !headerFits(x.f, name, x.l(fmt.Sprintf("表号：tally-%02d　计量单位：%s", tableNumbers[key], unit), fmt.Sprintf("Table tally-%02d   Unit: %s", tableNumbers[key], unit)),
		title, x.l("制表单位："+x.r.Spec.Town, "Prepared by: "+x.r.Spec.Town)) {
		// The title is in the sheet's first row, on every page; the
		// header names the sheet rather than run into 表号 and 计量单位.
		title = name
	}
	center := []rune(esc(title))
	for len("&L"+font+left+"&C&B&12 "+string(center)+"&R"+font+right) > 255 {
		center = center[:len(center)-1]
	}
	head := "&L" + font + left + "&C&B&12 " + string(center) + "&R" + font + right
	// On a portrait page the three footer sections at 10 points run into
	// each other (the page number over 填表人's blank): 9 points there, still
	// over 8 at the scales a portrait sheet prints at.
	footFont := font
	if lay, err := x.f.GetPageLayout(name); err == nil && lay.Orientation != nil && *lay.Orientation == "portrait" {
		footFont = "&9 "
	}
	foot := fmt.Sprintf("&L%s%s&C%s%s&R%s%s",
		footFont, x.l("单位负责人：　　　　审核人：　　　　填表人：", "Head:            Checked by:            Prepared by:"),
		footFont, x.l("第 &P 页，共 &N 页", "page &P of &N"),
		footFont, x.l("填报日期：　　　年　　月　　日", "Date:"))
	return x.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddHeader: head, OddFooter: foot})
}

// fontFamily is the workbook's font: 宋体 for Chinese, Calibri for English.
func (x *out) fontFamily() string { return fontFamily(x.lang) }

// noPrint leaves a sheet out of printing: an empty print area past its
// columns (Excel prints nothing of it, LibreOffice no page). The overview
// says how to print it when wanted.
func (x *out) noPrint(name string, ncols int) error {
	col, _ := excelize.ColumnNumberToName(ncols + 2)
	q := "'" + strings.ReplaceAll(name, "'", "''") + "'"
	return x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: name, RefersTo: fmt.Sprintf("%s!$%s$1", q, col)})
}
