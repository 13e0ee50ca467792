package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit codes, like diff(1).
const (
	exitClean    = 0 // every claim consistent, no finding of severity error
	exitFindings = 1 // findings or mismatches
	exitFailed   = 2 // tally could not do its job
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
error, 1 when there are findings or mismatches, 2 when tally could not run.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version,
	}
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err.Error()} })
	root.AddCommand(newReconcileCommand(io), newCheckCommand(io), newStatusCommand(io), newTemplateCommand(io), newExtractCommand(io), newSpecCommand(io))
	root.AddCommand(newServeCommand(io))
	return root
}

var version = "0.1.0"

// run executes tally and maps its outcome to an exit code: the only place
// that does. Usage mistakes get a hint; every other failure is printed as is.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCommand(streams{stdin, stdout, stderr})
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	var ue *usageError
	switch {
	case err == nil:
		return exitClean
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "tally: %s\nTry: %s --help\n", ue.msg, cmd.CommandPath())
	default:
		fmt.Fprintf(stderr, "tally: %v\n", err)
	}
	return exitFailed
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
