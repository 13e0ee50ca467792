package main

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/workbook"
)

// detailSpill keeps a run's detail on disk (gob, decimals exact) so memory
// does not grow with the rows; the file is removed when closed.
type detailSpill struct {
	f   *os.File
	w   *bufio.Writer
	enc *gob.Encoder
	n   int
	err error
}

func newDetailSpill(dir string) (*detailSpill, error) {
	f, err := os.CreateTemp(dir, ".tally-detail-*.tmp")
	if err != nil {
		f, err = os.CreateTemp("", "tally-detail-*.tmp")
	}
	if err != nil {
		return nil, fmt.Errorf("detail: %w", err)
	}
	w := bufio.NewWriter(f)
	return &detailSpill{f: f, w: w, enc: gob.NewEncoder(w)}, nil
}

// Add writes one entry; the first error is kept for Err.
func (s *detailSpill) Add(e reconcile.Entry) {
	if s.err == nil {
		s.err = s.enc.Encode(&e)
		s.n++
	}
}

// Entries reads the entries back in order, and how many there are.
func (s *detailSpill) Entries() (workbook.Entries, int, error) {
	if s.err != nil {
		return nil, 0, fmt.Errorf("detail: %w", s.err)
	}
	if err := s.w.Flush(); err != nil {
		return nil, 0, fmt.Errorf("detail: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, 0, fmt.Errorf("detail: %w", err)
	}
	dec := gob.NewDecoder(bufio.NewReader(s.f))
	return func(yield func(reconcile.Entry) bool) {
		for {
			var e reconcile.Entry
			if err := dec.Decode(&e); err != nil {
				if !errors.Is(err, io.EOF) {
					s.err = err
				}
				return
			}
			if !yield(e) {
				return
			}
		}
	}, s.n, nil
}

// Err reports a failure while reading the entries back.
func (s *detailSpill) Err() error {
	if s.err != nil {
		return fmt.Errorf("detail: %w", s.err)
	}
	return nil
}

func (s *detailSpill) Close() error {
	name := s.f.Name()
	s.f.Close()
	return os.Remove(name)
}

// writeWorkbook writes the consolidated workbook to path atomically, as it
// is made, reading the detail back from the spill.
func writeWorkbook(path string, res *reconcile.Result, meta workbook.Meta, spill *detailSpill) error {
	return writeAtomicFunc(path, func(w io.Writer) error {
		if err := workbook.Write(w, res, meta); err != nil {
			return err
		}
		return spill.Err()
	})
}
