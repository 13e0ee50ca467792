package reconcile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"os"

	"github.com/shopspring/decimal"
)

// The departments' months kept for the checks across months (month.go)
// are one month of every department at once: a county of many offices
// holds them all. With Options.SpillMonths, past MemMonthValues row
// figures in memory a department's month is written to a temporary file
// when it is kept and read back when the department's next month begins,
// so memory stays flat however many departments there are. What is
// written is the month's figures, entities and texts, exactly (a Num as
// its coefficient and exponent, the big ones' too); its small maps (the
// sheets, the tables not read, the chain's fixes) stay in memory.
// The months are in one temporary file in os.TempDir, the space of a
// month read back reused by a later one, removed by Ledger.Close; a file that cannot be written or read
// fails the run (Ledger.Err), never skips a check.

// MemMonthValues is how many row figures of the months kept the ledger
// holds in memory with Options.SpillMonths; the others are on disk.
var MemMonthValues = 20_000

// monthSpill is where the spilled months are.
type monthSpill struct {
	f      *os.File // made at the first spill
	name   string
	end    int64    // the file's length
	free   []extent // space of months read back or replaced, for the next
	n      int      // months written
	err    error
	buf    []byte
	tables map[string]string // the entities' table IDs, one string each
}

// extent is a place in the spill file.
type extent struct {
	off int64
	n   int
}

// place returns where n bytes go: the first free space that fits
// (departments' months are much alike in size), or the file's end.
func (s *monthSpill) place(n int) int64 {
	for i, e := range s.free {
		if e.n >= n {
			if e.n == n {
				s.free = append(s.free[:i], s.free[i+1:]...)
			} else {
				s.free[i] = extent{e.off + int64(n), e.n - n}
			}
			return e.off
		}
	}
	off := s.end
	s.end += int64(n)
	return off
}

// Err is the first failure to keep a month on disk or read it back
// (Options.SpillMonths): the checks across months could not be run as
// they should, and the run must fail.
func (l *Ledger) Err() error { return l.spill.err }

// Close removes the spilled months' files. It is safe to call more than
// once and without Options.SpillMonths.
func (l *Ledger) Close() error {
	s := &l.spill
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	if e := os.Remove(s.name); err == nil {
		err = e
	}
	s.f = nil
	return err
}

func (l *Ledger) spillFail(err error) {
	if l.spill.err == nil {
		l.spill.err = fmt.Errorf("the months kept for the checks across months on disk: %w", err)
	}
}

// keepMonth accounts for cur, now the department's kept month, and writes
// it to disk when memory holds MemMonthValues row figures already.
func (l *Ledger) keepMonth(cur *monthState) {
	n := heldOf(cur)
	if !l.opt.SpillMonths || n == 0 || l.memHeld+n <= MemMonthValues || l.spill.err != nil {
		l.memHeld += n
		return
	}
	if err := l.writeMonth(cur); err != nil {
		l.spillFail(err)
		l.memHeld += n // kept in memory; the run fails anyway
	}
}

// dropMonth accounts for m no longer being kept.
func (l *Ledger) dropMonth(m *monthState) {
	if m == nil {
		return
	}
	if m.spilled {
		// not read back: a later month replaced it
		l.spill.free = append(l.spill.free, extent{m.spillOff, m.spillLen})
		m.spilled = false
		return
	}
	l.memHeld -= heldOf(m)
}

// monthOf returns the department's kept month, read back into memory if
// it was on disk.
func (l *Ledger) monthOf(dept string) *monthState {
	m := l.months[dept]
	if m == nil || !m.spilled {
		return m
	}
	if err := l.readMonth(m); err != nil {
		l.spillFail(err)
		return m
	}
	l.memHeld += heldOf(m)
	return m
}

func (l *Ledger) writeMonth(m *monthState) error {
	s := &l.spill
	if s.f == nil {
		f, err := os.CreateTemp("", "tally-months-*")
		if err != nil {
			return err
		}
		s.f, s.name = f, f.Name()
	}
	b := s.buf[:0]
	b = binary.AppendUvarint(b, uint64(len(m.vals)))
	for i := range m.vals {
		v := &m.vals[i]
		b = appendKey(b, v.key)
		b = appendNumBin(b, v.month)
		b = appendNumBin(b, v.ytd)
		b = binary.LittleEndian.AppendUint32(b, v.ytdText.off)
		b = binary.LittleEndian.AppendUint32(b, v.ytdText.mid)
		b = binary.LittleEndian.AppendUint32(b, v.ytdText.end)
		b = binary.LittleEndian.AppendUint16(b, v.sheet)
		b = append(b, flags(v.hasMonth, v.hasYTD, v.rejected))
	}
	b = binary.AppendUvarint(b, uint64(len(m.ents)))
	for i := range m.ents {
		e := &m.ents[i]
		b = appendKey(b, e.key)
		b = binary.LittleEndian.AppendUint32(b, e.name.off)
		b = binary.LittleEndian.AppendUint32(b, e.name.mid)
		b = binary.LittleEndian.AppendUint32(b, e.name.end)
		b = binary.AppendUvarint(b, uint64(len(e.table)))
		b = append(b, e.table...)
		b = binary.LittleEndian.AppendUint16(b, e.sheet)
		b = binary.LittleEndian.AppendUint32(b, uint32(e.line))
		b = append(b, flags(e.noted, e.codeOK, false))
	}
	b = binary.AppendUvarint(b, uint64(len(m.text)))
	b = append(b, m.text...)
	s.buf = b
	off := s.place(len(b))
	if _, err := s.f.WriteAt(b, off); err != nil {
		return err
	}
	s.n++
	m.nvals, m.spilled, m.spillOff, m.spillLen = len(m.vals), true, off, len(b)
	m.vals, m.index, m.ents, m.entIndex, m.text, m.byName = nil, nil, nil, nil, nil, nil
	return nil
}

var errSpillShort = errors.New("a month's temporary file is cut short")

func (l *Ledger) readMonth(m *monthState) error {
	s := &l.spill
	if cap(s.buf) < m.spillLen {
		s.buf = make([]byte, m.spillLen)
	}
	b := s.buf[:m.spillLen]
	if _, err := s.f.ReadAt(b, m.spillOff); err != nil {
		return err
	}
	s.free = append(s.free, extent{m.spillOff, m.spillLen})
	m.spilled = false
	r := spillReader{b: b}
	n := r.count()
	vals := make([]monthVal, n)
	for i := range vals {
		v := &vals[i]
		v.key = r.key()
		v.month, v.ytd = r.num(), r.num()
		v.ytdText = textRef{r.u32(), r.u32(), r.u32()}
		v.sheet = r.u16()
		f := r.byte()
		v.hasMonth, v.hasYTD, v.rejected = f&1 != 0, f&2 != 0, f&4 != 0
	}
	n = r.count()
	ents := make([]entityVal, n)
	entIndex := make(map[hashKey]int32, n)
	if l.spill.tables == nil {
		l.spill.tables = map[string]string{}
	}
	for i := range ents {
		e := &ents[i]
		e.key = r.key()
		e.name = textRef{r.u32(), r.u32(), r.u32()}
		t := r.bytes(r.count())
		table, ok := l.spill.tables[string(t)]
		if !ok {
			table = string(t)
			l.spill.tables[table] = table
		}
		e.table = table
		e.sheet = r.u16()
		e.line = int32(r.u32())
		f := r.byte()
		e.noted, e.codeOK = f&1 != 0, f&2 != 0
		entIndex[e.key] = int32(i)
	}
	text := append([]byte(nil), r.bytes(r.count())...)
	if r.err != nil || len(r.b) != 0 || len(vals) != m.nvals {
		return errSpillShort
	}
	m.vals, m.ents, m.entIndex, m.text, m.nvals = vals, ents, entIndex, text, 0
	return nil
}

func flags(a, b, c bool) byte {
	var f byte
	if a {
		f |= 1
	}
	if b {
		f |= 2
	}
	if c {
		f |= 4
	}
	return f
}

func appendKey(b []byte, k hashKey) []byte {
	b = binary.LittleEndian.AppendUint64(b, k[0])
	return binary.LittleEndian.AppendUint64(b, k[1])
}

// appendNumBin writes n exactly: a small one as its coefficient and
// exponent, a big one as its coefficient's sign and bytes and exponent.
func appendNumBin(b []byte, n Num) []byte {
	if n.big == nil {
		b = append(b, 0)
		b = binary.LittleEndian.AppendUint64(b, uint64(n.coef))
		return binary.LittleEndian.AppendUint32(b, uint32(n.exp))
	}
	c := n.big.Coefficient()
	sign := byte(1)
	if c.Sign() < 0 {
		sign = 2
	}
	mag := c.Bytes()
	b = append(b, sign)
	b = binary.LittleEndian.AppendUint32(b, uint32(n.big.Exponent()))
	b = binary.AppendUvarint(b, uint64(len(mag)))
	return append(b, mag...)
}

type spillReader struct {
	b   []byte
	err error
}

func (r *spillReader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		r.err, r.b = errSpillShort, nil
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *spillReader) count() int {
	v, k := binary.Uvarint(r.b)
	if k <= 0 || v > uint64(len(r.b)) {
		r.err, r.b = errSpillShort, nil
		return 0
	}
	r.b = r.b[k:]
	return int(v)
}

func (r *spillReader) byte() byte {
	if p := r.bytes(1); p != nil {
		return p[0]
	}
	return 0
}

func (r *spillReader) u16() uint16 {
	if p := r.bytes(2); p != nil {
		return binary.LittleEndian.Uint16(p)
	}
	return 0
}

func (r *spillReader) u32() uint32 {
	if p := r.bytes(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

func (r *spillReader) u64() uint64 {
	if p := r.bytes(8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

func (r *spillReader) key() hashKey { return hashKey{r.u64(), r.u64()} }

func (r *spillReader) num() Num {
	switch tag := r.byte(); tag {
	case 0:
		c := int64(r.u64())
		return Num{coef: c, exp: int32(r.u32())}
	case 1, 2:
		exp := int32(r.u32())
		c := new(big.Int).SetBytes(r.bytes(r.count()))
		if tag == 2 {
			c.Neg(c)
		}
		d := decimal.NewFromBigInt(c, exp)
		return Num{big: &d}
	}
	if r.err == nil {
		r.err, r.b = errSpillShort, nil
	}
	return Num{}
}
