package workbook

import (
	"io"
	"testing"
	"time"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
)

// A run with no detail rows (every input unreadable) finishes: the
// compressor ranges over its own copy of the channel, which finish may
// close and clear before the goroutine has started (it hung under load).
func TestDetailWithoutRowsFinishes(t *testing.T) {
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	res := reconcile.Consolidate(s, nil, reconcile.Options{})
	done := make(chan error, 1)
	go func() {
		for i := 0; i < 50; i++ {
			d, err := NewDetail(t.TempDir(), s, reconcile.Chinese)
			if err != nil {
				done <- err
				return
			}
			err = Write(io.Discard, res, Meta{Lang: reconcile.Chinese, Detail: d})
			d.Close()
			if err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	// A hang is called shortly before the binary's -timeout, not after a
	// fixed time: the fifty writes under the race detector on a loaded
	// machine took 155 s of the 180 this test used to allow.
	limit := 10 * time.Minute
	if d, ok := t.Deadline(); ok {
		left := time.Until(d)
		limit = max(left-max(left/20, 30*time.Second), time.Second)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(limit):
		t.Fatal("writing a workbook without detail rows did not finish")
	}
}
