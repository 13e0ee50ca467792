// Command gen writes a tall submission and its spec into a folder, for
// measuring tally on large files:
//
//	go run ./internal/tall/gen -rows 1048573 [-shared] -o DIR
//	/usr/bin/time -v tally reconcile --spec DIR/tall.yaml --json DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jingwu/tally/internal/tall"
)

func main() {
	var o tall.Options
	dir := flag.String("o", "", "folder to write into")
	flag.IntVar(&o.Rows, "rows", 200_000, "data rows (at most 1,048,573: the title, the header and the 合计 take three)")
	flag.BoolVar(&o.Shared, "shared", false, "names and codes in a shared string table (as Excel writes them)")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "gen: -o DIR is required")
		os.Exit(2)
	}
	if err := run(*dir, o); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir string, o tall.Options) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "tall.yaml"), []byte(tall.Spec(o.Rows)), 0o644); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, tall.FileName))
	if err != nil {
		return err
	}
	if err := tall.Write(f, o); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	for k := 0; k < tall.Indicators; k++ {
		fmt.Printf("t%02d %s\n", k, tall.Total(o.Rows, k))
	}
	return nil
}
