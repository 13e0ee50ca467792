package workbook_test

import (
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/jingwu/tally/internal/hostile"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
)

// Streaming a file into the ledger gives exactly what reading it whole
// and adding it gives — totals, findings in their order, counts, detail —
// over the sample year, every broken file, the files of real writers
// (LibreOffice, openpyxl, pandas; .ods too) and the hostile corpus, in both
// modes.
func TestStreamEqualsWhole(t *testing.T) {
	s := defaultSpec(t)
	sample, err := os.ReadFile(filepath.Join("../testdata/submissions", hostile.SampleFile))
	if err != nil {
		t.Fatal(err)
	}
	vs, err := hostile.Variants(sample)
	if err != nil {
		t.Fatal(err)
	}
	corpus := t.TempDir()
	for _, v := range vs {
		if err := os.WriteFile(filepath.Join(corpus, hostile.FileName(v)), v.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var files []string
	for _, dir := range []string{"../testdata/submissions", "../testdata/bad", "../testdata/realworld", corpus} {
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(p) != ".md" {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	ids := map[string]reconcile.Identity{}
	for _, f := range files {
		ids[f] = workbook.Identify(f, f, s, workbook.DefaultLimits)
	}
	sort.SliceStable(files, func(i, j int) bool { return ids[files[i]].Before(ids[files[j]]) })
	opts := cmp.Options{cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }), cmpopts.IgnoreUnexported(reconcile.Input{}),
		cmpopts.IgnoreFields(reconcile.Result{}, "Spec")}
	for _, check := range []bool{false, true} {
		opt := reconcile.Options{Check: check, AsOf: reconcile.Period{Year: 2020, Month: 12}, MaxFindingsPerFile: 1000, MaxFindingText: 200}
		whole, streamed := reconcile.NewLedger(s, opt), reconcile.NewLedger(s, opt)
		for _, f := range files {
			sub, _ := workbook.ReadHeld(f, f, s, workbook.DefaultLimits, math.MaxInt) // held, however many rows
			whole.Add(&sub)
			if err := workbook.Stream(f, f, s, workbook.DefaultLimits, streamed); err != nil {
				t.Fatal(err)
			}
		}
		a, b := whole.Result(), streamed.Result()
		if len(a.Detail) == 0 || len(a.Findings) == 0 {
			t.Fatalf("check %v: %d detail entries, %d findings: the files were not read", check, len(a.Detail), len(a.Findings))
		}
		if diff := cmp.Diff(a, b, opts); diff != "" {
			t.Errorf("check %v: streamed differs from whole (-whole +streamed):\n%s", check, diff)
		}
	}
}
