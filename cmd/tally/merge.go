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
	AsOf    string
	Name    string
	Sources bool
	Expect  []string
	Force   bool
	show    showOptions
}

// showOptions are the flags of 舍位平衡, shared by reconcile and merge.
type showOptions struct {
	Unit   string
	Places int32
}

// AddFlags adds them; rollup says the command is merge, whose workbook
// also has the by-node sheet (节点汇总).
func (o *showOptions) AddFlags(cmd *cobra.Command, io streams, rollup bool) {
	usage := io.t("另以`单位`（如 亿元）显示汇总，舍位平衡", "also show the Consolidated sheet in `UNIT` (e.g. 亿元), rounded so the parts add up to the totals")
	if rollup {
		usage = io.t("另以`单位`（如 亿元）显示汇总及节点汇总，舍位平衡", "also show the Consolidated and By node sheets in `UNIT` (e.g. 亿元), rounded so the parts add up to the totals")
	}
	cmd.Flags().StringVar(&o.Unit, "show-unit", "", usage)
	cmd.Flags().Int32Var(&o.Places, "places", 2, io.t("--show-unit 显示的小数`位数`（0 到 6）", "the number of decimal `PLACES` --show-unit shows (0 to 6)"))
}

// parse checks the flags; nil when no unit is asked for.
func (o *showOptions) parse() (*workbook.Show, error) {
	if o.Unit == "" {
		return nil, nil
	}
	u, ok := reconcile.LookupUnit(o.Unit)
	if !ok {
		var zh, en []string
		for _, g := range reconcile.ScaledUnits() {
			zh, en = append(zh, strings.Join(g, "、")), append(en, strings.Join(g, ", "))
		}
		return nil, usage(msg{"--show-unit “{unit}”：tally 不认识这个单位；可用的单位有 {units}", "--show-unit \"{unit}\": not a unit tally knows; the units are {units}"},
			fields{"unit": o.Unit, "units": reconcile.Text{strings.Join(zh, "；"), strings.Join(en, "; ")}})
	}
	if o.Places < 0 || o.Places > 6 {
		return nil, usage(msg{"--places {n}：应为 0 到 6", "--places {n}: want 0 to 6"}, fields{"n": o.Places})
	}
	return &workbook.Show{Unit: u, Places: o.Places}, nil
}

func (o *mergeOptions) AddFlags(cmd *cobra.Command, io streams) {
	f := cmd.Flags()
	f.StringVarP(&o.Output, "output", "o", "", io.t("把上级汇总工作簿写入`文件`（.xlsx；文件夹不存在时自动创建）", "write the parent's consolidated workbook to `FILE` (.xlsx; folders made as needed)"))
	f.BoolVar(&o.JSON, "json", false, io.t("以 JSON 格式输出结果", "print the result as JSON on stdout"))
	f.StringVar(&o.AsOf, "as-of", "", io.t("汇总截至`年-月`（默认为各节点中最晚的月份）", "roll up through `YYYY-MM` (default: the latest month of the nodes)"))
	f.BoolVar(&o.Force, "force", false, io.t("覆盖已有的 -o 文件，即使它不是 tally 写出的汇总工作簿", "overwrite an existing -o file even when it is not a consolidated workbook tally wrote"))
	f.StringVar(&o.Name, "name", "", io.t("上级`名称`，如 西青区（默认：汇总）", "the parent's `NAME`, e.g. 西青区 (default: 汇总)"))
	o.show.AddFlags(cmd, io, true)
	f.StringSliceVar(&o.Expect, "expect", nil, io.t("应报送的节点名称（`甲镇,乙镇,…`）：没有工作簿的节点列为未报送", "the nodes expected, by name (`甲镇,乙镇,…`): one without a workbook is missing"))
	f.BoolVar(&o.Sources, "check-sources", false, io.t("同时核对各镇列出的每个部门文件的 SHA-256（在所列位置或镇工作簿旁找到时）",
		"also check the SHA-256 of each department file a town lists, where the file is found (as listed, or beside the town's workbook)"))
}

func newMergeCommand(io streams) *cobra.Command {
	var opts mergeOptions
	cmd := &cobra.Command{
		Use:   io.t("merge [选项] 节点工作簿.xlsx...", "merge [flags] NODE.xlsx..."),
		Short: io.t("节点汇总：把各镇（或各区）的汇总工作簿再汇总", "Roll up consolidated workbooks of towns or districts"),
		Long: io.t(`读取 tally 写出的汇总工作簿（镇的，或上一级的），逐个核验后精确汇总为上级工作簿。

每个工作簿使用前都先核验：校验页（tally 随每个汇总工作簿写出的 SHA-256 隐藏页）、
每一汇总行、每段明细和来源文件清单与校验值是否相符，每个汇总数是否等于其明细之和，
行数是否守恒。tally 写出后被改动的工作簿被拒收，并指出被改动的单元格。节点自身有
错误、缺少月份或指标定义不同，都列为问题，如同部门未报送。节点自身的每个错误和警告
（如本月数异常 month_jump）由其校验页带上来，连同部门文件、工作表和单元格，列入本级的
问题清单；本级汇总数的本月数异常也由本级核对（rollup_month_jump）。

上级工作簿的工作表与镇的相同，以节点汇总（各节点数值及其合计）和节点明细（每个相加
的数值及其来源镇、工作簿、汇总单元格和经过的各级汇总）代替明细；追溯到部门单元格的
链条在镇的工作簿中继续。它同样带校验页，可以再向上汇总。

--expect 甲镇,乙镇,… 应报送而没有工作簿的节点，每个月都列为未报送（missing_node），
如同部门未报送。

--check-sources 对镇工作簿列出的每个部门文件（在所列路径或工作簿旁找到时）计算
SHA-256 并与清单比对：汇总后被改动的文件使该镇被拒收。

--show-unit 亿元 --places 2 另以该单位显示汇总和节点汇总，按最大余数法舍位平衡：
显示的各部分之和等于显示的合计；每个调整过的单元格都有标记，并注明其精确数值。
精确数值的工作表不变。

退出状态：0 所有节点都被采用且没有问题；1 其他情况；2 tally 无法完成工作。`, `Read consolidated workbooks tally wrote (a town's, or a roll-up's), verify each,
and consolidate them exactly into the parent's workbook.

Each workbook is verified before it is used: its seal (a hidden sheet of
SHA-256 digests tally writes with every consolidated workbook), every row
of its Consolidated sheet, every block of Detail rows and the list of input
files against the digests; every consolidated figure against the sum of its
detail; its row conservation. A workbook edited after tally wrote it is refused with a
finding naming the cell. A node with errors of its own, without some months,
or made with other indicator definitions is a finding, like a missing
department. Each of a node's own errors and warnings (a month out of line,
month_jump) is carried up by its seal, with the department's file, sheet
and cell, onto the parent's findings; a month of the parent's own totals
out of line is found at the parent (rollup_month_jump).

The parent's workbook has the same sheets as a town's, with By node (each
node's figures and their sum) and Node detail (every figure added, with the
town, its workbook and the Consolidated cell it comes from, and the roll-ups
it came through) in place of Detail; the chain to the department's cell continues in
the town's workbook. It is sealed too, so a parent's workbook rolls up again.

With --expect 甲镇,乙镇,… a node expected without a workbook is missing
for every month (missing_node), like a missing department.

With --check-sources each department file a town's workbook lists is
hashed where it is found (at its listed path, or beside the workbook) and
compared with the SHA-256 the workbook lists: a file changed since it was
consolidated refuses the town.

With --show-unit 亿元 --places 2 the workbook also shows Consolidated and By
node in that unit, rounded and balanced by the largest-remainder method:
the shown parts add up to the shown total; every adjusted cell is marked and
notes its exact figure. The exact sheets are unchanged.

Exit status: 0 when every node was accepted without findings, 1 otherwise,
2 when tally could not run.`),
		Example: `  tally merge 精武镇.xlsx 杨柳青镇.xlsx 张家窝镇.xlsx --name 西青区 -o 西青区.xlsx
  tally merge districts/ --name 天津市 --show-unit 亿元 --places 2 -o 天津市.xlsx`,
		Args: args(cobra.MinimumNArgs(1), msg{"请给出要汇总的工作簿或文件夹", "give the workbooks or folders to roll up"}),
		RunE: func(cmd *cobra.Command, paths []string) error {
			return runMerge(io, &opts, paths)
		},
	}
	opts.AddFlags(cmd, io)
	return cmd
}

func runMerge(st streams, opts *mergeOptions, paths []string) error {
	lang := st.Lang
	if opts.Output != "" && !strings.EqualFold(filepath.Ext(opts.Output), ".xlsx") {
		return usage(msg{"-o {path}：工作簿的文件名须以 .xlsx 结尾", "-o {path}: the workbook's name must end in .xlsx"}, fields{"path": opts.Output})
	}
	var mo reconcile.MergeOptions
	mo.Name = opts.Name
	mo.Expect = opts.Expect
	if opts.AsOf != "" {
		p, ok := parsePeriodFlag(opts.AsOf)
		if !ok || !p.IsMonth() {
			return usage(msg{"--as-of “{value}”：应为月份，如 2021-06", "--as-of \"{value}\": want a month YYYY-MM"}, fields{"value": opts.AsOf})
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
	files = spreadsheets(files)
	if len(files) == 0 {
		return usage(msg{"{paths} 下没有工作簿（.xlsx）", "no workbooks (.xlsx) under {paths}"}, fields{"paths": strings.Join(paths, " ")})
	}
	if opts.Output != "" {
		if err := checkOutput(opts.Output, files); err != nil {
			return err
		}
		if err := refuseExisting(opts.Output, opts.Force, ownWorkbook); err != nil {
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
		meta := workbook.Meta{Spec: st.t("节点汇总 ", "roll-up of ") + roll.Spec.Town, Lang: lang, Rollup: roll, Show: show}
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
	asOf := ""
	if roll.AsOf.Year != 0 {
		asOf = roll.AsOf.String()
	}
	out := jsonMerge{Name: roll.Spec.Town, AsOf: asOf, Figures: []jsonFigure{}, Findings: base.Findings, Nodes: base.Inputs, Summary: base.Summary}
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
	s := roll.Summary
	accepted := 0
	for _, in := range roll.Inputs {
		if in.Status != reconcile.Refused {
			accepted++
		}
	}
	asOf := reconcile.Text{roll.AsOf.String(), roll.AsOf.String()}
	if roll.AsOf.Year == 0 { // no node accepted: no month to say
		asOf = reconcile.Text{"—（没有可采用的汇总工作簿）", "— (no consolidated workbook accepted)"}
	}
	fmt.Fprintln(w, say(lang, msg{"{name} 节点汇总截至 {as_of}：{nodes}（采用 {accepted}，拒收 {refused}），数据行 {rows}（已汇总 {consolidated}，被拒收 {rejected}），{findings}",
		"{name} roll-up through {as_of}: {nodes} ({accepted} accepted, {refused} refused), {rows} rows ({consolidated} consolidated, {rejected} rejected), {findings}"},
		fields{"name": roll.Spec.Town, "as_of": asOf, "nodes": reconcile.Text{fmt.Sprintf("节点 %d 个", s.Files), plural(s.Files, "node", "nodes")}, "accepted": accepted, "refused": s.Files - accepted,
			"rows": s.Rows, "consolidated": s.RowsConsolidated, "rejected": s.RowsRejected, "findings": findingCounts(lang, s.Findings, s.Errors, s.Warnings, s.Infos)}))
	fs := sortedFindings(roll.Findings)
	if len(fs) > 0 {
		fmt.Fprintln(w)
	}
	sw := widest([]string{reconcile.Error.In(lang), reconcile.Warning.In(lang), reconcile.Info.In(lang)})
	for _, f := range fs {
		if where := f.Source.String(); where != "" {
			fmt.Fprintf(w, "  %s  %s: %s\n", pad(f.Severity.In(lang), sw), where, f.Message(lang))
		} else {
			fmt.Fprintf(w, "  %s  %s\n", pad(f.Severity.In(lang), sw), f.Message(lang))
		}
	}
	if output != "" {
		fmt.Fprint(w, say(lang, msg{"\n已写入 {path}\n", "\nwrote {path}\n"}, fields{"path": output}))
	}
}
