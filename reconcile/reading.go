package reconcile

import (
	"sort"
	"strings"
)

// ReadingOrder sorts one file's findings as a clerk works through them:
// errors, then warnings, then info; within a severity by sheet — the
// file's own findings (no sheet) first, then the sheets in the order given
// (the department's tables, as its template has them), then any other by
// name — and within a sheet by cell in reading order, row then column (B2
// before A3), a finding of no cell first. Findings that tie keep their
// order, so the same findings always come out the same way.
func ReadingOrder(fs []Finding, sheets []string) {
	rank := make(map[string]int, len(sheets))
	for i, s := range sheets {
		if _, ok := rank[s]; !ok {
			rank[s] = i + 1
		}
	}
	sheetKey := func(s string) (int, string) {
		switch r, ok := rank[s]; {
		case s == "":
			return 0, ""
		case ok:
			return r, ""
		}
		return len(sheets) + 1, s
	}
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if sa, sb := severityRank(a.Severity), severityRank(b.Severity); sa != sb {
			return sa < sb
		}
		ra, na := sheetKey(a.Sheet)
		rb, nb := sheetKey(b.Sheet)
		if ra != rb {
			return ra < rb
		}
		if na != nb {
			return na < nb
		}
		rowA, colA := CellPosition(a.Cell)
		rowB, colB := CellPosition(b.Cell)
		if rowA != rowB {
			return rowA < rowB
		}
		return colA < colB
	})
}

func severityRank(s Severity) int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	case Info:
		return 2
	}
	return 3
}

// CellPosition returns the row and column (1-based) of the first cell a
// finding's reference names: B29 is row 29, column 2; a whole row (5:5)
// is column 0 of its row; a whole column (D:D) row 0; a list (B4,C4) or a
// range (B4:D9) its first cell. No reference, or none it can read, is 0, 0.
func CellPosition(ref string) (row, col int) {
	ref = strings.TrimSpace(ref)
	if i := strings.IndexAny(ref, ",:"); i >= 0 {
		ref = ref[:i]
	}
	ref = strings.ReplaceAll(ref, "$", "")
	i := 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		if col > 1<<20 {
			return 0, 0
		}
		col = col*26 + int(c-'a'+1)
	}
	for ; i < len(ref); i++ {
		c := ref[i]
		if c < '0' || c > '9' || row > 1<<24 {
			return 0, 0
		}
		row = row*10 + int(c-'0')
	}
	return row, col
}

// ReportOrder puts a run's findings in the one order every list of them
// uses — the terminal, 问题清单, the JSON, check's list and the annotated
// copy's 审核结果: file by file in the run's order (inputs, which is period
// order, whatever order the files were given in; a file no input names
// after them, by name), each file's in reading order (ReadingOrder, its
// sheets ranked as its department's tables are in the spec), and last the
// findings of no one file (a month not submitted) by severity, then
// period, then as found (departments in the spec's order). A list by
// severity sorts this one stably by severity: within a severity the same
// order holds.
func ReportOrder(fs []Finding, s *Spec, inputs []Input) []Finding {
	rank := make(map[string]int, len(inputs))
	dept := map[string]string{}
	for _, in := range inputs {
		if _, ok := rank[in.File]; !ok {
			rank[in.File] = len(rank)
		}
		if in.Department != "" {
			dept[in.File] = in.Department
		}
	}
	byFile := map[string][]Finding{}
	var files []string
	for _, f := range fs {
		if _, ok := byFile[f.File]; !ok && f.File != "" {
			files = append(files, f.File)
		}
		byFile[f.File] = append(byFile[f.File], f)
		if f.Department != "" && dept[f.File] == "" {
			dept[f.File] = f.Department
		}
	}
	sort.SliceStable(files, func(i, j int) bool {
		ri, oki := rank[files[i]]
		rj, okj := rank[files[j]]
		switch {
		case oki && okj:
			return ri < rj
		case oki != okj:
			return oki
		}
		return files[i] < files[j]
	})
	out := make([]Finding, 0, len(fs))
	for _, file := range files {
		f := byFile[file]
		var sheets []string
		if s != nil {
			if d, ok := s.Department(dept[file]); ok {
				for _, t := range d.Tables {
					sheets = append(sheets, t.Sheet)
				}
			}
		}
		ReadingOrder(f, sheets)
		out = append(out, f...)
	}
	none := byFile[""]
	sort.SliceStable(none, func(i, j int) bool {
		if a, b := severityRank(none[i].Severity), severityRank(none[j].Severity); a != b {
			return a < b
		}
		return none[i].Period < none[j].Period
	})
	return append(out, none...)
}
