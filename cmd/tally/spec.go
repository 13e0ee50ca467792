package main

import (
	"os"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
	"github.com/spf13/cobra"
)

// specOptions are the flags every command that reads a spec shares.
type specOptions struct {
	Path string
}

func (o *specOptions) AddFlags(cmd *cobra.Command, io streams) {
	cmd.Flags().StringVar(&o.Path, "spec", "", io.t("规格`文件`（YAML）；不给时用内置的精武镇 2020 年规格", "spec `FILE` (YAML); the built-in 精武镇 2020 spec when empty"))
}

// specLabel is how a workbook names the spec: the file as given, or the
// built-in one in the reader's language.
func specLabel(io streams, name string) string {
	if name == spec.DefaultName {
		return io.t("（内置）jingwu-2020.yaml", spec.DefaultName)
	}
	return name
}

// load reads the spec named by the options, or the built-in one.
func (o *specOptions) load() (*reconcile.Spec, *spec.File, string, error) {
	if o.Path == "" {
		s, f, err := spec.Default()
		return s, f, spec.DefaultName, err
	}
	data, err := os.ReadFile(o.Path)
	if err != nil {
		return nil, nil, o.Path, fail(msg{"无法读取规格 {path}", "read spec {path}"}, fields{"path": o.Path}, unwrapPath(err))
	}
	s, f, err := spec.Load(o.Path, data)
	if err != nil {
		return nil, nil, o.Path, fail(msg{"规格有误", "spec"}, nil, err)
	}
	return s, f, o.Path, nil
}

func newSpecCommand(io streams) *cobra.Command {
	var opts specOptions
	cmd := &cobra.Command{
		Use:   io.t("spec [选项]", "spec [flags]"),
		Short: io.t("输出实际使用的规格：部门、指标、表样、报告数字、目标", "Print the effective spec: departments, indicators, layouts, claims, targets"),
		Long: io.t(`以 YAML 输出实际使用的规格，所有默认值都已填入。不给 --spec 时输出内置的
精武镇 2020 年规格；重定向到文件即可作为自己规格的起点。`, `Print the effective spec as YAML, with every default filled in. Without
--spec it prints the built-in spec for 精武镇 2020; redirect it to a file to
start a spec of your own.`),
		Args: args(cobra.NoArgs, noArgs),
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
	opts.AddFlags(cmd, io)
	return cmd
}
