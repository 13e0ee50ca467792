package workbook

import (
	"strconv"
	"strings"

	"github.com/jingwu/tally/reconcile"
)

// A sub-total row sums other rows of its table: a 小计 row a department
// adds among them (小计, 本页小计), or a row under another name whose
// figures are formulas over other rows of their own column (一、工业企业
// =SUM(C5:C9), 其中：规上企业合计 =SUBTOTAL(9,C5:C9), =C5+C6+C7). Its
// figures are those rows' again, and those rows are consolidated: it is
// not data. It is not consolidated (that would count the rows twice), it
// leaves no indicator incomplete (nothing is missing from the total), and
// it is said at its name (subtotal_row, a warning: the department should
// delete it). Its cells are reported, like a second 合计's.
//
// A row is never taken for one by its values alone (a row that happens to
// equal the sum of others is data): only by its name or its formulas.

// subtotal reads the row (l.byCol) as a sub-total row when it is one, and
// reports whether it was. at is where the row's name is.
func (l *layout) subtotal(sub *reconcile.Submission, sh *reconcile.Sheet, row int, name string, cells []rawCell, at func() reconcile.Source) bool {
	named := subtotalLabel.MatchString(reconcile.NormalizeHeader(name))
	sums, ref, formula, byFormula := l.subtotalSums(sh, row)
	if !named && !byFormula {
		return false
	}
	l.count.Reported += len(cells)
	if !byFormula && !l.anyFigure() {
		// A 小计 line with nothing in its figure columns: a label, no
		// figure to count twice.
		l.footer(sub, sh, row, cells)
		return true
	}
	what := reconcile.Text{"", ""}
	if byFormula {
		zh, en := spansText(sums)
		what = reconcile.Text{"（" + ref + " 的公式 =" + formula + " 是" + zh + "之和）", " (" + ref + "'s formula =" + formula + " sums " + en + ")"}
	}
	sub.Findings = append(sub.Findings, finding(*sub, at(), reconcile.RuleSubtotal, reconcile.Warning, name,
		reconcile.Fields{"name": name, "sums": what}))
	sh.Subtotals = append(sh.Subtotals, reconcile.Subtotal{Line: row, Sums: sums})
	return true
}

// anyFigure reports whether a value cell of the row holds a figure.
func (l *layout) anyFigure() bool {
	for ci, v := range l.value {
		if v && hasFigure(l.byCol[ci], l.units[ci]) {
			return true
		}
	}
	return false
}

// subtotalSums reports whether the row's figures are sub-totals: no value
// cell holds a typed figure or text, at least one holds a formula, and
// every formula sums other rows of the table (below its header, not the
// 合计) in the cell's own column, two rows or more in all. It returns the rows summed, merged, and
// the first such cell and its formula as Excel shows it.
func (l *layout) subtotalSums(sh *reconcile.Sheet, row int) (sums []reconcile.RowSpan, ref, formula string, ok bool) {
	formulas := false
	for ci, v := range l.value {
		rc := l.byCol[ci]
		if !v || rc == nil {
			continue
		}
		if !rc.HasF {
			if strings.Trim(rc.Value, spaces) != "" {
				return nil, "", "", false // typed: data (the common case, decided here)
			}
			continue
		}
		formulas = true
	}
	if !formulas {
		return nil, "", "", false
	}
	for ci, v := range l.value {
		rc := l.byCol[ci]
		if !v || rc == nil || !rc.HasF {
			continue
		}
		f := excelForm(rc.Formula)
		spans, ok := rowSums(f, columnName(rc.Col))
		if !ok {
			return nil, "", "", false
		}
		for _, s := range spans {
			if s.From <= l.header || s.From <= row && row <= s.To || sh.Total != nil && s.From <= sh.Total.Line && sh.Total.Line <= s.To {
				return nil, "", "", false
			}
		}
		if ref == "" {
			ref, formula = rc.Ref, f
		}
		sums = append(sums, spans...)
	}
	sums = reconcile.MergeSpans(sums)
	n := 0
	for _, s := range sums {
		n += s.To - s.From + 1
	}
	if n < 2 {
		// =C5: a copy of one row's figure, not a sum of rows; read as
		// data like any other formula.
		return nil, "", "", false
	}
	return sums, ref, formula, true
}

// rowSums reads a formula (as excelForm leaves it, without its =) that
// adds cells of column col of other rows: =SUM(C5:C9), =SUM(C5:C7,C9),
// =SUBTOTAL(9,C5:C9) (or 109), =C5+C6+C7, and sums of those. It returns
// the rows added, as written. Anything else — another column or sheet, a
// constant, arithmetic other than +, another function — is none.
func rowSums(f, col string) ([]reconcile.RowSpan, bool) {
	s := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(f), " ", ""))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "="), "+")
	if s == "" {
		return nil, false
	}
	var out []reconcile.RowSpan
	depth, start := 0, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) {
			switch s[i] {
			case '(':
				depth++
				continue
			case ')':
				depth--
				continue
			case '+':
				if depth > 0 {
					continue
				}
			default:
				continue
			}
		}
		term := s[start:i]
		start = i + 1
		if strings.HasPrefix(term, "SUBTOTAL(") {
			fn, rest, ok := strings.Cut(term[len("SUBTOTAL("):], ",")
			if !ok || fn != "9" && fn != "109" {
				return nil, false
			}
			term = "SUM(" + rest
		}
		if !strings.HasPrefix(term, "SUM(") {
			if strings.ContainsAny(term, ":(") {
				return nil, false // a bare range, another function
			}
			term = "SUM(" + term + ")"
		}
		sum, ok := reconcile.ParseSum(term)
		if !ok || sum.Col != col {
			return nil, false
		}
		out = append(out, sum.Spans...)
	}
	return out, depth == 0
}

// spansText says runs of rows: 第 5–9、12 行, rows 5–9, 12 (row 5 alone).
func spansText(spans []reconcile.RowSpan) (zh, en string) {
	const most = 4
	parts := make([]string, 0, most)
	for i, s := range spans {
		if i == most {
			parts[len(parts)-1] += "…"
			break
		}
		p := strconv.Itoa(s.From)
		if s.To != s.From {
			p += "–" + strconv.Itoa(s.To)
		}
		parts = append(parts, p)
	}
	zh = "第 " + strings.Join(parts, "、") + " 行"
	en = "rows " + strings.Join(parts, ", ")
	if len(spans) == 1 && spans[0].From == spans[0].To {
		en = "row " + parts[0]
	}
	return zh, en
}
