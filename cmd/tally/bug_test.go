package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
)

// A bug is told apart from a user's mistake: its own exit status, and a
// message that says it is tally's fault and what to report — whether it
// surfaces as a panic or as a *reconcile.Bug error.
func TestBugIsNotAUserError(t *testing.T) {
	for name, hook := range map[string]func() error{
		"panic": func() error { panic("index out of range [3] with length 3") },
		"bug":   func() error { return reconcile.Bugf("12 rows read but 11 consolidated + 0 rejected") },
	} {
		t.Run(name, func(t *testing.T) {
			beforeRun = hook
			defer func() { beforeRun = nil }()
			var out, errb bytes.Buffer
			code := run([]string{"spec"}, nil, &out, &errb)
			if code != exitBug {
				t.Errorf("exit %d, want %d (bug)", code, exitBug)
			}
			msg := errb.String()
			for _, want := range []string{"内部错误", "tally 自身的缺陷", "This is a bug in tally", "args [\"spec\"]"} {
				if !strings.Contains(msg, want) {
					t.Errorf("stderr lacks %q:\n%s", want, msg)
				}
			}
			if name == "panic" && !strings.Contains(msg, "goroutine") {
				t.Errorf("a panic's report carries its stack:\n%s", msg)
			}
		})
	}
	// A user's mistake still exits 2 with one line and a hint, no bug talk.
	var out, errb bytes.Buffer
	if code := run([]string{"reconcile", "--no-such-flag"}, nil, &out, &errb); code != exitFailed || strings.Contains(errb.String(), "内部错误") {
		t.Errorf("usage error: exit %d, stderr %q", code, errb.String())
	}
}
