package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"text/tabwriter"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/templates"
	"github.com/jingwu/tally/workbook"
	"github.com/spf13/cobra"
)

// templateOptions holds the flags of tally template.
type templateOptions struct {
	spec     specOptions
	Period   string
	Depts    []string
	From     string
	Output   string
	Password string
	Force    bool
	List     bool
}

func newTemplateCommand(io streams) *cobra.Command {
	var opts templateOptions
	cmd := &cobra.Command{
		Use:   "template --period P -o DIR [flags]",
		Short: "Write the fill-in workbooks departments download, one per department",
		Long: `Write one workbook per department for the period (2021-03 for a month, 2020 for
the annual report), named <period>-<dept>.xlsx: a 填报说明 sheet, the data
sheets with locked headers and 合计 rows, validated input cells with Chinese
prompts, and a hidden fingerprint by which tally recognises the returned file.

With --from DIR, the previous period's submissions in DIR prefill each row's
enterprise, project or village, and 本年累计 as last month's plus this month's
本月, so departments type only this month.

Existing files are not overwritten without --force.`,
		Example: `  tally template --list
  tally template --period 2021-04 -o templates/
  tally template --period 2021-04 --dept czs --from returns/2021-03 -o out/`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTemplate(io, &opts)
		},
	}
	opts.spec.AddFlags(cmd)
	f := cmd.Flags()
	f.StringVar(&opts.Period, "period", "", "the period: `YYYY-MM` or YYYY")
	f.StringSliceVar(&opts.Depts, "dept", nil, "only these department `CODE`s (repeatable; all by default)")
	f.StringVar(&opts.From, "from", "", "prefill from the previous period's submissions in `DIR`")
	f.StringVarP(&opts.Output, "output", "o", "", "write the workbooks into `DIR`")
	f.StringVar(&opts.Password, "password", "", "protect the data sheets with a password (none by default)")
	f.BoolVar(&opts.Force, "force", false, "overwrite existing files")
	f.BoolVar(&opts.List, "list", false, "list the departments and their indicators")
	return cmd
}

func runTemplate(io streams, opts *templateOptions) error {
	s, _, _, err := opts.spec.load()
	if err != nil {
		return err
	}
	if opts.List {
		listDepartments(io, s)
		return nil
	}
	if opts.Period == "" || opts.Output == "" {
		return usagef("--period and -o are required (or --list)")
	}
	p, ok := parsePeriodFlag(opts.Period)
	if !ok {
		return usagef("--period %q: want YYYY or YYYY-MM", opts.Period)
	}
	depts, err := selectDepartments(s, opts.Depts, p)
	if err != nil {
		return err
	}
	if st, err := os.Stat(opts.Output); err != nil || !st.IsDir() {
		return usagef("-o %s: not a folder", opts.Output)
	}
	prev := map[string]*reconcile.Submission{}
	if opts.From != "" {
		files, err := collect([]string{opts.From})
		if err != nil {
			return err
		}
		before := p.Prev()
		if !p.IsMonth() {
			before = reconcile.Period{Year: p.Year - 1}
		}
		for _, sub := range readAll(files, s, runtime.NumCPU(), workbook.DefaultLimits) {
			if sub.Period == before && !sub.Unreadable {
				sub := sub
				prev[sub.Department] = &sub
			}
		}
	}
	for _, d := range depts {
		path := filepath.Join(opts.Output, templates.FileName(d, p))
		if _, err := os.Stat(path); err == nil && !opts.Force {
			return usagef("%s exists; use --force to overwrite it", path)
		}
		var fill templates.Fill
		if sub := prev[d.Code]; sub != nil {
			fill = templates.Prefill(sub, p)
		}
		f, err := templates.Build(s, d, p, fill, templates.Options{Password: opts.Password})
		if err != nil {
			return fmt.Errorf("template %s: %w", d.Code, err)
		}
		var buf bytes.Buffer
		err = f.Write(&buf)
		f.Close()
		if err != nil {
			return fmt.Errorf("template %s: %w", d.Code, err)
		}
		if err := writeAtomic(path, buf.Bytes()); err != nil {
			return err
		}
		note := ""
		if prev[d.Code] != nil {
			note = " (prefilled from " + prev[d.Code].File + ")"
		}
		fmt.Fprintf(io.Out, "wrote %s%s\n", path, note)
	}
	return nil
}

// selectDepartments returns the departments asked for that submit for p.
func selectDepartments(s *reconcile.Spec, codes []string, p reconcile.Period) ([]*reconcile.Department, error) {
	var out []*reconcile.Department
	if len(codes) == 0 {
		for i := range s.Departments {
			if len(s.Departments[i].TablesFor(p)) > 0 {
				out = append(out, &s.Departments[i])
			}
		}
		return out, nil
	}
	for _, c := range codes {
		d, ok := s.Department(c)
		if !ok {
			return nil, usagef("--dept %s: no such department (tally template --list shows them)", c)
		}
		if len(d.TablesFor(p)) == 0 {
			return nil, usagef("--dept %s: %s submits nothing for %s", c, d.Name, p)
		}
		out = append(out, d)
	}
	return out, nil
}

func listDepartments(io streams, s *reconcile.Spec) {
	// Codes first: tabwriter counts characters, Chinese ones print double.
	w := tabwriter.NewWriter(io.Out, 0, 4, 2, ' ', 0)
	for _, d := range s.Departments {
		fmt.Fprintf(w, "%s\t\t\t%s\n", d.Code, d.Name)
		for _, t := range d.Tables {
			fmt.Fprintf(w, "  %s\t%s\t%s\t工作表 %s\n", t.ID, t.Frequency, t.Rows, t.Sheet)
			for _, code := range t.IndicatorCodes() {
				def, _ := s.Indicator(code)
				fmt.Fprintf(w, "    %s\t%s\t\t%s\n", def.Code, def.Unit.Name, def.Name)
			}
		}
	}
	w.Flush()
}
