//go:build race

package main

// raceDetector says the tests run under the race detector, which makes the
// load test ten times slower: it then makes fewer uploads.
const raceDetector = true
