package workbook

import (
	"errors"
	"strconv"
	"strings"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
)

// A conditional format (<conditionalFormatting>, listed after the rows)
// can set a figure's font to the colour of its background — white on the
// sheet's white — when a condition holds: the figure is then on no one's
// screen or paper, like one in a white font of its own (font_hides_value),
// and said as such at the cell (conditional_hides_value, a rule of its own
// so that what to do names the conditional format).
// tally says so where it can decide the condition exactly: a comparison
// of the cell with constants (cellIs: greater than 0, between 1 and 1000),
// an expression comparing the cell itself with a constant (C4>0 over
// C4:C43, written for its first cell and moved to each as Excel moves a
// formula), or the constant TRUE. A condition on other cells, a formula, a
// rank or an average is not judged (nothing is said).

// condRule is one <cfRule> whose style (a dxf) hides what it applies to.
type condRule struct {
	ranges  []cellRange
	typ, op string
	ownFill bool     // the dxf sets a white font and no fill: the cell's own background decides
	f       []string // its <formula> texts, at most two
}

// maxConds bounds the hiding rules kept per sheet, maxCondRanges the
// ranges of one conditional format.
const (
	maxConds      = 10_000
	maxCondRanges = 1_000
)

// What a dxf does to a figure's visibility.
const (
	dxfShows     uint8 = iota
	dxfWhiteFont       // a white font, no fill of its own
	dxfHides           // a font of its own fill's colour
)

// condRanges reads a conditional format's sqref (ranges separated by
// spaces).
func condRanges(sqref string) []cellRange {
	var out []cellRange
	for _, f := range strings.Fields(sqref) {
		if len(out) == maxCondRanges {
			break
		}
		if r, ok := parseRange(f); ok {
			out = append(out, r)
		}
	}
	return out
}

// addCond keeps a <cfRule> whose dxf hides a figure, and reports whether
// it did (its <formula> texts follow).
func (x *xlsx) addCond(d *xmlTokens, ranges []cellRange) bool {
	if len(ranges) == 0 || len(x.conds) >= maxConds {
		return false
	}
	id, _ := d.attr("dxfId")
	n, err := strconv.Atoi(id)
	if err != nil || n < 0 || n >= len(x.dxfs) || x.dxfs[n] == dxfShows {
		return false
	}
	typ, _ := d.attr("type")
	op, _ := d.attr("operator")
	x.conds = append(x.conds, condRule{ranges: ranges, typ: typ, op: op, ownFill: x.dxfs[n] == dxfWhiteFont})
	return true
}

// condFormula adds a <formula> text to the rule read last.
func (x *xlsx) condFormula(f string) {
	if n := len(x.conds); n > 0 && len(x.conds[n-1].f) < 2 {
		x.conds[n-1].f = append(x.conds[n-1].f, strings.TrimSpace(f))
	}
}

// applies reports whether the rule's ranges hold the cell.
func (r *condRule) applies(col, row int) bool {
	for _, g := range r.ranges {
		if int32(row) >= g.r1 && int32(row) <= g.r2 && int32(col) >= g.c1 && int32(col) <= g.c2 {
			return true
		}
	}
	return false
}

// holds reports whether the rule's condition holds for the figure v in
// the cell (col, row), when tally can decide it exactly; false when it
// cannot.
func (r *condRule) holds(v decimal.Decimal, col, row int) bool {
	switch r.typ {
	case "expression":
		if len(r.f) != 1 {
			return false
		}
		if strings.EqualFold(r.f[0], "TRUE") {
			return true
		}
		return r.selfCompare(r.f[0], v, col, row)
	case "cellIs":
	default:
		return false
	}
	var k []decimal.Decimal
	for _, f := range r.f {
		d, err := decimal.NewFromString(strings.TrimPrefix(f, "="))
		if err != nil {
			return false // a reference or a formula: not judged
		}
		k = append(k, d)
	}
	if len(k) == 0 {
		return false
	}
	return compare(r.op, v, k)
}

// compare applies a cellIs operator to v and the rule's constants.
func compare(op string, v decimal.Decimal, k []decimal.Decimal) bool {
	a := k[0]
	switch op {
	case "greaterThan":
		return v.GreaterThan(a)
	case "greaterThanOrEqual":
		return v.GreaterThanOrEqual(a)
	case "lessThan":
		return v.LessThan(a)
	case "lessThanOrEqual":
		return v.LessThanOrEqual(a)
	case "equal":
		return v.Equal(a)
	case "notEqual":
		return !v.Equal(a)
	case "between", "notBetween":
		if len(k) < 2 {
			return false
		}
		lo, hi := decimal.Min(k[0], k[1]), decimal.Max(k[0], k[1])
		in := v.GreaterThanOrEqual(lo) && v.LessThanOrEqual(hi)
		return in == (op == "between")
	}
	return false
}

// selfCompare decides an expression of the form REF op CONST (or CONST op
// REF) whose reference, written for the rule's first cell and moved to
// (col, row) as Excel moves it ($ parts stay), is the cell itself.
func (r *condRule) selfCompare(f string, v decimal.Decimal, col, row int) bool {
	f = strings.ReplaceAll(strings.TrimPrefix(f, "="), " ", "")
	ops := []struct{ sym, op, flipped string }{
		{">=", "greaterThanOrEqual", "lessThanOrEqual"}, {"<=", "lessThanOrEqual", "greaterThanOrEqual"}, {"<>", "notEqual", "notEqual"},
		{">", "greaterThan", "lessThan"}, {"<", "lessThan", "greaterThan"}, {"=", "equal", "equal"},
	}
	for _, o := range ops {
		i := strings.Index(f, o.sym)
		if i < 0 {
			continue
		}
		left, right := f[:i], f[i+len(o.sym):]
		if k, err := decimal.NewFromString(right); err == nil && r.movesTo(left, col, row) {
			return compare(o.op, v, []decimal.Decimal{k})
		}
		if k, err := decimal.NewFromString(left); err == nil && r.movesTo(right, col, row) {
			return compare(o.flipped, v, []decimal.Decimal{k})
		}
		return false
	}
	return false
}

// movesTo reports whether ref, relative to the rule's first cell, is the
// cell (col, row) once moved there.
func (r *condRule) movesTo(ref string, col, row int) bool {
	if len(r.ranges) == 0 || ref == "" {
		return false
	}
	colAbs := strings.HasPrefix(ref, "$")
	body := strings.TrimPrefix(ref, "$")
	rowAbs := strings.Contains(body, "$")
	c, rw, ok := parseRef(strings.ReplaceAll(body, "$", ""))
	if !ok {
		return false
	}
	a := r.ranges[0]
	if !colAbs {
		c += col - int(a.c1)
	}
	if !rowAbs {
		rw += row - int(a.r1)
	}
	return c == col && rw == row
}

// checkConditional reports the figures a conditional format shows in the
// colour of their background (font_hides_value). The formats follow the
// rows, so the sheet is read a second time, only when a hiding rule lies
// over a value column below the header.
func (l *layout) checkConditional(sub *reconcile.Submission, sh *reconcile.Sheet, x sheetScanner, si sheetInfo, headerRow, maxFindings int) error {
	cx, ok := x.(*xlsx)
	if !ok || len(cx.conds) == 0 {
		return nil
	}
	var conds []condRule
	last := int32(0)
	for _, r := range cx.conds {
		over := false
		for _, g := range r.ranges {
			for ci, c := range l.cols {
				if c > 0 && l.value[ci] && int(g.c1) <= c && c <= int(g.c2) && int(g.r2) > headerRow {
					over = true
					last = max(last, g.r2)
				}
			}
		}
		if over {
			conds = append(conds, r)
		}
	}
	if len(conds) == 0 {
		return nil
	}
	err := cx.scanAgain(si, func(row int, _ bool, cells []rawCell) error {
		if row <= headerRow {
			return nil
		}
		if row > int(last) {
			return errStop
		}
		for i := range cells {
			c := &cells[i]
			ci, mapped := l.column(c.Col)
			if !mapped || !l.value[ci] || c.Type != "" && c.Type != "n" || c.Date || c.Hides != 0 {
				continue // not a figure, or said already (format_hides_value, font_hides_value)
			}
			v, err := decimal.NewFromString(strings.TrimSpace(c.Value))
			if err != nil {
				continue
			}
			for k := range conds {
				r := &conds[k]
				if r.applies(c.Col, row) && (!r.ownFill || !c.Tinted) && r.holds(v, c.Col, row) {
					sub.Findings = append(sub.Findings, finding(*sub, reconcile.Source{File: sub.File, Sheet: sh.Name, Cell: c.Ref},
						reconcile.RuleCondHides, reconcile.Warning, c.Value, reconcile.Fields{"value": c.Value}))
					break
				}
			}
		}
		boundFindings(sub, maxFindings)
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return err
	}
	return nil
}
