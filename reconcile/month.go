package reconcile

import (
	"hash/maphash"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// The checks across months (本年累计 follows from last month's; entities
// appearing or disappearing) compare each month's file with the same
// department's previous month. The ledger keeps only the latest month per
// department, so its memory does not grow with the number of files; inputs
// are added in period order (Consolidate sorts them; the command reads them
// so), and a month whose predecessor came later or not at all is not
// compared.

// What a month keeps is compact, since a month of a large file has many
// rows: each row's figures under a 128-bit key of (table, entity,
// indicator) with the two figures as 64-bit coefficients, each entity
// under a hash of (table, entity) with its name and line. About 150 bytes
// per figure; MaxMonthValues bounds them. The entity is hashed once per
// row (row); a figure's key is the row's key combined with a hash of the
// indicator code (figureKey), so the cost per figure is one short hash
// and one map lookup.

// hashKey is two independent 64-bit hashes: two different keys never look
// alike in practice.
type hashKey [2]uint64

func hashOf(parts ...string) hashKey {
	var k hashKey
	for i := range k {
		var h maphash.Hash
		h.SetSeed(seeds[i])
		for _, p := range parts {
			h.WriteString(p)
			h.WriteByte(0)
		}
		k[i] = h.Sum64()
	}
	return k
}

// figureKey is the key of an indicator's figure in the row whose entity
// key is e: each half XORed with an independent hash of the indicator
// code. Two figures' keys are equal only if e1[i]^e2[i] equals
// h1[i]^h2[i] in both halves: for different entities and the same
// indicator that is a collision of the entity hashes themselves, for the
// same entity and different indicators one of the indicator hashes, and
// otherwise a 128-bit coincidence — as unlikely as with one hash of the
// three.
func figureKey(e hashKey, ind string) hashKey {
	return hashKey{e[0] ^ maphash.String(seeds[0], ind), e[1] ^ maphash.String(seeds[1], ind)}
}

// compactDec is a figure as a month keeps it: its coefficient and exponent
// when the coefficient fits in 64 bits (nearly always), else the decimal.
type compactDec struct {
	coef int64
	exp  int32
	big  *decimal.Decimal
}

func compact(d decimal.Decimal) compactDec {
	if d.NumDigits() <= 18 {
		return compactDec{coef: d.CoefficientInt64(), exp: d.Exponent()}
	}
	return compactDec{big: &d}
}

func (c compactDec) dec() decimal.Decimal {
	if c.big != nil {
		return *c.big
	}
	return decimal.New(c.coef, c.exp)
}

// monthVal is one row's 本月 and 本年累计 of an indicator.
type monthVal struct {
	key              hashKey
	month, ytd       compactDec
	ytdCell, ytdRaw  string // where the 本年累计 is (its sheet is sheet), and its text
	sheet            uint16 // index into monthState.sheetNames
	hasMonth, hasYTD bool
	rejected         bool // the row was rejected: it breaks the chain
}

// entityVal is an entity row of an entity table: its name, for messages,
// and where it is.
type entityVal struct {
	name, table string
	sheet       uint16
	line        int32
}

// monthState is what one department's month left for the next.
type monthState struct {
	period     Period
	file       string
	vals       []monthVal        // in sheet order, for findings
	index      map[hashKey]int32 // into vals
	present    map[hashKey]entityVal
	sheets     map[string]string // table → sheet name
	sheetNames []string
	// fixed is, for each row whose 本年累计 broke the chain, what it
	// should have been: next month is checked against it too, so that a
	// month that follows the correct figure is not blamed for this one's
	// error. Made on the first break: nearly every month has none.
	fixed map[hashKey]compactDec
	// ek is the key of the row being added: hashOf(table, entity), set by
	// row.
	ek hashKey
	// last is the key and index of the figure val returned last in this
	// row (a row's 本年累计 usually follows its 本月), -1 for none.
	lastKey hashKey
	last    int32
	// over: the month had more than MaxMonthValues row figures; its rows
	// are forgotten and it is compared with nothing.
	over  bool
	spare monthVal // what val returns once over
}

// newMonthState starts a month; hint is the number of figures expected
// (the department's previous month's), to size its slice and map once.
func newMonthState(p Period, file string, hint int) *monthState {
	hint = min(hint, MaxMonthValues)
	return &monthState{period: p, file: file, last: -1, vals: make([]monthVal, 0, hint), index: make(map[hashKey]int32, hint),
		present: map[hashKey]entityVal{}, sheets: map[string]string{}}
}

// row starts a row of table t: its entity is hashed once for all its
// figures (val) and its presence (note).
func (m *monthState) row(t *Table, r *Row) {
	if !m.over {
		m.ek, m.last = hashOf(t.ID, entityOf(r)), -1
	}
}

// overflow forgets the month's rows: it has more than MaxMonthValues, and
// the checks across months are not run on it (not_checked).
func (m *monthState) overflow() {
	m.over = true
	m.vals, m.index, m.present = nil, nil, nil
}

func entityOf(r *Row) string {
	if r.Code != "" {
		return r.Code
	}
	return r.Name
}

// sheetOf returns the index of a sheet's name.
func (m *monthState) sheetOf(name string) uint16 {
	for i, n := range m.sheetNames {
		if n == name {
			return uint16(i)
		}
	}
	m.sheetNames = append(m.sheetNames, name)
	return uint16(len(m.sheetNames) - 1)
}

// val returns the record of an indicator of the row begun by row in this
// month.
func (m *monthState) val(ind string) *monthVal {
	if m.over {
		m.spare = monthVal{}
		return &m.spare
	}
	k := figureKey(m.ek, ind)
	if m.last >= 0 && k == m.lastKey {
		return &m.vals[m.last]
	}
	i, ok := m.index[k]
	if !ok {
		if len(m.vals) >= MaxMonthValues {
			m.overflow()
			return m.val(ind)
		}
		i = int32(len(m.vals))
		m.index[k] = i
		m.vals = append(m.vals, monthVal{key: k})
	}
	m.lastKey, m.last = k, i
	return &m.vals[i]
}

// setYTD records a row's 本年累计.
func (m *monthState) setYTD(v *monthVal, c *Cell) {
	// Copies: the reader's strings may share one text per row, which a
	// kept substring would hold whole for as long as the month is kept.
	v.ytd, v.hasYTD, v.ytdCell, v.ytdRaw = compact(c.Value), true, strings.Clone(c.Cell), strings.Clone(c.Raw)
	if !m.over {
		v.sheet = m.sheetOf(c.Sheet)
	}
}

// ytdAt is where a row's 本年累计 is.
func (m *monthState) ytdAt(v *monthVal) Source {
	return Source{File: m.file, Sheet: m.sheetNames[v.sheet], Cell: v.ytdCell}
}

// note records an entity row of an entity table (the row begun by row).
func (m *monthState) note(t *Table, sheet string, r *Row) {
	if t.Rows == Indicators || m.over {
		return
	}
	m.present[m.ek] = entityVal{name: strings.Clone(r.Name), table: t.ID, sheet: m.sheetOf(sheet), line: int32(r.Line)}
	m.sheets[t.ID] = sheet
}

// at is where an entity's row is.
func (m *monthState) at(e entityVal) Source {
	return Source{File: m.file, Sheet: m.sheetNames[e.sheet], Cell: "A" + strconv.Itoa(int(e.line))}
}

// compareMonths runs the checks across months for a department's new month
// against the month before it, then keeps the new month.
func (l *Ledger) compareMonths(dept string, cur *monthState) {
	prev := l.months[dept]
	p := cur.period
	switch {
	case prev != nil && prev.period == p.Prev() && p.Month > 1:
		if prev.over || cur.over {
			l.notCompared(dept, cur)
		} else {
			l.compare(dept, prev, cur)
		}
	case p.Month == 1:
		if cur.over {
			l.notCompared(dept, cur)
		} else {
			l.compare(dept, nil, cur) // the year starts from zero
		}
	}
	if prev == nil || prev.period.Before(p) {
		l.months[dept] = cur
	}
}

// followsFix reports whether a row's 本年累计 this month (ytd, with its 本月
// month) follows from what the row's 本年累计 should have been in m, when
// m's own broke the chain.
func (m *monthState) followsFix(k hashKey, month, ytd decimal.Decimal) bool {
	f, ok := m.fixed[k]
	return ok && addsUp(f.dec(), month, ytd)
}

// notCompared says that a month was not checked against the month before
// it: one of them had too many rows to hold.
func (l *Ledger) notCompared(dept string, cur *monthState) {
	l.finding(Finding{Source: Source{File: cur.file}, Department: dept, Period: cur.period.String(), Rule: RuleNotChecked, Severity: Warning,
		Fields: Fields{"check": Text{"与上月的逐行核对（本年累计衔接、新增和消失的行）", "the row-by-row checks against the month before (本年累计 chain, rows appearing or disappearing)"}, "limit": MaxMonthValues}})
}

// compare: last month's 本年累计 + this month's 本月 = this month's 本年累计,
// row by row (an entity new this month starts from zero); and entities that
// appear or disappear. prev is nil for January.
func (l *Ledger) compare(dept string, prev, cur *monthState) {
	p := cur.period
	for i := range cur.vals {
		v := &cur.vals[i]
		if v.rejected || !v.hasMonth || !v.hasYTD {
			continue
		}
		prevYTD := decimal.Zero
		if prev != nil {
			if j, ok := prev.index[v.key]; ok {
				pv := &prev.vals[j]
				if pv.rejected || !pv.hasYTD {
					continue // the rejected row has its own finding
				}
				prevYTD = pv.ytd.dec()
			}
		}
		month, ytd := v.month.dec(), v.ytd.dec()
		if addsUp(prevYTD, month, ytd) { // sum.go: no allocation when it does
			continue
		}
		if prev != nil && prev.followsFix(v.key, month, ytd) {
			continue // last month's figure is wrong, and has its own finding; this one is right
		}
		want := prevYTD.Add(month)
		if cur.fixed == nil {
			cur.fixed = map[hashKey]compactDec{}
		}
		cur.fixed[v.key] = compact(want)
		off := ytd.Sub(want)
		offText := Text{"多 " + off.String(), off.String() + " too high"}
		if off.IsNegative() {
			offText = Text{"少 " + off.Neg().String(), off.Neg().String() + " too low"}
		}
		var prevLabel any = p.Prev().String()
		if prev == nil {
			prevLabel = Text{"年初", "the start of the year"}
		}
		l.finding(Finding{Source: cur.ytdAt(v), Department: dept, Period: p.String(), Rule: RuleYTDChain, Severity: Error, Raw: v.ytdRaw,
			Fields: Fields{"ytd": ytd.String(), "prev": prevLabel, "prev_ytd": prevYTD.String(), "month": month.String(), "expected": want.String(), "revision": off.String(), "off": offText}})
	}
	if prev == nil {
		return
	}
	var appears, gone []entityVal
	for k, e := range cur.present {
		if _, was := prev.present[k]; !was {
			appears = append(appears, e)
		}
	}
	for k, e := range prev.present {
		if _, is := cur.present[k]; !is {
			gone = append(gone, e)
		}
	}
	byCell := func(m *monthState, es []entityVal) {
		sort.Slice(es, func(i, j int) bool {
			a, b := m.sheetNames[es[i].sheet], m.sheetNames[es[j].sheet]
			return a < b || a == b && es[i].line < es[j].line
		})
	}
	byCell(cur, appears)
	byCell(prev, gone)
	for _, e := range appears {
		l.finding(Finding{Source: cur.at(e), Department: dept, Period: p.String(), Rule: RuleAppears, Severity: Info,
			Raw: e.name, Fields: Fields{"name": e.name, "prev": prev.period.String()}})
	}
	for _, e := range gone {
		l.finding(Finding{Source: Source{File: cur.file, Sheet: cur.sheets[e.table]}, Department: dept, Period: p.String(),
			Rule: RuleDisappears, Severity: Info, Raw: e.name, Fields: Fields{"name": e.name, "prev": prev.period.String()}})
	}
}
