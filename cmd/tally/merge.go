package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/workbook"
	"github.com/spf13/cobra"
)

// mergeOptions holds the flags of tally merge.
type mergeOptions struct {
	Output  string
	JSON    bool
	Lang    string
	AsOf    string
	Name    string
	Sources bool
	Expect  []string
	show    showOptions
}

// showOptions are the flags of 舍位平衡, shared by reconcile and merge.
type showOptions struct {
	Unit   string
	Places int32
}

func (o *showOptions) AddFlags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.Unit, "show-unit", "", "also show 汇总 (and a roll-up's by-node sheet) in `UNIT` (e.g. 亿元), balanced (舍位平衡)")
	cmd.Flags().Int32Var(&o.Places, "places", 2, "decimal places of --show-unit")
}

// parse checks the flags; nil when no unit is asked for.
func (o *showOptions) parse() (*workbook.Show, error) {
	if o.Unit == "" {
		return nil, nil
	}
	u, ok := reconcile.LookupUnit(o.Unit)
	if !ok {
		return nil, usagef("--show-unit %q: not a unit tally knows", o.Unit)
	}
	if o.Places < 0 || o.Places > 6 {
		return nil, usagef("--places %d: want 0 to 6", o.Places)
	}
	return &workbook.Show{Unit: u, Places: o.Places}, nil
}

func (o *mergeOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVarP(&o.Output, "output", "o", "", "write the parent's consolidated workbook to `FILE` (.xlsx)")
	f.BoolVar(&o.JSON, "json", false, "print the result as JSON on stdout")
	f.StringVar(&o.Lang, "lang", "zh", "language of the workbook and messages: zh or en")
	f.StringVar(&o.AsOf, "as-of", "", "roll up through `YYYY-MM` (default: the latest month of the nodes)")
	f.StringVar(&o.Name, "name", "", "the parent's name, e.g. 西青区 (default: 汇总)")
	o.show.AddFlags(cmd)
	f.StringSliceVar(&o.Expect, "expect", nil, "the nodes expected, by name (`甲镇,乙镇,…`): one without a workbook is missing")
	f.BoolVar(&o.Sources, "check-sources", false, "also check the SHA-256 of each department file a town lists, where the file is found (as listed, or beside the town's workbook)")
}

func newMergeCommand(io streams) *cobra.Command {
	var opts mergeOptions
	cmd := &cobra.Command{
		Use:   "merge [flags] NODE.xlsx...",
		Short: "Roll up consolidated workbooks of towns or districts (节点汇总)",
		Long: `Read consolidated workbooks tally wrote (a town's, or a roll-up's), verify each,
and consolidate them exactly into the parent's workbook.

Each workbook is verified before it is used: its seal (a hidden sheet of
SHA-256 digests tally writes with every consolidated workbook), every 汇总
row, every block of 明细 rows and the list of input files against the
digests; every 汇总 figure against the sum of its 明细; its row
conservation. A workbook edited after tally wrote it is refused with a
finding naming the cell. A node with errors of its own, without some months,
or made with other indicator definitions is a finding, like a missing
department.

The parent's workbook has the same sheets as a town's, with 节点汇总 (each
node's figures and their sum) and 节点明细 (every figure added, with the
town, its workbook and the 汇总 cell it comes from, and the roll-ups it came
through) in place of 明细; the chain to the department's cell continues in
the town's workbook. It is sealed too, so a parent's workbook rolls up again.

With --expect 甲镇,乙镇,… a node expected without a workbook is missing
for every month (missing_node), like a missing department.

With --check-sources each department file a town's workbook lists is
hashed where it is found (at its listed path, or beside the workbook) and
compared with the SHA-256 the workbook lists: a file changed since it was
consolidated refuses the town.

With --show-unit 亿元 --places 2 the workbook also shows 汇总 and 节点汇总 in
that unit, rounded and balanced by the largest-remainder method (舍位平衡):
the shown parts add up to the shown total; every adjusted cell is marked and
notes its exact figure. The exact sheets are unchanged.

Exit status: 0 when every node was accepted without findings, 1 otherwise,
2 when tally could not run.`,
		Example: `  tally merge 精武镇.xlsx 杨柳青镇.xlsx 张家窝镇.xlsx --name 西青区 -o 西青区.xlsx
  tally merge districts/ --name 天津市 --show-unit 亿元 --places 2 -o 天津市.xlsx`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, paths []string) error {
			return runMerge(io, &opts, paths)
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

func runMerge(st streams, opts *mergeOptions, paths []string) error {
	lang := reconcile.Lang(opts.Lang)
	if lang != reconcile.Chinese && lang != reconcile.English {
		return usagef("--lang %q: want zh or en", opts.Lang)
	}
	if opts.Output != "" && !strings.EqualFold(filepath.Ext(opts.Output), ".xlsx") {
		return usagef("-o %s: the workbook's name must end in .xlsx", opts.Output)
	}
	var mo reconcile.MergeOptions
	mo.Name = opts.Name
	mo.Expect = opts.Expect
	if opts.AsOf != "" {
		p, err := reconcile.ParsePeriod(opts.AsOf)
		if err != nil || !p.IsMonth() {
			return usagef("--as-of %q: want a month YYYY-MM", opts.AsOf)
		}
		mo.AsOf = p
	}
	show, err := opts.show.parse()
	if err != nil {
		return err
	}
	files, err := collect(paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("no workbooks (.xlsx) under %s", strings.Join(paths, " "))
	}
	if opts.Output != "" {
		if err := checkOutput(opts.Output, files); err != nil {
			return err
		}
	}
	nodes := make([]reconcile.Node, 0, len(files))
	for _, f := range files {
		if f.problem != nil { // not a regular file, an unreadable folder: never opened
			nodes = append(nodes, reconcile.VerifyNode(&reconcile.NodeRead{File: filepath.Base(f.path), Problem: workbook.Cause(f.problem)}))
			continue
		}
		read := workbook.ReadNodeFile(f.path, filepath.Base(f.path), workbook.NodeLimits)
		n := reconcile.VerifyNode(read)
		if opts.Sources && !n.Rollup && !n.Refused() {
			reconcile.VerifySources(&n, workbook.SourceHashes(f.path, n.Inputs, workbook.DefaultLimits))
		}
		nodes = append(nodes, n)
	}
	roll := reconcile.Merge(nodes, mo)
	if opts.Output != "" {
		meta := workbook.Meta{Spec: "节点汇总 " + roll.Spec.Town, Lang: lang, Rollup: roll, Show: show}
		if err := writeAtomicFunc(opts.Output, func(w io.Writer) error { return workbook.Write(w, roll.Result, meta) }); err != nil {
			return err
		}
	}
	if opts.JSON {
		if err := encodeJSON(st.Out, mergeJSON(roll, lang)); err != nil {
			return err
		}
	} else {
		printMerge(st.Out, roll, lang, opts.Output)
	}
	if roll.Summary.Errors > 0 {
		return errFindings
	}
	return nil
}

// jsonMerge is the JSON document of tally merge --json: the nodes as
// inputs, the findings, the figures per indicator and the summary.
type jsonMerge struct {
	Name     string        `json:"name"`
	AsOf     string        `json:"as_of"`
	Figures  []jsonFigure  `json:"figures"`
	Findings []jsonFinding `json:"findings"`
	Nodes    []jsonInput   `json:"nodes"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonFigure struct {
	Indicator string             `json:"indicator"`
	Unit      string             `json:"unit"`
	Months    map[string]*string `json:"months"`
	YTD       *string            `json:"ytd"`
	Complete  bool               `json:"complete"`
}

func mergeJSON(roll *reconcile.Rollup, lang reconcile.Lang) jsonMerge {
	base := toJSON(roll.Result, lang)
	out := jsonMerge{Name: roll.Spec.Town, AsOf: roll.AsOf.String(), Figures: []jsonFigure{}, Findings: base.Findings, Nodes: base.Inputs, Summary: base.Summary}
	for i := range roll.Series {
		s := &roll.Series[i]
		jf := jsonFigure{Indicator: s.Indicator.Code, Unit: s.Indicator.Unit.Name, Months: map[string]*string{}, Complete: len(s.YTD.Incomplete) == 0}
		for m := 1; m <= roll.AsOf.Month; m++ {
			if f := s.Months[m]; f.Has {
				jf.Months[reconcile.Period{Year: roll.AsOf.Year, Month: m}.String()] = dec(f.Value)
			}
			if len(s.Months[m].Incomplete) > 0 {
				jf.Complete = false
			}
		}
		if s.YTD.Has {
			jf.YTD = dec(s.YTD.Value)
		}
		out.Figures = append(out.Figures, jf)
	}
	return out
}

func printMerge(w io.Writer, roll *reconcile.Rollup, lang reconcile.Lang, output string) {
	t := func(zh, en string) string { return reconcile.Text{zh, en}.In(lang) }
	s := roll.Summary
	accepted := 0
	for _, in := range roll.Inputs {
		if in.Status != reconcile.Refused {
			accepted++
		}
	}
	fmt.Fprintf(w, t("%s 节点汇总截至 %s：节点 %d 个（采用 %d，拒收 %d），数据行 %d（已汇总 %d，被拒收 %d），问题 %d 个（错误 %d，警告 %d）\n",
		"%s roll-up through %s: %d nodes (%d accepted, %d refused), %d rows (%d consolidated, %d rejected), %d findings (%d errors, %d warnings)\n"),
		roll.Spec.Town, roll.AsOf, s.Files, accepted, s.Files-accepted, s.Rows, s.RowsConsolidated, s.RowsRejected, s.Findings, s.Errors, s.Warnings)
	first := true
	for _, f := range sortedFindings(roll.Findings) {
		if f.Severity == reconcile.Info {
			continue
		}
		if first {
			fmt.Fprintln(w)
			first = false
		}
		where := f.Source.String()
		if where == "" {
			where = f.Department + " " + f.Period
		}
		fmt.Fprintf(w, "  %-7s %s: %s\n", f.Severity, where, f.Message(lang))
	}
	if output != "" {
		fmt.Fprintf(w, t("\n已写入 %s\n", "\nwrote %s\n"), output)
	}
}
