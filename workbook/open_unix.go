//go:build unix

package workbook

import (
	"os"
	"syscall"
)

// openNoWait opens a file read-only without blocking on a FIFO.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
