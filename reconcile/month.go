package reconcile

import (
	"hash/maphash"
	"sort"
	"strconv"
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
// under a key of (table, entity) with its name and line. About 150 bytes
// per figure; MaxMonthValues bounds them.
//
// The keys are built from hashes made once: the entity's, once per row
// (the same hash the sheet's duplicate check takes, entityHash), the
// table's and each column's indicator's, once per sheet (SheetRead.plan).
// A key is their XOR, half by half: two keys are equal only if the XOR
// of the parts' hashes is zero in both halves, which for different
// entities is a collision of the entity hashes themselves, for the same
// entity in different tables or of different indicators a collision of
// those hashes, and otherwise a 128-bit coincidence — as unlikely as with
// one hash of the three. Tables are hashed with a prefix no indicator code
// or entity text has, so a table and an indicator of the same name hash
// apart.
//
// Figures and entities are kept in the order they come, with maps to find
// them by key built only when they are needed: a department's rows
// usually come in the same order month after month, so last month's
// record of a figure is first looked for at the same place (find), and a
// row's figures are looked up by key only when its entity came before in
// the month (a duplicate row, or a line of an indicator table twice).

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

// xor combines two keys half by half.
func (k hashKey) xor(o hashKey) hashKey { return hashKey{k[0] ^ o[0], k[1] ^ o[1]} }

// indicatorHash is the hash of an indicator code a figure's key takes.
func indicatorHash(ind string) hashKey {
	return hashKey{maphash.String(seeds[0], ind), maphash.String(seeds[1], ind)}
}

// tableHash is the hash of a table's ID a key takes.
func tableHash(id string) hashKey {
	t := "\x00table\x00" + id
	return hashKey{maphash.String(seeds[0], t), maphash.String(seeds[1], t)}
}

// monthVal is one row's 本月 and 本年累计 of an indicator.
type monthVal struct {
	key        hashKey
	month, ytd Num
	// ytdText is where the 本年累计 is (its sheet is sheet) and its text,
	// in monthState.text.
	ytdText          textRef
	sheet            uint16 // index into monthState.sheetNames
	hasMonth, hasYTD bool
	rejected         bool // the row was rejected: it breaks the chain
}

// entityVal is an entity of the month: for an entity row of an entity
// table that was checked (noted), its name, for messages, its credit code
// as the row gave it, and where it is. Its key is its code's (else its
// name's) — or, for a row matched by name to last month's entity whose
// code it does not give (matchEntity), that entity's key.
type entityVal struct {
	key   hashKey
	name  textRef // in monthState.text: the name, then the code
	table string
	sheet uint16
	line  int32
	noted bool // present in the month (note)
	// codeOK: the code–name check found the entity's credit code among
	// the run's codes under its first name (checkCodeName).
	codeOK bool
}

// textRef is where a month keeps a text: text[off:mid] and text[mid:end]
// of monthState.text (a cell reference and its raw text, or a name and
// nothing).
type textRef struct{ off, mid, end uint32 }

// monthState is what one department's month left for the next.
type monthState struct {
	period Period
	file   string
	vals   []monthVal // in sheet order, for findings
	// index finds vals by key: nil until a lookup needs it (lookup), then
	// kept up to date.
	index    map[hashKey]int32
	ents     []entityVal
	entIndex map[hashKey]int32 // into ents
	sheets   map[string]string // table → sheet name
	// carries are last month's 本年累计 figures as the file's template
	// carried them (Row.Carried), by key: the chain is checked against
	// them when last month's file is not in the run, and each 本月 against
	// their monthly average (carryJumps). Nil when there are none;
	// dropped once the file is committed.
	carries map[hashKey]Num
	// templateRows are the file's template's rows by sheet
	// (Submission.TemplateRows): with carries, the month before as the
	// template knew it.
	templateRows map[string][]TemplateRow
	// byName finds the month's entities by table and name (nameKey): made
	// when a row of the next month is not found by its key (matchEntity);
	// -1 for a name two entities of a table share.
	byName map[hashKey]int32
	// tplCodes are the template's valid credit codes by sheet and name
	// (templateCode): made at the first row that asks.
	tplCodes map[hashKey]string
	// unread are the tables whose sheet the month's file did not give
	// (FileRead.unread): their rows are not "gone", the sheet is — the
	// reader's missing_sheet (or missing_column) finding says so once.
	unread map[string]bool
	// unreadSheets are those tables' sheet names: next month's rows of
	// them have no 本年累计 here to follow from, so their chain is not
	// checked (not "last month's 0").
	unreadSheets map[string]bool
	sheetNames   []string
	// text holds the month's kept texts (textRef) in one buffer: copies,
	// so that a substring of a reader's row text is not held whole, and
	// without an allocation for each.
	text []byte
	// ek is the key of the row being added, of (table, entity), set by
	// row; rowStart is where its figures begin in vals; ent is its
	// entity's index in ents once registered (entity), -1 before, and
	// entBefore whether the month had the entity before the row.
	ek        hashKey
	rowStart  int
	ent       int32
	entBefore bool
	// fixed is, for each row whose 本年累计 broke the chain, what it
	// should have been: next month is checked against it too, so that a
	// month that follows the correct figure is not blamed for this one's
	// error. Made on the first break: nearly every month has none.
	fixed map[hashKey]Num
	// last is the key and index of the figure val returned last in this
	// row (a row's 本年累计 usually follows its 本月), -1 for none.
	lastKey hashKey
	last    int32
	// lastTable and lastSheet: the table whose sheet sheets has last
	// recorded.
	lastTable, lastSheet string
	// over: the month had more than MaxMonthValues row figures; its rows
	// are forgotten and it is compared with nothing.
	over  bool
	limit int // the limit that made it over
	// spilled: vals, ents and text are in the spill file at spillOff (spillLen
	// bytes; spill.go), nvals the row figures; false: in memory.
	spilled  bool
	spillOff int64
	spillLen int
	nvals    int
	spare    monthVal // what val returns once over
}

// newMonthState starts a month, sized like prev (the department's previous
// month, or nil), in spare's memory when there is one (a month no longer
// kept: Ledger.spareMonth).
func newMonthState(p Period, file string, prev, spare *monthState) *monthState {
	m := &monthState{period: p, file: file, last: -1, ent: -1, sheets: map[string]string{}}
	if spare != nil && spare.entIndex != nil {
		clear(spare.entIndex)
		m.vals, m.ents, m.entIndex, m.text = spare.vals[:0], spare.ents[:0], spare.entIndex, spare.text[:0]
		return m
	}
	vals, ents := 0, 0
	if prev != nil {
		vals, ents = min(len(prev.vals), MaxMonthValues), min(len(prev.ents), MaxMonthValues)
	}
	m.vals, m.ents, m.entIndex = make([]monthVal, 0, vals), make([]entityVal, 0, ents), make(map[hashKey]int32, ents)
	return m
}

// row starts a row whose entity has the hash eh (entityHash of entityOf)
// in a table whose hash is th (tableHash).
func (m *monthState) row(th, eh hashKey) {
	if !m.over {
		m.ek, m.last, m.ent, m.rowStart = th.xor(eh), -1, -1, len(m.vals)
	}
}

// overflow forgets the month's rows: it has more than MaxMonthValues, and
// the checks across months are not run on it (not_checked).
func (m *monthState) overflow() {
	m.over, m.limit = true, MaxMonthValues
	m.vals, m.index, m.ents, m.entIndex, m.text, m.byName = nil, nil, nil, nil, nil, nil
}

// keep copies a and b into the month's text.
func (m *monthState) keep(a, b string) textRef {
	off := len(m.text)
	m.text = append(m.text, a...)
	mid := len(m.text)
	m.text = append(m.text, b...)
	return textRef{uint32(off), uint32(mid), uint32(len(m.text))}
}

// texts returns the two texts of r.
func (m *monthState) texts(r textRef) (string, string) {
	return string(m.text[r.off:r.mid]), string(m.text[r.mid:r.end])
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

// entity registers the row's entity with the month, once per row, and
// returns its index and whether the month had it before the row.
func (m *monthState) entity() (int32, bool) {
	if m.ent < 0 {
		i, ok := m.entIndex[m.ek]
		if !ok {
			i = int32(len(m.ents))
			m.ents = append(m.ents, entityVal{key: m.ek})
			m.entIndex[m.ek] = i
		}
		m.ent, m.entBefore = i, ok
	}
	return m.ent, m.entBefore
}

// val returns the record of an indicator of the row begun by row in this
// month; ih is the indicator's hash (indicatorHash).
func (m *monthState) val(ih hashKey) *monthVal {
	if m.over {
		m.spare = monthVal{}
		return &m.spare
	}
	k := m.ek.xor(ih)
	if m.last >= 0 && k == m.lastKey {
		return &m.vals[m.last]
	}
	i, found := int32(-1), false
	if _, before := m.entity(); before {
		i, found = m.lookup(k)
	} else {
		// A new entity: its figures, if any, are this row's.
		for j := m.rowStart; j < len(m.vals); j++ {
			if m.vals[j].key == k {
				i, found = int32(j), true
				break
			}
		}
	}
	if !found {
		if len(m.vals) >= MaxMonthValues {
			m.overflow()
			return m.val(ih)
		}
		i = int32(len(m.vals))
		m.vals = append(m.vals, monthVal{key: k})
		if m.index != nil {
			m.index[k] = i
		}
	}
	m.lastKey, m.last = k, i
	return &m.vals[i]
}

// lookup finds a figure by key, building the index the first time.
func (m *monthState) lookup(k hashKey) (int32, bool) {
	if m.index == nil {
		m.index = make(map[hashKey]int32, len(m.vals))
		for i := range m.vals {
			m.index[m.vals[i].key] = int32(i)
		}
	}
	i, ok := m.index[k]
	return i, ok
}

// find returns the index of the figure whose key is k, trying i first: a
// department's rows usually come in the same order month after month, so
// the previous month's figure is most often at the same place.
func (m *monthState) find(i int, k hashKey) (int32, bool) {
	if i < len(m.vals) && m.vals[i].key == k {
		return int32(i), true
	}
	return m.lookup(k)
}

// codeHeld reports whether the month's entity at index i has key k, the
// name name, and passed the code–name check (entityVal.codeOK).
func (m *monthState) codeHeld(i int, k hashKey, name string) bool {
	if m.over || i >= len(m.ents) {
		return false
	}
	e := &m.ents[i]
	return e.key == k && e.codeOK && e.noted && string(m.text[e.name.off:e.name.mid]) == name
}

// present reports whether the month has the entity whose key is k noted,
// trying index i first (as find does).
func (m *monthState) present(i int, k hashKey) bool {
	if i < len(m.ents) && m.ents[i].key == k {
		return m.ents[i].noted
	}
	j, ok := m.entIndex[k]
	return ok && m.ents[j].noted
}

// carried records last month's 本年累计 of the figure whose key is k as the
// template the file was filled in carried it (Row.Carried).
func (m *monthState) carried(k hashKey, v Num) {
	if m.over {
		return
	}
	if m.carries == nil {
		m.carries = map[hashKey]Num{}
	}
	m.carries[k] = v
}

// setYTD records a row's 本年累计.
func (m *monthState) setYTD(v *monthVal, c *Cell) {
	v.ytd, v.hasYTD = c.Value, true
	if !m.over {
		v.ytdText = m.keep(c.Cell, c.Raw)
		v.sheet = m.sheetOf(c.Sheet)
	}
}

// ytdAt is where a row's 本年累计 is, and its text.
func (m *monthState) ytdAt(v *monthVal) (Source, string) {
	cell, raw := m.texts(v.ytdText)
	return Source{File: m.file, Sheet: m.sheetNames[v.sheet], Cell: cell}, raw
}

// nameOf is an entity's name.
func (m *monthState) nameOf(e entityVal) string {
	name, _ := m.texts(e.name)
	return name
}

// note records an entity row of an entity table (the row begun by row).
func (m *monthState) note(t *Table, sheet string, r *Row) {
	if t.Rows == Indicators || m.over {
		return
	}
	i, _ := m.entity()
	e := &m.ents[i]
	e.name, e.table, e.sheet, e.line, e.noted = m.keep(r.Name, r.Code), t.ID, m.sheetOf(sheet), int32(r.Line), true
	if t.ID != m.lastTable || sheet != m.lastSheet {
		m.sheets[t.ID] = sheet
		m.lastTable, m.lastSheet = t.ID, sheet
	}
}

// codeOf is an entity's credit code as its row gave it ("" for none).
func (m *monthState) codeOf(e *entityVal) string {
	_, code := m.texts(e.name)
	return code
}

// nameKey is the key byName finds an entity of a table by: the table's
// hash (tableHash) and the name's, as NormalizeHeader writes it.
func nameKey(th hashKey, name string) hashKey {
	return th.xor(hashOf("\x00name\x00", NormalizeHeader(name)))
}

// named returns the index of the month's entity of the table whose hash
// is th that has the name, if exactly one has it.
func (m *monthState) named(th hashKey, name string) (int32, bool) {
	if m.over || m.spilled {
		return 0, false
	}
	if m.byName == nil {
		m.byName = make(map[hashKey]int32, len(m.ents))
		tables := map[string]hashKey{}
		for i := range m.ents {
			e := &m.ents[i]
			if !e.noted {
				continue
			}
			h, ok := tables[e.table]
			if !ok {
				h = tableHash(e.table)
				tables[e.table] = h
			}
			k := nameKey(h, m.nameOf(*e))
			if _, two := m.byName[k]; two {
				m.byName[k] = -1
			} else {
				m.byName[k] = int32(i)
			}
		}
	}
	i, ok := m.byName[nameKey(th, name)]
	return i, ok && i >= 0
}

// knownCode is what the checks know of a row's credit code beyond the
// row: the code last month's return (or the file's template) gave the
// row's name when it is not the row's, and whether the row was matched by
// its name to last month's entity (matchEntity).
type knownCode struct {
	code string // valid, and not the row's; "" when none is known
	// said is the code with where it comes from, as the findings say it
	// (上月（2021-06）所报代码“9112…”, or the template's), was the same
	// as a sentence of its own (上月（2021-06）所报代码为“9112…”), for a row
	// that gives none.
	said, was Text
	matched   bool
}

// lastMonthsCode is a code last month's return gave, as findings say it.
func lastMonthsCode(p Period, code string) (said, was Text) {
	return Text{"上月（" + p.String() + "）所报代码“" + code + "”", `the code "` + code + `" of last month's return (` + p.String() + ")"},
		Text{"上月（" + p.String() + "）所报代码为“" + code + "”", `last month's return (` + p.String() + `) gave "` + code + `"`}
}

// templatesCode is a code the file's template prefilled from last month.
func templatesCode(p Period, code string) (said, was Text) {
	return Text{"模板预填的上月（" + p.String() + "）代码“" + code + "”", `the code "` + code + `" the template prefilled from last month (` + p.String() + ")"},
		Text{"模板预填的上月（" + p.String() + "）代码为“" + code + "”", `the template prefilled "` + code + `" from last month (` + p.String() + ")"}
}

// matchEntity returns the hash of the entity a row of a table with a
// credit code column is, for the checks across months (SheetRead.Row):
// its code's (else its name's) — unless the department's last month has
// no entity of that key but has exactly one of the row's name, whose code
// the row then mistyped, left out or changed: the row is that entity, so
// its 本年累计 follows from that entity's and it neither appears nor
// disappears. The code that month gave the name (or, without last
// month's file, the file's template), when valid and not the row's, is
// known: the credit code's findings name it (checkRow, checkCodeName).
func (l *Ledger) matchEntity(sr *SheetRead, r *Row) (hashKey, knownCode) {
	fr := sr.fr
	cur := fr.cur
	eh := entityHash(entityOf(r))
	if cur == nil || cur.over || r.Name == "" {
		return eh, knownCode{}
	}
	prev := l.months[fr.s.Department]
	if prev != nil && prev.period == cur.period.Prev() && !prev.over && !prev.spilled {
		if prev.present(len(cur.ents), sr.th.xor(eh)) {
			return eh, knownCode{}
		}
		j, ok := prev.named(sr.th, r.Name)
		if !ok {
			return eh, knownCode{}
		}
		e := &prev.ents[j]
		k := knownCode{matched: true}
		if code := prev.codeOf(e); code != r.Code {
			if _, valid := CheckCreditCode(code); valid {
				k.code = code
				k.said, k.was = lastMonthsCode(prev.period, code)
			}
		}
		return e.key.xor(sr.th), k
	}
	// Without last month's file, the template's rows carry their codes
	// (the chain and the rows gone are checked against the template by
	// cell and name already, whatever the code).
	if code := cur.templateCode(sr.sh.Name, r.Name); code != "" && code != r.Code {
		k := knownCode{code: code}
		k.said, k.was = templatesCode(cur.period.Prev(), code)
		return eh, k
	}
	return eh, knownCode{}
}

// templateCode is the valid credit code the month's template gave the
// row of the sheet that has the name, "" for none (or for a name two of
// its rows have, with two codes).
func (m *monthState) templateCode(sheet, name string) string {
	if m.templateRows == nil {
		return ""
	}
	if m.tplCodes == nil {
		m.tplCodes = map[hashKey]string{}
		for sh, rows := range m.templateRows {
			for _, tr := range rows {
				if _, valid := CheckCreditCode(tr.Code); !valid {
					continue
				}
				k := hashOf("\x00template\x00", sh, NormalizeHeader(tr.Name))
				if c, two := m.tplCodes[k]; two && c != tr.Code {
					m.tplCodes[k] = ""
				} else {
					m.tplCodes[k] = tr.Code
				}
			}
		}
	}
	if len(m.tplCodes) == 0 {
		return ""
	}
	return m.tplCodes[hashOf("\x00template\x00", sheet, NormalizeHeader(name))]
}

// at is where an entity's row is.
func (m *monthState) at(e entityVal) Source {
	return Source{File: m.file, Sheet: m.sheetNames[e.sheet], Cell: "A" + strconv.Itoa(int(e.line))}
}

// compareMonths runs the checks across months for a department's new month
// against the month before it, then keeps the new month.
func (l *Ledger) compareMonths(dept string, cur *monthState) {
	prev := l.monthOf(dept)
	p := cur.period
	switch {
	case prev != nil && prev.period == p.Prev() && p.Month > 1:
		if prev.over {
			l.notCompared(dept, cur, prev.limit)
		} else if cur.over {
			l.notCompared(dept, cur, cur.limit)
		} else {
			l.compare(dept, prev, cur)
		}
	case p.Month == 1:
		if cur.over {
			l.notCompared(dept, cur, cur.limit)
		} else {
			l.compare(dept, nil, cur) // the year starts from zero
		}
	case cur.carries != nil && !cur.over:
		// Last month's file is not in the run: the figures typed over the
		// template's 本年累计 formula are checked against the figures it
		// carried.
		l.compare(dept, nil, cur)
	}
	if prev == nil || prev.period.Before(p) {
		held := l.held - heldOf(prev)
		if !cur.over && held+len(cur.vals) > MaxHeldMonthValues {
			cur.overflow() // not kept: the departments' months held are at the limit
			cur.limit = MaxHeldMonthValues
		}
		l.held = held + heldOf(cur)
		l.dropMonth(prev)
		l.keepMonth(cur)
		l.months[dept] = cur
		l.spareMonth = prev
	} else {
		l.spareMonth = cur
	}
}

// goneFromTemplate says each row of the month's `template --from`
// template that the return no longer has (entity_disappears, as against last
// month's file, which is not in the run): deleted, or renamed. A table
// whose sheet was not read has its own finding; an indicator table's lines
// are the form's.
func (l *Ledger) goneFromTemplate(dept string, cur *monthState) {
	p := cur.period
	prevLabel := Text{p.Prev().String() + "，模板所载", p.Prev().String() + " per the template"}
	bySheet := make(map[string]string, len(cur.sheets))
	for table, sheet := range cur.sheets {
		bySheet[sheet] = table
	}
	sheets := make([]string, 0, len(cur.templateRows))
	for sheet := range cur.templateRows {
		sheets = append(sheets, sheet)
	}
	sort.Strings(sheets)
	for _, sheet := range sheets {
		table, ok := bySheet[sheet]
		if !ok || cur.unread[table] {
			continue
		}
		here := map[string]bool{}
		for _, e := range cur.ents {
			if e.noted && e.table == table {
				here[NormalizeHeader(cur.nameOf(e))] = true
			}
		}
		if len(here) == 0 {
			// An indicator table (its lines are the form's, never noted
			// as entities), or a sheet with no row left: not said here.
			continue
		}
		for _, tr := range cur.templateRows[sheet] {
			if name := tr.Name; !here[NormalizeHeader(name)] {
				l.finding(Finding{Source: Source{File: cur.file, Sheet: sheet}, Department: dept, Period: p.String(),
					Rule: RuleDisappears, Severity: Info, Raw: name, Fields: Fields{"name": name, "prev": prevLabel}})
			}
		}
	}
}

// followsFix reports whether a row's 本年累计 this month (ytd, with its 本月
// month) follows from what the row's 本年累计 should have been in m, when
// m's own broke the chain.
func (m *monthState) followsFix(k hashKey, month, ytd Num) bool {
	f, ok := m.fixed[k]
	return ok && addsUp(f, month, ytd)
}

// heldOf is the row figures month m holds (none for nil).
func heldOf(m *monthState) int {
	if m == nil || m.over {
		return 0
	}
	if m.spilled {
		return m.nvals
	}
	return len(m.vals)
}

// notCompared says that a month was not checked against the month before
// it: one of them had too many rows to hold, or the months held were at
// their limit (the limit said).
func (l *Ledger) notCompared(dept string, cur *monthState, limit int) {
	l.finding(Finding{Source: Source{File: cur.file}, Department: dept, Period: cur.period.String(), Rule: RuleNotChecked, Severity: Warning,
		Fields: Fields{"check": Text{"与上月的逐行核对（本年累计衔接、新增和消失的行）", "the row-by-row checks against the month before (本年累计 chain, rows appearing or disappearing)"}, "limit": limit}})
}

// belowMonth indexes the ytd_below_month findings of the file last
// committed by cell: their place in the result.
func (l *Ledger) belowMonth() map[Source]int {
	var m map[Source]int
	for i := l.fileStart; i < len(l.res.Findings); i++ {
		if f := &l.res.Findings[i]; f.Rule == RuleYTDBelowMonth {
			if m == nil {
				m = map[Source]int{}
			}
			m[f.Source] = i
		}
	}
	return m
}

// dropFindings removes the result's findings at the indices drop.
func (l *Ledger) dropFindings(drop []int) {
	if len(drop) == 0 {
		return
	}
	gone := make(map[int]bool, len(drop))
	for _, i := range drop {
		gone[i] = true
	}
	kept := l.res.Findings[:0]
	for i, f := range l.res.Findings {
		if !gone[i] {
			kept = append(kept, f)
		}
	}
	l.res.Findings = kept
}

// compare: last month's 本年累计 + this month's 本月 = this month's 本年累计,
// row by row (an entity new this month starts from zero); and entities that
// appear or disappear. prev is nil for January, and for a later month
// whose month before is not in the run: its rows' chains then start from
// the figures their template carried (monthState.carries), and a row
// without one is not checked.
func (l *Ledger) compare(dept string, prev, cur *monthState) {
	p := cur.period
	var below map[Source]int // built at the first broken chain
	var drop []int           // ytd_below_month findings the chain replaces
	defer func() { l.dropFindings(drop) }()
	for i := range cur.vals {
		v := &cur.vals[i]
		if v.rejected || !v.hasMonth || !v.hasYTD {
			continue
		}
		var prevYTD Num // 0
		if prev == nil && p.Month > 1 {
			c, ok := cur.carries[v.key]
			if !ok {
				continue // no figure to start from
			}
			prevYTD = c
		}
		if prev != nil {
			if j, ok := prev.find(i, v.key); ok {
				pv := &prev.vals[j]
				if pv.rejected || !pv.hasYTD {
					continue // the rejected row has its own finding
				}
				prevYTD = pv.ytd
			} else if prev.unreadSheets[cur.sheetNames[v.sheet]] {
				continue // last month's sheet was not read: its own finding says so
			}
		}
		if addsUp(prevYTD, v.month, v.ytd) { // sum.go: no allocation when it does
			continue
		}
		if prev != nil && prev.followsFix(v.key, v.month, v.ytd) {
			continue // last month's figure is wrong, and has its own finding; this one is right
		}
		prevDec, month, ytd := prevYTD.Decimal(), v.month.Decimal(), v.ytd.Decimal()
		want := prevDec.Add(month)
		if cur.fixed == nil {
			cur.fixed = map[hashKey]Num{}
		}
		cur.fixed[v.key] = NumOf(want)
		off := ytd.Sub(want)
		offText := Text{"多 " + off.String(), off.String() + " too high"}
		if off.IsNegative() {
			offText = Text{"少 " + off.Neg().String(), off.Neg().String() + " too low"}
		}
		var prevLabel any = p.Prev().String()
		switch {
		case prev == nil && p.Month > 1:
			prevLabel = Text{p.Prev().String() + "，模板所载", p.Prev().String() + ", as the template carries it"}
		case prev == nil:
			prevLabel = Text{"年初", "the start of the year"}
		}
		at, raw := cur.ytdAt(v)
		f := Finding{Source: at, Department: dept, Period: p.String(), Rule: RuleYTDChain, Severity: Error, Raw: raw,
			Fields: Fields{"ytd": ytd.String(), "prev": prevLabel, "prev_ytd": prevDec.String(), "month": month.String(), "expected": want.String(), "revision": off.String(), "off": offText}}
		if below == nil {
			below = l.belowMonth()
			if below == nil {
				below = map[Source]int{} // none: not looked for again
			}
		}
		if i, ok := below[at]; ok {
			// One mistake, one finding: 本年累计 4 below 本月 5 is also
			// off the chain, and the chain says the figure to type.
			drop = append(drop, i)
			if b := l.bounds[at.File]; b != nil && b.listed > 0 {
				b.listed--
			}
		}
		l.finding(f)
	}
	if prev == nil {
		if p.Month > 1 && cur.carries != nil {
			l.goneFromTemplate(dept, cur)
		}
		return
	}
	var appears, gone []entityVal
	for i, e := range cur.ents {
		// A table last month's file did not give: its rows are back, not new.
		if e.noted && !prev.unread[e.table] && !prev.present(i, e.key) {
			appears = append(appears, e)
		}
	}
	for i, e := range prev.ents {
		if e.noted && !cur.unread[e.table] && !cur.present(i, e.key) {
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
		name := cur.nameOf(e)
		l.finding(Finding{Source: cur.at(e), Department: dept, Period: p.String(), Rule: RuleAppears, Severity: Info,
			Raw: name, Fields: Fields{"name": name, "prev": prev.period.String()}})
	}
	for _, e := range gone {
		name := prev.nameOf(e)
		sheet := cur.sheets[e.table]
		if sheet == "" {
			sheet = prev.sheets[e.table] // the table's rows are all gone this month
		}
		l.finding(Finding{Source: Source{File: cur.file, Sheet: sheet}, Department: dept, Period: p.String(),
			Rule: RuleDisappears, Severity: Info, Raw: name, Fields: Fields{"name": name, "prev": prev.period.String()}})
	}
}
