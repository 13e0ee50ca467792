package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/workbook"
	"github.com/spf13/cobra"
)

// checkOptions holds the flags of tally check.
type checkOptions struct {
	runOptions
	Annotate string
	Force    bool
}

func newCheckCommand(io streams) *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use:   io.t("check [选项] 路径...", "check [flags] PATH..."),
		Short: io.t("审核：逐格找出报送文件中的每个问题，不汇总", "Check: find every problem in submissions, at its cell, without consolidating"),
		Long: io.t(`对“路径”下的报送文件运行 tally 的全部审核：无法读取的文件（不是工作簿、旧版 .xls、
加密、不完整、过大、压缩炸弹），缺少工作表或表头，不是数字的单元格，数字格中的日期，
以文本填写的数字，没有计算结果的公式，必填项为空，小数位数和正负，统一社会信用代码
校验位，重复行，隐藏行列中、填报区域外、非填报的锁定单元格中、合计行下方或其他工作表
中的数值，合计行（以及工作表自带的 SUM 漏算了文本数字或数据行），本年累计与本月（以及
输入中有上月文件时与上月累计）的衔接，同一单位同一报告期有两个文件（两个都审核；文件
名与其模板相符的优先，其次以保存时间较晚的为准，相同时以文件名以期别和单位开头的、再以
文件名较后的为准），一个信用代码对应两个名称，同名企业的
信用代码与上月（或模板预填的）不同，以及规格中的审核公式。“填表人”“联系电话”行和备注
不算数据行。.ods 文件与 .xlsx 一样读取。“说明”栏有文字的行上的警告列为已说明。文件夹中
不是电子表格的文件：文件名是报送文件名（期别-单位，如 2021-07-czs.csv）的，作为该月
无法读取的报表列出（同月已有可读取的报表时列为随附文件）；其他文件列为已跳过（提示）。

--annotate 文件夹：把每个有问题的文件复制到该文件夹（不存在时自动创建），标出有问题的
单元格并加批注，另加一张“审核结果”表（每个问题的说明和怎么办）。副本保留所有输入
共同所在文件夹之下的子文件夹，同名文件不会互相覆盖。原文件从不修改：副本会替换某个输入文件（按文件本身比较，包括
链接），或该文件夹位于正在读取的文件夹之内时，在写出任何文件之前即拒绝执行。该文件夹
中已有的同名标注副本会被新副本替换；同名的其他文件不加 --force 不会覆盖（该副本不写出，
并列为警告）。

退出状态：0 没有错误；1 有错误；2 tally 无法完成工作。`, `Run every check tally knows on the submissions under PATH: unreadable files
(not a workbook, legacy .xls, encrypted, truncated, oversized, a zip bomb),
missing sheets and headers, cells that are not numbers, dates in figure cells,
figures typed as text, formulas without a value, required cells left empty,
precision and sign, the 统一社会信用代码 check character, duplicate rows,
values in hidden rows or columns, outside the input area, in locked cells that
are no input, under the 合计 or in another sheet, the 合计 row (and the sheet's
own SUM skipping a figure typed as text or leaving out data rows), 本年累计
against 本月 and against last month's file when it is among the inputs, two
files for one department-month (both checked; a file whose name agrees with
its template first, then the later save, then a name that starts with its
period and department, then the later name, counts), one credit code under two names, a firm's credit code other
than last month's (or the template's), and the spec's own rules.
填表人 and 联系电话 lines and notes are not data rows. .ods files are read like .xlsx. A warning
on a row whose 说明 column has text is reported as explained. A file in a
folder that is no spreadsheet is, when named as a return (period-department,
as 2021-07-czs.csv), that month's unreadable return (an accompanying file
when a readable return of the month is there); any other is listed as
skipped (info).

With --annotate DIR, every file with findings is copied into DIR with the
offending cells highlighted and commented, and a sheet listing the findings
and what to do about each ("Check results"; 审核结果 in Chinese).
Copies keep their folders below the folder all inputs share, so two files of
one name do not collide. The originals are never modified: a copy that would
replace an input (compared as files, through links), or a DIR inside a folder
being read, is refused before anything is written. An earlier annotated copy of
the same name in DIR is replaced; any other file of that name is not
overwritten without --force (that copy is not written, with a warning).

Exit status: 0 when no finding is an error, 1 otherwise, 2 when tally could
not run.`),
		Example: `  tally check 2021-03-czs.xlsx
  tally check --annotate returned/ inbox/
  tally check --json --lang en inbox/`,
		Args: args(cobra.MinimumNArgs(1), needPaths),
		RunE: func(cmd *cobra.Command, paths []string) error {
			return runCheck(io, &opts, paths)
		},
	}
	opts.AddFlags(cmd, io)
	_ = cmd.Flags().MarkHidden("as-of") // every file is checked, whatever its month
	cmd.Flags().StringVar(&opts.Annotate, "annotate", "", io.t("把有问题的文件加标注后复制到`文件夹`（不存在时自动创建）", "write annotated copies of files with findings into `DIR` (made as needed)"))
	cmd.Flags().BoolVar(&opts.Force, "force", false, io.t("--annotate 文件夹中同名的文件即使不是 tally 写的标注副本也覆盖", "overwrite a file of the same name in the --annotate DIR even when it is not an annotated copy tally wrote"))
	return cmd
}

type jsonCheck struct {
	Files   []jsonCheckFile   `json:"files"`
	Checks  []jsonFileFinding `json:"checks,omitempty"` // findings of no one file (rules over totals)
	Summary jsonCheckSummary  `json:"summary"`
}

type jsonCheckFile struct {
	File       string            `json:"file"`
	Department string            `json:"department"`
	Period     string            `json:"period"`
	Template   string            `json:"template"`
	Status     string            `json:"status"` // ok, findings, unreadable, skipped (not a submission)
	Findings   []jsonFileFinding `json:"findings"`
	// Annotated is where --annotate wrote the file's marked-up copy.
	Annotated string `json:"annotated,omitempty"`
}

type jsonFileFinding struct {
	Sheet string `json:"sheet"`
	Cell  string `json:"cell"`
	// Cells lists every cell of a run said once for its range.
	Cells       []string `json:"cells,omitempty"`
	Rule        string   `json:"rule"`
	Severity    string   `json:"severity"`
	Message     string   `json:"message"`
	Raw         string   `json:"raw"`
	Explanation string   `json:"explanation"`
	Period      string   `json:"period,omitempty"`
	// RuleName and SeverityName are the rule's name and the severity's
	// word in the run's language, as the screen says them.
	RuleName     string `json:"rule_name"`
	SeverityName string `json:"severity_name"`
}

type jsonCheckSummary struct {
	Files    int `json:"files"`
	Findings int `json:"findings"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	Folders  int `json:"unreadable_folders"` // not in Files
	// Files not judged late or on time: no save time to believe.
	Undated int `json:"undated_files"`
}

func runCheck(io streams, opts *checkOptions, paths []string) error {
	lang, err := opts.lang()
	if err != nil {
		return err
	}
	var dests map[string]string
	if opts.Annotate != "" {
		// Every refusal comes before the folder is made: a refused run
		// writes nothing.
		if st, err := os.Stat(opts.Annotate); err == nil && !st.IsDir() {
			return usage(msg{"{path} 是文件，不是文件夹", "{path} is a file, not a folder"}, fields{"path": opts.Annotate})
		}
		if err := annotateOutside(opts.Annotate, paths); err != nil {
			return err
		}
		opts.checkFiles = func(files []input) (err error) {
			if dests, err = annotateDests(files, opts.Annotate); err != nil {
				return err
			}
			return ensureDir(opts.Annotate)
		}
	}
	res, _, err := opts.consolidateWith(paths, "", reconcile.Options{Check: true, Detail: func(*reconcile.Entry) {}}, nil)
	if err != nil {
		return err
	}
	out := checkReport(res, lang)
	if opts.Annotate != "" {
		annotate(res, &out, dests, opts.Force, lang, opts.limits())
	}
	if opts.JSON {
		if err := encodeJSON(io.Out, out); err != nil {
			return err
		}
	} else {
		printCheck(io, out, res.Spec, lang)
	}
	if out.Summary.Errors > 0 {
		return errFindings
	}
	return nil
}

// checkReport groups the findings by file, in input order, each file's in
// reading order (reconcile.ReadingOrder: severity, then sheet, row and
// column), the findings of no one file by severity then period.
func checkReport(res *reconcile.Result, lang reconcile.Lang) jsonCheck {
	out := jsonCheck{Files: []jsonCheckFile{}}
	index := map[string]int{}
	for _, in := range res.Inputs {
		index[in.File] = len(out.Files)
		out.Files = append(out.Files, jsonCheckFile{File: in.File, Department: in.Department, Period: in.Period,
			Template: in.Template, Status: "ok", Findings: []jsonFileFinding{}})
		switch in.Status {
		case "unreadable":
			out.Files[len(out.Files)-1].Status = "unreadable"
		case "not_submission", "consolidated", "annotated", "template": // listed, with its info finding; nothing to annotate
			out.Files[len(out.Files)-1].Status = "skipped"
		}
	}
	for _, f := range readingOrder(res) {
		jf := jsonFileFinding{Sheet: f.Sheet, Cell: f.Cell, Cells: f.Cells, Rule: string(f.Rule), Severity: string(f.Severity),
			Message: f.Message(lang), Raw: f.Raw, Explanation: f.Explanation, RuleName: f.Rule.Name(lang), SeverityName: f.Severity.In(lang)}
		out.Summary.Findings++
		switch f.Severity {
		case reconcile.Error:
			out.Summary.Errors++
		case reconcile.Warning:
			out.Summary.Warnings++
		case reconcile.Info:
			out.Summary.Infos++
		}
		i, ok := index[f.File]
		if !ok {
			jf.Period = f.Period
			out.Checks = append(out.Checks, jf)
			continue
		}
		fl := &out.Files[i]
		fl.Findings = append(fl.Findings, jf)
		if fl.Status == "ok" {
			fl.Status = "findings"
		}
	}
	out.Summary.Files, out.Summary.Folders, out.Summary.Undated = res.Summary.Files, res.Summary.Folders, res.Summary.Undated
	return out
}

// readingOrder returns the run's findings grouped by file, each file's in
// reading order (reconcile.ReportOrder, the order every list uses).
func readingOrder(res *reconcile.Result) []reconcile.Finding {
	return reconcile.ReportOrder(res.Findings, res.Spec, res.Inputs)
}

func printCheck(io streams, out jsonCheck, spec *reconcile.Spec, lang reconcile.Lang) {
	sevWidth := widest([]string{reconcile.Error.In(lang), reconcile.Warning.In(lang), reconcile.Info.In(lang)})
	sev := func(s string) string { return pad(reconcile.Severity(s).In(lang), sevWidth) }
	for _, fl := range out.Files {
		head := oneLine(fl.File)
		if fl.Department != "" {
			head += say(lang, msg{"（{dept} {period}）", " ({dept} {period})"}, fields{"dept": deptName(spec, fl.Department), "period": fl.Period})
		}
		switch fl.Status {
		case "ok":
			fmt.Fprintln(io.Out, say(lang, msg{"{file}：通过", "{file}: ok"}, fields{"file": head}))
			continue
		case "unreadable":
			fmt.Fprintln(io.Out, say(lang, msg{"{file}：无法读取", "{file}: unreadable"}, fields{"file": head}))
		case "skipped":
			fmt.Fprintln(io.Out, say(lang, msg{"{file}：已跳过", "{file}: skipped"}, fields{"file": head}))
		default:
			fmt.Fprintln(io.Out, say(lang, msg{"{file}：{findings}", "{file}: {findings}"},
				fields{"file": head, "findings": counted(len(fl.Findings), "%d 个问题", "finding", "findings")}))
		}
		for _, f := range fl.Findings {
			where := f.Sheet
			if f.Cell != "" {
				where += "!" + f.Cell
			}
			if where != "" {
				where += " "
			}
			line := fmt.Sprintf("  %s  %s%s", sev(f.Severity), where, f.Message)
			if f.Explanation != "" {
				line += say(lang, msg{"（已说明：{text}）", " (explained: {text})"}, fields{"text": f.Explanation})
			}
			fmt.Fprintln(io.Out, oneLine(line))
		}
		if fl.Annotated != "" {
			fmt.Fprintln(io.Out, say(lang, msg{"  已写入标注副本 {copy}", "  annotated copy written to {copy}"}, fields{"copy": fl.Annotated}))
		}
	}
	// The findings of no one file (rules over the departments' totals)
	// under their own heading, not under the last file's block.
	if len(out.Checks) > 0 {
		fmt.Fprintln(io.Out, say(lang, msg{"跨单位核对：{findings}", "Checks across departments: {findings}"},
			fields{"findings": counted(len(out.Checks), "%d 个问题", "finding", "findings")}))
	}
	for _, f := range out.Checks {
		fmt.Fprintf(io.Out, "  %s  %s %s\n", sev(f.Severity), f.Period, oneLine(f.Message))
	}
	s := out.Summary
	fmt.Fprintln(io.Out, say(lang, msg{"{files}，{findings}", "{files}, {findings}"},
		fields{"files": counted(s.Files, "文件 %d 个", "file", "files"), "findings": findingCounts(lang, s.Findings, s.Errors, s.Warnings, s.Infos)}))
	if s.Folders > 0 {
		fmt.Fprintln(io.Out, say(lang, msg{"另有无法读取的文件夹 {folders} 个，其中的文件未读取", "also {folders}, whose files were not read"},
			fields{"folders": counted(s.Folders, "%d", "unreadable folder", "unreadable folders")}))
	}
	printUndated(io.Out, lang, s.Undated)
}

// annotate writes the annotated copy of every readable file with findings
// to its destination (annotateDests, checked against every input before
// the files were read). A copy that cannot be made is that file's finding;
// the others are still written.
func annotate(res *reconcile.Result, out *jsonCheck, dests map[string]string, force bool, lang reconcile.Lang, lim workbook.Limits) {
	byFile := map[string][]reconcile.Finding{}
	for _, f := range readingOrder(res) { // the copy's 审核结果 lists them as check does
		byFile[f.File] = append(byFile[f.File], f)
	}
	for i := range out.Files {
		fl := &out.Files[i]
		if fl.Status != "findings" { // a skipped file has nothing to annotate
			continue
		}
		dst, ok := dests[fl.File]
		if !ok {
			continue
		}
		// An earlier copy is replaced by the newer one; any other file of
		// that name only with --force: this copy is not written, the
		// others are.
		var reason reconcile.Text
		var ue *usageError
		if err := refuseExisting(dst, force, func(p string) bool { return workbook.IsAnnotated(p, lim) }); errors.As(err, &ue) {
			reason = reconcile.Text{ue.In(reconcile.Chinese), ue.In(reconcile.English)}
		} else if err := annotateOne(fl.File, dst, byFile[fl.File], lang, lim, origin(res.Spec, fl)); err != nil {
			reason = workbook.Cause(err)
		} else {
			fl.Annotated = dst
			continue
		}
		f := reconcile.Finding{Source: reconcile.Source{File: fl.File}, Rule: reconcile.RuleNotAnnotated,
			Severity: reconcile.Warning, Fields: reconcile.Fields{"reason": reason}}
		fl.Findings = append(fl.Findings, jsonFileFinding{Rule: string(f.Rule), Severity: string(f.Severity), Message: f.Message(lang)})
		out.Summary.Findings++
		out.Summary.Warnings++
	}
}

// annotateOne writes one annotated copy; a panic in it (a bug, or a file
// excelize cannot take) is its error, not the run's end.
func annotateOne(file, dst string, fs []reconcile.Finding, lang reconcile.Lang, lim workbook.Limits, about workbook.Origin) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	if testHookAnnotate != nil {
		testHookAnnotate(file)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return writeAtomicFunc(dst, func(w io.Writer) error {
		return workbook.AnnotateFor(file, w, fs, lang, lim, about)
	})
}

// origin is whose return a file is, for its annotated copy's title: the
// department by its name, and the period.
func origin(spec *reconcile.Spec, fl *jsonCheckFile) workbook.Origin {
	if fl.Department == "" {
		return workbook.Origin{Period: fl.Period}
	}
	return workbook.Origin{Department: deptName(spec, fl.Department), Period: fl.Period}
}
