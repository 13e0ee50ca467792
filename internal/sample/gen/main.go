// Command gen writes the sample year: go run ./internal/sample/gen -o testdata/submissions
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/jingwu/tally/internal/sample"
	"github.com/jingwu/tally/spec"
)

func main() {
	out := flag.String("o", "testdata/submissions", "folder to write the sample submissions into")
	flag.Parse()
	s, _, err := spec.Default()
	if err == nil {
		err = sample.Generate(s, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
}
