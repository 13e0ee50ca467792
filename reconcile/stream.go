package reconcile

import (
	"hash/maphash"
	"slices"
	"strconv"
	"strings"
)

// Files are added to a ledger whole (Add, a Submission with its sheets)
// or row by row as a reader streams them (Begin, then a SheetRead per
// table, then Commit or Abort). Both go through the same FileRead, so the
// checks are one code whatever the path.
//
// A streamed file can turn out unreadable late — a zip CRC error is known
// only at the end of a sheet, a malformed tag or a limit at row 150,000 —
// and none of it may stay in the run. So a FileRead keeps what the file
// adds apart from the ledger until Commit: its totals as deltas per
// indicator and period (bounded by the spec, not by the rows), its row
// and cell counts, its findings (bounded per file like the run's), the
// credit codes it names first, its month for the checks across months,
// and its detail (held by a DetailStage: a temporary file for the
// workbook's 明细). Abort drops all of it; the caller then adds the file
// as unreadable. What a FileRead holds per row is a compact key for the
// duplicate check (two 64-bit hashes and a line number), never the row.
//
// Two checks need every row of a department-month in memory — the checks
// across months (本年累计 follows from last month's, rows appearing or
// disappearing) and one name per credit code across the run — so they are
// bounded by named limits (MaxMonthValues, MaxCodes): past them the totals
// are still consolidated exactly and a not_checked finding says which
// check was not run.
//
// How the command uses the two (cmd/tally readEach): workers read small
// files whole, several at once, and the ledger adds them in order; a file
// past a few thousand rows is streamed by the goroutine that consolidates,
// in its turn. Per-file bounded row channels from the workers were the
// other choice: they would parse a large file while earlier ones are
// added, but the ledger must take files in order, so each such worker
// would sit blocked on its channel until its file's turn, and a folder of
// large files would tie up every worker. Large files are rare; a month's
// folder of small department files is the common case, and keeps its
// parallel path.

// MaxMonthValues bounds the row figures (entity × indicator) of one
// department-month kept for the checks across months: about 150 bytes
// each (month.go), held for the month and its successor.
const MaxMonthValues = 200_000

// MaxHeldMonthValues bounds the row figures the ledger keeps across all
// departments: each department's last month, for the checks against its
// next (files come month by month, so a county of many departments holds
// one month of each at once: measured about 250 bytes a row figure with
// its maps, so 167 departments of 2,000 rows × 5 indicators would be 400
// MB; this bound is about 75 MB). Past it a department's new
// month is not kept, and its next month's checks across months say they
// were not run (not_checked), never silently skipped; totals are
// consolidated exactly as usual. A variable so tests can lower it.
var MaxHeldMonthValues = 300_000

// MaxCodes bounds the credit codes a run remembers to check that each
// names one enterprise: about 200 bytes each.
const MaxCodes = 200_000

// DetailStage holds one streamed file's detail entries until the file is
// read to its end: Commit hands them, in order, to the run's detail; Drop
// forgets them.
type DetailStage interface {
	Add(*Entry) // copies the entry: the pointer is not kept
	Commit(to func(*Entry)) error
	Drop()
}

// EntrySlots is a DetailStage that lets the ledger write an entry in
// place: Slot returns the entry to fill, which the stage holds as added
// (zeroed or not: the ledger sets every field). It saves copying each
// figure's entry (about 200 bytes) once more on its way to the 明细.
type EntrySlots interface {
	Slot() *Entry
}

// memStage holds a file's entries in memory: the stage of a run that
// keeps its detail in Result.Detail anyway.
type memStage struct{ es []Entry }

func (m *memStage) Add(e *Entry) { m.es = append(m.es, *e) }
func (m *memStage) Commit(to func(*Entry)) error {
	for i := range m.es {
		to(&m.es[i])
	}
	m.es = nil
	return nil
}
func (m *memStage) Drop() { m.es = nil }

// DiscardStage is the stage of a run that writes no detail.
type DiscardStage struct{}

func (DiscardStage) Add(*Entry)                {}
func (DiscardStage) Commit(func(*Entry)) error { return nil }
func (DiscardStage) Drop()                     {}

// findBuf is one part of a file's findings, bounded like the run's: the
// first max in full, the rest counted.
type findBuf struct {
	list                   []Finding
	max                    int
	dropped, droppedErrors int
}

func (b *findBuf) add(f Finding) {
	switch {
	case f.Rule == RuleTooManyFindings && f.File != "":
		d, _ := f.Fields["more"].(int)
		e, _ := f.Fields["errors"].(int)
		b.dropped += d
		b.droppedErrors += e
	case b.max > 0 && len(b.list) >= b.max && f.File != "":
		b.dropped++
		if f.Severity == Error {
			b.droppedErrors++
		}
	default:
		b.list = append(b.list, f)
	}
}

// FileRead is one file being added to a ledger; see Begin.
type FileRead struct {
	l      *Ledger
	s      Submission // identity, dates; no sheets
	key    string
	in     Input
	noSum  bool // a second file in check mode: checked, not consolidated
	dup    bool // a second file: its rows counted as rejected, not checked
	reader findBuf
	mid    []Finding // late, duplicate: after the reader's findings
	own    findBuf   // the ledger's checks of the file's rows
	figs   map[figKey]*fileFig
	sum    Summary // rows and cells
	codes  map[string]codeUse
	// codesFull: the run's codes reached MaxCodes while reading the file.
	codesFull bool
	cur       *monthState
	jumps     []jumpVal   // the accepted 本月 figures, for the month-jump check
	levels    []jumpVal   // the accepted levels of stocks, for the stock-drop check
	stage     DetailStage // nil: entries go straight to the detail
	done      bool
	// figures: a value cell of the file holds a number (any row's,
	// rejected or not); a file read with none is no return (no_figures).
	figures bool
	// tables are the department's tables whose sheet was read (Sheet):
	// one it owes and never read — its sheet missing or renamed, its
	// header not found — leaves its indicators incomplete (unread).
	tables map[string]bool
}

// Begin starts adding the file s, whose identity and reader's findings so
// far it carries (not its sheets), for a reader that streams its rows. It
// returns nil when nothing of the file is to be read: a later month's file
// (listed as skipped) or one unreadable or unidentified (added whole).
// The file must be committed or aborted before the next file is added.
func (l *Ledger) Begin(s *Submission) *FileRead {
	var stage DetailStage = &memStage{}
	if l.opt.Stage != nil {
		stage = l.opt.Stage()
	}
	return l.begin(s, stage)
}

func (l *Ledger) begin(s *Submission, stage DetailStage) *FileRead {
	s = l.recorded(s)
	in := Input{File: s.File, Department: s.Department, SHA256: s.SHA256, Status: "ok", Template: s.Template, saved: s.Saved, savedAt: saveTime(s), received: l.receivedOn(s.File)}
	if s.Department != "" {
		in.Period = s.Period.String()
	}
	if s.Department != "" && !l.check && l.after(s.Period) {
		// A later month's file in the same folder: listed, not read into
		// this run (its rows belong to a later one).
		in.Status = "skipped"
		l.res.Inputs = append(l.res.Inputs, in)
		return nil
	}
	if s.Unreadable || s.Department == "" {
		l.Add(s)
		return nil
	}
	max := l.opt.MaxFindingsPerFile
	fr := &FileRead{l: l, s: *s, key: s.Department + "|" + s.Period.String(), in: in,
		reader: findBuf{max: max}, own: findBuf{max: max}, figs: map[figKey]*fileFig{}, stage: stage}
	fr.jumps, l.jumpBuf = l.jumpBuf[:0], nil // the last file's, emptied
	fr.s.Sheets, fr.s.Findings = nil, nil
	for _, f := range s.Findings {
		fr.reader.add(f)
	}
	if f, late := l.late(s); late && !nameConflict(s) {
		fr.mid = append(fr.mid, f)
	}
	if l.used[fr.key] {
		// A second file for one department-month. Files come in the order
		// of Identity.Before, so the one that counts came first; both are
		// reported, saying which counts and why.
		used := l.chosen[fr.key]
		if used.SHA256 != "" && used.SHA256 == s.SHA256 {
			// A byte-identical copy: nothing differs, nothing is lost.
			fr.mid = append(fr.mid, Finding{Source: Source{File: s.File}, Department: s.Department, Period: s.Period.String(),
				Rule: RuleIdenticalCopy, Severity: Info, Fields: Fields{"used": used.File}})
		} else {
			fr.mid = append(fr.mid, Finding{Source: Source{File: s.File}, Department: s.Department, Period: s.Period.String(),
				Rule: RuleDuplicateFile, Severity: Warning, Fields: Fields{"used": used.File, "saves": savesText(used.Modified, s.Modified)}},
				Finding{Source: Source{File: used.File}, Department: s.Department, Period: s.Period.String(),
					Rule: RuleDuplicateUsed, Severity: Info, Fields: Fields{"other": s.File}})
		}
		// In check mode it is checked like any file, so the department
		// hears of all its problems; its figures go nowhere.
		fr.noSum, fr.dup = l.check, !l.check
		if fr.dup {
			fr.in.Status = "duplicate"
		}
	} else if s.Period.IsMonth() {
		fr.cur = newMonthState(s.Period, s.File, l.monthOf(s.Department), l.spareMonth)
		fr.cur.templateRows = s.TemplateRows
		l.spareMonth = nil
	}
	return fr
}

// nameConflict reports whether the file's name says another department or
// month than the template it was filled in (wrong_template): last month's
// file re-used is late for last month only by a deadline it was never
// meant for, so its lateness is not judged (the mistake is said once).
func nameConflict(s *Submission) bool {
	for i := range s.Findings {
		if s.Findings[i].Rule == RuleWrongTemplate {
			return true
		}
	}
	return false
}

// Finding adds a reader's finding of the file.
func (fr *FileRead) Finding(f Finding) { fr.reader.add(f) }

// Abort drops everything the file added: none of it reaches the run. The
// caller adds the file again as unreadable, saying why.
func (fr *FileRead) Abort() {
	if fr.done {
		return
	}
	fr.done = true
	if fr.stage != nil {
		fr.stage.Drop()
	}
	if fr.l.tx == fr {
		fr.l.tx = nil
	}
	fr.l.reuseJumps(fr)
}

// reuseJumps keeps a finished file's month-jump buffer, emptied, for the
// next file: one buffer a run rather than one grown row by row per file.
func (l *Ledger) reuseJumps(fr *FileRead) {
	clear(fr.jumps) // its strings are the file's: not kept alive
	l.jumpBuf, fr.jumps = fr.jumps[:0], nil
}

// Commit joins the file's totals, counts, findings and detail to the run.
// It returns an error only when the detail stage could not replay the
// file's entries (the temporary file failed): the run cannot go on.
func (fr *FileRead) Commit() error {
	if fr.done {
		return nil
	}
	fr.done = true
	l := fr.l
	if l.tx == fr {
		l.tx = nil
	}
	if fr.stage != nil {
		if err := fr.stage.Commit(l.detail); err != nil {
			return err
		}
	}
	if !fr.figures && len(fr.tables) > 0 && !fr.dup {
		// A blank template sent back, or every figure left out: nothing
		// of the month is there, whatever the file's name says. The one
		// error says so; its 合计 formulas without a value sum nothing
		// and are not said besides (nor its rows gone: unread).
		fr.own.add(Finding{Source: Source{File: fr.s.File}, Department: fr.s.Department, Period: fr.s.Period.String(),
			Rule: RuleNoFigures, Severity: Error})
		fr.reader.list = slices.DeleteFunc(fr.reader.list, func(f Finding) bool { return f.Rule == RuleTotalNoValue })
	}
	l.fileStart = len(l.res.Findings)
	l.replay(&fr.reader, fr.s.File)
	for _, f := range fr.mid {
		l.bounded(f)
	}
	l.replay(&fr.own, fr.s.File)
	fr.unread()
	for k, d := range fr.figs {
		f := l.fig(k.ind, k.p)
		if d.has {
			f.Value = f.Value.Add(d.sum.value().Decimal())
			f.Has = true
		}
		f.Incomplete = appendUnique(f.Incomplete, d.incomplete...)
		if d.hasYTD && !fr.dup {
			y := l.ytds[k]
			if y == nil {
				y = &Figure{}
				l.ytds[k] = y
			}
			y.Value, y.Has = y.Value.Add(d.ytd.value().Decimal()), true
		}
	}
	sum := &l.res.Summary
	sum.Rows += fr.sum.Rows
	sum.RowsConsolidated += fr.sum.RowsConsolidated
	sum.RowsRejected += fr.sum.RowsRejected
	sum.RowsDuplicate += fr.sum.RowsDuplicate
	sum.Cells += fr.sum.Cells
	sum.CellsConsolidated += fr.sum.CellsConsolidated
	sum.CellsRejected += fr.sum.CellsRejected
	sum.CellsChecked += fr.sum.CellsChecked
	sum.CellsReported += fr.sum.CellsReported
	sum.CellsTemplate += fr.sum.CellsTemplate
	for code, u := range fr.codes {
		if len(l.codes) < MaxCodes {
			l.codes[code] = u
		}
	}
	if !fr.dup && !fr.noSum {
		l.chosen[fr.key] = IdentityOf(&fr.s)
		l.received[fr.key] = true
		l.used[fr.key] = true
		if fr.cur != nil {
			l.compareMonths(fr.s.Department, fr.cur)
			if err := l.spill.err; err != nil {
				return err
			}
		}
		l.keepJumps(fr)
		l.carryJumps(fr)
		if fr.cur != nil {
			fr.cur.carries = nil // compared: not kept with the month
		}
		l.checkLevels(fr)
	}
	l.reuseJumps(fr)
	l.res.Inputs = append(l.res.Inputs, fr.in)
	return nil
}

// unread marks incomplete, for the file's period, the indicators of each
// table the department owes whose sheet the file did not give (missing,
// renamed, no header found): the reader's finding says why, and the month
// is not whole — the same as rows rejected, so every consumer (targets,
// 汇总, 概览, the desk) follows. A second file's figures go nowhere, so
// its missing sheet leaves the month alone.
func (fr *FileRead) unread() {
	if fr.dup || fr.noSum {
		return
	}
	tables := fr.unreadTables()
	empty := !fr.figures && len(fr.tables) > 0 // no_figures: nothing read either
	if empty {
		d, _ := fr.l.spec.Department(fr.s.Department)
		tables = d.TablesFor(fr.s.Period)
	}
	for _, t := range tables {
		why := unreadSheet(fr.s.File, t.Sheet)
		read := fr.tables[t.ID]
		if empty && read {
			at := Source{File: fr.s.File, Sheet: t.Sheet}.String()
			why = Text{"该表中没有数字：" + at, "no figures in the sheet: " + at}
		}
		for _, ind := range t.IndicatorCodes() {
			f := fr.fig(ind)
			f.incomplete = appendUnique(f.incomplete, why)
		}
		if fr.cur != nil && (!read || empty) {
			// Not given, or given with no figure: last month's rows are
			// not gone from it (entity_disappears), next month's are not
			// new to it nor their 本年累计 checked against its nothing.
			if fr.cur.unread == nil {
				fr.cur.unread, fr.cur.unreadSheets = map[string]bool{}, map[string]bool{}
			}
			fr.cur.unread[t.ID], fr.cur.unreadSheets[t.Sheet] = true, true
		}
	}
}

// unreadTables are the tables the department owes for the file's period
// whose sheet the file did not give.
func (fr *FileRead) unreadTables() []*Table {
	d, ok := fr.l.spec.Department(fr.s.Department)
	if !ok {
		return nil
	}
	var out []*Table
	for _, t := range d.TablesFor(fr.s.Period) {
		if !fr.tables[t.ID] {
			out = append(out, t)
		}
	}
	return out
}

// unreadSheet is the reason a figure is incomplete when a file's sheet
// was not read.
func unreadSheet(file, sheet string) Text {
	at := Source{File: file, Sheet: sheet}.String()
	return Text{"未读取的工作表：" + at, "sheet not read: " + at}
}

// replay adds a file's buffered findings to the run under its bounds.
func (l *Ledger) replay(b *findBuf, file string) {
	for _, f := range b.list {
		l.bounded(f)
	}
	if b.dropped > 0 {
		l.bounded(Finding{Source: Source{File: file}, Rule: RuleTooManyFindings, Severity: Warning,
			Fields: Fields{"more": b.dropped, "errors": b.droppedErrors}})
	}
}

// belowTotalRejected makes the below_total finding of a row rejected say
// so: the reader, which finds the row under the 合计, said it was
// consolidated before the row's own errors kept it out.
func (fr *FileRead) belowTotalRejected(sheet string, line int) {
	at := strconv.Itoa(line)
	for _, list := range [][]Finding{fr.reader.list, fr.own.list} {
		for i := len(list) - 1; i >= 0; i-- {
			g := &list[i]
			if g.Rule == RuleBelowTotal && g.Sheet == sheet && strings.TrimLeft(g.Cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == at {
				f := Fields{}
				for k, v := range g.Fields {
					f[k] = v
				}
				f["done"] = Text{"因本行有错误未汇总", "it was not consolidated (the row has errors)"}
				g.Fields = f
				return
			}
		}
	}
}

// fileFig is the file's delta of an indicator's figure for its period:
// an exact sum (sum.go: no allocation per figure), and why it is not
// whole.
type fileFig struct {
	sum        exactSum
	has        bool
	incomplete []Text
	// ytd sums the 本年累计 column: December's is the year's flow as the
	// monthly return states it, compared with the 年报 (annualDiffers).
	ytd    exactSum
	hasYTD bool
}

// fig is the file's delta of an indicator's figure for its period.
func (fr *FileRead) fig(ind string) *fileFig {
	k := figKey{ind, fr.s.Period}
	f := fr.figs[k]
	if f == nil {
		f = &fileFig{}
		fr.figs[k] = f
	}
	return f
}

// fig is fr.fig(ind) for column ci's indicator, ind: the same for every
// row of an entity table, so looked up once per sheet.
func (sr *SheetRead) fig(ci int, ind string) *fileFig {
	if sr.byLine {
		return sr.fr.fig(ind) // the indicator depends on the row's line
	}
	if f := sr.colFigs[ci]; f != nil {
		return f
	}
	f := sr.fr.fig(ind)
	sr.colFigs[ci] = f
	return f
}

// SheetRead is one table of a file being read, row by row.
type SheetRead struct {
	fr   *FileRead
	sh   Sheet // name, table, the 合计; no rows
	rows int
	sums []exactSum // sum.go: no allocation per figure
	// rejectedSums: the figures of rejected rows a spreadsheet's SUM adds
	// (numbers, not text), for the one 合计 check that holds with rows
	// rejected: a total that skips a figure typed as text.
	rejectedSums []exactSum
	// rejectedTexts: the figures typed as text of rejected rows, which a
	// SUM skips like the others (what a 合计 that skips a column's text
	// falls short by, said once for the column: sumSkipsTextMany).
	rejectedTexts []exactSum
	texts         []textFigures
	rejected      int
	// rejectedAt is, per indicator, the rows rejected: the first few and
	// how many.
	rejectedAt map[string]*rejectedLines
	seen       map[hashKey]firstRow // a row's entity, hashed → its first row
	values     int                  // value cells passed on
	colFigs    []*fileFig           // per column: the file's figure (fig)
	cols       []colPlan            // per column (plan)
	byLine     bool                 // an indicator table: a column's indicator depends on the line
	// What of checkRow applies to the sheet at all (plan): a name column
	// with its choices listed, credit codes to check, row rules.
	choices, codes, rules bool
	th                    hashKey // tableHash of the table's ID
	eh                    hashKey // the row's entity's hash (Row)
	// known is what last month's file or the template knows of the row's
	// credit code (matchEntity, by Row).
	known knownCode
	// lines are the sheet's data rows (not 填表人 lines): the rows its
	// 合计's SUM must reach (checkTotalRange). kept are the accepted
	// rows' figures, to tell whether the rows a SUM leaves out explain
	// the 合计's difference: dropped once a row is rejected (the
	// difference is then not compared) or past maxKept figures.
	lines    lineRuns
	kept     []keptFig
	keptOver bool
	// linesOver: the data rows came in more than maxKept runs (a blank
	// row between every two), and the 合计's range is not checked
	// (not_checked).
	linesOver bool
	// subtotals are the sheet's sub-total rows (Subtotal), the first
	// maxKept.
	subtotals []Subtotal
}

// keptFig is one accepted figure of a sheet: its row and column.
type keptFig struct {
	line, ci int32
	v        Num
}

// maxKept bounds the figures of a sheet kept for the 合计 check: past it
// a total_mismatch the left-out rows explain is still reported beside
// their total_range_omits_rows. It bounds the runs of data rows too.
const maxKept = 1 << 16

// keep records an accepted figure for checkTotalRange.
func (sr *SheetRead) keep(line, ci int, v Num) {
	if sr.keptOver {
		return
	}
	if len(sr.kept) >= maxKept {
		sr.dropKept()
		return
	}
	sr.kept = append(sr.kept, keptFig{int32(line), int32(ci), v})
}

// dropKept stops keeping the sheet's figures.
func (sr *SheetRead) dropKept() { sr.kept, sr.keptOver = nil, true }

// textFigures are a column's figures typed as text in accepted rows: the
// sheet's own =SUM skips them (checkTotal). The first few are kept for
// their findings; all are summed.
type textFigures struct {
	cells []Cell
	sum   exactSum
	more  int
}

type rejectedLines struct {
	first []int
	n     int
	last  int
}

// seeds hash a row's entity for the duplicate check: two independent
// 64-bit hashes, so that two different entities never look alike.
var seeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// Sheet starts reading one table of the file from its sheet name.
func (fr *FileRead) Sheet(t *Table, name string) *SheetRead {
	fr.l.tx = fr
	if fr.tables == nil {
		fr.tables = map[string]bool{}
	}
	fr.tables[t.ID] = true
	sr := &SheetRead{fr: fr, sh: Sheet{Table: t, Name: name}, sums: make([]exactSum, len(t.Columns)), rejectedSums: make([]exactSum, len(t.Columns)), rejectedTexts: make([]exactSum, len(t.Columns)),
		texts: make([]textFigures, len(t.Columns)), colFigs: make([]*fileFig, len(t.Columns)), rejectedAt: map[string]*rejectedLines{}, seen: fr.l.spareSeen, kept: fr.l.spareKept}
	fr.l.spareSeen, fr.l.spareKept = nil, nil
	if sr.seen == nil {
		sr.seen = map[hashKey]firstRow{}
	}
	sr.plan()
	return sr
}

// Total records the sheet's typed 合计 row.
func (sr *SheetRead) Total(r *Row) {
	t := *r
	t.Cells = append([]Cell(nil), r.Cells...)
	sr.sh.Total = &t
}

// Subtotal records a sub-total row of the sheet: not data, but a 合计
// whose SUM takes it in takes in the rows it sums.
func (sr *SheetRead) Subtotal(st Subtotal) {
	if len(sr.subtotals) < maxKept {
		sr.subtotals = append(sr.subtotals, Subtotal{st.Line, slices.Clone(st.Sums)})
	}
}

// HasTotal reports whether the sheet's 合计 has been read.
func (sr *SheetRead) HasTotal() bool { return sr.sh.Total != nil }

// Row adds one data row of the sheet: checked and consolidated, rejected
// with its findings, or, for a second file of a department-month, counted
// as rejected.
func (sr *SheetRead) Row(r *Row) {
	fr, l := sr.fr, sr.fr.l
	l.tx = fr
	sr.rows++
	fr.sum.Rows++
	if !r.Footer && !sr.byLine && !sr.linesOver {
		if sr.linesOver = !sr.lines.add(r.Line, maxKept); sr.linesOver {
			sr.lines = nil
		}
	}
	sr.known = knownCode{}
	if !fr.figures {
		for ci := range sr.cols {
			if sr.cols[ci].value && r.Cells[ci].State == Number {
				fr.figures = true
				break
			}
		}
	}
	switch {
	case fr.dup:
	case sr.codes && fr.cur != nil:
		// The entity, hashed once for the duplicate check and the month:
		// last month's of the row's name when the row's code is not its
		// (matchEntity).
		sr.eh, sr.known = l.matchEntity(sr, r)
	case fr.cur != nil || !sr.byLine:
		sr.eh = entityHash(entityOf(r))
	}
	if fr.cur != nil && !fr.dup {
		fr.cur.row(sr.th, sr.eh)
	}
	switch {
	case fr.dup:
		// Not consolidated, and not checked but for what is missing from
		// it: the department hears of that like of its unreadable cells.
		l.checkRequired(sr, r)
		fr.sum.RowsRejected++
		fr.sum.RowsDuplicate++
		sr.countRow(r, false)
		return
	case sr.byLine && r.LineN < 0:
		// Not a line of this table; the reader reported it.
		sr.rejected++
		fr.sum.RowsRejected++
		sr.countRow(r, false)
		return
	case !l.checkRow(sr, r):
		sr.rejected++
		sr.dropKept()
		fr.sum.RowsRejected++
		fr.belowTotalRejected(sr.sh.Name, r.Line)
		for ci := range sr.cols {
			if ind := sr.ind(ci, r); ind != "" {
				if c := &r.Cells[ci]; c.State == Number && !(c.AsText && c.Formula == "") {
					sr.rejectedSums[ci].add(c.Value)
				} else if c.State == Number {
					sr.rejectedTexts[ci].add(c.Value)
				}
				sr.reject(ind, r.Line)
				if fr.cur != nil {
					fr.cur.val(sr.indHash(ci, ind)).rejected = true
				}
			}
		}
		sr.countRow(r, false)
		return
	}
	fr.sum.RowsConsolidated++
	for ci := range sr.cols {
		cell := &r.Cells[ci]
		if cell.State != Number {
			continue
		}
		ind := sr.ind(ci, r)
		if ind == "" {
			continue
		}
		sr.sums[ci].add(cell.Value)
		sr.keep(r.Line, ci, cell.Value)
		if cell.AsText && cell.Formula == "" {
			sr.texts[ci].add(*cell, l.opt.MaxFindingsPerFile)
		}
		l.consolidate(sr, ci, r, cell, ind)
	}
	sr.countRow(r, !fr.noSum)
}

// colPlan is what the rows' checks need of a column, worked out once per
// sheet rather than per cell from the spec's strings.
type colPlan struct {
	value   bool    // a value column
	measure Measure // its measure
	// ind and def are an entity table's value column's indicator and its
	// definition ("" and nil for other columns, and in indicator tables,
	// where the indicator depends on the row's line).
	ind string
	def *Indicator
	ih  hashKey // indicatorHash(ind)
	// months are, for an entity table's 本年累计 column, the 本月 columns
	// of its indicator, the last first (checkMonthYTD).
	months []int
}

// plan works out the columns' plan for the sheet.
func (sr *SheetRead) plan() {
	t := sr.sh.Table
	sr.byLine = t.Rows == Indicators
	sr.cols = make([]colPlan, len(t.Columns))
	for ci := range t.Columns {
		c := &t.Columns[ci]
		p := colPlan{value: c.Role == RoleValue, measure: c.Measure}
		if !sr.byLine {
			p.ind = t.IndicatorFor(*c, nil)
			p.def, _ = sr.fr.l.spec.Indicator(p.ind)
			p.ih = indicatorHash(p.ind)
		}
		if !sr.byLine && c.Measure == YTDValue && p.value {
			for cj := len(t.Columns) - 1; cj >= 0; cj-- {
				if t.Columns[cj].Measure == MonthValue && t.IndicatorFor(t.Columns[cj], nil) == p.ind {
					p.months = append(p.months, cj)
				}
			}
		}
		sr.cols[ci] = p
		if c.Role == RoleName && len(c.Choices) > 0 {
			sr.choices = true
		}
	}
	sr.codes = t.Rows == Enterprise && hasRole(t, RoleCode)
	sr.th = tableHash(t.ID)
	for i := range sr.fr.l.spec.Rules {
		if !sr.fr.l.spec.Rules[i].Expr.Totals {
			sr.rules = true
		}
	}
}

// ind is the indicator of column ci in row r, "" when the cell is not an
// input (Table.IndicatorFor). An indicator table's row must be one of its
// lines.
func (sr *SheetRead) ind(ci int, r *Row) string {
	if !sr.byLine {
		return sr.cols[ci].ind
	}
	t := sr.sh.Table
	return t.IndicatorFor(t.Columns[ci], &t.Lines[r.LineN])
}

// indHash is indicatorHash(ind) of column ci's indicator, ind.
func (sr *SheetRead) indHash(ci int, ind string) hashKey {
	if !sr.byLine {
		return sr.cols[ci].ih
	}
	return indicatorHash(ind)
}

// def is the definition of ind, column ci's indicator.
func (sr *SheetRead) def(ci int, ind string) *Indicator {
	if d := sr.cols[ci].def; d != nil && !sr.byLine {
		return d
	}
	d, _ := sr.fr.l.spec.Indicator(ind)
	return d
}

func (tf *textFigures) add(c Cell, max int) {
	tf.sum.add(c.Value)
	if max > 0 && len(tf.cells) >= max {
		tf.more++
		return
	}
	tf.cells = append(tf.cells, c)
}

// reject records a rejected row of an indicator.
func (sr *SheetRead) reject(ind string, line int) {
	rl := sr.rejectedAt[ind]
	if rl == nil {
		rl = &rejectedLines{}
		sr.rejectedAt[ind] = rl
	}
	if rl.n > 0 && rl.last == line {
		return
	}
	rl.n++
	rl.last = line
	if len(rl.first) < 3 {
		rl.first = append(rl.first, line)
	}
}

// countRow accounts for a row's value cells the reader passed on:
// consolidated when the row was (and the cell is a figure), else rejected.
func (sr *SheetRead) countRow(r *Row, accepted bool) {
	s := &sr.fr.sum
	for i := range r.Cells {
		if cell := &r.Cells[i]; cell.Raw != "" {
			sr.values++
			if accepted && cell.State == Number {
				s.CellsConsolidated++
			} else {
				s.CellsRejected++
			}
		}
	}
}

// Merged takes the sheet's merged ranges over its value cells (Sheet.Merges;
// an .xlsx lists them after its rows, so they come once the rows have been
// read): each required finding at a cell one of them covers becomes
// merged_blank, which says why the cell is blank and names the cell the
// merge shows. The file's findings are bounded (and so this walk).
func (sr *SheetRead) Merged(ms []MergedRange) {
	if len(ms) == 0 {
		return
	}
	list := sr.fr.own.list
	for i := range list {
		f := &list[i]
		if f.Rule != RuleRequired || f.Sheet != sr.sh.Name || f.File != sr.fr.s.File {
			continue
		}
		col, row, ok := cellAt(f.Cell)
		if !ok {
			continue
		}
		for _, m := range ms {
			if m.covers(col, row) {
				f.Rule, f.Fields = RuleMergedBlank, Fields{"range": m.Ref(), "anchor": m.Anchor()}
				break
			}
		}
	}
}

// End finishes the sheet: its 合计 compared with the rows' sum, its cells
// accounted for (c is the reader's count: Read == Template + Reported +
// Values; a value cell unaccounted for is a bug), and the reason its
// indicators are incomplete when rows were rejected. It returns the
// sheet's number of data rows.
func (sr *SheetRead) End(c CellCount) int {
	fr, l := sr.fr, sr.fr.l
	l.tx = fr
	sh := &sr.sh
	if !fr.dup {
		l.checkTotal(fr, sr)
	}
	s := &fr.sum
	values := sr.values
	if sh.Total != nil {
		for _, cell := range sh.Total.Cells {
			if cell.Raw != "" {
				values++
				s.CellsChecked++
			}
		}
	}
	if c.Read == 0 {
		// A sheet built without the reader's account (a test, another
		// adapter): its value cells are all it has.
		c.Read, c.Values = values, values
	}
	s.Cells += c.Read
	s.CellsTemplate += c.Template
	s.CellsReported += c.Reported
	if values != c.Values || c.Read != c.Template+c.Reported+c.Values {
		panic(Bugf("sheet %s: %d cells read (%d template, %d reported, %d values) but %d value cells passed on",
			sh.Name, c.Read, c.Template, c.Reported, c.Values, values))
	}
	// One reason per indicator and sheet, however many rows were rejected.
	for ind, rl := range sr.rejectedAt {
		f := fr.fig(ind)
		f.incomplete = appendUnique(f.incomplete, rejectedRows(fr.s.File, sh.Name, rl.first, rl.n))
	}
	fr.in.Rows += sr.rows
	if len(sr.seen) <= maxSpareSeen {
		clear(sr.seen)
		l.spareSeen = sr.seen // the next sheet's, without growing it again
	}
	sr.seen = nil
	if sr.kept != nil {
		clear(sr.kept) // no decimal kept alive by the array
		l.spareKept, sr.kept = sr.kept[:0], nil
	}
	return sr.rows
}

// maxSpareSeen bounds the entities of a sheet's duplicate check kept for
// the next sheet: the map of one very large sheet is not held for the
// rest of the run.
const maxSpareSeen = 1 << 16

// entityHash is a row's entity (its credit code, else its name) as the
// duplicate check keeps it.
func entityHash(key string) hashKey { return hashOf(key) }
