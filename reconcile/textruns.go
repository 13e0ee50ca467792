package reconcile

import (
	"slices"
	"strconv"
	"strings"
)

// Figures typed as text come in runs: a system that exports every figure
// as text (or a column pasted from one) makes every cell of a column a
// number_as_text note. Said one per cell, 2,000 notes of one column fill
// the file's bound on findings (MaxFindingsPerFile) and hide the file's
// real problems behind too_many_findings; held one per cell, they cost
// memory in proportion to the file. So the reader gathers a file's notes
// as it reads them (TextRuns), per sheet and column: a run of MinRun or
// more vertically adjacent cells is one note for its range (Cells lists
// each cell, as GroupRuns' do), its text saying each cell was read as the
// number it shows — every figure's value and cell stay in 明细. Fewer are
// said one by one, each with its value. Memory is one open run per column.

// TextRuns gathers the number_as_text notes of a sheet as its rows are
// read, in row order. The zero value is ready to use.
type TextRuns struct {
	runs  map[textRunKey]*textRun
	begun int
}

// textRun is an open run of number_as_text notes down one column.
type textRun struct {
	col      string
	from, to int       // rows
	held     []Finding // the first MinRun-1 notes, said apart if the run stays short
	order    int       // runs are said in the order they began
}

// textRunKey is a run's sheet and column.
type textRunKey struct{ sheet, col string }

// Add gathers a number_as_text note into its column's run, passing to
// emit a run it ends (the note is not next to it); it reports false for a
// finding it does not gather (another rule, no plain cell, a merged one),
// which the caller keeps as it is.
func (g *TextRuns) Add(f Finding, emit func(Finding)) bool {
	if f.Rule != RuleTextNumber || f.Sheet == "" || len(f.Cells) > 0 {
		return false
	}
	col, row, ok := splitCell(f.Cell)
	if !ok {
		return false
	}
	k := textRunKey{f.Sheet, col}
	if r := g.runs[k]; r != nil {
		if row == r.to+1 {
			r.to = row
			if len(r.held) < MinRun-1 {
				r.held = append(r.held, f)
			}
			return true
		}
		delete(g.runs, k)
		r.say(emit)
	}
	if g.runs == nil {
		g.runs = map[textRunKey]*textRun{}
	}
	g.runs[k] = &textRun{col: col, from: row, to: row, held: []Finding{f}, order: g.begun}
	g.begun++
	return true
}

// End passes to emit every open run, in the order they began, and
// forgets them: at the end of a sheet, so that each run is whole.
func (g *TextRuns) End(emit func(Finding)) {
	if len(g.runs) == 0 {
		return
	}
	rs := make([]*textRun, 0, len(g.runs))
	for _, r := range g.runs {
		rs = append(rs, r)
	}
	slices.SortFunc(rs, func(x, y *textRun) int { return x.order - y.order })
	clear(g.runs)
	for _, r := range rs {
		r.say(emit)
	}
}

// say passes on a run: one note for its range when it is MinRun cells or
// more, else each note as it came.
func (r *textRun) say(emit func(Finding)) {
	if r.to-r.from+1 < MinRun {
		for _, f := range r.held {
			emit(f)
		}
		return
	}
	g := r.held[0]
	g.Cells = cellsDown(r.col, r.from, r.to)
	g.Cell = g.Cells[0] + ":" + g.Cells[len(g.Cells)-1]
	g.Raw = ""
	g.Fields = Fields{"value": Text{"各格所写的数", "the number each cell shows"}}
	emit(g)
}

// cellsDown lists the cells of column col from row from to row to.
func cellsDown(col string, from, to int) []string {
	out := make([]string, 0, to-from+1)
	for r := from; r <= to; r++ {
		out = append(out, col+strconv.Itoa(r))
	}
	return out
}

// hasTextRun reports whether a column of a sheet has a run of number_as_text
// notes said once (TextRuns).
func (b *findBuf) hasTextRun(sheet, col string) bool {
	for i := range b.list {
		if g := &b.list[i]; g.Rule == RuleTextNumber && len(g.Cells) > 0 && g.Sheet == sheet && inColumn(g, col) {
			return true
		}
	}
	return false
}

// takeTextNotes removes every number_as_text note of one column of a
// sheet, a run's or a cell's, and returns their cells in row order.
func (b *findBuf) takeTextNotes(sheet, col string) []string {
	var cells []string
	kept := b.list[:0]
	for _, g := range b.list {
		if g.Rule == RuleTextNumber && g.Sheet == sheet && inColumn(&g, col) {
			if len(g.Cells) > 0 {
				cells = append(cells, g.Cells...)
			} else {
				cells = append(cells, g.Cell)
			}
			continue
		}
		kept = append(kept, g)
	}
	clear(b.list[len(kept):])
	b.list = kept
	slices.SortFunc(cells, func(x, y string) int {
		_, rx, _ := splitCell(x)
		_, ry, _ := splitCell(y)
		return rx - ry
	})
	return slices.Compact(cells)
}

// inColumn reports whether a finding's cell (or its first cell) is in
// column col.
func inColumn(f *Finding, col string) bool {
	ref := f.Cell
	if len(f.Cells) > 0 {
		ref = f.Cells[0]
	}
	c, _, ok := splitCell(ref)
	return ok && c == col
}

// spanOf is the reference a list of cells of one column in row order is
// said at: their range when they are adjacent (C4:C63), else their runs
// as Excel writes a union (D4:D499,D501:D1203), the first three and "…"
// when there are more (Cells lists each).
func spanOf(cells []string) string {
	var spans []string
	for i := 0; i < len(cells); {
		_, from, _ := splitCell(cells[i])
		j := i
		for j+1 < len(cells) {
			if _, r, _ := splitCell(cells[j+1]); r != from+(j+1-i) {
				break
			}
			j++
		}
		if len(spans) == 3 {
			spans = append(spans, "…")
			break
		}
		if j == i {
			spans = append(spans, cells[i])
		} else {
			spans = append(spans, cells[i]+":"+cells[j])
		}
		i = j + 1
	}
	return strings.Join(spans, ",")
}
