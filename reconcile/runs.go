package reconcile

import (
	"fmt"
	"strconv"
	"strings"
)

// MinRun is the fewest adjacent cells of one column whose identical
// findings are said once, for their range: 60 empty cells of one 本月
// column are one finding (规模工业!C4:C63 必填项为空（60 格）), not 60
// lines that bury the one real problem. Two are still said apart.
const MinRun = 3

// GroupRuns merges the identical findings (same file, sheet, rule,
// severity, message in both languages, raw text and explanation) of a run
// of at least MinRun vertically adjacent cells of one column into one
// finding whose Cell is the range (C4:C63) and whose Cells lists each cell.
// The merged finding stands where the run's first cell stood; every other
// finding keeps its place. fs is not modified.
func GroupRuns(fs []Finding) []Finding {
	type key struct {
		file, sheet, dept, period, col, raw, expl, zh, en string
		rule                                              Rule
		sev                                               Severity
	}
	keyOf := func(f *Finding) (key, int, bool) {
		if f.Sheet == "" || f.Cell == "" || len(f.Cells) > 0 {
			return key{}, 0, false
		}
		col, row, ok := splitCell(f.Cell)
		if !ok {
			return key{}, 0, false
		}
		return key{f.File, f.Sheet, f.Department, f.Period, col, f.Raw, f.Explanation,
			f.Message(Chinese), f.Message(English), f.Rule, f.Severity}, row, true
	}
	rows := map[key]map[int]int{} // row → index in fs
	for i := range fs {
		if k, r, ok := keyOf(&fs[i]); ok {
			if rows[k] == nil {
				rows[k] = map[int]int{}
			}
			if _, dup := rows[k][r]; !dup {
				rows[k][r] = i
			}
		}
	}
	drop := map[int]bool{}
	merged := map[int]Finding{}
	for k, byRow := range rows {
		if len(byRow) < MinRun {
			continue
		}
		for r, first := range byRow {
			if _, ok := byRow[r-1]; ok {
				continue // not a run's first row
			}
			end := r
			for {
				if _, ok := byRow[end+1]; !ok {
					break
				}
				end++
			}
			if end-r+1 < MinRun {
				continue
			}
			// The run's first cell in the list: the earliest index.
			at := first
			var cells []string
			for x := r; x <= end; x++ {
				if byRow[x] < at {
					at = byRow[x]
				}
				cells = append(cells, k.col+strconv.Itoa(x))
			}
			for x := r; x <= end; x++ {
				drop[byRow[x]] = true
			}
			g := fs[first]
			g.Cell = cells[0] + ":" + cells[len(cells)-1]
			g.Cells = cells
			merged[at] = g
		}
	}
	if len(merged) == 0 {
		return fs
	}
	out := make([]Finding, 0, len(fs)-len(drop)+len(merged))
	for i := range fs {
		if g, ok := merged[i]; ok {
			out = append(out, g)
			continue
		}
		if !drop[i] {
			out = append(out, fs[i])
		}
	}
	return out
}

// Expand returns a merged finding's one finding per cell (GroupRuns); any
// other finding alone. An annotated copy marks each cell. A finding whose
// rule has a text for several cells (manyText: a run of figures typed as
// text) keeps its Cells on each, so that each cell's note says the run's.
func (f Finding) Expand() []Finding {
	if len(f.Cells) == 0 {
		return []Finding{f}
	}
	_, many := manyText[f.Rule]
	out := make([]Finding, len(f.Cells))
	for i, c := range f.Cells {
		one := f
		one.Cell, one.Cells = c, nil
		if many {
			// Its one-cell text would say this cell alone is short by
			// the run's total: each cell keeps the run's text.
			one.Cells = f.Cells
		}
		out[i] = one
	}
	return out
}

// splitCell splits a plain reference (C4, $C$4) into its column letters
// and row; a range, list or whole row or column is not one.
func splitCell(ref string) (col string, row int, ok bool) {
	ref = strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(ref), "$", ""))
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		i++
	}
	if i == 0 || i > 3 || i == len(ref) {
		return "", 0, false
	}
	n, err := strconv.Atoi(ref[i:])
	if err != nil || n <= 0 || fmt.Sprint(n) != ref[i:] {
		return "", 0, false
	}
	return ref[:i], n, true
}

// cellCount is the merged finding's count said after its message.
func cellCount(n int, lang Lang) string {
	if lang == English {
		return fmt.Sprintf(" (%d cells)", n)
	}
	return fmt.Sprintf("（%d 格）", n)
}
