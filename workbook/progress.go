package workbook

import (
	"fmt"

	"github.com/jingwu/tally/reconcile"
	"github.com/xuri/excelize/v2"
)

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
		x.l("完成率", "Completion"), x.l("序时进度", "Time elapsed"), x.l("差距（百分点）", "Gap (points)"),
		x.l("滞后", "Lagging"), x.l("同比增长", "Year on year"),
	}
	title := x.l(fmt.Sprintf("目标完成情况（截至 %s）", x.r.AsOf), fmt.Sprintf("Targets (through %s)", x.r.AsOf))
	if err := x.row(sheet, top, []cell{c(title, "title")}, nil); err != nil {
		return 0, err
	}
	head := make([]cell, len(heads))
	for i, h := range heads {
		head[i] = c(h, "header")
	}
	if err := x.row(sheet, top+1, head, nil); err != nil {
		return 0, err
	}
	r := top + 2
	first := r
	for i := range x.r.Series {
		s := &x.r.Series[i]
		p := s.Progress
		if p == nil {
			continue
		}
		ns := numStyle(s.Indicator)
		lag, lagStyle := x.l("否", "no"), "good"
		if p.Lagging {
			lag, lagStyle = x.l("滞后", "lagging"), "bad"
		}
		yoy := c(nil, "pct")
		if p.HasYoY {
			yoy = c(p.YoY, "pct")
		}
		name := s.Indicator.Name + "（" + s.Indicator.Unit.Name + "）"
		if p.Band {
			name += x.l("，目标为上年值±"+x.r.Spec.Tolerance.Flat.Shift(2).String()+"%", ", target last year ±"+x.r.Spec.Tolerance.Flat.Shift(2).String()+"%")
		}
		row := []cell{c(name, "text"), c(p.YTD.Value, ns), c(p.TargetVal, ns),
			c(p.Completion, "pct"), c(p.Elapsed, "pct"), c(p.Gap, "number"), c(lag, lagStyle), yoy}
		if err := x.row(sheet, r, row, nil); err != nil {
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
			{Name: fmt.Sprintf("'%s'!$D$%d", sheet, top+1), Categories: ref("A"), Values: ref("D"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}}},
			{Name: fmt.Sprintf("'%s'!$E$%d", sheet, top+1), Categories: ref("A"), Values: ref("E"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"A5A5A5"}}},
		},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: x.l("完成率与序时进度（%）", "Completion against time elapsed (%)")}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 560, Height: uint(min(380, 100+45*(last-first+1)))},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:     excelize.ChartAxis{Font: axisFont},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
	}
	if err := x.f.AddChart(sheet, "D3", chart); err != nil {
		return 0, err
	}
	return r, nil
}

var axisFont = excelize.Font{Color: "000000", Size: 9}

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
