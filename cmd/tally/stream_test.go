package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/internal/tall"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// writeTall writes a tall file of rows data rows as name in dir, and the
// spec its claims are exact for (the good file's rows) as dir/tall.yaml.
func writeTall(t *testing.T, dir, name string, o tall.Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := tall.Write(&b, o); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeTallSpec(t *testing.T, dir string, rows int) string {
	t.Helper()
	path := filepath.Join(dir, "tall.yaml")
	if err := os.WriteFile(path, []byte(tall.Spec(rows)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runTall runs tally with args and decodes its JSON result.
func runTall(t *testing.T, args ...string) jsonResult {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	if code > exitFindings || errb.Len() > 0 {
		t.Fatalf("tally %v: exit %d: %s", args, code, errb.String())
	}
	var res jsonResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("%v in %.2000s", err, out.String())
	}
	return res
}

// wantTotals checks each indicator's consolidated total, exactly, as the
// claims of the tall spec show it.
func wantTotals(t *testing.T, res jsonResult, rows int) {
	t.Helper()
	if len(res.Claims) != tall.Indicators {
		t.Fatalf("%d claims, want %d", len(res.Claims), tall.Indicators)
	}
	for k, c := range res.Claims {
		want := decimal.RequireFromString(tall.Total(rows, k))
		if c.Computed == nil {
			t.Errorf("%s: no computed value, want %s", c.ID, want)
			continue
		}
		if got := decimal.RequireFromString(*c.Computed); !got.Equal(want) {
			t.Errorf("%s: consolidated %s, want %s (the sum of the good file's rows)", c.ID, got, want)
		}
	}
}

// A legal file far past the rows a reader used to hold (10,000) — here
// 200,000 rows (30,000 under the race detector), names and codes in a
// shared string table as Excel writes them — is streamed into the ledger
// and consolidated exactly.
func TestStreamTallFile(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("200,000 rows")
	}
	rows := 200_000
	if raceDetector {
		rows = 30_000 // ten times slower: still three times the old limit
	}
	dir := t.TempDir()
	writeTall(t, dir, tall.FileName, tall.Options{Rows: rows, Shared: true})
	spec := writeTallSpec(t, dir, rows)
	res := runTall(t, "reconcile", "--json", "--spec", spec, dir)
	wantTotals(t, res, rows)
	s := res.Summary
	if s.Rows != rows || s.RowsConsolidated != rows || s.Unreadable != 0 {
		t.Errorf("summary: %d rows, %d consolidated, %d unreadable; want %d, %d, 0", s.Rows, s.RowsConsolidated, s.Unreadable, rows, rows)
	}
	if len(res.Inputs) != 1 || res.Inputs[0].Rows != rows {
		t.Errorf("inputs %+v, want one of %d rows", res.Inputs, rows)
	}
	// The checks across months would hold every row: past the limit they
	// are said not to have run, never silently skipped; under it they run.
	said := false
	for _, f := range res.Findings {
		said = said || f.Rule == "not_checked"
	}
	if over := rows*tall.Indicators > reconcile.MaxMonthValues; said != over {
		t.Errorf("not_checked said %v for the checks across months of %d rows, want %v", said, rows, over)
	}
}

// A streamed file's detail (the 明细 of reconcile -o) waits in the spool
// until the file is committed, then goes into the workbook whole: every
// source row once, and the detail's sums equal the totals.
func TestStreamDetail(t *testing.T) {
	t.Parallel()
	const rows = 12_000 // past the rows a worker holds, and the spool's memory
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	writeTall(t, in, tall.FileName, tall.Options{Rows: rows})
	spec := writeTallSpec(t, dir, rows)
	out := filepath.Join(dir, "out.xlsx")
	res := runTall(t, "reconcile", "--json", "--spec", spec, "-o", out, in)
	wantTotals(t, res, rows)
	node := workbook.ReadNodeFile(out, "out.xlsx", workbook.Limits{})
	if want := rows; node.DetailCount != want { // one 明细 row per source row
		t.Errorf("detail has %d rows, want %d", node.DetailCount, want)
	}
	for k := 0; k < tall.Indicators; k++ {
		key := fmt.Sprintf("t%02d|%s", k, tall.Period)
		if got, want := node.DetailSums[key], decimal.RequireFromString(tall.Total(rows, k)); !got.Equal(want) {
			t.Errorf("detail sum %s = %s, want %s", key, got, want)
		}
	}
	// Every source row has all its figures in its 明细 row, the last
	// one too (the last entries of a file past the spool's memory wait
	// in the stage until it is committed).
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rowsOf, err := f.Rows("明细")
	if err != nil {
		t.Fatal(err)
	}
	figures := 0 // the figure cells of the data rows (columns H–Q)
	for n := 0; rowsOf.Next(); n++ {
		cols, err := rowsOf.Columns()
		if err != nil {
			t.Fatal(err)
		}
		for i := 7; n > 0 && i < 7+2*tall.Indicators && i < len(cols); i++ {
			if cols[i] != "" {
				figures++
			}
		}
	}
	if want := rows * 2 * tall.Indicators; figures != want {
		t.Errorf("明细 holds %d figures, want %d (本月 and 本年累计 of %d indicators, %d rows)", figures, want, tall.Indicators, rows)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tally") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

// A file that turns out unreadable partway — malformed XML after 13,000
// of its rows (past the 10,000 a reader holds, so they were being
// streamed), or a zip member whose bytes were changed late, caught by its
// CRC only at the end — leaves none of the rows it fed in the totals (nor
// does a panic while it is streamed):
// it is reported unreadable with the cause, and the department-month is
// consolidated from its other, good file alone (and is exact).
func TestStreamUnreadableLate(t *testing.T) {
	t.Parallel()
	// The broken file goes 5,000 rows past what a reader holds whole
	// (was 30,000: the same paths, at twice the cost).
	const good = 5_000
	held := workbook.DefaultLimits.MaxRowsPerFile
	bad := held + 5_000
	lateRow := bad - 1_000 // a row read long after streaming began
	for _, c := range []struct {
		name string
		o    tall.Options
		edit func([]byte) []byte
		says string
		// panics: a bug while reading (made by the test hook) is the
		// file's finding, as for a file read whole.
		panics bool
	}{
		{"malformed", tall.Options{Rows: bad, BadAfter: held + 3_000}, nil, "malformed", false},
		{"crc", tall.Options{Rows: bad, Store: true}, func(b []byte) []byte {
			// A figure of a late row changed: the XML still parses, so
			// every row is read — with a wrong figure — before the CRC.
			cell := []byte(fmt.Sprintf(`<c r="C%d"><v>`, lateRow))
			i := bytes.Index(b, cell)
			if i < 0 {
				t.Fatalf("no %s in the tall file", cell)
			}
			at := i + len(cell)
			b[at] = '9' + '1' - b[at] // 1↔9, 2↔8, …: another digit
			return b
		}, "checksum", false},
		{"panic", tall.Options{Rows: bad}, nil, "internal error while reading", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			// Two files for the month, alike but for their folders: the
			// broken one (in b/, the later path) is the one that counts
			// while it reads; the good one is used only because the
			// broken one turned out unreadable.
			os.Mkdir(filepath.Join(dir, "a"), 0o755)
			os.Mkdir(filepath.Join(dir, "b"), 0o755)
			writeTall(t, filepath.Join(dir, "a"), tall.FileName, tall.Options{Rows: good})
			path := writeTall(t, filepath.Join(dir, "b"), tall.FileName, c.o)
			if c.edit != nil {
				b, _ := os.ReadFile(path)
				os.WriteFile(path, c.edit(b), 0o644)
			}
			spec := writeTallSpec(t, dir, good)
			if c.panics {
				panicReading(t, path)
			}
			for _, cmd := range []string{"reconcile", "check"} {
				var out, errb bytes.Buffer
				code := run([]string{cmd, "--json", "--lang", "en", "--spec", spec, dir}, strings.NewReader(""), &out, &errb)
				if code != exitFindings || errb.Len() > 0 {
					t.Fatalf("%s: exit %d: %s", cmd, code, errb.String())
				}
				if cmd == "check" {
					ch := checkJSON(t, out.String())
					f := fileOf(ch, filepath.Join("b", tall.FileName))
					if f == nil || f.Status != "unreadable" || !hasMessage(f, c.says) {
						t.Errorf("check: the broken file is %+v, want unreadable saying %q", f, c.says)
					}
					// Nothing the broken file read before it failed is listed.
					if len(f.Findings) != 1 {
						t.Errorf("check: the broken file has %d findings, want only unreadable_file", len(f.Findings))
					}
					continue
				}
				var res jsonResult
				if err := json.Unmarshal(out.Bytes(), &res); err != nil {
					t.Fatal(err)
				}
				wantTotals(t, res, good)
				if s := res.Summary; s.Rows != good || s.RowsConsolidated != good || s.Unreadable != 1 {
					t.Errorf("summary: %d rows, %d consolidated, %d unreadable; want %d, %d, 1", s.Rows, s.RowsConsolidated, s.Unreadable, good, good)
				}
				found := false
				for _, f := range res.Findings {
					if strings.HasSuffix(f.File, filepath.Join("b", tall.FileName)) {
						if f.Rule != "unreadable_file" || !strings.Contains(f.Message, c.says) {
							t.Errorf("the broken file's finding: %s %s", f.Rule, f.Message)
						}
						found = true
					}
				}
				if !found {
					t.Errorf("the broken file has no finding")
				}
			}
		})
	}
}

// With one worker and no workbook every file is streamed (streamAll in
// consolidateWith); the JSON is the same as when workers hold files whole:
// on the sample year, and on the broken and hostile files of testdata/bad
// (read with the default spec, as tally check reads them).
func TestOneWorkerStreamsTheSame(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"reconcile", "--json", "--lang", "en", "--as-of", "2020-12", repo(t, "testdata/submissions")},
		{"reconcile", "--json", "--as-of", "2021-06", repo(t, "testdata/bad")},
	} {
		var outs []string
		for _, jobs := range []string{"1", "2"} {
			var out, errb bytes.Buffer
			code := run(append([]string{args[0], "--jobs", jobs}, args[1:]...), strings.NewReader(""), &out, &errb)
			if code > exitFindings || out.Len() == 0 {
				t.Fatalf("%v --jobs %s: exit %d: %s", args, jobs, code, errb.String())
			}
			outs = append(outs, out.String())
		}
		if outs[0] != outs[1] {
			t.Errorf("%v: --jobs 1 and --jobs 2 differ:\n%.3000s\n---\n%.3000s", args, outs[0], outs[1])
		}
	}
}

// With -o too: one worker streams every file, its 明细 entries waiting in
// the stage (in memory, reused file after file, dropped with a file that
// fails partway) until the file is committed; two workers hold files
// whole. The workbooks are the same, byte for byte.
func TestOneWorkerStreamsTheSameWorkbook(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"reconcile", "--as-of", "2020-12", repo(t, "testdata/submissions")},
		{"reconcile", "--as-of", "2021-06", repo(t, "testdata/bad")},
	} {
		var outs [][]byte
		for _, jobs := range []string{"1", "2"} {
			path := filepath.Join(t.TempDir(), "out.xlsx")
			var out, errb bytes.Buffer
			code := run(append([]string{args[0], "--jobs", jobs, "-o", path}, args[1:]...), strings.NewReader(""), &out, &errb)
			if code > exitFindings {
				t.Fatalf("%v --jobs %s: exit %d: %s", args, jobs, code, errb.String())
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			outs = append(outs, data)
		}
		if !bytes.Equal(outs[0], outs[1]) {
			t.Errorf("%v: the workbooks of --jobs 1 and --jobs 2 differ (%d and %d bytes)", args, len(outs[0]), len(outs[1]))
		}
	}
}
