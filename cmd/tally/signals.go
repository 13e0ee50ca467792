package main

import (
	"os"
	"sync"
	"time"
)

// Temporary files (a workbook being written, the detail rows, an annotated
// copy) are removed when tally is interrupted (SIGINT, SIGTERM), not left
// beside the output at twice its size. root.go catches the signal.

var temps = struct {
	sync.Mutex
	names map[string]bool
}{names: map[string]bool{}}

// trackTemp registers a temporary file for removal on a signal; the
// returned function unregisters it.
func trackTemp(name string) func() {
	temps.Lock()
	temps.names[name] = true
	temps.Unlock()
	return func() {
		temps.Lock()
		delete(temps.names, name)
		temps.Unlock()
	}
}

// removeTemps removes every registered temporary file. It keeps the lock,
// so no new one is registered after.
func removeTemps() {
	temps.Lock()
	for name := range temps.names {
		os.Remove(name)
	}
}

// pauseWrite is a test hook: with TALLY_TEST_PAUSE_WRITE set, a write
// stops once its temporary file exists and creates the file that variable
// names, so a test can interrupt it at that moment.
func pauseWrite() {
	marker := os.Getenv("TALLY_TEST_PAUSE_WRITE")
	if marker == "" {
		return
	}
	os.WriteFile(marker, nil, 0o644)
	for {
		time.Sleep(time.Second)
	}
}
