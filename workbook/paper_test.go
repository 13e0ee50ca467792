package workbook

import (
	"slices"
	"testing"

	"github.com/jingwu/tally/grid"
)

// Sections of columns fit a landscape page: autoBreaks starts a new one
// before the column that would not fit; printScale is 100% when every
// section fits, less when the widest does not, and the 汇总 layout prints
// at 80% or more.
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
	figures := w(8, 9, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 4, 4, 4, 9)
	if s := printScale(figures, paperLayouts["figures"]); s < minPrintScale {
		t.Errorf("汇总 prints at %d%%", s)
	}
}
