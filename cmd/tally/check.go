package main

import (
	"bytes"
	"fmt"
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
}

func newCheckCommand(io streams) *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use:   "check [flags] PATH...",
		Short: "审核: find every problem in submissions, at its cell, without consolidating",
		Long: `Run every check tally knows on the submissions under PATH: unreadable files
(not a workbook, legacy .xls, encrypted, truncated, oversized, a zip bomb),
missing sheets and headers, cells that are not numbers, dates in figure cells,
figures typed as text, formulas without a value, required cells left empty,
precision and sign, the 统一社会信用代码 check character, duplicate rows,
values in hidden rows or columns, outside the input area, in locked cells that
are no input, under the 合计 or in another sheet, the 合计 row (and the sheet's
own SUM skipping a figure typed as text), 本年累计 against 本月 and against
last month's file when it is among the inputs, two files for one
department-month (both checked; the later save, then the later name, counts),
one credit code under two names, and the spec's own rules. 填表人 and 联系电话
lines and notes are not data rows. .ods files are read like .xlsx. A warning
on a row whose 说明 column has text is reported as explained.

With --annotate DIR, every file with findings is copied into DIR with the
offending cells highlighted and commented, and a sheet listing the findings.
The originals are never modified.

Exit status: 0 when no finding is an error, 1 otherwise, 2 when tally could
not run.`,
		Example: `  tally check 2021-03-czs.xlsx
  tally check --annotate returned/ inbox/
  tally check --json --lang en inbox/`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, paths []string) error {
			return runCheck(io, &opts, paths)
		},
	}
	opts.AddFlags(cmd)
	_ = cmd.Flags().MarkHidden("as-of") // every file is checked, whatever its month
	cmd.Flags().StringVar(&opts.Annotate, "annotate", "", "write annotated copies of files with findings into `DIR`")
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
	Status     string            `json:"status"` // ok, findings, unreadable
	Findings   []jsonFileFinding `json:"findings"`
}

type jsonFileFinding struct {
	Sheet       string `json:"sheet"`
	Cell        string `json:"cell"`
	Rule        string `json:"rule"`
	Severity    string `json:"severity"`
	Message     string `json:"message"`
	Raw         string `json:"raw"`
	Explanation string `json:"explanation"`
	Period      string `json:"period,omitempty"`
}

type jsonCheckSummary struct {
	Files    int `json:"files"`
	Findings int `json:"findings"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

func runCheck(io streams, opts *checkOptions, paths []string) error {
	lang, err := opts.lang()
	if err != nil {
		return err
	}
	if opts.Annotate != "" {
		if st, err := os.Stat(opts.Annotate); err != nil || !st.IsDir() {
			return usagef("--annotate %s: not a folder", opts.Annotate)
		}
	}
	res, _, err := opts.consolidateWith(paths, "", reconcile.Options{Check: true, Detail: func(reconcile.Entry) {}}, nil)
	if err != nil {
		return err
	}
	out := checkReport(res, lang)
	if opts.Annotate != "" {
		if err := annotate(res, out, opts.Annotate, lang); err != nil {
			return err
		}
		for _, fl := range out.Files {
			if fl.Status == "findings" && workbook.IsODS(fl.File) {
				fmt.Fprintf(io.Err, reconcile.Text{"tally: %s 是 OpenDocument 文件，未写批注副本，其问题已列出\n",
					"tally: %s is an OpenDocument file: no annotated copy; its findings are listed\n"}.In(lang), fl.File)
			}
		}
	}
	if opts.JSON {
		if err := encodeJSON(io.Out, out); err != nil {
			return err
		}
	} else {
		printCheck(io, out, lang)
	}
	if out.Summary.Errors > 0 {
		return errFindings
	}
	return nil
}

// checkReport groups the findings by file, in input order.
func checkReport(res *reconcile.Result, lang reconcile.Lang) jsonCheck {
	out := jsonCheck{Files: []jsonCheckFile{}}
	index := map[string]int{}
	for _, in := range res.Inputs {
		index[in.File] = len(out.Files)
		out.Files = append(out.Files, jsonCheckFile{File: in.File, Department: in.Department, Period: in.Period,
			Template: in.Template, Status: "ok", Findings: []jsonFileFinding{}})
		if in.Status == "unreadable" {
			out.Files[len(out.Files)-1].Status = "unreadable"
		}
	}
	for _, f := range res.Findings {
		jf := jsonFileFinding{Sheet: f.Sheet, Cell: f.Cell, Rule: string(f.Rule), Severity: string(f.Severity),
			Message: f.Message(lang), Raw: f.Raw, Explanation: f.Explanation}
		out.Summary.Findings++
		switch f.Severity {
		case reconcile.Error:
			out.Summary.Errors++
		case reconcile.Warning:
			out.Summary.Warnings++
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
	out.Summary.Files = len(out.Files)
	return out
}

func printCheck(io streams, out jsonCheck, lang reconcile.Lang) {
	t := func(zh, en string) string { return reconcile.Text{zh, en}.In(lang) }
	for _, fl := range out.Files {
		head := fl.File
		if fl.Department != "" {
			head += fmt.Sprintf(" (%s %s)", fl.Department, fl.Period)
		}
		switch fl.Status {
		case "ok":
			fmt.Fprintf(io.Out, t("%s：通过\n", "%s: ok\n"), head)
			continue
		case "unreadable":
			fmt.Fprintf(io.Out, t("%s：无法读取\n", "%s: unreadable\n"), head)
		default:
			fmt.Fprintf(io.Out, t("%s：%d 个问题\n", "%s: %d findings\n"), head, len(fl.Findings))
		}
		for _, f := range fl.Findings {
			where := f.Sheet
			if f.Cell != "" {
				where += "!" + f.Cell
			}
			if where != "" {
				where += " "
			}
			line := fmt.Sprintf("  %-7s %s%s", f.Severity, where, f.Message)
			if f.Explanation != "" {
				line += fmt.Sprintf(t("（已说明：%s）", " (explained: %s)"), f.Explanation)
			}
			fmt.Fprintln(io.Out, line)
		}
	}
	for _, f := range out.Checks {
		fmt.Fprintf(io.Out, "  %-7s %s %s\n", f.Severity, f.Period, f.Message)
	}
	s := out.Summary
	fmt.Fprintf(io.Out, t("文件 %d 个，问题 %d 个（错误 %d，警告 %d）\n", "%d files, %d findings (%d errors, %d warnings)\n"),
		s.Files, s.Findings, s.Errors, s.Warnings)
}

// annotate writes the annotated copy of every readable file with findings
// into dir, under its own name.
func annotate(res *reconcile.Result, out jsonCheck, dir string, lang reconcile.Lang) error {
	for _, fl := range out.Files {
		if fl.Status != "findings" || workbook.IsODS(fl.File) {
			continue // .ods: tally writes no OpenDocument; runCheck says so
		}
		var fs []reconcile.Finding
		for _, f := range res.Findings {
			if f.File == fl.File {
				fs = append(fs, f)
			}
		}
		var buf bytes.Buffer
		if err := workbook.Annotate(fl.File, &buf, fs, lang); err != nil {
			return fmt.Errorf("annotate %s: %w", fl.File, err)
		}
		dst := filepath.Join(dir, filepath.Base(fl.File))
		if abs1, _ := filepath.Abs(dst); abs1 != "" {
			if abs2, _ := filepath.Abs(fl.File); abs1 == abs2 {
				return usagef("--annotate %s would overwrite the input %s", dir, fl.File)
			}
		}
		if err := writeAtomic(dst, buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
