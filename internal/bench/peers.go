package main

import (
	"archive/zip"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// The peers read the data sheet (数据) of every file and sum the figures of
// the data rows — from the first row under the header to the row before 合计
// — in the columns given, as numbers (floats: what their users get), and
// print the sum, which the bench checks against the corpus's exact sum. The
// work is the same: read every cell of the sheet, turn the figures into
// numbers, add them up.

// measure runs one Go peer in this process: unzip or excelize, with jobs
// workers over the files.
func measure(mode, dir string, jobs int, cols []int) error {
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	var wg sync.WaitGroup
	next := make(chan string)
	errs := make(chan error, len(files))
	var mu sync.Mutex
	var total float64
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				s, err := readOne(mode, f, cols)
				mu.Lock()
				total += s
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
	fmt.Printf("%.2f\n", total)
	return nil
}

func readOne(mode, path string, cols []int) (float64, error) {
	switch mode {
	case "unzip":
		return 0, unzip(path)
	case "excelize":
		return excelizeSum(path, cols)
	}
	return 0, fmt.Errorf("unknown mode %q", mode)
}

// unzip inflates every worksheet and the string table: the floor, since
// nothing can read a cell without it.
func unzip(path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/") || f.Name == "xl/sharedStrings.xml" {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			_, err = io.Copy(io.Discard, rc)
			rc.Close()
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// firstDataRow is the template's first data row (1-based): two title rows
// and the header above it.
const firstDataRow = 4

// excelizeSum reads the sheet with excelize's row iterator, raw values
// (no number formatting), and sums the figures with strconv.ParseFloat.
func excelizeSum(path string, cols []int) (float64, error) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return 0, err
	}
	defer f.Close()
	rows, err := f.Rows("数据")
	if err != nil {
		return 0, err
	}
	var total, last float64
	for r := 1; rows.Next(); r++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return 0, err
		}
		if r < firstDataRow {
			continue
		}
		total += last // the row before: the last row read is 合计
		last = 0
		for _, c := range cols {
			if c < len(cells) {
				if v, err := strconv.ParseFloat(strings.TrimSpace(cells[c]), 64); err == nil {
					last += v
				}
			}
		}
	}
	return total, rows.Close()
}

const pandasScript = `
import sys, glob, pandas as pd
cols = [int(c) for c in sys.argv[2].split(",")]
total = 0.0
for f in sorted(glob.glob(sys.argv[1] + "/*.xlsx")):
    df = pd.read_excel(f, sheet_name="数据", header=2, engine="openpyxl")
    total += df.iloc[:-1, cols].apply(pd.to_numeric, errors="coerce").sum().sum()
print("%.2f" % total)
`

// pandasCmd is the pandas peer, or why there is none.
func pandasCmd(dir string, cols []int) ([]string, string) {
	const py = "/usr/bin/python3" // Debian's python3-pandas and python3-openpyxl
	if err := exec.Command(py, "-c", "import pandas, openpyxl").Run(); err != nil {
		return nil, fmt.Sprintf("pandas skipped: %s cannot import pandas and openpyxl (apt-get install python3-pandas python3-openpyxl)", py)
	}
	return []string{py, "-c", pandasScript, dir, joinInts(cols)}, ""
}

// sheetjsCmd is the SheetJS peer (the xlsx npm package, pinned by
// sheetjs/package-lock.json and installed there with npm ci when missing),
// or why there is none.
func sheetjsCmd(benchDir, dir string, cols []int) ([]string, string) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, "sheetjs skipped: node is not installed (apt-get install nodejs npm)"
	}
	js := filepath.Join(benchDir, "sheetjs")
	if _, err := os.Stat(filepath.Join(js, "node_modules", "xlsx")); err != nil {
		npm, err := exec.LookPath("npm")
		if err != nil {
			return nil, "sheetjs skipped: npm is not installed (apt-get install npm)"
		}
		cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund")
		cmd.Dir = js
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Sprintf("sheetjs skipped: npm ci in %s failed: %v\n%s", js, err, out)
		}
	}
	return []string{node, filepath.Join(js, "sum.js"), dir, joinInts(cols)}, ""
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}

// sumAgrees tells whether a peer's printed sum is the corpus's exact sum,
// within what adding floats loses (a relative 1e-9).
func sumAgrees(printed string, want float64) bool {
	got, err := strconv.ParseFloat(strings.TrimSpace(printed), 64)
	if err != nil {
		return false
	}
	return math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want))
}
