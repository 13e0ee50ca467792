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
