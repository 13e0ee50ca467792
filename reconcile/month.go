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

type entityKey struct{ table, entity string }

// monthVal is one row's 本月 and 本年累计 of an indicator.
type monthVal struct {
	month, ytd       decimal.Decimal
	hasMonth, hasYTD bool
	ytdAt            Source
	ytdRaw           string
	rejected         bool // the row was rejected: it breaks the chain
}

// monthEntity is what a month holds of one entity (or indicator line) of
// a table: its indicators' values, and where its row is. One map lookup
// per row finds it, not one per value cell; its few indicators are
// searched in a slice.
type monthEntity struct {
	key     entityKey
	vals    []indVal // in the order first seen
	present bool     // an entity row of an entity table (note)
	name    string   // its name, for messages
	sheet   string
	line    int // its row
}

// indVal is an indicator's values.
type indVal struct {
	ind string
	monthVal
}

// monthRef is one indicator of one entity: monthState.order lists them in
// the order first seen, the order of the findings.
type monthRef struct {
	e *monthEntity
	i int
}

// monthState is what one department's month left for the next.
type monthState struct {
	period   Period
	file     string
	entities map[entityKey]*monthEntity
	last     *monthEntity // the row val or note saw last: the next call is usually for it
	order    []monthRef
	listed   []*monthEntity    // entities in the order first seen
	sheets   map[string]string // table → sheet name
	inds     map[*Table]int    // how many indicators a row of a table has at most
}

func newMonthState(s *Submission) *monthState {
	rows, cells := 0, 0 // sizes the maps once: a sheet of thousands of rows would grow them many times
	for _, sh := range s.Sheets {
		rows += len(sh.Rows)
		for _, r := range sh.Rows {
			cells += len(r.Cells)
		}
	}
	return &monthState{period: s.Period, file: s.File, entities: make(map[entityKey]*monthEntity, rows),
		order: make([]monthRef, 0, cells), listed: make([]*monthEntity, 0, rows), sheets: map[string]string{}, inds: map[*Table]int{}}
}

func entityOf(r *Row) string {
	if r.Code != "" {
		return r.Code
	}
	return r.Name
}

// entity returns the record of an entity, making it when t is not nil.
func (m *monthState) entity(k entityKey, t *Table) *monthEntity {
	if e := m.last; e != nil && e.key == k {
		return e
	}
	e := m.entities[k]
	if e == nil && t != nil {
		e = &monthEntity{key: k, vals: make([]indVal, 0, m.indicators(t))}
		m.entities[k] = e
		m.listed = append(m.listed, e)
	}
	if e != nil {
		m.last = e
	}
	return e
}

// indicators is how many indicators a row of t has at most: its value
// columns' distinct indicators (an indicator table's lines, each of its
// flow and stock, when it has them).
func (m *monthState) indicators(t *Table) int {
	n, ok := m.inds[t]
	if !ok {
		var seen []string
		for _, c := range t.Columns {
			if c.Role == RoleValue && c.Indicator != "" && !contains(seen, c.Indicator) {
				seen = append(seen, c.Indicator)
			}
		}
		n = max(len(seen), 2)
		m.inds[t] = n
	}
	return n
}

// find returns the index of ind's value, or -1.
func (e *monthEntity) find(ind string) int {
	for i := range e.vals {
		if e.vals[i].ind == ind {
			return i
		}
	}
	return -1
}

// val returns the record of a row's indicator in this month.
func (m *monthState) val(t *Table, r *Row, ind string) *monthVal {
	e := m.entity(entityKey{t.ID, entityOf(r)}, t)
	i := e.find(ind)
	if i < 0 {
		i = len(e.vals)
		e.vals = append(e.vals, indVal{ind: ind})
		m.order = append(m.order, monthRef{e, i})
	}
	return &e.vals[i].monthVal
}

// note records an entity row of an entity table.
func (m *monthState) note(t *Table, sheet string, r *Row) {
	if t.Rows == Indicators {
		return
	}
	e := m.entity(entityKey{t.ID, entityOf(r)}, t)
	e.present, e.name, e.sheet, e.line = true, r.Name, sheet, r.Line
	m.sheets[t.ID] = sheet
}

// at is where an entity's row is.
func (m *monthState) at(e *monthEntity) Source {
	return Source{File: m.file, Sheet: e.sheet, Cell: "A" + strconv.Itoa(e.line)}
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
	for _, ref := range cur.order {
		v := &ref.e.vals[ref.i].monthVal
		if v.rejected || !v.hasMonth || !v.hasYTD {
			continue
		}
		prevYTD := decimal.Zero
		if prev != nil {
			if pe := prev.entity(ref.e.key, nil); pe != nil {
				if i := pe.find(ref.e.vals[ref.i].ind); i >= 0 {
					pv := &pe.vals[i]
					if pv.rejected || !pv.hasYTD {
						continue // the rejected row has its own finding
					}
					prevYTD = pv.ytd
				}
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
	var appears, gone []*monthEntity
	for _, e := range cur.listed {
		if pe := prev.entities[e.key]; e.present && (pe == nil || !pe.present) {
			appears = append(appears, e)
		}
	}
	for _, e := range prev.listed {
		if ce := cur.entities[e.key]; e.present && (ce == nil || !ce.present) {
			gone = append(gone, e)
		}
	}
	// By sheet and row: the order of A1 references compared by length,
	// then text, which for column A is the row number's.
	byRow := func(es []*monthEntity) {
		sort.Slice(es, func(i, j int) bool {
			a, b := es[i], es[j]
			return a.sheet < b.sheet || a.sheet == b.sheet && a.line < b.line
		})
	}
	byRow(appears)
	byRow(gone)
	for _, e := range appears {
		l.finding(Finding{Source: cur.at(e), Department: dept, Period: p.String(), Rule: RuleAppears, Severity: Info,
			Raw: e.name, Fields: Fields{"name": e.name, "prev": prev.period.String()}})
	}
	for _, e := range gone {
		l.finding(Finding{Source: Source{File: cur.file, Sheet: cur.sheets[e.key.table]}, Department: dept, Period: p.String(),
			Rule: RuleDisappears, Severity: Info, Raw: e.name, Fields: Fields{"name": e.name, "prev": prev.period.String()}})
	}
}
