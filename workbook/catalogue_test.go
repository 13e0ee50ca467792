package workbook

import (
	"testing"

	"github.com/jingwu/tally/internal/testtool"
)

// Every two-language text of the workbook adapter — the sheets' words
// (x.l), its messages (reconcile.Text) — places the same named fields in
// both languages, the Chinese first.
func TestTextsBilingual(t *testing.T) {
	testtool.CheckTexts(t, ".", 100, "reconcile.Text", "x.l")
}
