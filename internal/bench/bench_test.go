package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The bench runs on a tiny corpus of every shape: it generates the files,
// runs tally (built once here, for every shape: -tally), every reader that is installed (SheetJS only when its
// node_modules are, so the test needs no network) and checks that each
// peer's sum is the corpus's. It asserts what is printed, never a time.
func TestBenchSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tally and runs every reader")
	}
	bin, tally := filepath.Join(t.TempDir(), "bench"), filepath.Join(t.TempDir(), "tally")
	for _, b := range [][]string{{bin, "."}, {tally, "github.com/jingwu/tally/cmd/tally"}} {
		if out, err := exec.Command("go", "build", "-o", b[0], b[1]).CombinedOutput(); err != nil {
			t.Fatalf("build %s: %v\n%s", b[1], err, out)
		}
	}
	only := "unzip,excelize,pandas,json,workbook,json-all,workbook-all"
	if _, err := os.Stat(filepath.Join("sheetjs", "node_modules", "xlsx")); err == nil {
		only += ",sheetjs"
	} else {
		t.Log("sheetjs not measured: its node_modules are not installed (npm ci in internal/bench/sheetjs)")
	}
	for _, c := range []struct {
		shape string
		rows  string
		cells string
	}{
		{"regular", "10", "240 cells"},
		{"wide", "10", "1200 cells"},
		{"text", "10", "260 cells"},
		{"shared", "10", "240 cells"},
		{"tall", "30", "1 files × 30 rows × 12 columns = 360 cells"},
	} {
		t.Run(c.shape, func(t *testing.T) {
			t.Parallel() // each in its own folder; no time is asserted
			args := []string{"-rows", c.rows, "-runs", "1", "-shape", c.shape, "-only", only, "-tally", tally}
			if c.shape != "tall" {
				args = append(args, "-files", "2")
			}
			out, err := exec.Command(bin, args...).CombinedOutput()
			if err != nil {
				t.Fatalf("bench %v: %v\n%s", args, err, out)
			}
			s := string(out)
			for _, want := range []string{c.cells, "\nunzip ", "\nexcelize ", "\njson ", "\nworkbook ", "json / unzip", "workbook / json"} {
				if !strings.Contains(s, want) {
					t.Errorf("output lacks %q:\n%s", want, s)
				}
			}
			for _, peer := range []string{"excelize", "pandas", "sheetjs"} {
				line := ""
				for _, l := range strings.Split(s, "\n") {
					if strings.HasPrefix(l, peer+" ") {
						line = l // the table's row, before the ratios
						break
					}
				}
				if line != "" && !strings.HasSuffix(line, "sum ok") {
					t.Errorf("%s measured without its sum checked: %q", peer, line)
				}
				if line == "" && peer == "excelize" {
					t.Errorf("excelize not measured:\n%s", s)
				}
			}
		})
	}
	// -grow departments: 26 files are 3 departments' months of one year
	// (the third with two), every peer's sum still checked.
	t.Run("departments", func(t *testing.T) {
		t.Parallel()
		keep := filepath.Join(t.TempDir(), "corpus")
		args := []string{"-files", "26", "-rows", "5", "-runs", "1", "-only", "unzip,excelize,json,workbook", "-tally", tally, "-grow", "departments", "-keep", keep}
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("bench %v: %v\n%s", args, err, out)
		}
		s := string(out)
		for _, want := range []string{"26 files × 5 rows", "grown by departments (3 departments × 12 months of 2000)", "--as-of 2000-12", "\nworkbook "} {
			if !strings.Contains(s, want) {
				t.Errorf("output lacks %q:\n%s", want, s)
			}
		}
		for _, l := range strings.Split(s, "\n") {
			if strings.HasPrefix(l, "excelize ") { // the table's row, before the ratios
				if !strings.HasSuffix(l, "sum ok") {
					t.Errorf("excelize's sum not checked: %q", l)
				}
				break
			}
		}
		files, _ := filepath.Glob(filepath.Join(keep, "*.xlsx"))
		var last []string
		for _, f := range files {
			if strings.HasPrefix(filepath.Base(f), "2000-02-") {
				last = append(last, filepath.Base(f))
			}
		}
		if len(files) != 26 || strings.Join(last, " ") != "2000-02-bench0000.xlsx 2000-02-bench0001.xlsx 2000-02-bench0002.xlsx" {
			t.Errorf("%d files; February's: %v", len(files), last)
		}
	})
}
