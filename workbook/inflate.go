package workbook

import (
	"archive/zip"
	"errors"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// A package's parts are inflated with klauspost/compress's decompressor,
// not the standard library's: the same DEFLATE (RFC 1951), with the same
// errors for a corrupt stream, measured about a quarter faster on the
// bench's sheets — inflating is a fifth of reading one. The zip container
// (directory, CRC-32, sizes) is still archive/zip's. TestInflateSame and
// FuzzInflate compare the two on valid and damaged streams.

// useInflater makes zr inflate with klauspost's decompressor.
func useInflater(zr *zip.Reader) { zr.RegisterDecompressor(zip.Deflate, newInflater) }

// inflaters keeps released decompressors (each holds a 32 KB window), as
// archive/zip pools its own.
var inflaters sync.Pool

func newInflater(r io.Reader) io.ReadCloser {
	fr, ok := inflaters.Get().(io.ReadCloser)
	if ok {
		fr.(flate.Resetter).Reset(r, nil)
	} else {
		fr = flate.NewReader(r)
	}
	return &pooledInflater{fr: fr}
}

// pooledInflater gives its decompressor back on Close (archive/zip's
// pooledFlateReader).
type pooledInflater struct {
	mu sync.Mutex // guards Close and Read
	fr io.ReadCloser
}

func (r *pooledInflater) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fr == nil {
		return 0, errors.New("Read after Close")
	}
	return r.fr.Read(p)
}

func (r *pooledInflater) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var err error
	if r.fr != nil {
		err = r.fr.Close()
		inflaters.Put(r.fr)
		r.fr = nil
	}
	return err
}
