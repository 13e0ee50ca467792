package reconcile

import "fmt"

// Bug is a broken invariant of tally's own — a "cannot happen" that
// happened. It is never the user's mistake: the command prints it as a bug
// to report, with its own exit status, not as advice about the input.
type Bug struct{ What string }

func (b *Bug) Error() string { return "internal error: " + b.What }

// Bugf returns a *Bug saying what broke.
func Bugf(format string, args ...any) error { return &Bug{fmt.Sprintf(format, args...)} }
