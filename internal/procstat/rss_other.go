//go:build !unix

package procstat

import "os"

// PeakRSSMB is 0 where there is no getrusage (Windows): the tools measure
// memory on Linux; they build everywhere.
func PeakRSSMB(ps *os.ProcessState) float64 { return 0 }
