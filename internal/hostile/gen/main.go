// Command gen writes the hostile corpus (internal/hostile) made from the
// sample year's 2020-03-czs.xlsx into a folder, with EXPECTED.tsv: each
// file, what it attacks and the outcome tally check must give.
//
//	go run ./internal/hostile/gen -o /tmp/hostile
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jingwu/tally/internal/hostile"
)

func main() {
	out := flag.String("o", "", "write the corpus into `DIR`")
	sample := flag.String("sample", filepath.Join("testdata", "submissions", hostile.SampleFile), "the sample file the variants are made from")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: gen -o DIR")
		os.Exit(2)
	}
	if err := run(*sample, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(sample, out string) error {
	b, err := os.ReadFile(sample)
	if err != nil {
		return err
	}
	vs, err := hostile.Variants(b)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, v := range vs {
		if err := os.WriteFile(filepath.Join(out, hostile.FileName(v)), v.Data, 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(out, "EXPECTED.tsv"), []byte(hostile.Table(vs)), 0o644)
}
