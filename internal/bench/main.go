// Command bench measures tally against its peers and the floor beneath
// them, on equal cores, in one run:
//
//	go run ./internal/bench -files 200 -rows 2000 -runs 3 [-shape regular|wide|text|shared|tall]
//
// It generates a corpus of N files × R rows in a department template's
// layout into a temporary folder (or -keep DIR), deterministically, then
// times each reader as a separate process, so its peak RSS is its own:
//
//	unzip     archive/zip inflating every sheet and the string table (the floor)
//	excelize  excelize Rows() with raw cell values, summing with ParseFloat
//	pandas    pandas.read_excel (openpyxl engine), summing with to_numeric
//	sheetjs   SheetJS (the xlsx npm package) under Node, summing the values
//	json      tally reconcile --json (read, check, consolidate exactly, JSON)
//	workbook  tally reconcile -o (the same, and the consolidated workbook)
//
// Every reader gets one worker (-jobs, 1 by default) and, where taskset is
// installed, one CPU: the comparison is per core. tally is then measured
// again with every core (json-all, workbook-all), shown apart. The peers sum the
// same columns of the same rows and the bench checks each sum against the
// corpus's exact one, so the work is the same and a reader that skipped
// cells would be caught. Rounds interleave the measurements (each once per
// round), so a machine that speeds up or slows down weighs on all alike;
// the table shows medians, a ratio is the median of its rounds' own ratios.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jingwu/tally/internal/procstat"
)

func main() {
	var o options
	flag.IntVar(&o.files, "files", 200, "files in the corpus (shape tall: 1)")
	flag.IntVar(&o.rows, "rows", 2000, "rows per file (shape tall: 200000)")
	flag.IntVar(&o.runs, "runs", 3, "rounds (each measurement once per round; the median is shown)")
	flag.IntVar(&o.jobs, "jobs", 1, "workers of every reader in the per-core comparison")
	flag.StringVar(&o.shape, "shape", "regular", "corpus shape: regular (12 columns), wide (60 columns), text (long texts), shared (figures typed as text), tall (one file of 200,000 rows)")
	flag.StringVar(&grow, "grow", "months", "how the corpus grows with -files: months (one department, consecutive months) or departments (one year's twelve months, files/12 departments)")
	flag.StringVar(&o.keep, "keep", "", "generate the corpus into this folder and keep it (with its spec, bench.yaml)")
	flag.StringVar(&o.tally, "tally", "", "the tally binary to measure (default: build cmd/tally afresh)")
	flag.StringVar(&o.only, "only", "", "measure only these, comma-separated (unzip,excelize,pandas,sheetjs,json,workbook,json-all,workbook-all)")
	mode := flag.String("mode", "", "internal: generate the corpus into -dir, or run one Go peer (unzip, excelize) on it")
	dir := flag.String("dir", "", "internal: the corpus folder")
	cols := flag.String("cols", "", "internal: the columns to sum")
	flag.Parse()
	if *mode == "generate" {
		if err := generateMain(*dir, o.shape, o.files, o.rows); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if *mode != "" {
		if err := measure(*mode, *dir, o.jobs, parseInts(*cols)); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	set := map[string]bool{}
	flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if o.shape == "tall" {
		if !set["files"] {
			o.files = 1
		}
		if !set["rows"] {
			o.rows = 200000
		}
	}
	if err := run(o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type options struct {
	files, rows, runs, jobs int
	shape, keep, only       string
	tally                   string // a built tally; "": build one
}

// reader is one measurement: a command, and whether it prints a sum to check.
type reader struct {
	name    string
	args    []string
	sums    bool
	allCore bool
}

// result is one reader's rounds.
type result struct {
	wall, cpu, rss []float64
}

func run(o options, w io.Writer) error {
	sh, ok := shapes[o.shape]
	if !ok {
		return fmt.Errorf("unknown shape %q (regular, wide, text, shared, tall)", o.shape)
	}
	if grow != "months" && grow != "departments" {
		return fmt.Errorf("-grow %q: months or departments", grow)
	}
	if o.files < 1 || o.rows < 1 || o.runs < 1 || o.jobs < 1 {
		return fmt.Errorf("-files, -rows, -runs and -jobs must be at least 1")
	}
	work, err := os.MkdirTemp("", "tally-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	dir := filepath.Join(work, "corpus")
	if o.keep != "" {
		dir = o.keep
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	// The corpus is made by a child process, so this one stays small: a
	// child's peak RSS can include its parent's at the time it was started
	// (Linux carries the high-water mark across the fork and exec). Made
	// here, the corpus showed as 69 MB in every reader, the floor's too.
	start := time.Now()
	c, err := generateIn(self, dir, sh, o.files, o.rows)
	if err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	gen := time.Since(start)
	benchDir, err := sourceDir()
	if err != nil {
		return err
	}
	tally := o.tally
	if tally == "" {
		tally = filepath.Join(work, "tally")
		if out, err := exec.Command("go", "build", "-o", tally, "github.com/jingwu/tally/cmd/tally").CombinedOutput(); err != nil {
			return fmt.Errorf("build tally: %v\n%s", err, out)
		}
	}

	cols := c.shape.valueCols()
	j := strconv.Itoa(o.jobs)
	ncpu := runtime.NumCPU()
	tallyArgs := func(jobs string, out ...string) []string {
		a := []string{tally, "reconcile", "--spec", c.spec, "--as-of", c.last.String(), "--jobs", jobs,
			"--max-file-mb", "4096", "--max-part-mb", "16384"}
		return append(append(a, out...), dir)
	}
	readers := []reader{
		{name: "unzip", args: []string{self, "-mode", "unzip", "-dir", dir, "-jobs", j}},
		{name: "excelize", args: []string{self, "-mode", "excelize", "-dir", dir, "-jobs", j, "-cols", joinInts(cols)}, sums: true},
	}
	var notes []string
	if args, note := pandasCmd(dir, cols); note == "" {
		readers = append(readers, reader{name: "pandas", args: args, sums: true})
	} else {
		notes = append(notes, note)
	}
	if args, note := sheetjsCmd(benchDir, dir, cols); note == "" {
		readers = append(readers, reader{name: "sheetjs", args: args, sums: true})
	} else {
		notes = append(notes, note)
	}
	readers = append(readers,
		reader{name: "json", args: tallyArgs(j, "--json")},
		reader{name: "workbook", args: tallyArgs(j, "-o", filepath.Join(work, "out.xlsx"))},
	)
	if o.jobs == 1 {
		if ncpu == 1 {
			notes = append(notes, "json-all, workbook-all skipped: one CPU")
		}
		if ncpu > 1 {
			n := strconv.Itoa(ncpu)
			readers = append(readers,
				reader{name: "json-all", args: tallyArgs(n, "--json"), allCore: true},
				reader{name: "workbook-all", args: tallyArgs(n, "-o", filepath.Join(work, "out.xlsx")), allCore: true},
			)
		}
	}
	if o.only != "" {
		var chosen []reader
		for _, r := range readers {
			if strings.Contains(","+o.only+",", ","+r.name+",") {
				chosen = append(chosen, r)
			}
		}
		readers = chosen
	}
	// One worker, one CPU: pin the per-core measurements to the last CPU
	// (a Go program's GOMAXPROCS follows), so a reader's helper threads —
	// Go's collector, V8's, tally's compressor — cannot borrow a second core.
	pin := ""
	if o.jobs == 1 && ncpu > 1 {
		if p, err := exec.LookPath("taskset"); err == nil {
			pin = p
		} else {
			notes = append(notes, "not pinned to one CPU: taskset is not installed (util-linux); cpu seconds still count every thread")
		}
	}

	fmt.Fprintf(w, "corpus: shape %s, %d files × %d rows × %d columns = %.0f cells, generated in %.1f s", sh.name, c.files, c.rows, sh.columns(), c.cells(), gen.Seconds())
	if grow == "departments" {
		fmt.Fprintf(w, ", grown by departments (%d departments × 12 months of %d)", departments(c.files), c.last.Year)
	}
	if o.keep != "" {
		fmt.Fprintf(w, ", kept in %s (spec %s, --as-of %s)", dir, c.spec, c.last)
	}
	fmt.Fprintf(w, "\nmachine: %s, %d CPUs, %s; load average at start %s\n", runtime.GOOS+"/"+runtime.GOARCH, ncpu, cpuModel(), loadAvg())
	fmt.Fprintf(w, "median of %d interleaved rounds, each measurement a separate process", o.runs)
	if pin != "" {
		fmt.Fprintf(w, "; per-core rows pinned to CPU %d with taskset", ncpu-1)
	}
	fmt.Fprintln(w)
	for _, n := range notes {
		fmt.Fprintln(w, "note:", n)
	}

	want, _ := c.sum().Float64() // only to compare the peers' float sums with
	res := map[string]*result{}
	for round := 0; round < o.runs; round++ {
		for _, r := range readers {
			args := r.args
			if pin != "" && !r.allCore {
				args = append([]string{pin, "-c", strconv.Itoa(ncpu - 1)}, args...)
			}
			m, out, err := timeCmd(args, strings.HasPrefix(r.name, "json") || strings.HasPrefix(r.name, "workbook"))
			if err != nil {
				return fmt.Errorf("%s: %w", r.name, err)
			}
			if r.sums && !sumAgrees(out, want) {
				return fmt.Errorf("%s summed %s, the corpus holds %s: it did not read the same cells", r.name, strings.TrimSpace(out), c.sum().StringFixed(2))
			}
			if res[r.name] == nil {
				res[r.name] = &result{}
			}
			x := res[r.name]
			x.wall, x.cpu, x.rss = append(x.wall, m.wall), append(x.cpu, m.cpu), append(x.rss, m.rss)
		}
	}

	cells := c.cells()
	// cells/s per core is wall-clock speed divided by the cores used;
	// cells/cpu-s counts every thread's CPU time, which a loaded machine
	// inflates less than wall time.
	table := func(title string, all bool, cores int) {
		fmt.Fprintf(w, "\n%-12s %8s %8s %14s %12s %8s\n", title, "wall s", "cpu s", "cells/s/core", "cells/cpu-s", "RSS MB")
		for _, r := range readers {
			if r.allCore != all {
				continue
			}
			x := res[r.name]
			wall, cpu := median(x.wall), median(x.cpu)
			sum := ""
			if r.sums {
				sum = "  sum ok"
			}
			fmt.Fprintf(w, "%-12s %8.2f %8.2f %14.0f %12.0f %8.0f%s\n", r.name, wall, cpu, cells/wall/float64(cores), cells/cpu, median(x.rss), sum)
		}
	}
	table(fmt.Sprintf("-jobs %d", o.jobs), false, o.jobs)
	if res["json-all"] != nil || res["workbook-all"] != nil {
		table(fmt.Sprintf("all %d CPUs", ncpu), true, ncpu)
	}
	fmt.Fprintf(w, "\nratios of wall time (median of the rounds' own, range in brackets; cpu time after):\n")
	ratio := func(a, b, what string) {
		ra, rb := res[a], res[b]
		if ra == nil || rb == nil {
			return
		}
		fmt.Fprintf(w, "%-22s %6.2f (%s)  cpu %6.2f   %s\n", a+" / "+b, medianRatio(ra.wall, rb.wall), rangeRatio(ra.wall, rb.wall), medianRatio(ra.cpu, rb.cpu), what)
	}
	ratio("json", "unzip", "tally --json against the decompression floor")
	ratio("workbook", "json", "writing the workbook on top of reading")
	ratio("pandas", "json", "times tally's speed, pandas")
	ratio("sheetjs", "json", "times tally's speed, SheetJS")
	ratio("excelize", "json", "times tally's speed, excelize")
	ratio("excelize", "unzip", "excelize against the floor")
	ratio("json", "json-all", "speed-up of all CPUs, --json")
	ratio("workbook", "workbook-all", "speed-up of all CPUs, -o")
	fmt.Fprintf(w, "\nload average at end %s\n", loadAvg())
	return nil
}

// measurement is one process's wall and CPU seconds and peak RSS (MB).
type measurement struct{ wall, cpu, rss float64 }

// timeCmd runs a command and measures it; tally's exit 1 (findings) is a
// completed run.
func timeCmd(args []string, isTally bool) (measurement, string, error) {
	cmd := exec.Command(args[0], args[1:]...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if isTally {
		cmd.Stdout = io.Discard
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start).Seconds()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 && isTally {
		err = nil
	}
	if err != nil {
		return measurement{}, "", fmt.Errorf("%v: %s", err, stderr.String())
	}
	ps := cmd.ProcessState
	cpu := (ps.UserTime() + ps.SystemTime()).Seconds()
	return measurement{wall, cpu, procstat.PeakRSSMB(ps)}, stdout.String(), nil
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[len(s)/2]
}

func ratios(a, b []float64) []float64 {
	rs := make([]float64, len(a))
	for i := range a {
		rs[i] = a[i] / b[i]
	}
	sort.Float64s(rs)
	return rs
}

func medianRatio(a, b []float64) float64 { return median(ratios(a, b)) }

func rangeRatio(a, b []float64) string {
	rs := ratios(a, b)
	return fmt.Sprintf("%.2f–%.2f", rs[0], rs[len(rs)-1])
}

func parseInts(s string) []int {
	var xs []int
	for _, f := range strings.Split(s, ",") {
		if x, err := strconv.Atoi(f); err == nil {
			xs = append(xs, x)
		}
	}
	return xs
}

// sourceDir is this command's source folder, where sheetjs/ is: the
// module's internal/bench (the bench runs within the module, as go run).
func sourceDir() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	mod := strings.TrimSpace(string(out))
	if err != nil || mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("run the bench from within tally's module (go run ./internal/bench)")
	}
	return filepath.Join(filepath.Dir(mod), "internal", "bench"), nil
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "cpu unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "cpu unknown"
}
