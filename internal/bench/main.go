// Command bench measures tally against the floors beneath it, in one run:
//
//	go run ./internal/bench -files 200 -rows 2000 -runs 3
//
// It generates a corpus of N files × R rows in a department template's
// layout (12 columns: name, credit code, five indicators' 本月 and 本年累计)
// into a temporary folder, deterministically, then times, as medians of
// -runs, each in its own process so its peak RSS is its own:
//
//	unzip     archive/zip decompressing every sheet and string table (the floor)
//	excelize  excelize Rows() with RawCellValue over every data row
//	json      tally reconcile --json (read, check, consolidate, JSON)
//	workbook  tally reconcile -o (the same, and the consolidated workbook)
//	pandas    pandas.read_excel summing the same columns, if pandas imports
//
// and prints seconds, cells/s, peak RSS and the ratios against the floors.
// The measurements are interleaved, one of each per round.
package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
	"github.com/jingwu/tally/templates"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

const benchSpec = `town: 基准镇
year: %d
indicators:
  - {code: a, name: 指标甲, unit: 万元}
  - {code: b, name: 指标乙, unit: 万元}
  - {code: c, name: 指标丙, unit: 万元}
  - {code: d, name: 指标丁, unit: 万元}
  - {code: e, name: 指标戊, unit: 万元}
departments:
  - code: bench
    name: 基准单位
    tables:
      - id: bench
        sheet: 数据
        title: 基准报表
        frequency: monthly
        rows: enterprise
        columns:
          - {role: name}
          - {role: credit_code}
          - {indicator: a, measure: month}
          - {indicator: a, measure: ytd}
          - {indicator: b, measure: month}
          - {indicator: b, measure: ytd}
          - {indicator: c, measure: month}
          - {indicator: c, measure: ytd}
          - {indicator: d, measure: month}
          - {indicator: d, measure: ytd}
          - {indicator: e, measure: month}
          - {indicator: e, measure: ytd}
`

func main() {
	files := flag.Int("files", 200, "files in the corpus")
	rows := flag.Int("rows", 2000, "rows per file")
	runs := flag.Int("runs", 3, "runs of each measurement (the median is shown)")
	jobs := flag.Int("jobs", runtime.NumCPU(), "workers, the same for every reader")
	mode := flag.String("mode", "", "internal: run one measurement on -dir")
	dir := flag.String("dir", "", "internal: the corpus folder")
	keep := flag.String("keep", "", "generate the corpus into this folder and keep it")
	only := flag.String("only", "", "measure only these, comma-separated (unzip,excelize,json,workbook,pandas)")
	flag.Parse()
	if *mode != "" {
		if err := measure(*mode, *dir, *jobs); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*files, *rows, *runs, *jobs, *keep, *only); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(nFiles, nRows, runs, jobs int, keep, only string) error {
	work, err := os.MkdirTemp("", "tally-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	corpus := filepath.Join(work, "corpus")
	if keep != "" {
		corpus = keep
	}
	last, err := generate(corpus, nFiles, nRows)
	if err != nil {
		return err
	}
	specPath := filepath.Join(work, "bench.yaml")
	if err := os.WriteFile(specPath, []byte(fmt.Sprintf(benchSpec, last.Year)), 0o644); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	tally := filepath.Join(work, "tally")
	if out, err := exec.Command("go", "build", "-o", tally, "github.com/jingwu/tally/cmd/tally").CombinedOutput(); err != nil {
		return fmt.Errorf("build tally: %v\n%s", err, out)
	}
	cells := float64(nFiles * nRows * 12)
	j := fmt.Sprint(jobs)
	common := []string{"reconcile", "--spec", specPath, "--as-of", last.String(), "--jobs", j, "--max-file-mb", "1024", "--max-part-mb", "4096"}
	cmds := []struct {
		name string
		args []string
	}{
		{"unzip", []string{self, "-mode", "unzip", "-dir", corpus, "-jobs", j}},
		{"excelize", []string{self, "-mode", "excelize", "-dir", corpus, "-jobs", j}},
		{"json", append(append([]string{tally}, common...), "--json", corpus)},
		{"workbook", append(append([]string{tally}, common...), "-o", filepath.Join(work, "out.xlsx"), corpus)},
	}
	for _, py := range []string{"/usr/bin/python3", "python3"} { // Debian's python3-pandas, or any
		if exec.Command(py, "-c", "import pandas").Run() == nil {
			cmds = append(cmds, struct {
				name string
				args []string
			}{"pandas", []string{py, "-c", pandasScript, corpus}})
			break
		}
	}
	fmt.Printf("corpus: %d files × %d rows × 12 columns = %.0f cells, %d workers, median of %d interleaved rounds\n\n", nFiles, nRows, cells, jobs, runs)
	fmt.Printf("%-10s %9s %12s %12s\n", "", "seconds", "cells/s", "peak RSS MB")
	// Rounds interleave the measurements (each command once per round), so
	// a machine that speeds up or slows down over minutes — this one does —
	// weighs on all of them alike; a ratio is the median of its per-round
	// ratios.
	var chosen []int
	for i, c := range cmds {
		if only == "" || strings.Contains(","+only+",", ","+c.name+",") {
			chosen = append(chosen, i)
		}
	}
	ts := map[string][]float64{}
	rss := map[string][]float64{}
	for r := 0; r < runs; r++ {
		for _, i := range chosen {
			c := cmds[i]
			t, m, err := timeCmd(c.args)
			if err != nil {
				return fmt.Errorf("%s: %w", c.name, err)
			}
			ts[c.name], rss[c.name] = append(ts[c.name], t), append(rss[c.name], m)
		}
	}
	for _, i := range chosen {
		name := cmds[i].name
		fmt.Printf("%-10s %9.2f %12.0f %12.0f\n", name, median(ts[name]), cells/median(ts[name]), median(rss[name]))
	}
	fmt.Println()
	ratio := func(a, b string) {
		if len(ts[a]) == 0 || len(ts[b]) == 0 {
			return
		}
		var rs []float64
		for r := range ts[a] {
			rs = append(rs, ts[a][r]/ts[b][r])
		}
		sort.Float64s(rs)
		fmt.Printf("%s / %s = %.2f (per round %.2f–%.2f)\n", a, b, median(rs), rs[0], rs[len(rs)-1])
	}
	ratio("json", "excelize")
	ratio("workbook", "excelize")
	ratio("json", "unzip")
	ratio("excelize", "unzip")
	ratio("pandas", "json")
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
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 && strings.Contains(args[0], "tally") {
		err = nil // findings: the run completed
	}
	if err != nil {
		return 0, 0, fmt.Errorf("%v: %s", err, stderr.String())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return elapsed, float64(ru.Maxrss) / 1024, nil
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

const pandasScript = `
import sys, glob, pandas as pd
total = 0
for f in sorted(glob.glob(sys.argv[1] + "/*.xlsx")):
    df = pd.read_excel(f, sheet_name="数据", header=2)
    total += df.iloc[:-1, 2:12].apply(pd.to_numeric, errors="coerce").sum().sum()
print(total)
`

// generate writes the corpus: file i is month i of a run of years, so the
// 本年累计 chain holds; values are integers in hundredths, never floats.
func generate(dir string, nFiles, nRows int) (reconcile.Period, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return reconcile.Period{}, err
	}
	first := 2000
	last := reconcile.Period{Year: first + (nFiles-1)/12, Month: (nFiles-1)%12 + 1}
	s, _, err := spec.Load("bench.yaml", []byte(fmt.Sprintf(benchSpec, last.Year)))
	if err != nil {
		return last, err
	}
	d, _ := s.Department("bench")
	var wg sync.WaitGroup
	errs := make(chan error, nFiles)
	next := make(chan int)
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs <- writeFile(s, d, dir, i, nRows, first)
			}
		}()
	}
	for i := 0; i < nFiles; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return last, err
		}
	}
	return last, nil
}

func writeFile(s *reconcile.Spec, d *reconcile.Department, dir string, i, nRows, first int) error {
	p := reconcile.Period{Year: first + i/12, Month: i%12 + 1}
	t := &templates.Table{Total: map[int]templates.Value{}}
	sums := make([]int64, 12)
	for r := 0; r < nRows; r++ {
		row := templates.Row{Name: fmt.Sprintf("企业%06d", r), Code: code(r), Values: map[int]templates.Value{}}
		for k := 0; k < 5; k++ {
			month := int64((r*7919+k*104729)%100000 + 1) // the same every month
			ytd := month * int64(p.Month)                // the same each month: the chain holds
			row.Values[2+2*k] = templates.Value{Number: decimal.New(month, -2)}
			row.Values[3+2*k] = templates.Value{Number: decimal.New(ytd, -2)}
			sums[2+2*k] += month
			sums[3+2*k] += ytd
		}
		t.Rows = append(t.Rows, row)
	}
	for c := 2; c < 12; c++ {
		t.Total[c] = templates.Value{Number: decimal.New(sums[c], -2)}
	}
	f, err := templates.Build(s, d, p, templates.Fill{"bench": t})
	if err != nil {
		return err
	}
	defer f.Close()
	return f.SaveAs(filepath.Join(dir, templates.FileName(d, p)))
}

// code makes a valid unified social credit code for row r.
func code(r int) string { return reconcile.NewCreditCode("120111", fmt.Sprintf("%08d", r+1)) }

// measure runs one floor measurement in this process.
func measure(mode, dir string, jobs int) error {
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	var wg sync.WaitGroup
	next := make(chan string)
	errs := make(chan error, len(files))
	var mu sync.Mutex
	total := 0
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				n, err := readOne(mode, f)
				mu.Lock()
				total += n
				mu.Unlock()
				errs <- err
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	fmt.Println(total)
	return nil
}

func readOne(mode, path string) (int, error) {
	switch mode {
	case "unzip":
		zr, err := zip.OpenReader(path)
		if err != nil {
			return 0, err
		}
		defer zr.Close()
		n := 0
		for _, f := range zr.File {
			if strings.HasPrefix(f.Name, "xl/worksheets/") || f.Name == "xl/sharedStrings.xml" {
				rc, err := f.Open()
				if err != nil {
					return 0, err
				}
				m, _ := io.Copy(io.Discard, rc)
				rc.Close()
				n += int(m)
			}
		}
		return n, nil
	case "excelize":
		f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
		if err != nil {
			return 0, err
		}
		defer f.Close()
		rows, err := f.Rows("数据")
		if err != nil {
			return 0, err
		}
		n := 0
		for rows.Next() {
			cols, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				return 0, err
			}
			n += len(cols)
		}
		return n, rows.Close()
	}
	return 0, fmt.Errorf("unknown mode %q", mode)
}
