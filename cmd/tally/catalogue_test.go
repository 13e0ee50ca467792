package main

import (
	"testing"

	"github.com/jingwu/tally/internal/testtool"
)

// Every message literal of the command layer — msg{zh, en} and
// reconcile.Text{zh, en} and io.t(zh, en), serve's included — is in both languages with the
// same named fields: the catalogue walked from the source.
func TestMessageCatalogue(t *testing.T) {
	testtool.CheckTexts(t, ".", 200, "msg", "reconcile.Text", "t", "io.t")
}
