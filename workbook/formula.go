package workbook

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
)

// tally's template writes two kinds of formula, and tally computes both
// itself, exactly, from the cells they refer to: a 合计 is SUM(C4:C43) of
// its column, and a 本年累计 prefilled by `template --from` is last month's
// 本年累计 plus this month's 本月, =2372.67+C4. A file no program
// calculated (openpyxl, a script) then loses nothing; one that was
// calculated has its cached value checked against tally's computation.
// Only a formula of exactly that form, in a file whose fingerprint says it
// is tally's template, is computed; any other formula is read by its
// cached value as before.

var (
	carryForm = regexp.MustCompile(`^(-?[0-9]+(?:\.[0-9]+)?)\+([A-Z]{1,3}[1-9][0-9]{0,6})$`)
	sumForm   = regexp.MustCompile(`^SUM\(([A-Z]{1,3})([1-9][0-9]{0,6}):([A-Z]{1,3})([1-9][0-9]{0,6})\)$`)
	// odsRef is a reference as OpenFormula writes it: [.C4], [.C4:.C43].
	odsRef = regexp.MustCompile(`\[\.([A-Z]{1,3}[0-9]+)(?::\.([A-Z]{1,3}[0-9]+))?\]`)
)

// excelForm writes an .ods formula's references as an .xlsx has them
// (2372.67+[.C4] → 2372.67+C4); an .xlsx formula is unchanged.
//
// A formula with such references is OpenFormula, whose arguments are
// separated by ; (ROUND([.B4];2)): those become Excel's , (ROUND(B4,2)),
// outside quoted text and inline arrays, so a clerk is quoted the formula
// as Calc and Excel show it (=SUM(B4:B29), not =SUM([.B4:.B29])).
func excelForm(f string) string {
	if !strings.Contains(f, "[") || !odsRef.MatchString(f) {
		return f
	}
	f = odsRef.ReplaceAllStringFunc(f, func(m string) string {
		p := odsRef.FindStringSubmatch(m)
		if p[2] != "" {
			return p[1] + ":" + p[2]
		}
		return p[1]
	})
	if !strings.Contains(f, ";") {
		return f
	}
	b := []byte(f)
	quoted, braces := false, 0
	for i, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '{':
			braces++
		case c == '}' && braces > 0:
			braces--
		case c == ';' && braces == 0:
			b[i] = ','
		}
	}
	return string(b)
}

// carryFormula reads a 本年累计 formula of the form the template writes:
// the carried figure and the cell it adds.
func carryFormula(f string) (carry decimal.Decimal, col, row int, ok bool) {
	m := carryForm.FindStringSubmatch(excelForm(f))
	if m == nil {
		return decimal.Decimal{}, 0, 0, false
	}
	carry, err := decimal.NewFromString(m[1])
	if err != nil {
		return decimal.Decimal{}, 0, 0, false
	}
	col, row, ok = parseRef(m[2])
	return carry, col, row, ok
}

// sumFormula reads a 合计 formula of the form the template writes: the
// column it sums, and its first and last rows.
func sumFormula(f string) (col, from, to int, ok bool) {
	m := sumForm.FindStringSubmatch(excelForm(f))
	if m == nil || m[1] != m[3] {
		return 0, 0, 0, false
	}
	col, from, ok = parseRef(m[1] + m[2])
	if !ok {
		return 0, 0, 0, false
	}
	to, err := strconv.Atoi(m[4])
	if err != nil || to < from {
		return 0, 0, 0, false
	}
	return col, from, to, true
}

// carryColumns says, per table column, which column a 本年累计 formula of
// the template adds to last month's figure: the first 本月 column of the
// same indicator, as templates.value writes it; -1 for none.
func carryColumns(t *reconcile.Table) []int {
	out := make([]int, len(t.Columns))
	for ci, c := range t.Columns {
		out[ci] = -1
		if c.Role != reconcile.RoleValue || c.Measure != reconcile.YTDValue {
			continue
		}
		for cj, mc := range t.Columns {
			if mc.Role == reconcile.RoleValue && mc.Measure == reconcile.MonthValue && mc.Indicator == c.Indicator {
				out[ci] = cj
				break
			}
		}
	}
	return out
}

// templateCarry reports whether a data row's cell rc in table column ci,
// on sheet row row, holds the template's own 本年累计 formula, and its
// carried figure. Its own number format must be a plain one: a formula
// cell set to show a date or a percentage is read as before.
func (l *layout) templateCarry(ci, row int, rc *rawCell) (decimal.Decimal, bool) {
	if !l.st.template || rc == nil || !rc.HasF || l.carry[ci] < 0 || rc.Date || rc.Percent || rc.Scaled != "" {
		return decimal.Decimal{}, false
	}
	carry, col, r, ok := carryFormula(rc.Formula)
	if !ok || r != row || col != l.cols[l.carry[ci]] {
		return decimal.Decimal{}, false
	}
	return carry, true
}

// computeCarry works out a 本年累计 cell of the template's formula from
// the 本月 cell it adds (already read: cells are read left to right, and
// carried columns after every other). A 本月 that is no figure leaves the
// 本年累计 without one: the row is rejected by the 本月's own finding,
// which is told that the formula depends on it (dep, the index of that
// finding in sub.Findings, or -1). A cached value, when the file has one,
// must be tally's figure to Excel's 15 digits; a cached error is what
// Excel and Calc make of a 本月 typed as text, which tally accepted.
func (l *layout) computeCarry(sub *reconcile.Submission, r *reconcile.Row, ci int, carry decimal.Decimal, rc *rawCell, dep int) *reconcile.Finding {
	cell := &r.Cells[ci]
	cell.Raw = rc.Value
	cell.Formula = "=" + excelForm(rc.Formula) // as the department's Excel shows it
	if cell.Raw == "" {
		cell.Raw = cell.Formula // no cached value: the cell still holds something
	}
	m := &r.Cells[l.carry[ci]]
	var want decimal.Decimal
	switch m.State {
	case reconcile.Number:
		want = carry.Add(m.Value.Decimal())
	case reconcile.Blank:
		want = carry // Excel adds an empty cell as 0; the 本月's required finding rejects the row
	default:
		cell.State = reconcile.Invalid
		l.errCol[ci] = true
		if dep >= 0 {
			dependsOn(&sub.Findings[dep], cell.Source.Cell, cell.Formula)
		}
		return nil
	}
	if rc.Value == "" {
		// No program calculated it (openpyxl, a script): tally's figure is the formula's.
		cell.State, cell.Value = reconcile.Number, reconcile.NumOf(want)
		return nil
	}
	if rc.Type == "e" && (m.AsText || m.State == reconcile.Blank && m.Raw != "") {
		// =2372.67+C10 of a 本月 typed as text (２３４．５, 1,234.5, —):
		// Excel and Calc give #VALUE!; tally took the text as the figure
		// it is (number_as_text) or reports the mark as no figure.
		cell.State, cell.Value = reconcile.Number, reconcile.NumOf(want)
		l.errCol[ci] = true
		return nil
	}
	if rc.Type == "" || rc.Type == "n" {
		if cached, err := parseStored(rc.Value); err == nil && agrees(cached.Decimal(), want) {
			cell.State, cell.Value = reconcile.Number, reconcile.NumOf(want)
			return nil
		}
	}
	cell.State = reconcile.Invalid
	cached := rc.Value
	if rc.Type == "" || rc.Type == "n" {
		if d, err := parseStored(rc.Value); err == nil {
			cached = d.String()
		}
	}
	return &reconcile.Finding{Source: cell.Source, Rule: reconcile.RuleFormulaDiffers, Severity: reconcile.Error, Raw: rc.Value,
		Fields: reconcile.Fields{"formula": excelForm(rc.Formula), "expected": want.String(), "cached": cached}}
}

// dependsOn adds to the finding of a 本月 cell that the template's
// 本年累计 formula at cell uses it, so the department corrects the cause
// and not the #VALUE! it shows.
func dependsOn(f *reconcile.Finding, cell, formula string) {
	e, ok := f.Fields["expected"].(reconcile.Text)
	if !ok {
		return
	}
	fields := reconcile.Fields{}
	for k, v := range f.Fields {
		fields[k] = v
	}
	fields["expected"] = reconcile.Text{
		e[0] + "（本年累计 " + cell + " 的公式 " + formula + " 由本格计算，本格改正后即得出）",
		e[1] + " (the 本年累计 formula " + formula + " in " + cell + " is computed from this cell and follows once it is corrected)"}
	f.Fields = fields
}

// explainedTotal reports whether a 合计 cell's cached error comes from a
// cell it sums that tally already reported or accepted: the template's
// SUM of its own column, over which a data row's cell was no figure or a
// formula whose error tally explained.
func (l *layout) explainedTotal(ci, row int, rc *rawCell) bool {
	if !l.st.template || rc == nil || !rc.HasF || rc.Type != "e" || !l.errCol[ci] {
		return false
	}
	col, from, to, ok := sumFormula(rc.Formula)
	return ok && col == l.cols[ci] && from <= row && to < row
}

// agrees reports whether a cached result is the exact figure want as a
// spreadsheet computes it: in binary floating point, shown to 15
// significant digits. The two may differ by one in the 15th digit when
// the exact figure has more and its rounding falls on a half.
func agrees(cached, want decimal.Decimal) bool {
	if cached.Equal(RoundSignificant(want, ExcelDigits)) {
		return true
	}
	if want.IsZero() {
		return false
	}
	lead := int32(want.NumDigits()) + want.Exponent() // the leading digit's position
	return cached.Sub(want).Abs().LessThanOrEqual(decimal.New(1, lead-ExcelDigits))
}
