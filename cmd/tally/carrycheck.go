package main

import (
	"slices"
	"strconv"
	"strings"

	"github.com/jingwu/tally/reconcile"
)

// carryVerdict is what tally's own check (check mode, as tally check over
// --from would run it) decided of the returns a template's 本年累计 is
// carried from: which cells it consolidated — a row none of whose cells
// was is a rejected row — and its errors, by cell and by row.
type carryVerdict struct {
	consolidated map[string]bool                // file|sheet|cell
	atCell       map[string][]reconcile.Finding // file|sheet|cell → the errors there
	atRow        map[string][]reconcile.Finding // file|sheet|line → the errors of the row
}

// checkCarried runs the check over subs (a department's returns of the
// year up to the month carried from) through reconcile's ledger in check
// mode, as runCheck does, and keeps its verdict. The submissions are not
// touched: the ledger marks cells (a blank required cell becomes Invalid),
// so it is handed copies. asOf is the month carried from; now the run's
// clock, as tally check takes it.
func checkCarried(s *reconcile.Spec, subs []reconcile.Submission, asOf reconcile.Period, now string) *carryVerdict {
	v := &carryVerdict{consolidated: map[string]bool{}, atCell: map[string][]reconcile.Finding{}, atRow: map[string][]reconcile.Finding{}}
	copies := make([]reconcile.Submission, len(subs))
	for i := range subs {
		copies[i] = cloneSubmission(subs[i])
	}
	res := reconcile.Consolidate(s, copies, reconcile.Options{Check: true, AsOf: asOf, Now: now, Detail: func(e *reconcile.Entry) {
		v.consolidated[e.File+"|"+e.Sheet+"|"+e.Cell] = true
	}})
	for _, f := range res.Findings { // in reading order
		if f.Severity != reconcile.Error || f.Sheet == "" {
			continue
		}
		cells := f.Cells
		if len(cells) == 0 {
			cells = []string{f.Cell}
		}
		for _, c := range cells {
			v.atCell[f.File+"|"+f.Sheet+"|"+c] = append(v.atCell[f.File+"|"+f.Sheet+"|"+c], f)
			if line := cellLine(c); line > 0 {
				k := f.File + "|" + f.Sheet + "|" + strconv.Itoa(line)
				if n := len(v.atRow[k]); n == 0 || !sameFinding(v.atRow[k][n-1], f) {
					v.atRow[k] = append(v.atRow[k], f)
				}
			}
		}
	}
	return v
}

func sameFinding(a, b reconcile.Finding) bool {
	return a.Rule == b.Rule && a.Cell == b.Cell && len(a.Cells) == len(b.Cells)
}

// accepted reports whether the check consolidated row r of sheet in file:
// a row it rejected has none of its cells consolidated.
func (v *carryVerdict) accepted(file, sheet string, r *reconcile.Row) bool {
	for _, c := range r.Cells {
		if c.Source.Cell != "" && v.consolidated[file+"|"+sheet+"|"+c.Source.Cell] {
			return true
		}
	}
	return false
}

// why says, short, why a 本年累计 cell of row line is not carried: the
// error at the cell itself, or else the first error of its row, with the
// cell it stands at, and how many more the row has. ok is false when the
// check raised no error there.
func (v *carryVerdict) why(file, sheet, cell string, line int) (reconcile.Text, bool) {
	fs, at := v.atCell[file+"|"+sheet+"|"+cell], false
	if len(fs) > 0 {
		at = true
	} else {
		fs = v.atRow[file+"|"+sheet+"|"+strconv.Itoa(line)]
	}
	if len(fs) == 0 {
		return reconcile.Text{}, false
	}
	f := fs[0]
	zh, en := f.Message(reconcile.Chinese), f.Message(reconcile.English)
	if !at {
		where := f.Cell
		if len(f.Cells) > 0 {
			for _, c := range f.Cells {
				if cellLine(c) == line {
					where = c
				}
			}
		}
		zh, en = where+"："+zh, where+": "+en
	}
	if n := len(fs) - 1; n > 0 {
		zh += "；另有 " + strconv.Itoa(n) + " 个错误"
		en += "; " + plural(n, "more error", "more errors")
	}
	return reconcile.Text{zh, en}, true
}

// cellLine is the row number of a cell reference (C5: 5); 0 for none.
func cellLine(ref string) int {
	i := strings.IndexAny(ref, "0123456789")
	if i < 0 {
		return 0
	}
	n, err := strconv.Atoi(ref[i:])
	if err != nil {
		return 0
	}
	return n
}

// cloneSubmission copies a submission deep enough that a ledger adding
// the copy leaves the original's rows and cells as read.
func cloneSubmission(sub reconcile.Submission) reconcile.Submission {
	sheets := make([]reconcile.Sheet, len(sub.Sheets))
	for i, sh := range sub.Sheets {
		rows := make([]reconcile.Row, len(sh.Rows))
		for j, r := range sh.Rows {
			r.Cells = slices.Clone(r.Cells)
			r.Carried = slices.Clone(r.Carried)
			rows[j] = r
		}
		sh.Rows = rows
		if sh.Total != nil {
			t := *sh.Total
			t.Cells = slices.Clone(t.Cells)
			t.Carried = slices.Clone(t.Carried)
			sh.Total = &t
		}
		sh.Subtotals = slices.Clone(sh.Subtotals)
		sh.Merges = slices.Clone(sh.Merges)
		sheets[i] = sh
	}
	sub.Sheets = sheets
	sub.Findings = slices.Clone(sub.Findings)
	return sub
}
