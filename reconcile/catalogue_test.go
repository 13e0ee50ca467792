package reconcile

import (
	"testing"

	"github.com/jingwu/tally/internal/testtool"
)

// Every Text{zh, en} of the domain — findings, verdicts, the parsers'
// problems — places the same named fields in both languages.
func TestTextsBilingual(t *testing.T) {
	testtool.CheckTexts(t, ".", 100, "Text")
}
