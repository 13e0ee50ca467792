package reconcile

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// The seal's canonical form is pinned: cells separated by 0x1F, rows ended
// by 0x1E, SHA-256 over all of it, whether the rows are added whole (Row)
// or a cell at a time (Cell, CellBytes, EndRow), and however the digest
// gathers them before hashing (rows long enough to cross digestChunk).
// A workbook sealed before must verify after.
func TestDigestCanonical(t *testing.T) {
	rows := [][]string{
		{"a.xlsx", "数据", "C4", "", "12.5", ""},
		{},
		{""},
		{strings.Repeat("长", digestChunk/3+7), "x"},
		{"last"},
	}
	for n := 0; n < 3*digestChunk/100; n++ {
		rows = append(rows, []string{"f", strings.Repeat("9", n%97), "", "z"})
	}
	var canon []byte
	for _, r := range rows {
		canon = append(canon, strings.Join(r, "\x1f")...)
		canon = append(canon, 0x1e)
	}
	sum := sha256.Sum256(canon)
	want := hex.EncodeToString(sum[:])

	whole := NewDigest()
	for _, r := range rows {
		whole.Row(r...)
	}
	pieces := NewDigest()
	for _, r := range rows {
		for i, c := range r {
			if i%2 == 1 {
				pieces.CellBytes([]byte(c))
			} else {
				pieces.Cell(c)
			}
		}
		pieces.EndRow()
	}
	if got := whole.Sum(); got != want {
		t.Errorf("Row: %s, want %s", got, want)
	}
	if got := pieces.Sum(); got != want {
		t.Errorf("Cell/EndRow: %s, want %s", got, want)
	}
	// Sum starts over: the next digest covers only what follows.
	whole.Row("a", "b")
	if got, want := whole.Sum(), DigestRow("a", "b"); got != want {
		t.Errorf("after Sum: %s, want %s", got, want)
	}
	if got := DigestRow("a", "b"); got != hex.EncodeToString(func() []byte { s := sha256.Sum256([]byte("a\x1fb\x1e")); return s[:] }()) {
		t.Errorf("DigestRow: %s", got)
	}
}

// Seal version 2 hashes a block of detail rows with a cell that repeats
// the one above it as 0x1D: pinned byte for byte, and every cell still
// counts — changing a repeated cell, or writing 0x1D where the text was,
// changes the digest.
func TestBlockDigest(t *testing.T) {
	rows := [][]string{
		{"a.xlsx", "数据", "C4", "", "1.5"},
		{"a.xlsx", "数据", "D4", "", "1.5"},
		{"a.xlsx", "其他", "D4", "x", "\x1d"},
		{"a.xlsx", "其他", "D4", "x", "\x1dz"},
		{"a.xlsx"}, // shorter
		{"a.xlsx", "", "", "", "", "new"},
	}
	canon := "a.xlsx\x1f数据\x1fC4\x1f\x1f1.5\x1e" +
		"\x1d\x1f\x1d\x1fD4\x1f\x1f\x1d\x1e" +
		"\x1d\x1f其他\x1f\x1d\x1fx\x1f\x1d\x1d\x1e" +
		"\x1d\x1f\x1d\x1f\x1d\x1f\x1d\x1f\x1d\x1dz\x1e" +
		"\x1d\x1e" +
		"\x1d\x1f\x1f\x1f\x1f\x1fnew\x1e"
	sum := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	digest := func(rows [][]string) string {
		b := NewBlockDigest()
		for _, r := range rows {
			b.Row(r...)
		}
		return b.Sum()
	}
	if got, want := digest(rows), sum(canon); got != want {
		t.Errorf("block digest %s, want %s", got, want)
	}
	// Sum starts the next block afresh (its first row in full).
	b := NewBlockDigest()
	for _, r := range rows {
		b.Row(r...)
	}
	b.Sum()
	b.Row("a.xlsx", "数据")
	if got, want := b.Sum(), sum("a.xlsx\x1f数据\x1e"); got != want {
		t.Errorf("next block: %s, want %s", got, want)
	}
	// Every edit shows.
	base := digest(rows)
	for i := range rows {
		for j := range rows[i] {
			for _, v := range []string{"\x1d", "a.xlsx", "", "x"} {
				if v == rows[i][j] {
					continue
				}
				edited := make([][]string, len(rows))
				for k := range rows {
					edited[k] = append([]string(nil), rows[k]...)
				}
				edited[i][j] = v
				if digest(edited) == base {
					t.Errorf("row %d cell %d edited to %q: same digest", i, j, v)
				}
			}
		}
	}
	if DetailDigest("1").(*Digest) == nil || DetailDigest("2").(*BlockDigest) == nil || !SealKnown("1") || !SealKnown(SealVersion) || SealKnown("3") {
		t.Error("seal versions")
	}
}
