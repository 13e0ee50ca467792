//go:build unix

package procstat

import (
	"os"
	"syscall"
)

// PeakRSSMB is a finished process's peak resident set, in MB (getrusage's
// ru_maxrss, which Linux gives in KiB).
func PeakRSSMB(ps *os.ProcessState) float64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}
