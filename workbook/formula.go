package workbook

import (
	"regexp"
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
// column it sums, and its first and last rows (reconcile.ParseSum, one
// range).
func sumFormula(f string) (col, from, to int, ok bool) {
	sum, ok := reconcile.ParseSum(excelForm(f))
	if !ok || len(sum.Spans) != 1 {
		return 0, 0, 0, false
	}
	return columnNumber(sum.Col), sum.Spans[0].From, sum.Spans[0].To, true
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
		if dep >= 0 && sub.Findings[dep].Rule == reconcile.RuleTextNumber {
			// The department's sheet shows #VALUE! here and in its 合计:
			// not a note, a return to correct (the figure itself is read).
			f := &sub.Findings[dep]
			f.Rule, f.Severity = reconcile.RuleTextBreaksFormula, reconcile.Warning
			f.Fields = reconcile.Fields{"value": m.Value.String(), "cell": cell.Source.Cell, "formula": cell.Formula, "ytd": want.String(), "also": reconcile.Text{}}
		}
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

// Any other formula of a figure cell is read by its cached value, which
// Excel shows until it calculates again — and it does on opening a file
// an older version saved, or on F9: a stale cached value (calculation set
// to manual, a value pasted over the formula's source) is a figure the
// sheet will not show. Where tally can work the formula out exactly — an
// arithmetic of constants and cells of the same row (=B4*0.3+C4,
// =100+10.23): + − × ÷, parentheses — the cached value must agree, as a
// template formula's does (formula_result_differs). A formula with a
// function, a range, another row's or sheet's cell is read as before.

// rowFormula evaluates an arithmetic formula over the cells of sheet row
// row (cells, in column order); ok is false when it is not one tally
// evaluates or a cell it refers to holds no figure.
func rowFormula(f string, row int, cells []rawCell) (decimal.Decimal, bool) {
	p := &arith{s: strings.ReplaceAll(excelForm(f), " ", ""), row: row, cells: cells}
	v, ok := p.sum()
	if !ok || p.i != len(p.s) || p.depth > maxArithDepth {
		return decimal.Decimal{}, false
	}
	return v, true
}

// maxArithDepth bounds the parentheses and signs an evaluated formula may
// nest (Excel allows 64 levels of functions; a crafted one may nest more).
const maxArithDepth = 64

// arith is a recursive-descent reader of + − × ÷ over numbers and cells.
type arith struct {
	s     string
	i     int
	row   int
	cells []rawCell
	depth int
}

func (p *arith) sum() (decimal.Decimal, bool) {
	v, ok := p.product()
	for ok && p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
		op := p.s[p.i]
		p.i++
		var w decimal.Decimal
		if w, ok = p.product(); ok {
			if op == '+' {
				v = v.Add(w)
			} else {
				v = v.Sub(w)
			}
		}
	}
	return v, ok
}

func (p *arith) product() (decimal.Decimal, bool) {
	v, ok := p.unary()
	for ok && p.i < len(p.s) && (p.s[p.i] == '*' || p.s[p.i] == '/') {
		op := p.s[p.i]
		p.i++
		var w decimal.Decimal
		if w, ok = p.unary(); ok {
			if op == '*' {
				v = v.Mul(w)
			} else if w.IsZero() {
				return v, false // #DIV/0!: the cached error is formula_error's
			} else {
				v = v.DivRound(w, 30) // compared at Excel's 15 digits
			}
		}
	}
	return v, ok
}

func (p *arith) unary() (decimal.Decimal, bool) {
	if p.depth++; p.depth > maxArithDepth || p.i >= len(p.s) {
		return decimal.Decimal{}, false
	}
	switch c := p.s[p.i]; {
	case c == '-' || c == '+':
		p.i++
		v, ok := p.unary()
		if c == '-' {
			v = v.Neg()
		}
		return v, ok
	case c == '(':
		p.i++
		v, ok := p.sum()
		if !ok || p.i >= len(p.s) || p.s[p.i] != ')' {
			return v, false
		}
		p.i++
		return v, true
	case c >= '0' && c <= '9' || c == '.':
		j := p.i
		for j < len(p.s) && (p.s[j] >= '0' && p.s[j] <= '9' || p.s[j] == '.') {
			j++
		}
		v, err := decimal.NewFromString(p.s[p.i:j])
		p.i = j
		return v, err == nil
	case c == '$' || c >= 'A' && c <= 'Z':
		j := p.i
		for j < len(p.s) && (p.s[j] == '$' || p.s[j] >= 'A' && p.s[j] <= 'Z' || p.s[j] >= '0' && p.s[j] <= '9') {
			j++
		}
		if j < len(p.s) && (p.s[j] == '(' || p.s[j] == '!' || p.s[j] == ':') {
			return decimal.Decimal{}, false // a function, another sheet's cell, a range
		}
		col, row, ok := parseRef(strings.ReplaceAll(p.s[p.i:j], "$", ""))
		p.i = j
		if !ok || row != p.row {
			return decimal.Decimal{}, false
		}
		return p.cell(col)
	}
	return decimal.Decimal{}, false
}

// cell is the figure a cell of the row holds as Excel computes with it:
// an empty cell is 0; text, a date, an error or a formula without a
// cached value is not evaluated.
func (p *arith) cell(col int) (decimal.Decimal, bool) {
	for i := range p.cells {
		c := &p.cells[i]
		if c.Col != col {
			continue
		}
		if c.Type != "" && c.Type != "n" || c.Date || c.HasF && c.Value == "" {
			return decimal.Decimal{}, false
		}
		if strings.TrimSpace(c.Value) == "" {
			return decimal.Zero, true
		}
		d, err := parseStored(c.Value)
		if err != nil {
			return decimal.Decimal{}, false
		}
		return d.Decimal(), true
	}
	return decimal.Zero, true
}

// staleFormula checks a figure read from a formula's cached value against
// the formula, where rowFormula can work it out: one that disagrees is
// formula_result_differs (an error, the cell no figure), as the template's
// own formulas are.
func (l *layout) staleFormula(cell *reconcile.Cell, rc *rawCell, row int) *reconcile.Finding {
	if rc == nil || !rc.HasF || cell.State != reconcile.Number || rc.Type != "" && rc.Type != "n" {
		return nil
	}
	want, ok := rowFormula(rc.Formula, row, l.rowCells)
	if !ok || agrees(cell.Value.Decimal(), want) {
		return nil
	}
	cached := cell.Value.String()
	cell.State = reconcile.Invalid
	return &reconcile.Finding{Source: cell.Source, Rule: reconcile.RuleFormulaDiffers, Severity: reconcile.Error, Raw: rc.Value,
		Fields: reconcile.Fields{"formula": excelForm(rc.Formula), "expected": RoundSignificant(want, ExcelDigits).String(), "cached": cached}}
}
