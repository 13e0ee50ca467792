// Command gen writes the sample year (go run ./internal/sample/gen -o
// testdata/submissions) or the broken files (go run ./internal/sample/gen
// -bad testdata/bad).
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
	bad := flag.String("bad", "", "write the broken files of testdata/bad into this folder instead")
	flag.Parse()
	s, _, err := spec.Default()
	switch {
	case err != nil:
	case *bad != "":
		err = sample.Bad(s, *bad)
	default:
		err = sample.Generate(s, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
}
