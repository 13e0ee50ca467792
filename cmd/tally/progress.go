package main

import (
	"os"
	"time"

	"github.com/jingwu/tally/reconcile"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress returns what to call after each file: a progress bar on stderr
// (files done of total, rate, time left) when stderr is a terminal and the
// output is not JSON; nothing otherwise.
func (o *runOptions) progress(total int) func() {
	if o.JSON || total < 2 || !term.IsTerminal(int(os.Stderr.Fd())) {
		return nil
	}
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(os.Stderr),
		progressbar.OptionSetDescription(reconcile.Text{"读取中", "reading"}.In(reconcile.Lang(o.Lang))),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(reconcile.Text{"个文件", "files"}.In(reconcile.Lang(o.Lang))),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	return func() { _ = bar.Add(1) }
}
