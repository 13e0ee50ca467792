package main

import (
	"fmt"

	"github.com/jingwu/tally/reconcile"
	"github.com/spf13/cobra"
)

func newStatusCommand(io streams) *cobra.Command {
	var opts runOptions
	cmd := &cobra.Command{
		Use:   io.t("status [选项] 路径...", "status [flags] PATH..."),
		Short: io.t("报送情况：各单位每月已报送、未报送、逾期或退回", "Show who has submitted each month, who is missing, late or to be sent back"),
		Long: io.t(`读取“路径”下的报送文件，列出截至月份所在年度每个单位每个月的报送情况：已报送、
未报送、逾期（按文件记录的保存日期，晚于规格中次月的截止日）或退回（无法读取，或有
须退回修改的错误）。不给 --as-of 时取所读文件中最晚的月份。

退出状态：0 每月都按时报送且没有错误；1 有未报送、逾期或退回；2 tally 无法完成工作。`,
			`Read the submissions under PATH and show, for every department and month of the
as-of year, whether its file is submitted, missing, late (saved after the spec's
deadline day of the following month, by the date the file records) or rejected
(unreadable, or with an error to send back). Without --as-of, the latest month
among the inputs.

Exit status: 0 when every month is submitted on time without errors, 1 when
something is missing, late or rejected, 2 when tally could not run.`),
		Example: `  tally status --as-of 2021-03 testdata/submissions
  tally status --as-of 2021-06 --json testdata/submissions`,
		Args: args(cobra.MinimumNArgs(1), needPaths),
		RunE: func(cmd *cobra.Command, paths []string) error {
			return runStatus(io, &opts, paths)
		},
	}
	opts.AddFlags(cmd, io)
	// status consolidates nothing: its --as-of is the month it reports up to.
	cmd.Flags().Lookup("as-of").Usage = io.t("列出截至`年-月`的报送情况（如 2021-06；默认为所读文件中最晚的月份）",
		"show submissions through `YYYY-MM` (default: the latest month among the inputs' names)")
	return cmd
}

type jsonStatus struct {
	Submissions []jsonSubmission `json:"submissions"`
}

type jsonSubmission struct {
	Department string `json:"department"`
	Period     string `json:"period"`
	State      string `json:"state"`
	File       string `json:"file"`
	Saved      string `json:"saved,omitempty"`
	// Reasons are why a rejected file is sent back: its errors, each
	// at its cell, in the run's language.
	Reasons []string `json:"reasons,omitempty"`
}

func runStatus(io streams, opts *runOptions, paths []string) error {
	lang, err := opts.lang()
	if err != nil {
		return err
	}
	res, _, err := opts.consolidate(paths, "")
	if err != nil {
		return err
	}
	clean := true
	for _, st := range res.Status {
		clean = clean && st.State == reconcile.Submitted
	}
	if opts.JSON {
		out := jsonStatus{Submissions: []jsonSubmission{}}
		for _, st := range res.Status {
			out.Submissions = append(out.Submissions, jsonSubmission{Department: st.Department, Period: st.Period.String(),
				State: st.State, File: st.File, Saved: st.Saved, Reasons: rejectReasons(res, st, lang)})
		}
		if err := encodeJSON(io.Out, out); err != nil {
			return err
		}
	} else {
		printStatus(io, res, lang)
	}
	if !clean {
		return errFindings
	}
	return nil
}

var stateWord = map[string]reconcile.Text{
	reconcile.Submitted: {"已报送", "submitted"},
	reconcile.Missing:   {"未报送", "MISSING"},
	reconcile.Rejected:  {"退回", "REJECTED"},
	reconcile.Late:      {"逾期", "LATE"},
}

func printStatus(io streams, res *reconcile.Result, lang reconcile.Lang) {
	t := func(zh, en string) string { return reconcile.Text{zh, en}.In(lang) }
	fmt.Fprintln(io.Out, say(lang, msg{"{year} 年报送情况（截至 {as_of}）", "Submissions in {year} (through {as_of})"}, fields{"year": res.AsOf.Year, "as_of": res.AsOf}))
	// One row per department, its name first; columns by display width.
	var depts []string
	cells := map[string][]string{}
	for _, st := range res.Status {
		if _, ok := cells[st.Department]; !ok {
			depts = append(depts, st.Department)
		}
		cells[st.Department] = append(cells[st.Department], stateWord[st.State].In(lang))
	}
	head := []string{t("填报单位", "Department")}
	for m := 1; m <= res.AsOf.Month; m++ {
		head = append(head, t(fmt.Sprintf("%d月", m), fmt.Sprintf("%02d", m)))
	}
	rows := [][]string{head}
	for _, d := range depts {
		rows = append(rows, append([]string{deptName(res.Spec, d)}, cells[d]...))
	}
	printTable(io.Out, rows)
	for _, st := range res.Status {
		name := deptName(res.Spec, st.Department)
		switch st.State {
		case reconcile.Late:
			fmt.Fprintln(io.Out, say(lang, msg{"  逾期：{dept} {period}，文件保存于 {saved}", "  late: {dept} {period}, saved {saved}"}, fields{"dept": name, "period": st.Period, "saved": st.SavedAt.In(lang)}))
		case reconcile.Rejected:
			fmt.Fprintln(io.Out, say(lang, msg{"  退回：{dept} {period}（{file}）", "  rejected: {dept} {period} ({file})"}, fields{"dept": name, "period": st.Period, "file": st.File}))
			// Why, so the department can be told what to fix.
			for _, r := range rejectReasons(res, st, lang) {
				fmt.Fprintln(io.Out, "    "+r)
			}
		case reconcile.Missing:
			fmt.Fprintln(io.Out, say(lang, msg{"  未报送：{dept} {period}", "  missing: {dept} {period}"}, fields{"dept": name, "period": st.Period}))
		}
	}
	printUndated(io.Out, lang, res.Summary.Undated)
}

// rejectReasons are the errors that send a file back, each at its sheet and
// cell, in lang: the reason a 退回 line gives.
func rejectReasons(res *reconcile.Result, st reconcile.SubmissionState, lang reconcile.Lang) []string {
	if st.State != reconcile.Rejected {
		return nil
	}
	var out []string
	for _, f := range res.Findings {
		if f.File != st.File || f.Severity != reconcile.Error {
			continue
		}
		where := f.Sheet
		if f.Cell != "" {
			where += "!" + f.Cell
		}
		if where == "" {
			out = append(out, f.Message(lang))
			continue
		}
		out = append(out, say(lang, msg{"{where}：{message}", "{where}: {message}"}, fields{"where": where, "message": f.Message(lang)}))
	}
	return out
}
