package workbook_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/workbook"
)

// A file being written while tally reads it — a copy in progress, a
// department saving over it — is refused as changing, on both paths the
// commands take (held and streamed), whether it grows or is rewritten at
// the same size: its hash, size and rows would be of different bytes. The
// same file left alone is read.
func TestFileChangingWhileRead(t *testing.T) {
	s := defaultSpec(t)
	data, err := os.ReadFile("../testdata/submissions/2020-03-czs.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	writers := map[string]func(path string){
		"grows": func(path string) {
			f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.Write(make([]byte, 4096))
			f.Close()
		},
		"rewritten": func(path string) {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			later := time.Now().Add(time.Minute)
			os.Chtimes(path, later, later)
		},
		"left alone": nil,
	}
	for name, w := range writers {
		path := filepath.Join(t.TempDir(), "2020-03-czs.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Hour)
		os.Chtimes(path, old, old)
		// Only this file is written to (the hook is the package's; this
		// test is not parallel, so no other test runs meanwhile).
		hook := func(p string) {
			if w != nil && p == path {
				w(p)
			}
		}
		held := func() reconcile.Submission {
			defer workbook.SetWhileReading(hook)()
			sub, _ := workbook.ReadHeld(path, "2020-03-czs.xlsx", s, workbook.DefaultLimits, 2000)
			return sub
		}()
		os.WriteFile(path, data, 0o644)
		os.Chtimes(path, old, old)
		l := reconcile.NewLedger(s, reconcile.Options{Check: true, AsOf: reconcile.Period{Year: 2020, Month: 3}})
		func() {
			defer workbook.SetWhileReading(hook)()
			if err := workbook.Stream(path, "2020-03-czs.xlsx", s, workbook.DefaultLimits, l); err != nil {
				t.Fatal(err)
			}
		}()
		r := l.Result()
		streamed := false
		for _, f := range r.Findings {
			if f.Rule == reconcile.RuleUnreadable && strings.Contains(f.Message(reconcile.English), "changed while it was read") {
				streamed = true
			}
		}
		refused := held.Unreadable && len(held.Findings) == 1 && strings.Contains(held.Findings[0].Message(reconcile.Chinese), "文件在读取过程中被改动")
		if want := w != nil; refused != want || streamed != want {
			t.Errorf("%s: held refused %v, streamed refused %v, want %v: %v", name, refused, streamed, want, held.Findings)
		}
		if w != nil && (held.Department != "czs" || r.Summary.RowsConsolidated != 0) {
			t.Errorf("%s: department %q, %d rows consolidated: want 财政所's March, unreadable, nothing consolidated", name, held.Department, r.Summary.RowsConsolidated)
		}
	}
}
