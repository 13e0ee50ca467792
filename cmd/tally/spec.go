package main

import (
	"fmt"
	"os"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
	"github.com/spf13/cobra"
)

// specOptions are the flags every command that reads a spec shares.
type specOptions struct {
	Path string
}

func (o *specOptions) AddFlags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.Path, "spec", "", "spec `FILE` (YAML); the built-in 精武镇 2020 spec when empty")
}

// load reads the spec named by the options, or the built-in one.
func (o *specOptions) load() (*reconcile.Spec, *spec.File, string, error) {
	if o.Path == "" {
		s, f, err := spec.Default()
		return s, f, spec.DefaultName, err
	}
	data, err := os.ReadFile(o.Path)
	if err != nil {
		return nil, nil, o.Path, fmt.Errorf("read spec: %w", err)
	}
	s, f, err := spec.Load(o.Path, data)
	if err != nil {
		return nil, nil, o.Path, fmt.Errorf("spec %w", err)
	}
	return s, f, o.Path, nil
}

func newSpecCommand(io streams) *cobra.Command {
	var opts specOptions
	cmd := &cobra.Command{
		Use:   "spec",
		Short: "Print the effective spec: departments, indicators, layouts, claims, targets",
		Long: `Print the effective spec as YAML, with every default filled in. Without
--spec it prints the built-in spec for 精武镇 2020; redirect it to a file to
start a spec of your own.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, f, _, err := opts.load()
			if err != nil {
				return err
			}
			out, err := spec.Marshal(f)
			if err != nil {
				return err
			}
			_, err = io.Out.Write(out)
			return err
		},
	}
	opts.AddFlags(cmd)
	return cmd
}
