package workbook

import (
	"bytes"
	stdflate "compress/flate"
	"io"
	"math/rand/v2"
	"testing"
)

// inflateBoth inflates data with the standard library and with the
// package's inflater.
func inflateBoth(data []byte) (std, ours []byte, stdErr, ourErr error) {
	r := stdflate.NewReader(bytes.NewReader(data))
	std, stdErr = io.ReadAll(r)
	r.Close()
	o := newInflater(bytes.NewReader(data))
	ours, ourErr = io.ReadAll(o)
	o.Close()
	return
}

func checkInflate(t *testing.T, data []byte) {
	t.Helper()
	std, ours, stdErr, ourErr := inflateBoth(data)
	if (stdErr == nil) != (ourErr == nil) {
		t.Fatalf("standard library: %v; ours: %v", stdErr, ourErr)
	}
	if stdErr == nil && !bytes.Equal(std, ours) {
		t.Fatalf("inflated %d bytes, the standard library %d", len(ours), len(std))
	}
}

// stdDeflate compresses data at a level with the standard library.
func stdDeflate(t testing.TB, data []byte, level int) []byte {
	var b bytes.Buffer
	w, err := stdflate.NewWriter(&b, level)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// The inflater is the standard library's on sheets, text and noise at
// every level, whole, cut short and with a byte changed.
func TestInflateSame(t *testing.T) {
	sheet := bytes.Repeat([]byte(`<row r="5"><c r="A5" s="5" t="s"><v>41</v></c><c r="C5" s="7"><v>158.39</v></c></row>`), 500)
	r := rand.New(rand.NewPCG(5, 6))
	noise := make([]byte, 20000)
	for i := range noise {
		noise[i] = byte(r.IntN(256))
	}
	for _, data := range [][]byte{nil, []byte("a"), sheet, noise, []byte("甲乙丙丁 1234.56 ")} {
		for _, level := range []int{stdflate.NoCompression, stdflate.BestSpeed, stdflate.DefaultCompression, stdflate.BestCompression, stdflate.HuffmanOnly} {
			z := stdDeflate(t, data, level)
			checkInflate(t, z)
			for range 20 {
				if len(z) == 0 {
					break
				}
				checkInflate(t, z[:r.IntN(len(z))])
				bad := bytes.Clone(z)
				bad[r.IntN(len(bad))] ^= byte(1 + r.IntN(255))
				checkInflate(t, bad)
			}
		}
	}
}

// FuzzInflate: on any stream, the inflater and the standard library agree
// on whether it is valid DEFLATE and on what it inflates to.
func FuzzInflate(f *testing.F) {
	f.Add(stdDeflate(f, []byte(`<row r="5"><c r="C5" s="7"><v>158.39</v></c></row>`), stdflate.BestSpeed))
	f.Add([]byte{0x01, 0x00, 0x00, 0xff, 0xff})
	f.Add([]byte{0x03, 0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		checkInflate(t, data)
	})
}
