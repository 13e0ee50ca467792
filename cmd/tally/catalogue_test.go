package main

import (
	"testing"

	"github.com/jingwu/tally/internal/testtool"
)

// Every message literal of the command layer — msg{zh, en},
// reconcile.Text{zh, en}, io.t(zh, en) and t(zh, en), serve's included —
// is in both languages with the same named fields: the catalogue walked
// from the source. The commands' output is checked line by line in
// TestOneLanguage and TestMessagesFilled.
func TestMessageCatalogue(t *testing.T) {
	testtool.CheckTexts(t, ".", 200, "msg", "reconcile.Text", "t", "io.t")
}
