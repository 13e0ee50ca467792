package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

// BenchmarkReconcileCorpus runs tally reconcile --json on the corpus in
// TALLY_BENCH_CORPUS (made by go run ./internal/bench -keep DIR) with the
// spec in TALLY_BENCH_SPEC (and writes the workbook to TALLY_BENCH_OUT if
// set; with TALLY_BENCH_JOBS, that many workers), for profiling: go test
// ./cmd/tally -run X -bench Corpus -cpuprofile cpu.out.
func BenchmarkReconcileCorpus(b *testing.B) {
	dir, specPath := os.Getenv("TALLY_BENCH_CORPUS"), os.Getenv("TALLY_BENCH_SPEC")
	if dir == "" || specPath == "" {
		b.Skip("set TALLY_BENCH_CORPUS and TALLY_BENCH_SPEC")
	}
	asOf := os.Getenv("TALLY_BENCH_ASOF")
	args := []string{"reconcile", "--json", "--spec", specPath, "--as-of", asOf, dir}
	if jobs := os.Getenv("TALLY_BENCH_JOBS"); jobs != "" {
		args = append(args, "--jobs", jobs) // 1: the bench's per-core path
	}
	if out := os.Getenv("TALLY_BENCH_OUT"); out != "" {
		args = append(args, "-o", out) // and write the workbook
	}
	for i := 0; i < b.N; i++ {
		code := run(args, strings.NewReader(""), io.Discard, io.Discard)
		if code > 1 {
			b.Fatalf("exit %d", code)
		}
	}
}
