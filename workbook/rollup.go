package workbook

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jingwu/tally/grid"
	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Show is a larger unit the 汇总 and by-node figures are also shown in,
// rounded to Places and balanced (舍位平衡).
type Show struct {
	Unit   reconcile.Unit
	Places int32
}

var nodeSheetNames = map[string][2]string{
	"bynode":      {"节点汇总", "By node"},
	"parts":       {"节点明细", "Node detail"},
	"shown":       {"汇总（%s）", "Consolidated (%s)"},
	"shownByNode": {"节点汇总（%s）", "By node (%s)"},
}

// rollupSteps are the sheets of a roll-up's workbook, or of a town's with
// a shown unit: a roll-up has no claims and no cell detail of its own; its
// node detail points into the nodes' workbooks.
func (x *out) rollupSteps(steps []func() error) []func() error {
	if x.meta.Rollup != nil {
		steps = []func() error{x.overview, x.figures, x.byNode, x.years, x.status, x.findings, x.nodeDetail, x.inputs}
		if x.meta.Detail != nil {
			return []func() error{func() error { return reconcile.Bugf("a roll-up's detail is its parts, written by Write") }}
		}
	}
	if x.meta.Show != nil {
		steps = append(steps, x.shownFigures)
		if x.meta.Rollup != nil {
			steps = append(steps, x.shownByNode)
		}
	}
	return steps
}

// byNode shows each indicator's figures per node and their sum: the parts
// a district's figure adds up.
func (x *out) byNode() error {
	year := x.r.AsOf.Year
	// The code column holds the longest code (domestic_investment).
	cols := []column{{x.l("指标代码", "Code"), 9}, {x.l("指标", "Indicator"), 9}, {x.l("单位", "Unit"), 2}, {x.l("节点", "Node"), 6}}
	for m := 1; m <= 12; m++ {
		cols = append(cols, column{x.l(fmt.Sprintf("%d月", m), fmt.Sprintf("%d-%02d", year, m)), 5})
	}
	cols = append(cols, column{x.l("本年累计", "Year to date"), 7})
	var rows [][]cell
	for i := range x.r.Series {
		s := &x.r.Series[i]
		ns := numStyle(s.Indicator)
		for _, n := range x.meta.Rollup.Nodes {
			if ser := nodeSeries(&n, s.Indicator.Code); ser != nil {
				rows = append(rows, seriesRow(ser, n.Name, ns))
			}
		}
		rows = append(rows, seriesRow(s, x.l("合计", "Total"), "good"))
	}
	title := x.l(fmt.Sprintf("%s %d 年各节点汇总（合计即“汇总”表）", x.r.Spec.Town, year), fmt.Sprintf("%s %d by node (the totals are the Consolidated sheet)", x.r.Spec.Town, year))
	if err := x.table2("bynode", title, cols, rows); err != nil {
		return err
	}
	// On paper like the town's 汇总: landscape sections of columns at a
	// legible scale, the naming columns and header repeated, the title
	// kept whole, and the 报表 header and footer block.
	name := label(x.lang, nodeSheetNames["bynode"])
	headerRow := 2
	if err := x.paper("bynode", name, cols, headerRow); err != nil {
		return err
	}
	widths := make([]float64, len(cols))
	for i, col := range cols {
		widths[i] = grid.Width(int(col.width))
	}
	if err := x.fitTitle(name, title, widths[:paperLayouts["bynode"].titleCols]); err != nil {
		return err
	}
	return x.headerFooter("bynode", name, title)
}

func nodeSeries(n *reconcile.NodeFigures, code string) *reconcile.Series {
	for i := range n.Series {
		if n.Series[i].Indicator.Code == code {
			return &n.Series[i]
		}
	}
	return nil
}

func seriesRow(s *reconcile.Series, node, style string) []cell {
	ns := numStyle(s.Indicator)
	if style == "good" {
		ns = style + ns // the 合计 row keeps the figures' number format
	}
	row := []cell{c(s.Indicator.Code, "plain"), c(s.Indicator.Name, "text"), c(s.Indicator.Unit.Name, "plain"), c(node, "plain")}
	for m := 1; m <= 12; m++ {
		row = append(row, figureCell(s.Months[m], ns))
	}
	return append(row, figureCell(s.YTD, ns))
}

// table2 is table for the roll-up's own sheets, named in nodeSheetNames.
func (x *out) table2(key, title string, cols []column, rows [][]cell) error {
	name := label(x.lang, nodeSheetNames[key])
	return x.namedTable(name, title, cols, rows)
}

func (x *out) namedTable(name, title string, cols []column, rows [][]cell) error {
	_, err := x.sheetTable(name, title, cols, rows, true)
	return err
}

// sheetTable writes sheet name: an optional title, a header row, then
// rows, with a filter, frozen header and widths (table and namedTable);
// it returns the header's row.
func (x *out) sheetTable(name, title string, cols []column, rows [][]cell, landscape bool) (int, error) {
	headerRow, err := x.head(name, title, cols)
	if err != nil {
		return 0, err
	}
	widths := make([]float64, len(cols))
	for i, col := range cols {
		widths[i] = grid.Width(int(col.width))
	}
	for ri, row := range rows {
		if err := x.row(name, headerRow+1+ri, row, widths); err != nil {
			return 0, err
		}
	}
	return headerRow, x.frame(name, len(cols), headerRow, len(rows), landscape)
}

// nodeDetail makes the node detail sheets of a roll-up: every part its
// figures add up — the town it comes from, that town's workbook and the
// 汇总 cell holding it, and the roll-ups it came through. Their rows are
// the Detail's (addParts), spliced in like a town's 明细 and sealed in
// blocks the same way.
func (x *out) nodeDetail() error {
	cols := []column{
		{x.l("来源节点", "Origin"), 6}, {x.l("节点工作簿", "Node workbook"), 12}, {x.l("工作表", "Sheet"), 4},
		{x.l("单元格", "Cell"), 3}, {x.l("报告期", "Period"), 4}, {x.l("指标", "Indicator"), 9},
		{x.l("指标代码", "Code"), 6}, {x.l("数值", "Value"), 7}, {x.l("经由", "Via"), 10}, {x.l("节点工作簿 SHA-256", "Node workbook SHA-256"), 30},
	}
	x.splice = map[string]segment{}
	for i, seg := range x.parts {
		name := x.nodeDetailName(i)
		headerRow, err := x.head(name, "", cols)
		if err != nil {
			return err
		}
		if err := x.frame(name, len(cols), headerRow, seg.rows, true); err != nil {
			return err
		}
		// Not printed unless asked, like the town's 明细 (an empty print
		// area), with the header block when it is.
		if err := x.headerFooter("parts", name, x.l("节点明细：每个区级数值及其来源节点", "Node detail: every figure and the node it comes from")); err != nil {
			return err
		}
		if err := x.noPrint(name, len(cols)); err != nil {
			return err
		}
		x.splice[name] = seg
	}
	return nil
}

func (x *out) nodeDetailName(i int) string {
	name := label(x.lang, nodeSheetNames["parts"])
	if i > 0 {
		name = fmt.Sprintf("%s (%d)", name, i+1)
	}
	return name
}

// addParts writes a roll-up's parts as the detail's rows, in the node
// detail's columns, and seals them as it goes.
func (d *Detail) addParts(parts []reconcile.Part) {
	var num [20]byte
	for i := range parts {
		p := &parts[i]
		if d.rows == maxSheetRows-1 {
			d.send(true)
			d.seal.end()
			d.counts = append(d.counts, d.rows)
			d.rows = 0
		}
		d.rows++
		d.n++
		rn := strconv.AppendInt(num[:0], int64(d.rows+1), 10)
		b := append(d.buf, `<row r="`...)
		b = append(b, rn...)
		b = append(b, `">`...)
		d.next, d.gapped = 0, false
		ind, ok := d.inds[p.Indicator]
		if !ok {
			ind = &detailIndicator{detailText{s: p.Indicator}, d.st["number"]}
		}
		for col, s := range []string{p.Origin, p.Workbook, p.Sheet, p.Cell, d.period(p.Period).s, ind.s, p.Indicator} {
			b = d.textS(b, col, rn, d.plain, s)
		}
		d.num = appendDecimal(d.num[:0], p.Value)
		b = d.value(b, 7, rn, ind.style, d.num, false)
		b = d.textS(b, 8, rn, d.plain, p.Via)
		b = d.textS(b, 9, rn, d.plain, p.SHA256)
		d.buf = append(b, `</row>`...)
		d.seal.add(len(d.counts), d.rows+1, reconcile.PartCells(p, ind.s)...)
		if len(d.buf) >= chunkBytes {
			d.send(false)
		}
	}
}

// shownStyles adds the styles of the shown sheets: figures at the shown
// places, and the same marked as adjusted by 舍位平衡.
func (x *out) shownStyles() error {
	if _, ok := x.st["shown"]; ok {
		return nil
	}
	border := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	format := "#,##0"
	if p := x.meta.Show.Places; p > 0 {
		format += "." + strings.Repeat("0", int(p))
	}
	shown, err := x.f.NewStyle(&excelize.Style{Border: border, CustomNumFmt: &format, Alignment: &excelize.Alignment{Vertical: "top"},
		Font: &excelize.Font{Family: x.fontFamily(), Size: fontSize}})
	if err != nil {
		return err
	}
	adjusted, err := x.f.NewStyle(&excelize.Style{Border: border, CustomNumFmt: &format, Alignment: &excelize.Alignment{Vertical: "top"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFEB9C"}}, Font: &excelize.Font{Italic: true, Color: "9C5700", Family: x.fontFamily(), Size: fontSize}})
	if err != nil {
		return err
	}
	x.st["shown"], x.st["adjusted"] = shown, adjusted
	return nil
}

// shownCell is one figure in the shown unit; exact is its exact value in
// the same unit, for the note of an adjusted cell.
type shownCell struct {
	ref      string
	exact    decimal.Decimal
	rounded  decimal.Decimal
	shown    decimal.Decimal
	adjusted bool
}

// convert expresses a series' figure in the shown unit, when the units
// measure the same thing.
func (x *out) convertible(def *reconcile.Indicator) bool {
	return def.Unit.Base == x.meta.Show.Unit.Base
}

// shownFigures is the 汇总 sheet in the shown unit: each row's months
// balanced to its year to date (a flow), or each month rounded (a stock,
// whose year to date is its last month). Indicators in other units are
// shown exact.
func (x *out) shownFigures() error {
	if err := x.shownStyles(); err != nil {
		return err
	}
	sh := x.meta.Show
	year := x.r.AsOf.Year
	// Months as narrow as 汇总's (a figure in 亿元 is short), so that the
	// sheet prints like it, at about the same scale.
	cols := []column{{x.l("指标代码", "Code"), x.codeWidth()}, {x.l("指标", "Indicator"), 9}, {x.l("单位", "Unit"), 2}}
	for m := 1; m <= 12; m++ {
		cols = append(cols, column{x.l(fmt.Sprintf("%d月", m), fmt.Sprintf("%d-%02d", year, m)), 4})
	}
	cols = append(cols, column{x.l("本年累计", "Year to date"), 6})
	var rows [][]cell
	var notes []shownCell
	for i := range x.r.Series {
		s := &x.r.Series[i]
		r := figuresFirstRow + i
		if !x.convertible(s.Indicator) {
			row := []cell{c(s.Indicator.Code, "plain"), c(s.Indicator.Name, "text"), c(s.Indicator.Unit.Name, "plain")}
			for m := 1; m <= 12; m++ {
				row = append(row, figureCell(s.Months[m], numStyle(s.Indicator)))
			}
			rows = append(rows, append(row, figureCell(s.YTD, numStyle(s.Indicator))))
			continue
		}
		cells := x.balanceRow(s, r)
		row := []cell{c(s.Indicator.Code, "plain"), c(s.Indicator.Name, "text"), c(sh.Unit.Name, "plain")}
		for m := 1; m <= 13; m++ {
			sc := cells[m]
			switch {
			case sc == nil:
				row = append(row, c(nil, "shown"))
			case sc.adjusted:
				row = append(row, c(sc.shown, "adjusted"))
				notes = append(notes, *sc)
			default:
				row = append(row, c(sc.shown, "shown"))
			}
		}
		rows = append(rows, row)
	}
	name := fmt.Sprintf(label(x.lang, nodeSheetNames["shown"]), sh.Unit.Name)
	title := x.l(fmt.Sprintf("%d 年汇总（%s，保留 %d 位小数，舍位平衡：各月之和等于本年累计；黄色为调整过的格，批注为精确数；精确数见“汇总”表同一单元格）", year, sh.Unit.Name, sh.Places),
		fmt.Sprintf("%d consolidated in %s, %d places, balanced so the months add up to the year to date; adjusted cells in yellow with the exact figure in a note; exact figures in the same cell of Consolidated", year, sh.Unit.Name, sh.Places))
	if err := x.namedTable(name, title, cols, rows); err != nil {
		return err
	}
	if err := x.notes(name, notes); err != nil {
		return err
	}
	return x.printLike(name, "shown", title, cols, 2)
}

// printLike puts a shown-unit sheet on paper like the sheet it shows: a
// whole row across an A3 page (汇总（亿元）, like 汇总) or sections of
// columns at a legible scale when its key has a layout (节点汇总（亿元）),
// the title kept whole within the columns that print with it, and the 报表
// header and footer block (表号, 单位负责人, 填表人…) on every page. The
// sheets printed with none of it, fitted to one A4 page's width at 64%.
func (x *out) printLike(name, key, title string, cols []column, headerRow int) error {
	if err := x.paper(key, name, cols, headerRow); err != nil {
		return err
	}
	widths := make([]float64, len(cols))
	for i, col := range cols {
		widths[i] = grid.Width(int(col.width))
	}
	if lay, ok := paperLayouts[key]; ok {
		widths = widths[:lay.titleCols]
	}
	if err := x.fitTitle(name, title, widths); err != nil {
		return err
	}
	return x.headerFooter(key, name, title)
}

// codeWidth is the 指标代码 column of the shown-unit sheets: as wide as
// the longest code (domestic_investment) on one line, from 4 to 14
// characters; a code is one word and never wraps, so a narrower column
// cut it at its edge.
func (x *out) codeWidth() float64 {
	w := 4
	for i := range x.r.Series {
		for w < 14 && grid.Lines(x.r.Series[i].Indicator.Code, grid.Width(w)) > 1 {
			w++
		}
	}
	return float64(w)
}

// balanceRow converts and balances one 汇总 row: cells 1–12 are the
// months, 13 the year to date; nil where there is no figure.
func (x *out) balanceRow(s *reconcile.Series, r int) [14]*shownCell {
	var out [14]*shownCell
	sh := x.meta.Show
	conv := func(v decimal.Decimal) decimal.Decimal {
		d, _ := reconcile.Convert(v, s.Indicator.Unit, sh.Unit)
		return d
	}
	ref := func(m int) string {
		col := figuresMonth1 + m - 1
		a, _ := excelize.CoordinatesToCellName(col, r)
		return a
	}
	if s.Indicator.Aggregation == reconcile.Latest {
		for m := 1; m <= 13; m++ {
			f := s.YTD
			if m <= 12 {
				f = s.Months[m]
			}
			if f.Has {
				v := conv(f.Value)
				out[m] = &shownCell{ref: ref(m), exact: v, rounded: v.Round(sh.Places), shown: v.Round(sh.Places)}
			}
		}
		return out
	}
	var parts []decimal.Decimal
	var ms []int
	for m := 1; m <= 12; m++ {
		if s.Months[m].Has {
			parts = append(parts, conv(s.Months[m].Value))
			ms = append(ms, m)
		}
	}
	b := reconcile.Balance(parts, sh.Places)
	for i, m := range ms {
		out[m] = &shownCell{ref: ref(m), exact: parts[i], rounded: parts[i].Round(sh.Places), shown: b.Parts[i], adjusted: b.Adjusted[i]}
	}
	if s.YTD.Has {
		v := conv(s.YTD.Value)
		out[13] = &shownCell{ref: ref(13), exact: v, rounded: b.Total, shown: b.Total}
	}
	return out
}

// shownByNode is the by-node sheet in the shown unit: each indicator's
// nodes balanced to the total, which is the shown 汇总's year to date.
// The exact figures are in a hidden column beside.
func (x *out) shownByNode() error {
	if err := x.shownStyles(); err != nil {
		return err
	}
	sh := x.meta.Show
	cols := []column{{x.l("指标代码", "Code"), x.codeWidth()}, {x.l("指标", "Indicator"), 9}, {x.l("单位", "Unit"), 2}, {x.l("节点", "Node"), 6},
		{x.l("本年累计", "Year to date"), 7}, {x.l("本年累计（精确，原单位）", "Year to date (exact, own unit)"), 9}, {x.l("原单位", "Own unit"), 3}}
	var rows [][]cell
	var notes []shownCell
	name := fmt.Sprintf(label(x.lang, nodeSheetNames["shownByNode"]), sh.Unit.Name)
	headerRow := 2
	for i := range x.r.Series {
		s := &x.r.Series[i]
		if !x.convertible(s.Indicator) {
			continue
		}
		var parts []decimal.Decimal
		var who []string
		var exact []decimal.Decimal
		for _, n := range x.meta.Rollup.Nodes {
			if ns := nodeSeries(&n, s.Indicator.Code); ns != nil && ns.YTD.Has {
				v, _ := reconcile.Convert(ns.YTD.Value, s.Indicator.Unit, sh.Unit)
				parts, who, exact = append(parts, v), append(who, n.Name), append(exact, ns.YTD.Value)
			}
		}
		b := reconcile.Balance(parts, sh.Places)
		for j := range parts {
			r := headerRow + 1 + len(rows)
			style := "shown"
			if b.Adjusted[j] {
				style = "adjusted"
				ref, _ := excelize.CoordinatesToCellName(5, r)
				notes = append(notes, shownCell{ref: ref, exact: parts[j], rounded: parts[j].Round(sh.Places), shown: b.Parts[j], adjusted: true})
			}
			rows = append(rows, []cell{c(s.Indicator.Code, "plain"), c(s.Indicator.Name, "text"), c(sh.Unit.Name, "plain"), c(who[j], "plain"),
				c(b.Parts[j], style), c(exact[j], numStyle(s.Indicator)), c(s.Indicator.Unit.Name, "plain")})
		}
		if len(parts) > 0 {
			rows = append(rows, []cell{c(s.Indicator.Code, "plain"), c(s.Indicator.Name, "text"), c(sh.Unit.Name, "plain"), c(x.l("合计", "Total"), "good"),
				c(b.Total, "shown"), c(s.YTD.Value, numStyle(s.Indicator)), c(s.Indicator.Unit.Name, "plain")})
		}
	}
	title := x.l(fmt.Sprintf("各节点本年累计（%s，保留 %d 位小数，舍位平衡：各节点之和等于合计；黄色为调整过的格，批注为精确数；F 列为精确数，已隐藏）", sh.Unit.Name, sh.Places),
		fmt.Sprintf("Year to date by node in %s, %d places, balanced so the nodes add up to the total; adjusted cells in yellow with the exact figure in a note; column F, hidden, holds the exact figures", sh.Unit.Name, sh.Places))
	if err := x.namedTable(name, title, cols, rows); err != nil {
		return err
	}
	if err := x.f.SetColVisible(name, "F:G", false); err != nil {
		return err
	}
	if err := x.notes(name, notes); err != nil {
		return err
	}
	// One landscape page wide at full size: the five columns that print
	// (F and G are hidden), the title wrapped within them.
	return x.printLike(name, "shownByNode", title, cols[:5], 2)
}

// notes marks each adjusted cell with a note: its exact figure, its own
// rounding and what it is shown as.
func (x *out) notes(sheet string, cells []shownCell) error {
	unit := x.meta.Show.Unit.Name
	for _, sc := range cells {
		text := x.l(fmt.Sprintf("舍位平衡调整：精确数 %s%s，四舍五入为 %s，为使各项之和等于合计，显示为 %s。", sc.exact, unit, sc.rounded.StringFixed(x.meta.Show.Places), sc.shown.StringFixed(x.meta.Show.Places)),
			fmt.Sprintf("Balanced (舍位平衡): exact %s %s, rounds to %s, shown as %s so the parts add up to the total.", sc.exact, unit, sc.rounded.StringFixed(x.meta.Show.Places), sc.shown.StringFixed(x.meta.Show.Places)))
		if err := x.f.AddComment(sheet, excelize.Comment{Cell: sc.ref, Author: "tally", Text: text}); err != nil {
			return err
		}
	}
	return nil
}

func init() { inputStatus[reconcile.Refused] = [2]string{"拒收", "refused"} }
