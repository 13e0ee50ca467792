package workbook

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strconv"

	"github.com/jingwu/tally/reconcile"
	"github.com/klauspost/compress/flate"
	"github.com/shopspring/decimal"
)

// A file streamed into the ledger (Stream) may turn out unreadable at its
// last row, so its detail entries cannot go into the 明细 as they come:
// they wait in a spool — a temporary file beside the detail's own,
// compressed, each entry written as the fields that differ from the entry
// before — and are copied into the detail, in order, only when the file is
// committed. One spool serves the whole run, a file at a time; what it
// holds in memory is a few buffers, whatever the file's size.

// spoolMem is how many entries a stage keeps in memory before it writes
// to the spool file (about 200 bytes each: 6 MB): a file of a few thousand
// rows, the common case, never touches the disk. The memory is the
// detail's, one buffer reused file after file (a run streams one file at a
// time).
const spoolMem = 1 << 15

// Stage returns a stage for the next streamed file's entries
// (reconcile.Options.Stage). The stages share the detail's spool file: a
// run streams one file at a time.
func (d *Detail) Stage() reconcile.DetailStage {
	s := &stage{d: d, mem: d.stageMem[:0]}
	d.stageMem = nil
	return s
}

// release gives the stage's memory back to the detail, emptied.
func (s *stage) release() {
	clear(s.mem) // its strings are the file's: not kept alive
	s.spare, s.pending = reconcile.Entry{}, false
	if s.d.stageMem == nil {
		s.d.stageMem = s.mem[:0]
	}
	s.mem = nil
}

// SpoolName is the name of the spool's temporary file, for a caller that
// removes it on an interrupt.
func (d *Detail) SpoolName() string { return d.spool.Name() }

type stage struct {
	d    *Detail
	mem  []reconcile.Entry
	w    *bufio.Writer
	fw   *flate.Writer
	prev [nSpoolFields]string
	n    int // entries written to the file
	err  error
	buf  []byte
	// spare is the slot past spoolMem; pending: it holds an entry not yet
	// written to the spool file (spill).
	spare   reconcile.Entry
	pending bool
}

const nSpoolFields = 10

func spoolFields(e *reconcile.Entry) [nSpoolFields]string {
	coef := ""
	if c, _, ok := e.Value.Small(); ok {
		coef = strconv.FormatInt(c, 10)
	} else {
		coef = e.Value.Decimal().Coefficient().String()
	}
	return [nSpoolFields]string{e.File, e.Sheet, e.Cell, e.Department, e.Indicator, string(e.Measure), e.Entity, e.Code, e.Raw, coef}
}

func (s *stage) Add(e *reconcile.Entry) {
	*s.Slot() = *e
}

// Slot returns the entry the next figure is written into: the next of
// the stage's memory, or past spoolMem one entry that goes to the spool
// file when the next slot is asked for or the stage is committed.
func (s *stage) Slot() *reconcile.Entry {
	s.spill()
	if len(s.mem) < spoolMem && s.err == nil {
		if len(s.mem) < cap(s.mem) {
			s.mem = s.mem[:len(s.mem)+1]
		} else {
			s.mem = append(s.mem, reconcile.Entry{})
		}
		return &s.mem[len(s.mem)-1]
	}
	s.pending = true
	return &s.spare
}

// spill writes the entry of the last slot beyond the stage's memory to
// the spool file.
func (s *stage) spill() {
	if !s.pending {
		return
	}
	s.pending = false
	if s.err != nil {
		return
	}
	if s.w == nil {
		if s.err = s.open(); s.err != nil {
			return
		}
	}
	s.write(&s.spare)
}

// open starts the spool file (made with the detail, emptied per file).
func (s *stage) open() error {
	f := s.d.spool
	if f == nil {
		return errors.New("no spool file")
	}
	if err := f.Truncate(0); err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	s.w = bufio.NewWriterSize(f, 1<<20)
	fw, err := flate.NewWriter(s.w, flate.BestSpeed)
	s.fw = fw
	return err
}

// write appends one entry: a bit mask of the fields that differ from the
// entry before, each of them as a length and bytes, then the period, the
// exponent and whether the figure was typed as text.
func (s *stage) write(e *reconcile.Entry) {
	fs := spoolFields(e)
	b := s.buf[:0]
	var mask uint64
	for i := range fs {
		if fs[i] != s.prev[i] || s.n == 0 {
			mask |= 1 << i
		}
	}
	b = binary.AppendUvarint(b, mask)
	for i := range fs {
		if mask&(1<<i) != 0 {
			b = binary.AppendUvarint(b, uint64(len(fs[i])))
			b = append(b, fs[i]...)
		}
	}
	b = binary.AppendVarint(b, int64(e.Period.Year))
	b = binary.AppendVarint(b, int64(e.Period.Month))
	b = binary.AppendVarint(b, int64(e.Value.Exponent()))
	if e.AsText {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	s.buf = b
	s.prev = fs
	s.n++
	if _, err := s.fw.Write(b); err != nil {
		s.err = err
	}
}

// Commit copies the file's entries into the detail, in the order they
// came. A spool that failed (a full disk) fails the detail: the workbook
// is then not written, rather than written without these rows.
func (s *stage) Commit(to func(*reconcile.Entry)) error {
	err := s.commit(to)
	if err != nil && s.d.spoolErr == nil {
		s.d.spoolErr = fmt.Errorf("spool: %w", err)
	}
	s.release()
	return err
}

func (s *stage) commit(to func(*reconcile.Entry)) error {
	s.spill()
	if s.err != nil {
		return s.err
	}
	head := s.mem
	for i := range head {
		to(&head[i])
	}
	if s.w == nil {
		return nil
	}
	if err := s.fw.Close(); err != nil {
		return err
	}
	if err := s.w.Flush(); err != nil {
		return err
	}
	f := s.d.spool
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	r := bufio.NewReaderSize(flate.NewReader(bufio.NewReaderSize(f, 1<<20)), 1<<16)
	var prev [nSpoolFields]string
	for range s.n {
		e, err := readEntry(r, &prev)
		if err != nil {
			return err
		}
		to(&e)
	}
	return f.Truncate(0)
}

func readEntry(r *bufio.Reader, prev *[nSpoolFields]string) (reconcile.Entry, error) {
	mask, err := binary.ReadUvarint(r)
	if err != nil {
		return reconcile.Entry{}, err
	}
	for i := range prev {
		if mask&(1<<i) == 0 {
			continue
		}
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return reconcile.Entry{}, err
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return reconcile.Entry{}, err
		}
		prev[i] = string(b)
	}
	var nums [3]int64
	for i := range nums {
		if nums[i], err = binary.ReadVarint(r); err != nil {
			return reconcile.Entry{}, err
		}
	}
	text, err := r.ReadByte()
	if err != nil {
		return reconcile.Entry{}, err
	}
	coef, ok := new(big.Int).SetString(prev[9], 10)
	if !ok {
		return reconcile.Entry{}, fmt.Errorf("spool: bad figure %q", prev[9])
	}
	return reconcile.Entry{
		Source:     reconcile.Source{File: prev[0], Sheet: prev[1], Cell: prev[2]},
		Department: prev[3], Indicator: prev[4], Measure: reconcile.Measure(prev[5]), Entity: prev[6], Code: prev[7], Raw: prev[8],
		Period: reconcile.Period{Year: int(nums[0]), Month: int(nums[1])},
		Value:  reconcile.NumOf(decimal.NewFromBigInt(coef, int32(nums[2]))), AsText: text == 1,
	}, nil
}

// Drop forgets the file's entries.
func (s *stage) Drop() {
	s.release()
	if s.w != nil && s.d.spool != nil {
		s.d.spool.Truncate(0)
	}
}

// newSpool makes the spool's temporary file beside the detail's.
func newSpool(tmp *os.File) (*os.File, error) {
	return os.CreateTemp(filepath.Dir(tmp.Name()), ".tally-spool-*.tmp")
}
