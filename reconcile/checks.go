package reconcile

import (
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// cellFor returns the cell of row r that holds ref, or nil when the table
// does not carry it. Without a measure, ref means the indicator's own
// figure: 本月, 期末数 or 本年, whichever the table has.
func cellFor(t *Table, r *Row, ref Ref) *Cell {
	var line *Line
	if t.Rows == Indicators {
		if r.LineN < 0 {
			return nil
		}
		line = &t.Lines[r.LineN]
	}
	for ci, c := range t.Columns {
		if t.IndicatorFor(c, line) != ref.Name {
			continue
		}
		if c.Measure == ref.Measure || (ref.Measure == "" && c.Measure != YTDValue) {
			return &r.Cells[ci]
		}
	}
	return nil
}

// checkRowRules evaluates the spec's row rules on a data row of a table
// that carries every indicator they name.
func (l *Ledger) checkRowRules(s *Submission, sh *Sheet, r *Row) {
	for i := range l.spec.Rules {
		rule := &l.spec.Rules[i]
		if rule.Expr.Totals {
			continue
		}
		var first *Cell
		cells := map[Ref]*Cell{}
		applies := true
		rule.Expr.Refs(func(ref *Ref) {
			c := cellFor(sh.Table, r, *ref)
			if c == nil {
				applies = false
			} else if first == nil {
				first = c
			}
			cells[*ref] = c
		})
		if !applies {
			continue
		}
		holds, left, right, err := rule.Expr.Eval(func(ref Ref) (decimal.Decimal, bool) {
			c := cells[ref]
			return c.Value.Decimal(), c.State == Number
		})
		if err != nil || holds {
			continue // a blank or unreadable cell has its own finding
		}
		f := Finding{Source: first.Source, Department: s.Department, Period: s.Period.String(), Rule: RuleSpec,
			Severity: rule.Severity, Raw: first.Raw, Fields: specFields(rule, left, right)}
		if rule.Severity == Warning {
			f.Explanation = r.Note
		}
		l.finding(f)
	}
}

// checkTotalRules evaluates the spec's total rules (sum(…)) for every
// period consolidated, where every figure they need is there and whole.
func (l *Ledger) checkTotalRules() {
	var periods []Period
	seen := map[Period]bool{}
	for k := range l.figs {
		if !seen[k.p] {
			seen[k.p] = true
			periods = append(periods, k.p)
		}
	}
	sort.Slice(periods, func(i, j int) bool { return periods[i].Before(periods[j]) })
	for i := range l.spec.Rules {
		rule := &l.spec.Rules[i]
		if !rule.Expr.Totals {
			continue
		}
		for _, p := range periods {
			holds, left, right, err := rule.Expr.Eval(func(ref Ref) (decimal.Decimal, bool) {
				f := l.monthFigure(ref.Name, p)
				if ref.Measure == YTDValue && p.IsMonth() {
					f = l.ytdFigure(ref.Name, p.Year, p.Month)
				}
				return f.Value, f.Has && len(f.Incomplete) == 0
			})
			if err != nil || holds {
				continue
			}
			l.finding(Finding{Period: p.String(), Rule: RuleSpec, Severity: rule.Severity,
				Fields: specFields(rule, left, right)})
		}
	}
}

type codeUse struct {
	name string
	at   Source
}

// checkCodeName: one unified social credit code, one enterprise name —
// across the run, a code's first name (credit_code_names); and against
// the department's last month (or the file's template), the name's code
// (credit_code_changed: a valid code other than the one last month gave
// the name, known is what matchEntity found; an invalid one is
// credit_code's, which names the known code). The codes a file names
// first are the file's until it is committed; past MaxCodes in a run, new
// codes are not remembered (not_checked, once per file).
func (l *Ledger) checkCodeName(fr *FileRead, r *Row, known *knownCode) {
	if r.Code == "" {
		return
	}
	if known.code != "" {
		if _, valid := CheckCreditCode(r.Code); valid {
			l.finding(Finding{Source: r.CodeSource, Department: fr.s.Department, Period: fr.s.Period.String(), Rule: RuleCodeChanged,
				Severity: Warning, Raw: r.Code, Fields: Fields{"name": r.Name, "code": r.Code, "known": known.said, "diff": codeDiff(known.code, r.Code)},
				Explanation: r.Note})
		}
	}
	// The department's last month had this row's code at the same place
	// under the same name, and found it in the run's codes with its first
	// name there: a code's first name never changes, so the check holds
	// again, without looking the code up. A row matched to last month's
	// entity by its name (matchEntity) has another code than its key's:
	// looked up, and never held.
	var ent *entityVal
	if m := fr.cur; m != nil && !m.over {
		i, _ := m.entity()
		ent = &m.ents[i]
		if known.matched {
			ent = nil
		} else if prev := l.months[fr.s.Department]; prev != nil && prev.codeHeld(int(i), m.ek, r.Name) {
			ent.codeOK = true
			return
		}
	}
	s := &fr.s
	name := NormalizeHeader(r.Name)
	first, ok := l.codes[r.Code]
	if ok && ent != nil && sameName(first.name, name) {
		ent.codeOK = true
	}
	if !ok {
		first, ok = fr.codes[r.Code]
	}
	if !ok {
		switch {
		case len(l.codes)+len(fr.codes) < MaxCodes:
			if fr.codes == nil {
				fr.codes = map[string]codeUse{}
			}
			// Copies: the reader's strings may share one text per row, which
			// a kept substring would hold whole.
			at := r.CodeSource
			at.Cell = strings.Clone(at.Cell)
			fr.codes[strings.Clone(r.Code)] = codeUse{strings.Clone(name), at}
		case !fr.codesFull:
			fr.codesFull = true
			l.finding(Finding{Source: r.CodeSource, Department: s.Department, Period: s.Period.String(), Rule: RuleNotChecked,
				Severity: Warning, Fields: Fields{"check": Text{"新出现的统一社会信用代码是否一码一名", "whether each new credit code names one enterprise"}, "limit": MaxCodes}})
		}
		return
	}
	if !sameName(first.name, name) {
		l.finding(Finding{Source: r.CodeSource, Department: s.Department, Period: s.Period.String(), Rule: RuleCodeNames,
			Severity: Warning, Raw: r.Code, Fields: Fields{"code": r.Code, "first_name": first.name, "first_file": first.at.File, "name": r.Name}, Explanation: r.Note})
	}
}

// sameName reports whether two names (NormalizeHeader's) are one name as
// a reader sees it: the same but for full-width and half-width forms of
// ASCII characters (（03） and (03), ＡＢＣ and ABC), which one system
// exports and another types.
func sameName(a, b string) bool {
	return a == b || HalfWidth(a) == HalfWidth(b)
}

// HalfWidth writes the full-width forms of ASCII characters (U+FF01–
// U+FF5E, what a Chinese input method types in its full-width mode:
// ９１１２…Ｙ, （03）) as the characters; s unchanged, without a copy, when
// it has none (a full-width form's UTF-8 begins with the byte EF).
func HalfWidth(s string) string {
	if strings.IndexByte(s, 0xEF) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0
		}
		return r
	}, s)
}

// specFields are the message fields of a spec rule that does not hold.
func specFields(rule *CheckRule, left, right decimal.Decimal) Fields {
	return Fields{"id": rule.ID, "expr": rule.Text, "text": rule.Message, "left": left.String(), "right": right.String()}
}
