package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/jingwu/tally/grid"
	"github.com/jingwu/tally/reconcile"
	"github.com/klauspost/compress/flate"
	"github.com/shopspring/decimal"
)

// Detail is the 明细 sheets of a run, written while the run adds them: each
// consolidated cell becomes one row of sheet XML at once, and the rows are
// compressed into a temporary file, one deflate segment per sheet. Writing
// the workbook then copies the segments into the package between the head
// and the tail excelize makes for each sheet, so a run of millions of cells
// neither holds them nor formats them twice. What it holds is bounded: the
// shared strings (sstMax) and a few chunks of rows on their way to the
// compressor.
//
// Detail is the only sheet tally writes without excelize: excelize's
// StreamWriter took three quarters of a large run's time (measured in
// README "Scale"). Everything around the rows — columns, panes, filter,
// print setup, the header — is still excelize's.
type Detail struct {
	lang    reconcile.Lang
	st      map[string]int
	inds    map[string]*detailIndicator
	depts   map[string]*detailText // code → name
	periods map[reconcile.Period]*detailText
	measure []detailMeasure
	yes     string
	plain   int
	num     []byte // the figure being written

	// The detail's shared strings: the workbook's string table starts with
	// them (Write puts them there first), so rows can name them by index
	// before the workbook exists. tails holds each one's index already
	// formatted as the end of a cell, `" t="s"><v>i</v></c>`, at tailAt[i].
	sst    map[string]int32
	strs   []string
	tails  []byte
	tailAt []int32
	// last is a column's last shared string (by column, modulo its
	// length): a run's rows come a file at a time, so most text columns
	// repeat the row before.
	last [16]struct {
		s string
		i int32
	}
	// byRow are the name and credit code columns' last shared strings by
	// source row (up to cellRows, at most 3 MB): see textRow.
	byRow [2][]rowText
	// lastPeriod is the period of the entry before, and its text.
	lastPeriod reconcile.Period
	lastPText  *detailText
	// next is the column a cell of the row being written is in when it
	// has no reference; gapped, that a column of the row was left empty.
	next   int
	gapped bool

	// The figure columns: one per indicator and measure, the spec's first
	// (nSpec of them, in the order of its tables), then any other an entry
	// brings (after the notes columns). colAt finds one.
	cols  []figCol
	colAt map[figKey]int
	nSpec int
	// nGen is the number of measure columns (cols[:nGen]) for indicator
	// tables' rows, whose indicator is the row's (pendInd).
	nGen    int
	pendInd string
	// names are the columns' letters, as far as needed.
	names [][]byte
	// pend is the source row being gathered: its entries by figure column
	// (has), and the fields every entry of the row shares.
	pend    []pendFig
	pendN   int
	pendRow int // the source row's number; 0: not a plain reference
	pendE   reconcile.Entry
	lastCol int // the figure column of the entry before
	// other, raws and asText are the row's notes, built as it is written.
	other, raws, asText []byte
	cellList            []byte
	nums                []byte // the row's figures' digits

	seal sealer // the rows' digests, for the seal sheet

	tmp      *os.File
	spool    *os.File          // streamed files' entries until they are committed (spool.go)
	stageMem []reconcile.Entry // a stage's memory between streamed files (spool.go)
	// spoolErr is why the spool failed: the detail is then not whole;
	// colsErr, that a figure found no column (maxDetailCols).
	spoolErr, colsErr error
	parts             []segment // set by the compressor; read after finish
	counts            []int     // data rows of each finished sheet
	rows              int       // data rows in the current sheet
	n                 int       // data rows in all

	buf  []byte
	free chan []byte
	work chan chunk
	done chan error
	err  error
}

// detailText is a text the detail writes often, with its shared string
// once known (ref: 0 not yet looked up, -1 written inline, else index+1).
type detailText struct {
	s   string
	ref int32
}

// detailMeasure is a measure's label.
type detailMeasure struct {
	m reconcile.Measure
	detailText
}

type detailIndicator struct {
	detailText // the name
	style      int
}

// figCol is one figure column of the 明细: an indicator and a measure.
type figCol struct {
	figKey
	ind    *detailIndicator
	header string
	// src is the source column (its letters) of the column's first
	// figure, which its header shows: a figure from another column is
	// named in the row's notes.
	src string
}

type figKey struct {
	code string
	m    reconcile.Measure
}

// pendFig is one figure of the source row being gathered.
// Its digits are nums[off:end]: formatted as it comes, so the row holds
// no pointer per figure.
type pendFig struct {
	has      bool
	short    bool // at most 15 significant digits and a short numeral, known from the Num: no count needed
	off, end int32
}

// The 明细's fixed columns: one row per source row (file, sheet, row,
// department, period, name, credit code), then the figure columns, the
// spec's first, each headed by its indicator, measure and source column
// (so a figure's source cell is that column in the row's 行); then three
// notes columns (the source cells of figures from another column than
// their header shows, the raw text of figures whose cell held other than
// their digits, the cells of figures typed as text), then the figure
// columns no table of the spec has, if any.
const (
	colFile = iota
	colSheet
	colRow
	colDept
	colPeriod
	colEntity
	colCode
	nFixedCols
)

// maxDetailCols bounds the 明细's columns (Excel's 16,384).
const maxDetailCols = 16384

// segment is one sheet's rows in the temporary file: compressed bytes at
// off, and the CRC-32 and length of the XML they hold.
type segment struct {
	off, size int64
	raw       int64
	crc       uint32
	rows      int
}

// chunk is formatted rows on their way to the compressor; last closes the
// sheet's segment.
type chunk struct {
	b    []byte
	last bool
}

// detailLevel is the deflate level of the detail rows: klauspost's level 2.
// On the 明细 of one row per source row (79 MB of XML from 50 bench files)
// it took 145 ms for 9 MB where level 1 took 195 ms for the same size,
// level 3 147 ms for 8 MB, Huffman only 109 ms for 37 MB (one CPU). On
// the earlier 明细 of one row per figure level 1 was the fastest: 1.7 GB
// in 4.6 s, where compress/flate's default, which excelize uses, took
// 44.6 s.
const detailLevel = 2

const chunkBytes = 256 << 10

// NewDetail starts a detail for spec s in language lang, keeping its
// temporary file in dir (the system's temporary folder when dir is "").
// Close removes it.
func NewDetail(dir string, s *reconcile.Spec, lang reconcile.Lang) (*Detail, error) {
	tmp, err := os.CreateTemp(dir, ".tally-detail-*.tmp")
	if err != nil && dir != "" {
		tmp, err = os.CreateTemp("", "tally-detail-*.tmp")
	}
	if err != nil {
		return nil, fmt.Errorf("detail: %w", err)
	}
	spool, err := newSpool(tmp)
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("detail: %w", err)
	}
	d := &Detail{lang: lang, st: styleIDs(), inds: map[string]*detailIndicator{}, depts: map[string]*detailText{},
		periods: map[reconcile.Period]*detailText{}, sst: map[string]int32{},
		tmp: tmp, spool: spool, free: make(chan []byte, 3), work: make(chan chunk, 2), done: make(chan error, 1)}
	for _, dep := range s.Departments {
		d.depts[dep.Code] = &detailText{s: dep.Name}
	}
	for _, def := range s.Indicators {
		d.inds[def.Code] = &detailIndicator{detailText{s: def.Name}, d.st[numStyle(&def)]}
	}
	for m, l := range measureLabel {
		d.measure = append(d.measure, detailMeasure{m, detailText{s: label(lang, l)}})
	}
	d.colAt = map[figKey]int{}
	// Entity tables' figures get a column each (indicator and measure);
	// indicator tables' (one row per indicator) share columns by measure,
	// their indicator in the row's 指标 column, unless an entity table has
	// the same indicator and measure.
	used, byLine := map[figKey]bool{}, map[figKey]bool{}
	for _, dep := range s.Departments {
		for ti := range dep.Tables {
			t := &dep.Tables[ti]
			for _, c := range t.Columns {
				if c.Role != reconcile.RoleValue {
					continue
				}
				if t.Rows != reconcile.Indicators {
					used[figKey{c.Indicator, c.Measure}] = true
					continue
				}
				for li := range t.Lines {
					if code := t.IndicatorFor(c, &t.Lines[li]); code != "" {
						byLine[figKey{code, c.Measure}] = true
					}
				}
			}
		}
	}
	measures := []reconcile.Measure{reconcile.MonthValue, reconcile.YTDValue, reconcile.YearValue, reconcile.LevelValue}
	for _, m := range measures {
		j := -1
		for k := range byLine {
			if k.m == m && !used[k] {
				if j < 0 {
					j = d.addCol("", m)
				}
				d.colAt[k] = j
			}
		}
	}
	d.nGen = len(d.cols)
	// An indicator's columns side by side, in the spec's order of
	// indicators, its measures in the order a month's are read.
	for _, def := range s.Indicators {
		for _, m := range measures {
			if used[figKey{def.Code, m}] {
				d.addCol(def.Code, m)
				delete(used, figKey{def.Code, m})
			}
		}
	}
	rest := slices.SortedFunc(maps.Keys(used), func(a, b figKey) int {
		return cmp.Or(cmp.Compare(a.code, b.code), cmp.Compare(a.m, b.m))
	})
	for _, k := range rest {
		d.addCol(k.code, k.m)
	}
	d.nSpec = len(d.cols)
	d.yes = label(lang, [2]string{"是", "yes"})
	d.plain = d.st["plain"]
	for range 3 {
		d.free <- make([]byte, 0, chunkBytes+4096)
	}
	d.buf = <-d.free
	go d.compress(d.work)
	return d, nil
}

// TempName is the name of the temporary file the rows are written to,
// for a caller that removes it on an interrupt.
func (d *Detail) TempName() string { return d.tmp.Name() }

// compress runs in its own goroutine: it deflates chunks into the
// temporary file as they come, so formatting and compressing overlap. It
// takes the channel, not d.work: stop sets d.work to nil, maybe before this
// goroutine first runs (a run with no detail rows, on a busy machine), and
// ranging over a nil channel blocks for ever.
func (d *Detail) compress(work <-chan chunk) {
	out := &countWriter{w: bufio.NewWriterSize(d.tmp, 1<<20)}
	fw, _ := flate.NewWriter(out, detailLevel)
	var cur segment
	var err error
	for c := range work {
		if err == nil {
			cur.crc = crc32.Update(cur.crc, crc32.IEEETable, c.b)
			cur.raw += int64(len(c.b))
			_, err = fw.Write(c.b)
		}
		d.free <- c.b[:0]
		if c.last && err == nil {
			err = fw.Flush() // a sync flush: the segment ends on a byte, not the stream
			cur.size = out.n - cur.off
			d.parts = append(d.parts, cur)
			cur = segment{off: out.n}
			fw.Reset(out)
		}
	}
	if err == nil {
		err = out.w.(*bufio.Writer).Flush()
	}
	d.done <- err
}

// addCol adds a figure column for indicator code and measure m, and
// returns it; -1 when the sheet has no room for another (maxDetailCols).
func (d *Detail) addCol(code string, m reconcile.Measure) int {
	if d.sheetCol(len(d.cols)) >= maxDetailCols {
		return -1
	}
	mt := d.measureText(m)
	j := len(d.cols)
	if code == "" { // a measure's column for indicator tables' rows
		d.cols = append(d.cols, figCol{figKey: figKey{"", m}, header: mt.s})
		d.pend = append(d.pend, pendFig{})
		return j
	}
	ind, ok := d.inds[code]
	if !ok {
		ind = &detailIndicator{detailText{s: code}, d.st["number"]}
	}
	d.cols = append(d.cols, figCol{figKey: figKey{code, m}, ind: ind, header: ind.s + d.l("·", ", ") + mt.s})
	d.colAt[figKey{code, m}] = j
	d.pend = append(d.pend, pendFig{})
	return j
}

// sheetCol is the sheet column (0-based) of figure column j: the measures'
// columns of indicator tables' rows after the 指标 column and before the
// 单元格 column, then the spec's figure columns, the notes, the rest.
func (d *Detail) sheetCol(j int) int {
	c := nFixedCols
	if d.nGen > 0 {
		if j < d.nGen {
			return c + 1 + j
		}
		c += d.nGen + 2
	}
	if j < d.nSpec {
		return c + j - d.nGen
	}
	return c + j - d.nGen + nNotes // after the notes columns
}

// indCol and cellsCol are the sheet columns of the indicator and of the
// source cells of an indicator table's row (when the spec has one).
func (d *Detail) indCol() int   { return nFixedCols }
func (d *Detail) cellsCol() int { return nFixedCols + 1 + d.nGen }

// nNotes is the number of notes columns.
const nNotes = 3

// notesCol is the sheet column of the first notes column.
func (d *Detail) notesCol() int { return d.sheetCol(d.nSpec) - nNotes }

// col finds the figure column of an entry, trying the one after the entry
// before first (a row's cells come in the table's order).
func (d *Detail) col(code string, m reconcile.Measure) int {
	if j := d.lastCol + 1; j < len(d.cols) && d.cols[j].m == m && d.cols[j].code == code {
		d.lastCol = j
		return j
	}
	j, ok := d.colAt[figKey{code, m}]
	if !ok {
		j = d.addCol(code, m)
	}
	d.lastCol = j
	return j
}

// Add gathers one consolidated cell into the 明细 row of its source row:
// the row is written when an entry of another source row comes (or
// finish), so a source row's figures share one row of the sheet.
func (d *Detail) Add(e *reconcile.Entry) {
	j := d.col(e.Indicator, e.Measure)
	row := refRow(e.Cell)
	gen := j >= 0 && j < d.nGen
	if d.pendN > 0 && (row == 0 || row != d.pendRow || j < 0 || d.pend[j].has || !sameRow(&d.pendE, e) ||
		gen && d.pendInd != "" && d.pendInd != e.Indicator) {
		d.flushRow()
	}
	if gen {
		d.pendInd = e.Indicator
	}
	if j < 0 {
		// No column left for it: the run's detail is not whole, and says so.
		if d.colsErr == nil {
			d.colsErr = fmt.Errorf("明细超过 %d 列 / the detail needs more than %d columns", maxDetailCols, maxDetailCols)
		}
		return
	}
	if d.pendN == 0 {
		d.pendE, d.pendRow = *e, row
	}
	off := len(d.nums)
	d.nums = appendNum(d.nums, e.Value)
	d.pend[j] = pendFig{true, shortNum(e.Value), int32(off), int32(len(d.nums))}
	num := d.nums[off:]
	if j < d.nGen {
		if len(d.cellList) > 0 {
			d.cellList = append(d.cellList, d.l("、", ", ")...)
		}
		d.cellList = append(d.cellList, e.Cell...)
	}
	d.note(&d.cols[j], e.Cell, e.Raw, e.AsText, num, j >= d.nGen)
	d.pendN++
}

// sameRow reports whether two entries come from the same source row.
func sameRow(a, b *reconcile.Entry) bool {
	return a.File == b.File && a.Sheet == b.Sheet && a.Department == b.Department && a.Period == b.Period &&
		a.Entity == b.Entity && a.Code == b.Code
}

// refCol is the column letters of an A1 reference ("C12" → "C").
func refCol(ref string) string {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		i++
	}
	return ref[:i]
}

// refRow is the row of an A1 reference ("C12" → 12), 0 when ref is not one.
func refRow(ref string) int {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		i++
	}
	if i == 0 || i > 3 || i == len(ref) || ref[i] == '0' || len(ref)-i > 7 {
		return 0
	}
	n := 0
	for ; i < len(ref); i++ {
		if ref[i] < '0' || ref[i] > '9' {
			return 0
		}
		n = n*10 + int(ref[i]-'0')
	}
	return n
}

// flushRow writes the row gathered.
func (d *Detail) flushRow() {
	if d.pendN == 0 {
		return
	}
	if d.rows == maxSheetRows-1 {
		d.send(true)
		d.counts = append(d.counts, d.rows)
		d.rows = 0
	}
	d.rows++
	d.n++
	d.buf = d.row(d.buf, d.rows+1)
	d.pendN, d.pendInd = 0, ""
	if len(d.buf) >= chunkBytes {
		d.send(false)
	}
}

func (d *Detail) send(last bool) {
	d.work <- chunk{d.buf, last}
	d.buf = <-d.free
}

// finish ends the last sheet's segment and waits for the compressor; it
// returns the segments, one per detail sheet (at least one).
func (d *Detail) finish() ([]segment, error) {
	if d.work != nil {
		d.flushRow()
		d.send(true)
		d.seal.end()
		d.counts = append(d.counts, d.rows)
		d.err = d.stop()
		if d.err == nil {
			d.err = d.spoolErr
		}
		if d.err == nil {
			d.err = d.colsErr
		}
		for i := range d.parts {
			d.parts[i].rows = d.counts[i]
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("detail: %w", d.err)
	}
	return d.parts, nil
}

// stop ends the compressor and returns its error.
func (d *Detail) stop() error {
	close(d.work)
	d.work = nil
	return <-d.done
}

// Close removes the temporary file.
func (d *Detail) Close() error {
	if d.work != nil {
		d.stop()
	}
	if d.spool != nil {
		d.spool.Close()
		os.Remove(d.spool.Name())
	}
	name := d.tmp.Name()
	d.tmp.Close()
	return os.Remove(name)
}

// colName is column col's letters (0-based).
func (d *Detail) colName(col int) []byte {
	for len(d.names) <= col {
		d.names = append(d.names, []byte(columnName(len(d.names)+1)))
	}
	return d.names[col]
}

// row appends the XML of the gathered source row, row r of its sheet. The
// row element has no reference: a row without one is the row after the
// one before (ECMA-376 §18.3.1.73, r optional), and the detail's rows
// follow the header row one by one. As with the cells' references
// (cellStart), leaving it out spares the compressor a break in every row.
//
// The seal's digest of the row is taken from the same texts, as a reader
// will see its cells, up to its last non-empty one: a figure is its digits,
// Canonical(value) (appendDecimal writes what String does).
func (d *Detail) row(b []byte, r int) []byte {
	var num [20]byte
	rn := strconv.AppendInt(num[:0], int64(r), 10) // for a cell after an empty column
	e := &d.pendE
	b = append(b, `<row>`...)
	d.next, d.gapped = 0, false
	plain := d.plain
	dept, ok := d.depts[e.Department]
	if !ok {
		dept = &detailText{s: e.Department}
		if len(d.depts) < 1<<12 {
			d.depts[e.Department] = dept
		}
	}
	pt := d.period(e.Period)
	sd := d.seal.start(len(d.counts), r)
	gap := 0 // empty cells not yet digested
	cell := func(s string) {
		if s == "" {
			gap++
			return
		}
		for ; gap > 0; gap-- {
			sd.Cell("")
		}
		sd.Cell(s)
	}
	cellBytes := func(s []byte) {
		for ; gap > 0; gap-- {
			sd.Cell("")
		}
		sd.CellBytes(s)
	}
	b = d.textS(b, colFile, rn, plain, e.File)
	cell(sealText(e.File))
	b = d.textS(b, colSheet, rn, plain, e.Sheet)
	cell(sealText(e.Sheet))
	if d.pendRow > 0 {
		var line [20]byte
		l := strconv.AppendInt(line[:0], int64(d.pendRow), 10)
		b = d.cellStart(b, colRow, rn, plain)
		b = append(b, `"><v>`...)
		b = append(b, l...)
		b = append(b, `</v></c>`...)
		cellBytes(l)
	} else {
		gap++
	}
	b = d.known(b, colDept, rn, plain, dept)
	cell(dept.s)
	b = d.known(b, colPeriod, rn, plain, pt)
	cell(pt.s)
	b = d.textRow(b, colEntity, rn, 0, e.Entity)
	cell(sealText(e.Entity))
	b = d.textRow(b, colCode, rn, 1, e.Code)
	cell(sealText(e.Code))
	if d.nGen > 0 {
		b = d.lineFigures(b, rn, cell, cellBytes)
	}
	for j := d.nGen; j < len(d.pend); j++ {
		if j == d.nSpec {
			b = d.notes(b, rn, cell)
		}
		f := &d.pend[j]
		if !f.has {
			gap++
			continue
		}
		num := d.nums[f.off:f.end]
		b = d.value(b, d.sheetCol(j), rn, d.cols[j].ind.style, num, f.short)
		cellBytes(num)
		*f = pendFig{}
	}
	if len(d.pend) <= d.nSpec {
		b = d.notes(b, rn, cell)
	}
	d.seal.endRow()
	d.nums, d.cellList = d.nums[:0], d.cellList[:0]
	d.other, d.raws, d.asText = d.other[:0], d.raws[:0], d.asText[:0]
	return append(b, `</row>`...)
}

// lineFigures appends an indicator table's row: its indicator, its
// figures by measure and their source cells ("C8、E8"); or leaves those
// columns empty.
func (d *Detail) lineFigures(b []byte, rn []byte, cell func(string), cellBytes func([]byte)) []byte {
	if d.pendInd == "" {
		for range d.nGen + 2 {
			cell("")
		}
		return b
	}
	ind, ok := d.inds[d.pendInd]
	if !ok {
		ind = &detailIndicator{detailText{s: d.pendInd}, d.st["number"]}
	}
	b = d.known(b, d.indCol(), rn, d.plain, &ind.detailText)
	cell(ind.s)
	for j := range d.nGen {
		f := &d.pend[j]
		if !f.has {
			cell("")
			continue
		}
		num := d.nums[f.off:f.end]
		b = d.value(b, d.sheetCol(j), rn, ind.style, num, f.short)
		cellBytes(num)
		*f = pendFig{}
	}
	s := sealText(string(d.cellList))
	b = d.textS(b, d.cellsCol(), rn, d.plain, s)
	cell(s)
	return b
}

// textRow appends a text cell of the name or credit code column, looking
// its shared string up by the source row first: a department's rows come
// in the same order month after month, so a row's name is most often the
// one the same row had in the file before, and comparing it costs less
// than a map lookup.
func (d *Detail) textRow(b []byte, col int, rn []byte, k int, s string) []byte {
	r := d.pendRow
	if s == "" || len(s) > maxCellChars || r <= 0 || r >= cellRows {
		return d.textS(b, col, rn, d.plain, s)
	}
	m := d.byRow[k]
	if r < len(m) && m[r].s == s {
		return append(d.cellStart(b, col, rn, d.plain), d.tail(m[r].i)...)
	}
	i, ok := d.shared(col, s)
	if !ok {
		return d.textS(b, col, rn, d.plain, s)
	}
	if r >= len(m) {
		m = append(m, make([]rowText, r+1-len(m))...)
		d.byRow[k] = m
	}
	m[r] = rowText{s, i}
	return append(d.cellStart(b, col, rn, d.plain), d.tail(i)...)
}

// cellRows bounds the source rows textRow remembers.
const cellRows = 1 << 16

type rowText struct {
	s string
	i int32
}

// note adds figure f of column c, whose digits are num, to the row's
// notes: its cell when it is not in the column c's header shows (or the
// row's 行 is not its row), its raw text when its cell held other than its
// digits, its cell when it was typed as text.
func (d *Detail) note(c *figCol, cell, raw string, text bool, num []byte, checkCol bool) {
	if checkCol && c.src == "" {
		c.src = refCol(cell)
	}
	if checkCol && (d.pendRow == 0 || refCol(cell) != c.src) {
		if len(d.other) > 0 {
			d.other = append(d.other, d.l("；", "; ")...)
		}
		d.other = append(d.other, c.header...)
		d.other = append(d.other, d.l("：", ": ")...)
		d.other = append(d.other, cell...)
	}
	if raw != string(num) {
		if len(d.raws) > 0 {
			d.raws = append(d.raws, d.l("；", "; ")...)
		}
		d.raws = append(d.raws, cell...)
		d.raws = append(d.raws, d.l("：", ": ")...)
		d.raws = append(d.raws, raw...)
	}
	if text {
		if len(d.asText) > 0 {
			d.asText = append(d.asText, d.l("、", ", ")...)
		}
		d.asText = append(d.asText, cell...)
	}
}

// notes appends the notes columns of the row being written: the raw text
// of each figure whose cell held other than its digits ("C5：1,234.50"),
// and the cells of figures typed as text ("C5、D5").
func (d *Detail) notes(b []byte, rn []byte, cell func(string)) []byte {
	col := d.notesCol()
	for i, t := range [nNotes][]byte{d.other, d.raws, d.asText} {
		if len(t) == 0 {
			cell("")
			continue
		}
		s := sealText(string(t))
		b = d.textS(b, col+i, rn, d.plain, s)
		cell(s)
	}
	return b
}

func (d *Detail) l(zh, en string) string { return label(d.lang, [2]string{zh, en}) }

func (d *Detail) period(p reconcile.Period) *detailText {
	if d.lastPText != nil && p == d.lastPeriod {
		return d.lastPText
	}
	t, ok := d.periods[p]
	if !ok {
		t = &detailText{s: p.String()}
		if len(d.periods) < 1<<12 {
			d.periods[p] = t
		}
	}
	d.lastPeriod, d.lastPText = p, t
	return t
}

func (d *Detail) measureText(m reconcile.Measure) *detailText {
	for i := range d.measure {
		if d.measure[i].m == m {
			return &d.measure[i].detailText
		}
	}
	return &detailText{s: string(m)}
}

// known appends a text cell of a text the detail keeps, looking its shared
// string up once.
func (d *Detail) known(b []byte, col int, rn []byte, style int, t *detailText) []byte {
	if t.ref == 0 {
		t.ref = -1
		if t.s != "" && len(t.s) <= maxCellChars {
			if i, ok := d.shared(col, t.s); ok {
				t.ref = i + 1
			}
		}
	}
	if t.ref > 0 {
		return append(d.cellStart(b, col, rn, style), d.tail(t.ref-1)...)
	}
	return d.textS(b, col, rn, style, t.s)
}

// cellStart opens a cell of column col. Its reference is left out when
// the cell follows the row's cell before, as the format allows (a cell
// without one is in the column after the one before): without references
// the rows differ only in their values, and the compressor, most of the
// detail's cost, runs about six times faster for a part less than half
// the size (README "Scale"). After a column left empty it is written, on
// that cell and every one after it in the row: excelize, opening a sheet
// to reach cells by reference, names a cell without one by its index in
// the row, not by the cell before.
func (d *Detail) cellStart(b []byte, col int, rn []byte, style int) []byte {
	b = append(b, `<c`...)
	if col != d.next || d.gapped {
		d.gapped = true
		b = append(b, ` r="`...)
		b = append(b, d.colName(col)...)
		b = append(b, rn...)
		b = append(b, '"')
	}
	d.next = col + 1
	if style < len(styleAttrs) {
		return append(b, styleAttrs[style]...)
	}
	b = append(b, ` s="`...)
	return strconv.AppendInt(b, int64(style), 10)
}

// styleAttrs[i] is ` s="i`, made once.
var styleAttrs = func() (a [64][]byte) {
	for i := range a {
		a[i] = strconv.AppendInt([]byte(` s="`), int64(i), 10)
	}
	return a
}()

// text appends an inline-string cell holding t, already escaped, or just
// the styled cell when t is empty.
func (d *Detail) text(b []byte, col int, rn []byte, style int, t []byte) []byte {
	if len(t) == 0 {
		return append(d.cellStart(b, col, rn, style), `"/>`...)
	}
	b = textOpen(d.cellStart(b, col, rn, style), t[0], t[len(t)-1])
	b = append(b, t...)
	return append(b, `</t></is></c>`...)
}

// sstMax bounds the detail's shared strings, and so the memory they hold
// whatever the input; past it, new strings are written inline.
var sstMax = 1 << 17

// shared returns s's index in the shared strings, adding it while there is
// room.
func (d *Detail) shared(col int, s string) (int32, bool) {
	last := &d.last[col%len(d.last)]
	if last.s == s && s != "" {
		return last.i, true
	}
	i, ok := d.sst[s]
	if !ok && len(d.strs) < sstMax {
		i, ok = int32(len(d.strs)), true
		d.sst[s] = i
		d.strs = append(d.strs, s)
		d.tailAt = append(d.tailAt, int32(len(d.tails)))
		d.tails = append(d.tails, `" t="s"><v>`...)
		d.tails = strconv.AppendInt(d.tails, int64(i), 10)
		d.tails = append(d.tails, `</v></c>`...)
	}
	if ok {
		last.s, last.i = s, i
	}
	return i, ok
}

// tail is shared string i as the end of a cell: `" t="s"><v>i</v></c>`.
func (d *Detail) tail(i int32) []byte {
	end := len(d.tails)
	if int(i)+1 < len(d.tailAt) {
		end = int(d.tailAt[i+1])
	}
	return d.tails[d.tailAt[i]:end]
}

// textS appends a text cell holding s: a shared string while the table has
// room (most of a detail's texts repeat from row to row), else inline.
func (d *Detail) textS(b []byte, col int, rn []byte, style int, s string) []byte {
	if s == "" {
		return append(d.cellStart(b, col, rn, style), `"/>`...)
	}
	if len(s) > maxCellChars {
		s = clip(s)
	}
	if i, ok := d.shared(col, s); ok {
		return append(d.cellStart(b, col, rn, style), d.tail(i)...)
	}
	b = textOpen(d.cellStart(b, col, rn, style), s[0], s[len(s)-1])
	b = appendText(b, s)
	return append(b, `</t></is></c>`...)
}

// maxCellChars is the most characters (UTF-16 units) a cell holds; Excel
// repairs a file with more.
const maxCellChars = 32767

// clip cuts s to what a cell holds, as excelize does for the other sheets.
func clip(s string) string {
	n := 0
	for i, r := range s {
		w := 1
		if r > 0xFFFF {
			w = 2
		}
		if n+w > maxCellChars {
			return s[:i]
		}
		n += w
	}
	return s
}

// textOpen opens an inline string, keeping its outer spaces when it has any.
func textOpen(b []byte, first, last byte) []byte {
	if isSpace(first) || isSpace(last) {
		return append(b, `" t="inlineStr"><is><t xml:space="preserve">`...)
	}
	return append(b, `" t="inlineStr"><is><t>`...)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// value appends the figure v (as a decimal's String gives it): a number
// when Excel holds it exactly (at most 15 significant digits, and not so
// long that it could leave Excel's range), else its exact digits as text,
// so no figure is rounded on its way into the sheet.
func (d *Detail) value(b []byte, col int, rn []byte, style int, v []byte, short bool) []byte {
	if !short && (sigDigits(v) > ExcelDigits || len(v) > 64) {
		return d.text(b, col, rn, style, v) // digits, sign and point need no escaping
	}
	b = d.cellStart(b, col, rn, style)
	b = append(b, `"><v>`...)
	b = append(b, v...)
	return append(b, `</v></c>`...)
}

// shortNum reports, from the number alone, that its numeral has at most
// ExcelDigits significant digits and at most 64 characters (so value need
// not count them): a coefficient under 10^15 and an exponent within ±20.
func shortNum(n reconcile.Num) bool {
	c, exp, small := n.Small()
	return small && c > -1e15 && c < 1e15 && exp >= -20 && exp <= 20
}

// appendNum appends n as n.String() (its decimal's String) writes it,
// without a decimal when its coefficient fits an int64 (the common case).
func appendNum(b []byte, n reconcile.Num) []byte {
	c, exp, ok := n.Small()
	if !ok || c == math.MinInt64 || exp > 64 || exp < -64 {
		return append(b, n.String()...)
	}
	return appendCoef(b, c, exp)
}

// appendDecimal appends d as d.String() writes it, without its allocations
// when the coefficient has at most 18 digits (the common case, exact in an
// int64); otherwise by d.String().
func appendDecimal(b []byte, d decimal.Decimal) []byte {
	exp := d.Exponent()
	if d.NumDigits() > 18 || exp > 64 || exp < -64 {
		return append(b, d.String()...)
	}
	return appendCoef(b, d.CoefficientInt64(), exp)
}

// appendCoef appends c·10^exp as decimal.Decimal's String writes it (c not
// math.MinInt64).
func appendCoef(b []byte, c int64, exp int32) []byte {
	if c == 0 {
		return append(b, '0')
	}
	if exp >= 0 {
		b = strconv.AppendInt(b, c, 10)
		for range exp {
			b = append(b, '0')
		}
		return b
	}
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	var buf [20]byte
	digits := strconv.AppendInt(buf[:0], c, 10)
	point := len(digits) + int(exp) // digits before the point
	frac := digits[max(point, 0):]
	for len(frac) > 0 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	if point > 0 {
		b = append(b, digits[:point]...)
	} else {
		b = append(b, '0')
	}
	if len(frac) == 0 {
		return b
	}
	b = append(b, '.')
	for range -point {
		b = append(b, '0')
	}
	return append(b, frac...)
}

// appendText appends s escaped as XML character data. Characters XML cannot
// hold become U+FFFD, as encoding/xml does; CR is kept as a reference.
func appendText(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
				b = append(b, "\uFFFD"...)
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
			continue
		}
		switch {
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '<':
			b = append(b, "&lt;"...)
		case c == '>':
			b = append(b, "&gt;"...)
		case c == '\r':
			b = append(b, "&#xD;"...)
		case c >= 0x20 || c == '\t' || c == '\n':
			b = append(b, c)
		default:
			b = append(b, "\uFFFD"...)
		}
		i++
	}
	return b
}

// countWriter counts what passes through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// sigDigits counts the significant digits of a plain decimal numeral: from
// its first non-zero digit to its last.
func sigDigits(v []byte) int {
	first, last, n := -1, -1, 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c < '0' || c > '9' {
			continue
		}
		if c != '0' {
			if first < 0 {
				first = n
			}
			last = n
		}
		n++
	}
	if first < 0 {
		return 1 // zero
	}
	return last - first + 1
}

// The sheets. Excelize makes each 明细 sheet's frame (header, widths,
// filter, print setup); the package writer splices the Detail's compressed
// rows into it as the workbook is written.

// maxSheetRows is Excel's row limit; a longer detail continues on the next
// sheet (明细 (2), …), each with its header. A variable so tests can lower it.
var maxSheetRows = 1 << 20

// detail makes the 明细 sheets: excelize makes each sheet with its header,
// widths, filter and print setup; the rows are the Detail's, spliced in as
// the package is written.
func (x *out) detail() error {
	cols := x.detailColumns()
	x.splice = map[string]segment{}
	for i, seg := range x.parts {
		name := label(x.lang, sheetNames["detail"])
		if i > 0 {
			name = fmt.Sprintf("%s (%d)", name, i+1)
		}
		headerRow, err := x.head(name, "", cols)
		if err != nil {
			return err
		}
		// The figure columns' headers wrap (indicator, measure, source
		// column): the row is as tall as the tallest.
		lines := 1
		for _, c := range cols {
			lines = max(lines, grid.Lines(c.header, grid.Width(int(c.width))))
		}
		if err := x.f.SetRowHeight(name, headerRow, min(float64(lines)*grid.LineHeight, 409)); err != nil {
			return err
		}
		if err := x.frame(name, len(cols), headerRow, seg.rows, true); err != nil {
			return err
		}
		if err := x.headerFooter("detail", name, x.l("明细：每个汇总数值及其来源单元格", "Detail: every consolidated value and its source cell")); err != nil {
			return err
		}
		if err := x.noPrint(name, len(cols)); err != nil {
			return err
		}
		x.splice[name] = seg
	}
	return nil
}

// detailColumns are the 明细's columns: the source row (file, sheet, row,
// department, period, name, credit code), each figure column's value and
// source cell, the notes, and the figure columns no table of the spec has.
func (x *out) detailColumns() []column {
	cols := []column{
		{x.l("文件", "File"), 14}, {x.l("工作表", "Sheet"), 6}, {x.l("行", "Row"), 2},
		{x.l("填报单位", "Department"), 4}, {x.l("报告期", "Period"), 4},
		{x.l("名称", "Name"), 14}, {x.l("统一社会信用代码", "Credit code"), 10},
	}
	d := x.det
	if d.nGen > 0 {
		cols = append(cols, column{x.l("指标", "Indicator"), 9})
		for _, c := range d.cols[:d.nGen] {
			cols = append(cols, column{c.header, 7})
		}
		cols = append(cols, column{x.l("单元格", "Cells"), 4})
	}
	for j := d.nGen; j < len(d.cols); j++ {
		c := d.cols[j]
		if j == d.nSpec {
			cols = append(cols, x.notesColumns()...)
		}
		h := c.header
		if c.src != "" {
			h += x.l("\n（"+c.src+" 列）", "\n(column "+c.src+")")
		}
		cols = append(cols, column{h, 7})
	}
	if len(d.cols) <= d.nSpec {
		cols = append(cols, x.notesColumns()...)
	}
	return cols
}

func (x *out) notesColumns() []column {
	return []column{{x.l("不在表头所示列的数值（来源单元格）", "Figures not in their header's column (source cell)"), 10},
		{x.l("原始内容（单元格：原文）", "Raw text (cell: text)"), 8}, {x.l("以文本录入的单元格", "Typed as text (cells)"), 5}}
}

// detailSeal is what the seal says of the 明细's figure columns, one row
// each: its sheet column, indicator code, measure and the source column
// its header shows.
// A reader of the workbook (节点汇总) adds each figure up by these.
func (x *out) detailSeal() [][]string {
	var rows [][]string
	d := x.det
	if d.nGen > 0 {
		rows = append(rows, []string{"detail_indicator", columnName(d.indCol() + 1)})
	}
	for j, c := range d.cols {
		rows = append(rows, []string{"detail_col", columnName(d.sheetCol(j) + 1), c.code, string(c.m), c.src})
	}
	return rows
}

// sharedStrings puts the detail's strings at the head of the workbook's
// string table, in order, so the indices its rows hold are theirs: excelize
// adds a string to the table the first time a cell gets it, here a cell of
// Sheet1, which is deleted. Checked by count, as it relies on excelize
// numbering a new file's strings from 0.
func (x *out) sharedStrings(strs []string) error {
	for _, s := range strs {
		if err := x.f.SetCellStr("Sheet1", "A1", s); err != nil {
			return err
		}
	}
	if sst := x.f.SharedStrings; len(strs) > 0 && (sst == nil || sst.UniqueCount != len(strs)) {
		return reconcile.Bugf("the detail's %d strings are not the head of the string table", len(strs))
	}
	return nil
}

// partNames turns the splices' sheet names into their parts' paths.
func (x *out) partNames() map[string]segment {
	byPath := map[string]segment{}
	for id, name := range x.f.GetSheetMap() {
		if seg, ok := x.splice[name]; ok {
			byPath[fmt.Sprintf("xl/worksheets/sheet%d.xml", id)] = seg
		}
	}
	return byPath
}

// pkgWriter is the zip writer excelize saves through: it compresses with
// klauspost's deflate (see detailLevel), streams straight to the output
// instead of excelize's in-memory buffer, and splices each detail sheet's
// rows into the part excelize writes for it.
type pkgWriter struct {
	zw      *zip.Writer
	rows    io.ReaderAt
	splice  map[string]segment
	pending *bytes.Buffer
	name    string
	done    map[string]bool
}

func newPkgWriter(w io.Writer, rows io.ReaderAt, splice map[string]segment) *pkgWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.DefaultCompression)
	})
	return &pkgWriter{zw: zw, rows: rows, splice: splice, done: map[string]bool{}}
}

func (p *pkgWriter) Create(name string) (io.Writer, error) {
	if err := p.flush(); err != nil {
		return nil, err
	}
	if _, ok := p.splice[name]; ok {
		p.pending, p.name = new(bytes.Buffer), name
		return p.pending, nil
	}
	return p.zw.Create(name)
}

func (p *pkgWriter) AddFS(fsys fs.FS) error {
	if err := p.flush(); err != nil {
		return err
	}
	return p.zw.AddFS(fsys)
}

func (p *pkgWriter) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	var missing []string
	for name := range p.splice {
		if !p.done[name] {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return reconcile.Bugf("detail rows for %v were not written", missing)
	}
	return p.zw.Close()
}

// flush writes a pending detail sheet: excelize's part up to its
// </sheetData>, the rows, and the rest, as one deflate stream (each piece
// ends on a byte boundary with a sync flush, so they join) under the CRC of
// the whole.
func (p *pkgWriter) flush() error {
	if p.pending == nil {
		return nil
	}
	xml, name := p.pending.Bytes(), p.name
	p.pending = nil
	seg := p.splice[name]
	cut := bytes.LastIndex(xml, []byte("</sheetData>"))
	if cut < 0 {
		return reconcile.Bugf("%s has no sheetData", name)
	}
	head, tail := xml[:cut], xml[cut:]
	headZ, err := deflate(head, false)
	if err != nil {
		return err
	}
	tailZ, err := deflate(tail, true)
	if err != nil {
		return err
	}
	crc := crc32Combine(crc32Combine(crc32.ChecksumIEEE(head), seg.crc, seg.raw), crc32.ChecksumIEEE(tail), int64(len(tail)))
	w, err := p.zw.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64:   uint64(int64(len(headZ)) + seg.size + int64(len(tailZ))),
		UncompressedSize64: uint64(int64(len(head)) + seg.raw + int64(len(tail))),
	})
	if err != nil {
		return err
	}
	if _, err := w.Write(headZ); err != nil {
		return err
	}
	if _, err := io.Copy(w, io.NewSectionReader(p.rows, seg.off, seg.size)); err != nil {
		return err
	}
	if _, err := w.Write(tailZ); err != nil {
		return err
	}
	p.done[name] = true
	return nil
}

// deflate compresses b as a piece of a stream: ended with a sync flush, or,
// when last, with the final block.
func deflate(b []byte, last bool) ([]byte, error) {
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	if _, err := fw.Write(b); err != nil {
		return nil, err
	}
	if last {
		err = fw.Close()
	} else {
		err = fw.Flush()
	}
	return buf.Bytes(), err
}

// Joining compressed pieces: a zip entry needs the CRC of the whole part.

// crc32Combine returns the CRC-32 (IEEE) of a‖b from crc1 = CRC(a),
// crc2 = CRC(b) and len2 = len(b), as zlib's crc32_combine does. The detail
// sheets are compressed while the run goes and joined to the sheet's head
// and tail only when the workbook is written; a zip entry needs the CRC of
// the whole. hash/crc32 has no combine.
func crc32Combine(crc1, crc2 uint32, len2 int64) uint32 {
	return multModP(x2nModP(len2, 3), crc1) ^ crc2
}

const crcPoly = 0xedb88320 // IEEE, reflected

// x2nTable[k] is x^(2^k) modulo the CRC polynomial.
var x2nTable = func() (t [32]uint32) {
	p := uint32(1) << 30 // x^1
	for k := range t {
		t[k] = p
		p = multModP(p, p)
	}
	return t
}()

// multModP returns a(x)·b(x) modulo the CRC polynomial (reflected bits).
func multModP(a, b uint32) uint32 {
	m, p := uint32(1)<<31, uint32(0)
	for {
		if a&m != 0 {
			p ^= b
			if a&(m-1) == 0 {
				return p
			}
		}
		m >>= 1
		if b&1 != 0 {
			b = b>>1 ^ crcPoly
		} else {
			b >>= 1
		}
	}
}

// x2nModP returns x^(n·2^k) modulo the CRC polynomial.
func x2nModP(n int64, k uint) uint32 {
	p := uint32(1) << 31 // x^0
	for n != 0 {
		if n&1 != 0 {
			p = multModP(x2nTable[k&31], p)
		}
		n >>= 1
		k++
	}
	return p
}
