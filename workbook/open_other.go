//go:build !unix

package workbook

import "os"

// openNoWait opens a file read-only.
func openNoWait(path string) (*os.File, error) { return os.Open(path) }
