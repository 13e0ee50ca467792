package workbook

import (
	"slices"
	"testing"

	"github.com/jingwu/tally/grid"
)

// Sections of columns fit a landscape page: autoBreaks starts a new one
// before the column that would not fit; printScale is 100% when every
// section fits, less when the widest does not, and a layout of months in
// sections (汇总's until it printed whole rows on A3) prints at 80% or more.
func TestPaperSections(t *testing.T) {
	w := func(ns ...int) []float64 {
		out := make([]float64, len(ns))
		for i, n := range ns {
			out[i] = grid.Width(n)
		}
		return out
	}
	// Titles of 8+9+2 characters, then eight columns of 6: four fit a page.
	widths := w(8, 9, 2, 6, 6, 6, 6, 6, 6, 6, 6)
	if got, want := autoBreaks(widths, 3), []int{8}; !slices.Equal(got, want) {
		t.Errorf("breaks %v, want %v", got, want)
	}
	if s := printScale(widths, paperLayout{titleCols: 3, breaks: autoBreaks(widths, 3)}); s != 100 {
		t.Errorf("scale %d, want 100", s)
	}
	if s := printScale(widths, paperLayout{titleCols: 3}); s >= 80 {
		t.Errorf("all on one page: scale %d, want under 80", s)
	}
	months := paperLayout{titleCols: 3, breaks: []int{10, 16}} // Jan–Jun | Jul–Dec | totals
	figures := w(8, 9, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 4, 4, 4, 9)
	if s := printScale(figures, months); s < minPrintScale {
		t.Errorf("汇总 prints at %d%%", s)
	}
	// 汇总's columns through 2021-06: 指标 as wide as 城乡居民医疗保险办理人数,
	// the target columns and 说明 at 16. The third section is too wide at
	// 80%: split before 说明, and every section then fits at the scale.
	wide := w(8, 12, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 4, 4, 4, 16)
	lay := months
	lay.breaks = splitWide(wide, lay)
	if want := []int{10, 16, 21}; !slices.Equal(lay.breaks, want) {
		t.Errorf("汇总's breaks %v, want %v", lay.breaks, want)
	}
	if s := printScale(wide, lay); s < minPrintScale {
		t.Errorf("汇总 split prints at %d%%, want %d or more", s, minPrintScale)
	}
	if got := splitWide(figures, months); !slices.Equal(got, []int{10, 16}) {
		t.Errorf("a layout that fits is split further: %v", got)
	}
	// 节点汇总: code, name, unit, node | Jan–Apr | May–Aug | Sep–Dec and
	// 本年累计, at 80% or more.
	bynode := w(9, 9, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6)
	if s := printScale(bynode, paperLayouts["bynode"]); s < minPrintScale {
		t.Errorf("节点汇总 prints at %d%%", s)
	}
	// 概览 with targets fits a landscape page at 80%, its chart too.
	ov := make([]float64, len(overviewWidths))
	for i, n := range overviewWidths {
		ov[i] = grid.Width(int(n))
	}
	if p := overviewPoints(ov, chartColumn, chartWidth) * minPrintScale / 100; p > landscapeWidth {
		t.Errorf("概览 prints %.0f points wide at %d%%, past the page's %.0f", p, minPrintScale, landscapeWidth)
	}
}
