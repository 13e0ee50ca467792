package hostile

import (
	"bytes"
	"os"
	"testing"
)

// The committed EXPECTED.tsv is the table of the variants the generator
// makes, and the generator makes the same bytes every run.
func TestExpectedIsGenerated(t *testing.T) {
	sample, err := os.ReadFile("../../testdata/submissions/" + SampleFile)
	if err != nil {
		t.Fatal(err)
	}
	// The two runs the bytes are compared across are made at once: each
	// is tens of seconds of deflate under the race detector.
	var b []Variant
	done := make(chan struct{})
	go func() {
		defer close(done)
		b, _ = Variants(sample)
	}()
	a, err := Variants(sample)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile("EXPECTED.tsv")
	if got := Table(a); got != string(want) {
		t.Errorf("EXPECTED.tsv is stale: go run ./internal/hostile/gen -o DIR and copy DIR/EXPECTED.tsv here")
	}
	if len(a) < 40 {
		t.Errorf("%d variants, want at least 40", len(a))
	}
	if len(b) != len(a) {
		t.Fatalf("%d variants, then %d", len(a), len(b))
	}
	for i := range a {
		if !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s: not the same bytes twice", a[i].Name)
		}
	}
}
