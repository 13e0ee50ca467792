package workbook

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jingwu/tally/grid"
	"github.com/jingwu/tally/reconcile"
	"github.com/xuri/excelize/v2"
)

// overviewWidths are the overview's columns, in characters of Chinese text:
// the items and their values, then the target table's target, 计算至, 完成率,
// 序时进度, gap, 滞后, 同比 and completeness. Narrow enough that the sheet
// prints on a landscape page's width at 80% or more, so at 8 points or more
// (the texts wrap; see overviewPaper); the chart fits beside the counts,
// from D. The values' column is wide enough for the built-in spec's name,
// （内置）jingwu-2020.yaml, on one line: the cell holds a spec's path as it
// is (no line break put in it, so it copies and searches as the path),
// and a longer path wraps where the program wraps it.
//
// All ten fit a landscape page at 80% (overviewFits; the table's 数据完整性
// column printed on a page of its own, and the chart beside the counts was
// cut at the page's edge, when they came to 85% of a page more than that):
// the item names wrap at 11, 完成率 holds 100.00% in 3, and 数据完整性 wraps
// its note in 6.
var overviewWidths = [10]float64{11, 11, 4, 3, 3, 4, 4, 3, 4, 6}

func (x *out) hasTargets() bool {
	for i := range x.r.Series {
		if x.r.Series[i].Progress != nil {
			return true
		}
	}
	return false
}

// progressBlock writes the targets table on the overview from row top, and a
// chart of 完成率 against 序时进度 at the top right of the sheet, beside the
// counts, where it prints on the first page; it returns the next free row.
func (x *out) progressBlock(sheet string, top int) (int, error) {
	if !x.hasTargets() {
		return top, nil
	}
	heads := []string{
		x.l("指标（单位）", "Indicator (unit)"), x.l("本年累计", "Year to date"), x.l("目标", "Target"),
		x.l("计算至", "Measured through"), x.l("完成率", "Done"), x.l("序时进度", "Time elapsed"),
		x.l("差距（百分点）", "Gap (points)"), x.l("滞后", "Lagging"), x.l("同比增长", "Year on year"),
		x.l("数据完整性", "Completeness"),
	}
	title := x.l(fmt.Sprintf("目标完成情况（截至 %s）", x.r.AsOf), fmt.Sprintf("Targets (through %s)", x.r.AsOf))
	if err := x.row(sheet, top, []cell{c(title, "title")}, nil); err != nil {
		return 0, err
	}
	head := make([]cell, len(heads))
	lines := 1
	for i, h := range heads {
		head[i] = c(h, "header")
		lines = max(lines, grid.Lines(h, grid.Width(int(overviewWidths[i]))))
	}
	if err := x.row(sheet, top+1, head, nil); err != nil {
		return 0, err
	}
	// The headers wrap in their narrow columns (计算至 and 差距（百分点） on
	// two lines, Measured through, Time elapsed, Year on year): the row is
	// as tall as the longest, or programs clip them to one line.
	if lines > 1 {
		if err := x.f.SetRowHeight(sheet, top+1, float64(lines)*grid.LineHeight); err != nil {
			return 0, err
		}
	}
	r := top + 2
	first := r
	top100 := decimal.NewFromInt(100) // the largest bar, in per cent: the axis's labels are spaced by it
	for i := range x.r.Series {
		s := &x.r.Series[i]
		p := s.Progress
		if p == nil {
			continue
		}
		if p.Judged() {
			top100 = decimal.Max(top100, p.Completion, p.Elapsed)
		}
		ns := numStyle(s.Indicator)
		name := s.Indicator.Name + "（" + s.Indicator.Unit.Name + "）"
		if p.Band {
			name += x.l("，目标为上年值±"+x.r.Spec.Tolerance.Flat.Shift(2).String()+"%", ", target last year ±"+x.r.Spec.Tolerance.Flat.Shift(2).String()+"%")
		}
		// The mark goes into the name too: the chart's categories are the
		// names, so the chart says which bars stand on incomplete months.
		through := c(nil, "plain")
		complete := c(x.l("完整", "complete"), "goodtext")
		switch {
		case p.Uncomputed:
			// A target relative to a year whose data are not here or not
			// whole: stated, not computed, and why.
			why := x.l("未计算目标和完成率：", "target and completion not computed: ") + x.text(p.Why())
			if len(p.Base.Incomplete) > 0 {
				why = x.l("不完整：", "incomplete: ") + x.text(p.Why()) + x.l("（", " (") + x.texts(p.Base.Incomplete) + x.l("），未计算目标和完成率", "): target and completion not computed")
			}
			if len(p.Missing) > 0 { // this year's months too
				why += x.l("；本年：", "; this year: ") + x.texts(p.Missing)
			}
			if len(p.Base.Incomplete)+len(p.Missing) > 0 {
				name += x.l("【数据不完整】", " [INCOMPLETE]")
			}
			complete = c(why, "warntext")
		case !p.Complete():
			name += x.l("【数据不完整】", " [INCOMPLETE]")
			complete = c(x.partial(s, p), "warntext")
		case p.Measured.ToVerify():
			// Whole, but a figure under 完成率 is in doubt (待核实).
			name += x.l("【待核实】", " [TO VERIFY]")
			complete = c(x.l("待核实：", "to verify: ")+x.texts(p.Measured.Doubtful), "doubttext")
		}
		// 本年累计 is what 完成率 is of: through the last whole month, the
		// same months as 计算至 says; a partial month is in 数据完整性.
		ytd := c(nil, ns)
		if p.Judged() {
			ytd = figureCell(p.Measured, ns)
		}
		target := c(p.TargetVal, ns)
		if p.Uncomputed {
			target = c(x.text(p.Stated()), "text")
			if len(p.Missing) == 0 {
				ytd = figureCell(p.YTD, ns)
			}
		}
		row := []cell{c(name, "text"), ytd, target}
		switch {
		case p.Uncomputed:
			row = append(row, c(x.l("未计算", "not computed"), "warn"), c(nil, "pct"), c(nil, "pct"), c(nil, "number"),
				c(x.l("未判断", "not judged"), "grey"), c(nil, "pct"))
		case !p.Judged():
			row = append(row, c(x.l("无完整月份", "no whole month"), "warn"), c(nil, "pct"), c(nil, "pct"), c(nil, "number"),
				c(x.l("未判断", "not judged"), "grey"), c(nil, "pct"))
		default:
			through = c(x.months(p.Through), "plain")
			lag, lagStyle := x.l("否", "no"), "good"
			if p.Lagging {
				lag, lagStyle = x.l("滞后", "lagging"), "bad"
			}
			yoy := c(nil, "pct")
			if p.HasYoY {
				yoy = c(frac(p.YoY), "pct")
			}
			row = append(row, through, c(frac(p.Completion), "pct"), c(frac(p.Elapsed), "pct"), c(p.Gap, "number"), c(lag, lagStyle), yoy)
		}
		row = append(row, complete)
		widths := make([]float64, len(overviewWidths))
		for i, w := range overviewWidths {
			widths[i] = grid.Width(int(w))
		}
		if err := x.row(sheet, r, row, widths); err != nil {
			return 0, err
		}
		r++
	}
	last := r - 1
	ref := func(col string) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, col, first, col, last)
	}
	chart := &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{
			{Name: fmt.Sprintf("'%s'!$E$%d", sheet, top+1), Categories: ref("A"), Values: ref("E"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
				DataLabel: excelize.ChartDataLabel{Font: chartFont}},
			{Name: fmt.Sprintf("'%s'!$F$%d", sheet, top+1), Categories: ref("A"), Values: ref("F"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"A5A5A5"}},
				DataLabel: excelize.ChartDataLabel{Font: chartFont}},
		},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: x.chartTitle(), Font: &excelize.Font{Bold: true, Size: 12, Color: "000000"}}}},
		Legend:    excelize.ChartLegend{Position: "bottom", Font: &chartFont},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: uint(min(400, 110+50*(last-first+1)))},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: chartFont},
		YAxis:     excelize.ChartAxis{Font: chartFont, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, MajorUnit: axisStep(top100)},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0%"}},
	}
	if err := x.f.AddChart(sheet, "D3", chart); err != nil { // chartColumn
		return 0, err
	}
	return r, nil
}

// axisStep is the spacing of the chart's percentage axis, as a fraction:
// 25% up to bars of 100%, and a step of the 1-2-5 series leaving at most
// five labels beyond that. The program's own spacing (10% on the
// overview's narrow chart) ran the labels into each other ("0% 10%20%30%…").
// It places labels, no figure: the bars and their values are the cells'.
func axisStep(maxPct decimal.Decimal) float64 {
	for _, step := range []int64{25, 50, 100, 200, 500, 1000, 2000, 5000} {
		if maxPct.LessThanOrEqual(decimal.NewFromInt(step * 4)) {
			return float64(step) / 100
		}
	}
	return 0 // the program's own
}

// The chart's place on the overview: from column D, this many pixels wide.
const (
	chartColumn = 4
	chartWidth  = 440
)

// chartFont is the chart's labels, legend and values: a point over the
// cells' size, as LibreOffice prints a chart's text a little smaller than
// asked (10 points came out at 9.75), so that they too print at 8 points or
// more at the overview's print scale.
var chartFont = excelize.Font{Color: "000000", Size: fontSize + 1}

// status writes 报送情况: department × month, who has submitted, who is
// missing, late or to be sent back.
func (x *out) status() error {
	cols := []column{{x.l("填报单位", "Department"), 6}}
	for m := 1; m <= x.r.AsOf.Month; m++ {
		cols = append(cols, column{x.l(fmt.Sprintf("%d月", m), fmt.Sprintf("%d-%02d", x.r.AsOf.Year, m)), 4})
	}
	var rows [][]cell
	byDept := map[string][]cell{}
	var order []string
	for _, st := range x.r.Status {
		if _, ok := byDept[st.Department]; !ok {
			name := st.Department
			if d, ok := x.r.Spec.Department(st.Department); ok {
				name = d.Name
			}
			byDept[st.Department] = []cell{c(name, "plain")}
			order = append(order, st.Department)
		}
		style := map[string]string{reconcile.Submitted: "good", reconcile.Missing: "bad", reconcile.Rejected: "bad", reconcile.Late: "warn"}[st.State]
		byDept[st.Department] = append(byDept[st.Department], c(label(x.lang, submissionLabel[st.State]), style))
	}
	for _, d := range order {
		rows = append(rows, byDept[d])
	}
	title := x.l(fmt.Sprintf("%d 年报送情况（截至 %s）", x.r.AsOf.Year, x.r.AsOf), fmt.Sprintf("Submissions in %d (through %s)", x.r.AsOf.Year, x.r.AsOf))
	return x.table("status", title, cols, rows, x.r.AsOf.Month > 8)
}

// chartTitle says what the 完成率 chart compares, and that some bars stand
// on fewer months than the as-of month when they do.
func (x *out) chartTitle() string {
	for i := range x.r.Series {
		if p := x.r.Series[i].Progress; p != nil && !p.Complete() && !p.Uncomputed {
			return x.l("完成率与序时进度（【数据不完整】的指标按已完整月份计算）", "Completion against time elapsed ([INCOMPLETE]: measured on the whole months)")
		}
	}
	return x.l("完成率与序时进度", "Completion against time elapsed")
}

// months names January to month m of the as-of year: 1–6月, Jan–Jun.
func (x *out) months(m int) string {
	en := []string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	if m == 1 {
		return x.l("1月", "Jan")
	}
	return x.l(fmt.Sprintf("1–%d月", m), "Jan–"+en[m])
}

// frac turns a percentage (49.88) into the fraction a % format shows
// (0.4988): exact, a shift of the decimal point.
func frac(pct decimal.Decimal) decimal.Decimal { return pct.Shift(-2) }

// partial says why a target line is not whole and, when the figures of the
// months after the last whole one are in the year to date, that total apart:
// labelled as what it is, not counted in 完成率.
func (x *out) partial(s *reconcile.Series, p *reconcile.Progress) string {
	text := x.l("不完整：", "incomplete: ") + x.texts(p.Missing)
	if !p.YTD.Has || (p.Judged() && p.YTD.Value.Equal(p.Measured.Value)) {
		return text
	}
	v := p.YTD.Value.String()
	if s.Indicator.Aggregation == reconcile.Latest {
		return text + x.l(fmt.Sprintf("。%d月末已报部分为 %s，不完整，未计入完成率", p.AsOf, v),
			fmt.Sprintf(". What is in for the end of %s: %s, incomplete, not in the completion", x.monthName(p.AsOf), v))
	}
	return text + x.l(fmt.Sprintf("。含已报部分的%s累计为 %s，不完整，未计入完成率", x.months(p.AsOf), v),
		fmt.Sprintf(". %s with what is in: %s, incomplete, not in the completion", x.months(p.AsOf), v))
}

// monthName is month m of the as-of year in English: Jul.
func (x *out) monthName(m int) string {
	return []string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}[m]
}
