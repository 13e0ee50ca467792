package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"

	"github.com/jingwu/tally/reconcile"

	"github.com/spf13/cobra"
)

// Exit codes, like diff(1).
const (
	exitClean    = 0 // every claim consistent, no finding of severity error
	exitFindings = 1 // findings or mismatches
	exitFailed   = 2 // tally could not do its job
	exitBug      = 3 // a bug in tally: a broken invariant or a panic
	// Interrupted by a signal: 128 + its number, as shells report it.
	exitInterrupt = 130 // SIGINT
	exitTerminate = 143 // SIGTERM
)

// errFindings reports that the run worked and found something to act on.
var errFindings = errors.New("findings")

// usageError is a mistake of the caller's, printed as one plain line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// streams are where a command reads and writes, so tests need no terminal.
type streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

func newRootCommand(io streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "tally",
		Short: "Consolidate department submissions and check the government work report against them",
		Long: `tally reads the monthly Excel submissions of a town's departments, checks every
cell, consolidates the figures exactly (decimal, never floating point) and
checks each figure the published government work report states against them.

Without --spec it uses the built-in spec for 精武镇 2020.

Exit status: 0 when every report figure is consistent and no cell has an
error, 1 when there are findings or mismatches, 2 when tally could not run,
3 on a bug in tally itself (reported with what to send to its maintainers).`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version,
	}
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err.Error()} })
	root.AddCommand(newReconcileCommand(io), newCheckCommand(io), newStatusCommand(io), newTemplateCommand(io), newExtractCommand(io), newSpecCommand(io), newMergeCommand(io))
	root.AddCommand(newServeCommand(io))
	return root
}

var version = "0.1.0"

// beforeRun, when set by a test, runs before the command: a hook to make
// tally fail the way a bug would.
var beforeRun func() error

// run executes tally and maps its outcome to an exit code: the only place
// that does. Usage mistakes get a hint; a bug (a *reconcile.Bug or a panic)
// says it is one and what to report; every other failure is printed as is.
// An interrupt or termination removes the temporary files first.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer onSignal(stderr)()
	defer func() {
		if r := recover(); r != nil {
			code = reportBug(stderr, args, fmt.Sprint(r), debug.Stack())
		}
	}()
	root := newRootCommand(streams{stdin, stdout, stderr})
	root.SetArgs(args)
	if beforeRun != nil {
		root.PersistentPreRunE = func(*cobra.Command, []string) error { return beforeRun() }
	}
	cmd, err := root.ExecuteC()
	var ue *usageError
	var bug *reconcile.Bug
	switch {
	case err == nil:
		return exitClean
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.As(err, &bug):
		return reportBug(stderr, args, bug.What, nil)
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "tally: %s\nTry: %s --help\n", ue.msg, cmd.CommandPath())
	default:
		fmt.Fprintf(stderr, "tally: %v\n", err)
	}
	return exitFailed
}

// onSignal removes the temporary files and exits when tally is
// interrupted or terminated; the returned function stops watching.
func onSignal(stderr io.Writer) func() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	stop := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			removeTemps()
			fmt.Fprintf(stderr, "tally: %v: stopped; its temporary files removed\n", sig)
			code := exitInterrupt
			if sig == syscall.SIGTERM {
				code = exitTerminate
			}
			os.Exit(code)
		case <-stop:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(stop)
	}
}

// args wraps a cobra argument check so its complaint is a usage error.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return &usageError{err.Error()}
		}
		return nil
	}
}

// reportBug prints a bug in tally as one: not the user's mistake, with what
// to send to whoever maintains it. Both languages: a bug can happen before
// the language is known, and the report goes to a maintainer.
func reportBug(w io.Writer, args []string, what string, stack []byte) int {
	fmt.Fprintf(w, "tally: 内部错误：%s\n", what)
	fmt.Fprintf(w, "这是 tally 自身的缺陷，不是您的文件或操作有误。请把本段信息和所运行的命令报告给 tally 的维护者。\n")
	fmt.Fprintf(w, "This is a bug in tally, not a mistake in your files or command: please report this message and the command you ran.\n")
	fmt.Fprintf(w, "tally %s, %s %s/%s, args %q\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH, args)
	if len(stack) > 0 {
		w.Write(stack)
	}
	return exitBug
}
