// Command province simulates a province's roll-up (节点汇总) and measures it:
//
//	go run ./internal/province -districts 16 -towns 20
//
// It generates, deterministically, one consolidated workbook per town:
// the sample year (testdata/submissions: 5 departments × 12 months of
// 2020, 2,723 rows, 7,275 detail cells) read once with tally's reader,
// its figures multiplied by the town's number (1, 2, …), consolidated
// and written by tally's own ledger and workbook writer, under a town of
// its own name. It then rolls them up in two levels with the tally
// binary, each merge in its own process: each district merges its towns,
// then the province merges the districts. It prints the time and peak RSS
// of each level (the districts' as total, median and maximum), the size
// of what travels up, and checks that the province's figures equal the
// sum of every town's. It is a benchmark, not a test: the CI does not run
// it.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"

	"github.com/jingwu/tally/internal/procstat"
)

func main() {
	districts := flag.Int("districts", 16, "districts in the province")
	towns := flag.Int("towns", 20, "towns in each district")
	keep := flag.String("keep", "", "generate into this folder and keep it")
	sample := flag.String("sample", "testdata/submissions", "the sample year each town is made from")
	genOnly := flag.Bool("generate-only", false, "generate the towns' workbooks and stop")
	flag.Parse()
	if err := run(*districts, *towns, *keep, *sample, *genOnly); err != nil {
		fmt.Fprintln(os.Stderr, "province:", err)
		os.Exit(1)
	}
}

func run(nDistricts, nTowns int, keep, sample string, genOnly bool) error {
	work := keep
	if work == "" {
		var err error
		if work, err = os.MkdirTemp("", "tally-province-"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	start := time.Now()
	townBytes, err := generate(work, sample, nDistricts, nTowns)
	if err != nil {
		return err
	}
	fmt.Printf("generated %d towns' workbooks in %.1f s (%.1f MB each on average)\n", nDistricts*nTowns,
		time.Since(start).Seconds(), float64(townBytes)/float64(nDistricts*nTowns)/1e6)
	if genOnly {
		return nil
	}
	tally := filepath.Join(work, "tally")
	if out, err := exec.Command("go", "build", "-o", tally, "github.com/jingwu/tally/cmd/tally").CombinedOutput(); err != nil {
		return fmt.Errorf("build tally: %v\n%s", err, out)
	}
	var secs, rss []float64
	var districtFiles []string
	var districtBytes int64
	for d := 1; d <= nDistricts; d++ {
		towns, _ := filepath.Glob(filepath.Join(work, fmt.Sprintf("d%02d", d), "*.xlsx"))
		out := filepath.Join(work, "districts", districtName(d)+".xlsx")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		s, r, err := timeCmd(append([]string{tally, "merge", "--name", districtName(d), "-o", out}, towns...))
		if err != nil {
			return err
		}
		secs, rss = append(secs, s), append(rss, r)
		districtFiles = append(districtFiles, out)
		st, _ := os.Stat(out)
		districtBytes += st.Size()
	}
	province := filepath.Join(work, "省.xlsx")
	ps, pr, err := timeCmd(append([]string{tally, "merge", "--name", "省", "--show-unit", "亿元", "--places", "2", "-o", province}, districtFiles...))
	if err != nil {
		return err
	}
	pst, _ := os.Stat(province)
	fmt.Printf("\nlevel 1: %d districts, each merging %d towns\n", nDistricts, nTowns)
	fmt.Printf("  total %.1f s; per district median %.2f s, max %.2f s; peak RSS median %.0f MB, max %.0f MB\n",
		sum(secs), median(secs), maxOf(secs), median(rss), maxOf(rss))
	fmt.Printf("  what travels up: a district's workbook %.2f MB (its towns' %.1f MB)\n",
		float64(districtBytes)/float64(nDistricts)/1e6, float64(townBytes)/float64(nDistricts)/1e6)
	fmt.Printf("level 2: the province merging %d districts (with 舍位平衡 in 亿元)\n", nDistricts)
	fmt.Printf("  %.2f s; peak RSS %.0f MB; its workbook %.2f MB\n", ps, pr, float64(pst.Size())/1e6)
	return check(tally, province, work, nDistricts*nTowns)
}

func districtName(d int) string { return fmt.Sprintf("区%02d", d) }

// generate writes every town's consolidated workbook and returns their
// total size.
func generate(work, sample string, nDistricts, nTowns int) (int64, error) {
	base, _, err := spec.Default()
	if err != nil {
		return 0, err
	}
	files, err := filepath.Glob(filepath.Join(sample, "*.xlsx"))
	if err != nil || len(files) == 0 {
		return 0, fmt.Errorf("no sample year in %s (run from the repository's root)", sample)
	}
	sort.Strings(files)
	var subs []reconcile.Submission
	for _, f := range files {
		subs = append(subs, workbook.ReadFile(f, filepath.Base(f), base, workbook.DefaultLimits))
	}
	reconcile.SortSubmissions(subs)
	var total int64
	for d := 1; d <= nDistricts; d++ {
		dir := filepath.Join(work, fmt.Sprintf("d%02d", d))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return 0, err
		}
		for t := 1; t <= nTowns; t++ {
			k := (d-1)*nTowns + t
			name := fmt.Sprintf("%s镇%02d", districtName(d), t)
			path := filepath.Join(dir, name+".xlsx")
			n, err := writeTown(path, name, base, subs, int64(k))
			if err != nil {
				return 0, err
			}
			total += n
		}
	}
	return total, nil
}

// writeTown consolidates the sample year with every figure multiplied by
// k (exact: sums, 合计 and 本年累计 chains stay as they were) and writes
// the town's workbook.
func writeTown(path, name string, base *reconcile.Spec, subs []reconcile.Submission, k int64) (int64, error) {
	s := *base
	s.Town = name
	det, err := workbook.NewDetail(filepath.Dir(path), &s, reconcile.Chinese)
	if err != nil {
		return 0, err
	}
	defer det.Close()
	l := reconcile.NewLedger(&s, reconcile.Options{Detail: det.Add})
	f := decimal.NewFromInt(k)
	for i := range subs {
		sub := scale(subs[i], f, name)
		l.Add(&sub)
	}
	res := l.Result()
	out, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	if err := workbook.Write(out, res, workbook.Meta{Spec: "province", Lang: reconcile.Chinese, Detail: det}); err != nil {
		out.Close()
		return 0, err
	}
	if err := out.Close(); err != nil {
		return 0, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// scale copies a submission with every figure multiplied by f and its
// file named under the town.
func scale(sub reconcile.Submission, f decimal.Decimal, town string) reconcile.Submission {
	out := sub
	out.File = town + "/" + sub.File
	out.Sheets = make([]reconcile.Sheet, len(sub.Sheets))
	row := func(r reconcile.Row) reconcile.Row {
		cells := make([]reconcile.Cell, len(r.Cells))
		for i, c := range r.Cells {
			c.File = out.File
			if c.State == reconcile.Number {
				c.Value = reconcile.NumOf(c.Value.Decimal().Mul(f))
				c.Raw = c.Value.String()
			}
			cells[i] = c
		}
		r.Cells = cells
		r.CodeSource.File = out.File
		return r
	}
	for i, sh := range sub.Sheets {
		rows := make([]reconcile.Row, len(sh.Rows))
		for j := range sh.Rows {
			rows[j] = row(sh.Rows[j])
		}
		sh.Rows = rows
		if sh.Total != nil {
			t := row(*sh.Total)
			sh.Total = &t
		}
		out.Sheets[i] = sh
	}
	out.Findings = make([]reconcile.Finding, len(sub.Findings))
	for i, fd := range sub.Findings {
		fd.File = out.File
		out.Findings[i] = fd
	}
	return out
}

// check merges every town at once and compares the province's figures
// with it: two levels or one, the same figures.
func check(tally, province, work string, n int) error {
	towns, _ := filepath.Glob(filepath.Join(work, "d[0-9][0-9]", "*.xlsx"))
	if len(towns) != n {
		return fmt.Errorf("%d towns, want %d", len(towns), n)
	}
	figures := func(args ...string) (map[string]string, error) {
		var out bytes.Buffer
		cmd := exec.Command(tally, append([]string{"merge", "--name", "省", "--json"}, args...)...)
		cmd.Stdout = &out
		start := time.Now()
		if err := cmd.Run(); err != nil && cmd.ProcessState.ExitCode() != 1 {
			return nil, err
		}
		if len(args) == n {
			fmt.Printf("one level instead: merging all %d towns at once (--json): %.1f s; peak RSS %.0f MB\n", n,
				time.Since(start).Seconds(), procstat.PeakRSSMB(cmd.ProcessState))
		}
		var r struct {
			Figures []struct {
				Indicator string             `json:"indicator"`
				Months    map[string]*string `json:"months"`
			} `json:"figures"`
		}
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			return nil, err
		}
		m := map[string]string{}
		for _, f := range r.Figures {
			for p, v := range f.Months {
				m[f.Indicator+"|"+p] = *v
			}
		}
		return m, nil
	}
	direct, err := figures(towns...)
	if err != nil {
		return err
	}
	districts, _ := filepath.Glob(filepath.Join(work, "districts", "*.xlsx"))
	twoLevels, err := figures(districts...)
	if err != nil {
		return err
	}
	if len(direct) == 0 || len(direct) != len(twoLevels) {
		return fmt.Errorf("%d figures directly, %d in two levels", len(direct), len(twoLevels))
	}
	for k, v := range direct {
		if !decimal.RequireFromString(v).Equal(decimal.RequireFromString(twoLevels[k])) {
			return fmt.Errorf("%s: %s directly, %s in two levels", k, v, twoLevels[k])
		}
	}
	fmt.Printf("check: the province's %d figures equal those of merging all %d towns at once\n", len(direct), n)
	return nil
}

// timeCmd runs a command and returns its wall time and peak RSS (MB).
func timeCmd(args []string) (float64, float64, error) {
	cmd := exec.Command(args[0], args[1:]...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start).Seconds()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil // findings (the sample's planted ones): the run completed
	}
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %v: %s", strings.Join(args[:2], " "), err, stderr.String())
	}
	return elapsed, procstat.PeakRSSMB(cmd.ProcessState), nil
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
