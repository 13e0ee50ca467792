package reconcile

import (
	"sort"
	"strconv"

	"github.com/shopspring/decimal"
)

// The checks across months (本年累计 follows from last month's; entities
// appearing or disappearing) compare each month's file with the same
// department's previous month. The ledger keeps only the latest month per
// department, so its memory does not grow with the number of files; inputs
// are added in period order (Consolidate sorts them; the command reads them
// so), and a month whose predecessor came later or not at all is not
// compared.

type monthKey struct{ table, entity, ind string }

type entityKey struct{ table, entity string }

// monthVal is one row's 本月 and 本年累计 of an indicator.
type monthVal struct {
	month, ytd       decimal.Decimal
	hasMonth, hasYTD bool
	ytdAt            Source
	ytdRaw           string
	rejected         bool // the row was rejected: it breaks the chain
}

// monthState is what one department's month left for the next.
type monthState struct {
	period  Period
	file    string
	vals    map[monthKey]*monthVal
	order   []monthKey           // vals' keys in sheet order, for findings
	present map[entityKey]string // entity → its name, for messages
	sheets  map[string]string    // table → sheet name
	at      map[entityKey]Source // where each entity's row is
}

func newMonthState(s *Submission) *monthState {
	rows, cells := 0, 0 // sizes the maps once: a sheet of thousands of rows would grow them many times
	for _, sh := range s.Sheets {
		rows += len(sh.Rows)
		for _, r := range sh.Rows {
			cells += len(r.Cells)
		}
	}
	return &monthState{period: s.Period, file: s.File, vals: make(map[monthKey]*monthVal, cells), order: make([]monthKey, 0, cells),
		present: make(map[entityKey]string, rows), sheets: map[string]string{}, at: make(map[entityKey]Source, rows)}
}

func entityOf(r *Row) string {
	if r.Code != "" {
		return r.Code
	}
	return r.Name
}

// val returns the record of a row's indicator in this month.
func (m *monthState) val(t *Table, r *Row, ind string) *monthVal {
	k := monthKey{t.ID, entityOf(r), ind}
	v := m.vals[k]
	if v == nil {
		v = &monthVal{}
		m.vals[k] = v
		m.order = append(m.order, k)
	}
	return v
}

// note records an entity row of an entity table.
func (m *monthState) note(t *Table, sheet string, r *Row) {
	if t.Rows == Indicators {
		return
	}
	k := entityKey{t.ID, entityOf(r)}
	m.present[k] = r.Name
	m.sheets[t.ID] = sheet
	m.at[k] = Source{File: m.file, Sheet: sheet, Cell: "A" + strconv.Itoa(r.Line)}
}

// compareMonths runs the checks across months for a department's new month
// against the month before it, then keeps the new month.
func (l *Ledger) compareMonths(dept string, cur *monthState) {
	prev := l.months[dept]
	p := cur.period
	switch {
	case prev != nil && prev.period == p.Prev() && p.Month > 1:
		l.compare(dept, prev, cur)
	case p.Month == 1:
		l.compare(dept, nil, cur) // the year starts from zero
	}
	if prev == nil || prev.period.Before(p) {
		l.months[dept] = cur
	}
}

// compare: last month's 本年累计 + this month's 本月 = this month's 本年累计,
// row by row (an entity new this month starts from zero); and entities that
// appear or disappear. prev is nil for January.
func (l *Ledger) compare(dept string, prev, cur *monthState) {
	p := cur.period
	for _, k := range cur.order {
		v := cur.vals[k]
		if v.rejected || !v.hasMonth || !v.hasYTD {
			continue
		}
		prevYTD := decimal.Zero
		if prev != nil {
			if pv := prev.vals[k]; pv != nil {
				if pv.rejected || !pv.hasYTD {
					continue // the rejected row has its own finding
				}
				prevYTD = pv.ytd
			}
		}
		if addsUp(prevYTD, v.month, v.ytd) { // sum.go: no allocation when it does
			continue
		}
		want := prevYTD.Add(v.month)
		var prevLabel any = p.Prev().String()
		if prev == nil {
			prevLabel = Text{"年初", "the start of the year"}
		}
		l.finding(Finding{Source: v.ytdAt, Department: dept, Period: p.String(), Rule: RuleYTDChain, Severity: Error, Raw: v.ytdRaw,
			Fields: Fields{"ytd": v.ytd.String(), "prev": prevLabel, "prev_ytd": prevYTD.String(), "month": v.month.String(), "expected": want.String(), "revision": v.ytd.Sub(want).String()}})
	}
	if prev == nil {
		return
	}
	var appears, gone []entityKey
	for k := range cur.present {
		if _, was := prev.present[k]; !was {
			appears = append(appears, k)
		}
	}
	for k := range prev.present {
		if _, is := cur.present[k]; !is {
			gone = append(gone, k)
		}
	}
	byCell := func(at map[entityKey]Source, ks []entityKey) {
		sort.Slice(ks, func(i, j int) bool {
			a, b := at[ks[i]], at[ks[j]]
			return a.Sheet < b.Sheet || a.Sheet == b.Sheet && len(a.Cell) < len(b.Cell) || a.Sheet == b.Sheet && len(a.Cell) == len(b.Cell) && a.Cell < b.Cell
		})
	}
	byCell(cur.at, appears)
	byCell(prev.at, gone)
	for _, k := range appears {
		l.finding(Finding{Source: cur.at[k], Department: dept, Period: p.String(), Rule: RuleAppears, Severity: Info,
			Raw: cur.present[k], Fields: Fields{"name": cur.present[k], "prev": prev.period.String()}})
	}
	for _, k := range gone {
		l.finding(Finding{Source: Source{File: cur.file, Sheet: cur.sheets[k.table]}, Department: dept, Period: p.String(),
			Rule: RuleDisappears, Severity: Info, Raw: prev.present[k], Fields: Fields{"name": prev.present[k], "prev": prev.period.String()}})
	}
}
