// Package procstat reads what the measuring tools (internal/bench,
// internal/province) report of a finished child process beyond its times,
// which os.ProcessState gives on every system.
package procstat
