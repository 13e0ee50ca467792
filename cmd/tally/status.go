package main

import (
	"fmt"
	"os"
	"slices"

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
须退回修改的错误）。不给 --as-of 时取所读文件中最晚的月份。所读文件中当年第一个有
报送文件的月份之前的各月（如只放了7月报表的文件夹中的1–6月）只用一行说明
（1–6月：本文件夹无报送文件），不逐个单位列为未报送；--json 仍把这些月份逐项列为
missing，并在 no_files 中给出起止月份。

退出状态：0 每月都按时报送且没有错误；1 有未报送、逾期或退回；2 tally 无法完成工作。`,
			`Read the submissions under PATH and show, for every department and month of the
as-of year, whether its file is submitted, missing, late (saved after the spec's
deadline day of the following month, by the date the file records) or rejected
(unreadable, or with an error to send back). Without --as-of, the latest month
among the inputs. The months before the first one any return of the year is
among the inputs for (January–June in a folder of July's returns alone) are
said in one line (Jan–Jun: no submissions in this folder), not as missing for
every department; --json still lists each as missing and gives the months in
no_files.

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
	// NoFiles are the months of the as-of year, from January, before the
	// first month any return of the year is among the files read (a folder
	// of July's returns alone: 2020-01 to 2020-06). The terminal says them
	// once (1–6月：本文件夹无报送文件) instead of a 未报送 line for every
	// department and month; here their submissions are listed as ever,
	// each department's month "missing": none of them is reported.
	NoFiles     *jsonMonths      `json:"no_files,omitempty"`
	Submissions []jsonSubmission `json:"submissions"`
}

// jsonMonths is a run of months, from and through (YYYY-MM).
type jsonMonths struct {
	From    string `json:"from"`
	Through string `json:"through"`
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
		if n := monthsWithoutFiles(res); n > 0 {
			out.NoFiles = &jsonMonths{From: reconcile.Period{Year: res.AsOf.Year, Month: 1}.String(), Through: reconcile.Period{Year: res.AsOf.Year, Month: n}.String()}
		}
		for _, st := range res.Status {
			out.Submissions = append(out.Submissions, jsonSubmission{Department: st.Department, Period: st.Period.String(),
				State: st.State, File: st.File, Saved: st.Saved, Reasons: rejectReasons(res, st, lang)})
		}
		if err := encodeJSON(io.Out, out); err != nil {
			return err
		}
	} else {
		printStatus(io, res, lang, oneFolder(paths))
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

// monthsWithoutFiles is how many months of the as-of year, from January,
// come before the first month any department's return is among the files
// read (submitted, late or rejected): all of them through the as-of
// month when none is; 0 when January's is.
func monthsWithoutFiles(res *reconcile.Result) int {
	first := res.AsOf.Month + 1
	for _, st := range res.Status {
		if st.State != reconcile.Missing && st.Period.Year == res.AsOf.Year && st.Period.Month < first {
			first = st.Period.Month
		}
	}
	if len(res.Status) == 0 {
		return 0 // no department has monthly tables: nothing owed
	}
	return first - 1
}

// oneFolder reports whether paths are a single folder: the status then
// speaks of 本文件夹 (this folder), else of the files read.
func oneFolder(paths []string) bool {
	if len(paths) != 1 {
		return false
	}
	st, err := os.Stat(paths[0])
	return err == nil && st.IsDir()
}

func printStatus(io streams, res *reconcile.Result, lang reconcile.Lang, folder bool) {
	t := func(zh, en string) string { return reconcile.Text{zh, en}.In(lang) }
	fmt.Fprintln(io.Out, say(lang, msg{"{year} 年报送情况（截至 {as_of}）", "Submissions in {year} (through {as_of})"}, fields{"year": res.AsOf.Year, "as_of": res.AsOf}))
	// The months before the first return of the year among the files (a
	// folder of July's returns alone) are said once, not as a 未报送 for
	// every department and month: the folder holds none of them. They are
	// still not reported (--json lists them as missing; the exit status
	// counts them).
	skip := monthsWithoutFiles(res)
	if skip > 0 {
		where := msg{"{months}：所读文件中无报送文件（不逐项列出）", "{months}: no submissions among the files read (not listed one by one)"}
		if folder {
			where = msg{"{months}：本文件夹无报送文件（不逐项列出）", "{months}: no submissions in this folder (not listed one by one)"}
		}
		fmt.Fprintln(io.Out, say(lang, where, fields{"months": months(lang, skip)}))
	}
	// One row per department, its name first; columns by display width.
	var depts []string
	cells := map[string][]string{}
	for _, st := range res.Status {
		if !slices.Contains(depts, st.Department) {
			depts = append(depts, st.Department)
		}
		if st.Period.Month > skip {
			cells[st.Department] = append(cells[st.Department], stateWord[st.State].In(lang))
		}
	}
	if skip < res.AsOf.Month {
		head := []string{t("填报单位", "Department")}
		for m := skip + 1; m <= res.AsOf.Month; m++ {
			head = append(head, t(fmt.Sprintf("%d月", m), fmt.Sprintf("%02d", m)))
		}
		rows := [][]string{head}
		for _, d := range depts {
			rows = append(rows, append([]string{deptName(res.Spec, d)}, cells[d]...))
		}
		printTable(io.Out, rows)
	}
	for _, st := range res.Status {
		if st.Period.Month <= skip {
			continue // said once above
		}
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
