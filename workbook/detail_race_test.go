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
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(3 * time.Minute):
		t.Fatal("writing a workbook without detail rows did not finish")
	}
}
